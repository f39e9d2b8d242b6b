use leptos::prelude::*;

use crate::components::ClaimList;
use crate::data::corpus;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let corpus = corpus();
    let summary = format!(
        "{} claims from {} articles",
        corpus.claims.len(),
        corpus.documents.len()
    );
    view! {
        <header class="top">
            <h1>"claimscope"</h1>
            <p class="lede">"Who claimed what: every figure and stance in the articles, with its source."</p>
            <p class="summary">{summary}</p>
        </header>
        <main>
            <ClaimList corpus=corpus />
        </main>
    }
}
