//! Colour: the `--color` option, read before clap parses so that clap's own help follows it,
//! and [`ColorChoice`], the setting resolved once against `NO_COLOR` that the screen and the
//! progress bar ask instead of the environment.

use std::ffi::OsString;

use clap::ValueEnum;

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorWhen {
    /// The `--color` value in `args` (the last one wins), before clap has parsed them, so that
    /// clap's own help and errors follow it too; `auto` when absent or not a valid value.
    pub fn prescan(args: impl IntoIterator<Item = OsString>) -> ColorWhen {
        let mut when = ColorWhen::Auto;
        let mut args = args.into_iter();
        while let Some(a) = args.next() {
            let a = a.to_string_lossy().into_owned();
            if a == "--" {
                break;
            }
            let value = if a == "--color" {
                args.next().map(|v| v.to_string_lossy().into_owned())
            } else {
                a.strip_prefix("--color=").map(str::to_string)
            };
            if let Some(v) = value.and_then(|v| ColorWhen::from_str(&v, true).ok()) {
                when = v;
            }
        }
        when
    }
}

/// The colour setting resolved against the environment once, at start-up. The screen and the
/// progress bar ask it ([`ColorChoice::enabled`]) and never read the environment themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorChoice {
    when: ColorWhen,
    no_color: bool,
}

impl ColorChoice {
    /// A choice from `--color` and whether `NO_COLOR` is set (and not empty).
    pub fn new(when: ColorWhen, no_color: bool) -> ColorChoice {
        ColorChoice { when, no_color }
    }

    /// A choice from `--color` and the process's `NO_COLOR`.
    pub fn from_env(when: ColorWhen) -> ColorChoice {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        ColorChoice::new(when, no_color)
    }

    /// Whether to colour output going to a stream that is (or is not) a terminal. The screen
    /// always draws on a terminal: it asks `enabled(true)`.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self.when {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => is_terminal && !self.no_color,
        }
    }

    /// The same choice for clap's help and errors.
    pub fn clap(self) -> clap::ColorChoice {
        match self.when {
            ColorWhen::Always => clap::ColorChoice::Always,
            ColorWhen::Never => clap::ColorChoice::Never,
            ColorWhen::Auto if self.no_color => clap::ColorChoice::Never,
            ColorWhen::Auto => clap::ColorChoice::Auto,
        }
    }
}

/// Removes the `--color WHEN` options that come before everything else (`newsline --color
/// never export …`): as the screen's paths make top-level arguments exclude subcommands, clap
/// would otherwise take the subcommand's name for a path. [`ColorWhen::prescan`] has read them.
pub fn hoist_color(args: Vec<OsString>) -> Vec<OsString> {
    let valid = |v: &OsString| ColorWhen::from_str(&v.to_string_lossy(), true).is_ok();
    let mut out = Vec::with_capacity(args.len());
    let mut it = args.into_iter().peekable();
    out.extend(it.next()); // the program name
    loop {
        match it.peek().and_then(|a| a.to_str()) {
            Some("--color") => {
                let mut ahead = it.clone();
                ahead.next();
                if !ahead.peek().is_some_and(valid) {
                    break;
                }
                it.next();
                it.next();
            }
            Some(a) if a.strip_prefix("--color=").is_some_and(|v| valid(&v.into())) => {
                it.next();
            }
            _ => break,
        }
    }
    out.extend(it);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_prescan_reads_both_spellings() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(ColorWhen::prescan(os(&["x"])), ColorWhen::Auto);
        assert_eq!(
            ColorWhen::prescan(os(&["--color", "never", "x"])),
            ColorWhen::Never
        );
        assert_eq!(
            ColorWhen::prescan(os(&["export", "--color=always"])),
            ColorWhen::Always
        );
        assert_eq!(
            ColorWhen::prescan(os(&["--", "--color=never"])),
            ColorWhen::Auto
        );
    }

    #[test]
    fn leading_color_options_are_hoisted() {
        let os = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            hoist_color(os(&[
                "nl",
                "--color",
                "never",
                "--color=always",
                "export",
                "x"
            ])),
            os(&["nl", "export", "x"])
        );
        // not leading, or not valid: left to clap
        for kept in [
            &["nl", "export", "--color", "never", "x"][..],
            &["nl", "--plain", "--color", "never", "x"],
            &["nl", "--color", "bogus", "x"],
            &["nl", "--color"],
        ] {
            assert_eq!(hoist_color(os(kept)), os(kept));
        }
    }

    #[test]
    fn no_color_only_changes_auto() {
        assert!(!ColorChoice::new(ColorWhen::Auto, true).enabled(true));
        assert!(ColorChoice::new(ColorWhen::Auto, false).enabled(true));
        assert!(!ColorChoice::new(ColorWhen::Auto, false).enabled(false));
        assert!(ColorChoice::new(ColorWhen::Always, true).enabled(false));
        assert!(!ColorChoice::new(ColorWhen::Never, false).enabled(true));
    }
}
