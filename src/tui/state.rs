//! The screen's state and `update`, the one place it changes. Drawing only reads it.

use std::path::PathBuf;

use newsline::events::{Event, Mention};
use newsline::filter::{self, Filter};
use newsline::temporal::{Basis, DateValue};
use newsline::timeline::{ActorEntry, Timeline};

use super::article::{self, Mark, Source, WrappedLine};
use super::keymap::{Action, Keymap};
use super::layout::{self, areas, contains};
use super::theme::Theme;

/// Which way the timeline runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Oldest first (undated last).
    #[default]
    OldestFirst,
    /// Newest first (undated last).
    NewestFirst,
}

/// How dates are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateStyle {
    /// `2024-11-22`, `2024-11`, `2024-W47`.
    #[default]
    Iso,
    /// `22 Nov 2024`, `Nov 2024`, `W47 2024`.
    Long,
}

/// A pane that can have focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The actor list.
    Actors,
    /// The timeline.
    Timeline,
    /// The article.
    Article,
}

/// What the keyboard is typing into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Keys are actions.
    Normal,
    /// Keys edit the timeline's query.
    Query,
    /// Keys edit the actor list's query.
    ActorQuery,
}

/// A row of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A year or month separator.
    Separator(String),
    /// The heading of the undated events.
    Undated,
    /// An event (index in the timeline) and its position among the shown events.
    Event(usize, usize),
}

/// Something the event loop carries out outside the state (it needs the terminal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open an editor on a file at a line.
    Edit(PathBuf, u32),
    /// Copy text to the clipboard.
    Copy(String),
}

/// The article pane's content for the selected event.
#[derive(Debug, Clone, Default)]
pub struct ArticleView {
    /// (event, source, width) it was wrapped for.
    pub key: Option<(usize, usize, u16)>,
    /// The index of the article in the timeline.
    pub article: Option<usize>,
    /// The wrapped body.
    pub lines: Vec<WrappedLine>,
    /// The first line of the event's sentence.
    pub current: Option<usize>,
    /// Why the article could not be shown.
    pub error: Option<String>,
}

/// Settings the screen starts with.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Colour (false: monochrome).
    pub color: bool,
    /// Oldest or newest first.
    pub sort: SortOrder,
    /// How dates are written.
    pub date_style: DateStyle,
    /// Keys (the default keymap with a config file's `[keys]`: [`Keymap::from_toml`]).
    pub keymap: Keymap,
    /// Styles (the default theme with a config file's `[theme]`: [`Theme::from_toml`]).
    pub theme: Theme,
}

/// Everything the screen shows.
pub struct State {
    /// The timeline (empty while loading).
    pub timeline: Timeline,
    /// The filter over it.
    pub filter: Option<Filter>,
    /// Files read and to read, while loading.
    pub loading: Option<(usize, usize)>,
    /// Events shown, in display order.
    pub shown: Vec<usize>,
    /// Rows drawn: separators and events.
    pub rows: Vec<Row>,
    /// Row of each shown event.
    pub row_of: Vec<usize>,
    /// Position of the selected event in `shown`.
    pub selected: usize,
    /// First row drawn.
    pub offset: usize,
    /// The focused pane.
    pub focus: Pane,
    /// What keys type into.
    pub mode: Mode,
    /// The help overlay is open.
    pub help: bool,
    /// First line of the help overlay drawn.
    pub help_scroll: usize,
    /// The actor list is visible.
    pub actors_visible: bool,
    /// Every actor with its count.
    pub actors: Vec<ActorEntry>,
    /// The actor list's query.
    pub actor_query: String,
    /// Actors shown (indices into `actors`).
    pub actor_shown: Vec<usize>,
    /// Selected position in `actor_shown`.
    pub actor_selected: usize,
    /// First actor row drawn.
    pub actor_offset: usize,
    /// The timeline query being typed (or kept).
    pub input: String,
    /// Which of the selected event's articles is shown.
    pub source: usize,
    /// The article pane's content.
    pub article: ArticleView,
    /// First body line drawn.
    pub article_scroll: usize,
    /// A message for the status line, and whether it is an error.
    pub message: Option<(String, bool)>,
    /// Oldest or newest first.
    pub sort: SortOrder,
    /// How dates are written.
    pub date_style: DateStyle,
    /// Terminal size (width, height).
    pub size: (u16, u16),
    /// What the event loop must do next.
    pub effect: Option<Effect>,
    /// The screen should close.
    pub quit: bool,
    /// Warnings met while loading.
    pub warnings: Vec<String>,
    /// Keys.
    pub keymap: Keymap,
    /// Styles.
    pub theme: Theme,
    /// Events of each article: (start, end, event), by start.
    by_article: Vec<Vec<(usize, usize, usize)>>,
    /// The last article read back from disk.
    source_cache: Option<(usize, Result<Source, String>)>,
}

impl State {
    /// A state waiting for its timeline.
    pub fn new(settings: &Settings, size: (u16, u16)) -> State {
        let keymap = settings.keymap.clone();
        let theme = if settings.color {
            settings.theme.clone()
        } else {
            settings.theme.monochrome()
        };
        State {
            timeline: Timeline::default(),
            filter: None,
            loading: Some((0, 0)),
            shown: Vec::new(),
            rows: Vec::new(),
            row_of: Vec::new(),
            selected: 0,
            offset: 0,
            focus: Pane::Timeline,
            mode: Mode::Normal,
            help: false,
            help_scroll: 0,
            actors_visible: false,
            actors: Vec::new(),
            actor_query: String::new(),
            actor_shown: Vec::new(),
            actor_selected: 0,
            actor_offset: 0,
            input: String::new(),
            source: 0,
            article: ArticleView::default(),
            article_scroll: 0,
            message: None,
            sort: settings.sort,
            date_style: settings.date_style,
            size,
            effect: None,
            quit: false,
            warnings: Vec::new(),
            keymap,
            theme,
            by_article: Vec::new(),
            source_cache: None,
        }
    }

    /// Loading progress.
    pub fn set_progress(&mut self, done: usize, total: usize) {
        if self.loading.is_some() {
            self.loading = Some((done, total));
        }
    }

    /// Loading is over: show the timeline (keeping a query typed meanwhile).
    pub fn set_timeline(&mut self, timeline: Timeline, mut filter: Filter, warnings: Vec<String>) {
        self.by_article = vec![Vec::new(); timeline.articles.len()];
        for (i, e) in timeline.events.iter().enumerate() {
            for m in &e.mentions {
                if let Some(v) = self.by_article.get_mut(m.article as usize) {
                    v.push((m.start, m.end, i));
                }
            }
        }
        for v in &mut self.by_article {
            v.sort();
            v.dedup();
        }
        self.actors = timeline.actors();
        if !warnings.is_empty() {
            self.message = Some((
                format!("{} warnings (printed on exit)", warnings.len()),
                true,
            ));
        }
        self.warnings.extend(warnings);
        filter.set_query(&self.input);
        self.timeline = timeline;
        self.filter = Some(filter);
        self.loading = None;
        self.source_cache = None;
        self.rebuild(None);
        self.refilter_actors();
        self.sync_article(true);
    }

    /// The selected event's index in the timeline.
    pub fn selected_event(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    /// The timeline's query in force.
    pub fn query(&self) -> &str {
        self.filter
            .as_ref()
            .map(|f| f.query())
            .unwrap_or(&self.input)
    }

    /// The articles telling an event: its first mention in each article.
    pub fn sources(&self, event: usize) -> Vec<Mention> {
        let mut out: Vec<Mention> = Vec::new();
        if let Some(e) = self.timeline.events.get(event) {
            for m in &e.mentions {
                if !out.iter().any(|o| o.article == m.article) {
                    out.push(*m);
                }
            }
        }
        out
    }

    /// The mention shown for the selected event.
    pub fn shown_mention(&self) -> Option<Mention> {
        let e = self.selected_event()?;
        let s = self.sources(e);
        s.get(self.source.min(s.len().saturating_sub(1))).copied()
    }

    /// Recomputes the shown events and rows, keeping the selection on `keep` (an event) or
    /// on the event selected now, or the nearest one after it.
    fn rebuild(&mut self, keep: Option<usize>) {
        let keep = keep.or(self.selected_event());
        let Some(f) = &self.filter else { return };
        let matches = f.matches();
        let events = &self.timeline.events;
        let dated = matches
            .iter()
            .position(|&i| events.get(i).is_none_or(|e| e.date.is_none()))
            .unwrap_or(matches.len());
        let mut shown: Vec<usize> = matches[..dated].to_vec();
        if self.sort == SortOrder::NewestFirst {
            shown.reverse();
        }
        shown.extend_from_slice(&matches[dated..]);
        let years: Vec<i32> = shown[..dated]
            .iter()
            .filter_map(|&i| events[i].date.map(|d| d.year()))
            .collect();
        let by_month = !years.is_empty() && years.iter().all(|y| Some(y) == years.first());
        let mut rows = Vec::with_capacity(shown.len() + 16);
        let mut row_of = Vec::with_capacity(shown.len());
        let mut last: Option<String> = None;
        for (pos, &i) in shown.iter().enumerate() {
            let label = match events[i].date {
                Some(d) if by_month => Some(month_label(&d)),
                Some(d) => Some(d.year().to_string()),
                None => None,
            };
            match label {
                Some(l) if last.as_ref() != Some(&l) => {
                    rows.push(Row::Separator(l.clone()));
                    last = Some(l);
                }
                None if pos == dated => rows.push(Row::Undated),
                _ => {}
            }
            row_of.push(rows.len());
            rows.push(Row::Event(i, pos));
        }
        self.selected = match keep {
            Some(k) => shown.iter().position(|&i| i == k).unwrap_or_else(|| {
                // the nearest shown event after it in timeline order
                let after = shown.iter().position(|&i| i > k);
                match (after, self.sort) {
                    (Some(p), SortOrder::OldestFirst) => p,
                    _ => shown.iter().position(|&i| i < k && i < dated).unwrap_or(0),
                }
            }),
            None => 0,
        };
        self.shown = shown;
        self.rows = rows;
        self.row_of = row_of;
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
        self.scroll_list_to_selection();
    }

    fn refilter_actors(&mut self) {
        let names: Vec<&str> = self.actors.iter().map(|a| a.name.as_str()).collect();
        self.actor_shown = filter::filter_names(&names, &self.actor_query);
        self.actor_selected = self
            .actor_selected
            .min(self.actor_shown.len().saturating_sub(1));
        self.actor_offset = 0;
        self.scroll_actors();
    }

    fn list_height(&self) -> usize {
        areas(self)
            .list
            .map(|r| r.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    fn body_height(&self) -> usize {
        areas(self)
            .article_body
            .map(|r| r.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    fn actors_height(&self) -> usize {
        layout::actors_list(&areas(self))
            .map(|r| r.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    /// Keeps the selected row in view with a few rows of context around it (and the separator
    /// just above it).
    fn scroll_list_to_selection(&mut self) {
        let h = self.list_height();
        let Some(&row) = self.row_of.get(self.selected) else {
            self.offset = 0;
            return;
        };
        let margin = 2.min(h.saturating_sub(1) / 4);
        let mut top = row.saturating_sub(margin);
        if top > 0 && top == row && !matches!(self.rows[row - 1], Row::Event(..)) {
            top = row - 1;
        }
        let bottom = (row + margin).min(self.rows.len().saturating_sub(1));
        if top < self.offset {
            self.offset = top;
        } else if bottom >= self.offset + h {
            self.offset = bottom + 1 - h;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(h));
    }

    fn scroll_actors(&mut self) {
        let h = self.actors_height();
        if self.actor_selected < self.actor_offset {
            self.actor_offset = self.actor_selected;
        } else if self.actor_selected >= self.actor_offset + h {
            self.actor_offset = self.actor_selected + 1 - h;
        }
    }

    fn select(&mut self, pos: usize) {
        let pos = pos.min(self.shown.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.source = 0;
        }
        self.scroll_list_to_selection();
    }

    fn max_scroll(&self) -> usize {
        self.article.lines.len().saturating_sub(self.body_height())
    }

    fn scroll_article(&mut self, to: isize) {
        self.article_scroll = (to.max(0) as usize).min(self.max_scroll());
    }

    /// Reads and wraps the selected event's article when the event, source or width changed;
    /// `rescroll` brings the sentence into view.
    fn sync_article(&mut self, rescroll: bool) {
        let width = areas(self).article_body.map(|r| r.width).unwrap_or(0);
        let Some(ev) = self.selected_event() else {
            self.article = ArticleView::default();
            return;
        };
        let key = Some((ev, self.source, width));
        if self.article.key == key && !rescroll {
            return;
        }
        let changed = self.article.key.map(|k| (k.0, k.1)) != Some((ev, self.source));
        let Some(m) = self.shown_mention() else {
            self.article = ArticleView::default();
            return;
        };
        let art = m.article as usize;
        if self.source_cache.as_ref().map(|c| c.0) != Some(art) {
            let read = match self.timeline.articles.get(art) {
                Some(info) => article::read(&info.path),
                None => Err("no such article".into()),
            };
            self.source_cache = Some((art, read));
        }
        let mut view = ArticleView {
            key,
            article: Some(art),
            ..ArticleView::default()
        };
        match self.source_cache.as_ref().map(|c| &c.1) {
            Some(Ok(src)) => {
                let mut marks: Vec<(usize, usize, Mark)> = self
                    .by_article
                    .get(art)
                    .map(|v| {
                        v.iter()
                            .map(|&(s, e, i)| {
                                let k = if i == ev { Mark::Current } else { Mark::Other };
                                (s, e, k)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                marks.push((m.start, m.end, Mark::Current));
                marks.sort_by_key(|&(s, e, _)| (s, e));
                let (lines, current) =
                    article::wrap(&src.text, src.body_start, width as usize, &marks);
                view.lines = lines;
                view.current = current;
            }
            Some(Err(e)) => view.error = Some(e.clone()),
            None => {}
        }
        self.article = view;
        if changed || rescroll {
            let h = self.body_height();
            let to = self.article.current.unwrap_or(0) as isize - (h / 3) as isize;
            self.scroll_article(to);
        } else {
            self.scroll_article(self.article_scroll as isize);
        }
    }

    /// Moves to another event of the selected event's article (`dir` = -1 or 1), among those
    /// shown.
    fn step_in_article(&mut self, dir: isize) {
        let (Some(ev), Some(m)) = (self.selected_event(), self.shown_mention()) else {
            return;
        };
        let list = match self.by_article.get(m.article as usize) {
            Some(l) => l.clone(),
            None => return,
        };
        let here = list
            .iter()
            .position(|&(s, _, i)| i == ev && s == m.start)
            .unwrap_or(0) as isize;
        let mut k = here + dir;
        while k >= 0 && (k as usize) < list.len() {
            let (_, _, i) = list[k as usize];
            if i != ev {
                if let Some(pos) = self.shown.iter().position(|&x| x == i) {
                    self.select(pos);
                    // show this article for the new event
                    self.source = self
                        .sources(i)
                        .iter()
                        .position(|s| s.article == m.article)
                        .unwrap_or(0);
                    self.sync_article(true);
                    return;
                }
            }
            k += dir;
        }
        self.message = Some((
            format!(
                "no {} event of this article in the list",
                if dir < 0 { "earlier" } else { "later" }
            ),
            false,
        ));
    }

    fn set_query(&mut self, q: &str) {
        self.input = q.to_string();
        if let Some(f) = &mut self.filter {
            f.set_query(q);
        }
        self.rebuild(None);
    }

    /// The text `y` copies: date, title, actors, source, then the sentence.
    pub fn copy_text(&self) -> Option<String> {
        let ev = self.selected_event()?;
        let e = self.timeline.events.get(ev)?;
        let m = self.shown_mention();
        let info = m.and_then(|m| self.timeline.articles.get(m.article as usize));
        let mut out = format!(
            "{}  {}",
            e.date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".into()),
            e.title
        );
        if !e.actors.is_empty() {
            out.push_str(&format!("  [{}]", e.actors.join(", ")));
        }
        if let Some(info) = info {
            let src = info.source.clone().unwrap_or_default();
            let line = m.map(|m| m.line).unwrap_or(0);
            out.push_str(&format!("  {src} ({}:{line})", info.path.display()));
        }
        if let (Some(m), Some((art, Ok(src)))) = (m, &self.source_cache) {
            if *art == m.article as usize {
                out.push('\n');
                out.push_str(&article::sentence(&src.text, m.start, m.end));
            }
        }
        Some(newsline::text::sanitize(&out).into_owned())
    }
}

/// `Nov 2024`.
fn month_label(d: &DateValue) -> String {
    let f = d.first_day();
    f.format("%B %Y").to_string()
}

/// The mark shown before a date: relative `~`, inherited `^`, unresolved or undated `?`.
pub fn date_mark(e: &Event) -> char {
    match (e.date, e.date_basis) {
        (None, _) | (_, Basis::Unresolved) => '?',
        (_, Basis::Relative) => '~',
        (_, Basis::Inherited) => '^',
        (_, Basis::Explicit) => ' ',
    }
}

/// Changes the state for an action. Never panics, whatever the state.
pub fn update(state: &mut State, action: Action) {
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
                let n = state.sources(ev).len();
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
    let events = &state.timeline.events;
    let first = events.iter().filter_map(|e| e.date).min();
    let last = events
        .iter()
        .filter_map(|e| e.date)
        .max_by_key(|d| d.last_day());
    let (Some(first), Some(last)) = (first, last) else {
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

/// Counts of shown dated events per column of a strip `width` wide spanning the whole
/// timeline, the column of the selected event, and the span.
pub fn density(
    state: &State,
    width: usize,
) -> (Vec<u32>, Option<usize>, Option<(DateValue, DateValue)>) {
    let width = width.max(1);
    let (col, span) = columns(state, width);
    let events = &state.timeline.events;
    let mut counts = vec![0u32; width];
    for &i in &state.shown {
        if let Some(c) = events.get(i).and_then(|e| e.date).and_then(|d| col(&d)) {
            counts[c] += 1;
        }
    }
    let sel = state
        .selected_event()
        .and_then(|i| events.get(i))
        .and_then(|e| e.date)
        .and_then(|d| col(&d));
    (counts, sel, span)
}
