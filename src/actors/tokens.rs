//! Words of the sentences with their byte ranges: initials and known abbreviations keep their
//! period (`J.`, `U.S.`, `Gen.`), a possessive `'s` (straight or curly) is cut off and noted, and
//! each word knows whether it opens a sentence and whether it lies in a headline.

use crate::sentences::{Sentence, SentenceKind};

use super::lexicon::Lexicon;

/// One word.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    /// First byte (file offset).
    pub start: usize,
    /// One past the last byte of the word (possessive excluded).
    pub end: usize,
    /// The word.
    pub text: &'a str,
    /// Followed by a possessive `'s` or `'`.
    pub poss: bool,
    /// The text between the previous word (or its possessive) and this one.
    pub sep: &'a str,
    /// First word of a sentence.
    pub sent_start: bool,
    /// Inside a headline written in Title Case (capitals there do not mark names).
    pub headline: bool,
    /// Index of the segment (a stretch of sentences on one line) it belongs to.
    pub segment: u32,
}

impl Token<'_> {
    /// Starts with a capital letter.
    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Only separated from the previous word by spaces on the same line.
    pub fn joined(&self) -> bool {
        !self.sep.is_empty()
            && self
                .sep
                .chars()
                .all(|c| c == ' ' || c == '\t' || c == '\u{a0}')
    }

    /// An initial such as `J.`.
    pub fn is_initial(&self) -> bool {
        let mut cs = self.text.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    }

    /// An acronym such as `JSDF` or `UNSC` (two or more capitals, no lowercase).
    pub fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2 && !self.text.chars().any(char::is_lowercase)
    }

    /// One past the last byte, possessive included.
    pub fn full_end(&self, text: &str) -> usize {
        if !self.poss {
            return self.end;
        }
        let rest = &text[self.end..];
        let mut n = 0;
        for (i, c) in rest.char_indices() {
            if i == 0 && is_apostrophe(c) {
                n = c.len_utf8();
                continue;
            }
            if i > 0 && c == 's' {
                n = i + 1;
            }
            break;
        }
        self.end + n
    }
}

/// Straight or curly apostrophe (some sites write `‘` for it).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// A headline in Title Case, whose capitals say nothing about names: most of its longer words
/// are capitalised.
pub fn is_title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 3)
        .collect();
    let caps = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && caps * 10 >= long.len() * 6
}

/// Splits the sentences of `text` into words. Sentences on one line form one segment, so a
/// splitter that cuts after `J.` does not cut `Robert F. Dalton` in two.
pub fn tokenize<'a>(text: &'a str, sentences: &[Sentence], lex: &Lexicon) -> Vec<Token<'a>> {
    let mut spans: Vec<(usize, usize, bool)> = sentences
        .iter()
        .filter(|s| s.start < s.end && s.end <= text.len())
        .filter(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end))
        .map(|s| {
            let title_case =
                s.kind == SentenceKind::Headline && is_title_case(&text[s.start..s.end]);
            (s.start, s.end, title_case)
        })
        .collect();
    spans.sort_by_key(|s| s.0);
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut chars = Vec::new();
    let mut segment = 0u32;
    let mut last_end: Option<usize> = None;
    for (start, end, headline) in spans {
        let start = start.max(last_end.unwrap_or(0));
        if start >= end {
            continue;
        }
        let same_line = last_end.is_some_and(|e| !text[e..start].contains('\n'));
        if !same_line {
            segment += 1;
        }
        words(
            text, start, end, headline, segment, !same_line, lex, &mut chars, &mut out,
        );
        last_end = Some(end);
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn words<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    headline: bool,
    segment: u32,
    new_segment: bool,
    lex: &Lexicon,
    chars: &mut Vec<(usize, char)>,
    out: &mut Vec<Token<'a>>,
) {
    let s = &text[start..end];
    let mut prev_end = if new_segment || out.is_empty() {
        start
    } else {
        out.last().map_or(start, |t: &Token| t.full_end(text))
    };
    let mut first = new_segment;
    chars.clear();
    if s.is_ascii() {
        chars.extend(s.bytes().enumerate().map(|(i, b)| (i, b as char)));
    } else {
        chars.extend(s.char_indices());
    }
    let mut i = 0;
    while i < chars.len() {
        let (bi, c) = chars[i];
        if !is_word(c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut poss = false;
        while j < chars.len() {
            let c = chars[j].1;
            let next = chars.get(j + 1).map(|x| x.1);
            if is_word(c) {
                j += 1;
            } else if is_apostrophe(c) {
                let after = chars.get(j + 2).map(|x| x.1);
                if next == Some('s') && !after.is_some_and(is_word) {
                    poss = true;
                    break;
                } else if next.is_some_and(is_word) {
                    j += 1;
                } else {
                    if chars[j - 1].1 == 's' && j > i + 1 {
                        poss = true;
                    }
                    break;
                }
            } else if matches!(c, '-' | '.' | '&') && next.is_some_and(is_word) {
                j += 1;
            } else {
                break;
            }
        }
        let mut wend_byte = chars.get(j).map_or(s.len(), |x| x.0);
        let word = &s[bi..wend_byte];
        if !poss && chars.get(j).is_some_and(|x| x.1 == '.') {
            let with = &s[bi..wend_byte + 1];
            let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if single || word.contains('.') || lex.abbreviations.contains(with) {
                wend_byte += 1;
                j += 1;
            }
        }
        let abs_start = start + bi;
        let sep = &text[prev_end.min(abs_start)..abs_start];
        let sent_start = first
            || sep.contains(['.', '!', '?', '\n'])
            || out.last().is_some_and(|t: &Token| {
                t.segment == segment
                    && t.text.ends_with('.')
                    && !t.is_initial()
                    && !lex.titles.contains(t.text)
            });
        let tok = Token {
            start: abs_start,
            end: start + wend_byte,
            text: &text[abs_start..start + wend_byte],
            poss,
            sep,
            sent_start,
            headline,
            segment,
        };
        prev_end = tok.full_end(text);
        out.push(tok);
        first = false;
        // skip the possessive
        i = j;
        if poss {
            while i < chars.len() && start + chars[i].0 < prev_end {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::lexicon;

    fn toks(s: &str) -> Vec<String> {
        let sent = [Sentence {
            start: 0,
            end: s.len(),
            kind: SentenceKind::Text,
            paragraph: 0,
        }];
        tokenize(s, &sent, lexicon::get())
            .iter()
            .map(|t| format!("{}{}", t.text, if t.poss { "+s" } else { "" }))
            .collect()
    }

    #[test]
    fn initials_abbreviations_possessives() {
        assert_eq!(
            toks("Robert F. Dalton met Gen. Ito in the U.S. on Friday."),
            ["Robert", "F.", "Dalton", "met", "Gen.", "Ito", "in", "the", "U.S.", "on", "Friday"]
        );
        assert_eq!(toks("Mehra\u{2018}s talks"), ["Mehra+s", "talks"]);
        assert_eq!(
            toks("Japan\u{2019}s and O'Brien's"),
            ["Japan+s", "and", "O'Brien+s"]
        );
        assert_eq!(
            toks("the Ministers' Meeting"),
            ["the", "Ministers+s", "Meeting"]
        );
        assert_eq!(toks("India-Japan ties"), ["India-Japan", "ties"]);
    }
}
