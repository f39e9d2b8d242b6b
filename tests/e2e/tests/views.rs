//! The Timeline, Compare and Articles views, exports and embedding, in the release build.

use std::time::Duration;

use claimscope_e2e::{
    element, matched, query_string, texts, texts_now, wait_for, wait_for_query, wait_until, Harness,
};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use fantoccini::Locator;

#[tokio::test(flavor = "multi_thread")]
async fn tabs_are_links_and_each_view_has_its_url() {
    let h = Harness::start().await;
    h.open("?metric=killed").await;
    let c = &h.client;
    // What the page says matches the filter: the export must hold as many after a reload.
    let killed = matched(c).await;
    for (label, key, marker) in [
        ("Timeline", "timeline", "section.timeline-view"),
        ("Compare sources", "compare", "table.matrix"),
        ("Articles", "articles", "div.article-text"),
        ("Claims", "", "section.claims"),
    ] {
        let tab = c.find(Locator::LinkText(label)).await.expect("a tab link");
        let href = tab.attr("href").await.expect("href").expect("an href");
        if !key.is_empty() {
            assert!(href.contains(&format!("view={key}")), "{href}");
        }
        assert!(href.contains("metric=killed"), "filters carry over: {href}");
        tab.click().await.expect("click");
        element(c, marker).await;
        wait_until(
            || async { tab.attr("aria-current").await.ok().flatten().as_deref() == Some("page") },
            format!("the {label} tab to be marked the current page"),
        )
        .await;
        let want = format!("view={key}");
        wait_until(
            || async {
                let q = query_string(c).await;
                if key.is_empty() {
                    !q.contains("view=")
                } else {
                    q.contains(&want)
                }
            },
            format!("the URL to say the {label} view"),
        )
        .await;
    }
    // Reload restores the view and filters.
    h.open("?view=compare&metric=killed").await;
    element(c, "table.matrix").await;
    let export = element(c, ".export-label")
        .await
        .text()
        .await
        .expect("text");
    assert_eq!(
        export,
        format!("Export {killed} claims:"),
        "the filter survives the reload"
    );
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn brushing_the_chart_sets_the_date_filter() {
    let h = Harness::start().await;
    h.open("?view=timeline&chart=counts").await;
    let c = &h.client;
    let area = element(c, "svg.counts rect.brush-area").await;
    let all = matched(c).await;
    // Drag across the left half of the time axis.
    let w = area.rectangle().await.expect("size").2;
    let start = -(w / 2.0) + 2.0;
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: area.clone(),
            duration: None,
            x: start,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: area.clone(),
            duration: Some(Duration::from_millis(200)),
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    c.perform_actions(actions).await.expect("drag");
    wait_for_query(c, "from=").await;
    wait_for_query(c, "to=").await;
    let from_field = element(c, "input[name='from']").await;
    let from = wait_for(
        || async {
            from_field
                .prop("value")
                .await
                .ok()
                .flatten()
                .filter(|v| !v.is_empty())
        },
        "the From field to show the range's start",
    )
    .await;
    assert!(
        from.starts_with("20"),
        "the From field shows the range: {from}"
    );
    let now = wait_for(
        || async { claimscope_e2e::matched_now(c).await.filter(|&n| n < all) },
        format!("fewer than all {all} claims to match in half the time axis"),
    )
    .await;
    assert!(
        now < all,
        "half the time axis holds fewer claims ({now} of {all})"
    );
    // The selection is drawn over the chart, and every listed claim is in range.
    element(c, "svg.counts rect.selection").await;
    let to = element(c, "input[name='to']")
        .await
        .prop("value")
        .await
        .expect("value")
        .expect("a date");
    for d in texts(c, "article.claim time").await {
        assert!(
            d.as_str() >= from.as_str() && d.as_str() <= to.as_str(),
            "{d} outside {from}..{to}"
        );
    }

    // Per day instead of per week: more, narrower bars, and the URL says so.
    let weekly_bars = c
        .find_all(Locator::Css("svg.counts rect.bar"))
        .await
        .expect("bars")
        .len();
    element(c, "input[name='bin'][value='day']")
        .await
        .click()
        .await
        .expect("click");
    wait_for_query(c, "bin=day").await;
    wait_until(
        || async {
            c.find_all(Locator::Css("svg.counts rect.bar"))
                .await
                .is_ok_and(|bars| bars.len() > weekly_bars)
        },
        format!("more daily bars than the {weekly_bars} weekly ones"),
    )
    .await;

    // Figures mode: points are focusable buttons; a click selects the claim in the list.
    h.open("?view=timeline").await;
    let pt = element(c, "svg.panel g.pt").await;
    let id = pt
        .attr("data-claim")
        .await
        .expect("attr")
        .expect("claim id");
    pt.click().await.expect("click point");
    wait_for_query(c, "claim=").await;
    // As a card, or as a report inside its (now open) group.
    element(c, &format!(".claims .selected[data-claim='{id}']")).await;
    // Keyboard: focus another point and press Enter.
    let pts = c
        .find_all(Locator::Css("svg.panel g.pt"))
        .await
        .expect("points");
    let other = pts.last().expect("a point").clone();
    let other_id = other.attr("data-claim").await.expect("attr").expect("id");
    other.send_keys("\u{E007}").await.expect("press Enter");
    // Enter on a focused point selects its claim.
    element(c, &format!(".claims .selected[data-claim='{other_id}']")).await;
    // The log toggle keeps the points and changes the axis.
    let before = texts(c, "svg.panel .y-axis text").await;
    element(c, "input[name='log']")
        .await
        .click()
        .await
        .expect("click");
    wait_for_query(c, "scale=log").await;
    let after = wait_for(
        || async {
            texts_now(c, "svg.panel .y-axis text")
                .await
                .filter(|t| *t != before)
        },
        format!("the y axis to change from {before:?}"),
    )
    .await;
    assert!(
        after.iter().any(|t| t == "1"),
        "a log axis starts at 1: {after:?}"
    );
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_comparison_flags_budanov_against_the_withdrawal_reports() {
    let h = Harness::start().await;
    h.open("?view=compare").await;
    let c = &h.client;
    // Budanov's cell is flagged.
    let cell = element(c, "table.matrix td.conflict[data-source='Kyrylo Budanov']").await;
    let text = cell.text().await.expect("text");
    assert!(text.contains("engaged"), "{text}");
    // Its reasons name the withdrawal reports.
    cell.find(Locator::Css("details.why summary"))
        .await
        .expect("reasons")
        .click()
        .await
        .expect("open");
    let why = wait_for(
        || async {
            let list = cell.find(Locator::Css("details.why ul")).await.ok()?;
            list.text().await.ok().filter(|t| !t.is_empty())
        },
        "the opened reasons to list something",
    )
    .await;
    assert!(
        why.contains("The New York Times") && why.contains("withdrawn"),
        "{why}"
    );

    // Side by side: Budanov against the NYT conflicts on the stance question.
    let pick = |name: &'static str, value: &'static str| async move {
        c.find(Locator::Css(&format!("select[name='{name}']")))
            .await
            .expect("select")
            .select_by_value(value)
            .await
            .expect("select a source");
    };
    pick("a", "Kyrylo Budanov").await;
    pick("b", "The New York Times").await;
    // A conflict row.
    let row = element(c, "table.pair-table tr.verdict.conflict").await;
    let row_text = row.text().await.expect("text");
    assert!(
        row_text.contains("Withdrawn or still engaged?"),
        "{row_text}"
    );
    assert!(row_text.contains("engaged") && row_text.contains("withdrawn"));
    wait_for_query(c, "a=Kyrylo").await;
    wait_for_query(c, "b=The").await;
    // Budanov's 8,000 fighting is his alone.
    assert!(!texts(c, "table.pair-table tr.verdict.only")
        .await
        .is_empty());
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_article_view_highlights_claims_and_opens_their_cards() {
    let h = Harness::start().await;
    let c = &h.client;
    // From the list: "Show in article" opens the reader at that claim.
    h.open("?claimant=Kyrylo%20Budanov&kind=figure").await;
    let card = element(c, "article.claim").await;
    let id = card.attr("data-claim").await.expect("attr").expect("id");
    card.find(Locator::LinkText("Show in article"))
        .await
        .expect("link")
        .click()
        .await
        .expect("click");
    // The claim is highlighted and selected in the text.
    let mark = element(c, &format!("mark.mention.selected[data-claim='{id}']")).await;
    let words = mark.text().await.expect("text");
    assert!(words.contains("8,000"), "{words}");
    // Its card beside the text.
    element(
        c,
        &format!(".selected-claim article.claim[data-claim='{id}']"),
    )
    .await;
    // Clicking another highlight shows that claim instead.
    let marks = c
        .find_all(Locator::Css("mark.mention"))
        .await
        .expect("marks");
    assert!(
        marks.len() >= 2,
        "Budanov's article has another highlight to click: {} marks",
        marks.len()
    );
    let other = marks.last().expect("a mark").clone();
    let other_id = other.attr("data-claim").await.expect("attr").expect("id");
    other.click().await.expect("click");
    // The other card.
    element(
        c,
        &format!(".selected-claim article.claim[data-claim='{other_id}']"),
    )
    .await;
    // Clutter is dimmed, and article text is text: no element came from the article.
    assert!(!c
        .find_all(Locator::Css(".article-text .clutter"))
        .await
        .expect("clutter")
        .is_empty());
    let tags: Vec<String> = c
        .execute(
            "return [...document.querySelectorAll('.article-text *')].map(e => e.tagName)",
            vec![],
        )
        .await
        .expect("script")
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().unwrap_or("").to_string())
        .collect();
    assert!(tags.iter().all(|t| t == "MARK" || t == "SPAN"), "{tags:?}");
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_export_holds_exactly_the_filtered_claims() {
    let h = Harness::start().await;
    let c = &h.client;
    h.open("?kind=withdrawn").await;
    let n = matched(c).await;
    let mut listed: Vec<String> = Vec::new();
    for e in c
        .find_all(Locator::Css("article.claim, li.report"))
        .await
        .expect("cards")
    {
        listed.push(e.attr("data-claim").await.expect("attr").expect("id"));
    }
    listed.sort();
    assert_eq!(
        listed.len(),
        n,
        "every match is listed (as a card or a report)"
    );
    for format in ["csv", "json", "jsonld"] {
        let link = c
            .find(Locator::Css(&format!(
                "a.export-link[data-format='{format}']"
            )))
            .await
            .expect("export link");
        let name = link
            .attr("download")
            .await
            .expect("attr")
            .expect("a download name");
        link.click().await.expect("click");
        // The file really downloads; it is read from the download folder (the page's policy
        // lets no script fetch a blob: URL).
        let file = h.downloads().join(&name);
        let body = wait_for(
            || async {
                std::fs::read_to_string(&file)
                    .ok()
                    .filter(|b| !b.is_empty())
            },
            format!("{} downloaded", file.display()),
        )
        .await;
        let mut ids: Vec<String> = match format {
            "csv" => body
                .lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap_or("").to_string())
                .collect(),
            "json" => serde_json::from_str::<serde_json::Value>(&body)
                .expect("JSON")
                .as_array()
                .expect("an array")
                .iter()
                .map(|c| c["id"].as_str().expect("id").to_string())
                .collect(),
            _ => {
                let v: serde_json::Value = serde_json::from_str(&body).expect("JSON-LD");
                let items = v["@graph"]
                    .as_array()
                    .or(v.as_array())
                    .expect("claims")
                    .clone();
                for item in &items {
                    assert_eq!(item["@type"], "Claim");
                    assert!(item["author"].is_object() || item["author"].is_null());
                }
                items
                    .iter()
                    .map(|c| c["identifier"].as_str().expect("identifier").to_string())
                    .collect()
            }
        };
        ids.sort();
        assert_eq!(ids, listed, "{format} export = the filtered list");
    }
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_embeds_into_a_host_page_element() {
    let h = Harness::start().await;
    let c = &h.client;
    c.goto(&h.embed_url()).await.expect("host page");
    let host = c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("#claimscope main"))
        .await
        .expect("the app mounts inside #claimscope");
    assert!(!host.text().await.expect("text").is_empty());
    // The host page's own content is untouched.
    let own = c
        .find(Locator::Css("#host-content"))
        .await
        .expect("host content")
        .text()
        .await
        .expect("text");
    assert_eq!(own, "The host page's own paragraph.");
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_urls_in_every_view_are_ignored_not_fatal() {
    let h = Harness::start().await;
    let c = &h.client;
    for page in [
        "?view=articles&doc=no-such-article&claim=nope%23999",
        "?view=compare&a=Nobody&b=&by=sideways",
        "?view=timeline&chart=pie&scale=loglog&bin=hour&stack=%ZZ",
        "?view=timeline&from=2025-02-10&to=2025-01-01",
        "?sort=random&claim=%E2%80%9C&metric=&metric=killed&metric=killed",
    ] {
        h.open(page).await;
        h.settle("main").await;
        assert!(
            c.find_all(Locator::Css("div.panic"))
                .await
                .expect("query")
                .is_empty(),
            "{page} made the app panic"
        );
        let text = c
            .find(Locator::Css("main"))
            .await
            .expect("main")
            .text()
            .await
            .expect("text");
        assert!(!text.trim().is_empty(), "{page} rendered nothing");
    }
    // A reversed range matches nothing, and says so.
    h.open("?from=2025-02-10&to=2025-01-01").await;
    assert_eq!(matched(c).await, 0);
    h.stop().await;
}

/// How the stylesheet draws `e`'s tooltip now: `[display, content]` of its `::after`.
async fn tooltip(c: &fantoccini::Client, e: &fantoccini::elements::Element) -> Option<[String; 2]> {
    let v = c
        .execute(
            "const s = getComputedStyle(arguments[0], '::after'); return [s.display, s.content];",
            vec![serde_json::to_value(e).ok()?],
        )
        .await
        .ok()?;
    let f = |i: usize| v[i].as_str().map(str::to_string);
    Some([f(0)?, f(1)?])
}

#[tokio::test(flavor = "multi_thread")]
async fn the_article_view_names_who_says_what_on_focus_and_hover() {
    let h = Harness::start().await;
    let c = &h.client;
    h.open("?view=articles&doc=000_817273ad5211bb26").await;
    element(c, ".said-legend").await;
    // Budanov's words are marked, with his name as the mark's accessible name.
    let budanov = ".article-text .said[tabindex='0'][aria-label*='Kyrylo Budanov']";
    let said = element(c, &format!("{budanov}:not(:has(.said))")).await;
    let label = said.attr("aria-label").await.expect("attr").expect("label");
    assert!(label.starts_with("Said by Kyrylo Budanov"), "{label}");
    assert_eq!(
        said.attr("role").await.expect("attr").as_deref(),
        Some("group")
    );
    assert_eq!(
        said.attr("data-said").await.expect("attr").as_deref(),
        Some(label.as_str())
    );
    let words = said.text().await.expect("text");
    assert!(
        !words.is_empty() && !words.contains("Said by"),
        "the mark holds the article's words only: {words}"
    );
    // No tooltip until hovered or focused.
    let tip = tooltip(c, &said).await.expect("style");
    assert_eq!(tip[0], "none", "{tip:?}");

    // Keyboard: Tab from the article list into the text reaches an attribution, named in its
    // tooltip, with a visible focus ring.
    c.execute(
        "const l = document.querySelectorAll('.article-list a'); l[l.length - 1].focus();",
        vec![],
    )
    .await
    .expect("focus the last article link");
    let mut reached = None;
    for _ in 0..12 {
        c.active_element()
            .await
            .expect("active")
            .send_keys("\u{E004}")
            .await
            .expect("tab");
        let active = c.active_element().await.expect("active");
        if active
            .attr("class")
            .await
            .ok()
            .flatten()
            .is_some_and(|k| k.split(' ').any(|k| k == "said"))
        {
            reached = Some(active);
            break;
        }
    }
    let focused = reached.expect("Tab reaches an attribution in the text");
    let name = focused
        .attr("aria-label")
        .await
        .expect("attr")
        .expect("label");
    assert!(
        name.starts_with("Said by ") || name.starts_with("Unattributed"),
        "{name}"
    );
    let tip = wait_for(
        || async { tooltip(c, &focused).await.filter(|t| t[0] == "block") },
        "the focused attribution's tooltip to show",
    )
    .await;
    assert!(
        tip[1].contains(&name) || tip[1].contains("data-said"),
        "{tip:?}"
    );
    let ring = c
        .execute(
            "return getComputedStyle(document.activeElement).outlineStyle",
            vec![],
        )
        .await
        .expect("style");
    assert_ne!(ring, "none", "a visible focus ring");

    // Mouse: hovering Budanov's words (focus elsewhere) shows his name.
    c.execute("document.activeElement.blur()", vec![])
        .await
        .expect("blur");
    c.perform_actions(
        MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: said.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        }),
    )
    .await
    .expect("hover");
    let tip = wait_for(
        || async { tooltip(c, &said).await.filter(|t| t[0] == "block") },
        "the hovered attribution's tooltip to show",
    )
    .await;
    assert!(
        tip[1].contains("Kyrylo Budanov") || tip[1].contains("data-said"),
        "{tip:?}"
    );
    let heading = element(c, ".reader .article h2").await;
    c.perform_actions(
        MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: heading,
            duration: None,
            x: 0.0,
            y: 0.0,
        }),
    )
    .await
    .expect("move away");
    wait_until(
        || async { tooltip(c, &said).await.is_some_and(|t| t[0] == "none") },
        "the tooltip to hide when the pointer leaves",
    )
    .await;

    // A claim's mark inside an attribution is still a button that opens its claim.
    let mark = element(c, ".said mark.mention").await;
    let id = mark.attr("data-claim").await.expect("attr").expect("id");
    mark.click().await.expect("click");
    element(
        c,
        &format!(".selected-claim article.claim[data-claim='{id}']"),
    )
    .await;
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn attribution_tooltips_do_not_scroll_a_narrow_page_sideways() {
    let h = Harness::start().await;
    let c = &h.client;
    c.set_window_size(360, 800).await.expect("resize");
    h.open("?view=articles&doc=000_817273ad5211bb26").await;
    element(c, ".article-text .said").await;
    let worst = c
        .execute(
            "let worst = 0;
             for (const s of document.querySelectorAll('.article-text .said[tabindex]')) {
                 s.focus();
                 worst = Math.max(worst, document.documentElement.scrollWidth - document.documentElement.clientWidth);
             }
             return worst;",
            vec![],
        )
        .await
        .expect("measure")
        .as_i64()
        .expect("a number");
    assert!(
        worst <= 0,
        "a focused attribution's tooltip scrolls the page sideways by {worst}px"
    );
    h.stop().await;
}
