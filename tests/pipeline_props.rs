//! Property tests over the whole reading pipeline: whatever the bytes, nothing panics, every
//! offset lies on a char boundary inside its file, sentences do not overlap, dates are valid
//! calendar values and events point into the file.
//!
//! `cargo test` runs a short pass; `cargo test --release -- --ignored` pushes over a million
//! generated inputs through (see README, "Hardening").

use std::path::Path;

use chrono::NaiveDate;
use newsline::article::Article;
use newsline::corpus;
use newsline::pipeline::{extract_article, tag_article};
use newsline::temporal::DateValue;
use proptest::prelude::*;

/// Words and marks news text is made of, so generated input reaches the deeper rules.
const PIECES: &[&str] = &[
    "On Friday",
    "on Monday",
    "last week",
    "next month",
    "in June",
    "Sept. 11",
    "November 22, 2024",
    "2024-11-22",
    "in 2022",
    "since 2015",
    "the 1990s",
    "Q3",
    "fiscal 2007",
    "this summer",
    "a year ago",
    "yesterday",
    "Mr.",
    "Gen.",
    "U.S.",
    "S. Jaishankar",
    "Lloyd J. Austin",
    "Defence Minister",
    "Rajnath Singh",
    "India",
    "Japanese",
    "Tokyo",
    "the Quad",
    "Ministry of Defence",
    "he",
    "said",
    "met",
    "signed",
    "will meet",
    "agreed",
    ".",
    ",",
    "—",
    "“",
    "”",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "---\n",
    "title: x\n",
    "published: 2024-02-29\n",
    "published: 2024-13-45\n",
    "é",
    "日本",
    "🙂",
    "\u{301}",
    "\u{1b}[2J",
    "\u{7}",
    "#tag",
    "Source: x",
    "Exit mobile version",
    " ",
    "10.4",
    "1,500",
    "$2,008",
    "F-35",
    "2+2",
    "Feb. 29",
    "Dec. 31",
    "Jan. 1",
    "week 53",
    "2020-W53",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
            1 => "[A-Z][a-z]{1,8}",
            1 => "[0-9]{1,4}",
        ],
        0..60,
    )
    .prop_map(|v| v.join(" "))
}

fn check(text: String) {
    let len = text.len();
    let reference = NaiveDate::from_ymd_opt(2024, 11, 23);
    let article = Article::parse("p.txt", text, reference);
    let t = &article.text;
    let (sentences, timexes) = tag_article(&article);
    let mut prev_end = 0;
    for s in &sentences {
        assert!(
            s.start < s.end && s.end <= len,
            "sentence {s:?} out of the file"
        );
        assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
        assert!(s.start >= prev_end, "sentences overlap");
        prev_end = s.end;
    }
    for x in &timexes {
        assert!(
            x.start < x.end && x.end <= len,
            "timex {x:?} out of the file"
        );
        assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
        if let Some(v) = x.value {
            assert_eq!(
                DateValue::parse(&v.to_string()),
                Some(v),
                "a valid calendar value"
            );
        }
    }
    let events = extract_article(&article).events;
    for e in &events {
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= len);
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
        }
        assert!(
            !e.title.contains('\n'),
            "a title is one line: {:?}",
            e.title
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn news_like_text_never_breaks_the_pipeline(text in news_like()) {
        check(text);
    }

    #[test]
    fn arbitrary_bytes_are_refused_or_read(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_bytes(bytes);
    }
}

/// Reads bytes as a file's content is read, then checks the text when it is not refused.
fn check_bytes(bytes: Vec<u8>) {
    let mut warnings = Vec::new();
    if let Ok(text) = corpus::decode(Path::new("b.txt"), bytes, &mut warnings) {
        check(text);
    }
}

/// The long run: over a million generated inputs, news-like strings and arbitrary bytes half
/// and half (`cargo test --release -- --ignored`).
#[test]
#[ignore]
fn a_million_inputs_never_break_the_pipeline() {
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 1_000_000,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let input = prop_oneof![
        news_like().prop_map(Ok),
        prop::collection::vec(any::<u8>(), 0..400).prop_map(Err),
    ];
    runner
        .run(&input, |input: Result<String, Vec<u8>>| {
            match input {
                Ok(text) => check(text),
                Err(bytes) => check_bytes(bytes),
            }
            Ok(())
        })
        .unwrap();
}
