//! CSV export: a header row, then one row per event (date, precision, basis, title, actors,
//! sources, and `file:line` of the first mention). Cells a spreadsheet would read as a formula
//! are neutralised (see [`neutralise`]).

use std::borrow::Cow;
use std::io::{self, Write};

use super::{precision_name, EventRecord};

/// The header row.
pub const HEADER: [&str; 7] = [
    "date",
    "precision",
    "basis",
    "title",
    "actors",
    "sources",
    "location",
];

/// Makes a cell safe to open in a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return would be read as a formula (CSV injection), so it is prefixed with
/// `'`, which spreadsheets take as "this is text" and do not show.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The cells of one event's row, before neutralising.
pub fn row(record: &EventRecord) -> [String; 7] {
    let location = record
        .mentions
        .first()
        .map(|m| format!("{}:{}", m.file, m.line))
        .unwrap_or_default();
    [
        record.date.map(|d| d.to_string()).unwrap_or_default(),
        record
            .precision
            .map(|p| precision_name(p).to_string())
            .unwrap_or_default(),
        record.date_basis.as_str().to_string(),
        record.title.clone(),
        record.actors.join("; "),
        record.sources.join("; "),
        location,
    ]
}

/// Writes the header and one row per event. Undated events have an empty date.
pub fn write_csv(out: &mut dyn Write, records: &[EventRecord]) -> io::Result<()> {
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in records {
        let cells = row(r);
        w.write_record(cells.iter().map(|c| neutralise(c).into_owned()))?;
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for bad in ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            let n = neutralise(bad);
            assert!(n.starts_with('\''), "{bad:?}");
            assert_eq!(&n[1..], bad);
        }
        for ok in ["India", "2024-11-22", "", "'quoted", " =spaced"] {
            assert_eq!(neutralise(ok), ok);
        }
    }
}
