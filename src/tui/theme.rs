//! Colours as data: the styles of the screen's roles, read from `assets/theme.toml` (compiled
//! in) and overridden by a config file's `[theme]` table.

use std::collections::HashMap;

use ratatui::style::{Color, Modifier, Style};

/// The default theme, in the format of a config file's `[theme]` table.
pub const DEFAULT_THEME: &str = include_str!("../../assets/theme.toml");

/// The style of each role (`date`, `selected`, `match`, …).
#[derive(Debug, Clone)]
pub struct Theme {
    styles: HashMap<String, Style>,
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::from_toml(&toml::Table::new()).0
    }
}

impl Theme {
    /// The default theme with the roles `overrides` names restyled (a config file's `[theme]`
    /// table: `role = "style"`). Each unknown role or style word is one warning.
    pub fn from_toml(overrides: &toml::Table) -> (Theme, Vec<String>) {
        let mut warnings = Vec::new();
        let defaults: toml::Table = match DEFAULT_THEME.parse() {
            Ok(t) => t,
            Err(e) => {
                warnings.push(format!("default theme: {e}"));
                toml::Table::new()
            }
        };
        let mut styles = HashMap::new();
        for (table, origin) in [(&defaults, "default theme"), (overrides, "theme")] {
            for (role, value) in table {
                if origin == "theme" && !styles.contains_key(role) {
                    warnings.push(format!("{origin}: unknown role '{role}'"));
                    continue;
                }
                let Some(text) = value.as_str() else {
                    warnings.push(format!("{origin}: {role}: {value} is not a style"));
                    continue;
                };
                match parse_style(text) {
                    Ok(s) => {
                        styles.insert(role.clone(), s);
                    }
                    Err(e) => warnings.push(format!("{origin}: {role}: {e}")),
                }
            }
        }
        (Theme { styles }, warnings)
    }

    /// The same theme without colours: each role keeps its modifiers, and a role drawn on a
    /// background colour (the selection, the highlighted sentence) is reversed instead.
    pub fn monochrome(&self) -> Theme {
        let styles = self
            .styles
            .iter()
            .map(|(role, s)| {
                let mut m = Style::default().add_modifier(s.add_modifier);
                if s.bg.is_some() {
                    m = m.add_modifier(Modifier::REVERSED);
                }
                (role.clone(), m)
            })
            .collect();
        Theme { styles }
    }

    /// The style of a role (plain when the theme lacks it).
    pub fn get(&self, role: &str) -> Style {
        self.styles.get(role).copied().unwrap_or_default()
    }

    /// The roles the theme defines.
    #[cfg(test)]
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        self.styles.keys().map(String::as_str)
    }
}

/// Parses a style: words among a foreground colour, `on` and a background colour, `bold`,
/// `dim`, `italic`, `underline`, `reversed`.
pub fn parse_style(text: &str) -> Result<Style, String> {
    let mut style = Style::default();
    let mut background = false;
    for word in text.split_whitespace() {
        let modifier = match word.to_ascii_lowercase().as_str() {
            "on" => {
                background = true;
                continue;
            }
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underline" | "underlined" => Modifier::UNDERLINED,
            "reversed" | "reverse" => Modifier::REVERSED,
            _ => {
                let c = parse_color(word).ok_or_else(|| format!("unknown style word '{word}'"))?;
                style = if background { style.bg(c) } else { style.fg(c) };
                background = false;
                continue;
            }
        };
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

fn parse_color(word: &str) -> Option<Color> {
    if let Some(hex) = word.strip_prefix('#') {
        if hex.len() != 6 {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
    Some(match word.to_ascii_lowercase().as_str() {
        "default" | "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Roles the screen draws with; the default theme must define each.
    const USED: &[&str] = &[
        "date",
        "date_mark",
        "title",
        "actors",
        "outlets",
        "separator",
        "selected",
        "match",
        "heading",
        "article_meta",
        "highlight",
        "other_event",
        "border",
        "border_focused",
        "status",
        "status_key",
        "density",
        "density_marker",
        "error",
    ];

    #[test]
    fn the_default_theme_parses_and_defines_every_role() {
        let (theme, warnings) = Theme::from_toml(&toml::Table::new());
        assert!(warnings.is_empty(), "{warnings:?}");
        for role in USED {
            assert!(theme.roles().any(|r| r == *role), "{role} missing");
        }
    }

    #[test]
    fn overrides_restyle_and_warn() {
        let t: toml::Table =
            "date = \"#ff0000 on blue italic\"\nnope = \"red\"\ntitle = \"sparkly\""
                .parse()
                .unwrap();
        let (theme, warnings) = Theme::from_toml(&t);
        let d = theme.get("date");
        assert_eq!(d.fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(d.bg, Some(Color::Blue));
        assert!(d.add_modifier.contains(Modifier::ITALIC));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn monochrome_keeps_selection_visible() {
        let m = Theme::default().monochrome();
        for role in ["selected", "highlight", "status"] {
            let s = m.get(role);
            assert!(s.fg.is_none() && s.bg.is_none());
            assert!(s.add_modifier.contains(Modifier::REVERSED), "{role}");
        }
        assert!(m.get("match").add_modifier.contains(Modifier::UNDERLINED));
    }
}
