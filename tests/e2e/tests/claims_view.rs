//! The claims view in the release build: facets, search, URL state, back and forward.

use claimscope_e2e::{
    element, matched, summary, texts_now, wait_for_matched, wait_for_query, wait_until, Harness,
};
use fantoccini::{Client, Locator};

async fn card_count(c: &Client) -> usize {
    c.find_all(Locator::Css("article.claim"))
        .await
        .expect("cards")
        .len()
}

/// Number of distinct claims, from "N claims match · M distinct".
fn distinct(summary: &str) -> usize {
    summary
        .split(" · ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a distinct count in the summary")
}

/// Number of cards the summary says are shown: all the distinct claims, or "(the first K are
/// shown)" when there are more than a page.
fn cards_shown(summary: &str) -> usize {
    summary
        .split("(the first ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| distinct(summary))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_facet_click_filters_the_list_updates_counts_and_the_url() {
    let h = Harness::start().await;
    h.open("").await;
    let c = &h.client;
    let all = matched(c).await;
    assert_eq!(card_count(c).await, cards_shown(&summary(c).await));

    // Pick the metric "killed".
    let button = element(
        c,
        "fieldset[data-facet='metric'] button[data-value='killed']",
    )
    .await;
    let shown: usize = button
        .find(Locator::Css(".count"))
        .await
        .expect("its count")
        .text()
        .await
        .expect("text")
        .parse()
        .expect("a number");
    button.click().await.expect("click");
    wait_for_matched(c, shown, "as many as the facet said").await;
    let now = shown;
    assert!(now < all);
    assert_eq!(card_count(c).await, cards_shown(&summary(c).await));
    // Cards plus the reports grouped under them are all the matches.
    let reports = c
        .find_all(Locator::Css("li.report"))
        .await
        .expect("reports")
        .len();
    assert_eq!(card_count(c).await + reports, now);
    for card in c
        .find_all(Locator::Css("article.claim .tag"))
        .await
        .expect("tags")
    {
        assert!(card.text().await.expect("tag").ends_with("killed"));
    }
    assert_eq!(
        button.attr("aria-pressed").await.expect("attr").as_deref(),
        Some("true")
    );
    wait_for_query(c, "metric=killed").await;

    // Other facets now count only the matching claims.
    let kinds = c
        .find_all(Locator::Css("fieldset[data-facet='kind'] .count"))
        .await
        .expect("kind counts");
    let mut sum = 0;
    for k in kinds {
        sum += k
            .text()
            .await
            .expect("count")
            .parse::<usize>()
            .expect("number");
    }
    assert_eq!(sum, now);

    // Back restores the unfiltered list; forward applies the filter again.
    c.back().await.expect("back");
    wait_for_matched(c, all, "Back restores the unfiltered list").await;
    c.forward().await.expect("forward");
    wait_for_matched(c, now, "Forward applies the filter again").await;

    // Clear all.
    c.find(Locator::Css("button.clear"))
        .await
        .expect("clear")
        .click()
        .await
        .expect("click");
    wait_for_matched(c, all, "Clear all drops the filter").await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_url_with_filters_opens_with_them_applied_and_junk_is_ignored() {
    let h = Harness::start().await;
    let c = &h.client;
    h.open("?kind=withdrawn&claimant=The%20New%20York%20Times&bogus=1&from=not-a-date")
        .await;
    let n = matched(c).await;
    assert!(n >= 1, "the NYT's withdrawal reports match");
    for who in c
        .find_all(Locator::Css("article.claim .who"))
        .await
        .expect("claimants")
    {
        assert_eq!(who.text().await.expect("text"), "The New York Times");
    }
    for tag in c
        .find_all(Locator::Css("article.claim .tag"))
        .await
        .expect("tags")
    {
        assert_eq!(tag.text().await.expect("text"), "withdrawn");
    }
    // The junk is dropped from the URL, the filters stay.
    let q = wait_for_query(c, "kind=withdrawn").await;
    assert!(!q.contains("bogus") && !q.contains("not-a-date"), "{q}");

    // Search narrows within the filters.
    let input = element(c, "input[name='q']").await;
    input.send_keys("Jan. 30").await.expect("type");
    wait_until(
        || async {
            texts_now(c, "article.claim blockquote")
                .await
                .is_some_and(|qs| !qs.is_empty() && qs.iter().all(|q| q.contains("Jan. 30")))
        },
        "only quotes with \"Jan. 30\" to be listed",
    )
    .await;
    let m = matched(c).await;
    assert!(m >= 1 && m <= n, "{m} of {n}");
    h.stop().await;
}
