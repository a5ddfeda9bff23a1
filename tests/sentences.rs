//! The sentence splitter on sentences written for each of its rules, plus a property test that
//! no input makes it panic or produce bad ranges.

use newsline::article::Article;
use newsline::sentences::{split, split_article, Sentence, SentenceKind};
use proptest::prelude::*;

fn texts(t: &str) -> Vec<&str> {
    split(t, 0).iter().map(|s| s.text(t)).collect()
}

/// Checks the invariants every split must keep.
fn check(t: &str, from: usize, s: &[Sentence]) {
    let mut last = from;
    let mut last_para = 0;
    for x in s {
        assert!(x.start >= last, "in order, not overlapping: {s:?}");
        assert!(x.start < x.end, "not empty: {x:?}");
        assert!(x.end <= t.len());
        assert!(t.is_char_boundary(x.start) && t.is_char_boundary(x.end));
        let body = &t[x.start..x.end];
        assert_eq!(body.trim(), body, "no surrounding whitespace");
        assert!(x.paragraph >= last_para, "paragraphs never go back");
        last = x.end;
        last_para = x.paragraph;
    }
}

#[test]
fn titles_before_names_do_not_end_sentences() {
    assert_eq!(
        texts("Mr. Haddad met Gen. Okafor and Lt. Col. Brandt in St. Gallen. Dr. Lee left."),
        [
            "Mr. Haddad met Gen. Okafor and Lt. Col. Brandt in St. Gallen.",
            "Dr. Lee left."
        ]
    );
    assert_eq!(
        texts("Sen. Alvarez and Rep. Moore spoke. Prof. Ito agreed."),
        ["Sen. Alvarez and Rep. Moore spoke.", "Prof. Ito agreed."]
    );
}

#[test]
fn month_abbreviations_before_days() {
    assert_eq!(
        texts("The deal was signed Sept. 11 in Rome. Talks resume Jan. 4, officials said."),
        [
            "The deal was signed Sept. 11 in Rome.",
            "Talks resume Jan. 4, officials said."
        ]
    );
    assert_eq!(
        texts("It opened on Dec. 2, 2019. It closed in Feb. The site is now empty."),
        [
            "It opened on Dec. 2, 2019.",
            "It closed in Feb.",
            "The site is now empty."
        ]
    );
}

#[test]
fn numbers_after_no_and_company_suffixes() {
    assert_eq!(
        texts("It became the No. 1 seller. Acme Inc. said sales rose."),
        ["It became the No. 1 seller.", "Acme Inc. said sales rose."]
    );
    assert_eq!(
        texts("The plant is run by Acme Inc. The company employs 900 people."),
        [
            "The plant is run by Acme Inc.",
            "The company employs 900 people."
        ]
    );
    assert_eq!(
        texts("Shares of Acme Corp. CEO Jo Park rose."),
        ["Shares of Acme Corp. CEO Jo Park rose."]
    );
}

#[test]
fn dotted_acronyms_split_only_before_a_sentence_starter() {
    assert_eq!(
        texts("The ministers met in the U.S. The ministers then flew home."),
        [
            "The ministers met in the U.S.",
            "The ministers then flew home."
        ]
    );
    assert_eq!(
        texts("She is the top U.S. envoy to the U.N. Security Council."),
        ["She is the top U.S. envoy to the U.N. Security Council."]
    );
    assert_eq!(
        texts("The talks began at 9 a.m. They ended at noon."),
        ["The talks began at 9 a.m.", "They ended at noon."]
    );
    assert_eq!(
        texts("Imports from the U.K. fell, e.g. cars. However, exports grew."),
        [
            "Imports from the U.K. fell, e.g. cars.",
            "However, exports grew."
        ]
    );
}

#[test]
fn initials_stay_with_their_names() {
    assert_eq!(
        texts("Foreign Minister R. Kumar met Defence Secretary Paul K. Owens on Monday."),
        ["Foreign Minister R. Kumar met Defence Secretary Paul K. Owens on Monday."]
    );
    assert_eq!(
        texts("The report was written by J. R. Tolland. He retired later."),
        [
            "The report was written by J. R. Tolland.",
            "He retired later."
        ]
    );
    assert_eq!(
        texts("They backed Plan B. The others refused."),
        ["They backed Plan B.", "The others refused."]
    );
}

#[test]
fn decimals_versions_and_addresses_are_not_ends() {
    assert_eq!(
        texts(
            "Version 10.4.1 fixes it. Prices rose 2.5 percent to $1.14. Visit example.org today."
        ),
        [
            "Version 10.4.1 fixes it.",
            "Prices rose 2.5 percent to $1.14.",
            "Visit example.org today."
        ]
    );
    assert_eq!(
        texts("It runs 10.4. Then 10.5 came."),
        ["It runs 10.4.", "Then 10.5 came."]
    );
}

#[test]
fn sentences_end_after_closing_quotes_and_brackets() {
    assert_eq!(
        texts("He said, “We will sign.” The minister nodded."),
        ["He said, “We will sign.”", "The minister nodded."]
    );
    assert_eq!(
        texts("The pact (signed in May.) The pact is new."),
        ["The pact (signed in May.)", "The pact is new."]
    );
    assert_eq!(
        texts("\"It is done,\" she said. \"We leave now.\" They left."),
        [
            "\"It is done,\" she said.",
            "\"We leave now.\"",
            "They left."
        ]
    );
    assert_eq!(
        texts("“Why not?” he asked. “Because,” she said."),
        ["“Why not?” he asked.", "“Because,” she said."]
    );
}

#[test]
fn question_exclamation_and_ellipsis() {
    assert_eq!(
        texts("Will it pass? Nobody knows! Wait... Then it passed."),
        [
            "Will it pass?",
            "Nobody knows!",
            "Wait...",
            "Then it passed."
        ]
    );
    assert_eq!(
        texts("The invitation read \"One more thing...\", a teaser."),
        ["The invitation read \"One more thing...\", a teaser."]
    );
    assert_eq!(
        texts("It was... fine, really."),
        ["It was... fine, really."]
    );
}

#[test]
fn a_lowercase_word_after_a_period_goes_on() {
    assert_eq!(
        texts("Sales rose approx. ten percent in Q3. iPhone sales led."),
        ["Sales rose approx. ten percent in Q3.", "iPhone sales led."]
    );
}

#[test]
fn headlines_and_list_lines_end_at_the_line_break() {
    assert_eq!(
        texts("Ministers agree on drills\nThe ministers agreed.\nKey points\n* joint patrols\n* a supply pact\n1) Radar exports"),
        [
            "Ministers agree on drills",
            "The ministers agreed.",
            "Key points",
            "joint patrols",
            "a supply pact",
            "Radar exports"
        ]
    );
}

#[test]
fn blank_lines_count_paragraphs() {
    let t = "One. Two.\n\n\nThree.\n\nFour.\nFive.";
    let paras: Vec<u32> = split(t, 0).iter().map(|s| s.paragraph).collect();
    assert_eq!(paras, [0, 0, 1, 2, 3]);
}

#[test]
fn crlf_and_lone_cr_keep_file_offsets() {
    let t = "Head line\r\n\r\nFirst one. Second one.\r\nThird.\rFourth.";
    let got = split(t, 0);
    let spans: Vec<(usize, &str)> = got.iter().map(|s| (s.start, s.text(t))).collect();
    assert_eq!(
        spans,
        [
            (0, "Head line"),
            (13, "First one."),
            (24, "Second one."),
            (37, "Third."),
            (44, "Fourth.")
        ]
    );
    check(t, 0, &got);
}

#[test]
fn chrome_gives_no_sentences_but_look_alike_text_does() {
    let t = "The talks ended.\nShare this:\nBy Jane Doe\nBy 2025, the navies will drill together.\nSource: Example Wire\nAdvertisement\nPost a Comment";
    assert_eq!(
        texts(t),
        [
            "The talks ended.",
            "By 2025, the navies will drill together."
        ]
    );
}

#[test]
fn an_article_headline_repeating_the_title_is_a_headline_sentence() {
    let t = "---\ntitle: \"Ministers meet in Rome\"\npublished: 2024-11-23\n---\nMinisters meet in Rome\nThe ministers met on Friday. They agreed.\n";
    let a = Article::parse("a.md", t.into(), None);
    let s = split_article(&a);
    check(t, a.body_start, &s);
    assert_eq!(s[0].kind, SentenceKind::Headline);
    assert_eq!(s[0].text(t), "Ministers meet in Rome");
    assert!(s[1..].iter().all(|x| x.kind == SentenceKind::Text));
    assert_eq!(s.len(), 3);
}

#[test]
fn a_dateline_is_its_own_sentence_before_the_lede() {
    let t = "Pact signed\nSept. 11 (UPI) — India and Japan agreed. Abe spoke.";
    let a = Article::parse("a.txt", t.into(), None);
    let s = split_article(&a);
    let got: Vec<(&str, SentenceKind)> = s.iter().map(|x| (x.text(t), x.kind)).collect();
    assert_eq!(
        got,
        [
            ("Pact signed", SentenceKind::Headline),
            ("Sept. 11 (UPI) —", SentenceKind::Dateline),
            ("India and Japan agreed.", SentenceKind::Text),
            ("Abe spoke.", SentenceKind::Text),
        ]
    );
    assert_eq!(s[1].paragraph, s[2].paragraph);
}

#[test]
fn a_two_megabyte_line_splits_quickly() {
    let unit = "The ministers met in the U.S. on Sept. 11 and agreed to version 10.4.1 of the pact, Mr. Lee said. ";
    let t = unit.repeat(2_000_000 / unit.len() + 1);
    let start = std::time::Instant::now();
    let s = split(&t, 0);
    let took = start.elapsed();
    assert_eq!(s.len(), t.len() / unit.len());
    check(&t, 0, &s);
    eprintln!("2 MB line: {took:?}");
    assert!(took.as_secs() < 5, "took {took:?}");
    // One huge token with periods and no spaces: no quadratic look-back.
    let t = "a.".repeat(1_000_000);
    let start = std::time::Instant::now();
    let s = split(&t, 0);
    assert!(start.elapsed().as_secs() < 5);
    check(&t, 0, &s);
}

proptest! {
    #[test]
    fn any_string_splits_into_ordered_ranges(t in "\\PC{0,400}", from in 0usize..40) {
        let from = (0..=from.min(t.len())).rev().find(|&i| t.is_char_boundary(i)).unwrap_or(0);
        let s = split(&t, from);
        check(&t, from, &s);
    }

    #[test]
    fn text_like_strings_split_into_ordered_ranges(
        t in "([A-Za-z]{1,6}|[.!?…“”\"'()]|\\s|\\r|\\n|U\\.S\\.|Mr\\.|No\\.|[0-9.]{1,4}){0,120}"
    ) {
        check(&t, 0, &split(&t, 0));
    }

    #[test]
    fn any_bytes_read_as_an_article_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut w = Vec::new();
        if let Ok(text) = newsline::corpus::decode(std::path::Path::new("p.txt"), bytes.clone(), &mut w) {
            prop_assert_eq!(text.len(), bytes.len());
            let a = Article::parse("p.txt", text, None);
            let s = split_article(&a);
            check(&a.text, a.body_start, &s);
        }
    }

    #[test]
    fn front_matter_like_text_never_panics(
        t in "(---|\\+\\+\\+)?(\\r?\\n|\\r)((title|published|date|x)[:=] ?[-0-9A-Za-z\"' ]{0,12}(\\r?\\n|\\r)){0,4}(---|\\+\\+\\+)?(\\n[A-Za-z .,]{0,30}){0,3}"
    ) {
        let a = Article::parse("p.md", t.clone(), None);
        check(&a.text, a.body_start, &split_article(&a));
    }
}
