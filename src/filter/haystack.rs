//! Haystacks prepared once per timeline, and the yes/no decision of a term on them.
//!
//! Each event is one row: its fields (title, date, then each actor) separated by a NUL, in one
//! contiguous arena. Rows whose fields are all ASCII live in a byte arena and are decided here
//! exactly (the same answers as nucleo's matcher, without computing a score); the few rows with
//! other characters live in a `char` arena and are decided by nucleo itself. Every row also
//! carries two 64-bit masks of the characters present (all fields, actors only), so most rows a
//! term cannot match are dropped after one AND.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};

use memchr::{memchr, memchr2, memchr_iter};
use nucleo_matcher::pattern::AtomKind;
use nucleo_matcher::{Config, Matcher};

use super::query::{bit, Scope, Term};

/// Set in a row's mask when the row lives in the `char` arena.
const UNICODE: u64 = 1 << 63;
const SEP: u8 = 0;
/// Stands for a non-ASCII character in the folded copies of `char` rows: no ASCII needle byte
/// equals it.
const FOREIGN: u8 = 0xFF;

thread_local! {
    static MATCHER: RefCell<Option<Matcher>> = const { RefCell::new(None) };
}

/// Runs `f` with this thread's nucleo matcher (created once per thread).
pub(crate) fn with_matcher<R>(f: impl FnOnce(&mut Matcher) -> R) -> R {
    MATCHER.with(|m| {
        let mut m = m.borrow_mut();
        let m = m.get_or_insert_with(|| Matcher::new(Config::DEFAULT));
        f(m)
    })
}

/// Where a row's fields lie in its arena: `start..act` holds title and date, `act..end` the
/// actors.
#[derive(Debug, Clone, Copy, Default)]
struct Row {
    start: u32,
    act: u32,
    end: u32,
}

/// The prepared haystacks of a list of rows.
#[derive(Debug, Clone, Default)]
pub(crate) struct Haystacks {
    bytes: Vec<u8>,
    chars: Vec<char>,
    /// `chars` normalised (`é` → `e`), as bytes: [`FOREIGN`] for what stays non-ASCII.
    fold_norm: Vec<u8>,
    /// `chars` normalised and lower-cased, as bytes.
    fold_lower: Vec<u8>,
    rows: Vec<Row>,
    /// Characters of all fields (plus [`UNICODE`]).
    mask_all: Vec<u64>,
    /// Characters of the actors.
    mask_act: Vec<u64>,
    /// First (low half) and last (high half) bytes of each field (see [`edge_bits`]).
    edges: Vec<u64>,
}

fn clean_bytes(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes().map(|b| if b == SEP { b' ' } else { b })
}

fn clean_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(|c| if c == '\0' { ' ' } else { c })
}

/// The bit of a field's first byte `a` (low half) and of its last byte `z` (high half).
#[inline]
fn edge_bits(a: u8, z: u8) -> u64 {
    let low = |b: u8| 1u64 << (bit(b).trailing_zeros() % 32);
    low(a) | low(z) << 32
}

/// The edge bits an anchored term needs: its needle's first byte for a prefix, last for a
/// suffix, both for an exact term; none when white space makes them unsure.
pub(crate) fn needle_edges(kind: AtomKind, needle: &[u8]) -> u64 {
    let (Some(&a), Some(&z)) = (needle.first(), needle.last()) else {
        return 0;
    };
    let e = edge_bits(a, z);
    let first = if (a as char).is_whitespace() {
        0
    } else {
        e & 0xFFFF_FFFF
    };
    let last = if (z as char).is_whitespace() {
        0
    } else {
        e & !0xFFFF_FFFF
    };
    match kind {
        AtomKind::Prefix => first,
        AtomKind::Postfix => last,
        AtomKind::Exact => first | last,
        _ => 0,
    }
}

/// The mask bits a haystack character can stand for under nucleo's case folding and
/// normalisation.
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

impl Haystacks {
    /// Empty, with room for `n` rows.
    pub(crate) fn with_capacity(n: usize) -> Haystacks {
        Haystacks {
            rows: Vec::with_capacity(n),
            mask_all: Vec::with_capacity(n),
            mask_act: Vec::with_capacity(n),
            edges: Vec::with_capacity(n),
            ..Haystacks::default()
        }
    }

    /// Adds a row: an event's title, date text and actors.
    pub(crate) fn push<S: AsRef<str>>(&mut self, title: &str, date: &str, actors: &[S]) {
        let ascii =
            title.is_ascii() && date.is_ascii() && actors.iter().all(|a| a.as_ref().is_ascii());
        let actors = actors.iter().map(AsRef::as_ref);
        if ascii {
            self.push_ascii(title, date, actors);
        } else {
            self.push_unicode(title, date, actors);
        }
    }

    /// Reserves room for the arenas of `parts`.
    pub(crate) fn reserve_for(&mut self, parts: &[Haystacks]) {
        let sum = |f: fn(&Haystacks) -> usize| parts.iter().map(f).sum::<usize>();
        self.bytes.reserve_exact(sum(|h| h.bytes.len()));
        self.chars.reserve_exact(sum(|h| h.chars.len()));
        self.fold_norm.reserve_exact(sum(|h| h.fold_norm.len()));
        self.fold_lower.reserve_exact(sum(|h| h.fold_lower.len()));
    }

    /// Appends the rows of `other` after this one's.
    pub(crate) fn append(&mut self, other: Haystacks) {
        let (ob, oc) = (self.bytes.len() as u32, self.chars.len() as u32);
        for (r, m) in other.rows.iter().zip(&other.mask_all) {
            let o = if m & UNICODE != 0 { oc } else { ob };
            self.rows.push(Row {
                start: r.start + o,
                act: r.act + o,
                end: r.end + o,
            });
        }
        self.bytes.extend_from_slice(&other.bytes);
        self.chars.extend_from_slice(&other.chars);
        self.fold_norm.extend_from_slice(&other.fold_norm);
        self.fold_lower.extend_from_slice(&other.fold_lower);
        self.mask_all.extend_from_slice(&other.mask_all);
        self.mask_act.extend_from_slice(&other.mask_act);
        self.edges.extend_from_slice(&other.edges);
    }

    /// Releases spare capacity.
    pub(crate) fn shrink(&mut self) {
        self.bytes.shrink_to_fit();
        self.chars.shrink_to_fit();
        self.fold_norm.shrink_to_fit();
        self.fold_lower.shrink_to_fit();
    }

    fn push_ascii<'a>(
        &mut self,
        title: &str,
        date: &str,
        actors: impl IntoIterator<Item = &'a str>,
    ) {
        let start = self.bytes.len();
        self.bytes.extend(clean_bytes(title));
        self.bytes.push(SEP);
        self.bytes.extend(clean_bytes(date));
        self.bytes.push(SEP);
        let act = self.bytes.len();
        let mut m_act = 0;
        for (i, a) in actors.into_iter().enumerate() {
            if i > 0 {
                self.bytes.push(SEP);
            }
            self.bytes.extend(clean_bytes(a));
            m_act |= a.bytes().fold(0, |m, b| m | bit(b));
        }
        let m_all = self.bytes[start..act]
            .iter()
            .fold(m_act, |m, &b| m | bit(b));
        let mut edges = 0u64;
        for f in self.bytes[start..].split(|&b| b == SEP) {
            edges |= match (f.first(), f.last()) {
                (Some(&a), Some(&z)) if !a.is_ascii_whitespace() && !z.is_ascii_whitespace() => {
                    edge_bits(a, z)
                }
                (None, _) | (_, None) => 0,
                _ => !0,
            };
        }
        self.rows.push(Row {
            start: start as u32,
            act: act as u32,
            end: self.bytes.len() as u32,
        });
        self.edges.push(edges);
        self.mask_all.push(m_all & !UNICODE);
        self.mask_act.push(m_act & !UNICODE);
    }

    fn push_unicode<'a>(
        &mut self,
        title: &str,
        date: &str,
        actors: impl IntoIterator<Item = &'a str>,
    ) {
        let start = self.chars.len();
        let mut m_all = 0;
        for f in [title, date] {
            for c in f.chars() {
                self.chars.push(if c == '\0' { ' ' } else { c });
                m_all |= char_bits(c);
            }
            self.chars.push('\0');
        }
        let act = self.chars.len();
        let mut m_act = 0;
        for (i, a) in actors.into_iter().enumerate() {
            if i > 0 {
                self.chars.push('\0');
            }
            self.chars.extend(clean_chars(a));
            m_act |= a.chars().fold(0, |m, c| m | char_bits(c));
        }
        let end = self.chars.len();
        for &c in &self.chars[start..end] {
            if c.is_ascii() {
                self.fold_norm.push(c as u8);
                self.fold_lower.push(c.to_ascii_lowercase() as u8);
                continue;
            }
            let n = nucleo_matcher::chars::normalize(c);
            let l = nucleo_matcher::chars::to_lower_case(n);
            let byte = |c: char| if c.is_ascii() { c as u8 } else { FOREIGN };
            self.fold_norm.push(byte(n));
            self.fold_lower.push(byte(l));
        }
        self.rows.push(Row {
            start: start as u32,
            act: act as u32,
            end: end as u32,
        });
        self.edges.push(!0);
        self.mask_all.push((m_all | m_act) & !UNICODE | UNICODE);
        self.mask_act.push(m_act & !UNICODE);
    }

    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.bytes.capacity()
            + self.chars.capacity() * 4
            + self.fold_norm.capacity()
            + self.fold_lower.capacity()
            + self.rows.capacity() * std::mem::size_of::<Row>()
            + (self.mask_all.capacity() + self.mask_act.capacity() + self.edges.capacity()) * 8
    }

    /// Whether row `i` matches every group of `groups`.
    #[inline]
    pub(crate) fn row_matches(
        &self,
        i: usize,
        groups: &[Vec<Term>],
        track: Option<&Track<'_>>,
    ) -> bool {
        let m_all = self.mask_all[i];
        let m_act = || self.mask_act[i];
        let r = || self.rows[i];
        'groups: for (g, terms) in groups.iter().enumerate() {
            if let Some(tr) = track.filter(|tr| tr.group == g && m_all & UNICODE == 0) {
                let t = &terms[0];
                let scope_mask = match t.scope {
                    Scope::All => m_all,
                    Scope::Actors => m_act(),
                };
                if t.mask & !scope_mask != 0 {
                    return false;
                }
                let needle = t.ascii.as_deref().unwrap_or_default();
                let r = r();
                let from = match t.scope {
                    Scope::All => r.start,
                    Scope::Actors => r.act,
                } as usize;
                let hay = &self.bytes[from..r.end as usize];
                let end = if tr.resume > 0 {
                    let prev = tr.ends[i].load(Ordering::Relaxed) as usize;
                    fuzzy_resume(hay, needle, t.ignore_case, prev, tr.resume)
                } else {
                    fuzzy_row_end(hay, needle, t.ignore_case)
                };
                match end {
                    Some(e) => {
                        tr.ends[i].store(e as u32, Ordering::Relaxed);
                        continue 'groups;
                    }
                    None => return false,
                }
            }
            for t in terms {
                let scope_mask = match t.scope {
                    Scope::All => m_all,
                    Scope::Actors => m_act(),
                };
                let hit = if t.mask & !scope_mask != 0 {
                    false
                } else if m_all & UNICODE != 0 {
                    self.unicode_hit(r(), t)
                } else if t.by_mask {
                    true
                } else if t.edges & !self.edges[i] != 0 {
                    // no field starts (ends) with what the anchored term needs
                    false
                } else {
                    self.ascii_hit(r(), t)
                };
                if hit != t.negative {
                    continue 'groups;
                }
            }
            return false;
        }
        true
    }

    fn ascii_hit(&self, r: Row, t: &Term) -> bool {
        let Some(needle) = t.ascii.as_deref() else {
            // nucleo: a non-ASCII needle never matches an ASCII haystack
            return false;
        };
        let from = match t.scope {
            Scope::All => r.start,
            Scope::Actors => r.act,
        } as usize;
        let hay = &self.bytes[from..r.end as usize];
        if t.scope == Scope::Actors && hay.is_empty() {
            return false;
        }
        match t.kind {
            AtomKind::Fuzzy => fuzzy_row(hay, needle, t.ignore_case),
            AtomKind::Substring => find_substring(hay, needle, t.ignore_case),
            kind => {
                let (first, last) = (needle[0], needle[needle.len() - 1]);
                let same = |b: u8, c: u8| {
                    b == c || (t.ignore_case && c.is_ascii_lowercase() && (b | 0x20) == c)
                };
                // a field is worth a full check only when its first (last) byte can start
                // (end) the match; white space is trimmed, so it is always worth one
                let may = |f: &[u8]| match (kind, f.first(), f.last()) {
                    (_, None, _) | (_, _, None) => false,
                    (AtomKind::Prefix, Some(&b), _) => b.is_ascii_whitespace() || same(b, first),
                    (AtomKind::Postfix, _, Some(&b)) => b.is_ascii_whitespace() || same(b, last),
                    (_, Some(&b), Some(&e)) => {
                        (b.is_ascii_whitespace() || same(b, first))
                            && (e.is_ascii_whitespace() || same(e, last))
                    }
                };
                let mut at = 0;
                loop {
                    let end = memchr(SEP, &hay[at..]).map_or(hay.len(), |k| at + k);
                    let f = &hay[at..end];
                    if may(f) && bytes_match(t, f).is_some() {
                        return true;
                    }
                    if end >= hay.len() {
                        return false;
                    }
                    at = end + 1;
                }
            }
        }
    }

    fn unicode_hit(&self, r: Row, t: &Term) -> bool {
        let from = match t.scope {
            Scope::All => r.start,
            Scope::Actors => r.act,
        } as usize;
        let end = r.end as usize;
        if t.scope == Scope::Actors && from == end {
            return false;
        }
        if let (Some(needle), AtomKind::Fuzzy | AtomKind::Substring) = (t.ascii.as_deref(), t.kind)
        {
            // an ASCII needle only meets the folded characters: compare bytes
            let folded = if t.ignore_case {
                &self.fold_lower
            } else {
                &self.fold_norm
            };
            let hay = &folded[from..end];
            return if t.kind == AtomKind::Fuzzy {
                fuzzy_row(hay, needle, false)
            } else {
                find_substring(hay, needle, false)
            };
        }
        self.chars[from..end]
            .split(|&c| c == '\0')
            .any(|f| chars_match(t, f).is_some())
    }
}

/// Whether `needle` is a subsequence of one of the NUL-separated fields of `hay`.
fn fuzzy_row(hay: &[u8], needle: &[u8], ignore_case: bool) -> bool {
    fuzzy_row_end(hay, needle, ignore_case).is_some()
}

/// Where the greedy match of `needle` ends in the first NUL-separated field of `hay` that
/// holds it as a subsequence.
fn fuzzy_row_end(hay: &[u8], needle: &[u8], ignore_case: bool) -> Option<usize> {
    fuzzy_scan(hay, needle, ignore_case, 0, 0)
}

/// [`fuzzy_row_end`] for `needle` when `prev` is that of its first `done` bytes: the greedy
/// match extends in the same field, or the search goes on in the fields after it.
fn fuzzy_resume(
    hay: &[u8],
    needle: &[u8],
    ignore_case: bool,
    prev: usize,
    done: usize,
) -> Option<usize> {
    fuzzy_scan(
        hay,
        needle,
        ignore_case,
        prev.min(hay.len()),
        done.min(needle.len()),
    )
}

/// One pass of greedy subsequence matching from `from`, with the first `k` needle bytes
/// already matched; a NUL (the start of the next field) starts the needle over. Short rows and
/// common letters make a plain loop cheaper than a vectorised search per needle byte.
#[inline]
fn fuzzy_scan(
    hay: &[u8],
    needle: &[u8],
    ignore_case: bool,
    from: usize,
    mut k: usize,
) -> Option<usize> {
    let n = needle.len();
    if k >= n {
        return Some(from);
    }
    // a lower-case needle letter also meets its upper case: compare with bit 5 set
    let fold = |c: u8| {
        if ignore_case && c.is_ascii_lowercase() {
            0x20
        } else {
            0
        }
    };
    let first = needle[0];
    let mut pos = from;
    loop {
        if k == 0 {
            // the needle starts over: find its first byte with a vectorised search
            let p = if fold(first) != 0 {
                memchr2(first, first - 32, &hay[pos..])
            } else {
                memchr(first, &hay[pos..])
            }?;
            pos += p + 1;
            k = 1;
            if k == n {
                return Some(pos);
            }
        }
        // the rest usually follows within a few bytes: a plain loop
        let mut c = needle[k];
        let mut f = fold(c);
        let mut restart = false;
        while pos < hay.len() {
            let b = hay[pos];
            pos += 1;
            if (b | f) == c {
                k += 1;
                if k == n {
                    return Some(pos);
                }
                c = needle[k];
                f = fold(c);
            } else if b == SEP {
                restart = true;
                break;
            }
        }
        if !restart {
            return None;
        }
        k = 0;
    }
}

/// Greedy match ends of one fuzzy term, kept per row between keystrokes so that a character
/// typed at the end of the term costs one search per row.
pub(crate) struct Track<'a> {
    /// The group (one positive fuzzy term with an ASCII needle) whose ends are kept.
    pub group: usize,
    /// Per row, where the term's match ends in its scope.
    pub ends: &'a [AtomicU32],
    /// When non-zero, `ends` hold the ends of the first `resume` bytes of the needle.
    pub resume: usize,
}

#[inline]
fn eq_bytes(hay: &[u8], needle: &[u8], ignore_case: bool) -> bool {
    if ignore_case {
        hay.len() == needle.len()
            && hay
                .iter()
                .zip(needle)
                .all(|(h, n)| h.to_ascii_lowercase() == *n)
    } else {
        hay == needle
    }
}

/// Whether `needle` occurs in `hay` (fields never contain NUL, so a match never spans two).
fn find_substring(hay: &[u8], needle: &[u8], ignore_case: bool) -> bool {
    if needle.len() > hay.len() {
        return false;
    }
    if !ignore_case || !needle.iter().any(u8::is_ascii_lowercase) {
        return memchr::memmem::find(hay, needle).is_some();
    }
    let (&first, rest) = match needle.split_first() {
        Some(x) => x,
        None => return true,
    };
    let last_start = hay.len() - needle.len();
    let scan = &hay[..=last_start];
    let check = |i: usize| eq_bytes(&hay[i + 1..i + needle.len()], rest, true);
    if first.is_ascii_lowercase() {
        memchr::memchr2_iter(first, first - 32, scan).any(check)
    } else {
        memchr_iter(first, scan).any(check)
    }
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
