//! Accessibility and layout: axe-core finds no serious or critical violation in any view, in
//! light and dark themes; pages do not scroll sideways from 360 px to 1920 px wide.

use claimscope_e2e::Harness;
use fantoccini::Locator;

/// Every view, in states that show its interactive parts, with what shows the view rendered.
const PAGES: [(&str, &str); 7] = [
    ("", "section.claims article.claim"),
    ("?metric=killed&sort=value", "section.claims article.claim"),
    ("?view=timeline", "section.timeline-view svg.panel g.pt"),
    (
        "?view=timeline&chart=counts&from=2025-01-27&to=2025-02-09",
        "svg.counts rect.selection",
    ),
    (
        "?view=timeline&chart=counts&bin=day&stack=stance",
        "svg.counts rect.bar",
    ),
    (
        "?view=compare&a=Kyrylo%20Budanov&b=The%20New%20York%20Times",
        "table.pair-table",
    ),
    (
        "?view=articles&claim=000_817273ad5211bb26%232",
        "div.article-text mark.mention",
    ),
];

async fn check_axe(h: &Harness, theme: &str) {
    for (page, rendered) in PAGES {
        h.open(page).await;
        h.settle(rendered).await;
        let bad: Vec<_> = h
            .axe()
            .await
            .into_iter()
            .filter(|(impact, ..)| impact == "serious" || impact == "critical" || impact == "error")
            .collect();
        assert!(bad.is_empty(), "{theme} theme, page {page:?}: {bad:#?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_serious_violations_in_the_light_theme() {
    let h = Harness::start().await;
    check_axe(&h, "light").await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_serious_violations_in_the_dark_theme() {
    let h = Harness::start_with(&[
        "--force-dark-mode",
        "--blink-settings=preferredColorScheme=0",
    ])
    .await;
    h.open("").await;
    let dark = h
        .client
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches",
            vec![],
        )
        .await
        .expect("media query");
    assert_eq!(
        dark,
        serde_json::Value::Bool(true),
        "the browser prefers dark"
    );
    check_axe(&h, "dark").await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_fits_from_360_to_1920_pixels() {
    let h = Harness::start().await;
    let c = &h.client;
    for width in [360u32, 768, 1920] {
        c.set_window_size(width, 900).await.expect("resize");
        for (page, rendered) in PAGES {
            h.open(page).await;
            h.settle(rendered).await;
            let overflow = c
                .execute(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
                    vec![],
                )
                .await
                .expect("measure")
                .as_i64()
                .expect("a number");
            if overflow > 0 {
                let culprits = c
                    .execute(
                        "return [...document.querySelectorAll('body *')]
                            .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.matrix-wrap, .pair-wrap'))
                            .slice(0, 5).map(e => e.tagName + '.' + e.className)",
                        vec![],
                    )
                    .await
                    .expect("culprits");
                panic!("{width}px, page {page:?}: the page scrolls sideways by {overflow}px ({culprits})");
            }
        }
    }
    // Keyboard: the first Tab reaches a view tab, with a visible focus ring.
    c.set_window_size(1280, 900).await.expect("resize");
    h.open("").await;
    c.find(Locator::Css("body"))
        .await
        .expect("body")
        .send_keys("\u{E004}")
        .await
        .expect("tab");
    let focus = c
        .execute(
            "const e = document.activeElement; return [e.className, getComputedStyle(e).outlineStyle]",
            vec![],
        )
        .await
        .expect("focus");
    assert_eq!(focus[0], "tab", "{focus}");
    assert_ne!(focus[1], "none", "focus is visible: {focus}");
    h.stop().await;
}
