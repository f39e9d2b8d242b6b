//! Embeds the corpus folder's lexicon and entity extensions (`lexicon.toml`, `entities.toml`),
//! found as the app's `build.rs` finds them, so articles added in the browser are read with
//! the same lexicon as the built-in corpus.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::exit;

use claimscope_extract::load;

/// Names the corpus folder the site is built for instead of `seeds/` (as in the app's build).
const CORPUS_VAR: &str = "CLAIMSCOPE_CORPUS";

/// The worker's stack, in bytes.
const WORKER_STACK: usize = 8 << 20;

fn fail(msg: impl std::fmt::Display) -> ! {
    eprintln!("error: claimscope worker build: {msg}");
    exit(1)
}

fn main() {
    let here = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|e| fail(e)));
    let root = here.parent().map(PathBuf::from).unwrap_or(here);
    println!("cargo::rerun-if-env-changed={CORPUS_VAR}");
    println!("cargo::rerun-if-changed=build.rs");
    // A saved page may nest thousands of elements and the HTML parser recurses over them: the
    // worker gets a native-sized stack (wasm's default is 1 MB).
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bins=-zstack-size={WORKER_STACK}");
    }
    let folder = match std::env::var_os(CORPUS_VAR) {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("seeds"),
    };
    println!("cargo::rerun-if-changed={}", folder.display());
    let loaded = load(std::slice::from_ref(&folder)).unwrap_or_else(|e| fail(e));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| fail(e)));
    let mut list = String::from("&[");
    for (i, (name, text)) in loaded.lexicon_extensions.iter().enumerate() {
        let file = out.join(format!("extension{i}.toml"));
        std::fs::write(&file, text).unwrap_or_else(|e| fail(format!("{}: {e}", file.display())));
        let _ = write!(
            list,
            "({name:?}, include_str!({:?})),",
            file.display().to_string()
        );
    }
    list.push(']');
    let rs = out.join("extensions.rs");
    std::fs::write(&rs, list).unwrap_or_else(|e| fail(format!("{}: {e}", rs.display())));
}
