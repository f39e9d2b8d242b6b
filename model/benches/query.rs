//! The explorer's query path on 100,000 synthetic claims, natively: set-up time, then the median
//! and p95 of one interaction (change one filter, then compute all facet counts, the weekly bins
//! and the newest 50 groups). Run: `cargo bench -p claimscope-model --features synth --bench query`.
//! The same steps run in headless Chromium (wasm) via `scripts/bench-wasm.sh`.

use std::time::Instant;

use claimscope_model::query::{Index, Sort};
use claimscope_model::synth;

fn main() {
    let corpus = synth::corpus(100_000, 42);
    let t = Instant::now();
    let index = Index::new(&corpus);
    let setup = t.elapsed().as_secs_f64() * 1000.0;
    let steps = synth::interaction_steps(&index);
    let mut times = Vec::new();
    let mut per_step = vec![Vec::new(); steps.len()];
    for round in 0..60 {
        for (k, (_, f)) in steps.iter().enumerate() {
            let t = Instant::now();
            let a = index.query(f, Sort::Date, 50);
            std::hint::black_box(&a);
            if round > 0 {
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                times.push(ms);
                per_step[k].push(ms);
            }
        }
    }
    for ((name, _), mut v) in steps.iter().zip(per_step) {
        println!("  {name:>16}: median {:.3} ms", synth::median_p95(&mut v).0);
    }
    let (median, p95) = synth::median_p95(&mut times);
    println!("query path, native, 100,000 claims: setup {setup:.1} ms, interaction median {median:.3} ms, p95 {p95:.3} ms ({} interactions)", times.len());
}
