//! Resolution of relative expressions against the reference date, with the direction (past or
//! future) the clause's tense gives.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::value::DateValue;

/// Which way a clause looks from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    /// Past tense: the expression lies on or before the reference date.
    Past,
    /// Future tense: on or after it.
    Future,
    /// No tense signal.
    Neutral,
}

/// A relative expression, waiting for a reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// `today` (0), `yesterday` (-1), `tomorrow` (1), `three days ago` (-3).
    Days(i64),
    /// A day of the week: `shift` -1 `last`, 1 `next`, 0 `this`, `None` bare (tense decides).
    Weekday { day: u8, shift: Option<i8> },
    /// A day of a month with no year (`Sept. 11`).
    MonthDay { month: u8, day: u8 },
    /// A month with no year: `shift` as for weekdays.
    Month { month: u8, shift: Option<i8> },
    /// A month of a year counted from the reference year (`January of this year`).
    MonthOf { month: u8, years: i32 },
    /// A quarter of a year counted from the reference year (`the first quarter of last year`).
    QuarterOf { quarter: u8, years: i32 },
    /// A month counted from the reference month (`last month` -1).
    Months(i32),
    /// An ISO week counted from the reference week (`this week` 0).
    Weeks(i64),
    /// A quarter counted from the reference quarter (`last quarter` -1).
    Quarters(i32),
    /// A year counted from the reference year (`next year` 1).
    Years(i32),
    /// A quarter of the reference year or the one the tense points to (`the first quarter`).
    Quarter(u8),
    /// A season (by its middle month): the year it falls in, `shift` as for weekdays.
    Season { month: u8, shift: Option<i8> },
    /// The weekend nearest the reference date in the clause's direction (`over the weekend`),
    /// as its ISO week; `this weekend` (`this: true`) looks ahead unless the clause looks back.
    Weekend { this: bool },
    /// The reference date itself (`now`).
    Present,
}

impl Rel {
    /// True when the clause's tense matters for the value.
    pub(crate) fn needs_tense(&self) -> bool {
        matches!(
            self,
            Rel::Weekday { shift: None, .. }
                | Rel::Weekday { shift: Some(0), .. }
                | Rel::MonthDay { .. }
                | Rel::Month { shift: None, .. }
                | Rel::Quarter(_)
                | Rel::Season { shift: None, .. }
                | Rel::Weekend { .. }
        )
    }
}

fn weekday_of(n: u8) -> Weekday {
    match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The month `k` months from `y`-`m`.
fn month_shift(y: i32, m: u32, k: i32) -> Option<DateValue> {
    let idx = i64::from(y) * 12 + i64::from(m) - 1 + i64::from(k);
    let y = i32::try_from(idx.div_euclid(12)).ok()?;
    DateValue::month(y, (idx.rem_euclid(12) + 1) as u32)
}

fn week_of(d: NaiveDate) -> DateValue {
    let w = d.iso_week();
    DateValue::Week(w.year(), w.week() as u8)
}

/// The year to give a month (or month-day) with no year of its own: the reference year, unless
/// the tense points across a year boundary (`will ... in June` said in August is next June).
fn year_for(reference: NaiveDate, first: NaiveDate, last: NaiveDate, dir: Dir) -> i32 {
    let y = reference.year();
    match dir {
        Dir::Future if last < reference => y + 1,
        Dir::Past if first > reference => y - 1,
        Dir::Neutral if (first - reference).num_days() > 250 => y - 1,
        Dir::Neutral if (reference - last).num_days() > 250 => y + 1,
        _ => y,
    }
}

/// Resolves `rel` against `reference` looking in direction `dir`.
pub(crate) fn resolve(rel: Rel, reference: NaiveDate, dir: Dir) -> Option<DateValue> {
    let y = reference.year();
    let m = reference.month();
    match rel {
        Rel::Present => Some(DateValue::Day(reference)),
        Rel::Weekend { this } => {
            // Saturday and Sunday close their ISO week; on a weekday a past weekend is the
            // previous week's.
            let in_weekend = reference.weekday().num_days_from_monday() >= 5;
            let ahead = dir == Dir::Future || (this && dir == Dir::Neutral);
            let k = if in_weekend || ahead { 0 } else { -7 };
            add_days(reference, k).map(week_of)
        }
        Rel::Days(n) => add_days(reference, n).map(DateValue::Day),
        Rel::Weekday { day, shift } => {
            let target = i64::from(weekday_of(day).num_days_from_monday());
            let today = i64::from(reference.weekday().num_days_from_monday());
            let back = (today - target).rem_euclid(7); // days back to the last such day
            let fwd = (target - today).rem_euclid(7); // days on to the next
            let n = match (shift, dir) {
                // `last Friday`: the Friday of the week before the reference week.
                (Some(-1), _) => target - today - 7,
                (Some(1), _) => {
                    if fwd == 0 {
                        7
                    } else {
                        fwd
                    }
                }
                (Some(_), Dir::Neutral) => target - today, // within the reference week
                (_, Dir::Future) => fwd,
                _ => -back,
            };
            add_days(reference, n).map(DateValue::Day)
        }
        Rel::MonthDay { month, day } => {
            let probe = |yy: i32| NaiveDate::from_ymd_opt(yy, u32::from(month), u32::from(day));
            // Feb. 29: judge the direction on the day before it.
            let first = probe(y).or_else(|| NaiveDate::from_ymd_opt(y, u32::from(month), 28))?;
            // A week's slack either way: a slip of tense is likelier than a year's jump.
            let yy = year_for(
                reference,
                add_days(first, -7).unwrap_or(first),
                add_days(first, 7).unwrap_or(first),
                dir,
            );
            DateValue::ymd(yy, u32::from(month), u32::from(day))
        }
        Rel::Month { month, shift } => {
            let month = u32::from(month);
            let yy = match shift {
                Some(-1) => {
                    if month < m {
                        y
                    } else {
                        y - 1
                    }
                }
                Some(1) => {
                    if month > m {
                        y
                    } else {
                        y + 1
                    }
                }
                _ => {
                    let v = DateValue::month(y, month)?;
                    year_for(reference, v.first_day(), v.last_day(), dir)
                }
            };
            DateValue::month(yy, month)
        }
        Rel::MonthOf { month, years } => DateValue::month(y.checked_add(years)?, u32::from(month)),
        Rel::QuarterOf { quarter, years } => Some(DateValue::Quarter(
            y.checked_add(years)?,
            quarter.clamp(1, 4),
        )),
        Rel::Months(k) => month_shift(y, m, k),
        Rel::Weeks(k) => add_days(reference, k.checked_mul(7)?).map(week_of),
        Rel::Quarters(k) => {
            let idx = i64::from(y) * 4 + i64::from((m - 1) / 3) + i64::from(k);
            let yy = i32::try_from(idx.div_euclid(4)).ok()?;
            Some(DateValue::Quarter(yy, (idx.rem_euclid(4) + 1) as u8))
        }
        Rel::Years(k) => y.checked_add(k).map(DateValue::Year),
        Rel::Quarter(q) => {
            let v = DateValue::Quarter(y, q.clamp(1, 4));
            // Without a tense, a quarter is the latest one begun: news tells of quarters
            // under way or just ended.
            let yy = match dir {
                Dir::Future if v.last_day() < reference => y + 1,
                Dir::Past | Dir::Neutral if v.first_day() > reference => y - 1,
                _ => y,
            };
            Some(DateValue::Quarter(yy, q.clamp(1, 4)))
        }
        Rel::Season { month, shift } => {
            // A season spans its middle month ±1; winter (middle month 1) is named by the year
            // of its January.
            let mid = u32::from(month);
            let start = month_shift(y, mid, -1)?.first_day();
            let end = month_shift(y, mid, 1)?.last_day();
            let yy = match (shift, dir) {
                (Some(-1), _) => {
                    if end < reference {
                        y
                    } else {
                        y - 1
                    }
                }
                (Some(1), _) => {
                    if start > reference {
                        y
                    } else {
                        y + 1
                    }
                }
                (_, Dir::Future) if end < reference => y + 1,
                (_, Dir::Past) if start > reference => y - 1,
                _ => y,
            };
            Some(DateValue::Year(yy))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn r(rel: Rel, reference: &str, dir: Dir) -> String {
        resolve(rel, d(reference), dir).map_or("none".into(), |v| v.to_string())
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2020-09-11 is a Friday.
        let thu = Rel::Weekday {
            day: 4,
            shift: None,
        };
        assert_eq!(r(thu, "2020-09-11", Dir::Past), "2020-09-10");
        assert_eq!(r(thu, "2020-09-11", Dir::Future), "2020-09-17");
        let fri = Rel::Weekday {
            day: 5,
            shift: None,
        };
        assert_eq!(r(fri, "2020-09-11", Dir::Neutral), "2020-09-11");
        let last_fri = Rel::Weekday {
            day: 5,
            shift: Some(-1),
        };
        assert_eq!(r(last_fri, "2020-09-11", Dir::Neutral), "2020-09-04");
    }

    #[test]
    fn months_cross_year_ends() {
        assert_eq!(r(Rel::Months(-1), "2024-01-15", Dir::Neutral), "2023-12");
        assert_eq!(r(Rel::Weeks(1), "2020-12-28", Dir::Neutral), "2021-W01");
        assert_eq!(r(Rel::Quarters(-1), "2007-01-18", Dir::Neutral), "2006-Q4");
        let june = Rel::Month {
            month: 6,
            shift: None,
        };
        assert_eq!(r(june, "2020-09-11", Dir::Future), "2021-06");
        assert_eq!(r(june, "2020-03-11", Dir::Past), "2019-06");
        assert_eq!(r(june, "2020-03-11", Dir::Neutral), "2020-06");
    }
}
