//! `newsline export`: the events of the timeline (all, or those a query keeps) in one of the
//! library's formats, to stdout or to a file written atomically. Inputs are never a target.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, NaiveDate, Utc};

use newsline::corpus::Listing;
use newsline::export::{self, output, Format};
use newsline::filter;

use super::{list, load, warn, Context};

/// What `export` is asked for, besides the paths.
#[derive(Debug, Clone)]
pub struct Args {
    /// The format.
    pub format: Format,
    /// Keep only the events this query matches.
    pub query: Option<String>,
    /// Write here instead of stdout (`-` is stdout).
    pub output: Option<PathBuf>,
    /// The document's title.
    pub title: String,
    /// Reference date for articles that carry none.
    pub published: Option<NaiveDate>,
}

/// Runs `newsline export`.
pub fn run(args: &Args, paths: &[PathBuf], ctx: &Context) -> Result<ExitCode> {
    let target = args
        .output
        .as_deref()
        .filter(|p| p.as_os_str() != "-")
        .map(Path::to_path_buf);
    let listing = list(paths)?;
    if let Some(t) = &target {
        check_target(t, &listing, paths)?;
    }
    let (loaded, status) = load(paths, &listing, args.published, ctx)?;
    let tl = &loaded.timeline;
    let indices: Vec<usize> = match &args.query {
        Some(q) => filter::filter(tl, q),
        None => (0..tl.events.len()).collect(),
    };
    if indices.is_empty() {
        match &args.query {
            Some(q) if !tl.events.is_empty() => warn(&format!("no events match '{q}'")),
            _ if tl.articles.is_empty() => {}
            _ => warn("no events found"),
        }
    }
    let records = export::json::records(tl, &indices);
    let opts = export::Options {
        stamp: stamp(),
        title: args.title.clone(),
    };
    let write = |w: &mut dyn Write| export::write(args.format, w, &records, &opts);
    let summary = match &target {
        Some(t) => output::write_atomically(t, write).with_context(|| t.display().to_string())?,
        None => {
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            let s = write(&mut out)?;
            out.flush()?;
            s
        }
    };
    // The process ends next: what was read is left to it rather than freed block by block.
    std::mem::forget((records, loaded));
    if summary.undated_left_out > 0 {
        warn(&format!(
            "{} undated event{} left out: {} places events on dates",
            summary.undated_left_out,
            if summary.undated_left_out == 1 {
                ""
            } else {
                "s"
            },
            match args.format {
                Format::Ics => "a calendar",
                _ => "TimelineJS",
            }
        ));
    }
    Ok(status.code())
}

/// The export's time stamp: now, or `SOURCE_DATE_EPOCH` for reproducible output.
fn stamp() -> DateTime<Utc> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(Utc::now)
}

/// Refuses a target that is one of the inputs (newsline never writes to an article), a
/// directory, or a file in a directory that does not exist; warns when the new file would be read as an input the next time the same paths are read.
fn check_target(target: &Path, listing: &Listing, paths: &[PathBuf]) -> Result<()> {
    let resolved = output::resolve_target(target);
    // fail before reading the corpus, not after
    let parent = resolved
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        bail!(
            "{}: no such directory: {}",
            target.display(),
            parent.display()
        );
    }
    if resolved.is_dir() {
        bail!("{}: is a directory", target.display());
    }
    if listing
        .files
        .iter()
        .any(|(f, _)| output::same_file(f, &resolved))
        || paths.iter().any(|p| output::same_file(p, &resolved))
    {
        bail!(
            "{}: is an input file; newsline never writes to its inputs",
            target.display()
        );
    }
    let ext = resolved
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "txt" | "md" | "markdown" | "jsonl" | "ndjson") {
        if let Ok(parent) = parent.canonicalize() {
            let inside = paths
                .iter()
                .any(|p| p.is_dir() && p.canonicalize().is_ok_and(|dir| parent.starts_with(&dir)));
            if inside {
                warn(&format!(
                    "{} is inside an input directory: it will be read as an input next time",
                    target.display()
                ));
            }
        }
    }
    Ok(())
}
