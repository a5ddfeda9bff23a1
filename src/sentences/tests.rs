use super::*;

fn texts(t: &str) -> Vec<&str> {
    split(t, 0).iter().map(|s| s.text(t)).collect()
}

#[test]
fn lines_and_paragraphs() {
    let t = "First one. Second one.\nThird line\n\nFourth.";
    let s = split(t, 0);
    let got: Vec<(&str, u32)> = s.iter().map(|x| (x.text(t), x.paragraph)).collect();
    assert_eq!(
        got,
        [
            ("First one.", 0),
            ("Second one.", 0),
            ("Third line", 1),
            ("Fourth.", 2)
        ]
    );
}

#[test]
fn chrome_lines_give_no_sentences() {
    let t = "Talks went well.\nShare this:\nExit mobile version";
    assert_eq!(texts(t), ["Talks went well."]);
}

#[test]
fn list_markers_are_left_out() {
    let t = "Agreed points:\n- more drills\n- a supply pact\n2. Joint patrols\n# Background";
    assert_eq!(
        texts(t),
        [
            "Agreed points:",
            "more drills",
            "a supply pact",
            "Joint patrols",
            "Background"
        ]
    );
}

#[test]
fn hard_wrapped_text_is_joined() {
    let t = "The ministers met in Rome on Friday and agreed to hold\njoint drills next year. They also signed a pact on\nsupplies and services for both navies in the region.\nNeither gave details of the costs involved in the plan.";
    assert_eq!(
        texts(t),
        [
            "The ministers met in Rome on Friday and agreed to hold\njoint drills next year.",
            "They also signed a pact on\nsupplies and services for both navies in the region.",
            "Neither gave details of the costs involved in the plan."
        ]
    );
}

#[test]
fn a_line_going_on_in_lowercase_continues() {
    let t = "Talks resumed on Monday between the\ntwo sides. Nothing else.";
    assert_eq!(
        texts(t),
        [
            "Talks resumed on Monday between the\ntwo sides.",
            "Nothing else."
        ]
    );
}

#[test]
fn headline_and_dateline_of_an_article() {
    let t = "Pact signed in Rome\nROME, May 7, 2005 (AP) — The two signed. They left.";
    let a = Article::parse("a.txt", t.into(), None);
    let s = split_article(&a);
    let got: Vec<(&str, SentenceKind, u32)> =
        s.iter().map(|x| (x.text(t), x.kind, x.paragraph)).collect();
    assert_eq!(
        got,
        [
            ("Pact signed in Rome", SentenceKind::Headline, 0),
            ("ROME, May 7, 2005 (AP) —", SentenceKind::Dateline, 1),
            ("The two signed.", SentenceKind::Text, 1),
            ("They left.", SentenceKind::Text, 1),
        ]
    );
}

#[test]
fn offsets_count_front_matter() {
    let t = "---\ntitle: T\n---\nBody one. Body two.";
    let a = Article::parse("a.txt", t.into(), None);
    let s = split_article(&a);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].start, 17);
    assert_eq!(s[1].text(t), "Body two.");
}
