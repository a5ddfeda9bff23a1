//! `DateValue`: a calendar value at the precision the text gives, and `Basis`: how it was found.

use std::cmp::Ordering;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How a date was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The text gives the calendar date.
    Explicit,
    /// Resolved against the article's reference date (`on Thursday`, `next month`).
    Relative,
    /// No date of its own: it takes its story's date.
    Inherited,
    /// Relative, but there is no reference date to resolve it against.
    Unresolved,
}

impl Basis {
    /// The name used in exports (`explicit`, `relative`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Explicit => "explicit",
            Basis::Relative => "relative",
            Basis::Inherited => "inherited",
            Basis::Unresolved => "unresolved",
        }
    }
}

/// A calendar value at some precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// `2024`
    Year(i32),
    /// `2024-Q3` (quarter 1–4)
    Quarter(i32, u8),
    /// `2024-11` (month 1–12)
    Month(i32, u8),
    /// `2024-W47` (ISO week)
    Week(i32, u8),
    /// `2024-11-22`
    Day(NaiveDate),
}

/// The precision of a [`DateValue`], coarse to fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A year.
    Year,
    /// A quarter.
    Quarter,
    /// A month.
    Month,
    /// An ISO week.
    Week,
    /// A day.
    Day,
}

impl DateValue {
    /// A day value, if the date exists.
    pub fn ymd(y: i32, m: u32, d: u32) -> Option<DateValue> {
        NaiveDate::from_ymd_opt(y, m, d).map(DateValue::Day)
    }

    /// A month value, if the month is 1–12.
    pub fn month(y: i32, m: u32) -> Option<DateValue> {
        (1..=12)
            .contains(&m)
            .then_some(DateValue::Month(y, m as u8))
    }

    /// The precision.
    pub fn precision(&self) -> Precision {
        match self {
            DateValue::Year(_) => Precision::Year,
            DateValue::Quarter(..) => Precision::Quarter,
            DateValue::Month(..) => Precision::Month,
            DateValue::Week(..) => Precision::Week,
            DateValue::Day(_) => Precision::Day,
        }
    }

    /// The year the value lies in (for a week, its ISO year).
    pub fn year(&self) -> i32 {
        match *self {
            DateValue::Year(y) | DateValue::Quarter(y, _) | DateValue::Month(y, _) => y,
            DateValue::Week(y, _) => y,
            DateValue::Day(d) => d.year(),
        }
    }

    /// First day covered.
    pub fn first_day(&self) -> NaiveDate {
        let fallback = NaiveDate::MIN;
        match *self {
            DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1).unwrap_or(fallback),
            DateValue::Quarter(y, q) => {
                NaiveDate::from_ymd_opt(y, (q.clamp(1, 4) as u32 - 1) * 3 + 1, 1)
                    .unwrap_or(fallback)
            }
            DateValue::Month(y, m) => NaiveDate::from_ymd_opt(y, m as u32, 1).unwrap_or(fallback),
            DateValue::Week(y, w) => {
                NaiveDate::from_isoywd_opt(y, w as u32, chrono::Weekday::Mon).unwrap_or(fallback)
            }
            DateValue::Day(d) => d,
        }
    }

    /// Last day covered.
    pub fn last_day(&self) -> NaiveDate {
        let next_first = |y: i32, m: u32| {
            let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            NaiveDate::from_ymd_opt(y, m, 1).and_then(|d| d.pred_opt())
        };
        match *self {
            DateValue::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            DateValue::Quarter(y, q) => next_first(y, q.clamp(1, 4) as u32 * 3),
            DateValue::Month(y, m) => next_first(y, m as u32),
            DateValue::Week(..) => self.first_day().checked_add_days(chrono::Days::new(6)),
            DateValue::Day(d) => Some(d),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// True when one value lies within the other (`2024-11-22` and `2024-11`, or `2024-W47`).
    pub fn compatible(&self, other: &DateValue) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// Parses the ISO text written by `Display` (`2024`, `2024-Q3`, `2024-11`, `2024-W47`,
    /// `2024-11-22`, or a date-time whose day is kept).
    pub fn parse(s: &str) -> Option<DateValue> {
        let s = s.trim();
        if let Some((y, rest)) = s.split_once('-') {
            let y: i32 = y.parse().ok()?;
            if let Some(q) = rest.strip_prefix('Q') {
                let q: u8 = q.parse().ok()?;
                return (1..=4).contains(&q).then_some(DateValue::Quarter(y, q));
            }
            if let Some(w) = rest.strip_prefix('W') {
                let w: u8 = w.parse().ok()?;
                NaiveDate::from_isoywd_opt(y, w as u32, chrono::Weekday::Mon)?;
                return Some(DateValue::Week(y, w));
            }
            if rest.len() == 2 {
                return DateValue::month(y, rest.parse().ok()?);
            }
            return crate::article::parse_date_prefix(s).map(DateValue::Day);
        }
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            return Some(DateValue::Year(s.parse().ok()?));
        }
        None
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Year(y) => write!(f, "{y:04}"),
            DateValue::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            DateValue::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateValue::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            DateValue::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl PartialOrd for DateValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl DateValue {
    /// A key that orders values as [`Ord`] does, computed once: sorting many values by it
    /// spares working out their calendar days at every comparison.
    pub fn sort_key(&self) -> (NaiveDate, Precision, NaiveDate) {
        (self.first_day(), self.precision(), self.last_day())
    }
}

impl Ord for DateValue {
    /// Chronological by first day; at the same first day the coarser value comes first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
            .then(self.last_day().cmp(&other.last_day()))
    }
}

impl Serialize for DateValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateValue::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_key_orders_as_ord_does() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let values = [
            DateValue::Year(2024),
            DateValue::Year(2023),
            DateValue::Quarter(2024, 1),
            DateValue::Quarter(2024, 4),
            DateValue::Month(2024, 1),
            DateValue::Month(2024, 12),
            DateValue::Week(2024, 1),
            DateValue::Week(2024, 52),
            DateValue::Week(2020, 53),
            DateValue::Day(d(2024, 1, 1)),
            DateValue::Day(d(2023, 12, 31)),
            DateValue::Day(d(2024, 12, 30)),
            DateValue::Day(d(2020, 12, 28)),
        ];
        for a in &values {
            for b in &values {
                assert_eq!(a.cmp(b), a.sort_key().cmp(&b.sort_key()), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn iso_text_round_trips() {
        for s in [
            "2024",
            "2024-Q3",
            "2024-11",
            "2024-W47",
            "2024-11-22",
            "2024-02-29",
        ] {
            assert_eq!(DateValue::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(DateValue::parse("2023-02-29"), None);
        assert_eq!(DateValue::parse("2024-13"), None);
    }

    #[test]
    fn compatible_values_overlap() {
        let day = DateValue::parse("2024-11-22").unwrap();
        assert!(day.compatible(&DateValue::parse("2024-11").unwrap()));
        assert!(day.compatible(&DateValue::parse("2024-W47").unwrap()));
        assert!(!day.compatible(&DateValue::parse("2024-10").unwrap()));
    }
}
