//! The article pane's content: the file read back from disk, its body wrapped to the pane with
//! the event's sentence and the article's other events marked, control characters replaced.

use std::path::Path;

use unicode_width::UnicodeWidthChar;

use newsline::article::Article;
use newsline::corpus;
use newsline::text::{is_unsafe, REPLACEMENT};

/// How a stretch of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ordinary text.
    Plain,
    /// The selected event's sentence.
    Current,
    /// The sentence of another event of this article.
    Other,
}

/// A wrapped line: runs of text with their marks.
pub type WrappedLine = Vec<(String, Mark)>;

/// An article as read from disk.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file's text (byte offsets of mentions index it).
    pub text: String,
    /// Where the body starts (after the front matter and the headline line).
    pub body_start: usize,
}

/// Reads an article back from disk.
pub fn read(path: &Path) -> Result<Source, String> {
    let mut warnings = Vec::new();
    let text = corpus::read_text(path, &mut warnings).map_err(|e| e.to_string())?;
    let article = Article::parse(path, text, None);
    let mut body_start = article.body_start;
    if let Some(h) = &article.headline {
        if h.start <= body_start + 1 && h.end > body_start {
            body_start = h.end;
        }
    }
    let mut text = article.text;
    body_start = body_start.min(text.len());
    while !text.is_char_boundary(body_start) {
        body_start -= 1;
    }
    text.shrink_to_fit();
    Ok(Source { text, body_start })
}

/// Wraps `text[from..]` to `width` columns, marking the byte ranges of `marks` (file offsets,
/// sorted by start; `Current` wins where ranges overlap). Control characters are replaced, tabs
/// become a space, carriage returns vanish. Returns the lines and the first line of the
/// `Current` range.
pub fn wrap(
    text: &str,
    from: usize,
    width: usize,
    marks: &[(usize, usize, Mark)],
) -> (Vec<WrappedLine>, Option<usize>) {
    let width = width.max(1);
    let from = from.min(text.len());
    let body = text.get(from..).unwrap_or("");
    // skip the blank lines that open the body
    let lead = body.len() - body.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let mark_at = |off: usize| {
        let mut m = Mark::Plain;
        for &(s, e, k) in marks {
            if s > off {
                break;
            }
            if off < e {
                if k == Mark::Current {
                    return k;
                }
                m = k;
            }
        }
        m
    };
    let mut lines: Vec<Vec<(char, Mark)>> = Vec::new();
    let mut pos = from + lead;
    for para in body[lead..].split('\n') {
        let start = pos;
        pos += para.len() + 1;
        let mut line: Vec<(char, Mark)> = Vec::new();
        let mut line_w = 0usize;
        let mut last_space: Option<usize> = None;
        for (off, c) in para.char_indices() {
            let c = match c {
                '\r' => continue,
                '\t' => ' ',
                c if is_unsafe(c) => REPLACEMENT,
                c => c,
            };
            let cw = c.width().unwrap_or(0);
            if line_w + cw > width && !line.is_empty() {
                let rest = match last_space {
                    Some(sp) if sp + 1 < line.len() || c == ' ' => line.split_off(sp + 1),
                    _ => Vec::new(),
                };
                while line.last().is_some_and(|(c, _)| *c == ' ') {
                    line.pop();
                }
                lines.push(std::mem::replace(&mut line, rest));
                line_w = line.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
                last_space = None;
                if c == ' ' && line.is_empty() {
                    continue;
                }
            }
            line.push((c, mark_at(start + off)));
            line_w += cw;
            if c == ' ' {
                last_space = Some(line.len() - 1);
            }
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let current = lines
        .iter()
        .position(|l| l.iter().any(|(_, m)| *m == Mark::Current));
    let runs = lines
        .into_iter()
        .map(|l| {
            let mut out: WrappedLine = Vec::new();
            for (c, m) in l {
                match out.last_mut() {
                    Some((s, lm)) if *lm == m => s.push(c),
                    _ => out.push((c.to_string(), m)),
                }
            }
            out
        })
        .collect();
    (runs, current)
}

/// The text of a mention as one line: whitespace collapsed, control characters replaced.
pub fn sentence(text: &str, start: usize, end: usize) -> String {
    let s = text.get(start..end.min(text.len())).unwrap_or("");
    let s = newsline::text::sanitize_line(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn plain(lines: &[WrappedLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(s, _)| s.as_str()).collect())
            .collect()
    }

    #[test]
    fn wraps_at_words_within_the_width() {
        let text = "one two three four five six seven\n\nnext paragraph";
        let (lines, _) = wrap(text, 0, 10, &[]);
        let lines = plain(&lines);
        assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
        assert_eq!(lines[0], "one two");
        assert!(lines.contains(&String::new()));
        assert_eq!(lines.last().unwrap(), "paragraph");
    }

    #[test]
    fn marks_follow_byte_offsets_and_find_the_current_line() {
        let text = "First sentence here. Second one is the event. Third.";
        let s = text.find("Second").unwrap();
        let e = text.find(" Third").unwrap();
        let (lines, current) = wrap(text, 0, 20, &[(0, 20, Mark::Other), (s, e, Mark::Current)]);
        let cur = current.unwrap();
        assert!(lines[cur]
            .iter()
            .any(|(t, m)| *m == Mark::Current && t.starts_with("Second")));
        assert_eq!(lines[0][0].1, Mark::Other);
    }

    #[test]
    fn wide_chars_and_controls_are_measured_and_replaced() {
        let text = "中文中文中文 \x1b[2J\x07 end";
        let (lines, _) = wrap(text, 0, 7, &[]);
        let lines = plain(&lines);
        assert!(lines.iter().all(|l| l.width() <= 7), "{lines:?}");
        assert!(!lines.concat().chars().any(|c| c.is_control()));
    }

    #[test]
    fn width_one_and_empty_text_do_not_panic() {
        assert!(wrap("", 0, 0, &[]).0.is_empty());
        let (lines, _) = wrap("ab 中", 0, 1, &[]);
        assert!(!lines.is_empty());
        assert!(wrap("abc", 99, 5, &[]).0.is_empty());
    }
}
