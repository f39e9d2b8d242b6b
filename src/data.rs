//! The corpus embedded at build time, and its query index.

use std::sync::OnceLock;

use claimscope_model::embed;
use claimscope_model::query::Index;
use claimscope_model::Corpus;
use rustc_hash::FxHashMap as HashMap;

/// The corpus `build.rs` extracted, in `claimscope_model::embed`'s compact form.
const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.txt"));

/// The extracted corpus (decoded once, on first use).
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match embed::decode(EMBEDDED) {
        Ok(c) => c,
        // build.rs checked that it decodes: a failure here is a bug, shown on the page.
        Err(e) => panic!("{e}"),
    })
}

/// The corpus laid out for querying (built once).
pub fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::new(corpus()))
}

/// Number of claims read from the article with id `doc`.
pub fn claims_in(doc: &str) -> u32 {
    static COUNTS: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    COUNTS
        .get_or_init(|| {
            let mut counts: HashMap<&'static str, u32> = HashMap::default();
            for c in &corpus().claims {
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
    static POSITIONS: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    POSITIONS
        .get_or_init(|| {
            corpus()
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

    #[test]
    fn the_embedded_corpus_holds_the_seeds_attributions() {
        let c = corpus();
        assert!(!c.claims.is_empty());
        assert!(c.attributions.iter().any(|a| a.claimant.is_some()));
        for a in &c.attributions {
            let text = c
                .document(&a.doc)
                .and_then(|d| d.text.as_deref())
                .expect("an attribution's article and its text");
            assert!(
                text.get(a.content[0]..a.content[1])
                    .is_some_and(|s| !s.is_empty()),
                "{a:?}"
            );
        }
    }
}
