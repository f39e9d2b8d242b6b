//! The query path benchmark in the browser (wasm in headless Chromium): the same synthetic
//! 100,000 claims and the same interactions as `model/benches/query.rs`, timed with
//! `performance.now()`. Ignored by the test suite; run it with `scripts/bench-wasm.sh`.
#![cfg(target_arch = "wasm32")]

use claimscope_model::query::{Index, Sort};
use claimscope_model::synth;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
#[ignore = "a benchmark: run scripts/bench-wasm.sh"]
fn query_path_on_100k_claims() {
    let corpus = synth::corpus(100_000, 42);
    let t = now();
    let index = Index::new(&corpus);
    let setup = now() - t;
    let steps = synth::interaction_steps(&index);
    let mut times = Vec::new();
    let mut per_step = vec![Vec::new(); steps.len()];
    for round in 0..40 {
        for (k, (_, f)) in steps.iter().enumerate() {
            let t = now();
            let a = index.query(f, Sort::Date, 50);
            let ms = now() - t;
            assert!(a.total <= index.len());
            if round > 0 {
                times.push(ms);
                per_step[k].push(ms);
            }
        }
    }
    for ((name, _), mut v) in steps.iter().zip(per_step) {
        console_log!("  {name:>16}: median {:.2} ms", synth::median_p95(&mut v).0);
    }
    let (median, p95) = synth::median_p95(&mut times);
    console_log!(
        "query path, wasm in headless Chromium, 100,000 claims: setup {setup:.1} ms, interaction median {median:.2} ms, p95 {p95:.2} ms ({} interactions)",
        times.len()
    );
}
