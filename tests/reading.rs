//! Reading a corpus from disk: walking files and directories, and every kind of bad input
//! (binary, not UTF-8, empty, unreadable, broken front matter, symlink loops) giving one warning
//! that names the file while every other article is still read.

use std::fs;
use std::path::{Path, PathBuf};

use newsline::article::{Article, ReferenceBasis};
use newsline::corpus::{self, FileKind};
use newsline::pipeline::{self, Options};
use newsline::sentences::split_article;
use newsline::Error;
use tempfile::TempDir;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn names(listing: &corpus::Listing, root: &Path) -> Vec<String> {
    listing
        .files
        .iter()
        .map(|(p, _)| p.strip_prefix(root).unwrap_or(p).display().to_string())
        .collect()
}

fn read(path: &Path) -> (Option<Article>, Vec<String>) {
    let mut w = Vec::new();
    let a = pipeline::read_article(path, &Options::default(), &mut w);
    (a, w)
}

#[test]
fn directories_are_walked_recursively_in_order() {
    let d = TempDir::new().unwrap();
    let root = d.path();
    write(root, "b.txt", b"B");
    write(root, "a.md", b"A");
    write(root, "sub/c.txt", b"C");
    write(root, "sub/deeper/d.markdown", b"D");
    write(root, "notes.pdf", b"%PDF");
    write(root, ".hidden.txt", b"H");
    write(root, "README.md", b"about this folder");
    write(root, "shard.jsonl", b"{}");
    let l = corpus::list(&[root.to_path_buf()]).unwrap();
    assert_eq!(
        names(&l, root),
        [
            "a.md",
            "b.txt",
            "shard.jsonl",
            "sub/c.txt",
            "sub/deeper/d.markdown"
        ]
    );
    assert_eq!(l.files[2].1, FileKind::EventsJsonl);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
}

#[test]
fn a_file_named_explicitly_is_read_whatever_its_extension_and_only_once() {
    let d = TempDir::new().unwrap();
    let f = write(d.path(), "story.html", b"Text.");
    let l = corpus::list(&[f.clone(), f.clone(), d.path().to_path_buf()]).unwrap();
    assert_eq!(l.files.len(), 1);
    assert_eq!(l.files[0], (f, FileKind::Article));
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let d = TempDir::new().unwrap();
    let missing = d.path().join("nope");
    match corpus::list(&[d.path().to_path_buf(), missing.clone()]) {
        Err(Error::NotFound(p)) => assert_eq!(p, missing),
        other => panic!("expected NotFound, got {other:?}"),
    }
    let err = corpus::list(&[missing]).unwrap_err().to_string();
    assert!(
        err.contains("nope") && err.contains("no such file"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_directory_is_followed_once_and_loops_end() {
    use std::os::unix::fs::symlink;
    let d = TempDir::new().unwrap();
    let root = d.path();
    write(root, "real/a.txt", b"A");
    symlink(root.join("real"), root.join("link")).unwrap();
    symlink(root, root.join("real/up")).unwrap(); // a loop back to the root
    symlink(root.join("gone"), root.join("dangling.txt")).unwrap();
    let l = corpus::list(&[root.to_path_buf()]).unwrap();
    let n = names(&l, root);
    assert_eq!(n.len(), 1, "{n:?}");
    assert!(n[0].ends_with("a.txt"));
    assert_eq!(l.warnings.len(), 1, "{:?}", l.warnings);
    assert!(l.warnings[0].contains("dangling.txt"));
}

#[cfg(unix)]
#[test]
fn a_file_reached_by_a_link_or_under_a_second_name_is_listed_once() {
    use std::os::unix::fs::symlink;
    let d = TempDir::new().unwrap();
    let root = d.path();
    let a = write(root, "a.txt", b"A");
    write(root, "b.txt", b"B");
    fs::hard_link(&a, root.join("c.txt")).unwrap(); // the same file under a second name
    symlink(&a, root.join("d.txt")).unwrap(); // a link to it
    fs::create_dir(root.join("sub")).unwrap();
    symlink(root.join("b.txt"), root.join("sub/e.md")).unwrap(); // a link from below
    fs::hard_link(&a, root.join("sub/f.txt")).unwrap();
    let l = corpus::list(&[root.to_path_buf()]).unwrap();
    assert_eq!(names(&l, root), ["a.txt", "b.txt"], "{:?}", l.warnings);
    assert!(l.warnings.is_empty(), "{:?}", l.warnings);
    // named explicitly, after the walk found it, still once
    let l = corpus::list(&[root.to_path_buf(), root.join("d.txt")]).unwrap();
    assert_eq!(names(&l, root), ["a.txt", "b.txt"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_given_directly_terminates() {
    use std::os::unix::fs::symlink;
    let d = TempDir::new().unwrap();
    symlink(d.path().join("b"), d.path().join("a")).unwrap();
    symlink(d.path().join("a"), d.path().join("b")).unwrap();
    let r = corpus::list(&[d.path().join("a")]);
    match r {
        Ok(l) => assert_eq!(l.warnings.len(), 1),
        Err(e) => assert!(e.to_string().contains('a')),
    }
    let l = corpus::list(&[d.path().to_path_buf()]).unwrap();
    assert!(l.files.is_empty());
}

#[test]
fn bad_files_are_one_warning_each_and_the_rest_still_load() {
    let d = TempDir::new().unwrap();
    let root = d.path();
    write(
        root,
        "01-good.txt",
        b"Talks open\n\nThe ministers met. They agreed.\n",
    );
    write(
        root,
        "02-binary.txt",
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    );
    write(root, "03-empty.txt", b"");
    write(
        root,
        "04-latin1.txt",
        b"Caf\xe9 talks\n\nThe minist\xe8re spoke.\n",
    );
    write(
        root,
        "05-broken.md",
        b"---\ntitle: x\nno end of the block\n",
    );
    write(
        root,
        "06-baddate.txt",
        b"---\npublished: 2024-13-45\n---\nText.\n",
    );
    write(root, "07-good.md", b"Second\n\nMore text here.\n");
    let loaded = pipeline::load(&[root.to_path_buf()], &Options::default()).unwrap();
    let w = &loaded.warnings;
    assert_eq!(w.len(), 5, "{w:#?}");
    for (file, what) in [
        ("02-binary.txt", "binary"),
        ("03-empty.txt", "empty"),
        ("04-latin1.txt", "UTF-8"),
        ("05-broken.md", "not closed"),
        ("06-baddate.txt", "2024-13-45"),
    ] {
        assert_eq!(
            w.iter()
                .filter(|l| l.contains(file) && l.contains(what))
                .count(),
            1,
            "{file}: {w:#?}"
        );
    }
    // Binary and empty files are skipped; the others are read.
    assert_eq!(loaded.timeline.articles.len(), 5);
}

#[test]
fn latin1_text_is_read_with_file_offsets() {
    let d = TempDir::new().unwrap();
    let bytes = b"Caf\xe9 talks\n\nThe minist\xe8re spoke. It agreed.\n";
    let p = write(d.path(), "l.txt", bytes);
    let (a, w) = read(&p);
    let a = a.unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(a.text.len(), bytes.len());
    let s = split_article(&a);
    assert_eq!(s.len(), 3);
    assert_eq!(&bytes[s[1].start..s[1].end], b"The minist\xe8re spoke.");
}

#[test]
fn bom_crlf_and_lone_cr_files_keep_disk_offsets() {
    let d = TempDir::new().unwrap();
    let bytes = "\u{feff}---\r\ntitle: Talks\r\npublished: 2020-09-11\r\n---\r\nTalks\r\n\r\nOne here. Two here.\r\n";
    let p = write(d.path(), "crlf.txt", bytes.as_bytes());
    let (a, w) = read(&p);
    let a = a.unwrap();
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(a.reference_basis, Some(ReferenceBasis::FrontMatter));
    let s = split_article(&a);
    let got: Vec<&str> = s.iter().map(|x| &bytes[x.start..x.end]).collect();
    assert_eq!(got, ["Talks", "One here.", "Two here."]);
    let bytes = "Head\r\rOne.\rTwo.";
    let p = write(d.path(), "cr.txt", bytes.as_bytes());
    let a = read(&p).0.unwrap();
    let got: Vec<&str> = split_article(&a)
        .iter()
        .map(|x| &bytes[x.start..x.end])
        .collect();
    assert_eq!(got, ["Head", "One.", "Two."]);
}

#[test]
fn front_matter_unknown_keys_are_ignored_and_broken_lines_warn_once() {
    let d = TempDir::new().unwrap();
    let p = write(
        d.path(),
        "fm.md",
        b"---\ntitle: T\nauthor: Someone\ntags:\n  - a\nweird line\nanother one\n---\nBody.\n",
    );
    let (a, w) = read(&p);
    let a = a.unwrap();
    assert_eq!(a.title(), "T");
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("fm.md") && w[0].contains("line 6"), "{w:?}");
}

#[test]
fn unterminated_front_matter_is_read_as_text_with_a_warning() {
    let d = TempDir::new().unwrap();
    let p = write(
        d.path(),
        "u.md",
        b"---\ntitle: T\nThe talks ended. All left.\n",
    );
    let (a, w) = read(&p);
    let a = a.unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(a.body_start, 0);
    let texts: Vec<&str> = split_article(&a).iter().map(|s| s.text(&a.text)).collect();
    assert!(texts.contains(&"The talks ended."), "{texts:?}");
}

#[test]
fn a_dateline_sets_the_reference_date_without_front_matter() {
    let d = TempDir::new().unwrap();
    let p = write(
        d.path(),
        "w.txt",
        "Talks open\n\nGENEVA, March 3, 2021 (Reuters) — Talks opened on Tuesday.\n".as_bytes(),
    );
    let a = read(&p).0.unwrap();
    assert_eq!(
        a.reference.map(|d| d.to_string()).as_deref(),
        Some("2021-03-03")
    );
    assert_eq!(a.reference_basis, Some(ReferenceBasis::Dateline));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let d = TempDir::new().unwrap();
    let p = write(d.path(), "locked.txt", b"Secret.");
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        return; // running with privileges that read anything: nothing to check
    }
    let (a, w) = read(&p);
    assert!(a.is_none());
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("locked.txt"));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_not_read() {
    let d = TempDir::new().unwrap();
    let fifo = d.path().join("pipe.txt");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return;
    }
    let l = corpus::list(&[d.path().to_path_buf(), fifo.clone()]).unwrap();
    assert!(l.files.is_empty());
    assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
}
