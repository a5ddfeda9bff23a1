use super::*;

fn parse(text: &str) -> Article {
    Article::parse("a.txt", text.to_string(), None)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn front_matter_is_read_and_body_offset_is_after_it() {
    let a = parse("---\ntitle: A headline\npublished: 2020-09-11\nsource: UPI\n---\nBody.\n");
    assert_eq!(a.meta.title.as_deref(), Some("A headline"));
    assert_eq!(a.reference, ymd(2020, 9, 11));
    assert_eq!(a.reference_basis, Some(ReferenceBasis::FrontMatter));
    assert_eq!(a.meta.source.as_deref(), Some("UPI"));
    assert_eq!(a.body(), "Body.\n");
}

#[test]
fn without_front_matter_the_first_line_is_the_headline() {
    let a = parse("\nIndia, Japan agree\nText here.");
    assert_eq!(a.title(), "India, Japan agree");
    assert_eq!(a.headline, Some(1..19));
    assert_eq!(a.reference, None);
}

#[test]
fn a_first_line_that_is_running_text_is_not_a_headline() {
    let a = parse("The ministers met on Friday in Rome. They agreed to talk again.\nMore text.");
    assert_eq!(a.headline, None);
    assert_eq!(a.title(), "The ministers met on Friday in Rome");
}

#[test]
fn a_body_line_repeating_the_title_is_the_headline() {
    let t =
        "---\ntitle: \"Rome, Paris sign a pact\"\n---\nRome, Paris sign a pact\nThe two signed.";
    let a = parse(t);
    let h = a.headline.clone().unwrap();
    assert_eq!(&t[h], "Rome, Paris sign a pact");
}

#[test]
fn the_headline_may_follow_chrome_lines() {
    let t = "---\ntitle: Rome’s mayor visits Paris\n---\nSite icon THE DAILY\n\nRome's Mayor Visits Paris\n\nThe mayor arrived.";
    let a = parse(t);
    let h = a.headline.clone().unwrap();
    assert_eq!(&t[h], "Rome's Mayor Visits Paris");
}

#[test]
fn a_short_open_first_line_before_a_blank_is_a_headline_even_with_a_title() {
    let t = "---\ntitle: Something else\n---\nTalks resume in Geneva\n\nThe talks resumed.";
    let a = parse(t);
    assert_eq!(&t[a.headline.clone().unwrap()], "Talks resume in Geneva");
    // ...but not when running text follows on the next line.
    let t = "---\ntitle: Something else\n---\nTalks resume in Geneva\nThe talks resumed.";
    assert_eq!(parse(t).headline, None);
}

#[test]
fn a_wire_dateline_gives_the_reference_date() {
    let t = "Talks open\n\nWASHINGTON, Nov. 23, 2024 (AP) — The talks opened on Friday.";
    let a = parse(t);
    assert_eq!(
        &t[a.dateline.clone().unwrap()],
        "WASHINGTON, Nov. 23, 2024 (AP) —"
    );
    assert_eq!(a.reference, ymd(2024, 11, 23));
    assert_eq!(a.reference_basis, Some(ReferenceBasis::Dateline));
}

#[test]
fn a_dateline_alone_on_its_line() {
    let t = "---\ntitle: Talks open\n---\nMay 7, 2005\n\nThe talks opened on Friday.";
    let a = parse(t);
    assert_eq!(&t[a.dateline.clone().unwrap()], "May 7, 2005");
    assert_eq!(a.headline, None);
    assert_eq!(a.reference, ymd(2005, 5, 7));
}

#[test]
fn front_matter_published_beats_the_dateline_which_beats_the_fallback() {
    let t = "---\npublished: 2020-01-01\n---\nMay 7, 2005\n\nText.";
    let a = parse(t);
    assert_eq!(a.reference, ymd(2020, 1, 1));
    assert!(a.dateline.is_some());
    let t = "Head\n\nMay 7, 2005\n\nText.";
    let a = Article::parse("a.txt", t.into(), ymd(2030, 1, 1));
    assert_eq!(a.reference, ymd(2005, 5, 7));
    let a = Article::parse("a.txt", "Head\n\nText.".into(), ymd(2030, 1, 1));
    assert_eq!(a.reference, ymd(2030, 1, 1));
    assert_eq!(a.reference_basis, Some(ReferenceBasis::Given));
}

#[test]
fn a_dateline_without_a_year_is_marked_but_gives_no_date() {
    let t = "Pact signed\nSept. 11 (UPI) — The two agreed.";
    let a = parse(t);
    assert_eq!(&t[a.dateline.clone().unwrap()], "Sept. 11 (UPI) —");
    assert_eq!(a.reference, None);
}

#[test]
fn impossible_date_is_a_warning_not_a_value() {
    let a = parse("---\npublished: 2024-13-45\n---\nx");
    assert_eq!(a.meta.published, None);
    assert_eq!(a.warnings.len(), 1);
    assert!(a.warnings[0].contains("2024-13-45"));
}

#[test]
fn unterminated_front_matter_is_text() {
    let a = parse("---\ntitle: x\nno end");
    assert_eq!(a.body_start, 0);
    assert!(!a.warnings.is_empty());
}

#[test]
fn bom_and_crlf() {
    let t = "\u{feff}---\r\ntitle: T\r\n---\r\nT\r\n\r\nBody text.\r\n";
    let a = parse(t);
    assert_eq!(a.title(), "T");
    assert_eq!(&t[a.headline.clone().unwrap()], "T");
    let a = parse("\u{feff}Head line\rBody.");
    assert_eq!(a.headline, Some(3..12));
}

#[test]
fn line_numbers_count_every_kind_of_line_end() {
    assert_eq!(line_of("a\nb\r\nc\rd", 7), 4);
    assert_eq!(line_of("abc", 99), 1);
    let t = "x\r\n\r\ny\rz\n\né\r";
    let a = parse(t);
    for off in 0..=t.len() + 2 {
        assert_eq!(a.line_of(off), line_of(t, off), "offset {off}");
    }
}

#[test]
fn empty_and_blank_texts() {
    for t in ["", "\n\n", "---\n---\n", "\u{feff}"] {
        let a = parse(t);
        assert_eq!(a.headline, None, "{t:?}");
        assert_eq!(a.dateline, None, "{t:?}");
    }
}

#[test]
fn the_title_line_may_come_after_a_section_label() {
    let t = "---\ntitle: Rome and Paris sign a pact\n---\nWORLD NEWS\n\nRome and Paris sign a pact\n\nThe two signed.";
    let a = parse(t);
    assert_eq!(
        &t[a.headline.clone().unwrap()],
        "Rome and Paris sign a pact"
    );
}

#[test]
fn a_dateline_may_follow_a_short_byline_like_line() {
    let t = "Talks open\nStaff Reporter\nGENEVA, March 3, 2021 (Reuters) — Talks opened.";
    let a = parse(t);
    assert_eq!(
        &t[a.dateline.clone().unwrap()],
        "GENEVA, March 3, 2021 (Reuters) —"
    );
    // ...but not one buried under running text.
    let t = "Talks open\nThe talks opened today.\nGENEVA, March 3, 2021 (Reuters) — More.";
    assert_eq!(parse(t).dateline, None);
}

#[test]
fn a_markdown_heading_is_a_headline_without_its_marks() {
    let t = "# Rome and Paris sign a pact\n\nThe two signed.";
    let a = parse(t);
    assert_eq!(
        &t[a.headline.clone().unwrap()],
        "Rome and Paris sign a pact"
    );
    assert_eq!(a.title(), "Rome and Paris sign a pact");
}

#[test]
fn a_published_line_gives_the_reference_date() {
    let t = "Drills expand\nBy Jane Doe | Published: March 3, 2021 10:00 AM\n\nThe drills grew.";
    let a = parse(t);
    assert_eq!(
        &t[a.dateline.clone().unwrap()],
        "Published: March 3, 2021 10:00 AM"
    );
    assert_eq!(a.reference, ymd(2021, 3, 3));
    let t = "Drills expand\nUpdated: 4 March 2021\nThe drills grew.";
    assert_eq!(parse(t).reference, ymd(2021, 3, 4));
}
