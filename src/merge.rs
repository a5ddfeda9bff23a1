//! The one step that looks across articles: corpus-wide actor aliases and one event per
//! happening told by several articles. It reads only what an exported event carries, so events
//! from JSONL shards merge exactly like events read here.

use std::collections::HashMap;

use crate::actors::{self, ActorKind, Name};
use crate::events::Event;
use crate::temporal::{Basis, Precision};
use crate::timeline::{permute, timeline_key, TimelineKey};

/// Words that name the same kind of happening, by kind (one bit each), so that "held talks"
/// and "meeting" can be recognised as one happening told twice.
const STEMS: [(u8, &[&str]); 6] = [
    (
        1, // meet
        &[
            "meet",
            "meets",
            "met",
            "meeting",
            "meetings",
            "talk",
            "talks",
            "held",
            "hold",
            "holds",
            "bilateral",
            "dialogue",
            "dialogues",
            "discuss",
            "discusses",
            "discussed",
            "discussion",
            "discussions",
            "summit",
            "session",
            "visit",
            "visits",
            "visited",
        ],
    ),
    (
        2, // sign
        &[
            "sign",
            "signs",
            "signed",
            "signing",
            "agreement",
            "pact",
            "deal",
            "accord",
            "treaty",
        ],
    ),
    (4, &["agree", "agrees", "agreed"]),
    (
        8, // announce
        &[
            "announce",
            "announces",
            "announced",
            "announcement",
            "unveil",
            "unveils",
            "unveiled",
            "launch",
            "launches",
            "launched",
            "introduce",
            "introduces",
            "introduced",
        ],
    ),
    (
        16, // attack
        &[
            "attack", "attacks", "attacked", "clash", "clashes", "clashed", "strike", "strikes",
            "struck",
        ],
    ),
    (32, &["exercise", "exercises", "drill", "drills"]),
];

/// The words of [`STEMS`] by their bytes, and what lets most other words be refused unread.
struct StemWords {
    /// The kind bit of every word.
    bits: FastMap<&'static [u8], u8>,
    /// By length (up to [`LONGEST_STEM`]): the first letters (bit `c - b'a'`) and the last
    /// letters of the words of that length.
    ends: [(u32, u32); LONGEST_STEM + 1],
}

/// No word of [`STEMS`] is longer.
const LONGEST_STEM: usize = 15;

fn stem_words() -> &'static StemWords {
    static WORDS: std::sync::OnceLock<StemWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = StemWords {
            bits: FastMap::default(),
            ends: [(0, 0); LONGEST_STEM + 1],
        };
        for &(bit, list) in &STEMS {
            for w in list {
                let b = w.as_bytes();
                words.bits.insert(b, bit);
                let ends = &mut words.ends[b.len()];
                ends.0 |= letter_bit(b[0]);
                ends.1 |= letter_bit(b[b.len() - 1]);
            }
        }
        words
    })
}

/// The bit of a lowercase ASCII letter (0 for other bytes).
fn letter_bit(c: u8) -> u32 {
    if c.is_ascii_lowercase() {
        1 << (c - b'a')
    } else {
        0
    }
}

/// The kind bit of a word of a title (trimmed of punctuation, any case), 0 for other words.
fn stem_bit(word: &str) -> u8 {
    if !word.is_ascii() {
        let w = crate::text::lower(word);
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        return stem_words().bits.get(w.as_bytes()).copied().unwrap_or(0);
    }
    stem_bit_ascii(word.as_bytes())
}

/// [`stem_bit`] of an ASCII word: trimmed and lowercased on the stack, most words refused by
/// their length and first and last letters.
fn stem_bit_ascii(b: &[u8]) -> u8 {
    let start = b
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    let words = stem_words();
    let Some(&(firsts, lasts)) = words.ends.get(end - start).filter(|_| end > start) else {
        return 0;
    };
    if firsts & letter_bit(b[start].to_ascii_lowercase()) == 0
        || lasts & letter_bit(b[end - 1].to_ascii_lowercase()) == 0
    {
        return 0;
    }
    let mut buf = [0u8; LONGEST_STEM];
    let slot = &mut buf[..end - start];
    for (d, c) in slot.iter_mut().zip(&b[start..end]) {
        *d = c.to_ascii_lowercase();
    }
    words.bits.get(&*slot).copied().unwrap_or(0)
}

/// True when two events, from different articles, tell the same happening: the same date at
/// compatible precision, shared actors, and wording about the same kind of happening.
pub fn same_happening(a: &Event, b: &Event) -> bool {
    same_happening_told(
        Told::of(a, stem_mask(&a.title)),
        Told::of(b, stem_mask(&b.title)),
        || a.title.eq_ignore_ascii_case(&b.title),
        || a.actors.iter().filter(|x| b.actors.contains(x)).count() >= 2,
    )
}

/// Replaces short person names by the one full name the corpus knows for them.
pub fn apply_aliases(events: &mut [Event], aliases: &HashMap<String, String>) {
    apply_aliases_sharing(events, aliases, &FastSet::default());
}

/// [`apply_aliases`], a full name found in `names` being that shared name.
fn apply_aliases_sharing(
    events: &mut [Event],
    aliases: &HashMap<String, String>,
    names: &FastSet<Name>,
) {
    if aliases.is_empty() {
        return;
    }
    // each full name held once, shared by every event it replaces a short name in
    let aliases: FastMap<&str, (&str, Name)> = aliases
        .iter()
        .map(|(short, canon)| {
            let name = names
                .get(canon.as_str())
                .cloned()
                .unwrap_or_else(|| Name::from(canon.as_str()));
            (short.as_str(), (canon.as_str(), name))
        })
        .collect();
    use rayon::prelude::*;
    events.par_iter_mut().for_each(|e| {
        let touched = e
            .actors
            .iter()
            .enumerate()
            .any(|(k, a)| aliases.contains_key(&**a) || e.actors[..k].contains(a));
        if !touched {
            return;
        }
        let mut out: Vec<Name> = Vec::with_capacity(e.actors.len());
        for a in e.actors.drain(..) {
            let a = match aliases.get(&*a) {
                Some((canon, name)) => {
                    rename_in_title(&mut e.title, &a, canon);
                    name.clone()
                }
                None => a,
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
        e.actors = out;
    });
}

/// Writes the canonical name where a title says a short one (`counterpart Nakatani` →
/// `counterpart Gen Nakatani`), once, as a whole word, unless the title already has it.
fn rename_in_title(title: &mut String, short: &str, canon: &str) {
    if short.is_empty() || title.contains(canon) {
        return;
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let found = title.match_indices(short).map(|(i, _)| i).find(|&i| {
        !word(title[..i].chars().next_back()) && !word(title[i + short.len()..].chars().next())
    });
    if let Some(i) = found {
        title.replace_range(i..i + short.len(), canon);
    }
}

/// How well a title reads: names it carries and a verb, then length up to a point.
fn title_quality(e: &Event) -> (u32, u32) {
    let names = e.actors.iter().filter(|a| e.title.contains(&***a)).count();
    (names as u32, e.title.chars().count().min(80) as u32)
}

/// Folds `other` into `into`, keeping `filed` (what the merge keeps of `into`) in step; `pre`
/// is what [`prepare`] gave for `other` and `ids` are the ids of its actors.
fn fold(into: &mut Event, filed: &mut Filed, other: Event, pre: Pre, ids: &[u32]) {
    let retitled = pre.quality > filed.quality;
    if retitled {
        into.title = other.title;
    }
    let more_precise = match (into.date, other.date) {
        (Some(a), Some(b)) => b.precision() > a.precision(),
        _ => false,
    };
    let better_basis = other.date_basis == Basis::Explicit && into.date_basis != Basis::Explicit;
    if more_precise || better_basis {
        into.date = other.date;
        into.date_text = other.date_text;
        into.date_basis = other.date_basis;
    }
    for (a, &id) in other.actors.into_iter().zip(ids) {
        if !filed.names(id) {
            if !retitled && into.title.contains(&*a) {
                filed.quality.0 += 1;
            }
            into.actors.push(a);
            filed.add(id);
        }
    }
    into.mentions.extend(other.mentions);
    if retitled {
        filed.quality = title_quality(into);
        filed.told.mask = pre.mask;
    }
    filed.told.date = into.date;
}

/// The corpus step: short person names resolved across the corpus, then one event per happening,
/// with the actors of merged events in a canonical order (people, countries, organisations,
/// places; then by name) so that the result does not depend on the order of the input. The
/// events are given in the order the timeline shows them ([`crate::timeline::sort_events`]),
/// those first told in `events` first where that order ties.
pub fn merge_corpus(mut events: Vec<Event>, kinds: &HashMap<String, ActorKind>) -> Vec<Event> {
    // names in the order events are first told, so "the first form listed" is stable; names
    // are shared, so most are recognised by address alone
    let mut seen: FastSet<Name> = FastSet::default();
    let mut names: Vec<(String, ActorKind)> = Vec::new();
    let ids = ActorIds::of(&events, |a| {
        if let Some(&k) = kinds.get(&**a) {
            seen.insert(a.clone());
            names.push((a.to_string(), k));
        }
    });
    // a full name is the name already shared by the events naming it in full (so the names
    // stay numbered)
    apply_aliases_sharing(&mut events, &actors::corpus_aliases(&names), &seen);
    drop(seen);
    let mut out = merge_numbered(events, &ids, Arrange::Timeline);
    use rayon::prelude::*;
    out.par_iter_mut()
        .filter(|e| e.mentions.len() > 1)
        .for_each(|e| {
            let rank = |a: &Name| kinds.get(&**a).copied().unwrap_or(ActorKind::Organisation);
            e.actors.sort_by_cached_key(|a| (rank(a), a.clone()));
        });
    out
}

/// The kinds of happening a title names (see [`STEMS`]), one bit each.
fn stem_mask(title: &str) -> u8 {
    if !title.is_ascii() {
        return title.split_whitespace().fold(0, |m, w| m | stem_bit(w));
    }
    // the ASCII white space of `char::is_whitespace`
    let space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    title
        .as_bytes()
        .split(space)
        .fold(0, |m, w| m | stem_bit_ascii(w))
}

/// What [`same_happening`] reads of an event besides its title and actors.
#[derive(Clone, Copy)]
struct Told {
    date: Option<crate::temporal::DateValue>,
    background: bool,
    /// Its title's stems (see [`stem_mask`]).
    mask: u8,
}

impl Told {
    fn of(e: &Event, mask: u8) -> Told {
        Told {
            date: e.date,
            background: e.background,
            mask,
        }
    }
}

/// [`same_happening`] of two events told as `a` and `b`; `same_title` says whether their titles
/// are the same but for case, `shared_two` whether they share two actors (each asked only when
/// it decides).
fn same_happening_told(
    a: Told,
    b: Told,
    same_title: impl FnOnce() -> bool,
    shared_two: impl FnOnce() -> bool,
) -> bool {
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    if a.background || b.background {
        return a.background && b.background && da == db && same_title();
    }
    let fine = |p: Precision| p >= Precision::Week;
    if !(da == db || (fine(da.precision()) && fine(db.precision()) && da.compatible(&db))) {
        return false;
    }
    if a.mask & b.mask == 0 {
        return false;
    }
    shared_two()
}

/// An ISO week: its year times 64 plus its number.
type Week = i32;

/// Where an event with actors is filed. A date coarser than a week only ever matches the very
/// same date (and such a date never changes in a fold), so those events are filed by date; the
/// others by the ISO weeks their date spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Slot {
    Week(Week),
    Date(crate::temporal::DateValue),
}

impl Slot {
    /// A number for the slot, distinct slots having distinct numbers: events are grouped by
    /// slot by sorting them by it.
    fn number(self) -> u64 {
        use crate::temporal::DateValue;
        // the year in bits 8..40 and what follows it in the low 8; the kind of date above
        let at = |year: i32, k: u64| u64::from(year as u32) << 8 | k;
        match self {
            Slot::Week(w) => u64::from(w as u32),
            Slot::Date(d) => match d {
                DateValue::Year(y) => 1 << 40 | at(y, 0),
                DateValue::Quarter(y, q) => 2 << 40 | at(y, u64::from(q)),
                DateValue::Month(y, m) => 3 << 40 | at(y, u64::from(m)),
                DateValue::Week(y, w) => 4 << 40 | at(y, u64::from(w)),
                DateValue::Day(day) => 5 << 40 | at(chrono::Datelike::num_days_from_ce(&day), 0),
            },
        }
    }
}

fn slots(d: crate::temporal::DateValue, weeks: [Week; 2]) -> [Slot; 2] {
    if d.precision() >= Precision::Week {
        [Slot::Week(weeks[0]), Slot::Week(weeks[1])]
    } else {
        [Slot::Date(d); 2]
    }
}

fn week(d: chrono::NaiveDate) -> Week {
    let w = chrono::Datelike::iso_week(&d);
    w.year() * 64 + w.week() as i32
}

/// What the merge reads of each event's own date and title, worked out for all events at once
/// (on every core) before the slots are merged.
#[derive(Clone, Copy)]
struct Pre {
    /// The ISO weeks of its first and last day (unused when it is undated).
    weeks: [Week; 2],
    /// Its title's stems (see [`stem_mask`]).
    mask: u8,
    /// Its title's quality (see [`title_quality`]).
    quality: (u32, u32),
    /// The one article telling it (`NONE` when several do, or none).
    article: u32,
}

/// [`Pre`] of a dated event (of an undated one, nothing: it is never merged).
fn prepare(e: &Event) -> Pre {
    let Some(d) = e.date else {
        return Pre {
            weeks: [0; 2],
            mask: 0,
            quality: (0, 0),
            article: NONE,
        };
    };
    let (first, last) = (d.first_day(), d.last_day());
    let first_week = week(first);
    Pre {
        weeks: [
            first_week,
            if last == first {
                first_week
            } else {
                week(last)
            },
        ],
        mask: stem_mask(&e.title),
        quality: title_quality(e),
        article: match first_article(e) {
            first if e.mentions.iter().all(|m| m.article == first) => first,
            _ => NONE,
        },
    }
}

/// What the merge keeps of an event already on the output: the weeks it was filed under when it
/// was first met (kept as they were, whatever a later fold does to its date), and what deciding
/// whether an incoming event repeats it reads, so that the event itself is seldom read.
struct Filed {
    weeks: [Week; 2],
    /// Where it is filed.
    slots: [Slot; 2],
    /// Its date, kind and stems, as they are now.
    told: Told,
    /// The one article telling it (`NONE` once several do).
    article: u32,
    /// Folded into: its mentions are sorted once merging is done.
    folded: bool,
    /// The articles telling it, once it is told by many.
    articles: Option<Box<FastSet<u32>>>,
    /// Its title's quality (see [`title_quality`]).
    quality: (u32, u32),
    /// It names an actor twice.
    doubled: bool,
    /// The ids of its actors, one per actor, as [`ActorIds::of_event`] gives them.
    ids: Vec<u32>,
    /// The same ids as a set, once it names many.
    id_set: Option<Box<FastSet<u32>>>,
}

type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// Mentions beyond which an event keeps a set of its articles.
const MANY: usize = 16;

impl Filed {
    /// `told`: what it tells; `ids`: the ids of its actors; `doubled`: it names an actor twice.
    fn new(pre: Pre, told: Told, slots: [Slot; 2], ids: &[u32], doubled: bool) -> Filed {
        Filed {
            weeks: pre.weeks,
            slots,
            told,
            article: pre.article,
            folded: false,
            articles: None,
            quality: pre.quality,
            doubled,
            ids: ids.to_vec(),
            id_set: None,
        }
    }

    /// True when it names the actor of id `id`.
    fn names(&self, id: u32) -> bool {
        match &self.id_set {
            Some(set) => set.contains(&id),
            None => self.ids.contains(&id),
        }
    }

    /// Adds the id of an actor it gained.
    fn add(&mut self, id: u32) {
        self.ids.push(id);
        match &mut self.id_set {
            Some(set) => {
                set.insert(id);
            }
            None if self.ids.len() > MANY => {
                self.id_set = Some(Box::new(self.ids.iter().copied().collect()));
            }
            None => {}
        }
    }

    /// True when this filed event and `e` share two actors, counted on this event's list (a
    /// name it has twice counts twice); `ids` are the ids of `e`'s actors, `distinct` the same
    /// without repeats.
    fn shares_two(&self, ids: &[u32], distinct: &[u32]) -> bool {
        match &self.id_set {
            Some(set) if !self.doubled => {
                distinct.iter().filter(|id| set.contains(id)).count() >= 2
            }
            _ => self.ids.iter().filter(|id| ids.contains(id)).count() >= 2,
        }
    }

    /// True when none of `articles` tells `o` (this filed event) already.
    fn disjoint(&self, o: &Event, articles: &[u32]) -> bool {
        match &self.articles {
            Some(set) => articles.iter().all(|a| !set.contains(a)),
            None if self.article != NONE => !articles.contains(&self.article),
            None => o.mentions.iter().all(|m| !articles.contains(&m.article)),
        }
    }
}

/// Lists of event numbers under keys, kept as chains through one array: most lists hold one or
/// two events, and a vector each would cost more than the events themselves.
struct Chains<K> {
    /// Key → (last link, length).
    heads: FastMap<K, (u32, u32)>,
    /// One per filing.
    links: Vec<Link>,
}

/// An event filed under a key, with the way back along the key's chain.
#[derive(Clone, Copy)]
struct Link {
    event: u32,
    /// The previous link of the same key, or `NONE`.
    prev: u32,
    /// An article that tells the event (`NONE` when unknown).
    article: u32,
    /// The first link back that is not of the same run of `article`'s events: an event told
    /// by that article is skipped with its whole run, so that one long article (thousands of
    /// events of the same week and actors) costs linear time, not quadratic.
    skip: u32,
}

const NONE: u32 = u32::MAX;

impl<K> Default for Chains<K> {
    fn default() -> Self {
        Chains {
            heads: FastMap::default(),
            links: Vec::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq> Chains<K> {
    fn with_capacity(n: usize) -> Chains<K> {
        Chains {
            heads: FastMap::with_capacity_and_hasher(n, Default::default()),
            links: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, key: K, event: u32, article: u32) {
        let link = self.links.len() as u32;
        let head = self.heads.entry(key).or_insert((NONE, 0));
        let prev = head.0;
        let skip = match self.links.get(prev as usize) {
            Some(p) if article != NONE && p.article == article => p.skip,
            _ => prev,
        };
        self.links.push(Link {
            event,
            prev,
            article,
            skip,
        });
        *head = (link, head.1 + 1);
    }

    fn get(&self, key: &K) -> Option<(u32, u32)> {
        self.heads.get(key).copied()
    }

    /// Appends the events of the chain starting at `link`, leaving out the runs of events told
    /// by one of the `own` articles (an event is never merged with one of its own article's).
    fn extend(&self, mut link: u32, own: &[u32], out: &mut Vec<u32>) {
        while link != NONE {
            let l = self.links[link as usize];
            if l.article != NONE && own.contains(&l.article) {
                link = l.skip;
                continue;
            }
            out.push(l.event);
            link = l.prev;
        }
    }
}

/// A number for each distinct actor name of the events being merged, found by the address of
/// the name's text: names are most often shared, so they are numbered without being read.
/// Merging makes no new names, so an address stays the name it was.
struct ActorIds {
    by_address: FastMap<usize, u32>,
}

impl ActorIds {
    /// Numbers the names of `events`, calling `new(name)` for each distinct text, in the order
    /// the events name them.
    fn of(events: &[Event], mut new: impl FnMut(&Name)) -> ActorIds {
        use rayon::prelude::*;
        // each stretch of events lists the names it holds, in order, on every core; the lists
        // are then read in order (most names recur, so they are short)
        let firsts: Vec<Vec<&Name>> = events
            .par_chunks(1 << 14)
            .map(|stretch| {
                let mut met: FastSet<usize> = FastSet::default();
                let mut firsts = Vec::new();
                for a in stretch.iter().flat_map(|e| &e.actors) {
                    if met.insert(a.as_ptr() as usize) {
                        firsts.push(a);
                    }
                }
                firsts
            })
            .collect();
        let mut by_address: FastMap<usize, u32> = FastMap::default();
        let mut by_text: FastMap<&str, u32> = FastMap::default();
        for a in firsts.into_iter().flatten() {
            let address = a.as_ptr() as usize;
            if by_address.contains_key(&address) {
                continue;
            }
            let next = by_text.len() as u32;
            let id = *by_text.entry(&**a).or_insert_with(|| {
                new(a);
                next
            });
            by_address.insert(address, id);
        }
        ActorIds { by_address }
    }

    /// The number of a name of the events numbered.
    fn get(&self, name: &Name) -> u32 {
        self.by_address
            .get(&(name.as_ptr() as usize))
            .copied()
            .unwrap_or(NONE)
    }

    /// The numbers of an event's actors, one per actor (an actor named twice has its number
    /// twice).
    fn of_event(&self, e: &Event, out: &mut Vec<u32>) {
        out.clear();
        out.extend(e.actors.iter().map(|a| self.get(a)));
    }
}

/// Where to look for the events an incoming one may repeat. An event that is not background can
/// only repeat one sharing two of its actors, so it is filed under (week, actor); background
/// events under (date, title). Lookups give a superset of the candidates, checked in full.
#[derive(Default)]
struct Index {
    /// Slots by number, so that a (slot, actor) key is one `u64`.
    slot_ids: FastMap<Slot, u32>,
    by_actor: Chains<u64>,
    /// Events naming an actor twice (one shared name then counts twice): always candidates.
    doubled: Chains<Slot>,
    background: Chains<(crate::temporal::DateValue, String)>,
}

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

impl Index {
    /// An empty index with room for `events` events: it does not grow (and rehash) as they
    /// are filed.
    fn with_capacity(events: usize) -> Index {
        Index {
            by_actor: Chains::with_capacity(events * 3),
            ..Index::default()
        }
    }

    fn slot_id(&mut self, slot: Slot) -> u32 {
        let next = self.slot_ids.len() as u32;
        *self.slot_ids.entry(slot).or_insert(next)
    }

    /// The numbers of an event's slots, the second only when it is another slot.
    fn slot_pair(&mut self, slots: [Slot; 2]) -> (u32, Option<u32>) {
        let s0 = self.slot_id(slots[0]);
        (s0, (slots[1] != slots[0]).then(|| self.slot_id(slots[1])))
    }

    /// Files event `i` under one of its actors, in its slots (numbered by [`Index::slot_pair`]).
    fn file_actor(&mut self, slots: (u32, Option<u32>), id: u32, i: u32, article: u32) {
        let id = u64::from(id);
        self.by_actor.push((slots.0 as u64) << 32 | id, i, article);
        if let Some(s1) = slots.1 {
            self.by_actor.push((s1 as u64) << 32 | id, i, article);
        }
    }

    /// Files event `i`, first told by `article`; `ids` are the ids of its actors
    /// ([`ActorIds::of_event`]).
    fn file(&mut self, e: &Event, ids: &[u32], slots: [Slot; 2], i: u32, article: u32) {
        if e.background {
            if let Some(d) = e.date {
                self.background
                    .push((d, e.title.to_ascii_lowercase()), i, article);
            }
            return;
        }
        let pair = self.slot_pair(slots);
        for (k, &id) in ids.iter().enumerate() {
            if ids[..k].contains(&id) {
                self.doubled.push(slots[0], i, article);
                if slots[1] != slots[0] {
                    self.doubled.push(slots[1], i, article);
                }
                continue;
            }
            self.file_actor(pair, id, i, article);
        }
    }

    /// Every filed event that may be the same happening as `e` (whose actors have the `ids`),
    /// in filing order; `lists` is room for the chains to walk.
    fn candidates(
        &self,
        e: &Event,
        ids: &[u32],
        slots: [Slot; 2],
        own: &[u32],
        lists: &mut Vec<(u32, u32)>,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        if e.background {
            if let Some(d) = e.date {
                if let Some((head, _)) = self.background.get(&(d, e.title.to_ascii_lowercase())) {
                    self.background.extend(head, own, out);
                }
            }
        } else {
            for (k, w) in slots.into_iter().enumerate() {
                if k == 1 && slots[1] == slots[0] {
                    break;
                }
                if let Some((head, _)) = self.doubled.get(&w) {
                    self.doubled.extend(head, own, out);
                }
                lists.clear();
                let mut doubled = false;
                let slot = self.slot_ids.get(&w).copied();
                for (k, &id) in ids.iter().enumerate() {
                    if ids[..k].contains(&id) {
                        doubled = true;
                        continue;
                    }
                    let Some(slot) = slot else {
                        continue;
                    };
                    if let Some(l) = self.by_actor.get(&(u64::from(slot) << 32 | u64::from(id))) {
                        lists.push(l);
                    }
                }
                // A filed event naming no actor twice must share two distinct names with `e`,
                // so it is on two of these lists: the longest can be left out.
                if !doubled && lists.len() > 1 {
                    let longest = (0..lists.len()).max_by_key(|&k| lists[k].1).unwrap_or(0);
                    lists.swap_remove(longest);
                }
                for &(head, _) in lists.iter() {
                    self.by_actor.extend(head, own, out);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// Merges the events of many articles (mentions already carry their article index): one event
/// per happening. Events of one article are never merged with each other. The result lists each
/// happening where it was first told (in the order of `events`).
///
/// An event can only repeat one filed under its own slot (its ISO week, or its date when that is
/// coarser than a week; see [`Slot`]), so the events of each slot are merged on their own, the
/// slots in parallel, each with an index that is dropped as soon as its slot is done: the result
/// is the same as one pass over all events in order (tested), in a fraction of the time and
/// memory. Everything happens in place: the corpus is never held twice.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    let ids = ActorIds::of(&events, |_| {});
    merge_numbered(events, &ids, Arrange::FirstTold)
}

/// The order of merged events.
#[derive(Clone, Copy)]
enum Arrange {
    /// Where each happening was first told (in the order of the events given).
    FirstTold,
    /// The timeline's (see [`crate::timeline::sort_events`]).
    Timeline,
}

/// [`merge`] of events whose actor names `ids` numbers, the result in the order `arrange`.
fn merge_numbered(mut events: Vec<Event>, ids: &ActorIds, arrange: Arrange) -> Vec<Event> {
    use rayon::prelude::*;
    let pre: Vec<Pre> = events.par_iter().map(prepare).collect();
    // events grouped by slot (undated last, never merged), in their order within a group
    let mut keys: Vec<(u64, u32)> = events
        .par_iter()
        .zip(&pre)
        .enumerate()
        .map(|(r, (e, p))| {
            let group = e.date.map_or(u64::MAX, |d| slots(d, p.weeks)[0].number());
            (group, r as u32)
        })
        .collect();
    keys.par_sort_unstable(); // the keys are distinct: the same order as a sequential sort
    let origin: Vec<u32> = keys.iter().map(|&(_, r)| r).collect();
    permute(&mut events, &origin);
    let mut pre = pre;
    permute(&mut pre, &origin);
    // one slice per group
    let mut groups: Vec<(usize, &mut [Event], &[Pre])> = Vec::new();
    let mut undated = events.len();
    let mut rest: &mut [Event] = &mut events;
    let mut at = 0;
    while !rest.is_empty() {
        let group = keys[at].0;
        if group == u64::MAX {
            undated = at;
            break;
        }
        let len = keys[at..].partition_point(|&(k, _)| k == group);
        let (head, tail) = std::mem::take(&mut rest).split_at_mut(len);
        groups.push((at, head, &pre[at..at + len]));
        rest = tail;
        at += len;
    }
    drop(keys);
    // the largest slots first, so that no thread is left with a large one at the end
    groups.sort_by_key(|(_, g, _)| std::cmp::Reverse(g.len()));
    // the events kept, by where they were first told
    let kept: Vec<Vec<(u32, u32)>> = groups
        .into_par_iter()
        .map(|(start, group, pre)| {
            merge_slot(group, pre, ids)
                .into_iter()
                .enumerate()
                // output `j` of the group was first told at its position `r`
                .map(|(j, r)| (origin[start + r as usize], (start + j) as u32))
                .collect()
        })
        .collect();
    drop(pre);
    let mut order: Vec<(u32, u32)> = Vec::with_capacity(events.len());
    order.extend(kept.into_iter().flatten());
    order.extend((undated..events.len()).map(|p| (origin[p], p as u32)));
    drop(origin);
    let len = order.len();
    let mut from: Vec<u32> = match arrange {
        Arrange::FirstTold => {
            order.par_sort_unstable(); // distinct pairs
            order.into_iter().map(|(_, p)| p).collect()
        }
        Arrange::Timeline => {
            // Events of one date are of one slot, where they are in the order first told, and
            // undated ones are in that order too: so ties of the timeline's key are in the
            // order first told, as the timeline wants.
            let mut keyed: Vec<(TimelineKey, u32)> = order
                .into_par_iter()
                .map(|(_, p)| (timeline_key(&events[p as usize]), p))
                .collect();
            keyed.par_sort_unstable(); // distinct positions
            keyed.into_iter().map(|(_, p)| p).collect()
        }
    };
    let mut used = vec![false; events.len()];
    for &p in &from {
        used[p as usize] = true;
    }
    from.extend((0..events.len() as u32).filter(|&p| !used[p as usize]));
    drop(used);
    permute(&mut events, &from);
    events.truncate(len);
    events
}

/// [`merge`] of the events of one slot, in place: the events kept are moved to the front of
/// `events`, in the order they were first told; returns the position each was first told at.
/// `pre[r]` is what [`prepare`] gives for `events[r]`; `actor_ids` numbers their actors.
fn merge_slot(events: &mut [Event], pre: &[Pre], actor_ids: &ActorIds) -> Vec<u32> {
    let mut w = 0;
    let mut told: Vec<u32> = Vec::new();
    let mut filed: Vec<Option<Filed>> = Vec::new();
    let mut index = Index::with_capacity(events.len());
    let mut cands: Vec<u32> = Vec::new();
    let mut lists: Vec<(u32, u32)> = Vec::new();
    let mut articles: Vec<u32> = Vec::new();
    let mut ids: Vec<u32> = Vec::new();
    let mut e_ids: Vec<u32> = Vec::new();
    for r in 0..events.len() {
        let e = std::mem::replace(&mut events[r], placeholder());
        let Some(d) = e.date else {
            events[w] = e;
            told.push(r as u32);
            w += 1;
            filed.push(None);
            continue;
        };
        let p = pre[r];
        let weeks = p.weeks;
        articles.clear();
        if p.article == NONE {
            articles.extend(e.mentions.iter().map(|m| m.article));
        } else {
            articles.push(p.article);
        }
        let slots = slots(d, weeks);
        actor_ids.of_event(&e, &mut ids);
        index.candidates(&e, &ids, slots, &articles, &mut lists, &mut cands);
        e_ids.clear();
        for &id in &ids {
            if !e_ids.contains(&id) {
                e_ids.push(id);
            }
        }
        // the first filed event under the first week that tells the same happening, else the
        // first under the last week
        let happening = Told::of(&e, p.mask);
        let mut target = None;
        for key in weeks {
            target = cands.iter().map(|&i| i as usize).find(|&i| {
                let Some(f) = &filed[i] else {
                    return false;
                };
                f.weeks.contains(&key)
                    && same_happening_told(
                        f.told,
                        happening,
                        || events[i].title.eq_ignore_ascii_case(&e.title),
                        || f.shares_two(&ids, &e_ids),
                    )
                    && f.disjoint(&events[i], &articles)
            });
            if target.is_some() {
                break;
            }
        }
        match target {
            Some(i) => {
                // a target is always filed
                let Some(f) = filed[i].as_mut() else {
                    continue;
                };
                let known = events[i].actors.len();
                let key = events[i]
                    .background
                    .then(|| (events[i].date, events[i].title.to_ascii_lowercase()));
                fold(&mut events[i], f, e, p, &ids);
                let o = &events[i];
                if !articles.is_empty() {
                    // told by another article now (a fold needs articles of its own)
                    f.article = NONE;
                }
                f.folded = true;
                match &mut f.articles {
                    Some(set) => set.extend(articles.iter().copied()),
                    None if o.mentions.len() > MANY => {
                        f.articles = Some(Box::new(o.mentions.iter().map(|m| m.article).collect()));
                    }
                    None => {}
                }
                if o.background {
                    // filed again only under a new (date, title)
                    if key != Some((o.date, o.title.to_ascii_lowercase())) {
                        index.file(o, &f.ids, f.slots, i as u32, first_article(o));
                    }
                } else if o.actors.len() > known {
                    // under the actors it gained
                    let pair = index.slot_pair(f.slots);
                    let article = first_article(o);
                    for &id in &f.ids[known..] {
                        index.file_actor(pair, id, i as u32, article);
                    }
                }
            }
            None => {
                let article = match p.article {
                    NONE => first_article(&e),
                    one => one,
                };
                index.file(&e, &ids, slots, w as u32, article);
                let doubled = e_ids.len() < ids.len();
                filed.push(Some(Filed::new(p, happening, slots, &ids, doubled)));
                events[w] = e;
                told.push(r as u32);
                w += 1;
            }
        }
    }
    for (e, f) in events[..w].iter_mut().zip(&filed) {
        if f.as_ref().is_some_and(|f| f.folded) {
            e.mentions.sort();
            e.mentions.dedup();
        }
    }
    told
}

/// The article that first told an event, or `NONE`.
fn first_article(e: &Event) -> u32 {
    e.mentions.first().map_or(NONE, |m| m.article)
}

/// An empty event (no allocation) left where one was taken out.
fn placeholder() -> Event {
    Event {
        date: None,
        date_text: String::new(),
        date_basis: Basis::Unresolved,
        title: String::new(),
        actors: Vec::new(),
        mentions: Vec::new(),
        background: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Mention;
    use crate::temporal::DateValue;

    #[test]
    fn title_stems_ignore_case_and_punctuation() {
        assert_eq!(stem_mask("Modi MET Abe, held \u{201c}talks\u{201d}"), 1);
        assert_eq!(stem_mask("(Signed) the pact; Launched drills."), 2 | 8 | 32);
        assert_eq!(stem_mask("Ministers agree"), 4);
        assert_eq!(stem_mask("Clashes at the \u{dc}bung border"), 16);
        assert_eq!(stem_mask("signature meetinghouse announcements"), 0);
        assert_eq!(stem_mask("\u{c9}quipe visited Paris"), 1);
        // words of punctuation alone, white space of every kind, one long word
        assert_eq!(stem_mask("Abe , met . \u{2014} ... "), 1);
        assert_eq!(stem_mask("Abe\tmet\x0bLee\x0csigned\rdeal"), 1 | 2);
        assert_eq!(stem_mask("counterannouncements"), 0);
        assert_eq!(stem_mask(""), 0);
    }

    /// The fast ASCII path gives what the general one gives, for every word of [`STEMS`] and
    /// variants of it.
    #[test]
    fn ascii_stems_match_the_general_path() {
        let general = |title: &str| {
            title.split_whitespace().fold(0, |m, w| {
                let w = crate::text::lower(w);
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                m | stem_words().bits.get(w.as_bytes()).copied().unwrap_or(0)
            })
        };
        for &(_, words) in &STEMS {
            for w in words {
                for variant in [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("({w}),"),
                    format!("{w}s"),
                    format!("x{w}"),
                    w[1..].to_string(),
                    w[..w.len() - 1].to_string(),
                ] {
                    let title = format!("Lee {variant} Kim");
                    assert_eq!(stem_mask(&title), general(&title), "{title}");
                }
            }
        }
    }

    #[test]
    fn distinct_slots_have_distinct_numbers() {
        let mut slots = Vec::new();
        for year in [-1, 0, 1999, 2024, 2025] {
            for k in 1..=53 {
                slots.push(Slot::Week(year * 64 + k));
                slots.push(Slot::Date(DateValue::Week(year, k as u8)));
            }
            slots.push(Slot::Date(DateValue::Year(year)));
            for q in 1..=4 {
                slots.push(Slot::Date(DateValue::Quarter(year, q)));
            }
            for m in 1..=12 {
                slots.push(Slot::Date(DateValue::Month(year, m)));
            }
        }
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        for d in 0..400 {
            slots.push(Slot::Date(DateValue::Day(day + chrono::Days::new(d))));
        }
        let numbers: std::collections::HashSet<u64> = slots.iter().map(|s| s.number()).collect();
        assert_eq!(numbers.len(), slots.len());
    }

    #[test]
    fn actors_are_numbered_by_name_whatever_the_copy() {
        let a = ev(
            0,
            "2024-05-06",
            "Ana Diaz meets Peru",
            &["Ana Diaz", "Peru"],
        );
        let b = ev(
            1,
            "2024-05-06",
            "Peru meets Ana Diaz",
            &["Peru", "Ana Diaz", "Peru"],
        );
        let mut texts = Vec::new();
        let ids = ActorIds::of(&[a.clone(), b.clone()], |n| texts.push(n.to_string()));
        assert_eq!(
            texts,
            ["Ana Diaz", "Peru"],
            "each text once, in the order named"
        );
        let (mut ia, mut ib) = (Vec::new(), Vec::new());
        ids.of_event(&a, &mut ia);
        ids.of_event(&b, &mut ib);
        assert_eq!(ia, [0, 1]);
        assert_eq!(ib, [1, 0, 1]);
    }

    fn ev(article: u32, date: &str, title: &str, actors: &[&str]) -> Event {
        Event {
            date: DateValue::parse(date),
            date_text: date.into(),
            date_basis: Basis::Explicit,
            title: title.into(),
            actors: actors.iter().map(|&s| s.into()).collect(),
            mentions: vec![Mention {
                article,
                start: 0,
                end: 10,
                line: 1,
            }],
            background: false,
        }
    }

    #[test]
    fn one_meeting_told_by_two_outlets_is_one_event() {
        let a = ev(
            0,
            "2024-05-09",
            "Ana Diaz meets Luis Soto in Lima",
            &["Ana Diaz", "Luis Soto", "Peru", "Chile"],
        );
        let b = ev(
            1,
            "2024-05-09",
            "Peru and Chile hold talks",
            &["Peru", "Chile"],
        );
        let out = merge(vec![a, b]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].mentions.len(), 2);
        assert_eq!(out[0].title, "Ana Diaz meets Luis Soto in Lima");
    }

    #[test]
    fn different_days_actors_or_happenings_stay_apart() {
        let a = ev(
            0,
            "2024-05-09",
            "Peru and Chile hold talks",
            &["Peru", "Chile"],
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    1,
                    "2024-05-10",
                    "Peru and Chile hold talks",
                    &["Peru", "Chile"]
                )
            ])
            .len(),
            2
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    1,
                    "2024-05-09",
                    "Peru and Bolivia hold talks",
                    &["Peru", "Bolivia"]
                )
            ])
            .len(),
            2
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    1,
                    "2024-05-09",
                    "Peru and Chile clash at sea",
                    &["Peru", "Chile"]
                )
            ])
            .len(),
            2
        );
        assert_eq!(
            merge(vec![
                a.clone(),
                ev(
                    0,
                    "2024-05-09",
                    "Peru and Chile hold more talks",
                    &["Peru", "Chile"]
                )
            ])
            .len(),
            2
        );
    }

    #[test]
    fn a_day_and_its_week_are_compatible_but_a_month_is_too_coarse() {
        let a = ev(
            0,
            "2024-05-09",
            "Peru and Chile hold talks",
            &["Peru", "Chile"],
        );
        let week = ev(1, "2024-W19", "Peru and Chile met", &["Peru", "Chile"]);
        let month = ev(1, "2024-05", "Peru and Chile met", &["Peru", "Chile"]);
        assert_eq!(merge(vec![a.clone(), week]).len(), 1);
        assert_eq!(merge(vec![a, month]).len(), 2);
    }

    #[test]
    fn aliases_replace_short_names_once() {
        let mut e = vec![ev(0, "2024", "x", &["Singh", "Rajnath Singh", "India"])];
        let aliases = HashMap::from([("Singh".to_string(), "Rajnath Singh".to_string())]);
        apply_aliases(&mut e, &aliases);
        assert_eq!(e[0].actors, [Name::from("Rajnath Singh"), "India".into()]);
    }

    #[test]
    fn a_title_names_the_canonical_actor_once_as_a_whole_word() {
        let mut t = "Lee meets his counterpart Sato in Oslo".to_string();
        rename_in_title(&mut t, "Sato", "Ken Sato");
        assert_eq!(t, "Lee meets his counterpart Ken Sato in Oslo");
        let mut t = "Satoshi meets Sato".to_string();
        rename_in_title(&mut t, "Sato", "Ken Sato");
        assert_eq!(t, "Satoshi meets Ken Sato");
        let mut t = "Ken Sato meets Sato".to_string();
        rename_in_title(&mut t, "Sato", "Ken Sato");
        assert_eq!(t, "Ken Sato meets Sato", "already named: left alone");
    }

    /// The single pass [`merge`] stands for: every event in order against all filed before it.
    fn one_pass(mut events: Vec<Event>) -> Vec<Event> {
        let pre: Vec<Pre> = events.iter().map(prepare).collect();
        let ids = ActorIds::of(&events, |_| {});
        let told = merge_slot(&mut events, &pre, &ids);
        events.truncate(told.len());
        events
    }

    fn random_events() -> impl proptest::strategy::Strategy<Value = Vec<Event>> {
        use proptest::prelude::*;
        const DATES: &[&str] = &[
            "2024-05-06",
            "2024-05-08",
            "2024-05-12",
            "2024-05-13",
            "2024-W19",
            "2024-W20",
            "2024-05",
            "2024-Q2",
            "2024",
            "2023-12-31",
            "2024-01-01",
        ];
        const VERBS: &[&str] = &["meets", "signs", "agrees", "announces", "attacks", "visits"];
        const NAMES: &[&str] = &["Ana Diaz", "Luis Soto", "Peru", "Chile", "Bolivia", "OAS"];
        let event = (
            0u32..6,
            prop::option::weighted(0.9, 0..DATES.len()),
            0..VERBS.len(),
            prop::collection::vec(0..NAMES.len(), 0..5),
            prop::bool::weighted(0.1),
            0usize..3,
        )
            .prop_map(|(article, date, verb, actors, background, offset)| {
                let actors: Vec<&str> = actors.into_iter().map(|k| NAMES[k]).collect();
                let title = format!(
                    "{} {} {}",
                    actors.first().unwrap_or(&"Someone"),
                    VERBS[verb],
                    actors.last().unwrap_or(&"no one")
                );
                let mut e = ev(article, date.map_or("", |d| DATES[d]), &title, &actors);
                e.background = background;
                e.mentions[0].start = offset * 100;
                e
            });
        prop::collection::vec(event, 0..60)
    }

    proptest::proptest! {
        #[test]
        fn merging_by_slot_equals_one_pass(events in random_events()) {
            proptest::prop_assert_eq!(merge(events.clone()), one_pass(events));
        }
    }

    #[test]
    fn permute_reorders_in_place() {
        let mut v = vec!['a', 'b', 'c', 'd', 'e'];
        permute(&mut v, &[3, 0, 4, 1, 2]);
        assert_eq!(v, ['d', 'a', 'e', 'b', 'c']);
    }
}
