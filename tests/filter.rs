//! The timeline filter: query syntax, smart case, actor-only terms, the actor list's term,
//! highlights, and two properties: the fast decision gives nucleo's answers, and narrowing a
//! query step by step gives what a search from scratch gives.

use std::collections::HashMap;

use newsline::events::Event;
use newsline::filter::{actor_query, filter, filter_names, Field, Filter};
use newsline::temporal::{Basis, DateValue};
use newsline::timeline::Timeline;
use nucleo_matcher::pattern::{Atom, AtomKind, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use proptest::prelude::*;

fn event(date: Option<DateValue>, title: &str, actors: &[&str]) -> Event {
    Event {
        date,
        date_text: String::new(),
        date_basis: Basis::Explicit,
        title: title.to_string(),
        actors: actors.iter().map(|&a| a.into()).collect(),
        mentions: Vec::new(),
        background: false,
    }
}

/// Built in timeline order (the dates ascend), so indices are positions in this list.
fn sample() -> Timeline {
    let d = |y, m, day| DateValue::ymd(y, m, day);
    let events = vec![
        event(
            d(2020, 1, 5),
            "Defence ministers meet in Tokyo",
            &["Rajnath Singh", "Japan"],
        ),
        event(d(2020, 2, 9), "Singh Street market reopens", &["Delhi"]),
        event(
            d(2020, 3, 1),
            "Navies hold drills",
            &["Rajnath Singh Jr", "India"],
        ),
        event(d(2020, 4, 2), "Talks on the border", &["India", "China"]),
        event(
            d(2021, 5, 7),
            "Tokyo hosts summit",
            &["Shinzo Abe", "Narendra Modi"],
        ),
        event(
            d(2021, 6, 3),
            "Ministers sign pact",
            &["Recep Erdoğan", "Rajnath Singh"],
        ),
        event(DateValue::month(2022, 7), "RAJ meets press", &["Raj Kumar"]),
        event(None, "Undated statement on trade", &[]),
    ];
    Timeline::new(Vec::new(), events, HashMap::new())
}

fn q(query: &str) -> Vec<usize> {
    filter(&sample(), query)
}

#[test]
fn empty_query_keeps_everything_in_order() {
    let tl = sample();
    assert_eq!(filter(&tl, ""), (0..tl.events.len()).collect::<Vec<_>>());
    assert_eq!(filter(&tl, "   "), (0..tl.events.len()).collect::<Vec<_>>());
}

#[test]
fn fuzzy_terms_all_must_match() {
    // "tky" is a subsequence of Tokyo only
    assert_eq!(q("tky"), vec![0, 4]);
    assert_eq!(q("tky summit"), vec![4]);
    assert_eq!(q("tky nomatchzz"), Vec::<usize>::new());
}

#[test]
fn a_term_matches_title_actors_or_date() {
    assert_eq!(q("china"), vec![3]);
    assert_eq!(q("'2021-05"), vec![4]);
    assert_eq!(q("'2022-07"), vec![6]);
    // fuzzy: 2,0,2,1,-,0,5 in order in 2020-01-05 too
    assert_eq!(q("2021-05"), vec![0, 4]);
}

#[test]
fn substring_prefix_suffix_and_exact() {
    // 'ministers is a contiguous substring
    assert_eq!(q("'ministers"), vec![0, 5]);
    // fuzzy "mnstrs" matches, substring does not
    assert_eq!(q("'mnstrs"), Vec::<usize>::new());
    assert_eq!(q("mnstrs"), vec![0, 5]);
    // ^ anchors at the start of a field (title or one actor)
    assert_eq!(q("^tokyo"), vec![4]);
    assert_eq!(q("^india"), vec![2, 3]);
    // $ anchors at the end of a field
    assert_eq!(q("tokyo$"), vec![0]);
    assert_eq!(q("jr$"), vec![2]);
    // ^…$ is the whole field
    assert_eq!(q("^india$"), vec![2, 3]);
    // a space splits terms; an escaped space is part of the term
    assert_eq!(q("^rajnath singh"), vec![0, 2, 5]);
    assert_eq!(q("^rajnath\\ singh"), vec![0, 2, 5]);
    assert_eq!(q("^rajnath\\ singh$"), vec![0, 5]);
    assert_eq!(q("'rajnath\\ singh\\ jr"), vec![2]);
}

#[test]
fn negated_terms() {
    // !x excludes a substring anywhere
    assert_eq!(q("!singh"), vec![3, 4, 6, 7]);
    assert_eq!(q("!'singh"), vec![3, 4, 6, 7]);
    assert_eq!(q("!^singh"), vec![0, 2, 3, 4, 5, 6, 7]);
    assert_eq!(q("!jr$"), vec![0, 1, 3, 4, 5, 6, 7]);
    assert_eq!(q("!^india$ !tokyo"), vec![1, 5, 6, 7]);
    assert_eq!(q("singh !@singh"), vec![1]);
}

#[test]
fn or_between_terms() {
    assert_eq!(q("china | summit"), vec![3, 4]);
    assert_eq!(q("china | summit 2021"), vec![4]);
    assert_eq!(q("| china"), vec![3]);
}

#[test]
fn smart_case() {
    // lower case ignores case; an upper-case letter makes the term case-sensitive
    assert_eq!(q("raj"), vec![0, 2, 5, 6]);
    assert_eq!(q("RAJ"), vec![6]);
    assert_eq!(q("Raj"), vec![0, 2, 5, 6]);
    assert_eq!(q("'Raj"), vec![0, 2, 5, 6]);
    assert_eq!(q("'RAJ"), vec![6]);
    assert_eq!(q("^Raj"), vec![0, 2, 5, 6]);
    assert_eq!(q("^RAJ"), vec![6]);
    assert_eq!(q("Tokyo$"), vec![0]);
    assert_eq!(q("tokyo$"), vec![0]);
    assert_eq!(q("TOKYO$"), Vec::<usize>::new());
}

#[test]
fn actor_terms_match_actors_only() {
    // "singh" in a title alone does not satisfy @singh
    assert_eq!(q("@singh"), vec![0, 2, 5]);
    assert_eq!(q("singh"), vec![0, 1, 2, 5]);
    assert_eq!(q("actor:singh"), vec![0, 2, 5]);
    assert_eq!(q("@tokyo"), Vec::<usize>::new());
    assert_eq!(q("@sing tokyo"), vec![0]);
    assert_eq!(q("!@india"), vec![0, 1, 4, 5, 6, 7]);
    assert_eq!(q("@!india"), vec![0, 1, 4, 5, 6, 7]);
    // a literal @ is escaped
    assert_eq!(q("\\@singh"), Vec::<usize>::new());
    // non-ASCII actors are matched by nucleo, with normalisation
    assert_eq!(q("@erdogan"), vec![5]);
    assert_eq!(q("@erdoğan"), vec![5]);
}

#[test]
fn actor_query_keeps_exactly_that_actor() {
    let tl = sample();
    for name in ["Rajnath Singh", "India", "Recep Erdoğan", "Raj Kumar"] {
        let term = actor_query(name);
        let want: Vec<usize> = (0..tl.events.len())
            .filter(|&i| tl.events[i].actors.iter().any(|a| &**a == name))
            .collect();
        assert!(!want.is_empty());
        assert_eq!(filter(&tl, &term), want, "{term}");
    }
    assert_eq!(actor_query("Rajnath Singh"), "@^Rajnath\\ Singh$");
    // combined with other terms
    let term = format!("{} tokyo", actor_query("Rajnath Singh"));
    assert_eq!(filter(&tl, &term), vec![0]);
}

#[test]
fn filter_names_uses_the_same_syntax() {
    let names = [
        "Rajnath Singh",
        "Raj Kumar",
        "India",
        "Recep Erdoğan",
        "Singh Street",
    ];
    assert_eq!(filter_names(&names, "raj"), vec![0, 1]);
    assert_eq!(filter_names(&names, "sin"), vec![0, 4]);
    assert_eq!(filter_names(&names, "^sin"), vec![4]);
    assert_eq!(filter_names(&names, "Raj !kumar"), vec![0]);
    assert_eq!(filter_names(&names, "@rdgn"), vec![3]);
    assert_eq!(filter_names(&names, ""), vec![0, 1, 2, 3, 4]);
    assert_eq!(filter_names(&names, &actor_query("India")), vec![2]);
}

#[test]
fn the_filter_keeps_its_query_and_matches() {
    let tl = sample();
    let mut f = Filter::new(&tl);
    assert_eq!(f.matches().len(), tl.events.len());
    f.set_query("@sing");
    assert_eq!(f.query(), "@sing");
    assert_eq!(f.matches(), &[0, 2, 5]);
    f.set_query("@singh jr");
    assert_eq!(f.matches(), &[2]);
    f.set_query("@sin");
    assert_eq!(f.matches(), &[0, 2, 4, 5]); // Shinzo too
    f.set_query("");
    assert_eq!(f.matches().len(), tl.events.len());
}

#[test]
fn typing_finds_a_match_in_a_later_field() {
    // "rajn" fits in the title ("Rally in Japan"), "rajna" only in the actor
    let events = vec![
        event(
            DateValue::ymd(2020, 1, 1),
            "Rally in Japan",
            &["Rajnath Singh"],
        ),
        event(DateValue::ymd(2020, 1, 2), "Rally in Japan", &["India"]),
    ];
    let tl = Timeline::new(Vec::new(), events, HashMap::new());
    let mut f = Filter::new(&tl);
    for (q, want) in [
        ("r", vec![0, 1]),
        ("ra", vec![0, 1]),
        ("raj", vec![0, 1]),
        ("rajn", vec![0, 1]),
        ("rajna", vec![0]),
        ("rajnath", vec![0]),
    ] {
        f.set_query(q);
        assert_eq!(f.matches(), &want[..], "{q}");
    }
}

#[test]
fn highlight_positions() {
    let tl = sample();
    let mut f = Filter::new(&tl);
    f.set_query("'tokyo");
    assert_eq!(
        f.highlight(Field::Title, &tl.events[0].title),
        vec![26, 27, 28, 29, 30]
    );
    f.set_query("^def");
    assert_eq!(
        f.highlight(Field::Title, "Defence ministers"),
        vec![0, 1, 2]
    );
    // an actor term highlights actors, not the title
    f.set_query("@singh");
    let actors = tl.events[0].actors.join(", ");
    assert_eq!(f.highlight(Field::Actors, &actors), vec![8, 9, 10, 11, 12]);
    assert_eq!(f.highlight(Field::Title, "Singh Street"), Vec::<u32>::new());
    // positions count chars, and a later actor is offset by the ones before it
    f.set_query("'erdoğan");
    let text = "Recep Erdoğan, Rajnath Singh";
    assert_eq!(
        f.highlight(Field::Actors, text),
        vec![6, 7, 8, 9, 10, 11, 12]
    );
    f.set_query("^india$");
    assert_eq!(
        f.highlight(Field::Actors, "China, India"),
        vec![7, 8, 9, 10, 11]
    );
    // negated terms highlight nothing; several terms merge
    f.set_query("!china 'min 'sign");
    assert_eq!(
        f.highlight(Field::Title, "Ministers sign pact"),
        vec![0, 1, 2, 10, 11, 12, 13]
    );
    // every highlighted char of a fuzzy match is a needle char, in order
    f.set_query("mtk");
    let title = &tl.events[0].title;
    let hl = f.highlight(Field::Title, title);
    let chars: Vec<char> = title.chars().collect();
    let got: String = hl
        .iter()
        .map(|&i| chars[i as usize].to_ascii_lowercase())
        .collect();
    assert_eq!(got, "mtk");
}

// ---- properties ----

/// Characters the random texts are made of: both cases, digits, separators, and letters that
/// fold or normalise (é, É, ß, ğ, a combining accent).
const ALPHABET: &[char] = &[
    'a', 'b', 'r', 'j', 'n', 'A', 'B', 'R', 'J', 'N', '1', '2', ' ', ' ', '-', ',', '\'', 'é', 'É',
    'ß', 'ğ', '\u{301}',
];

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(ALPHABET), 0..max)
        .prop_map(|cs| cs.into_iter().collect())
}

/// Half the time ASCII only, since rows of ASCII text take their own path.
fn row_text(max: usize) -> impl Strategy<Value = String> {
    (any::<bool>(), text(max)).prop_map(|(ascii, t)| {
        if ascii {
            t.chars().filter(char::is_ascii).collect()
        } else {
            t
        }
    })
}

fn needle() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(&['a', 'b', 'r', 'j', 'A', 'R', '1', '-', ',', 'é', 'e', 'ß'][..]),
        1..6,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// A term as (actor-only, atom text): fuzzy, substring, prefix, suffix, exact, each maybe
/// negated.
fn term() -> impl Strategy<Value = (bool, String)> {
    (any::<bool>(), 0..5usize, any::<bool>(), needle()).prop_map(|(actor, kind, neg, n)| {
        let body = match kind {
            0 => n,
            1 => format!("'{n}"),
            2 => format!("^{n}"),
            3 => format!("{n}$"),
            _ => format!("^{n}$"),
        };
        (actor, if neg { format!("!{body}") } else { body })
    })
}

/// Groups of alternatives.
fn query() -> impl Strategy<Value = Vec<Vec<(bool, String)>>> {
    proptest::collection::vec(proptest::collection::vec(term(), 1..3), 1..4)
}

fn render(groups: &[Vec<(bool, String)>]) -> String {
    groups
        .iter()
        .map(|g| {
            g.iter()
                .map(|(actor, t)| if *actor { format!("@{t}") } else { t.clone() })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn random_timeline() -> impl Strategy<Value = Timeline> {
    proptest::collection::vec(
        (
            row_text(16),
            proptest::collection::vec(row_text(10), 0..3),
            0..3u8,
        ),
        1..24,
    )
    .prop_map(|rows| {
        let events = rows
            .into_iter()
            .enumerate()
            .map(|(i, (title, actors, d))| {
                let date = match d {
                    0 => None,
                    1 => DateValue::ymd(2020, 1 + (i % 12) as u32, 1),
                    _ => Some(DateValue::Year(2000 + i as i32)),
                };
                let actors: Vec<&str> = actors.iter().map(String::as_str).collect();
                event(date, &title, &actors)
            })
            .collect();
        Timeline::new(Vec::new(), events, HashMap::new())
    })
}

/// Events whose actors and dates come from a few shared values (as in real timelines, where
/// the filter stores each distinct name and date once): the same name in many events, twice in
/// one event, empty, or with non-ASCII characters.
fn pooled_timeline() -> impl Strategy<Value = Timeline> {
    (
        proptest::collection::vec(row_text(8), 1..5),
        proptest::collection::vec(
            (
                row_text(16),
                proptest::collection::vec(0..5usize, 0..4),
                0..4u8,
            ),
            1..30,
        ),
    )
        .prop_map(|(pool, rows)| {
            let events = rows
                .into_iter()
                .map(|(title, picks, d)| {
                    let date = match d {
                        0 => None,
                        1 => DateValue::ymd(2020, 1, 2),
                        2 => DateValue::month(2021, 12),
                        _ => Some(DateValue::Year(2020)),
                    };
                    let actors: Vec<&str> = picks
                        .iter()
                        .map(|&k| pool[k % pool.len()].as_str())
                        .collect();
                    event(date, &title, &actors)
                })
                .collect();
            Timeline::new(Vec::new(), events, HashMap::new())
        })
}

/// Timelines of either kind.
fn any_timeline() -> impl Strategy<Value = Timeline> {
    prop_oneof![random_timeline(), pooled_timeline()]
}

/// Plain nucleo-matcher (0.3.1) scoring the atom on a field, routed around three of its bugs
/// that the filter does not share:
/// 1. on ASCII text, a case-sensitive prefix, suffix or exact atom is compared with the whole
///    text (`^Raj` never matches `Rajnath`): its `char` path is used for these;
/// 2. on `char` text, a substring is never found at the very end (the scan stops one short): a
///    character that matches nothing is appended;
/// 3. on ASCII text, a case-insensitive substring whose first letter is its third character or
///    later is searched case-sensitively: substrings take the `char` path (with 2).
fn nucleo_hit(atom: &Atom, field: &str, m: &mut Matcher) -> bool {
    let mut chars: Vec<char> = field.chars().collect();
    let hay = match atom.kind {
        AtomKind::Fuzzy if field.is_ascii() => Utf32Str::Ascii(field.as_bytes()),
        AtomKind::Substring => {
            chars.push('\u{E000}');
            Utf32Str::Unicode(&chars)
        }
        _ => Utf32Str::Unicode(&chars),
    };
    atom.score(hay, m).is_some()
}

#[test]
fn the_nucleo_bugs_the_reference_avoids_are_real() {
    let mut m = Matcher::new(Config::DEFAULT);
    let parse = |t: &str| Atom::parse(t, CaseMatching::Smart, Normalization::Smart);
    let mut buf = Vec::new();
    // 1: ASCII, case-sensitive prefix
    assert!(parse("^Raj")
        .score(Utf32Str::new("Rajnath", &mut buf), &mut m)
        .is_none());
    assert_eq!(filter_names(&["Rajnath"], "^Raj"), vec![0]);
    // 2: char text, substring at the end
    let chars: Vec<char> = "Erdoğan ab".chars().collect();
    assert!(parse("'ab")
        .score(Utf32Str::Unicode(&chars), &mut m)
        .is_none());
    assert_eq!(filter_names(&["Erdoğan ab"], "'ab"), vec![0]);
    // 3: ASCII, case-insensitive substring starting with two non-letters
    assert!(parse("'1-ab")
        .score(Utf32Str::new("x1-AB", &mut buf), &mut m)
        .is_none());
    assert_eq!(filter_names(&["x1-AB"], "'1-ab"), vec![0]);
}

/// The reference answer: plain nucleo on every field of every event.
fn reference(tl: &Timeline, groups: &[Vec<(bool, String)>]) -> Vec<usize> {
    let mut m = Matcher::new(Config::DEFAULT);
    (0..tl.events.len())
        .filter(|&i| {
            let e = &tl.events[i];
            let date = e.date.map(|d| d.to_string()).unwrap_or_default();
            groups.iter().all(|g| {
                g.iter().any(|(actor, t)| {
                    let mut atom = Atom::parse(t, CaseMatching::Smart, Normalization::Smart);
                    let negative = atom.negative;
                    atom.negative = false;
                    let mut fields: Vec<&str> = Vec::new();
                    if !actor {
                        fields.push(&e.title);
                        fields.push(&date);
                    }
                    fields.extend(e.actors.iter().map(|a| &**a));
                    let hit = fields.iter().any(|f| nucleo_hit(&atom, f, &mut m));
                    hit != negative
                })
            })
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// One term on one field: the fast decision (masks, memchr checks) gives nucleo's answer.
    #[test]
    fn decision_equals_nucleo_on_a_field(field in text(20), t in term()) {
        let (_, raw) = t;
        let mut m = Matcher::new(Config::DEFAULT);
        let mut atom = Atom::parse(&raw, CaseMatching::Smart, Normalization::Smart);
        let negative = atom.negative;
        atom.negative = false;
        let want = nucleo_hit(&atom, &field, &mut m) != negative;
        let got = filter_names(&[field.as_str()], &raw) == vec![0];
        prop_assert_eq!(got, want, "term {:?} field {:?}", raw, field);
    }

    /// Whole queries on whole timelines: the filter keeps what plain nucleo keeps.
    #[test]
    fn filter_equals_nucleo(tl in any_timeline(), groups in query()) {
        let query = render(&groups);
        let mut f = Filter::new(&tl);
        f.set_query_from_scratch(&query);
        prop_assert_eq!(f.matches(), &reference(&tl, &groups)[..], "query {:?}", query);
    }

    /// Typing a query a character at a time, then deleting it, gives at every step what a
    /// search from scratch gives.
    #[test]
    fn incremental_equals_from_scratch(tl in any_timeline(), groups in query(), cut in 0..8usize) {
        let query = render(&groups);
        let chars: Vec<char> = query.chars().collect();
        let mut steps: Vec<String> = (0..=chars.len()).map(|n| chars[..n].iter().collect()).collect();
        let back = chars.len().saturating_sub(cut);
        steps.extend((back..chars.len()).rev().map(|n| chars[..n].iter().collect::<String>()));
        let mut typed = Filter::new(&tl);
        let mut fresh = Filter::new(&tl);
        for s in &steps {
            typed.set_query(s);
            fresh.set_query_from_scratch(s);
            prop_assert_eq!(typed.matches(), fresh.matches(), "at {:?}", s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any sequence of edits (a term added, the last term deleted, a character typed or
    /// deleted, an OR, a new query) gives at every step what a search from scratch gives.
    #[test]
    fn edits_equal_from_scratch(
        tl in any_timeline(),
        edits in proptest::collection::vec((0..6u8, term(), proptest::sample::select(ALPHABET)), 1..14),
    ) {
        let mut typed = Filter::new(&tl);
        let mut fresh = Filter::new(&tl);
        let mut q = String::new();
        for (op, (actor, t), c) in edits {
            let t = if actor { format!("@{t}") } else { t };
            match op {
                0 => { if !q.is_empty() { q.push(' '); } q.push_str(&t); }
                1 => { q = q.rsplit_once(' ').map_or(String::new(), |(a, _)| a.to_string()); }
                2 => { q.pop(); }
                3 => { if c != ' ' { q.push(c); } }
                4 => { q.push_str(" | "); q.push_str(&t); }
                _ => { q = t; }
            }
            typed.set_query(&q);
            fresh.set_query_from_scratch(&q);
            prop_assert_eq!(typed.matches(), fresh.matches(), "at {:?}", q);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Plain fuzzy words typed a character at a time (the common case, where each row keeps
    /// where its match ended) give what a search from scratch gives.
    #[test]
    fn typed_fuzzy_words_equal_from_scratch(
        tl in any_timeline(),
        words in proptest::collection::vec(
            (any::<bool>(), proptest::collection::vec(
                proptest::sample::select(&['a', 'b', 'r', 'j', 'n', 'A', 'R', '-', ','][..]), 2..7)),
            1..3),
    ) {
        let query = words
            .iter()
            .map(|(actor, w)| format!("{}{}", if *actor { "@" } else { "" }, w.iter().collect::<String>()))
            .collect::<Vec<_>>()
            .join(" ");
        let chars: Vec<char> = query.chars().collect();
        let mut typed = Filter::new(&tl);
        let mut fresh = Filter::new(&tl);
        for n in 0..=chars.len() {
            let s: String = chars[..n].iter().collect();
            typed.set_query(&s);
            fresh.set_query_from_scratch(&s);
            prop_assert_eq!(typed.matches(), fresh.matches(), "at {:?}", s);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Alternatives typed a character at a time after a term (`modi | abe`), maybe after
    /// another group, then deleted, give what a search from scratch gives.
    #[test]
    fn typed_alternatives_equal_from_scratch(
        tl in any_timeline(),
        lead in proptest::option::of(term()),
        first in term(),
        second in term(),
        third in proptest::option::of(term()),
    ) {
        let render = |(actor, t): &(bool, String)| format!("{}{t}", if *actor { "@" } else { "" });
        let mut query = String::new();
        if let Some(l) = &lead {
            query.push_str(&render(l));
            query.push(' ');
        }
        query.push_str(&render(&first));
        query.push_str(" | ");
        query.push_str(&render(&second));
        if let Some(t) = &third {
            query.push_str(" | ");
            query.push_str(&render(t));
        }
        let chars: Vec<char> = query.chars().collect();
        let mut typed = Filter::new(&tl);
        let mut fresh = Filter::new(&tl);
        let steps = (0..=chars.len()).chain((0..chars.len()).rev());
        for n in steps {
            let s: String = chars[..n].iter().collect();
            typed.set_query(&s);
            fresh.set_query_from_scratch(&s);
            prop_assert_eq!(typed.matches(), fresh.matches(), "at {:?}", s);
        }
    }
}

#[test]
fn large_timelines_split_across_cores_keep_order() {
    // more rows than one parallel chunk holds
    let words = [
        "raj", "Singh", "tokyo", "Erdoğan", "india", "pact", "navy", "2020",
    ];
    let mut x = 12345u64;
    let mut next = || {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (x >> 33) as usize
    };
    let events: Vec<Event> = (0..40_000)
        .map(|_| {
            let title = format!(
                "{} {} {}",
                words[next() % 8],
                words[next() % 8],
                words[next() % 8]
            );
            let actor = format!("{} {}", words[next() % 8], words[next() % 8]);
            event(None, &title, &[&actor])
        })
        .collect();
    let tl = Timeline::new(Vec::new(), events, HashMap::new());
    let mut typed = Filter::new(&tl);
    let mut fresh = Filter::new(&tl);
    for q in [
        "r",
        "ra",
        "raj",
        "raj s",
        "raj si",
        "raj sin",
        "raj",
        "@sin",
        "@sing !pact",
        "erdogan | navy",
    ] {
        typed.set_query(q);
        fresh.set_query_from_scratch(q);
        assert_eq!(typed.matches(), fresh.matches(), "{q}");
        assert!(typed.matches().windows(2).all(|w| w[0] < w[1]));
    }
    let groups = vec![
        vec![(true, "sing".to_string())],
        vec![(false, "!pact".to_string())],
    ];
    assert_eq!(filter(&tl, "@sing !pact"), reference(&tl, &groups));
    assert!(!reference(&tl, &groups).is_empty());
}

#[test]
fn names_and_dates_shared_by_many_events() {
    // the filter stores each distinct actor and date once: a match on one reaches every event
    // naming it, whatever else the event holds
    let d = |y, m, day| DateValue::ymd(y, m, day);
    let events = vec![
        event(d(2020, 1, 5), "Talks", &["Rajnath Singh", "Japan"]),
        event(
            d(2020, 1, 5),
            "Drills",
            &["Japan", "Rajnath Singh", "Japan"],
        ),
        event(d(2020, 2, 1), "Summit", &["", "Recep Erdoğan"]),
        event(None, "Undated", &["Recep Erdoğan", ""]),
        event(d(2020, 2, 1), "Visit", &[]),
        event(DateValue::month(2020, 2), "Pact", &["rajnath singh"]),
    ];
    let tl = Timeline::new(Vec::new(), events, HashMap::new());
    let titles = |query: &str| -> Vec<&str> {
        filter(&tl, query)
            .into_iter()
            .map(|i| tl.events[i].title.as_str())
            .collect()
    };
    let cases: &[(&str, &[&str])] = &[
        ("@rajnath", &["Talks", "Drills", "Pact"]),
        ("@Rajnath", &["Talks", "Drills"]),
        ("@^japan$", &["Talks", "Drills"]),
        ("@erdogan", &["Summit", "Undated"]),
        ("@'ğan", &["Summit", "Undated"]),
        ("'2020-01-05", &["Talks", "Drills"]),
        ("'2020-02", &["Pact", "Summit", "Visit"]),
        ("^2020-02$", &["Pact"]),
        ("!@japan", &["Pact", "Summit", "Visit", "Undated"]),
        ("visit | @erdogan", &["Summit", "Visit", "Undated"]),
        ("2020-02 !@'a", &["Visit"]),
    ];
    for &(query, want) in cases {
        assert_eq!(titles(query), want, "{query}");
    }
    // and the same as plain nucleo on every field
    for (query, groups) in [
        ("@rajnath", vec![vec![(true, "rajnath".to_string())]]),
        ("@'ğan", vec![vec![(true, "'ğan".to_string())]]),
        ("'2020-02", vec![vec![(false, "'2020-02".to_string())]]),
        (
            "visit | @erdogan",
            vec![vec![
                (false, "visit".to_string()),
                (true, "erdogan".to_string()),
            ]],
        ),
    ] {
        assert_eq!(filter(&tl, query), reference(&tl, &groups), "{query}");
    }
}

#[test]
fn more_distinct_names_than_a_task_decides_alone() {
    // 20,000 distinct actor names and dates: terms are decided on them in parallel, and the
    // rows of a broad term are marked in parallel
    let events: Vec<Event> = (0..20_000u32)
        .map(|i| {
            let name = format!("Name{i} {}", ["Singh", "Abe", "Modi"][i as usize % 3]);
            let date = DateValue::ymd(2000 + (i % 20) as i32, 1 + i % 12, 1 + i % 28);
            event(date, &format!("Event {}", i % 7), &[&name, "India"])
        })
        .collect();
    let tl = Timeline::new(Vec::new(), events, HashMap::new());
    for query in [
        "@name1",
        "@'99 abe",
        "'2003-0 !@modi",
        "@^name123",
        "singh | 2011",
        "@ind",
    ] {
        let groups: Vec<Vec<(bool, String)>> = match query {
            "singh | 2011" => vec![vec![(false, "singh".into()), (false, "2011".into())]],
            q => q
                .split(' ')
                .map(|t| match t.strip_prefix('@') {
                    Some(b) => vec![(true, b.to_string())],
                    None => vec![(false, t.to_string())],
                })
                .collect(),
        };
        let want = reference(&tl, &groups);
        assert!(!want.is_empty(), "{query}");
        assert_eq!(filter(&tl, query), want, "{query}");
    }
}

#[test]
fn one_letter_on_titles_of_odd_characters() {
    // a lone letter is decided by a title's mask when the title's characters fold plainly;
    // the Kelvin sign, the dotted capital I, the long s and friends go to the title's check
    let titles = [
        "\u{212A}elvin scale",
        "\u{130}stanbul talks",
        "Ha\u{17F}e",
        "Érik ß ğ",
        "\u{FB01}nance",
        "ǅemal",
        "plain",
    ];
    let events: Vec<Event> = titles.iter().map(|t| event(None, t, &[])).collect();
    let tl = Timeline::new(Vec::new(), events, HashMap::new());
    for letter in ["k", "K", "i", "I", "s", "S", "e", "f", "d", "z", "j", "l"] {
        for query in [letter.to_string(), format!("'{letter}")] {
            let groups = vec![vec![(false, query.clone())]];
            assert_eq!(filter(&tl, &query), reference(&tl, &groups), "{query}");
        }
    }
}
