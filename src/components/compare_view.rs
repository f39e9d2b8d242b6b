use claimscope_core::compare::{self, By};
use leptos::prelude::*;

use super::{CompareMatrix, ComparePair};
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
                <fieldset class="segmented">
                    <legend>"Columns"</legend>
                    <label>
                        <input type="radio" name="by" value="claimant"
                            prop:checked=move || by() == By::Claimant
                            on:change=move |_| ex.state.update(|s| { s.by = By::Claimant; s.a = None; s.b = None; }) />
                        " Claimants"
                    </label>
                    <label>
                        <input type="radio" name="by" value="outlet"
                            prop:checked=move || by() == By::Outlet
                            on:change=move |_| ex.state.update(|s| { s.by = By::Outlet; s.a = None; s.b = None; }) />
                        " Outlets"
                    </label>
                </fieldset>
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
