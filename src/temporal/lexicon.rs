//! The words of temporal expressions (`assets/temporal/lexicon.txt`) and of tense
//! (`assets/temporal/tense.txt`), and the keyword pass: one scan of a sentence's words for one
//! able to start an expression, so that sentences with none (and no digit) are passed over.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::tokens::{alnum_end, class, Class};

const LEXICON: &str = include_str!("../../assets/temporal/lexicon.txt");
const TENSE: &str = include_str!("../../assets/temporal/tense.txt");

/// A calendar unit named by a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
}

/// The tense a word shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// What a word can be. A word may be several things (`may`, `second`, `last`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word {
    Month(u8),
    Weekday(u8),
    Deictic(i8),
    Present,
    Vague,
    Later,
    Period,
    Future,
    Past,
    Unit(Unit),
    Season(u8),
    Part,
    Fiscal,
    Number(u32),
    VagueCount,
    Ordinal(u8),
    Shift(i8),
    Approx,
    Edge,
    Prep,
    NotYearBefore,
    NotYearAfter,
    Background,
    Tense(Tense),
    NotPast,
}

impl Word {
    /// True for the words that can start (or anchor) an expression.
    fn is_trigger(self) -> bool {
        matches!(
            self,
            Word::Month(_)
                | Word::Weekday(_)
                | Word::Deictic(_)
                | Word::Present
                | Word::Vague
                | Word::Later
                | Word::Period
                | Word::Future
                | Word::Past
                | Word::Unit(_)
                | Word::Season(_)
                | Word::Part
                | Word::Fiscal
        )
    }
}

/// Word (lowercase bytes) → what it can mean.
type Words = HashMap<&'static [u8], Vec<Word>, foldhash::fast::RandomState>;

/// The parsed word lists and the keyword filter.
pub(crate) struct Lexicon {
    words: Words,
    /// Keyword prefilter: for each pair of first and last byte ([`filter_slot`]), a bit per
    /// length at which some trigger word has them. A word whose bit is clear is no trigger; one
    /// whose bit is set is looked up.
    filter: Box<[u32; 1024]>,
}

/// Longest word looked up; longer words are in no list.
const MAX_WORD: usize = 16;

/// The lexicon, built once.
pub(crate) static LEXICON_DATA: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(LEXICON, TENSE).unwrap_or_else(|_| Lexicon::empty()));

fn parse_class(class: &str, value: Option<&str>) -> Result<Word, String> {
    let num = |v: Option<&str>| -> Result<i64, String> {
        v.ok_or_else(|| format!("{class}: value missing"))?
            .parse::<i64>()
            .map_err(|e| format!("{class}: {e}"))
    };
    Ok(match class {
        "month" => Word::Month(num(value)?.clamp(1, 12) as u8),
        "weekday" => Word::Weekday(num(value)?.clamp(1, 7) as u8),
        "deictic" => Word::Deictic(num(value)?.clamp(-7, 7) as i8),
        "present" => Word::Present,
        "vague" => Word::Vague,
        "later" => Word::Later,
        "period" => Word::Period,
        "future" => Word::Future,
        "past" => Word::Past,
        "unit" => Word::Unit(match value {
            Some("day") => Unit::Day,
            Some("week") => Unit::Week,
            Some("weekend") => Unit::Weekend,
            Some("month") => Unit::Month,
            Some("quarter") => Unit::Quarter,
            Some("half") => Unit::Half,
            Some("year") => Unit::Year,
            Some("decade") => Unit::Decade,
            other => return Err(format!("unknown unit {other:?}")),
        }),
        "season" => Word::Season(num(value)?.clamp(1, 12) as u8),
        "part" => Word::Part,
        "fiscal" => Word::Fiscal,
        "number" => Word::Number(num(value)?.clamp(0, 1000) as u32),
        "vaguecount" => Word::VagueCount,
        "ordinal" => Word::Ordinal(num(value)?.clamp(1, 4) as u8),
        "shift" => Word::Shift(num(value)?.clamp(-1, 1) as i8),
        "approx" => Word::Approx,
        "edge" => Word::Edge,
        "prep" => Word::Prep,
        "notyearbefore" => Word::NotYearBefore,
        "notyearafter" => Word::NotYearAfter,
        "background" => Word::Background,
        "past_tense" => Word::Tense(Tense::Past),
        "present_tense" => Word::Tense(Tense::Present),
        "future_tense" => Word::Tense(Tense::Future),
        "notpast" => Word::NotPast,
        other => return Err(format!("unknown class {other}")),
    })
}

/// Parses `class[:value] word word ...` lines; `tense` lists map `past`/`present`/`future` to
/// tense words.
fn parse_lines(text: &'static str, tense: bool, out: &mut Words) -> Result<(), String> {
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let head = parts.next().unwrap_or_default();
        let (class, value) = match head.split_once(':') {
            Some((c, v)) => (c, Some(v)),
            None => (head, None),
        };
        let class = match (tense, class) {
            (true, "past") => "past_tense",
            (true, "present") => "present_tense",
            (true, "future") => "future_tense",
            (_, c) => c,
        };
        let word = parse_class(class, value).map_err(|e| format!("line {}: {e}", n + 1))?;
        let mut any = false;
        for w in parts {
            if w.len() > MAX_WORD || w.bytes().any(|b| b.is_ascii_uppercase()) {
                return Err(format!("line {}: bad word {w}", n + 1));
            }
            any = true;
            let entry = out.entry(w.as_bytes()).or_default();
            if !entry.contains(&word) {
                entry.push(word);
            }
        }
        if !any {
            return Err(format!("line {}: no words", n + 1));
        }
    }
    Ok(())
}

impl Lexicon {
    /// Parses the two word lists.
    pub(crate) fn parse(lexicon: &'static str, tense: &'static str) -> Result<Lexicon, String> {
        let mut words = Words::default();
        parse_lines(lexicon, false, &mut words)?;
        parse_lines(tense, true, &mut words)?;
        let mut filter = Box::new([0u32; 1024]);
        for (w, ws) in &words {
            if ws.iter().any(|w| w.is_trigger()) {
                if let Some(slot) = filter_slot(w) {
                    filter[slot] |= 1 << w.len();
                }
            }
        }
        Ok(Lexicon { words, filter })
    }

    fn empty() -> Lexicon {
        Lexicon {
            words: Words::default(),
            filter: Box::new([0; 1024]),
        }
    }

    /// True when the ASCII word `w` is a trigger word (any case): one that can start an
    /// expression.
    pub(crate) fn is_trigger(&self, w: &[u8]) -> bool {
        let Some(slot) = filter_slot(w) else {
            return false;
        };
        if w.len() > MAX_WORD || self.filter[slot] & (1 << w.len()) == 0 {
            return false;
        }
        self.lookup_bytes(w).iter().any(|x| x.is_trigger())
    }

    /// What `word` can be (any case); empty when it is in no list.
    pub(crate) fn lookup(&self, word: &str) -> &[Word] {
        self.lookup_bytes(word.as_bytes())
    }

    /// [`Lexicon::lookup`] on the bytes of a word.
    fn lookup_bytes(&self, b: &[u8]) -> &[Word] {
        if b.is_empty() || b.len() > MAX_WORD {
            return &[];
        }
        let mut buf = [0u8; MAX_WORD];
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.words
            .get(&buf[..b.len()])
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The first trigger word of `text` at or after byte `from` (a char boundary) that is a
    /// whole word, a maximal run of alphanumeric characters: its byte range.
    ///
    /// Trigger words are ASCII, so a run with another character is none; the others go through
    /// the length filter first, which turns away nearly all words before any hashing.
    pub(crate) fn first_trigger(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let b = text.as_bytes();
        let mut i = from;
        while let Some(&c) = b.get(i) {
            if matches!(class(c), Class::Space | Class::Mark) {
                i += 1;
                continue;
            }
            let start = i;
            // ASCII letters and digits here; a run that goes on beyond ASCII is walked again
            // in full (rare in English text)
            while b
                .get(i)
                .is_some_and(|&c| matches!(class(c), Class::Letter | Class::Digit))
            {
                i += 1;
            }
            let mut ascii = true;
            if b.get(i).is_some_and(|&c| class(c) == Class::Wide) {
                (i, ascii) = alnum_end(text, start);
            }
            if i == start {
                // A character that is neither ASCII nor alphanumeric.
                i += text[i..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if ascii && self.is_trigger(&b[start..i]) {
                return Some((start, i));
            }
        }
        None
    }
}

/// The keyword filter's slot for a word: its first and last byte, folded to 5 bits each (ASCII
/// letters fold case; other bytes may share a slot, which costs only a lookup).
fn filter_slot(w: &[u8]) -> Option<usize> {
    let (first, last) = (w.first()?, w.last()?);
    Some(usize::from(first & 31) << 5 | usize::from(last & 31))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_parse() {
        let lex = Lexicon::parse(LEXICON, TENSE).expect("word lists parse");
        assert!(lex.lookup("Sept").contains(&Word::Month(9)));
        assert!(lex.lookup("FRIDAY").contains(&Word::Weekday(5)));
        assert!(lex.lookup("said").contains(&Word::Tense(Tense::Past)));
        assert!(lex.lookup("will").contains(&Word::Tense(Tense::Future)));
        assert!(lex.lookup("last").contains(&Word::Shift(-1)));
        assert!(lex.lookup("nothing-here").is_empty());
    }

    #[test]
    fn bad_lines_are_rejected() {
        assert!(Lexicon::parse("month:13x june", "").is_err());
        assert!(Lexicon::parse("colour red", "").is_err());
        assert!(Lexicon::parse("month:1", "").is_err());
    }

    #[test]
    fn triggers_are_whole_words() {
        let lex = &*LEXICON_DATA;
        let text = "We know it now; Monaco met on Monday.";
        assert_eq!(triggers(lex, text), ["now", "Monday"]);
        let text = "Today’s vote, YESTERDAY’S 2nd; Über-Monday, Mondayé MAYDAY ÉMay FY";
        assert_eq!(triggers(lex, text), ["Today", "YESTERDAY", "Monday", "FY"]);
        assert_eq!(lex.first_trigger("Maybe, may be", 0), Some((7, 10)));
        assert_eq!(lex.first_trigger("Maybe, maybe", 0), None);
    }

    /// All trigger words of `text`, by [`Lexicon::first_trigger`].
    fn triggers<'a>(lex: &Lexicon, text: &'a str) -> Vec<&'a str> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some((s, e)) = lex.first_trigger(text, from) {
            out.push(&text[s..e]);
            from = e;
        }
        out
    }

    /// The keyword pass as it was first written: an ASCII-case-insensitive leftmost-longest
    /// Aho-Corasick scan for the trigger words, keeping the matches that are whole words.
    fn triggers_by_automaton<'a>(lex: &Lexicon, text: &'a str) -> Vec<&'a str> {
        use aho_corasick::{AhoCorasickBuilder, MatchKind};
        let patterns: Vec<&[u8]> = lex
            .words
            .iter()
            .filter(|(_, ws)| ws.iter().any(|w| w.is_trigger()))
            .map(|(k, _)| *k)
            .collect();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("automaton builds");
        ac.find_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(s, e)| {
                let before = text[..s].chars().next_back();
                let after = text[e..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    proptest::proptest! {
        /// The word scan, and the tokenizer's marks, find exactly the whole-word matches of the
        /// automaton.
        #[test]
        fn word_scan_equals_automaton(parts in proptest::collection::vec(proptest::sample::select(&[
            "may", "MAY", "May", "mayday", "sept", "Sept.", "fy", "FY2007", "day", "days", "Days",
            "today", "Today’s", "nowadays", "now", "know", "year", "years", "yearly", "fall",
            "é", "É", "über", "’", "-", "1990s", "2024", "a", "the", "x", " ", " ", ",", ".",
            "\n", "\u{a0}", "\u{212a}", "ß", "日本", "٣", "monday", "Monday", "tonight",
        ][..]), 0..24)) {
            let text: String = parts.concat();
            let lex = &*LEXICON_DATA;
            let want = triggers_by_automaton(lex, &text);
            proptest::prop_assert_eq!(&triggers(lex, &text), &want);
            let mut toks = Vec::new();
            super::super::tokens::tokenize(&text, lex, &mut toks);
            let marked: Vec<&str> = toks
                .iter()
                .filter(|t| t.trigger)
                .map(|t| &text[t.start..t.end])
                .collect();
            proptest::prop_assert_eq!(marked, want);
        }
    }
}
