//! Keys as data: the [`Action`]s the screen knows, and the [`Keymap`] that binds keys to them,
//! read from `assets/keymap.toml` (compiled in) and overridden by a config file's `[keys]`.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The default keymap, in the format of a config file's `[keys]` table.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Everything the screen can be asked to do. The unit variants are the keymap's vocabulary
/// (see [`Action::BINDABLE`]); the others carry what the terminal reports (typed text, mouse,
/// size) and are never bound to keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Leave the screen.
    Quit,
    /// Next row, or scroll the article down a line.
    Down,
    /// Previous row, or scroll the article up a line.
    Up,
    /// First row, or the top of the article.
    Top,
    /// Last row, or the end of the article.
    Bottom,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Focus the article, scrolled to the event's sentence.
    FocusArticle,
    /// The previous event told in the same article.
    PrevInArticle,
    /// The next event told in the same article.
    NextInArticle,
    /// Show the next article telling the selected event.
    NextSource,
    /// Open the article in `$VISUAL`/`$EDITOR` at the event's line.
    OpenEditor,
    /// Open the query line (of the timeline, or of the actor list when it has focus).
    Search,
    /// Clear the query.
    ClearQuery,
    /// Show or hide the actor list.
    ToggleActors,
    /// Oldest or newest first.
    ToggleSort,
    /// Copy the selected event to the clipboard (OSC 52).
    Copy,
    /// Show or hide the list of keys.
    Help,
    /// A character typed on the query line.
    Input(char),
    /// Delete the character before the cursor on the query line.
    DeleteChar,
    /// Keep the query and return to the list.
    Accept,
    /// Clear the query and return to the list.
    Cancel,
    /// A mouse click at (column, row).
    Click(u16, u16),
    /// The wheel turned over (column, row); `true` is down.
    Wheel(u16, u16, bool),
    /// The terminal now has (width, height).
    Resize(u16, u16),
}

impl Action {
    /// Every action a key can be bound to: its name in the keymap and what it does (the help
    /// overlay lists these).
    pub const BINDABLE: &'static [(Action, &'static str, &'static str)] = &[
        (Action::Down, "down", "next event / scroll down"),
        (Action::Up, "up", "previous event / scroll up"),
        (Action::Top, "top", "first event / top"),
        (Action::Bottom, "bottom", "last event / end"),
        (Action::HalfPageDown, "half_page_down", "half a page down"),
        (Action::HalfPageUp, "half_page_up", "half a page up"),
        (Action::PageDown, "page_down", "a page down"),
        (Action::PageUp, "page_up", "a page up"),
        (Action::NextPane, "next_pane", "next pane"),
        (Action::PrevPane, "prev_pane", "previous pane"),
        (
            Action::FocusArticle,
            "focus_article",
            "read the article at the sentence (on an actor: filter)",
        ),
        (
            Action::PrevInArticle,
            "prev_in_article",
            "previous event of this article",
        ),
        (
            Action::NextInArticle,
            "next_in_article",
            "next event of this article",
        ),
        (
            Action::NextSource,
            "next_source",
            "next outlet telling this event",
        ),
        (
            Action::OpenEditor,
            "open_editor",
            "open the article in $EDITOR",
        ),
        (Action::Search, "search", "filter (query line)"),
        (Action::ClearQuery, "clear_query", "clear the query"),
        (Action::ToggleActors, "toggle_actors", "actor list"),
        (Action::ToggleSort, "toggle_sort", "oldest / newest first"),
        (Action::Copy, "copy", "copy the event (OSC 52)"),
        (Action::Help, "help", "this help"),
        (Action::Quit, "quit", "quit"),
    ];

    /// The action a keymap name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(a, _, _)| *a)
    }
}

/// A key with its modifiers, normalised so that `G` and shift-`g` are one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is folded into the character or BackTab).
    pub mods: KeyModifiers,
}

impl Key {
    /// The key of a terminal event.
    pub fn of(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match ev.code {
            KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        if code == KeyCode::BackTab {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    /// Parses a key name (`j`, `G`, `ctrl-d`, `shift-tab`, `pagedown`, `f5`).
    pub fn parse(name: &str) -> Option<Key> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = name;
        let mut shift = false;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                let c = if shift { c.to_ascii_uppercase() } else { c };
                let c = if mods.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else {
                    c
                };
                KeyCode::Char(c)
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "delete" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return None,
                },
                _ => return None,
            },
        };
        Some(Key { code, mods })
    }
}

/// Keys bound to actions.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
    names: HashMap<Action, Vec<String>>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap::from_toml(&toml::Table::new()).0
    }
}

impl Keymap {
    /// The default keymap with the actions `overrides` names rebound (a config file's `[keys]`
    /// table: `action = ["key", …]` or `action = "key"`). Each unknown action or key name, or
    /// value of the wrong type, is one warning; the rest applies.
    pub fn from_toml(overrides: &toml::Table) -> (Keymap, Vec<String>) {
        let mut warnings = Vec::new();
        let defaults: toml::Table = match DEFAULT_KEYMAP.parse() {
            Ok(t) => t,
            Err(e) => {
                warnings.push(format!("default keymap: {e}"));
                toml::Table::new()
            }
        };
        let mut names: HashMap<Action, Vec<String>> = HashMap::new();
        for (table, origin) in [(&defaults, "default keymap"), (overrides, "keys")] {
            for (name, value) in table {
                let Some(action) = Action::from_name(name) else {
                    warnings.push(format!("{origin}: unknown action '{name}'"));
                    continue;
                };
                let keys: Vec<String> = match value {
                    toml::Value::String(s) => vec![s.clone()],
                    toml::Value::Array(a) => a
                        .iter()
                        .filter_map(|v| match v.as_str() {
                            Some(s) => Some(s.to_string()),
                            None => {
                                warnings.push(format!("{origin}: {name}: {v} is not a key name"));
                                None
                            }
                        })
                        .collect(),
                    v => {
                        warnings.push(format!("{origin}: {name}: {v} is not a list of keys"));
                        continue;
                    }
                };
                let good: Vec<String> = keys
                    .into_iter()
                    .filter(|k| {
                        let ok = Key::parse(k).is_some();
                        if !ok {
                            warnings.push(format!("{origin}: {name}: unknown key '{k}'"));
                        }
                        ok
                    })
                    .collect();
                names.insert(action, good);
            }
        }
        let mut bindings = HashMap::new();
        // Bind in a fixed order so that a key named twice goes to the same action every time.
        for (action, _, _) in Action::BINDABLE {
            for k in names.get(action).into_iter().flatten() {
                if let Some(key) = Key::parse(k) {
                    bindings.entry(key).or_insert(*action);
                }
            }
        }
        (Keymap { bindings, names }, warnings)
    }

    /// The action bound to a key.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// The key names bound to an action, as written in the keymap.
    pub fn keys(&self, action: Action) -> &[String] {
        self.names.get(&action).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The first key of an action, for the status line (`?` when unbound).
    pub fn first(&self, action: Action) -> &str {
        self.keys(action).first().map(String::as_str).unwrap_or("?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keymap_parses_and_covers_every_action() {
        let (km, warnings) = Keymap::from_toml(&toml::Table::new());
        assert!(warnings.is_empty(), "{warnings:?}");
        for (action, name, _) in Action::BINDABLE {
            assert!(!km.keys(*action).is_empty(), "{name} has no key");
            for k in km.keys(*action) {
                let key = Key::parse(k).unwrap();
                assert_eq!(
                    km.action(key),
                    Some(*action),
                    "{k} is taken by another action"
                );
            }
        }
    }

    #[test]
    fn overrides_replace_what_they_name_and_warn_on_nonsense() {
        let t: toml::Table = "down = [\"n\"]\nfly = [\"x\"]\nup = [\"hyper-k\", \"p\"]"
            .parse()
            .unwrap();
        let (km, warnings) = Keymap::from_toml(&t);
        assert_eq!(km.action(Key::parse("n").unwrap()), Some(Action::Down));
        assert_eq!(km.action(Key::parse("j").unwrap()), None);
        assert_eq!(km.action(Key::parse("p").unwrap()), Some(Action::Up));
        assert_eq!(km.action(Key::parse("q").unwrap()), Some(Action::Quit));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn terminal_keys_normalise_to_keymap_keys() {
        let ev = |code, mods| Key::of(&KeyEvent::new(code, mods));
        assert_eq!(
            ev(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::parse("G").unwrap()
        );
        assert_eq!(
            ev(KeyCode::BackTab, KeyModifiers::SHIFT),
            Key::parse("shift-tab").unwrap()
        );
        assert_eq!(
            ev(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Key::parse("ctrl-d").unwrap()
        );
        assert_eq!(Key::parse("f5").unwrap().code, KeyCode::F(5));
        assert!(Key::parse("f13").is_none());
    }
}
