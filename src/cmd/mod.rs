//! The subcommands' bodies, one file each, and what they share: the context resolved at
//! start-up, warnings on stderr, the exit status, and loading a corpus with a progress bar.

mod actors;
pub mod color;
mod config;
mod dates;
mod docs;
mod export;
mod progress;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use newsline::corpus::{self, FileKind, Listing};
use newsline::pipeline::{self, Loaded};

use crate::cli::{ColorChoice, ColorWhen, Command, ExportFormat};
use crate::config::Config;

pub use progress::Progress;

/// What every subcommand (and the screen) is given: settings resolved once at start-up.
#[derive(Debug, Clone)]
pub struct Context {
    /// Whether to use colour, from `--color` and `NO_COLOR`.
    pub color: ColorChoice,
    /// The config file's settings (or the defaults).
    pub config: Config,
}

impl Context {
    /// The context for `--color`, the config file and this process's environment.
    pub fn new(color: ColorWhen, config: Config) -> Context {
        Context {
            color: ColorChoice::from_env(color),
            config,
        }
    }
}

/// Runs a subcommand.
pub fn run(command: Command, ctx: &Context) -> Result<ExitCode> {
    match command {
        Command::Dates {
            format,
            published,
            paths,
        } => dates::run(format, published, &paths, ctx),
        Command::Export {
            format,
            query,
            output,
            title,
            published,
            paths,
        } => export::run(
            &export::Args {
                format: format
                    .or_else(|| output.as_deref().and_then(ExportFormat::from_extension))
                    .unwrap_or(ExportFormat::Json)
                    .format(),
                query,
                output,
                title,
                published,
            },
            &paths,
            ctx,
        ),
        Command::Actors {
            format,
            published,
            paths,
        } => actors::run(format, published, &paths, ctx),
        Command::Config {
            print_default: true,
            ..
        } => config::print_default(),
        Command::Config { .. } => config::print_path(ctx),
        Command::Completions { shell } => docs::completions(shell),
        Command::Man { subcommand } => docs::man(subcommand.as_deref()),
    }
}

/// Prints one warning line on stderr: `newsline: warning: …`.
pub fn warn(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "newsline: warning: {msg}");
}

/// Prints each warning on stderr.
pub fn warn_all(warnings: &[String]) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for w in warnings {
        let _ = writeln!(err, "newsline: warning: {w}");
    }
}

/// How a subcommand that read inputs ended (see "Exit status" in `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Every input was read: exit 0.
    Complete,
    /// No article files, or some inputs skipped: exit 1.
    Incomplete,
}

impl Status {
    /// The status of a run over `listing` where `read` article files could be read.
    pub fn of(listing: &Listing, read: usize) -> Status {
        let listed = articles_in(listing);
        if listing.files.is_empty() || read < listed || !listing.warnings.is_empty() {
            Status::Incomplete
        } else {
            Status::Complete
        }
    }

    /// The status of a run that loaded `loaded` from `listing`: incomplete when nothing was
    /// listed, or a file or a line of an events file was skipped.
    pub fn of_loaded(listing: &Listing, loaded: &Loaded) -> Status {
        if listing.files.is_empty() || !listing.warnings.is_empty() || loaded.skipped > 0 {
            Status::Incomplete
        } else {
            Status::Complete
        }
    }

    /// The process exit code.
    pub fn code(self) -> ExitCode {
        match self {
            Status::Complete => ExitCode::SUCCESS,
            Status::Incomplete => ExitCode::from(1),
        }
    }
}

/// Number of article files in a listing.
pub fn articles_in(listing: &Listing) -> usize {
    listing
        .files
        .iter()
        .filter(|(_, k)| *k == FileKind::Article)
        .count()
}

/// Lists the inputs; a path that does not exist is an error (exit 2). Warns when there is
/// nothing to read.
pub fn list(paths: &[PathBuf]) -> Result<Listing> {
    let listing = corpus::list(paths)?;
    if listing.files.is_empty() {
        warn("no article files (.txt, .md) or event files (.jsonl) found");
    }
    Ok(listing)
}

/// Reads the corpus under `paths` (already listed as `listing`) into a timeline, with a
/// progress bar on stderr when it takes more than a moment on a terminal. Warnings are printed.
pub fn load(
    paths: &[PathBuf],
    listing: &Listing,
    published: Option<NaiveDate>,
    ctx: &Context,
) -> Result<(Loaded, Status)> {
    let total = articles_in(listing);
    let progress = Progress::new(total, "reading", ctx);
    let loaded =
        pipeline::load_with_progress(paths, &pipeline::Options { published }, &|done, _| {
            progress.update(done)
        });
    progress.finish();
    let loaded = loaded?;
    warn_all(&loaded.warnings);
    let status = Status::of_loaded(listing, &loaded);
    Ok((loaded, status))
}

/// True when an error is a closed stdout (`newsline … | head`): not worth a message.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}
