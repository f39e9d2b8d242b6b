use leptos::prelude::*;

use super::claim_card::article_label;

use crate::imports::Imports;

/// The imported articles, each with a "Remove" button; remove all; export them as JSON.
#[component]
pub fn ImportedList() -> impl IntoView {
    let imports = expect_context::<Imports>();
    view! {
        {move || imports.articles.with(|a| (!a.is_empty()).then(|| {
            let rows = a.iter().flat_map(|c| {
                let claims = c.claims.len();
                c.documents.iter().map(move |d| {
                    let id = d.id.clone();
                    let doc = d.id.clone();
                    let label = article_label(Some(d), &d.id);
                    view! {
                        <li data-doc=doc>
                            <span class="imported-title">{label}</span>
                            <span class="imported-claims">{format!(" · {claims} claims ")}</span>
                            <button
                                type="button"
                                class="imported-remove"
                                aria-label=format!("Remove {}", d.title)
                                on:click=move |_| imports.remove(&id)
                            >
                                "Remove"
                            </button>
                        </li>
                    }
                }).collect::<Vec<_>>()
            }).collect_view();
            view! {
                <section class="imported" aria-labelledby="imported-title">
                    <h3 id="imported-title">{format!("Your articles ({})", a.len())}</h3>
                    <ul class="imported-list">{rows}</ul>
                    <div class="imported-actions">
                        <button type="button" class="imported-export" on:click=move |_| imports.export()>
                            "Export them (JSON)"
                        </button>
                        <button type="button" class="imported-clear" on:click=move |_| imports.clear()>
                            "Remove all"
                        </button>
                    </div>
                    <p class="import-note">"To move them to another browser, add the exported .json file there."</p>
                </section>
            }
        }))}
    }
}
