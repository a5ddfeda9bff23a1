//! The timeline filter: fzf's query syntax plus actor-only terms, decided by nucleo-matcher's
//! rules over haystacks prepared once per timeline.
//!
//! A query is space-separated terms that must all match (a lone `|` between two terms makes
//! them alternatives). A term is fuzzy (`raj`), substring (`'raj`), prefix (`^raj`), suffix
//! (`raj$`), exact (`^raj$`), or any of these negated (`!raj`, `!^raj`, …); it is
//! case-insensitive unless it holds an upper-case letter (smart case). A term matches an event
//! when it matches its title, its date (`2024-11-22`) or one of its actors; a term written
//! `@name` or `actor:name` matches the actors only. A backslash escapes a space (`@Rajnath\
//! Singh`). Events stay in timeline order: the score only decides whether an event is kept.
//!
//! The API the screen and `export --query` use:
//! - [`Filter::new`] prepares the haystacks of a timeline once;
//! - [`Filter::set_query`] applies a query (searching only the previous matches when the query
//!   narrows the previous one, as typing does);
//! - [`Filter::matches`] lists the matching events in timeline order;
//! - [`Filter::highlight`] gives the matched char positions in an event's title or actors;
//! - [`filter`] is the one-shot form; [`filter_names`] filters a list of names (the actor list);
//!   [`actor_query`] is the term that keeps one actor's events.
//!
//! Speed: actor names and date texts are stored once each and a term is decided once per
//! distinct name or date, then spread to their rows as a bitset; each row carries a mask of its
//! title's characters, so a term needing a character a title lacks costs one AND (and a lone
//! letter is decided by the mask); titles of ASCII text are decided by a word-at-a-time
//! subsequence (or substring, prefix, suffix) check that gives nucleo's yes/no without its
//! scoring, other titles by nucleo's rules. While a term is typed, each row keeps where the
//! term's match ended in its title, so that a character typed costs a short scan; an
//! alternative added to a term (`modi | ab`) is tried only on the rows the term did not match.
//! Rows are split across cores with rayon.

mod haystack;
mod query;

use nucleo_matcher::Utf32Str;
use rayon::prelude::*;

use crate::timeline::Timeline;

use haystack::{
    bytes_match, chars_match, field_hit, with_matcher, Decided, Haystacks, Pool, Track, UNKNOWN,
};
use nucleo_matcher::pattern::AtomKind;
use query::{group_narrows, parse, Query, Scope, Term};

/// Which text of an event a highlight is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The title.
    Title,
    /// The actors joined by `, `.
    Actors,
}

/// Prepared haystacks of a timeline and the current query's matches.
#[derive(Debug)]
pub struct Filter {
    hay: Haystacks,
    query: String,
    parsed: Query,
    matches: Vec<usize>,
    spare: Vec<usize>,
    /// Per-chunk result buffers, kept between keystrokes.
    chunks: Vec<Chunk>,
    /// The matches of every group but the last (when `base_valid`).
    base: Vec<usize>,
    base_valid: bool,
    /// Beside `matches`, where the last term's fuzzy match ends in each one's title (see
    /// [`Track`]).
    ends: Vec<u32>,
    spare_ends: Vec<u32>,
    /// The term `ends` are kept for.
    ends_for: Option<Term>,
    /// Row bitsets for deciding terms, kept between keystrokes.
    pool: Pool,
    /// Rows known to match the last group, while alternatives are added to it.
    sure: Option<Sure>,
}

/// Rows that match the last group of the query whatever else it holds, as long as it holds
/// `terms` and the other groups do not change: the matches of the group made of `terms`, kept
/// when alternatives are added to it (`modi | ab`).
#[derive(Debug)]
struct Sure {
    terms: Vec<Term>,
    /// A bitset over the rows.
    rows: Vec<u64>,
}

impl Clone for Filter {
    /// The haystacks, the query and its matches; the scratch state starts afresh.
    fn clone(&self) -> Filter {
        Filter {
            query: self.query.clone(),
            parsed: self.parsed.clone(),
            ..Filter::fresh(self.hay.clone(), self.matches.clone())
        }
    }
}

/// The rows a search goes through.
#[derive(Clone, Copy)]
enum Rows<'a> {
    All(usize),
    Some(&'a [usize]),
}

impl Rows<'_> {
    fn len(self) -> usize {
        match self {
            Rows::All(n) => n,
            Rows::Some(s) => s.len(),
        }
    }
}

/// Rows a chunk holds: large enough to pay for a task, small enough to balance two cores.
const CHUNK: usize = 16 * 1024;

/// The terms of `groups` decided on the distinct actors and dates of `hay` (row bitsets from
/// `pool`).
fn decide<'q>(hay: &Haystacks, groups: &'q [Vec<Term>], pool: &mut Pool) -> Vec<Vec<Decided<'q>>> {
    groups
        .iter()
        .map(|g| g.iter().map(|t| hay.decide(t, pool)).collect())
        .collect()
}

/// The rows that `keep` keeps, in order, into `out`: chunks filtered in parallel into buffers
/// that are reused between keystrokes, then joined. With `ends`, each row comes with a kept
/// match end: `keep` gets the row's previous end (from `ends.0`, beside `rows`; [`UNKNOWN`]
/// without) and leaves its new end, which goes to `ends.1` beside `out`.
fn par_filter(
    rows: Rows<'_>,
    chunks: &mut Vec<Chunk>,
    out: &mut Vec<usize>,
    ends: Option<(Option<&[u32]>, &mut Vec<u32>)>,
    keep: impl Fn(usize, &mut u32) -> bool + Sync,
) {
    let len = rows.len();
    let count = len.div_ceil(CHUNK);
    if chunks.len() < count {
        chunks.resize_with(count, Chunk::default);
    }
    let (prev, track) = match &ends {
        Some((prev, _)) => (*prev, true),
        None => (None, false),
    };
    let search = |c: usize, buf: &mut Chunk| {
        buf.rows.clear();
        buf.ends.clear();
        for j in c * CHUNK..((c + 1) * CHUNK).min(len) {
            let i = match rows {
                Rows::All(_) => j,
                Rows::Some(s) => s[j],
            };
            let mut end = prev.map_or(UNKNOWN, |p| p[j]);
            if keep(i, &mut end) {
                buf.rows.push(i as u32);
                if track {
                    buf.ends.push(end);
                }
            }
        }
    };
    if count > 1 {
        chunks[..count]
            .par_iter_mut()
            .enumerate()
            .for_each(|(c, buf)| search(c, buf));
    } else if count == 1 {
        search(0, &mut chunks[0]);
    }
    let chunks = &chunks[..count];
    out.clear();
    out.reserve(chunks.iter().map(|b| b.rows.len()).sum());
    for buf in chunks {
        out.extend(buf.rows.iter().map(|&i| i as usize));
    }
    if let Some((_, ends)) = ends {
        ends.clear();
        ends.reserve(out.len());
        for buf in chunks {
            ends.extend_from_slice(&buf.ends);
        }
    }
}

/// The rows one parallel task kept (and their match ends), reused between keystrokes.
#[derive(Debug, Default)]
struct Chunk {
    rows: Vec<u32>,
    ends: Vec<u32>,
}

impl Filter {
    /// Prepares the haystacks (once per timeline).
    pub fn new(timeline: &Timeline) -> Filter {
        let hay = Haystacks::new(&timeline.events);
        let every = (0..hay.len()).collect();
        Filter::fresh(hay, every)
    }

    /// A filter over `hay` with the empty query, the given matches and no scratch state.
    fn fresh(hay: Haystacks, matches: Vec<usize>) -> Filter {
        Filter {
            query: String::new(),
            parsed: Query::default(),
            matches,
            spare: Vec::new(),
            chunks: Vec::new(),
            base: Vec::new(),
            base_valid: false,
            ends: Vec::new(),
            spare_ends: Vec::new(),
            ends_for: None,
            pool: Pool::default(),
            sure: None,
            hay,
        }
    }

    /// Applies a query; the empty query matches every event. When the query narrows the
    /// previous one (a character typed at the end of a term, a term added), only the previous
    /// matches are searched.
    pub fn set_query(&mut self, query: &str) {
        self.apply(query, true);
    }

    /// Applies a query searching every event, whatever the previous query was. Gives the same
    /// matches as [`Filter::set_query`].
    pub fn set_query_from_scratch(&mut self, query: &str) {
        self.apply(query, false);
    }

    fn apply(&mut self, query: &str, incremental: bool) {
        self.query.clear();
        self.query.push_str(query);
        let parsed = parse(query);
        if incremental && parsed == self.parsed {
            return;
        }
        let n = self.hay.len();
        let Some((last, prefix)) = parsed.groups.split_last() else {
            self.matches.clear();
            self.matches.extend(0..n);
            self.base_valid = false;
            self.ends_for = None;
            self.drop_sure();
            self.parsed = parsed;
            return;
        };
        let old = &self.parsed.groups;
        if incremental
            && self.base_valid
            && old.len() == parsed.groups.len() + 1
            && old[..old.len() - 1] == parsed.groups[..]
        {
            // the last group was deleted: the other groups' matches are the answer
            std::mem::swap(&mut self.matches, &mut self.base);
            self.base_valid = false;
            self.ends_for = None;
            self.drop_sure();
            self.parsed = parsed;
            return;
        }
        // Where to search for the last group: the previous matches (it narrows the previous
        // last group, or it is a new group after all the previous ones), the matches of the
        // other groups (kept in `base`; all rows for a one-group query), or everything.
        #[derive(PartialEq)]
        enum From {
            Matches,
            Base,
            Scratch,
        }
        let same_prefix = !old.is_empty() && old[..old.len() - 1] == *prefix;
        let from = if !incremental {
            From::Scratch
        } else if same_prefix && (prefix.is_empty() || self.base_valid) {
            let old_last = &old[old.len() - 1];
            if group_narrows(last, old_last) {
                From::Matches
            } else {
                From::Base
            }
        } else if old.as_slice() == prefix {
            // a group added after the previous ones: they hold for the previous matches
            if !prefix.is_empty() {
                self.base.clear();
                self.base.extend_from_slice(&self.matches);
                self.base_valid = true;
            }
            From::Matches
        } else {
            From::Scratch
        };
        if from == From::Scratch && !prefix.is_empty() {
            let hay = &self.hay;
            let decided = decide(hay, prefix, &mut self.pool);
            par_filter(
                Rows::All(n),
                &mut self.chunks,
                &mut self.base,
                None,
                |i, end| hay.row_matches(i, &decided, None, end),
            );
            self.pool.recycle(decided.into_iter().flatten());
            self.base_valid = true;
        }
        // Alternatives added to the last group: the rows that matched it before still match
        // whatever the new alternatives are, and the rows of `base` that did not failed all of
        // the old alternatives, so only the new ones are tried on them (while they are typed).
        let keeps_old = from != From::Scratch && same_prefix;
        let sure = match self.sure.take() {
            Some(sure)
                if keeps_old
                    && sure.terms.len() < last.len()
                    && sure.terms.iter().all(|t| last.contains(t)) =>
            {
                Some(sure)
            }
            Some(sure) => {
                self.pool.give(sure.rows);
                self.ends_for = None;
                None
            }
            None => {
                let old_last = old.last().filter(|_| keeps_old && from == From::Base);
                old_last
                    .filter(|o| o.len() < last.len() && o.iter().all(|t| last.contains(t)))
                    .map(|o| {
                        let mut rows = self.pool.take(n.div_ceil(64));
                        for &i in &self.matches {
                            rows[i / 64] |= 1 << (i % 64);
                        }
                        Sure {
                            terms: o.clone(),
                            rows,
                        }
                    })
            }
        };
        let rest: Vec<Term> = match &sure {
            Some(sure) => last
                .iter()
                .filter(|t| !sure.terms.contains(t))
                .cloned()
                .collect(),
            None => last.clone(),
        };
        // greedy ends of the last term are reused when searching the rows they were kept for
        let track = match &rest[..] {
            [t] if !t.negative
                && t.kind == AtomKind::Fuzzy
                && t.scope == Scope::All
                && t.ascii.is_some()
                && !t.by_mask =>
            {
                let resume = match (&self.ends_for, &t.ascii) {
                    (Some(old), Some(new))
                        if from == From::Matches
                            && old.scope == t.scope
                            && old.ignore_case == t.ignore_case =>
                    {
                        old.ascii
                            .as_ref()
                            .filter(|o| o.len() < new.len() && new.starts_with(o))
                            .map_or(0, |o| o.len())
                    }
                    _ => 0,
                };
                Some((t.clone(), resume))
            }
            _ => None,
        };
        let hay = &self.hay;
        let groups = decide(hay, std::slice::from_ref(&rest), &mut self.pool);
        let tr = track.as_ref().map(|(_, resume)| Track {
            group: 0,
            resume: *resume,
        });
        let tr = tr.as_ref();
        let sure_rows = sure.as_ref().map(|s| &s.rows[..]);
        let keep = |i: usize, end: &mut u32| {
            if sure_rows.is_some_and(|rows| rows[i / 64] & (1 << (i % 64)) != 0) {
                *end = UNKNOWN;
                return true;
            }
            hay.row_matches(i, &groups, tr, end)
        };
        let rows = match from {
            From::Matches => Rows::Some(&self.matches),
            From::Base | From::Scratch if !prefix.is_empty() => Rows::Some(&self.base),
            _ => Rows::All(n),
        };
        let ends = tr.map(|tr| {
            let prev = (tr.resume > 0).then_some(&self.ends[..]);
            (prev, &mut self.spare_ends)
        });
        par_filter(rows, &mut self.chunks, &mut self.spare, ends, keep);
        self.pool.recycle(groups.into_iter().flatten());
        std::mem::swap(&mut self.matches, &mut self.spare);
        std::mem::swap(&mut self.ends, &mut self.spare_ends);
        self.ends_for = track.map(|(t, _)| t);
        self.sure = sure;
        self.parsed = parsed;
    }

    /// Forgets the rows known to match the last group (see [`Sure`]).
    fn drop_sure(&mut self) {
        if let Some(sure) = self.sure.take() {
            self.pool.give(sure.rows);
        }
    }

    /// The current query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Indices of the matching events, in timeline order.
    pub fn matches(&self) -> &[usize] {
        &self.matches
    }

    /// Number of events prepared.
    pub fn len(&self) -> usize {
        self.hay.len()
    }

    /// Whether there are no events.
    pub fn is_empty(&self) -> bool {
        self.hay.len() == 0
    }

    /// Heap bytes the prepared haystacks and match lists hold.
    pub fn heap_bytes(&self) -> usize {
        self.hay.heap_bytes()
            + (self.matches.capacity() + self.spare.capacity()) * 8
            + self.base.capacity() * 8
            + (self.ends.capacity() + self.spare_ends.capacity()) * 4
            + self.pool.heap_bytes()
            + self.sure.as_ref().map_or(0, |s| s.rows.capacity() * 8)
    }

    /// Char positions of `text` (an event's title, or its actors joined by `, `) that the
    /// current query matched, for highlighting; sorted, without repeats.
    pub fn highlight(&self, field: Field, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut chars = Vec::new();
        let mut parts: Vec<(u32, &str)> = Vec::new();
        match field {
            Field::Title => parts.push((0, text)),
            Field::Actors => {
                let mut at = 0u32;
                for (i, a) in text.split(", ").enumerate() {
                    if i > 0 {
                        at += 2;
                    }
                    parts.push((at, a));
                    at += a.chars().count() as u32;
                }
            }
        }
        with_matcher(|m| {
            for t in self.parsed.groups.iter().flatten() {
                if t.negative || (field == Field::Title && t.scope == Scope::Actors) {
                    continue;
                }
                for &(offset, part) in &parts {
                    chars.clear();
                    chars.extend(part.chars());
                    let hay = if part.is_ascii() {
                        Utf32Str::Ascii(part.as_bytes())
                    } else {
                        Utf32Str::Unicode(&chars)
                    };
                    let start = if part.is_ascii() {
                        bytes_match(t, part.as_bytes())
                    } else {
                        chars_match(t, &chars)
                    };
                    let Some(start) = start else {
                        continue;
                    };
                    if t.kind == AtomKind::Fuzzy {
                        // nucleo places the fuzzy match where it scores best
                        let from = out.len();
                        if t.atom.indices(hay, m, &mut out).is_none() {
                            out.truncate(from);
                        }
                        for p in &mut out[from..] {
                            *p += offset;
                        }
                    } else {
                        let n = t.chars.len() as u32;
                        out.extend((0..n).map(|k| offset + start as u32 + k));
                    }
                }
            }
        });
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One-shot filter: indices of the events of `timeline` that match `query`, in timeline order.
pub fn filter(timeline: &Timeline, query: &str) -> Vec<usize> {
    let mut f = Filter::new(timeline);
    f.set_query(query);
    std::mem::take(&mut f.matches)
}

/// The query term that keeps exactly the events naming the actor `name` (used when the actor
/// list sets the timeline's query): an exact actor-only term, its spaces escaped.
pub fn actor_query(name: &str) -> String {
    let mut out = String::from("@^");
    for c in name.trim().chars() {
        if c == ' ' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('$');
    out
}

/// Indices of the `names` that match `query` (fuzzy, smart case, the same syntax), in the given
/// order. Actor-only terms match the names too.
pub fn filter_names(names: &[&str], query: &str) -> Vec<usize> {
    let q = parse(query);
    let mut buf = Vec::new();
    (0..names.len())
        .filter(|&i| {
            q.groups.iter().all(|g| {
                g.iter()
                    .any(|t| field_hit(t, names[i], &mut buf) != t.negative)
            })
        })
        .collect()
}
