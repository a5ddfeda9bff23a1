//! Writing the timeline out: one module per format.

pub mod json;

pub use json::{EventRecord, MentionRecord};
