//! The expression rules. Each rule is anchored on one token (a keyword the keyword pass marked,
//! a number, or a word-number like `Q3`) and looks a few tokens either side, so a sentence costs
//! one pass over its tokens. Rules say what they found as a token range and a value to resolve.

mod calendar;
mod relative;

use super::lexicon::{Lexicon, Unit, Word};
use super::resolve::Rel;
use super::tokens::{Kind, Tok};
use super::value::DateValue;
use super::TimexKind;

/// What a rule found, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Val {
    /// The text gives the calendar value.
    Abs(DateValue),
    /// Relative to the reference date.
    Rel(Rel),
    /// A temporal expression with no calendar value; `explicit` when the text is precise
    /// (`the 1990s`) rather than vague (`recently`).
    Null { explicit: bool },
    /// Looks like a date but is none (`Feb. 29, 2023`): the tokens are consumed, nothing reported.
    Invalid,
    /// Days from the last dated day told before it (`the next day` +1, `that day` 0).
    Anchored(i64),
}

/// One match: tokens `a..b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub a: usize,
    pub b: usize,
    pub val: Val,
    pub kind: TimexKind,
}

impl Found {
    fn date(a: usize, b: usize, val: Val) -> Option<Found> {
        Some(Found {
            a,
            b,
            val,
            kind: TimexKind::Date,
        })
    }
}

/// The tokens of one sentence, seen by the rules.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
    /// Rules may not reach left of this token (it ends the previous match).
    pub floor: usize,
}

impl<'a> Ctx<'a> {
    /// Text of token `i` (empty past the end).
    fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn tok(&self, i: usize) -> Option<&'a Tok> {
        self.toks.get(i)
    }

    /// Token `i` is the word `w` (any case).
    fn is(&self, i: usize, w: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(w)
    }

    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        let s = self.s(i);
        !s.is_empty() && ws.iter().any(|w| s.eq_ignore_ascii_case(w))
    }

    /// Token `i` is the punctuation character `c`.
    fn punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct) && self.s(i).starts_with(c)
    }

    /// Token `i` follows the previous one with no space.
    fn adj(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    /// What word token `i` can be.
    fn words(&self, i: usize) -> &'a [Word] {
        match self.tok(i) {
            Some(t) if t.kind == Kind::Word => self.lex.lookup(self.s(i)),
            _ => &[],
        }
    }

    fn has(&self, i: usize, f: impl Fn(&Word) -> bool) -> bool {
        self.words(i).iter().any(f)
    }

    /// The token before `i`, if rules may reach it.
    fn prev(&self, i: usize) -> Option<usize> {
        (i > self.floor).then(|| i - 1)
    }

    /// The shift word (`last` -1, `this` 0, `next` 1) at `i`.
    fn shift(&self, i: usize) -> Option<i8> {
        self.words(i).iter().find_map(|w| match w {
            Word::Shift(s) => Some(*s),
            _ => None,
        })
    }

    fn unit(&self, i: usize) -> Option<Unit> {
        self.words(i).iter().find_map(|w| match w {
            Word::Unit(u) => Some(*u),
            _ => None,
        })
    }

    /// A number of digits `Num` token's value.
    fn num(&self, i: usize, digits: std::ops::RangeInclusive<u8>) -> Option<u32> {
        let t = self.tok(i)?;
        (t.kind == Kind::Num && digits.contains(&t.digits)).then_some(t.num)
    }

    /// A four-digit year inside a date (`November 22, 2024`): not part of a longer number.
    fn year_num(&self, i: usize) -> Option<i32> {
        let y = self.num(i, 4..=4)?;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        // `2024.5`, `2024,000`, `2024:30` are numbers, not years.
        if self.adj(i + 1)
            && (self.punct(i + 1, '.') || self.punct(i + 1, ',') || self.punct(i + 1, ':'))
            && self.num(i + 2, 1..=9).is_some()
            && self.adj(i + 2)
        {
            return None;
        }
        Some(y as i32)
    }

    /// A day of a month: `22`, `22nd`, `1st`.
    fn day_num(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        let d = match t.kind {
            Kind::Num if t.digits <= 2 => t.num,
            Kind::Alnum => {
                let s = self.s(i);
                let digits = s.bytes().take_while(u8::is_ascii_digit).count();
                let suffix = s.get(digits..)?;
                if digits == 0
                    || digits > 2
                    || !["st", "nd", "rd", "th"]
                        .iter()
                        .any(|x| suffix.eq_ignore_ascii_case(x))
                {
                    return None;
                }
                s.get(..digits)?.parse().ok()?
            }
            _ => return None,
        };
        if !(1..=31).contains(&d) {
            return None;
        }
        // `May 5:30`, `June 3.5`, `April 30%` are not days.
        if self.adj(i + 1) && (self.punct(i + 1, ':') || self.punct(i + 1, '%')) {
            return None;
        }
        if self.adj(i + 1)
            && self.punct(i + 1, '.')
            && self.adj(i + 2)
            && self.num(i + 2, 1..=9).is_some()
        {
            return None;
        }
        Some(d as u8)
    }
}

/// The match anchored at token `i`, if any.
pub(crate) fn at(c: &Ctx, i: usize) -> Option<Found> {
    let t = c.tok(i)?;
    let found = match t.kind {
        Kind::Word if t.trigger => relative::word(c, i).or_else(|| calendar::month(c, i)),
        Kind::Num => calendar::number(c, i),
        Kind::Alnum => calendar::alnum(c, i),
        Kind::Punct => calendar::apostrophe_decade(c, i),
        _ => None,
    }?;
    // Defensive: a rule never reaches left of the floor, and always moves on.
    (found.a >= c.floor && found.a <= i && found.b > i && found.b <= c.toks.len()).then_some(found)
}
