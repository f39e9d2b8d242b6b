//! The claims view in the release build: facets, search, URL state, back and forward.

use claimscope_e2e::{matched, query_string, summary, Harness};
use fantoccini::{Client, Locator};

async fn card_count(c: &Client) -> usize {
    c.find_all(Locator::Css("article.claim"))
        .await
        .expect("cards")
        .len()
}

/// Number of distinct claims (cards), from "N claims match · M distinct".
fn distinct(summary: &str) -> usize {
    summary
        .split(" · ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a distinct count in the summary")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_facet_click_filters_the_list_updates_counts_and_the_url() {
    let h = Harness::start().await;
    h.open("").await;
    let c = &h.client;
    let all = matched(c).await;
    assert_eq!(card_count(c).await, distinct(&summary(c).await).min(50));

    // Pick the metric "killed".
    let button = c
        .find(Locator::Css(
            "fieldset[data-facet='metric'] button[data-value='killed']",
        ))
        .await
        .expect("the killed value of the metric facet");
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
    let now = matched(c).await;
    assert_eq!(
        now, shown,
        "the list shows as many claims as the facet said"
    );
    assert!(now < all);
    assert_eq!(card_count(c).await, distinct(&summary(c).await));
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
    assert!(query_string(c).await.contains("metric=killed"));

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
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(matched(c).await, all);
    c.forward().await.expect("forward");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(matched(c).await, now);

    // Clear all.
    c.find(Locator::Css("button.clear"))
        .await
        .expect("clear")
        .click()
        .await
        .expect("click");
    assert_eq!(matched(c).await, all);
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
    let q = query_string(c).await;
    assert!(!q.contains("bogus") && !q.contains("not-a-date"), "{q}");
    assert!(q.contains("kind=withdrawn"), "{q}");

    // Search narrows within the filters.
    let input = c
        .find(Locator::Css("input[name='q']"))
        .await
        .expect("search box");
    input.send_keys("Jan. 30").await.expect("type");
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let m = matched(c).await;
    assert!(m >= 1 && m <= n);
    for q in c
        .find_all(Locator::Css("article.claim blockquote"))
        .await
        .expect("quotes")
    {
        assert!(q.text().await.expect("text").contains("Jan. 30"));
    }
    h.stop().await;
}
