//! Sentence byte ranges of an article's body. Lines are first gathered into blocks of running
//! text: a blank line, a chrome line or a hard line break ends a block, while a line that only
//! wraps a paragraph (hard-wrapped text, or a line going on in lowercase) continues it. Chrome
//! lines give no sentences; list markers (`- `, `1. `, `# `) are left out; the headline and a
//! dateline are sentences of their own. Each block is then cut at sentence ends by
//! [`boundary`], which knows abbreviations, initials, decimals and closing quotes.

pub mod abbrev;
pub mod boundary;

use std::ops::Range;

use crate::article::lines::{lines, Line};
use crate::article::Article;
use crate::chrome;

/// What kind of text a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceKind {
    /// The headline (first line of a file with no front matter title, or a line repeating it).
    Headline,
    /// The dateline the body opens with.
    Dateline,
    /// Running text.
    Text,
}

/// One sentence: a byte range of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is.
    pub kind: SentenceKind,
    /// Index of the paragraph (blank-line or line-break separated block) it belongs to,
    /// counting only paragraphs that have sentences, from 0. A dateline and the text that
    /// follows it on its line share a paragraph.
    pub paragraph: u32,
}

impl Sentence {
    /// The sentence's byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The sentence's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Splits an article's body into sentences; its headline and dateline are sentences of their
/// own, of kinds [`SentenceKind::Headline`] and [`SentenceKind::Dateline`].
pub fn split_article(article: &Article) -> Vec<Sentence> {
    let mut forced = Vec::new();
    if let Some(h) = &article.headline {
        forced.push((h.clone(), SentenceKind::Headline));
    }
    if let Some(d) = &article.dateline {
        forced.push((d.clone(), SentenceKind::Dateline));
    }
    forced.sort_by_key(|(r, _)| r.start);
    split_with(&article.text, article.body_start, &forced)
}

/// Splits `text[from..]` into sentences (all of kind [`SentenceKind::Text`]).
pub fn split(text: &str, from: usize) -> Vec<Sentence> {
    split_with(text, from, &[])
}

/// A body line, as the block builder sees it.
#[derive(Debug, Clone)]
struct BodyLine {
    line: Line,
    /// The line's text after any list marker, trimmed (empty when skipped).
    content: Range<usize>,
    /// It opens with a list marker or heading mark.
    marker: bool,
    /// Blank, chrome, or without a letter or digit: it gives no sentence and ends a block.
    skip: bool,
}

/// Lines longer than this are never taken for hard-wrapped text.
const WRAP_WIDTH: usize = 130;

fn ends_terminal(s: &str) -> bool {
    let t = s.trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»') || c.is_whitespace()
    });
    t.ends_with(['.', '!', '?', '…', ':'])
}

/// The length of a list marker or heading mark at the start of `s` (with the spaces after it).
fn marker_len(s: &str) -> usize {
    let b = s.as_bytes();
    let i;
    if b.first() == Some(&b'#') {
        i = b.iter().take_while(|&&c| c == b'#').count();
        if i > 6 || b.get(i) != Some(&b' ') {
            return 0;
        }
    } else if b.first() == Some(&b'>') {
        return b.iter().take_while(|&&c| c == b'>' || c == b' ').count();
    } else if let Some(c) = s.chars().next().filter(|c| "-*+•·–—▪◦●■►".contains(*c))
    {
        i = c.len_utf8();
        if !s[i..].starts_with(' ') {
            return 0;
        }
    } else {
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let letter = b.first().is_some_and(u8::is_ascii_alphabetic) as usize;
        if (1..=3).contains(&digits) && matches!(b.get(digits), Some(b'.') | Some(b')')) {
            i = digits + 1;
        } else if letter == 1 && b.get(1) == Some(&b')') {
            i = 2;
        } else {
            return 0;
        }
        if b.get(i) != Some(&b' ') {
            return 0;
        }
    }
    i + s[i..].len() - s[i..].trim_start().len()
}

fn body_lines(text: &str, from: usize) -> Vec<BodyLine> {
    // room for every line at once (counting them is cheaper than growing the list)
    let mut out =
        Vec::with_capacity(memchr::memchr_iter(b'\n', &text.as_bytes()[from..]).count() + 1);
    out.extend(lines(text, from).map(|line| {
        let r = line.trimmed(text);
        let raw = &text[r.clone()];
        let m = marker_len(raw);
        let content = r.start + m..r.end;
        let c = &text[content.clone()];
        let skip = !c.chars().any(char::is_alphanumeric)
            || chrome::is_chrome(raw)
            || (m > 0 && chrome::is_chrome(c));
        BodyLine {
            line,
            content: if skip { r.start..r.start } else { content },
            marker: m > 0,
            skip,
        }
    }));
    out
}

/// True when the text is hard-wrapped: many lines of similar, bounded width end mid-sentence
/// and go on on the next line. Returns the width when it is.
fn wrap_width(text: &str, ls: &[BodyLine]) -> Option<usize> {
    let (lines, max) = ls
        .iter()
        .filter(|l| !l.skip)
        .fold((0, None), |(n, max): (usize, Option<usize>), l| {
            (n + 1, Some(max.unwrap_or(0).max(l.content.len())))
        });
    let max = max?;
    if lines < 3 || max > WRAP_WIDTH {
        return None;
    }
    let open = ls
        .windows(2)
        .filter(|w| {
            !w[0].skip
                && !w[1].skip
                && !w[1].marker
                && w[0].content.len() * 10 >= max * 6
                && !ends_terminal(&text[w[0].content.clone()])
        })
        .count();
    (open >= 2 && open * 3 >= lines).then_some(max)
}

/// True when `cur` continues the block that `prev` is in.
fn continues(text: &str, prev: &BodyLine, cur: &BodyLine, wrap: Option<usize>) -> bool {
    if cur.marker {
        return false;
    }
    let p = &text[prev.content.clone()];
    let c = &text[cur.content.clone()];
    let lower = c.chars().next().is_some_and(char::is_lowercase)
        && !c
            .split_whitespace()
            .next()
            .unwrap_or("")
            .chars()
            .any(char::is_uppercase);
    if lower && !ends_terminal(p) {
        return true;
    }
    wrap.is_some_and(|w| prev.content.len() * 10 >= w * 6)
}

/// The splitter: `forced` ranges (sorted, within lines) become sentences of their own kind.
fn split_with(text: &str, from: usize, forced: &[(Range<usize>, SentenceKind)]) -> Vec<Sentence> {
    let from = from.min(text.len());
    let ls = body_lines(text, from);
    let wrap = wrap_width(text, &ls);
    let mut out = Builder {
        text,
        // about as many sentences as a text this long has, so the list seldom grows
        out: Vec::with_capacity((text.len() - from) / 96 + 4),
        next_para: 0,
    };
    let mut forced = forced.iter().peekable();
    let mut block: Option<Range<usize>> = None;
    let mut prev: Option<&BodyLine> = None;
    let mut same = false; // the open block goes on the paragraph of a dateline before it
    for bl in &ls {
        let r = bl.line.trimmed(text);
        while forced.peek().is_some_and(|(f, _)| f.end <= r.start) {
            forced.next(); // a forced range outside any line (should not happen)
        }
        if let Some((f, kind)) = forced
            .peek()
            .filter(|(f, _)| f.start < r.end.max(r.start + 1))
        {
            let (f, kind) = (f.clone(), *kind);
            forced.next();
            out.block(block.take(), std::mem::take(&mut same));
            if f.start > r.start && !bl.skip {
                out.block(Some(bl.content.start..f.start.max(bl.content.start)), false);
            }
            out.forced(f.clone(), kind);
            prev = None;
            if f.end < r.end {
                block = Some(f.end..r.end);
                same = true;
                prev = Some(bl);
            }
            continue;
        }
        if bl.skip {
            out.block(block.take(), std::mem::take(&mut same));
            prev = None;
            continue;
        }
        match (&mut block, prev) {
            (Some(b), Some(p)) if continues(text, p, bl, wrap) => b.end = bl.content.end,
            _ => {
                out.block(block.take(), std::mem::take(&mut same));
                block = Some(bl.content.clone());
            }
        }
        prev = Some(bl);
    }
    out.block(block.take(), std::mem::take(&mut same));
    out.out
}

/// Collects sentences and numbers paragraphs.
struct Builder<'a> {
    text: &'a str,
    out: Vec<Sentence>,
    next_para: u32,
}

impl Builder<'_> {
    fn push(
        &mut self,
        ranges: impl IntoIterator<Item = Range<usize>>,
        kind: SentenceKind,
        same_para: bool,
    ) {
        let mut ranges = ranges.into_iter().peekable();
        if ranges.peek().is_none() {
            return;
        }
        let para = match self.out.last() {
            Some(last) if same_para => last.paragraph,
            _ => {
                self.next_para += 1;
                self.next_para - 1
            }
        };
        for r in ranges {
            self.out.push(Sentence {
                start: r.start,
                end: r.end,
                kind,
                paragraph: para,
            });
        }
    }

    fn block(&mut self, b: Option<Range<usize>>, same_para: bool) {
        if let Some(b) = b {
            let ranges = boundary::sentences(self.text, b.start, b.end);
            self.push(ranges, SentenceKind::Text, same_para);
        }
    }

    fn forced(&mut self, r: Range<usize>, kind: SentenceKind) {
        let t = self.text.get(r.clone()).unwrap_or("");
        let lead = t.len() - t.trim_start().len();
        let len = t.trim().len();
        if len > 0 {
            let s = r.start + lead;
            self.push(std::iter::once(s..s + len), kind, false);
        }
    }
}

/// Running-text sentences at `pieces` of `text`, each where it first occurs: for tests that cut
/// a text as a splitter might.
#[cfg(test)]
pub(crate) fn at_pieces(text: &str, pieces: &[&str]) -> Vec<Sentence> {
    pieces
        .iter()
        .map(|p| {
            let start = text.find(p).expect("each piece is in the text");
            Sentence {
                start,
                end: start + p.len(),
                kind: SentenceKind::Text,
                paragraph: 0,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
