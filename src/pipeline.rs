//! The whole reading of a corpus: list files, read each article and extract its events (pure,
//! in parallel), then merge across articles into a timeline.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::actors::{self, ActorKind};
use crate::article::Article;
use crate::corpus::{self, FileKind};
use crate::events::{self, Event};
use crate::sentences::{self, Sentence};
use crate::temporal::{self, Timex};
use crate::timeline::{ArticleInfo, Timeline};
use crate::{merge, Error};

/// Options for reading a corpus.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Reference date for articles that carry none (`--published`).
    pub published: Option<NaiveDate>,
}

/// What one article yields: everything the merge step needs, nothing of the text.
#[derive(Debug, Clone)]
pub struct ArticleEvents {
    /// The article's metadata.
    pub info: ArticleInfo,
    /// Its events (mentions carry `article: 0`).
    pub events: Vec<Event>,
    /// The kind of each actor named.
    pub actor_kinds: Vec<(String, ActorKind)>,
}

/// Sentences and temporal expressions of one article (what `newsline dates` shows).
pub fn tag_article(article: &Article) -> (Vec<Sentence>, Vec<Timex>) {
    let sentences = sentences::split_article(article);
    let timexes = temporal::tag(&article.text, &sentences, article.reference);
    (sentences, timexes)
}

/// Extracts the events of one article. Pure: the same article always gives the same events.
pub fn extract_article(article: &Article) -> ArticleEvents {
    let (sentences, timexes) = tag_article(article);
    let found = actors::find(&article.text, &sentences);
    let events = events::extract(article, &sentences, &timexes, &found);
    ArticleEvents {
        info: ArticleInfo {
            path: article.path.clone(),
            title: article.title().to_string(),
            source: article.meta.source.clone(),
            published: article.reference,
        },
        events,
        actor_kinds: found
            .actors
            .iter()
            .map(|a| (a.name.clone(), a.kind))
            .collect(),
    }
}

/// Reads one article file; problems are warnings.
pub fn read_article(
    path: &std::path::Path,
    opts: &Options,
    warnings: &mut Vec<String>,
) -> Option<Article> {
    match corpus::read_text(path, warnings) {
        Ok(text) => {
            let a = Article::parse(path, text, opts.published);
            for w in &a.warnings {
                warnings.push(format!("{}: {w}", path.display()));
            }
            Some(a)
        }
        Err(e) => {
            warnings.push(e.to_string());
            None
        }
    }
}

/// The result of reading a corpus.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The merged, sorted timeline.
    pub timeline: Timeline,
    /// One line per problem met (the files concerned were skipped or read lossily).
    pub warnings: Vec<String>,
}

/// Reads every article under `paths` and builds the timeline.
pub fn load(paths: &[PathBuf], opts: &Options) -> Result<Loaded, Error> {
    load_with_progress(paths, opts, &|_, _| {})
}

/// [`load`], calling `progress(done, total)` as files are read (from several threads).
pub fn load_with_progress(
    paths: &[PathBuf],
    opts: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Loaded, Error> {
    let listing = corpus::list(paths)?;
    let total = listing.files.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut warnings = listing.warnings;
    let results: Vec<(Option<ArticleEvents>, Vec<String>)> = listing
        .files
        .par_iter()
        .filter(|(_, k)| *k == FileKind::Article)
        .map(|(path, _)| {
            let mut w = Vec::new();
            let r = read_article(path, opts, &mut w).map(|a| extract_article(&a));
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, total);
            (r, w)
        })
        .collect();
    let mut articles = Vec::new();
    let mut all = Vec::new();
    let mut kinds = HashMap::new();
    for (r, w) in results {
        warnings.extend(w);
        let Some(ae) = r else { continue };
        let idx = articles.len() as u32;
        articles.push(ae.info);
        for mut e in ae.events {
            for m in &mut e.mentions {
                m.article = idx;
            }
            all.push(e);
        }
        for (n, k) in ae.actor_kinds {
            kinds.entry(n).or_insert(k);
        }
    }
    let events = merge::merge(all);
    Ok(Loaded {
        timeline: Timeline::new(articles, events, kinds),
        warnings,
    })
}
