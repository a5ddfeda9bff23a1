//! The status line (counts, query, focus, the keys that matter now) and the help overlay
//! generated from the keymap.

use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use newsline::text::sanitize_line;

use super::draw::fit;
use super::keymap::Action;
use super::state::{Mode, Pane, State};

fn key_hint(state: &State, action: Action, label: &str) -> Vec<Span<'static>> {
    vec![
        Span::styled(
            format!(" {}", state.keymap.first(action)),
            state
                .theme
                .get("status")
                .patch(state.theme.get("status_key")),
        ),
        Span::styled(format!(" {label} "), state.theme.get("status")),
    ]
}

pub fn draw_status(frame: &mut Frame, state: &State, r: Rect) {
    let th = &state.theme;
    let base = th.get("status");
    let w = r.width as usize;
    let mut left: Vec<Span> = Vec::new();
    match state.mode {
        Mode::Query => {
            left.push(Span::styled(" /", base.patch(th.get("status_key"))));
            left.push(Span::styled(
                format!("{}▏", sanitize_line(&state.input)),
                base,
            ));
        }
        _ => {
            let focus = match state.focus {
                Pane::Timeline => "timeline",
                Pane::Article => "article",
                Pane::Actors => "actors",
            };
            let mut s = match state.loading {
                Some((d, t)) => format!(" reading {d}/{t} files…"),
                None => format!(
                    " {}/{} events",
                    state.shown.len(),
                    state.timeline.events.len()
                ),
            };
            if !state.query().is_empty() {
                s.push_str(&format!("  /{}", sanitize_line(state.query())));
            }
            if w >= 40 {
                s.push_str(&format!("  [{focus}] "));
            }
            left.push(Span::styled(s, base));
            if !state.warnings.is_empty() && state.message.is_none() && w >= 60 {
                left.push(Span::styled(
                    format!(" {} warnings (on exit) ", state.warnings.len()),
                    base.patch(th.get("error")),
                ));
            }
        }
    }
    if let Some((msg, err)) = &state.message {
        let st = if *err {
            base.patch(th.get("error"))
        } else {
            base
        };
        left.push(Span::styled(format!(" {} ", sanitize_line(msg)), st));
    }
    let hints: Vec<(Action, &str)> = match (state.mode, state.focus) {
        (Mode::Query, _) | (Mode::ActorQuery, _) => vec![],
        (_, Pane::Timeline) => vec![
            (Action::Search, "filter"),
            (Action::FocusArticle, "read"),
            (Action::ToggleActors, "actors"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ],
        (_, Pane::Article) => vec![
            (Action::NextInArticle, "next event"),
            (Action::NextSource, "outlet"),
            (Action::OpenEditor, "edit"),
            (Action::Copy, "copy"),
            (Action::NextPane, "pane"),
            (Action::Help, "help"),
        ],
        (_, Pane::Actors) => vec![
            (Action::FocusArticle, "filter by actor"),
            (Action::Search, "find"),
            (Action::ToggleActors, "close"),
            (Action::Help, "help"),
        ],
    };
    let mut right: Vec<Span> = if state.mode != Mode::Normal {
        vec![
            Span::styled(" enter", base.patch(th.get("status_key"))),
            Span::styled(" keep ", base),
            Span::styled(" esc", base.patch(th.get("status_key"))),
            Span::styled(" clear ", base),
        ]
    } else {
        hints
            .iter()
            .flat_map(|(a, l)| key_hint(state, *a, l))
            .collect()
    };
    let lw: usize = left.iter().map(|s| s.content.width()).sum();
    let mut rw: usize = right.iter().map(|s| s.content.width()).sum();
    while lw + rw > w && !right.is_empty() {
        right.truncate(right.len().saturating_sub(2));
        rw = right.iter().map(|s| s.content.width()).sum();
    }
    let mut spans = left;
    let lw = lw.min(w);
    spans.push(Span::styled(" ".repeat(w.saturating_sub(lw + rw)), base));
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(base), r);
}

/// The help overlay's lines: every bindable action with its keys, then the marks and the query
/// syntax.
pub fn help_lines(state: &State) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Action::BINDABLE
        .iter()
        .map(|(a, _, what)| (state.keymap.keys(*a).join(" "), (*what).to_string()))
        .collect();
    out.push((String::new(), String::new()));
    out.push(("~ ^ ?".into(), "date relative / inherited / undated".into()));
    out.push(("×N".into(), "told by N articles".into()));
    out.push((
        "P C O L".into(),
        "actor: person, country, organisation, place".into(),
    ));
    out.push((
        "word 'ex ^pre suf$".into(),
        "query: fuzzy, exact, prefix, suffix".into(),
    ));
    out.push(("!not @actor".into(), "query: exclude, actors only".into()));
    out.push(("mouse".into(), "click selects, wheel scrolls".into()));
    out
}

pub fn draw_help(frame: &mut Frame, state: &State, area: Rect) {
    let th = &state.theme;
    let lines = help_lines(state);
    let kw = lines.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
    let dw = lines.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
    let w = ((kw + dw + 6) as u16).min(area.width.saturating_sub(2));
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(1));
    if w < 10 || h < 3 {
        return;
    }
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height.saturating_sub(1) - h) / 2,
        w,
        h,
    );
    frame.render_widget(Clear, r);
    let visible = h.saturating_sub(2) as usize;
    let scroll = state.help_scroll.min(lines.len().saturating_sub(visible));
    let title = if visible < lines.len() {
        " Keys (j/k scroll, any other key closes) "
    } else {
        " Keys (any key closes) "
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.get("border_focused"))
        .title(Span::styled(title, th.get("heading")))
        .title_alignment(Alignment::Center);
    let inner_w = w.saturating_sub(2) as usize;
    let text: Vec<Line> = lines
        .iter()
        .skip(scroll)
        .map(|(k, d)| {
            Line::from(vec![
                Span::styled(format!(" {:<kw$}  ", fit(k, kw)), th.get("status_key")),
                Span::raw(fit(d, inner_w.saturating_sub(kw + 3))),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(text).block(block), r);
}
