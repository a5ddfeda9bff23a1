//! JSON and JSONL exports: `{"events": [...]}` or one event per line. A JSONL file is also a
//! shard that `newsline` reads back (see [`crate::timeline`]), so every record carries the file
//! paths and article metadata it needs.

use std::io::{self, Write};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actors::ActorKind;
use crate::temporal::{Basis, DateValue, Precision};
use crate::timeline::Timeline;

/// Where an exported event is told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRecord {
    /// The article file.
    pub file: String,
    /// First byte of the sentence.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: u32,
    /// The article's headline.
    #[serde(default)]
    pub title: String,
    /// The article's outlet.
    #[serde(default)]
    pub source: Option<String>,
    /// The article's publication date.
    #[serde(default)]
    pub published: Option<NaiveDate>,
}

/// One exported event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    /// ISO date at its precision, or null.
    pub date: Option<DateValue>,
    /// Precision of `date`.
    pub precision: Option<Precision>,
    /// The expression as written.
    pub date_text: String,
    /// How the date was found.
    pub date_basis: Basis,
    /// Timeline row text.
    pub title: String,
    /// Canonical actor names.
    pub actors: Vec<String>,
    /// The kind of each actor, in the order of `actors`.
    #[serde(default)]
    pub actor_kinds: Vec<ActorKind>,
    /// Where it is told.
    pub mentions: Vec<MentionRecord>,
    /// The outlets that told it.
    pub sources: Vec<String>,
    /// A background date, not a happening.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
}

/// The export records of the events at `indices` of the timeline.
pub fn records(timeline: &Timeline, indices: &[usize]) -> Vec<EventRecord> {
    indices
        .iter()
        .map(|&i| {
            let e = &timeline.events[i];
            let mentions: Vec<MentionRecord> = e
                .mentions
                .iter()
                .map(|m| {
                    let a = &timeline.articles[m.article as usize];
                    MentionRecord {
                        file: a.path.display().to_string(),
                        start: m.start,
                        end: m.end,
                        line: m.line,
                        title: a.title.clone(),
                        source: a.source.clone(),
                        published: a.published,
                    }
                })
                .collect();
            let mut sources: Vec<String> = Vec::new();
            for m in &mentions {
                let s = m.source.clone().unwrap_or_else(|| m.file.clone());
                if !sources.contains(&s) {
                    sources.push(s);
                }
            }
            EventRecord {
                date: e.date,
                precision: e.date.map(|d| d.precision()),
                date_text: e.date_text.clone(),
                date_basis: e.date_basis,
                title: e.title.clone(),
                actors: e.actors.iter().map(|a| a.to_string()).collect(),
                actor_kinds: e
                    .actors
                    .iter()
                    .map(|a| {
                        timeline
                            .actor_kinds
                            .get(&**a)
                            .copied()
                            .unwrap_or(ActorKind::Organisation)
                    })
                    .collect(),
                mentions,
                sources,
                background: e.background,
            }
        })
        .collect()
}

/// Writes `{"events": [...]}`.
pub fn write_json(out: &mut dyn Write, records: &[EventRecord]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        events: &'a [EventRecord],
    }
    serde_json::to_writer_pretty(&mut *out, &Doc { events: records })?;
    writeln!(out)
}

/// Writes one event per line.
pub fn write_jsonl(out: &mut dyn Write, records: &[EventRecord]) -> io::Result<()> {
    for r in records {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
    }
    Ok(())
}
