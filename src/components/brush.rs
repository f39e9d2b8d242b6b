use claimscope_model::timeline::{brush_days, px, Scale};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::explorer::Explorer;

/// A drag area over a chart's plot: dragging across the time axis sets the date filter.
/// Keyboard users set the same filter with the From and To fields.
#[component]
pub fn Brush(
    /// The time scale of the chart (days → viewBox x).
    x: Signal<Scale>,
    /// Vertical extent of the plot in viewBox units.
    top: f64,
    height: f64,
) -> impl IntoView {
    let ex = expect_context::<Explorer>();
    // Drag start and current position, in viewBox units.
    let drag = RwSignal::new(None::<(f64, f64)>);
    let to_view = move |ev: &leptos::ev::PointerEvent| -> Option<f64> {
        let el = ev
            .current_target()?
            .dyn_into::<leptos::web_sys::Element>()
            .ok()?;
        let r = el.get_bounding_client_rect();
        let s = x.get_untracked();
        (r.width() > 0.0)
            .then(|| s.r0 + (ev.client_x() as f64 - r.left()) / r.width() * (s.r1 - s.r0))
    };
    let band = move || {
        drag.get().map(|(a, b)| {
            let (l, r) = (a.min(b), a.max(b));
            view! { <rect class="brush-band" x=px(l) y=px(top) width=px(r - l) height=px(height) /> }
        })
    };
    view! {
        {band}
        <rect
            class="brush-area"
            x=move || px(x.get().r0)
            y=px(top)
            width=move || px(x.get().r1 - x.get().r0)
            height=px(height)
            on:pointerdown=move |ev| {
                if let Some(p) = to_view(&ev) {
                    if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok()) {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                    drag.set(Some((p, p)));
                }
            }
            on:pointermove=move |ev| {
                if drag.with_untracked(Option::is_some) {
                    if let Some(p) = to_view(&ev) {
                        drag.update(|d| if let Some((_, b)) = d { *b = p });
                    }
                }
            }
            on:pointerup=move |ev| {
                let Some((a, _)) = drag.get_untracked() else { return };
                drag.set(None);
                let Some(b) = to_view(&ev) else { return };
                if (b - a).abs() < 3.0 {
                    return;
                }
                let (from, to) = brush_days(&x.get_untracked(), a, b);
                ex.state.update(|s| s.set_range(from, to));
            }
            on:pointercancel=move |_| drag.set(None)
        >
            <title>"Drag across the time axis to filter by date"</title>
        </rect>
    }
}
