//! Measures ingest (read, split, tag, resolve, build events, merge across articles) at full size
//! and prints a table: articles, MB, wall and CPU seconds, MB/s, events, peak RSS, and the share
//! of each step. Each size runs in a fresh process, so that its peak RSS is its own.
//!
//! ```text
//! cargo run --release --example ingest_bench -- [--sizes 1000,10000,100000] [--dir DIR] [--seed S]
//!     [--runs N]
//! cargo run --release --example ingest_bench -- --corpus PATH     # an existing corpus
//! ```
//!
//! Each corpus is measured `--runs` times (default 3), each run in a fresh process; the table
//! shows the run of median wall time, and every run's MB/s after it. On a shared machine the
//! runs differ: the time the host took from this one (steal) is shown too.
//!
//! Corpora are generated (deterministically) under `--dir` (default: the system temporary
//! directory) unless already there. `RAYON_NUM_THREADS` sets the number of threads.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::Ordering;
use std::time::Instant;

use newsline::pipeline::{load_measured, Options, StageTimes};

#[path = "support/gen.rs"]
mod gen;

/// User plus system CPU time of this process so far, in seconds.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // the fields after the command name, which is in parentheses
    let Some(rest) = stat.rfind(')').map(|i| &stat[i + 2..]) else {
        return f64::NAN;
    };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak resident set size in MB (VmHWM, given in KiB), decimal like the corpus sizes.
fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| {
                l.split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<f64>().ok())
            })
        })
        .map_or(f64::NAN, |kib| kib * 1024.0 / 1e6)
}

/// CPU time the host gave to other machines while this one wanted it, in seconds, summed over
/// cores (the "steal" of `/proc/stat`; 0 on a machine of its own).
fn steal_seconds() -> f64 {
    std::fs::read_to_string("/proc/stat")
        .ok()
        .and_then(|s| {
            let cpu = s.lines().next()?.split_whitespace().collect::<Vec<_>>();
            cpu.get(8)?.parse::<f64>().ok()
        })
        .map_or(0.0, |ticks| ticks / 100.0)
}

/// The load average of the last minute.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "?".into())
}

fn corpus_bytes(path: &Path) -> u64 {
    let Ok(listing) = newsline::corpus::list(&[path.to_path_buf()]) else {
        return 0;
    };
    listing
        .files
        .iter()
        .filter_map(|(p, _)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum()
}

/// Measures one corpus in this process and prints one tab-separated line.
fn measure(path: &Path) {
    let bytes = corpus_bytes(path);
    let times = StageTimes::default();
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let loaded = match load_measured(&[path.to_path_buf()], &Options::default(), &times) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("ingest_bench: {e}");
            std::process::exit(1);
        }
    };
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    let rss = peak_rss_mb();
    let s = |a: &std::sync::atomic::AtomicU64| a.load(Ordering::Relaxed) as f64 / 1e9;
    println!(
        "{}\t{}\t{wall}\t{cpu}\t{}\t{rss}\t{}\t{}\t{}\t{}\t{}\t{}",
        loaded.timeline.articles.len(),
        bytes,
        loaded.timeline.events.len(),
        s(&times.read),
        s(&times.sentences),
        s(&times.temporal),
        s(&times.actors),
        s(&times.events),
        s(&times.merge),
    );
    drop(loaded);
}

fn main() {
    let mut sizes = vec![1000usize, 10_000, 100_000];
    let mut dir = std::env::temp_dir().join("newsline-bench");
    let mut seed = 7u64;
    let mut runs = 3usize;
    let mut corpora: Vec<PathBuf> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--one" => {
                newsline::memory::return_large_blocks(); // as the program does
                if let Some(p) = args.next() {
                    measure(Path::new(&p));
                }
                return;
            }
            "--sizes" => {
                sizes = args
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|v| v.trim().replace('_', "").parse().ok())
                    .collect()
            }
            "--dir" => dir = args.next().map(PathBuf::from).unwrap_or(dir),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(runs)
                    .max(1)
            }
            "--corpus" => corpora.extend(args.next().map(PathBuf::from)),
            _ => {
                eprintln!(
                    "usage: ingest_bench [--sizes N,N,…] [--dir DIR] [--seed S] [--runs N] [--corpus PATH]…"
                );
                std::process::exit(2);
            }
        }
    }
    if corpora.is_empty() {
        for &n in &sizes {
            let path = dir.join(format!("corpus-{n}-seed{seed}"));
            let done = path.join(".complete");
            if !done.exists() {
                eprintln!("generating {n} articles in {}", path.display());
                let _ = std::fs::remove_dir_all(&path);
                if let Err(e) =
                    gen::write_corpus(&path, n, seed).and_then(|_| std::fs::write(&done, b""))
                {
                    eprintln!("ingest_bench: {}: {e}", path.display());
                    std::process::exit(1);
                }
            }
            corpora.push(path);
        }
    }
    let exe = match std::env::current_exe() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("ingest_bench: {e}");
            std::process::exit(1);
        }
    };
    println!(
        "threads: {}, cores: {}, runs: {runs}, load average: {}",
        rayon::current_num_threads(),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load_average()
    );
    println!(
        "{:>8} {:>7} {:>7} {:>7} {:>6} {:>8} {:>8} {:>8} | share of step time: read sent temporal actors events merge | steal s | MB/s of each run",
        "articles", "MB", "wall s", "CPU s", "MB/s", "events", "ev/art", "peak MB"
    );
    for path in &corpora {
        let steal0 = steal_seconds();
        let mut measured: Vec<Vec<f64>> = Vec::new();
        for _ in 0..runs {
            if let Some(f) = run_one(&exe, path) {
                measured.push(f);
            }
        }
        let steal = steal_seconds() - steal0;
        if measured.is_empty() {
            continue;
        }
        measured.sort_by(|a, b| a[2].total_cmp(&b[2]));
        let each: Vec<String> = measured
            .iter()
            .map(|f| format!("{:.1}", f[1] / 1e6 / f[2]))
            .collect();
        // the median run (of an even number, the faster of the middle two)
        let f = &measured[(measured.len() - 1) / 2];
        let (articles, mb, wall, cpu, events, rss) = (f[0], f[1] / 1e6, f[2], f[3], f[4], f[5]);
        let stages = &f[6..12];
        let total: f64 = stages.iter().sum();
        let shares: Vec<String> = stages
            .iter()
            .map(|s| format!("{:>3.0}%", 100.0 * s / total.max(1e-9)))
            .collect();
        println!(
            "{:>8} {:>7.1} {:>7.2} {:>7.2} {:>6.1} {:>8} {:>8.1} {:>8.0} | {} | {steal:.2} | {}",
            articles,
            mb,
            wall,
            cpu,
            mb / wall,
            events,
            events / articles.max(1.0),
            rss,
            shares.join(" "),
            each.join(" ")
        );
    }
}

/// One measurement of `path` in a fresh process: its tab-separated figures.
fn run_one(exe: &Path, path: &Path) -> Option<Vec<f64>> {
    let out = match Command::new(exe).arg("--one").arg(path).output() {
        Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).into_owned(),
        Ok(o) => {
            eprintln!(
                "ingest_bench: {}: {}",
                path.display(),
                String::from_utf8_lossy(&o.stderr).trim()
            );
            return None;
        }
        Err(e) => {
            eprintln!("ingest_bench: {e}");
            return None;
        }
    };
    let f: Vec<f64> = out
        .trim()
        .split('\t')
        .map(|v| v.parse().unwrap_or(f64::NAN))
        .collect();
    if f.len() < 12 {
        eprintln!("ingest_bench: unexpected output {out:?}");
        return None;
    }
    Some(f)
}
