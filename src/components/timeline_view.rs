use claimscope_model::format::describe_value;
use claimscope_model::timeline::{self, claimant_colours, day_domain, long_day, Mark, Stack};
use claimscope_model::url::Chart;
use leptos::prelude::*;

use super::{ChoiceGroup, ClaimList, CountChart, FigureChart};
use crate::explorer::Explorer;

/// The count-over-time view: figures over time or claims per week, a legend, an accessible
/// summary with a table alternative, and the claim list (a click on the chart selects there).
#[component]
pub fn TimelineView() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let points = Memo::new(move |_| {
        ex.answer
            .with(|a| timeline::points(ex.corpus, ex.index, &a.matched))
    });
    let colours = Memo::new(move |_| points.with(|p| claimant_colours(p)));
    let domain = Memo::new(move |_| {
        let (from, to) = ex.state.with(|s| (s.filter.from, s.filter.to));
        match (from, to) {
            (Some(a), Some(b)) if b >= a => (a - 1, b + 1),
            _ => points.with(|p| day_domain(p.iter().map(|p| p.day), ex.index.day_range())),
        }
    });
    let hovered = RwSignal::new(None::<u32>);
    let chart = Memo::new(move |_| ex.state.with(|s| s.chart));
    let chart = move || chart.get();
    let stack = Memo::new(move |_| ex.state.with(|s| s.stack));
    let stance_option = ex.corpus.stance_stack_label();
    let daily = Memo::new(move |_| ex.state.with(|s| s.daily));
    let summary = move || {
        if chart() == Chart::Counts {
            let by = stack.get();
            return ex.answer.with(|a| {
                timeline::bins_summary(
                    &timeline::stacks(if daily.get() { &a.days } else { &a.weeks }, by),
                    daily.get(),
                )
            });
        }
        points.with(|p| timeline::figures_summary(ex.corpus, p, colours.with(Vec::len)))
    };
    let detail = move || {
        hovered
            .get()
            .and_then(|i| points.with(|p| p.iter().find(|p| p.claim == i).map(|p| timeline::point_label(ex.corpus, p))))
            .unwrap_or_else(|| {
                if chart() == Chart::Counts {
                    "Hover over a bar to see its count; drag across the chart to filter by date.".into()
                } else {
                    "Hover over or focus a point to see its claim; click it to select it in the list below. Drag across a panel to filter by date.".into()
                }
            })
    };
    view! {
        <section class="timeline-view" aria-label="Timeline">
            <div class="chart-controls">
                <ChoiceGroup
                    legend="Chart"
                    name="chart"
                    choices=&[("figures", "Figures over time"), ("counts", "Claims per day or week")]
                    value=Signal::derive(move || chart().key())
                    on_change=Callback::new(move |v| ex.state.update(|s| {
                        s.chart = if v == "counts" { Chart::Counts } else { Chart::Figures }
                    }))
                />
                <Show when=move || chart() == Chart::Figures>
                    <label class="check">
                        <input type="checkbox" name="log"
                            prop:checked=move || ex.state.with(|s| s.log)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ex.state.update(|s| s.log = on);
                            } />
                        " Log scale"
                    </label>
                </Show>
                <Show when=move || chart() == Chart::Counts>
                    <ChoiceGroup
                        legend="Per"
                        name="bin"
                        choices=&[("week", "Week"), ("day", "Day")]
                        value=Signal::derive(move || if daily.get() { "day" } else { "week" })
                        on_change=Callback::new(move |v| ex.state.update(|s| s.daily = v == "day"))
                    />
                    <label class="stack">
                        <span>"Stack by"</span>
                        <select name="stack"
                            prop:value=move || if ex.state.with(|s| s.stack) == Stack::Stance { "stance" } else { "metric" }
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                ex.state.update(|s| s.stack = if v == "stance" { Stack::Stance } else { Stack::Metric });
                            }>
                            <option value="metric">"Metric (figures)"</option>
                            <option value="stance">{stance_option.clone()}</option>
                        </select>
                    </label>
                </Show>
            </div>
            <p class="chart-summary">{summary}</p>
            <p class="hover-detail" aria-live="polite">{detail}</p>
            {move || match chart() {
                Chart::Figures => view! { <FigureChart points=points colours=colours domain=domain hovered=hovered /> }.into_any(),
                Chart::Counts => view! { <CountChart /> }.into_any(),
            }}
            <div class="legend" aria-label="Legend">
                {move || match chart() {
                    Chart::Figures => view! {
                        <ul class="claimants">
                            {colours.get().into_iter().take(timeline::PALETTE).map(|(name, c)| view! {
                                <li><span class=format!("swatch c{c}") aria-hidden="true"></span>{name}</li>
                            }).collect_view()}
                            {(colours.with(Vec::len) > timeline::PALETTE).then(|| view! {
                                <li><span class=format!("swatch c{}", timeline::OTHER) aria-hidden="true"></span>"others"</li>
                            })}
                        </ul>
                        <ul class="marks-legend">
                            {Mark::ALL.into_iter().map(|m| view! {
                                <li><span class=format!("shape {}", match m { Mark::Exact => "exact", Mark::About => "about", Mark::Floor => "floor", Mark::Ceiling => "ceiling" }) aria-hidden="true"></span>{m.label()}</li>
                            }).collect_view()}
                            <li><span class="shape range" aria-hidden="true"></span>"range"</li>
                        </ul>
                    }.into_any(),
                    Chart::Counts => {
                        let by = stack.get();
                        view! {
                            <ul class="series-legend">
                                {by.series(ex.index.series_count()).map(|s| view! {
                                    <li><span class=format!("swatch s{s}") aria-hidden="true"></span>{ex.index.series_label(s).to_string()}</li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }}
            </div>
            <details class="chart-table">
                <summary>"The chart as a table"</summary>
                {move || match chart() {
                    Chart::Counts => {
                        let series: Vec<usize> = stack.get().series(ex.index.series_count()).collect();
                        let head = series.clone();
                        view! {
                            <table>
                                <thead>
                                    <tr>
                                        <th scope="col">{move || if daily.get() { "Day" } else { "Week of" }}</th>
                                        {head.into_iter().map(|s| view! { <th scope="col">{ex.index.series_label(s).to_string()}</th> }).collect_view()}
                                    </tr>
                                </thead>
                                <tbody>
                                    {ex.answer.with(|a| if daily.get() { a.days.clone() } else { a.weeks.clone() }).into_iter().filter(|(_, row)| row.iter().any(|&n| n > 0)).map(|(d, row)| {
                                        let cells = series.clone();
                                        view! {
                                            <tr>
                                                <td>{long_day(d)}</td>
                                                {cells.into_iter().map(|s| view! { <td>{row[s]}</td> }).collect_view()}
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }
                    Chart::Figures => view! {
                <table>
                    <thead>
                        <tr><th scope="col">"Date"</th><th scope="col">"Metric"</th><th scope="col">"Value"</th><th scope="col">"Claimant"</th></tr>
                    </thead>
                    <tbody>
                        {move || points.get().into_iter().map(|p| {
                            let c = ex.claim(p.claim);
                            view! {
                                <tr>
                                    <td>{long_day(p.day)}</td>
                                    <td>{p.metric.as_str()}</td>
                                    <td>{describe_value(c.value, c.value_high, c.qualifier)}</td>
                                    <td>{p.claimant.clone()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                    }.into_any(),
                }}
            </details>
            <h2 class="list-title">"Claims"</h2>
            <ClaimList />
        </section>
    }
}
