//! Tokens of one sentence: runs of letters and digits, and single other characters, with byte
//! offsets relative to the sentence. Whitespace is skipped but remembered (`space_before`), since
//! `mid-2011`, `$2008` and `10.4` differ from `mid 2011` by adjacency alone.

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
    /// Found by the keyword pass.
    pub trigger: bool,
    /// Number of digits (for `Num`).
    pub digits: u8,
    /// Its value (for `Num` up to nine digits).
    pub num: u32,
}

/// Splits `text` into tokens, appending to `out` (cleared first).
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let text = "On Nov. 22, 2024 mid-2011 the 1990s’ 22nd";
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
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
}
