use claimscope_model::format::thousands;
use claimscope_model::timeline::{
    self as timeline, dodge, px, short_number, value_axis, Mark, Point, Scale,
};
use claimscope_model::Metric;
use leptos::prelude::*;

use super::{Brush, ChartAxes};
use crate::explorer::Explorer;

/// Geometry of one panel, in viewBox units.
const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 26.0;
const BOTTOM: f64 = 30.0;
const VIEW_BOX: &str = "0 0 760 180";
/// Points drawn per panel at most (the newest); more would make the page sluggish and
/// unreadable, and the title says so.
const MAX_POINTS: usize = 1500;

/// The time scale shared by the panels.
pub fn day_scale(domain: (i32, i32)) -> Scale {
    Scale {
        d0: domain.0 as f64,
        d1: domain.1 as f64,
        r0: LEFT,
        r1: WIDTH - RIGHT,
        log: false,
    }
}

/// Figures over time: one panel per metric (its own value axis), points coloured by claimant,
/// shaped by qualifier, ranges drawn as bars.
#[component]
pub fn FigureChart(
    points: Memo<Vec<Point>>,
    colours: Memo<Vec<(String, usize)>>,
    domain: Memo<(i32, i32)>,
    hovered: RwSignal<Option<u32>>,
) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    let log = Memo::new(move |_| ex.state.with(|s| s.log));
    let metrics = move || {
        points.with(|pts| {
            Metric::ALL
                .into_iter()
                .filter(|m| pts.iter().any(|p| p.metric == *m))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="panels">
            <For
                each=metrics
                key=|m| *m
                children=move |metric| {
                    let mine = Memo::new(move |_| {
                        points.with(|p| p.iter().filter(|p| p.metric == metric).cloned().collect::<Vec<_>>())
                    });
                    let axis = Memo::new(move |_| {
                        let max = mine.with(|p| p.iter().map(|p| p.high).max().unwrap_or(1));
                        value_axis(max, log.get())
                    });
                    let x = Signal::derive(move || day_scale(domain.get()));
                    let y = Signal::derive(move || {
                        let (top, _) = axis.get();
                        let lg = log.get();
                        Scale { d0: if lg { 1.0 } else { 0.0 }, d1: top, r0: HEIGHT - BOTTOM, r1: TOP, log: lg }
                    });
                    let y_ticks = Signal::derive(move || {
                        axis.get().1.into_iter().map(|v| (v as f64, short_number(v))).collect::<Vec<_>>()
                    });
                    let title = move || {
                        let n = mine.with(Vec::len);
                        let drawn = if n > MAX_POINTS {
                            format!(" (the newest {MAX_POINTS} drawn: narrow the filters)")
                        } else {
                            String::new()
                        };
                        format!("{} · {} figure{}{drawn}", metric.as_str(), thousands(n as u64), if n == 1 { "" } else { "s" })
                    };
                    view! {
                        <svg
                            class="chart panel"
                            viewBox=VIEW_BOX
                            role="group"
                            aria-label=title
                            data-metric=metric.as_str()
                        >
                            <text class="panel-title" x=px(LEFT) y=16>{title}</text>
                            <ChartAxes x=x y=y y_ticks=y_ticks />
                            <Brush x=x top=TOP height=HEIGHT - TOP - BOTTOM />
                            <g class="marks">
                                {move || {
                                    let (xs, ys) = (x.get(), y.get());
                                    let cols = colours.get();
                                    let all = mine.get();
                                    let pts = &all[all.len().saturating_sub(MAX_POINTS)..];
                                    let days: Vec<i32> = pts.iter().map(|p| p.day).collect();
                                    pts.iter()
                                        .zip(dodge(&days, 14))
                                        .map(|(p, dx)| point_view(ex, p, dx, &xs, &ys, &cols, hovered))
                                        .collect_view()
                                }}
                            </g>
                        </svg>
                    }
                }
            />
        </div>
    }
}

fn point_view(
    ex: Explorer,
    p: &Point,
    dx: i32,
    x: &Scale,
    y: &Scale,
    colours: &[(String, usize)],
    hovered: RwSignal<Option<u32>>,
) -> impl IntoView {
    let colour = colours
        .iter()
        .find(|(c, _)| *c == p.claimant)
        .map_or(claimscope_model::timeline::OTHER, |(_, i)| *i);
    let (cx, y_low, y_high) = (
        px(x.map(p.day as f64)) + dx,
        px(y.map(p.low as f64)),
        px(y.map(p.high as f64)),
    );
    let mark = Mark::of(p.qualifier);
    // Up-to marks sit at the top of a range, the others at its bottom.
    let cy = if mark == Mark::Ceiling { y_high } else { y_low };
    let shape = match mark {
        Mark::Exact | Mark::About => view! { <circle cx=cx cy=cy r=6 /> }.into_any(),
        Mark::Floor => view! {
            <path d=format!("M{cx},{} L{},{} L{},{} Z", cy - 7, cx + 7, cy + 5, cx - 7, cy + 5) />
        }
        .into_any(),
        Mark::Ceiling => view! {
            <path d=format!("M{cx},{} L{},{} L{},{} Z", cy + 7, cx + 7, cy - 5, cx - 7, cy - 5) />
        }
        .into_any(),
    };
    let range = p.is_range().then(|| {
        view! { <rect class="range" x=cx - 3 y=y_high width=6 height=(y_low - y_high).max(1) /> }
    });
    let label = timeline::point_label(ex.corpus, p);
    let title = label.clone();
    let i = p.claim;
    let id = ex.claim(i).id.clone();
    let selected = move || ex.state.with(|s| s.claim.as_deref() == Some(id.as_str()));
    let value = thousands(p.low);
    let class = format!(
        "pt c{colour} {}",
        match mark {
            Mark::Exact => "exact",
            Mark::About => "about",
            Mark::Floor => "floor",
            Mark::Ceiling => "ceiling",
        }
    );
    view! {
        <g
            class=class
            class:selected=selected
            tabindex="0"
            role="button"
            aria-label=label
            data-claim=ex.claim(i).id.clone()
            data-value=value
            on:click=move |_| ex.select(i)
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    ex.select(i);
                }
            }
            on:mouseenter=move |_| hovered.set(Some(i))
            on:focus=move |_| hovered.set(Some(i))
        >
            <title>{title}</title>
            {range}
            {shape}
        </g>
    }
}
