use leptos::prelude::*;

use super::DateField;
use crate::explorer::Explorer;

/// Full-text search, the date range and "Clear all".
#[component]
pub fn FilterBar() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    view! {
        <div class="filter-bar" role="search">
            <label class="search">
                <span>"Search quotes"</span>
                <input
                    type="search"
                    name="q"
                    placeholder="e.g. front line"
                    prop:value=move || ex.state.with(|s| s.filter.search.clone())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ex.state.update(|s| s.filter.search = v);
                    }
                />
            </label>
            <DateField
                label="From"
                name="from"
                value=Signal::derive(move || ex.state.with(|s| s.filter.from))
                on_change=Callback::new(move |d| ex.state.update(|s| s.filter.from = d))
            />
            <DateField
                label="To"
                name="to"
                value=Signal::derive(move || ex.state.with(|s| s.filter.to))
                on_change=Callback::new(move |d| ex.state.update(|s| s.filter.to = d))
            />
            <button
                type="button"
                class="clear"
                disabled=move || ex.state.with(|s| s.filter.is_empty())
                on:click=move |_| ex.state.update(|s| s.filter = Default::default())
            >
                "Clear all"
            </button>
        </div>
    }
}
