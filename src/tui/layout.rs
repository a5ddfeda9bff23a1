//! Where each pane goes for a terminal size: one function both drawing and mouse handling use.

use ratatui::layout::Rect;

use super::state::{Pane, State};

/// Below this the screen says it is too small instead of drawing.
pub const MIN_WIDTH: u16 = 20;
/// Below this the screen says it is too small instead of drawing.
pub const MIN_HEIGHT: u16 = 5;
/// Narrower than this, one pane at a time.
pub const TWO_PANES: u16 = 80;
/// Narrower than this, the actor list shares the screen with one pane only.
pub const THREE_PANES: u16 = 110;
/// Width of the actor list.
pub const ACTORS_WIDTH: u16 = 28;

/// The areas of the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The terminal is too small to draw anything but a one-line message.
    pub too_small: bool,
    /// The actor list (with its border).
    pub actors: Option<Rect>,
    /// The timeline pane (with its border).
    pub timeline: Option<Rect>,
    /// The density strip inside the timeline pane.
    pub density: Option<Rect>,
    /// The rows of the timeline.
    pub list: Option<Rect>,
    /// The article pane (with its border).
    pub article: Option<Rect>,
    /// The article's headline and outlet lines.
    pub article_head: Option<Rect>,
    /// The article's wrapped body.
    pub article_body: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x.saturating_add(1),
        y: r.y.saturating_add(1),
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

/// The areas for the state's terminal size, visible panes and focus.
pub fn areas(state: &State) -> Areas {
    let (w, h) = state.size;
    let full = Rect::new(0, 0, w, h);
    if w < MIN_WIDTH || h < MIN_HEIGHT {
        return Areas {
            too_small: true,
            status: full,
            ..Areas::default()
        };
    }
    let main = Rect::new(0, 0, w, h - 1);
    let status = Rect::new(0, h - 1, w, 1);
    let mut a = Areas {
        status,
        ..Areas::default()
    };
    let actors = state.actors_visible;
    // Which panes get columns, left to right.
    let panes: Vec<Pane> = if w < TWO_PANES {
        vec![state.focus]
    } else if actors && w < THREE_PANES {
        match state.focus {
            Pane::Article => vec![Pane::Actors, Pane::Article],
            _ => vec![Pane::Actors, Pane::Timeline],
        }
    } else if actors {
        vec![Pane::Actors, Pane::Timeline, Pane::Article]
    } else {
        vec![Pane::Timeline, Pane::Article]
    };
    let mut x = main.x;
    let mut rest = main.width;
    for (i, pane) in panes.iter().enumerate() {
        let last = i + 1 == panes.len();
        let width = if last {
            rest
        } else if *pane == Pane::Actors {
            ACTORS_WIDTH.min(rest / 2)
        } else {
            // timeline beside the article: a little more than half of what is left
            rest * 5 / 8
        };
        let r = Rect::new(x, main.y, width, main.height);
        x += width;
        rest -= width;
        match pane {
            Pane::Actors => a.actors = Some(r),
            Pane::Timeline => a.timeline = Some(r),
            Pane::Article => a.article = Some(r),
        }
    }
    if let Some(t) = a.timeline {
        let i = inner(t);
        if i.height >= 10 {
            a.density = Some(Rect::new(i.x, i.y, i.width, 2));
            a.list = Some(Rect::new(i.x, i.y + 2, i.width, i.height - 2));
        } else {
            a.list = Some(i);
        }
    }
    if let Some(r) = a.article {
        let i = inner(r);
        let head = 4.min(i.height / 2);
        a.article_head = Some(Rect::new(i.x, i.y, i.width, head));
        a.article_body = Some(Rect::new(i.x, i.y + head, i.width, i.height - head));
    }
    a
}

/// The list area of the actor list.
pub fn actors_list(a: &Areas) -> Option<Rect> {
    a.actors.map(|r| {
        let i = inner(r);
        // first line: the actor query
        Rect::new(
            i.x,
            i.y + 1.min(i.height),
            i.width,
            i.height.saturating_sub(1),
        )
    })
}

/// True when a point lies in a rectangle.
pub fn contains(r: Option<Rect>, x: u16, y: u16) -> bool {
    r.is_some_and(|r| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
}
