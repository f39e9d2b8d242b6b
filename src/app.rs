use leptos::prelude::*;

use crate::components::{ExplorerPage, ImportPanel};
use crate::imports::Imports;

/// The whole page: the import panel (when open) and the explorer over the corpus shown, made
/// again each time imported articles change it.
#[component]
pub fn App() -> impl IntoView {
    let imports = Imports::new();
    provide_context(imports);
    view! {
        {move || imports.open.get().then(|| view! { <ImportPanel /> })}
        {move || {
            imports.generation.track();
            if imports.ready.get() {
                view! { <ExplorerPage /> }.into_any()
            } else {
                view! { <p class="loading" role="status">"Loading your imported articles…"</p> }.into_any()
            }
        }}
    }
}
