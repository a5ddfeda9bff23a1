//! A table of temporal expressions with their reference dates and expected values: every form
//! news uses, past and future tense, month and year boundaries, leap days, and numbers that are
//! not dates. Each row is `(sentence, reference, expected text, expected value)`:
//! the reference is `""` when there is none; the value is ISO text, `null` for an expression
//! with no calendar value, or `-` for text that must not be tagged at all.

use chrono::NaiveDate;
use newsline::temporal::{tag_str, Basis, TimexKind};

/// Saturday, ISO week 2024-W47.
const SAT: &str = "2024-11-23";
/// Friday, ISO week 2020-W37.
const FRI: &str = "2020-09-11";
/// Monday, ISO week 2024-W03.
const MON: &str = "2024-01-15";
/// Monday of ISO week 2020-W53.
const W53: &str = "2020-12-28";
/// Sunday, still in ISO week 2020-W53.
const SUN: &str = "2021-01-03";
/// Wednesday, in ISO week 2026-W01.
const NYE: &str = "2025-12-31";
/// Leap day (Thursday).
const LEAP: &str = "2024-02-29";
/// Wednesday, March 1 of a common year.
const MAR: &str = "2023-03-01";

#[rustfmt::skip]
const ROWS: &[(&str, &str, &str, &str)] = &[
    // Explicit calendar dates.
    ("The ministers met on November 22, 2024 in Vientiane.", SAT, "November 22, 2024", "2024-11-22"),
    ("The ministers met on 22 November 2024 in Vientiane.", SAT, "22 November 2024", "2024-11-22"),
    ("The accord was signed on Nov. 22, 2024.", "", "Nov. 22, 2024", "2024-11-22"),
    ("The accord was signed 2024-11-22 in Tokyo.", "", "2024-11-22", "2024-11-22"),
    ("Filed on 2024/03/05 with the court.", "", "2024/03/05", "2024-03-05"),
    ("Filed on 11/22/2024 with the court.", "", "11/22/2024", "2024-11-22"),
    ("Filed on 22/11/2024 with the court.", "", "22/11/2024", "2024-11-22"),
    ("The treaty dates from Friday, November 22, 2024.", SAT, "Friday, November 22, 2024", "2024-11-22"),
    ("He was born on February 24, 1955 in San Francisco.", SAT, "February 24, 1955", "1955-02-24"),
    ("It happened on the 5th of March, 2021.", "", "the 5th of March, 2021", "2021-03-05"),
    ("It happened on 5th March 2021.", "", "5th March 2021", "2021-03-05"),
    ("The report came out on April 2nd, 2008.", "", "April 2nd, 2008", "2008-04-02"),
    ("Talks resumed on Sept. 30, 2019.", "", "Sept. 30, 2019", "2019-09-30"),
    ("Talks resumed on Dec 1 2019.", "", "Dec 1 2019", "2019-12-01"),
    ("They agreed on the pact in October 2018.", FRI, "October 2018", "2018-10"),
    ("They agreed in December, 2020 to cooperate.", FRI, "December, 2020", "2020-12"),
    ("A framework established in September 2020 still holds.", SAT, "September 2020", "2020-09"),
    ("The first talks took place in January of 2008.", "", "January of 2008", "2008-01"),
    ("The summit was held in 2022.", SAT, "2022", "2022"),
    ("Japan has held the exercise since 2015.", FRI, "2015", "2015"),
    ("The town was founded in 1776 by settlers.", "", "1776", "1776"),
    ("The plant will be finished by 2030.", SAT, "2030", "2030"),
    ("Sales fell between 2010 and 2012.", "", "2010", "2010"),
    ("Sales fell between 2010 and 2012.", "", "2012", "2012"),
    ("The season ran through 2015-16 without a break.", "", "2015", "2015"),
    ("The store was renamed in 2006, as sales grew.", "", "2006", "2006"),
    // Leap days.
    ("The law took effect on Feb. 29, 2024.", "", "Feb. 29, 2024", "2024-02-29"),
    ("The law took effect on 2024-02-29.", "", "2024-02-29", "2024-02-29"),
    ("The law took effect on Feb. 29, 2023.", "", "Feb. 29, 2023", "-"),
    ("The law took effect on 2023-02-29.", "", "2023-02-29", "-"),
    ("The law took effect on April 31, 2023.", "", "April 31, 2023", "-"),
    ("The vote was held on Feb. 29.", LEAP, "Feb. 29", "2024-02-29"),
    ("The vote was held on Feb. 29.", MAR, "Feb. 29", "null"),
    ("The vote was held on Feb. 28.", MAR, "Feb. 28", "2023-02-28"),
    // Month and day without a year.
    ("India and Japan have agreed, Sept. 11 (UPI) reports.", FRI, "Sept. 11", "2020-09-11"),
    ("Another event will be held on October 12.", "2005-10-04", "October 12", "2005-10-12"),
    ("Figures released April 3 show a rise.", "2008-04-09", "April 3", "2008-04-03"),
    ("On August 24, he resigned from his post.", "2011-10-06", "August 24", "2011-08-24"),
    ("The quarter ended Dec. 28, the company said.", "2024-01-05", "Dec. 28", "2023-12-28"),
    ("The store will open on Jan. 5.", "2024-12-20", "Jan. 5", "2025-01-05"),
    ("The store opened on Jan. 5.", "2024-12-20", "Jan. 5", "2024-01-05"),
    ("The store will open on Nov. 22.", "", "Nov. 22", "null"),
    ("The deal was struck on 3 March.", "2024-06-01", "3 March", "2024-03-03"),
    // Months without a year: tense decides past or future.
    ("In June, a clash along the border killed 20 soldiers.", FRI, "June", "2020-06"),
    ("The shuffle was introduced in January.", "2005-09-07", "January", "2005-01"),
    ("The new model will ship in June.", FRI, "June", "2021-06"),
    ("The new model will ship in December.", FRI, "December", "2020-12"),
    ("The first model shipped in December.", FRI, "December", "2019-12"),
    ("The first model shipped in March.", FRI, "March", "2020-03"),
    ("The store sells more in December.", FRI, "December", "2020-12"),
    ("The fund collapsed last March.", FRI, "last March", "2020-03"),
    ("The fund collapsed last September.", FRI, "last September", "2019-09"),
    ("The fund will reopen next March.", FRI, "next March", "2021-03"),
    ("The fund will reopen next October.", FRI, "next October", "2020-10"),
    ("He has been on leave since January of this year.", "2011-08-25", "January of this year", "2011-01"),
    ("Prices rose in January of last year.", FRI, "January of last year", "2019-01"),
    ("The update is expected in late May.", "2005-05-07", "late May", "2005-05"),
    ("The new release came in mid-June.", FRI, "mid-June", "2020-06"),
    ("The firm reported as of February a market share of 70%.", "2008-04-09", "February", "2008-02"),
    ("In January he will step down.", "", "January", "null"),
    // Days of the week.
    ("They signed the agreement on Thursday that would allow supplies.", FRI, "Thursday", "2020-09-10"),
    ("The Times of India reported Friday.", FRI, "Friday", "2020-09-11"),
    ("India and Japan held talks on Friday.", SAT, "Friday", "2024-11-22"),
    ("India and Japan agreed Saturday to go further.", "2019-11-30", "Saturday", "2019-11-30"),
    ("They met on Monday.", SAT, "Monday", "2024-11-18"),
    ("They will meet on Monday.", SAT, "Monday", "2024-11-25"),
    ("The trial is set to begin on Wednesday.", "2006-03-28", "Wednesday", "2006-03-29"),
    ("On Wednesday, Apple introduced an iPod.", "2005-10-13", "Wednesday", "2005-10-12"),
    ("Pre-orders began Tuesday, overwhelming the site.", "2010-06-16", "Tuesday", "2010-06-15"),
    ("The announcement came on Friday morning.", "2010-07-17", "Friday morning", "2010-07-16"),
    ("Monday's email marked the third leave.", "2011-01-17", "Monday", "2011-01-17"),
    ("Protests erupted last Friday.", SAT, "last Friday", "2024-11-15"),
    ("Protests erupted last Friday.", FRI, "last Friday", "2020-09-04"),
    ("The court rules next Monday.", SAT, "next Monday", "2024-11-25"),
    ("The court rules next Monday.", MON, "next Monday", "2024-01-22"),
    ("Troops withdrew last Sunday.", MON, "last Sunday", "2024-01-14"),
    ("Troops withdrew last Monday.", MON, "last Monday", "2024-01-08"),
    ("The vote is this Friday.", MON, "this Friday", "2024-01-19"),
    ("The vote was on Sunday.", W53, "Sunday", "2020-12-27"),
    ("The vote will be on Sunday.", W53, "Sunday", "2021-01-03"),
    ("They met on Monday.", "", "Monday", "null"),
    // Days named from the reference date.
    ("Apple today unveiled its latest iPod.", "2005-09-07", "today", "2005-09-07"),
    ("Yesterday, the CEO unveiled the phone.", "2010-06-08", "Yesterday", "2010-06-07"),
    ("The vote is tomorrow.", SAT, "tomorrow", "2024-11-24"),
    ("The vote is tomorrow.", NYE, "tomorrow", "2026-01-01"),
    ("He said yesterday that prices would fall.", "2024-03-01", "yesterday", "2024-02-29"),
    ("He said yesterday that prices would fall.", MAR, "yesterday", "2023-02-28"),
    ("Apple announced this morning a price cut.", "2008-01-09", "this morning", "2008-01-09"),
    ("Fighting resumed last night in the north.", SUN, "last night", "2021-01-02"),
    ("The minister arrives tonight.", SAT, "tonight", "2024-11-23"),
    ("The minister arrives later today.", SAT, "later today", "2024-11-23"),
    ("The minister arrived earlier on Friday.", SAT, "Friday", "2024-11-22"),
    ("Talks continue tomorrow morning.", SAT, "tomorrow morning", "2024-11-24"),
    ("Apple today unveiled its latest iPod.", "", "today", "null"),
    // Weeks.
    ("Singh spoke with his counterpart this week.", SAT, "this week", "2024-W47"),
    ("Singh spoke with his counterpart last week.", SAT, "last week", "2024-W46"),
    ("Singh will visit next week.", SAT, "next week", "2024-W48"),
    ("Singh will visit next week.", W53, "next week", "2021-W01"),
    ("Singh will visit next week.", "2020-12-21", "next week", "2020-W53"),
    ("Singh spoke with his counterpart last week.", "2021-01-05", "last week", "2020-W53"),
    ("The results came this week.", SUN, "this week", "2020-W53"),
    ("The results came this week.", NYE, "this week", "2026-W01"),
    ("Crowds gathered this weekend.", SAT, "this weekend", "2024-W47"),
    ("The price fell a week ago.", SAT, "a week ago", "2024-W46"),
    ("Talks collapsed over the weekend.", MON, "the weekend", "2024-W02"),
    ("Talks will resume over the weekend.", MON, "the weekend", "2024-W03"),
    ("Talks collapsed last weekend.", MON, "last weekend", "2024-W02"),
    ("The festival opens this weekend.", MON, "this weekend", "2024-W03"),
    ("Protesters marched this past weekend.", MON, "this past weekend", "2024-W02"),
    ("Prices fell this past week.", MON, "this past week", "2024-W02"),
    ("Delegates stay for the rest of the week.", SAT, "the rest of the week", "2024-W47"),
    // Months.
    ("The summit will take place next month.", "2019-11-30", "next month", "2019-12"),
    ("The summit will take place next month.", NYE, "next month", "2026-01"),
    ("Apple received criticism last month.", "2010-08-09", "last month", "2010-07"),
    ("Apple received criticism last month.", MON, "last month", "2023-12"),
    ("Prices rose earlier this month.", SAT, "earlier this month", "2024-11"),
    ("Prices rose this month.", LEAP, "this month", "2024-02"),
    ("The law passed three months ago.", MON, "three months ago", "2023-10"),
    ("Cisco promised a fix before the end of the month.", "2005-05-07", "the end of the month", "2005-05"),
    ("Applications can be submitted starting next month.", "2010-10-23", "next month", "2010-11"),
    // Quarters.
    ("Profits rose in the first quarter.", SAT, "the first quarter", "2024-Q1"),
    ("Profits will rise in the first quarter.", SAT, "the first quarter", "2025-Q1"),
    ("Profits rose 78% during the last quarter.", "2007-01-18", "the last quarter", "2006-Q4"),
    ("Fourth-quarter profit is $1 billion.", "2007-01-18", "Fourth-quarter", "2006-Q4"),
    ("Sales grew in Q3 of 2024.", "", "Q3 of 2024", "2024-Q3"),
    ("Sales grew in Q3 2024.", "", "Q3 2024", "2024-Q3"),
    ("Sales grew in Q3.", SAT, "Q3", "2024-Q3"),
    ("Sales grew in Q3.", "", "Q3", "null"),
    ("Sales grew in the third quarter of 2023.", SAT, "the third quarter of 2023", "2023-Q3"),
    ("Third-quarter profits fell.", SAT, "Third-quarter", "2024-Q3"),
    ("Sales will pick up next quarter.", "2024-12-02", "next quarter", "2025-Q1"),
    ("Sales grew this quarter.", SAT, "this quarter", "2024-Q4"),
    ("The fourth quarter of last year was weak.", SAT, "The fourth quarter of last year", "2023-Q4"),
    // Years.
    ("Apple sold more iPods last year.", SAT, "last year", "2023"),
    ("Apple sold more iPods last year.", MON, "last year", "2023"),
    ("The switch would happen beginning next year.", "2005-06-06", "next year", "2006"),
    ("At this year's conference Jobs spoke.", "2010-06-08", "this year", "2010"),
    ("The merger closed a year ago.", SAT, "a year ago", "2023"),
    ("The merger closed two years ago.", SAT, "two years ago", "2022"),
    ("The merger closed 5 years ago.", SAT, "5 years ago", "2019"),
    ("The company passed Wal-Mart at the beginning of the year.", "2008-04-09", "the beginning of the year", "2008"),
    ("He would propose a plan by the end of the year.", FRI, "the end of the year", "2020"),
    ("Shipments rose at the very beginning of the financial year.", "2007-01-18", "the very beginning of the financial year", "2007"),
    ("Compared with the same period of the last year, sales doubled.", "2007-01-18", "the last year", "2006"),
    ("Earlier this year the firm moved.", "2011-06-07", "Earlier this year", "2011"),
    ("The plant closes later this year.", SAT, "later this year", "2024"),
    ("Growth slowed in fiscal 2007.", "", "fiscal 2007", "2007"),
    ("Growth slowed in fiscal year 2007.", "", "fiscal year 2007", "2007"),
    ("Growth slowed in FY2007.", "", "FY2007", "2007"),
    ("Growth slowed in the first half of 2019.", "", "the first half of 2019", "2019"),
    ("The lion release is expected in mid-2011.", "2010-10-23", "mid-2011", "2011-06"),
    ("He took six months off in early 2009.", "2011-01-17", "early 2009", "2009"),
    ("Longhorn is expected in late 2006.", "2005-05-07", "late 2006", "2006"),
    ("Talks began in the year 2000.", "", "the year 2000", "2000"),
    // Seasons.
    ("The release is scheduled for next summer.", "2010-10-23", "next summer", "2011"),
    ("The release is scheduled for this summer.", "2010-03-23", "this summer", "2010"),
    ("Troops left last winter.", FRI, "last winter", "2020"),
    ("The plant opened in the summer of 2019.", "", "the summer of 2019", "2019"),
    ("The plant will open in the fall.", "2024-12-10", "the fall", "2025"),
    ("Shares rose in spring 2021.", "", "spring 2021", "2021"),
    // Decades and other values no calendar can hold.
    ("Sales boomed in the 1990s.", SAT, "the 1990s", "null"),
    ("In the late 1980's Apple added audio.", SAT, "the late 1980's", "null"),
    ("Music of the '80s is back.", SAT, "the '80s", "null"),
    ("It was the third leave in the past decade.", SAT, "the past decade", "null"),
    ("The store more recently began to sell TV episodes.", SAT, "more recently", "null"),
    ("The recently announced phone sold out.", SAT, "recently", "null"),
    ("Customers were told to call back at a later time.", SAT, "a later time", "null"),
    ("We look forward to working together in the future.", SAT, "the future", "null"),
    ("One year later he was fired.", SAT, "One year later", "null"),
    ("Mistakes were made in the past.", SAT, "the past", "null"),
    ("He will be on leave for an undetermined period of time.", SAT, "an undetermined period of time", "null"),
    ("The talks opened on March 3, 2024 and ended the next day.", "", "the next day", "2024-03-04"),
    ("The talks opened on March 3, 2024; the day before, troops left.", "", "the day before", "2024-03-02"),
    ("The talks opened on March 3, 2024 and that day was calm.", "", "that day", "2024-03-03"),
    ("The talks ended the following day.", SAT, "the following day", "null"),
    ("Prices have risen in recent years.", SAT, "recent years", "null"),
    ("Prices will rise in the coming months.", SAT, "the coming months", "null"),
    ("Prices rose in the past few years.", SAT, "the past few years", "null"),
    // The present.
    ("Shipping began more than a week now.", "2005-05-07", "now", "2005-05-07"),
    ("The store currently sells music.", "2006-06-20", "currently", "2006-06-20"),
    ("The store currently sells music.", "", "currently", "null"),
    // Background years (a year naming a thing) keep their value.
    ("Both sides built on the 2008 Joint Declaration on Security Cooperation.", "2019-11-30", "2008", "2008"),
    ("The 1991 agreement barred Apple from music.", SAT, "1991", "1991"),
    ("Apple released the 2011 version of iLife.", SAT, "2011", "2011"),
    // Numbers that are not dates.
    ("The first India-Japan 2+2 dialogue took place.", SAT, "2+2", "-"),
    ("The army sent 1,500 troops to the border.", SAT, "1,500", "-"),
    ("The bumper costs $2,008 at retail.", SAT, "2,008", "-"),
    ("The bumper costs $2008 at retail.", SAT, "2008", "-"),
    ("The rule is set out in Section 2015 of the code.", SAT, "2015", "-"),
    ("The F-35 fighter flew over the base.", SAT, "35", "-"),
    ("The new version 10.4 shipped.", SAT, "10.4", "-"),
    ("Update to version 2019 today.", SAT, "2019", "-"),
    ("Version 10.4.1 is expected soon.", SAT, "10.4.1", "-"),
    ("Call 555-2015 for tickets.", SAT, "2015", "-"),
    ("Call (202) 555 2015 for tickets.", SAT, "2015", "-"),
    ("The meeting starts at 10:30 a.m.", SAT, "10:30", "-"),
    ("The rally starts at 2015 hours.", SAT, "2015", "-"),
    ("About 2000 people marched on the capital.", SAT, "2000", "-"),
    ("Flight 2015 landed safely.", SAT, "2015", "-"),
    ("Markets closed at 2100 GMT.", SAT, "2100", "-"),
    ("Airbus delivered 1950 planes.", SAT, "1950", "-"),
    ("The now-defunct firm sold its plant.", SAT, "now", "-"),
    ("He served for three years.", SAT, "three years", "-"),
    ("The ban lasts a week.", SAT, "a week", "-"),
    ("Over the past year prices rose.", SAT, "the past year", "-"),
    ("The store has 2.5 million visitors per week.", SAT, "week", "-"),
    ("The ban may last into next month.", SAT, "may", "-"),
    ("Troops march on the capital.", SAT, "march", "-"),
    ("Soldiers will march through the city.", SAT, "march", "-"),
    ("He spoke with Admiral Dong Jun.", SAT, "Jun", "-"),
    ("The fall of the regime came fast.", SAT, "fall", "-"),
    ("Sales rose 2015% in a year.", SAT, "2015", "-"),
    ("Its revenue reached 2015.5 million.", SAT, "2015", "-"),
    ("The 11th ASEAN meeting opened.", SAT, "11th", "-"),
    ("The iPod holds 1,000 songs for $249.", SAT, "249", "-"),
    ("Its screen is 320x240 pixels.", SAT, "320x240", "-"),
    ("A 3.5-inch screen shipped.", SAT, "3.5", "-"),
    ("Good Friday services were held.", SAT, "Friday", "-"),
    ("He reads USA Today every morning.", SAT, "Today", "-"),
];

fn date(s: &str) -> Option<NaiveDate> {
    (!s.is_empty()).then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("reference date"))
}

#[test]
fn table_has_enough_rows() {
    assert!(ROWS.len() >= 150, "only {} rows", ROWS.len());
}

#[test]
fn every_row_tags_as_expected() {
    let mut failures = Vec::new();
    for &(sentence, reference, text, value) in ROWS {
        let found = tag_str(sentence, date(reference));
        let start = sentence
            .find(text)
            .expect("expected text is in the sentence");
        let end = start + text.len();
        let got: Vec<String> = found
            .iter()
            .map(|t| {
                format!(
                    "{:?}={}",
                    &sentence[t.start..t.end],
                    t.value.map_or("null".into(), |v| v.to_string())
                )
            })
            .collect();
        let ok = if value == "-" {
            !found.iter().any(|t| t.start < end && start < t.end)
        } else {
            found.iter().any(|t| {
                t.start == start
                    && t.end == end
                    && t.value.map_or("null".to_string(), |v| v.to_string()) == value
            })
        };
        if !ok {
            failures.push(format!(
                "{sentence:?} @{reference}: want {text:?}={value}, got {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn kinds_and_bases() {
    let reference = date(SAT);
    let kind_of = |sentence: &str, text: &str| {
        tag_str(sentence, reference)
            .into_iter()
            .find(|t| &sentence[t.start..t.end] == text)
            .map(|t| (t.kind, t.basis))
    };
    assert_eq!(
        kind_of("based on the 2008 Joint Declaration on Security", "2008"),
        Some((TimexKind::Background, Basis::Explicit))
    );
    assert_eq!(
        kind_of("They agreed in 2008 to cooperate.", "2008"),
        Some((TimexKind::Date, Basis::Explicit))
    );
    assert_eq!(
        kind_of("It is now smaller.", "now"),
        Some((TimexKind::Present, Basis::Relative))
    );
    assert_eq!(
        kind_of("They met on Friday.", "Friday"),
        Some((TimexKind::Date, Basis::Relative))
    );
    assert_eq!(
        kind_of("It sold well recently.", "recently"),
        Some((TimexKind::Vague, Basis::Unresolved))
    );
    let unresolved = tag_str("They met on Friday.", None);
    assert_eq!(unresolved.len(), 1);
    assert_eq!(unresolved[0].basis, Basis::Unresolved);
    assert_eq!(unresolved[0].value, None);
}
