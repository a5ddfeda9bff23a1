//! Lines of a text with their byte offsets, for `\n`, `\r\n` and lone `\r` line ends alike.

/// One line: `start..end` is its text without the line end; `next` is where the next line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// First byte of the line.
    pub start: usize,
    /// One past the last byte before the line end.
    pub end: usize,
    /// First byte after the line end (`end` for the last line when it has none).
    pub next: usize,
}

impl Line {
    /// The line's text (without its line end).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The line's byte range with surrounding whitespace left out (empty at `start` if blank).
    pub fn trimmed(&self, text: &str) -> std::ops::Range<usize> {
        let t = self.text(text);
        let lead = t.len() - t.trim_start().len();
        let s = self.start + lead;
        s..s + t.trim().len()
    }

    /// True when the line holds only whitespace.
    pub fn is_blank(&self, text: &str) -> bool {
        self.text(text).trim().is_empty()
    }
}

/// Iterator over the lines of `text[from..]`; see [`lines`].
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

/// The lines of `text` from byte `from` on (which should be a line start).
pub fn lines(text: &str, from: usize) -> Lines<'_> {
    Lines {
        text,
        pos: from.min(text.len()),
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let start = self.pos;
        let (end, next) = match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            None => (bytes.len(), bytes.len()),
            Some(i) => {
                let e = start + i;
                if bytes[e] == b'\r' && bytes.get(e + 1) == Some(&b'\n') {
                    (e, e + 2)
                } else {
                    (e, e + 1)
                }
            }
        };
        self.pos = next;
        Some(Line { start, end, next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_line_ends_are_lines() {
        let t = "a\nb\r\nc\rd";
        let got: Vec<&str> = lines(t, 0).map(|l| l.text(t)).collect();
        assert_eq!(got, ["a", "b", "c", "d"]);
        let last = lines(t, 0).last().unwrap();
        assert_eq!((last.start, last.end, last.next), (7, 8, 8));
    }

    #[test]
    fn blank_lines_and_trailing_end() {
        let t = "a\n\n  \n";
        let ls: Vec<Line> = lines(t, 0).collect();
        assert_eq!(ls.len(), 3);
        assert!(ls[1].is_blank(t) && ls[2].is_blank(t));
    }
}
