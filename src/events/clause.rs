//! Words of a sentence with their byte offsets, and the small amount of clause structure the
//! events step needs: where the verb of a clause is, what stands before it (the subject) and
//! after it (the object).

/// One word or punctuation mark of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    /// First byte (file offset).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The text.
    pub text: &'a str,
}

impl Tok<'_> {
    /// True for a word (letters or digits), false for punctuation.
    pub fn is_word(&self) -> bool {
        self.text
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
    }

    /// True for punctuation that ends a phrase (comma, semicolon, colon, dash, bracket).
    pub fn is_boundary(&self) -> bool {
        matches!(
            self.text,
            "," | ";" | ":" | "—" | "–" | "(" | ")" | "[" | "]"
        )
    }

    /// True for a quotation mark.
    pub fn is_quote(&self) -> bool {
        matches!(self.text, "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»")
    }
}

fn is_inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// True when a comma between `before` (the number so far) and `after` separates thousands:
/// digits (and earlier separators) before, exactly three digits after.
fn thousands(before: &str, after: &str) -> bool {
    let b = after.as_bytes();
    before.bytes().all(|c| c.is_ascii_digit() || c == b',')
        && b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// Splits `text[start..end]` into words and punctuation marks, with file offsets. A word keeps
/// inner apostrophes, hyphens and periods (`Japan’s`, `co-production`, `U.S.`), but not a final
/// period or a final apostrophe.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
    // about one token in five bytes of news prose
    let mut out = Vec::with_capacity(end.saturating_sub(start) / 5 + 4);
    let Some(s) = text.get(start..end) else {
        return out;
    };
    let bytes = s.as_bytes();
    // the char at byte `k` (a char boundary)
    let char_at = |k: usize| crate::text::char_at(s, k).map(|(c, _)| c);
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if c == ' ' || c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let mut j = i + c.len_utf8();
        if c.is_alphanumeric() {
            let mut dotted = false; // an inner period was kept
            while let Some(d) = char_at(j) {
                if d.is_ascii_alphanumeric() {
                    j += 1;
                } else if d.is_alphanumeric() {
                    j += d.len_utf8();
                } else if d == ',' && thousands(&s[i..j], &s[j + 1..]) {
                    // `500,000`: a thousands separator stays inside the number
                    j += 1;
                } else if is_inner(d)
                    && char_at(j + d.len_utf8()).is_some_and(char::is_alphanumeric)
                {
                    // kept only when a letter or digit follows
                    dotted |= d == '.';
                    j += d.len_utf8();
                } else {
                    break;
                }
            }
            // `U.S.`: keep the final period of an initialism whose inner periods we kept
            if dotted && bytes.get(j) == Some(&b'.') {
                j += 1;
            }
        }
        out.push(Tok {
            start: start + i,
            end: start + j,
            text: &s[i..j],
        });
        i = j;
    }
    out
}

pub use super::words::{is_auxiliary, is_clause_word, is_future_auxiliary};

/// Tokens of a sentence and the mask of those inside `[skip_start, skip_end)`, with a
/// preposition just before it and a comma just after a fronted date.
pub fn tokens_without<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    skip_start: usize,
    skip_end: usize,
) -> (Vec<Tok<'a>>, Vec<bool>) {
    let toks = tokenize(text, start, end);
    let skip = skip_mask(&toks, skip_start, skip_end);
    (toks, skip)
}

/// The mask of the tokens inside `[skip_start, skip_end)` (see [`tokens_without`]), for a
/// sentence tokenized once and dated several times.
pub fn skip_mask(toks: &[Tok], skip_start: usize, skip_end: usize) -> Vec<bool> {
    let mut skip: Vec<bool> = toks
        .iter()
        .map(|t| t.start < skip_end && t.end > skip_start)
        .collect();
    if let Some(first) = skip.iter().position(|&s| s) {
        if first > 0
            && matches!(
                crate::text::lower(toks[first - 1].text).as_str(),
                "on" | "in"
                    | "at"
                    | "since"
                    | "by"
                    | "from"
                    | "during"
                    | "until"
                    | "last"
                    | "earlier"
                    | "later"
                    | "this"
                    | "next"
            )
        {
            skip[first - 1] = true;
        }
        let last = skip.iter().rposition(|&s| s).unwrap_or(first);
        let fronted = first == 0 || (first == 1 && skip[0]);
        if fronted && toks.get(last + 1).is_some_and(|t| t.text == ",") {
            skip[last + 1] = true;
        }
    }
    skip
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_drop_final_ones() {
        assert_eq!(
            words("Japan’s co-production, U.S. talks."),
            ["Japan’s", "co-production", ",", "U.S.", "talks", "."]
        );
        assert_eq!(
            words("Singh‘s “pact”"),
            ["Singh", "‘", "s", "“", "pact", "”"]
        );
        assert_eq!(words("version 10.4 ships"), ["version", "10.4", "ships"]);
    }

    /// The tokenizer as first written, char by char: the byte-stepping one must agree with it.
    fn reference(text: &str, start: usize, end: usize) -> Vec<Tok<'_>> {
        let mut out = Vec::new();
        let s = &text[start..end];
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if c.is_whitespace() {
                continue;
            }
            let mut j = i + c.len_utf8();
            if c.is_alphanumeric() {
                while let Some(&(k, d)) = iter.peek() {
                    if d.is_alphanumeric() {
                        j = k + d.len_utf8();
                        iter.next();
                    } else if d == ',' && thousands(&s[i..k], &s[k + 1..]) {
                        j = k + 1;
                        iter.next();
                    } else if is_inner(d)
                        && s[k + d.len_utf8()..]
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_alphanumeric())
                    {
                        j = k + d.len_utf8();
                        iter.next();
                    } else {
                        break;
                    }
                }
                if s[i..j].contains('.') && s[j..].starts_with('.') {
                    j += 1;
                    iter.next();
                }
            }
            out.push(Tok {
                start: start + i,
                end: start + j,
                text: &s[i..j],
            });
        }
        out
    }

    #[test]
    fn byte_steps_agree_with_char_steps() {
        for s in [
            "Japan’s co-production, U.S. talks. Singh‘s “pact”",
            "500,000 people; 1,2345 and 12,345,678. 3,00 a,bcd",
            "Ltd.. U.S.A. e.g., A.B. x.-y a--b it's' rock 'n' roll",
            "Zürich’s Ærø—Ελλάδα\u{a0}İstanbul\u{2009}ÉLYSÉE\u{85}done\u{3000}end",
            "tab\tnew\nline\u{b}vt\u{c}ff\u{1c}fs Ⅻ ２０２４ ½ x",
            "trailing apostrophe’ and period. dash- end-",
            "",
            " ",
        ] {
            assert_eq!(tokenize(s, 0, s.len()), reference(s, 0, s.len()), "{s}");
            for (k, _) in s.char_indices() {
                assert_eq!(
                    tokenize(s, k, s.len()),
                    reference(s, k, s.len()),
                    "{s} from {k}"
                );
            }
        }
    }

    #[test]
    fn offsets_are_file_offsets() {
        let text = "xx Abe met Modi.";
        let t = tokenize(text, 3, text.len());
        assert_eq!(
            t[0],
            Tok {
                start: 3,
                end: 6,
                text: "Abe"
            }
        );
        assert_eq!(&text[t[2].start..t[2].end], "Modi");
    }
}
