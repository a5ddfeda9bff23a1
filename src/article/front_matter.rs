//! The front matter block an article may open with: `---` lines around `key: value` pairs
//! (YAML-like), or `+++` lines around `key = value` pairs (TOML-like). Known keys fill [`Meta`];
//! unknown keys, indented lines and list items are ignored.

use chrono::NaiveDate;

use super::lines::lines;
use super::Meta;

/// Parses a front matter block at the start of `text`. Returns the metadata, the byte offset
/// where the body starts and warnings. A block with no closing line is not front matter: the
/// whole file is then body, with a warning. A UTF-8 byte order mark is skipped.
pub fn parse_front_matter(text: &str) -> (Meta, usize, Vec<String>) {
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut it = lines(text, start);
    let Some(first) = it.next() else {
        return (meta, start, warnings);
    };
    let opener = first.text(text).trim_end();
    let (closer, sep) = match opener {
        "---" => ("---", ':'),
        "+++" => ("+++", '='),
        _ => return (meta, start, warnings),
    };
    let mut line_no = 1;
    let mut bad: Vec<usize> = Vec::new();
    let mut closed_at = None;
    for line in it {
        line_no += 1;
        let l = line.text(text);
        let t = l.trim_end();
        if t == closer || (closer == "---" && t == "...") {
            closed_at = Some(line.next);
            break;
        }
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            continue;
        }
        if l.starts_with([' ', '\t']) || t.starts_with("- ") || t == "-" {
            continue; // a continuation, a nested value or a list item of an ignored key
        }
        let Some((key, value)) = t.split_once(sep) else {
            bad.push(line_no);
            continue;
        };
        let value = unquote(value.trim());
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "title" | "headline" => meta.title = Some(value).filter(|v| !v.is_empty()),
            "published" | "date" | "pubdate" | "published_at" | "date_published" => {
                if value.is_empty() {
                    continue;
                }
                match parse_date_prefix(&value) {
                    Some(d) => meta.published = Some(d),
                    None => warnings.push(format!(
                        "front matter line {line_no}: '{key}: {value}' is not a date (YYYY-MM-DD)"
                    )),
                }
            }
            "source" | "outlet" | "publisher" => {
                meta.source = Some(value).filter(|v| !v.is_empty())
            }
            "url" | "link" => meta.url = Some(value).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    let Some(body_start) = closed_at else {
        warnings.push(format!(
            "front matter opened by '{closer}' is not closed: read as text"
        ));
        return (Meta::default(), start, warnings);
    };
    if let Some(&first_bad) = bad.first() {
        let more = match bad.len() {
            1 => String::new(),
            n => format!(" (and {} more such lines)", n - 1),
        };
        let want = if sep == ':' {
            "key: value"
        } else {
            "key = value"
        };
        warnings.push(format!(
            "front matter line {first_bad}: not '{want}', ignored{more}"
        ));
    }
    (meta, body_start, warnings)
}

/// Strips matching quotes; a double-quoted value has its `\"` and `\\` escapes undone, a
/// single-quoted one its `''`.
fn unquote(v: &str) -> String {
    let b = v.as_bytes();
    if b.len() >= 2 && b[0] == b'"' && b[b.len() - 1] == b'"' {
        let inner = &v[1..v.len() - 1];
        let mut out = String::with_capacity(inner.len());
        let mut chars = inner.chars();
        while let Some(ch) = chars.next() {
            if ch == '\\' {
                match chars.next() {
                    Some('n') => out.push(' '),
                    Some('t') => out.push(' '),
                    Some(other) => out.push(other),
                    None => out.push('\\'),
                }
            } else {
                out.push(ch);
            }
        }
        out
    } else if b.len() >= 2 && b[0] == b'\'' && b[b.len() - 1] == b'\'' {
        v[1..v.len() - 1].replace("''", "'")
    } else {
        v.to_string()
    }
}

/// `2024-11-22`, or the date part of `2024-11-22T10:00:00Z` / `2024-11-22 10:00`.
pub fn parse_date_prefix(v: &str) -> Option<NaiveDate> {
    let v = v.trim();
    let head = v.get(..10)?;
    if !head.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    match v.as_bytes().get(10) {
        None | Some(b'T') | Some(b' ') | Some(b't') => Some(d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_block_with_quotes_unknown_keys_and_lists() {
        let t = "---\ntitle: \"Say \\\"hi\\\"\"\ntags:\n  - a\n  - b\nauthor: X\ndate: 2024-11-22T10:00:00Z\n---\nBody";
        let (m, body, w) = parse_front_matter(t);
        assert_eq!(m.title.as_deref(), Some("Say \"hi\""));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 11, 22));
        assert_eq!(&t[body..], "Body");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn toml_block() {
        let t = "+++\ntitle = 'It''s here'\npublished = \"2020-09-11\"\n+++\nBody";
        let (m, body, w) = parse_front_matter(t);
        assert_eq!(m.title.as_deref(), Some("It's here"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2020, 9, 11));
        assert_eq!(&t[body..], "Body");
        assert!(w.is_empty());
    }

    #[test]
    fn crlf_and_lone_cr_blocks() {
        for t in [
            "---\r\ntitle: A\r\npublished: 2020-01-02\r\n---\r\nBody",
            "---\rtitle: A\rpublished: 2020-01-02\r---\rBody",
        ] {
            let (m, body, w) = parse_front_matter(t);
            assert_eq!(m.title.as_deref(), Some("A"));
            assert_eq!(m.published, NaiveDate::from_ymd_opt(2020, 1, 2));
            assert_eq!(&t[body..], "Body");
            assert!(w.is_empty());
        }
    }

    #[test]
    fn broken_lines_make_one_warning() {
        let t = "---\ntitle: A\nthis is not a pair\nnor this\n---\nBody";
        let (m, _, w) = parse_front_matter(t);
        assert_eq!(m.title.as_deref(), Some("A"));
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("line 3") && w[0].contains("1 more"), "{w:?}");
    }

    #[test]
    fn dates_that_are_not_dates() {
        assert_eq!(parse_date_prefix("2024-13-45"), None);
        assert_eq!(parse_date_prefix("2024-02-30"), None);
        assert_eq!(parse_date_prefix("2024-02-29x"), None);
        assert_eq!(parse_date_prefix("2024-1-5"), None);
        assert_eq!(parse_date_prefix("2024-02-2é"), None);
        assert_eq!(
            parse_date_prefix("2024-02-29 10:00"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
    }
}
