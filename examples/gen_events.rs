//! Writes N synthetic events as JSONL, in the format `newsline export --format jsonl` writes,
//! so that `newsline` and `newsline export` open the file as a shard. Deterministic: the same
//! `--seed` writes the same file. Titles are built from varied happenings (meetings, signings,
//! clashes, statements, visits, exercises) between thousands of people, every country and many
//! organisations; some names carry accents and some titles typographic dashes and quotes.
//!
//! ```text
//! cargo run --release --example gen_events -- --events 1000000 --out events1m.jsonl [--seed 7]
//! ```

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use newsline::actors::ActorKind;
use newsline::events::Event;
use newsline::export::{EventRecord, MentionRecord};
use newsline::temporal::{Basis, DateValue};
use newsline::timeline::Timeline;

#[path = "support/pool.rs"]
mod pool;

use pool::Rng;

const COUNTRIES: &str = include_str!("../assets/countries.tsv");

const SURNAMES: &[&str] = &[
    "Singh",
    "Sharma",
    "Patel",
    "Kumar",
    "Nakatani",
    "Suzuki",
    "Tanaka",
    "Sato",
    "Kim",
    "Park",
    "Lee",
    "Chen",
    "Wang",
    "Zhang",
    "Nguyen",
    "Tran",
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Martinez",
    "Rodriguez",
    "Lopez",
    "Hernandez",
    "Muller",
    "Schmidt",
    "Schneider",
    "Rossi",
    "Russo",
    "Dubois",
    "Martin",
    "Bernard",
    "Ivanov",
    "Petrov",
    "Kowalski",
    "Nowak",
    "Novak",
    "Horvat",
    "Yilmaz",
    "Kaya",
    "Haddad",
    "Khan",
    "Ahmed",
    "Hussain",
    "Okafor",
    "Mensah",
    "Mwangi",
    "Silva",
    "Santos",
    "Costa",
    "Pereira",
    "Andersson",
    "Johansson",
    "Hansen",
    "Nielsen",
    "Virtanen",
    "Murphy",
    "Kelly",
    "O'Brien",
    "Walsh",
    "Taylor",
    "Wilson",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Cohen",
    "Levi",
    "Mizrahi",
    "Abe",
    "Kishida",
    "Modi",
    "Gandhi",
    "Rao",
    "Reddy",
    "Iyer",
    "Menon",
    "Das",
    "Bose",
    "Ghosh",
    "Mukherjee",
    "Chatterjee",
];
/// Names with characters outside ASCII, a few percent of the people.
const ACCENTED: &[&str] = &[
    "Pérez",
    "González",
    "Müller",
    "Schröder",
    "Dvořák",
    "Łukasiewicz",
    "Øvergaard",
    "Çelik",
    "Erdoğan",
    "Nuñez",
    "Sánchez",
    "Jiménez",
    "François",
    "Gómez",
    "Şahin",
    "Þórsson",
];
const MEETINGS: &[&str] = &[
    "meets",
    "holds talks with",
    "hosts",
    "calls",
    "speaks with",
    "receives",
];
const SIGNED: &[&str] = &[
    "defence pact",
    "trade deal",
    "security agreement",
    "memorandum of understanding",
    "nuclear accord",
    "ceasefire",
    "investment treaty",
    "maritime agreement",
    "climate pledge",
];
const EXERCISES: &[&str] = &[
    "naval exercise",
    "air drills",
    "joint military exercise",
    "coast guard drill",
    "counter-terrorism exercise",
];
const STATEMENTS: &[&str] = &[
    "condemns",
    "welcomes",
    "warns",
    "criticises",
    "backs",
    "urges restraint on",
    "praises",
];
const CLASHES: &[&str] = &[
    "Clashes erupt",
    "Border skirmish",
    "Protesters clash with police",
    "Shelling reported",
    "Militants attack convoy",
];
const TOPICS: &[&str] = &[
    "sanctions",
    "border dispute",
    "election",
    "missile test",
    "refugee crisis",
    "tariffs",
    "oil prices",
    "cyber attack",
    "aid package",
    "visa rules",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "AFP",
    "UPI",
    "The Hindu",
    "Kyodo",
    "Yonhap",
    "BBC",
    "Al Jazeera",
    "Nikkei Asia",
    "The Straits Times",
    "Le Monde",
    "Deutsche Welle",
    "NHK",
    "PTI",
];

/// The names events are built from.
struct Pools {
    people: Vec<String>,
    countries: Vec<(String, String)>, // name, capital or demonym
    orgs: Vec<String>,
}

impl Pools {
    fn new(rng: &mut Rng) -> Pools {
        let given = pool::given_names();
        let mut people = Vec::with_capacity(5000);
        for i in 0..5000 {
            let g = &given[rng.below(given.len())];
            let s = if i % 25 == 0 {
                rng.pick(ACCENTED)
            } else {
                rng.pick(SURNAMES)
            };
            if i % 7 == 0 {
                let initial = (b'A' + rng.below(26) as u8) as char;
                people.push(format!("{g} {initial}. {s}"));
            } else {
                people.push(format!("{g} {s}"));
            }
        }
        let countries = COUNTRIES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let name = cols.next()?.trim();
                let kind = cols.next()?.trim();
                let alias = cols
                    .next()
                    .and_then(|a| a.split('|').next_back())
                    .map(|a| a.trim_start_matches('?').to_string())
                    .unwrap_or_else(|| name.to_string());
                (kind == "country").then(|| (name.to_string(), alias))
            })
            .collect();
        let orgs = pool::organisations()
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect();
        Pools {
            people,
            countries,
            orgs,
        }
    }
}

/// One synthetic event: its record (for JSONL) and the kinds of its actors.
fn event(rng: &mut Rng, pools: &Pools, n: usize) -> EventRecord {
    let person = |rng: &mut Rng| {
        // a few people make most of the news
        let i = if rng.chance(40) {
            rng.below(200)
        } else {
            rng.below(pools.people.len())
        };
        pools.people[i].clone()
    };
    let country = |rng: &mut Rng| pools.countries[rng.below(pools.countries.len())].clone();
    let org = |rng: &mut Rng| pools.orgs[rng.below(pools.orgs.len())].clone();
    let mut actors: Vec<(String, ActorKind)> = Vec::new();
    let title = match rng.below(8) {
        0 | 1 => {
            let (a, b) = (person(rng), person(rng));
            let (c, capital) = country(rng);
            let t = format!("{a} {} {b} in {capital}", rng.pick(MEETINGS));
            actors.push((a, ActorKind::Person));
            actors.push((b, ActorKind::Person));
            actors.push((c, ActorKind::Country));
            t
        }
        2 => {
            let (a, _) = country(rng);
            let (b, _) = country(rng);
            let t = format!("{a} and {b} sign {}", rng.pick(SIGNED));
            actors.push((a, ActorKind::Country));
            actors.push((b, ActorKind::Country));
            t
        }
        3 => {
            let o = org(rng);
            let (c, demonym) = country(rng);
            let t = format!(
                "{o} {} {demonym} {}",
                rng.pick(STATEMENTS),
                rng.pick(TOPICS)
            );
            actors.push((o, ActorKind::Organisation));
            actors.push((c, ActorKind::Country));
            t
        }
        4 => {
            let p = person(rng);
            let (c, _) = country(rng);
            let t = if rng.chance(30) {
                format!("{p} visits {c} \u{2014} first trip since taking office")
            } else {
                format!("{p} visits {c}")
            };
            actors.push((p, ActorKind::Person));
            actors.push((c, ActorKind::Country));
            t
        }
        5 => {
            let (a, _) = country(rng);
            let (b, _) = country(rng);
            let t = format!("{a} holds {} with {b}", rng.pick(EXERCISES));
            actors.push((a, ActorKind::Country));
            actors.push((b, ActorKind::Country));
            t
        }
        6 => {
            let (c, capital) = country(rng);
            let t = format!("{} in {capital}", rng.pick(CLASHES));
            actors.push((c, ActorKind::Country));
            t
        }
        _ => {
            let p = person(rng);
            let (c, _) = country(rng);
            let t = if rng.chance(20) {
                format!("{p} says \u{201c}{c} will not back down\u{201d}")
            } else {
                format!("{p} says {c} will respond to {}", rng.pick(TOPICS))
            };
            actors.push((p, ActorKind::Person));
            actors.push((c, ActorKind::Country));
            t
        }
    };
    actors.dedup_by(|a, b| a.0 == b.0);
    let day = NaiveDate::from_ymd_opt(2000, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(rng.below(9500) as u64)))
        .unwrap_or_default();
    let (date, date_text, basis) = match rng.below(20) {
        0 => (None, String::new(), Basis::Unresolved),
        1 => (
            Some(DateValue::Year(day.year())),
            format!("in {}", day.year()),
            Basis::Explicit,
        ),
        2 | 3 => (
            DateValue::month(day.year(), day.month()),
            day.format("in %B %Y").to_string(),
            Basis::Explicit,
        ),
        4 => (
            Some(DateValue::Week(
                day.iso_week().year(),
                day.iso_week().week() as u8,
            )),
            "this week".to_string(),
            Basis::Relative,
        ),
        5..=8 => (
            Some(DateValue::Day(day)),
            day.format("on %A").to_string(),
            Basis::Relative,
        ),
        _ => (
            Some(DateValue::Day(day)),
            day.format("on %B %-d, %Y").to_string(),
            Basis::Explicit,
        ),
    };
    let told = 1 + usize::from(rng.chance(15)) + usize::from(rng.chance(5));
    let mut mentions = Vec::with_capacity(told);
    let mut sources: Vec<String> = Vec::new();
    for k in 0..told {
        let article = (n / 4) * 3 + k;
        let outlet = rng.pick(OUTLETS).to_string();
        let start = 200 + rng.below(3000);
        mentions.push(MentionRecord {
            file: format!("corpus/{:03}/{article:08}.txt", article % 1000),
            start,
            end: start + 80 + rng.below(200),
            line: 5 + rng.below(40) as u32,
            title: title.clone(),
            source: Some(outlet.clone()),
            published: Some(day),
        });
        if !sources.contains(&outlet) {
            sources.push(outlet);
        }
    }
    EventRecord {
        precision: date.map(|d: DateValue| d.precision()),
        date,
        date_text,
        date_basis: basis,
        title,
        actor_kinds: actors.iter().map(|a| a.1).collect(),
        actors: actors.into_iter().map(|a| a.0).collect(),
        mentions,
        sources,
        background: false,
    }
}

/// The records of `n` events from `seed`.
pub fn records(n: usize, seed: u64) -> impl Iterator<Item = EventRecord> {
    let mut rng = Rng(seed);
    let pools = Pools::new(&mut rng);
    (0..n).map(move |i| event(&mut rng, &pools, i))
}

/// A timeline of `n` events from `seed` (articles left out: the events need only their text).
pub fn timeline(n: usize, seed: u64) -> Timeline {
    let mut kinds = HashMap::new();
    let events = records(n, seed)
        .map(|r| {
            for (a, k) in r.actors.iter().zip(&r.actor_kinds) {
                if !kinds.contains_key(a) {
                    kinds.insert(a.clone(), *k);
                }
            }
            Event {
                date: r.date,
                date_text: r.date_text,
                date_basis: r.date_basis,
                title: r.title,
                actors: r.actors.iter().map(|a| a.as_str().into()).collect(),
                mentions: Vec::new(),
                background: r.background,
            }
        })
        .collect();
    Timeline::new(Vec::new(), events, kinds)
}

#[allow(dead_code)]
fn main() -> io::Result<()> {
    let mut events = 1_000_000usize;
    let mut seed = 7u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_default();
        match a.as_str() {
            "--events" => events = value().parse().unwrap_or(events),
            "--seed" => seed = value().parse().unwrap_or(seed),
            "--out" => out = Some(PathBuf::from(value())),
            _ => {
                eprintln!("usage: gen_events [--events N] [--seed S] [--out FILE]");
                std::process::exit(2);
            }
        }
    }
    let sink: Box<dyn Write> = match &out {
        Some(p) => Box::new(std::fs::File::create(p)?),
        None => Box::new(io::stdout().lock()),
    };
    let mut w = BufWriter::with_capacity(1 << 20, sink);
    for r in records(events, seed) {
        serde_json::to_writer(&mut w, &r)?;
        w.write_all(b"\n")?;
    }
    w.flush()
}
