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
            let listing = cmd::list(&paths)?;
            let (loaded, status) = cmd::load(&paths, &listing, view.published, &ctx)?;
            if view.plain || !io::stdout().is_terminal() {
                tui::print_plain(&loaded.timeline)?;
                Ok(status.code())
            } else {
                tui::run(loaded.timeline)
            }
        }
    }
}
