//! iCalendar export (RFC 5545): a `VCALENDAR` with one all-day `VEVENT` per dated event.
//!
//! A day-precision event covers its day (`DTSTART;VALUE=DATE`, `DTEND` the next day, as the
//! RFC's end is exclusive); a week, month, quarter or year covers all its days. UIDs are stable
//! (a hash of date, title and first mention: see [`super::uid`]), so a calendar that imports the
//! file again updates its events instead of doubling them. Text values are escaped, lines are
//! folded at 75 octets without splitting a UTF-8 character, and every line ends in CRLF.
//! Undated events cannot be placed and are left out; [`Summary`] counts them.

use std::io::{self, Write};

use chrono::{Days, NaiveDate};

use super::{uid, EventRecord, Options, Summary};

/// The longest content line, in octets, not counting the CRLF (RFC 5545 §3.1).
pub const MAX_LINE: usize = 75;

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` are backslash-escaped, line breaks
/// become `\n`, and other control characters (not allowed in TEXT) are dropped.
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line: at most [`MAX_LINE`] octets a line, continuation lines starting with
/// a space (which counts), never splitting a UTF-8 character nor a backslash escape (`\,`, as
/// some readers unescape before they unfold). Every line ends in CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    let mut chars = line.char_indices();
    while let Some((i, c)) = chars.next() {
        let mut end = i + c.len_utf8();
        if c == '\\' {
            if let Some((j, d)) = chars.next() {
                end = j + d.len_utf8();
            }
        }
        let unit = &line[i..end];
        if used + unit.len() > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(unit);
        used += unit.len();
    }
    out.push_str("\r\n");
    out
}

fn date_value(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The description of an event: its date as written, actors, sources and where it is told.
fn description(record: &EventRecord) -> String {
    let mut lines = Vec::new();
    if let Some(d) = record.date {
        let text = if record.date_text.is_empty() {
            String::new()
        } else {
            format!(" — “{}”", record.date_text)
        };
        lines.push(format!("Date: {d}{text} ({})", record.date_basis.as_str()));
    }
    if !record.actors.is_empty() {
        lines.push(format!("Actors: {}", record.actors.join(", ")));
    }
    if !record.sources.is_empty() {
        lines.push(format!("Sources: {}", record.sources.join(", ")));
    }
    for m in &record.mentions {
        lines.push(format!("Told in: {}:{}", m.file, m.line));
    }
    lines.join("\n")
}

/// Writes the calendar.
pub fn write_ics(
    out: &mut dyn Write,
    records: &[EventRecord],
    opts: &Options,
) -> io::Result<Summary> {
    let mut line = |s: &str| out.write_all(fold_line(s).as_bytes());
    line("BEGIN:VCALENDAR")?;
    line("VERSION:2.0")?;
    line(&format!(
        "PRODID:-//newsline//newsline {}//EN",
        env!("CARGO_PKG_VERSION")
    ))?;
    line("CALSCALE:GREGORIAN")?;
    line("METHOD:PUBLISH")?;
    line(&format!("X-WR-CALNAME:{}", escape_text(&opts.title)))?;
    let stamp = opts.stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let ids = uid::unique_ids(records);
    let mut summary = Summary::default();
    for (r, id) in records.iter().zip(ids) {
        let Some(date) = r.date else {
            summary.undated_left_out += 1;
            continue;
        };
        let first = date.first_day();
        let end = date
            .last_day()
            .checked_add_days(Days::new(1))
            .unwrap_or(NaiveDate::MAX);
        line("BEGIN:VEVENT")?;
        line(&format!("UID:{id}@newsline"))?;
        line(&format!("DTSTAMP:{stamp}"))?;
        line(&format!("DTSTART;VALUE=DATE:{}", date_value(first)))?;
        line(&format!("DTEND;VALUE=DATE:{}", date_value(end)))?;
        line(&format!("SUMMARY:{}", escape_text(&r.title)))?;
        line(&format!("DESCRIPTION:{}", escape_text(&description(r))))?;
        if !r.actors.is_empty() {
            let cats: Vec<String> = r.actors.iter().map(|a| escape_text(a)).collect();
            line(&format!("CATEGORIES:{}", cats.join(",")))?;
        }
        line("TRANSP:TRANSPARENT")?;
        line("END:VEVENT")?;
        summary.written += 1;
    }
    line("END:VCALENDAR")?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg\u{7}h"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ngh"
        );
    }

    #[test]
    fn escapes_are_not_split() {
        let line = format!("DESCRIPTION:{}", "a\\,".repeat(60));
        for part in fold_line(&line).split("\r\n") {
            assert!(!part.ends_with('\\') || part.ends_with("\\\\"), "{part:?}");
        }
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold_line("SUMMARY:x"), "SUMMARY:x\r\n");
        let exact = "X".repeat(MAX_LINE);
        assert_eq!(fold_line(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_char_boundaries() {
        for text in ["a".repeat(400), "é".repeat(200), "日本と印度".repeat(40)] {
            let line = format!("SUMMARY:{text}");
            let folded = fold_line(&line);
            assert!(folded.ends_with("\r\n"));
            let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
            assert!(parts.len() > 1);
            for (i, p) in parts.iter().enumerate() {
                assert!(p.len() <= MAX_LINE, "{} octets", p.len());
                if i > 0 {
                    assert!(p.starts_with(' '));
                }
            }
            // unfolding gives the line back
            let unfolded: String = parts
                .iter()
                .enumerate()
                .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
                .collect();
            assert_eq!(unfolded, line);
        }
    }
}
