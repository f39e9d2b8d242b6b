use claimscope_model::{Claim, Document, Kind};
use leptos::prelude::*;

use super::StateLink;
use crate::explorer::Explorer;

/// "Kyiv Independent: title", or the title alone.
pub fn article_label(document: Option<&Document>, fallback: &str) -> String {
    document
        .map(|d| match &d.outlet {
            Some(o) => format!("{o}: {}", d.title),
            None => d.title.clone(),
        })
        .unwrap_or_else(|| fallback.to_string())
}

/// One claim: the quote with the figure or stance words highlighted, who says it, where and
/// when, and (inside the explorer) a link to it in the article.
#[component]
pub fn ClaimCard(claim: Claim, document: Option<Document>) -> impl IntoView {
    let [before, mention, after] = claim.quote_parts().map(str::to_string);
    let what = crate::data::corpus().claim_summary(&claim);
    let party = claim.party.clone().unwrap_or_default();
    let who = claim
        .source
        .clone()
        .unwrap_or_else(|| "the outlet itself".to_string());
    let org = claim
        .source_org
        .clone()
        .filter(|o| Some(o) != claim.source.as_ref());
    let via = (!claim.via.is_empty()).then(|| format!("via {}", claim.via.join(", ")));
    let article = article_label(document.as_ref(), &claim.doc);
    let date = claim
        .stated_on
        .clone()
        .unwrap_or_else(|| "undated".to_string());
    let kind_class = match claim.kind {
        Kind::Figure => "claim figure",
        Kind::Stance => "claim stance",
    };
    let imported = crate::data::current()
        .is_imported(&claim.doc)
        .then(|| view! { <span class="badge-imported">"Imported"</span> });
    let ex = use_context::<Explorer>();
    let at = ex.and_then(|ex| ex.position(&claim.id));
    let selected = move || ex.zip(at).is_some_and(|(ex, i)| ex.is_selected(i));
    let link = ex.map(|_| {
        view! {
            <StateLink
                change=crate::explorer::open_in_article
                arg=claim.id.clone()
                class="in-article"
            >
                "Show in article"
            </StateLink>
        }
    });
    view! {
        <article
            class=kind_class
            class:selected=selected
            data-doc=claim.doc.clone()
            data-claim=claim.id.clone()
        >
            <p class="what">
                <span class="tag">{what}</span>
                <span class="party">{party}</span>
            </p>
            <blockquote class="quote">
                {before}<mark>{mention}</mark>{after}
            </blockquote>
            <p class="meta">
                <span class="who">{who}</span>
                {org.map(|o| view! { <span class="org">{o}</span> })}
                {via.map(|v| view! { <span class="via">{v}</span> })}
                <span class="where">{article}</span>
                {imported}
                <time datetime=date.clone()>{date.clone()}</time>
                {link}
            </p>
        </article>
    }
}
