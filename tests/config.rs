//! The config file through the real binary: `config --print-default` parses back into the
//! defaults, a broken file is one warning with its line and newsline goes on with the defaults,
//! and `--config` beats `NEWSLINE_CONFIG`.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use tempfile::TempDir;

const ARTICLE: &str = "---
title: Ministers meet
published: 2024-11-23
---
On November 22, 2024, India and Japan met in Vientiane.
";

fn bin(home: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsline"));
    // a private home, so the platform config file is never the user's
    c.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("NEWSLINE_CONFIG")
        .env_remove("NO_COLOR")
        .current_dir(home);
    c
}

fn run(c: &mut Command) -> Output {
    c.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn table(src: &str) -> toml::Table {
    src.parse().unwrap()
}

#[test]
fn print_default_is_complete_and_parses_back_into_the_defaults() {
    let home = TempDir::new().unwrap();
    let o = run(bin(home.path()).args(["config", "--print-default"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with('#'), "commented");
    let t = table(&text);
    assert_eq!(t["ui"]["sort"].as_str(), Some("oldest-first"));
    assert_eq!(t["ui"]["dates"].as_str(), Some("iso"));
    let keys = table(include_str!("../assets/keymap.toml"));
    let theme = table(include_str!("../assets/theme.toml"));
    assert_eq!(t["keys"].as_table(), Some(&keys));
    assert_eq!(t["theme"].as_table(), Some(&theme));
    assert_eq!(t.len(), 3, "only ui, keys and theme");

    // Read back, it gives no warning, whether from the platform path or a named file.
    let platform = run(bin(home.path()).args(["config", "--path"]));
    let platform = stdout(&platform).trim().to_string();
    assert!(platform.ends_with("config.toml"), "{platform}");
    fs::create_dir_all(Path::new(&platform).parent().unwrap()).unwrap();
    fs::write(&platform, &text).unwrap();
    let o = run(bin(home.path()).args(["config", "--path"]));
    assert_eq!(stdout(&o).trim(), platform);
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    let named = home.path().join("mine.toml");
    fs::write(&named, &text).unwrap();
    let o = run(bin(home.path()).args(["--config", "mine.toml", "config", "--print-default"]));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        text,
        "the defaults do not depend on the file read"
    );
}

#[test]
fn a_broken_file_is_one_warning_with_its_line_and_the_run_goes_on() {
    let home = TempDir::new().unwrap();
    let dir = home.path();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(
        dir.join("broken.toml"),
        "[ui]\nsort = \"newest-first\"\n\n[keys\nquit = [\"x\"]\n",
    )
    .unwrap();
    let o = run(bin(dir).args(["--config", "broken.toml", "export", "a.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(
        lines[0].starts_with("newsline: warning: broken.toml:4:"),
        "names the file and line: {err}"
    );
    assert!(lines[0].ends_with("; using the defaults"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !v["events"].as_array().unwrap().is_empty(),
        "the corpus is still read"
    );

    // Not UTF-8, and a missing named file: one line each, and still status 0.
    fs::write(dir.join("latin.toml"), b"[ui]\nsort = \"\xe9\"\n").unwrap();
    for (file, why) in [("latin.toml", "UTF-8"), ("missing.toml", "no such file")] {
        let o = run(bin(dir).args(["export", "--config", file, "a.txt"]));
        assert_eq!(o.status.code(), Some(0), "{file}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(file) && err.contains(why), "{err}");
    }
}

#[test]
fn an_unknown_ui_value_names_the_file_and_key_and_keeps_the_rest() {
    let home = TempDir::new().unwrap();
    let dir = home.path();
    fs::write(
        dir.join("c.toml"),
        "[ui]\ndates = \"long\"\nsort = \"sideways\"\n[theme]\ndate = \"red\"\n",
    )
    .unwrap();
    let o = run(bin(dir).args(["--config", "c.toml", "config", "--path"]));
    assert_eq!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("newsline: warning: c.toml:3:") && err.contains("sort"),
        "{err}"
    );
    assert!(
        err.contains("sideways") && err.contains("oldest-first"),
        "{err}"
    );
}

#[test]
fn the_option_beats_the_environment_which_beats_the_platform_file() {
    let home = TempDir::new().unwrap();
    let dir = home.path();
    fs::write(dir.join("env.toml"), "this is = = not toml\n").unwrap();
    fs::write(dir.join("flag.toml"), "[ui]\nsort = \"newest-first\"\n").unwrap();
    let o = run(bin(dir)
        .env("NEWSLINE_CONFIG", "env.toml")
        .args(["config", "--path"]));
    assert_eq!(stdout(&o).trim(), "env.toml");
    assert!(stderr(&o).contains("env.toml:1:"), "{}", stderr(&o));
    for args in [
        &["--config", "flag.toml", "config", "--path"][..],
        &["config", "--path", "--config", "flag.toml"],
        &["config", "--config=flag.toml", "--path"],
    ] {
        let o = run(bin(dir).env("NEWSLINE_CONFIG", "env.toml").args(args));
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert_eq!(stdout(&o).trim(), "flag.toml", "{args:?}");
        assert!(o.stderr.is_empty(), "{args:?}: {}", stderr(&o));
    }
    // An empty NEWSLINE_CONFIG is no setting.
    let o = run(bin(dir)
        .env("NEWSLINE_CONFIG", "")
        .args(["config", "--path"]));
    assert!(stdout(&o).trim().ends_with("config.toml"));
    assert_ne!(stdout(&o).trim(), "env.toml");
}

#[test]
fn a_leading_config_option_leaves_the_screen_and_subcommands_alone() {
    let home = TempDir::new().unwrap();
    let dir = home.path();
    fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    fs::write(dir.join("c.toml"), "[ui]\ndates = \"long\"\n").unwrap();
    let o = run(bin(dir).args(["--config", "c.toml", "--plain", "a.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("2024-11-22"), "{}", stdout(&o));
    let o = run(bin(dir).args(["--config", "c.toml", "--color", "never", "actors", "a.txt"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}
