//! The user's configuration file: a TOML file in the platform's config directory
//! (`~/.config/newsline/config.toml` on Linux), or the one `--config PATH` or `NEWSLINE_CONFIG`
//! names (the option wins). Its sections:
//!
//! - `[ui]`: `sort = "oldest-first" | "newest-first"`, `dates = "iso" | "long"`;
//! - `[keys]`: `action = ["key", …]`, as in `assets/keymap.toml`;
//! - `[theme]`: `role = "style"`, as in `assets/theme.toml`.
//!
//! A file that cannot be read or does not parse is one warning naming the file, line and
//! problem, and newsline starts with the defaults. The `[keys]` and `[theme]` tables are carried
//! as tables (the defaults with the file's entries laid over them); the screen checks each entry.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::{Spanned, Table, Value};

/// The environment variable naming a config file.
pub const ENV: &str = "NEWSLINE_CONFIG";

/// The default keymap (`action = ["key", …]`).
pub const DEFAULT_KEYMAP: &str = include_str!("../assets/keymap.toml");

/// The default theme (`role = "style"`).
pub const DEFAULT_THEME: &str = include_str!("../assets/theme.toml");

/// The order the timeline is shown in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Earliest events first.
    #[default]
    OldestFirst,
    /// Latest events first.
    NewestFirst,
}

/// How dates are written on the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DateStyle {
    /// `2024-11-22`.
    #[default]
    Iso,
    /// `22 November 2024`.
    Long,
}

/// A `[ui]` setting: the words it is written with in the file.
trait Setting: Sized + Copy + Default + PartialEq + 'static {
    const KEY: &'static str;
    const VALUES: &'static [(&'static str, Self)];

    fn name(self) -> &'static str {
        Self::VALUES
            .iter()
            .find(|(_, v)| *v == self)
            .map_or("", |(n, _)| n)
    }
}

impl Setting for Sort {
    const KEY: &'static str = "sort";
    const VALUES: &'static [(&'static str, Sort)] = &[
        ("oldest-first", Sort::OldestFirst),
        ("newest-first", Sort::NewestFirst),
    ];
}

impl Setting for DateStyle {
    const KEY: &'static str = "dates";
    const VALUES: &'static [(&'static str, DateStyle)] =
        &[("iso", DateStyle::Iso), ("long", DateStyle::Long)];
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for DateStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The settings newsline runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The config file consulted (whether or not it exists); `None` when there is no platform
    /// config directory and none was named.
    pub path: Option<PathBuf>,
    /// `[ui] sort`.
    pub sort: Sort,
    /// `[ui] dates`.
    pub dates: DateStyle,
    /// `[keys]`: the default keymap with the file's entries laid over it.
    pub keys: Table,
    /// `[theme]`: the default theme with the file's entries laid over it.
    pub theme: Table,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            path: None,
            sort: Sort::default(),
            dates: DateStyle::default(),
            keys: default_table(DEFAULT_KEYMAP),
            theme: default_table(DEFAULT_THEME),
        }
    }
}

/// A shipped table; the unit tests check that both parse.
fn default_table(src: &str) -> Table {
    src.parse().unwrap_or_default()
}

/// The config file in the platform's config directory, if there is one.
pub fn platform_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "newsline").map(|d| d.config_dir().join("config.toml"))
}

/// The config file to read: `explicit` (`--config`), else `NEWSLINE_CONFIG`, else the platform's.
/// The second value is true when the file was named by the user (and so must exist).
pub fn path_in_use(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    platform_path().map(|p| (p, false))
}

/// Loads the config (see [`path_in_use`]). Problems are warnings (one line each, naming the
/// file); a file that cannot be read or parsed gives the defaults.
pub fn load(explicit: Option<&Path>) -> (Config, Vec<String>) {
    let mut warnings = Vec::new();
    let Some((path, named)) = path_in_use(explicit) else {
        return (Config::default(), warnings);
    };
    let defaults = Config {
        path: Some(path.clone()),
        ..Config::default()
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                warnings.push(format!(
                    "{}: not UTF-8 text; using the defaults",
                    path.display()
                ));
                return (defaults, warnings);
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !named => {
            return (defaults, warnings);
        }
        Err(e) => {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                _ => e.to_string(),
            };
            warnings.push(format!("{}: {why}; using the defaults", path.display()));
            return (defaults, warnings);
        }
    };
    match parse(&text, &path, &mut warnings) {
        Some(mut c) => {
            c.path = Some(path);
            (c, warnings)
        }
        None => (defaults, warnings),
    }
}

/// Where `[ui]` values are in the file, for warnings that give a line.
#[derive(Deserialize, Default)]
struct Spans {
    #[serde(default)]
    ui: Option<UiSpans>,
}

#[derive(Deserialize, Default)]
struct UiSpans {
    sort: Option<Spanned<Value>>,
    dates: Option<Spanned<Value>>,
}

/// Parses a config file's text. `None` (with one warning) when it is not TOML; otherwise the
/// config, with a warning for each value that is ignored.
pub fn parse(text: &str, path: &Path, warnings: &mut Vec<String>) -> Option<Config> {
    let table: Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = e
                .span()
                .map_or((1, 1), |s| line_col(text, s.start.min(text.len())));
            let msg = e.message().trim().replace('\n', ": ");
            warnings.push(format!(
                "{}:{line}:{col}: {msg}; using the defaults",
                path.display()
            ));
            return None;
        }
    };
    let spans: Spans = toml::from_str(text).unwrap_or_default();
    let spans = spans.ui.unwrap_or_default();
    let at = |span: Option<std::ops::Range<usize>>| match span {
        Some(s) => {
            let (l, c) = line_col(text, s.start);
            format!("{}:{l}:{c}", path.display())
        }
        None => path.display().to_string(),
    };
    let mut config = Config::default();
    for (section, value) in table {
        match (section.as_str(), value) {
            ("ui", Value::Table(ui)) => {
                for (key, value) in ui {
                    match key.as_str() {
                        "sort" => {
                            let w = at(spans.sort.as_ref().map(Spanned::span));
                            config.sort = setting(&value, &w, warnings);
                        }
                        "dates" => {
                            let w = at(spans.dates.as_ref().map(Spanned::span));
                            config.dates = setting(&value, &w, warnings);
                        }
                        other => warnings.push(format!(
                            "{}: [ui] has no setting '{other}' (only sort, dates): ignored",
                            path.display()
                        )),
                    }
                }
            }
            ("keys", Value::Table(t)) => config.keys.extend(t),
            ("theme", Value::Table(t)) => config.theme.extend(t),
            (s @ ("ui" | "keys" | "theme"), _) => warnings.push(format!(
                "{}: '{s}' is not a [{s}] table: ignored",
                path.display()
            )),
            (other, _) => warnings.push(format!(
                "{}: unknown section '{other}' (only ui, keys, theme): ignored",
                path.display()
            )),
        }
    }
    Some(config)
}

/// A `[ui]` value, or the default with a warning naming the file (`at`) and the key.
fn setting<S: Setting>(value: &Value, at: &str, warnings: &mut Vec<String>) -> S {
    if let Some(v) = value
        .as_str()
        .and_then(|s| S::VALUES.iter().find(|(n, _)| *n == s))
    {
        return v.1;
    }
    let names: Vec<String> = S::VALUES.iter().map(|(n, _)| format!("\"{n}\"")).collect();
    warnings.push(format!(
        "{at}: [ui] {} = {value} is not {}; using \"{}\"",
        S::KEY,
        names.join(" or "),
        S::default().name()
    ));
    S::default()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// The complete default config, commented, as `newsline config --print-default` writes it: it
/// parses back into the defaults.
pub fn default_file() -> String {
    let mut out = String::new();
    out.push_str(
        "# newsline's configuration. Copy it to the path `newsline config --path` prints\n\
         # (or name a file with --config PATH or NEWSLINE_CONFIG) and change what you like;\n\
         # settings left out keep their defaults.\n\n\
         [ui]\n\
         # The order of the timeline: \"oldest-first\" or \"newest-first\".\n",
    );
    out.push_str(&format!("sort = \"{}\"\n", Sort::default()));
    out.push_str("# How dates are shown: \"iso\" (2024-11-22) or \"long\" (22 November 2024).\n");
    out.push_str(&format!("dates = \"{}\"\n\n", DateStyle::default()));
    out.push_str("[keys]\n");
    out.push_str(DEFAULT_KEYMAP.trim_end());
    out.push_str("\n\n[theme]\n");
    out.push_str(DEFAULT_THEME.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Option<Config>, Vec<String>) {
        let mut w = Vec::new();
        let c = parse(text, Path::new("c.toml"), &mut w);
        (c, w)
    }

    #[test]
    fn the_shipped_tables_parse_and_are_not_empty() {
        for src in [DEFAULT_KEYMAP, DEFAULT_THEME] {
            let t: Table = src.parse().expect("a shipped table parses");
            assert!(t.len() > 5);
        }
        let c = Config::default();
        assert!(c.keys.get("quit").is_some_and(Value::is_array));
        assert!(c.theme.get("date").is_some_and(Value::is_str));
    }

    #[test]
    fn the_default_file_parses_into_the_defaults() {
        let (c, w) = parsed(&default_file());
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c, Some(Config::default()));
    }

    #[test]
    fn values_and_overrides() {
        let (c, w) = parsed(
            "[ui]\nsort = \"newest-first\"\ndates = \"long\"\n[keys]\nquit = [\"x\"]\n\
             [theme]\ndate = \"red\"\n",
        );
        assert!(w.is_empty(), "{w:?}");
        let c = c.unwrap();
        assert_eq!((c.sort, c.dates), (Sort::NewestFirst, DateStyle::Long));
        assert_eq!(c.keys["quit"], Value::Array(vec![Value::from("x")]));
        assert!(c.keys.contains_key("down"), "other actions keep their keys");
        assert_eq!(c.theme["date"], Value::from("red"));
        assert!(c.theme.contains_key("title"));
    }

    #[test]
    fn a_syntax_error_names_line_and_column() {
        let (c, w) = parsed("[ui]\nsort = \"newest-first\"\ndates = \n");
        assert!(c.is_none());
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].starts_with("c.toml:3:"), "{w:?}");
        assert!(w[0].ends_with("; using the defaults"), "{w:?}");
    }

    #[test]
    fn bad_ui_values_name_the_key_and_keep_the_rest() {
        let (c, w) = parsed("[ui]\ndates = \"long\"\n\nsort = \"sideways\"\ncolour = 1\n");
        let c = c.unwrap();
        assert_eq!((c.sort, c.dates), (Sort::OldestFirst, DateStyle::Long));
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w.iter().any(|l| l.starts_with("c.toml:4:")
                && l.contains("sort")
                && l.contains("sideways")),
            "{w:?}"
        );
        assert!(w.iter().any(|l| l.contains("colour")), "{w:?}");
        let (_, w) = parsed("ui = 3\n[extra]\n");
        assert_eq!(w.len(), 2, "{w:?}");
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
        assert_eq!(line_col("x", 0), (1, 1));
    }
}
