//! Person names resolved to one canonical name: within an article a short form (`Mehra`,
//! `Hayashi`, `Ken Hayashi`) is the full name given before (or, failing that, after) whose words
//! contain it, the canonical name being the first full form seen; across the corpus
//! ([`corpus_aliases`]) a lone name goes to the one full name that contains it.

use std::collections::{HashMap, HashSet};

use super::lexicon::{Lexicon, Lists};
use super::names::Cand;
use super::tokens::Token;
use super::ActorKind;

/// The words of a name (see [`name_words`]).
pub type NameWords = HashSet<String, foldhash::fast::RandomState>;

/// A person named in full (or alone, when cued but never given in full).
#[derive(Debug, Clone)]
struct Full {
    name: String,
    words: NameWords,
    starts: Vec<usize>,
}

/// A resolved person mention.
#[derive(Debug, Clone)]
pub struct PersonMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Canonical name.
    pub name: String,
}

type Nicknames = HashMap<&'static str, &'static str, foldhash::fast::RandomState>;

/// Short given names and the formal name each stands for (`tim` → `timothy`), from
/// `assets/nicknames.txt`. A short form of two formal names (`steve`) goes to the first listed.
fn nicknames() -> &'static Nicknames {
    static MAP: std::sync::OnceLock<Nicknames> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = Nicknames::default();
        for line in include_str!("../../assets/nicknames.txt").lines() {
            let mut words = line.split_whitespace();
            let Some(formal) = words.next().filter(|w| !w.starts_with('#')) else {
                continue;
            };
            for short in words {
                map.entry(short).or_insert(formal);
            }
        }
        map
    })
}

/// The words of a name that identify it, lowercased: initials, periods and particles (`ten`,
/// `bin`) left out, curly apostrophes straightened, short given names read as the formal
/// name (`Tim` as `timothy`).
pub fn name_words(name: &str) -> NameWords {
    name.split_whitespace()
        .filter_map(|w| with_name_word(w, str::to_string))
        .collect()
}

/// `f` of `w` as [`name_words`] keeps it, or `None` when it leaves the word out. Short ASCII
/// words are lowercased on the stack.
fn with_name_word<R>(w: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() == 1 {
        return None;
    }
    let w = w.trim_end_matches('.');
    let straight;
    let w = if !w.is_ascii() && w.contains('\u{2019}') {
        straight = w.replace('\u{2019}', "'");
        straight.as_str()
    } else {
        w
    };
    let lower = crate::text::lower(w);
    let w = nicknames().get(&*lower).copied().unwrap_or(&lower);
    (!w.is_empty() && !super::names::PARTICLES.contains(&w)).then(|| f(w))
}

/// The text of tokens `first..=last` with every run of whitespace made one space.
fn span_text(text: &str, tokens: &[Token], first: usize, last: usize) -> String {
    let s = &text[tokens[first].start..tokens[last].end];
    if single_spaced(s) {
        return s.to_string();
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` is ASCII whose only whitespace is single spaces between words: its words joined by
/// spaces are `s` itself. Most names are written so.
fn single_spaced(s: &str) -> bool {
    // a space first, or after a space, fails: the text before `s` counts as one
    let mut after_space = true;
    for &b in s.as_bytes() {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x80.. => return false,
            _ => after_space = false,
        }
    }
    !after_space
}

/// The full name a short form stands for: the most recent one named before `at`, else the
/// first named after.
fn pick(fulls: &[Full], words: &NameWords, at: usize) -> Option<usize> {
    if words.is_empty() {
        return None;
    }
    pick_by(fulls, at, |f| words.is_subset(&f.words))
}

/// The full name, among those that `fits`, named last before `at`, else first after it.
fn pick_by(fulls: &[Full], at: usize, fits: impl Fn(&Full) -> bool) -> Option<usize> {
    let mut best_before: Option<(usize, usize)> = None;
    let mut best_after: Option<(usize, usize)> = None;
    for (i, f) in fulls.iter().enumerate() {
        if !fits(f) {
            continue;
        }
        for &s in &f.starts {
            if s <= at {
                if best_before.is_none_or(|(b, _)| s > b) {
                    best_before = Some((s, i));
                }
            } else if best_after.is_none_or(|(b, _)| s < b) {
                best_after = Some((s, i));
            }
        }
    }
    best_before.or(best_after).map(|(_, i)| i)
}

/// Resolves person candidates against each other and the people the gazetteer found (`known`:
/// start and canonical name), then reads lone words of known names anywhere (headlines
/// included) outside `covered` byte ranges.
pub fn resolve_people(
    text: &str,
    tokens: &[Token],
    cands: &[Cand],
    covered: &[(usize, usize)],
    known: &[(usize, &str)],
    lex: &Lexicon,
) -> Vec<PersonMention> {
    let people: Vec<&Cand> = cands
        .iter()
        .filter(|c| c.kind == ActorKind::Person)
        .collect();
    // People the gazetteer named (`Vladimir Putin`, `Putin`) come first.
    let mut fulls: Vec<Full> = Vec::new();
    for &(start, name) in known {
        match fulls.iter_mut().find(|f| f.name == name) {
            Some(f) => f.starts.push(start),
            None => fulls.push(Full {
                name: name.to_string(),
                words: name_words(name),
                starts: vec![start],
            }),
        }
    }
    let mut assigned: Vec<Option<usize>> = vec![None; people.len()];
    // Each candidate's name and its words, read once: a name becoming a full name is taken.
    let mut named: Vec<Option<(String, NameWords)>> = people
        .iter()
        .map(|c| {
            let name = span_text(text, tokens, c.first, c.last);
            let words = name_words(&name);
            Some((name, words))
        })
        .collect();
    // Full forms first, in text order: the first seen is canonical.
    for (k, c) in people.iter().enumerate() {
        let Some((_, words)) = &named[k] else {
            continue;
        };
        if !c.cued || words.len() < 2 {
            continue;
        }
        let start = tokens[c.first].start;
        let same = fulls.iter().position(|f| {
            f.words.len() >= 2 && (words.is_subset(&f.words) || f.words.is_subset(words))
        });
        let i = match same {
            Some(i) => i,
            None => {
                let Some((name, words)) = named[k].take() else {
                    continue;
                };
                fulls.push(Full {
                    name,
                    words,
                    starts: Vec::new(),
                });
                fulls.len() - 1
            }
        };
        fulls[i].starts.push(start);
        assigned[k] = Some(i);
    }
    // Short forms.
    for (k, c) in people.iter().enumerate() {
        if assigned[k].is_some() {
            continue;
        }
        let Some((name, words)) = named[k].take() else {
            continue;
        };
        let start = tokens[c.first].start;
        if let Some(i) = pick(&fulls, &words, start) {
            assigned[k] = Some(i);
        } else if c.cued && words.len() == 1 {
            fulls.push(Full {
                name,
                words,
                starts: vec![start],
            });
            assigned[k] = Some(fulls.len() - 1);
        }
    }
    let mut out: Vec<PersonMention> = Vec::with_capacity(people.len());
    for (k, c) in people.iter().enumerate() {
        if let Some(i) = assigned[k] {
            out.push(PersonMention {
                start: tokens[c.first].start,
                end: tokens[c.last].end,
                name: fulls[i].name.clone(),
            });
        }
    }
    // Lone words of known names (`Ito, who…`, `Mehra's talks`, a headline's `Ito`).
    if fulls.is_empty() {
        // no name a lone word could stand for (and so no mention yet either)
        return out;
    }
    let mut taken = vec![false; tokens.len()];
    let spans = covered.iter().copied().chain(
        people
            .iter()
            .map(|c| (tokens[c.first].start, tokens[c.last].end)),
    );
    for (s, e) in spans {
        let first = tokens.partition_point(|t| t.end <= s);
        for (k, t) in tokens.iter().enumerate().skip(first) {
            if t.start >= e {
                break;
            }
            taken[k] = true;
        }
    }
    for (k, t) in tokens.iter().enumerate() {
        if taken[k]
            || !t.is_cap()
            || t.is_initial()
            || t.text.chars().count() < 2
            || lex
                .lists_of(t.text)
                .intersects(Lists::NONNAME | Lists::TITLE)
            || super::names::PARTICLES.contains(&crate::text::lower(t.text).as_str())
        {
            continue;
        }
        // a token holds no whitespace: its name words are one word at most
        let found = with_name_word(t.text, |w| {
            pick_by(&fulls, t.start, |f| f.words.contains(w))
        });
        if let Some(i) = found.flatten() {
            out.push(PersonMention {
                start: t.start,
                end: t.end,
                name: fulls[i].name.clone(),
            });
        }
    }
    out.sort_by_key(|m| m.start);
    out
}

/// Corpus-wide aliases for the merge step: a person name of one word (`Mehra`, left alone in an
/// article that never gave the full name) maps to the one full name of the corpus containing
/// it, and a full name written in another order or without its initial (`Ken Hayashi`, `Robert
/// Dalton`) to the first form listed. Names with several candidates are left alone.
pub fn corpus_aliases(names: &[(String, ActorKind)]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    // full names by their sorted words (the first form listed is canonical), and for each word
    // the first full name containing it and how many do
    let mut fulls: HashMap<Vec<String>, usize> = HashMap::new();
    let mut canon: Vec<&String> = Vec::new();
    let mut by_word: HashMap<String, (usize, usize)> = HashMap::new();
    for (n, k) in names {
        if *k != ActorKind::Person {
            continue;
        }
        let w = name_words(n);
        if w.len() < 2 {
            continue;
        }
        let mut key: Vec<String> = w.into_iter().collect();
        key.sort_unstable();
        if let Some(&i) = fulls.get(&key) {
            if canon[i] != n {
                out.insert(n.clone(), canon[i].clone());
            }
        } else {
            let i = canon.len();
            canon.push(n);
            for word in &key {
                by_word
                    .entry(word.clone())
                    .and_modify(|(_, count)| *count += 1)
                    .or_insert((i, 1));
            }
            fulls.insert(key, i);
        }
    }
    for (n, k) in names {
        if *k != ActorKind::Person {
            continue;
        }
        let w = name_words(n);
        if w.len() != 1 {
            continue;
        }
        if let Some(&(i, 1)) = w.iter().next().and_then(|word| by_word.get(word)) {
            out.insert(n.clone(), canon[i].clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name taken as written must read as its words joined by single spaces.
    #[test]
    fn single_spaced_names_are_their_words_joined() {
        let cases = [
            ("Rajnath Singh", true),
            ("Robert F. Dalton", true),
            ("Ken", true),
            ("", false),
            (" Ken", false),
            ("Ken ", false),
            ("Ken  Hayashi", false),
            ("Ken\tHayashi", false),
            ("Ken\nHayashi", false),
            ("Ken\u{b}Hayashi", false),
            ("Ken\u{a0}Hayashi", false),
            ("Zoë Müller", false),
            ("Ken\u{2003}Hayashi", false),
        ];
        for (s, single) in cases {
            assert_eq!(single_spaced(s), single, "{s:?}");
            if single_spaced(s) {
                assert_eq!(s.split_whitespace().collect::<Vec<_>>().join(" "), s);
            }
        }
    }
}
