//! The `newsline` command line: subcommands call the library; bare `newsline PATH…` opens the
//! screen on a terminal and prints the timeline as text otherwise. The definition of the
//! command line is in `cli`, the subcommands' bodies in `cmd`.

mod cli;
mod cmd;
mod tui;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use newsline::pipeline;

use cli::Cli;
use cmd::warn_all;

fn main() -> ExitCode {
    let cli = cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if cmd::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsline: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = cmd::Context::new(cli.global.color);
    match cli.command {
        Some(command) => cmd::run(command, &ctx),
        None => {
            let view = cli.view;
            let paths = if view.paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                view.paths
            };
            let opts = pipeline::Options {
                published: view.published,
            };
            if view.plain || !io::stdout().is_terminal() {
                let loaded = pipeline::load(&paths, &opts)?;
                warn_all(&loaded.warnings);
                tui::print_plain(&loaded.timeline, &mut io::stdout().lock())?;
                Ok(ExitCode::SUCCESS)
            } else {
                // A config file's [keys] and [theme] tables go here.
                let (keymap, mut warnings) = tui::Keymap::from_toml(&toml::Table::new());
                let (theme, theme_warnings) = tui::Theme::from_toml(&toml::Table::new());
                warnings.extend(theme_warnings);
                warn_all(&warnings);
                let settings = tui::Settings {
                    color: ctx.color.enabled(true),
                    sort: match view.sort {
                        Some(cli::SortArg::Newest) => tui::SortOrder::NewestFirst,
                        _ => tui::SortOrder::OldestFirst,
                    },
                    date_style: match view.date_style {
                        Some(cli::DateStyleArg::Long) => tui::DateStyle::Long,
                        _ => tui::DateStyle::Iso,
                    },
                    keymap,
                    theme,
                };
                tui::run(paths, opts, settings)
            }
        }
    }
}
