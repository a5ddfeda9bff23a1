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
    let after_help = page
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let has_subcommands = page.get_subcommands().next().is_some();
    let man = clap_mangen::Man::new(page);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    if has_subcommands {
        man.render_subcommands_section(&mut out)?;
    }
    out.write_all(help_sections(&after_help).as_bytes())?;
    man.render_version_section(&mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The `--help` epilogue as manual sections: each block that opens with a `Heading:` line
/// (`Examples:`, `Exit status:`) becomes `.SH HEADING` with its lines kept as they are.
fn help_sections(after_help: &str) -> String {
    let mut roff = String::new();
    for block in after_help.split("\n\n") {
        let mut lines = block.lines();
        let Some(first) = lines.next() else { continue };
        match first.strip_suffix(':') {
            Some(heading) if !heading.starts_with(' ') => {
                roff.push_str(&format!(
                    ".SH \"{}\"\n",
                    escape_roff(&heading.to_uppercase())
                ));
            }
            _ => {
                roff.push_str(".PP\n");
                lines = block.lines();
            }
        }
        roff.push_str(".nf\n");
        for line in lines {
            roff.push_str(&escape_roff(line));
            roff.push('\n');
        }
        roff.push_str(".fi\n");
    }
    roff
}

/// Escapes one line of text for roff: backslashes and hyphens, and a leading `.` or `'` that
/// would read as a request.
fn escape_roff(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 4);
    if line.starts_with('.') || line.starts_with('\'') {
        out.push_str("\\&");
    }
    for c in line.chars() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_blocks_become_sections() {
        let roff = help_sections("Examples:\n  nl -o x.csv .\n\nExit status:\n  0  ok\n\nNote.");
        assert!(roff.starts_with(".SH \"EXAMPLES\"\n.nf\n  nl \\-o x.csv .\n.fi\n"));
        assert!(roff.contains(".SH \"EXIT STATUS\"\n.nf\n  0  ok\n.fi\n"));
        assert!(roff.ends_with(".PP\n.nf\nNote.\n.fi\n"));
        assert_eq!(escape_roff(".x\\y"), "\\&.x\\ey");
    }
}
