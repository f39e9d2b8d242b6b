use claimscope_core::cluster::describe_value;
use claimscope_core::{Claim, Document, Kind};
use leptos::prelude::*;

/// One claim: the quote with the figure or stance words highlighted, who says it, where and when.
#[component]
pub fn ClaimCard(claim: Claim, document: Option<Document>) -> impl IntoView {
    let [before, mention, after] = claim.quote_parts().map(str::to_string);
    let what = match claim.kind {
        Kind::Figure => format!(
            "{} {}",
            describe_value(claim.value, claim.value_high, claim.qualifier),
            claim.metric.map_or("", |m| m.as_str())
        ),
        Kind::Stance => claim.stance.map_or("", |s| s.as_str()).to_string(),
    };
    let party = claim.party.clone().unwrap_or_default();
    let who = claim
        .source
        .clone()
        .unwrap_or_else(|| "the outlet itself".to_string());
    let org = claim
        .source_org
        .clone()
        .filter(|o| Some(o) != claim.source.as_ref());
    let article = document
        .as_ref()
        .map(|d| match &d.outlet {
            Some(o) => format!("{o}: {}", d.title),
            None => d.title.clone(),
        })
        .unwrap_or_else(|| claim.doc.clone());
    let date = claim
        .stated_on
        .clone()
        .unwrap_or_else(|| "undated".to_string());
    let kind_class = match claim.kind {
        Kind::Figure => "claim figure",
        Kind::Stance => "claim stance",
    };
    view! {
        <article class=kind_class data-doc=claim.doc.clone() data-claim=claim.id.clone()>
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
                <span class="article">{article}</span>
                <time datetime=date.clone()>{date.clone()}</time>
            </p>
        </article>
    }
}
