//! The `newsline` command line: subcommands call the library; bare `newsline PATH…` opens the
//! screen on a terminal and prints the timeline as text otherwise. The definition of the
//! command line is in `cli`, the subcommands' bodies in `cmd`.

mod cli;
mod cmd;
mod config;
mod tui;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use newsline::pipeline;

use cli::Cli;
use cmd::warn_all;

fn main() -> ExitCode {
    newsline::memory::return_large_blocks();
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
    let (config, warnings) = config::load(cli.global.config.as_deref());
    warn_all(&warnings);
    let ctx = cmd::Context::new(cli.global.color, config);
    match cli.command {
        Some(command) => cmd::run(command, &ctx),
        None => {
            let view = cli.view;
            let paths = if view.paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                view.paths
            };
            if view.plain || !io::stdout().is_terminal() {
                let listing = cmd::list(&paths)?;
                let (loaded, status) = cmd::load(&paths, &listing, view.published, &ctx)?;
                tui::print_plain(&loaded.timeline, &mut io::stdout().lock())?;
                Ok(status.code())
            } else {
                let config = &ctx.config;
                let (keymap, mut warnings) = tui::Keymap::from_toml(&config.keys);
                let (theme, theme_warnings) = tui::Theme::from_toml(&config.theme);
                warnings.extend(theme_warnings);
                // the defaults always parse: what is wrong comes from the config file
                if let Some(path) = &config.path {
                    for w in &mut warnings {
                        *w = format!("{}: {w}", path.display());
                    }
                }
                warn_all(&warnings);
                let settings = tui::Settings {
                    color: ctx.color.enabled(true),
                    sort: match (view.sort, config.sort) {
                        (Some(cli::SortArg::Newest), _) => tui::SortOrder::NewestFirst,
                        (Some(_), _) => tui::SortOrder::OldestFirst,
                        (None, config::Sort::NewestFirst) => tui::SortOrder::NewestFirst,
                        (None, config::Sort::OldestFirst) => tui::SortOrder::OldestFirst,
                    },
                    date_style: match (view.date_style, config.dates) {
                        (Some(cli::DateStyleArg::Long), _) => tui::DateStyle::Long,
                        (Some(_), _) => tui::DateStyle::Iso,
                        (None, config::DateStyle::Long) => tui::DateStyle::Long,
                        (None, config::DateStyle::Iso) => tui::DateStyle::Iso,
                    },
                    keymap,
                    theme,
                };
                let opts = pipeline::Options {
                    published: view.published,
                };
                tui::run(paths, opts, settings)
            }
        }
    }
}
