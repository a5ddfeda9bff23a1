//! Reading events back from JSONL shards (what `newsline export --format jsonl` writes), so that
//! extraction can run as the map step of any engine and newsline merges and shows the result.

use std::io::{BufRead, BufReader};
use std::path::Path;

use crate::actors::{ActorKind, Name, Names};
use crate::events::{Event, Mention};
use crate::export::EventRecord;
use crate::timeline::ArticleInfo;
use crate::Error;

/// Events of a shard with the articles they are told in.
#[derive(Debug, Default)]
pub struct Shard {
    /// Articles named by the events' mentions, first seen first.
    pub articles: Vec<ArticleInfo>,
    /// Events; their mentions index `articles`.
    pub events: Vec<Event>,
    /// Actor kinds the records carry (the names are the ones the events hold).
    pub actor_kinds: Vec<(Name, ActorKind)>,
    /// Lines that did not parse (each one a warning): events lost.
    pub broken_lines: usize,
}

/// Reads a JSONL shard. A line that does not parse is a warning naming the file and line; the
/// other lines still load. A file that cannot be read is an error.
pub fn read(path: &Path, warnings: &mut Vec<String>) -> Result<Shard, Error> {
    let names = std::cell::RefCell::new(Names::default());
    read_naming(path, warnings, &|text| names.borrow_mut().get(text))
}

/// [`read`], each actor's name made by `name` (a caller reading many shards hands out names it
/// shares).
pub fn read_naming(
    path: &Path,
    warnings: &mut Vec<String>,
    name: &dyn Fn(&str) -> Name,
) -> Result<Shard, Error> {
    let file = std::fs::File::open(path).map_err(|e| Error::Io(path.to_path_buf(), e))?;
    let mut shard = Shard::default();
    let mut index = std::collections::HashMap::new();
    // the first kind given for a name is the one kept (as when merging), so each name once
    let mut kinds_seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (n, line) in BufReader::new(file).split(b'\n').enumerate() {
        let line = line.map_err(|e| Error::Io(path.to_path_buf(), e))?;
        let text = String::from_utf8_lossy(&line);
        if text.trim().is_empty() {
            continue;
        }
        let rec: EventRecord = match serde_json::from_str(&text) {
            Ok(r) => r,
            Err(e) => {
                shard.broken_lines += 1;
                warnings.push(
                    Error::EventLine {
                        path: path.to_path_buf(),
                        line: n + 1,
                        msg: e.to_string(),
                    }
                    .to_string(),
                );
                continue;
            }
        };
        let mut mentions = Vec::with_capacity(rec.mentions.len());
        for m in rec.mentions {
            let idx = *index.entry(m.file.clone()).or_insert_with(|| {
                shard.articles.push(ArticleInfo {
                    path: m.file.clone().into(),
                    title: m.title.clone(),
                    source: m.source.clone(),
                    published: m.published,
                });
                shard.articles.len() as u32 - 1
            });
            mentions.push(Mention {
                article: idx,
                start: m.start,
                end: m.end,
                line: m.line,
            });
        }
        for (a, k) in rec.actors.iter().zip(&rec.actor_kinds) {
            if !kinds_seen.contains(a.as_str()) {
                kinds_seen.insert(a.clone());
                shard.actor_kinds.push((name(a), *k));
            }
        }
        let actors = rec.actors.iter().map(|a| name(a)).collect();
        mentions.shrink_to_fit();
        shard.events.push(Event {
            date: rec.date,
            date_text: rec.date_text,
            date_basis: rec.date_basis,
            title: rec.title,
            actors,
            mentions,
            background: rec.background,
        });
    }
    Ok(shard)
}
