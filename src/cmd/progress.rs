//! A progress bar on stderr for reading a corpus: shown only when stderr is a terminal and the
//! work has lasted more than a moment, so short runs and piped runs stay silent.

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::Context;

/// How long work runs before the bar appears.
const DELAY: Duration = Duration::from_millis(400);

/// A progress bar over a number of files; safe to update from several threads.
pub struct Progress {
    bar: ProgressBar,
    start: Instant,
    total: usize,
    /// False when stderr is not a terminal: the bar is never drawn.
    enabled: bool,
    shown: AtomicBool,
}

impl Progress {
    /// A bar over `total` files, labelled `what`.
    pub fn new(total: usize, what: &'static str, ctx: &Context) -> Progress {
        let is_terminal = io::stderr().is_terminal();
        let template = if ctx.color.enabled(is_terminal) {
            "{spinner:.green} {msg} {bar:30.cyan/blue} {pos}/{len} files  {elapsed} (eta {eta})"
        } else {
            "{spinner} {msg} {bar:30} {pos}/{len} files  {elapsed} (eta {eta})"
        };
        let style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden())
            .with_style(style)
            .with_message(what);
        Progress {
            bar,
            start: Instant::now(),
            total,
            enabled: is_terminal && total > 0,
            shown: AtomicBool::new(false),
        }
    }

    /// Records that `done` files are finished; draws the bar once the work has lasted long
    /// enough.
    pub fn update(&self, done: usize) {
        self.bar.set_position(done as u64);
        if done >= self.total {
            self.bar.set_message("merging");
        }
        if self.enabled
            && !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= DELAY
            && self
                .shown
                .compare_exchange(false, true, Ordering::AcqRel, Ordering::Relaxed)
                .is_ok()
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
        }
    }

    /// Runs `f` (which prints to stderr) with the bar out of its way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
