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
fn names_in(text: &str, start: usize, end: usize, lex: &Lexicon, out: &mut Vec<GazMatch>) {
    // runs of letters and digits end with the segment
    let seg = &text[..end];
    let b = text.as_bytes();
    let mut k = start;
    while k < end {
        let c = b[k];
        let opens = if c.is_ascii() {
            if !c.is_ascii_alphanumeric() {
                k += 1;
                continue;
            }
            lex.first_bytes[c as usize]
        } else {
            match tokens::char_at(seg, k) {
                Some((c, _)) if tokens::is_word(c) => lex.first_non_ascii,
                Some((_, n)) => {
                    k += n;
                    continue;
                }
                None => break,
            }
        };
        let e = tokens::word_end(seg, k);
        // a run after the first of the segment follows a character that is not a word's
        if opens && (k > start || boundary_before(text, k)) {
            if let Some(ids) = lex.by_first_word.get(&text[k..e]) {
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
        }
        k = e;
    }
}

/// Finds gazetteer names inside the tokens' segments.
pub fn find(text: &str, tokens: &[Token], lex: &Lexicon) -> Vec<GazMatch> {
    let mut cands: Vec<GazMatch> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let seg = tokens[i].segment;
        let start = tokens[i].start;
        let mut j = i;
        while j + 1 < tokens.len() && tokens[j + 1].segment == seg {
            j += 1;
        }
        let end = tokens[j].full_end(text);
        names_in(text, start, end, lex, &mut cands);
        i = j + 1;
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
        for (i, name) in lex.names.iter().enumerate().step_by(7) {
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
