//! Rules for calendar names and numbers: months with or without day and year, ISO and numeric
//! dates, years (with the checks that keep `Section 2015` and `$2,008` out), decades, quarters
//! (`Q3`) and fiscal years (`FY2007`).

use super::{Ctx, Found, Val};
use crate::temporal::lexicon::Word;
use crate::temporal::resolve::Rel;
use crate::temporal::tokens::Kind;
use crate::temporal::value::DateValue;
use crate::temporal::TimexKind;

/// The month named at `i` and the token after it (past an abbreviation's period).
pub(super) fn month_word(c: &Ctx, i: usize) -> Option<(u8, usize)> {
    let t = c.tok(i)?;
    if t.kind != Kind::Word || !t.cap {
        return None;
    }
    let m = c.words(i).iter().find_map(|w| match w {
        Word::Month(m) => Some(*m),
        _ => None,
    })?;
    let s = c.s(i);
    let full = s.len() >= 5
        || ["may", "june", "july"]
            .iter()
            .any(|x| s.eq_ignore_ascii_case(x));
    if full {
        // `Mar.`-style periods after full names do not occur; `May.` ends a sentence.
        return Some((m, i + 1));
    }
    // An abbreviation (`Nov.`, `Sept`) needs a day or year after it, or a preposition before it:
    // `Dong Jun.` ends a name.
    let j = if c.punct(i + 1, '.') && c.adj(i + 1) {
        i + 2
    } else {
        i + 1
    };
    let number_after = c.num(j, 1..=4).is_some() || c.day_num(j).is_some();
    let prep_before = c.prev(i).is_some_and(|p| {
        c.has(p, |w| {
            matches!(w, Word::Prep | Word::Shift(_) | Word::Approx)
        }) && !c.is(p, "and")
    });
    (number_after || (prep_before && j == i + 2)).then_some((m, j))
}

/// A year after a month or day: `2024`, `, 2024`, `of 2024`; returns it and the token after.
fn year_after(c: &Ctx, j: usize) -> Option<(i32, usize)> {
    if let Some(y) = c.year_num(j) {
        return Some((y, j + 1));
    }
    if c.punct(j, ',') || c.is(j, "of") {
        if let Some(y) = c.year_num(j + 1) {
            return Some((y, j + 2));
        }
    }
    None
}

/// A day value or `Invalid` when the date does not exist.
fn day_val(y: i32, m: u8, d: u8) -> Val {
    DateValue::ymd(y, u32::from(m), u32::from(d)).map_or(Val::Invalid, Val::Abs)
}

/// True when some year has this month and day.
fn day_exists(m: u8, d: u8) -> bool {
    DateValue::ymd(2024, u32::from(m), u32::from(d)).is_some()
}

/// `of this year`, `of last year`: the year shift.
fn of_shifted_year(c: &Ctx, j: usize) -> Option<i32> {
    if !c.is(j, "of") {
        return None;
    }
    let s = c.shift(j + 1)?;
    (c.unit(j + 2) == Some(crate::temporal::lexicon::Unit::Year) && !c.s(j + 2).ends_with('s'))
        .then_some(i32::from(s))
}

/// Months: `November 22, 2024`, `Nov. 22`, `October 2018`, `January of this year`, `in June`,
/// `last March`, `mid-June`.
pub(super) fn month(c: &Ctx, i: usize) -> Option<Found> {
    let (m, j) = month_word(c, i)?;
    // Month day [year]
    if let Some(d) = c.day_num(j) {
        let k = j + 1;
        if let Some((y, b)) = year_after(c, k) {
            return Found::date(i, b, day_val(y, m, d));
        }
        if !day_exists(m, d) {
            return Found::date(i, k, Val::Invalid);
        }
        // `June 17 2009`-less: a day of this month in the reference year.
        return Found::date(i, k, Val::Rel(Rel::MonthDay { month: m, day: d }));
    }
    let mut a = i;
    // Modifiers: `early`, `mid-`, `late`, `last`, `next`, `this`.
    let mut shift = None;
    let mut modified = false;
    if let Some(p) = c.prev(i) {
        if c.punct(p, '-') && c.adj(i) {
            if let Some(pp) = c.prev(p) {
                if c.is(pp, "mid") {
                    a = pp;
                    modified = true;
                }
            }
        } else if c.has(p, |w| matches!(w, Word::Approx)) {
            a = p;
            modified = true;
        } else if let Some(s) = c.shift(p) {
            a = p;
            shift = Some(s);
            modified = true;
        }
    }
    if let Some((y, b)) = year_after(c, j) {
        return Found::date(
            a,
            b,
            DateValue::month(y, u32::from(m)).map_or(Val::Invalid, Val::Abs),
        );
    }
    if let Some(years) = of_shifted_year(c, j) {
        return Found::date(a, j + 3, Val::Rel(Rel::MonthOf { month: m, years }));
    }
    // A month name alone: `May` and `March` are words too, so they need a preposition or modifier.
    let prep_before = c
        .prev(i)
        .is_some_and(|p| c.has(p, |w| matches!(w, Word::Prep)) || c.punct(p, '-'));
    if !modified && !prep_before {
        let ambiguous = matches!(m, 3 | 5) || c.s(i).len() <= 4 && m != 6 && m != 7;
        if ambiguous {
            return None;
        }
        // A capitalised word after a month name alone is usually a name (`June Carter`).
        let sentence_start = i == 0;
        if sentence_start && c.tok(j).is_some_and(|t| t.cap) {
            return None;
        }
    }
    Found::date(a, j, Val::Rel(Rel::Month { month: m, shift }))
}

/// A number token: ISO and numeric dates, day-month dates, years.
pub(super) fn number(c: &Ctx, i: usize) -> Option<Found> {
    let t = c.tok(i)?;
    match t.digits {
        1 | 2 => day_first(c, i).or_else(|| numeric_date(c, i)),
        4 => iso_date(c, i)
            .or_else(|| decade(c, i))
            .or_else(|| year(c, i)),
        _ => None,
    }
}

/// `22 November 2024`, `22 Nov`, `22nd of November`.
fn day_first(c: &Ctx, i: usize) -> Option<Found> {
    let d = c.day_num(i)?;
    // Not `2,008` or `1.5`: the number stands alone.
    if let Some(p) = i.checked_sub(1) {
        if c.adj(i) && c.tok(p).is_some_and(|t| t.kind != Kind::Word) && !c.punct(p, '(') {
            return None;
        }
    }
    let mut j = i + 1;
    if c.is(j, "of") {
        j += 1;
    }
    let (m, k) = month_word(c, j)?;
    let a = match c.prev(i) {
        Some(p) if c.is(p, "the") => p,
        _ => i,
    };
    if let Some((y, b)) = year_after(c, k) {
        return Found::date(a, b, day_val(y, m, d));
    }
    if !day_exists(m, d) {
        return Found::date(a, k, Val::Invalid);
    }
    Found::date(a, k, Val::Rel(Rel::MonthDay { month: m, day: d }))
}

/// `11/22/2024` (month first, unless the first number cannot be a month).
fn numeric_date(c: &Ctx, i: usize) -> Option<Found> {
    let sep = c.s(i + 1);
    if !(sep == "/" || sep == ".") || !c.adj(i + 1) || !c.adj(i + 2) || c.s(i + 3) != sep {
        return None;
    }
    if !c.adj(i + 3) || !c.adj(i + 4) {
        return None;
    }
    let x = c.num(i, 1..=2)?;
    let z = c.num(i + 2, 1..=2)?;
    let y = c.year_num(i + 4)?;
    // Part of a longer dotted or slashed run (`1.2.3.2024`): a version, not a date.
    if (i > 0 && c.adj(i) && !c.punct(i - 1, '('))
        || (c.adj(i + 5)
            && c.tok(i + 5)
                .is_some_and(|t| t.kind != Kind::Punct || c.s(i + 5) == sep))
    {
        return None;
    }
    let (m, d) = if sep == "." || x > 12 { (z, x) } else { (x, z) };
    Found::date(i, i + 5, day_val(y, m as u8, d as u8))
}

/// `2024-11-22`, `2024/11/22`.
fn iso_date(c: &Ctx, i: usize) -> Option<Found> {
    let sep = c.s(i + 1);
    if !(sep == "-" || sep == "/") || c.s(i + 3) != sep {
        return None;
    }
    if !(c.adj(i + 1) && c.adj(i + 2) && c.adj(i + 3) && c.adj(i + 4)) {
        return None;
    }
    let y = c.year_num(i)?;
    let m = c.num(i + 2, 1..=2)?;
    let d = c.num(i + 4, 1..=2)?;
    if c.adj(i + 5)
        && c.tok(i + 5)
            .is_some_and(|t| t.kind != Kind::Punct || c.s(i + 5) == sep)
    {
        return None;
    }
    Found::date(i, i + 5, day_val(y, m as u8, d as u8))
}

/// `1990's` (a four-digit decade with a split `'s`).
fn decade(c: &Ctx, i: usize) -> Option<Found> {
    let y = c.num(i, 4..=4)?;
    if y % 10 != 0 || !(c.punct(i + 1, '\'') || c.punct(i + 1, '’')) || !c.adj(i + 1) {
        return None;
    }
    if !(c.adj(i + 2) && c.is(i + 2, "s")) {
        return None;
    }
    Found::date(decade_start(c, i), i + 3, Val::Null { explicit: true })
}

/// Where a decade's expression starts: `the late 1980s`.
fn decade_start(c: &Ctx, i: usize) -> usize {
    let mut a = i;
    if let Some(p) = c.prev(a) {
        if c.has(p, |w| matches!(w, Word::Approx)) {
            a = p;
        }
    }
    if let Some(p) = c.prev(a) {
        if c.is(p, "the") {
            a = p;
        }
    }
    a
}

const MONEY_OR_CODE: &[char] = &[
    '$', '€', '£', '¥', '#', '+', '/', '\\', '.', ':', '&', '@', '%', '=', '*', '^', '_', '~',
];

/// False when token `p` before a four-digit number at `i` shows it is no year: `F-2015`,
/// `555-2015`, `$2008`, `#2015`, `Section 2015`, `No. 2015`.
fn year_may_follow(c: &Ctx, p: usize, i: usize) -> bool {
    if c.adj(i) && c.punct(p, '-') {
        // `mid-2011` and `1990-2015` are years.
        return p
            .checked_sub(1)
            .is_some_and(|pp| c.is(pp, "mid") || (c.year_num(pp).is_some() && c.adj(p)));
    }
    let not_year_word = |k: usize| c.has(k, |w| matches!(w, Word::NotYearBefore));
    let code = c.adj(i) && (c.s(p).starts_with(MONEY_OR_CODE) || c.punct(p, ','));
    let number = c
        .tok(p)
        .is_some_and(|t| t.kind == Kind::Num || t.kind == Kind::Alnum);
    let abbrev = c.punct(p, '.') && p.checked_sub(1).is_some_and(not_year_word);
    !(code || number || abbrev || not_year_word(p))
}

/// A year: `in 2022`, `since 2015`, `mid-2011`, `the 2008 Joint Declaration`. Numbers that only
/// look like years stay out.
fn year(c: &Ctx, i: usize) -> Option<Found> {
    let y = c.year_num(i)?;
    let p = i.checked_sub(1);
    // What comes before.
    if let Some(p) = p {
        if !year_may_follow(c, p, i) {
            return None;
        }
    }
    // What comes after.
    let n = i + 1;
    if c.adj(n) {
        if c.punct(n, '%') {
            return None;
        }
        if (c.punct(n, '-') || c.punct(n, '/')) && c.adj(n + 1) {
            let range_end = c.num(n + 1, 2..=2).is_some() || c.year_num(n + 1).is_some();
            if !range_end || c.punct(n, '/') && c.num(n + 1, 2..=2).is_none() {
                return None;
            }
        }
    }
    if c.has(n, |w| matches!(w, Word::NotYearAfter)) || c.num(n, 1..=9).is_some() {
        return None;
    }
    let prev_word = p.filter(|&p| p >= c.floor);
    let prep = prev_word.is_some_and(|p| {
        c.has(p, |w| {
            matches!(w, Word::Prep | Word::Approx | Word::Fiscal | Word::Unit(_))
        }) || c.punct(p, '-')
    });
    if !(1900..=2100).contains(&y) && !prep {
        return None;
    }
    // Extent and value: `mid-2011` is its middle month, `fiscal 2007` its year.
    let mut a = i;
    let mut val = Val::Abs(DateValue::Year(y));
    if let Some(p) = c.prev(i) {
        if c.punct(p, '-') && c.adj(i) && c.prev(p).is_some_and(|pp| c.is(pp, "mid")) {
            a = p - 1;
            val = DateValue::month(y, 6).map_or(val, Val::Abs);
        } else if c.is(p, "mid") {
            a = p;
            val = DateValue::month(y, 6).map_or(val, Val::Abs);
        } else if c.has(p, |w| matches!(w, Word::Approx | Word::Fiscal)) {
            a = p;
        } else if c.is(p, "year") && c.prev(p).is_some_and(|pp| c.is(pp, "the")) {
            a = p - 1;
        }
    }
    let kind = if is_background(c, a, i) {
        TimexKind::Background
    } else {
        TimexKind::Date
    };
    Some(Found {
        a,
        b: i + 1,
        val,
        kind,
    })
}

/// A year that names a thing: `the 2008 Joint Declaration`, `its 2011 version`, `WWDC 2005`.
fn is_background(c: &Ctx, a: usize, i: usize) -> bool {
    let Some(p) = a.checked_sub(1) else {
        return false;
    };
    let det = c.is_any(
        p,
        &[
            "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "s",
        ],
    );
    let n = i + 1;
    let noun_after = c.has(n, |w| matches!(w, Word::Background))
        || (c.tok(n).is_some_and(|t| t.cap && t.kind == Kind::Word)
            && !c.has(n, |w| {
                matches!(w, Word::Month(_) | Word::Weekday(_) | Word::Prep)
            }));
    if det && noun_after {
        return true;
    }
    // A name before the year (`WWDC 2005`, `Windows 2000`), not a preposition or a date word.
    let name_before = c.tok(p).is_some_and(|t| t.cap && t.kind != Kind::Punct)
        && p > 0
        && !c.has(p, |w| {
            matches!(
                w,
                Word::Prep
                    | Word::Month(_)
                    | Word::Weekday(_)
                    | Word::Approx
                    | Word::Fiscal
                    | Word::Season(_)
            )
        });
    name_before
}

/// Word-number tokens: `Q3`, `FY2007`, `1990s`, `22nd November`.
pub(super) fn alnum(c: &Ctx, i: usize) -> Option<Found> {
    let s = c.s(i);
    let b = s.as_bytes();
    // Q1-Q4
    if b.len() == 2 && b[0] == b'Q' && (b'1'..=b'4').contains(&b[1]) {
        let q = b[1] - b'0';
        if let Some((y, e)) = year_after(c, i + 1) {
            return Found::date(i, e, Val::Abs(DateValue::Quarter(y, q)));
        }
        if let Some(p) = c.prev(i) {
            if let Some(y) = c.year_num(p) {
                return Found::date(p, i + 1, Val::Abs(DateValue::Quarter(y, q)));
            }
        }
        return Found::date(i, i + 1, Val::Rel(Rel::Quarter(q)));
    }
    // FY2007, FY07
    if b.len() >= 4 && b[..2].eq_ignore_ascii_case(b"fy") && b[2..].iter().all(u8::is_ascii_digit) {
        let n: i32 = s.get(2..)?.parse().ok()?;
        let y = match b.len() {
            4 => {
                if n < 50 {
                    2000 + n
                } else {
                    1900 + n
                }
            }
            6 => n,
            _ => return None,
        };
        return Found::date(i, i + 1, Val::Abs(DateValue::Year(y)));
    }
    // 1990s, 90s after an apostrophe is handled by `apostrophe_decade`.
    if b.len() == 5
        && b[4].eq_ignore_ascii_case(&b's')
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[3] == b'0'
    {
        return Found::date(decade_start(c, i), i + 1, Val::Null { explicit: true });
    }
    day_first(c, i)
}

/// `the '90s`.
pub(super) fn apostrophe_decade(c: &Ctx, i: usize) -> Option<Found> {
    if !(c.punct(i, '\'') || c.punct(i, '’')) || !c.adj(i + 1) {
        return None;
    }
    let s = c.s(i + 1).as_bytes();
    if s.len() == 3 && s[0].is_ascii_digit() && s[1] == b'0' && s[2].eq_ignore_ascii_case(&b's') {
        return Found::date(decade_start(c, i), i + 2, Val::Null { explicit: true });
    }
    None
}
