//! `update`: how each action changes the state. Never panics, whatever the state.

use newsline::filter;

use super::density::event_columns;
use super::keymap::Action;
use super::layout::{self, areas, contains};
use super::state::{Effect, Mode, Pane, Row, SortOrder, State};

/// Changes the state for an action. Never panics, whatever the state.
pub fn update(state: &mut State, action: Action) {
    apply(state, action);
    state.refresh_density();
}

fn apply(state: &mut State, action: Action) {
    use Action as A;
    if !matches!(action, A::Resize(..) | A::Wheel(..)) {
        state.message = None;
    }
    if state.help {
        let lines = Action::BINDABLE.len() + 8;
        let page = (state.size.1 as usize).saturating_sub(4).max(1);
        let scroll = state.help_scroll;
        match action {
            A::Resize(w, h) => state.size = (w, h),
            A::Quit if state.mode == Mode::Normal => state.quit = true,
            A::Down | A::Wheel(_, _, true) => state.help_scroll += 1,
            A::Up | A::Wheel(_, _, false) => state.help_scroll = scroll.saturating_sub(1),
            A::PageDown | A::HalfPageDown => state.help_scroll += page,
            A::PageUp | A::HalfPageUp => state.help_scroll = scroll.saturating_sub(page),
            A::Top => state.help_scroll = 0,
            A::Bottom => state.help_scroll = lines,
            A::Click(..) => {}
            _ => state.help = false,
        }
        state.help_scroll = state.help_scroll.min(lines);
        if let A::Resize(..) = action {
            state.scroll_list_to_selection();
            state.sync_article(false);
        }
        return;
    }
    let half = |h: usize| (h / 2).max(1) as isize;
    let before = (state.selected_event(), state.source);
    match action {
        A::Quit => state.quit = true,
        A::Resize(w, h) => {
            state.size = (w, h);
            state.scroll_list_to_selection();
            state.scroll_actors();
            state.sync_article(false);
            return;
        }
        A::Help => {
            state.help = true;
            state.help_scroll = 0;
        }
        A::Input(c) => match state.mode {
            Mode::Query => {
                let mut q = state.input.clone();
                q.push(c);
                state.set_query(&q);
            }
            Mode::ActorQuery => {
                state.actor_query.push(c);
                state.refilter_actors();
            }
            Mode::Normal => {}
        },
        A::DeleteChar => match state.mode {
            Mode::Query => {
                let mut q = state.input.clone();
                q.pop();
                state.set_query(&q);
            }
            Mode::ActorQuery => {
                state.actor_query.pop();
                state.refilter_actors();
            }
            Mode::Normal => {}
        },
        A::Accept => state.mode = Mode::Normal,
        A::Cancel => {
            match state.mode {
                Mode::Query => state.set_query(""),
                Mode::ActorQuery => {
                    state.actor_query.clear();
                    state.refilter_actors();
                }
                Mode::Normal => {}
            }
            state.mode = Mode::Normal;
        }
        A::Search => {
            if state.focus == Pane::Actors {
                state.mode = Mode::ActorQuery;
            } else {
                state.mode = Mode::Query;
                state.focus = Pane::Timeline;
            }
        }
        A::ClearQuery => {
            if state.focus == Pane::Actors && !state.actor_query.is_empty() {
                state.actor_query.clear();
                state.refilter_actors();
            } else if state.focus == Pane::Actors {
                state.actors_visible = false;
                state.focus = Pane::Timeline;
            } else {
                state.set_query("");
            }
        }
        A::ToggleActors => {
            state.actors_visible = !state.actors_visible;
            state.focus = if state.actors_visible {
                Pane::Actors
            } else if state.focus == Pane::Actors {
                Pane::Timeline
            } else {
                state.focus
            };
            state.scroll_actors();
        }
        A::ToggleSort => {
            state.sort = match state.sort {
                SortOrder::OldestFirst => SortOrder::NewestFirst,
                SortOrder::NewestFirst => SortOrder::OldestFirst,
            };
            state.rebuild(None);
            state.message = Some((
                match state.sort {
                    SortOrder::OldestFirst => "oldest first".into(),
                    SortOrder::NewestFirst => "newest first".into(),
                },
                false,
            ));
        }
        A::NextPane | A::PrevPane => {
            let mut order = vec![Pane::Timeline, Pane::Article];
            if state.actors_visible {
                order.insert(0, Pane::Actors);
            }
            let i = order.iter().position(|p| *p == state.focus).unwrap_or(0);
            let n = order.len();
            let j = if action == A::NextPane {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            state.focus = order[j];
        }
        A::FocusArticle => match state.focus {
            Pane::Actors => {
                if let Some(&a) = state.actor_shown.get(state.actor_selected) {
                    let q = filter::actor_query(&state.actors[a].name);
                    state.set_query(&q);
                    state.focus = Pane::Timeline;
                    state.select(0);
                }
            }
            _ => {
                state.focus = Pane::Article;
                state.sync_article(true);
            }
        },
        A::PrevInArticle => state.step_in_article(-1),
        A::NextInArticle => state.step_in_article(1),
        A::NextSource => {
            if let Some(ev) = state.selected_event() {
                let n = state.source_count(ev);
                if n > 1 {
                    state.source = (state.source + 1) % n;
                } else {
                    state.message = Some(("only one article tells this event".into(), false));
                }
            }
        }
        A::OpenEditor => match state.shown_mention() {
            Some(m) => {
                if let Some(info) = state.timeline.articles.get(m.article as usize) {
                    state.effect = Some(Effect::Edit(info.path.clone(), m.line));
                }
            }
            None => state.message = Some(("no event selected".into(), false)),
        },
        A::Copy => match state.copy_text() {
            Some(t) => state.effect = Some(Effect::Copy(t)),
            None => state.message = Some(("no event selected".into(), false)),
        },
        A::Down
        | A::Up
        | A::Top
        | A::Bottom
        | A::HalfPageDown
        | A::HalfPageUp
        | A::PageDown
        | A::PageUp => {
            let (h, cur, len) = match state.focus {
                Pane::Timeline => (state.list_height(), state.selected, state.shown.len()),
                Pane::Article => (
                    state.body_height(),
                    state.article_scroll,
                    state.max_scroll() + 1,
                ),
                Pane::Actors => (
                    state.actors_height(),
                    state.actor_selected,
                    state.actor_shown.len(),
                ),
            };
            let cur = cur as isize;
            let to = match action {
                A::Down => cur + 1,
                A::Up => cur - 1,
                A::Top => 0,
                A::Bottom => len as isize - 1,
                A::HalfPageDown => cur + half(h),
                A::HalfPageUp => cur - half(h),
                A::PageDown => cur + (h as isize - 1).max(1),
                _ => cur - (h as isize - 1).max(1),
            };
            move_focused(state, to, len);
        }
        A::Click(x, y) => click(state, x, y),
        A::Wheel(x, y, down) => {
            let a = areas(state);
            let d = if down { 3 } else { -3 };
            if contains(a.article, x, y) {
                state.scroll_article(state.article_scroll as isize + d);
            } else if contains(a.actors, x, y) {
                let to = state.actor_selected as isize + d;
                let prev = state.focus;
                state.focus = Pane::Actors;
                move_focused(state, to, state.actor_shown.len());
                state.focus = prev;
            } else if contains(a.timeline, x, y) {
                let to = state.selected as isize + d;
                state.select(to.max(0) as usize);
            }
        }
    }
    let after = (state.selected_event(), state.source);
    state.sync_article(before != after);
}

fn move_focused(state: &mut State, to: isize, len: usize) {
    let to = to.clamp(0, len.saturating_sub(1) as isize) as usize;
    match state.focus {
        Pane::Timeline => state.select(to),
        Pane::Article => state.scroll_article(to as isize),
        Pane::Actors => {
            state.actor_selected = to;
            state.scroll_actors();
        }
    }
}

fn click(state: &mut State, x: u16, y: u16) {
    let a = areas(state);
    if let Some(d) = a.density.filter(|r| contains(Some(*r), x, y)) {
        // the event nearest in time to the column clicked
        state.focus = Pane::Timeline;
        let col = (x - d.x) as usize;
        let cols = event_columns(state, d.width as usize);
        if let Some(pos) = (0..state.shown.len())
            .filter_map(|p| cols[p].map(|c| (c.abs_diff(col), p)))
            .min()
            .map(|(_, p)| p)
        {
            state.select(pos);
        }
    } else if let Some(list) = a.list.filter(|r| contains(Some(*r), x, y)) {
        state.focus = Pane::Timeline;
        let row = state.offset + (y - list.y) as usize;
        if let Some(Row::Event(_, pos)) = state.rows.get(row) {
            let pos = *pos;
            state.select(pos);
        }
    } else if contains(a.timeline, x, y) {
        state.focus = Pane::Timeline;
    } else if contains(a.article, x, y) {
        state.focus = Pane::Article;
    } else if let Some(list) = layout::actors_list(&a).filter(|r| contains(Some(*r), x, y)) {
        state.focus = Pane::Actors;
        let i = state.actor_offset + (y - list.y) as usize;
        if i < state.actor_shown.len() {
            state.actor_selected = i;
        }
    } else if contains(a.actors, x, y) {
        state.focus = Pane::Actors;
    }
}
