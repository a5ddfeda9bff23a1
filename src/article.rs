//! `Article`: one file's text with its metadata (title, published date, source, url), the byte
//! offset where its body starts, its headline line and its dateline. Offsets everywhere are bytes
//! of the file on disk.

mod dateline;
mod front_matter;
pub mod lines;

use std::ops::Range;
use std::path::PathBuf;

use chrono::NaiveDate;

pub use dateline::{read as read_dateline, Dateline};
pub use front_matter::{parse_date_prefix, parse_front_matter};
use lines::{lines, Line};

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
    /// Byte range of the headline line in the body: the first line when there is no front
    /// matter `title`, or a first line that repeats the title, or a short first line with no
    /// final period followed by a blank line. Never read as running text.
    pub headline: Option<Range<usize>>,
    /// Byte range of a dateline the body opens with (`Sept. 11 (UPI) —`, or `May 7, 2005` alone
    /// on a line): not an event, but the document's date.
    pub dateline: Option<Range<usize>>,
    /// The date relative expressions are resolved against, if any.
    pub reference: Option<NaiveDate>,
    /// Where `reference` came from.
    pub reference_basis: Option<ReferenceBasis>,
    /// Non-fatal problems found while reading (broken front matter, bad dates).
    pub warnings: Vec<String>,
    /// Where the lines end, found on the first call to [`Article::line_of`].
    line_ends: std::sync::OnceLock<Vec<usize>>,
}

/// Longest line (bytes) taken for a headline.
const MAX_HEADLINE: usize = 300;
/// How many lines after the headline may hold the dateline.
const DATELINE_LINES: usize = 3;

impl Article {
    /// Reads an article from its text. `fallback` is the reference date to use when the article
    /// carries none of its own (`--published`): the front matter's `published` comes first, then
    /// a dateline with a year, then `fallback`.
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
            line_ends: std::sync::OnceLock::new(),
        };
        let (headline, dateline, date) = find_head(&article.text, body_start, &article.meta);
        article.headline = headline;
        article.dateline = dateline;
        if article.meta.title.is_none() {
            article.meta.title = match &article.headline {
                Some(h) => Some(article.text[h.clone()].trim().to_string()),
                None => first_words(&article.text, body_start, article.dateline.as_ref()),
            };
        }
        if let Some(p) = article.meta.published {
            article.reference = Some(p);
            article.reference_basis = Some(ReferenceBasis::FrontMatter);
        } else if let Some(p) = date {
            article.reference = Some(p);
            article.reference_basis = Some(ReferenceBasis::Dateline);
        } else if let Some(p) = fallback {
            article.reference = Some(p);
            article.reference_basis = Some(ReferenceBasis::Given);
        }
        article
    }

    /// The body text (after the front matter).
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }

    /// The headline, from the front matter or the first line.
    pub fn title(&self) -> &str {
        self.meta.title.as_deref().unwrap_or("")
    }

    /// 1-based line number of a byte offset in the file. The line ends are found once, so
    /// asking for every sentence of a long file stays linear.
    pub fn line_of(&self, offset: usize) -> usize {
        let ends = self.line_ends.get_or_init(|| {
            let b = self.text.as_bytes();
            // room for every line end at once (a lone `\r` may need more)
            let mut ends = Vec::with_capacity(memchr::memchr_iter(b'\n', b).count() + 1);
            ends.extend(memchr::memchr2_iter(b'\n', b'\r', b).filter(|&i| is_line_end(b, i)));
            ends
        });
        ends.partition_point(|&e| e < offset) + 1
    }
}

/// 1-based line number of a byte offset in `text` (`\n`, `\r\n` and lone `\r` each end a line).
pub fn line_of(text: &str, offset: usize) -> usize {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', &b[..offset.min(b.len())])
        .filter(|&i| is_line_end(b, i))
        .count()
        + 1
}

/// True when the `\n` or `\r` at `i` ends a line (a `\r` followed by `\n` does not).
fn is_line_end(b: &[u8], i: usize) -> bool {
    b[i] == b'\n' || b.get(i + 1) != Some(&b'\n')
}

/// Letters and digits of a line, lowercased: how a headline is compared with a title.
/// `s` reduced to its letters and digits, lowercased, cut once it is longer than `max` bytes
/// (which is enough to compare it with a text of `max` bytes).
fn normalized(s: &str, max: usize) -> String {
    let mut out = String::with_capacity(s.len().min(max.saturating_add(8)));
    for c in s.chars() {
        if out.len() > max {
            break;
        }
        if c.is_ascii() {
            // the same as the general case below, without its iterator
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                if out.len() > max {
                    break;
                }
                out.push(l);
            }
        }
    }
    out
}

/// True when a body line says the same as the front matter title (perhaps with different
/// quotes, case or punctuation, or one cut short of the other); `t` is the title
/// [`normalized`].
fn repeats_title(line: &str, t: &str) -> bool {
    let l = normalized(line, t.len());
    if l.is_empty() || t.is_empty() {
        return false;
    }
    l == t || (l.len().min(t.len()) >= 24 && (l.starts_with(t) || t.starts_with(&l)))
}

/// True when a line ends like a sentence (a final period, maybe inside quotes or brackets).
fn ends_with_period(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', ' ']);
    t.ends_with('.') && !t.ends_with("...")
}

/// Headline, dateline and the dateline's date, from the first lines of the body. Chrome lines
/// (`Site icon …`, hashtag lines) before them are skipped.
fn find_head(
    text: &str,
    body_start: usize,
    meta: &Meta,
) -> (
    Option<Range<usize>>,
    Option<Range<usize>>,
    Option<NaiveDate>,
) {
    let content: Vec<(Line, bool)> = content_lines(text, body_start)
        .take(DATELINE_LINES + 2)
        .collect();
    let mut headline = None;
    let mut rest = &content[..];
    // A line repeating the front matter title, among the first few (a kicker or a section
    // label may come before it).
    let title = meta.title.as_deref().map(|t| normalized(t, usize::MAX));
    let repeat = title.as_deref().and_then(|t| {
        content
            .iter()
            .take(DATELINE_LINES)
            .position(|(l, _)| repeats_title(&text[heading(text, l)], t))
    });
    if let Some(i) = repeat {
        headline = Some(heading(text, &content[i].0));
        rest = &content[i + 1..];
    } else if let Some(((first, blank_after), tail)) = content.split_first() {
        let range = heading(text, first);
        let l = &text[range.clone()];
        let is_dateline = dateline::read(l).is_some_and(|d| d.alone);
        let open = l.len() <= MAX_HEADLINE && !ends_with_period(l);
        let take = !is_dateline && open && (*blank_after || meta.title.is_none());
        if take {
            headline = Some(range);
            rest = tail;
        }
    }
    let from = headline.as_ref().map_or(body_start, |h| {
        rest.first().map_or(h.end, |(l, _)| l.start.min(h.end))
    });
    match find_dateline(text, from) {
        Some((span, date)) => (headline, Some(span), date),
        None => (headline, None, None),
    }
}

/// The dateline among the first lines from `from`: at the start of a content line, or a
/// labelled date (`Updated: Nov 24, 2024`) in a chrome line such as a byline. Only short
/// metadata-like lines may stand before it; running text ends the search.
fn find_dateline(text: &str, from: usize) -> Option<(Range<usize>, Option<NaiveDate>)> {
    let mut content = 0;
    for line in lines(text, from)
        .filter(|l| !l.is_blank(text))
        .take(DATELINE_LINES * 3)
    {
        let range = line.trimmed(text);
        let l = &text[range.clone()];
        if crate::chrome::is_chrome(l) {
            if let Some((at, d)) = dateline::read_labelled(l) {
                let s = range.start + at;
                return Some((s..s + d.len, d.date));
            }
            continue;
        }
        if let Some(d) = dateline::read(l) {
            return Some((range.start..range.start + d.len, d.date));
        }
        content += 1;
        if content >= DATELINE_LINES || l.len() > 80 || ends_with_period(l) {
            return None;
        }
    }
    None
}

/// A line's trimmed range, without the `#` marks of a Markdown heading.
fn heading(text: &str, line: &Line) -> Range<usize> {
    let r = line.trimmed(text);
    let l = &text[r.clone()];
    let hashes = l.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && l[hashes..].starts_with(' ') {
        let rest = &l[hashes..];
        let lead = rest.len() - rest.trim_start().len();
        return r.start + hashes + lead..r.end;
    }
    r
}

/// Non-blank, non-chrome lines from `from`, each with whether a blank line (or the end) follows.
fn content_lines(text: &str, from: usize) -> impl Iterator<Item = (Line, bool)> + '_ {
    let mut it = lines(text, from)
        .filter(|l| l.is_blank(text) || !crate::chrome::is_chrome(l.text(text)))
        .peekable();
    std::iter::from_fn(move || loop {
        let l = it.next()?;
        if l.is_blank(text) {
            continue;
        }
        let blank_after = it.peek().is_none_or(|n| n.is_blank(text));
        return Some((l, blank_after));
    })
}

/// A title for an article whose first line is running text: its opening words.
fn first_words(text: &str, from: usize, skip: Option<&Range<usize>>) -> Option<String> {
    let (line, _) = content_lines(text, from).next()?;
    let mut range = line.trimmed(text);
    if let Some(s) = skip.filter(|s| s.start == range.start) {
        range.start = s.end.min(range.end);
    }
    let l = text[range].trim();
    let l = l.split_once(". ").map_or(l, |(a, _)| a);
    if l.is_empty() {
        return None;
    }
    let mut out = String::new();
    for w in l.split_whitespace() {
        if out.len() + w.len() > 100 {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Some(out)
}

#[cfg(test)]
mod tests;
