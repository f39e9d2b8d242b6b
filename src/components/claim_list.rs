use leptos::prelude::*;

use super::claim_card::article_label;
use super::{ClaimCard, StateLink};
use crate::explorer::{Explorer, PAGE};

/// The matching claims in the chosen order, one card per distinct claim; other articles that
/// report the same claim are listed under it.
#[component]
pub fn ClaimList() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let summary = move || {
        ex.answer.with(|a| {
            let mut s = format!("{} claims match · {} distinct", a.total, a.group_total);
            if a.group_total > a.groups.len() {
                s.push_str(&format!(" (the first {} are shown)", a.groups.len()));
            }
            s
        })
    };
    // Bring the selected claim into view when it changes (from the chart, say).
    Effect::new(move |_| {
        let Some(id) = ex.state.with(|s| s.claim.clone()) else {
            return;
        };
        let sel = format!(".claims [data-claim=\"{}\"]", id.replace('"', ""));
        request_animation_frame(move || {
            if let Ok(Some(el)) = document().query_selector(&sel) {
                let opts = leptos::web_sys::ScrollIntoViewOptions::new();
                opts.set_block(leptos::web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            }
        });
    });
    view! {
        <p class="summary" role="status" aria-live="polite">{summary}</p>
        <section class="claims" aria-label="Claims">
            <For
                each=move || ex.answer.with(|a| a.groups.clone())
                key=|g| g.clone()
                children=move |group| {
                    let lead = ex.claim(group[0]).clone();
                    let doc = ex.corpus.document(&lead.doc).cloned();
                    let others: Vec<u32> = group[1..].to_vec();
                    let n = others.len();
                    let (articles, m) = ex.corpus.reach(&group);
                    let reported = format!(
                        "Reported in {articles} articles by {m} outlet{}: show the other {n}",
                        if m == 1 { "" } else { "s" }
                    );
                    let members = others.clone();
                    // A report selected elsewhere (chart, matrix) opens its group.
                    let holds_selected = move || members.iter().any(|&i| ex.is_selected(i));
                    view! {
                        <div class="group">
                            <ClaimCard claim=lead document=doc />
                            {(n > 0).then(|| view! {
                                <details class="reports" prop:open=holds_selected>
                                    <summary>{reported}</summary>
                                    <ul>
                                        {others.into_iter().map(|i| {
                                            let c = ex.claim(i);
                                            let label = article_label(ex.corpus.document(&c.doc), &c.doc);
                                            let date = c.stated_on.clone().unwrap_or_else(|| "undated".into());
                                            let selected = move || ex.is_selected(i);
                                            view! {
                                                <li class="report" class:selected=selected data-doc=c.doc.clone() data-claim=c.id.clone()>
                                                    <StateLink
                                                        change=crate::explorer::open_in_article
                                                        arg=c.id.clone()
                                                    >
                                                        {label}
                                                    </StateLink>
                                                    " "
                                                    <time datetime=date.clone()>{date.clone()}</time>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                </details>
                            })}
                        </div>
                    }
                }
            />
        </section>
        <Show when=move || ex.answer.with(|a| a.group_total > a.groups.len())>
            <button type="button" class="more-claims" on:click=move |_| ex.show_more()>
                {move || ex.answer.with(|a| format!("Show {} more", (a.group_total - a.groups.len()).min(PAGE)))}
            </button>
        </Show>
    }
}
