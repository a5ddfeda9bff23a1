//! The query language of the timeline filter (fzf syntax plus `@actor`), matched with
//! nucleo-matcher over haystacks prepared once. (Placeholder: substring matching.)
//!
//! The API the screen and `export --query` use:
//! - [`Filter::new`] prepares the haystacks of a timeline once;
//! - [`Filter::set_query`] applies a query (incrementally when it extends the previous one);
//! - [`Filter::matches`] lists the matching events in timeline order;
//! - [`Filter::highlight`] gives the matched char positions in an event's title or actors;
//! - [`filter`] is the one-shot form; [`filter_names`] filters a list of names (the actor list).

use crate::timeline::Timeline;

/// Which text of an event a highlight is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The actors joined by `, `.
    Actors,
}

/// Prepared haystacks of a timeline and the current query's matches.
#[derive(Debug, Clone)]
pub struct Filter {
    titles: Vec<String>,
    actors: Vec<String>,
    query: String,
    matches: Vec<usize>,
}

impl Filter {
    /// Prepares the haystacks (once per timeline).
    pub fn new(timeline: &Timeline) -> Filter {
        let titles: Vec<String> = timeline
            .events
            .iter()
            .map(|e| e.title.to_lowercase())
            .collect();
        let actors: Vec<String> = timeline
            .events
            .iter()
            .map(|e| e.actors.join(", ").to_lowercase())
            .collect();
        let matches = (0..titles.len()).collect();
        Filter {
            titles,
            actors,
            query: String::new(),
            matches,
        }
    }

    /// Applies a query; the empty query matches every event.
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        let q = query.to_lowercase();
        self.matches = (0..self.titles.len())
            .filter(|&i| {
                q.split_whitespace().all(|t| {
                    if let Some(a) = t.strip_prefix('@') {
                        self.actors[i].contains(a)
                    } else {
                        self.titles[i].contains(t) || self.actors[i].contains(t)
                    }
                })
            })
            .collect();
    }

    /// The current query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Indices of the matching events, in timeline order.
    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    /// Char positions of `text` (an event's title, or its actors joined by `, `) that the
    /// current query matched, for highlighting.
    pub fn highlight(&self, field: Field, text: &str) -> Vec<u32> {
        let _ = (field, text);
        Vec::new()
    }
}

/// One-shot filter: indices of the events of `timeline` that match `query`, in timeline order.
pub fn filter(timeline: &Timeline, query: &str) -> Vec<usize> {
    let mut f = Filter::new(timeline);
    f.set_query(query);
    f.matches().to_vec()
}

/// The query term that keeps exactly the events naming the actor `name` (used when the actor
/// list sets the timeline's query).
pub fn actor_query(name: &str) -> String {
    format!("@{}", name.replace(' ', "\\ "))
}

/// Indices of the `names` that match `query` (fuzzy, smart case), in the given order.
pub fn filter_names(names: &[&str], query: &str) -> Vec<usize> {
    let q = query.to_lowercase();
    (0..names.len())
        .filter(|&i| names[i].to_lowercase().contains(&q))
        .collect()
}
