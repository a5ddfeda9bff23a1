//! newsline: read a folder of news articles and lay their dated happenings on one timeline.
//!
//! The pipeline, one module per step (see README, "Architecture"):
//!
//! ```text
//! corpus → article → chrome/sentences → temporal → actors → events ─► merge → timeline → filter / export
//! ```
//!
//! Everything up to `events` is a pure function of one article ([`pipeline::extract_article`]);
//! [`merge`] is the one step that looks across articles. Nothing here knows about a terminal.

pub mod actors;
pub mod article;
pub mod chrome;
pub mod corpus;
pub mod error;
pub mod events;
pub mod export;
pub mod filter;
pub mod memory;
pub mod merge;
pub mod pipeline;
pub mod sentences;
pub mod shard;
pub mod temporal;
pub mod text;
pub mod timeline;

pub use error::Error;
