use claimscope_core::query::Facet;
use leptos::prelude::*;

use super::{ClaimList, FacetGroup, FilterBar};

/// Facets on the side, the filtered list in the middle.
#[component]
pub fn ClaimsView() -> impl IntoView {
    view! {
        <div class="claims-view">
            <aside class="facets" aria-label="Filters">
                {Facet::ALL.into_iter().map(|f| view! { <FacetGroup facet=f /> }).collect_view()}
            </aside>
            <div class="results">
                <FilterBar />
                <ClaimList />
            </div>
        </div>
    }
}
