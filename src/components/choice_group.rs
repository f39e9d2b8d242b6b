use leptos::prelude::*;

/// A labelled group of radio buttons: one of a few `(value, label)` choices.
#[component]
pub fn ChoiceGroup(
    legend: &'static str,
    name: &'static str,
    choices: &'static [(&'static str, &'static str)],
    /// The chosen value.
    value: Signal<&'static str>,
    on_change: Callback<&'static str>,
) -> impl IntoView {
    view! {
        <fieldset class="segmented">
            <legend>{legend}</legend>
            {choices
                .iter()
                .map(|&(v, label)| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name=name
                                value=v
                                prop:checked=move || value.get() == v
                                on:change=move |_| on_change.run(v)
                            />
                            " "
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
