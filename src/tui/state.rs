//! The screen's state: what is shown, selected, focused and typed. `update` changes it; drawing
//! only reads it.

use std::path::PathBuf;

use chrono::Datelike;

use newsline::events::{Event, Mention};
use newsline::filter::{self, Filter};
use newsline::temporal::{Basis, DateValue};
use newsline::timeline::{ActorEntry, Timeline};

use super::article::{self, Mark, Source, WrappedLine};
use super::keymap::Keymap;
use super::layout::{self, areas};
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
    /// The first and last dates of the timeline.
    pub span: Option<(DateValue, DateValue)>,
    /// The density strip's counts for the shown events, and the width they are for.
    pub density: Option<(usize, Vec<u32>)>,
    /// Events of each article: (start, end, event), by start; those of article `a` are
    /// `by_article[by_article_at[a]..by_article_at[a + 1]]`.
    by_article: Vec<(u32, u32, u32)>,
    by_article_at: Vec<u32>,
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
            by_article_at: Vec::new(),
            span: None,
            density: None,
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
        // one table for all articles (a list each would cost more than the mentions)
        let n = timeline.articles.len();
        let mut all: Vec<(u32, u32, u32, u32)> = timeline
            .events
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m, i)))
            .filter(|(m, _)| (m.article as usize) < n)
            .map(|(m, i)| (m.article, m.start as u32, m.end as u32, i as u32))
            .collect();
        all.sort_unstable();
        all.dedup();
        self.by_article_at = vec![0; n + 1];
        for &(a, ..) in &all {
            self.by_article_at[a as usize + 1] += 1;
        }
        for a in 0..n {
            self.by_article_at[a + 1] += self.by_article_at[a];
        }
        self.by_article = all.into_iter().map(|(_, s, e, i)| (s, e, i)).collect();
        self.actors = timeline.actors();
        self.span = super::density::span(&timeline.events);
        if !warnings.is_empty() {
            self.message = Some((
                format!(
                    "{} warnings: some files were skipped or read lossily (printed on exit)",
                    warnings.len()
                ),
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
        self.refresh_density();
    }

    /// Counts the density strip's events again when the shown events or the width changed
    /// (drawing uses these counts rather than counting at every frame).
    pub(super) fn refresh_density(&mut self) {
        let Some(width) = areas(self).density.map(|r| r.width as usize) else {
            return;
        };
        if self.density.as_ref().map(|d| d.0) != Some(width) {
            self.density = Some((width, super::density::counts(self, width)));
        }
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
        if let Some(runs) = self.sorted_sources(event) {
            return runs.collect();
        }
        let Some(e) = self.timeline.events.get(event) else {
            return Vec::new();
        };
        let mut seen = std::collections::HashSet::new();
        e.mentions
            .iter()
            .filter(|m| seen.insert(m.article))
            .copied()
            .collect()
    }

    /// [`State::sources`] read off the mentions without a list or a set, when they are sorted
    /// by article, as a loaded timeline's are (drawing asks at every frame, for every row shown,
    /// and an event may be told thousands of times); `None` when they are not.
    fn sorted_sources(&self, event: usize) -> Option<impl Iterator<Item = Mention> + '_> {
        let e = self.timeline.events.get(event)?;
        e.mentions.is_sorted_by_key(|m| m.article).then(|| {
            e.mentions
                .chunk_by(|a, b| a.article == b.article)
                .map(|run| run[0])
        })
    }

    /// How many articles tell an event: `sources(event).len()`.
    pub fn source_count(&self, event: usize) -> usize {
        match self.sorted_sources(event) {
            Some(runs) => runs.count(),
            None => self.sources(event).len(),
        }
    }

    /// `sources(event)[k]`.
    fn nth_source(&self, event: usize, k: usize) -> Option<Mention> {
        match self.sorted_sources(event) {
            Some(mut runs) => runs.nth(k),
            None => self.sources(event).get(k).copied(),
        }
    }

    /// The mention shown for the selected event.
    pub fn shown_mention(&self) -> Option<Mention> {
        let e = self.selected_event()?;
        let n = self.source_count(e);
        self.nth_source(e, self.source.min(n.saturating_sub(1)))
    }

    /// Recomputes the shown events and rows, keeping the selection on `keep` (an event) or
    /// on the event selected now, or the nearest one after it.
    pub(super) fn rebuild(&mut self, keep: Option<usize>) {
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
            .filter_map(|&i| events[i].date.map(|d| d.first_day().year()))
            .collect();
        let by_month = !years.is_empty() && years.iter().all(|y| Some(y) == years.first());
        let mut rows = Vec::with_capacity(shown.len() + 16);
        let mut row_of = Vec::with_capacity(shown.len());
        let mut last: Option<String> = None;
        for (pos, &i) in shown.iter().enumerate() {
            let label = match events[i].date {
                Some(d) if by_month => Some(month_label(&d)),
                Some(d) => Some(d.first_day().year().to_string()),
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
        self.density = None;
        self.rows = rows;
        self.row_of = row_of;
        self.selected = self.selected.min(self.shown.len().saturating_sub(1));
        self.scroll_list_to_selection();
    }

    pub(super) fn refilter_actors(&mut self) {
        let names: Vec<&str> = self.actors.iter().map(|a| a.name.as_str()).collect();
        self.actor_shown = filter::filter_names(&names, &self.actor_query);
        self.actor_selected = self
            .actor_selected
            .min(self.actor_shown.len().saturating_sub(1));
        self.actor_offset = 0;
        self.scroll_actors();
    }

    pub(super) fn list_height(&self) -> usize {
        areas(self)
            .list
            .map(|r| r.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    pub(super) fn body_height(&self) -> usize {
        areas(self)
            .article_body
            .map(|r| r.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    pub(super) fn actors_height(&self) -> usize {
        layout::actors_list(&areas(self))
            .map(|r| r.height as usize)
            .unwrap_or(1)
            .max(1)
    }

    /// Keeps the selected row in view with a few rows of context around it (and the separator
    /// just above it).
    pub(super) fn scroll_list_to_selection(&mut self) {
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

    pub(super) fn scroll_actors(&mut self) {
        let h = self.actors_height();
        if self.actor_selected < self.actor_offset {
            self.actor_offset = self.actor_selected;
        } else if self.actor_selected >= self.actor_offset + h {
            self.actor_offset = self.actor_selected + 1 - h;
        }
    }

    pub(super) fn select(&mut self, pos: usize) {
        let pos = pos.min(self.shown.len().saturating_sub(1));
        if pos != self.selected {
            self.selected = pos;
            self.source = 0;
        }
        self.scroll_list_to_selection();
    }

    pub(super) fn max_scroll(&self) -> usize {
        self.article.lines.len().saturating_sub(self.body_height())
    }

    pub(super) fn scroll_article(&mut self, to: isize) {
        self.article_scroll = (to.max(0) as usize).min(self.max_scroll());
    }

    /// Reads and wraps the selected event's article when the event, source or width changed;
    /// `rescroll` brings the sentence into view.
    pub(super) fn sync_article(&mut self, rescroll: bool) {
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
                    .article_events(art)
                    .iter()
                    .map(|&(s, e, i)| {
                        let k = if i as usize == ev {
                            Mark::Current
                        } else {
                            Mark::Other
                        };
                        (s as usize, e as usize, k)
                    })
                    .collect();
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

    /// The events told in article `art`: (start, end, event), by start.
    fn article_events(&self, art: usize) -> &[(u32, u32, u32)] {
        match (self.by_article_at.get(art), self.by_article_at.get(art + 1)) {
            (Some(&a), Some(&b)) => &self.by_article[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Moves to another event of the selected event's article (`dir` = -1 or 1), among those
    /// shown.
    pub(super) fn step_in_article(&mut self, dir: isize) {
        let (Some(ev), Some(m)) = (self.selected_event(), self.shown_mention()) else {
            return;
        };
        if m.article as usize + 1 >= self.by_article_at.len() {
            return;
        }
        let list = self.article_events(m.article as usize).to_vec();
        let here = list
            .iter()
            .position(|&(s, _, i)| i as usize == ev && s as usize == m.start)
            .unwrap_or(0) as isize;
        let mut k = here + dir;
        while k >= 0 && (k as usize) < list.len() {
            let i = list[k as usize].2 as usize;
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

    pub(super) fn set_query(&mut self, q: &str) {
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
