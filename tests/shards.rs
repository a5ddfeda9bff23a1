//! Extraction is a pure function of one article and merging is the one reduce step: extracting
//! shards separately, exporting them as JSONL and merging those gives the same events as one run
//! over the whole corpus.

use std::fs;
use std::path::{Path, PathBuf};

use newsline::export::json::{records, write_jsonl};
use newsline::export::EventRecord;
use newsline::pipeline::{load, Options};

const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "a1.txt",
        "2023-03-04",
        "Peru and Chile held talks on Friday in Lima.\nForeign Minister Ana Diaz met her counterpart Luis Soto.\nDiaz said the talks covered trade with Brazil.\n",
    ),
    (
        "a2.txt",
        "2023-03-05",
        "Peru and Chile held talks on March 3, 2023, in Lima, officials said.\nThe ministers agreed in January 2022 on a border accord.\n",
    ),
    (
        "a3.txt",
        "2023-03-06",
        "Peru and Chile met on March 3, 2023 for talks in Lima.\nPresident Maria Gomez will visit Argentina next month.\n",
    ),
    (
        "a4.txt",
        "2023-06-01",
        "Argentina and Brazil signed a trade pact on Tuesday.\nThe pact follows talks held in 2019.\n",
    ),
];

fn write_corpus(dir: &Path, which: &[usize]) {
    fs::create_dir_all(dir).unwrap();
    for &i in which {
        let (name, published, body) = ARTICLES[i];
        let text = format!(
            "---\ntitle: Article {i}\npublished: {published}\nsource: Outlet {i}\n---\n{body}"
        );
        fs::write(dir.join(name), text).unwrap();
    }
}

fn sorted(mut recs: Vec<EventRecord>) -> Vec<String> {
    for r in &mut recs {
        for m in &mut r.mentions {
            m.file = Path::new(&m.file)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
        }
    }
    let mut out: Vec<String> = recs
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    out.sort();
    out
}

fn export_all(paths: &[PathBuf]) -> Vec<EventRecord> {
    let loaded = load(paths, &Options::default()).unwrap();
    let tl = &loaded.timeline;
    records(tl, &(0..tl.events.len()).collect::<Vec<_>>())
}

#[test]
fn merging_shards_gives_the_events_of_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let whole = tmp.path().join("whole");
    write_corpus(&whole, &[0, 1, 2, 3]);
    let one_run = export_all(std::slice::from_ref(&whole));
    assert!(one_run.len() >= 4, "the corpus yields events: {one_run:#?}");
    assert!(
        one_run.iter().any(|r| r.mentions.len() >= 2),
        "a happening told by several articles is merged in one run"
    );

    // the same articles split over two shards, each extracted on its own
    let mut shard_files = Vec::new();
    for (k, part) in [[0usize, 3].as_slice(), [1, 2].as_slice()]
        .iter()
        .enumerate()
    {
        let dir = tmp.path().join(format!("part{k}"));
        write_corpus(&dir, part);
        let recs = export_all(&[dir]);
        let file = tmp.path().join(format!("shard{k}.jsonl"));
        let mut out = Vec::new();
        write_jsonl(&mut out, &recs).unwrap();
        fs::write(&file, out).unwrap();
        shard_files.push(file);
    }
    let merged = export_all(&shard_files);
    assert_eq!(sorted(merged), sorted(one_run));
}

#[test]
fn a_broken_shard_line_is_a_warning_and_the_rest_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("c");
    write_corpus(&dir, &[3]);
    let recs = export_all(&[dir]);
    let mut out = Vec::new();
    write_jsonl(&mut out, &recs).unwrap();
    let mut text = String::from_utf8(out).unwrap();
    text.insert_str(0, "{\"date\": broken\n");
    let file = tmp.path().join("s.jsonl");
    fs::write(&file, text).unwrap();
    let loaded = load(&[file], &Options::default()).unwrap();
    assert_eq!(loaded.timeline.events.len(), recs.len());
    assert_eq!(loaded.warnings.len(), 1);
    assert!(
        loaded.warnings[0].contains("s.jsonl: line 1:"),
        "{}",
        loaded.warnings[0]
    );
}
