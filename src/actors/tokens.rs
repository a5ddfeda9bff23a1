//! Words of the sentences with their byte ranges: initials and known abbreviations keep their
//! period (`J.`, `U.S.`, `Gen.`), a possessive `'s` (straight or curly) is cut off and noted, and
//! each word knows whether it opens a sentence and whether it lies in a headline.

use crate::sentences::{Sentence, SentenceKind};
pub(super) use crate::text::char_at;

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
    /// One run of letters and digits: no hyphen, period, ampersand or apostrophe inside it or
    /// after it (a possessive aside).
    pub plain: bool,
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
        // most words give themselves away by a lowercase letter, before letters are counted
        !self.text.chars().any(char::is_lowercase)
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
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

pub(super) fn is_word(c: char) -> bool {
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
            text, start, end, headline, segment, !same_line, lex, &mut out,
        );
        last_end = Some(end);
    }
    out
}

/// ASCII letters and digits, by byte value: the walk over a word tests each byte with one load.
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// A byte that ends a sentence when it lies between two words.
fn is_stop(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | b'\n')
}

/// A letter or digit at byte `i` of `s`.
fn word_at(s: &str, i: usize) -> bool {
    char_at(s, i).is_some_and(|(c, _)| is_word(c))
}

/// The end of the run of letters and digits that goes on at byte `i` of `s`.
pub(super) fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if ASCII_WORD[usize::from(b)] {
            i += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match char_at(s, i) {
                Some((c, len)) if is_word(c) => i += len,
                _ => break,
            }
        }
    }
    i
}

/// Appends the words of the sentence at `start..end` of `text` to `out`.
#[allow(clippy::too_many_arguments)]
fn words<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    headline: bool,
    segment: u32,
    new_segment: bool,
    lex: &Lexicon,
    out: &mut Vec<Token<'a>>,
) {
    // the text up to the end of the sentence: offsets into it are offsets into `text`
    let s = &text[..end];
    let bytes = s.as_bytes();
    let mut prev_end = if new_segment || out.is_empty() {
        start
    } else {
        out.last().map_or(start, |t: &Token| t.full_end(text))
    };
    let mut first = new_segment;
    // the first word's separator begins before the sentence and is searched for stops; after
    // it, the bytes skipped between two words are exactly the separator, and are noted in
    // `stop` as they are skipped
    let mut first_in_sentence = true;
    let mut stop = false;
    // always on a character boundary
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if !ASCII_WORD[usize::from(b)] {
            if b.is_ascii() {
                stop |= is_stop(b);
                i += 1;
                continue;
            }
            match char_at(s, i) {
                Some((c, _)) if is_word(c) => {}
                Some((_, len)) => {
                    i += len;
                    continue;
                }
                None => break,
            }
        }
        let bi = i;
        // past letters and digits, and the apostrophes, hyphens, periods and ampersands
        // between them; `j` stops on neither a letter nor a digit
        let mut j = bi;
        let mut poss = false;
        let mut runs = 0u32;
        loop {
            j = word_end(s, j);
            runs += 1;
            match bytes.get(j) {
                Some(b'-' | b'.' | b'&') if word_at(s, j + 1) => j += 1,
                // an apostrophe, straight or (beyond ASCII) curly
                Some(&b) if b == b'\'' || !b.is_ascii() => {
                    let Some((_, len)) = char_at(s, j).filter(|&(c, _)| is_apostrophe(c)) else {
                        break;
                    };
                    let next = char_at(s, j + len);
                    let after = next.is_some_and(|(_, n)| word_at(s, j + len + n));
                    if next.is_some_and(|(n, _)| n == 's') && !after {
                        poss = true;
                        break;
                    } else if next.is_some_and(|(n, _)| is_word(n)) {
                        j += len;
                    } else {
                        // `Ministers'`: a word of two characters or more ending in `s`
                        if bytes[j - 1] == b's' && bi + 1 < j {
                            poss = true;
                        }
                        break;
                    }
                }
                _ => break,
            }
        }
        let run_end = j;
        if !poss && bytes.get(j) == Some(&b'.') {
            let word = &s[bi..j];
            let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            if single || word.contains('.') || lex.abbreviations.contains(&s[bi..=j]) {
                j += 1;
            }
        }
        let sep = &text[prev_end.min(bi)..bi];
        if first_in_sentence {
            stop = sep.bytes().any(is_stop);
            first_in_sentence = false;
        }
        let sent_start = first
            || stop
            || out.last().is_some_and(|t: &Token| {
                t.segment == segment
                    && t.text.ends_with('.')
                    && !t.is_initial()
                    && !lex.titles.contains(t.text)
            });
        let tok = Token {
            start: bi,
            end: j,
            text: &text[bi..j],
            poss,
            sep,
            sent_start,
            headline,
            segment,
            plain: runs == 1 && run_end == j,
        };
        // skip the possessive
        prev_end = if poss { tok.full_end(text) } else { j };
        out.push(tok);
        first = false;
        stop = false;
        i = prev_end;
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

    /// Word boundaries read one character at a time, as the byte walk of [`words`] must find
    /// them: `(start, end, possessive)` in bytes.
    fn by_chars(s: &str) -> Vec<(usize, usize, bool)> {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let at = |k: usize| chars.get(k).map(|x| x.1);
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !is_word(chars[i].1) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut poss = false;
            while let Some(c) = at(j) {
                let next = at(j + 1);
                if is_word(c) {
                    j += 1;
                } else if is_apostrophe(c) {
                    if next == Some('s') && !at(j + 2).is_some_and(is_word) {
                        poss = true;
                        break;
                    } else if next.is_some_and(is_word) {
                        j += 1;
                    } else {
                        poss = chars[j - 1].1 == 's' && j > i + 1;
                        break;
                    }
                } else if matches!(c, '-' | '.' | '&') && next.is_some_and(is_word) {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(s.len(), |x| x.0);
            out.push((chars[i].0, end, poss));
            i = j;
            if poss {
                // past the apostrophe and an `s`
                i += 1;
                if at(i) == Some('s') {
                    i += 1;
                }
            }
        }
        out
    }

    #[test]
    fn byte_walk_agrees_with_chars() {
        // no periods: initials and abbreviations are decided after the walk, alike for both
        let cases = [
            "Zoë’s café in Kraków, Ngô Đình's aide; Éric-Émile & Ångström",
            "the Ministers' meeting, the boss' car, s' and s's, x'y’z ‘s",
            "naïve résumé—São Paulo’s mayor said «Bonjour» to 東京 officials",
            "Ö Müller-Lüdenscheidt, 3,5% of €20bn; AT&T's O’Neill ’s 's",
            "ends with apostrophe’ and 'quoted' words ' s",
        ];
        for case in cases {
            let sent = [Sentence {
                start: 0,
                end: case.len(),
                kind: SentenceKind::Text,
                paragraph: 0,
            }];
            let got: Vec<(usize, usize, bool)> = tokenize(case, &sent, lexicon::get())
                .iter()
                .map(|t| (t.start, t.end, t.poss))
                .collect();
            let want = by_chars(case);
            assert_eq!(got, want, "{case}");
        }
    }

    /// Sentence starts as the separators say: the first word of a segment, a word after a
    /// sentence stop in its separator, or after a word ending in a period that is neither an
    /// initial nor a title. [`words`] notes the stops while skipping, and must agree.
    #[test]
    fn sentence_starts_agree_with_separators() {
        let text = "He met Gen. Ito. Then they left! Why? Robert F. Dalton (U.S.) came... \
                    Mr. Dalton said: \u{201c}No.\u{201d} \u{2014} It ended?! Or not.\n\nA new\nline";
        // sentences as a splitter might cut them: with gaps between them, one cut after `F.`,
        // and stops and a line break inside some
        let pieces = [
            "He met Gen. Ito.",
            "Then they left! Why?",
            "Robert F.",
            "Dalton (U.S.) came... Mr. Dalton said: \u{201c}No.",
            "\u{201d} \u{2014} It ended?! Or not.",
            "A new\nline",
        ];
        let sent = crate::sentences::at_pieces(text, &pieces);
        let lex = lexicon::get();
        let toks = tokenize(text, &sent, lex);
        assert!(toks.len() > 20);
        for (k, t) in toks.iter().enumerate() {
            let prev = k.checked_sub(1).map(|p| &toks[p]);
            let want = prev.is_none_or(|p| p.segment != t.segment)
                || t.sep.contains(['.', '!', '?', '\n'])
                || prev.is_some_and(|p| {
                    p.text.ends_with('.') && !p.is_initial() && !lex.titles.contains(p.text)
                });
            assert_eq!(t.sent_start, want, "{k}: {:?} after {:?}", t.text, t.sep);
        }
    }
}
