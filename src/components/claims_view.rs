use leptos::prelude::*;

use super::{ClaimList, SortSelect};

/// The filtered list of claims, grouped by cluster, in the chosen order.
#[component]
pub fn ClaimsView() -> impl IntoView {
    view! {
        <section class="claims-view" aria-label="Claims">
            <div class="list-controls">
                <SortSelect />
            </div>
            <ClaimList />
        </section>
    }
}
