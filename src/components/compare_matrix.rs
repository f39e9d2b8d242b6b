use claimscope_model::compare::Matrix;
use leptos::prelude::*;

use crate::explorer::Explorer;

/// The matrix: a row per question, a column per source; each cell lists what the source says
/// (value or stance, dates, number of reports) and flags contradictions with their reasons.
#[component]
pub fn CompareMatrix(matrix: Memo<Matrix>) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    view! {
        <div class="matrix-wrap" tabindex="0" role="region" aria-label="Questions by source (scrolls sideways)">
            <table class="matrix">
                <caption>"What each source says, per question"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Question"</th>
                        {move || matrix.with(|m| m.sources.iter().map(|s| view! {
                            <th scope="col" data-source=s.clone()>{s.clone()}</th>
                        }).collect_view())}
                    </tr>
                </thead>
                <tbody>
                    {move || matrix.with(|m| m.questions.iter().zip(&m.cells).map(|(q, row)| {
                        view! {
                            <tr>
                                <th scope="row">{q.label().to_string()}</th>
                                {row.iter().zip(&m.sources).map(|(cell, source)| {
                                    let conflicted = cell.iter().any(|e| !e.conflicts.is_empty());
                                    view! {
                                        <td class:conflict=conflicted data-source=source.clone()>
                                            {cell.iter().map(|e| {
                                                let reports = e.claims.len();
                                                let first = e.claims[0];
                                                let reasons = e.conflicts.clone();
                                                let n = reasons.len();
                                                let flagged = n > 0;
                                                view! {
                                                    <div class="entry" class:conflict=flagged>
                                                        <button type="button" class="entry-value" on:click=move |_| ex.select(first)
                                                            title="Select this claim">
                                                            {e.text.clone()}
                                                        </button>
                                                        <span class="entry-dates">{e.dates.join(", ")}</span>
                                                        {(reports > 1).then(|| view! { <span class="entry-reports">{format!("{reports} reports")}</span> })}
                                                        {(n > 0).then(|| view! {
                                                            <details class="why">
                                                                <summary>{format!("⚠ Contradicted ({n})")}</summary>
                                                                <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                                                            </details>
                                                        })}
                                                    </div>
                                                }
                                            }).collect_view()}
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view())}
                </tbody>
            </table>
        </div>
    }
}
