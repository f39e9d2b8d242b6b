use std::cell::RefCell;
use std::rc::Rc;

use claimscope_model::export;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::explorer::Explorer;

/// The three export formats: (key, label, file name, MIME type).
const FORMATS: [(&str, &str, &str, &str); 3] = [
    ("csv", "CSV", "claimscope-claims.csv", "text/csv"),
    ("json", "JSON", "claimscope-claims.json", "application/json"),
    (
        "jsonld",
        "JSON-LD",
        "claimscope-claims.jsonld",
        "application/ld+json",
    ),
];

/// Downloads of the filtered claims (all of them, not only the page shown).
#[component]
pub fn ExportBar() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    // The object URL of the last download lives until the next one (dropping it revokes it).
    let last: Rc<RefCell<Option<gloo_file::ObjectUrl>>> = Rc::default();
    view! {
        <div class="export" role="group" aria-label="Export the filtered claims">
            <span class="export-label">
                {move || format!("Export {} claims:", ex.answer.with(|a| a.total))}
            </span>
            {FORMATS
                .into_iter()
                .map(|(key, label, file, mime)| {
                    let last = last.clone();
                    view! {
                        <a
                            class="export-link"
                            href="#"
                            download=file
                            data-format=key
                            on:click=move |ev: leptos::ev::MouseEvent| {
                                let claims = ex
                                    .answer
                                    .with_untracked(|a| a.matched.iter().map(|&i| ex.claim(i)).collect::<Vec<_>>());
                                let body = match key {
                                    "csv" => export::csv(ex.corpus, claims),
                                    "json" => export::json(claims),
                                    _ => export::json_ld(ex.corpus, claims),
                                };
                                let blob = gloo_file::Blob::new_with_options(body.as_str(), Some(mime));
                                let url = gloo_file::ObjectUrl::from(blob);
                                // The link downloads whatever it points at when the click finishes.
                                if let Some(a) = ev
                                    .current_target()
                                    .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlAnchorElement>().ok())
                                {
                                    a.set_href(&url);
                                }
                                *last.borrow_mut() = Some(url);
                            }
                        >
                            {label}
                        </a>
                    }
                })
                .collect_view()}
        </div>
    }
}
