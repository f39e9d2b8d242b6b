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
        let cards = h
            .client
            .find_all(Locator::Css(&format!("article.claim[data-doc='{id}']")))
            .await
            .expect("query claims");
        assert!(!cards.is_empty(), "no claim of article {id} on the page");
        let quote = cards[0]
            .find(Locator::Css("blockquote"))
            .await
            .expect("a quote")
            .text()
            .await
            .expect("quote text");
        assert!(!quote.trim().is_empty(), "empty quote for {id}");
    }
    let marks = h
        .client
        .find_all(Locator::Css("blockquote mark"))
        .await
        .expect("marks");
    assert!(!marks.is_empty(), "claims highlight their figures");
    h.stop().await;
}
