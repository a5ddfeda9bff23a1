//! The interactive screen: the timeline beside the article, a density strip, a status line,
//! the actor list and the help overlay. State is in `state`, how actions change it in `update`, drawing (a pure
//! function of the state) in `draw`, keys in `keymap`, colours in `theme`. This module runs the
//! loop: the terminal set up and always restored (quit, error, panic, SIGTERM/SIGHUP), the
//! corpus read in a background thread while the screen already answers keys, and the effects
//! that need the terminal ($EDITOR, the OSC 52 clipboard).

pub mod article;
pub mod density;
pub mod draw;
pub mod keymap;
pub mod layout;
pub mod state;
pub mod status;
pub mod theme;
pub mod update;

#[cfg(test)]
mod tests;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

use anyhow::Result;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, KeyCode, KeyEvent,
    KeyEventKind, KeyModifiers, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use newsline::filter::Filter;
use newsline::pipeline::{self, Loaded};
use newsline::text::sanitize_line;
use newsline::timeline::Timeline;

pub use keymap::{Action, Keymap};
pub use state::{DateStyle, Effect, Mode, Settings, SortOrder, State};
pub use theme::Theme;
pub use update::update;

/// Prints the timeline as text, one event a line (date, title, actors, source), with control
/// characters replaced.
pub fn print_plain(tl: &Timeline, out: &mut impl Write) -> io::Result<()> {
    for e in &tl.events {
        let date = e
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let src = e
            .mentions
            .first()
            .and_then(|m| tl.articles.get(m.article as usize))
            .and_then(|a| a.source.clone())
            .unwrap_or_default();
        writeln!(
            out,
            "{date:<10}  {}  [{}]  {}",
            sanitize_line(&e.title),
            sanitize_line(&e.actors.join(", ")),
            sanitize_line(&src)
        )?;
    }
    out.flush()
}

/// The action for a key, given what the keyboard types into now.
pub fn action_for_key(state: &State, key: &KeyEvent) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    if state.help {
        // movement keys scroll the help; any other key closes it
        return match state.keymap.action(keymap::Key::of(key)) {
            Some(
                a @ (Action::Down
                | Action::Up
                | Action::Top
                | Action::Bottom
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp),
            ) => Some(a),
            _ => Some(Action::Help),
        };
    }
    if state.mode != Mode::Normal {
        return match key.code {
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Enter => Some(Action::Accept),
            KeyCode::Backspace => Some(Action::DeleteChar),
            KeyCode::Up => Some(Action::Up),
            KeyCode::Down => Some(Action::Down),
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                Some(Action::Input(c))
            }
            _ => None,
        };
    }
    state.keymap.action(keymap::Key::of(key))
}

/// The action for a terminal event.
pub fn action_for_event(state: &State, ev: &TermEvent) -> Option<Action> {
    match ev {
        TermEvent::Key(k) if k.kind != KeyEventKind::Release => action_for_key(state, k),
        TermEvent::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::Click(m.column, m.row)),
            MouseEventKind::ScrollDown => Some(Action::Wheel(m.column, m.row, true)),
            MouseEventKind::ScrollUp => Some(Action::Wheel(m.column, m.row, false)),
            _ => None,
        },
        TermEvent::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Puts the terminal back as it was. Safe to call more than once.
pub fn restore_terminal() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

fn enter_terminal() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for i in 0..4 {
            if i <= c.len() {
                out.push(T[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The editor command for a file at a line: `$VISUAL`, else `$EDITOR`, else `vi`, with
/// `+LINE FILE` (the editor value may carry its own arguments).
pub fn editor_command(
    visual: Option<String>,
    editor: Option<String>,
    path: &std::path::Path,
    line: u32,
) -> Command {
    let value = [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".into());
    let mut words = value.split_whitespace();
    let mut cmd = Command::new(words.next().unwrap_or("vi"));
    cmd.args(words);
    cmd.arg(format!("+{}", line.max(1))).arg(path);
    cmd
}

/// The status-line message for how the editor ended (none when it ended well).
pub fn editor_message(status: io::Result<std::process::ExitStatus>) -> Option<String> {
    match status {
        Ok(s) if s.success() => None,
        Ok(s) => Some(format!("the editor exited with {s}")),
        Err(e) => Some(format!("cannot start the editor: {e}")),
    }
}

type Term = Terminal<CrosstermBackend<io::Stdout>>;

fn run_effect(term: &mut Term, state: &mut State, effect: Effect) -> Result<()> {
    match effect {
        Effect::Copy(text) => {
            let mut out = io::stdout();
            out.write_all(osc52(&text).as_bytes())?;
            out.flush()?;
            state.message = Some(("copied to the clipboard (OSC 52)".into(), false));
        }
        Effect::Edit(path, line) => {
            restore_terminal();
            let status = editor_command(
                std::env::var("VISUAL").ok(),
                std::env::var("EDITOR").ok(),
                &path,
                line,
            )
            .status();
            enter_terminal()?;
            term.clear()?;
            if let Some(msg) = editor_message(status) {
                state.message = Some((msg, true));
            }
        }
    }
    Ok(())
}

/// Makes a panic call `restore` first, then print its message as it would have.
pub fn restore_before_panic_message(restore: impl Fn() + Send + Sync + 'static) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Ends the process, terminal restored, on SIGTERM or SIGHUP (exit status 128 + the signal),
/// and when the terminal goes away. This runs in a thread of its own: the event loop may be
/// blocked reading a terminal that has been closed.
fn watch_for_the_end() -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let had_terminal = terminal::window_size().is_ok();
    std::thread::spawn(move || loop {
        if let Some(sig) = signals.pending().next() {
            restore_terminal();
            std::process::exit(128 + sig);
        }
        if had_terminal && terminal::window_size().is_err() {
            // closed without a SIGHUP reaching this process: nothing left to restore
            std::process::exit(128 + SIGHUP);
        }
        std::thread::sleep(Duration::from_millis(200));
    });
    Ok(())
}

/// Opens the screen on the corpus under `paths`, read in the background. Warnings met while
/// reading are printed on stderr once the screen is closed.
pub fn run(paths: Vec<PathBuf>, opts: pipeline::Options, settings: Settings) -> Result<ExitCode> {
    restore_before_panic_message(restore_terminal);
    // A path that does not exist is an error before the screen opens.
    for p in &paths {
        if std::fs::symlink_metadata(p).is_err() {
            return Err(newsline::Error::NotFound(p.clone()).into());
        }
    }
    watch_for_the_end()?;

    let done = Arc::new(AtomicUsize::new(0));
    let total = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    {
        let (done, total) = (done.clone(), total.clone());
        std::thread::spawn(move || {
            let r = pipeline::load_with_progress(&paths, &opts, &|d, t| {
                done.store(d, Ordering::Relaxed);
                total.store(t, Ordering::Relaxed);
            })
            .map(|loaded| {
                let filter = Filter::new(&loaded.timeline);
                (loaded, filter)
            });
            let _ = tx.send(r);
        });
    }

    enter_terminal()?;
    let result = (|| -> Result<(ExitCode, Vec<String>)> {
        let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let size = term.size()?;
        let mut state = State::new(&settings, (size.width, size.height));
        let mut loading = true;
        let mut dirty = true;
        loop {
            if loading {
                match rx.try_recv() {
                    Ok(Ok((
                        Loaded {
                            timeline, warnings, ..
                        },
                        filter,
                    ))) => {
                        state.set_timeline(timeline, filter, warnings);
                        loading = false;
                        dirty = true;
                    }
                    Ok(Err(e)) => return Err(e.into()),
                    Err(mpsc::TryRecvError::Empty) => {
                        let p = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed));
                        if state.loading != Some(p) {
                            state.set_progress(p.0, p.1);
                            dirty = true;
                        }
                    }
                    Err(mpsc::TryRecvError::Disconnected) => {
                        return Err(anyhow::anyhow!("reading the corpus stopped"))
                    }
                }
            }
            if dirty {
                term.draw(|f| draw::draw(f, &state))?;
                dirty = false;
            }
            if !event::poll(Duration::from_millis(100))? {
                continue;
            }
            // Take every pending event before drawing again (a burst of resizes draws once).
            loop {
                let ev = event::read()?;
                if let Some(action) = action_for_event(&state, &ev) {
                    if let Action::Resize(..) = action {
                        term.autoresize()?;
                    }
                    update(&mut state, action);
                    dirty = true;
                }
                if let Some(effect) = state.effect.take() {
                    run_effect(&mut term, &mut state, effect)?;
                    dirty = true;
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            if state.quit {
                let warnings = std::mem::take(&mut state.warnings);
                // The process ends next: the timeline is left to it rather than freed block by
                // block, which on a large corpus would hold the screen up for a while.
                std::mem::forget(state);
                return Ok((ExitCode::SUCCESS, warnings));
            }
        }
    })();
    restore_terminal();
    let (code, warnings) = result?;
    let stderr = io::stderr();
    let mut err = stderr.lock();
    for w in warnings {
        let _ = writeln!(err, "newsline: warning: {w}");
    }
    Ok(code)
}
