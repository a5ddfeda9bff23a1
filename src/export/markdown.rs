//! Markdown export: a readable timeline document. A `#` title, then one `## YEAR` section per
//! year in order, each event a list item `- **2024-11-22** — title (actors) — source`, and the
//! undated events last under `## Undated`. Text from the articles is escaped so that it reads
//! as written and cannot open a link, an image or HTML.

use std::collections::BTreeMap;
use std::io::{self, Write};

use super::{EventRecord, Options};

/// The heading of the section of undated events.
pub const UNDATED: &str = "Undated";

/// Escapes Markdown's active characters and turns line breaks into spaces.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One event's list item (without the line break).
pub fn item(record: &EventRecord) -> String {
    let date = record
        .date
        .map(|d| d.to_string())
        .unwrap_or_else(|| "undated".to_string());
    let mut s = format!("- **{date}** — {}", escape(record.title.trim()));
    if !record.actors.is_empty() {
        let actors: Vec<String> = record.actors.iter().map(|a| escape(a)).collect();
        s.push_str(&format!(" ({})", actors.join(", ")));
    }
    if !record.sources.is_empty() {
        let sources: Vec<String> = record.sources.iter().map(|a| escape(a)).collect();
        s.push_str(&format!(" — {}", sources.join(", ")));
    }
    if record.background {
        s.push_str(" _(background)_");
    }
    s
}

/// Writes the document.
pub fn write_markdown(
    out: &mut dyn Write,
    records: &[EventRecord],
    opts: &Options,
) -> io::Result<()> {
    let mut years: BTreeMap<i32, Vec<&EventRecord>> = BTreeMap::new();
    let mut undated = Vec::new();
    for r in records {
        match r.date {
            Some(d) => years.entry(d.year()).or_default().push(r),
            None => undated.push(r),
        }
    }
    writeln!(out, "# {}", escape(&opts.title))?;
    writeln!(out)?;
    let dated: usize = years.values().map(Vec::len).sum();
    writeln!(
        out,
        "{}: {dated} dated, {} undated.",
        super::count(records.len(), "event"),
        undated.len()
    )?;
    let sections = years
        .iter()
        .map(|(y, rs)| (y.to_string(), rs))
        .chain((!undated.is_empty()).then(|| (UNDATED.to_string(), &undated)));
    for (heading, rs) in sections {
        writeln!(out)?;
        writeln!(out, "## {heading}")?;
        writeln!(out)?;
        for r in rs {
            writeln!(out, "{}", item(r))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(
            escape("[link](x) *b* <i>\nnext"),
            "\\[link\\](x) \\*b\\* \\<i\\> next"
        );
    }
}
