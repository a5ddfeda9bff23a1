//! The synthetic corpus shared by the corpus generator and the ingest benchmark: articles with
//! front matter and 2–4 KB bodies built from varied sentence shapes (meetings, signings, clashes,
//! statements, visits, exercises, and the undated context, quotes and background that make up
//! most of a news story), thousands of people with titles and initials, every country and demonym
//! of the gazetteer, many organisations, every date form the tagger knows, and site chrome.
//! Deterministic: the same seed writes the same corpus.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

#[path = "pool.rs"]
mod pool;

use pool::{given_names, organisations, Rng};

const COUNTRIES: &str = include_str!("../../assets/countries.tsv");

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
    "Hassan",
    "Ali",
    "Okafor",
    "Mensah",
    "Osei",
    "Mwangi",
    "Kamau",
    "Silva",
    "Santos",
    "Oliveira",
    "Pereira",
    "Costa",
    "Andersen",
    "Nielsen",
    "Hansen",
    "Johansson",
    "Larsen",
    "Virtanen",
    "Korhonen",
    "Murphy",
    "Kelly",
    "O'Brien",
    "Walsh",
    "Teodoro",
    "Reyes",
    "Cruz",
    "Bautista",
    "Austin",
    "Morrison",
    "Albanese",
    "Kishida",
    "Kono",
    "Motegi",
    "Kamikawa",
    "Kihara",
    "Jaishankar",
    "Dong",
    "Li",
    "Zhou",
    "Sun",
    "Ma",
    "Hu",
    "Guo",
    "Lin",
    "Abe",
    "Ishiba",
    "Modi",
    "Gandhi",
    "Rao",
];
const TITLES: &[&str] = &[
    "Defence Minister",
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Gen.",
    "Admiral",
    "Ambassador",
    "Defense Secretary",
    "Trade Minister",
    "Finance Minister",
    "Interior Minister",
    "Secretary of State",
    "Chief Executive",
    "Chairman",
    "Vice President",
    "Lt. Gen.",
    "Senator",
];
const OUTLETS: &[&str] = &[
    "Reuters",
    "Associated Press",
    "UPI",
    "Kyodo",
    "Press Trust of India",
    "Xinhua",
    "AFP",
    "BBC News",
    "The Hindu",
    "Nikkei Asia",
    "Al Jazeera",
    "Deutsche Welle",
    "The Guardian",
    "Yonhap",
];
const PLACES: &[&str] = &[
    "Vientiane",
    "Geneva",
    "Singapore",
    "Jakarta",
    "Nairobi",
    "Lima",
    "Oslo",
    "Doha",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];
const CHROME: &[&str] = &[
    "Exit mobile version",
    "Share this:",
    "Post a Comment",
    "Join our WhatsApp group for latest updates",
    "Click here to subscribe to our newsletter",
    "Advertisement",
    "#defence #diplomacy",
];

struct Country {
    name: String,
    demonym: Option<String>,
}

fn countries() -> Vec<Country> {
    COUNTRIES
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let name = f.next()?.to_string();
            if f.next()? != "country" {
                return None;
            }
            let demonym = f
                .next()
                .unwrap_or("")
                .split('|')
                .map(|a| a.trim_start_matches(['?', '~']))
                .find(|a| {
                    a.ends_with("ian")
                        || a.ends_with("ese")
                        || a.ends_with("ish")
                        || a.ends_with("an")
                })
                .map(str::to_string);
            Some(Country { name, demonym })
        })
        .collect()
}

struct World {
    countries: Vec<Country>,
    orgs: Vec<String>,
    people: Vec<String>,
}

impl World {
    fn new(rng: &mut Rng) -> World {
        let given = given_names();
        let mut people = Vec::new();
        for i in 0..5000 {
            let g = &given[rng.below(given.len())];
            let s = SURNAMES[rng.below(SURNAMES.len())];
            people.push(match i % 7 {
                0 => format!("{}. {s}", &g[..1]),
                1 => format!("{g} {}. {s}", (b'A' + rng.below(26) as u8) as char),
                2 => format!("{s} {g}"),
                _ => format!("{g} {s}"),
            });
        }
        World {
            countries: countries(),
            orgs: organisations(),
            people,
        }
    }
}

/// A date expression and whether it reads as past.
fn date_phrase(rng: &mut Rng, year: i32) -> String {
    let m = rng.below(12);
    let d = 1 + rng.below(28);
    match rng.below(22) {
        0 => format!("on {}", rng.pick(WEEKDAYS)),
        1 => format!("last {}", rng.pick(WEEKDAYS)),
        2 => format!("on {} {d}, {year}", MONTHS[m]),
        3 => format!("on {d} {} {year}", MONTHS[m]),
        4 => format!("on {} {d}", SHORT_MONTHS[m]),
        5 => format!("in {} {}", MONTHS[m], year - rng.below(5) as i32),
        6 => format!("in {}", MONTHS[m]),
        7 => format!("in {}", year - 1 - rng.below(10) as i32),
        8 => format!("since {}", year - 2 - rng.below(15) as i32),
        9 => "last week".into(),
        10 => "this week".into(),
        11 => "yesterday".into(),
        12 => "earlier this month".into(),
        13 => "last year".into(),
        14 => "a year ago".into(),
        15 => format!(
            "in the {} quarter",
            ["first", "second", "third", "fourth"][rng.below(4)]
        ),
        16 => format!("in fiscal {}", year - 1),
        17 => format!("on {year}-{:02}-{d:02}", m + 1),
        18 => "last month".into(),
        19 => format!("in the {}0s", 195 + rng.below(6)),
        20 => "this summer".into(),
        _ => format!("in October {}", year - 3),
    }
}

fn sentence(rng: &mut Rng, w: &World, year: i32, lead: &str, out: &mut String) {
    let c1 = &w.countries[rng.below(w.countries.len())];
    let c2 = &w.countries[rng.below(w.countries.len())];
    let p1 = &w.people[rng.below(w.people.len())];
    let p2 = &w.people[rng.below(w.people.len())];
    let t1 = rng.pick(TITLES);
    let t2 = rng.pick(TITLES);
    let org = &w.orgs[rng.below(w.orgs.len())];
    let dem = c1.demonym.as_deref().unwrap_or(&c1.name);
    let place = rng.pick(PLACES);
    // Most sentences of a news story are context, quotes and background without a date of
    // their own; about one in seven dates a happening.
    if rng.below(100) >= 15 {
        let s = match rng.below(16) {
            0 => format!("\"We will not accept any change to the status quo by force,\" {p1} told reporters."),
            1 => format!("The {org} has long pressed for closer ties between the two countries."),
            2 => "Analysts say the relationship has deepened as trade and investment have grown.".to_string(),
            3 => format!("{dem} officials declined to comment on the details of the arrangement."),
            4 => "The ministry did not give further details, and it was not clear how the measures would be funded.".to_string(),
            5 => format!("{} is among the largest trading partners of {}, with two-way trade worth about $40 billion.", c1.name, c2.name),
            6 => "Critics argue the plan could strain the budget, while supporters say it is long overdue.".to_string(),
            7 => format!("A spokesman for the {org} described the discussions as frank and constructive."),
            8 => "Officials stressed the importance of a rules-based order in the region.".to_string(),
            9 => format!("According to the {org}, more than 3,000 people have been displaced by the fighting."),
            10 => format!("{lead} {p2}, who has led the talks since the start, called for calm."),
            11 => format!("Officials from the {org} and {dem} diplomats discussed the plan, which covers 1,500 troops and $2,008 million in aid."),
            12 => format!("The region has seen rising tensions, and {} has increased its military presence near {place}.", c2.name),
            13 => "Neither side has published the full text, but both say it sets out a framework for future cooperation.".to_string(),
            14 => format!("The agreement, drafted with help from the {org}, still needs the approval of parliament."),
            _ => format!("In a statement, {} welcomed the progress and urged {} to respect the 2008 Joint Declaration.", c1.name, c2.name),
        };
        out.push_str(&s);
        return;
    }
    let date = date_phrase(rng, year);
    let s = match rng.below(9) {
        0 => format!("{dem} {t1} {p1} met his counterpart {p2} {date} in {place} to discuss defence ties."),
        1 => format!("{} and {} signed an agreement {date} on the reciprocal provision of supplies and services.", c1.name, c2.name),
        2 => format!("Troops from {} and {} clashed along the disputed border {date}, officials said.", c1.name, c2.name),
        3 => format!("{t1} {p1} said {date} that {} would expand cooperation with the {org}.", c1.name),
        4 => format!("{t2} {p2} will visit {} {date}, the {org} announced.", c2.name),
        5 => format!("The navies of {} and {} held a joint exercise {date} in the {} Sea.", c1.name, c2.name, rng.pick(&["South China", "Arabian", "Baltic", "Red"])),
        6 => format!("He also said the {org} would review the pact, according to a statement released {date}."),
        7 => format!("{} agreed {date} to buy 24 F-35 jets from {}, and the deal was confirmed by {t2} {p2}.", c1.name, c2.name),
        _ => format!("Version 10.4 of the plan, drafted by the {org}, is due {date}."),
    };
    out.push_str(&s);
}

/// One article, number `i` of the corpus.
fn article(rng: &mut Rng, w: &World, i: usize) -> String {
    let year = 2000 + rng.below(25) as i32;
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let c1 = &w.countries[rng.below(w.countries.len())].name;
    let c2 = &w.countries[rng.below(w.countries.len())].name;
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "---\ntitle: {c1} and {c2} step up cooperation ({i})\npublished: {year}-{month:02}-{day:02}\nsource: {}\nurl: https://example.org/news/{i}\n---\n",
        rng.pick(OUTLETS)
    );
    let target = 2048 + rng.below(2048);
    let body_start = out.len();
    if rng.below(3) == 0 {
        let _ = writeln!(out, "{}\n", rng.pick(CHROME));
    }
    let mut para = 0;
    while out.len() - body_start < target {
        let lead = rng.pick(&["Meanwhile,", "Separately,", "However,"]);
        sentence(rng, w, year, lead, &mut out);
        para += 1;
        out.push_str(if para % 3 == 0 { "\n\n" } else { " " });
    }
    let _ = writeln!(out, "\n\n{}", rng.pick(CHROME));
    out
}

/// A deterministic stream of articles.
pub struct Generator {
    rng: Rng,
    world: World,
}

impl Generator {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Generator {
        let mut rng = Rng(seed);
        let world = World::new(&mut rng);
        Generator { rng, world }
    }

    /// The text of article number `i` (call with 0, 1, 2, … in turn).
    pub fn article(&mut self, i: usize) -> String {
        article(&mut self.rng, &self.world, i)
    }
}

/// Writes `n` articles under `out` (a thousand per directory); returns the bytes written.
pub fn write_corpus(out: &Path, n: usize, seed: u64) -> std::io::Result<usize> {
    let mut g = Generator::new(seed);
    let mut bytes = 0usize;
    for i in 0..n {
        let dir = out.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            fs::create_dir_all(&dir)?;
        }
        let text = g.article(i);
        bytes += text.len();
        fs::write(dir.join(format!("{i:06}.txt")), text)?;
    }
    Ok(bytes)
}
