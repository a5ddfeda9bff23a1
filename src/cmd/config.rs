//! `newsline config`: the default config file to start from, and the path of the one in use.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::{warn, Context};
use crate::config;

/// Prints the complete default config file.
pub fn print_default() -> Result<ExitCode> {
    let mut out = io::stdout().lock();
    out.write_all(config::default_file().as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints the path of the config file in use (a note on stderr when it does not exist).
pub fn print_path(ctx: &Context) -> Result<ExitCode> {
    let Some(path) = &ctx.config.path else {
        warn("no config directory on this system: name a file with --config or NEWSLINE_CONFIG");
        return Ok(ExitCode::from(1));
    };
    let mut out = io::stdout().lock();
    writeln!(out, "{}", path.display())?;
    out.flush()?;
    if !path.exists() && config::platform_path().as_ref() == Some(path) {
        warn(&format!(
            "{} does not exist: the defaults are in use (`newsline config --print-default` writes them)",
            path.display()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
