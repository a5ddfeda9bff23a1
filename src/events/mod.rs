//! Events of one article: every temporal expression that dates a happening becomes an event with
//! its date, the actors of its clause and story, a readable title and the sentence that tells it.
//! Sentences with no date of their own continue the story before them: they lend it their
//! actors, or become `inherited` events when a named person does something in them.

mod clause;
mod grammar;
mod title;
mod verbs;
mod words;

pub(crate) use grammar::present_verb;
pub use title::cut;
pub use verbs::{lexicon, Lexicon, Verb};

use serde::{Deserialize, Serialize};

use crate::actors::{Actor, ActorKind, ArticleActors, Name};
use crate::article::Article;
use crate::sentences::{Sentence, SentenceKind};
use crate::temporal::{Basis, DateValue, Precision, Timex, TimexKind};
use title::Named;

/// Where an event is told: a byte range of one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Mention {
    /// Index of the article in the timeline's article table.
    pub article: u32,
    /// First byte of the sentence(s).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// 1-based line of `start` in the file.
    pub line: u32,
}

/// A happening on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Its date at the precision the text gives, `None` when undated.
    pub date: Option<DateValue>,
    /// The expression as written (`on Friday`).
    pub date_text: String,
    /// How the date was found.
    pub date_basis: Basis,
    /// A short readable line for the timeline row.
    pub title: String,
    /// Canonical actor names (shared: a name is held once however many events name it).
    pub actors: Vec<Name>,
    /// Where it is told.
    #[serde(skip)]
    pub mentions: Vec<Mention>,
    /// True for background dates (`the 2008 Joint Declaration`): shown, but not a happening.
    #[serde(default)]
    pub background: bool,
}

/// More dates than this in one sentence make it a list: titles are read near each date.
const CROWDED: usize = 12;
/// How many tokens on each side of a date a crowded sentence's titles read.
const WINDOW: usize = 24;

/// How far from the reference date a date may lie and still be the article's own story.
const STORY_DAYS: i64 = 45;

/// Builds the events of one article. Mentions carry `article: 0`; the caller sets the index.
pub fn extract(
    article: &Article,
    sentences: &[Sentence],
    timexes: &[Timex],
    actors: &ArticleActors,
) -> Vec<Event> {
    let text = &article.text;
    let mut events: Vec<Event> = Vec::new();
    let mut story = Story::default();
    let mut pending: Vec<Name> = Vec::new(); // actors named before the first event
    let in_dateline = |t: &Timex| {
        article
            .dateline
            .as_ref()
            .is_some_and(|d| t.start < d.end && t.end > d.start)
    };
    let mut by_start: Vec<usize> = (0..timexes.len()).collect();
    by_start.sort_by_key(|&i| timexes[i].start);
    // per-sentence lists, kept from one sentence to the next so that they allocate once
    let mut named: Vec<Named> = Vec::new();
    let mut inside: Vec<usize> = Vec::new();
    let mut own: Vec<&Timex> = Vec::new();
    let mut names: Vec<Name> = Vec::new();
    for s in sentences {
        if s.kind != SentenceKind::Text {
            continue;
        }
        named.clear();
        named.extend(actors.in_range(s.start, s.end).map(|m| Named {
            start: m.start,
            end: m.end,
            actor: &actors.actors[m.actor],
        }));
        actor_names(&named, &mut names);
        // only the timexes that start inside the sentence (found by binary search)
        let from = by_start.partition_point(|&i| timexes[i].start < s.start);
        inside.clear();
        inside.extend(
            by_start[from..]
                .iter()
                .copied()
                .take_while(|&i| timexes[i].start < s.end),
        );
        inside.sort_unstable();
        own.clear();
        own.extend(
            inside
                .iter()
                .map(|&i| &timexes[i])
                .filter(|t| {
                    t.start >= s.start
                        && t.end <= s.end
                        && t.kind != TimexKind::Present
                        && !in_dateline(t)
                })
                .filter(|t| t.value.is_some() || t.basis == Basis::Unresolved),
        );
        drop_reporting_dates(text, s, &mut own);
        if own.is_empty() {
            let story = story.event(&events, article);
            // the words are read only when a person named in it may tell a happening
            let person = named.iter().any(|n| n.actor.kind == ActorKind::Person);
            let toks = if story.is_some() && person {
                title::tokenize(text, s.start, s.end)
            } else {
                Vec::new()
            };
            let near = story.and_then(|_| inherited_verb(text, &toks, &named));
            match (story, near) {
                (Some(i), Some(near)) => {
                    let skip = vec![false; toks.len()];
                    let story = &events[i];
                    events.push(Event {
                        date: story.date,
                        date_text: story.date_text.clone(),
                        date_basis: Basis::Inherited,
                        title: match title::verb_at(&toks, near) {
                            Some(v) => title::title_with_verb(&toks, &skip, &named, v),
                            None => title::title(&toks, &skip, &named, near),
                        },
                        actors: names.clone(),
                        mentions: vec![mention(article, s)],
                        background: false,
                    });
                }
                (Some(i), None) => add_actors(&mut events[i].actors, &names),
                (None, _) => add_actors(&mut pending, &names),
            }
            continue;
        }
        let all = title::tokenize(text, s.start, s.end);
        // A "sentence" dated many times is a list or a table, not prose: each date's title is
        // read from the words around it, so that its cost stays linear.
        let crowded = own.len() > CROWDED;
        for &t in &own {
            let toks = if crowded {
                let at = all.partition_point(|x| x.end <= t.start);
                &all[at.saturating_sub(WINDOW)..(at + WINDOW).min(all.len())]
            } else {
                &all[..]
            };
            let skip = title::skip_mask(toks, t.start, t.end);
            let near = skip.iter().position(|&k| k).unwrap_or(0);
            let background = t.kind == TimexKind::Background;
            let title = if background {
                title::background_title(
                    toks,
                    toks.iter().position(|x| x.start >= t.start).unwrap_or(0),
                )
            } else {
                title::title(toks, &skip, &named, near)
            };
            let mut ev = Event {
                date: t.value,
                date_text: text[t.start..t.end].to_string(),
                date_basis: t.basis,
                title,
                actors: if background {
                    Vec::new()
                } else {
                    names.clone()
                },
                mentions: vec![mention(article, s)],
                background,
            };
            if !background && !pending.is_empty() {
                add_actors(&mut ev.actors, &std::mem::take(&mut pending));
            }
            events.push(ev);
        }
    }
    events
}

fn mention(article: &Article, s: &Sentence) -> Mention {
    Mention {
        article: 0,
        start: s.start,
        end: s.end,
        line: article.line_of(s.start) as u32,
    }
}

/// The distinct canonical names of the actors named in a sentence, people first, in reading
/// order within each kind (into `out`, cleared first).
fn actor_names(named: &[Named], out: &mut Vec<Name>) {
    out.clear();
    for kind in [
        ActorKind::Person,
        ActorKind::Country,
        ActorKind::Organisation,
        ActorKind::Place,
    ] {
        for n in named.iter().filter(|n| n.actor.kind == kind) {
            if !out.contains(&n.actor.name) {
                out.push(n.actor.name.clone());
            }
        }
    }
}

fn add_actors(to: &mut Vec<Name>, names: &[Name]) {
    for n in names {
        if !to.contains(n) {
            to.push(n.clone());
        }
    }
}

/// The event a sentence with no date of its own continues: the latest event of the article's
/// own story (dated near the reference date), else the latest event.
/// The event a sentence with no date of its own continues: the latest happening dated near the
/// reference date, else the latest happening. Events are only ever appended, so each is looked
/// at once (linear in the article, however many undated sentences it has).
/// A story told to the day or week wins over a later year or quarter named on the way
/// ("…on Wednesday, but signaled two cuts later this year": the next sentences go on about
/// Wednesday).
#[derive(Default)]
struct Story {
    seen: usize,
    fine: Option<usize>,
    current: Option<usize>,
    any: Option<usize>,
}

impl Story {
    fn event(&mut self, events: &[Event], article: &Article) -> Option<usize> {
        for (i, e) in events.iter().enumerate().skip(self.seen) {
            if e.background {
                continue;
            }
            self.any = Some(i);
            let near = match (e.date, article.reference) {
                (Some(d), Some(r)) => {
                    (d.first_day() - r).num_days() <= STORY_DAYS
                        && (r - d.last_day()).num_days() <= STORY_DAYS
                }
                _ => false,
            };
            if near {
                self.current = Some(i);
                if e.date
                    .is_some_and(|d| matches!(d.precision(), Precision::Day | Precision::Week))
                {
                    self.fine = Some(i);
                }
            }
        }
        self.seen = events.len();
        self.fine.or(self.current).or(self.any)
    }
}

/// When a sentence tells a happening of its own — a named person (not a pronoun, not a
/// possessive) directly followed by a verb of the lexicon — the token index of that verb.
/// `toks` are the sentence's tokens.
fn inherited_verb(text: &str, toks: &[clause::Tok], named: &[Named]) -> Option<usize> {
    let lex = verbs::lexicon();
    for n in named.iter().filter(|n| n.actor.kind == ActorKind::Person) {
        let surface = &text[n.start..n.end];
        if surface.chars().next().is_some_and(|c| c.is_lowercase()) || is_pronoun(surface) {
            continue;
        }
        let Some(last) = toks
            .iter()
            .rposition(|t| t.end <= n.end && t.start >= n.start)
        else {
            continue;
        };
        let mut i = last + 1;
        let mut verb = None;
        while i < toks.len() && clause::is_auxiliary(toks[i].text) {
            if lex.past(toks[i].text).is_some() {
                verb = Some(i); // "had a session": the auxiliary is the verb
            }
            i += 1;
        }
        if toks.get(i).is_some_and(|t| lex.past(t.text).is_some()) {
            return Some(i);
        }
        if verb.is_some() {
            return verb;
        }
    }
    None
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        crate::text::lower(w).as_str(),
        "he" | "she" | "they" | "it" | "him" | "her" | "his" | "their" | "we" | "i"
    )
}

/// In a sentence with several dates, a date attached to a reporting verb ("the Times reported
/// Friday") dates the report, not the happening: it is dropped from `own`, unless every date is.
fn drop_reporting_dates(text: &str, s: &Sentence, own: &mut Vec<&Timex>) {
    if own.len() < 2 {
        return;
    }
    let reporting = |t: &Timex| {
        let before = text[s.start..t.start].trim_end();
        let before = before.strip_suffix("on").unwrap_or(before).trim_end();
        let last = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        matches!(
            crate::text::lower(last).as_str(),
            "reported" | "said" | "told" | "wrote" | "reports" | "says"
        )
    };
    if own.iter().any(|t| !reporting(t)) {
        own.retain(|t| !reporting(t));
    }
}

/// Titles for a sentence as the events step would build them (used by tests and tools).
pub fn sentence_title(
    text: &str,
    start: usize,
    end: usize,
    date: Option<(usize, usize)>,
    named: &[(usize, usize, Actor)],
) -> String {
    let named: Vec<Named> = named
        .iter()
        .map(|(s, e, a)| Named {
            start: *s,
            end: *e,
            actor: a,
        })
        .collect();
    let (ds, de) = date.unwrap_or((0, 0));
    let (toks, skip) = title::tokens_without(text, start, end, ds, de);
    let near = skip.iter().position(|&k| k).unwrap_or(toks.len());
    title::title(&toks, &skip, &named, near)
}

#[cfg(test)]
mod tests;
