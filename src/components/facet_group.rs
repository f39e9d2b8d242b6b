use claimscope_model::query::Facet;
use leptos::prelude::*;

use crate::explorer::Explorer;

/// Values shown before "Show all".
const SHOWN: usize = 8;

/// One facet: its values with live counts, as toggle buttons (several combine with OR).
#[component]
pub fn FacetGroup(facet: Facet) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let expanded = RwSignal::new(false);
    let values = move || {
        let counts = ex.answer.with(|a| a.facets[facet as usize].clone());
        let selected = ex.state.with(|s| s.filter.selected[facet as usize].clone());
        // Selected values stay listed even when their count drops to zero.
        let mut rows: Vec<(u32, u32)> = counts;
        for id in selected {
            if !rows.iter().any(|(v, _)| *v == id) {
                rows.push((id, 0));
            }
        }
        rows
    };
    let total = move || values().len();
    view! {
        <fieldset class="facet" data-facet=facet.key()>
            <legend>{facet.label()}</legend>
            <ul>
                // Keyed rows: a click keeps its button (and the keyboard focus) in place.
                <For
                    each=move || {
                        let rows = values();
                        let limit = if expanded.get() { rows.len() } else { SHOWN };
                        rows.into_iter().take(limit).map(|(id, _)| id).collect::<Vec<_>>()
                    }
                    key=|id| *id
                    children=move |id| {
                        let label = ex.index.label(facet, id).to_string();
                        let count = move || {
                            ex.answer.with(|a| {
                                a.facets[facet as usize]
                                    .iter()
                                    .find(|(v, _)| *v == id)
                                    .map_or(0, |(_, c)| *c)
                            })
                        };
                        let pressed = move || ex.state.with(|s| s.filter.is_selected(facet, id));
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="facet-value"
                                    aria-pressed=move || pressed().to_string()
                                    data-value=label.clone()
                                    on:click=move |_| ex.state.update(|s| s.filter.toggle(facet, id))
                                >
                                    <span class="facet-label">{label.clone()}</span>
                                    <span class="count">{count}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <Show when=move || { total() > SHOWN }>
                <button type="button" class="more" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {}", total()) }}
                </button>
            </Show>
        </fieldset>
    }
}
