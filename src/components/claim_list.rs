use leptos::prelude::*;

use super::ClaimCard;
use crate::explorer::{Explorer, PAGE};

/// The matching claims, newest first.
#[component]
pub fn ClaimList() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let summary = move || {
        ex.answer.with(|a| {
            let shown = a.top.len();
            if a.total > shown {
                format!("{} claims match; the newest {PAGE} are shown", a.total)
            } else {
                format!("{} claims match", a.total)
            }
        })
    };
    view! {
        <p class="summary" role="status" aria-live="polite">{summary}</p>
        <section class="claims" aria-label="Claims">
            <For
                each=move || ex.answer.with(|a| a.top.clone())
                key=|i| *i
                children=move |i| {
                    let c = ex.corpus.claims[i as usize].clone();
                    let doc = ex.corpus.document(&c.doc).cloned();
                    view! { <ClaimCard claim=c document=doc /> }
                }
            />
        </section>
    }
}
