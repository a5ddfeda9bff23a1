//! Walking the paths the user gave: files and directories (recursive, sorted, a symlinked
//! directory followed once), reading bytes, rejecting binary files, decoding text. Problems with
//! one file are warnings; the rest still load.

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::Error;

/// Files larger than this are not articles: they are skipped with a warning.
pub const MAX_ARTICLE_BYTES: u64 = 32 << 20;

/// What a path turned out to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A `.txt` or `.md` article.
    Article,
    /// A `.jsonl` file of events (a shard from `newsline export --format jsonl`).
    EventsJsonl,
}

/// The files found under the given paths, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Listing {
    /// Files to read, in order.
    pub files: Vec<(PathBuf, FileKind)>,
    /// One line per problem (a file or directory that was skipped, and why).
    pub warnings: Vec<String>,
}

fn kind_of(path: &Path) -> Option<FileKind> {
    match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
        "txt" | "md" | "markdown" => Some(FileKind::Article),
        "jsonl" | "ndjson" => Some(FileKind::EventsJsonl),
        _ => None,
    }
}

/// The walk's state: what was already listed, so that nothing is read twice.
#[derive(Default)]
struct Seen {
    dirs: HashSet<PathBuf>,
    files: HashSet<FileId>,
}

/// What makes a file itself, however it is reached (by a link, or a directory named twice):
/// its device and inode where there are such, else its canonical path.
#[cfg(unix)]
type FileId = (u64, u64);
#[cfg(not(unix))]
type FileId = PathBuf;

#[cfg(unix)]
fn file_id(_path: &Path, meta: &fs::Metadata) -> FileId {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn file_id(path: &Path, _meta: &fs::Metadata) -> FileId {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Seen {
    /// True the first time a file is met (`meta` is its metadata, links followed).
    fn first_file(&mut self, path: &Path, meta: &fs::Metadata) -> bool {
        self.files.insert(file_id(path, meta))
    }
}

/// Lists the article and event files under `paths`. A path that does not exist is an error;
/// a file named explicitly is read whatever its extension (as an article unless it is `.jsonl`).
/// Directories are walked recursively in sorted order, skipping hidden entries and `README.md`;
/// a directory reached twice (through a symlink, or a symlink loop) is walked once, and a file
/// reached twice is listed once.
pub fn list(paths: &[PathBuf]) -> Result<Listing, Error> {
    let mut listing = Listing::default();
    let mut seen = Seen::default();
    for p in paths {
        let meta = match fs::metadata(p) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(Error::NotFound(p.clone()));
            }
            Err(e) => {
                // Exists (as a dangling link or behind a permission) but cannot be followed.
                if fs::symlink_metadata(p).is_err() {
                    return Err(Error::NotFound(p.clone()));
                }
                listing.warnings.push(format!("{}: {e}", p.display()));
                continue;
            }
        };
        if meta.is_dir() {
            walk(p, &mut listing, &mut seen);
        } else if meta.is_file() {
            if seen.first_file(p, &meta) {
                listing
                    .files
                    .push((p.clone(), kind_of(p).unwrap_or(FileKind::Article)));
            }
        } else {
            listing
                .warnings
                .push(format!("{}: not a regular file, skipped", p.display()));
        }
    }
    Ok(listing)
}

fn walk(dir: &Path, listing: &mut Listing, seen: &mut Seen) {
    let canon = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            listing.warnings.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    if !seen.dirs.insert(canon) {
        return; // a symlink loop or a directory reached twice: follow it once
    }
    // by name (the order of their paths, which share `dir`), each name read once
    let mut entries: Vec<(std::ffi::OsString, fs::DirEntry)> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| (e.file_name(), e)))
            .collect(),
        Err(e) => {
            listing.warnings.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let dir_id = DirId::of(dir);
    // What each entry is, found on every core. The directory's listing tells most entries' type
    // and inode, so a plain file or a directory costs no system call; only a symbolic link (to
    // be followed) or an entry of unknown type has its metadata read. Hidden entries are left
    // out.
    let entries: Vec<(PathBuf, std::ffi::OsString, io::Result<Entry>)> = {
        use rayon::prelude::*;
        entries
            .into_par_iter()
            .filter(|(name, _)| !name.to_str().unwrap_or("").starts_with('.'))
            .map(|(name, entry)| {
                let path = entry.path();
                let what = Entry::of(&entry, &path, &dir_id);
                (path, name, what)
            })
            .collect()
    };
    for (path, name, what) in entries {
        let name = name.to_str().unwrap_or("");
        match what {
            Ok(Entry::Dir) => walk(&path, listing, seen),
            Ok(what) => {
                let Some(kind) = kind_of(&path) else { continue };
                if name.eq_ignore_ascii_case("readme.md") {
                    continue;
                }
                match what {
                    Entry::File(id) => {
                        if seen.files.insert(id) {
                            listing.files.push((path, kind));
                        }
                    }
                    _ => listing
                        .warnings
                        .push(format!("{}: not a regular file, skipped", path.display())),
                }
            }
            Err(e) => {
                if kind_of(&path).is_some() || fs::symlink_metadata(&path).is_ok() {
                    listing.warnings.push(format!("{}: {e}", path.display()));
                }
            }
        }
    }
}

/// What a directory entry is, links followed.
enum Entry {
    Dir,
    File(FileId),
    /// Neither a directory nor a regular file (a device, a socket, a pipe).
    Other,
}

/// What a directory gives the files in it towards their [`FileId`].
#[cfg(unix)]
struct DirId(Option<u64>);
#[cfg(not(unix))]
struct DirId;

impl DirId {
    #[cfg(unix)]
    fn of(dir: &Path) -> DirId {
        use std::os::unix::fs::MetadataExt;
        DirId(fs::metadata(dir).ok().map(|m| m.dev()))
    }

    #[cfg(not(unix))]
    fn of(_dir: &Path) -> DirId {
        DirId
    }
}

impl Entry {
    /// The entry `entry`, at `path`, of the directory `dir`.
    fn of(entry: &fs::DirEntry, path: &Path, dir: &DirId) -> io::Result<Entry> {
        let from_meta = |m: fs::Metadata| {
            if m.is_dir() {
                Entry::Dir
            } else if m.is_file() {
                Entry::File(file_id(path, &m))
            } else {
                Entry::Other
            }
        };
        let listed = entry.file_type()?;
        if listed.is_symlink() {
            return fs::metadata(path).map(from_meta);
        }
        if listed.is_dir() {
            return Ok(Entry::Dir);
        }
        #[cfg(unix)]
        if let (true, Some(dev)) = (listed.is_file(), dir.0) {
            // a plain file (not a link) is on its directory's device, with the inode listed
            use std::os::unix::fs::DirEntryExt;
            return Ok(Entry::File((dev, entry.ino())));
        }
        #[cfg(not(unix))]
        let _ = dir;
        entry.metadata().map(from_meta)
    }
}

/// Reads a file as text. Unreadable, empty, oversized and binary files are errors (the caller
/// reports one warning and goes on); text that is not UTF-8 is read lossily (see [`decode`]).
pub fn read_text(path: &Path, warnings: &mut Vec<String>) -> Result<String, Error> {
    use std::io::Read;
    let io_error = |e| Error::Io(path.to_path_buf(), e);
    let too_large = |len: u64| {
        problem(
            path,
            format!("{} MB: too large for an article, skipped", len >> 20),
        )
    };
    let file = fs::File::open(path).map_err(io_error)?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_ARTICLE_BYTES {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(len as usize + 1);
    // through `Take`, which reads into the room given: `File`'s own `read_to_end` would ask the
    // system for the size and position again, two more calls for each of many small files
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        // it grew after it was measured
        return Err(too_large(bytes.len() as u64));
    }
    decode(path, bytes, warnings)
}

fn problem(path: &Path, msg: impl Into<String>) -> Error {
    Error::Io(
        path.to_path_buf(),
        io::Error::new(io::ErrorKind::InvalidData, msg.into()),
    )
}

/// True when bytes look like a binary file: a NUL byte, or many control characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if memchr::memchr(0, bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    // counted without branches, in bytes of 255 at most, so that the loop runs many bytes at a
    // time
    let control = |b: u8| {
        let low = (b < 0x20) & (b != b'\n') & (b != b'\r') & (b != b'\t') & (b != 0x0c);
        u8::from(low | (b == 0x7f))
    };
    let controls: usize = head
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + control(b))))
        .sum();
    controls * 20 > head.len()
}

/// Decodes file bytes as [`read_text`] does. The text keeps every byte offset of the file: a
/// UTF-8 byte order mark stays in the text (readers skip it), and bytes that are not UTF-8 (a
/// Latin-1 or Windows-1252 file) are each replaced by one ASCII character (`é` → `e`, curly
/// quotes → straight ones, anything else → `_`), with a warning pushed to `warnings`.
pub fn decode(path: &Path, bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, Error> {
    if bytes.is_empty() {
        return Err(problem(path, "empty file"));
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(problem(
            path,
            "UTF-16 text is not supported: save it as UTF-8",
        ));
    }
    if looks_binary(&bytes) {
        return Err(Error::Binary(path.to_path_buf()));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            warnings.push(format!(
                "{}: not UTF-8: read as Latin-1, accents dropped",
                path.display()
            ));
            Ok(decode_lossy(&bytes))
        }
    }
}

/// Keeps valid UTF-8 as it is and folds every other byte to one ASCII character, so that the
/// result has exactly as many bytes as the input.
pub fn decode_lossy(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // The prefix is valid by construction; from_utf8 cannot fail here.
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len() - good).max(1);
                for &b in &rest[good..good + bad] {
                    out.push(fold_byte(b));
                }
                rest = &rest[good + bad..];
            }
        }
    }
    out
}

/// An ASCII stand-in for a Latin-1 / Windows-1252 byte (0x80..=0xFF).
fn fold_byte(b: u8) -> char {
    match b {
        0x00..=0x7f => b as char,
        0x91 | 0x92 | 0xb4 => '\'',
        0x93 | 0x94 | 0xab | 0xbb => '"',
        0x96 | 0x97 | 0xad => '-',
        0xa0 => ' ',
        0xc0..=0xc5 => 'A',
        0xc7 => 'C',
        0xc8..=0xcb => 'E',
        0xcc..=0xcf => 'I',
        0xd1 => 'N',
        0xd2..=0xd6 | 0xd8 => 'O',
        0xd9..=0xdc => 'U',
        0xdd => 'Y',
        0xe0..=0xe5 => 'a',
        0xe7 => 'c',
        0xe8..=0xeb => 'e',
        0xec..=0xef => 'i',
        0xf1 => 'n',
        0xf2..=0xf6 | 0xf8 => 'o',
        0xf9..=0xfc => 'u',
        0xfd | 0xff => 'y',
        0xdf => 's',
        0x9a => 's',
        0x8a => 'S',
        0x9e => 'z',
        0x8e => 'Z',
        _ => '_',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_keeps_offsets_and_letters() {
        let bytes = b"Caf\xe9 in M\xfcnchen \x93quoted\x94.".to_vec();
        let mut w = Vec::new();
        let s = decode(Path::new("a.txt"), bytes.clone(), &mut w).unwrap();
        assert_eq!(s, "Cafe in Munchen \"quoted\".");
        assert_eq!(s.len(), bytes.len());
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("a.txt"));
    }

    #[test]
    fn mixed_utf8_keeps_valid_sequences() {
        let s = decode_lossy(
            "é".as_bytes()
                .iter()
                .chain(b"\xe9x")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
        );
        assert_eq!(s, "éex");
    }

    #[test]
    fn truncated_utf8_at_the_end_is_folded() {
        let s = decode_lossy(b"ab\xe2\x80");
        assert_eq!(s.len(), 4);
        assert!(s.starts_with("ab"));
    }

    #[test]
    fn nul_bytes_and_control_soup_are_binary() {
        let mut w = Vec::new();
        assert!(matches!(
            decode(Path::new("x.txt"), b"ab\0cd".to_vec(), &mut w),
            Err(Error::Binary(_))
        ));
        let soup: Vec<u8> = (0..200u8)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert!(matches!(
            decode(Path::new("x.txt"), soup, &mut w),
            Err(Error::Binary(_))
        ));
    }

    #[test]
    fn one_control_character_in_twenty_makes_a_file_binary() {
        // controls spread over texts longer than the counting's chunks and than the head read
        for len in [19, 20, 255, 256, 1000, 70_000] {
            for every in [19, 20, 21] {
                let text: Vec<u8> = (0..len)
                    .map(|i| if i % every == every - 1 { 0x1b } else { b'a' })
                    .collect();
                let head = len.min(64 * 1024);
                let controls = (0..head).filter(|i| i % every == every - 1).count();
                assert_eq!(
                    looks_binary(&text),
                    controls * 20 > head,
                    "{len} bytes, one control in {every}"
                );
            }
        }
        assert!(!looks_binary("tabs\tand\r\nform\x0cfeeds\n".as_bytes()));
        assert!(looks_binary(&[0x7f; 40]));
    }

    #[test]
    fn empty_and_utf16_files_are_refused_with_a_reason() {
        let mut w = Vec::new();
        let e = decode(Path::new("e.txt"), Vec::new(), &mut w).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
        let e = decode(Path::new("u.txt"), vec![0xff, 0xfe, b'a', 0], &mut w).unwrap_err();
        assert!(e.to_string().contains("UTF-16"), "{e}");
    }
}
