//! The release build in headless Chromium: what a reader sees.

use claimscope_e2e::Harness;
use fantoccini::Locator;

/// The seed article ids, read from `seeds/` (so the test follows the corpus, not a list).
fn seed_ids() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut ids: Vec<String> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    ids.sort();
    ids
}

#[tokio::test(flavor = "multi_thread")]
async fn claims_from_every_seed_article_are_on_the_page() {
    let h = Harness::start().await;
    h.open("").await;
    for id in seed_ids() {
        // As a card, or as a report grouped under the same claim from another article.
        let found = h
            .client
            .find_all(Locator::Css(&format!(
                "article.claim[data-doc='{id}'], li.report[data-doc='{id}']"
            )))
            .await
            .expect("query claims");
        assert!(!found.is_empty(), "no claim of article {id} on the page");
    }
    for quote in h
        .client
        .find_all(Locator::Css("article.claim blockquote"))
        .await
        .expect("quotes")
    {
        let text = quote.text().await.expect("quote text");
        assert!(!text.trim().is_empty(), "an empty quote");
    }
    // The loading note is gone once the app runs.
    assert!(h
        .client
        .find_all(Locator::Css("#claimscope-loading"))
        .await
        .expect("query")
        .is_empty());
    let marks = h
        .client
        .find_all(Locator::Css("blockquote mark"))
        .await
        .expect("marks");
    assert!(!marks.is_empty(), "claims highlight their figures");
    h.stop().await;
}
