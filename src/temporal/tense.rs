//! The tense of the clause around an expression: the nearest word that shows a tense (a past
//! form, `will`, `is set to`, ...), looking outward from the expression within its sentence.

use super::lexicon::{Lexicon, Tense, Word};
use super::resolve::Dir;
use super::tokens::{Kind, Tok};

/// How far (in tokens) to look for a tense word.
const REACH: usize = 12;

/// Words after which `to` makes a future (`set to begin`, `due to open`).
fn future_before_to(w: &str) -> bool {
    ["set", "due", "poised", "going", "about", "likely", "ready"]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
}

/// The tense token `i` shows, if any.
fn tense_of(lex: &Lexicon, text: &str, toks: &[Tok], i: usize) -> Option<Tense> {
    let t = toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let w = text.get(t.start..t.end)?;
    if toks
        .get(i + 1)
        .and_then(|n| text.get(n.start..n.end))
        .is_some_and(|n| n.eq_ignore_ascii_case("to"))
        && future_before_to(w)
    {
        return Some(Tense::Future);
    }
    let words = lex.lookup(w);
    let mut tense = words.iter().find_map(|x| match x {
        Word::Tense(t) => Some(*t),
        _ => None,
    });
    if tense.is_none() && !words.contains(&Word::NotPast) && !t.cap {
        let b = w.as_bytes();
        if b.len() >= 5 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") {
            tense = Some(Tense::Past);
        }
    }
    if tense == Some(Tense::Past) {
        // A participle after `be` is no past form: `to be held` looks ahead, `is held` is now.
        let word_at = |k: Option<usize>| {
            k.and_then(|k| toks.get(k))
                .and_then(|p| text.get(p.start..p.end))
                .unwrap_or("")
        };
        let prev = word_at(i.checked_sub(1));
        if prev.eq_ignore_ascii_case("be") {
            let to = word_at(i.checked_sub(2));
            return to.eq_ignore_ascii_case("to").then_some(Tense::Future);
        }
        if ["is", "are", "being", "been"]
            .iter()
            .any(|x| prev.eq_ignore_ascii_case(x))
        {
            return None;
        }
    }
    if tense.is_some() {
        return tense;
    }
    None
}

/// The direction of the clause around tokens `a..b` (the expression itself excluded).
pub(crate) fn direction(lex: &Lexicon, text: &str, toks: &[Tok], a: usize, b: usize) -> Dir {
    let word = |i: usize| {
        toks.get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    };
    // "told them to prepare by Saturday": a deadline after an infinitive looks ahead
    let deadline = a
        .checked_sub(1)
        .is_some_and(|p| word(p).eq_ignore_ascii_case("by"));
    let infinitive = |i: usize| {
        word(i).eq_ignore_ascii_case("to")
            && toks
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && !n.cap)
            && !["the", "a", "an", "his", "her", "their", "its", "be"]
                .iter()
                .any(|x| word(i + 1).eq_ignore_ascii_case(x))
    };
    let mut left_open = true;
    let mut right_open = true;
    for d in 1..=REACH {
        let li = a.checked_sub(d).filter(|_| left_open);
        let ri = b
            .checked_add(d - 1)
            .filter(|&r| right_open && r < toks.len());
        let left = li.and_then(|i| tense_of(lex, text, toks, i));
        let right = ri.and_then(|i| tense_of(lex, text, toks, i));
        if deadline && left.is_none() && li.is_some_and(infinitive) {
            return Dir::Future;
        }
        if let Some(t) = left.or(right) {
            return match t {
                Tense::Past => Dir::Past,
                Tense::Future => Dir::Future,
                Tense::Present => Dir::Neutral,
            };
        }
        // A clause boundary ends the search on that side.
        left_open = li.is_some_and(|i| !boundary(text, toks, i));
        right_open = ri.is_some_and(|i| !boundary(text, toks, i));
        if !left_open && !right_open {
            break;
        }
    }
    Dir::Neutral
}

/// Token `i` starts or ends a clause (`that`, `which`, `because`, `;`).
fn boundary(text: &str, toks: &[Tok], i: usize) -> bool {
    let Some(w) = toks.get(i).and_then(|t| text.get(t.start..t.end)) else {
        return true;
    };
    if matches!(w, "." | "!" | "?") {
        // A sentence end, unless the period closes an abbreviation or initial (`Inc.`, `Mr.`).
        return i
            .checked_sub(1)
            .and_then(|p| toks.get(p))
            .is_none_or(|p| !(p.cap && p.kind == Kind::Word && p.end - p.start <= 4));
    }
    [
        "that", "which", "who", "whom", "whose", "because", "while", "although", "though", "if",
        "unless", "whereas", "but", ";", ":", "(", ")", "—", "–",
    ]
    .iter()
    .any(|x| w.eq_ignore_ascii_case(x))
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::LEXICON_DATA;
    use super::super::tokens::tokenize;
    use super::*;

    fn dir_of(text: &str, word: &str) -> Dir {
        let mut toks = Vec::new();
        tokenize(text, &LEXICON_DATA, &mut toks);
        let i = toks
            .iter()
            .position(|t| &text[t.start..t.end] == word)
            .unwrap();
        direction(&LEXICON_DATA, text, &toks, i, i + 1)
    }

    #[test]
    fn a_deadline_after_an_infinitive_looks_ahead() {
        assert_eq!(
            dir_of(
                "She told the towns to prepare for landfall by Saturday.",
                "Saturday"
            ),
            Dir::Future
        );
        assert_eq!(
            dir_of("The rebels had withdrawn by Saturday.", "Saturday"),
            Dir::Past
        );
        assert_eq!(
            dir_of("He flew to Oslo on Thursday to meet them.", "Thursday"),
            Dir::Past
        );
    }

    #[test]
    fn nearest_tense_word_decides() {
        assert_eq!(dir_of("They met on Monday.", "Monday"), Dir::Past);
        assert_eq!(dir_of("They will meet on Monday.", "Monday"), Dir::Future);
        assert_eq!(
            dir_of("The trial is set to begin on Monday.", "Monday"),
            Dir::Future
        );
        assert_eq!(
            dir_of("On Friday, he said he would go.", "Friday"),
            Dir::Past
        );
        assert_eq!(dir_of("The iPod ships in June.", "June"), Dir::Neutral);
        assert_eq!(dir_of("It will be released in June.", "June"), Dir::Future);
        assert_eq!(
            dir_of(
                "They signed it on Thursday that would allow more.",
                "Thursday"
            ),
            Dir::Past
        );
    }
}
