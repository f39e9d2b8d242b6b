//! Adding articles in the page: files picked through the file input (a text article and a
//! saved web page), a pasted article, a hostile page, the imported articles kept over a
//! reload, removed, exported and imported again; and the importer's worker fetched only once
//! the panel opens.

use std::path::{Path, PathBuf};

use std::time::Duration;

use claimscope_e2e::{
    element, texts, texts_now, wait_for, wait_for_query, wait_for_within, wait_until, Harness,
};
use fantoccini::{Client, Locator};

/// Test articles of the extractor's own test sets (written for them, not for these tests).
fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../extract/tests")
        .join(rel)
        .canonicalize()
        .expect("a test article")
}

const TEXT_ARTICLE: &str = "figures/flood_ruvenga_1.txt";
const PAGE_ARTICLE: &str = "pages/protest_velmora.html";

/// The lede, which counts the articles shown and the imported ones.
async fn lede(c: &Client) -> String {
    element(c, ".lede").await.text().await.unwrap_or_default()
}

async fn wait_for_lede(c: &Client, part: &str) -> String {
    wait_for(
        || async { Some(lede(c).await).filter(|l| l.contains(part)) },
        format!("the lede to say \"{part}\""),
    )
    .await
}

async fn open_panel(c: &Client) {
    if c.find(Locator::Css("#import-panel")).await.is_err() {
        element(c, "button.add-articles")
            .await
            .click()
            .await
            .expect("open the panel");
    }
    element(c, "#import-panel").await;
}

/// Picks `files` through the panel's file input, as a user choosing them in the dialog.
async fn pick(c: &Client, files: &[PathBuf]) {
    let input = element(c, "#import-panel input[name='articles']").await;
    let paths: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    input
        .send_keys(&paths.join("\n"))
        .await
        .expect("pick files");
}

/// Waits for the progress to say `n of n articles` and returns the per-file result lines.
async fn wait_for_results(c: &Client, n: usize) -> Vec<String> {
    let done = format!("{n} of {n} articles");
    // The worker compiles its lexicon first, and a hostile page takes a while to parse.
    wait_for_within(
        Duration::from_secs(60),
        || async {
            let count = texts_now(c, ".import-count").await?;
            count.first().filter(|t| **t == done)?;
            texts_now(c, ".import-results li")
                .await
                .filter(|r| r.len() >= n)
        },
        format!("the progress to say \"{done}\" with a result per file"),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn files_added_in_the_page_join_the_corpus_and_stay_after_a_reload() {
    let h = Harness::start().await;
    let c = &h.client;
    h.open("").await;
    h.settle("article.claim").await;
    let worker = |h: &Harness| {
        h.requested()
            .iter()
            .any(|p| p.contains("claimscope-worker"))
    };
    assert!(
        !worker(&h),
        "the worker's files were fetched before the panel opened"
    );
    let fetched_texts = |h: &Harness| h.requested().iter().any(|p| p.contains("/texts-"));
    assert!(
        !fetched_texts(&h),
        "article texts were fetched before the reader opened one"
    );
    let before = lede(c).await;
    assert!(!before.contains("imported"), "{before}");

    open_panel(c).await;
    wait_until(
        || async { worker(&h) },
        "the worker's files to be fetched once the panel opens",
    )
    .await;
    pick(c, &[fixture(TEXT_ARTICLE), fixture(PAGE_ARTICLE)]).await;
    let results = wait_for_results(c, 2).await;
    assert_eq!(
        texts(c, ".import-results li.import-ok").await.len(),
        2,
        "{results:?}"
    );
    // Results come newest last, in the order the files finish reading (not the pick order).
    for file in ["flood_ruvenga_1.txt", "protest_velmora.html"] {
        assert!(
            results
                .iter()
                .any(|line| line.starts_with(&format!("{file}: ")) && line.contains(" claims")),
            "no result for {file}: {results:?}"
        );
    }
    wait_for_lede(c, "(2 imported)").await;
    let listed = texts(c, ".imported-list .imported-title").await;
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed
            .iter()
            .any(|t| t.contains("Velmora") || t.contains("velmora")),
        "the saved page's title names it: {listed:?}"
    );

    // Their claims are in the Claims list (with the built-in corpus hidden: only theirs).
    h.open("?builtin=hidden").await;
    h.settle("article.claim").await;
    let docs = wait_for(
        || async {
            let cards = c.find_all(Locator::Css("article.claim")).await.ok()?;
            let mut docs = Vec::new();
            for card in cards {
                docs.push(card.attr("data-doc").await.ok().flatten()?);
            }
            Some(docs).filter(|d| !d.is_empty())
        },
        "the imported articles' claims in the list",
    )
    .await;
    assert!(
        docs.iter()
            .all(|d| d == "flood_ruvenga_1" || d == "protest_velmora"),
        "only imported claims with the built-in corpus hidden: {docs:?}"
    );
    assert!(docs.iter().any(|d| d == "flood_ruvenga_1"), "{docs:?}");
    assert!(!texts(c, "article.claim .badge-imported").await.is_empty());

    // ... and in the Articles view, after a reload (kept in the browser).
    h.open("?view=articles").await;
    wait_for_lede(c, "(2 imported)").await;
    wait_until(
        || async { fetched_texts(&h) },
        "the reader to fetch the built-in article's text",
    )
    .await;
    let articles = texts(c, ".article-list .article-link").await;
    assert!(
        articles.len() > 2,
        "built-in and imported articles: {articles:?}"
    );
    assert_eq!(texts(c, ".article-list .badge-imported").await.len(), 2);
    // "Show only my articles": the URL says so, and the list holds the imported ones alone.
    element(c, ".corpus-toggle")
        .await
        .click()
        .await
        .expect("hide the built-in articles");
    wait_for_query(c, "builtin=hidden").await;
    wait_until(
        || async {
            texts_now(c, ".article-list .article-link")
                .await
                .is_some_and(|a| a.len() == 2)
        },
        "the article list to hold the two imported articles only",
    )
    .await;
    element(c, ".corpus-toggle")
        .await
        .click()
        .await
        .expect("show them again");
    wait_until(
        || async {
            texts_now(c, ".article-list .article-link")
                .await
                .is_some_and(|a| a.len() > 2)
        },
        "the built-in articles to be listed again",
    )
    .await;

    // Remove one.
    open_panel(c).await;
    element(
        c,
        ".imported-list li[data-doc='protest_velmora'] .imported-remove",
    )
    .await
    .click()
    .await
    .expect("remove");
    wait_for_lede(c, "(1 imported)").await;

    // Export what is left, remove all, and import the export again.
    element(c, ".imported-export")
        .await
        .click()
        .await
        .expect("export");
    let file = h.downloads().join("claimscope-imported.json");
    let body = wait_for(
        || async {
            std::fs::read_to_string(&file)
                .ok()
                .filter(|b| b.ends_with('}'))
        },
        format!("{} downloaded", file.display()),
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&body).expect("the export is JSON");
    let exported = json["documents"].as_array().expect("documents");
    assert_eq!(exported.len(), 1, "{body:.300}");
    assert_eq!(exported[0]["id"], "flood_ruvenga_1");
    assert!(exported[0]["text"].as_str().is_some_and(|t| !t.is_empty()));
    let claims = json["claims"].as_array().expect("claims").len();
    assert!(claims > 0);

    element(c, ".imported-clear")
        .await
        .click()
        .await
        .expect("remove all");
    wait_until(
        || async { !lede(c).await.contains("imported") },
        "the lede to count no imported article",
    )
    .await;
    pick(c, std::slice::from_ref(&file)).await;
    let results = wait_for_results(c, 1).await;
    assert!(
        results[0].starts_with("claimscope-imported.json: ")
            && results[0].contains(&format!("{claims} claims")),
        "{results:?}"
    );
    wait_for_lede(c, "(1 imported)").await;
    h.stop().await;
}

/// A short made-up report, pasted with its date: its figure is on the Timeline on that day.
const PASTED: &str =
    "Bridge collapse toll rises\n\nPORTVALE, March 5 (Example Wire) - At least 14 \
people were killed when a road bridge collapsed over the Maren river on Tuesday, the regional \
governor said. Rescue teams said nine more people were missing on Tuesday evening.\n";

#[tokio::test(flavor = "multi_thread")]
async fn a_pasted_article_with_a_date_shows_on_the_timeline() {
    let h = Harness::start().await;
    let c = &h.client;
    h.open("?view=timeline&builtin=hidden").await;
    wait_for_lede(c, "0 claims from 0 articles").await;
    open_panel(c).await;
    let fill = |css: &'static str, text: &'static str| async move {
        let e = element(c, css).await;
        e.send_keys(text).await.expect("type");
    };
    fill("#import-panel textarea[name='text']", PASTED).await;
    fill(
        "#import-panel input[name='title']",
        "Bridge collapse toll rises",
    )
    .await;
    fill("#import-panel input[name='outlet']", "Example Wire").await;
    // A date field takes what is typed in the locale's order; set it as a user's picker would.
    let date = element(c, "#import-panel input[name='published']").await;
    c.execute(
        "const e = arguments[0]; e.value = '2024-03-05'; e.dispatchEvent(new Event('input', {bubbles: true}));",
        vec![serde_json::to_value(&date).expect("element")],
    )
    .await
    .expect("set the date");
    element(c, "#import-panel .paste-form button[type='submit']")
        .await
        .click()
        .await
        .expect("add the pasted article");
    let results = wait_for_results(c, 1).await;
    assert!(
        results[0].starts_with("Pasted: Bridge collapse toll rises: "),
        "{results:?}"
    );
    wait_for_lede(c, "(1 imported)").await;
    // The figure's mark: a point of that claim, at its value.
    element(
        c,
        "svg [data-claim^='bridge-collapse-toll-rises#'][data-value='14']",
    )
    .await;
    // The claim card says when and where.
    h.open("?builtin=hidden").await;
    let meta = texts(
        c,
        "article.claim[data-doc='bridge-collapse-toll-rises'] .meta",
    )
    .await;
    assert!(
        meta.iter()
            .any(|m| m.contains("2024-03-05") && m.contains("Example Wire")),
        "{meta:?}"
    );
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_page_is_read_for_its_text_only() {
    let h = Harness::start().await;
    let c = &h.client;
    h.open("").await;
    h.settle("article.claim").await;
    let census = "return [document.querySelectorAll('*').length - document.querySelectorAll('#import-panel *').length,
        document.scripts.length, document.querySelectorAll('iframe, object, svg[onload], img[onerror], [onclick], [onmouseover]').length]";
    let before = c.execute(census, vec![]).await.expect("count elements");
    open_panel(c).await;
    pick(c, &[fixture("pages/hostile.html")]).await;
    let results = wait_for_results(c, 1).await;
    assert!(results[0].starts_with("hostile.html: "), "{results:?}");
    // Its text is shown as text in the reader.
    h.open("?view=articles&doc=hostile").await;
    element(c, ".reader .article-text").await;
    let text = texts(c, ".reader .article-text").await.join("\n");
    assert!(!text.is_empty());
    assert!(
        c.get_alert_text().await.is_err(),
        "a dialog opened: the hostile page ran a script"
    );
    let ran = c
        .execute("return document.querySelectorAll('.reader script, .reader img, .reader iframe, .reader svg, .reader [onclick], .reader [onerror], .reader a[href^=\"javascript\"]').length", vec![])
        .await
        .expect("look for markup");
    assert_eq!(
        ran.as_u64(),
        Some(0),
        "markup from the hostile page reached the reader"
    );
    h.open("").await;
    h.settle("article.claim").await;
    let after = c.execute(census, vec![]).await.expect("count elements");
    assert_eq!(
        (&before[1], &before[2]),
        (&after[1], &after[2]),
        "scripts or active elements were added (scripts, iframes/objects/handlers)"
    );
    assert!(c.get_alert_text().await.is_err(), "a dialog opened");
    h.stop().await;
}
