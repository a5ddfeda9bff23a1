//! Rules for words read against the reference date: weekdays, `today`, `now`, `recently`, units
//! with a shift (`last week`, `the end of the year`, `a year ago`), quarters and halves,
//! seasons, parts of a day and fiscal years.

use super::calendar::month_word;
use super::{Ctx, Found, Val};
use crate::temporal::lexicon::{Unit, Word};
use crate::temporal::resolve::Rel;
use crate::temporal::value::DateValue;
use crate::temporal::TimexKind;

/// The match anchored at the keyword at `i` (months are left to the calendar rules).
pub(super) fn word(c: &Ctx, i: usize) -> Option<Found> {
    for w in c.words(i) {
        let found = match *w {
            Word::Weekday(d) => weekday(c, i, d),
            Word::Deictic(n) => deictic(c, i, n),
            Word::Present => present(c, i),
            Word::Vague => vague(c, i),
            Word::Later => later(c, i),
            Word::Period => open_period(c, i),
            Word::Future => future(c, i),
            Word::Past => past(c, i),
            Word::Unit(u) => unit(c, i, u),
            Word::Season(m) => season(c, i, m),
            Word::Part => part_of_day(c, i),
            Word::Fiscal => fiscal(c, i),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

fn vague_found(a: usize, b: usize) -> Option<Found> {
    Some(Found {
        a,
        b,
        val: Val::Null { explicit: false },
        kind: TimexKind::Vague,
    })
}

/// `morning`, `night` ... after a day (`Friday morning`): the token after the expression.
fn part_after(c: &Ctx, j: usize) -> usize {
    if c.has(j, |w| matches!(w, Word::Part)) {
        j + 1
    } else {
        j
    }
}

/// `Friday`, `on Friday`, `last Friday`, `next Monday`, `Friday morning`, `Friday, Nov. 22`.
fn weekday(c: &Ctx, i: usize, day: u8) -> Option<Found> {
    if !c.tok(i)?.cap {
        return None;
    }
    // `Good Friday`, `Black Friday`, `Super Tuesday` are names.
    if let Some(p) = c.prev(i) {
        if c.tok(p).is_some_and(|t| t.cap)
            && c.is_any(
                p,
                &[
                    "good", "black", "super", "ash", "holy", "cyber", "easter", "palm", "shrove",
                ],
            )
        {
            return None;
        }
    }
    // A full date after the weekday makes one expression.
    let j = if c.punct(i + 1, ',') { i + 2 } else { i + 1 };
    if month_word(c, j).is_some() {
        if let Some(f) = super::calendar::month(c, j) {
            if f.a == j
                && matches!(
                    f.val,
                    Val::Abs(DateValue::Day(_)) | Val::Rel(Rel::MonthDay { .. }) | Val::Invalid
                )
            {
                return Some(Found { a: i, ..f });
            }
        }
    }
    if c.day_num(j).is_some() && month_word(c, j + 1).is_some() {
        if let Some(f) = super::calendar::number(c, j) {
            return Some(Found { a: i, ..f });
        }
    }
    let mut a = i;
    let mut shift = None;
    if let Some(p) = c.prev(i) {
        if let Some(s) = c.shift(p) {
            a = p;
            shift = Some(s);
        }
    }
    Found::date(
        a,
        part_after(c, i + 1),
        Val::Rel(Rel::Weekday { day, shift }),
    )
}

/// `today`, `yesterday`, `tomorrow`, `tonight` (and `yesterday morning`).
fn deictic(c: &Ctx, i: usize, n: i8) -> Option<Found> {
    if let Some(p) = c.prev(i) {
        // `USA Today` is a newspaper.
        if c.tok(i)?.cap && c.tok(p).is_some_and(|t| t.cap) && c.is(p, "usa") {
            return None;
        }
    }
    Found::date(i, part_after(c, i + 1), Val::Rel(Rel::Days(i64::from(n))))
}

/// `now`, `currently`.
fn present(c: &Ctx, i: usize) -> Option<Found> {
    // `now-defunct` describes a thing.
    if c.punct(i + 1, '-') && c.adj(i + 1) {
        return None;
    }
    Some(Found {
        a: i,
        b: i + 1,
        val: Val::Rel(Rel::Present),
        kind: TimexKind::Present,
    })
}

/// `recently`, `more recently`, `until recently`.
fn vague(c: &Ctx, i: usize) -> Option<Found> {
    let a = match c.prev(i) {
        Some(p) if c.is_any(p, &["more", "most", "very", "only", "until", "till"]) => p,
        _ => i,
    };
    vague_found(a, i + 1)
}

/// `later this year`, `later in the week`, `at a later time`, `later`.
fn later(c: &Ctx, i: usize) -> Option<Found> {
    if c.is(i + 1, "than") || c.is(i + 1, "on") {
        return None;
    }
    // `later today`, `later Friday`: the day, from `later` on.
    if c.has(i + 1, |w| matches!(w, Word::Deictic(_) | Word::Weekday(_))) {
        let f = word(c, i + 1)?;
        return Some(Found { a: i, ..f });
    }
    if c.shift(i + 1).is_some() && c.unit(i + 2).is_some() {
        let f = unit(c, i + 2, c.unit(i + 2)?)?;
        return Some(Found { a: i, ..f });
    }
    if c.is(i + 1, "in") && c.is(i + 2, "the") {
        let rel = match c.unit(i + 3) {
            Some(Unit::Day) => Rel::Days(0),
            Some(Unit::Week) => Rel::Weeks(0),
            Some(Unit::Month) => Rel::Months(0),
            Some(Unit::Year) => Rel::Years(0),
            _ => return vague_found(i, i + 1),
        };
        return Found::date(i, i + 4, Val::Rel(rel));
    }
    if let Some(p) = c.prev(i) {
        if c.is_any(p, &["a", "the"]) && c.is_any(i + 1, &["time", "date", "stage", "point"]) {
            return vague_found(p, i + 2);
        }
        // `two years later` is the unit rule's; `a later version` is no time.
        if c.unit(p).is_some() || c.is_any(p, &["a", "an", "the"]) {
            return None;
        }
    }
    vague_found(i, i + 1)
}

/// `an undetermined period (of time)`, `an indefinite period`.
fn open_period(c: &Ctx, i: usize) -> Option<Found> {
    let adj = c.prev(i)?;
    if !c.is_any(
        adj,
        &[
            "undetermined",
            "unspecified",
            "indefinite",
            "unknown",
            "undisclosed",
        ],
    ) {
        return None;
    }
    let a = c
        .prev(adj)
        .filter(|&d| c.is_any(d, &["a", "an", "the"]))
        .unwrap_or(adj);
    let b = if c.is(i + 1, "of") && c.is(i + 2, "time") {
        i + 3
    } else {
        i + 1
    };
    vague_found(a, b)
}

/// `the future`, `the near future`.
fn future(c: &Ctx, i: usize) -> Option<Found> {
    let mut a = c.prev(i)?;
    if c.is_any(a, &["near", "distant", "foreseeable", "immediate"]) {
        a = c.prev(a)?;
    }
    if !c.is(a, "the")
        || c.tok(i + 1).is_some_and(|t| {
            t.kind == super::Kind::Word && !c.is_any(i + 1, &["and", "or", "but", "as"])
        })
    {
        return None;
    }
    vague_found(a, i + 1)
}

/// `in the past` (when no unit follows: `the past week` is the unit rule's).
fn past(c: &Ctx, i: usize) -> Option<Found> {
    let the = c.prev(i)?;
    let prep = c.prev(the)?;
    if !c.is(the, "the") || !c.is_any(prep, &["in", "of", "from"]) {
        return None;
    }
    let next_ok = match c.tok(i + 1) {
        None => true,
        Some(t) => t.kind == super::Kind::Punct || c.is_any(i + 1, &["and", "or", "but"]),
    };
    if !next_ok {
        return None;
    }
    vague_found(the, i + 1)
}

/// The value of `unit` shifted `k` times from the reference date.
fn shifted(unit: Unit, k: i32) -> Option<Val> {
    let rel = match unit {
        Unit::Day => Rel::Days(i64::from(k)),
        Unit::Week | Unit::Weekend => Rel::Weeks(i64::from(k)),
        Unit::Month => Rel::Months(k),
        Unit::Quarter => Rel::Quarters(k),
        Unit::Year => Rel::Years(k),
        Unit::Decade => return Some(Val::Null { explicit: false }),
        Unit::Half => return None,
    };
    Some(Val::Rel(rel))
}

/// Extends a unit expression's start leftward over `early`/`later` and `the end of`.
fn extend_left(c: &Ctx, mut a: usize) -> usize {
    if let Some(p) = c.prev(a) {
        if c.has(p, |w| matches!(w, Word::Approx)) {
            a = p;
        }
    }
    // `the (very) end of`
    if let Some(of) = c.prev(a) {
        if c.is(of, "of") {
            if let Some(edge) = c.prev(of) {
                if c.has(edge, |w| matches!(w, Word::Edge)) {
                    a = edge;
                    if let Some(p) = c.prev(a) {
                        if c.is(p, "very") {
                            a = p;
                        }
                    }
                    if let Some(p) = c.prev(a) {
                        if c.is(p, "the") {
                            a = p;
                        }
                    }
                }
            }
        }
    }
    a
}

/// Units: `this week`, `last month`, `the last quarter`, `next year`, `a year ago`,
/// `by the end of the year`, `the first quarter (of 2024)`, `the past decade`.
fn unit(c: &Ctx, i: usize, u: Unit) -> Option<Found> {
    let s = c.s(i);
    let plural = s.len() > 4 && s.ends_with(['s', 'S']) && u != Unit::Weekend
        || s.eq_ignore_ascii_case("weekends")
        || s.eq_ignore_ascii_case("days");
    // `a year ago`, `three days ago`, `two years later`.
    if c.is_any(i + 1, &["ago", "earlier", "later"]) {
        let count = c.prev(i).and_then(|p| {
            if let Some(n) = c.num(p, 1..=3) {
                return Some((p, Some(n)));
            }
            c.words(p).iter().find_map(|w| match w {
                Word::Number(n) => Some((p, Some(*n))),
                Word::VagueCount => Some((p, None)),
                _ => None,
            })
        });
        let Some((mut a, n)) = count else {
            return vague_found(i, i + 2);
        };
        if let Some(p) = c.prev(a) {
            if c.is_any(
                p,
                &["a", "about", "some", "nearly", "almost", "around", "over"],
            ) && n.is_none()
            {
                a = p;
            }
        }
        if !c.is(i + 1, "ago") {
            return vague_found(a, i + 2);
        }
        let val = n
            .and_then(|n| i32::try_from(n).ok())
            .and_then(|n| shifted(u, -n))
            .unwrap_or(Val::Null { explicit: false });
        return Some(Found {
            a,
            b: i + 2,
            val,
            kind: if matches!(val, Val::Null { .. }) {
                TimexKind::Vague
            } else {
                TimexKind::Date
            },
        });
    }
    if plural {
        return vague_plural(c, i);
    }
    if u == Unit::Day {
        return narrative_day(c, i);
    }
    let k0 = c.prev(i)?;
    let fiscal = c.has(k0, |w| matches!(w, Word::Fiscal));
    if fiscal && u == Unit::Year {
        // `fiscal year 2007`
        if let Some(y) = c.year_num(i + 1) {
            return Found::date(k0, i + 2, Val::Abs(DateValue::Year(y)));
        }
    }
    let k = if fiscal { c.prev(k0)? } else { k0 };
    // `this week`, `the last quarter`, `next year`
    if let Some(sh) = c.shift(k) {
        let mut a = k;
        let the = c.prev(a).filter(|&p| c.is(p, "the"));
        if let Some(t) = the {
            a = t;
            // `over the past year` is a stretch of time, not a date.
            let before = c.prev(t);
            if sh == -1
                && matches!(
                    u,
                    Unit::Day | Unit::Week | Unit::Weekend | Unit::Month | Unit::Year
                )
                && before.is_some_and(|b| {
                    c.is_any(b, &["over", "during", "for", "within", "throughout", "in"])
                })
            {
                return None;
            }
        } else if c.is(k, "past") && u != Unit::Decade {
            // `this past weekend`, `this past week`: the last one
            match c.prev(k).filter(|&p| c.is(p, "this")) {
                Some(p) => a = p,
                None => return None,
            }
        }
        if u == Unit::Day {
            return None;
        }
        if u == Unit::Weekend && sh == 0 {
            let this = c.is(k, "this");
            return Found::date(extend_left(c, a), i + 1, Val::Rel(Rel::Weekend { this }));
        }
        let val = shifted(u, i32::from(sh))?;
        let kind = if matches!(val, Val::Null { .. }) {
            TimexKind::Vague
        } else {
            TimexKind::Date
        };
        return Some(Found {
            a: extend_left(c, a),
            b: i + 1,
            val,
            kind,
        });
    }
    // `the first quarter (of 2024)`, `third-quarter`, `the second half`
    if matches!(u, Unit::Quarter | Unit::Half) {
        let mut o = k;
        if c.punct(o, '-') && c.adj(i) {
            o = c.prev(o)?;
        }
        let q = c.words(o).iter().find_map(|w| match w {
            Word::Ordinal(q) => Some(*q),
            _ => None,
        });
        let q = match q {
            Some(q) => q,
            None => {
                // `1st`, `3rd`
                let s = c.s(o);
                let d = s.bytes().next().filter(u8::is_ascii_digit)?;
                if s.len() != 3 {
                    return None;
                }
                d - b'0'
            }
        };
        if u == Unit::Half && q > 2 || !(1..=4).contains(&q) {
            return None;
        }
        let a = c.prev(o).filter(|&p| c.is(p, "the")).unwrap_or(o);
        let (val, b) = quarter_year(c, i + 1, u, q);
        return Found::date(a, b, val);
    }
    // `over the weekend`
    if u == Unit::Weekend
        && c.is(k, "the")
        && c.prev(k)
            .is_some_and(|p| c.is_any(p, &["over", "during", "on", "at", "for", "by"]))
    {
        return Found::date(k, i + 1, Val::Rel(Rel::Weekend { this: false }));
    }
    // `the (very) beginning of the (fiscal) year`
    if c.is(k, "the") && c.prev(k).is_some_and(|of| c.is(of, "of")) {
        let a = extend_left(c, k);
        if a != k {
            return Found::date(a, i + 1, shifted(u, 0)?);
        }
    }
    None
}

/// `the next day`, `the following day`, `the day before`, `that day`: a day counted from the
/// last day the text dated.
fn narrative_day(c: &Ctx, i: usize) -> Option<Found> {
    let p = c.prev(i)?;
    let the = c.prev(p).filter(|&t| c.is(t, "the"));
    if c.is(p, "the") {
        let n = if c.is(i + 1, "before") {
            -1
        } else if c.is(i + 1, "after")
            && !c
                .tok(i + 2)
                .is_some_and(|t| t.kind == super::Kind::Word && !c.is_any(i + 2, &["that", "and"]))
        {
            1
        } else {
            return None;
        };
        return Found::date(p, i + 2, Val::Anchored(n));
    }
    let n = if c.is_any(p, &["next", "following"]) {
        1
    } else if c.is_any(p, &["previous", "preceding"]) {
        -1
    } else if c.is(p, "same") || c.is(p, "that") {
        0
    } else {
        return None;
    };
    let a = match the {
        Some(t) => t,
        None if c.is(p, "that") => p,
        None if c.is(p, "same") => c.prev(p).filter(|&t| c.is(t, "that"))?,
        None => return None,
    };
    Found::date(a, i + 1, Val::Anchored(n))
}

/// `recent years`, `the coming months`, `the next few weeks`: times with no calendar value.
fn vague_plural(c: &Ctx, i: usize) -> Option<Found> {
    let p = c.prev(i)?;
    let with_the = |a: usize| c.prev(a).filter(|&t| c.is(t, "the")).unwrap_or(a);
    if c.is(p, "recent") {
        return vague_found(with_the(p), i + 1);
    }
    if c.is_any(p, &["coming", "next", "past", "last"]) && c.prev(p).is_some_and(|t| c.is(t, "the"))
    {
        return vague_found(with_the(p), i + 1);
    }
    if c.is(p, "few") {
        let s = c.prev(p).filter(|&q| c.shift(q).is_some())?;
        return vague_found(with_the(s), i + 1);
    }
    None
}

/// The year part after a quarter or half: `of 2024`, `2024`, `of this year`, or the reference
/// year; returns the value and the token after the expression.
fn quarter_year(c: &Ctx, j: usize, u: Unit, q: u8) -> (Val, usize) {
    let mut k = j;
    if c.is(k, "of") || c.punct(k, ',') {
        k += 1;
    }
    if let Some(y) = c.year_num(k) {
        let v = if u == Unit::Half {
            DateValue::Year(y)
        } else {
            DateValue::Quarter(y, q)
        };
        return (Val::Abs(v), k + 1);
    }
    if c.is(j, "of") {
        if let (Some(sh), Some(Unit::Year)) = (c.shift(j + 1), c.unit(j + 2)) {
            let years = i32::from(sh);
            let rel = if u == Unit::Half {
                Rel::Years(years)
            } else {
                Rel::QuarterOf { quarter: q, years }
            };
            return (Val::Rel(rel), j + 3);
        }
    }
    let rel = if u == Unit::Half {
        Rel::Years(0)
    } else {
        Rel::Quarter(q)
    };
    (Val::Rel(rel), j)
}

/// `this summer`, `in the summer of 2019`, `last winter`, `fall 2024`.
fn season(c: &Ctx, i: usize, month: u8) -> Option<Found> {
    let mut a = i;
    let mut shift = None;
    let mut anchored = false;
    if let Some(p) = c.prev(i) {
        if let Some(s) = c.shift(p) {
            a = p;
            shift = Some(s);
            anchored = true;
            if let Some(t) = c.prev(p).filter(|&t| c.is(t, "the")) {
                a = t;
            }
        } else if c.has(p, |w| matches!(w, Word::Approx)) {
            a = p;
            anchored = true;
        } else if c.is(p, "the") {
            anchored = c.prev(p).is_some_and(|pp| {
                c.is_any(
                    pp,
                    &[
                        "in",
                        "during",
                        "over",
                        "by",
                        "until",
                        "through",
                        "throughout",
                    ],
                )
            });
            a = p;
        } else if c.is_any(p, &["in", "during", "by", "until", "this"]) {
            anchored = true;
        }
    }
    let mut k = i + 1;
    if c.is(k, "of") {
        k += 1;
    }
    if let Some(y) = c.year_num(k) {
        return Found::date(a, k + 1, Val::Abs(DateValue::Year(y)));
    }
    // `the fall of Kabul`, `summer vacation`
    if !anchored || c.is(i + 1, "of") {
        return None;
    }
    Found::date(a, i + 1, Val::Rel(Rel::Season { month, shift }))
}

/// `this morning`, `last night`.
fn part_of_day(c: &Ctx, i: usize) -> Option<Found> {
    let p = c.prev(i)?;
    if c.is(p, "this") {
        return Found::date(p, i + 1, Val::Rel(Rel::Days(0)));
    }
    if c.is(p, "last") && c.is(i, "night") {
        return Found::date(p, i + 1, Val::Rel(Rel::Days(-1)));
    }
    None
}

/// `fiscal 2007`, `FY 2007`, `fiscal year 2007` (the last via the unit rule).
fn fiscal(c: &Ctx, i: usize) -> Option<Found> {
    let y = c.year_num(i + 1)?;
    Found::date(i, i + 2, Val::Abs(DateValue::Year(y)))
}
