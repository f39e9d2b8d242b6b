use claimscope_core::Corpus;
use leptos::prelude::*;

use super::ClaimCard;

/// Every claim of the corpus, in extraction order.
#[component]
pub fn ClaimList(corpus: &'static Corpus) -> impl IntoView {
    view! {
        <section class="claims" aria-label="Claims">
            {corpus
                .claims
                .iter()
                .map(|c| {
                    let doc = corpus.document(&c.doc).cloned();
                    view! { <ClaimCard claim=c.clone() document=doc /> }
                })
                .collect_view()}
        </section>
    }
}
