//! The interactive screen: draws the timeline beside the article and maps keys to actions.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use newsline::timeline::Timeline;

/// Prints the timeline as text, one event a line (date, title, actors, source).
pub fn print_plain(tl: &Timeline) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for e in &tl.events {
        let date = e
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let src = e
            .mentions
            .first()
            .map(|m| {
                tl.articles[m.article as usize]
                    .source
                    .clone()
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        writeln!(
            out,
            "{date:<10}  {}  [{}]  {src}",
            e.title,
            e.actors.join(", ")
        )?;
    }
    out.flush()?;
    Ok(())
}

/// Opens the screen (placeholder: prints the timeline).
pub fn run(tl: Timeline) -> Result<ExitCode> {
    print_plain(&tl)?;
    Ok(ExitCode::SUCCESS)
}
