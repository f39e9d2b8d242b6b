use claimscope_model::compare::{self, By};
use leptos::prelude::*;

use super::{ChoiceGroup, CompareMatrix, ComparePair};
use crate::explorer::Explorer;

/// Who says what, side by side: the matrix of questions × sources, then two sources compared.
#[component]
pub fn CompareView() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let matrix = Memo::new(move |_| {
        let by = ex.state.with(|s| s.by);
        ex.answer
            .with(|a| compare::matrix(ex.corpus, &a.matched, by))
    });
    let by = move || ex.state.with(|s| s.by);
    view! {
        <section class="compare-view" aria-label="Compare sources">
            <div class="chart-controls">
                <ChoiceGroup
                    legend="Columns"
                    name="by"
                    choices=&[("claimant", "Claimants"), ("outlet", "Outlets")]
                    value=Signal::derive(move || by().key())
                    on_change=Callback::new(move |v| ex.state.update(|s| s.set_columns(By::from_key(v).unwrap_or_default())))
                />
            </div>
            <p class="chart-summary">
                {move || matrix.with(|m| {
                    let flagged = m.conflicted_cells();
                    format!(
                        "{} questions × {} sources; {flagged} cell{} flagged as contradicted by another source.",
                        m.questions.len(),
                        m.sources.len(),
                        if flagged == 1 { "" } else { "s" }
                    )
                })}
            </p>
            <CompareMatrix matrix=matrix />
            <ComparePair matrix=matrix />
        </section>
    }
}
