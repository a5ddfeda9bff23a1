//! The verb lexicon of `assets/verbs.txt`: past forms of the verbs that tell a happening, mapped
//! to their base form, so that titles can say "Singh meets Nakatani" and the story logic knows a
//! clause that tells something from one that only describes.

use std::collections::HashMap;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
use std::sync::LazyLock;

/// One verb of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    /// Base form (`meet`).
    pub base: String,
    /// A statement verb (`say`, `stress`) rather than an action (`meet`, `sign`).
    pub statement: bool,
}

/// Word form (lower case) → verb, for past forms, base forms and third person present forms
/// alike.
pub struct Lexicon {
    past: Forms,
    base: Forms,
    present: Forms,
    verbs: Vec<Verb>,
}

/// Word forms (lower case) → index of their verb, with the pairs of first and last byte that
/// the forms have: most words of a sentence have a pair that no form has, and are refused
/// without hashing.
#[derive(Default)]
struct Forms {
    index: FastMap<String, usize>,
    /// Bit `256 * first + last` is set when a form opens with byte `first` and ends with `last`.
    ends: Vec<u64>,
}

impl Forms {
    fn insert(&mut self, form: String, verb: usize) {
        if let (Some(&first), Some(&last)) = (form.as_bytes().first(), form.as_bytes().last()) {
            if self.ends.is_empty() {
                self.ends = vec![0; 256 * 256 / 64];
            }
            let bit = 256 * first as usize + last as usize;
            self.ends[bit / 64] |= 1 << (bit % 64);
        }
        self.index.insert(form, verb);
    }

    /// The verb of `word` lowercased. Most words of a sentence are lower-case ASCII already:
    /// they are looked up as they are, without a lowercased copy.
    fn get(&self, word: &str) -> Option<usize> {
        let lower_ascii = word
            .bytes()
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
        if !lower_ascii {
            return self.get_lowercased(word);
        }
        let (&first, &last) = (word.as_bytes().first()?, word.as_bytes().last()?);
        let bit = 256 * first as usize + last as usize;
        if self
            .ends
            .get(bit / 64)
            .is_none_or(|b| b & (1 << (bit % 64)) == 0)
        {
            return None;
        }
        self.index.get(word).copied()
    }

    /// [`Forms::get`] of a word that is not lower-case ASCII.
    #[inline(never)]
    fn get_lowercased(&self, word: &str) -> Option<usize> {
        self.index.get(crate::text::lower(word).as_str()).copied()
    }
}

static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(include_str!("../../assets/verbs.txt")));

/// The compiled-in lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

fn regular_past(base: &str) -> String {
    if base.ends_with('e') {
        format!("{base}d")
    } else if let Some(stem) = base.strip_suffix('y') {
        if stem.ends_with(|c: char| !"aeiou".contains(c)) {
            format!("{stem}ied")
        } else {
            format!("{base}ed")
        }
    } else {
        format!("{base}ed")
    }
}

impl Lexicon {
    /// Parses the lexicon text (see `assets/verbs.txt` for the format).
    pub fn parse(text: &str) -> Lexicon {
        let mut lex = Lexicon {
            past: Forms::default(),
            base: Forms::default(),
            present: Forms::default(),
            verbs: Vec::new(),
        };
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words: Vec<&str> = line.split_whitespace().collect();
            let statement = words.last() == Some(&"!");
            if statement {
                words.pop();
            }
            let Some((&base, irregular)) = words.split_first() else {
                continue;
            };
            let idx = lex.verbs.len();
            lex.verbs.push(Verb {
                base: base.to_string(),
                statement,
            });
            lex.base.insert(base.to_string(), idx);
            lex.present.insert(third_person(base), idx);
            if irregular.is_empty() {
                lex.past.insert(regular_past(base), idx);
            }
            for p in irregular {
                lex.past.insert(p.to_string(), idx);
            }
        }
        lex
    }

    /// The verb whose past form (or participle) `word` is.
    pub fn past(&self, word: &str) -> Option<&Verb> {
        self.past.get(word).map(|i| &self.verbs[i])
    }

    /// The verb whose base form `word` is (`meet` after `will`).
    pub fn base(&self, word: &str) -> Option<&Verb> {
        self.base.get(word).map(|i| &self.verbs[i])
    }

    /// The verb whose third person singular present `word` is (`meets`, `discusses`,
    /// `denies`).
    pub fn present(&self, word: &str) -> Option<&Verb> {
        self.present.get(word).map(|i| &self.verbs[i])
    }

    /// Number of verbs.
    pub fn len(&self) -> usize {
        self.verbs.len()
    }

    /// True when the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.verbs.is_empty()
    }
}

/// Third person singular present of a base form (`meet` → `meets`, `discuss` → `discusses`).
pub fn third_person(base: &str) -> String {
    match base {
        "have" => return "has".into(),
        "be" => return "is".into(),
        "do" => return "does".into(),
        "go" => return "goes".into(),
        _ => {}
    }
    if base.ends_with("ss")
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
    {
        [base, "es"].concat()
    } else if let Some(stem) = base.strip_suffix('y') {
        if stem.ends_with(|c: char| !"aeiou".contains(c)) {
            [stem, "ies"].concat()
        } else {
            [base, "s"].concat()
        }
    } else {
        [base, "s"].concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_parses_and_knows_regular_and_irregular_pasts() {
        let lex = lexicon();
        assert!(lex.len() > 100);
        assert_eq!(lex.past("met").map(|v| v.base.as_str()), Some("meet"));
        assert_eq!(lex.past("Signed").map(|v| v.base.as_str()), Some("sign"));
        assert_eq!(lex.past("agreed").map(|v| v.base.as_str()), Some("agree"));
        assert_eq!(lex.past("planned").map(|v| v.base.as_str()), Some("plan"));
        assert_eq!(lex.past("denied").map(|v| v.base.as_str()), Some("deny"));
        assert!(lex.past("said").is_some_and(|v| v.statement));
        assert!(lex.past("table").is_none());
        assert!(lex.base("meet").is_some());
        for (present, base) in [
            ("meets", "meet"),
            ("Discusses", "discuss"),
            ("launches", "launch"),
            ("agrees", "agree"),
            ("denies", "deny"),
        ] {
            assert_eq!(lex.present(present).map(|v| v.base.as_str()), Some(base));
        }
        assert!(lex.present("meet").is_none() && lex.present("discusss").is_none());
        assert_eq!(lex.base("MEET").map(|v| v.base.as_str()), Some("meet"));
        assert_eq!(lex.past("MET").map(|v| v.base.as_str()), Some("meet"));
        assert!(lex.past("m\u{e9}t").is_none());
    }

    #[test]
    fn every_form_passes_the_quick_refusal() {
        let lex = lexicon();
        for forms in [&lex.past, &lex.base] {
            for (form, &verb) in &forms.index {
                assert_eq!(forms.get(form), Some(verb), "{form}");
                assert_eq!(forms.get(&form.to_uppercase()), Some(verb), "{form}");
            }
        }
        assert_eq!(lex.past(""), None);
    }

    #[test]
    fn third_person_forms() {
        assert_eq!(third_person("meet"), "meets");
        assert_eq!(third_person("discuss"), "discusses");
        assert_eq!(third_person("deny"), "denies");
        assert_eq!(third_person("say"), "says");
        assert_eq!(third_person("have"), "has");
    }
}
