use leptos::prelude::*;

use crate::imports::Imports;

/// The header's "Add articles" control: opens (or closes) the import panel.
#[component]
pub fn AddArticlesButton() -> impl IntoView {
    let imports = expect_context::<Imports>();
    view! {
        <button
            type="button"
            class="add-articles"
            aria-controls="import-panel"
            aria-expanded=move || imports.open.get().to_string()
            on:click=move |_| {
                if imports.open.get_untracked() {
                    imports.open.set(false);
                } else {
                    imports.open_panel();
                }
            }
        >
            "Add articles"
        </button>
    }
}
