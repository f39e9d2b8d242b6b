//! Extracts the claims and attributions of the corpus folder at build time and embeds them
//! in the app (the article texts go to files of their own, fetched when the reader opens one), in the compact form of `claimscope_model::embed`, so
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

/// Where the article texts are written for Trunk's `post_build` hook to copy beside
/// `index.html` (`Trunk.toml`): this file, in the crate's `target/`, names the folder.
const TEXTS_POINTER: &str = "target/claimscope-texts";

/// Takes each article's text out of the corpus and writes it to `texts-HASH/N.txt` (N: the
/// article's place in the corpus; HASH: of all the texts, so a new corpus never meets an old
/// cached file), in `$OUT_DIR`; the page fetches it when the reader opens the article. Returns
/// the folder's name.
fn write_texts(root: &std::path::Path, corpus: &mut claimscope_model::Corpus) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for d in &corpus.documents {
        d.text.hash(&mut h);
    }
    let name = format!("texts-{:016x}", h.finish());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| fail(e)));
    let dir = out.join(&name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(format!("{}: {e}", dir.display())));
    for (i, d) in corpus.documents.iter_mut().enumerate() {
        let file = dir.join(format!("{i}.txt"));
        let text = d.text.take().unwrap_or_default();
        std::fs::write(&file, text).unwrap_or_else(|e| fail(format!("{}: {e}", file.display())));
    }
    // Only the browser build names it for Trunk (a native build must not repoint it).
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        let pointer = root.join(TEXTS_POINTER);
        if let Some(parent) = pointer.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        std::fs::write(&pointer, dir.display().to_string())
            .unwrap_or_else(|e| fail(format!("{}: {e}", pointer.display())));
    }
    name
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
    let mut corpus = build(
        &loaded.inputs,
        &lex,
        Options {
            with_text: true,
            with_attributions: true,
        },
    );
    let texts = write_texts(&root, &mut corpus);
    println!("cargo::rustc-env=CLAIMSCOPE_TEXTS={texts}");
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
