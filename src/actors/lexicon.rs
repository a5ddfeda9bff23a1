//! The word lists the actor finder reads, compiled in from `assets/` and parsed once: the
//! gazetteer of countries, places and organisations (with its names indexed by the word they
//! open with), titles, cue words, abbreviations, non-name words, given names and the words
//! that end an organisation's name.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::ActorKind;

const COUNTRIES: &str = include_str!("../../assets/countries.tsv");
const ORGANISATIONS: &str = include_str!("../../assets/organisations.txt");
const PEOPLE: &str = include_str!("../../assets/people.txt");
const TITLES: &str = include_str!("../../assets/titles.txt");
const NONNAMES: &str = include_str!("../../assets/nonnames.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/given_names.txt");
const ORG_PATTERNS: &str = include_str!("../../assets/org_patterns.txt");

/// How freely a gazetteer name may be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caution {
    /// Always a match.
    None,
    /// Also a person's name (`Washington`): not when a capitalised name word stands beside it.
    PersonName,
    /// Also a common word (`Target`): not at the start of a sentence.
    CommonWord,
}

/// One name of the gazetteer.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Canonical name it stands for.
    pub canonical: String,
    /// Kind of the actor.
    pub kind: ActorKind,
    /// When the name may be read.
    pub caution: Caution,
}

/// A set of words, hashed for speed (the lists are compiled in, not attacker-controlled).
pub type WordSet = HashSet<String, foldhash::fast::RandomState>;

/// The lists a word belongs to as written, one bit each: [`Lexicon::lists_of`] answers for
/// them all with one lookup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lists(u8);

impl Lists {
    /// In [`Lexicon::nonnames`].
    pub const NONNAME: Lists = Lists(1);
    /// In [`Lexicon::titles`].
    pub const TITLE: Lists = Lists(1 << 1);
    /// In [`Lexicon::title_heads`].
    pub const TITLE_HEAD: Lists = Lists(1 << 2);
    /// In [`Lexicon::org_heads`].
    pub const ORG_HEAD: Lists = Lists(1 << 3);
    /// A cue word of lowercase ASCII with its first letter capitalised (`Counterpart`), unless
    /// it is a family word: a role when not a title (see [`Lexicon::role_in`]).
    pub const CAPITAL_CUE: Lists = Lists(1 << 4);

    /// Holds every bit of `other`.
    pub fn has(self, other: Lists) -> bool {
        self.0 & other.0 == other.0
    }

    /// Holds some bit of `other`.
    pub fn intersects(self, other: Lists) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Lists {
    type Output = Lists;
    fn bitor(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Lists {
    fn bitor_assign(&mut self, other: Lists) {
        self.0 |= other.0;
    }
}

/// The place in [`Lexicon::openers`] of words opening with the byte `first`, `len` bytes long
/// (ASCII bytes each their own, the others together; lengths from 31 together).
fn opener(first: u8, len: usize) -> usize {
    usize::from(first).min(128) * 32 + len.min(31)
}

/// The bit in [`Lexicon::openers`] of the byte two after a first word.
fn follow_bit(b: u8) -> u64 {
    1 << (b & 63)
}

/// Every list, parsed.
pub struct Lexicon {
    /// Gazetteer entries (entry i is the name `names[i]`).
    pub entries: Vec<Entry>,
    /// The gazetteer's names, as written (case-sensitive).
    pub names: Vec<String>,
    /// The names by their first word (the letters and digits they open with): where a word
    /// of the text is met, only the names it can open are compared.
    pub by_first_word: HashMap<String, Vec<u32>, foldhash::fast::RandomState>,
    /// What the names' first words are like, by their first byte and length (see [`opener`]):
    /// nothing when no first word is, all bits when a name is such a word alone (or with one
    /// byte after it, as `X.`), else one bit (see [`follow_bit`]) for the byte two after the
    /// word in each name, the first of its second word after a one-byte separator. A word of
    /// the text that none can open needs no lookup: most words, and `the` but before
    /// `Netherlands` and a few others.
    pub openers: Vec<u64>,
    /// Capitalised title words and their modifiers (`Minister`, `Gen.`, `Defence`).
    pub titles: WordSet,
    /// Title words a name may follow (`Minister`, not `Defence`).
    pub title_heads: WordSet,
    /// Ranks written without a period that are also given names (`Gen`): a rank only before a
    /// name of two words or more.
    pub bare_ranks: WordSet,
    /// Lowercase words announcing a name (`counterpart`).
    pub cues: WordSet,
    /// Words written with a period that do not end a sentence.
    pub abbreviations: WordSet,
    /// Words that are never names (function words and common capitalised nouns).
    pub nonnames: WordSet,
    /// Function words, months and weekdays: they also stop an organisation's name.
    pub function: WordSet,
    /// Names of documents and events (`Declaration`, `Meeting`).
    pub events: WordSet,
    /// Verbs that follow a person named as subject (`said`).
    pub verbs: WordSet,
    /// Common given names.
    pub given: WordSet,
    /// Words that end an organisation's name.
    pub org_heads: WordSet,
    /// Heads that take an `of …` complement.
    pub org_heads_of: WordSet,
    /// The words of `nonnames`, `titles`, `title_heads`, `org_heads` and the capitalised cue
    /// words, with the lists they belong to.
    pub lists: HashMap<String, Lists, foldhash::fast::RandomState>,
    /// Heads that count only after an acronym.
    pub acronym_heads: WordSet,
    /// Heads of company and newspaper names (a country word inside is part of the name).
    pub corporate: WordSet,
    /// Legal suffixes (`Inc.`, `Co.`): after a known organisation, the same organisation.
    pub legal: WordSet,
    /// Words that make a name a place.
    pub place_words: WordSet,
    /// Last words of newspaper, agency and broadcaster names.
    pub media: WordSet,
    /// Nouns that, after `the`, stand for the organisation last named.
    pub stand_ins: WordSet,
}

/// The lexicon, parsed on first use.
pub fn get() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

/// Lines of a list file without comments and blanks, grouped by `[section]`.
pub fn sections(text: &str) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut cur = String::new();
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if l.starts_with('[') && l.ends_with(']') {
            cur = l[1..l.len() - 1].to_string();
            continue;
        }
        out.entry(cur.clone()).or_default().push(l.to_string());
    }
    out
}

impl Lexicon {
    /// True when a word of `len` bytes opening with the byte `first`, followed two bytes on by
    /// `next` (`None` at the end of the text), may open a gazetteer name there (see
    /// [`Lexicon::openers`]).
    pub fn may_open(&self, first: u8, len: usize, next: Option<u8>) -> bool {
        let follows = self.openers[opener(first, len)];
        follows != 0 && next.is_none_or(|b| follows & follow_bit(b) != 0)
    }

    /// The lists `word` belongs to, as written.
    pub fn lists_of(&self, word: &str) -> Lists {
        self.lists.get(word).copied().unwrap_or_default()
    }

    /// A title, or a capitalised role word (`Analyst`, `Employee`): it may stand before a name
    /// but is never part of one.
    pub fn is_role(&self, word: &str) -> bool {
        self.role_in(word, self.lists_of(word))
    }

    /// [`Lexicon::is_role`] of `word`, whose lists are `lists`. A word of ASCII with no capital
    /// after its first letter lowercases to itself with that letter lowered, so its cue form is
    /// listed ([`Lists::CAPITAL_CUE`]); other words are lowercased and looked up.
    pub fn role_in(&self, word: &str, lists: Lists) -> bool {
        if lists.has(Lists::TITLE_HEAD) {
            return true;
        }
        let simple = word.is_ascii() && !word.bytes().skip(1).any(|b| b.is_ascii_uppercase());
        if simple {
            return lists.has(Lists::CAPITAL_CUE) && !lists.has(Lists::TITLE);
        }
        let lower = crate::text::lower(word);
        let lower = lower.as_str();
        lower != word
            && self.cues.contains(lower)
            && !FAMILY.contains(&lower)
            && !lists.has(Lists::TITLE)
    }
}

/// Cue words that are also surnames or given names when capitalised (`Son`).
const FAMILY: &[&str] = &[
    "son", "wife", "husband", "daughter", "father", "mother", "brother", "sister",
];

fn caution_of(name: &str) -> (Caution, &str) {
    if let Some(n) = name.strip_prefix('?') {
        (Caution::PersonName, n.trim())
    } else if let Some(n) = name.strip_prefix('~') {
        (Caution::CommonWord, n.trim())
    } else {
        (Caution::None, name.trim())
    }
}

/// Names of one gazetteer line with their cautions.
pub type Names = Vec<(String, Caution)>;

/// Parses `countries.tsv` into (canonical, kind, names).
pub fn parse_countries(text: &str) -> Vec<(String, ActorKind, Names)> {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(name), Some(kind)) = (cols.next(), cols.next()) else {
            continue;
        };
        let kind = match kind.trim() {
            "country" => ActorKind::Country,
            "place" => ActorKind::Place,
            _ => continue,
        };
        let (c, canon) = caution_of(name);
        let mut names = vec![(canon.to_string(), c)];
        for a in cols.next().unwrap_or("").split('|') {
            let (c, a) = caution_of(a);
            if a.is_empty() {
                continue;
            }
            if let Some(slot) = names.iter_mut().find(|(n, _)| n == a) {
                slot.1 = c;
            } else {
                names.push((a.to_string(), c));
            }
        }
        out.push((canon.to_string(), kind, names));
    }
    out
}

/// Parses `organisations.txt` (or `people.txt`, same format) into (canonical, names).
pub fn parse_organisations(text: &str) -> Vec<(String, Names)> {
    let mut out = Vec::new();
    for line in text.lines() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let mut names: Vec<(String, Caution)> = Vec::new();
        for part in l.split(" | ") {
            let (c, n) = caution_of(part);
            if !n.is_empty() {
                names.push((n.to_string(), c));
            }
        }
        if let Some((canon, _)) = names.first().cloned() {
            out.push((canon, names));
        }
    }
    out
}

/// The letters and digits `name` opens with (`U` of `U.S.`, `Times` of `Times of India`).
pub fn first_word(name: &str) -> &str {
    &name[..super::tokens::word_end(name, 0)]
}

fn set(sec: &HashMap<String, Vec<String>>, name: &str) -> WordSet {
    sec.get(name)
        .map(|v| v.iter().cloned().collect())
        .unwrap_or_default()
}

/// The map behind [`Lexicon::lists_of`].
fn word_lists(
    nonnames: &WordSet,
    titles: &WordSet,
    title_heads: &WordSet,
    org_heads: &WordSet,
    cues: &WordSet,
) -> HashMap<String, Lists, foldhash::fast::RandomState> {
    let mut out: HashMap<String, Lists, _> = HashMap::default();
    let mut mark = |words: &mut dyn Iterator<Item = String>, bit: Lists| {
        for w in words {
            *out.entry(w).or_default() |= bit;
        }
    };
    mark(&mut nonnames.iter().cloned(), Lists::NONNAME);
    mark(&mut titles.iter().cloned(), Lists::TITLE);
    mark(&mut title_heads.iter().cloned(), Lists::TITLE_HEAD);
    mark(&mut org_heads.iter().cloned(), Lists::ORG_HEAD);
    let mut capital_cues = cues
        .iter()
        .filter(|c| {
            c.is_ascii()
                && c.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
                && !c.bytes().any(|b| b.is_ascii_uppercase())
                && !FAMILY.contains(&c.as_str())
        })
        .map(|c| c[..1].to_ascii_uppercase() + &c[1..]);
    mark(&mut capital_cues, Lists::CAPITAL_CUE);
    out
}

fn build() -> Lexicon {
    let mut entries = Vec::new();
    let mut patterns = Vec::new();
    let mut seen = HashSet::new();
    let mut push = |pat: String, e: Entry| {
        if seen.insert(pat.clone()) {
            patterns.push(pat);
            entries.push(e);
        }
    };
    for (canon, kind, names) in parse_countries(COUNTRIES) {
        for (n, caution) in names {
            let e = Entry {
                canonical: canon.clone(),
                kind,
                caution,
            };
            push(n, e);
        }
    }
    for (canon, names) in parse_organisations(ORGANISATIONS) {
        for (n, caution) in names {
            let e = Entry {
                canonical: canon.clone(),
                kind: ActorKind::Organisation,
                caution,
            };
            push(n, e);
        }
    }
    for (canon, names) in parse_organisations(PEOPLE) {
        for (n, caution) in names {
            let e = Entry {
                canonical: canon.clone(),
                kind: ActorKind::Person,
                caution,
            };
            push(n, e);
        }
    }
    let mut by_first_word: HashMap<String, Vec<u32>, _> = HashMap::default();
    let mut openers = vec![0u64; 129 * 32];
    for (i, p) in patterns.iter().enumerate() {
        let word = first_word(p);
        if let Some(&b) = word.as_bytes().first() {
            openers[opener(b, word.len())] |= match p.as_bytes().get(word.len() + 1) {
                Some(&next) => follow_bit(next),
                None => u64::MAX,
            };
        }
        by_first_word
            .entry(word.to_string())
            .or_default()
            .push(i as u32);
    }
    let titles = sections(TITLES);
    let non = sections(NONNAMES);
    let given = sections(GIVEN_NAMES);
    let org = sections(ORG_PATTERNS);
    let all_titles = {
        let mut t = set(&titles, "titles");
        t.extend(set(&titles, "title_modifiers"));
        t
    };
    let title_heads = set(&titles, "titles");
    let cues = set(&titles, "cues");
    let nonnames = {
        let mut n = set(&non, "words");
        n.extend(set(&non, "function"));
        n.extend(set(&non, "events"));
        n
    };
    let org_heads = set(&org, "heads");
    let lists = word_lists(&nonnames, &all_titles, &title_heads, &org_heads, &cues);
    Lexicon {
        entries,
        names: patterns,
        by_first_word,
        openers,
        titles: all_titles,
        title_heads,
        cues,
        bare_ranks: set(&titles, "bare_ranks"),
        abbreviations: set(&titles, "abbreviations"),
        nonnames,
        function: set(&non, "function"),
        events: set(&non, "events"),
        verbs: set(&titles, "verbs"),
        given: set(&given, ""),
        org_heads,
        org_heads_of: set(&org, "heads_of"),
        lists,
        acronym_heads: set(&org, "acronym_heads"),
        corporate: set(&org, "corporate"),
        legal: set(&org, "legal"),
        place_words: set(&org, "places"),
        media: set(&org, "media"),
        stand_ins: set(&org, "stand_ins"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_parses() {
        let c = parse_countries(COUNTRIES);
        assert!(c.len() > 200, "countries: {}", c.len());
        assert!(c.iter().all(|(n, _, a)| !n.is_empty() && !a.is_empty()));
        for line in COUNTRIES.lines() {
            if !line.starts_with('#') && !line.trim().is_empty() {
                assert_eq!(line.split('\t').count(), 3, "bad line: {line}");
            }
        }
        let o = parse_organisations(ORGANISATIONS);
        assert!(o.len() > 150);
        let p = parse_organisations(PEOPLE);
        assert!(p.len() > 50 && p.iter().all(|(n, _)| n.contains(' ')));
        let lex = get();
        assert!(lex.titles.contains("Minister") && lex.titles.contains("Gen."));
        assert!(lex.titles.contains("Defence") && !lex.title_heads.contains("Defence"));
        assert!(
            !lex.titles.contains("Gen"),
            "`Gen` without a period is a given name"
        );
        assert!(lex.cues.contains("counterpart"));
        assert!(lex.nonnames.contains("However") && lex.nonnames.contains("Friday"));
        assert!(lex.given.contains("Steve"));
        assert!(lex.org_heads.contains("Ministry") && lex.org_heads_of.contains("Ministry"));
        assert!(lex.abbreviations.contains("Mr."));
        assert!(lex.function.contains("The") && lex.events.contains("Declaration"));
        assert!(lex.verbs.contains("said"));
        assert_eq!(lex.entries.len(), lex.names.len());
        // the gazetteer looks names up by the word they open with: every name opens with one
        assert!(lex.names.iter().all(|n| !first_word(n).is_empty()));
        let listed: usize = lex.by_first_word.values().map(Vec::len).sum();
        assert_eq!(listed, lex.names.len());
    }

    /// [`Lexicon::role_in`] finds capitalised cue words in the combined map: it must agree
    /// with lowercasing every word and looking it up in the lists themselves.
    #[test]
    fn roles_agree_with_lowercased_lookup() {
        let lex = get();
        let by_lowering = |w: &str| {
            let lower = w.to_lowercase();
            lex.title_heads.contains(w)
                || (lower != w
                    && lex.cues.contains(&lower)
                    && !FAMILY.contains(&lower.as_str())
                    && !lex.titles.contains(w))
        };
        let mut words: Vec<String> = ["Élysée", "CEO", "Ceo", "Co-Founder", "Son", "Mr.", ""]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let lists = [&lex.cues, &lex.titles, &lex.title_heads, &lex.nonnames];
        for w in lists.into_iter().flatten() {
            let mut capital = w.chars();
            let capital: String = capital
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(capital)
                .collect();
            let alternating: String = w
                .chars()
                .enumerate()
                .map(|(i, c)| {
                    if i % 2 == 1 {
                        c.to_ascii_uppercase()
                    } else {
                        c
                    }
                })
                .collect();
            words.extend([w.clone(), capital, w.to_uppercase(), alternating]);
        }
        assert!(words
            .iter()
            .any(|w| lex.is_role(w) && !lex.title_heads.contains(w)));
        for w in &words {
            assert_eq!(lex.is_role(w), by_lowering(w), "{w}");
            assert_eq!(
                lex.lists_of(w).has(Lists::NONNAME),
                lex.nonnames.contains(w)
            );
            assert_eq!(lex.lists_of(w).has(Lists::TITLE), lex.titles.contains(w));
            assert_eq!(
                lex.lists_of(w).has(Lists::ORG_HEAD),
                lex.org_heads.contains(w)
            );
        }
    }
}
