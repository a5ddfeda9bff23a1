//! The whole reading of a corpus: list files, read each article and extract its events (pure,
//! in parallel), then merge across articles into a timeline.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

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
    /// The kind of each actor named (the names are the ones its events hold).
    pub actor_kinds: Vec<(actors::Name, ActorKind)>,
}

/// Sentences and temporal expressions of one article (what `newsline dates` shows).
pub fn tag_article(article: &Article) -> (Vec<Sentence>, Vec<Timex>) {
    let sentences = sentences::split_article(article);
    let timexes = temporal::tag(&article.text, &sentences, article.reference);
    (sentences, timexes)
}

/// Time spent in each step of reading, summed over threads, in nanoseconds (for measuring).
#[derive(Debug, Default)]
pub struct StageTimes {
    /// Reading and decoding files, parsing front matter.
    pub read: AtomicU64,
    /// Splitting sentences.
    pub sentences: AtomicU64,
    /// Tagging temporal expressions.
    pub temporal: AtomicU64,
    /// Finding actors.
    pub actors: AtomicU64,
    /// Building events.
    pub events: AtomicU64,
    /// Merging across articles and sorting the timeline.
    pub merge: AtomicU64,
}

/// Runs `f`, adding its time to `slot` when measuring.
fn timed<T>(slot: Option<&AtomicU64>, f: impl FnOnce() -> T) -> T {
    match slot {
        None => f(),
        Some(slot) => {
            let t = Instant::now();
            let r = f();
            slot.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
            r
        }
    }
}

/// Extracts the events of one article. Pure: the same article always gives the same events.
pub fn extract_article(article: &Article) -> ArticleEvents {
    extract_measured(article, None, &|name| actors::Name::from(name))
}

/// [`extract_article`], timed into `times`, each actor's name made by `name`.
fn extract_measured(
    article: &Article,
    times: Option<&StageTimes>,
    name: &dyn Fn(&str) -> actors::Name,
) -> ArticleEvents {
    let sentences = timed(times.map(|t| &t.sentences), || {
        sentences::split_article(article)
    });
    let timexes = timed(times.map(|t| &t.temporal), || {
        temporal::tag(&article.text, &sentences, article.reference)
    });
    let found = timed(times.map(|t| &t.actors), || {
        actors::find_naming(&article.text, &sentences, name)
    });
    let mut events = timed(times.map(|t| &t.events), || {
        events::extract(article, &sentences, &timexes, &found)
    });
    // events are kept until the whole corpus is read: no spare capacity
    for e in &mut events {
        e.title.shrink_to_fit();
        e.date_text.shrink_to_fit();
        e.actors.shrink_to_fit();
        e.mentions.shrink_to_fit();
    }
    events.shrink_to_fit();
    ArticleEvents {
        info: ArticleInfo {
            path: article.path.clone(),
            title: article.title().to_string(),
            source: article.meta.source.clone(),
            published: article.reference,
        },
        events,
        // moved, not cloned: a name's count is shared with the other threads
        actor_kinds: found.actors.into_iter().map(|a| (a.name, a.kind)).collect(),
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
    load_inner(paths, opts, progress, None)
}

/// [`load`], adding the time spent in each step to `times`.
pub fn load_measured(
    paths: &[PathBuf],
    opts: &Options,
    times: &StageTimes,
) -> Result<Loaded, Error> {
    load_inner(paths, opts, &|_, _| {}, Some(times))
}

fn load_inner(
    paths: &[PathBuf],
    opts: &Options,
    progress: &(dyn Fn(usize, usize) + Sync),
    times: Option<&StageTimes>,
) -> Result<Loaded, Error> {
    let listing = corpus::list(paths)?;
    let total = listing.files.len();
    let done = AtomicUsize::new(0);
    let mut warnings = listing.warnings;
    let mut gathered = Gathered::default();
    let mut skipped = 0;
    let mut gather_time = std::time::Duration::ZERO;
    // actor names, each held once for the whole corpus: articles and shards take theirs from it
    let names = Mutex::new(actors::Names::default());
    let load = LOADS.fetch_add(1, Ordering::Relaxed);
    let shared = |text: &str| shared_name(text, &names, load);
    let read_one = |(path, kind): &(PathBuf, FileKind)| {
        let mut w = Vec::new();
        let r = match kind {
            FileKind::Article => timed(times.map(|t| &t.read), || read_article(path, opts, &mut w))
                .map(|a| Source::Article(extract_measured(&a, times, &shared)))
                .unwrap_or(Source::Nothing),
            FileKind::EventsJsonl => match shard::read_naming(path, &mut w, &shared) {
                Ok(s) => Source::Shard(s),
                Err(e) => {
                    w.push(e.to_string());
                    Source::Nothing
                }
            },
        };
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        progress(n, total);
        (r, w)
    };
    let mut gather = |results: Vec<(Source, Vec<String>)>| {
        let t = Instant::now();
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
        gather_time += t.elapsed();
    };
    // In chunks, so that what one article yields is folded into the corpus tables (actor kinds
    // named once) and never all held at once; each chunk is gathered while the next is read.
    let mut pending: Option<Vec<(Source, Vec<String>)>> = None;
    for chunk in listing.files.chunks(CHUNK) {
        let previous = pending.take();
        let (results, ()) = rayon::join(
            || chunk.par_iter().map(read_one).collect(),
            || previous.map_or((), &mut gather),
        );
        pending = Some(results);
    }
    if let Some(last) = pending {
        gather(last);
    }
    // the threads' copies of the names are not needed any more
    rayon::broadcast(|_| SHARED.with(|c| *c.borrow_mut() = (u64::MAX, Default::default())));
    let t = Instant::now();
    let timeline = gathered.into_timeline();
    if let Some(times) = times {
        times.merge.fetch_add(
            (t.elapsed() + gather_time).as_nanos() as u64,
            Ordering::Relaxed,
        );
    }
    Ok(Loaded {
        timeline,
        warnings,
        skipped,
    })
}

/// Loads started so far: each load's names are its own.
static LOADS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Names keyed by their own text: a lookup reads the text where the name's count is, which a
/// clone then updates.
type NameCache = std::collections::HashSet<actors::Name, foldhash::fast::RandomState>;

thread_local! {
    /// The names this thread has had from a load's table, with the number of that load: most
    /// names recur, and are then found here, without the table's lock.
    static SHARED: std::cell::RefCell<(u64, NameCache)> =
        std::cell::RefCell::new((u64::MAX, NameCache::default()));
}

/// The shared name for `text` in load number `load`, whose table is `names`.
fn shared_name(text: &str, names: &Mutex<actors::Names>, load: u64) -> actors::Name {
    SHARED.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.0 != load {
            *cache = (load, NameCache::default());
        }
        if let Some(n) = cache.1.get(text) {
            return n.clone();
        }
        let n = names.lock().unwrap_or_else(|p| p.into_inner()).get(text);
        cache.1.insert(n.clone());
        n
    })
}

/// Files read in parallel before their results are gathered.
const CHUNK: usize = 4096;

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
    index: HashMap<PathBuf, u32, foldhash::fast::RandomState>,
    events: Vec<Event>,
    /// Actor kinds, the first given for a name kept, by the address of the name's text (names
    /// are shared: one address per name).
    kinds: HashMap<usize, (actors::Name, ActorKind), foldhash::fast::RandomState>,
}

impl Gathered {
    fn add(
        &mut self,
        articles: Vec<ArticleInfo>,
        events: Vec<Event>,
        kinds: Vec<(actors::Name, ActorKind)>,
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
            self.kinds.entry(n.as_ptr() as usize).or_insert((n, k));
        }
    }

    /// Merges in one canonical order (articles by path, events by where they are first told), so
    /// that the result does not depend on how the corpus was split into shards.
    fn into_timeline(self) -> Timeline {
        let Gathered {
            articles,
            index,
            events,
            kinds,
        } = self;
        drop(index);
        let mut tagged: Vec<(u32, ArticleInfo)> = articles
            .into_iter()
            .enumerate()
            .map(|(i, a)| (i as u32, a))
            .collect();
        tagged.sort_by(|a, b| a.1.path.cmp(&b.1.path));
        let mut rank = vec![0u32; tagged.len()];
        for (r, (a, _)) in tagged.iter().enumerate() {
            rank[*a as usize] = r as u32;
        }
        let sorted: Vec<ArticleInfo> = tagged.into_iter().map(|(_, a)| a).collect();
        let mut events = events;
        events.par_iter_mut().for_each(|e| {
            for m in &mut e.mentions {
                m.article = rank[m.article as usize];
            }
            e.mentions.sort();
        });
        // by first mention, ties in the order gathered
        crate::timeline::sort_by_key(&mut events, |e| e.mentions.first().copied());
        let kinds: HashMap<String, ActorKind> = kinds
            .into_values()
            .map(|(n, k)| (n.to_string(), k))
            .collect();
        let events = merge::merge_corpus(events, &kinds);
        Timeline::sorted(sorted, events, kinds)
    }
}
