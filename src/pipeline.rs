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
use crate::{merge, shard, Error};

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
    /// How many inputs were skipped: files that could not be read as articles or events, and
    /// lines of event files that do not parse.
    pub skipped: usize,
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
    let results: Vec<(Source, Vec<String>)> = listing
        .files
        .par_iter()
        .map(|(path, kind)| {
            let mut w = Vec::new();
            let r = match kind {
                FileKind::Article => read_article(path, opts, &mut w)
                    .map(|a| Source::Article(extract_article(&a)))
                    .unwrap_or(Source::Nothing),
                FileKind::EventsJsonl => match shard::read(path, &mut w) {
                    Ok(s) => Source::Shard(s),
                    Err(e) => {
                        w.push(e.to_string());
                        Source::Nothing
                    }
                },
            };
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, total);
            (r, w)
        })
        .collect();
    let mut gathered = Gathered::default();
    let mut skipped = 0;
    for (r, w) in results {
        warnings.extend(w);
        match r {
            Source::Article(ae) => gathered.add(vec![ae.info], ae.events, ae.actor_kinds),
            Source::Shard(s) => {
                skipped += s.broken_lines;
                gathered.add(s.articles, s.events, s.actor_kinds)
            }
            Source::Nothing => skipped += 1,
        }
    }
    Ok(Loaded {
        timeline: gathered.into_timeline(),
        warnings,
        skipped,
    })
}

/// What one file yields.
enum Source {
    Article(ArticleEvents),
    Shard(shard::Shard),
    Nothing,
}

/// Events from articles and shards, before the merge: one article table keyed by path, so an
/// article seen in two shards is one article.
#[derive(Default)]
struct Gathered {
    articles: Vec<ArticleInfo>,
    index: HashMap<PathBuf, u32>,
    events: Vec<Event>,
    kinds: HashMap<String, ActorKind>,
}

impl Gathered {
    fn add(
        &mut self,
        articles: Vec<ArticleInfo>,
        events: Vec<Event>,
        kinds: Vec<(String, ActorKind)>,
    ) {
        let map: Vec<u32> = articles
            .into_iter()
            .map(|a| {
                let next = self.articles.len() as u32;
                *self.index.entry(a.path.clone()).or_insert_with(|| {
                    self.articles.push(a);
                    next
                })
            })
            .collect();
        for mut e in events {
            for m in &mut e.mentions {
                m.article = map.get(m.article as usize).copied().unwrap_or(0);
            }
            e.mentions.sort();
            self.events.push(e);
        }
        for (n, k) in kinds {
            self.kinds.entry(n).or_insert(k);
        }
    }

    /// Merges in one canonical order (articles by path, events by where they are first told), so
    /// that the result does not depend on how the corpus was split into shards.
    fn into_timeline(self) -> Timeline {
        let Gathered {
            articles,
            events,
            kinds,
            ..
        } = self;
        let mut order: Vec<u32> = (0..articles.len() as u32).collect();
        order.sort_by(|&a, &b| articles[a as usize].path.cmp(&articles[b as usize].path));
        let mut rank = vec![0u32; articles.len()];
        for (r, &a) in order.iter().enumerate() {
            rank[a as usize] = r as u32;
        }
        let mut sorted: Vec<ArticleInfo> = Vec::with_capacity(articles.len());
        for &a in &order {
            sorted.push(articles[a as usize].clone());
        }
        let mut events = events;
        for e in &mut events {
            for m in &mut e.mentions {
                m.article = rank[m.article as usize];
            }
            e.mentions.sort();
        }
        events.sort_by(|a, b| a.mentions.first().cmp(&b.mentions.first()));
        let events = merge::merge_corpus(events, &kinds);
        Timeline::new(sorted, events, kinds)
    }
}
