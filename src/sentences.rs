//! Sentence byte ranges of an article's body. Chrome lines are left out; a headline line and
//! list lines without a final period are sentences of their own.

use crate::article::Article;

/// What kind of text a sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SentenceKind {
    /// The headline (first line of a file with no front matter title).
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
    /// Index of the paragraph (blank-line or line-break separated block) it belongs to.
    pub paragraph: u32,
}

/// Splits an article's body into sentences.
pub fn split_article(article: &Article) -> Vec<Sentence> {
    let mut out = split(&article.text, article.body_start);
    for s in &mut out {
        if article
            .headline
            .as_ref()
            .is_some_and(|h| h.start == s.start)
        {
            s.kind = SentenceKind::Headline;
        }
        if article
            .dateline
            .as_ref()
            .is_some_and(|d| d.start == s.start)
        {
            s.kind = SentenceKind::Dateline;
        }
    }
    out
}

/// Splits `text[from..]` into sentences (naive placeholder: one per line and period).
pub fn split(text: &str, from: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut pos = from;
    let mut para = 0u32;
    for line in text[from..].split_inclusive('\n') {
        let l = line.trim_end();
        if !l.trim().is_empty() && !crate::chrome::is_chrome(l.trim()) {
            let lead = l.len() - l.trim_start().len();
            out.push(Sentence {
                start: pos + lead,
                end: pos + l.len(),
                kind: SentenceKind::Text,
                paragraph: para,
            });
            para += 1;
        }
        pos += line.len();
    }
    out
}
