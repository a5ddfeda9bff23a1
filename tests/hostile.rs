//! Hostile input through the real binary, one test per class: what a user sees on stdout and
//! stderr, and the exit status. Every class is placed beside a good article, which must still
//! be read: a bad file is one warning line naming it and why, text that is not quite right is
//! read (lossily where it must be, with a warning), and nothing panics.
//!
//! Exit status: 0 when every input was read (lossily or not), 1 when an input was skipped (a
//! file, a broken link, or a line of an events file) or there was nothing to read, 2 for a path
//! that does not exist.

use std::fs;
use std::io::{BufWriter, Write};
use std::process::{Command, Output};

use serde_json::Value;
use tempfile::TempDir;

const GOOD: &str = "---
title: Ministers meet in Vientiane
published: 2024-11-23
source: Test Wire
---
On November 22, 2024, India and Japan signed a defence pact in Vientiane.
";

/// A directory holding `corpus/good.txt`.
fn corpus() -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::write(dir.path().join("corpus/good.txt"), GOOD).unwrap();
    dir
}

fn put(dir: &TempDir, name: &str, bytes: &[u8]) {
    fs::write(dir.path().join("corpus").join(name), bytes).unwrap();
}

fn run(dir: &TempDir, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsline"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env_remove("NEWSLINE_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
        .output()
        .unwrap()
}

/// What a run showed: its status, stdout and stderr lines.
struct Shown {
    code: i32,
    out: String,
    err: Vec<String>,
}

fn shown(o: Output) -> Shown {
    let err = String::from_utf8(o.stderr).expect("stderr is UTF-8");
    for l in err.lines() {
        assert!(l.starts_with("newsline: "), "stray stderr line {l:?}");
    }
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    Shown {
        code: o.status.code().unwrap_or(-1),
        out: String::from_utf8(o.stdout).expect("stdout is UTF-8"),
        err: err.lines().map(str::to_string).collect(),
    }
}

/// `export --format json corpus` and `--plain corpus`: both must agree on status and warnings.
fn both(dir: &TempDir) -> (Shown, Value, Shown) {
    let json = shown(run(dir, &["export", "--format", "json", "corpus"]));
    let v: Value = serde_json::from_str(&json.out).expect("the export is JSON");
    let plain = shown(run(dir, &["--plain", "corpus"]));
    assert_eq!(
        json.code, plain.code,
        "export and --plain agree on the status"
    );
    assert_eq!(json.err, plain.err, "export and --plain warn alike");
    (json, v, plain)
}

fn events(v: &Value) -> &Vec<Value> {
    v["events"].as_array().expect("an events array")
}

/// Events with a mention in a file whose name ends with `name`.
fn events_from<'a>(v: &'a Value, name: &str) -> Vec<&'a Value> {
    events(v)
        .iter()
        .filter(|e| {
            e["mentions"].as_array().unwrap().iter().any(|m| {
                m["file"]
                    .as_str()
                    .is_some_and(|f| f.replace('\\', "/").ends_with(name))
            })
        })
        .collect()
}

/// The good article was read: its event is exported and printed.
fn good_is_read(v: &Value, plain: &Shown) {
    let e = events_from(v, "/good.txt");
    assert_eq!(e.len(), 1, "the good article's event: {v:#}");
    assert_eq!(e[0]["date"], "2024-11-22");
    let title = e[0]["title"].as_str().unwrap();
    assert!(
        plain.out.lines().any(|l| l.contains(title)),
        "{title:?} in {:?}",
        plain.out
    );
}

/// Exactly one warning, naming `file` and containing `why`.
fn one_warning(s: &Shown, file: &str, why: &str) {
    assert_eq!(s.err.len(), 1, "one warning: {:#?}", s.err);
    let w = &s.err[0];
    assert!(
        w.starts_with("newsline: warning: ") && w.contains(file) && w.contains(why),
        "{w:?} should name {file:?} and say {why:?}"
    );
}

/// A bad file is skipped: one warning, status 1, the good article still read.
fn skipped(name: &str, bytes: &[u8], why: &str) {
    let dir = corpus();
    put(&dir, name, bytes);
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 1, "{name}: {:?}", json.err);
    one_warning(&json, name, why);
    good_is_read(&v, &plain);
    assert!(events_from(&v, name).is_empty());
}

/// Bytes from a small xorshift generator: the same every run.
fn noise(n: usize, seed: u64) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn a_zero_byte_file_is_skipped() {
    skipped("empty.txt", b"", "empty file");
}

#[test]
fn nul_bytes_and_random_bytes_are_binary_and_skipped() {
    skipped(
        "nul.txt",
        b"The talks \0opened on Monday.\0\0\x01\x02",
        "binary file",
    );
    skipped(
        "random.txt",
        &noise(64 * 1024, 0x9e37_79b9_7f4a_7c15),
        "binary file",
    );
    let no_nul: Vec<u8> = noise(8192, 7).into_iter().map(|b| b.max(1)).collect();
    skipped("random.md", &no_nul, "binary file");
}

#[test]
fn latin1_text_is_read_lossily_with_a_warning() {
    let dir = corpus();
    put(
        &dir,
        "latin1.txt",
        b"Caf\xe9 talks in Qu\xe9bec\n\nOn November 22, 2024, the minist\xe8re in Qu\xe9bec \
          signed a treaty with Japan.\n",
    );
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0, "read lossily is read: {:?}", json.err);
    one_warning(&json, "latin1.txt", "not UTF-8");
    good_is_read(&v, &plain);
    let e = events_from(&v, "latin1.txt");
    assert_eq!(e.len(), 1, "{v:#}");
    assert_eq!(e[0]["date"], "2024-11-22");
    let m = &e[0]["mentions"][0];
    assert_eq!(
        m["title"], "Cafe talks in Quebec",
        "accents folded, not dropped"
    );
    assert_eq!(m["line"], 3);
}

#[test]
fn a_byte_order_mark_is_skipped_silently() {
    let dir = corpus();
    put(
        &dir,
        "bom-fm.txt",
        "\u{feff}---\ntitle: Talks open\npublished: 2024-11-23\n---\nOn November 20, 2024, \
         India and Japan met in Tokyo.\n"
            .as_bytes(),
    );
    put(
        &dir,
        "bom-plain.txt",
        "\u{feff}Summit in Geneva\n\nOn November 21, 2024, Brazil and Canada met in Geneva.\n"
            .as_bytes(),
    );
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0);
    assert!(json.err.is_empty(), "{:?}", json.err);
    good_is_read(&v, &plain);
    for (file, date, title) in [
        ("bom-fm.txt", "2024-11-20", "Talks open"),
        ("bom-plain.txt", "2024-11-21", "Summit in Geneva"),
    ] {
        let e = events_from(&v, file);
        assert_eq!(e.len(), 1, "{file}: {v:#}");
        assert_eq!(e[0]["date"], date);
        assert_eq!(e[0]["mentions"][0]["title"], title, "{file}");
    }
    assert!(!json.out.contains('\u{feff}') && !plain.out.contains('\u{feff}'));
}

#[test]
fn crlf_and_lone_cr_line_ends_are_lines() {
    let dir = corpus();
    let body = "---|title: Talks resume|published: 2024-11-23|---|Talks resume||\
                The delegates arrived early.|On November 21, 2024, Brazil and Canada met in Geneva.|";
    put(&dir, "crlf.txt", body.replace('|', "\r\n").as_bytes());
    put(&dir, "cr.txt", body.replace('|', "\r").as_bytes());
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0);
    assert!(json.err.is_empty(), "{:?}", json.err);
    good_is_read(&v, &plain);
    for file in ["crlf.txt", "cr.txt"] {
        let e = events_from(&v, file);
        assert_eq!(e.len(), 1, "{file}: {v:#}");
        assert_eq!(e[0]["date"], "2024-11-21");
        let m = &e[0]["mentions"][0];
        assert_eq!(m["title"], "Talks resume");
        assert_eq!(m["line"], 8, "{file}: every line end counts");
        assert!(!e[0]["title"].as_str().unwrap().contains('\r'));
    }
    assert!(!plain.out.contains('\r'));
}

#[test]
fn a_100_mb_article_is_skipped_with_its_size() {
    let dir = corpus();
    let path = dir.path().join("corpus/huge.txt");
    let mut w = BufWriter::new(fs::File::create(&path).unwrap());
    let para = "The ministers met again on Monday and talked for hours about the pact.\n\n";
    let mut written = 0;
    while written < 100 << 20 {
        w.write_all(para.as_bytes()).unwrap();
        written += para.len();
    }
    w.flush().unwrap();
    drop(w);
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 1);
    one_warning(&json, "huge.txt", "100 MB: too large");
    good_is_read(&v, &plain);
    assert!(events_from(&v, "huge.txt").is_empty());
}

#[test]
fn a_2_mb_single_line_is_read() {
    let dir = corpus();
    let mut line = String::from("On November 21, 2024, Brazil and Canada signed a trade pact. ");
    // shapes that once were slow: no spaces to cut at, open parentheses, labels a dateline
    // reader looks at, combining marks, capitals a place name is made of
    let filler = ["word ", "(x ", "Published ", "e\u{301} ", "WASHINGTON "];
    let mut i = 0;
    while line.len() < 2 << 20 {
        line.push_str(filler[i % filler.len()]);
        i += 1;
    }
    line.push('\n');
    put(&dir, "long-line.txt", line.as_bytes());
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0, "{:?}", json.err);
    assert!(json.err.is_empty(), "{:?}", json.err);
    good_is_read(&v, &plain);
    let e = events_from(&v, "long-line.txt");
    assert!(
        e.iter().any(|e| e["date"] == "2024-11-21"),
        "the dated sentence of the long line: {v:#}"
    );
    for e in &e {
        assert!(
            e["title"].as_str().unwrap().len() < 4096,
            "titles stay short"
        );
    }
}

#[test]
fn emoji_cjk_arabic_and_combining_marks_are_kept_whole() {
    let dir = corpus();
    let title = "Summit 🙂 東京 قمة Ame\u{301}lie";
    let text = format!(
        "---\ntitle: {title}\npublished: 2024-11-23\n---\n\
         On November 21, 2024, India and Japan met in Tokyo 🙂 to sign a pact.\n\
         日本とインドは会談した。会談は東京で行われた。\n\
         وقال الوزير إن المحادثات كانت مثمرة.\n\
         Ame\u{301}lie Dupont and 👩‍👩‍👧 families watched.\n"
    );
    put(&dir, "scripts.md", text.as_bytes());
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0);
    assert!(json.err.is_empty(), "{:?}", json.err);
    good_is_read(&v, &plain);
    let e = events_from(&v, "scripts.md");
    assert!(!e.is_empty(), "{v:#}");
    for e in &e {
        for m in e["mentions"].as_array().unwrap() {
            assert_eq!(m["title"], title, "the title is kept as written");
            let (s, end) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
            let (s, end) = (s as usize, end as usize);
            assert!(s < end && end <= text.len());
            assert!(text.is_char_boundary(s) && text.is_char_boundary(end));
        }
    }
    assert!(e.iter().any(|e| e["date"] == "2024-11-21"));
}

#[test]
fn unterminated_front_matter_is_read_as_text_with_a_warning() {
    let dir = corpus();
    put(
        &dir,
        "open.md",
        b"---\ntitle: Talks\nsource: Nowhere\n\nOn November 21, 2024, Brazil and Canada met in Geneva.\n",
    );
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0, "read as text is read: {:?}", json.err);
    one_warning(&json, "open.md", "not closed");
    good_is_read(&v, &plain);
    let e = events_from(&v, "open.md");
    assert_eq!(e.len(), 1, "{v:#}");
    assert_eq!(e[0]["date"], "2024-11-21");
}

#[test]
fn an_impossible_date_is_a_warning_and_the_article_is_read() {
    let dir = corpus();
    put(
        &dir,
        "baddate.md",
        b"---\ntitle: Talks\npublished: 2024-13-45\n---\nOn November 21, 2024, Brazil and Canada met in Geneva.\n",
    );
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0, "{:?}", json.err);
    one_warning(&json, "baddate.md", "2024-13-45");
    good_is_read(&v, &plain);
    let e = events_from(&v, "baddate.md");
    assert_eq!(e.len(), 1, "{v:#}");
    assert_eq!(e[0]["date"], "2024-11-21");
    assert!(
        e[0]["mentions"][0]["published"].is_null(),
        "no made-up publication date"
    );
}

#[test]
fn unknown_front_matter_keys_are_ignored_silently() {
    let dir = corpus();
    put(
        &dir,
        "keys.md",
        b"---\ntitle: Talks in Geneva\nauthor: Someone\ntags:\n  - trade\n  - talks\nx-custom: 1\n\
          published: 2024-11-23\n---\nOn Thursday, Brazil and Canada met in Geneva.\n",
    );
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 0);
    assert!(json.err.is_empty(), "{:?}", json.err);
    good_is_read(&v, &plain);
    let e = events_from(&v, "keys.md");
    assert_eq!(e.len(), 1, "{v:#}");
    let m = &e[0]["mentions"][0];
    assert_eq!(m["title"], "Talks in Geneva");
    assert_eq!(m["published"], "2024-11-23");
    assert_eq!(e[0]["date"], "2024-11-21", "resolved against `published`");
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_broken_links_are_named() {
    use std::os::unix::fs::symlink;
    let dir = corpus();
    let c = dir.path().join("corpus");
    fs::create_dir(c.join("sub")).unwrap();
    fs::write(
        c.join("sub/other.txt"),
        "Talks in Geneva\n\nOn November 21, 2024, Brazil and Canada met in Geneva.\n",
    )
    .unwrap();
    symlink(&c, c.join("sub/up")).unwrap(); // a directory loop back to the root
    symlink(c.join("sub"), c.join("again")).unwrap(); // the same directory twice
    let (json, v, plain) = both(&dir);
    assert_eq!(
        json.code, 0,
        "a directory loop is followed once: {:?}",
        json.err
    );
    assert!(json.err.is_empty(), "{:?}", json.err);
    good_is_read(&v, &plain);
    assert_eq!(events_from(&v, "other.txt").len(), 1, "read once: {v:#}");

    symlink(c.join("loop-b"), c.join("loop-a")).unwrap(); // links to each other
    symlink(c.join("loop-a"), c.join("loop-b")).unwrap();
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 1);
    assert_eq!(json.err.len(), 2, "{:#?}", json.err);
    for (w, name) in json.err.iter().zip(["loop-a", "loop-b"]) {
        assert!(w.contains(name) && w.contains("symbolic links"), "{w}");
    }
    good_is_read(&v, &plain);
    assert_eq!(events_from(&v, "other.txt").len(), 1);
}

#[test]
fn a_path_that_does_not_exist_is_an_error() {
    let dir = corpus();
    for args in [
        &["export", "--format", "json", "corpus", "nowhere"][..],
        &["--plain", "corpus", "nowhere"],
    ] {
        let s = shown(run(&dir, args));
        assert_eq!(s.code, 2, "{args:?}");
        assert_eq!(
            s.err,
            ["newsline: nowhere: no such file or directory"],
            "{args:?}"
        );
        assert!(s.out.is_empty(), "{args:?}: nothing half done");
    }
}

#[test]
fn a_directory_with_no_articles_says_so() {
    let dir = TempDir::new().unwrap();
    fs::create_dir_all(dir.path().join("corpus/deeper")).unwrap();
    put(&dir, "photo.jpg", b"\xff\xd8\xff\xe0");
    put(&dir, "deeper/.hidden.txt", b"Hidden.");
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 1);
    one_warning(&json, "no article files", "found");
    assert!(events(&v).is_empty());
    assert!(plain.out.is_empty());
}

#[test]
fn an_events_file_with_a_broken_line_loads_its_other_lines() {
    let dir = corpus();
    fs::write(
        dir.path().join("other.txt"),
        "Talks in Geneva\n\nOn November 21, 2024, Brazil and Canada met in Geneva.\n\n\
         On November 25, 2024, Chile and Peru signed a trade pact in Lima.\n",
    )
    .unwrap();
    let shard = shown(run(&dir, &["export", "--format", "jsonl", "other.txt"]));
    assert_eq!(shard.code, 0);
    let lines: Vec<&str> = shard.out.lines().collect();
    assert_eq!(lines.len(), 2, "{}", shard.out);
    let broken = format!("{}\n{{\"date\": \"2024-11-2\n{}\n", lines[0], lines[1]);
    put(&dir, "events.jsonl", broken.as_bytes());
    let (json, v, plain) = both(&dir);
    assert_eq!(json.code, 1, "a lost line is an incomplete run");
    one_warning(&json, "events.jsonl", "line 2");
    good_is_read(&v, &plain);
    let dates: Vec<&str> = events_from(&v, "other.txt")
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2024-11-21", "2024-11-25"]);
}
