//! The abbreviation and sentence-starter lists of `assets/abbreviations.txt` (see its header for
//! what each section means), parsed once.

use std::collections::HashSet;

/// A set of words, hashed for speed (the lists are compiled in, not attacker-controlled).
pub type Words = HashSet<String, foldhash::fast::RandomState>;
use std::sync::LazyLock;

/// The lists as shipped.
pub const SOURCE: &str = include_str!("../../assets/abbreviations.txt");

/// Longest word looked up (longer tokens are never abbreviations).
pub const MAX_WORD: usize = 12;

/// The parsed lists, all lowercase.
#[derive(Debug, Default, Clone)]
pub struct Abbreviations {
    /// Before a name: never a sentence end before a capital or digit.
    pub title: Words,
    /// Before a number: never a sentence end before a digit.
    pub number: Words,
    /// May end a sentence: one ends only before a starter word.
    pub ending: Words,
    /// Words that open sentences and are not names.
    pub starter: Words,
}

impl Abbreviations {
    /// Parses the `[section]` word lists. Unknown sections and words outside a section are errors.
    pub fn parse(src: &str) -> Result<Abbreviations, String> {
        let mut a = Abbreviations::default();
        let mut section: Option<&mut Words> = None;
        for (i, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = Some(match name.trim() {
                    "title" => &mut a.title,
                    "number" => &mut a.number,
                    "ending" => &mut a.ending,
                    "starter" => &mut a.starter,
                    other => return Err(format!("line {}: unknown section [{other}]", i + 1)),
                });
                continue;
            }
            let Some(set) = section.as_deref_mut() else {
                return Err(format!("line {}: words before any [section]", i + 1));
            };
            for w in line.split_whitespace() {
                if w.len() > MAX_WORD || w.ends_with('.') {
                    return Err(format!(
                        "line {}: '{w}' (too long, or ends with '.')",
                        i + 1
                    ));
                }
                set.insert(w.to_lowercase());
            }
        }
        Ok(a)
    }
}

static SHIPPED: LazyLock<Abbreviations> =
    LazyLock::new(|| Abbreviations::parse(SOURCE).unwrap_or_default());

/// The shipped lists.
pub fn shipped() -> &'static Abbreviations {
    &SHIPPED
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lists_parse() {
        let a = Abbreviations::parse(SOURCE).expect("assets/abbreviations.txt parses");
        assert!(a.title.contains("mr") && a.title.contains("gen"));
        assert!(a.number.contains("no") && a.number.contains("sept"));
        assert!(a.ending.contains("inc") && a.ending.contains("jr"));
        assert!(a.starter.contains("the") && a.starter.contains("however"));
    }

    #[test]
    fn malformed_lists_are_errors() {
        assert!(Abbreviations::parse("mr\n").is_err());
        assert!(Abbreviations::parse("[nope]\nmr\n").is_err());
        assert!(Abbreviations::parse("[title]\nmr.\n").is_err());
    }
}
