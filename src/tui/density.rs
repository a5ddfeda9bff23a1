//! The density strip's arithmetic: where each date falls on a strip spanning the timeline.

use newsline::temporal::DateValue;

use super::state::State;

/// The first and last dates of a timeline's events (by last day), if any is dated.
pub fn span(events: &[newsline::events::Event]) -> Option<(DateValue, DateValue)> {
    let first = events.iter().filter_map(|e| e.date).min()?;
    let last = events
        .iter()
        .filter_map(|e| e.date)
        .max_by_key(|d| d.last_day())?;
    Some((first, last))
}

/// The density strip's column of each shown event (`None` when undated).
pub fn event_columns(state: &State, width: usize) -> Vec<Option<usize>> {
    let (col, _) = columns(state, width);
    let events = &state.timeline.events;
    state
        .shown
        .iter()
        .map(|&i| events.get(i).and_then(|e| e.date).and_then(|d| col(&d)))
        .collect()
}

type ColumnOf = Box<dyn Fn(&DateValue) -> Option<usize>>;

/// The column of a date on a strip `width` wide spanning the whole timeline, and the span.
fn columns(state: &State, width: usize) -> (ColumnOf, Option<(DateValue, DateValue)>) {
    let width = width.max(1);
    let Some((first, last)) = state.span else {
        return (Box::new(|_| None), None);
    };
    let start = first.first_day();
    let span = (last.last_day() - start).num_days().max(1) as f64;
    let col = move |d: &DateValue| {
        let mid = d.first_day() + (d.last_day() - d.first_day()) / 2;
        let x = (mid - start).num_days() as f64 / span * (width as f64 - 1.0);
        Some((x.round().max(0.0) as usize).min(width - 1))
    };
    (Box::new(col), Some((first, last)))
}

/// Shown dated events per column of a strip `width` wide spanning the whole timeline.
pub fn counts(state: &State, width: usize) -> Vec<u32> {
    let width = width.max(1);
    let (col, _) = columns(state, width);
    let events = &state.timeline.events;
    let mut counts = vec![0u32; width];
    for &i in &state.shown {
        if let Some(c) = events.get(i).and_then(|e| e.date).and_then(|d| col(&d)) {
            counts[c] += 1;
        }
    }
    counts
}

/// Counts of shown dated events per column of a strip `width` wide spanning the whole
/// timeline, the column of the selected event, and the span.
pub fn density(
    state: &State,
    width: usize,
) -> (Vec<u32>, Option<usize>, Option<(DateValue, DateValue)>) {
    let width = width.max(1);
    let (col, span) = columns(state, width);
    let events = &state.timeline.events;
    let counts = match &state.density {
        Some((w, c)) if *w == width => c.clone(),
        _ => counts(state, width),
    };
    let sel = state
        .selected_event()
        .and_then(|i| events.get(i))
        .and_then(|e| e.date)
        .and_then(|d| col(&d));
    (counts, sel, span)
}
