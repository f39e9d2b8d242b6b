//! Saved web pages (`tests/pages`, gold `tests/data/gold_pages.json`, written by a session that
//! had not read the page reader): what the page says about itself, the article's text without
//! the page's clutter, pages without an article refused by name, hostile markup kept as text.
//! (The figures of these pages are scored in `eval.rs`.)

use std::path::{Path, PathBuf};

use claimscope_extract::{build, load, Lexicon, Options};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn gold() -> Vec<Value> {
    let path = root().join("extract/tests/data/gold_pages.json");
    serde_json::from_str(&std::fs::read_to_string(&path).expect("gold file")).expect("gold json")
}

/// Whitespace collapsed, as the gold is written.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strings<'a>(g: &'a Value, key: &str) -> Vec<&'a str> {
    g[key]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn saved_pages_give_their_article_and_metadata_and_no_clutter() {
    let loaded = load(&[root().join("extract/tests/pages")]).expect("pages load");
    let lex = Lexicon::with_extensions(&loaded.lexicon_extensions).expect("lexicon");
    let corpus = build(
        &loaded.inputs,
        &lex,
        Options {
            with_text: true,
            with_attributions: false,
        },
    );
    let mut problems = Vec::new();
    for g in gold() {
        let id = g["doc"].as_str().expect("doc");
        let file = g["file"].as_str().expect("file");
        if g["readable"].as_bool() != Some(true) {
            let warned = loaded
                .warnings
                .iter()
                .any(|w| w.path.ends_with(file) && w.message.contains("no readable article"));
            if !warned || corpus.document(id).is_some() {
                problems.push(format!(
                    "{file}: not refused by name as a page with no article"
                ));
            }
            continue;
        }
        let Some(doc) = corpus.document(id) else {
            problems.push(format!("{file}: no document"));
            continue;
        };
        for (field, got) in [
            ("title", Some(doc.title.as_str())),
            ("outlet", doc.outlet.as_deref()),
            // What the page says: a date inferred from the text (and marked so) is not that.
            (
                "published",
                doc.published.as_deref().filter(|_| !doc.published_inferred),
            ),
            ("url", doc.url.as_deref()),
        ] {
            if g[field].as_str() != got {
                problems.push(format!("{file}: {field} {got:?}, gold {}", g[field]));
            }
        }
        let text = squash(doc.text.as_deref().unwrap_or(""));
        for s in strings(&g, "body_must_contain")
            .into_iter()
            .chain(strings(&g, "must_contain_literal"))
        {
            if !text.contains(&squash(s)) {
                problems.push(format!("{file}: the article lacks {s:?}"));
            }
        }
        for s in strings(&g, "clutter_must_not_contain")
            .into_iter()
            .chain(strings(&g, "must_not_contain"))
        {
            if text.contains(&squash(s)) {
                problems.push(format!("{file}: clutter kept: {s:?}"));
            }
        }
        for c in corpus.claims.iter().filter(|c| c.doc == id) {
            let quote = squash(&c.quote);
            if strings(&g, "clutter_must_not_contain")
                .iter()
                .any(|s| squash(s).contains(&quote) || quote.contains(&squash(s)))
            {
                problems.push(format!("{file}: a claim from clutter: {:?}", c.quote));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The page reader takes the same path everywhere: a single file given by name reads as the
/// folder's copy does.
#[test]
fn a_saved_page_reads_alike_alone_and_in_its_folder() {
    let file = root().join("extract/tests/pages/ferry_kalithos.html");
    let alone = load(std::slice::from_ref(&file)).expect("page loads");
    let folder = load(&[root().join("extract/tests/pages")]).expect("pages load");
    let a = &alone.inputs[0];
    let b = folder
        .inputs
        .iter()
        .find(|i| i.id == a.id)
        .expect("in folder");
    assert_eq!(a.text, b.text);
    assert_eq!(a.meta, b.meta);
    assert!(a.text.starts_with("Dozens feared missing"), "{}", a.text);
}
