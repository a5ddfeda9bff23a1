//! The timeline: every event sorted by date (undated last), the articles they come from, and the
//! actors with their kinds and event counts.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::actors::ActorKind;
use crate::events::Event;

/// What the timeline keeps of an article (its text is read back from disk when shown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The file.
    pub path: PathBuf,
    /// Its headline.
    pub title: String,
    /// Its outlet.
    pub source: Option<String>,
    /// Its publication (reference) date.
    pub published: Option<NaiveDate>,
}

/// An actor of the timeline with the number of events naming it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorEntry {
    /// Canonical name.
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Events that name it.
    pub events: usize,
}

/// Events in chronological order, with their articles.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// The articles events are told in; [`crate::events::Mention::article`] indexes this.
    pub articles: Vec<ArticleInfo>,
    /// Events, sorted by date, undated last.
    pub events: Vec<Event>,
    /// Kind of each actor name.
    pub actor_kinds: HashMap<String, ActorKind>,
}

impl Timeline {
    /// Builds a timeline, sorting the events.
    pub fn new(
        articles: Vec<ArticleInfo>,
        mut events: Vec<Event>,
        actor_kinds: HashMap<String, ActorKind>,
    ) -> Timeline {
        sort_events(&mut events);
        Timeline {
            articles,
            events,
            actor_kinds,
        }
    }

    /// A timeline of events already in the order [`sort_events`] gives.
    pub(crate) fn sorted(
        articles: Vec<ArticleInfo>,
        events: Vec<Event>,
        actor_kinds: HashMap<String, ActorKind>,
    ) -> Timeline {
        debug_assert!(events.is_sorted_by_key(timeline_key));
        Timeline {
            articles,
            events,
            actor_kinds,
        }
    }

    /// Every actor with its event count, most events first, then by name.
    pub fn actors(&self) -> Vec<ActorEntry> {
        let mut counts: HashMap<&str, usize, foldhash::fast::RandomState> = HashMap::default();
        for e in &self.events {
            for a in &e.actors {
                *counts.entry(&**a).or_default() += 1;
            }
        }
        let mut out: Vec<ActorEntry> = counts
            .into_iter()
            .map(|(name, events)| ActorEntry {
                name: name.to_string(),
                kind: self
                    .actor_kinds
                    .get(name)
                    .copied()
                    .unwrap_or(ActorKind::Organisation),
                events,
            })
            .collect();
        out.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        out
    }
}

/// Sorts events chronologically, undated last; ties keep reading order (article, offset), then
/// the order they were in.
pub fn sort_events(events: &mut [Event]) {
    sort_by_key(events, timeline_key);
}

/// What [`sort_events`] sorts by.
pub(crate) type TimelineKey = (
    bool,
    Option<(NaiveDate, crate::temporal::Precision, NaiveDate)>,
    Option<crate::events::Mention>,
);

pub(crate) fn timeline_key(e: &Event) -> TimelineKey {
    (
        e.date.is_none(),
        e.date.map(|d| d.sort_key()),
        e.mentions.first().copied(),
    )
}

/// Sorts `v` by `key`, ties in their order (as a stable sort would). The keys, made unique by
/// each element's place, are sorted on every core (the order is then the same as a sequential
/// sort's), and each element is moved once: no copy of `v` is made.
pub(crate) fn sort_by_key<T, K>(v: &mut [T], key: impl Fn(&T) -> K + Sync)
where
    T: Sync,
    K: Ord + Send,
{
    use rayon::prelude::*;
    let mut keys: Vec<(K, u32)> = v
        .par_iter()
        .enumerate()
        .map(|(i, x)| (key(x), i as u32))
        .collect();
    keys.par_sort_unstable();
    let from: Vec<u32> = keys.into_iter().map(|k| k.1).collect();
    permute(v, &from);
}

/// Reorders `v` in place so that `v[k]` is the element that was at `from[k]` (`from` is a
/// permutation of `0..v.len()`).
pub(crate) fn permute<T>(v: &mut [T], from: &[u32]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        if done[start] {
            continue;
        }
        // follow the cycle through `start`, carrying its element along
        let mut k = start;
        loop {
            done[k] = true;
            let src = from[k] as usize;
            if src == start {
                break;
            }
            v.swap(k, src);
            k = src;
        }
    }
}
