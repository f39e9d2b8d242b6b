use claimscope_core::day::{format_day, parse_day};
use leptos::prelude::*;

use crate::explorer::Explorer;

/// Full-text search, the date range and "Clear all".
#[component]
pub fn FilterBar() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let day_value = move |d: Option<i32>| d.map(format_day).unwrap_or_default();
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
            <label>
                <span>"From"</span>
                <input
                    type="date"
                    name="from"
                    prop:value=move || day_value(ex.state.with(|s| s.filter.from))
                    on:change=move |ev| {
                        let v = parse_day(&event_target_value(&ev));
                        ex.state.update(|s| s.filter.from = v);
                    }
                />
            </label>
            <label>
                <span>"To"</span>
                <input
                    type="date"
                    name="to"
                    prop:value=move || day_value(ex.state.with(|s| s.filter.to))
                    on:change=move |ev| {
                        let v = parse_day(&event_target_value(&ev));
                        ex.state.update(|s| s.filter.to = v);
                    }
                />
            </label>
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
