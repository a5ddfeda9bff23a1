//! Gazetteer matches: every known country, place and organisation name in the sentences, looked
//! up by the word it opens with, on whole words, longest match first (`South China Sea` over `China`,
//! `Times of India` over `India`), with the cautions of ambiguous names applied.

use super::lexicon::{Caution, Lexicon, Lists};
use super::tokens::{self, Token};

/// A gazetteer name found in the text.
#[derive(Debug, Clone, Copy)]
pub struct GazMatch {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into [`Lexicon::entries`].
    pub entry: usize,
}

fn boundary_before(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

fn boundary_after(text: &str, at: usize) -> bool {
    !text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// Every gazetteer name on word boundaries within `text[start..end]`, overlapping ones
/// included: each word (a run of letters and digits) is looked up among the first words of
/// the names, and the names it opens are compared with the text there.
#[cfg(test)]
fn names_in(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<GazMatch>) {
    walk(text, (start, end), start, end, lex, out);
}

/// [`names_in`] of the segment `seg` (`text[seg.0..seg.1]`), for the runs that begin in
/// `from..limit`; returns where the next run may begin (`limit`, or the end of a run that goes
/// on past it).
fn walk(
    text: &str,
    seg: (usize, usize),
    from: usize,
    limit: usize,
    lex: &Lexicon,
    out: &mut Vec<GazMatch>,
) -> usize {
    // runs of letters and digits end with the segment
    let (start, end) = seg;
    let seg = &text[..end];
    let b = text.as_bytes();
    let mut k = from;
    while k < limit {
        let c = b[k];
        if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                k += 1;
                continue;
            }
        } else {
            match tokens::char_at(seg, k) {
                Some((c, _)) if tokens::is_word(c) => {}
                Some((_, n)) => {
                    k += n;
                    continue;
                }
                // off a character's boundary: nothing more of the segment is read
                None => return end.max(limit),
            }
        }
        let e = tokens::word_end(seg, k);
        if lex.may_open(c, e - k, b.get(e + 1).copied()) {
            run(text, (start, end), k, e, lex, out);
        }
        k = e;
    }
    k.max(limit)
}

/// Looks up the run `text[k..e]` of the segment `seg`, which opens a name of the gazetteer.
fn run(
    text: &str,
    seg: (usize, usize),
    k: usize,
    e: usize,
    lex: &Lexicon,
    out: &mut Vec<GazMatch>,
) {
    let (start, end) = seg;
    // a run after the first of the segment follows a character that is not a word's
    if k == start && !boundary_before(text, k) {
        return;
    }
    let Some(ids) = lex.by_first_word.get(&text[k..e]) else {
        return;
    };
    let b = text.as_bytes();
    for &id in ids {
        let name = lex.names[id as usize].as_bytes();
        let stop = k + name.len();
        // the last bytes first: most names that share a first word differ there
        if stop <= end
            && b[stop - 1] == name[name.len() - 1]
            && &b[k..stop] == name
            && boundary_after(text, stop)
        {
            out.push(GazMatch {
                start: k,
                end: stop,
                entry: id as usize,
            });
        }
    }
}

/// [`names_in`] of one segment, whose words are `tokens`. The runs are those the byte walk
/// finds, in the same order; a plain word (one run, as most are) is taken whole from its token,
/// without reading its bytes again.
fn names_in_tokens(text: &str, tokens: &[Token], lex: &Lexicon, out: &mut Vec<GazMatch>) {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return;
    };
    let seg = (first.start, last.full_end(text));
    let b = text.as_bytes();
    let mut pos = seg.0;
    // the bytes that end no word and begin none
    let between = |c: &u8| c.is_ascii() && !c.is_ascii_alphanumeric();
    for t in tokens {
        // the bytes between words (most often a space or two), then the word
        if b[pos.min(t.start)..t.start].iter().all(between) {
            pos = pos.max(t.start);
        } else {
            pos = walk(text, seg, pos, t.start, lex, out);
        }
        let whole = pos == t.start && t.plain && b.get(t.end).is_none_or(between);
        if !whole {
            pos = walk(text, seg, pos, t.end, lex, out);
            continue;
        }
        if lex.may_open(b[t.start], t.end - t.start, b.get(t.end + 1).copied()) {
            run(text, seg, t.start, t.end, lex, out);
        }
        pos = t.end;
    }
    walk(text, seg, pos, seg.1, lex, out);
}

/// Finds gazetteer names inside the tokens' segments.
pub fn find(text: &str, tokens: &[Token], lex: &Lexicon) -> Vec<GazMatch> {
    let mut cands: Vec<GazMatch> = Vec::new();
    for segment in tokens.chunk_by(|a, b| a.segment == b.segment) {
        names_in_tokens(text, segment, lex, &mut cands);
    }
    // longest first at each start; one name listed for two entries keeps the list's order
    cands.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.entry.cmp(&b.entry))
    });
    let mut out: Vec<GazMatch> = Vec::with_capacity(cands.len());
    for c in cands {
        if out.last().is_some_and(|l| c.start < l.end) {
            continue;
        }
        if allowed(&c, tokens, lex) {
            out.push(c);
        }
    }
    out
}

/// A capitalised word that may be part of a person's name.
fn namelike(t: &Token, lex: &Lexicon) -> bool {
    t.is_cap()
        && !t.is_acronym()
        && !lex
            .lists_of(t.text)
            .intersects(Lists::NONNAME | Lists::TITLE | Lists::ORG_HEAD)
}

fn allowed(m: &GazMatch, tokens: &[Token], lex: &Lexicon) -> bool {
    let entry = &lex.entries[m.entry];
    let first = tokens.partition_point(|t| t.end <= m.start);
    let last = tokens.partition_point(|t| t.start < m.end);
    match entry.caution {
        Caution::None => true,
        Caution::CommonWord => !tokens.get(first).is_some_and(|t| t.sent_start),
        Caution::PersonName => {
            let before = first
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| {
                    !p.poss && tokens.get(first).is_some_and(|t| t.joined()) && namelike(p, lex)
                });
            let after = tokens
                .get(last)
                .is_some_and(|n| n.joined() && namelike(n, lex))
                && !tokens.get(last.saturating_sub(1)).is_some_and(|t| t.poss);
            let titled = first
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|p| lex.titles.contains(p.text));
            !before && !after && !titled
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::lexicon;
    use crate::actors::tokens::tokenize;
    use crate::sentences::{Sentence, SentenceKind};

    fn canon(text: &str) -> Vec<String> {
        let lex = lexicon::get();
        let sent = [Sentence {
            start: 0,
            end: text.len(),
            kind: SentenceKind::Text,
            paragraph: 0,
        }];
        let toks = tokenize(text, &sent, lex);
        find(text, &toks, lex)
            .iter()
            .map(|m| lex.entries[m.entry].canonical.clone())
            .collect()
    }

    /// Every name on word boundaries, by brute force over the whole list.
    fn brute(text: &str, lex: &Lexicon) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        for (id, name) in lex.names.iter().enumerate() {
            for (s, _) in text.match_indices(name.as_str()) {
                let e = s + name.len();
                if boundary_before(text, s) && boundary_after(text, e) {
                    out.push((s, e, id));
                }
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn lookup_by_first_word_finds_what_a_full_search_finds() {
        let lex = lexicon::get();
        // names of every kind, glued by separators that do and do not end a word
        let seps = [" ", "-", "'s ", ", ", "é", "x", ".", " the ", "\u{a0}", "ß"];
        let mut text = String::new();
        for (i, name) in lex.names.iter().enumerate() {
            text.push_str(name);
            text.push_str(seps[i % seps.len()]);
        }
        let mut found = Vec::new();
        names_in(&text, 0, text.len(), lex, &mut found);
        let mut found: Vec<_> = found.iter().map(|m| (m.start, m.end, m.entry)).collect();
        found.sort_unstable();
        let want = brute(&text, lex);
        assert!(want.len() > 100, "{}", want.len());
        assert_eq!(found, want);
    }

    #[test]
    fn reading_the_words_whole_finds_what_the_byte_walk_finds() {
        let lex = lexicon::get();
        // sentences cut as a splitter might: one after `F.`, one inside a word, gaps of spaces
        // and of words between them, lines apart; names glued by hyphens, possessives,
        // periods and accents
        let text = "India-Japan ties: Robert F. Dalton met Japan\u{2019}s Gen. Ito in New Delhi. \
                    The U.S. and the Times of India's staff saw South China Sea drills; \
                    Zo\u{eb} in Krak\u{f3}w, S\u{e3}o Paulo and C\u{f4}te d'Ivoire. Shell sold \
                    Shell's stake.\n\nWashington's envoy left Beijing\u{a0}Tokyo  Seoul?! \
                    IndiaJapan, Indian Ocean";
        let pieces = [
            "India-Japan ties: Robert F.",
            "Dalton met Japan\u{2019}s Gen. Ito in New Delhi.",
            "The U.S. and the Times of India's",
            "staff saw South China Sea drills; Zo",
            "\u{eb} in Krak\u{f3}w, S\u{e3}o Paulo and C\u{f4}te d'Ivoire.",
            "sold Shell's stake.",
            "Washington's envoy left Bei",
            "jing\u{a0}Tokyo  Seoul?! India",
            "Japan, Indian Ocean",
        ];
        let sent = crate::sentences::at_pieces(text, &pieces);
        let toks = tokenize(text, &sent, lex);
        assert!(toks.iter().any(|t| t.plain) && toks.iter().any(|t| !t.plain));
        let mut segments = 0;
        for segment in toks.chunk_by(|a, b| a.segment == b.segment) {
            segments += 1;
            let (start, end) = (segment[0].start, segment[segment.len() - 1].full_end(text));
            let mut want = Vec::new();
            names_in(text, start, end, lex, &mut want);
            let mut got = Vec::new();
            names_in_tokens(text, segment, lex, &mut got);
            let key = |m: &GazMatch| (m.start, m.end, m.entry);
            assert_eq!(
                got.iter().map(key).collect::<Vec<_>>(),
                want.iter().map(key).collect::<Vec<_>>(),
                "{:?}",
                &text[start..end]
            );
        }
        assert!(segments >= 2);
    }

    #[test]
    fn whole_words_only() {
        assert!(canon("They ate in Chinatown and Omaha.").is_empty());
        assert_eq!(canon("India-Japan ties"), ["India", "Japan"]);
    }

    #[test]
    fn longest_match_first() {
        assert_eq!(canon("the Indian Ocean"), ["Indian Ocean"]);
        assert_eq!(canon("the Times of India"), ["Times of India"]);
    }

    #[test]
    fn cautions() {
        assert!(canon("Denzel Washington smiled.").is_empty());
        assert_eq!(canon("Officials in Washington smiled."), ["United States"]);
        assert!(canon("Shell prices rose.").is_empty());
        assert_eq!(canon("They sold it to Shell now."), ["Shell"]);
    }
}
