//! Datelines: the place and date a story opens with (`WASHINGTON, Nov. 23, 2024 (AP) —`,
//! `Sept. 11 (UPI) —`, `NEW DELHI, Nov 23 (KNN)`, or `May 7, 2005` alone on a line). A small
//! reader of month names, days and years of its own, so that reading an article does not depend
//! on the temporal tagger.

use chrono::NaiveDate;

/// A dateline found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline {
    /// Bytes of the line the dateline takes (from the line start, trailing spaces excluded).
    pub len: usize,
    /// The date it gives, when it has a year and is a real calendar day.
    pub date: Option<NaiveDate>,
    /// True when the dateline is the whole line.
    pub alone: bool,
}

const MONTHS: [(&str, u32); 25] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("febr", 2),
];

const WEEKDAYS: [&str; 14] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
];

const LABELS: [&str; 7] = [
    "published on",
    "published",
    "last updated on",
    "last updated",
    "updated on",
    "updated",
    "posted on",
];

/// A cursor over one line.
struct Cur<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cur<'a> {
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn skip_ws(&mut self) {
        let r = self.rest();
        self.pos += r.len() - r.trim_start().len();
    }

    fn eat(&mut self, p: &str) -> bool {
        if self.rest().starts_with(p) {
            self.pos += p.len();
            true
        } else {
            false
        }
    }

    /// A run of ASCII letters.
    fn word(&self) -> &'a str {
        let r = self.rest();
        let n = r.bytes().take_while(u8::is_ascii_alphabetic).count();
        &r[..n]
    }

    fn number(&mut self, max_digits: usize) -> Option<(u32, usize)> {
        let r = self.rest();
        let n = r.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || n > max_digits {
            return None;
        }
        let v = r[..n].parse().ok()?;
        self.pos += n;
        Some((v, n))
    }
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}

/// Month name (full or abbreviated, with an optional period).
fn month(c: &mut Cur) -> Option<u32> {
    let w = c.word();
    let m = month_of(w)?;
    if !w.starts_with(|ch: char| ch.is_ascii_uppercase()) {
        return None;
    }
    c.pos += w.len();
    c.eat(".");
    Some(m)
}

/// Day of month, with an optional ordinal suffix.
fn day(c: &mut Cur) -> Option<u32> {
    let save = c.pos;
    let (d, _) = c.number(2)?;
    let w = c.word().to_ascii_lowercase();
    if matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
        c.pos += w.len();
    }
    if !(1..=31).contains(&d) || c.rest().starts_with(|ch: char| ch.is_alphanumeric()) {
        c.pos = save;
        return None;
    }
    Some(d)
}

fn year(c: &mut Cur) -> Option<i32> {
    let save = c.pos;
    match c.number(4) {
        Some((y, 4))
            if (1800..=2200).contains(&y) && !c.rest().starts_with(char::is_alphanumeric) =>
        {
            Some(y as i32)
        }
        _ => {
            c.pos = save;
            None
        }
    }
}

/// `Month Day[, Year]`, `Day Month[ Year]` or `YYYY-MM-DD`: (year, month, day).
fn date(c: &mut Cur) -> Option<(Option<i32>, u32, u32)> {
    let save = c.pos;
    if let Some(d) = iso(c) {
        return Some(d);
    }
    // Optional weekday: "Monday, May 7, 2005".
    let w = c.word().to_ascii_lowercase();
    if WEEKDAYS.contains(&w.as_str()) {
        c.pos += w.len();
        c.eat(".");
        c.eat(",");
        c.skip_ws();
    }
    let before = c.pos;
    if let Some(m) = month(c) {
        c.skip_ws();
        if let Some(d) = day(c) {
            let after_day = c.pos;
            c.eat(",");
            c.skip_ws();
            if let Some(y) = year(c) {
                return Some((Some(y), m, d));
            }
            c.pos = after_day;
            return Some((None, m, d));
        }
    }
    c.pos = before;
    if let Some(d) = day(c) {
        c.skip_ws();
        if let Some(m) = month(c) {
            let after_month = c.pos;
            c.eat(",");
            c.skip_ws();
            if let Some(y) = year(c) {
                return Some((Some(y), m, d));
            }
            c.pos = after_month;
            return Some((None, m, d));
        }
    }
    c.pos = save;
    None
}

fn iso(c: &mut Cur) -> Option<(Option<i32>, u32, u32)> {
    let r = c.rest().as_bytes();
    let shape = r.len() >= 10
        && r[..4].iter().all(u8::is_ascii_digit)
        && r[4] == b'-'
        && r[5..7].iter().all(u8::is_ascii_digit)
        && r[7] == b'-'
        && r[8..10].iter().all(u8::is_ascii_digit)
        && !r.get(10).is_some_and(u8::is_ascii_digit);
    if !shape {
        return None;
    }
    let s = c.rest();
    let y = s[..4].parse().ok()?;
    let m = s[5..7].parse().ok()?;
    let d = s[8..10].parse().ok()?;
    c.pos += 10;
    Some((Some(y), m, d))
}

/// An all-caps place name (`WASHINGTON`, `NEW DELHI`, `ST. LOUIS`), optionally with a region
/// (`SAN FRANCISCO, Calif.`), ending before a comma, a parenthesis or a dash.
fn place(c: &mut Cur) -> bool {
    let save = c.pos;
    let mut words = 0;
    loop {
        let r = c.rest();
        let n: usize = r
            .char_indices()
            .take_while(|&(_, ch)| ch.is_uppercase() || matches!(ch, '.' | '-' | '\'' | '’'))
            .map(|(i, ch)| i + ch.len_utf8())
            .last()
            .unwrap_or(0);
        let letters = r[..n].chars().filter(|ch| ch.is_uppercase()).count();
        let next = r[n..].chars().next();
        if letters < 2 && !(letters == 1 && r[..n].ends_with('.'))
            || next.is_some_and(char::is_alphanumeric)
        {
            break;
        }
        c.pos += n;
        words += 1;
        let after = c.pos;
        if c.eat(" ") && c.rest().starts_with(char::is_uppercase) {
            continue;
        }
        c.pos = after;
        break;
    }
    if words == 0 {
        c.pos = save;
        return false;
    }
    // ", Calif." or ", Ukraine" before the date / agency / dash.
    let after_place = c.pos;
    if c.eat(",") {
        c.skip_ws();
        let w = c.word();
        if w.len() >= 2
            && w.starts_with(|ch: char| ch.is_ascii_uppercase())
            && month_of(w).is_none()
        {
            c.pos += w.len();
            c.eat(".");
            let look = c.rest().trim_start();
            if look.starts_with(',') || look.starts_with('(') || starts_with_dash(look) {
                return true;
            }
        }
        c.pos = after_place;
    }
    true
}

fn starts_with_dash(s: &str) -> bool {
    s.starts_with('—')
        || s.starts_with('–')
        || s.starts_with("- ")
        || s.starts_with("--")
        || s == "-"
}

/// `(AP)`, `(UPI)`, `(Reuters)`: a short parenthesis with no sentence in it.
fn agency(c: &mut Cur) -> bool {
    let r = c.rest();
    if !r.starts_with('(') {
        return false;
    }
    match r.find(')') {
        Some(end) if end <= 40 && !r[1..end].contains([',', '(']) && !r[1..end].contains(". ") => {
            c.pos += end + 1;
            true
        }
        _ => false,
    }
}

fn dash(c: &mut Cur) -> bool {
    for d in ["—", "–", "--", "-", ":"] {
        if c.rest().starts_with(d) {
            c.pos += d.len();
            return true;
        }
    }
    false
}

/// A time of day after a standalone date: `10:30`, `10:30 AM IST`, `| 8:05 p.m. ET`.
fn time_tail(s: &str) -> bool {
    let s = s.trim_start_matches([',', '|', '-', '·', ' ', '@']).trim();
    let s = s.strip_prefix("at ").unwrap_or(s);
    if s.is_empty() {
        return true;
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 || s.as_bytes().get(digits) != Some(&b':') {
        return false;
    }
    s.len() <= 24
        && s.chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, ':' | '.' | ' ' | '+' | '(' | ')'))
}

/// Finds a labelled date (`Published: May 7, 2005`, `Updated on 7 May 2005 10:30 IST`) that
/// ends `line`, perhaps after a byline (`By Jane Doe | Updated: Nov 24, 2024`). Returns where it
/// starts in the line.
pub fn read_labelled(line: &str) -> Option<(usize, Dateline)> {
    let lower = line.to_ascii_lowercase();
    for l in ["published", "updated", "posted on"] {
        for (at, _) in lower.match_indices(l) {
            let word_start = at == 0 || !lower.as_bytes()[at - 1].is_ascii_alphanumeric();
            let at = if at >= 5 && lower[..at].ends_with("last ") {
                at - 5
            } else {
                at
            };
            if !word_start {
                continue;
            }
            if let Some(d) = read(&line[at..]).filter(|d| d.alone) {
                return Some((at, d));
            }
        }
    }
    None
}

/// Reads a dateline at the start of `line` (already trimmed at the start).
pub fn read(line: &str) -> Option<Dateline> {
    let line = line.trim_end();
    let mut c = Cur { s: line, pos: 0 };
    // "Published: May 7, 2005" or "Updated on 7 May 2005 10:30 IST" alone on a line.
    let lower: String = line.chars().take(20).collect::<String>().to_lowercase();
    for l in LABELS {
        if lower.starts_with(l) {
            c.pos = l.len();
            c.eat(":");
            c.skip_ws();
            let (y, m, d) = date(&mut c)?;
            if !time_tail(c.rest()) {
                return None;
            }
            return Some(Dateline {
                len: line.len(),
                date: y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
                alone: true,
            });
        }
    }
    let has_place = place(&mut c);
    if has_place {
        c.eat(",");
        c.skip_ws();
    }
    let found = date(&mut c);
    let after_date = c.pos;
    c.skip_ws();
    let has_agency = agency(&mut c);
    let mut end = if has_agency { c.pos } else { after_date };
    c.skip_ws();
    let has_dash = dash(&mut c);
    if has_dash {
        end = c.pos;
    }
    let alone = line[end..].trim().is_empty();
    let date = found.and_then(|(y, m, d)| y.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)));
    let ok = match found {
        Some(_) => {
            has_agency || has_dash || alone || (!has_place && time_tail(&line[after_date..]))
        }
        None => has_place && (has_agency || has_dash) && end > 0,
    };
    if !ok {
        return None;
    }
    if found.is_some() && !has_agency && !has_dash && !alone {
        // A date followed by a time of day, alone on its line.
        return Some(Dateline {
            len: line.len(),
            date,
            alone: true,
        });
    }
    Some(Dateline {
        len: line[..end].trim_end().len(),
        date,
        alone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn wire_datelines_with_a_year() {
        let l = "WASHINGTON, Nov. 23, 2024 (AP) — The talks began.";
        let d = read(l).unwrap();
        assert_eq!(&l[..d.len], "WASHINGTON, Nov. 23, 2024 (AP) —");
        assert_eq!(d.date, ymd(2024, 11, 23));
        assert!(!d.alone);
        let l = "SAN FRANCISCO, Calif., March 3, 2019 (Reuters) - Shares rose.";
        let d = read(l).unwrap();
        assert_eq!(
            &l[..d.len],
            "SAN FRANCISCO, Calif., March 3, 2019 (Reuters) -"
        );
        assert_eq!(d.date, ymd(2019, 3, 3));
    }

    #[test]
    fn datelines_without_a_year_give_no_date() {
        let l = "Sept. 11 (UPI) — India and Japan have agreed.";
        let d = read(l).unwrap();
        assert_eq!(&l[..d.len], "Sept. 11 (UPI) —");
        assert_eq!(d.date, None);
        let l = "NEW DELHI, Nov 23 (KNN) The ministers met.";
        let d = read(l).unwrap();
        assert_eq!(&l[..d.len], "NEW DELHI, Nov 23 (KNN)");
        let l = "KYIV (Reuters) - Drones struck the city.";
        assert_eq!(&l[..read(l).unwrap().len], "KYIV (Reuters) -");
    }

    #[test]
    fn a_date_alone_on_its_line() {
        for (l, want) in [
            ("May 7, 2005", ymd(2005, 5, 7)),
            ("October 04, 2005", ymd(2005, 10, 4)),
            ("7 May 2005", ymd(2005, 5, 7)),
            ("Monday, May 7, 2005", ymd(2005, 5, 7)),
            ("2005-05-07", ymd(2005, 5, 7)),
            ("Published: Nov 23, 2024 10:30 AM IST", ymd(2024, 11, 23)),
            ("Feb. 30, 2024", None),
        ] {
            let d = read(l).unwrap_or_else(|| panic!("{l}"));
            assert!(d.alone, "{l}");
            assert_eq!(d.len, l.len(), "{l}");
            assert_eq!(d.date, want, "{l}");
        }
    }

    #[test]
    fn a_labelled_date_after_a_byline() {
        let l = "By Jane Doe | Updated: Nov 24, 2024, 10:32 IST";
        let (at, d) = read_labelled(l).unwrap();
        assert_eq!(&l[at..at + d.len], "Updated: Nov 24, 2024, 10:32 IST");
        assert_eq!(d.date, ymd(2024, 11, 24));
        assert_eq!(read_labelled("By Jane Doe | Updated 3 hours ago"), None);
        assert_eq!(read_labelled("Unpublished: May 7, 2005"), None);
    }

    #[test]
    fn sentences_that_open_with_a_date_or_caps_are_not_datelines() {
        for l in [
            "May 7, 2005 was the day the company changed.",
            "Sept. 11 attacks changed the country.",
            "NATO, the alliance, said it would meet.",
            "NEW DELHI, India and Japan agreed Saturday to cooperate.",
            "March on Washington drew thousands.",
            "The ministers met on May 7, 2005.",
            "US officials said (in a statement) that talks went well.",
            "",
        ] {
            assert_eq!(read(l), None, "{l}");
        }
    }
}
