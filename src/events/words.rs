//! The function-word lists of `assets/grammar.txt`, compiled in.

use std::sync::LazyLock;

use crate::actors::lexicon::{sections, WordSet};

/// The lists, by section.
struct Words {
    clause_openers: WordSet,
    auxiliaries: WordSet,
    future_auxiliaries: WordSet,
    collective_nouns: WordSet,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let s = sections(include_str!("../../assets/grammar.txt"));
    let set = |name: &str| -> WordSet { s.get(name).into_iter().flatten().cloned().collect() };
    Words {
        clause_openers: set("clause_openers"),
        auxiliaries: set("auxiliaries"),
        future_auxiliaries: set("future_auxiliaries"),
        collective_nouns: set("collective_nouns"),
    }
});

fn listed(set: &WordSet, w: &str) -> bool {
    set.contains(crate::text::lower(w).as_str())
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
}
