//! Candidate names in runs of capitalised words: organisations by the word that ends their name
//! (`External Affairs Ministry`, `Ministry of Defence`, `Infogear Technology Corp.`) or by an
//! acronym in brackets (`Japan Self-Defense Forces (JSDF)`), and people by a cue — a title before
//! them (`Defence Minister Arjun Mehta`, `Gen. Ito`), a cue word (`his counterpart Gen
//! Tanaka`), an initial (`R. Venkatesh`), a known given name (`Laura Bennett`), a verb after
//! them (`Hayashi Ken said`), a country's possessive (`Germany's Olaf Brandt`), or a list that
//! goes on from a person (`Hayashi Ken and Mori Aki`). Titles are never part of a name.

use super::gazetteer::GazMatch;
use super::lexicon::{Lexicon, Lists};
use super::tokens::Token;
use super::ActorKind;

/// A person or organisation candidate: tokens `first..=last`.
#[derive(Debug, Clone)]
pub struct Cand {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Organisation or person.
    pub kind: ActorKind,
    /// For people: a cue says it is a name (uncued candidates count only when they repeat a
    /// name given in full elsewhere).
    pub cued: bool,
    /// For organisations: a company or newspaper name (`American Airlines`), whose country
    /// words are no mention of the country.
    pub corporate: bool,
}

/// An acronym given in brackets after a long name: `(JSDF)`.
#[derive(Debug, Clone)]
pub struct Bracket {
    /// The acronym.
    pub acronym: String,
    /// Byte range of the long name.
    pub long: (usize, usize),
}

/// Everything the runs yield.
#[derive(Debug, Default)]
pub struct Found {
    /// Candidates in text order.
    pub cands: Vec<Cand>,
    /// Acronyms defined in brackets.
    pub brackets: Vec<Bracket>,
}

/// Lowercase name particles (`al-Assad`, `bin Salman`).
pub const PARTICLES: &[&str] = &[
    "al", "el", "bin", "bint", "ul", "ud", "de", "da", "di", "du", "del", "della", "van", "von",
    "der", "den", "ten", "ter", "la", "le", "dos", "das", "y",
];

const AUX: &[&str] = &[
    "also",
    "then",
    "has",
    "had",
    "have",
    "will",
    "would",
    "later",
    "previously",
    "recently",
    "again",
    "reportedly",
    "once",
    "earlier",
    "further",
    "personally",
];

/// Which gazetteer match (if any) each token overlaps.
pub fn gaz_of_tokens(tokens: &[Token], gaz: &[GazMatch]) -> Vec<Option<u32>> {
    let mut out = vec![None; tokens.len()];
    // `first`: the first token ending after the match starts. Matches come in text order as a
    // rule, so it is found by walking on from the previous match's, and by a binary search
    // when a match starts before that.
    let mut first = 0;
    for (gi, g) in gaz.iter().enumerate() {
        if first > 0 && tokens[first - 1].end > g.start {
            first = tokens.partition_point(|t| t.end <= g.start);
        }
        while first < tokens.len() && tokens[first].end <= g.start {
            first += 1;
        }
        for (slot, t) in out[first..].iter_mut().zip(&tokens[first..]) {
            if t.start >= g.end {
                break;
            }
            *slot = Some(gi as u32);
        }
    }
    out
}

/// Finds candidates in every run of capitalised words outside headlines.
pub fn find(text: &str, tokens: &[Token], gaz: &[GazMatch], lex: &Lexicon) -> Found {
    let gaz_of = gaz_of_tokens(tokens, gaz);
    let mut found = Found::default();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if !tokens[i].is_cap() {
            i += 1;
            continue;
        }
        let a = i;
        let mut b = i + 1;
        while b < n
            && tokens[b].segment == tokens[a].segment
            && tokens[b].joined()
            && !tokens[b - 1].poss
            && (cap_like(&tokens[b])
                || particle_between(tokens, b)
                || org_conjunction(tokens, &gaz_of, lex, b))
        {
            b += 1;
        }
        if !tokens[a].headline {
            run(text, tokens, &gaz_of, gaz, lex, a, b, &mut found);
        }
        i = b;
    }
    continue_lists(text, tokens, &mut found.cands);
    found
}

/// `and` (or `&`) inside an organisation's name: between capitalised words the gazetteer does
/// not know, with an organisation head ending the words after it (`Disaster Risk Reduction
/// and Management Council`, `Health and Human Services`).
fn org_conjunction(tokens: &[Token], gaz_of: &[Option<u32>], lex: &Lexicon, k: usize) -> bool {
    if !matches!(tokens[k].text, "and" | "&") || k == 0 {
        return false;
    }
    let prev = &tokens[k - 1];
    if !prev.is_cap() || prev.poss || gaz_of[k - 1].is_some() || lex.function.contains(prev.text) {
        return false;
    }
    let seg = tokens[k].segment;
    let mut j = k + 1;
    while j < tokens.len()
        && tokens[j].segment == seg
        && tokens[j].joined()
        && tokens[j].is_cap()
        && gaz_of[j].is_none()
        && !lex.function.contains(tokens[j].text)
    {
        if lex.org_heads.contains(tokens[j].text) {
            return true;
        }
        if tokens[j].poss {
            break;
        }
        j += 1;
    }
    false
}

/// A lowercase particle between two capitalised words of one name (`Mohammed bin Zayed`).
fn particle_between(tokens: &[Token], k: usize) -> bool {
    PARTICLES.contains(&tokens[k].text)
        && k > 0
        && (tokens[k - 1].is_cap() || PARTICLES.contains(&tokens[k - 1].text))
        && !tokens[k - 1].poss
        && (k + 1..tokens.len().min(k + 3))
            .take_while(|&j| tokens[j].joined() && tokens[j].segment == tokens[k].segment)
            .find(|&j| !PARTICLES.contains(&tokens[j].text))
            .is_some_and(|j| tokens[j].is_cap())
}

/// Every part of a hyphenated name word is capitalised (`Jean-Claude`), a particle (`el-Sisi`)
/// or a syllable of a Korean given name (`Jae-in`, `Jong-un`); `PowerBook-are` is no name.
fn hyphen_parts_ok(word: &str) -> bool {
    let korean = word.split_once('-').is_some_and(|(first, second)| {
        !second.contains('-')
            && first.chars().count() <= 5
            && second.chars().count() <= 4
            && second.chars().all(char::is_lowercase)
    });
    korean
        || word
            .split('-')
            .all(|p| p.chars().next().is_some_and(char::is_uppercase) || PARTICLES.contains(&p))
}

/// Capitalised, or a capitalised name behind a particle (`el-Sisi`, `al-Assad`).
fn cap_like(t: &Token) -> bool {
    t.is_cap()
        || t.text.split_once('-').is_some_and(|(p, rest)| {
            PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A word that may be part of a person's name. The cheap tests on the word's own letters come
/// before one lookup of the lists the word belongs to.
fn is_name_word(t: &Token, lex: &Lexicon) -> bool {
    let w = t.text;
    let hyphen = w.bytes().any(|b| b == b'-');
    (cap_like(t) || t.is_initial())
        && w.chars().next().is_some_and(char::is_alphabetic)
        && !w.bytes().any(|b| b.is_ascii_digit())
        && (!t.is_acronym() || t.is_initial())
        // a word without hyphens opens with a capital here, as its one part must
        && (!hyphen || hyphen_parts_ok(w))
        && {
            let lists = lex.lists_of(w);
            // `nonnames` holds every event word, so a word without hyphens needs no `events`
            // lookup
            !(lists.intersects(Lists::NONNAME | Lists::TITLE)
                || (hyphen && w.split('-').any(|p| lex.events.contains(p)))
                || lex.role_in(w, lists))
        }
}

#[allow(clippy::too_many_arguments)]
fn run(
    text: &str,
    tokens: &[Token],
    gaz_of: &[Option<u32>],
    gaz: &[GazMatch],
    lex: &Lexicon,
    a: usize,
    b: usize,
    found: &mut Found,
) {
    // The tokens an organisation takes (`first..=last`), if any: the rest is left to people.
    let mut org: Option<(usize, usize)> = None;
    // Organisations by their head word (the rightmost that works).
    for h in (a..b).rev() {
        let t = &tokens[h];
        if gaz_of[h].is_some() {
            continue;
        }
        let acr_head = lex.acronym_heads.contains(t.text) && h > a && tokens[h - 1].is_acronym();
        if !lex.org_heads.contains(t.text) && !acr_head {
            continue;
        }
        let mut left = h;
        while left > a {
            let p = &tokens[left - 1];
            let inner_and = left - 1 > a && org_conjunction(tokens, gaz_of, lex, left - 1);
            if !inner_and
                && (p.poss
                    || lex.function.contains(p.text)
                    || (p.sent_start && lex.nonnames.contains(p.text)))
            {
                break;
            }
            left -= 1;
        }
        let mut last = h;
        if lex.org_heads_of.contains(t.text) && !t.poss {
            let mut k = h + 1;
            if tokens.get(k).is_some_and(|x| x.text == "of" && x.joined()) {
                k += 1;
                if tokens.get(k).is_some_and(|x| x.text == "the" && x.joined()) {
                    k += 1;
                }
                let mut m = k;
                while m < tokens.len()
                    && tokens[m].segment == t.segment
                    && tokens[m].joined()
                    && tokens[m].is_cap()
                    && !lex.function.contains(tokens[m].text)
                {
                    m += 1;
                    if tokens[m - 1].poss {
                        break;
                    }
                }
                if m > k {
                    last = m - 1;
                }
            }
        }
        if left == h && last == h {
            break;
        }
        if (left..=last).any(|k| lex.events.contains(tokens[k].text)) {
            break;
        }
        let known_org = (left..=last).any(|k| {
            gaz_of[k]
                .is_some_and(|g| lex.entries[gaz[g as usize].entry].kind == ActorKind::Organisation)
        });
        if known_org && lex.legal.contains(t.text) {
            // `Samsung Electronics Co.`: the organisation the gazetteer knows.
            org = Some((left, last));
            break;
        }
        found.cands.push(Cand {
            first: left,
            last,
            kind: ActorKind::Organisation,
            cued: true,
            corporate: lex.corporate.contains(t.text),
        });
        bracket(text, tokens, left, last, found);
        org = Some((left, last));
        break;
    }
    // An acronym in brackets right after the run: a long name, not a person.
    let acronym = acronym_after(text, tokens, b - 1).is_some();
    if org.is_none() && !acronym {
        if let Some(g) = gaz_of[b - 1].filter(|&g| gaz[g as usize].end == tokens[b - 1].end) {
            let first = tokens.partition_point(|t| t.end <= gaz[g as usize].start);
            if lex.entries[gaz[g as usize].entry].kind == ActorKind::Organisation {
                bracket(text, tokens, first, b - 1, found);
            }
        }
    }
    // People, in the stretches of the run no organisation takes, but the one that ends the
    // run when an acronym follows.
    let pieces = match org {
        None => [Some((a, b)), None],
        Some((left, last)) => [Some((a, left)), Some((last + 1, b))],
    };
    for (from, to) in pieces
        .into_iter()
        .flatten()
        .filter(|&(_, to)| !acronym || to < b)
    {
        let mut s = from;
        while s < to {
            if gaz_of[s].is_some() || !is_name_word(&tokens[s], lex) {
                s += 1;
                continue;
            }
            let mut e = s + 1;
            while e < to
                && gaz_of[e].is_none()
                && (is_name_word(&tokens[e], lex) || (particle_between(tokens, e) && e + 1 < to))
                && !tokens[e - 1].poss
            {
                e += 1;
            }
            person(tokens, gaz_of, gaz, lex, (a, b), s, e, found);
            s = e;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn person(
    tokens: &[Token],
    gaz_of: &[Option<u32>],
    gaz: &[GazMatch],
    lex: &Lexicon,
    (a, b): (usize, usize),
    s: usize,
    e: usize,
    found: &mut Found,
) {
    let mut s = s;
    let mut e = e;
    let mut role = false;
    // `Gen Anil Chauhan`: a bare rank before a full name is a rank; `Gen Tanaka` is a name.
    if e - s >= 3 && lex.bare_ranks.contains(tokens[s].text) {
        s += 1;
        role = true;
    }
    // `Employee Phil Schiller`: a capitalised common noun opening the sentence before a given name.
    if tokens[s].sent_start && e - s >= 3 && lex.given.contains(tokens[s + 1].text) {
        s += 1;
        role = true;
    }
    // `Commissioner for Competition Neelie Kroes`: the portfolio is part of the title.
    if e - s >= 3 && s == a && s >= 2 {
        let (p1, p2) = (&tokens[s - 1], &tokens[s - 2]);
        if matches!(p1.text, "for" | "of") && lex.is_role(p2.text) && tokens[s].joined() {
            s += 1;
            role = true;
        }
    }
    // `Martin Luther King`: a title word ending the run after a name is a surname.
    if e < tokens.len()
        && e - s >= 2
        && tokens[e].joined()
        && !tokens[e - 1].poss
        && tokens[e].segment == tokens[s].segment
        && lex.title_heads.contains(tokens[e].text)
        && !tokens[e].is_acronym()
        && !tokens[e].text.ends_with('.')
        && !tokens
            .get(e + 1)
            .is_some_and(|t| t.joined() && t.is_cap() && !tokens[e].poss)
        && gaz_of[e].is_none()
    {
        e += 1;
    }
    // `Charles O 'Reilly`: a lone letter cannot end a name.
    if e - s > 1 && tokens[e - 1].text.chars().count() == 1 {
        e -= 1;
    }
    let len = e - s;
    if len > 4 || (s..e).all(|k| tokens[k].is_initial()) || tokens[e - 1].is_initial() {
        return;
    }
    // `Jordan Valley`, `Max Planck Institute`: a place or an organisation, not a person.
    let tail = tokens[e - 1].text;
    if lex.place_words.contains(tail)
        || lex.org_heads.contains(tail)
        || lex.acronym_heads.contains(tail)
    {
        return;
    }
    // `Adobe Analytics said`: a word after a known organisation in its run belongs to it.
    if s > a
        && gaz_of[s - 1]
            .is_some_and(|g| lex.entries[gaz[g as usize].entry].kind == ActorKind::Organisation)
    {
        return;
    }
    let first = &tokens[s];
    let prev = s.checked_sub(1).map(|p| &tokens[p]);
    let prev_close = first.joined() || first.sep.trim() == ",";
    let titled = role
        || prev.is_some_and(|p| {
            prev_close && !p.poss && p.segment == first.segment && gaz_of[s - 1].is_none() && {
                if s > a {
                    lex.is_role(p.text)
                } else {
                    lex.cues.contains(p.text) || lex.is_role(p.text)
                }
            }
        });
    let initial = len >= 2 && (s..e).any(|k| tokens[k].is_initial());
    let given = len >= 2 && lex.given.contains(first.text);
    let verb = {
        let nx = tokens.get(e).filter(|t| t.segment == first.segment);
        let nx2 = tokens.get(e + 1).filter(|t| t.segment == first.segment);
        match nx {
            Some(t) if t.joined() && !tokens[e - 1].poss => {
                lex.verbs.contains(t.text)
                    || (AUX.contains(&t.text) && nx2.is_some_and(|u| lex.verbs.contains(u.text)))
            }
            Some(t) if t.sep.trim() == "," && (t.text == "who" || t.text == "whose") => true,
            Some(t)
                if t.sep.trim() == ","
                    && (matches!(t.text, "the" | "a" | "an" | "his" | "her")
                        || lex.cues.contains(t.text)
                        || t.text.chars().all(|c| c.is_ascii_digit())) =>
            {
                // `Margrethe Vestager, the bloc's competition chief, said`
                tokens[e + 1..]
                    .iter()
                    .take(14)
                    .take_while(|u| u.segment == first.segment && !u.sent_start)
                    .find(|u| u.sep.contains(','))
                    .is_some_and(|u| lex.verbs.contains(u.text))
            }
            _ => false,
        }
    };
    // `…," said Smith` / `said Jane Foley, head of …`
    let said_before = prev.is_some_and(|p| {
        first.joined()
            && (matches!(p.text, "said" | "says")
                || (len >= 2 && matches!(p.text, "told" | "added" | "wrote")))
    });
    let country_poss = len >= 2
        && s == a
        && e == b
        && prev.is_some_and(|p| {
            p.poss
                && first.joined()
                && gaz_of[s - 1]
                    .is_some_and(|g| lex.entries[gaz[g as usize].entry].kind == ActorKind::Country)
        });
    // `Teachers said`: a lone plural opening a sentence is too weak a cue on its own.
    let weak_verb = len == 1 && first.sent_start && first.text.ends_with('s');
    let verb = verb && !weak_verb;
    found.cands.push(Cand {
        first: s,
        last: e - 1,
        kind: ActorKind::Person,
        cued: titled || initial || given || verb || country_poss || said_before,
        corporate: false,
    });
}

/// The bracketed acronym after tokens `..=last`, if any.
fn acronym_after<'t, 'a>(
    text: &str,
    tokens: &'t [Token<'a>],
    last: usize,
) -> Option<&'t Token<'a>> {
    let t = tokens.get(last + 1)?;
    if !t.sep.trim_end().ends_with('(') || !t.is_acronym() || tokens[last].poss {
        return None;
    }
    text[t.end..].starts_with(')').then_some(t)
}

fn bracket(text: &str, tokens: &[Token], first: usize, last: usize, found: &mut Found) {
    if let Some(acr) = acronym_after(text, tokens, last) {
        found.brackets.push(Bracket {
            acronym: acr.text.to_string(),
            long: (tokens[first].start, tokens[last].end),
        });
    }
}

/// `counterparts Hayashi Ken and Mori Aki`: a name of two or more words listed right
/// after a cued person is a person too.
fn continue_lists(text: &str, tokens: &[Token], cands: &mut [Cand]) {
    for k in 1..cands.len() {
        let (prev, cur) = (&cands[k - 1], &cands[k]);
        if cur.kind != ActorKind::Person || cur.cued || cur.last == cur.first {
            continue;
        }
        if prev.kind != ActorKind::Person || !prev.cued {
            continue;
        }
        let gap = &text[tokens[prev.last]
            .full_end(text)
            .min(tokens[cur.first].start)..tokens[cur.first].start];
        if matches!(gap, " and " | ", " | ", and " | " or ") {
            cands[k].cued = true;
        }
    }
}
