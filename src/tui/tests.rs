//! State tests for every action, renders of the screen (insta snapshots of a `TestBackend`),
//! tiny terminals, resize bursts, monochrome, and control characters in articles.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use newsline::filter::{self, Filter};
use newsline::pipeline;

use super::state::{Pane, Row};
use super::*;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")
}

fn state_with(settings: &Settings, size: (u16, u16)) -> State {
    let loaded = pipeline::load(&[fixture_dir()], &pipeline::Options::default()).unwrap();
    let mut s = State::new(settings, size);
    let f = Filter::new(&loaded.timeline);
    s.set_timeline(loaded.timeline, f, Vec::new());
    s
}

fn colour() -> Settings {
    Settings {
        color: true,
        ..Settings::default()
    }
}

fn state(size: (u16, u16)) -> State {
    state_with(&colour(), size)
}

fn render(s: &State) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).unwrap();
    t.draw(|f| draw::draw(f, s)).unwrap();
    t.backend().buffer().clone()
}

fn text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        for x in 0..b.area.width {
            out.push_str(b[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn apply(s: &mut State, actions: &[Action]) {
    for a in actions {
        update(s, *a);
    }
}

fn type_query(s: &mut State, q: &str) {
    update(s, Action::Search);
    for c in q.chars() {
        update(s, Action::Input(c));
    }
}

fn merged_event(s: &State) -> usize {
    (0..s.shown.len())
        .find(|&p| s.sources(s.shown[p]).len() > 1)
        .expect("the fixture tells one event in two articles")
}

#[test]
fn the_fixture_loads_with_dated_and_undated_events() {
    let s = state((120, 35));
    assert!(s.shown.len() >= 8);
    assert!(matches!(s.rows[0], Row::Separator(_)));
    assert!(s.rows.contains(&Row::Undated));
    // undated last, under their heading
    let undated = s.rows.iter().position(|r| *r == Row::Undated).unwrap();
    for r in &s.rows[undated + 1..] {
        let Row::Event(i, _) = r else { panic!("{r:?}") };
        assert!(s.timeline.events[*i].date.is_none());
    }
}

#[test]
fn a_week_that_starts_in_december_sits_under_the_year_it_starts_in() {
    use newsline::events::{Event, Mention};
    use newsline::temporal::{Basis, DateValue};
    use newsline::timeline::{ArticleInfo, Timeline};
    let ev = |d: &str, start: usize| Event {
        date: DateValue::parse(d),
        date_text: d.into(),
        date_basis: Basis::Explicit,
        title: format!("event {d}"),
        actors: vec![],
        mentions: vec![Mention {
            article: 0,
            start,
            end: start + 1,
            line: 1,
        }],
        background: false,
    };
    let info = ArticleInfo {
        path: "none.txt".into(),
        title: "t".into(),
        source: None,
        published: None,
    };
    let events = vec![
        ev("2007-12-30", 0),
        ev("2008-W01", 2),
        ev("2007-12-31", 4),
        ev("2008", 6),
    ];
    let tl = Timeline::new(vec![info], events, Default::default());
    let mut s = State::new(&colour(), (120, 35));
    let f = Filter::new(&tl);
    s.set_timeline(tl, f, Vec::new());
    let labels: Vec<&str> = s
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Separator(l) => Some(l.as_str()),
            _ => None,
        })
        .collect();
    let mut unique = labels.clone();
    unique.dedup();
    assert_eq!(labels, unique, "no year twice");
    // an article that cannot be read is a message in its pane, not a failure
    assert!(s.article.error.is_some());
    assert!(text(&render(&s)).contains("cannot read the article"));
}

#[test]
fn moving_through_the_timeline_stays_in_bounds() {
    let mut s = state((120, 35));
    let n = s.shown.len();
    update(&mut s, Action::Down);
    assert_eq!(s.selected, 1);
    update(&mut s, Action::Up);
    update(&mut s, Action::Up);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::Bottom);
    assert_eq!(s.selected, n - 1);
    update(&mut s, Action::Down);
    assert_eq!(s.selected, n - 1);
    update(&mut s, Action::Top);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::HalfPageDown);
    let half = s.selected;
    assert!(half > 1);
    update(&mut s, Action::HalfPageUp);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::PageDown);
    assert!(s.selected >= half);
    update(&mut s, Action::PageUp);
    assert_eq!(s.selected, 0);
}

#[test]
fn small_pages_move_by_the_visible_rows() {
    let mut s = state((60, 12));
    update(&mut s, Action::PageDown);
    let list = layout::areas(&s).list.unwrap().height as usize;
    assert_eq!(s.selected, (list - 1).min(s.shown.len() - 1));
    let row = s.row_of[s.selected];
    assert!(
        row >= s.offset && row < s.offset + list,
        "selection scrolled into view"
    );
}

#[test]
fn panes_cycle_with_and_without_the_actor_list() {
    let mut s = state((120, 35));
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Article);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Article);
    update(&mut s, Action::ToggleActors);
    assert_eq!(s.focus, Pane::Actors);
    update(&mut s, Action::NextPane);
    assert_eq!(s.focus, Pane::Timeline);
    update(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Actors);
    update(&mut s, Action::ToggleActors);
    assert_eq!(s.focus, Pane::Timeline);
    assert!(!s.actors_visible);
}

#[test]
fn the_article_scrolls_to_the_sentence_and_scrolls_on_its_own() {
    let mut s = state((120, 12));
    // an event late in a long article: the sentence must be in view
    update(&mut s, Action::FocusArticle);
    assert_eq!(s.focus, Pane::Article);
    let body = layout::areas(&s).article_body.unwrap().height as usize;
    let cur = s.article.current.expect("the sentence is marked");
    assert!(cur >= s.article_scroll && cur < s.article_scroll + body);
    // in the article pane, j/k/g/G scroll the text and keep the selection
    let sel = s.selected;
    update(&mut s, Action::Top);
    assert_eq!(s.article_scroll, 0);
    update(&mut s, Action::Bottom);
    let max = s.article.lines.len().saturating_sub(body);
    assert_eq!(s.article_scroll, max);
    update(&mut s, Action::Up);
    assert_eq!(s.article_scroll, max.saturating_sub(1));
    assert_eq!(s.selected, sel);
}

#[test]
fn brackets_step_through_the_events_of_one_article() {
    let mut s = state((120, 35));
    type_query(&mut s, "alvarez");
    update(&mut s, Action::Accept);
    update(&mut s, Action::ClearQuery);
    // select an event of the first harbour article, then walk its events in reading order
    let pos = s
        .shown
        .iter()
        .position(|&i| s.timeline.events[i].title.contains("shipping firms"))
        .unwrap();
    update(&mut s, Action::Top);
    for _ in 0..pos {
        update(&mut s, Action::Down);
    }
    let art = s.shown_mention().unwrap().article;
    let start = s.shown_mention().unwrap().start;
    update(&mut s, Action::NextInArticle);
    let m = s.shown_mention().unwrap();
    assert_eq!(m.article, art);
    assert!(m.start > start, "the next sentence of the article");
    update(&mut s, Action::PrevInArticle);
    assert_eq!(s.shown_mention().unwrap().start, start);
    update(&mut s, Action::PrevInArticle);
    // nothing earlier in the list from this article but the first strike sentence is later:
    // either way the mention stays in the same article
    assert_eq!(s.shown_mention().unwrap().article, art);
}

#[test]
fn next_source_cycles_the_articles_of_a_merged_event() {
    let mut s = state((120, 35));
    let pos = merged_event(&s);
    for _ in 0..pos {
        update(&mut s, Action::Down);
    }
    let first = s.shown_mention().unwrap().article;
    assert_eq!(s.article.article, Some(first as usize));
    update(&mut s, Action::NextSource);
    let second = s.shown_mention().unwrap().article;
    assert_ne!(first, second);
    assert_eq!(s.article.article, Some(second as usize));
    assert!(text(&render(&s)).contains("2/2"));
    update(&mut s, Action::NextSource);
    assert_eq!(s.shown_mention().unwrap().article, first);
    // an event told once says so
    update(&mut s, Action::Top);
    update(&mut s, Action::NextSource);
    assert!(s.message.is_some());
}

#[test]
fn the_editor_is_asked_for_at_the_sentence_line() {
    let mut s = state((120, 35));
    update(&mut s, Action::OpenEditor);
    let m = s.shown_mention().unwrap();
    let path = s.timeline.articles[m.article as usize].path.clone();
    assert_eq!(s.effect, Some(Effect::Edit(path.clone(), m.line)));
    let cmd = editor_command(Some("myed -w".into()), Some("other".into()), &path, 7);
    assert_eq!(cmd.get_program(), "myed");
    let args: Vec<_> = cmd.get_args().collect();
    assert_eq!(args[0], "-w");
    assert_eq!(args[1], "+7");
    assert_eq!(
        editor_command(None, Some(" ".into()), &path, 1).get_program(),
        "vi"
    );
    assert_eq!(
        editor_command(None, Some("nano".into()), &path, 1).get_program(),
        "nano"
    );
}

#[test]
fn an_editor_that_cannot_start_is_a_status_message() {
    let status = std::process::Command::new("/nonexistent/editor-for-test").status();
    let msg = editor_message(status).expect("a message");
    assert!(msg.starts_with("cannot start the editor"), "{msg}");
}

#[test]
fn the_query_narrows_at_each_key_enter_keeps_it_esc_clears_it() {
    let mut s = state((120, 35));
    let total = s.shown.len();
    update(&mut s, Action::Search);
    assert_eq!(s.mode, Mode::Query);
    let mut counts = vec![];
    for c in "alvar".chars() {
        update(&mut s, Action::Input(c));
        counts.push(s.shown.len());
    }
    assert!(counts.windows(2).all(|w| w[1] <= w[0]));
    assert!(*counts.last().unwrap() < total);
    for &i in &s.shown {
        let e = &s.timeline.events[i];
        assert!(format!("{} {}", e.title, e.actors.join(" "))
            .to_lowercase()
            .contains("alvar"));
    }
    update(&mut s, Action::DeleteChar);
    assert_eq!(s.input, "alva");
    update(&mut s, Action::Accept);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.query(), "alva");
    update(&mut s, Action::ClearQuery);
    assert_eq!(s.shown.len(), total);
    type_query(&mut s, "zzzz");
    assert!(s.shown.is_empty());
    assert!(text(&render(&s)).contains("no event matches"));
    update(&mut s, Action::Cancel);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.shown.len(), total);
}

#[test]
fn enter_on_an_actor_filters_the_timeline_to_them() {
    let mut s = state((120, 35));
    update(&mut s, Action::ToggleActors);
    assert!(s.actors_visible);
    update(&mut s, Action::Search);
    assert_eq!(s.mode, Mode::ActorQuery);
    for c in "germ".chars() {
        update(&mut s, Action::Input(c));
    }
    assert!(!s.actor_shown.is_empty());
    let name = s.actors[s.actor_shown[s.actor_selected]].name.clone();
    assert!(name.to_lowercase().contains("germ"));
    update(&mut s, Action::Accept);
    update(&mut s, Action::FocusArticle);
    assert_eq!(s.query(), filter::actor_query(&name));
    assert_eq!(s.focus, Pane::Timeline);
    assert!(!s.shown.is_empty());
    for &i in &s.shown {
        assert!(s.timeline.events[i].actors.iter().any(|a| **a == *name));
    }
    // Esc in the actor list clears its query, then closes it
    update(&mut s, Action::PrevPane);
    assert_eq!(s.focus, Pane::Actors);
    update(&mut s, Action::ClearQuery);
    assert!(s.actor_query.is_empty());
    update(&mut s, Action::ClearQuery);
    assert!(!s.actors_visible);
}

#[test]
fn sort_order_flips_dated_events_and_keeps_undated_last() {
    let mut s = state((120, 35));
    let before = s.shown.clone();
    update(&mut s, Action::ToggleSort);
    assert_eq!(s.sort, SortOrder::NewestFirst);
    let dated = before
        .iter()
        .filter(|&&i| s.timeline.events[i].date.is_some())
        .count();
    let mut rev = before[..dated].to_vec();
    rev.reverse();
    assert_eq!(&s.shown[..dated], &rev[..]);
    assert_eq!(&s.shown[dated..], &before[dated..]);
    update(&mut s, Action::ToggleSort);
    assert_eq!(s.shown, before);
}

#[test]
fn copy_carries_date_title_actors_source_and_sentence() {
    let mut s = state((120, 35));
    let pos = merged_event(&s);
    for _ in 0..pos {
        update(&mut s, Action::Down);
    }
    update(&mut s, Action::Copy);
    let Some(Effect::Copy(t)) = s.effect.clone() else {
        panic!("{:?}", s.effect)
    };
    let e = &s.timeline.events[s.selected_event().unwrap()];
    assert!(t.contains(&e.date.unwrap().to_string()));
    assert!(t.contains(&e.title));
    assert!(t.contains(&*e.actors[0]));
    let info = &s.timeline.articles[s.shown_mention().unwrap().article as usize];
    assert!(t.contains(info.source.as_deref().unwrap()));
    assert!(t.lines().count() == 2, "{t}");
    assert!(t.lines().nth(1).unwrap().len() > 20);
    assert_eq!(osc52("hello"), "\x1b]52;c;aGVsbG8=\x07");
    assert_eq!(osc52("hi!?"), "\x1b]52;c;aGkhPw==\x07");
}

#[test]
fn help_opens_and_any_key_closes_it() {
    let mut s = state((120, 35));
    update(&mut s, Action::Help);
    assert!(s.help);
    let shown = text(&render(&s));
    for (a, name, _) in Action::BINDABLE {
        let keys = s.keymap.keys(*a).join(" ");
        assert!(shown.contains(&keys), "{name}: {keys}");
    }
    let key = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&s, &key), Some(Action::Help));
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&s, &j), Some(Action::Down));
    // movement scrolls the help, not the timeline
    update(&mut s, Action::Down);
    assert!(s.help);
    assert_eq!(s.help_scroll, 1);
    assert_eq!(s.selected, 0);
    update(&mut s, Action::Help);
    assert!(!s.help);
    assert_eq!(s.selected, 0, "the key that closes help does nothing else");
}

#[test]
fn quit_works_while_loading_and_nothing_panics_before_the_timeline() {
    let mut s = State::new(&colour(), (120, 35));
    s.set_progress(3, 10);
    for (a, _, _) in Action::BINDABLE {
        if *a != Action::Quit {
            update(&mut s, *a);
        }
    }
    for a in [
        Action::Input('x'),
        Action::DeleteChar,
        Action::Accept,
        Action::Cancel,
    ] {
        update(&mut s, a);
    }
    let _ = render(&s);
    assert!(text(&render(&s)).contains("reading 3/10"));
    update(&mut s, Action::Help);
    update(&mut s, Action::Help);
    update(&mut s, Action::Quit);
    assert!(s.quit);
}

#[test]
fn keys_type_into_the_query_line_and_act_otherwise() {
    let mut s = state((120, 35));
    let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&s, &j), Some(Action::Down));
    update(&mut s, Action::Search);
    assert_eq!(action_for_key(&s, &j), Some(Action::Input('j')));
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&s, &q), Some(Action::Input('q')));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(action_for_key(&s, &esc), Some(Action::Cancel));
    let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for_key(&s, &cc), Some(Action::Quit));
}

#[test]
fn clicks_select_rows_and_the_wheel_scrolls_the_pane_under_it() {
    let mut s = state((120, 35));
    let a = layout::areas(&s);
    let list = a.list.unwrap();
    // click the third event's row
    let row = s.row_of[2] - s.offset;
    update(&mut s, Action::Click(list.x + 5, list.y + row as u16));
    assert_eq!(s.selected, 2);
    // a click on a separator selects nothing new
    update(&mut s, Action::Click(list.x + 5, list.y));
    assert_eq!(s.selected, 2);
    let art = a.article.unwrap();
    update(&mut s, Action::Click(art.x + 3, art.y + 3));
    assert_eq!(s.focus, Pane::Article);
    update(&mut s, Action::Wheel(list.x + 3, list.y + 3, true));
    assert_eq!(s.selected, 5.min(s.shown.len() - 1));
    let s0 = s.article_scroll;
    update(&mut s, Action::Wheel(art.x + 3, art.y + 5, true));
    assert!(s.article_scroll >= s0);
    update(&mut s, Action::Wheel(art.x + 3, art.y + 5, false));
    assert_eq!(s.article_scroll, s0.saturating_sub(0).min(s.article_scroll));
}

#[test]
fn a_click_on_the_density_strip_selects_an_event_of_that_time() {
    let mut s = state((120, 35));
    let d = layout::areas(&s).density.unwrap();
    update(&mut s, Action::Click(d.x + d.width - 1, d.y));
    let last_dated = s
        .shown
        .iter()
        .rposition(|&i| s.timeline.events[i].date.is_some())
        .unwrap();
    let picked = s.timeline.events[s.selected_event().unwrap()].date;
    assert_eq!(picked, s.timeline.events[s.shown[last_dated]].date);
    update(&mut s, Action::Click(d.x, d.y + 1));
    assert_eq!(s.selected, 0);
    let (counts, sel, _) = density::density(&s, d.width as usize);
    assert_eq!(counts.iter().sum::<u32>() as usize, last_dated + 1);
    assert!(counts[sel.unwrap()] > 0);
}

#[test]
fn tiny_terminals_say_so_and_never_panic() {
    for (w, h) in [(1, 1), (2, 1), (1, 3), (19, 4), (19, 30), (80, 4), (0, 0)] {
        let mut s = state((w, h));
        for (a, _, _) in Action::BINDABLE {
            if *a != Action::Quit && *a != Action::OpenEditor {
                update(&mut s, *a);
            }
        }
        update(&mut s, Action::Click(0, 0));
        update(&mut s, Action::Wheel(0, 0, true));
        if w == 0 || h == 0 {
            continue;
        }
        let b = render(&s);
        let first: String = (0..w).map(|x| b[(x, 0)].symbol().to_string()).collect();
        assert!(
            "terminal too small".starts_with(first.trim_end_matches('…').trim_end()),
            "{w}x{h}: {first:?}"
        );
    }
    let s = state((20, 5));
    let t = text(&render(&s));
    assert!(!t.contains("too small"), "{t}");
}

#[test]
fn a_narrow_terminal_shows_one_pane_at_a_time() {
    let mut s = state((60, 20));
    let a = layout::areas(&s);
    assert!(a.timeline.is_some() && a.article.is_none());
    update(&mut s, Action::NextPane);
    let a = layout::areas(&s);
    assert!(a.timeline.is_none() && a.article.is_some());
    assert!(!s.article.lines.is_empty());
}

#[test]
fn a_burst_of_resizes_ends_in_the_same_screen_as_a_fresh_one() {
    let mut s = state((120, 35));
    update(&mut s, Action::Down);
    update(&mut s, Action::Down);
    let mut seed = 7u32;
    for _ in 0..200 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let w = (seed >> 8) % 200 + 1;
        let h = (seed >> 20) % 70 + 1;
        update(&mut s, Action::Resize(w as u16, h as u16));
        let _ = render(&s);
    }
    update(&mut s, Action::Resize(120, 35));
    let mut fresh = state((120, 35));
    update(&mut fresh, Action::Down);
    update(&mut fresh, Action::Down);
    assert_eq!(text(&render(&s)), text(&render(&fresh)));
}

#[test]
fn monochrome_keeps_selection_and_highlights_visible() {
    let settings = Settings::default(); // color: false
    let mut s = state_with(&settings, (120, 35));
    let pos = merged_event(&s);
    for _ in 0..pos {
        update(&mut s, Action::Down);
    }
    type_query(&mut s, "alvarez");
    update(&mut s, Action::Accept);
    let b = render(&s);
    let mut reversed = 0;
    for cell in b.content() {
        assert!(matches!(cell.fg, Color::Reset), "{cell:?}");
        assert!(matches!(cell.bg, Color::Reset), "{cell:?}");
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
    }
    let list = layout::areas(&s).list.unwrap();
    let row = (s.row_of[s.selected] - s.offset) as u16;
    assert!(b[(list.x + 3, list.y + row)]
        .modifier
        .contains(Modifier::REVERSED));
    // the selected row, the sentence and the status line at least
    assert!(reversed > list.width as usize + 20);
}

#[test]
fn control_characters_never_reach_the_screen() {
    let mut s = state((120, 35));
    type_query(&mut s, "timetable");
    update(&mut s, Action::Accept);
    assert!(!s.shown.is_empty());
    let b = render(&s);
    let t = text(&b);
    assert!(t.contains('\u{FFFD}'), "{t}");
    assert!(t.contains("Hidden"));
    for cell in b.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{:?}",
            cell.symbol()
        );
    }
    update(&mut s, Action::Copy);
    let Some(Effect::Copy(c)) = &s.effect else {
        panic!()
    };
    assert!(!c.chars().any(|c| c.is_control() && c != '\n'), "{c:?}");
}

#[test]
fn plain_output_has_one_line_per_event_and_no_control_characters() {
    let s = state((120, 35));
    let mut out = Vec::new();
    print_plain(&s.timeline, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), s.timeline.events.len());
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'));
    assert!(out.contains("Metro \u{FFFD}[31mDaily"));
    assert!(out.lines().last().unwrap().starts_with("undated"));
}

#[test]
fn long_dates_align_on_the_year() {
    let settings = Settings {
        color: true,
        date_style: DateStyle::Long,
        ..Settings::default()
    };
    let s = state_with(&settings, (120, 35));
    let t = text(&render(&s));
    assert!(t.contains(" 9 Mar 2023  "), "{t}");
    assert!(t.contains("    Jun 2024  "), "{t}");
}

fn snapshot(name: &str, s: &State) {
    insta::assert_snapshot!(name, text(&render(s)));
}

#[test]
fn snapshots_120x35() {
    let mut s = state((120, 35));
    let pos = merged_event(&s);
    for _ in 0..pos {
        update(&mut s, Action::Down);
    }
    snapshot("wide_list", &s);
    type_query(&mut s, "hamburg");
    snapshot("wide_query_typing", &s);
    update(&mut s, Action::Accept);
    update(&mut s, Action::Help);
    snapshot("wide_help", &s);
    update(&mut s, Action::Help);
    update(&mut s, Action::ClearQuery);
    update(&mut s, Action::ToggleActors);
    snapshot("wide_actors", &s);
}

#[test]
fn snapshots_60x20() {
    let mut s = state((60, 20));
    apply(&mut s, &[Action::Down, Action::Down]);
    snapshot("narrow_list", &s);
    type_query(&mut s, "plan");
    update(&mut s, Action::Accept);
    snapshot("narrow_query", &s);
    update(&mut s, Action::FocusArticle);
    snapshot("narrow_article", &s);
    update(&mut s, Action::Help);
    snapshot("narrow_help", &s);
    update(&mut s, Action::Bottom);
    snapshot("narrow_help_end", &s);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    use std::sync::{Arc, Mutex};
    let order = Arc::new(Mutex::new(Vec::new()));
    let original = std::panic::take_hook();
    let o = order.clone();
    std::panic::set_hook(Box::new(move |_| o.lock().unwrap().push("message")));
    let o = order.clone();
    restore_before_panic_message(move || o.lock().unwrap().push("restore"));
    let r = std::panic::catch_unwind(|| panic!("boom"));
    let _ = std::panic::take_hook();
    std::panic::set_hook(original);
    assert!(r.is_err());
    assert_eq!(*order.lock().unwrap(), ["restore", "message"]);
}

#[test]
fn the_smallest_screen_that_draws_is_tidy() {
    let s = state((20, 5));
    insta::assert_snapshot!("smallest", text(&render(&s)));
}

#[test]
fn warnings_met_while_reading_stay_visible_on_the_status_line() {
    let loaded = pipeline::load(&[fixture_dir()], &pipeline::Options::default()).unwrap();
    let mut s = State::new(&colour(), (120, 35));
    let f = Filter::new(&loaded.timeline);
    s.set_timeline(loaded.timeline, f, vec!["x.txt: not UTF-8".into()]);
    assert!(text(&render(&s)).contains("1 warnings: some files"));
    update(&mut s, Action::Down);
    assert!(text(&render(&s)).contains("1 warnings (on exit)"));
    assert_eq!(s.warnings, ["x.txt: not UTF-8"]);
}

/// A mention of five bytes at `start` of article `article`.
fn mention_at(article: u32, start: usize) -> newsline::events::Mention {
    newsline::events::Mention {
        article,
        start,
        end: start + 5,
        line: 1,
    }
}

#[test]
fn sources_are_the_first_mention_in_each_article_sorted_or_not() {
    let mut s = state((100, 30));
    let m = mention_at;
    let ev = s.shown[0];
    let firsts = |s: &State| -> Vec<(u32, usize)> {
        s.sources(ev).iter().map(|m| (m.article, m.start)).collect()
    };
    s.timeline.events[ev].mentions = vec![m(0, 10), m(0, 40), m(1, 5), m(2, 7), m(2, 9)];
    assert_eq!(firsts(&s), [(0, 10), (1, 5), (2, 7)]);
    s.timeline.events[ev].mentions = vec![m(2, 7), m(0, 40), m(2, 9), m(0, 10), m(1, 5)];
    assert_eq!(firsts(&s), [(2, 7), (0, 40), (1, 5)]);
}

#[test]
fn the_count_and_the_shown_source_agree_with_the_list_of_sources() {
    let mut s = state((100, 30));
    let m = mention_at;
    let ev = s.shown[0];
    s.select(0);
    for mentions in [
        vec![m(0, 10), m(0, 40), m(1, 5), m(2, 7), m(2, 9)],
        vec![m(2, 7), m(0, 40), m(2, 9), m(0, 10), m(1, 5)],
        vec![m(3, 1)],
        vec![m(1, 1), m(1, 2), m(1, 3)],
    ] {
        s.timeline.events[ev].mentions = mentions;
        let all = s.sources(ev);
        assert_eq!(s.source_count(ev), all.len());
        // the shown source is the chosen one, the last when the choice is past the end
        for k in 0..all.len() + 2 {
            s.source = k;
            assert_eq!(
                s.shown_mention(),
                all.get(k.min(all.len() - 1)).copied(),
                "{k}"
            );
        }
    }
}
