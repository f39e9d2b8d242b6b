//! The explorer's query path on 100,000 synthetic claims, natively: set-up time, then the median
//! and p95 of one interaction (change one filter, then compute all facet counts, the weekly bins
//! and the newest 50). Run: `cargo bench -p claimscope-core --bench query`.
//! The same loop runs in headless Chromium (wasm) via `scripts/bench-wasm.sh`.

use std::time::Instant;

use claimscope_core::day::parse_day;
use claimscope_core::query::{Facet, Filter, Index};
use claimscope_core::synth;

fn main() {
    let corpus = synth::corpus(100_000, 42);
    let t = Instant::now();
    let index = Index::new(&corpus);
    let setup = t.elapsed().as_secs_f64() * 1000.0;
    let metric = index.id_of(Facet::Metric, "killed").expect("metric");
    let claimants: Vec<u32> = ["Claimant 3", "Claimant 17", "Claimant 120"]
        .iter()
        .map(|c| index.id_of(Facet::Claimant, c).expect("claimant"))
        .collect();
    let steps: Vec<Filter> = {
        let mut out = Vec::new();
        let mut f = Filter::default();
        f.toggle(Facet::Metric, metric);
        out.push(f.clone());
        for &c in &claimants {
            f.toggle(Facet::Claimant, c);
        }
        out.push(f.clone());
        f.from = parse_day("2024-10-01");
        f.to = parse_day("2024-11-30");
        out.push(f.clone());
        out.push(Filter::default());
        out
    };
    let mut times = Vec::new();
    let mut per_step = vec![Vec::new(); steps.len()];
    for round in 0..60 {
        for (k, f) in steps.iter().enumerate() {
            let t = Instant::now();
            let a = index.query(f, 50);
            std::hint::black_box(&a);
            if round > 0 {
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                times.push(ms);
                per_step[k].push(ms);
            }
        }
    }
    for (name, mut v) in ["metric", "claimant in 3", "two-month range", "clear"]
        .into_iter()
        .zip(per_step)
    {
        v.sort_by(|a, b| a.total_cmp(b));
        println!("  {name:>16}: median {:.3} ms", v[v.len() / 2]);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!("query path, native, 100,000 claims: setup {setup:.1} ms, interaction median {median:.3} ms, p95 {p95:.3} ms ({} interactions)", times.len());
}
