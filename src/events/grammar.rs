//! The little grammar titles need: where the verb of a clause is, which coordinated part of
//! the clause a date belongs to, and what stands before the verb (the subject).

use super::clause::{is_auxiliary, is_clause_word, is_future_auxiliary, Tok};
use super::verbs::lexicon;

/// Where the verb of a clause is and how it is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbAt {
    /// Token index of the verb.
    pub index: usize,
    /// Token index where the verb group starts (auxiliaries before it).
    pub group_start: usize,
    /// The clause looks ahead (`will meet`, `would propose`, `is to visit`).
    pub future: bool,
    /// A passive (`was founded`): the verb group keeps its words.
    pub passive: bool,
}

/// Reads the verb at token `i`, if there is one: a past form of the lexicon (or a regular-looking
/// past), a present third-person form of a lexicon verb, or a base form after a future
/// auxiliary. A past form after an article or a form of "be" is a participle: passive clauses
/// keep their words as written.
pub fn verb_at(toks: &[Tok], i: usize) -> Option<VerbAt> {
    let lex = lexicon();
    let t = toks[i];
    if !t.is_word() || (i > 0 && t.text.chars().next().is_some_and(|c| c.is_uppercase())) {
        return None;
    }
    // the word before, lowercased only for a word that may be a verb
    let lower_prev = || i.checked_sub(1).map(|p| crate::text::lower(toks[p].text));
    if i > 0 && is_future_auxiliary(toks[i - 1].text) && lex.base(t.text).is_some() {
        let mut g = i - 1;
        while g > 0 && (is_future_auxiliary(toks[g - 1].text) || is_auxiliary(toks[g - 1].text)) {
            g -= 1;
        }
        return Some(VerbAt {
            index: i,
            group_start: g,
            future: true,
            passive: false,
        });
    }
    // "compared to", "compared with": a preposition, not a happening
    if t.text == "compared"
        && toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.text, "to" | "with"))
    {
        return None;
    }
    if lex.past(t.text).is_some() || looks_past(t.text) {
        let prev = lower_prev();
        let prev = prev.as_deref();
        // "had said": the auxiliary is not the verb when a past form follows it
        if is_auxiliary(t.text)
            && toks
                .get(i + 1)
                .is_some_and(|n| lex.past(n.text).is_some() || looks_past(n.text))
        {
            return None;
        }
        // "the recently announced iPhone": a determiner, maybe before an adverb, makes it a
        // participle
        let det = |p: &str| matches!(p, "the" | "a" | "an" | "its" | "their" | "his" | "her");
        let before_adverb = prev
            .filter(|p| p.ends_with("ly"))
            .and_then(|_| i.checked_sub(2))
            .map(|p| crate::text::lower(toks[p].text));
        if prev.is_some_and(det) || before_adverb.as_deref().is_some_and(det) {
            return None;
        }
        let passive = prev
            .is_some_and(|p| matches!(p, "was" | "were" | "been" | "be" | "is" | "are" | "being"));
        let mut g = i;
        while g > 0 && (is_auxiliary(toks[g - 1].text) || (passive && is_be(toks[g - 1].text))) {
            g -= 1;
        }
        return Some(VerbAt {
            index: i,
            group_start: g,
            future: false,
            passive,
        });
    }
    // "meets", "discusses", "denies": the present, unless a determiner or preposition makes
    // the word a plural noun ("the talks", "for talks")
    if present_verb(t.text).is_some()
        && !lower_prev().as_deref().is_some_and(|p| {
            matches!(
                p,
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "of" | "for" | "in" | "on"
            )
        })
    {
        return Some(VerbAt {
            index: i,
            group_start: i,
            future: false,
            passive: false,
        });
    }
    None
}

fn is_be(w: &str) -> bool {
    matches!(
        crate::text::lower(w).as_str(),
        "was" | "were" | "been" | "be" | "is" | "are" | "being"
    )
}

/// True for a token that opens a new clause: strong punctuation or a clause word.
pub(super) fn opens_clause(t: &Tok) -> bool {
    matches!(t.text, ";" | "—" | "–" | ":") || is_clause_word(t.text)
}

/// Finds the verb of the clause the event hangs on: the verb of the coordinated part of the
/// clause around token `near` (clauses open at `;`, dashes and clause words such as "that",
/// "which", "according"; their parts are joined by `,`, `and`, `but`), else the nearest verb
/// before that clause, else the nearest after.
pub fn find_verb(toks: &[Tok], near: usize) -> Option<VerbAt> {
    let (start, end) = clause_around(toks, near);
    let mut verbs: Vec<VerbAt> = (start..end).filter_map(|i| verb_at(toks, i)).collect();
    // "This switch, he said, would happen next year": the aside is not the clause's verb
    if verbs.len() > 1 {
        verbs.retain(|v| !parenthetical_statement(toks, *v));
    }
    match verbs.as_slice() {
        [] => (0..start).rev().find_map(|i| verb_at(toks, i)),
        [only] => Some(*only),
        _ => {
            let mut part = 0;
            for k in 1..verbs.len() {
                let (prev, verb) = (verbs[k - 1], verbs[k]);
                // "is released, expected in 2006", "signed it, to be ratified in 2025": a
                // participle or an infinitive after a comma tells no happening of its own
                let infinitive = verb.group_start > 0
                    && toks[verb.group_start - 1].text.eq_ignore_ascii_case("to");
                match joint_between(toks, prev.index, verb.group_start) {
                    Some(j) if (prev.passive || infinitive) && toks[j].text == "," => {}
                    Some(j) if j < near => part = k,
                    Some(_) => break,
                    None => {} // one part: its first verb leads
                }
            }
            Some(verbs[part])
        }
    }
}

/// A statement verb in an aside between commas (`, he said,`), with a short subject.
fn parenthetical_statement(toks: &[Tok], verb: VerbAt) -> bool {
    // the comma after the verb first: it is the cheapest test and most verbs fail it
    toks.get(verb.index + 1).is_some_and(|t| t.text == ",")
        && is_statement(toks[verb.index].text)
        && {
            let (ss, _) = subject_range(toks, verb.group_start);
            ss > 0 && toks[ss - 1].text == "," && verb.group_start - ss <= 3
        }
}

pub(super) fn is_statement(word: &str) -> bool {
    let lex = lexicon();
    lex.past(word)
        .or_else(|| lex.base(word))
        .or_else(|| present_verb(word))
        .is_some_and(|v| v.statement)
}

/// The verb whose third person singular present `word` is (`meets`, `discusses`, `denies`),
/// unless the word is an auxiliary (`has`): then the verb is the word after it.
pub(crate) fn present_verb(word: &str) -> Option<&'static super::Verb> {
    lexicon().present(word).filter(|_| !is_auxiliary(word))
}

/// The token range of the clause around token `near`.
fn clause_around(toks: &[Tok], near: usize) -> (usize, usize) {
    let near = near.min(toks.len());
    let end = (near + 1..toks.len())
        .find(|&i| opens_clause(&toks[i]))
        .unwrap_or(toks.len());
    (clause_start(toks, near), end)
}

/// The first token of the clause around token `near` (see [`clause_around`]).
fn clause_start(toks: &[Tok], near: usize) -> usize {
    let near = near.min(toks.len());
    (0..near)
        .rev()
        .find(|&i| opens_clause(&toks[i]))
        .map_or(0, |i| i + 1)
}

/// The last token joining two coordinated parts of a clause (`,`, `and`, `but`, `then`)
/// strictly between tokens `a` and `b`.
fn joint_between(toks: &[Tok], a: usize, b: usize) -> Option<usize> {
    (a + 1..b).rev().find(|&i| {
        toks[i].text == ","
            || matches!(
                crate::text::lower(toks[i].text).as_str(),
                "and" | "but" | "then" | "while"
            )
    })
}

/// For a verb coordinated after another in its clause (`tripled in 2004, doubled in 2005`,
/// `fought cancer and took time off`), the first verb's group start, whose subject it shares.
pub(super) fn shared_subject_verb(toks: &[Tok], verb: VerbAt) -> Option<usize> {
    let mut start = clause_start(toks, verb.index);
    // "kept rates unchanged, but signaled two cuts": `but` opens a clause with no subject of
    // its own, whose subject is the previous clause's
    if start >= 2
        && (start..verb.group_start).all(|i| !toks[i].is_word())
        && crate::text::lower(toks[start - 1].text).as_str() == "but"
    {
        start = clause_start(toks, start - 2);
    }
    let first = (start..verb.group_start).find_map(|i| verb_at(toks, i))?;
    let joint = joint_between(toks, first.index, verb.group_start)?;
    let own = toks[joint + 1..verb.group_start].iter().any(|t| {
        t.is_word()
            && !t.text.chars().all(|c| c.is_ascii_digit())
            && !matches!(
                crate::text::lower(t.text).as_str(),
                "in" | "on" | "at" | "also" | "then" | "later" | "and" | "early" | "late" | "mid"
            )
    });
    (!own).then_some(first.group_start)
}

pub(super) fn is_pronoun(w: &str) -> bool {
    matches!(
        crate::text::lower(w).as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "him"
            | "her"
            | "his"
            | "their"
            | "its"
            | "we"
            | "i"
            | "them"
    )
}

/// A lower-case word that reads as a regular past form (`destroyed`, `resulted`).
fn looks_past(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ed")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(w, "indeed" | "needed" | "proceed" | "exceed" | "succeed")
}

/// The subject phrase before the verb group: token range.
pub(super) fn subject_range(toks: &[Tok], group_start: usize) -> (usize, usize) {
    let mut s = group_start;
    while s > 0 && !toks[s - 1].is_boundary() && !opens_clause(&toks[s - 1]) {
        s -= 1;
    }
    // "Abe, who is to leave office, had said": skip back over the parenthetical
    let first = toks.get(s).map(|t| crate::text::lower(t.text));
    if (s == group_start
        || first
            .as_deref()
            .is_some_and(|w| matches!(w, "who" | "which")))
        && s >= 2
    {
        let mut e = s - 1; // the boundary
                           // the parenthetical itself starts after the previous boundary
        let mut p = e;
        while p > 0 && !toks[p - 1].is_boundary() {
            p -= 1;
        }
        if toks
            .get(p)
            .is_some_and(|t| matches!(crate::text::lower(t.text).as_str(), "who" | "which"))
            && p >= 2
        {
            e = p - 1;
            let mut q = e;
            while q > 0 && !toks[q - 1].is_boundary() {
                q -= 1;
            }
            return (q, e);
        }
        // "The U.N. chief, Ann Lee, called for calm": the name between the commas
        let appositive = s == group_start
            && p > 0
            && toks[p - 1].text == ","
            && (1..=4).contains(&(e - p))
            && toks[p..e]
                .iter()
                .all(|t| t.text.chars().next().is_some_and(char::is_uppercase) || t.text == ".");
        if appositive {
            return (p, e);
        }
        return (s, group_start);
    }
    (s, group_start)
}
