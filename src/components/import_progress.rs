use leptos::prelude::*;

use crate::imports::Imports;

/// The current batch's progress ("12 of 40 articles") and what became of each file.
#[component]
pub fn ImportProgress() -> impl IntoView {
    let imports = expect_context::<Imports>();
    view! {
        <div class="import-progress" role="status" aria-live="polite">
            {move || {
                let (done, sent) = (imports.done.get(), imports.sent.get());
                (sent > 0).then(|| view! {
                    <progress max=sent value=done></progress>
                    <span class="import-count">{format!("{done} of {sent} articles")}</span>
                })
            }}
        </div>
        <ul class="import-results">
            {move || imports.outcomes.get().into_iter().map(|o| view! {
                <li class=if o.ok { "import-ok" } else { "import-skipped" }>
                    <span class="import-file">{o.file}</span>
                    ": "
                    <span class="import-said">{o.said}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}
