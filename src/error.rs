//! The library's error type: every variant names the file it is about.

use std::path::PathBuf;

/// What can go wrong while reading articles or event files.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path given on the command line does not exist.
    #[error("{}: no such file or directory", .0.display())]
    NotFound(PathBuf),
    /// The file could not be read.
    #[error("{path}: {source}", path = .0.display(), source = .1)]
    Io(PathBuf, std::io::Error),
    /// The file is not text (NUL bytes or mostly undecodable).
    #[error("{}: binary file, not an article", .0.display())]
    Binary(PathBuf),
    /// The front matter block is broken.
    #[error("{}: line {line}: {msg}", .path.display())]
    FrontMatter {
        /// The article.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        msg: String,
    },
    /// An events JSONL file has a line that does not parse.
    #[error("{}: line {line}: {msg}", .path.display())]
    EventLine {
        /// The JSONL file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong.
        msg: String,
    },
}
