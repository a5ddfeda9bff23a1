//! Actors: people, countries, organisations and places named in an article, with every mention
//! resolved to one canonical name (`Singh` → `Rajnath Singh`, `Indian` → `India`, `he` → the
//! person last named as subject). Knows nothing of events.
//!
//! Roles: [`lexicon`] (the lists in `assets/`), [`tokens`] (words with offsets),
//! [`gazetteer`] (known countries, places, organisations), [`names`] (people and organisations
//! by pattern), [`aliases`] (short forms, corpus-wide aliases), [`pronouns`] (subjects and
//! pronouns).

pub mod aliases;
pub mod gazetteer;
pub mod lexicon;
pub mod names;
pub mod pronouns;
pub mod tokens;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::sentences::Sentence;

pub use aliases::corpus_aliases;

/// An actor's canonical name. Shared, not copied: a timeline of a million events holds each
/// name once.
pub type Name = std::sync::Arc<str>;

/// Hands out one shared [`Name`] per distinct text, so that equal names read from many
/// articles or records are held once.
#[derive(Debug, Default)]
pub struct Names {
    set: std::collections::HashSet<Name, foldhash::fast::RandomState>,
}

impl Names {
    /// The shared name for `text`.
    pub fn get(&mut self, text: &str) -> Name {
        if let Some(n) = self.set.get(text) {
            return n.clone();
        }
        let n = Name::from(text);
        self.set.insert(n.clone());
        n
    }
}

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A country (or its government).
    Country,
    /// An organisation: ministry, alliance, company, agency.
    Organisation,
    /// A place that is not a country (a city, region, sea).
    Place,
}

impl ActorKind {
    /// The name used in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organisation => "organisation",
            ActorKind::Place => "place",
        }
    }
}

/// One actor of an article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name (`Rajnath Singh`, `India`), shared by every event that names it.
    pub name: Name,
    /// What it is.
    pub kind: ActorKind,
}

/// One place in the text that names (or refers to) an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorMention {
    /// First byte (file offset).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Index into [`ArticleActors::actors`].
    pub actor: usize,
    /// True when the mention is the grammatical subject of its clause.
    pub subject: bool,
}

/// The actors of one article and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct ArticleActors {
    /// Distinct actors, canonical.
    pub actors: Vec<Actor>,
    /// Mentions, sorted by `start`.
    pub mentions: Vec<ActorMention>,
}

impl ArticleActors {
    /// The mentions that lie inside a byte range.
    pub fn in_range(&self, start: usize, end: usize) -> impl Iterator<Item = &ActorMention> {
        let i = self.mentions.partition_point(|m| m.start < start);
        self.mentions[i..].iter().take_while(move |m| m.end <= end)
    }
}

/// Finds the actors of `text` within the given sentences.
pub fn find(text: &str, sentences: &[Sentence]) -> ArticleActors {
    find_naming(text, sentences, &|name| Name::from(name))
}

/// [`find`], each actor's name made by `name`: a caller reading many articles hands out names it
/// shares, and no article makes names of its own.
pub fn find_naming(
    text: &str,
    sentences: &[Sentence],
    name: &dyn Fn(&str) -> Name,
) -> ArticleActors {
    let lex = lexicon::get();
    let toks = tokens::tokenize(text, sentences, lex);
    let gaz = gazetteer::find(text, &toks, lex);
    let found = names::find(text, &toks, &gaz, lex);
    // room for the names found and some pronouns, so that the lists seldom grow
    let room = gaz.len() + found.cands.len();
    let mut b = Builder {
        actors: Vec::with_capacity(room),
        mentions: Vec::with_capacity(room + room / 2),
        name,
    };
    for g in &gaz {
        let e = &lex.entries[g.entry];
        b.mention(g.start, g.end, &e.canonical, e.kind);
    }
    // Organisations by pattern; acronyms in brackets become their aliases.
    for c in found
        .cands
        .iter()
        .filter(|c| c.kind == ActorKind::Organisation)
    {
        let (s, e) = (toks[c.first].start, toks[c.last].end);
        // `Apple Corps` is not Apple; `American Airlines` names no country.
        let actors = &b.actors;
        b.mentions.retain(|m| {
            let inside = s <= m.start && m.end <= e;
            let org = actors[m.actor].kind == ActorKind::Organisation;
            !(inside && (org || c.corporate))
        });
        let name = text[s..e].split_whitespace().collect::<Vec<_>>().join(" ");
        b.mention(s, e, &name, ActorKind::Organisation);
    }
    let mut acronyms: HashMap<&str, usize> = HashMap::new();
    for br in &found.brackets {
        if let Some(m) = b.mentions.iter().find(|m| (m.start, m.end) == br.long) {
            acronyms.entry(br.acronym.as_str()).or_insert(m.actor);
        }
    }
    for t in &toks {
        if let Some(&actor) = acronyms.get(t.text) {
            if !b
                .mentions
                .iter()
                .any(|m| t.start < m.end && m.start < t.end)
            {
                b.mentions.push(ActorMention {
                    start: t.start,
                    end: t.end,
                    actor,
                    subject: false,
                });
            }
        }
    }
    // People.
    let covered: Vec<(usize, usize)> = b.mentions.iter().map(|m| (m.start, m.end)).collect();
    let known: Vec<(usize, &str)> = gaz
        .iter()
        .filter(|g| lex.entries[g.entry].kind == ActorKind::Person)
        .map(|g| (g.start, lex.entries[g.entry].canonical.as_str()))
        .collect();
    let people = aliases::resolve_people(text, &toks, &found.cands, &covered, &known, lex);
    b.mentions.reserve(people.len());
    for p in people {
        b.mention(p.start, p.end, &p.name, ActorKind::Person);
    }
    b.mentions.sort_by_key(|m| (m.start, m.end));
    // Subjects, then pronouns. The mentions are in text order: the first token of each is
    // found by walking on from the previous one's, and a mention spans few tokens.
    let mut first = 0;
    for m in &mut b.mentions {
        while toks.get(first).is_some_and(|t| t.end <= m.start) {
            first += 1;
        }
        let last = first + toks[first..].iter().take_while(|t| t.start < m.end).count();
        if first < last {
            m.subject = pronouns::is_subject(text, &toks, first, last - 1);
        }
    }
    let mut extra = Vec::new();
    let mut mi = 0;
    let mut last_subject: Option<usize> = None;
    let mut last_person: Option<usize> = None;
    let mut last_body: Option<usize> = None;
    let mut any_body: Option<usize> = None;
    for (k, t) in toks.iter().enumerate() {
        while mi < b.mentions.len() && b.mentions[mi].start < t.start {
            let m = &b.mentions[mi];
            match b.actors[m.actor].kind {
                ActorKind::Person => {
                    last_person = Some(m.actor);
                    if m.subject {
                        last_subject = Some(m.actor);
                    }
                }
                // a newspaper that reports is not the company the story is about
                ActorKind::Organisation
                    if b.actors[m.actor]
                        .name
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| lex.media.contains(w)) => {}
                ActorKind::Organisation if m.subject => {
                    last_body = Some(m.actor);
                    any_body = Some(m.actor);
                }
                ActorKind::Organisation => any_body = Some(m.actor),
                _ => {}
            }
            mi += 1;
        }
        // `It first cut rates last September`: `it` doing something is the organisation last
        // named as a subject (not `it is`, `it was`: those are no happening)
        // `the company`, `the firm`: the organisation last named
        if k > 0
            && matches!(toks[k - 1].text, "the" | "The")
            && lex.stand_ins.contains(t.text)
            && !toks.get(k + 1).is_some_and(|n| n.is_cap())
        {
            if let Some(actor) = last_body.or(any_body) {
                let subject = pronouns::is_subject(text, &toks, k - 1, k);
                extra.push(ActorMention {
                    start: toks[k - 1].start,
                    end: t.end,
                    actor,
                    subject,
                });
            }
            continue;
        }
        let opens = k == 0 || matches!(toks[k - 1].text, "," | ";" | "and" | "but");
        if t.text == "It" || (t.text == "it" && opens) {
            let acts = |j: usize| {
                toks.get(j).is_some_and(|n| {
                    let happening = crate::events::lexicon();
                    lex.verbs.contains(n.text)
                        || happening.past(n.text).is_some()
                        || crate::events::present_verb(n.text).is_some()
                })
            };
            let adverb = toks
                .get(k + 1)
                .is_some_and(|n| matches!(n.text, "first" | "also" | "later" | "then" | "again"));
            if let Some(actor) = last_body
                .or(any_body)
                .filter(|_| acts(k + 1) || (adverb && acts(k + 2)))
            {
                extra.push(ActorMention {
                    start: t.start,
                    end: t.end,
                    actor,
                    subject: true,
                });
            }
            continue;
        }
        let Some(kind) = pronouns::pronoun(t) else {
            continue;
        };
        let Some(actor) = last_subject.or(last_person) else {
            continue;
        };
        let subject = kind == pronouns::Pronoun::Subject && pronouns::is_subject(text, &toks, k, k);
        if subject {
            last_subject = Some(actor);
        }
        extra.push(ActorMention {
            start: t.start,
            end: t.end,
            actor,
            subject,
        });
    }
    b.mentions.extend(extra);
    b.mentions.sort_by_key(|m| (m.start, m.end));
    b.finish()
}

/// Collects distinct actors and their mentions.
struct Builder<'a> {
    actors: Vec<Actor>,
    mentions: Vec<ActorMention>,
    /// Makes an actor's name.
    name: &'a dyn Fn(&str) -> Name,
}

impl Builder<'_> {
    /// Drops actors left without mentions and renumbers the rest.
    fn finish(self) -> ArticleActors {
        let mut used = vec![false; self.actors.len()];
        for m in &self.mentions {
            used[m.actor] = true;
        }
        let mut map = vec![0; self.actors.len()];
        let mut actors = Vec::with_capacity(used.iter().filter(|&&u| u).count());
        for (i, a) in self.actors.into_iter().enumerate() {
            if used[i] {
                map[i] = actors.len();
                actors.push(a);
            }
        }
        let mentions = self
            .mentions
            .into_iter()
            .map(|m| ActorMention {
                actor: map[m.actor],
                ..m
            })
            .collect();
        ArticleActors { actors, mentions }
    }

    fn mention(&mut self, start: usize, end: usize, name: &str, kind: ActorKind) {
        // an article names few actors: a scan, no key to allocate
        let actor = match self
            .actors
            .iter()
            .position(|a| a.kind == kind && &*a.name == name)
        {
            Some(i) => i,
            None => {
                self.actors.push(Actor {
                    name: (self.name)(name),
                    kind,
                });
                self.actors.len() - 1
            }
        };
        self.mentions.push(ActorMention {
            start,
            end,
            actor,
            subject: false,
        });
    }
}
