//! Text from articles made safe to print: control characters that would drive a terminal
//! (escape sequences, window titles, bells, backspaces, C1 codes) are replaced before any text
//! reaches the screen or a terminal-bound output; and a word lowercased without touching the
//! heap ([`lower`]) or a character read at a byte offset ([`char_at`]), for the hot loops of
//! reading.

mod lower;

pub use lower::{lower, Lower};

use std::borrow::Cow;

/// The character at byte `i` of `s` and its length in bytes (`i` must be a character
/// boundary); `None` at the end. ASCII, nearly all of the text, is read without decoding.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    match *s.as_bytes().get(i)? {
        b if b.is_ascii() => Some((b as char, 1)),
        _ => s[i..].chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// What a control character is replaced with: visible, one column wide.
pub const REPLACEMENT: char = '\u{FFFD}';

/// True for a character that must not reach a terminal: C0 controls other than newline and
/// tab, DEL, and the C1 controls (U+0080–U+009F).
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{80}'..='\u{9f}')
}

/// `s` with every unsafe character (see [`is_unsafe`]) replaced by [`REPLACEMENT`], one
/// character for one, so char positions stay valid. Newlines and tabs are kept.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if is_unsafe(c) { REPLACEMENT } else { c })
            .collect(),
    )
}

/// [`sanitize`] for a one-line field (a title, a name): newlines and tabs become spaces too.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c.is_control() || is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\t' | '\r' => ' ',
                c if is_unsafe(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_lose_their_escape() {
        let s = "a\x1b[2Jb\x1b]0;title\x07c\x08d\u{9b}e\u{7f}f";
        let out = sanitize(s);
        assert!(!out.chars().any(|c| c.is_control()));
        assert_eq!(out.chars().count(), s.chars().count());
        assert_eq!(
            out,
            "a\u{FFFD}[2Jb\u{FFFD}]0;title\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f"
        );
    }

    #[test]
    fn newlines_tabs_and_ordinary_text_stay() {
        assert!(matches!(sanitize("é 中文\n\tok"), Cow::Borrowed(_)));
        assert_eq!(sanitize_line("a\nb\tc\rd\x1b"), "a b c d\u{FFFD}");
    }
}
