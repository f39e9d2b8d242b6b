//! Extracts the claims and attributions of the corpus folder at build time and embeds them
//! (with the article texts) in the app, in the compact form of `claimscope_model::embed`, so
//! the page needs no server. The folder is `seeds/`, or the one `CLAIMSCOPE_CORPUS` names
//! (relative to this crate's folder): articles as `.txt` or saved web pages, with the folder's
//! own `meta.toml`, `lexicon.toml` and `entities.toml`.

use std::path::PathBuf;
use std::process::exit;

use claimscope_extract::load;
use claimscope_extract::Lexicon;
use claimscope_extract::{build, Options};
use claimscope_model::embed;

/// Names the corpus folder to embed instead of `seeds/`.
const CORPUS_VAR: &str = "CLAIMSCOPE_CORPUS";

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("error: claimscope build: {msg}");
    exit(1)
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|e| fail(e)));
    println!("cargo::rerun-if-env-changed={CORPUS_VAR}");
    println!("cargo::rerun-if-changed=build.rs");
    let folder = match std::env::var_os(CORPUS_VAR) {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("seeds"),
    };
    println!("cargo::rerun-if-changed={}", folder.display());
    let paths = std::slice::from_ref(&folder);
    let loaded = load(paths).unwrap_or_else(|e| fail(e));
    for w in &loaded.warnings {
        println!("cargo::warning={w}");
    }
    let loaded = loaded.nonempty(paths).unwrap_or_else(|e| fail(e));
    let lex = Lexicon::with_extensions(&loaded.lexicon_extensions).unwrap_or_else(|e| fail(e));
    let corpus = build(
        &loaded.inputs,
        &lex,
        Options {
            with_text: true,
            with_attributions: true,
        },
    );
    let text = embed::encode(&corpus);
    // Lossless, checked on the real data: the app reads exactly what was extracted.
    match embed::decode(&text) {
        Ok(back) if back == corpus => {}
        Ok(_) => fail("the embedded corpus does not decode to what was extracted"),
        Err(e) => fail(e),
    }
    let out =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| fail(e))).join("corpus.txt");
    std::fs::write(&out, text).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
}
