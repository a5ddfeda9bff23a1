//! `newsline completions SHELL` and `newsline man [SUBCOMMAND]`: documents generated from the
//! command line's own definition, so they never disagree with `--help`.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap_complete::Shell;

use crate::cli;

/// Prints the completion script for `shell`.
pub fn completions(shell: Shell) -> Result<ExitCode> {
    let mut cmd = cli::command();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    clap_complete::generate(shell, &mut cmd, "newsline", &mut out);
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the manual page of newsline, or of one of its subcommands (`newsline-export(1)`).
pub fn man(subcommand: Option<&str>) -> Result<ExitCode> {
    let mut root = cli::command();
    // building names the subcommands `newsline-export` and their usage `newsline export`
    root.build();
    let page = match subcommand {
        None => root,
        Some(name) => {
            let Some(sub) = root.find_subcommand(name) else {
                let names: Vec<&str> = root.get_subcommands().map(|c| c.get_name()).collect();
                bail!("{name}: no such subcommand (one of: {})", names.join(", "));
            };
            sub.clone().version(env!("CARGO_PKG_VERSION"))
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
