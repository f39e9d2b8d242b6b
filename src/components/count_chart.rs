use claimscope_model::timeline::{day_domain, long_day, px, stacks, value_axis, Scale};
use leptos::prelude::*;

use super::figure_chart::day_scale;
use super::{Brush, ChartAxes};
use crate::explorer::Explorer;

const HEIGHT: f64 = 260.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 30.0;
const VIEW_BOX: &str = "0 0 760 260";

/// Claims per day or week, stacked by metric or by stance. The bins ignore the date filter, so
/// the chosen range is shown as a band over the whole story.
#[component]
pub fn CountChart() -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let stack = Memo::new(move |_| ex.state.with(|s| s.stack));
    let width = Memo::new(move |_| if ex.state.with(|s| s.daily) { 1 } else { 7 });
    let bars = Memo::new(move |_| {
        let by = stack.get();
        ex.answer
            .with(|a| stacks(if width.get() == 1 { &a.days } else { &a.weeks }, by))
    });
    let domain = Memo::new(move |_| {
        bars.with(|b| {
            let w = width.get();
            let days = b.iter().flat_map(|(d, _, _)| [*d, *d + w - 1]);
            day_domain(days, ex.index.day_range())
        })
    });
    let axis = Memo::new(move |_| {
        let max = bars.with(|b| b.iter().map(|(_, _, t)| *t).max().unwrap_or(1));
        value_axis(max as u64, false)
    });
    let x = Signal::derive(move || day_scale(domain.get()));
    let y = Signal::derive(move || Scale {
        d0: 0.0,
        d1: axis.get().0,
        r0: HEIGHT - BOTTOM,
        r1: TOP,
        log: false,
    });
    let y_ticks = Signal::derive(move || {
        axis.get()
            .1
            .into_iter()
            .map(|v| (v as f64, v.to_string()))
            .collect::<Vec<_>>()
    });
    let selection = move || {
        let (from, to) = ex.state.with(|s| (s.filter.from, s.filter.to));
        (from.is_some() || to.is_some()).then(|| {
            let xs = x.get();
            let l = from.map_or(xs.r0, |d| xs.map(d as f64).max(xs.r0));
            let r = to.map_or(xs.r1, |d| xs.map(d as f64 + 1.0).min(xs.r1));
            view! { <rect class="selection" x=px(l) y=px(TOP) width=px((r - l).max(1.0)) height=px(HEIGHT - TOP - BOTTOM) /> }
        })
    };
    view! {
        <svg class="chart counts" viewBox=VIEW_BOX role="group" aria-label=move || if width.get() == 1 { "Claims per day" } else { "Claims per week" }>
            <ChartAxes x=x y=y y_ticks=y_ticks />
            {selection}
            <Brush x=x top=TOP height=HEIGHT - TOP - BOTTOM />
            <g class="bars">
                {move || {
                    let (xs, ys, span) = (x.get(), y.get(), width.get());
                    let unit = if span == 1 { "" } else { "week of " };
                    bars.get()
                        .into_iter()
                        .flat_map(|(d, segs, _)| {
                            let l = xs.map(d as f64) + 1.0;
                            let w = (xs.map((d + span) as f64) - xs.map(d as f64) - 2.0).max(1.0);
                            segs.into_iter().map(move |s| {
                                let (top, bottom) = (ys.map(s.y1 as f64), ys.map(s.y0 as f64));
                                let label = format!(
                                    "{unit}{}: {} {}",
                                    long_day(d),
                                    s.y1 - s.y0,
                                    ex.index.series_label(s.series)
                                );
                                view! {
                                    <rect class=format!("bar s{}", s.series) x=px(l) y=px(top) width=px(w).max(1) height=px(bottom - top).max(1)>
                                        <title>{label}</title>
                                    </rect>
                                }
                            })
                        })
                        .collect_view()
                }}
            </g>
        </svg>
    }
}
