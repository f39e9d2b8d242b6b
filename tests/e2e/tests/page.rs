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

/// The server sends the strict policy (`claimscope_e2e::CSP`) with every response: the app
/// starts under it (every test here shows that), the page holds no inline script, and the policy
/// is really in force: an inline script added to the page does not run.
#[tokio::test(flavor = "multi_thread")]
async fn the_page_starts_under_a_strict_content_security_policy() {
    let h = Harness::start().await;
    h.open("").await;
    let inline = h
        .client
        .execute(
            "return [...document.scripts].filter(s => !s.src).length",
            vec![],
        )
        .await
        .expect("count inline scripts");
    assert_eq!(
        inline.as_u64(),
        Some(0),
        "an inline script in the built page"
    );
    let ran = h
        .client
        .execute(
            "const s = document.createElement('script');
             s.textContent = 'window.__inlineRan = true';
             document.head.append(s); // an inline script runs as it is inserted, if allowed
             return window.__inlineRan === true;",
            vec![],
        )
        .await
        .expect("try an inline script");
    assert_eq!(
        ran.as_bool(),
        Some(false),
        "the policy did not block an inline script"
    );
    h.stop().await;
}
