//! Drawing: a pure function of the state.

use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};
use ratatui::Frame;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use newsline::actors::ActorKind;
use newsline::events::Event;
use newsline::filter::Field;
use newsline::temporal::DateValue;
use newsline::text::sanitize_line;

use super::article::Mark;
use super::density::density;
use super::keymap::Action;
use super::layout::{self, areas};
use super::state::{date_mark, DateStyle, Mode, Pane, Row, State};
use super::status;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, state: &State) {
    let a = areas(state);
    let buf_area = frame.area();
    if a.too_small {
        let msg = "terminal too small";
        let r = Rect::new(0, 0, buf_area.width, 1.min(buf_area.height));
        frame.render_widget(Paragraph::new(fit(msg, r.width as usize)), r);
        return;
    }
    if let Some(r) = a.actors {
        draw_actors(frame, state, r);
    }
    if let Some(r) = a.timeline {
        draw_timeline(frame, state, r, &a);
    }
    if let Some(r) = a.article {
        draw_article(frame, state, r, &a);
    }
    status::draw_status(frame, state, a.status);
    if state.help {
        status::draw_help(frame, state, buf_area);
    }
}

fn pane_block<'a>(state: &State, pane: Pane, title: Line<'a>) -> Block<'a> {
    let style = if state.focus == pane {
        state.theme.get("border_focused")
    } else {
        state.theme.get("border")
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

/// `s` cut to `w` columns, with `…` when cut.
pub fn fit(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// The date column's text for an event.
pub fn date_text(e: &Event, style: DateStyle) -> String {
    match (e.date, style) {
        (None, _) => sanitize_line(&e.date_text).into_owned(),
        (Some(d), DateStyle::Iso) => d.to_string(),
        (Some(d), DateStyle::Long) => long_date(&d),
    }
}

fn long_date(d: &DateValue) -> String {
    match *d {
        DateValue::Day(x) => x.format("%-d %b %Y").to_string(),
        DateValue::Month(..) => d.first_day().format("%b %Y").to_string(),
        DateValue::Week(y, w) => format!("W{w:02} {y}"),
        DateValue::Quarter(y, q) => format!("Q{q} {y}"),
        DateValue::Year(y) => y.to_string(),
    }
}

/// Width of the date column.
pub fn date_width(style: DateStyle) -> usize {
    match style {
        DateStyle::Iso => 10,
        DateStyle::Long => 11,
    }
}

/// Builds spans of `text` in `style`, with the chars at `hits` in `hit`, cut to `room` columns.
fn highlighted(
    text: &str,
    hits: &[u32],
    style: Style,
    hit: Style,
    room: usize,
    out: &mut Vec<Span<'static>>,
) -> usize {
    let text = fit(text, room);
    let mut used = 0;
    let mut cur = String::new();
    let mut cur_hit = false;
    for (i, c) in text.chars().enumerate() {
        let h = hits.contains(&(i as u32));
        if h != cur_hit && !cur.is_empty() {
            out.push(Span::styled(
                std::mem::take(&mut cur),
                if cur_hit { hit } else { style },
            ));
        }
        cur_hit = h;
        cur.push(c);
        used += c.width().unwrap_or(0);
    }
    if !cur.is_empty() {
        out.push(Span::styled(cur, if cur_hit { hit } else { style }));
    }
    used
}

fn event_line(state: &State, ev: usize, selected: bool, width: usize) -> Line<'static> {
    let th = &state.theme;
    let e = &state.timeline.events[ev];
    let sel = th.get("selected");
    let st = |role: &str| {
        let s = th.get(role);
        if selected {
            s.patch(sel)
        } else {
            s
        }
    };
    let hit = if selected {
        sel.add_modifier(th.get("match").add_modifier)
    } else {
        th.get("match")
    };
    let dw = date_width(state.date_style);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mark = date_mark(e);
    spans.push(Span::styled(mark.to_string(), st("date_mark")));
    used += 1;
    let date = date_text(e, state.date_style);
    let date = match (e.date, state.date_style) {
        (Some(_), DateStyle::Long) => format!("{:>dw$}", fit(&date, dw)),
        _ => format!("{:<dw$}", fit(&date, dw)),
    };
    let date_role = if e.date.is_some() {
        "date"
    } else {
        "date_mark"
    };
    spans.push(Span::styled(date, st(date_role)));
    used += dw;
    let n = state.source_count(ev);
    let outlets = if n > 1 {
        format!(" ×{n}")
    } else {
        String::new()
    };
    let tail = outlets.width();
    let room = width.saturating_sub(used + tail);
    let filter = state.filter.as_ref();
    let title = sanitize_line(&e.title);
    let joined = e.actors.join(", ");
    let actors = sanitize_line(&joined);
    if room > 2 {
        spans.push(Span::styled("  ", st("title")));
        let room = room - 2;
        // Titles and actors in aligned columns: the title's column is the same on every row
        // (3/4 of the room before the `×N` column), the actors take the rest.
        let title_room = if actors.is_empty() {
            room
        } else {
            width.saturating_sub(used + 2 + 4).saturating_sub(2) * 3 / 4
        };
        let hits = filter
            .map(|f| f.highlight(Field::Title, &e.title))
            .unwrap_or_default();
        let mut t_style = st("title");
        if e.background {
            t_style = t_style.add_modifier(Modifier::ITALIC);
        }
        let t_used = highlighted(&title, &hits, t_style, hit, title_room, &mut spans);
        used += 2 + t_used;
        if !actors.is_empty() && t_used < title_room {
            spans.push(Span::styled(" ".repeat(title_room - t_used), st("title")));
            used += title_room - t_used;
        }
        let left = width.saturating_sub(used + tail);
        if !actors.is_empty() && left > 4 {
            spans.push(Span::styled("  ", st("title")));
            let hits = filter
                .map(|f| f.highlight(Field::Actors, &joined))
                .unwrap_or_default();
            used += 2 + highlighted(&actors, &hits, st("actors"), hit, left - 2, &mut spans);
        }
    }
    let pad = width.saturating_sub(used + tail);
    spans.push(Span::styled(" ".repeat(pad), st("title")));
    if tail > 0 && width >= used + tail {
        spans.push(Span::styled(outlets, st("outlets")));
    }
    Line::from(spans)
}

fn draw_timeline(frame: &mut Frame, state: &State, r: Rect, a: &layout::Areas) {
    let th = &state.theme;
    let total = state.timeline.events.len();
    let title = Line::from(vec![Span::styled(
        match state.loading {
            Some(_) => " Timeline ".to_string(),
            None => format!(" Timeline {}/{} ", state.shown.len(), total),
        },
        th.get("heading"),
    )]);
    frame.render_widget(pane_block(state, Pane::Timeline, title), r);
    let Some(list) = a.list else { return };
    if let Some((done, all)) = state.loading {
        let ratio = if all == 0 {
            0.0
        } else {
            done as f64 / all as f64
        };
        let g = Rect::new(
            list.x + 1.min(list.width),
            list.y + list.height / 2,
            list.width.saturating_sub(2),
            1.min(list.height),
        );
        frame.render_widget(
            Gauge::default()
                .gauge_style(th.get("density"))
                .ratio(ratio.clamp(0.0, 1.0))
                .label(format!("reading {done}/{all} files")),
            g,
        );
        return;
    }
    if let Some(d) = a.density {
        draw_density(frame, state, d);
    }
    if state.shown.is_empty() {
        let msg = if total == 0 {
            "no events: no articles found, or none with a date"
        } else {
            "no event matches the query (Esc clears it)"
        };
        frame.render_widget(
            Paragraph::new(fit(msg, list.width as usize)).style(th.get("article_meta")),
            list,
        );
        return;
    }
    let width = list.width as usize;
    let lines: Vec<Line> = state
        .rows
        .iter()
        .skip(state.offset)
        .take(list.height as usize)
        .map(|row| match row {
            Row::Separator(label) => separator(label, width, th.get("separator")),
            Row::Undated => separator("undated", width, th.get("separator")),
            Row::Event(ev, pos) => event_line(state, *ev, *pos == state.selected, width),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn separator(label: &str, width: usize, style: Style) -> Line<'static> {
    let head = format!("── {label} ");
    let rest = width.saturating_sub(head.width());
    Line::from(Span::styled(
        fit(&format!("{head}{}", "─".repeat(rest)), width),
        style,
    ))
}

fn draw_density(frame: &mut Frame, state: &State, r: Rect) {
    const BARS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let th = &state.theme;
    let w = r.width as usize;
    let (counts, sel, span) = density(state, w);
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars: Vec<Span> = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let level = if c == 0 {
                0
            } else {
                1 + ((c as usize * 7) / max as usize).min(7)
            };
            let style = if Some(i) == sel {
                th.get("density_marker")
            } else {
                th.get("density")
            };
            Span::styled(BARS[level].to_string(), style)
        })
        .collect();
    let mut axis: Vec<char> = vec![' '; w];
    let mut labelled = vec![false; w];
    if let Some((first, last)) = span {
        let l = first.year().to_string();
        let rt = last.year().to_string();
        for (i, c) in l.chars().enumerate().take(w) {
            axis[i] = c;
            labelled[i] = true;
        }
        if w > l.len() + rt.len() + 2 {
            for (i, c) in rt.chars().enumerate() {
                axis[w - rt.len() + i] = c;
                labelled[w - rt.len() + i] = true;
            }
        }
    }
    let mut axis_spans: Vec<Span> = Vec::new();
    let text: String = axis.iter().collect();
    match sel {
        Some(s) if s < w && !labelled[s] => {
            let before: String = axis[..s].iter().collect();
            let after: String = axis[s + 1..].iter().collect();
            axis_spans.push(Span::styled(before, th.get("article_meta")));
            axis_spans.push(Span::styled("▲", th.get("density_marker")));
            axis_spans.push(Span::styled(after, th.get("article_meta")));
        }
        _ => axis_spans.push(Span::styled(text, th.get("article_meta"))),
    }
    frame.render_widget(
        Paragraph::new(vec![Line::from(bars), Line::from(axis_spans)]),
        r,
    );
}

fn draw_article(frame: &mut Frame, state: &State, r: Rect, a: &layout::Areas) {
    let th = &state.theme;
    let ev = state.selected_event();
    let n = ev.map(|e| state.source_count(e)).unwrap_or(0);
    let mut title = vec![Span::styled(" Article ", th.get("heading"))];
    if n > 1 {
        title.push(Span::styled(
            format!(
                "{}/{n} ({} next) ",
                state.source.min(n - 1) + 1,
                state.keymap.first(Action::NextSource)
            ),
            th.get("outlets"),
        ));
    }
    frame.render_widget(pane_block(state, Pane::Article, Line::from(title)), r);
    let (Some(head), Some(body)) = (a.article_head, a.article_body) else {
        return;
    };
    let Some(info) = state
        .article
        .article
        .and_then(|i| state.timeline.articles.get(i))
    else {
        return;
    };
    let w = head.width as usize;
    let mention = state.shown_mention();
    let mut meta = Vec::new();
    if let Some(s) = &info.source {
        meta.push(sanitize_line(s).into_owned());
    }
    if let Some(p) = info.published {
        meta.push(format!("published {}", p.format("%Y-%m-%d")));
    }
    let file = info
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    meta.push(format!(
        "{}:{}",
        sanitize_line(&file),
        mention.map(|m| m.line).unwrap_or(0)
    ));
    let when = ev.and_then(|i| state.timeline.events.get(i)).map(|e| {
        let basis = match e.date_basis {
            newsline::temporal::Basis::Explicit => "",
            newsline::temporal::Basis::Relative => ", relative to the article's date",
            newsline::temporal::Basis::Inherited => ", inherited from its story",
            newsline::temporal::Basis::Unresolved => ", unresolved: the article has no date",
        };
        let date = match e.date {
            Some(_) => date_text(e, state.date_style),
            None => "undated".into(),
        };
        format!(
            "{date} · \u{201c}{}\u{201d}{basis}",
            sanitize_line(&e.date_text)
        )
    });
    let head_lines = vec![
        Line::from(Span::styled(
            fit(&sanitize_line(&info.title), w),
            th.get("heading"),
        )),
        Line::from(Span::styled(
            fit(&meta.join(" · "), w),
            th.get("article_meta"),
        )),
        Line::from(Span::styled(
            fit(&when.unwrap_or_default(), w),
            th.get("date"),
        )),
        Line::from(Span::styled("─".repeat(w), th.get("border"))),
    ];
    frame.render_widget(Paragraph::new(head_lines), head);
    if let Some(err) = &state.article.error {
        frame.render_widget(
            Paragraph::new(fit(
                &format!("cannot read the article: {err}"),
                body.width as usize,
            ))
            .style(th.get("error")),
            body,
        );
        return;
    }
    let lines: Vec<Line> = state
        .article
        .lines
        .iter()
        .skip(state.article_scroll)
        .take(body.height as usize)
        .map(|l| {
            Line::from(
                l.iter()
                    .map(|(t, m)| {
                        let style = match m {
                            Mark::Plain => Style::default(),
                            Mark::Current => th.get("highlight"),
                            Mark::Other => th.get("other_event"),
                        };
                        Span::styled(t.clone(), style)
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}

fn draw_actors(frame: &mut Frame, state: &State, r: Rect) {
    let th = &state.theme;
    let title = Line::from(Span::styled(
        format!(
            " Actors {}/{} ",
            state.actor_shown.len(),
            state.actors.len()
        ),
        th.get("heading"),
    ));
    frame.render_widget(pane_block(state, Pane::Actors, title), r);
    let a = areas(state);
    let Some(list) = layout::actors_list(&a) else {
        return;
    };
    let w = list.width as usize;
    let q = if state.mode == Mode::ActorQuery {
        format!("/{}▏", state.actor_query)
    } else if state.actor_query.is_empty() {
        format!("{} to filter", state.keymap.first(Action::Search))
    } else {
        format!("/{}", state.actor_query)
    };
    if list.y > r.y + 1 {
        frame.render_widget(
            Paragraph::new(fit(&q, w)).style(th.get("article_meta")),
            Rect::new(list.x, list.y - 1, list.width, 1),
        );
    }
    let sel = th.get("selected");
    let lines: Vec<Line> = state
        .actor_shown
        .iter()
        .enumerate()
        .skip(state.actor_offset)
        .take(list.height as usize)
        .map(|(pos, &i)| {
            let e = &state.actors[i];
            let count = format!("{:>4} ", e.events);
            let kind = match e.kind {
                ActorKind::Person => "P ",
                ActorKind::Country => "C ",
                ActorKind::Organisation => "O ",
                ActorKind::Place => "L ",
            };
            let name = fit(&sanitize_line(&e.name), w.saturating_sub(7));
            let pad = w.saturating_sub(7 + name.width());
            let selected = pos == state.actor_selected;
            let st = |role: &str| {
                if selected {
                    th.get(role).patch(sel)
                } else {
                    th.get(role)
                }
            };
            Line::from(vec![
                Span::styled(count, st("date")),
                Span::styled(kind, st("date_mark")),
                Span::styled(format!("{name}{}", " ".repeat(pad)), st("actors")),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    #[test]
    fn highlighted_chars_get_the_match_style_and_text_is_cut_to_the_room() {
        let (plain, hit) = (Style::default(), Style::default().fg(Color::Yellow));
        let mut spans = Vec::new();
        let used = highlighted("Alvarez signs", &[0, 1, 8], plain, hit, 40, &mut spans);
        assert_eq!(used, 13);
        let parts: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hit))
            .collect();
        assert_eq!(
            parts,
            [
                ("Al", true),
                ("varez ", false),
                ("s", true),
                ("igns", false)
            ]
        );
        let mut spans = Vec::new();
        assert_eq!(highlighted("中文中文", &[], plain, hit, 5, &mut spans), 5);
        assert_eq!(spans[0].content, "中文…");
    }

    #[test]
    fn long_dates_read_naturally() {
        let d = |s: &str| long_date(&DateValue::parse(s).unwrap());
        assert_eq!(d("2024-11-02"), "2 Nov 2024");
        assert_eq!(d("2024-11"), "Nov 2024");
        assert_eq!(d("2024-W47"), "W47 2024");
        assert_eq!(d("2024-Q3"), "Q3 2024");
        assert_eq!(d("2024"), "2024");
    }
}
