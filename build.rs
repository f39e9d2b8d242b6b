//! Extracts the claims of `seeds/` at build time and embeds them (with the article texts) in the
//! app as JSON, so the page needs no server and fetches nothing.

use std::path::PathBuf;
use std::process::exit;

use claimscope_extract::load;
use claimscope_extract::Lexicon;
use claimscope_extract::{build, Options};

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("error: claimscope build: {msg}");
    exit(1)
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|e| fail(e)));
    let seeds = root.join("seeds");
    println!("cargo::rerun-if-changed=seeds");
    println!("cargo::rerun-if-changed=build.rs");
    let loaded = load(std::slice::from_ref(&seeds)).unwrap_or_else(|e| fail(e));
    for w in &loaded.warnings {
        println!("cargo::warning={w}");
    }
    if loaded.inputs.is_empty() {
        fail(format!("{}: no .txt articles to extract", seeds.display()));
    }
    let lex = Lexicon::with_extensions(&loaded.lexicon_extensions).unwrap_or_else(|e| fail(e));
    let corpus = build(
        &loaded.inputs,
        &lex,
        Options {
            with_text: true,
            with_attributions: false,
        },
    );
    let json = serde_json::to_string(&corpus).unwrap_or_else(|e| fail(e));
    let out =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| fail(e))).join("corpus.json");
    std::fs::write(&out, json).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
}
