//! Writes a synthetic news corpus for measuring newsline at scale (see `support/gen.rs`).
//! Deterministic: the same `--seed` writes the same corpus.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --articles 100000 --out corpus100k [--seed 7]
//! ```

use std::path::PathBuf;

#[path = "support/gen.rs"]
mod gen;

fn main() {
    let mut articles = 1000usize;
    let mut out = PathBuf::from("corpus");
    let mut seed = 7u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => articles = args.next().and_then(|v| v.parse().ok()).unwrap_or(articles),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            _ => {
                eprintln!("usage: gen_corpus [--articles N] [--out DIR] [--seed S]");
                std::process::exit(2);
            }
        }
    }
    match gen::write_corpus(&out, articles, seed) {
        Ok(bytes) => eprintln!(
            "wrote {articles} articles, {:.1} MB, to {}",
            bytes as f64 / 1e6,
            out.display()
        ),
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", out.display());
            std::process::exit(1);
        }
    }
}
