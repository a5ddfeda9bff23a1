//! Clause subjects and pronouns: whether a mention is the grammatical subject of its clause
//! (the noun phrase that opens the clause and is followed by its verb), and `he`/`she` (subject)
//! and `his`/`her` as mentions of the person last named as subject.

use super::tokens::Token;

/// Lowercase words that may stand before a subject in its noun phrase.
fn before_subject(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "and"
            | "his"
            | "her"
            | "its"
            | "their"
            | "both"
            | "former"
            | "then"
            | "new"
            | "visiting"
            | "incoming"
            | "outgoing"
            | "counterpart"
            | "counterparts"
            | "minister"
            | "president"
            | "chief"
            | "premier"
            | "leader"
            | "spokesman"
            | "spokeswoman"
            | "ceo"
            | "co-founder"
            | "founder"
    )
}

/// Lowercase words that open a clause of their own (`during which Ito said`).
fn clause_opener(word: &str) -> bool {
    matches!(
        word,
        "which"
            | "who"
            | "that"
            | "when"
            | "while"
            | "after"
            | "before"
            | "because"
            | "as"
            | "since"
            | "although"
            | "though"
            | "if"
            | "where"
            | "whom"
            | "whereas"
            | "but"
            | "so"
            | "once"
            | "until"
    )
}

/// Words after a noun phrase that show it is not a subject.
fn not_verb(word: &str) -> bool {
    matches!(
        word,
        "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "to"
            | "by"
            | "as"
            | "the"
            | "a"
            | "an"
            | "between"
            | "among"
            | "into"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "near"
            | "via"
            | "per"
            | "against"
            | "about"
            | "that"
            | "which"
            | "whose"
            | "than"
            | "amid"
            | "since"
            | "until"
            | "through"
            | "across"
            // nouns a name only modifies (`the Biden administration`)
            | "administration"
            | "government"
            | "officials"
            | "office"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "campaign"
            | "team"
            | "family"
            | "forces"
            | "troops"
            | "ministry"
            | "army"
            | "navy"
            | "embassy"
            | "delegation"
            | "side"
            | "economy"
            | "people"
            | "military"
            | "authorities"
            | "police"
            | "leader"
            | "leaders"
            | "company"
            | "firm"
            | "shares"
            | "counterpart"
            | "counterparts"
            | "officer"
    )
}

fn clause_break(sep: &str) -> bool {
    sep.contains([
        ',', ';', ':', '\u{201c}', '\u{201d}', '"', '(', ')', '\u{2014}',
    ])
}

/// True when tokens `first..=last` (a mention) are the subject of their clause.
pub fn is_subject(text: &str, tokens: &[Token], first: usize, last: usize) -> bool {
    // Backward: only the noun phrase may precede it in the clause.
    let mut idx = first;
    loop {
        let t = &tokens[idx];
        if t.sent_start || clause_break(t.sep) || idx == 0 {
            break;
        }
        let p = &tokens[idx - 1];
        if p.segment != t.segment {
            break;
        }
        if clause_opener(p.text) {
            break;
        }
        if !(p.is_cap() || before_subject(p.text)) {
            return false;
        }
        idx -= 1;
    }
    if tokens[last].poss {
        return false;
    }
    // Forward: past the rest of the phrase, an apposition or a list, to a verb.
    let n = tokens.len();
    let seg = tokens[first].segment;
    let mut k = last + 1;
    let mut steps = 0;
    while k < n && tokens[k].segment == seg && !tokens[k].sent_start && steps < 60 {
        steps += 1;
        let t = &tokens[k];
        let sep = t.sep.trim();
        if sep.contains('(') {
            while k < n
                && !text[tokens[k].full_end(text)..]
                    .trim_start()
                    .starts_with(')')
            {
                k += 1;
            }
            k += 1;
            continue;
        }
        if sep.contains(',') || sep.contains('\u{2014}') {
            if t.is_cap() {
                k += 1;
                continue;
            }
            if matches!(t.text, "who" | "whose" | "which" | "the" | "a" | "an") {
                k += 1;
                while k < n
                    && tokens[k].segment == seg
                    && !tokens[k].sep.contains([',', '\u{2014}'])
                {
                    k += 1;
                }
                if k < n && tokens[k].segment == seg && !tokens[k].sent_start {
                    let u = &tokens[k];
                    if u.is_cap() {
                        return false;
                    }
                    return !not_verb(u.text);
                }
                return false;
            }
            return false;
        }
        if clause_break(t.sep) {
            return false;
        }
        if t.is_cap() || matches!(t.text, "and" | "or") {
            k += 1;
            continue;
        }
        return t.text.chars().next().is_some_and(char::is_alphabetic) && !not_verb(t.text);
    }
    false
}

/// What a pronoun token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// `he`, `she`.
    Subject,
    /// `his`, `her`.
    Possessive,
}

/// The pronoun a token is, if any. Asked of every word: inlined, most words are dismissed by
/// their length alone.
#[inline]
pub fn pronoun(t: &Token) -> Option<Pronoun> {
    // every pronoun has two or three letters: most words need no comparison
    if !(2..=3).contains(&t.text.len()) {
        return None;
    }
    match t.text {
        "he" | "He" | "she" | "She" => Some(Pronoun::Subject),
        "his" | "His" | "her" | "Her" => Some(Pronoun::Possessive),
        _ => None,
    }
}
