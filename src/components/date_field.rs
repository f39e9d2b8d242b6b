use claimscope_model::day::{format_day, parse_day};
use leptos::prelude::*;

/// A labelled date input bound to an optional day number.
#[component]
pub fn DateField(
    label: &'static str,
    name: &'static str,
    value: Signal<Option<i32>>,
    on_change: Callback<Option<i32>>,
) -> impl IntoView {
    view! {
        <label>
            <span>{label}</span>
            <input
                type="date"
                name=name
                prop:value=move || value.get().map(format_day).unwrap_or_default()
                on:change=move |ev| on_change.run(parse_day(&event_target_value(&ev)))
            />
        </label>
    }
}
