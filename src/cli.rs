//! The command line's definition: subcommands, options, help texts with examples and the exit
//! status, and parsing (with the `--color` option read first: see `cmd::color`).

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

use crate::cmd::color::hoist_color;
pub use crate::cmd::color::{ColorChoice, ColorWhen};

/// The exit status, as every `--help` tells it.
macro_rules! exit_status {
    () => {
        "Exit status:
  0  success (an empty result is a success: a warning on stderr says so)
  1  finished, but incomplete: no article files were found, or some inputs
     were skipped (unreadable, empty, binary or oversized files, broken
     links, lines of an events file that do not parse; see the warnings on
     stderr). Text read lossily (not UTF-8) is read: a warning, status 0
  2  usage error, or a fatal error: a path that does not exist, an output
     that cannot be written"
    };
}

/// How colour is chosen, as every `--help` tells it.
macro_rules! environment {
    () => {
        "Environment:
  NO_COLOR         when set and not empty, no colour unless --color=always
  NEWSLINE_CONFIG  the config file to read (--config wins)"
    };
}

/// Turn a folder of news articles into an event timeline you browse from the keyboard.
///
/// Warnings go to stderr, data to stdout.
#[derive(Debug, Parser)]
#[command(
    name = "newsline",
    version,
    args_conflicts_with_subcommands = true,
    after_help = concat!(
        "Examples:
  newsline corpus/                  browse the timeline of a folder of articles
  newsline --plain corpus/ | less   print it as text, one event a line
  newsline export --format csv -o events.csv corpus/
  newsline export --format ics --query @India -o india.ics corpus/
  newsline dates --format json story.txt
  newsline actors corpus/

",
        environment!(),
        "\n\n",
        exit_status!()
    )
)]
pub struct Cli {
    /// What to do (without one: open the timeline of PATH…).
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The screen's arguments.
    #[command(flatten)]
    pub view: ViewArgs,
    /// Options every subcommand takes.
    #[command(flatten)]
    pub global: GlobalArgs,
}

/// Arguments of bare `newsline PATH…` (the screen).
#[derive(Debug, clap::Args)]
pub struct ViewArgs {
    /// Article files or directories (.txt, .md), and event shards (.jsonl).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Print the timeline as text, one event a line, instead of opening the screen.
    #[arg(long)]
    pub plain: bool,
    /// Reference date for articles that carry none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<NaiveDate>,
    /// The screen's order [default: oldest first].
    #[arg(long, value_enum, value_name = "ORDER")]
    pub sort: Option<SortArg>,
    /// How the screen writes dates [default: iso].
    #[arg(long, value_enum, value_name = "STYLE")]
    pub date_style: Option<DateStyleArg>,
}

/// `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    /// Oldest first (undated last).
    Oldest,
    /// Newest first (undated last).
    Newest,
}

/// `--date-style`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateStyleArg {
    /// `2024-11-22`, `2024-11`, `2024-W47`.
    Iso,
    /// `22 Nov 2024`, `Nov 2024`, `W47 2024`.
    Long,
}

/// Options every subcommand takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// When to use colour (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// The config file to read instead of the platform's (see `newsline config --path`).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show every temporal expression the reader finds, with its value and basis.
    #[command(after_help = concat!(
        "Examples:
  newsline dates story.txt                       one expression a line: file:line, text, value, basis
  newsline dates --format json corpus/ > dates.json
  newsline dates --published 2024-11-23 story.txt   resolve 'on Friday' against that date

",
        exit_status!()
    ))]
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
    /// Write the events of the timeline as JSON, JSONL, CSV, TimelineJS, iCalendar or Markdown.
    #[command(after_help = concat!(
        "Examples:
  newsline export corpus/ > events.json                {\"events\": [...]}
  newsline export -o events.csv corpus/                a spreadsheet (format from the name)
  newsline export --format timelinejs -o timeline.json corpus/
      then on a web page: new TL.Timeline('timeline-embed', 'timeline.json')
  newsline export --format ics --query @India -o india.ics corpus/
  newsline export --format md corpus/ | less
  newsline export --format jsonl corpus/ > shard.jsonl   one event a line

With -o, the file is written beside its target and renamed into place, so an
interrupted export never leaves half a file; an input file is never a target.
TimelineJS and iCalendar place events on dates: undated events are left out
(a warning on stderr says how many).

",
        exit_status!()
    ))]
    Export {
        /// Output format [default: from the extension of -o's FILE (.json, .jsonl, .csv,
        /// .ics, .md), else json].
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Keep only the events the screen's filter would show for this query.
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Write to FILE instead of stdout (`-` is stdout).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Title of the document (TimelineJS title slide, calendar name, Markdown heading).
        #[arg(long, value_name = "TEXT", default_value = "Timeline")]
        title: String,
        /// Reference date for articles that carry none (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Article files or directories, and event shards (.jsonl).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the actors of the timeline with their kinds and event counts, most events first.
    #[command(after_help = concat!(
        "Examples:
  newsline actors corpus/                      events, kind and name, one actor a line
  newsline actors --format json corpus/ > actors.json
  newsline actors corpus/ | head               the ten most frequent

",
        exit_status!()
    ))]
    Actors {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ActorsFormat::Text)]
        format: ActorsFormat,
        /// Reference date for articles that carry none (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        published: Option<NaiveDate>,
        /// Article files or directories, and event shards (.jsonl).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print the default config file, or the path of the config file in use.
    #[command(after_help = concat!(
        "Examples:
  newsline config --path                        where newsline looks for its config
  newsline config --print-default > \"$(newsline config --path)\"
  newsline --config my.toml corpus/             use another config file

The file is TOML: [ui] sort = \"oldest-first\" | \"newest-first\", dates = \"iso\" |
\"long\"; [keys] action = [\"key\", ...]; [theme] role = \"style\". A file that does
not parse is one warning (file, line and problem) and newsline runs with the defaults.

",
        environment!(),
        "\n\n",
        exit_status!()
    ))]
    #[command(group = clap::ArgGroup::new("what").required(true))]
    Config {
        /// Print the complete default config, commented.
        #[arg(long, group = "what")]
        print_default: bool,
        /// Print the path of the config file in use.
        #[arg(long, group = "what")]
        path: bool,
    },
    /// Print a shell completion script.
    #[command(after_help = concat!(
        "Examples:
  newsline completions bash > ~/.local/share/bash-completion/completions/newsline
  newsline completions zsh > ~/.zfunc/_newsline      (with fpath+=~/.zfunc)
  newsline completions fish > ~/.config/fish/completions/newsline.fish

",
        exit_status!()
    ))]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff), of newsline or of one subcommand.
    #[command(after_help = concat!(
        "Examples:
  newsline man > newsline.1 && man ./newsline.1
  newsline man export > newsline-export.1
  newsline man | man -l -

",
        exit_status!()
    ))]
    Man {
        /// A subcommand whose page to print instead.
        #[arg(value_name = "SUBCOMMAND")]
        subcommand: Option<String>,
    },
}

/// `dates --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DatesFormat {
    /// `{"dates": [{file, start, end, text, value, basis}]}`.
    Json,
    /// One expression a line: `file:line: "text" value basis`.
    Text,
}

/// `export --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// `{"events": [...]}`, every field.
    Json,
    /// One event a line (a shard newsline reads back).
    Jsonl,
    /// A header row, one row per event.
    Csv,
    /// The JSON TimelineJS loads, to publish on a web page (dated events only).
    #[value(name = "timelinejs")]
    TimelineJs,
    /// An iCalendar file of all-day events (dated events only).
    Ics,
    /// A Markdown document grouped by year.
    #[value(name = "md", alias = "markdown")]
    Markdown,
}

impl ExportFormat {
    /// The format a file name's extension asks for (`events.csv`), if any. `.json` is JSON:
    /// TimelineJS is only ever chosen by name.
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "json" => ExportFormat::Json,
            "jsonl" | "ndjson" => ExportFormat::Jsonl,
            "csv" => ExportFormat::Csv,
            "ics" | "ical" | "ifb" | "icalendar" => ExportFormat::Ics,
            "md" | "markdown" => ExportFormat::Markdown,
            _ => return None,
        })
    }

    /// The library's format.
    pub fn format(self) -> newsline::export::Format {
        use newsline::export::Format;
        match self {
            ExportFormat::Json => Format::Json,
            ExportFormat::Jsonl => Format::Jsonl,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::TimelineJs => Format::TimelineJs,
            ExportFormat::Ics => Format::Ics,
            ExportFormat::Markdown => Format::Markdown,
        }
    }
}

/// `actors --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ActorsFormat {
    /// `{"actors": [{name, kind, events}]}`.
    Json,
    /// One actor a line: events, kind, name.
    Text,
}

/// The clap command, for completions and the manual page.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Parses the process's arguments; usage errors exit with status 2, `--help` and `--version`
/// with 0.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let when = ColorWhen::prescan(args.iter().skip(1).cloned());
    let color = ColorChoice::from_env(when);
    let (args, config) = hoist_globals(args);
    let matches = command().color(color.clap()).get_matches_from(args);
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli.global.color = when;
    cli.global.config = cli.global.config.or(config);
    cli
}

/// Removes the options every subcommand takes (`--color WHEN`, `--config PATH`) from before
/// everything else, as [`hoist_color`] does; returns the last `--config` removed.
fn hoist_globals(mut args: Vec<OsString>) -> (Vec<OsString>, Option<PathBuf>) {
    let mut config = None;
    loop {
        let before = args.len();
        args = hoist_color(args);
        match args.get(1).and_then(|a| a.to_str()) {
            Some("--config") if args.len() > 2 => {
                config = Some(PathBuf::from(args.remove(2)));
                args.remove(1);
            }
            Some(a) if a.starts_with("--config=") => {
                config = Some(PathBuf::from(&a["--config=".len()..]));
                args.remove(1);
            }
            _ => {}
        }
        if args.len() == before {
            return (args, config);
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    newsline::article::parse_date_prefix(s)
        .ok_or_else(|| format!("'{s}' is not a date (YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn export_format_follows_the_extension() {
        use std::path::Path;
        let of = |p: &str| ExportFormat::from_extension(Path::new(p));
        assert_eq!(of("out/events.CSV"), Some(ExportFormat::Csv));
        assert_eq!(of("cal.ics"), Some(ExportFormat::Ics));
        assert_eq!(of("t.md"), Some(ExportFormat::Markdown));
        assert_eq!(of("x.jsonl"), Some(ExportFormat::Jsonl));
        assert_eq!(of("x.json"), Some(ExportFormat::Json));
        assert_eq!(of("x.pdf"), None);
        assert_eq!(of("noext"), None);
    }

    #[test]
    fn a_leading_color_option_leaves_the_subcommand_alone() {
        let args = ["nl", "--color", "never", "export", "x"].map(OsString::from);
        let cli = Cli::try_parse_from(hoist_color(args.to_vec())).unwrap();
        assert!(matches!(cli.command, Some(Command::Export { .. })));
    }

    #[test]
    fn leading_config_options_are_hoisted_with_colour_ones() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let (args, config) = hoist_globals(os(&[
            "nl",
            "--config",
            "a.toml",
            "--color",
            "never",
            "--config=b.toml",
            "export",
            "x",
        ]));
        assert_eq!(args, os(&["nl", "export", "x"]));
        assert_eq!(config, Some(PathBuf::from("b.toml")));
        let kept = os(&["nl", "export", "--config", "a.toml", "x"]);
        assert_eq!(hoist_globals(kept.clone()), (kept, None));
    }
}
