//! Component tests in a real browser (wasm-bindgen-test in headless Chromium):
//! `scripts/test.sh` runs them with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use claimscope_model::Kind;
use claimscope_web::components::ClaimCard;
use claimscope_web::data::corpus;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> leptos::web_sys::HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

#[wasm_bindgen_test]
async fn claim_card_highlights_the_figure_and_names_the_claimant() {
    let claim = corpus()
        .claims
        .iter()
        .find(|c| c.kind == Kind::Figure && c.source.is_some())
        .expect("a sourced figure in the seeds")
        .clone();
    let [_, mention, _] = claim.quote_parts().map(str::to_string);
    let source = claim.source.clone().unwrap();
    let doc = corpus().document(&claim.doc).cloned();
    let el = host();
    let handle = leptos::mount::mount_to(
        el.clone(),
        move || view! { <ClaimCard claim=claim document=doc /> },
    );
    leptos::task::tick().await;
    let mark = el
        .query_selector("mark")
        .unwrap()
        .expect("a highlighted mention");
    assert_eq!(mark.text_content().unwrap(), mention);
    let who = el.query_selector(".who").unwrap().expect("the claimant");
    assert_eq!(who.text_content().unwrap(), source);
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_app_lists_every_claim() {
    // Another test may have imported articles: start from the built-in corpus alone.
    forget_imports();
    let el = host();
    let _handle = leptos::mount::mount_to(el.clone(), claimscope_web::app::App);
    leptos::task::tick().await;
    let list = el
        .query_selector("section.claims")
        .unwrap()
        .expect("the claim list");
    // One group per distinct claim (cluster); its reports from other articles inside it.
    let mut clusters: Vec<&str> = corpus().claims.iter().map(|c| c.cluster.as_str()).collect();
    clusters.sort();
    clusters.dedup();
    assert_eq!(list.child_element_count() as usize, clusters.len());
    let shown = el
        .query_selector_all("article.claim, li.report")
        .unwrap()
        .length();
    assert_eq!(shown as usize, corpus().claims.len());
}

#[wasm_bindgen_test]
fn a_panic_leaves_a_visible_message() {
    claimscope_web::show_panic("test detail");
    let alert = document()
        .query_selector("div.panic[role='alert']")
        .unwrap()
        .expect("an alert on the page");
    assert!(alert.text_content().unwrap().contains("test detail"));
}

/// Forgets what other tests imported (this page's note of stored articles, the corpus shown).
fn forget_imports() {
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.remove_item("claimscope.imported");
    }
    claimscope_web::data::show_builtin();
}

/// The import panel with a fresh importer state (as the app provides it).
fn mount_panel() -> (
    leptos::web_sys::HtmlElement,
    claimscope_web::imports::Imports,
    impl Drop,
) {
    use claimscope_web::components::ImportPanel;
    use claimscope_web::imports::Imports;
    let el = host();
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let got = slot.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let imports = Imports::new();
        got.set(Some(imports));
        provide_context(imports);
        view! { <ImportPanel /> }
    });
    (el, slot.take().expect("the panel's state"), handle)
}

fn text_of(el: &leptos::web_sys::HtmlElement, css: &str) -> Vec<String> {
    let list = el.query_selector_all(css).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_import_panel_offers_files_a_folder_and_a_paste() {
    let (el, _imports, _handle) = mount_panel();
    leptos::task::tick().await;
    let files: leptos::web_sys::HtmlInputElement = el
        .query_selector("input[type='file'][name='articles']")
        .unwrap()
        .expect("a file input")
        .unchecked_into();
    assert!(files.multiple());
    let accept = files.accept();
    for ext in [".txt", ".html", ".htm", ".json"] {
        assert!(accept.split(',').any(|a| a == ext), "{accept}");
    }
    let folder: leptos::web_sys::HtmlInputElement = el
        .query_selector("input[name='folder']")
        .unwrap()
        .expect("a folder input")
        .unchecked_into();
    assert!(folder.webkitdirectory());
    let submit = el
        .query_selector(".paste-form button[type='submit']")
        .unwrap()
        .expect("the paste button");
    assert!(
        submit.has_attribute("disabled"),
        "nothing to add before a text is pasted"
    );
    let area: leptos::web_sys::HtmlTextAreaElement = el
        .query_selector("textarea[name='text']")
        .unwrap()
        .expect("the paste area")
        .unchecked_into();
    area.set_value("At least 14 people were killed, the governor said.");
    area.dispatch_event(&leptos::web_sys::Event::new("input").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert!(
        !submit.has_attribute("disabled"),
        "a pasted text can be added"
    );
    for name in ["title", "outlet", "url", "published"] {
        assert!(
            el.query_selector(&format!("input[name='{name}']"))
                .unwrap()
                .is_some(),
            "{name}"
        );
    }
}

#[wasm_bindgen_test]
async fn the_import_panel_shows_progress_results_and_the_imported_articles() {
    use claimscope_web::imports::Outcome;
    let (el, imports, _handle) = mount_panel();
    imports.sent.set(3);
    imports.done.set(2);
    imports.outcomes.set(vec![
        Outcome {
            file: "a.txt".into(),
            said: "4 claims".into(),
            ok: true,
        },
        Outcome {
            file: "b.html".into(),
            said: "no readable article".into(),
            ok: false,
        },
    ]);
    leptos::task::tick().await;
    assert_eq!(text_of(&el, ".import-count"), ["2 of 3 articles"]);
    assert_eq!(text_of(&el, ".import-ok"), ["a.txt: 4 claims"]);
    assert_eq!(
        text_of(&el, ".import-skipped"),
        ["b.html: no readable article"]
    );
    assert!(
        el.query_selector(".imported").unwrap().is_none(),
        "no imported article yet"
    );

    let parts = claimscope_model::imports::split(corpus());
    let first = parts[0].documents[0].id.clone();
    imports
        .articles
        .set(parts.into_iter().take(2).map(std::sync::Arc::new).collect());
    leptos::task::tick().await;
    assert_eq!(
        el.query_selector_all(".imported-list li").unwrap().length(),
        2
    );
    let remove: leptos::web_sys::HtmlElement = el
        .query_selector(&format!(
            ".imported-list li[data-doc='{first}'] .imported-remove"
        ))
        .unwrap()
        .expect("a Remove button per article")
        .unchecked_into();
    remove.click();
    leptos::task::tick().await;
    assert_eq!(
        el.query_selector_all(".imported-list li").unwrap().length(),
        1
    );
    assert!(el
        .query_selector(&format!("li[data-doc='{first}']"))
        .unwrap()
        .is_none());
}
