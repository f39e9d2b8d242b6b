use leptos::prelude::*;

use crate::components::ClaimsView;
use crate::explorer::Explorer;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let ex = Explorer::new();
    provide_context(ex);
    ex.sync_url();
    let lede = format!(
        "{} claims from {} articles: every figure and stance, who made it, when and where it was reported.",
        ex.corpus.claims.len(),
        ex.corpus.documents.len()
    );
    view! {
        <header class="top">
            <h1>"claimscope"</h1>
            <p class="lede">{lede}</p>
        </header>
        <main>
            <ClaimsView />
        </main>
    }
}
