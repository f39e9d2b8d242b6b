use claimscope_model::url::View;
use leptos::prelude::*;

use super::StateLink;
use crate::explorer::Explorer;

/// The four views, as links (each view has its own URL; filters carry over).
#[component]
pub fn ViewTabs() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    view! {
        <nav class="tabs" aria-label="Views">
            {View::ALL
                .into_iter()
                .map(|v| {
                    let current = Signal::derive(move || ex.state.with(|s| s.view == v));
                    view! {
                        <StateLink
                            change=|s, k| s.view = View::from_key(k).unwrap_or_default()
                            arg=v.key()
                            class="tab"
                            current=current
                        >
                            {v.label()}
                        </StateLink>
                    }
                })
                .collect_view()}
        </nav>
    }
}
