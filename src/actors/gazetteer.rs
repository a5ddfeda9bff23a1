//! Gazetteer matches: every known country, place and organisation name in the sentences, found
//! with one automaton, on whole words, longest match first (`South China Sea` over `China`,
//! `Times of India` over `India`), with the cautions of ambiguous names applied.

use aho_corasick::automaton::OverlappingState;
use aho_corasick::Input;

use super::lexicon::{Caution, Lexicon};
use super::tokens::Token;

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
        // every name on word boundaries: one pass of the automaton over the segment
        let seg = &text[start..end];
        let mut state = OverlappingState::start();
        loop {
            lex.automaton.find_overlapping(Input::new(seg), &mut state);
            let Some(m) = state.get_match() else {
                break;
            };
            let (s, e) = (start + m.start(), start + m.end());
            if boundary_before(text, s) && boundary_after(text, e) {
                cands.push(GazMatch {
                    start: s,
                    end: e,
                    entry: m.pattern().as_usize(),
                });
            }
        }
        i = j + 1;
    }
    // longest first at each start; one name listed for two entries keeps the list's order
    cands.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.entry.cmp(&b.entry))
    });
    let mut out: Vec<GazMatch> = Vec::new();
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
        && !lex.nonnames.contains(t.text)
        && !lex.titles.contains(t.text)
        && !lex.org_heads.contains(t.text)
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
