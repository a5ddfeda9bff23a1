//! The temporal tagger: finds temporal expressions in sentences and gives each a calendar value
//! at the precision the text gives, resolving relative ones against the reference date with the
//! tense of their clause. Knows nothing of actors or events.
//!
//! Per sentence: one with no digit and none of the words that can start an expression (a scan of
//! its words, [`lexicon`]) is skipped. Otherwise it is split into tokens once, which marks those
//! words, and the rules ([`rules`]) run on the marked words and numbers only, each looking a few
//! tokens either side; relative values are resolved last ([`resolve`], [`tense`]).

mod lexicon;
mod resolve;
mod rules;
mod tense;
mod tokens;
mod value;

pub use value::{Basis, DateValue, Precision};

use std::cell::RefCell;

use chrono::NaiveDate;
use serde::Serialize;

use crate::sentences::{Sentence, SentenceKind};
use lexicon::LEXICON_DATA;
use resolve::Dir;
use rules::{Ctx, Val};
use tokens::Tok;

/// What kind of temporal expression it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimexKind {
    /// A calendar date or period (`November 22, 2024`, `last week`, `in 2022`).
    Date,
    /// The present (`now`, `currently`): value null or the reference date.
    Present,
    /// Background mention (`the 2008 Joint Declaration`): dates a thing, not a happening.
    Background,
    /// A time with no calendar value (`recently`, `later`, `the past decade`, `two years
    /// later`): always null.
    Vague,
}

/// One temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Timex {
    /// First byte of the expression (file offset).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its calendar value, or `None` when it cannot be resolved.
    pub value: Option<DateValue>,
    /// How the value was found.
    pub basis: Basis,
    /// What kind of expression it is.
    pub kind: TimexKind,
}

/// Buffers reused across sentences and calls: tokens.
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Finds the temporal expressions of `text` within the given sentences, resolving relative ones
/// against `reference`.
pub fn tag(text: &str, sentences: &[Sentence], reference: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    BUFFERS.with(|cell| {
        let Ok(mut guard) = cell.try_borrow_mut() else {
            return;
        };
        let buf = &mut *guard;
        for s in sentences {
            if let Some(sentence) = text.get(s.start..s.end) {
                tag_sentence(sentence, s.start, reference, buf, &mut out);
            }
        }
    });
    out
}

/// [`tag`] on a whole string taken as one sentence.
pub fn tag_str(text: &str, reference: Option<NaiveDate>) -> Vec<Timex> {
    let whole = Sentence {
        start: 0,
        end: text.len(),
        kind: SentenceKind::Text,
        paragraph: 0,
    };
    tag(text, &[whole], reference)
}

/// Tags one sentence whose first byte is at `offset` in the file.
fn tag_sentence(
    sentence: &str,
    offset: usize,
    reference: Option<NaiveDate>,
    buf: &mut Buffers,
    out: &mut Vec<Timex>,
) {
    let lex = &*LEXICON_DATA;
    if !tokens::has_digit(sentence) && lex.first_trigger(sentence, 0).is_none() {
        return;
    }
    let toks = &mut buf.toks;
    tokens::tokenize(sentence, lex, toks);
    let toks = &*toks;
    let mut ctx = Ctx {
        text: sentence,
        toks,
        lex,
        floor: 0,
    };
    let mut i = 0;
    while i < toks.len() {
        let Some(f) = rules::at(&ctx, i) else {
            i += 1;
            continue;
        };
        i = f.b;
        ctx.floor = f.b;
        let (Some(first), Some(last)) = (toks.get(f.a), toks.get(f.b - 1)) else {
            continue;
        };
        let (value, basis) = match f.val {
            Val::Invalid => continue,
            Val::Abs(v) => (Some(v), Basis::Explicit),
            Val::Null { explicit: true } => (None, Basis::Explicit),
            Val::Null { explicit: false } => (None, Basis::Unresolved),
            Val::Anchored(n) => {
                let anchor = out.iter().rev().find_map(|t| match t.value {
                    Some(DateValue::Day(d)) if t.kind == TimexKind::Date => Some(d),
                    _ => None,
                });
                let day =
                    anchor.and_then(|d| d.checked_add_signed(chrono::TimeDelta::try_days(n)?));
                match day {
                    Some(d) => (Some(DateValue::Day(d)), Basis::Relative),
                    None => (None, Basis::Unresolved),
                }
            }
            Val::Rel(rel) => match reference {
                None => (None, Basis::Unresolved),
                Some(r) => {
                    let dir = if rel.needs_tense() {
                        tense::direction(lex, sentence, toks, f.a, f.b)
                    } else {
                        Dir::Neutral
                    };
                    match resolve::resolve(rel, r, dir) {
                        Some(v) => (Some(v), Basis::Relative),
                        None => (None, Basis::Unresolved),
                    }
                }
            },
        };
        out.push(Timex {
            start: offset + first.start,
            end: offset + last.end,
            value,
            basis,
            kind: f.kind,
        });
    }
}
