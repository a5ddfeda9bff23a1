//! Ingest at sizes that finish in minutes: the whole reading (files, sentences, dates, actors,
//! events, merge) of a generated corpus, and the merge step alone. The full-size table (1k, 10k,
//! 100k articles) comes from `cargo run --release --example ingest_bench`.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsline::pipeline::{extract_article, load, read_article, Options};

#[path = "../examples/support/gen.rs"]
mod gen;

fn ingest(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("ingest bench: no temporary directory: {e}");
            return;
        }
    };
    let n = 300;
    let bytes = match gen::write_corpus(dir.path(), n, 7) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("ingest bench: {e}");
            return;
        }
    };
    let paths = vec![dir.path().to_path_buf()];
    let opts = Options::default();

    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(format!("load {n} articles"), |b| {
        b.iter(|| load(&paths, &opts).map(|l| l.timeline.events.len()))
    });

    // extraction alone, one thread, articles already in memory
    let files: Vec<PathBuf> = newsline::corpus::list(&paths)
        .map(|l| l.files.into_iter().map(|(p, _)| p).collect())
        .unwrap_or_default();
    let mut warnings = Vec::new();
    let articles: Vec<_> = files
        .iter()
        .filter_map(|p| read_article(p, &opts, &mut warnings))
        .collect();
    g.bench_function(format!("extract {n} articles, one thread"), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| extract_article(a).events.len())
                .sum::<usize>()
        })
    });

    // the merge step alone, on the events of the corpus
    let events: Vec<_> = match load(&paths, &opts) {
        Ok(l) => l.timeline.events,
        Err(_) => Vec::new(),
    };
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function(format!("merge {} events", events.len()), |b| {
        b.iter_batched(
            || events.clone(),
            |ev| newsline::merge::merge(ev).len(),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
