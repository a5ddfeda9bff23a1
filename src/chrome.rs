//! Site chrome: lines that belong to the web page, not the story (`Exit mobile version`,
//! `Post a Comment`, share and subscribe lines, hashtag lines, `Source: …` credits, bylines).
//! The patterns live in `assets/chrome.txt`, one regular expression a line, compiled once.

use std::sync::LazyLock;

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// The chrome patterns as shipped (see the file's header for the format).
pub const PATTERNS: &str = include_str!("../assets/chrome.txt");

/// Lines longer than this are running text, never chrome (and are not matched at all).
pub const MAX_CHROME_LINE: usize = 400;

/// One pattern of a chrome file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern<'a> {
    /// 1-based line in the file.
    pub line: usize,
    /// The longest line (in bytes) the pattern may call chrome.
    pub max_len: usize,
    /// The regular expression.
    pub regex: &'a str,
}

/// The patterns of a chrome file, comments and blank lines left out.
pub fn patterns(src: &str) -> Vec<Pattern<'_>> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(line, l)| {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            let limit = if digits > 0 && l[digits..].starts_with(' ') {
                l[..digits].parse().ok()
            } else {
                None
            };
            match limit {
                Some(max_len) => Pattern {
                    line,
                    max_len,
                    regex: l[digits..].trim_start(),
                },
                None => Pattern {
                    line,
                    max_len: MAX_CHROME_LINE,
                    regex: l,
                },
            }
        })
        .collect()
}

/// Compiled chrome patterns.
///
/// Patterns that open with `^.*` (a phrase anywhere in the line) keep the set's automaton
/// alive to the end of every line, and a Unicode `\b` makes it give up on the first non-ASCII
/// byte for a much slower engine. They are therefore compiled apart, without the `^.*`, each
/// as its own expression searched for its literal phrase; the set holds the anchored rest. A
/// closing `.*$` is dropped too for a line without a line break (it then always matches), so
/// that the search is not made backwards from the end of the line through the whole of it.
#[derive(Debug, Clone)]
pub struct Chrome {
    set: RegexSet,
    /// Length limit of each pattern of `set`.
    max_len: Vec<usize>,
    /// The least of them: a line no longer than that which `set` matches is chrome, without
    /// asking which pattern matched.
    least_max_len: usize,
    /// The `^.*` patterns: without it, without a closing `.*$` as well, and the length limit.
    floating: Vec<(Regex, Regex, usize)>,
}

/// The pattern after its `^.*` opening, if it has one.
fn floating(regex: &str) -> Option<&str> {
    regex.strip_prefix("^.*").filter(|r| !r.is_empty())
}

impl Chrome {
    /// Compiles a chrome pattern file. The error names the first line that does not compile.
    pub fn compile(src: &str) -> Result<Chrome, String> {
        let pats = patterns(src);
        let report = |e: regex::Error| {
            for p in &pats {
                if let Err(e) = RegexBuilder::new(p.regex).case_insensitive(true).build() {
                    return format!("chrome patterns line {}: {e}", p.line);
                }
            }
            format!("chrome patterns: {e}")
        };
        let (floats, anchored): (Vec<&Pattern>, Vec<&Pattern>) =
            pats.iter().partition(|p| floating(p.regex).is_some());
        let set = RegexSetBuilder::new(anchored.iter().map(|p| p.regex))
            .case_insensitive(true)
            .build()
            .map_err(report)?;
        let mut floating_res = Vec::with_capacity(floats.len());
        for p in floats {
            let r = floating(p.regex).unwrap_or(p.regex);
            let build = |r: &str| RegexBuilder::new(r).case_insensitive(true).build();
            let re = build(r).map_err(report)?;
            let core = match r.strip_suffix(".*$").filter(|c| !c.is_empty()) {
                Some(c) => build(c).map_err(report)?,
                None => re.clone(),
            };
            floating_res.push((re, core, p.max_len));
        }
        let max_len: Vec<usize> = anchored.iter().map(|p| p.max_len).collect();
        Ok(Chrome {
            set,
            least_max_len: max_len.iter().copied().min().unwrap_or(0),
            max_len,
            floating: floating_res,
        })
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.max_len.len() + self.floating.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when a line (trimmed) is matched by a pattern whose length limit it respects.
    pub fn matches(&self, line: &str) -> bool {
        let line = line.trim();
        if line.is_empty() || line.len() > MAX_CHROME_LINE {
            return false;
        }
        // `^.*` stops at a line end: the leftmost match must start on the first line.
        let one_line = !line.contains('\n');
        let floats = self.floating.iter().any(|(re, core, m)| {
            line.len() <= *m
                && if one_line {
                    core.is_match(line)
                } else {
                    re.find(line)
                        .is_some_and(|f| !line[..f.start()].contains('\n'))
                }
        });
        floats
            || (self.set.is_match(line)
                && (line.len() <= self.least_max_len
                    || self
                        .set
                        .matches(line)
                        .iter()
                        .any(|i| self.max_len.get(i).is_some_and(|&m| line.len() <= m))))
    }
}

static SHIPPED: LazyLock<Option<Chrome>> = LazyLock::new(|| Chrome::compile(PATTERNS).ok());

/// True when a line (without its line end) is site chrome and must not be read as text.
pub fn is_chrome(line: &str) -> bool {
    LOCAL.with(|c| c.as_ref().is_some_and(|c| c.matches(line)))
}

thread_local! {
    /// This thread's copy of [`SHIPPED`]: the patterns are compiled once and shared, but each
    /// copy has scratch space of its own, so that threads never take turns for it.
    static LOCAL: Option<Chrome> = SHIPPED.clone();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_patterns_compile() {
        let set = Chrome::compile(PATTERNS).expect("assets/chrome.txt compiles");
        assert!(set.len() > 30);
    }

    #[test]
    fn a_bad_pattern_is_reported_with_its_line() {
        let err = Chrome::compile("# c\n^ok$\n^(broken$\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }

    #[test]
    fn a_phrase_anywhere_matches_on_one_line_only() {
        let c = Chrome::compile("^.*\\bappeared first on\\b.*$").unwrap();
        assert!(c.matches("The post Talks in Rome appeared first on Daily Bugle."));
        assert!(c.matches("appeared first on"));
        assert!(!c.matches("It appeared first onwards"), "a whole phrase");
        assert!(!c.matches("Talks in Rome\nappeared first on Daily Bugle"));
        assert!(
            !c.matches("Talks appeared first on the Bugle\nand then elsewhere"),
            "`.*$` does not cross a line break"
        );
    }

    #[test]
    fn a_length_limit_keeps_a_pattern_to_short_lines() {
        let c = Chrome::compile("20 ^join us\\b.*$").unwrap();
        assert!(c.matches("Join us on Friday"));
        assert!(!c.matches("Join us on Friday for the talks in Geneva"));
        // each pattern keeps its own limit, whichever other pattern matches the line
        let c = Chrome::compile("10 ^ab.*$\n40 ^abc.*$").unwrap();
        assert!(c.matches("abc"));
        assert!(c.matches("abcdefghijklmno"));
        assert!(!c.matches("abxdefghijklmno"));
        assert!(c.matches("abxdefg"));
    }

    #[test]
    fn page_furniture_is_chrome() {
        for line in [
            "Exit mobile version",
            "Site icon DAILY BUGLE",
            "Post a Comment",
            "No comments:",
            "12 Comments",
            "Join our Telegram channel for breaking news",
            "Share this:",
            "Share on Facebook",
            "Facebook | Twitter | Email",
            "Read more",
            "READ MORE: Ministers meet in Rome",
            "Advertisement",
            "Click here to subscribe",
            "Subscribe to our newsletter",
            "Sign up for the morning newsletter and get the news first",
            "We use cookies to improve your experience on our site.",
            "© 2024 Example Media. All rights reserved.",
            "Copyright 2023 The Daily Planet",
            "Source: Press Trust of India",
            "Photo: Reuters",
            "By Jane Doe",
            "By JANE DOE and JOHN ROE, Reuters",
            "Written by Jane Doe",
            "Reporting by Jane Doe; Editing by John Roe",
            "Tags: defence, diplomacy",
            "Canada #Canada",
            "#Elections #Kenya",
            "The post Ministers meet in Rome appeared first on Daily Planet.",
            "Follow us on X",
            "![Ministers at the table](photo.jpg)",
            "<div class=\"ad-slot\">",
        ] {
            assert!(is_chrome(line), "should be chrome: {line}");
        }
    }

    #[test]
    fn running_text_is_not_chrome() {
        for line in [
            "By 2025, the two navies plan to hold joint drills.",
            "By the end of the year, the plan will be ready.",
            "Sources said the talks would resume on Monday.",
            "The source of the leak was not identified.",
            "Share prices fell 3% on Monday.",
            "Read the full statement on the ministry's site, officials said.",
            "The company said comments on the draft were due by Friday.",
            "Next month the ministers will meet again in Tokyo.",
            "Copyright infringement claims rose sharply in 2023.",
            "India and Japan agreed to deepen cooperation.",
            "Related talks will take place in Geneva next week.",
            "Join the queue, the minister told reporters.",
            "",
        ] {
            assert!(!is_chrome(line), "should be text: {line}");
        }
    }

    #[test]
    fn a_phrase_anywhere_is_found_as_the_anchored_pattern_would() {
        let src = "30 ^.*\\bsee more\\b.*$\n^.*x$\n";
        let c = Chrome::compile(src).unwrap();
        let whole = |line: &str| {
            let line = line.trim();
            patterns(src).iter().any(|p| {
                line.len() <= p.max_len
                    && RegexBuilder::new(p.regex)
                        .case_insensitive(true)
                        .build()
                        .unwrap()
                        .is_match(line)
            })
        };
        for line in [
            "See more",
            "news — see MORE here",
            "oversee more",
            "see more of the talks between the two delegations today",
            "one\nsee more",
            "ends in x",
            "x\ny",
            "y\nx",
            "’ see more",
        ] {
            assert_eq!(c.matches(line), whole(line), "{line:?}");
        }
    }

    #[test]
    fn very_long_lines_are_never_chrome() {
        let line = format!("Share this: {}", "word ".repeat(200));
        assert!(!is_chrome(&line));
    }
}
