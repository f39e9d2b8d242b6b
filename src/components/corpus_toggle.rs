use leptos::prelude::*;

use super::StateLink;
use crate::explorer::Explorer;

/// Shows or hides the built-in articles, once the user has imported some (a link: the URL's
/// `builtin=hidden` says which, so a shared link shows the same articles).
#[component]
pub fn CorpusToggle() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let hidden = ex.state.with_untracked(|s| s.hide_builtin);
    let any = crate::data::current().imported_count() > 0;
    (hidden || any).then(|| {
        view! {
            <StateLink change=|s, _| s.hide_builtin = !s.hide_builtin class="corpus-toggle">
                {if hidden { "Show the built-in articles too" } else { "Show only my articles" }}
            </StateLink>
        }
    })
}
