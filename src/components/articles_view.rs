use leptos::prelude::*;

use super::{ArticleReader, StateLink};
use crate::explorer::Explorer;

/// The articles: a list to pick from, and the reader.
#[component]
pub fn ArticlesView() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    // The open article: the URL's, else the selected claim's, else the first.
    let doc = Memo::new(move |_| {
        ex.state.with(|s| {
            s.doc
                .clone()
                .filter(|d| ex.corpus.document(d).is_some())
                .or_else(|| {
                    s.claim
                        .as_deref()
                        .and_then(|id| ex.position(id))
                        .map(|i| ex.claim(i).doc.clone())
                })
                .or_else(|| ex.corpus.documents.first().map(|d| d.id.clone()))
        })
    });
    view! {
        <div class="articles-view">
            <nav class="article-list" aria-label="Articles">
                <h2>"Articles"</h2>
                <ul>
                    {ex.corpus.documents.iter().map(|d| {
                        let id = d.id.clone();
                        let n = crate::data::claims_in(&d.id);
                        let imported = crate::data::current()
                            .is_imported(&d.id)
                            .then(|| view! { <span class="badge-imported">"Imported"</span> });
                        let current = Signal::derive(move || doc.get().as_deref() == Some(id.as_str()));
                        let meta = [d.outlet.clone(), d.published.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        view! {
                            <li>
                                <StateLink
                                    change=|s, id| { s.doc = Some(id.to_string()); s.claim = None; }
                                    arg=d.id.clone()
                                    class="article-link"
                                    current=current
                                >
                                    <span class="article-title">{d.title.clone()}</span>
                                    <span class="article-meta">{format!("{meta} · {n} claims")}</span>
                                    {imported}
                                </StateLink>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            {move || doc.get().map(|d| view! { <ArticleReader doc=d /> })}
        </div>
    }
}
