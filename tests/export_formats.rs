//! Every export format, written from a small hand-built timeline and read back with a real
//! reader: serde_json (JSON, JSONL, TimelineJS), the `csv` crate, the `icalendar` crate's
//! parser, and structural checks for Markdown.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::Component;
use serde_json::Value;

use newsline::events::{Event, Mention};
use newsline::export::{self, EventRecord, Format, Options};
use newsline::temporal::{Basis, DateValue};
use newsline::timeline::{ArticleInfo, Timeline};

const FORMULA_TITLE: &str = "=HYPERLINK(\"http://example.org\",\"click\")";
const TRICKY_TITLE: &str = "India, Japan agree; to \"step up\" ties\\cooperation";
const HTML_TITLE: &str = "Talks would resume <script>alert(1)</script> & more";

fn long_title() -> String {
    "日本とインドが防衛協力を強化することで合意した。".repeat(6)
}

fn event(date: Option<&str>, title: &str, actors: &[&str], mentions: &[(u32, usize)]) -> Event {
    Event {
        date: date.and_then(DateValue::parse),
        date_text: date.map(|d| format!("in {d}")).unwrap_or_default(),
        date_basis: if date.is_some() {
            Basis::Explicit
        } else {
            Basis::Unresolved
        },
        title: title.to_string(),
        actors: actors.iter().map(|&a| a.into()).collect(),
        mentions: mentions
            .iter()
            .map(|&(article, start)| Mention {
                article,
                start,
                end: start + 40,
                line: start as u32 / 20 + 1,
            })
            .collect(),
        background: false,
    }
}

/// Six events: every precision, an undated one, and titles that need escaping.
fn timeline() -> Timeline {
    let articles = vec![
        ArticleInfo {
            path: PathBuf::from("corpus/a.txt"),
            title: "India, Japan step up ties".to_string(),
            source: Some("Test Wire".to_string()),
            published: NaiveDate::from_ymd_opt(2024, 11, 23),
        },
        ArticleInfo {
            path: PathBuf::from("corpus/sub/b.md"),
            title: "Regional roundup".to_string(),
            source: None,
            published: None,
        },
    ];
    let events = vec![
        event(None, HTML_TITLE, &[], &[(1, 200)]),
        event(
            Some("2025-03"),
            "Joint exercise planned",
            &["Japan"],
            &[(0, 120)],
        ),
        event(
            Some("2024-11-22"),
            TRICKY_TITLE,
            &["India", "Japan"],
            &[(0, 60), (1, 0)],
        ),
        event(
            Some("2024-W47"),
            FORMULA_TITLE,
            &["@evil", "-minus"],
            &[(1, 80)],
        ),
        event(
            Some("2024-Q3"),
            "+Quarterly review",
            &["ASEAN"],
            &[(0, 300)],
        ),
        event(
            Some("2023"),
            &long_title(),
            &["Japan", "India"],
            &[(1, 400)],
        ),
    ];
    Timeline::new(articles, events, HashMap::new())
}

fn records() -> Vec<EventRecord> {
    let tl = timeline();
    let all: Vec<usize> = (0..tl.events.len()).collect();
    export::json::records(&tl, &all)
}

fn opts() -> Options {
    Options {
        stamp: DateTime::<Utc>::from_timestamp(1_732_300_000, 0).unwrap(),
        title: "Test timeline".to_string(),
    }
}

fn render(format: Format, recs: &[EventRecord], opts: &Options) -> (String, export::Summary) {
    let mut buf = Vec::new();
    let summary = export::write(format, &mut buf, recs, opts).unwrap();
    (String::from_utf8(buf).unwrap(), summary)
}

#[test]
fn json_reads_back_as_the_same_records() {
    let recs = records();
    let (s, summary) = render(Format::Json, &recs, &opts());
    assert_eq!(summary.written, 6);
    let v: Value = serde_json::from_str(&s).unwrap();
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 6);
    assert_eq!(events[0]["date"], "2023");
    assert_eq!(events[0]["precision"], "year");
    assert_eq!(events[5]["date"], Value::Null);
    let back: Vec<EventRecord> = serde_json::from_value(v["events"].clone()).unwrap();
    assert_eq!(back, recs);
}

#[test]
fn jsonl_is_one_record_a_line() {
    let recs = records();
    let (s, _) = render(Format::Jsonl, &recs, &opts());
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines.len(), recs.len());
    for (line, rec) in lines.iter().zip(&recs) {
        let back: EventRecord = serde_json::from_str(line).unwrap();
        assert_eq!(&back, rec);
    }
}

#[test]
fn csv_has_a_header_one_row_per_event_and_no_formulas() {
    let recs = records();
    let (s, _) = render(Format::Csv, &recs, &opts());
    let mut reader = csv::Reader::from_reader(s.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "date",
            "precision",
            "basis",
            "title",
            "actors",
            "sources",
            "location"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), recs.len());
    for (row, rec) in rows.iter().zip(&recs) {
        assert_eq!(row.len(), 7);
        for cell in row.iter() {
            let first = cell.chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "formula cell {cell:?}"
            );
        }
        assert_eq!(&row[0], rec.date.map(|d| d.to_string()).unwrap_or_default());
        assert_eq!(&row[2], rec.date_basis.as_str());
    }
    let day = rows.iter().find(|r| &r[0] == "2024-11-22").unwrap();
    assert_eq!(&day[1], "day");
    assert_eq!(&day[3], TRICKY_TITLE, "commas, quotes, backslashes survive");
    assert_eq!(&day[4], "India; Japan");
    assert_eq!(&day[5], "Test Wire; corpus/sub/b.md");
    assert_eq!(&day[6], "corpus/a.txt:4");
    let week = rows.iter().find(|r| &r[0] == "2024-W47").unwrap();
    assert_eq!(&week[3], format!("'{FORMULA_TITLE}"));
    assert_eq!(&week[4], "'@evil; -minus");
    let quarter = rows.iter().find(|r| &r[0] == "2024-Q3").unwrap();
    assert_eq!(&quarter[3], "'+Quarterly review");
    let undated = rows.iter().find(|r| r[0].is_empty()).unwrap();
    assert_eq!(&undated[3], HTML_TITLE);
}

#[test]
fn timelinejs_has_dated_slides_at_their_precision() {
    let recs = records();
    let (s, summary) = render(Format::TimelineJs, &recs, &opts());
    assert_eq!(summary.written, 5);
    assert_eq!(summary.undated_left_out, 1);
    let v: Value = serde_json::from_str(&s).unwrap();
    assert!(v["title"]["text"]["headline"].is_string());
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), 5);
    let mut ids = HashSet::new();
    for e in events {
        assert!(e["start_date"]["year"].is_string(), "{e}");
        assert!(e["text"]["headline"].is_string());
        assert!(e["text"]["text"].is_string());
        assert!(ids.insert(e["unique_id"].as_str().unwrap().to_string()));
    }
    let year = &events[0];
    assert_eq!(year["start_date"]["year"], "2023");
    assert!(year["start_date"].get("month").is_none());
    assert_eq!(year["group"], "Japan");
    let day = events
        .iter()
        .find(|e| e["start_date"]["day"] == "22")
        .unwrap();
    assert_eq!(day["start_date"]["year"], "2024");
    assert_eq!(day["start_date"]["month"], "11");
    assert_eq!(day["group"], "India");
    let month = events
        .iter()
        .find(|e| e["start_date"]["year"] == "2025")
        .unwrap();
    assert_eq!(month["start_date"]["month"], "3");
    assert!(month["start_date"].get("day").is_none());
    // headlines are HTML: the article's text is escaped
    assert!(!s.contains("<script>"));
    assert!(s.contains("&quot;step up&quot;"));
    // ids are stable from one export to the next
    let (again, _) = render(Format::TimelineJs, &recs, &opts());
    assert_eq!(s, again);
}

fn parse_ics(s: &str) -> icalendar::Calendar {
    let unfolded = icalendar::parser::unfold(s);
    icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("{e}"))
        .into()
}

fn ymd(y: i32, m: u32, d: u32) -> icalendar::DatePerhapsTime {
    icalendar::DatePerhapsTime::Date(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn ics_is_a_calendar_of_all_day_events() {
    let recs = records();
    let (s, summary) = render(Format::Ics, &recs, &opts());
    assert_eq!(summary.written, 5);
    assert_eq!(summary.undated_left_out, 1);
    // CRLF line ends, lines of at most 75 octets
    assert!(s.ends_with("\r\n"));
    for line in s.split("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    assert!(s.contains("\r\n "), "the long title is folded");
    let cal = parse_ics(&s);
    assert_eq!(cal.property_value("VERSION"), Some("2.0"));
    assert!(cal
        .property_value("PRODID")
        .is_some_and(|p| p.contains("newsline")));
    let events: Vec<&icalendar::Event> = cal.events().collect();
    assert_eq!(events.len(), 5);
    let by_summary = |t: &str| {
        *events
            .iter()
            .find(|e| e.get_summary() == Some(t))
            .unwrap_or_else(|| panic!("no event {t:?}"))
    };
    let day = by_summary(TRICKY_TITLE);
    assert_eq!(day.get_start(), Some(ymd(2024, 11, 22)));
    assert_eq!(day.get_end(), Some(ymd(2024, 11, 23)));
    let desc = day.get_description().unwrap();
    assert!(desc.contains("India, Japan"), "{desc}");
    assert!(desc.contains("Test Wire"), "{desc}");
    assert!(desc.contains('\n'), "{desc}");
    let month = by_summary("Joint exercise planned");
    assert_eq!(month.get_start(), Some(ymd(2025, 3, 1)));
    assert_eq!(month.get_end(), Some(ymd(2025, 4, 1)));
    let week = by_summary(FORMULA_TITLE);
    assert_eq!(week.get_start(), Some(ymd(2024, 11, 18)));
    assert_eq!(week.get_end(), Some(ymd(2024, 11, 25)));
    let quarter = by_summary("+Quarterly review");
    assert_eq!(quarter.get_start(), Some(ymd(2024, 7, 1)));
    assert_eq!(quarter.get_end(), Some(ymd(2024, 10, 1)));
    let year = by_summary(&long_title());
    assert_eq!(year.get_start(), Some(ymd(2023, 1, 1)));
    assert_eq!(year.get_end(), Some(ymd(2024, 1, 1)));
    let mut uids = HashSet::new();
    for e in &events {
        assert_eq!(e.get_timestamp(), Some(opts().stamp));
        assert!(uids.insert(e.get_uid().unwrap().to_string()));
    }
    // the same events exported later keep their UIDs
    let later = Options {
        stamp: DateTime::<Utc>::from_timestamp(1_800_000_000, 0).unwrap(),
        ..opts()
    };
    let (s2, _) = render(Format::Ics, &recs, &later);
    let uids2: HashSet<String> = parse_ics(&s2)
        .events()
        .map(|e| e.get_uid().unwrap().to_string())
        .collect();
    assert_eq!(uids, uids2);
    assert_ne!(s, s2, "DTSTAMP follows the export time");
}

#[test]
fn markdown_is_grouped_by_year_with_undated_last() {
    let recs = records();
    let (s, _) = render(Format::Markdown, &recs, &opts());
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "# Test timeline");
    let headings: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(headings, ["2023", "2024", "2025", "Undated"]);
    let mut section = "";
    let mut items = 0;
    for l in &lines {
        if let Some(h) = l.strip_prefix("## ") {
            section = h;
        } else if let Some(rest) = l.strip_prefix("- **") {
            items += 1;
            let (date, tail) = rest.split_once("** — ").unwrap();
            if section == "Undated" {
                assert_eq!(date, "undated");
            } else {
                assert!(date.starts_with(section), "{date} under {section}");
            }
            assert!(!tail.trim().is_empty());
        }
    }
    assert_eq!(items, recs.len());
    let day = lines
        .iter()
        .find(|l| l.starts_with("- **2024-11-22** — "))
        .unwrap();
    assert!(day.contains("(India, Japan)"), "{day}");
    assert!(day.ends_with("— Test Wire, corpus/sub/b.md"), "{day}");
    assert!(!s.contains("<script>"), "HTML in titles is escaped");
}

#[test]
fn every_format_writes_an_empty_timeline() {
    for format in Format::ALL {
        let (s, summary) = render(format, &[], &opts());
        assert_eq!(summary.written, 0);
        match format {
            Format::Json | Format::TimelineJs => {
                let v: Value = serde_json::from_str(&s).unwrap();
                assert_eq!(v["events"].as_array().map(Vec::len), Some(0));
            }
            Format::Jsonl => assert!(s.is_empty()),
            Format::Csv => assert_eq!(s.lines().count(), 1),
            Format::Ics => assert_eq!(parse_ics(&s).events().count(), 0),
            Format::Markdown => assert!(s.starts_with("# ")),
        }
    }
}

#[test]
fn a_query_selects_what_is_exported() {
    let tl = timeline();
    let idx = newsline::filter::filter(&tl, "@india");
    let recs = export::json::records(&tl, &idx);
    assert_eq!(recs.len(), 2);
    let (s, _) = render(Format::Csv, &recs, &opts());
    assert_eq!(csv::Reader::from_reader(s.as_bytes()).records().count(), 2);
}

mod any_title {
    //! Whatever text an article holds, every format stays well-formed and gives it back.

    use super::*;
    use proptest::prelude::*;

    fn with_title(title: &str) -> Vec<EventRecord> {
        let mut recs = records();
        for r in &mut recs {
            r.title = title.to_string();
            r.actors = vec![title.to_string(), "Japan".to_string()];
        }
        recs
    }

    /// What a calendar reader gets back for `s` (line breaks kept, tabs as spaces, other
    /// control characters dropped).
    fn ics_text(s: &str) -> String {
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .replace('\t', " ")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn every_format_round_trips(title in "[a-zA-Z0-9 é日本\\\\;,:\"'=+@<>&#*_\\[\\]\n\r\t-]{0,160}") {
            let recs = with_title(&title);

            let (s, _) = render(Format::Csv, &recs, &opts());
            let mut reader = csv::Reader::from_reader(s.as_bytes());
            let safe = export::csv::neutralise(&title).into_owned();
            for row in reader.records() {
                let row = row.unwrap();
                prop_assert_eq!(&row[3], safe.as_str());
            }

            let (s, _) = render(Format::TimelineJs, &recs, &opts());
            let v: Value = serde_json::from_str(&s).unwrap();
            for e in v["events"].as_array().unwrap() {
                let h = e["text"]["headline"].as_str().unwrap();
                prop_assert!(!h.contains('<') && !h.contains('>'));
                prop_assert_eq!(h, export::timelinejs::escape_html(&title));
            }

            let (s, _) = render(Format::Ics, &recs, &opts());
            for line in s.split("\r\n") {
                prop_assert!(line.len() <= 75);
                prop_assert!(!line.contains('\n') && !line.contains('\r'));
            }
            let cal = parse_ics(&s);
            let events: Vec<&icalendar::Event> = cal.events().collect();
            prop_assert_eq!(events.len(), 5);
            for e in events {
                prop_assert_eq!(e.get_summary().unwrap_or(""), ics_text(&title));
            }

            let (s, _) = render(Format::Markdown, &recs, &opts());
            let items = s.lines().filter(|l| l.starts_with("- **")).count();
            prop_assert_eq!(items, recs.len(), "one line per event");
            prop_assert!(!s.lines().any(|l| l.starts_with("## ") && l.len() > 12));
        }
    }
}
