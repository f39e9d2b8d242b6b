use claimscope_model::query::Facet;
use claimscope_model::url::View;
use leptos::prelude::*;

use super::{
    AddArticlesButton, ArticlesView, ClaimsView, CompareView, CorpusToggle, ExportBar, FacetGroup,
    FilterBar, TimelineView, ViewTabs,
};
use crate::explorer::Explorer;
use crate::imports::Imports;

/// The explorer over the corpus shown now: header, view tabs, and the current view. Claims,
/// Timeline and Compare share the facets and filter bar; Articles is a reader. Made again
/// when imported articles change the corpus (the state carries over in the URL).
#[component]
pub fn ExplorerPage() -> impl IntoView {
    let ex = Explorer::new();
    provide_context(ex);
    ex.sync_url();
    // Back and forward may show or hide the built-in corpus.
    if let Some(imports) = use_context::<Imports>() {
        Effect::new(move || {
            let hide = ex.state.with(|s| s.hide_builtin);
            if imports.hide_builtin.get_untracked() != hide {
                imports.hide_builtin.set(hide);
            }
        });
    }
    let imported = crate::data::current().imported_count();
    let lede = format!(
        "{} claims from {} articles{}: every figure and stance, who made it, when and where it was reported.",
        ex.corpus.claims.len(),
        ex.corpus.documents.len(),
        match imported {
            0 => String::new(),
            n => format!(" ({n} imported)"),
        }
    );
    // A memo: the page is rebuilt when the view changes, not on every filter change.
    let view = Memo::new(move |_| ex.state.with(|s| s.view));
    let view = move || view.get();
    view! {
        <header class="top">
            <h1>"claimscope"</h1>
            <p class="lede">{lede} " " <CorpusToggle /></p>
            <ViewTabs />
            <AddArticlesButton />
        </header>
        <main>
            {move || match view() {
                View::Articles => view! { <ArticlesView /> }.into_any(),
                v => view! {
                    <div class="explorer">
                        <aside class="facets" id="filters" aria-label="Filters">
                            {Facet::ALL.into_iter().map(|f| view! { <FacetGroup facet=f /> }).collect_view()}
                        </aside>
                        <div class="results">
                            <a class="to-filters" href="#filters">"Filter by claimant, outlet, metric…"</a>
                            <FilterBar />
                            <ExportBar />
                            {match v {
                                View::Timeline => view! { <TimelineView /> }.into_any(),
                                View::Compare => view! { <CompareView /> }.into_any(),
                                _ => view! { <ClaimsView /> }.into_any(),
                            }}
                        </div>
                    </div>
                }.into_any(),
            }}
        </main>
    }
}
