//! The one step that looks across articles: corpus-wide actor aliases and one event per
//! happening told by several articles. It reads only what an exported event carries, so events
//! from JSONL shards merge exactly like events read here.

use std::collections::{HashMap, HashSet};

use crate::actors::{self, ActorKind};
use crate::events::Event;
use crate::temporal::{Basis, Precision};

/// Words that name the same kind of happening, folded to one stem so that "held talks" and
/// "meeting" can be recognised as one happening told twice.
fn stem(word: &str) -> Option<&'static str> {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    Some(match w {
        "meet" | "meets" | "met" | "meeting" | "meetings" | "talk" | "talks" | "held" | "hold"
        | "holds" | "bilateral" | "dialogue" | "dialogues" | "discuss" | "discusses"
        | "discussed" | "discussion" | "discussions" | "summit" | "session" | "visit"
        | "visits" | "visited" => "meet",
        "sign" | "signs" | "signed" | "signing" | "agreement" | "pact" | "deal" | "accord"
        | "treaty" => "sign",
        "agree" | "agrees" | "agreed" => "agree",
        "announce" | "announces" | "announced" | "announcement" | "unveil" | "unveils"
        | "unveiled" | "launch" | "launches" | "launched" | "introduce" | "introduces"
        | "introduced" => "announce",
        "attack" | "attacks" | "attacked" | "clash" | "clashes" | "clashed" | "strike"
        | "strikes" | "struck" => "attack",
        "exercise" | "exercises" | "drill" | "drills" => "exercise",
        _ => return None,
    })
}

fn stems(title: &str) -> HashSet<&'static str> {
    title.split_whitespace().filter_map(stem).collect()
}

/// True when two events, from different articles, tell the same happening: the same date at
/// compatible precision, shared actors, and wording about the same kind of happening.
pub fn same_happening(a: &Event, b: &Event) -> bool {
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    if a.background || b.background {
        // "the 1991 agreement" named by several articles is one background event
        return a.background && b.background && da == db && a.title.eq_ignore_ascii_case(&b.title);
    }
    let fine = |p: Precision| p >= Precision::Week;
    if !(da == db || (fine(da.precision()) && fine(db.precision()) && da.compatible(&db))) {
        return false;
    }
    let shared = a.actors.iter().filter(|x| b.actors.contains(x)).count();
    if shared < 2 {
        return false;
    }
    let (sa, sb) = (stems(&a.title), stems(&b.title));
    !sa.is_disjoint(&sb)
}

/// Replaces short person names by the one full name the corpus knows for them.
pub fn apply_aliases(events: &mut [Event], aliases: &HashMap<String, String>) {
    if aliases.is_empty() {
        return;
    }
    for e in events {
        let mut out: Vec<String> = Vec::with_capacity(e.actors.len());
        for a in e.actors.drain(..) {
            let a = aliases.get(&a).cloned().unwrap_or(a);
            if !out.contains(&a) {
                out.push(a);
            }
        }
        e.actors = out;
    }
}

/// How well a title reads: names it carries and a verb, then length up to a point.
fn title_quality(e: &Event) -> (usize, usize) {
    let names = e
        .actors
        .iter()
        .filter(|a| e.title.contains(a.as_str()))
        .count();
    (names, e.title.chars().count().min(80))
}

fn fold(into: &mut Event, other: Event) {
    if title_quality(&other) > title_quality(into) {
        into.title = other.title;
    }
    let more_precise = match (into.date, other.date) {
        (Some(a), Some(b)) => b.precision() > a.precision(),
        _ => false,
    };
    let better_basis = other.date_basis == Basis::Explicit && into.date_basis != Basis::Explicit;
    if more_precise || better_basis {
        into.date = other.date;
        into.date_text = other.date_text;
        into.date_basis = other.date_basis;
    }
    for a in other.actors {
        if !into.actors.contains(&a) {
            into.actors.push(a);
        }
    }
    into.mentions.extend(other.mentions);
    into.mentions.sort();
    into.mentions.dedup();
}

/// The corpus step: short person names resolved across the corpus, then one event per happening,
/// with the actors of merged events in a canonical order (people, countries, organisations,
/// places; then by name) so that the result does not depend on the order of the input.
pub fn merge_corpus(mut events: Vec<Event>, kinds: &HashMap<String, ActorKind>) -> Vec<Event> {
    // names in the order events are first told, so "the first form listed" is stable
    let mut seen = HashSet::new();
    let mut names: Vec<(String, ActorKind)> = Vec::new();
    for e in &events {
        for a in &e.actors {
            if let Some(&k) = kinds.get(a) {
                if seen.insert(a.as_str()) {
                    names.push((a.clone(), k));
                }
            }
        }
    }
    apply_aliases(&mut events, &actors::corpus_aliases(&names));
    let mut out = merge(events);
    for e in out.iter_mut().filter(|e| e.mentions.len() > 1) {
        let rank = |a: &String| kinds.get(a).copied().unwrap_or(ActorKind::Organisation);
        e.actors
            .sort_by(|a, b| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
    }
    out
}

/// Events (indices in the output) added one after the other, all first told by `article` when
/// it is set. Mentions are only ever added, so an event of a run always has that article.
struct Run {
    article: Option<u32>,
    events: Vec<usize>,
}

impl Run {
    fn add(runs: &mut Vec<Run>, article: Option<u32>, event: usize) {
        match runs.last_mut() {
            Some(r) if article.is_some() && r.article == article => r.events.push(event),
            _ => runs.push(Run {
                article,
                events: vec![event],
            }),
        }
    }
}

/// Merges the events of many articles (mentions already carry their article index): one event
/// per happening. Events of one article are never merged with each other.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    // candidates by ISO week, so each event is compared only with those near its date
    let week = |d: chrono::NaiveDate| {
        let w = chrono::Datelike::iso_week(&d);
        (w.year(), w.week())
    };
    // Each week's candidates in runs of events first told by one article: a run of the
    // event's own article is skipped whole, so that one long article stays linear.
    let mut by_week: HashMap<(i32, u32), Vec<Run>> = HashMap::new();
    for e in events {
        let Some(d) = e.date else {
            out.push(e);
            continue;
        };
        let (first, last) = (week(d.first_day()), week(d.last_day()));
        let articles: HashSet<u32> = e.mentions.iter().map(|m| m.article).collect();
        let mut target = None;
        for key in [first, last] {
            if let Some(runs) = by_week.get(&key) {
                target = runs
                    .iter()
                    .filter(|r| !r.article.is_some_and(|a| articles.contains(&a)))
                    .flat_map(|r| r.events.iter().copied())
                    .find(|&i| {
                        let o: &Event = &out[i];
                        o.mentions.iter().all(|m| !articles.contains(&m.article))
                            && same_happening(o, &e)
                    });
            }
            if target.is_some() {
                break;
            }
        }
        match target {
            Some(i) => fold(&mut out[i], e),
            None => {
                let only = match articles.len() {
                    1 => articles.iter().next().copied(),
                    _ => None,
                };
                Run::add(by_week.entry(first).or_default(), only, out.len());
                if last != first {
                    Run::add(by_week.entry(last).or_default(), only, out.len());
                }
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Mention;
    use crate::temporal::DateValue;

    fn ev(article: u32, date: &str, title: &str, actors: &[&str]) -> Event {
        Event {
            date: DateValue::parse(date),
            date_text: date.into(),
            date_basis: Basis::Explicit,
            title: title.into(),
            actors: actors.iter().map(|s| s.to_string()).collect(),
            mentions: vec![Mention {
                article,
                start: 0,
                end: 10,
                line: 1,
            }],
            background: false,
        }
    }

    #[test]
    fn one_meeting_told_by_two_outlets_is_one_event() {
        let a = ev(
            0,
            "2024-05-09",
            "Ana Diaz meets Luis Soto in Lima",
            &["Ana Diaz", "Luis Soto", "Peru", "Chile"],
        );
        let b = ev(
            1,
            "2024-05-09",
            "Peru and Chile hold talks",
            &["Peru", "Chile"],
        );
        let out = merge(vec![a, b]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].mentions.len(), 2);
        assert_eq!(out[0].title, "Ana Diaz meets Luis Soto in Lima");
    }

    #[test]
    fn different_days_actors_or_happenings_stay_apart() {
        let a = ev(
            0,
            "2024-05-09",
            "Peru and Chile hold talks",
            &["Peru", "Chile"],
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    1,
                    "2024-05-10",
                    "Peru and Chile hold talks",
                    &["Peru", "Chile"]
                )
            ])
            .len(),
            2
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    1,
                    "2024-05-09",
                    "Peru and Bolivia hold talks",
                    &["Peru", "Bolivia"]
                )
            ])
            .len(),
            2
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    1,
                    "2024-05-09",
                    "Peru and Chile clash at sea",
                    &["Peru", "Chile"]
                )
            ])
            .len(),
            2
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    0,
                    "2024-05-09",
                    "Peru and Chile hold more talks",
                    &["Peru", "Chile"]
                )
            ])
            .len(),
            2
        );
    }

    #[test]
    fn a_day_and_its_week_are_compatible_but_a_month_is_too_coarse() {
        let a = ev(
            0,
            "2024-05-09",
            "Peru and Chile hold talks",
            &["Peru", "Chile"],
        );
        let week = ev(1, "2024-W19", "Peru and Chile met", &["Peru", "Chile"]);
        let month = ev(1, "2024-05", "Peru and Chile met", &["Peru", "Chile"]);
        assert_eq!(merge(vec![a.clone(), week]).len(), 1);
        assert_eq!(merge(vec![a, month]).len(), 2);
    }

    #[test]
    fn aliases_replace_short_names_once() {
        let mut e = vec![ev(0, "2024", "x", &["Singh", "Rajnath Singh", "India"])];
        let aliases = HashMap::from([("Singh".to_string(), "Rajnath Singh".to_string())]);
        apply_aliases(&mut e, &aliases);
        assert_eq!(e[0].actors, ["Rajnath Singh", "India"]);
    }
}
