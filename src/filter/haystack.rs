//! Haystacks prepared once per timeline, and the yes/no decision of a term on them.
//!
//! Actor names and date texts repeat across events (thousands of distinct ones over a million
//! events), so each distinct one is stored once ([`Values`]), with the rows it appears in. A
//! query's term is decided once per distinct value, and the rows of the values it matches are
//! marked in a bitset over the rows ([`Decided`]). A row (an event) keeps its title and a
//! 16-byte [`Row`]: the characters of its title as a 64-bit mask, and its first and last
//! characters. A term then keeps the rows whose date or an actor it matches after one bit test,
//! drops most others after one AND, and looks at the title of the rest only. ASCII titles are
//! decided here exactly (the same answers as nucleo's matcher, without computing a score);
//! titles holding other characters keep folded ASCII copies for ASCII needles and are otherwise
//! decided by nucleo's rules on their chars. Searches stream through the rows and the titles,
//! so both are kept small: 16 bytes a row, one byte a title char.

use std::cell::RefCell;
use std::collections::HashMap;

use nucleo_matcher::pattern::AtomKind;
use nucleo_matcher::{Config, Matcher};
use rayon::prelude::*;

use super::query::{bit, Scope, Term};
use crate::events::Event;
use crate::temporal::DateValue;

/// Set in a mask when the text holds characters other than ASCII.
const UNICODE: u64 = 1 << 63;
/// Stands for a non-ASCII character in the folded copies of a title: no ASCII needle byte
/// equals it.
const FOREIGN: u8 = 0xFF;
/// Events a task of the preparation takes.
const PREPARE_CHUNK: usize = 16 * 1024;
/// Distinct texts past which a term is decided on them in parallel.
const PAR_TEXTS: usize = 16 * 1024;
/// Rows of matching texts past which they are marked in a row bitset in parallel.
const PAR_POSTINGS: usize = 64 * 1024;

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// Distinct values numbered in the order they are first met.
struct Ids<T> {
    of: FastMap<T, u32>,
    values: Vec<T>,
}

impl<T> Default for Ids<T> {
    fn default() -> Self {
        Ids {
            of: FastMap::default(),
            values: Vec::new(),
        }
    }
}

impl<T: std::hash::Hash + Eq + Copy> Ids<T> {
    /// The number of `v`, given it the first time.
    fn id(&mut self, v: T) -> u32 {
        let values = &mut self.values;
        *self.of.entry(v).or_insert_with(|| {
            values.push(v);
            values.len() as u32 - 1
        })
    }
}

thread_local! {
    static MATCHER: RefCell<Option<Matcher>> = const { RefCell::new(None) };
    /// A title's chars, decoded for the terms its folded copies cannot decide.
    static CHARS: RefCell<Vec<char>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` with this thread's nucleo matcher (created once per thread).
pub(crate) fn with_matcher<R>(f: impl FnOnce(&mut Matcher) -> R) -> R {
    MATCHER.with(|m| {
        let mut m = m.borrow_mut();
        let m = m.get_or_insert_with(|| Matcher::new(Config::DEFAULT));
        f(m)
    })
}

/// The mask bits a haystack character can stand for under nucleo's case folding and
/// normalisation. For letters and digits they are exact: a case-insensitive needle letter
/// meets the character if and only if the character's bits hold the letter's (nucleo's tables
/// have no character whose lower case alone is another ASCII letter; a test checks them all),
/// so a one-letter term is decided by a mask on any text.
fn char_bits(c: char) -> u64 {
    if c.is_ascii() {
        return bit(c as u8);
    }
    let n = nucleo_matcher::chars::normalize(c);
    [
        c,
        n,
        nucleo_matcher::chars::to_lower_case(c),
        nucleo_matcher::chars::to_lower_case(n),
    ]
    .into_iter()
    .filter(char::is_ascii)
    .fold(0, |m, c| m | bit(c as u8))
}

/// The mask of a text: the bits its characters can stand for, and [`UNICODE`] when it holds
/// other characters than ASCII.
fn text_mask(s: &str) -> u64 {
    if s.is_ascii() {
        s.bytes().fold(0, |m, b| m | bit(b))
    } else {
        s.chars().fold(UNICODE, |m, c| m | char_bits(c))
    }
}

/// A title's first (low byte) and last (high byte) characters, normalised and lower-cased
/// ([`FOREIGN`] when not ASCII then); 0 where a character cannot tell (white space, which
/// anchored terms skip, or an empty title).
fn title_edges(t: &str) -> u16 {
    if t.is_ascii() {
        let edge = |b: Option<&u8>| match b {
            Some(b) if !b.is_ascii_whitespace() => u16::from(b.to_ascii_lowercase()),
            _ => 0,
        };
        return edge(t.as_bytes().first()) | edge(t.as_bytes().last()) << 8;
    }
    let edge = |c: Option<char>| match c {
        Some(c) if !c.is_whitespace() => {
            let c = nucleo_matcher::chars::to_lower_case(nucleo_matcher::chars::normalize(c));
            u16::from(if c.is_ascii() { c as u8 } else { FOREIGN })
        }
        _ => 0,
    };
    edge(t.chars().next()) | edge(t.chars().next_back()) << 8
}

/// The title edges an anchored term needs (as [`title_edges`] gives them): its needle's first
/// byte for a prefix, last for a suffix, both for an exact term; 0 where it needs none (white
/// space makes the edge unsure).
pub(crate) fn needle_edges(kind: AtomKind, needle: &[u8]) -> u16 {
    let (Some(&a), Some(&z)) = (needle.first(), needle.last()) else {
        return 0;
    };
    let edge = |b: u8| {
        if (b as char).is_whitespace() {
            0
        } else {
            u16::from(b.to_ascii_lowercase())
        }
    };
    match kind {
        AtomKind::Prefix => edge(a),
        AtomKind::Postfix => edge(z) << 8,
        AtomKind::Exact => edge(a) | edge(z) << 8,
        _ => 0,
    }
}

/// Whether a title with edges `have` may match a term needing `need`.
#[inline]
fn edges_may(need: u16, have: u16) -> bool {
    let ok = |shift: u32| {
        let (n, h) = ((need >> shift) as u8, (have >> shift) as u8);
        n == 0 || h == 0 || n == h
    };
    ok(0) && ok(8)
}

/// Distinct texts (actor names, date texts), each stored once, with their masks and the rows
/// each appears in.
#[derive(Debug, Clone, Default)]
struct Values {
    text: String,
    /// Where each text ends in `text` (it starts where the one before ends).
    ends: Vec<u32>,
    /// Each text's [`text_mask`].
    masks: Vec<u64>,
    /// The rows of each text, ascending, one text after another.
    rows: Vec<u32>,
    /// Where each text's rows end in `rows`.
    rows_ends: Vec<u32>,
}

impl Values {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, id: usize) -> &str {
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start as usize..self.ends[id] as usize]
    }

    /// The rows text `id` appears in.
    fn rows_of(&self, id: usize) -> &[u32] {
        let start = if id == 0 { 0 } else { self.rows_ends[id - 1] };
        &self.rows[start as usize..self.rows_ends[id] as usize]
    }

    fn heap_bytes(&self) -> usize {
        self.text.capacity()
            + (self.ends.capacity() + self.rows.capacity() + self.rows_ends.capacity()) * 4
            + self.masks.capacity() * 8
    }

    /// Whether term `t` (negation ignored) matches each of the texts `ids`, as a bitset over
    /// them (bit `k` for `ids.start + k`).
    fn decide(&self, t: &Term, ids: std::ops::Range<usize>) -> Vec<u64> {
        let word = |w: usize| {
            let mut buf = Vec::new();
            let mut bits = 0u64;
            let from = ids.start + w * 64;
            for id in from..(from + 64).min(ids.end) {
                // one letter or digit: the mask tells (see `char_bits`)
                if t.mask & !self.masks[id] == 0
                    && (t.by_mask || field_hit(t, self.get(id), &mut buf))
                {
                    bits |= 1 << (id - from);
                }
            }
            bits
        };
        let words = ids.len().div_ceil(64);
        if ids.len() > PAR_TEXTS {
            (0..words).into_par_iter().map(word).collect()
        } else {
            (0..words).map(word).collect()
        }
    }
}

/// Bitsets over the rows, kept between keystrokes so that deciding a term allocates nothing in
/// proportion to the rows.
#[derive(Debug, Default)]
pub(crate) struct Pool(Vec<Vec<u64>>);

impl Pool {
    /// A bitset of `words` words, all clear.
    pub(crate) fn take(&mut self, words: usize) -> Vec<u64> {
        let mut bits = self.0.pop().unwrap_or_default();
        bits.clear();
        bits.resize(words, 0);
        bits
    }

    /// Gives back a bitset.
    pub(crate) fn give(&mut self, bits: Vec<u64>) {
        self.0.push(bits);
    }

    /// Gives back the bitsets of `decided`.
    pub(crate) fn recycle<'q>(&mut self, decided: impl IntoIterator<Item = Decided<'q>>) {
        self.0.extend(decided.into_iter().filter_map(|d| d.rows));
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.0.iter().map(|b| b.capacity() * 8).sum()
    }
}

/// A term decided on every distinct actor and date text of the haystacks (once per query),
/// then spread to the rows that hold them.
#[derive(Debug)]
pub(crate) struct Decided<'q> {
    pub term: &'q Term,
    /// The rows whose date or one of whose actors the term matches (a bitset over the rows),
    /// when there are any.
    rows: Option<Vec<u64>>,
}

/// Whether bit `i` of `bits` is set.
#[inline]
fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// One event's fixed-size part, what most rows are decided on: 16 bytes, as a search streams
/// through them (its actors and date are decided by the bitsets).
#[derive(Debug, Clone, Copy, Default)]
struct Row {
    /// Characters of the title (plus [`UNICODE`]).
    title: u64,
    /// Where its title starts in `titles` (it ends where the next row's starts).
    start: u32,
    /// The title's edges (see [`title_edges`]).
    edges: u16,
}

/// A title as stored: ASCII as it is; otherwise where the rest of it lies in the second arena
/// (4 bytes, little-endian) then its chars normalised and lower-cased (`É` → `e`; [`FOREIGN`]
/// for what stays non-ASCII; one byte per char), what a case-insensitive ASCII needle is
/// matched against. The second arena holds the length of its UTF-8 (4 bytes), its chars only
/// normalised (`É` → `E`), then its UTF-8: the first arena, which searches stream through,
/// holds one byte per char.
enum Title<'a> {
    Ascii(&'a [u8]),
    Unicode {
        lower: &'a [u8],
        /// Where the rest lies in the second arena.
        rest: usize,
    },
}

/// Appends `title` to `titles` and `rest` as [`Title`] describes; gives its mask and its
/// edges.
fn push_title(titles: &mut Vec<u8>, rest: &mut Vec<u8>, title: &str) -> (u64, u16) {
    let edges = title_edges(title);
    if title.is_ascii() {
        titles.extend_from_slice(title.as_bytes());
        return (text_mask(title), edges);
    }
    let byte = |c: char| if c.is_ascii() { c as u8 } else { FOREIGN };
    let norm = |c: char| nucleo_matcher::chars::normalize(c);
    titles.extend_from_slice(&(rest.len() as u32).to_le_bytes());
    titles.extend(
        title
            .chars()
            .map(|c| byte(nucleo_matcher::chars::to_lower_case(norm(c)))),
    );
    rest.extend_from_slice(&(title.len() as u32).to_le_bytes());
    rest.extend(title.chars().map(|c| byte(norm(c))));
    rest.extend_from_slice(title.as_bytes());
    (text_mask(title), edges)
}

/// The rows of a chunk of events, prepared in parallel with the others; value ids are the
/// chunk's own until [`Haystacks::new`] joins the chunks.
struct Part<'e> {
    titles: Vec<u8>,
    /// The rest of the titles holding other characters than ASCII (see [`Title`]).
    rest: Vec<u8>,
    rows: Vec<Row>,
    /// Per row, its date's id then its actors' ids, in `values`.
    row_values: Vec<u32>,
    /// Where each row's ids end in `row_values`.
    row_ends: Vec<u32>,
    /// The chunk's distinct actors, by id.
    actors: Vec<&'e str>,
    /// The chunk's distinct dates, by id (after the actors: `actors.len() + k`).
    dates: Vec<Option<DateValue>>,
}

impl<'e> Part<'e> {
    fn new(events: &'e [Event]) -> Part<'e> {
        let mut part = Part {
            titles: Vec::new(),
            rest: Vec::new(),
            rows: Vec::with_capacity(events.len()),
            row_values: Vec::new(),
            row_ends: Vec::with_capacity(events.len()),
            actors: Vec::new(),
            dates: Vec::new(),
        };
        let mut actors: Ids<&str> = Ids::default();
        let mut dates: Ids<Option<DateValue>> = Ids::default();
        for e in events {
            let start = part.titles.len() as u32;
            let (title, edges) = push_title(&mut part.titles, &mut part.rest, &e.title);
            // dates are numbered after the actors once the chunk is done
            part.row_values.push(dates.id(e.date) | DATE);
            for a in &e.actors {
                part.row_values.push(actors.id(a.as_ref()));
            }
            part.row_ends.push(part.row_values.len() as u32);
            part.rows.push(Row {
                title,
                start,
                edges,
            });
        }
        part.actors = actors.values;
        part.dates = dates.values;
        part
    }
}

/// Marks a date id in [`Part::row_values`] until the chunks are joined.
const DATE: u32 = 1 << 31;

/// The prepared haystacks of a list of rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Haystacks {
    /// The titles, one after another (see [`Title`]).
    titles: Vec<u8>,
    /// The rest of the titles holding other characters than ASCII.
    rest: Vec<u8>,
    rows: Vec<Row>,
    /// The distinct actor names, then the distinct date texts.
    values: Values,
    /// How many of `values` are actor names.
    actors: usize,
}

impl Haystacks {
    /// The haystacks of `events`, one row each, in order.
    pub(crate) fn new(events: &[Event]) -> Haystacks {
        let parts: Vec<Part<'_>> = events.par_chunks(PREPARE_CHUNK).map(Part::new).collect();
        // the chunks' ids become ids over all rows, actors in order of first appearance
        let mut actor_ids: Ids<&str> = Ids::default();
        let mut date_ids: Ids<Option<DateValue>> = Ids::default();
        let maps: Vec<(Vec<u32>, Vec<u32>)> = parts
            .iter()
            .map(|part| {
                let actor_of = part.actors.iter().map(|&a| actor_ids.id(a)).collect();
                let date_of = part.dates.iter().map(|&d| date_ids.id(d)).collect();
                (actor_of, date_of)
            })
            .collect();
        let (actors, dates) = (actor_ids.values, date_ids.values);
        let n_actors = actors.len();
        let date_texts: Vec<String> = dates
            .iter()
            .map(|d| d.map(|d| d.to_string()).unwrap_or_default())
            .collect();
        let mut values = Values::default();
        for s in actors
            .iter()
            .copied()
            .chain(date_texts.iter().map(String::as_str))
        {
            values.text.push_str(s);
            values.ends.push(values.text.len() as u32);
            values.masks.push(text_mask(s));
        }
        values.text.shrink_to_fit();
        // each row's value ids over all rows, then the rows of each value (a counting sort)
        let global = |(actor_of, date_of): &(Vec<u32>, Vec<u32>), v: u32| {
            if v & DATE != 0 {
                (n_actors as u32) + date_of[(v & !DATE) as usize]
            } else {
                actor_of[v as usize]
            }
        };
        let mut counts = vec![0u32; values.len()];
        for (part, map) in parts.iter().zip(&maps) {
            for &v in &part.row_values {
                counts[global(map, v) as usize] += 1;
            }
        }
        let mut at = 0u32;
        values.rows_ends = counts
            .iter()
            .map(|&c| {
                at += c;
                at
            })
            .collect();
        let mut next: Vec<u32> = values
            .rows_ends
            .iter()
            .zip(&counts)
            .map(|(&e, &c)| e - c)
            .collect();
        values.rows = vec![0; at as usize];
        let mut row = 0u32;
        for (part, map) in parts.iter().zip(&maps) {
            let mut from = 0;
            for &end in &part.row_ends {
                for &v in &part.row_values[from..end as usize] {
                    let g = global(map, v) as usize;
                    values.rows[next[g] as usize] = row;
                    next[g] += 1;
                }
                from = end as usize;
                row += 1;
            }
        }
        let mut hay = Haystacks {
            titles: Vec::with_capacity(parts.iter().map(|p| p.titles.len()).sum()),
            rest: Vec::with_capacity(parts.iter().map(|p| p.rest.len()).sum()),
            rows: Vec::with_capacity(events.len()),
            values,
            actors: n_actors,
        };
        for part in &parts {
            let at = hay.titles.len() as u32;
            let rest_at = hay.rest.len() as u32;
            hay.titles.extend_from_slice(&part.titles);
            hay.rest.extend_from_slice(&part.rest);
            for r in &part.rows {
                let start = r.start + at;
                if r.title & UNICODE != 0 {
                    // where the rest lies, over all the chunks' rests
                    let place = &mut hay.titles[start as usize..start as usize + 4];
                    let rest = u32::from_le_bytes([place[0], place[1], place[2], place[3]]);
                    place.copy_from_slice(&(rest + rest_at).to_le_bytes());
                }
                hay.rows.push(Row { start, ..*r });
            }
        }
        hay
    }

    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.titles.capacity()
            + self.rest.capacity()
            + self.rows.capacity() * std::mem::size_of::<Row>()
            + self.values.heap_bytes()
    }

    /// Decides term `t` on every distinct actor and date text, and spreads the answer to the
    /// rows; the row bitset comes from `pool`.
    pub(crate) fn decide<'q>(&self, t: &'q Term, pool: &mut Pool) -> Decided<'q> {
        let ids = match t.scope {
            Scope::All => 0..self.values.len(),
            Scope::Actors => 0..self.actors,
        };
        let hits: Vec<usize> = self
            .values
            .decide(t, ids.clone())
            .iter()
            .enumerate()
            .flat_map(|(w, &bits)| {
                (0..64)
                    .filter(move |k| bits & (1 << k) != 0)
                    .map(move |k| ids.start + w * 64 + k)
            })
            .collect();
        if hits.is_empty() {
            return Decided {
                term: t,
                rows: None,
            };
        }
        let words = self.len().div_ceil(64);
        let fill = |bits: &mut [u64], ids: &[usize]| {
            for &id in ids {
                for &r in self.values.rows_of(id) {
                    bits[r as usize / 64] |= 1 << (r % 64);
                }
            }
        };
        let postings: usize = hits.iter().map(|&id| self.values.rows_of(id).len()).sum();
        let mut bits = pool.take(words);
        if postings < PAR_POSTINGS {
            fill(&mut bits, &hits);
        } else {
            // two halves of the postings into two bitsets, then one or-ed into the other
            let mut seen = 0;
            let half = hits
                .iter()
                .position(|&id| {
                    seen += self.values.rows_of(id).len();
                    seen >= postings / 2
                })
                .map_or(hits.len(), |k| k + 1);
            let mut other = pool.take(words);
            rayon::join(
                || fill(&mut bits, &hits[..half]),
                || fill(&mut other, &hits[half..]),
            );
            for (b, o) in bits.iter_mut().zip(&other) {
                *b |= o;
            }
            pool.0.push(other);
        }
        Decided {
            term: t,
            rows: Some(bits),
        }
    }

    /// The title of row `i` (`r`).
    #[inline]
    fn title(&self, i: usize, r: &Row) -> Title<'_> {
        let end = self
            .rows
            .get(i + 1)
            .map_or(self.titles.len(), |n| n.start as usize);
        let t = &self.titles[r.start as usize..end];
        if r.title & UNICODE == 0 {
            return Title::Ascii(t);
        }
        Title::Unicode {
            lower: &t[4..],
            rest: u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as usize,
        }
    }

    /// The chars only normalised, and the UTF-8, of a title holding other characters than
    /// ASCII, of `n` chars, whose rest lies at `rest` (see [`Title`]).
    fn title_rest(&self, rest: usize, n: usize) -> (&[u8], &[u8]) {
        let r = &self.rest[rest..];
        let len = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
        (&r[4..4 + n], &r[4 + n..4 + n + len])
    }

    /// Whether row `i` matches every group of `groups`; with `track`, `end` is the row's kept
    /// match end (see [`Haystacks::tracked_hit`]).
    #[inline(always)]
    pub(crate) fn row_matches(
        &self,
        i: usize,
        groups: &[Vec<Decided<'_>>],
        track: Option<&Track>,
        end: &mut u32,
    ) -> bool {
        let r = &self.rows[i];
        'groups: for (g, terms) in groups.iter().enumerate() {
            if let Some(tr) = track.filter(|tr| tr.group == g) {
                if self.tracked_hit(i, r, &terms[0], tr, end) {
                    continue 'groups;
                }
                return false;
            }
            for d in terms {
                if self.term_hit(i, r, d) != d.term.negative {
                    continue 'groups;
                }
            }
            return false;
        }
        true
    }

    /// Whether the decided term `d` (negation ignored) matches row `i` (`r`).
    #[inline(always)]
    fn term_hit(&self, i: usize, r: &Row, d: &Decided<'_>) -> bool {
        let t = d.term;
        if t.by_mask && t.scope == Scope::All && t.mask & !r.title == 0 {
            // one letter or digit: the title's mask tells, whatever its characters
            return true;
        }
        if d.rows.as_ref().is_some_and(|bits| has(bits, i)) {
            return true;
        }
        t.scope == Scope::All && self.title_hit(i, r, t)
    }

    /// Whether term `t` (negation ignored) matches the title of row `i` (`r`).
    #[inline]
    fn title_hit(&self, i: usize, r: &Row, t: &Term) -> bool {
        if t.mask & !r.title != 0 {
            return false;
        }
        if t.edges != 0 && !edges_may(t.edges, r.edges) {
            // the title does not start (end) with what the anchored term needs
            return false;
        }
        match (self.title(i, r), t.ascii.as_deref()) {
            // nucleo: a non-ASCII needle never matches an ASCII haystack
            (Title::Ascii(_), None) => false,
            (Title::Ascii(_), Some(_)) if t.by_mask => true,
            (Title::Ascii(hay), Some(needle)) => match t.kind {
                AtomKind::Fuzzy => subsequence_end(hay, needle, t.ignore_case, 0, 0).is_some(),
                AtomKind::Substring => find_substring(hay, needle, t.ignore_case),
                _ => bytes_match(t, hay).is_some(),
            },
            // an ASCII needle only meets the folded characters: compare bytes
            (Title::Unicode { lower, rest }, Some(needle))
                if matches!(t.kind, AtomKind::Fuzzy | AtomKind::Substring) =>
            {
                let folded = if t.ignore_case {
                    lower
                } else {
                    self.title_rest(rest, lower.len()).0
                };
                if t.kind == AtomKind::Fuzzy {
                    subsequence_end(folded, needle, false, 0, 0).is_some()
                } else {
                    find_substring(folded, needle, false)
                }
            }
            (Title::Unicode { lower, rest }, _) => CHARS.with(|chars| {
                let text = self.title_rest(rest, lower.len()).1;
                let mut chars = chars.borrow_mut();
                chars.clear();
                chars.extend(String::from_utf8_lossy(text).chars());
                chars_match(t, &chars).is_some()
            }),
        }
    }

    /// [`Haystacks::term_hit`] for the tracked term (one positive fuzzy term with an ASCII
    /// needle, on all fields), which also gives where its greedy match ends in the title
    /// (`end`, holding on entry the end of the needle's first [`Track::resume`] bytes). A row
    /// that matches by its date or an actor is kept without looking at its title ([`UNKNOWN`]).
    #[inline(always)]
    fn tracked_hit(&self, i: usize, r: &Row, d: &Decided<'_>, tr: &Track, end: &mut u32) -> bool {
        let t = d.term;
        if d.rows.as_ref().is_some_and(|bits| has(bits, i)) {
            *end = UNKNOWN;
            return true;
        }
        let needle = t.ascii.as_deref().unwrap_or_default();
        let found = if t.mask & !r.title != 0 {
            None
        } else {
            let (hay, ignore_case) = match self.title(i, r) {
                Title::Ascii(hay) => (hay, t.ignore_case),
                Title::Unicode { lower, .. } if t.ignore_case => (lower, false),
                Title::Unicode { lower, rest } => (self.title_rest(rest, lower.len()).0, false),
            };
            match if tr.resume > 0 { *end } else { UNKNOWN } {
                NONE => None,
                UNKNOWN => subsequence_end(hay, needle, ignore_case, 0, 0),
                p => subsequence_end(hay, needle, ignore_case, p as usize, tr.resume),
            }
        };
        *end = found.map_or(NONE, |e| e as u32);
        found.is_some()
    }
}

/// A kept match end: the row's title does not hold the needle.
const NONE: u32 = u32::MAX;
/// A kept match end: the row matched elsewhere; where the title's match ends is not known.
pub(crate) const UNKNOWN: u32 = u32::MAX - 1;

/// The term whose greedy match ends in the titles are kept between keystrokes (in a list
/// beside the matches), so that a character typed at the end of the term costs a short scan
/// per row.
pub(crate) struct Track {
    /// The group (one positive fuzzy term with an ASCII needle, on all fields) whose ends are
    /// kept.
    pub group: usize,
    /// When non-zero, the ends given are those of the first `resume` bytes of the needle.
    pub resume: usize,
}

/// Bytes of a word, each `1`.
const LO: u64 = 0x0101_0101_0101_0101;
/// Bytes of a word, each `0x80`.
const HI: u64 = 0x8080_8080_8080_8080;

/// What a needle byte `c` is or-ed with before comparing: bit 5 (`0x20`) when it is a
/// lower-case letter of a case-insensitive needle, so that it also meets its upper case.
#[inline]
fn fold(c: u8, ignore_case: bool) -> u8 {
    if ignore_case && c.is_ascii_lowercase() {
        0x20
    } else {
        0
    }
}

/// Where the first byte `b` of `hay[from..]` with `b | f == c` is. Titles are short, so
/// rather than call a vectorised search this reads eight bytes at a time into a word and
/// flags the matching bytes with the zero-byte trick.
#[inline]
fn find_byte(hay: &[u8], from: usize, c: u8, f: u8) -> Option<usize> {
    let (wc, wf) = (LO * u64::from(c), LO * u64::from(f));
    // the word's bytes xor-ed with the wanted byte: zero where it matches
    let word = |at: usize| {
        let w: [u8; 8] = hay[at..at + 8].try_into().unwrap_or_default();
        (u64::from_le_bytes(w) | wf) ^ wc
    };
    let mut at = from;
    while at + 8 <= hay.len() {
        let x = word(at);
        // the lowest flag is exact (a borrow may only flag bytes above a zero byte)
        let z = x.wrapping_sub(LO) & !x & HI;
        if z != 0 {
            return Some(at + (z.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    if at >= hay.len() {
        return None;
    }
    if hay.len() < 8 {
        return hay[at..].iter().position(|&b| b | f == c).map(|k| at + k);
    }
    // the last eight bytes, without those before `at`: a byte before `at` may match, so the
    // flags are computed exactly
    let last = hay.len() - 8;
    let x = word(last);
    let z = !(((x & !HI) + !HI) | x) & HI & !0u64 << ((at - last) * 8);
    (z != 0).then(|| last + (z.trailing_zeros() / 8) as usize)
}

/// Where the greedy match of `needle` as a subsequence of `hay` ends, its first `k` bytes
/// matched already by `hay[..from]`.
#[inline]
fn subsequence_end(
    hay: &[u8],
    needle: &[u8],
    ignore_case: bool,
    from: usize,
    k: usize,
) -> Option<usize> {
    let mut at = from;
    for &c in needle.get(k..).unwrap_or_default() {
        at = find_byte(hay, at, c, fold(c, ignore_case))? + 1;
    }
    Some(at)
}

/// Whether `needle` occurs in `hay`.
fn find_substring(hay: &[u8], needle: &[u8], ignore_case: bool) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    let starts = &hay[..=last_start];
    let f = fold(first, ignore_case);
    let mut at = 0;
    while let Some(i) = find_byte(starts, at, first, f) {
        let same = hay[i + 1..]
            .iter()
            .zip(rest)
            .all(|(&b, &c)| b | fold(c, ignore_case) == c);
        if same {
            return true;
        }
        at = i + 1;
    }
    false
}

/// The match of a term on one field, by nucleo's rules: for a contiguous kind (substring,
/// prefix, suffix, exact) the position where it starts; for a fuzzy term, 0 when the needle is a
/// subsequence. `eq` compares a (folded) haystack element with a needle element.
fn generic_match<H: Copy, N: Copy>(
    kind: AtomKind,
    f: &[H],
    needle: &[N],
    eq: impl Fn(H, N) -> bool,
    h_ws: impl Fn(H) -> bool,
    n_ws: impl Fn(N) -> bool,
) -> Option<usize> {
    let n = needle.len();
    if n == 0 {
        return Some(0);
    }
    if n > f.len() {
        return None;
    }
    let lead = || f.iter().position(|&b| !h_ws(b)).unwrap_or(0);
    let trail = || f.iter().rev().position(|&b| !h_ws(b)).unwrap_or(0);
    let same = |at: usize| f[at..at + n].iter().zip(needle).all(|(&h, &c)| eq(h, c));
    let first_ws = n_ws(needle[0]);
    let last_ws = n_ws(needle[n - 1]);
    match kind {
        AtomKind::Fuzzy => {
            let mut it = f.iter();
            needle.iter().all(|&c| it.any(|&h| eq(h, c))).then_some(0)
        }
        AtomKind::Substring => (0..=f.len() - n).find(|&i| same(i)),
        AtomKind::Prefix => {
            let l = if first_ws { 0 } else { lead() };
            (f.len() - l >= n && same(l)).then_some(l)
        }
        AtomKind::Postfix => {
            let t = if last_ws { 0 } else { trail() };
            (f.len() - t >= n && same(f.len() - t - n)).then(|| f.len() - t - n)
        }
        AtomKind::Exact => {
            let l = if first_ws { 0 } else { lead() };
            let t = if last_ws { 0 } else { trail() };
            if t == f.len() || f.len() - t < l || f.len() - t - l != n {
                return None;
            }
            same(l).then_some(l)
        }
        _ => None,
    }
}

/// [`generic_match`] on an ASCII field.
pub(crate) fn bytes_match(t: &Term, f: &[u8]) -> Option<usize> {
    let needle = t.ascii.as_deref()?;
    let ic = t.ignore_case;
    generic_match(
        t.kind,
        f,
        needle,
        |h: u8, c: u8| {
            if ic {
                h.to_ascii_lowercase() == c
            } else {
                h == c
            }
        },
        |h: u8| h.is_ascii_whitespace(),
        |c: u8| (c as char).is_whitespace(),
    )
}

/// [`generic_match`] on a field of any characters, folding them as nucleo does.
pub(crate) fn chars_match(t: &Term, f: &[char]) -> Option<usize> {
    let (ic, norm) = (t.ignore_case, t.normalize);
    generic_match(
        t.kind,
        f,
        &t.chars,
        |h: char, c: char| {
            let mut h = h;
            if norm {
                h = nucleo_matcher::chars::normalize(h);
            }
            if ic {
                h = nucleo_matcher::chars::to_lower_case(h);
            }
            h == c
        },
        char::is_whitespace,
        char::is_whitespace,
    )
}

/// Whether term `t` (ignoring its negation) matches the single field `text`.
pub(crate) fn field_hit(t: &Term, text: &str, buf: &mut Vec<char>) -> bool {
    if text.is_ascii() {
        bytes_match(t, text.as_bytes()).is_some()
    } else {
        buf.clear();
        buf.extend(text.chars());
        chars_match(t, buf).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        proptest::collection::vec(
            proptest::sample::select(&b"aAbBcrRs -,`!\0\x01\xff"[..]),
            0..40,
        )
    }

    proptest! {
        /// The word-at-a-time search finds the first matching byte, at any offset and length.
        #[test]
        fn find_byte_is_the_first_match(hay in bytes(), at: proptest::sample::Index, c in proptest::sample::select(&b"abr -"[..]), ic: bool) {
            let from = at.index(hay.len() + 2);
            let f = fold(c, ic);
            let want = hay.iter().enumerate().skip(from).find(|(_, &b)| b | f == c).map(|(k, _)| k);
            prop_assert_eq!(find_byte(&hay, from, c, f), want);
        }

        /// Greedy subsequence ends and substrings, against plain loops.
        #[test]
        fn scans_equal_plain_loops(hay in bytes(), needle in proptest::collection::vec(proptest::sample::select(&b"abr -"[..]), 1..5), ic: bool) {
            let same = |b: u8, c: u8| b == c || (ic && c.is_ascii_lowercase() && b == c - 32);
            let mut at = 0;
            let mut want = Some(0);
            for &c in &needle {
                want = hay[at..].iter().position(|&b| same(b, c)).map(|k| at + k + 1);
                match want {
                    Some(e) => at = e,
                    None => break,
                }
            }
            prop_assert_eq!(subsequence_end(&hay, &needle, ic, 0, 0), want);
            // resuming after the first byte gives the same end
            if let Some(first) = subsequence_end(&hay, &needle[..1], ic, 0, 0) {
                prop_assert_eq!(subsequence_end(&hay, &needle, ic, first, 1), want);
            }
            let sub = hay.windows(needle.len()).any(|w| w.iter().zip(&needle).all(|(&b, &c)| same(b, c)));
            prop_assert_eq!(find_substring(&hay, &needle, ic), sub);
        }
    }

    #[test]
    fn find_byte_ignores_matches_before_the_start() {
        // a match just before `from`, followed by a byte one bit away from the wanted one (a
        // borrow of the cheap zero-byte test would flag it), in the last word of the haystack
        for len in 8..20 {
            for p in 0..len - 1 {
                let mut hay = vec![b'x'; len];
                hay[p] = b'-';
                hay[p + 1] = b'-' ^ 1;
                for from in 0..=len {
                    let want = hay
                        .iter()
                        .skip(from)
                        .position(|&b| b == b'-')
                        .map(|k| from + k);
                    assert_eq!(find_byte(&hay, from, b'-', 0), want, "{len} {p} {from}");
                }
            }
        }
    }

    fn event(title: &str, date: Option<DateValue>, actors: &[&str]) -> Event {
        Event {
            date,
            date_text: String::new(),
            date_basis: crate::temporal::Basis::Explicit,
            title: title.to_string(),
            actors: actors.iter().map(|&a| a.into()).collect(),
            mentions: Vec::new(),
            background: false,
        }
    }

    #[test]
    fn each_value_is_stored_once_with_its_rows() {
        // more events than a preparation chunk holds, so that chunks' ids are joined
        let n = PREPARE_CHUNK + 10;
        let events: Vec<Event> = (0..n)
            .map(|i| {
                let date = DateValue::ymd(2020, 1 + (i % 2) as u32, 1);
                match i % 3 {
                    0 => event("a", date, &["Modi", "Abe"]),
                    1 => event("b", date, &["Abe", "", "Abe"]),
                    _ => event("ç", None, &[]),
                }
            })
            .collect();
        let hay = Haystacks::new(&events);
        assert_eq!(hay.len(), n);
        let names: Vec<&str> = (0..hay.values.len()).map(|v| hay.values.get(v)).collect();
        assert_eq!(names, ["Modi", "Abe", "", "2020-01-01", "2020-02-01", ""]);
        assert_eq!(hay.actors, 3);
        let rows = |v: usize| hay.values.rows_of(v).to_vec();
        let want = |keep: &dyn Fn(usize) -> bool| -> Vec<u32> {
            (0..n).filter(|&i| keep(i)).map(|i| i as u32).collect()
        };
        assert_eq!(rows(0), want(&|i| i % 3 == 0));
        // a name twice in an event lists the event twice
        let abe: Vec<u32> = (0..n)
            .flat_map(|i| match i % 3 {
                0 => vec![i as u32],
                1 => vec![i as u32, i as u32],
                _ => vec![],
            })
            .collect();
        assert_eq!(rows(1), abe);
        assert_eq!(rows(5), want(&|i| i % 3 == 2));
        // titles: ASCII as they are, others with their folded copies
        let r = hay.rows[2];
        let Title::Unicode { lower, rest } = hay.title(2, &r) else {
            panic!("ç is not ASCII");
        };
        assert_eq!(lower, b"c");
        assert_eq!(hay.title_rest(rest, 1), (&b"c"[..], "ç".as_bytes()));
        assert!(matches!(hay.title(0, &hay.rows[0]), Title::Ascii(b"a")));
    }

    #[test]
    fn char_bits_are_exact_for_letters_and_digits() {
        // what a one-letter term decided by a mask relies on
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let folded = nucleo_matcher::chars::to_lower_case(nucleo_matcher::chars::normalize(c));
            let exact = if folded.is_ascii() {
                bit(folded as u8)
            } else {
                0
            };
            let alnum = (b'a'..=b'z').chain(b'0'..=b'9').fold(0, |m, b| m | bit(b));
            assert_eq!(char_bits(c) & alnum, exact & alnum, "{c:?}");
        }
    }

    #[test]
    fn edges_of_titles_and_needles() {
        assert_eq!(title_edges("Tokyo"), u16::from(b't') | u16::from(b'o') << 8);
        assert_eq!(title_edges(" Tokyo\t"), 0);
        assert_eq!(title_edges("Éric"), u16::from(b'e') | u16::from(b'c') << 8);
        assert_eq!(
            title_edges("Łódź"),
            u16::from(FOREIGN) | u16::from(b'z') << 8
        );
        assert_eq!(title_edges(""), 0);
        let prefix = needle_edges(AtomKind::Prefix, b"To");
        assert!(edges_may(prefix, title_edges("tokyo")));
        assert!(!edges_may(prefix, title_edges("Kyoto")));
        assert!(edges_may(prefix, title_edges(" Kyoto")));
        assert!(!edges_may(
            needle_edges(AtomKind::Exact, b"ab"),
            title_edges("abc")
        ));
        assert_eq!(needle_edges(AtomKind::Postfix, b"a "), 0);
        assert_eq!(needle_edges(AtomKind::Fuzzy, b"ab"), 0);
    }
}
