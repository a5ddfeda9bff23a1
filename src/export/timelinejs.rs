//! TimelineJS export: the JSON document `new TL.Timeline('timeline-embed', data)` loads, so a
//! timeline can be published on a web page.
//!
//! Each dated event is a slide: `start_date` at the event's precision (`{year}`,
//! `{year, month}` or `{year, month, day}`, as strings like TimelineJS's own examples; weeks and
//! quarters get an `end_date` (their last day) too and a `display_date`), `text` with a `headline` and an HTML
//! `text` (everything from the articles is HTML-escaped), `group` (the first actor) and a stable
//! `unique_id`. Undated events cannot be placed and are left out; [`Summary`] counts them.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{uid, EventRecord, Options, Summary};
use crate::temporal::DateValue;

/// The whole document.
#[derive(Debug, Serialize)]
pub struct Document {
    /// The title slide.
    pub title: Slide,
    /// One slide per dated event, in timeline order.
    pub events: Vec<Slide>,
}

/// A TimelineJS date object; absent parts are left out.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TlDate {
    /// The year (required).
    pub year: String,
    /// 1–12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    /// 1–31.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<String>,
}

/// A slide's text: a headline and an HTML body.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    /// The slide's headline (HTML-escaped).
    pub headline: String,
    /// The slide's body (HTML).
    pub text: String,
}

/// One slide.
#[derive(Debug, Clone, Serialize)]
pub struct Slide {
    /// When it starts (absent on the title slide).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<TlDate>,
    /// When it ends, for weeks and quarters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TlDate>,
    /// How the date is shown, when TimelineJS's own rendering would mislead (weeks, quarters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Headline and body.
    pub text: Text,
    /// The row the slide is drawn on: the event's first actor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// A stable id (also the slide's URL fragment).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
}

/// Escapes text for HTML (TimelineJS renders `headline` and `text` as HTML).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn day_date(d: NaiveDate) -> TlDate {
    TlDate {
        year: d.year().to_string(),
        month: Some(d.month().to_string()),
        day: Some(d.day().to_string()),
    }
}

fn month_date(year: i32, month: u32) -> TlDate {
    TlDate {
        year: year.to_string(),
        month: Some(month.to_string()),
        day: None,
    }
}

/// Start date, end date and display text of a value at its precision.
pub fn dates_of(value: &DateValue) -> (TlDate, Option<TlDate>, Option<String>) {
    match *value {
        DateValue::Year(y) => (
            TlDate {
                year: y.to_string(),
                ..TlDate::default()
            },
            None,
            None,
        ),
        DateValue::Month(y, m) => (month_date(y, m as u32), None, None),
        DateValue::Day(d) => (day_date(d), None, None),
        DateValue::Quarter(y, q) => {
            let first = value.first_day();
            (
                month_date(first.year(), first.month()),
                Some(day_date(value.last_day())),
                Some(format!("Q{q} {y}")),
            )
        }
        DateValue::Week(y, w) => (
            day_date(value.first_day()),
            Some(day_date(value.last_day())),
            Some(format!("Week {w}, {y}")),
        ),
    }
}

fn body(record: &EventRecord) -> String {
    let mut html = String::new();
    if !record.actors.is_empty() {
        html.push_str(&format!(
            "<p><b>Actors:</b> {}</p>",
            escape_html(&record.actors.join(", "))
        ));
    }
    if !record.date_text.is_empty() {
        html.push_str(&format!(
            "<p><b>Date:</b> {} ({})</p>",
            escape_html(&record.date_text),
            record.date_basis.as_str()
        ));
    }
    let told: Vec<String> = record
        .mentions
        .iter()
        .map(|m| {
            let src = m.source.as_deref().unwrap_or("");
            let head = if m.title.is_empty() {
                String::new()
            } else {
                format!("“{}” ", escape_html(&m.title))
            };
            let src = if src.is_empty() {
                String::new()
            } else {
                format!("{}, ", escape_html(src))
            };
            format!("{head}{src}{}:{}", escape_html(&m.file), m.line)
        })
        .collect();
    if !told.is_empty() {
        html.push_str(&format!("<p><b>Sources:</b> {}</p>", told.join("; ")));
    }
    html
}

/// Builds the document: the dated events as slides, the number of undated ones left out.
pub fn document(records: &[EventRecord], opts: &Options) -> (Document, usize) {
    let ids = uid::unique_ids(records);
    let mut events = Vec::new();
    let mut undated = 0;
    for (r, id) in records.iter().zip(ids) {
        let Some(date) = r.date else {
            undated += 1;
            continue;
        };
        let (start, end, display) = dates_of(&date);
        events.push(Slide {
            start_date: Some(start),
            end_date: end,
            display_date: display,
            text: Text {
                headline: escape_html(&r.title),
                text: body(r),
            },
            group: r.actors.first().map(|a| escape_html(a)),
            unique_id: Some(format!("event-{id}")),
        });
    }
    let title = Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text {
            headline: escape_html(&opts.title),
            text: format!(
                "<p>{}{}</p>",
                super::count(events.len(), "event"),
                if undated > 0 {
                    format!(" ({undated} undated left out)")
                } else {
                    String::new()
                }
            ),
        },
        group: None,
        unique_id: Some("title".to_string()),
    };
    (Document { title, events }, undated)
}

/// Writes the TimelineJS document.
pub fn write_timelinejs(
    out: &mut dyn Write,
    records: &[EventRecord],
    opts: &Options,
) -> io::Result<Summary> {
    let (doc, undated) = document(records, opts);
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)?;
    Ok(Summary {
        written: doc.events.len(),
        undated_left_out: undated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html(r#"<script>alert("x&y's")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;y&#39;s&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn dates_follow_precision() {
        let (s, e, d) = dates_of(&DateValue::parse("2024").unwrap());
        assert_eq!((s.year.as_str(), s.month, s.day), ("2024", None, None));
        assert!(e.is_none() && d.is_none());
        let (s, _, _) = dates_of(&DateValue::parse("2024-03").unwrap());
        assert_eq!(s.month.as_deref(), Some("3"));
        assert!(s.day.is_none());
        let (s, _, _) = dates_of(&DateValue::parse("2024-11-22").unwrap());
        assert_eq!(s.day.as_deref(), Some("22"));
        let (s, e, d) = dates_of(&DateValue::parse("2024-W47").unwrap());
        assert_eq!(
            (s.month.as_deref(), s.day.as_deref()),
            (Some("11"), Some("18"))
        );
        let e = e.unwrap();
        assert_eq!(
            (e.month.as_deref(), e.day.as_deref()),
            (Some("11"), Some("24"))
        );
        assert_eq!(d.as_deref(), Some("Week 47, 2024"));
        let (s, e, _) = dates_of(&DateValue::parse("2024-Q3").unwrap());
        assert_eq!(s.month.as_deref(), Some("7"));
        let e = e.unwrap();
        assert_eq!(
            (e.month.as_deref(), e.day.as_deref()),
            (Some("9"), Some("30"))
        );
    }
}
