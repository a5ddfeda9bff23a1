//! Tokens of one sentence: runs of letters and digits, and single other characters, with byte
//! offsets relative to the sentence. Whitespace is skipped but remembered (`space_before`), since
//! `mid-2011`, `$2008` and `10.4` differ from `mid 2011` by adjacency alone.

use super::lexicon::Lexicon;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters only.
    Word,
    /// Digits only.
    Num,
    /// Letters and digits (`22nd`, `Q3`, `FY2007`, `1990s`, `F35`).
    Alnum,
    /// One other character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// First byte (relative to the sentence).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: Kind,
    /// First character is an upper-case letter.
    pub cap: bool,
    /// Whitespace (or the sentence start) comes before it.
    pub space_before: bool,
    /// A word that can start an expression ([`Lexicon::is_trigger`]).
    pub trigger: bool,
    /// Number of digits (for `Num`).
    pub digits: u8,
    /// Its value (for `Num` up to nine digits).
    pub num: u32,
}

/// What a byte is, for the scans over a sentence's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// ASCII whitespace (any that `char::is_whitespace` takes).
    Space,
    /// Any other ASCII character that is no letter or digit.
    Mark,
    /// An ASCII letter.
    Letter,
    /// An ASCII digit.
    Digit,
    /// A byte of a non-ASCII character.
    Wide,
}

/// The class of every byte.
static CLASSES: [Class; 256] = {
    let mut t = [Class::Mark; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            Class::Wide
        } else if c.is_ascii_alphabetic() {
            Class::Letter
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if (c as char).is_whitespace() {
            Class::Space
        } else {
            Class::Mark
        };
        b += 1;
    }
    t
};

/// The class of byte `b`.
#[inline]
pub(crate) fn class(b: u8) -> Class {
    CLASSES[usize::from(b)]
}

/// Splits `text` into tokens, appending to `out` (cleared first), and marks the words of `lex`
/// that can start an expression.
pub(crate) fn tokenize(text: &str, lex: &Lexicon, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space = true;
    while let Some(&b) = bytes.get(i) {
        let start = i;
        let (kind, cap, trigger, digits, num) = match class(b) {
            Class::Space => {
                space = true;
                i += 1;
                continue;
            }
            Class::Mark => {
                i += 1;
                (Kind::Punct, false, false, 0, 0)
            }
            Class::Letter | Class::Digit | Class::Wide => {
                let run = alnum_run(text, i);
                if run.end == i {
                    // A non-ASCII character that is no letter or digit: whitespace, or one
                    // punctuation or symbol character.
                    let c = text[i..].chars().next().unwrap_or(' ');
                    i += c.len_utf8();
                    if c.is_whitespace() {
                        space = true;
                        continue;
                    }
                    (Kind::Punct, c.is_uppercase(), false, 0, 0)
                } else {
                    i = run.end;
                    let kind = match (run.letters, run.digits > 0) {
                        (true, true) => Kind::Alnum,
                        (false, true) => Kind::Num,
                        _ => Kind::Word,
                    };
                    let cap = match class(b) {
                        Class::Wide => text[start..].chars().next().is_some_and(char::is_uppercase),
                        _ => b.is_ascii_uppercase(),
                    };
                    let trigger =
                        kind == Kind::Word && run.ascii && lex.is_trigger(&bytes[start..i]);
                    (kind, cap, trigger, run.digits, run.num)
                }
            }
        };
        out.push(Tok {
            start,
            end: i,
            kind,
            cap,
            space_before: space,
            trigger,
            digits: digits.min(255) as u8,
            num: if digits <= 9 { num as u32 } else { u32::MAX },
        });
        space = false;
    }
}

/// A run of alphanumeric characters.
struct Run {
    /// One past its last byte.
    end: usize,
    /// It has a letter.
    letters: bool,
    /// It is all ASCII.
    ascii: bool,
    /// Its number of ASCII digits.
    digits: usize,
    /// Their value, capped at `u32::MAX`.
    num: u64,
}

/// Walks the run of alphanumeric characters at byte `i` of `text`, calling `digit` with each
/// ASCII digit in turn: one past its end, whether it has a letter, and whether it is all ASCII.
fn walk_alnum(text: &str, mut i: usize, mut digit: impl FnMut(u8)) -> (usize, bool, bool) {
    let bytes = text.as_bytes();
    let (mut letters, mut ascii) = (false, true);
    while let Some(&c) = bytes.get(i) {
        match class(c) {
            Class::Letter => {
                letters = true;
                i += 1;
            }
            Class::Digit => {
                digit(c);
                i += 1;
            }
            Class::Wide => match text[i..].chars().next() {
                Some(ch) if ch.is_alphanumeric() => {
                    letters = true;
                    ascii = false;
                    i += ch.len_utf8();
                }
                _ => break,
            },
            Class::Space | Class::Mark => break,
        }
    }
    (i, letters, ascii)
}

/// The end of the run of alphanumeric characters at byte `i` of `text` (`i` when there is
/// none), and whether the run is all ASCII: [`alnum_run`] without reading numbers.
pub(crate) fn alnum_end(text: &str, i: usize) -> (usize, bool) {
    let (end, _, ascii) = walk_alnum(text, i, |_| {});
    (end, ascii)
}

/// The run of alphanumeric characters at byte `i` of `text` (empty when there is none).
fn alnum_run(text: &str, i: usize) -> Run {
    let (mut digits, mut num) = (0, 0u64);
    let (end, letters, ascii) = walk_alnum(text, i, |c| {
        digits += 1;
        num = (num * 10 + u64::from(c - b'0')).min(u64::from(u32::MAX));
    });
    Run {
        end,
        letters,
        ascii,
        digits,
        num,
    }
}

/// True when `text` has an ASCII digit; eight bytes at a time.
pub(crate) fn has_digit(text: &str) -> bool {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = text.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            continue;
        };
        let x = u64::from_le_bytes(word);
        // Per byte, with its high bit cleared so that no sum carries into the next byte: the
        // high bit of `t + 0x50` is set from `0`, that of `t + 0x46` past `9`.
        let t = x & LOW;
        let at_least_0 = t + 0x5050_5050_5050_5050;
        let past_9 = t + 0x4646_4646_4646_4646;
        if at_least_0 & !past_9 & !x & HIGH != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::LEXICON_DATA;
    use super::*;

    #[test]
    fn a_run_ends_where_its_numbers_are_not_read_too() {
        let text =
            "On 12 May2024, Ümit met\u{a0}Zoë (née O'Neill) at 9.30am — 2nd time; x\u{301}y ½ 七月";
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let run = alnum_run(text, i);
            assert_eq!(alnum_end(text, i), (run.end, run.ascii), "at byte {i}");
        }
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        let text = "On Nov. 22, 2024 mid-2011 the 1990s’ 22nd";
        let mut toks = Vec::new();
        tokenize(text, &LEXICON_DATA, &mut toks);
        let parts: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(
            parts,
            [
                "On", "Nov", ".", "22", ",", "2024", "mid", "-", "2011", "the", "1990s", "’",
                "22nd"
            ]
        );
        assert_eq!(toks[5].num, 2024);
        assert_eq!(toks[5].kind, Kind::Num);
        assert!(!toks[8].space_before);
        assert_eq!(toks[10].kind, Kind::Alnum);
    }

    /// The tokenizer as first written, one character at a time.
    fn tokenize_by_chars(text: &str, out: &mut Vec<Tok>) {
        out.clear();
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut space = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                space = true;
                i += 1;
                continue;
            }
            let start = i;
            let mut letters = false;
            let mut digits = 0usize;
            let mut num: u64 = 0;
            // A run of alphanumeric characters (ASCII fast path, Unicode otherwise).
            while i < bytes.len() {
                let c = bytes[i];
                if c.is_ascii_digit() {
                    digits += 1;
                    num = (num * 10 + u64::from(c - b'0')).min(u64::from(u32::MAX));
                    i += 1;
                } else if c.is_ascii_alphabetic() {
                    letters = true;
                    i += 1;
                } else if c >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphanumeric() => {
                            letters = true;
                            i += ch.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let kind = if i > start {
                match (letters, digits > 0) {
                    (true, true) => Kind::Alnum,
                    (false, true) => Kind::Num,
                    _ => Kind::Word,
                }
            } else {
                // One punctuation or symbol character (whole code point).
                let len = text[i..].chars().next().map_or(1, |c| {
                    if c.is_whitespace() {
                        0
                    } else {
                        c.len_utf8()
                    }
                });
                if len == 0 {
                    // Unicode whitespace.
                    space = true;
                    i += text[i..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
                i += len;
                Kind::Punct
            };
            let cap = text[start..].chars().next().is_some_and(char::is_uppercase);
            out.push(Tok {
                start,
                end: i,
                kind,
                cap,
                space_before: space,
                trigger: false,
                digits: digits.min(255) as u8,
                num: if digits <= 9 { num as u32 } else { u32::MAX },
            });
            space = false;
        }
    }

    proptest::proptest! {
        /// The word-at-a-time digit test agrees with a byte-by-byte one.
        #[test]
        fn has_digit_is_any_digit(text in "[ -~\u{80}-\u{10ffff}]{0,40}", at in 0usize..40, d in 0u8..10) {
            proptest::prop_assert_eq!(has_digit(&text), text.bytes().any(|b| b.is_ascii_digit()));
            let mut with: Vec<char> = text.chars().collect();
            with.insert(at.min(with.len()), char::from(b'0' + d));
            let with: String = with.into_iter().collect();
            proptest::prop_assert!(has_digit(&with));
        }

        /// The byte-class tokenizer gives the tokens of the character-by-character one.
        #[test]
        fn byte_classes_tokenize_as_characters(parts in proptest::collection::vec(proptest::sample::select(&[
            "May", "mid", "Über", "é", "É", "2024", "22nd", "FY2007", "9999999999", "12345678901234567890",
            " ", "  ", "\t", "\n", "\u{b}", "\u{1c}", "\u{a0}", "\u{2009}", "’", "-", ".", ",", "$",
            "٣", "日本", "Ⓐ", "ǅ", "\u{1f600}", "ß", "x", "'",
        ][..]), 0..24)) {
            let text: String = parts.concat();
            let (mut got, mut want) = (Vec::new(), Vec::new());
            tokenize(&text, &LEXICON_DATA, &mut got);
            tokenize_by_chars(&text, &mut want);
            for t in &mut got {
                t.trigger = false;
            }
            proptest::prop_assert_eq!(got, want);
        }
    }
}
