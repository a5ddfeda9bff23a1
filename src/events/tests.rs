use super::*;
use crate::actors::ActorMention;

fn person(name: &str) -> Actor {
    Actor {
        name: name.into(),
        kind: ActorKind::Person,
    }
}

fn country(name: &str) -> Actor {
    Actor {
        name: name.into(),
        kind: ActorKind::Country,
    }
}

/// Mentions of `surface` in `text` resolved to `actor`.
fn at(text: &str, surface: &str, actor: Actor) -> (usize, usize, Actor) {
    let s = text.find(surface).expect("surface in text");
    (s, s + surface.len(), actor)
}

fn title_of(text: &str, date: &str, named: &[(usize, usize, Actor)]) -> String {
    let d = text.find(date).map(|s| (s, s + date.len()));
    sentence_title(text, 0, text.len(), d, named)
}

#[test]
fn title_is_subject_verb_object_in_the_present() {
    let t = "Defence Minister Jane Roe met her counterpart Ken Sato on Friday in Oslo.";
    let named = [
        at(t, "Jane Roe", person("Jane Roe")),
        at(t, "Ken Sato", person("Ken Sato")),
    ];
    assert_eq!(
        title_of(t, "on Friday", &named),
        "Jane Roe meets her counterpart Ken Sato in Oslo"
    );
}

#[test]
fn two_subjects_take_the_plural_and_titles_are_dropped() {
    let t = "Foreign Secretary Ann Lee and Ambassador Tom Ray signed the treaty on Thursday that would allow trade.";
    let named = [
        at(t, "Ann Lee", person("Ann Lee")),
        at(t, "Tom Ray", person("Tom Ray")),
    ];
    assert_eq!(
        title_of(t, "on Thursday", &named),
        "Ann Lee and Tom Ray sign the treaty"
    );
}

#[test]
fn a_fronted_date_and_a_pronoun_subject() {
    let t = "On Monday, he said he would propose a new budget.";
    let he = t.find("he said").unwrap();
    let named = [(he, he + 2, person("Ann Lee"))];
    assert_eq!(
        title_of(t, "On Monday", &named),
        "Ann Lee says he would propose a new budget"
    );
}

#[test]
fn a_future_clause_reads_with_to() {
    let t = "The minister will visit Canberra next month to discuss trade.";
    assert_eq!(
        title_of(t, "next month", &[]),
        "The minister to visit Canberra to discuss trade"
    );
}

#[test]
fn countries_as_subject_read_by_their_names() {
    let t = "Peru and Chile agreed in March 2021 on a border accord.";
    let named = [
        at(t, "Peru", country("Peru")),
        at(t, "Chile", country("Chile")),
    ];
    assert_eq!(
        title_of(t, "in March 2021", &named),
        "Peru and Chile agree on a border accord"
    );
}

#[test]
fn a_long_subject_keeps_its_head_noun_phrase() {
    let t = "In June, a flood along the northern bank of the great river near the town destroyed 300 homes.";
    assert_eq!(title_of(t, "In June", &[]), "A flood destroyed 300 homes");
}

#[test]
fn a_relative_clause_after_the_subject_is_skipped() {
    let t = "Smith, who is to retire soon, had said in a letter on Tuesday that the plan works.";
    let named = [at(t, "Smith", person("John Smith"))];
    assert_eq!(
        title_of(t, "on Tuesday", &named),
        "John Smith says in a letter"
    );
}

#[test]
fn without_a_known_verb_the_clause_is_cut_at_a_word() {
    let t = "Record rainfall across the region in 2019 and floods everywhere that nobody foresaw or prepared for at all, really.";
    let title = title_of(t, "in 2019", &[]);
    assert!(title.chars().count() <= title::MAX_TITLE, "{title}");
    assert!(
        title.starts_with("Record rainfall across the region and floods"),
        "{title}"
    );
    assert!(!title.contains("2019"));
}

fn article(text: &str) -> Article {
    Article::parse(
        "a.txt",
        text.to_string(),
        chrono::NaiveDate::from_ymd_opt(2024, 5, 10),
    )
}

fn sentence_of(text: &str, s: &str) -> Sentence {
    let start = text.find(s).unwrap();
    Sentence {
        start,
        end: start + s.len(),
        kind: SentenceKind::Text,
        paragraph: 0,
    }
}

fn timex(text: &str, s: &str, value: &str, basis: Basis) -> Timex {
    let start = text.find(s).unwrap();
    Timex {
        start,
        end: start + s.len(),
        value: DateValue::parse(value),
        basis,
        kind: TimexKind::Date,
    }
}

fn found(text: &str, list: &[(&str, Actor)]) -> ArticleActors {
    let mut out = ArticleActors::default();
    for (surface, actor) in list {
        let idx = match out.actors.iter().position(|a| a == actor) {
            Some(i) => i,
            None => {
                out.actors.push(actor.clone());
                out.actors.len() - 1
            }
        };
        for (s, _) in text.match_indices(surface) {
            out.mentions.push(ActorMention {
                start: s,
                end: s + surface.len(),
                actor: idx,
                subject: false,
            });
        }
    }
    out.mentions.sort_by_key(|m| m.start);
    out
}

#[test]
fn undated_sentences_lend_actors_or_inherit_the_story_date() {
    let s1 = "Peru and Chile held talks on Thursday.";
    let s2 = "Foreign Minister Ana Diaz met her counterpart Luis Soto.";
    let s3 = "The talks also covered Bolivia.";
    let s4 = "He said the talks went well.";
    let text = format!("{s1} {s2} {s3} {s4}");
    let a = article(&text);
    let sentences = [
        sentence_of(&text, s1),
        sentence_of(&text, s2),
        sentence_of(&text, s3),
        sentence_of(&text, s4),
    ];
    let timexes = [timex(&text, "on Thursday", "2024-05-09", Basis::Relative)];
    let actors = found(
        &text,
        &[
            ("Peru", country("Peru")),
            ("Chile", country("Chile")),
            ("Ana Diaz", person("Ana Diaz")),
            ("Luis Soto", person("Luis Soto")),
            ("Bolivia", country("Bolivia")),
            ("He", person("Luis Soto")),
        ],
    );
    let events = extract(&a, &sentences, &timexes, &actors);
    assert_eq!(events.len(), 2, "{events:#?}");
    assert_eq!(events[0].date, DateValue::parse("2024-05-09"));
    assert_eq!(events[0].actors, [Name::from("Peru"), "Chile".into()]);
    assert_eq!(events[1].date_basis, Basis::Inherited);
    assert_eq!(events[1].date, DateValue::parse("2024-05-09"));
    assert_eq!(events[1].title, "Ana Diaz meets her counterpart Luis Soto");
    // Bolivia and the pronoun's person are lent to the latest event of the story
    assert!(events[1].actors.contains(&"Bolivia".into()));
}

#[test]
fn a_flashback_is_not_the_story_an_undated_sentence_continues() {
    let s1 = "Peru and Chile held talks on Thursday.";
    let s2 = "The two agreed in March 2015 on a border accord.";
    let s3 = "Minister Ana Diaz also had a session with Bolivia.";
    let text = format!("{s1} {s2} {s3}");
    let a = article(&text);
    let sentences = [
        sentence_of(&text, s1),
        sentence_of(&text, s2),
        sentence_of(&text, s3),
    ];
    let timexes = [
        timex(&text, "on Thursday", "2024-05-09", Basis::Relative),
        timex(&text, "in March 2015", "2015-03", Basis::Explicit),
    ];
    let actors = found(&text, &[("Ana Diaz", person("Ana Diaz"))]);
    let events = extract(&a, &sentences, &timexes, &actors);
    assert_eq!(events.len(), 3);
    assert_eq!(events[2].date, DateValue::parse("2024-05-09"));
    assert_eq!(events[2].date_basis, Basis::Inherited);
}

#[test]
fn a_reported_date_beside_the_happening_date_is_not_a_second_event() {
    let s1 = "The envoys signed the accord on Thursday, the Daily Post reported Friday.";
    let a = article(s1);
    let sentences = [sentence_of(s1, s1)];
    let timexes = [
        timex(s1, "on Thursday", "2024-05-09", Basis::Relative),
        timex(s1, "Friday", "2024-05-10", Basis::Relative),
    ];
    let events = extract(&a, &sentences, &timexes, &ArticleActors::default());
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].date, DateValue::parse("2024-05-09"));
}

#[test]
fn present_references_and_headlines_make_no_event() {
    let h = "Talks on Friday";
    let s1 = "The talks are now under way.";
    let text = format!("{h}\n{s1}");
    let a = article(&text);
    let mut head = sentence_of(&text, h);
    head.kind = SentenceKind::Headline;
    let sentences = [head, sentence_of(&text, s1)];
    let mut now = timex(&text, "now", "2024-05-10", Basis::Relative);
    now.kind = TimexKind::Present;
    let timexes = [
        timex(&text, "on Friday", "2024-05-10", Basis::Relative),
        now,
    ];
    assert!(extract(&a, &sentences, &timexes, &ArticleActors::default()).is_empty());
}

#[test]
fn each_date_of_a_coordinated_sentence_takes_its_own_verb_and_the_shared_subject() {
    let t = "Revenue of the firm tripled in 2004, doubled in 2005 and grew by 16 percent in 2006.";
    assert_eq!(title_of(t, "2004", &[]), "Revenue of the firm triples");
    assert_eq!(title_of(t, "2005", &[]), "Revenue of the firm doubles");
    assert_eq!(
        title_of(t, "2006", &[]),
        "Revenue of the firm grows by 16 percent"
    );
    let t = "She fought the ruling in 2019 and won the appeal in 2021.";
    let she = t.find("She").unwrap();
    let named = [(she, she + 3, person("Ann Lee"))];
    assert_eq!(title_of(t, "2019", &named), "Ann Lee fights the ruling");
    assert_eq!(title_of(t, "2021", &named), "Ann Lee wins the appeal");
}

#[test]
fn a_second_part_with_its_own_subject_keeps_it() {
    let t = "The firm opened in 1976, and in 1984 its first computer was released to the public.";
    assert_eq!(
        title_of(t, "1984", &[]),
        "Its first computer was released to the public"
    );
    assert_eq!(title_of(t, "1976", &[]), "The firm opens");
}

#[test]
fn a_participle_after_a_comma_is_not_a_new_happening() {
    let t = "The treaty was signed by both sides, expected to take effect in 2026.";
    assert!(title_of(t, "2026", &[]).starts_with("The treaty was signed"));
}

#[test]
fn a_reporting_verb_with_no_object_reports_the_quote_or_the_clause_before_it() {
    let t = "On Monday, spokesman Ken Sato said, \"we will appeal the ruling.\"";
    let named = [at(t, "Ken Sato", person("Ken Sato"))];
    assert_eq!(
        title_of(t, "On Monday", &named),
        "Ken Sato says \u{201c}we will appeal the ruling\u{201d}"
    );
    let t = "The plant will close within a year, Ann Lee announced on Tuesday.";
    let named = [at(t, "Ann Lee", person("Ann Lee"))];
    assert_eq!(
        title_of(t, "on Tuesday", &named),
        "Ann Lee announces the plant will close within a year"
    );
    let t = "Sales rose 5 percent in the quarter, which ends on June 26.";
    assert!(!title_of(t, "on June 26", &[]).contains("Sales rose 5 percent in the quarter,"));
}

#[test]
fn a_number_with_thousands_separators_is_one_word() {
    let t = "In May the firm opened a 500,000 square foot plant in Ohio.";
    assert_eq!(
        title_of(t, "In May", &[]),
        "The firm opens a 500,000 square foot plant in Ohio"
    );
}

#[test]
fn a_sentence_dated_many_times_gives_an_event_a_date_titled_by_its_own_words() {
    let items: Vec<String> = (1..=20)
        .map(|d| format!("Depot {d} opened on 2024-05-{d:02}"))
        .collect();
    let s1 = format!("{}.", items.join(", "));
    let a = article(&s1);
    let sentences = [sentence_of(&s1, &s1)];
    let timexes: Vec<Timex> = (1..=20)
        .map(|d| {
            let date = format!("2024-05-{d:02}");
            timex(&s1, &date, &date, Basis::Explicit)
        })
        .collect();
    let events = extract(&a, &sentences, &timexes, &ArticleActors::default());
    assert_eq!(events.len(), 20);
    for (d, e) in (1..=20).zip(&events) {
        assert_eq!(e.date, DateValue::parse(&format!("2024-05-{d:02}")));
        assert!(
            e.title.contains(&format!("Depot {d} ")) && e.title.chars().count() <= title::MAX_TITLE,
            "{d}: {}",
            e.title
        );
    }
}

#[test]
fn a_speaker_after_the_reporting_verb_heads_the_title() {
    let t = "\"We will rebuild,\" said Gen. Ann Lee, the army's chief, on Monday.";
    let named = [at(t, "Ann Lee", person("Ann Lee"))];
    assert_eq!(
        title_of(t, "on Monday", &named),
        "Ann Lee says \u{201c}We will rebuild\u{201d}"
    );
}

#[test]
fn a_story_told_to_the_day_outweighs_a_later_year_named_on_the_way() {
    let s1 = "Peru and Chile held talks on Thursday.";
    let s2 = "They plan a summit later this year.";
    let s3 = "Minister Ana Diaz also had a session with Bolivia.";
    let text = format!("{s1} {s2} {s3}");
    let a = article(&text);
    let sentences = [
        sentence_of(&text, s1),
        sentence_of(&text, s2),
        sentence_of(&text, s3),
    ];
    let timexes = [
        timex(&text, "on Thursday", "2024-05-09", Basis::Relative),
        timex(&text, "later this year", "2024", Basis::Relative),
    ];
    let actors = found(&text, &[("Ana Diaz", person("Ana Diaz"))]);
    let events = extract(&a, &sentences, &timexes, &actors);
    assert_eq!(events.len(), 3);
    assert_eq!(events[2].date, DateValue::parse("2024-05-09"));
    assert_eq!(events[2].date_basis, Basis::Inherited);
}

#[test]
fn a_but_clause_shares_the_subject_and_a_reporter_is_no_apposition() {
    let t = "The central bank kept rates unchanged on Wednesday, Chair Ann Lee said, but signaled two cuts later this year.";
    let named = [at(t, "Ann Lee", person("Ann Lee"))];
    assert_eq!(
        title_of(t, "later this year", &named),
        "The central bank signals two cuts"
    );
    assert_eq!(
        title_of(t, "on Wednesday", &named),
        "The central bank keeps rates unchanged"
    );
}

#[test]
fn a_name_between_commas_is_the_subject_and_police_are_many() {
    let t = "The U.N. chief, Ann Lee, called for calm on Wednesday.";
    let named = [at(t, "Ann Lee", person("Ann Lee"))];
    assert_eq!(
        title_of(t, "on Wednesday", &named),
        "Ann Lee calls for calm"
    );
    let t = "Police in Lagos arrested two men on Thursday.";
    assert_eq!(
        title_of(t, "on Thursday", &[]),
        "Police in Lagos arrest two men"
    );
}

#[test]
fn a_participle_after_a_determiner_and_an_adverb_is_no_verb() {
    let t = "Sales of the newly launched phone began on Tuesday.";
    assert_eq!(
        title_of(t, "on Tuesday", &[]),
        "Sales of the newly launched phone begin"
    );
}

#[test]
fn a_present_in_es_or_ies_is_the_verb_of_its_clause() {
    // not the statement verb that reports it
    for (t, date, title) in [
        (
            "Officials said according to the figures, the state agency passes its rival for the top spot in 2019.",
            "in 2019",
            "The state agency passes its rival for the top spot",
        ),
        (
            "Analysts said, by their count, the bank reaches its goal in March 2021.",
            "in March 2021",
            "The bank reaches its goal",
        ),
        (
            "Lawyers said, by their count, the court denies the appeal in March 2021.",
            "in March 2021",
            "The court denies the appeal",
        ),
        // "has" is the auxiliary of the verb after it
        (
            "The founder has died at the age of 56 in October 2011.",
            "in October 2011",
            "The founder dies at the age of 56",
        ),
    ] {
        assert_eq!(title_of(t, date, &[]), title, "{t}");
    }
}
