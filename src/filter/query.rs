//! Parsing a query into groups of terms, and deciding whether one query narrows another.
//!
//! A query is a list of space-separated terms that must all match; a backslash escapes a space
//! (`@Rajnath\ Singh`). A lone `|` between two terms makes them alternatives. Each term is an
//! fzf atom (`foo` fuzzy, `'foo` substring, `^foo` prefix, `foo$` suffix, `^foo$` exact, `!…`
//! negated), parsed by nucleo-matcher, with an optional scope prefix `@` or `actor:` (before or
//! after `!`) that restricts it to the actors.

use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::Utf32Str;

/// Which fields of an event a term is matched against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// Title, date and each actor.
    All,
    /// Each actor only.
    Actors,
}

/// One parsed term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub scope: Scope,
    /// Negated: the event must not match.
    pub negative: bool,
    /// The atom, always with `negative == false` (negation is applied here).
    pub atom: Atom,
    pub kind: AtomKind,
    /// The needle when it is ASCII (as nucleo stores it: not folded).
    pub ascii: Option<Box<[u8]>>,
    /// The needle's characters.
    pub chars: Box<[char]>,
    /// Case-insensitive (smart case: the needle has no upper-case letter).
    pub ignore_case: bool,
    /// Haystack characters are normalised (`é` matches `e`), as nucleo decides for the needle.
    pub normalize: bool,
    /// Letters, digits and other ASCII characters the needle needs (see [`bit`]).
    pub mask: u64,
    /// For an anchored term, the title edges it needs (see `haystack::needle_edges`).
    pub edges: u16,
    /// One letter or digit, case-insensitive, fuzzy or substring: on an ASCII row the mask
    /// alone decides it.
    pub by_mask: bool,
}

/// A parsed query: every group must match; a group matches when one of its terms does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Query {
    pub groups: Vec<Vec<Term>>,
}

/// The mask bit of an ASCII byte: letters (either case) and digits have their own bit, other
/// bytes share the remaining ones. Bit 63 is left free.
#[inline]
pub(crate) fn bit(b: u8) -> u64 {
    BITS[b as usize]
}

const fn bit_of(b: u8) -> u64 {
    let b = b.to_ascii_lowercase();
    let i = match b {
        b'a'..=b'z' => b - b'a',
        b'0'..=b'9' => 26 + b - b'0',
        _ => 36 + b % 27,
    };
    1u64 << i
}

const BITS: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = bit_of(b as u8);
        b += 1;
    }
    t
};

/// Splits a query into raw terms at unescaped spaces, as nucleo's pattern parser does.
pub(crate) fn raw_terms(query: &str) -> impl Iterator<Item = &str> + '_ {
    let mut saw_backslash = false;
    query
        .split(move |c| {
            saw_backslash = match c {
                ' ' if !saw_backslash => return true,
                '\\' => true,
                _ => false,
            };
            false
        })
        .filter(|t| !t.is_empty())
}

fn strip_scope(t: &str) -> Option<&str> {
    t.strip_prefix('@').or_else(|| t.strip_prefix("actor:"))
}

/// Parses one raw term; `None` when it asks for nothing (an empty needle such as `!` or `@`).
pub(crate) fn parse_term(raw: &str) -> Option<Term> {
    let raw = raw.replace('\0', " ");
    let (scope, body): (Scope, String) = if let Some(rest) = raw.strip_prefix('!') {
        match strip_scope(rest) {
            Some(r) => (Scope::Actors, format!("!{r}")),
            None => (Scope::All, raw.clone()),
        }
    } else {
        match strip_scope(&raw) {
            Some(r) => (Scope::Actors, r.to_string()),
            // `\@x` is a literal `@x`.
            None if raw.starts_with("\\@") => (Scope::All, raw[1..].to_string()),
            None => (Scope::All, raw.clone()),
        }
    };
    let body = body.replace("\\ ", " ");
    let mut atom = Atom::parse(&body, CaseMatching::Smart, Normalization::Smart);
    let negative = atom.negative;
    atom.negative = false;
    let needle = atom.needle_text();
    if needle.is_empty() {
        return None;
    }
    let chars: Box<[char]> = needle.chars().collect();
    let normalize = chars
        .iter()
        .all(|&c| nucleo_matcher::chars::normalize(c) == c);
    let (ascii, ignore_case, mask) = match needle {
        Utf32Str::Ascii(b) => {
            let ic = !b.iter().any(|c| c.is_ascii_uppercase());
            let mask = b.iter().fold(0, |m, &c| m | bit(c));
            (Some(Box::<[u8]>::from(b)), ic, mask)
        }
        Utf32Str::Unicode(cs) => {
            let ic = !cs.iter().any(|&c| nucleo_matcher::chars::is_upper_case(c));
            let mask = cs
                .iter()
                .filter(|c| c.is_ascii())
                .fold(0, |m, &c| m | bit(c as u8));
            (None, ic, mask)
        }
    };
    let edges = ascii
        .as_deref()
        .map_or(0, |n| super::haystack::needle_edges(atom.kind, n));
    let by_mask = ignore_case
        && matches!(atom.kind, AtomKind::Fuzzy | AtomKind::Substring)
        && matches!(ascii.as_deref(), Some([c]) if c.is_ascii_alphanumeric());
    Some(Term {
        by_mask,
        scope,
        negative,
        kind: atom.kind,
        atom,
        ascii,
        chars,
        ignore_case,
        normalize,
        mask,
        edges,
    })
}

/// Parses a query.
pub(crate) fn parse(query: &str) -> Query {
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut or_next = false;
    for raw in raw_terms(query) {
        if raw == "|" {
            or_next = !groups.is_empty();
            continue;
        }
        let Some(term) = parse_term(raw) else {
            continue;
        };
        match groups.last_mut() {
            Some(g) if or_next => g.push(term),
            _ => groups.push(vec![term]),
        }
        or_next = false;
    }
    // alternatives with short needles are tried first: they match most often, and a single
    // letter is decided by a row's mask alone
    for g in &mut groups {
        g.sort_by_key(|t| (t.negative, t.chars.len()));
    }
    Query { groups }
}

fn is_subsequence(small: &[u8], big: &[u8]) -> bool {
    let mut it = big.iter();
    small.iter().all(|c| it.any(|b| b == c))
}

fn contains(big: &[u8], small: &[u8]) -> bool {
    small.len() <= big.len() && big.windows(small.len()).any(|w| w == small)
}

/// Whether every field `x` matches is also matched by `y` (both positive).
fn positive_implies(x: &Term, y: &Term) -> bool {
    if x.scope == Scope::All && y.scope == Scope::Actors {
        return false;
    }
    if x.atom == y.atom {
        return true;
    }
    let (Some(xn), Some(yn)) = (&x.ascii, &y.ascii) else {
        return false;
    };
    let xn: Vec<u8> = if y.ignore_case {
        xn.to_ascii_lowercase()
    } else if x.ignore_case {
        return false;
    } else {
        xn.to_vec()
    };
    let yn: &[u8] = yn;
    use AtomKind::*;
    match y.kind {
        Fuzzy => is_subsequence(yn, &xn),
        Substring => matches!(x.kind, Substring | Prefix | Postfix | Exact) && contains(&xn, yn),
        Prefix => matches!(x.kind, Prefix | Exact) && xn.starts_with(yn),
        Postfix => matches!(x.kind, Postfix | Exact) && xn.ends_with(yn),
        Exact => x.kind == Exact && xn == yn,
        _ => false,
    }
}

/// Whether an event satisfying term `new` satisfies term `old`.
fn term_implies(new: &Term, old: &Term) -> bool {
    match (new.negative, old.negative) {
        (false, false) => positive_implies(new, old),
        (true, true) => positive_implies(old, new),
        _ => false,
    }
}

/// Whether every event matching the group `new` matches the group `old`, so that `new` need
/// only be tried on the events `old` kept. Conservative: `false` when unsure.
pub(crate) fn group_narrows(new: &[Term], old: &[Term]) -> bool {
    new.iter().all(|n| old.iter().any(|o| term_implies(n, o)))
}
