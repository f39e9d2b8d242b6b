use claimscope_model::query::Sort;
use leptos::prelude::*;

use crate::explorer::Explorer;

/// How the claim list is ordered.
#[component]
pub fn SortSelect() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    view! {
        <label class="sort">
            <span>"Sort by"</span>
            <select
                name="sort"
                prop:value=move || ex.state.with(|s| s.sort.key())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ex.state.update(|s| s.sort = Sort::from_key(&v).unwrap_or_default());
                }
            >
                {Sort::ALL
                    .into_iter()
                    .map(|s| view! { <option value=s.key()>{s.label()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}
