//! Writing the timeline out: one module per format, all fed the same [`EventRecord`]s.
//!
//! - [`json`]: `{"events": [...]}` and JSONL (one event a line, also the shard format read back);
//! - [`csv`]: a spreadsheet, guarded against formula injection;
//! - [`timelinejs`]: the JSON TimelineJS's `TL.Timeline` loads, to publish on a web page;
//! - [`ics`]: an RFC 5545 calendar of all-day events;
//! - [`markdown`]: a readable document grouped by year.
//!
//! [`output`] writes a file so that an interrupted export never leaves half of it, and [`uid`]
//! gives events the stable identifiers the calendar and TimelineJS need.

pub mod csv;
pub mod ics;
pub mod json;
pub mod markdown;
pub mod output;
pub mod timelinejs;
pub mod uid;

use std::io::{self, Write};

use chrono::{DateTime, Utc};

pub use json::{EventRecord, MentionRecord};

use crate::temporal::Precision;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// `{"events": [...]}`.
    Json,
    /// One JSON event a line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
    /// TimelineJS's JSON.
    TimelineJs,
    /// An iCalendar file.
    Ics,
    /// A Markdown document.
    Markdown,
}

impl Format {
    /// Every format, in the order the help lists them.
    pub const ALL: [Format; 6] = [
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::TimelineJs,
        Format::Ics,
        Format::Markdown,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::TimelineJs => "timelinejs",
            Format::Ics => "ics",
            Format::Markdown => "md",
        }
    }

    /// True when the format can only place dated events (undated ones are left out).
    pub fn needs_dates(self) -> bool {
        matches!(self, Format::TimelineJs | Format::Ics)
    }
}

/// `1 event`, `2 events`: a count with its noun.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The name of a precision as the exports write it (`year`, `quarter`, `month`, `week`, `day`).
pub fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Quarter => "quarter",
        Precision::Month => "month",
        Precision::Week => "week",
        Precision::Day => "day",
    }
}

/// Settings shared by the formats.
#[derive(Debug, Clone)]
pub struct Options {
    /// When the export is made: the calendar's `DTSTAMP`. Pass a fixed value for reproducible
    /// output.
    pub stamp: DateTime<Utc>,
    /// A title for the whole document (TimelineJS's title slide, the calendar's name, the
    /// Markdown heading).
    pub title: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            stamp: Utc::now(),
            title: "Timeline".to_string(),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Events written.
    pub written: usize,
    /// Undated events left out because the format cannot place them.
    pub undated_left_out: usize,
}

/// Writes `records` to `out` in `format`.
pub fn write(
    format: Format,
    out: &mut dyn Write,
    records: &[EventRecord],
    opts: &Options,
) -> io::Result<Summary> {
    let all = Summary {
        written: records.len(),
        undated_left_out: 0,
    };
    match format {
        Format::Json => json::write_json(out, records).map(|_| all),
        Format::Jsonl => json::write_jsonl(out, records).map(|_| all),
        Format::Csv => csv::write_csv(out, records).map(|_| all),
        Format::TimelineJs => timelinejs::write_timelinejs(out, records, opts),
        Format::Ics => ics::write_ics(out, records, opts),
        Format::Markdown => markdown::write_markdown(out, records, opts).map(|_| all),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_are_distinct_and_lowercase() {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        for (i, n) in names.iter().enumerate() {
            assert!(n.chars().all(|c| c.is_ascii_lowercase()), "{n}");
            assert!(!names[i + 1..].contains(n), "{n} twice");
        }
        assert!(Format::Ics.needs_dates() && !Format::Csv.needs_dates());
    }

    #[test]
    fn precision_names_match_the_json_export() {
        for p in [
            Precision::Year,
            Precision::Quarter,
            Precision::Month,
            Precision::Week,
            Precision::Day,
        ] {
            let json = serde_json::to_value(p).unwrap();
            assert_eq!(json.as_str(), Some(precision_name(p)));
        }
    }
}
