//! Properties of the temporal tagger on any input: it never panics, every expression lies on
//! char boundaries inside its sentence with start < end, and every value is a valid calendar
//! value (it round-trips through its ISO text).

use chrono::{Days, NaiveDate};
use newsline::sentences::{Sentence, SentenceKind};
use newsline::temporal::{tag, tag_str, Basis, DateValue, Timex};
use proptest::prelude::*;

/// Words and marks that make up dates, so that random text often holds (near-)expressions.
const VOCAB: &[&str] = &[
    "on",
    "in",
    "since",
    "by",
    "the",
    "last",
    "next",
    "this",
    "early",
    "mid",
    "late",
    "of",
    "a",
    "ago",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "week",
    "month",
    "year",
    "years",
    "quarter",
    "decade",
    "weekend",
    "summer",
    "fall",
    "fiscal",
    "FY2007",
    "Q3",
    "Q5",
    "Monday",
    "Friday",
    "Sunday",
    "January",
    "Feb",
    "Feb.",
    "February",
    "March",
    "May",
    "Sept.",
    "December",
    "Dec",
    "22",
    "29",
    "30",
    "31",
    "0",
    "99",
    "2024",
    "2023",
    "1990s",
    "1980",
    "'s",
    "'90s",
    "9999",
    "0000",
    "22nd",
    "1st",
    "-",
    "/",
    ",",
    ".",
    "$",
    "%",
    "+",
    ":",
    "’",
    "é",
    "日本",
    "—",
    "\n",
    "will",
    "met",
    "said",
    "is",
    "set",
    "to",
    "be",
    "held",
    "later",
    "recently",
    "end",
    "beginning",
    "first",
    "third",
    "half",
    "2024-11-22",
    "2023-02-29",
    "11/22/2024",
    "10.4",
    "1,500",
    "Section",
    "F-35",
    "the future",
    "the past",
    "more",
];

fn reference() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((0u64..80_000).prop_map(|d| {
        NaiveDate::from_ymd_opt(1900, 1, 1)
            .and_then(|x| x.checked_add_days(Days::new(d)))
            .unwrap_or(NaiveDate::MIN)
    }))
}

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (prop::sample::select(VOCAB), prop::bool::weighted(0.8)),
        0..40,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (w, space) in parts {
            s.push_str(w);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![newsy(), ".{0,120}", "[0-9A-Za-z ,./:'-]{0,80}"]
}

/// Checks one timex against the text and the sentence range it must lie in.
fn check(text: &str, t: &Timex, range: (usize, usize)) -> Result<(), TestCaseError> {
    prop_assert!(t.start < t.end, "empty span {t:?}");
    prop_assert!(t.end <= text.len());
    prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    prop_assert!(
        range.0 <= t.start && t.end <= range.1,
        "{t:?} outside {range:?}"
    );
    if let Some(v) = t.value {
        prop_assert_eq!(DateValue::parse(&v.to_string()), Some(v));
        prop_assert!(t.basis != Basis::Unresolved);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn whole_string_offsets_and_values_are_sound(text in any_text(), r in reference()) {
        for t in tag_str(&text, r) {
            check(&text, &t, (0, text.len()))?;
        }
    }

    #[test]
    fn no_reference_leaves_relative_values_unresolved(text in newsy()) {
        for t in tag_str(&text, None) {
            if t.basis == Basis::Relative {
                prop_assert!(false, "relative value without a reference: {t:?}");
            }
        }
    }

    #[test]
    fn expressions_stay_in_their_sentences(
        text in any_text(),
        r in reference(),
        cuts in prop::collection::vec(0usize..200, 0..8),
    ) {
        // Sentences from arbitrary cut points (some off char boundaries or past the end, which
        // the tagger must skip without panicking).
        let mut cuts = cuts;
        cuts.push(0);
        cuts.push(text.len());
        cuts.sort_unstable();
        let sentences: Vec<Sentence> = cuts
            .windows(2)
            .map(|w| Sentence { start: w[0], end: w[1], kind: SentenceKind::Text, paragraph: 0 })
            .collect();
        for t in tag(&text, &sentences, r) {
            let inside = sentences.iter().any(|s| {
                text.get(s.start..s.end).is_some() && s.start <= t.start && t.end <= s.end
            });
            prop_assert!(inside, "{t:?} in no sentence");
            check(&text, &t, (0, text.len()))?;
        }
    }
}
