//! Prints the actors and mentions the finder reads in each article given on the command line,
//! for checking by eye: `cargo run --example actors -- FILE...` (add `--json` for one JSON
//! object per file: its actors and the text of each mention; `--aliases` to print, after all
//! files, the corpus-wide aliases the merge step would apply).

use newsline::actors::{self, ActorKind};
use newsline::article::Article;
use newsline::sentences;

fn main() {
    let mut json = false;
    let mut aliases = false;
    let mut all: Vec<(String, ActorKind)> = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--json" {
            json = true;
            continue;
        }
        if arg == "--aliases" {
            aliases = true;
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&arg) else {
            eprintln!("cannot read {arg}");
            continue;
        };
        let article = Article::parse(arg.clone(), text, None);
        let sents = sentences::split_article(&article);
        let found = actors::find(&article.text, &sents);
        all.extend(found.actors.iter().map(|a| (a.name.to_string(), a.kind)));
        if json {
            let actors: Vec<_> = found
                .actors
                .iter()
                .map(|a| serde_json::json!({"name": a.name, "kind": a.kind.as_str()}))
                .collect();
            let mentions: Vec<_> = found
                .mentions
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "start": m.start, "end": m.end,
                        "text": &article.text[m.start..m.end],
                        "actor": found.actors[m.actor].name,
                        "subject": m.subject,
                    })
                })
                .collect();
            println!(
                "{}",
                serde_json::json!({"file": arg, "actors": actors, "mentions": mentions})
            );
            continue;
        }
        println!("== {arg}");
        for (i, a) in found.actors.iter().enumerate() {
            let n = found.mentions.iter().filter(|m| m.actor == i).count();
            let kind = match a.kind {
                ActorKind::Person => "person",
                ActorKind::Country => "country",
                ActorKind::Organisation => "org",
                ActorKind::Place => "place",
            };
            println!("  {kind:<8} {:<40} x{n}", a.name);
        }
        for m in &found.mentions {
            println!(
                "    {:>6}..{:<6} {:<30} -> {}{}",
                m.start,
                m.end,
                &article.text[m.start..m.end],
                found.actors[m.actor].name,
                if m.subject { " (subject)" } else { "" }
            );
        }
    }
    if aliases {
        let mut map: Vec<(String, String)> = actors::corpus_aliases(&all).into_iter().collect();
        map.sort();
        println!("== corpus aliases");
        for (short, full) in map {
            println!("  {short} -> {full}");
        }
    }
}
