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
