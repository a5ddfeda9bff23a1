//! Walking the paths the user gave: files and directories (recursive, sorted, a symlinked
//! directory followed once), reading bytes, rejecting binary files, decoding text. Problems with
//! one file are warnings; the rest still load.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::Error;

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

/// Lists the article and event files under `paths`. A path that does not exist is an error;
/// a file named explicitly is read whatever its extension (as an article unless it is `.jsonl`).
pub fn list(paths: &[PathBuf]) -> Result<Listing, Error> {
    let mut listing = Listing::default();
    let mut seen_dirs = HashSet::new();
    for p in paths {
        let meta = fs::metadata(p).map_err(|_| Error::NotFound(p.clone()))?;
        if meta.is_dir() {
            walk(p, &mut listing, &mut seen_dirs);
        } else {
            listing
                .files
                .push((p.clone(), kind_of(p).unwrap_or(FileKind::Article)));
        }
    }
    Ok(listing)
}

fn walk(dir: &Path, listing: &mut Listing, seen: &mut HashSet<PathBuf>) {
    let canon = match fs::canonicalize(dir) {
        Ok(c) => c,
        Err(e) => {
            listing.warnings.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    if !seen.insert(canon) {
        return; // a symlink loop or a directory reached twice: follow it once
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            listing.warnings.push(format!("{}: {e}", dir.display()));
            return;
        }
    };
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, listing, seen),
            Ok(_) => {
                if let Some(kind) = kind_of(&path) {
                    if !name.eq_ignore_ascii_case("readme.md") {
                        listing.files.push((path, kind));
                    }
                }
            }
            Err(e) => listing.warnings.push(format!("{}: {e}", path.display())),
        }
    }
}

/// Reads a file as text. Binary files are refused; text that is not UTF-8 is decoded as
/// Latin-1 (offsets then refer to the decoded text) with a warning pushed to `warnings`.
pub fn read_text(path: &Path, warnings: &mut Vec<String>) -> Result<String, Error> {
    let bytes = fs::read(path).map_err(|e| Error::Io(path.to_path_buf(), e))?;
    decode(path, bytes, warnings)
}

/// Decodes file bytes as [`read_text`] does.
pub fn decode(path: &Path, bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, Error> {
    if memchr::memchr(0, &bytes).is_some() {
        return Err(Error::Binary(path.to_path_buf()));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let controls = bytes
                .iter()
                .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
                .count();
            if controls * 10 > bytes.len().max(1) {
                return Err(Error::Binary(path.to_path_buf()));
            }
            warnings.push(format!("{}: not UTF-8, read as Latin-1", path.display()));
            Ok(bytes.iter().map(|&b| b as char).collect())
        }
    }
}
