//! `Article`: one file's text with its metadata (title, published date, source, url) and the
//! byte offset where its body starts. Offsets everywhere are bytes of the file on disk.

use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;

/// Metadata from the front matter block (or found in the text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// Publication date: the reference date for relative expressions.
    pub published: Option<NaiveDate>,
    /// The outlet.
    pub source: Option<String>,
    /// Where the article came from.
    pub url: Option<String>,
}

/// Where the reference date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceBasis {
    /// The front matter's `published`.
    FrontMatter,
    /// A dateline in the text (`WASHINGTON, Nov. 23, 2024 (AP) —`).
    Dateline,
    /// Given on the command line (`--published`).
    Given,
}

/// One article as read from disk.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file it was read from.
    pub path: PathBuf,
    /// The whole file as text (front matter included), so that offsets are file offsets.
    pub text: String,
    /// Front matter values.
    pub meta: Meta,
    /// Byte offset where the body starts (after the front matter block, or 0).
    pub body_start: usize,
    /// Byte range of the headline line in the body, when there is no front matter `title`.
    pub headline: Option<Range<usize>>,
    /// Byte range of a dateline the body opens with (not an event, but the document's date).
    pub dateline: Option<Range<usize>>,
    /// The date relative expressions are resolved against, if any.
    pub reference: Option<NaiveDate>,
    /// Where `reference` came from.
    pub reference_basis: Option<ReferenceBasis>,
    /// Non-fatal problems found while reading (unknown front matter keys, bad dates).
    pub warnings: Vec<String>,
}

impl Article {
    /// Reads an article from its text. `fallback` is the reference date to use when the article
    /// carries none of its own (`--published`).
    pub fn parse(path: impl Into<PathBuf>, text: String, fallback: Option<NaiveDate>) -> Article {
        let path = path.into();
        let (meta, body_start, warnings) = parse_front_matter(&text);
        let mut article = Article {
            path,
            text,
            meta,
            body_start,
            headline: None,
            dateline: None,
            reference: None,
            reference_basis: None,
            warnings,
        };
        if article.meta.title.is_none() {
            article.headline = first_line(&article.text, body_start);
            if let Some(h) = &article.headline {
                article.meta.title = Some(article.text[h.clone()].trim().to_string());
            }
        }
        if let Some(p) = article.meta.published {
            article.reference = Some(p);
            article.reference_basis = Some(ReferenceBasis::FrontMatter);
        } else if let Some(p) = fallback {
            article.reference = Some(p);
            article.reference_basis = Some(ReferenceBasis::Given);
        }
        article
    }

    /// The body text (after the front matter).
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The headline, from the front matter or the first line.
    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or("")
    }

    /// 1-based line number of a byte offset in the file.
    pub fn line_of(&self, offset: usize) -> usize {
        line_of(&self.text, offset)
    }
}

/// 1-based line number of a byte offset in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count() + 1
}

/// The first non-blank line at or after `from`, trimmed, as a byte range.
fn first_line(text: &str, from: usize) -> Option<Range<usize>> {
    let mut pos = from;
    for line in text[from..].split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let s = pos + lead;
            return Some(s..s + trimmed.len());
        }
        pos += line.len();
    }
    None
}

/// Parses a `---` front matter block at the start of `text`. Returns the metadata, the byte offset
/// where the body starts and warnings. A block with no closing `---` is not front matter: the
/// whole file is then body, with a warning.
pub fn parse_front_matter(text: &str) -> (Meta, usize, Vec<String>) {
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
    if rest[..first_end].trim_end() != "---" {
        return (meta, start, warnings);
    }
    let mut pos = start + first_end;
    let mut line_no = 1;
    loop {
        if pos >= text.len() {
            warnings.push("front matter is not closed by '---': read as text".to_string());
            return (Meta::default(), start, warnings);
        }
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = &text[pos..end];
        line_no += 1;
        pos = end;
        let l = line.trim_end_matches(['\n', '\r']);
        if l.trim_end() == "---" {
            break;
        }
        if l.trim().is_empty() || l.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = l.split_once(':') else {
            warnings.push(format!("front matter line {line_no}: no 'key: value'"));
            continue;
        };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => meta.title = Some(value.to_string()).filter(|v| !v.is_empty()),
            "published" | "date" => match parse_date_prefix(value) {
                Some(d) => meta.published = Some(d),
                None => warnings.push(format!(
                    "front matter line {line_no}: 'published: {value}' is not a date (YYYY-MM-DD)"
                )),
            },
            "source" | "outlet" => meta.source = Some(value.to_string()).filter(|v| !v.is_empty()),
            "url" | "link" => meta.url = Some(value.to_string()).filter(|v| !v.is_empty()),
            _ => {}
        }
    }
    (meta, pos, warnings)
}

fn unquote(v: &str) -> &str {
    let b = v.as_bytes();
    if b.len() >= 2 && (b[0] == b'"' || b[0] == b'\'') && b[b.len() - 1] == b[0] {
        &v[1..v.len() - 1]
    } else {
        v
    }
}

/// `2024-11-22`, or the date part of `2024-11-22T10:00:00Z`.
pub fn parse_date_prefix(v: &str) -> Option<NaiveDate> {
    let head = v.get(..10)?;
    let d = NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()?;
    match v.as_bytes().get(10) {
        None | Some(b'T') | Some(b' ') | Some(b't') => Some(d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_read_and_body_offset_is_after_it() {
        let text = "---\ntitle: A headline\npublished: 2020-09-11\nsource: UPI\n---\nBody.\n";
        let a = Article::parse("a.txt", text.to_string(), None);
        assert_eq!(a.meta.title.as_deref(), Some("A headline"));
        assert_eq!(a.reference, NaiveDate::from_ymd_opt(2020, 9, 11));
        assert_eq!(a.meta.source.as_deref(), Some("UPI"));
        assert_eq!(a.body(), "Body.\n");
    }

    #[test]
    fn without_front_matter_the_first_line_is_the_headline() {
        let a = Article::parse("a.txt", "\nIndia, Japan agree\nText here.".into(), None);
        assert_eq!(a.title(), "India, Japan agree");
        assert_eq!(a.headline, Some(1..19));
        assert_eq!(a.reference, None);
    }

    #[test]
    fn impossible_date_is_a_warning_not_a_value() {
        let a = Article::parse("a.txt", "---\npublished: 2024-13-45\n---\nx".into(), None);
        assert_eq!(a.meta.published, None);
        assert_eq!(a.warnings.len(), 1);
    }

    #[test]
    fn unterminated_front_matter_is_text() {
        let a = Article::parse("a.txt", "---\ntitle: x\nno end".into(), None);
        assert_eq!(a.body_start, 0);
        assert!(!a.warnings.is_empty());
    }
}
