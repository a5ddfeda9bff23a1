//! Timeline row titles: a short line a person would write, built from the clause that tells the
//! event — subject, verb, object ("Rajnath Singh meets Gen Nakatani") — not the raw sentence cut
//! at N characters.

use super::clause::{is_auxiliary, is_clause_word, is_future_auxiliary, tokenize, Tok};
use super::verbs::{lexicon, third_person};
use crate::actors::{Actor, ActorKind};

/// The longest title, in chars, before it is cut at a word boundary.
pub const MAX_TITLE: usize = 90;
const MAX_OBJECT_WORDS: usize = 9;
const MAX_RAW_SUBJECT_WORDS: usize = 6;

/// An actor mention inside the sentence, with its actor.
#[derive(Debug, Clone, Copy)]
pub struct Named<'a> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The actor.
    pub actor: &'a Actor,
}

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
    let prev = i.checked_sub(1).map(|p| crate::text::lower(toks[p].text));
    let prev = prev.as_deref();
    if prev.is_some_and(is_future_auxiliary) && lex.base(t.text).is_some() {
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
    if lex.past(t.text).is_some() || looks_past(t.text) {
        // "had said": the auxiliary is not the verb when a past form follows it
        if is_auxiliary(t.text)
            && toks
                .get(i + 1)
                .is_some_and(|n| lex.past(n.text).is_some() || looks_past(n.text))
        {
            return None;
        }
        if prev.is_some_and(|p| matches!(p, "the" | "a" | "an" | "its" | "their" | "his" | "her")) {
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
    if let Some(base) = t.text.strip_suffix('s') {
        let base = base
            .strip_suffix("e")
            .filter(|b| lex.base(b).is_none() && lex.base(base).is_none())
            .unwrap_or(base);
        if lex.base(base).is_some()
            && !prev.is_some_and(|p| {
                matches!(
                    p,
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "of"
                        | "for"
                        | "in"
                        | "on"
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
fn opens_clause(t: &Tok) -> bool {
    matches!(t.text, ";" | "—" | "–" | ":") || is_clause_word(t.text)
}

/// Finds the verb of the clause the event hangs on: the first verb of the clause around token
/// `near` (clauses open at `;`, dashes and clause words such as "that", "which", "according"),
/// else the nearest verb before that clause, else the nearest after.
pub fn find_verb(toks: &[Tok], near: usize) -> Option<VerbAt> {
    let near = near.min(toks.len());
    let start = (0..near)
        .rev()
        .find(|&i| opens_clause(&toks[i]))
        .map_or(0, |i| i + 1);
    let end = (near + 1..toks.len())
        .find(|&i| opens_clause(&toks[i]))
        .unwrap_or(toks.len());
    (start..end)
        .find_map(|i| verb_at(toks, i))
        .or_else(|| (0..start).rev().find_map(|i| verb_at(toks, i)))
}

fn is_pronoun(w: &str) -> bool {
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

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Cuts `s` at a word boundary to at most `max` chars, adding `…` when cut.
pub fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split(' ') {
        if out.chars().count() + w.chars().count() + 1 > max.saturating_sub(1) {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    let out = out
        .trim_end_matches([',', ';', ':', '—', '-', ' '])
        .to_string();
    format!("{out}…")
}

fn join(parts: &[&str]) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0
            && !p.starts_with(['’', '\''])
            && !matches!(*p, "," | "." | ";" | ":" | ")")
            && !out.ends_with(['(', '“'])
        {
            out.push(' ');
        }
        out.push_str(p);
    }
    out
}

fn names_in<'a>(named: &[Named<'a>], start: usize, end: usize) -> Vec<&'a Actor> {
    let mut out: Vec<&Actor> = Vec::new();
    for n in named.iter().filter(|n| n.start >= start && n.end <= end) {
        if !out.iter().any(|a| a.name == n.actor.name) {
            out.push(n.actor);
        }
    }
    out
}

/// The subject phrase before the verb group: token range.
fn subject_range(toks: &[Tok], group_start: usize) -> (usize, usize) {
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
        return (s, group_start);
    }
    (s, group_start)
}

/// Builds the title of a clause. `toks` are the sentence's tokens, `skip` marks tokens to leave
/// out (the date expression), `near` is the token the event hangs on (the date, or the subject).
pub fn title(toks: &[Tok], skip: &[bool], named: &[Named], near: usize) -> String {
    match find_verb(toks, near) {
        Some(verb) => title_with_verb(toks, skip, named, verb),
        None => fallback(toks, skip),
    }
}

/// Builds the title of the clause whose verb is known.
pub fn title_with_verb(toks: &[Tok], skip: &[bool], named: &[Named], verb: VerbAt) -> String {
    let (ss, se) = subject_range(toks, verb.group_start);
    let subject_words: Vec<&Tok> = toks[ss..se]
        .iter()
        .filter(|t| !skip[index_of(toks, t)])
        .collect();
    let (subject, plural) = subject_text(toks, ss, se, &subject_words, named);
    let opener = subject
        .split(' ')
        .next()
        .is_some_and(|w| is_clause_word(w) || w.ends_with("ing"));
    if subject.is_empty() || opener {
        return fallback(toks, skip);
    }
    let lex = lexicon();
    let word = toks[verb.index].text;
    let known = lex
        .past(word)
        .or_else(|| lex.base(word))
        .map(|v| v.base.clone());
    let base = known.clone().unwrap_or_else(|| word.to_string());
    let verb_text = if verb.passive {
        toks[verb.group_start..=verb.index]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    } else if verb.future {
        format!("to {base}")
    } else if known.is_none() {
        word.to_string() // a verb the lexicon does not know keeps its tense
    } else if plural {
        base
    } else {
        third_person(&base)
    };
    let object = object_text(toks, skip, named, verb.index + 1);
    let mut parts = vec![subject.as_str(), verb_text.as_str()];
    if !object.is_empty() {
        parts.push(object.as_str());
    }
    cut(&capitalise(&join(&parts)), MAX_TITLE)
}

fn index_of(toks: &[Tok], t: &Tok) -> usize {
    toks.iter().position(|x| x.start == t.start).unwrap_or(0)
}

fn subject_text(
    toks: &[Tok],
    ss: usize,
    se: usize,
    words: &[&Tok],
    named: &[Named],
) -> (String, bool) {
    let (start, end) = match (toks.get(ss), se.checked_sub(1).and_then(|e| toks.get(e))) {
        (Some(a), Some(b)) => (a.start, b.end),
        _ => return (String::new(), false),
    };
    let actors = names_in(named, start, end);
    let people: Vec<&Actor> = actors
        .iter()
        .copied()
        .filter(|a| a.kind == ActorKind::Person)
        .collect();
    let raw_words: Vec<&str> = words
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text)
        .collect();
    let has_and = raw_words.iter().any(|w| w.eq_ignore_ascii_case("and"));
    if !people.is_empty() {
        let names: Vec<&str> = people.iter().map(|a| a.name.as_str()).collect();
        let plural = names.len() > 1;
        return (names_list(&names), plural);
    }
    // "India and Japan": a subject made only of named actors reads best by their names
    let covered = words.iter().filter(|t| t.is_word()).all(|t| {
        t.text.eq_ignore_ascii_case("and")
            || t.text.eq_ignore_ascii_case("the")
            || named.iter().any(|n| n.start <= t.start && t.end <= n.end)
    });
    if !actors.is_empty() && covered {
        let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
        return (names_list(&names), names.len() > 1);
    }
    let mut raw: Vec<&str> = words
        .iter()
        .map(|t| t.text)
        .filter(|w| !is_auxiliary(w))
        .collect();
    while raw.first().is_some_and(|w| {
        matches!(
            crate::text::lower(w).as_str(),
            "and" | "but" | "however" | "also" | "then" | "meanwhile"
        )
    }) {
        raw.remove(0);
    }
    if raw
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
        .count()
        > MAX_RAW_SUBJECT_WORDS
    {
        // keep the head noun phrase: cut at the first preposition after two words
        if let Some(p) = raw
            .iter()
            .enumerate()
            .skip(2)
            .find(|(_, w)| {
                matches!(
                    crate::text::lower(w).as_str(),
                    "of" | "along"
                        | "in"
                        | "on"
                        | "at"
                        | "from"
                        | "with"
                        | "for"
                        | "between"
                        | "over"
                        | "near"
                )
            })
            .map(|(i, _)| i)
        {
            raw.truncate(p);
        }
    }
    let last = raw.last().map(|w| w.to_lowercase()).unwrap_or_default();
    let plural = has_and || (last.ends_with('s') && !last.ends_with("ss") && last.len() > 3);
    (join(&raw), plural)
}

fn names_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [a] => a.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn object_text(toks: &[Tok], skip: &[bool], named: &[Named], from: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut words = 0;
    let mut i = from;
    while i < toks.len() && words < MAX_OBJECT_WORDS {
        let t = toks[i];
        if skip[i] {
            i += 1;
            continue;
        }
        if t.is_boundary() {
            // "with his counterpart, General Nakatani": an apposition that names a person
            if t.text == "," {
                if let Some(n) = named.iter().find(|n| {
                    n.start == toks.get(i + 1).map_or(usize::MAX, |x| x.start)
                        || toks.get(i + 2).is_some_and(|x| {
                            n.start == x.start
                                && toks[i + 1]
                                    .text
                                    .chars()
                                    .next()
                                    .is_some_and(|c| c.is_uppercase())
                        })
                }) {
                    if n.actor.kind == ActorKind::Person {
                        parts.push(n.actor.name.clone());
                    }
                }
            }
            break;
        }
        if t.is_quote() {
            i += 1;
            continue;
        }
        if t.text == "." || t.text == "!" || t.text == "?" {
            break;
        }
        if is_clause_word(t.text) && words > 0 {
            break;
        }
        if t.text.eq_ignore_ascii_case("to")
            && toks.get(i + 1).is_some_and(|n| {
                matches!(
                    crate::text::lower(n.text).as_str(),
                    "further" | "discuss" | "ensure" | "enhance"
                )
            })
            && words > 1
        {
            break;
        }
        if t.text.eq_ignore_ascii_case("and")
            && i + 1 < toks.len()
            && verb_at(toks, i + 1).is_some()
        {
            break;
        }
        if t.text.eq_ignore_ascii_case("in") && toks.get(i + 1).is_some_and(|n| n.text == "order") {
            break;
        }
        // a person named with a title reads by the name alone (a pronoun stays a pronoun)
        if let Some(n) = named.iter().find(|n| {
            n.start == t.start
                && n.actor.kind == ActorKind::Person
                && t.text.chars().next().is_some_and(|c| c.is_uppercase())
                && !is_pronoun(t.text)
        }) {
            parts.push(n.actor.name.clone());
            while i + 1 < toks.len() && toks[i + 1].end <= n.end {
                i += 1;
            }
            words += 1;
            i += 1;
            continue;
        }
        parts.push(t.text.to_string());
        if t.is_word() {
            words += 1;
        }
        i += 1;
    }
    while parts.last().is_some_and(|w| {
        matches!(
            crate::text::lower(w).as_str(),
            "with"
                | "the"
                | "a"
                | "an"
                | "of"
                | "and"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "by"
                | "from"
                | "their"
                | "his"
                | "her"
                | "its"
        )
    }) {
        parts.pop();
    }
    let refs: Vec<&str> = parts.iter().map(|s| s.as_str()).collect();
    join(&refs)
}

fn fallback(toks: &[Tok], skip: &[bool]) -> String {
    let words: Vec<&str> = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| !skip[*i] && !t.is_quote())
        .map(|(_, t)| t.text)
        .collect();
    let mut s = join(&words);
    while s.starts_with([',', ';', ':', '—', ' ']) {
        s = s.chars().skip(1).collect();
    }
    let s = s.trim_end_matches(['.', ' ']).to_string();
    cut(&capitalise(&s), MAX_TITLE)
}

/// The title of a background mention (`the 2008 Joint Declaration on Security Cooperation`):
/// the date and the capitalised name that follows it.
pub fn background_title(toks: &[Tok], first: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut lower = 0;
    for t in &toks[first..] {
        let cap = t
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let link = matches!(t.text, "on" | "of" | "for" | "to");
        if cap || (link && parts.len() > 1) {
            parts.push(t.text);
        } else if parts.len() == 1 && lower < 2 && t.is_word() && !is_clause_word(t.text) && !link {
            // "the 1991 agreement": a common noun after the year names the thing
            parts.push(t.text);
            lower += 1;
        } else {
            break;
        }
    }
    while parts
        .last()
        .is_some_and(|w| matches!(*w, "on" | "of" | "for" | "to"))
    {
        parts.pop();
    }
    cut(&join(&parts), MAX_TITLE)
}

/// Tokens of a sentence and the mask of those inside `[skip_start, skip_end)`, with a
/// preposition just before it and a comma just after a fronted date.
pub fn tokens_without<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    skip_start: usize,
    skip_end: usize,
) -> (Vec<Tok<'a>>, Vec<bool>) {
    let toks = tokenize(text, start, end);
    let mut skip: Vec<bool> = toks
        .iter()
        .map(|t| t.start < skip_end && t.end > skip_start)
        .collect();
    if let Some(first) = skip.iter().position(|&s| s) {
        if first > 0
            && matches!(
                crate::text::lower(toks[first - 1].text).as_str(),
                "on" | "in"
                    | "at"
                    | "since"
                    | "by"
                    | "from"
                    | "during"
                    | "until"
                    | "last"
                    | "earlier"
                    | "later"
                    | "this"
                    | "next"
            )
        {
            skip[first - 1] = true;
        }
        let last = skip.iter().rposition(|&s| s).unwrap_or(first);
        let fronted = first == 0 || (first == 1 && skip[0]);
        if fronted && toks.get(last + 1).is_some_and(|t| t.text == ",") {
            skip[last + 1] = true;
        }
    }
    (toks, skip)
}
