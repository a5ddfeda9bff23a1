//! Measures the timeline filter on a synthetic timeline (the events `gen_events` writes) and
//! prints a table: prepare time and memory, then per-keystroke p50/p95/max over typed queries
//! (`r`, `ra`, `raj`, …), for the filter typing incrementally, the filter searching from scratch
//! at every keystroke, plain nucleo-matcher on prepared strings without the prefilter, and
//! fuzzy-matcher's SkimMatcherV2. All four split rows across cores with rayon.
//!
//! ```text
//! cargo run --release --example filter_bench -- [--events 1000000] [--seed 7] [--no-baselines]
//!     [--rounds 1]
//! ```
//!
//! With `--rounds N` the filter's keystrokes are timed N times and each keystroke's median
//! time is kept, which steadies comparisons on a busy machine.

#[allow(dead_code)]
#[path = "gen_events.rs"]
mod gen_events;

use std::time::{Duration, Instant};

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use newsline::filter::Filter;
use newsline::timeline::Timeline;
use nucleo_matcher::pattern::{Atom, CaseMatching, Normalization};
use nucleo_matcher::{Config, Matcher, Utf32String};
use rayon::prelude::*;

/// Queries typed a character at a time.
const TYPED: &[&str] = &[
    "rajnath",
    "raj sin",
    "@sing tok",
    "india japan",
    "'defence pact",
    "^tokyo",
    "singh !talks",
    "2019-0",
    "modi | abe",
    "exercise navy",
];

fn keystrokes() -> Vec<String> {
    let mut out = Vec::new();
    for q in TYPED {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            let s: String = chars[..n].iter().collect();
            if !s.ends_with(' ') {
                out.push(s);
            }
        }
    }
    out
}

fn rss_kib() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

struct Stats {
    p50: f64,
    p95: f64,
    max: f64,
}

fn stats(mut times: Vec<Duration>) -> Stats {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |p: f64| ms(times[((times.len() - 1) as f64 * p).round() as usize]);
    Stats {
        p50: at(0.5),
        p95: at(0.95),
        max: ms(*times.last().unwrap_or(&Duration::ZERO)),
    }
}

/// A term of the baselines: scope, negation and the raw atom text.
fn baseline_terms(q: &str) -> Vec<Vec<(bool, String)>> {
    let mut groups: Vec<Vec<(bool, String)>> = Vec::new();
    let mut or = false;
    for t in q.split(' ').filter(|t| !t.is_empty()) {
        if t == "|" {
            or = true;
            continue;
        }
        let (actor, body) = match t.strip_prefix('@') {
            Some(r) => (true, r.to_string()),
            None => (false, t.to_string()),
        };
        if body
            .trim_start_matches(['!', '^', '\''])
            .trim_end_matches('$')
            .is_empty()
        {
            continue;
        }
        match groups.last_mut() {
            Some(g) if or => g.push((actor, body)),
            _ => groups.push(vec![(actor, body)]),
        }
        or = false;
    }
    groups
}

/// Plain nucleo: every field of every row scored with `Atom::score`, no prefilter.
struct Nucleo {
    rows: Vec<(Utf32String, Utf32String, Vec<Utf32String>)>,
}

impl Nucleo {
    fn new(tl: &Timeline) -> Nucleo {
        let rows = tl
            .events
            .iter()
            .map(|e| {
                let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                (
                    Utf32String::from(e.title.as_str()),
                    Utf32String::from(date),
                    e.actors.iter().map(|a| Utf32String::from(&**a)).collect(),
                )
            })
            .collect();
        Nucleo { rows }
    }

    fn run(&self, q: &str) -> usize {
        let groups: Vec<Vec<(bool, bool, Atom)>> = baseline_terms(q)
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|(actor, t)| {
                        let mut a = Atom::parse(&t, CaseMatching::Smart, Normalization::Smart);
                        let neg = a.negative;
                        a.negative = false;
                        (actor, neg, a)
                    })
                    .collect()
            })
            .collect();
        self.rows
            .par_iter()
            .map_init(
                || Matcher::new(Config::DEFAULT),
                |m, (title, date, actors)| {
                    groups.iter().all(|g| {
                        g.iter().any(|(actor, neg, atom)| {
                            let mut hit =
                                actors.iter().any(|a| atom.score(a.slice(..), m).is_some());
                            if !actor && !hit {
                                hit = atom.score(title.slice(..), m).is_some()
                                    || atom.score(date.slice(..), m).is_some();
                            }
                            hit != *neg
                        })
                    })
                },
            )
            .filter(|&keep| keep)
            .count()
    }
}

/// fuzzy-matcher's SkimMatcherV2 on the same fields (it knows no query syntax: each term's
/// text is fuzzy-matched, `@` terms on the actors only, `!` terms negated).
struct Skim {
    rows: Vec<(String, String, Vec<String>)>,
    matcher: SkimMatcherV2,
}

impl Skim {
    fn new(tl: &Timeline) -> Skim {
        let rows = tl
            .events
            .iter()
            .map(|e| {
                let date = e.date.map(|d| d.to_string()).unwrap_or_default();
                (
                    e.title.clone(),
                    date,
                    e.actors.iter().map(|a| a.to_string()).collect(),
                )
            })
            .collect();
        Skim {
            rows,
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    fn run(&self, q: &str) -> usize {
        let groups: Vec<Vec<(bool, bool, String)>> = baseline_terms(q)
            .into_iter()
            .map(|g| {
                g.into_iter()
                    .map(|(actor, t)| {
                        let neg = t.starts_with('!');
                        let text = t.trim_start_matches(['!', '^', '\'']).trim_end_matches('$');
                        (actor, neg, text.to_string())
                    })
                    .collect()
            })
            .collect();
        let m = &self.matcher;
        self.rows
            .par_iter()
            .filter(|(title, date, actors)| {
                groups.iter().all(|g| {
                    g.iter().any(|(actor, neg, t)| {
                        let mut hit = actors.iter().any(|a| m.fuzzy_match(a, t).is_some());
                        if !actor && !hit {
                            hit = m.fuzzy_match(title, t).is_some()
                                || m.fuzzy_match(date, t).is_some();
                        }
                        hit != *neg
                    })
                })
            })
            .count()
    }
}

fn time_each(keys: &[String], mut f: impl FnMut(&str) -> usize) -> (Vec<Duration>, Vec<usize>) {
    let mut times = Vec::with_capacity(keys.len());
    let mut counts = Vec::with_capacity(keys.len());
    for k in keys {
        let t = Instant::now();
        let n = f(k);
        times.push(t.elapsed());
        counts.push(n);
    }
    (times, counts)
}

/// Each keystroke's median time over the rounds.
fn medians(rounds: &[Vec<Duration>]) -> Vec<Duration> {
    (0..rounds[0].len())
        .map(|k| {
            let mut t: Vec<Duration> = rounds.iter().map(|r| r[k]).collect();
            t.sort();
            t[t.len() / 2]
        })
        .collect()
}

fn main() {
    newsline::memory::return_large_blocks(); // as the program does
    let mut events = 1_000_000usize;
    let mut seed = 7u64;
    let mut baselines = true;
    let mut rounds = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--events" => events = args.next().and_then(|v| v.parse().ok()).unwrap_or(events),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--no-baselines" => baselines = false,
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(rounds)
                    .max(1)
            }
            _ => {
                eprintln!(
                    "usage: filter_bench [--events N] [--seed S] [--no-baselines] [--rounds N]"
                );
                std::process::exit(2);
            }
        }
    }
    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let tl = gen_events::timeline(events, seed);
    eprintln!(
        "generated {} events in {:.1} s",
        tl.events.len(),
        t.elapsed().as_secs_f64()
    );

    let rss0 = rss_kib();
    let t = Instant::now();
    let mut filter = Filter::new(&tl);
    let prepare = t.elapsed();
    let rss1 = rss_kib();
    let keys = keystrokes();

    // the screen types: each query from empty, a key at a time
    let mut inc_rounds = Vec::new();
    let mut scratch_rounds = Vec::new();
    let mut inc_counts = Vec::new();
    let mut scratch_counts = Vec::new();
    for _ in 0..rounds {
        let mut times = Vec::new();
        inc_counts.clear();
        for q in TYPED {
            filter.set_query("");
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let s: String = chars[..n].iter().collect();
                if s.ends_with(' ') {
                    filter.set_query(&s);
                    continue;
                }
                let t = Instant::now();
                filter.set_query(&s);
                times.push(t.elapsed());
                inc_counts.push(filter.matches().len());
            }
        }
        inc_rounds.push(times);
        let (times, counts) = time_each(&keys, |k| {
            filter.set_query_from_scratch(k);
            filter.matches().len()
        });
        scratch_rounds.push(times);
        scratch_counts = counts;
    }
    let incremental = medians(&inc_rounds);
    let scratch = medians(&scratch_rounds);
    let mut slowest: Vec<(Duration, &String)> = incremental.iter().copied().zip(&keys).collect();
    slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
    assert_eq!(
        inc_counts, scratch_counts,
        "incremental and from-scratch differ"
    );

    println!(
        "filter benchmark: {} events, {} keystrokes over {} typed queries, {} threads{}",
        tl.events.len(),
        keys.len(),
        TYPED.len(),
        threads,
        if rounds > 1 {
            format!(", median of {rounds} rounds")
        } else {
            String::new()
        }
    );
    println!(
        "prepare: {:.0} ms, {:.0} MiB held by the filter (RSS +{:.0} MiB)",
        prepare.as_secs_f64() * 1e3,
        filter.heap_bytes() as f64 / 1048576.0,
        rss1.saturating_sub(rss0) as f64 / 1024.0
    );
    println!();
    println!("| per keystroke                     |  p50 ms |  p95 ms |  max ms |");
    println!("|-----------------------------------|--------:|--------:|--------:|");
    let row = |name: &str, s: Stats| {
        println!(
            "| {name:<33} | {:>7.2} | {:>7.2} | {:>7.2} |",
            s.p50, s.p95, s.max
        )
    };
    row("newsline filter, incremental", stats(incremental));
    row("newsline filter, from scratch", stats(scratch));
    let mut differ = Vec::new();
    if baselines {
        let t = Instant::now();
        let nucleo = Nucleo::new(&tl);
        let nucleo_prep = t.elapsed();
        let (times, counts) = time_each(&keys, |k| nucleo.run(k));
        row("plain nucleo-matcher", stats(times));
        for (k, (a, b)) in keys.iter().zip(counts.iter().zip(&scratch_counts)) {
            if a != b {
                differ.push(format!("{k:?}: nucleo {a}, filter {b}"));
            }
        }
        drop(nucleo);
        let t = Instant::now();
        let skim = Skim::new(&tl);
        let skim_prep = t.elapsed();
        let (times, _) = time_each(&keys, |k| skim.run(k));
        row("fuzzy-matcher SkimMatcherV2", stats(times));
        println!();
        println!(
            "baseline prepare: nucleo {:.0} ms, skim {:.0} ms",
            nucleo_prep.as_secs_f64() * 1e3,
            skim_prep.as_secs_f64() * 1e3
        );
        if differ.is_empty() {
            println!("plain nucleo kept the same events as the filter at every keystroke");
        } else {
            println!("keystrokes where plain nucleo kept other events (its known bugs):");
            for d in &differ {
                println!("  {d}");
            }
        }
    }
    println!();
    print!("slowest incremental keystrokes:");
    for (d, k) in slowest.iter().take(8) {
        print!(" {k:?} {:.1} ms", d.as_secs_f64() * 1e3);
    }
    println!();
    println!("matches per keystroke:");
    for (k, n) in keys.iter().zip(&scratch_counts) {
        print!("{k:?}={n} ");
    }
    println!();
}
