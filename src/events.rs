//! Events of one article: every temporal expression that dates a happening becomes an event with
//! its date, the actors of its clause and story, a readable title and the sentence that tells it.

use serde::{Deserialize, Serialize};

use crate::actors::ArticleActors;
use crate::article::Article;
use crate::sentences::Sentence;
use crate::temporal::{Basis, DateValue, Timex, TimexKind};

/// Where an event is told: a byte range of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// Index of the article in the timeline's article table.
    pub article: u32,
    /// First byte of the sentence(s).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start` in the file.
    pub line: u32,
}

/// A happening on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Its date at the precision the text gives, `None` when undated.
    pub date: Option<DateValue>,
    /// The expression as written (`on Friday`).
    pub date_text: String,
    /// How the date was found.
    pub date_basis: Basis,
    /// A short readable line for the timeline row.
    pub title: String,
    /// Canonical actor names.
    pub actors: Vec<String>,
    /// Where it is told.
    #[serde(skip)]
    pub mentions: Vec<Mention>,
    /// True for background dates (`the 2008 Joint Declaration`): shown, but not a happening.
    #[serde(default)]
    pub background: bool,
}

/// Builds the events of one article. Mentions carry `article: 0`; the caller sets the index.
pub fn extract(
    article: &Article,
    sentences: &[Sentence],
    timexes: &[Timex],
    actors: &ArticleActors,
) -> Vec<Event> {
    let mut out = Vec::new();
    for t in timexes {
        if t.kind == TimexKind::Present {
            continue;
        }
        let Some(s) = sentences
            .iter()
            .find(|s| s.start <= t.start && t.end <= s.end)
        else {
            continue;
        };
        let mut names: Vec<String> = Vec::new();
        for m in actors.in_range(s.start, s.end) {
            let n = &actors.actors[m.actor].name;
            if !names.contains(n) {
                names.push(n.clone());
            }
        }
        out.push(Event {
            date: t.value,
            date_text: article.text[t.start..t.end].to_string(),
            date_basis: t.basis,
            title: article.text[s.start..s.end].chars().take(80).collect(),
            actors: names,
            mentions: vec![Mention {
                article: 0,
                start: s.start,
                end: s.end,
                line: article.line_of(s.start) as u32,
            }],
            background: t.kind == TimexKind::Background,
        });
    }
    out
}
