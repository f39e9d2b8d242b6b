use claimscope_model::url::State;
use leptos::prelude::*;

use crate::explorer::Explorer;

/// A link to another state of the explorer: a real `href` (open in a new tab, copy, share), and
/// a plain click changes the state in place without reloading.
#[component]
pub fn StateLink(
    /// How the target state differs from the current one.
    change: fn(&mut State, &str),
    /// Passed to `change` (a document id, a claim id...).
    #[prop(into, optional)]
    arg: String,
    #[prop(into, optional)] class: String,
    #[prop(optional)] current: Option<Signal<bool>>,
    children: Children,
) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let arg_for_href = arg.clone();
    let href = move || ex.href(|s| change(s, &arg_for_href));
    let aria_current = move || current.and_then(|c| c.get().then_some("page"));
    view! {
        <a
            href=href
            class=class
            aria-current=aria_current
            on:click=move |ev: leptos::ev::MouseEvent| {
                if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                    return;
                }
                ev.prevent_default();
                ex.state.update(|s| change(s, &arg));
            }
        >
            {children()}
        </a>
    }
}
