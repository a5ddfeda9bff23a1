//! The real `newsline` binary on small corpora made in temporary directories: help, version,
//! completions and manual page, exit codes, warnings on stderr and data on stdout, every export
//! format's structure, and `-o` writing safely and never over an input.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

const ARTICLE_A: &str = "---
title: Ministers meet in Vientiane
published: 2024-11-23
source: Test Wire
---
On November 22, 2024, India and Japan met in Vientiane.
The two ministers agreed to hold a joint exercise in March 2025.
";

const ARTICLE_B: &str = "Talks resume in Geneva

GENEVA, Oct 3 (Test Wire) — Delegations from Brazil and Canada met on October 2, 2023.
They said a treaty would be signed in 2024.
";

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_newsline"));
    c.env_remove("NO_COLOR").env_remove("SOURCE_DATE_EPOCH");
    c
}

fn run(args: &[&str], cwd: &Path) -> Output {
    bin().args(args).current_dir(cwd).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// A corpus of two readable articles under `corpus/`.
fn corpus() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    fs::write(c.join("a.txt"), ARTICLE_A).unwrap();
    fs::write(c.join("b.md"), ARTICLE_B).unwrap();
    dir
}

/// Every stderr line is a `newsline:` message (no progress bar when piped).
fn assert_clean_stderr(o: &Output) {
    for line in stderr(o).lines() {
        assert!(line.starts_with("newsline: "), "stray stderr line {line:?}");
    }
    assert!(!o.stderr.contains(&b'\r') && !o.stderr.contains(&0x1b));
}

#[test]
fn every_help_has_examples_and_the_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    for sub in [
        &[][..],
        &["dates"],
        &["export"],
        &["actors"],
        &["completions"],
        &["man"],
    ] {
        let mut args = sub.to_vec();
        args.push("--help");
        let o = run(&args, dir.path());
        assert_eq!(code(&o), 0, "{args:?}");
        let help = stdout(&o);
        assert!(help.contains("Examples:\n  newsline"), "{args:?}: {help}");
        assert!(help.contains("Exit status:"), "{args:?}");
        for c in [
            "0  success",
            "1  finished, but incomplete",
            "2  usage error",
        ] {
            assert!(help.contains(c), "{args:?} lacks {c:?}");
        }
    }
}

#[test]
fn version_and_completions_and_man() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&["--version"], dir.path());
    assert_eq!(code(&o), 0);
    assert_eq!(
        stdout(&o).trim(),
        format!("newsline {}", env!("CARGO_PKG_VERSION"))
    );
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef newsline"),
        ("fish", "complete -c newsline"),
    ] {
        let o = run(&["completions", shell], dir.path());
        assert_eq!(code(&o), 0, "{shell}");
        let s = stdout(&o);
        assert!(s.contains(marker), "{shell}: no {marker:?}");
        for sub in ["export", "dates", "actors"] {
            assert!(s.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let o = run(&["man"], dir.path());
    assert_eq!(code(&o), 0);
    let page = stdout(&o);
    assert!(page.contains(".TH newsline 1"), "{page}");
    assert!(page.contains(".SH SYNOPSIS") && page.contains("export"));
    assert!(page.contains(".SH \"EXIT STATUS\"") && page.contains(".SH \"EXAMPLES\""));
    let o = run(&["man", "export"], dir.path());
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains(".TH newsline-export 1"));
    assert!(stdout(&o).contains("timelinejs"));
    let o = run(&["man", "nonsense"], dir.path());
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with("newsline: nonsense: no such subcommand"));
}

#[test]
fn a_missing_path_is_a_one_line_error_with_status_2() {
    let dir = corpus();
    for sub in ["export", "dates", "actors"] {
        let o = run(&[sub, "corpus", "no-such-dir"], dir.path());
        assert_eq!(code(&o), 2, "{sub}");
        assert_eq!(
            stderr(&o),
            "newsline: no-such-dir: no such file or directory\n",
            "{sub}"
        );
        assert!(o.stdout.is_empty(), "{sub}: no half output");
    }
}

#[test]
fn usage_errors_exit_2() {
    let dir = corpus();
    for args in [
        &["export", "--format", "pdf", "corpus"][..],
        &["export"],
        &["dates", "--published", "yesterday", "corpus"],
        &["completions", "tcsh"],
        &["--color", "sometimes", "corpus"],
    ] {
        let o = run(args, dir.path());
        assert_eq!(code(&o), 2, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        assert!(!stderr(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn a_readable_corpus_exports_in_every_format_with_status_0() {
    let dir = corpus();
    for format in ["json", "jsonl", "csv", "timelinejs", "ics", "md"] {
        let o = run(&["export", "--format", format, "corpus"], dir.path());
        assert_eq!(code(&o), 0, "{format}: {}", stderr(&o));
        assert_clean_stderr(&o);
        let s = stdout(&o);
        match format {
            "json" => {
                let v: Value = serde_json::from_str(&s).unwrap();
                assert!(v["events"].is_array());
            }
            "jsonl" => {
                for line in s.lines() {
                    let v: Value = serde_json::from_str(line).unwrap();
                    assert!(v["mentions"].is_array());
                }
            }
            "csv" => {
                let mut r = csv::Reader::from_reader(s.as_bytes());
                assert_eq!(r.headers().unwrap().len(), 7);
                assert!(r.records().all(|row| row.is_ok_and(|row| row.len() == 7)));
            }
            "timelinejs" => {
                let v: Value = serde_json::from_str(&s).unwrap();
                assert!(v["events"].is_array() && v["title"].is_object());
            }
            "ics" => {
                assert!(s.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
                let unfolded = icalendar::parser::unfold(&s);
                let cal = icalendar::parser::read_calendar(&unfolded).unwrap();
                assert!(cal.properties.iter().any(|p| p.name == "PRODID"));
            }
            "md" => assert!(s.starts_with("# Timeline\n")),
            _ => unreachable!(),
        }
    }
}

#[test]
fn dates_and_actors_keep_their_formats() {
    let dir = corpus();
    let o = run(&["dates", "--format", "json", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let dates = v["dates"].as_array().unwrap();
    for d in dates {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        for k in ["file", "start", "end", "text", "value", "basis"] {
            assert!(keys.contains(&k), "{d}");
        }
    }
    let o = run(&["dates", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    for line in stdout(&o).lines() {
        assert!(line.starts_with("corpus/"), "{line}");
    }
    let o = run(&["actors", "--format", "json", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for a in v["actors"].as_array().unwrap() {
        assert!(a["name"].is_string() && a["kind"].is_string() && a["events"].is_u64());
    }
    let o = run(&["actors", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    for line in stdout(&o).lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert!(
            fields.len() >= 3 && fields[0].parse::<usize>().is_ok(),
            "{line}"
        );
    }
}

#[test]
fn skipped_inputs_and_empty_corpora_exit_1() {
    let dir = corpus();
    fs::write(dir.path().join("corpus/broken.txt"), b"not\0text").unwrap();
    let o = run(&["export", "corpus"], dir.path());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("broken.txt"), "{}", stderr(&o));
    assert_clean_stderr(&o);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["events"].is_array(), "the readable articles still export");
    let o = run(&["dates", "corpus"], dir.path());
    assert_eq!(code(&o), 1);

    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    fs::write(empty.join("notes.pdf"), "not an article").unwrap();
    for sub in ["export", "dates", "actors"] {
        let o = run(&[sub, "empty"], dir.path());
        assert_eq!(code(&o), 1, "{sub}");
        assert!(stderr(&o).contains("no article files"), "{sub}");
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn output_file_is_written_whole_and_beside_no_temp() {
    let dir = corpus();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    fs::write(out.join("events.csv"), "old contents").unwrap();
    let o = run(
        &[
            "export",
            "--format",
            "csv",
            "-o",
            "out/events.csv",
            "corpus",
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "data went to the file");
    let written = fs::read_to_string(out.join("events.csv")).unwrap();
    assert!(written.starts_with("date,precision,basis,title,actors,sources,location\n"));
    assert_eq!(names_in(&out), ["events.csv"]);
    let o = run(&["export", "-o", "out/events.csv", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    assert!(fs::read_to_string(out.join("events.csv"))
        .unwrap()
        .starts_with("date,"));

    // the format follows the file name unless --format says otherwise
    let o = run(&["export", "-o", "out/cal.ics", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    let cal = fs::read_to_string(out.join("cal.ics")).unwrap();
    assert!(cal.starts_with("BEGIN:VCALENDAR\r\n"));
    let o = run(
        &["export", "--format", "md", "-o", "out/notes.csv", "corpus"],
        dir.path(),
    );
    assert_eq!(code(&o), 0);
    assert!(fs::read_to_string(out.join("notes.csv"))
        .unwrap()
        .starts_with("# "));

    let o = run(&["export", "-o", "-", "corpus"], dir.path());
    assert_eq!(code(&o), 0);
    assert!(serde_json::from_slice::<Value>(&o.stdout).is_ok());

    let o = run(
        &["export", "-o", "missing/dir/x.json", "corpus"],
        dir.path(),
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing/dir/x.json"), "{}", stderr(&o));
    let o = run(&["export", "-o", "out", "corpus"], dir.path());
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o), "newsline: out: is a directory\n");
}

#[test]
fn output_never_overwrites_an_input() {
    let dir = corpus();
    let a: PathBuf = dir.path().join("corpus/a.txt");
    for target in ["corpus/a.txt", "./corpus/../corpus/b.md"] {
        let o = run(
            &["export", "--format", "md", "-o", target, "corpus"],
            dir.path(),
        );
        assert_eq!(code(&o), 2, "{target}");
        assert!(stderr(&o).contains("is an input file"), "{}", stderr(&o));
    }
    let o = run(
        &["export", "-o", "corpus/a.txt", "corpus/a.txt"],
        dir.path(),
    );
    assert_eq!(code(&o), 2);
    assert_eq!(fs::read_to_string(&a).unwrap(), ARTICLE_A);
    assert_eq!(
        fs::read_to_string(dir.path().join("corpus/b.md")).unwrap(),
        ARTICLE_B
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&a, dir.path().join("link.txt")).unwrap();
        let o = run(&["export", "-o", "link.txt", "corpus"], dir.path());
        assert_eq!(code(&o), 2);
        assert_eq!(fs::read_to_string(&a).unwrap(), ARTICLE_A);
    }
    // a new file inside an input directory is allowed, with a warning
    let o = run(
        &[
            "export",
            "--format",
            "md",
            "-o",
            "corpus/timeline.md",
            "corpus",
        ],
        dir.path(),
    );
    assert_eq!(code(&o), 0);
    assert!(stderr(&o).contains("inside an input directory"));
}

#[test]
fn colour_options_and_no_color_are_accepted_everywhere() {
    let dir = corpus();
    for (args, no_color) in [
        (&["--color", "never", "export", "corpus"][..], false),
        (&["--color=always", "dates", "corpus"], false),
        (&["export", "--color", "auto", "corpus"], false),
        (&["actors", "corpus", "--color=never"], false),
        (&["export", "corpus"], true),
    ] {
        let mut c = bin();
        c.args(args).current_dir(dir.path());
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let o = c.output().unwrap();
        assert_eq!(code(&o), 0, "{args:?}: {}", stderr(&o));
        assert_clean_stderr(&o);
    }
    let o = bin()
        .args(["--color", "never", "export", "--help"])
        .output()
        .unwrap();
    assert!(
        !o.stdout.contains(&0x1b),
        "no colour in help when told never"
    );
}
