//! The real binary on a real terminal: run in tmux, keys sent with `send-keys`, the screen read
//! with `capture-pane`. Skipped, with a note, where tmux is not installed. Also the text output
//! when standard output is not a terminal.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_newsline");

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui")
}

/// A tmux server of its own, killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("skipped: tmux is not installed (apt-get install tmux runs this test)");
            return None;
        }
        let t = Tmux {
            socket: format!("newsline-test-{name}-{}", std::process::id()),
        };
        let ok = t
            .cmd(&[
                "new-session",
                "-d",
                "-s",
                "t",
                "-x",
                "120",
                "-y",
                "35",
                command,
            ])
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(ok, "tmux could not start a session");
        Some(t)
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]).args(args);
        c
    }

    fn send(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        assert!(self.cmd(&args).status().unwrap().success());
    }

    fn screen(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen_with_styles(&self) -> String {
        let out = self
            .cmd(&["capture-pane", "-p", "-e", "-t", "t"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn query(&self, format: &str) -> String {
        let out = self
            .cmd(&["display-message", "-p", "-t", "t", format])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// The process id of the screen, the pane shell's child (`None`, with a note, when pgrep
    /// is missing).
    fn screen_pid(&self) -> Option<String> {
        let shell = self.query("#{pane_pid}");
        let Ok(out) = Command::new("pgrep").args(["-P", &shell]).output() else {
            eprintln!("skipped: pgrep is not installed");
            return None;
        };
        let pid = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(!pid.is_empty(), "the screen's process");
        Some(pid)
    }

    /// Waits until the screen satisfies `ok` (10 s at most), returning it.
    fn wait(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; screen:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]).status();
    }
}

fn shell_command(args: &str) -> String {
    format!(
        "'{BIN}' {args} '{}'; echo EXIT=$?; sleep 30",
        fixtures().display()
    )
}

#[test]
fn typing_a_filter_narrows_the_rows_and_q_quits_cleanly() {
    let Some(t) = Tmux::start("filter", &shell_command("")) else {
        return;
    };
    let s = t.wait("the timeline", |s| s.contains("10/10 events"));
    assert!(s.contains("Kyoto city council"), "{s}");
    t.send(&["/"]);
    t.send(&["-l", "alvarez"]);
    t.wait("the query line", |s| s.contains("/alvarez"));
    t.send(&["Enter"]);
    let s = t.wait("the narrowed list", |s| s.contains("/alvarez  [timeline]"));
    let rows: Vec<&str> = s.lines().filter(|l| l.contains("20")).collect();
    assert!(
        rows.iter().any(|r| r.contains("Maria Alvarez signs")),
        "{s}"
    );
    assert!(!s.contains("Kyoto city council"), "{s}");
    // the article pane shows the selected event's article
    assert!(
        s.contains("Coastal Herald") || s.contains("Baltic Wire"),
        "{s}"
    );
    assert!(s.contains("Nordsee Lines"), "{s}");
    // the next outlet of the merged event
    t.send(&["g"]);
    t.send(&["s"]);
    t.wait("the second outlet", |s| s.contains("2/2"));
    t.send(&["q"]);
    let s = t.wait("the exit", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=0"), "{s}");
    assert_eq!(
        t.query("#{alternate_on}"),
        "0",
        "the alternate screen is left"
    );
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let Some(t) = Tmux::start(signal, &shell_command("")) else {
            return;
        };
        t.wait("the timeline", |s| s.contains("events"));
        assert_eq!(t.query("#{alternate_on}"), "1");
        let Some(pid) = t.screen_pid() else {
            return;
        };
        let sig = format!("-{signal}");
        assert!(Command::new("kill")
            .args([sig.as_str(), &pid])
            .status()
            .unwrap()
            .success());
        let s = t.wait("the exit", |s| s.contains("EXIT="));
        assert!(s.contains(&format!("EXIT={code}")), "{signal}: {s}");
        assert_eq!(t.query("#{alternate_on}"), "0", "{signal}");
        assert_eq!(t.query("#{mouse_any_flag}"), "0", "{signal}");
        assert_eq!(t.query("#{cursor_flag}"), "1", "{signal}");
    }
}

#[test]
fn no_color_draws_without_colours_but_shows_the_selection() {
    let command = format!("NO_COLOR=1 {}", shell_command(""));
    let Some(t) = Tmux::start("mono", &command) else {
        return;
    };
    t.wait("the timeline", |s| s.contains("10/10 events"));
    let styled = t.screen_with_styles();
    let mut reverse = false;
    for seq in styled.split('\x1b').skip(1) {
        let Some(seq) = seq.strip_prefix('[') else {
            continue;
        };
        let Some(end) = seq.find('m') else { continue };
        let params: Vec<u32> = seq[..end]
            .split(';')
            .filter_map(|p| p.parse().ok())
            .collect();
        // default colours (39, 49) are fine; any other colour is not
        for p in &params {
            let colour = matches!(p, 30..=38 | 40..=48 | 90..=97 | 100..=107);
            assert!(!colour, "colour {p} in {:?}", &seq[..end]);
        }
        reverse |= params.contains(&7);
    }
    assert!(reverse, "the selection in reverse video");
    t.send(&["q"]);
    t.wait("the exit", |s| s.contains("EXIT=0"));
}

#[test]
fn closing_the_terminal_ends_the_process() {
    let Some(t) = Tmux::start("close", &shell_command("")) else {
        return;
    };
    t.wait("the timeline", |s| s.contains("events"));
    let Some(pid) = t.screen_pid() else {
        return;
    };
    let _ = t.cmd(&["kill-server"]).status();
    // gone, or a zombie waiting to be reaped
    let running = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| !s.contains(") Z "))
            .unwrap_or(false)
    };
    let start = Instant::now();
    while running() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let gone = !running();
    if !gone {
        let _ = Command::new("kill").args(["-KILL", &pid]).status();
    }
    assert!(gone, "the screen kept running after its terminal closed");
}

#[test]
fn a_missing_path_is_an_error_before_the_screen_opens() {
    let Some(t) = Tmux::start(
        "missing",
        &format!("'{BIN}' /no/such/dir; echo EXIT=$?; sleep 30"),
    ) else {
        return;
    };
    let s = t.wait("the exit", |s| s.contains("EXIT="));
    assert!(s.contains("EXIT=2"), "{s}");
    assert!(s.contains("/no/such/dir"), "{s}");
}

#[test]
fn piped_output_is_plain_text_without_control_characters() {
    let out = Command::new(BIN).arg(fixtures()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 10, "{text}");
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    let plain = Command::new(BIN)
        .arg("--plain")
        .arg(fixtures())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(plain.stdout).unwrap(), text);
}
