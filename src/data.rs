//! The corpus the page shows and its query index: the one embedded at build time, joined with
//! the articles the user imported (see [`crate::imports`]). Each change of the imported
//! articles makes a new [`Data`], which lives as long as the page (the views of the old one may
//! still be tearing down when it is replaced; the page holds a handful of them at most).

use std::cell::Cell;
use std::sync::OnceLock;

use claimscope_model::embed;
use claimscope_model::query::Index;
use claimscope_model::Corpus;
use rustc_hash::FxHashMap as HashMap;

/// The corpus `build.rs` extracted, in `claimscope_model::embed`'s compact form.
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.txt"));

/// The built-in corpus (decoded once, on first use).
pub fn builtin() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match embed::decode(EMBEDDED) {
        Ok(c) => c,
        // build.rs checked that it decodes: a failure here is a bug, shown on the page.
        Err(e) => panic!("{e}"),
    })
}

/// The folder, beside `index.html`, of the built-in articles' texts (`build.rs`).
const TEXTS: &str = env!("CLAIMSCOPE_TEXTS");

/// Fetches the text of the built-in article `doc` (written beside the page by the build).
pub async fn fetch_text(doc: &str) -> Result<String, String> {
    use leptos::wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(n) = builtin().documents.iter().position(|d| d.id == doc) else {
        return Err(format!("No text for the article \"{doc}\"."));
    };
    let url = crate::asset_url(&format!("{TEXTS}/{n}.txt"));
    let failed = |e: leptos::wasm_bindgen::JsValue| {
        format!("The article's text could not be loaded from {url} ({e:?}).")
    };
    let response: leptos::web_sys::Response =
        JsFuture::from(leptos::prelude::window().fetch_with_str(&url))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
    if !response.ok() {
        return Err(format!(
            "The article's text could not be loaded from {url} (HTTP {}).",
            response.status()
        ));
    }
    let body = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    body.as_string()
        .ok_or_else(|| format!("The article's text at {url} is not text."))
}

/// A corpus as the views use it: the claims, their query index and lookups by id.
pub struct Data {
    pub corpus: &'static Corpus,
    pub index: Index,
    /// Ids of the imported articles.
    imported: Vec<String>,
    counts: OnceLock<HashMap<&'static str, u32>>,
    positions: OnceLock<HashMap<&'static str, u32>>,
}

thread_local! {
    static CURRENT: Cell<Option<&'static Data>> = const { Cell::new(None) };
}

impl Data {
    fn new(corpus: &'static Corpus, imported: Vec<String>) -> &'static Data {
        Box::leak(Box::new(Data {
            corpus,
            index: Index::new(corpus),
            imported,
            counts: OnceLock::new(),
            positions: OnceLock::new(),
        }))
    }

    /// Is the article `doc` one the user imported?
    pub fn is_imported(&self, doc: &str) -> bool {
        self.imported.iter().any(|d| d == doc)
    }

    /// How many of the articles were imported.
    pub fn imported_count(&self) -> usize {
        self.imported.len()
    }
}

/// The corpus shown now: the built-in one until [`show`] is called.
pub fn current() -> &'static Data {
    CURRENT.with(|c| match c.get() {
        Some(d) => d,
        None => {
            let d = Data::new(builtin(), Vec::new());
            c.set(Some(d));
            d
        }
    })
}

/// Shows `corpus`, whose articles `imported` were imported, from now on.
pub fn show(corpus: Corpus, imported: Vec<String>) {
    let d = Data::new(Box::leak(Box::new(corpus)), imported);
    CURRENT.with(|c| c.set(Some(d)));
}

/// Shows the built-in corpus alone again.
pub fn show_builtin() {
    CURRENT.with(|c| c.set(Some(Data::new(builtin(), Vec::new()))));
}

/// The corpus shown.
pub fn corpus() -> &'static Corpus {
    current().corpus
}

/// The corpus shown, laid out for querying.
pub fn index() -> &'static Index {
    &current().index
}

/// Number of claims read from the article with id `doc`.
pub fn claims_in(doc: &str) -> u32 {
    let d = current();
    d.counts
        .get_or_init(|| {
            let mut counts: HashMap<&'static str, u32> = HashMap::default();
            for c in &d.corpus.claims {
                match counts.get_mut(c.doc.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        counts.insert(c.doc.as_str(), 1);
                    }
                }
            }
            counts
        })
        .get(doc)
        .copied()
        .unwrap_or(0)
}

/// The corpus position of the claim with id `id`.
pub fn position(id: &str) -> Option<u32> {
    let d = current();
    d.positions
        .get_or_init(|| {
            d.corpus
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i as u32))
                .collect()
        })
        .get(id)
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text `build.rs` wrote for the built-in article at `n`.
    fn text_of(n: usize) -> String {
        let file = format!("{}/{TEXTS}/{n}.txt", env!("OUT_DIR"));
        std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"))
    }

    #[test]
    fn the_embedded_corpus_holds_the_seeds_attributions_and_their_texts_are_beside_it() {
        let c = corpus();
        assert!(!c.claims.is_empty());
        assert!(c.attributions.iter().any(|a| a.claimant.is_some()));
        assert!(
            c.documents.iter().all(|d| d.text.is_none()),
            "texts are files of their own"
        );
        assert!(TEXTS.starts_with("texts-"));
        let text_for = |doc: &str| {
            let n = c
                .documents
                .iter()
                .position(|d| d.id == doc)
                .expect("its article");
            text_of(n)
        };
        for a in &c.attributions {
            let text = text_for(&a.doc);
            assert!(
                text.get(a.content[0]..a.content[1])
                    .is_some_and(|s| !s.is_empty()),
                "{a:?}"
            );
        }
        for claim in &c.claims {
            assert_eq!(
                text_for(&claim.doc).get(claim.span[0]..claim.span[1]),
                Some(claim.quote.as_str())
            );
        }
    }

    #[test]
    fn a_shown_corpus_replaces_the_built_in_one() {
        let first = builtin().claims[0].id.clone();
        assert_eq!(position(&first), Some(0));
        let mut mine = builtin().clone();
        mine.claims.remove(0);
        let doc = mine.documents[0].id.clone();
        show(mine, vec![doc.clone()]);
        assert_eq!(position(&first), None);
        assert!(current().is_imported(&doc));
        assert_eq!(index().len(), builtin().claims.len() - 1);
        show_builtin();
        assert_eq!(position(&first), Some(0));
        assert_eq!(current().imported_count(), 0);
    }
}
