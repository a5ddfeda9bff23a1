//! Sentence boundaries inside one block of running text (a paragraph, or a line). One pass,
//! left to right; every look-back and look-ahead is bounded, so the time is linear in the text.

use std::ops::Range;

use super::abbrev::{self, Abbreviations, MAX_WORD};

/// Longest sentence kept whole: a run of text with no sentence end is cut (at a space when one
/// is near) so that later steps never see an unbounded sentence.
pub const MAX_SENTENCE: usize = 4000;

/// How far the word after a candidate boundary is read.
const LOOKAHEAD: usize = 32;

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '*' | '_'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '*' | '_' | '¿' | '¡'
    )
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// What follows a candidate boundary.
struct Next<'a> {
    /// The next word, openers and trailing punctuation removed (at most [`LOOKAHEAD`] bytes).
    word: &'a str,
    /// Its first character (after any opening quote or bracket).
    first: Option<char>,
}

fn next_word(text: &str, at: usize, end: usize) -> Next<'_> {
    let limit = (at + LOOKAHEAD).min(end);
    let mut s = at;
    while let Some(c) = char_at(text, s).filter(|&c| s < limit && is_opener(c)) {
        s += c.len_utf8();
    }
    let mut e = s;
    while let Some(c) = char_at(text, e).filter(|&c| e < limit && c.is_alphanumeric()) {
        e += c.len_utf8();
    }
    Next {
        word: text.get(s..e).unwrap_or(""),
        first: char_at(text, s).filter(|_| s < end),
    }
}

/// True when a word reads as lowercase running text ("announced", not "iPhone").
fn is_lower_word(n: &Next) -> bool {
    n.first.is_some_and(char::is_lowercase) && !n.word.chars().any(char::is_uppercase)
}

/// `U.S`, `a.m`, `D.C`: letters each followed by a period (the last one's is the candidate).
fn is_dotted_acronym(w: &str) -> bool {
    let mut parts = 0;
    for p in w.split('.') {
        let mut cs = p.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

/// Decides whether a single period ends the sentence, given the word before it and what follows.
fn period_ends(abbr: &Abbreviations, before: &str, next: &Next) -> bool {
    let Some(first) = next.first else { return true };
    let w = before.trim_start_matches(is_opener);
    if w.is_empty() {
        return true;
    }
    if is_lower_word(next) {
        return false; // "Inc. announced", "U.S. electronics", "approx. ten"
    }
    let short = w.len() <= MAX_WORD;
    let lower = crate::text::lower(if short { w } else { "" });
    let lower = lower.as_str();
    let single = w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
    let starter = || {
        abbr.starter
            .contains(crate::text::lower(next.word).as_str())
    };
    if first.is_ascii_digit() {
        if single || abbr.title.contains(lower) || abbr.number.contains(lower) {
            return false; // "No. 1", "Sept. 11", "Rs. 500", "p. 5"
        }
        return true;
    }
    let known = single
        || abbr.title.contains(lower)
        || (short && (abbr.ending.contains(lower) || is_dotted_acronym(w)));
    if !first.is_alphabetic() {
        return !known; // "…ended. — Reuters", but "Apple Inc. - and a rival"
    }
    if single && w.chars().all(char::is_uppercase) {
        return starter(); // "Lloyd J. Austin", but "…in Plan B. The plan…"
    }
    if abbr.title.contains(lower) {
        return false; // "Gen. Nakatani", "Lt. Col."
    }
    if short && (abbr.ending.contains(lower) || is_dotted_acronym(w)) {
        return starter(); // "Apple Inc. CEO", but "…in the U.S. The ministers…"
    }
    true
}

/// Splits `text[start..end]` (a block of running text) into sentence ranges, trimmed, in order.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    sentences_with(abbrev::shipped(), text, start, end)
}

/// [`sentences`] with given abbreviation lists.
pub fn sentences_with(
    abbr: &Abbreviations,
    text: &str,
    start: usize,
    end: usize,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let end = end.min(text.len());
    let mut i = start;
    let mut sent = start;
    // The start of the whitespace-delimited token a terminal mark ends is found when the mark
    // is met, by looking back to the last white space after `looked` (where the last look
    // began, or the word after the last candidate boundary): each byte is looked at once.
    let mut tok = start;
    let mut looked = start;
    let bytes = text.as_bytes();
    // ASCII text (most) can only end a sentence at `.`, `!` or `?`: searched for many bytes at
    // a time
    let ascii = bytes.get(start..end).is_some_and(<[u8]>::is_ascii);
    while i < end {
        // step over the bytes that cannot begin a terminal mark without decoding them
        if ascii {
            i = memchr::memchr3(b'.', b'!', b'?', &bytes[i..end]).map_or(end, |k| i + k);
        } else {
            while i < end && !MAY_END[bytes[i] as usize] {
                i += 1;
            }
        }
        let Some(c) = char_at(text, i).filter(|_| i < end) else {
            break;
        };
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        tok = token_start(text, looked, i).unwrap_or(tok);
        looked = i;
        // A run of terminal marks, then closing quotes and brackets.
        let p = i;
        let mut j = i;
        let mut periods = 0;
        let mut other = false;
        while let Some(t) = char_at(text, j).filter(|&t| j < end && is_terminal(t)) {
            if t == '.' {
                periods += 1;
            } else {
                other = true;
            }
            j += t.len_utf8();
        }
        let mut k = j;
        while let Some(t) = char_at(text, k).filter(|&t| k < end && is_closer(t)) {
            k += t.len_utf8();
        }
        i = k;
        let after = char_at(text, k).filter(|_| k < end);
        let wide = matches!(c, '。' | '！' | '？');
        if after.is_some_and(|a| !a.is_whitespace()) && !wide {
            continue; // "10.4", "U.S", "example.org", ".”,"
        }
        let mut n = k;
        while let Some(w) = char_at(text, n).filter(|&w| n < end && w.is_whitespace()) {
            n += w.len_utf8();
        }
        let next = next_word(text, n, end);
        let ends = if next.first.is_none() {
            true
        } else if other || periods > 1 || c == '…' {
            // "?", "!", "...": a sentence ends unless running text goes on in lowercase.
            !is_lower_word(&next)
        } else {
            period_ends(abbr, text.get(tok..p).unwrap_or(""), &next)
        };
        if ends {
            push(&mut out, text, sent, k);
            sent = n;
        }
        tok = n;
        looked = n;
        i = n;
    }
    push(&mut out, text, sent, end);
    out
}

/// The bytes a terminal mark can begin with: `.`, `!`, `?`, and the first bytes of `…` (E2),
/// `。` (E3) and `！` `？` (EF). Every other byte is stepped over.
static MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t[0xef] = true;
    t
};

/// Just after the last white space in `text[from..to]`, if there is any.
fn token_start(text: &str, from: usize, to: usize) -> Option<usize> {
    text.get(from..to)?
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map(|(k, c)| from + k + c.len_utf8())
}

/// Adds the trimmed range `s..e`, cut into pieces of at most [`MAX_SENTENCE`] bytes.
fn push(out: &mut Vec<Range<usize>>, text: &str, s: usize, e: usize) {
    let Some(slice) = text.get(s..e) else { return };
    let lead = slice.len() - slice.trim_start().len();
    let (mut s, e) = (s + lead, s + slice.trim_end().len());
    while e > s && e - s > MAX_SENTENCE {
        let limit = floor_boundary(text, s + MAX_SENTENCE);
        let window_start = floor_boundary(text, s + MAX_SENTENCE / 2);
        let cut = text
            .get(window_start..limit)
            .and_then(|w| w.rfind(char::is_whitespace))
            .map_or(limit, |i| window_start + i);
        if cut <= s {
            break;
        }
        push_trimmed(out, text, s, cut);
        s = cut;
        while let Some(w) = char_at(text, s).filter(|&w| s < e && w.is_whitespace()) {
            s += w.len_utf8();
        }
    }
    push_trimmed(out, text, s, e);
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, s: usize, e: usize) {
    let Some(slice) = text.get(s..e) else { return };
    let t = slice.trim();
    if t.is_empty() {
        return;
    }
    let lead = slice.len() - slice.trim_start().len();
    out.push(s + lead..s + lead + t.len());
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t, 0, t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One here. Two there! Three? Four"),
            ["One here.", "Two there!", "Three?", "Four"]
        );
    }

    #[test]
    fn the_word_before_a_period_is_cut_at_any_white_space() {
        assert_eq!(
            split("The team met Gen.\u{a0}Ito and\u{a0}Mr. Sato. Then they left."),
            [
                "The team met Gen.\u{a0}Ito and\u{a0}Mr. Sato.",
                "Then they left."
            ]
        );
        assert_eq!(
            split("Talks in the U.S. The ministers met.\u{3000}Gen. Ito spoke."),
            ["Talks in the U.S.", "The ministers met.", "Gen. Ito spoke."]
        );
    }

    /// ASCII text is searched for its marks many bytes at a time, other text byte by byte: an
    /// accented sentence put before ASCII text must leave the ASCII text's sentences as they are.
    #[test]
    fn ascii_text_splits_as_it_does_after_an_accented_sentence() {
        let texts = [
            "One here. Two there! Three? Four",
            "Talks in the U.S. The ministers met. Gen. Ito spoke at 10.30 a.m. on Friday.",
            "\"We will appeal,\" he said. \"Never!\" she said... They left (at 5 p.m.). Done.",
            "Prices rose 2.5% in Jan. and Feb. The bank (the B.O.J.) said so?! Yes.",
            "No mark at all here",
            "Ends with a period.",
        ];
        for t in texts {
            let head = "Caf\u{e9} staff r\u{e9}sum\u{e9}s arrived. ";
            let both = format!("{head}{t}");
            let alone = sentences(t, 0, t.len());
            let after = sentences(&both, 0, both.len());
            assert_eq!(after[0], 0..head.len() - 1, "{t}");
            let shifted: Vec<_> = after[1..]
                .iter()
                .map(|r| r.start - head.len()..r.end - head.len())
                .collect();
            assert_eq!(shifted, alone, "{t}");
        }
    }

    #[test]
    fn full_width_marks_end_sentences_without_spaces() {
        assert_eq!(split("会谈结束。双方同意！"), ["会谈结束。", "双方同意！"]);
    }

    #[test]
    fn a_long_run_is_cut_at_a_space() {
        let t = "word ".repeat(2000);
        let got = sentences(&t, 0, t.len());
        assert!(got.len() >= 2);
        assert!(got.iter().all(|r| r.len() <= MAX_SENTENCE
            && t.is_char_boundary(r.start)
            && t.is_char_boundary(r.end)));
        let t = "é".repeat(5000);
        let got = sentences(&t, 0, t.len());
        assert!(
            got.len() >= 2
                && got
                    .iter()
                    .all(|r| t.is_char_boundary(r.start) && t.is_char_boundary(r.end))
        );
    }
}
