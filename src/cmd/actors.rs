//! `newsline actors`: the actors of the timeline with their kinds and event counts, most events
//! first, as aligned text or as `{"actors": [{name, kind, events}]}`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use newsline::timeline::ActorEntry;

use super::{list, load, warn, Context};
use crate::cli::ActorsFormat;

/// Runs `newsline actors`.
pub fn run(
    format: ActorsFormat,
    published: Option<NaiveDate>,
    paths: &[PathBuf],
    ctx: &Context,
) -> Result<ExitCode> {
    let listing = list(paths)?;
    let (loaded, status) = load(paths, &listing, published, ctx)?;
    let actors = loaded.timeline.actors();
    if actors.is_empty() && !loaded.timeline.articles.is_empty() {
        warn("no actors found");
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match format {
        ActorsFormat::Json => write_json(&mut out, &actors)?,
        ActorsFormat::Text => write_text(&mut out, &actors)?,
    }
    out.flush()?;
    Ok(status.code())
}

/// `{"actors": [...]}`.
fn write_json(out: &mut dyn Write, actors: &[ActorEntry]) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        actors: &'a [ActorEntry],
    }
    serde_json::to_writer_pretty(&mut *out, &Doc { actors })?;
    writeln!(out)
}

/// One actor a line: event count, kind, name.
fn write_text(out: &mut dyn Write, actors: &[ActorEntry]) -> io::Result<()> {
    let width = actors
        .iter()
        .map(|a| a.events.to_string().len())
        .max()
        .unwrap_or(1);
    for a in actors {
        writeln!(
            out,
            "{:>width$}  {:<12}  {}",
            a.events,
            a.kind.as_str(),
            a.name
        )?;
    }
    Ok(())
}
