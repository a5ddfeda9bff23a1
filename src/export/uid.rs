//! Stable event identifiers: a hash of an event's date, title and first mention, so that the
//! same event exported twice gets the same id (a calendar re-import updates instead of
//! duplicating it) and no two events of one export share one.

use std::collections::HashSet;
use std::path::Path;

use super::EventRecord;

const FNV128_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV128_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// FNV-1a, 128 bits: stable across platforms and releases, unlike the standard library's hasher.
fn fnv1a128(parts: &[&[u8]]) -> u128 {
    let mut h = FNV128_OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // a separator that cannot occur in UTF-8 text, so ("ab", "c") ≠ ("a", "bc")
            h ^= 0xff;
            h = h.wrapping_mul(FNV128_PRIME);
        }
        for &b in *part {
            h ^= b as u128;
            h = h.wrapping_mul(FNV128_PRIME);
        }
    }
    h
}

/// The id of one event: 32 hex digits from its date, title, and the file name and offset of
/// its first mention. The file's directory is left out so that the id does not change with the
/// directory the export is run from.
pub fn event_hash(record: &EventRecord) -> String {
    let date = record.date.map(|d| d.to_string()).unwrap_or_default();
    let (file, start) = match record.mentions.first() {
        Some(m) => {
            let name = Path::new(&m.file)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| m.file.clone());
            (name, m.start.to_string())
        }
        None => (String::new(), String::new()),
    };
    let h = fnv1a128(&[
        date.as_bytes(),
        record.title.as_bytes(),
        file.as_bytes(),
        start.as_bytes(),
    ]);
    format!("{h:032x}")
}

/// The ids of `records`, in order, all distinct: an id met again gets `-2`, `-3`, … appended.
pub fn unique_ids(records: &[EventRecord]) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::with_capacity(records.len());
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let base = event_hash(r);
        let mut id = base.clone();
        let mut n = 1;
        while used.contains(&id) {
            n += 1;
            id = format!("{base}-{n}");
        }
        used.insert(id.clone());
        out.push(id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::MentionRecord;
    use crate::temporal::{Basis, DateValue};

    fn rec(date: &str, title: &str, file: &str, start: usize) -> EventRecord {
        EventRecord {
            date: DateValue::parse(date),
            precision: DateValue::parse(date).map(|d| d.precision()),
            date_text: String::new(),
            date_basis: Basis::Explicit,
            title: title.to_string(),
            actors: vec![],
            actor_kinds: vec![],
            mentions: vec![MentionRecord {
                file: file.to_string(),
                start,
                end: start + 10,
                line: 1,
                title: String::new(),
                source: None,
                published: None,
            }],
            sources: vec![],
            background: false,
        }
    }

    #[test]
    fn hash_is_stable_and_ignores_the_directory() {
        let a = rec("2024-11-22", "Talks", "corpus/a.txt", 10);
        let b = rec("2024-11-22", "Talks", "/elsewhere/corpus/a.txt", 10);
        assert_eq!(event_hash(&a), event_hash(&b));
        assert_eq!(event_hash(&a).len(), 32);
        assert!(event_hash(&a).chars().all(|c| c.is_ascii_hexdigit()));
    }

    #[test]
    fn hash_changes_with_date_title_or_mention() {
        let a = event_hash(&rec("2024-11-22", "Talks", "a.txt", 10));
        assert_ne!(a, event_hash(&rec("2024-11-23", "Talks", "a.txt", 10)));
        assert_ne!(a, event_hash(&rec("2024-11-22", "Talks.", "a.txt", 10)));
        assert_ne!(a, event_hash(&rec("2024-11-22", "Talks", "b.txt", 10)));
        assert_ne!(a, event_hash(&rec("2024-11-22", "Talks", "a.txt", 11)));
        // field boundaries matter
        assert_ne!(
            fnv1a128(&[b"ab".as_slice(), b"c".as_slice()]),
            fnv1a128(&[b"a".as_slice(), b"bc".as_slice()])
        );
    }

    #[test]
    fn duplicates_get_distinct_ids() {
        let r = rec("2024", "Same", "a.txt", 0);
        let ids = unique_ids(&[r.clone(), r.clone(), r]);
        assert_eq!(ids.len(), 3);
        assert_ne!(ids[0], ids[1]);
        assert_ne!(ids[1], ids[2]);
        assert_ne!(ids[0], ids[2]);
        assert!(ids[1].starts_with(&ids[0]));
    }
}
