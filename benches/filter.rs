//! Criterion benchmark of the timeline filter on 100,000 synthetic events: preparing the
//! haystacks, a query typed a key at a time (incremental), and the same keystrokes searched from
//! scratch. `cargo run --release --example filter_bench` prints the full-size table.

#[allow(dead_code)]
#[path = "../examples/gen_events.rs"]
mod gen_events;

use criterion::{criterion_group, criterion_main, Criterion};
use newsline::filter::Filter;

const TYPED: &[&str] = &[
    "rajnath",
    "raj sin",
    "@sing tok",
    "india japan",
    "singh !talks",
];

fn prefixes(q: &str) -> impl Iterator<Item = String> + '_ {
    let chars: Vec<char> = q.chars().collect();
    (1..=chars.len()).map(move |n| chars[..n].iter().collect())
}

fn bench(c: &mut Criterion) {
    let tl = gen_events::timeline(100_000, 7);
    let mut g = c.benchmark_group("filter_100k");
    g.sample_size(10)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3));
    g.bench_function("prepare", |b| b.iter(|| Filter::new(&tl)));
    let mut f = Filter::new(&tl);
    for q in TYPED {
        g.bench_function(format!("typed {q:?} incremental"), |b| {
            b.iter(|| {
                f.set_query("");
                for p in prefixes(q) {
                    f.set_query(&p);
                }
                f.matches().len()
            })
        });
        g.bench_function(format!("typed {q:?} from scratch"), |b| {
            b.iter(|| {
                for p in prefixes(q) {
                    f.set_query_from_scratch(&p);
                }
                f.matches().len()
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
