//! Timeline row titles: a short line a person would write, built from the clause that tells the
//! event — subject, verb, object ("Rajnath Singh meets Gen Nakatani") — not the raw sentence cut
//! at N characters.

use std::borrow::Cow;

use super::clause::{is_auxiliary, is_clause_word, Tok};
pub use super::clause::{skip_mask, tokenize, tokens_without};
pub use super::grammar::verb_at;
use super::grammar::{
    find_verb, is_pronoun, is_statement, shared_subject_verb, subject_range, VerbAt,
};
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

/// What a verb with no object of its own reports: the quotation after it (`said,
/// "we will appeal"`), or the clause before its subject (`The plant will close, the firm
/// said`), as `"…"` when it was quoted.
fn reported(toks: &[Tok], skip: &[bool], verb: VerbAt, subject_start: usize) -> Option<String> {
    // the reporter is a name or a pronoun, not a relative (`which ends on June 26`)
    let reporter = toks.get(subject_start..verb.group_start)?;
    if reporter.first().is_none_or(|t| is_clause_word(t.text))
        || !reporter
            .iter()
            .any(|t| t.text.chars().next().is_some_and(char::is_uppercase) || is_pronoun(t.text))
    {
        return None;
    }
    let after: Vec<usize> = (verb.index + 1..toks.len()).filter(|&i| !skip[i]).collect();
    let words = |range: &[usize]| -> Vec<&str> {
        range
            .iter()
            .map(|&i| toks[i].text)
            .filter(|w| !matches!(*w, "\"" | "“" | "”" | "«" | "»"))
            .collect()
    };
    let quoted = |range: &[usize]| {
        let inner = join(&words(range));
        let inner = inner.trim_matches([',', '.', ' ', ';', ':']);
        (!inner.is_empty()).then(|| format!("\u{201c}{inner}\u{201d}"))
    };
    match after.as_slice() {
        [c, q, rest @ ..] if toks[*c].text == "," && toks[*q].is_quote() => {
            let end = rest
                .iter()
                .position(|&i| toks[i].is_quote() && matches!(toks[i].text, "\"" | "”" | "»"))
                .unwrap_or(rest.len());
            quoted(&rest[..end])
        }
        [] | [_]
            if after
                .iter()
                .all(|&i| matches!(toks[i].text, "." | "!" | "?")) =>
        {
            let comma = subject_start
                .checked_sub(1)
                .filter(|&c| toks[c].text == ",")?;
            let before: Vec<usize> = (0..comma).filter(|&i| !skip[i]).collect();
            let was_quoted = before.first().is_some_and(|&i| toks[i].is_quote());
            if was_quoted {
                quoted(&before)
            } else {
                let text = join(&words(&before));
                (!text.is_empty()).then(|| lower_first(&text))
            }
        }
        _ => None,
    }
}

/// The title of a quotation whose speaker follows the reporting verb: `Ann Lee says “…”`.
fn inverted(toks: &[Tok], skip: &[bool], named: &[Named], verb: VerbAt) -> Option<String> {
    let after = toks.get(verb.index + 1..(verb.index + 5).min(toks.len()))?;
    let speaker = named
        .iter()
        .find(|n| n.actor.kind == ActorKind::Person && after.iter().any(|t| t.start == n.start))?;
    let words: Vec<&str> = (0..verb.group_start)
        .filter(|&i| !skip[i] && !toks[i].is_quote())
        .map(|i| toks[i].text)
        .collect();
    let quote = join(&words);
    let quote = quote.trim_matches([',', '.', ' ', ';', ':']);
    if quote.is_empty() {
        return None;
    }
    let verb_text = third_person(&lexicon().past(toks[verb.index].text)?.base);
    Some(cut(
        &format!("{} {verb_text} \u{201c}{quote}\u{201d}", speaker.actor.name),
        MAX_TITLE,
    ))
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match (c.next(), c.clone().next()) {
        // keep `I`, acronyms and names: only a capital followed by a lower-case letter
        (Some(f), Some(n)) if f.is_uppercase() && n.is_lowercase() && !is_name_like(s) => {
            f.to_lowercase().collect::<String>() + c.as_str()
        }
        _ => s.to_string(),
    }
}

fn is_name_like(s: &str) -> bool {
    let first = s.split(' ').next().unwrap_or("");
    !matches!(
        crate::text::lower(first).as_str(),
        "the" | "a" | "an" | "this" | "that" | "these" | "those" | "it" | "there" | "we" | "our"
    )
}

fn capitalise(mut s: String) -> String {
    if s.starts_with(|c: char| c.is_ascii()) {
        // an ASCII letter uppercases in place
        s[..1].make_ascii_uppercase();
        return s;
    }
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
    cut_long(s, max)
}

/// [`cut`] of a string the caller owns: a short one is returned as it is.
fn cut_owned(s: String, max: usize) -> String {
    // a string has no more chars than bytes
    if s.len() <= max || s.chars().count() <= max {
        return s;
    }
    cut_long(&s, max)
}

/// [`cut`] of a string longer than `max` chars.
fn cut_long(s: &str, max: usize) -> String {
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
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
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
    let (ss, se) = match shared_subject_verb(toks, verb) {
        Some(first) => subject_range(toks, first),
        None => subject_range(toks, verb.group_start),
    };
    let subject_words: Vec<&Tok> = (ss..se).filter(|&i| !skip[i]).map(|i| &toks[i]).collect();
    let (subject, plural) = subject_text(toks, ss, se, &subject_words, named);
    let opener = subject
        .split(' ')
        .next()
        .is_some_and(|w| is_clause_word(w) || w.ends_with("ing"));
    let word = toks[verb.index].text;
    if !subject.chars().any(char::is_alphanumeric) && is_statement(word) {
        // `"We will appeal," said Gen. Ann Lee`: the speaker follows the verb
        if let Some(t) = inverted(toks, skip, named, verb) {
            return t;
        }
    }
    if subject.is_empty() || opener {
        return fallback(toks, skip);
    }
    let lex = lexicon();
    let known = lex
        .past(word)
        .or_else(|| lex.base(word))
        .map(|v| v.base.as_str());
    let base = known.unwrap_or(word);
    let verb_text: Cow<str> = if verb.passive {
        toks[verb.group_start..=verb.index]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
            .into()
    } else if verb.future {
        ["to ", base].concat().into()
    } else if known.is_none() || plural {
        base.into() // a verb the lexicon does not know keeps its tense
    } else {
        third_person(base).into()
    };
    let mut object = object_text(toks, skip, named, verb.index + 1);
    if object.is_empty() && !verb.passive {
        object = reported(toks, skip, verb, ss).unwrap_or_default();
    }
    let parts = [subject.as_str(), &verb_text, object.as_str()];
    let parts = if object.is_empty() {
        &parts[..2]
    } else {
        &parts[..]
    };
    cut_owned(capitalise(join(parts)), MAX_TITLE)
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
    let people: Vec<&str> = actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| &*a.name)
        .collect();
    if !people.is_empty() {
        return (names_list(&people), people.len() > 1);
    }
    let has_and = words
        .iter()
        .any(|t| t.is_word() && t.text.eq_ignore_ascii_case("and"));
    // "India and Japan": a subject made only of named actors reads best by their names
    let covered = words.iter().filter(|t| t.is_word()).all(|t| {
        t.text.eq_ignore_ascii_case("and")
            || t.text.eq_ignore_ascii_case("the")
            || named.iter().any(|n| n.start <= t.start && t.end <= n.end)
    });
    if !actors.is_empty() && covered {
        let names: Vec<&str> = actors.iter().map(|a| &*a.name).collect();
        return (names_list(&names), names.len() > 1);
    }
    let mut raw: Vec<&str> = words
        .iter()
        .map(|t| t.text)
        .filter(|w| !is_auxiliary(w))
        .collect();
    // "…, prompting Apple Corps to file suit": the participle is not part of the subject
    while raw.first().is_some_and(|w| {
        matches!(
            crate::text::lower(w).as_str(),
            "and" | "but" | "however" | "also" | "then" | "meanwhile"
        ) || (raw.len() > 1
            && w.len() > 4
            && w.ends_with("ing")
            && w.chars().all(|c| c.is_ascii_lowercase()))
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
    // the head noun stands before the first preposition: "Police in Dakar", "Sales of cars"
    let head = raw
        .iter()
        .position(|w| {
            matches!(
                crate::text::lower(w).as_str(),
                "of" | "in" | "at" | "from" | "on" | "for" | "with" | "near"
            )
        })
        .filter(|&p| p > 0)
        .map_or(raw.last(), |p| raw.get(p - 1));
    let last = crate::text::lower(head.copied().unwrap_or(""));
    let collective = super::words::is_collective(&last);
    let plural = has_and
        || collective
        || (last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && last.len() > 3);
    (join(&raw), plural)
}

fn names_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [a] => a.to_string(),
        [rest @ .., last] => [&rest.join(", "), " and ", last].concat(),
    }
}

fn object_text(toks: &[Tok], skip: &[bool], named: &[Named], from: usize) -> String {
    // room for the longest object and its punctuation, so that it rarely grows
    let mut parts: Vec<&str> = Vec::with_capacity(2 * MAX_OBJECT_WORDS);
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
                    // `…, Chair Ann Lee said`: the one who reports it, not an apposition
                    let reporter = toks
                        .iter()
                        .position(|x| x.start >= n.end)
                        .is_some_and(|k| is_statement(toks[k].text));
                    if n.actor.kind == ActorKind::Person && !reporter {
                        parts.push(&n.actor.name);
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
            parts.push(&n.actor.name);
            while i + 1 < toks.len() && toks[i + 1].end <= n.end {
                i += 1;
            }
            words += 1;
            i += 1;
            continue;
        }
        parts.push(t.text);
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
    join(&parts)
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
    cut_owned(capitalise(s), MAX_TITLE)
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
    cut_owned(join(&parts), MAX_TITLE)
}
