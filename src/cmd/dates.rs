//! `newsline dates`: every temporal expression the reader finds, in reading order, as text or
//! as `{"dates": [{file, start, end, text, value, basis}]}` (the format a scorer reads: keep it).

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use serde::Serialize;

use newsline::article::Article;
use newsline::corpus::FileKind;
use newsline::pipeline;

use super::{articles_in, list, warn_all, Context, Progress, Status};
use crate::cli::DatesFormat;

#[derive(Serialize)]
struct DateRecord<'a> {
    file: String,
    start: usize,
    end: usize,
    text: &'a str,
    value: Option<String>,
    basis: &'static str,
}

/// Runs `newsline dates`.
pub fn run(
    format: DatesFormat,
    published: Option<NaiveDate>,
    paths: &[PathBuf],
    ctx: &Context,
) -> Result<ExitCode> {
    let listing = list(paths)?;
    warn_all(&listing.warnings);
    let progress = Progress::new(articles_in(&listing), "reading", ctx);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut first = true;
    let mut read = 0;
    let mut done = 0;
    if let DatesFormat::Json = format {
        writeln!(out, "{{\"dates\": [")?;
    }
    for (path, kind) in &listing.files {
        if *kind != FileKind::Article {
            continue;
        }
        let mut warnings = Vec::new();
        let article = pipeline::read_article(path, &pipeline::Options { published }, &mut warnings);
        done += 1;
        progress.update(done);
        if !warnings.is_empty() {
            progress.suspend(|| warn_all(&warnings));
        }
        let Some(article) = article else {
            continue;
        };
        read += 1;
        let (_, timexes) = pipeline::tag_article(&article);
        for t in &timexes {
            let rec = DateRecord {
                file: path.display().to_string(),
                start: t.start,
                end: t.end,
                text: article.text.get(t.start..t.end).unwrap_or(""),
                value: t.value.map(|v| v.to_string()),
                basis: t.basis.as_str(),
            };
            match format {
                DatesFormat::Json => {
                    if !first {
                        writeln!(out, ",")?;
                    }
                    first = false;
                    write!(out, "  {}", serde_json::to_string(&rec).context("json")?)?;
                }
                DatesFormat::Text => text_line(&mut out, &article, &rec)?,
            }
        }
    }
    if let DatesFormat::Json = format {
        writeln!(out, "\n]}}")?;
    }
    out.flush()?;
    progress.finish();
    Ok(Status::of(&listing, read).code())
}

fn text_line(out: &mut dyn Write, article: &Article, rec: &DateRecord) -> io::Result<()> {
    writeln!(
        out,
        "{}:{}: {:<28} {:<12} {}",
        rec.file,
        article.line_of(rec.start),
        format!("\"{}\"", rec.text),
        rec.value.as_deref().unwrap_or("null"),
        rec.basis
    )
}
