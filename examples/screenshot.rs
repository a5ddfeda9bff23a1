//! Renders the screen on a corpus into an SVG picture (the README's screenshot):
//! `cargo run --example screenshot -- [PATH] [OUT.svg]` (defaults: `seeds`, `assets/screen.svg`).
//! The screen is drawn on a 120×35 test terminal, then each run of cells of one style becomes an
//! SVG `<text>` on its background. It also prints figures: how long loading takes, how long the
//! screen then takes to become usable (the filter prepared, the timeline set, the first frame
//! drawn), a frame, and a step down the list.

#[allow(dead_code, unused_imports)]
#[path = "../src/tui/mod.rs"]
mod tui;

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

use newsline::filter::Filter;
use newsline::pipeline;

const W: u16 = 120;
const H: u16 = 35;
const CELL_W: f64 = 8.4;
const CELL_H: f64 = 17.0;
const FG: &str = "#d4d4d4";
const BG: &str = "#1e1e1e";

fn main() -> anyhow::Result<()> {
    newsline::memory::return_large_blocks(); // as the program does
    let mut args = std::env::args().skip(1);
    let corpus = PathBuf::from(args.next().unwrap_or_else(|| "seeds".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "assets/screen.svg".into()));
    let t = Instant::now();
    let loaded = pipeline::load(&[corpus], &pipeline::Options::default())?;
    let load = t.elapsed();
    let t = Instant::now();
    let settings = tui::Settings {
        color: true,
        ..tui::Settings::default()
    };
    let mut state = tui::State::new(&settings, (W, H));
    let filter = Filter::new(&loaded.timeline);
    state.set_timeline(loaded.timeline, filter, Vec::new());
    let mut term = Terminal::new(TestBackend::new(W, H))?;
    term.draw(|f| tui::draw::draw(f, &state))?;
    let usable = t.elapsed();
    // show an event told by the most articles, in the middle of the list
    if let Some(pos) = (0..state.shown.len())
        .max_by_key(|&p| (state.sources(state.shown[p]).len(), std::cmp::Reverse(p)))
    {
        for _ in 0..pos {
            tui::update(&mut state, tui::Action::Down);
        }
    }
    term.draw(|f| tui::draw::draw(f, &state))?;
    let svg = to_svg(term.backend().buffer());
    std::fs::write(&out, svg)?;
    println!("wrote {} ({}×{} cells)", out.display(), W, H);
    // figures: a frame, and a step down the list (the article read back and wrapped)
    let frames = 50;
    let t = Instant::now();
    for _ in 0..frames {
        term.draw(|f| tui::draw::draw(f, &state))?;
    }
    let draw = t.elapsed() / frames;
    let t = Instant::now();
    for i in 0..frames {
        let a = if i % 2 == 0 {
            tui::Action::Down
        } else {
            tui::Action::Up
        };
        tui::update(&mut state, a);
    }
    let step = t.elapsed() / frames;
    println!(
        "{} events: loaded in {:.2} s, usable {:.3} s after loading ends; \
         draw {:.2} ms a frame, a step down the list {:.2} ms",
        state.timeline.events.len(),
        load.as_secs_f64(),
        usable.as_secs_f64(),
        draw.as_secs_f64() * 1e3,
        step.as_secs_f64() * 1e3
    );
    Ok(())
}

fn hex(c: Color) -> Option<String> {
    Some(
        match c {
            Color::Reset => return None,
            Color::Black => "#000000",
            Color::Red => "#cd3131",
            Color::Green => "#0dbc79",
            Color::Yellow => "#e5e510",
            Color::Blue => "#2472c8",
            Color::Magenta => "#bc3fbc",
            Color::Cyan => "#11a8cd",
            Color::Gray => "#e5e5e5",
            Color::DarkGray => "#767676",
            Color::LightRed => "#f14c4c",
            Color::LightGreen => "#23d18b",
            Color::LightYellow => "#f5f543",
            Color::LightBlue => "#3b8eea",
            Color::LightMagenta => "#d670d6",
            Color::LightCyan => "#29b8db",
            Color::White => "#ffffff",
            Color::Rgb(r, g, b) => return Some(format!("#{r:02x}{g:02x}{b:02x}")),
            Color::Indexed(_) => FG,
        }
        .to_string(),
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn to_svg(buf: &Buffer) -> String {
    let (w, h) = (buf.area.width, buf.area.height);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{:.0}" height="{:.0}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="14">"#,
        w as f64 * CELL_W,
        h as f64 * CELL_H
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="{BG}"/>"#);
    for y in 0..h {
        let mut x = 0;
        while x < w {
            let cell = &buf[(x, y)];
            let key = (cell.fg, cell.bg, cell.modifier);
            let mut text = String::new();
            let start = x;
            while x < w && {
                let c = &buf[(x, y)];
                (c.fg, c.bg, c.modifier) == key
            } {
                text.push_str(buf[(x, y)].symbol());
                x += 1;
            }
            let (mut fg, mut bg) = (hex(key.0).unwrap_or_else(|| FG.into()), hex(key.1));
            if key.2.contains(Modifier::REVERSED) {
                let old_fg = fg.clone();
                fg = bg.unwrap_or_else(|| BG.into());
                bg = Some(old_fg);
            }
            let (px, py) = (start as f64 * CELL_W, y as f64 * CELL_H);
            let width = (x - start) as f64 * CELL_W;
            if let Some(bg) = bg {
                let _ = writeln!(
                    s,
                    r#"<rect x="{px:.1}" y="{py:.1}" width="{width:.1}" height="{CELL_H}" fill="{bg}"/>"#
                );
            }
            if text.trim().is_empty() {
                continue;
            }
            let mut attrs = String::new();
            if key.2.contains(Modifier::BOLD) {
                attrs.push_str(r#" font-weight="bold""#);
            }
            if key.2.contains(Modifier::ITALIC) {
                attrs.push_str(r#" font-style="italic""#);
            }
            if key.2.contains(Modifier::UNDERLINED) {
                attrs.push_str(r#" text-decoration="underline""#);
            }
            if key.2.contains(Modifier::DIM) {
                attrs.push_str(r#" opacity="0.6""#);
            }
            let _ = writeln!(
                s,
                r#"<text x="{px:.1}" y="{:.1}" fill="{fg}" textLength="{width:.1}" lengthAdjust="spacingAndGlyphs" xml:space="preserve"{attrs}>{}</text>"#,
                py + CELL_H * 0.78,
                escape(&text)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}
