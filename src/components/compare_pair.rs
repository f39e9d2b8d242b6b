use claimscope_model::compare::{self, Matrix, Verdict};
use leptos::prelude::*;

use crate::explorer::Explorer;

/// Two sources side by side: on each question they answer, agree, conflict (with the reason),
/// differ over time, or only one of them says anything.
#[component]
pub fn ComparePair(matrix: Memo<Matrix>) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let pick = move |which: &'static str| {
        view! {
            <label>
                <span>{format!("Source {}", which.to_uppercase())}</span>
                <select
                    name=which
                    prop:value=move || ex.state.with(|s| if which == "a" { s.a.clone() } else { s.b.clone() }).unwrap_or_default()
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let v = (!v.is_empty()).then_some(v);
                        ex.state.update(|s| s.set_source(which, v));
                    }
                >
                    <option value="">"(choose)"</option>
                    {move || matrix.with(|m| m.sources.iter().map(|s| view! {
                        <option value=s.clone()>{s.clone()}</option>
                    }).collect_view())}
                </select>
            </label>
        }
    };
    let chosen = Memo::new(move |_| ex.state.with(|s| (s.a.clone(), s.b.clone())));
    let rows = move || {
        let (a, b) = chosen.get();
        matrix.with(|m| {
            let (ia, ib) = (m.source_index(a.as_deref()?)?, m.source_index(b.as_deref()?)?);
            let rows = compare::pair(ex.corpus, m, ia, ib);
            let text = |q: usize, s: usize| {
                m.cells[q][s]
                    .iter()
                    .map(|e| format!("{} ({})", e.text, e.dates.join(", ")))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            Some(
                rows.into_iter()
                    .map(|r| {
                        let verdict = r.verdict;
                        let class = match verdict {
                            Verdict::Agree => "verdict agree",
                            Verdict::Conflict => "verdict conflict",
                            Verdict::Differ => "verdict differ",
                            Verdict::OnlyA | Verdict::OnlyB => "verdict only",
                        };
                        view! {
                            <tr class=class>
                                <th scope="row">{m.questions[r.question].label().to_string()}</th>
                                <td>{text(r.question, ia)}</td>
                                <td>{text(r.question, ib)}</td>
                                <td>
                                    <strong>{verdict.label()}</strong>
                                    {r.reasons.into_iter().map(|x| view! { <p class="reason">{x}</p> }).collect_view()}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <section class="pair" aria-label="Two sources side by side">
            <h2>"Side by side"</h2>
            <div class="pair-pick">{pick("a")}{pick("b")}</div>
            {move || match rows() {
                Some(rows) => view! {
                    <div class="pair-wrap" tabindex="0" role="region" aria-label="Side by side (scrolls sideways)">
                    <table class="pair-table">
                        <thead>
                            <tr>
                                <th scope="col">"Question"</th>
                                <th scope="col">{move || chosen.get().0}</th>
                                <th scope="col">{move || chosen.get().1}</th>
                                <th scope="col">"Verdict"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    </div>
                }.into_any(),
                None => view! { <p class="hint">"Choose two sources to see where they agree and where they conflict."</p> }.into_any(),
            }}
        </section>
    }
}
