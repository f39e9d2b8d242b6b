use leptos::prelude::*;

/// The content of one attribution in the reader's text: underlined, named on hover and on
/// keyboard focus (its accessible name, and a tooltip drawn by the stylesheet from
/// `data-said`, so the article's text stays the only text inside it). `first`: the first part
/// of the content, the one keyboard stop for the attribution.
#[component]
pub fn SaidMark(label: String, named: bool, first: bool, children: Children) -> impl IntoView {
    view! {
        <span
            class="said"
            class:unnamed=!named
            role="group"
            tabindex=first.then_some("0")
            aria-label=label.clone()
            data-said=label
        >
            {children()}
        </span>
    }
}
