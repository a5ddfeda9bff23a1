//! The function-word lists of `assets/grammar.txt`, compiled in.

use std::sync::LazyLock;

use crate::actors::lexicon::sections;

/// One list, with what a word needs to be worth looking up in it: most words are not. The
/// lists are short, so the words of each first byte are compared one by one (as a `match`
/// would), without hashing.
struct List {
    /// The words by their first byte.
    by_first: Vec<Vec<String>>,
    /// The longest word, in bytes.
    longest: usize,
}

impl List {
    fn new(words: &[String]) -> List {
        let mut by_first = vec![Vec::new(); 256];
        for w in words {
            if let Some(&b) = w.as_bytes().first() {
                by_first[b as usize].push(w.clone());
            }
        }
        List {
            by_first,
            longest: words.iter().map(String::len).max().unwrap_or(0),
        }
    }

    fn has(&self, lower: &str) -> bool {
        lower
            .as_bytes()
            .first()
            .is_some_and(|&b| self.by_first[b as usize].iter().any(|w| w == lower))
    }
}

/// The lists, by section.
struct Words {
    clause_openers: List,
    auxiliaries: List,
    future_auxiliaries: List,
    collective_nouns: List,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let s = sections(include_str!("../../assets/grammar.txt"));
    let list = |name: &str| List::new(s.get(name).map_or(&[], Vec::as_slice));
    Words {
        clause_openers: list("clause_openers"),
        auxiliaries: list("auxiliaries"),
        future_auxiliaries: list("future_auxiliaries"),
        collective_nouns: list("collective_nouns"),
    }
});

fn listed(list: &List, w: &str) -> bool {
    if w.is_ascii() {
        // an ASCII word lowercases byte by byte to as many bytes: it is compared without
        // building the lowercase copy
        let Some(&first) = w.as_bytes().first() else {
            return false;
        };
        return w.len() <= list.longest
            && list.by_first[first.to_ascii_lowercase() as usize]
                .iter()
                .any(|x| {
                    x.len() == w.len()
                        && x.bytes()
                            .zip(w.bytes())
                            .all(|(a, b)| a == b.to_ascii_lowercase())
                });
    }
    listed_lowercased(list, w)
}

/// [`listed`] for a word that is not ASCII: it is lowercased, then looked up.
#[inline(never)]
fn listed_lowercased(list: &List, w: &str) -> bool {
    // a non-ASCII first byte may lowercase to an ASCII one (`K`, the Kelvin sign): look it up
    let first = w.as_bytes().first().copied().unwrap_or(0);
    if first.is_ascii()
        && (w.len() > 4 * list.longest
            || list.by_first[first.to_ascii_lowercase() as usize].is_empty())
    {
        return false;
    }
    list.has(crate::text::lower(w).as_str())
}

/// A word that opens a subordinate or reporting clause: an object phrase stops before it.
pub fn is_clause_word(w: &str) -> bool {
    listed(&WORDS.clause_openers, w)
}

/// An auxiliary or adverb that may stand between a subject and its verb.
pub fn is_auxiliary(w: &str) -> bool {
    listed(&WORDS.auxiliaries, w)
}

/// An auxiliary that makes a clause look ahead (`will meet`, `is to visit`).
pub fn is_future_auxiliary(w: &str) -> bool {
    listed(&WORDS.future_auxiliaries, w)
}

/// A noun that takes a plural verb though it does not end in -s (`police`).
pub fn is_collective(w: &str) -> bool {
    listed(&WORDS.collective_nouns, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_read_and_compared_lowercased() {
        assert!(is_clause_word("That") && is_clause_word("despite"));
        assert!(is_auxiliary("Reportedly") && !is_auxiliary("met"));
        assert!(is_future_auxiliary("will") && !is_future_auxiliary("did"));
        assert!(is_collective("Police") && !is_collective("minister"));
        assert!(!is_clause_word("in"), "a two-word line is no single word");
    }

    #[test]
    fn the_quick_paths_agree_with_comparing_the_lowercased_word() {
        for w in [
            "WHILE", "While", "while", "whilE", "whiles", "So", "so", "s", "\u{212A}", "Whıle",
        ] {
            assert_eq!(
                is_clause_word(w),
                WORDS.clause_openers.has(&w.to_lowercase()),
                "{w}"
            );
        }
        assert!(!is_auxiliary(
            "subsequentlyness-and-more-words-than-any-list-has"
        ));
        // every word of every list, in other cases, cut short and run on
        let lists = [
            &WORDS.clause_openers,
            &WORDS.auxiliaries,
            &WORDS.future_auxiliaries,
            &WORDS.collective_nouns,
        ];
        for list in lists {
            for word in list.by_first.iter().flatten() {
                let mut capital = word.clone();
                capital[..1].make_ascii_uppercase();
                let cut = &word[..word.len() - 1];
                for w in [
                    word.clone(),
                    word.to_uppercase(),
                    capital,
                    cut.to_string(),
                    format!("{word}s"),
                    format!("{cut}x"),
                ] {
                    assert_eq!(listed(list, &w), list.has(&w.to_lowercase()), "{w}");
                }
            }
        }
    }
}
