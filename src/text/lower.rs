//! Small text helpers for the hot loops of reading: a word lowercased without touching the heap.

use std::ops::Deref;

/// Words up to this many bytes are lowercased on the stack.
const INLINE: usize = 32;

/// A lowercased word: [`str::to_lowercase`] of it, held inline when it is short ASCII.
pub enum Lower {
    /// Short ASCII: the bytes and their length.
    Inline([u8; INLINE], u8),
    /// Anything else.
    Heap(String),
}

impl Lower {
    /// The lowercased text.
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Inline(b, n) => std::str::from_utf8(&b[..*n as usize]).unwrap_or(""),
            Lower::Heap(s) => s,
        }
    }
}

impl Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// `w.to_lowercase()`, without an allocation for short ASCII words.
pub fn lower(w: &str) -> Lower {
    if w.len() <= INLINE && w.is_ascii() {
        let mut b = [0u8; INLINE];
        for (d, s) in b.iter_mut().zip(w.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        Lower::Inline(b, w.len() as u8)
    } else {
        Lower::Heap(w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::lower;

    #[test]
    fn same_as_to_lowercase() {
        for w in [
            "",
            "Said",
            "U.S.",
            "ÉLYSÉE",
            "İstanbul",
            "A-very-long-hyphenated-word-beyond-the-inline-size",
        ] {
            assert_eq!(lower(w).as_str(), w.to_lowercase(), "{w}");
        }
    }
}
