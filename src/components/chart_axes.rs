use claimscope_model::timeline::{day_ticks, px, Scale};
use leptos::prelude::*;

/// Gridlines and labels of a chart: value ticks on the left, date ticks along the bottom.
#[component]
pub fn ChartAxes(
    x: Signal<Scale>,
    y: Signal<Scale>,
    /// `(value, label)` of each value tick.
    y_ticks: Signal<Vec<(f64, String)>>,
    /// How many date ticks fit.
    #[prop(default = 7)]
    max_x_ticks: usize,
) -> impl IntoView {
    let x_ticks = move || {
        let s = x.get();
        day_ticks(s.d0.ceil() as i32, s.d1.floor() as i32, max_x_ticks)
    };
    view! {
        <g class="axis y-axis" aria-hidden="true">
            {move || {
                let (xs, ys) = (x.get(), y.get());
                y_ticks
                    .get()
                    .into_iter()
                    .map(|(v, label)| {
                        let py = px(ys.map(v));
                        view! {
                            <line class="grid" x1=px(xs.r0) x2=px(xs.r1) y1=py y2=py />
                            <text x=px(xs.r0) - 6 y=py + 4 text-anchor="end">{label}</text>
                        }
                    })
                    .collect_view()
            }}
        </g>
        <g class="axis x-axis" aria-hidden="true">
            {move || {
                let (xs, ys) = (x.get(), y.get());
                let base = px(ys.r0);
                x_ticks()
                    .into_iter()
                    .map(|(d, label)| {
                        let at = px(xs.map(d as f64));
                        view! {
                            <line class="tick" x1=at x2=at y1=base y2=base + 5 />
                            <text x=at y=base + 18 text-anchor="middle">{label}</text>
                        }
                    })
                    .collect_view()
            }}
            <line class="baseline" x1=move || px(x.get().r0) x2=move || px(x.get().r1) y1=move || px(y.get().r0) y2=move || px(y.get().r0) />
        </g>
    }
}
