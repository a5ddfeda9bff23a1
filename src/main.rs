//! The `newsline` command line: subcommands call the library; bare `newsline PATH…` opens the
//! screen on a terminal and prints the timeline as text otherwise.

mod tui;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use newsline::article::Article;
use newsline::{corpus, export, filter, pipeline};

/// Turn a folder of news articles into an event timeline you browse from the keyboard.
#[derive(Debug, Parser)]
#[command(name = "newsline", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    view: ViewArgs,
}

#[derive(Debug, clap::Args)]
struct ViewArgs {
    /// Article files or directories (.txt, .md), and event shards (.jsonl).
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print the timeline as text, one event a line, instead of opening the screen.
    #[arg(long)]
    plain: bool,
    /// Reference date for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Show every temporal expression the reader finds, with its value and basis.
    Dates {
        /// Output format.
        #[arg(long, value_enum, default_value_t = DatesFormat::Text)]
        format: DatesFormat,
        /// Reference date for articles that carry none (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Article files or directories.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the events of the timeline.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Keep only the events the screen's filter would show for this query.
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Reference date for articles that carry none (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Article files or directories, and event shards (.jsonl).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DatesFormat {
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Jsonl,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    newsline::article::parse_date_prefix(s)
        .ok_or_else(|| format!("'{s}' is not a date (YYYY-MM-DD)"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsline: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn warn_all(warnings: &[String]) {
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for w in warnings {
        let _ = writeln!(err, "newsline: warning: {w}");
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Some(Command::Dates {
            format,
            published,
            paths,
        }) => dates(format, published, &paths),
        Some(Command::Export {
            format,
            query,
            published,
            paths,
        }) => {
            let loaded = pipeline::load(&paths, &pipeline::Options { published })?;
            warn_all(&loaded.warnings);
            let tl = &loaded.timeline;
            let idx: Vec<usize> = match &query {
                Some(q) => filter::filter(tl, q),
                None => (0..tl.events.len()).collect(),
            };
            let recs = export::json::records(tl, &idx);
            let stdout = io::stdout();
            let mut out = io::BufWriter::new(stdout.lock());
            match format {
                ExportFormat::Json => export::json::write_json(&mut out, &recs)?,
                ExportFormat::Jsonl => export::json::write_jsonl(&mut out, &recs)?,
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let view = cli.view;
            let paths = if view.paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                view.paths
            };
            let loaded = pipeline::load(
                &paths,
                &pipeline::Options {
                    published: view.published,
                },
            )?;
            warn_all(&loaded.warnings);
            if view.plain || !io::stdout().is_terminal() {
                tui::print_plain(&loaded.timeline)?;
                Ok(ExitCode::SUCCESS)
            } else {
                tui::run(loaded.timeline)
            }
        }
    }
}

#[derive(Serialize)]
struct DateRecord<'a> {
    file: String,
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<String>,
    basis: &'static str,
}

fn dates(format: DatesFormat, published: Option<NaiveDate>, paths: &[PathBuf]) -> Result<ExitCode> {
    let listing = corpus::list(paths)?;
    warn_all(&listing.warnings);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut first = true;
    if let DatesFormat::Json = format {
        writeln!(out, "{{\"dates\": [")?;
    }
    for (path, kind) in &listing.files {
        if *kind != corpus::FileKind::Article {
            continue;
        }
        let mut warnings = Vec::new();
        let Some(article) =
            pipeline::read_article(path, &pipeline::Options { published }, &mut warnings)
        else {
            warn_all(&warnings);
            continue;
        };
        warn_all(&warnings);
        let (_, timexes) = pipeline::tag_article(&article);
        for t in &timexes {
            let rec = DateRecord {
                file: path.display().to_string(),
                start: t.start,
                end: t.end,
                text: &article.text[t.start..t.end],
                value: t.value.map(|v| v.to_string()),
                basis: t.basis.as_str(),
            };
            match format {
                DatesFormat::Json => {
                    if !first {
                        writeln!(out, ",")?;
                    }
                    first = false;
                    write!(out, "  {}", serde_json::to_string(&rec).context("json")?)?;
                }
                DatesFormat::Text => text_line(&mut out, &article, &rec)?,
            }
        }
    }
    if let DatesFormat::Json = format {
        writeln!(out, "\n]}}")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn text_line(out: &mut dyn Write, article: &Article, rec: &DateRecord) -> io::Result<()> {
    writeln!(
        out,
        "{}:{}: {:<28} {:<12} {}",
        rec.file,
        article.line_of(rec.start),
        format!("\"{}\"", rec.text),
        rec.value.as_deref().unwrap_or("null"),
        rec.basis
    )
}
