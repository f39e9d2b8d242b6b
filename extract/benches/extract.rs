//! Extraction throughput (MB/s) on synthetic corpora built from the seed articles with their
//! numbers, names and dates varied: a 20 MB corpus of ~6,000 articles, and one 50 MB article
//! (linear time: the MB/s should match); and real news text, the PolNeAR train articles
//! (`../shared/peer/polnear/train/text`, research data outside the project: skipped when absent),
//! for which it also prints the MB/s of one thread and the contradictions `build` finds.
//! Run: `cargo bench -p claimscope-extract --features bench --bench extract`.

use std::path::Path;
use std::time::Instant;

use claimscope_extract::Lexicon;
use claimscope_extract::{analyze, build, load, Input, Options};
use claimscope_model::synth::Lcg;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const NAMES: &[&str] = &[
    "Budanov",
    "Zelensky",
    "Kovalenko",
    "Peskov",
    "Syrskyi",
    "Kirby",
];

fn seeds() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed"))
        .collect()
}

/// The PolNeAR train articles, read as the CLI reads them, if the research data is beside the
/// project.
fn polnear_train() -> Option<Vec<Input>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/peer/polnear/train/text");
    if !dir.is_dir() {
        return None;
    }
    load(&[dir]).ok().map(|l| l.inputs)
}

/// Prints the single-thread throughput on the PolNeAR train texts (best of three passes) and
/// the contradictions the whole pipeline finds in them.
fn report_polnear(real: &[Input], lex: &Lexicon) {
    let bytes: usize = real.iter().map(|i| i.text.len()).sum();
    let best = (0..3)
        .map(|_| {
            let t = Instant::now();
            let n: usize = real
                .iter()
                .map(|i| analyze(&i.text, lex).relations.len())
                .sum();
            std::hint::black_box(n);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    let corpus = build(real, lex, Options::default());
    println!(
        "polnear_train: {} articles, {:.2} MB, {:.1} MB/s per core (one thread, best of 3), {} claims, {} contradictions",
        real.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / best,
        corpus.claims.len(),
        corpus.contradictions.len()
    );
}

/// Varies digits and claimant names so that the corpus is not five texts repeated.
fn vary(text: &str, rng: &mut Lcg) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for word in text.split_inclusive(' ') {
        if word.starts_with(|c: char| c.is_ascii_digit()) && rng.next_u64().is_multiple_of(2) {
            out.push_str(&format!("{} ", 1 + rng.next_u64() % 20_000));
        } else if word.starts_with("Budanov") && rng.next_u64().is_multiple_of(3) {
            out.push_str(NAMES[(rng.next_u64() as usize) % NAMES.len()]);
            out.push(' ');
        } else {
            out.push_str(word);
        }
    }
    out
}

pub fn synthetic_corpus(bytes: usize) -> Vec<String> {
    let seeds = seeds();
    let mut rng = Lcg(42);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let s = &seeds[(rng.next_u64() as usize) % seeds.len()];
        let t = vary(s, &mut rng);
        total += t.len();
        out.push(t);
    }
    out
}

fn bench(c: &mut Criterion) {
    let lex = Lexicon::builtin();
    let corpus = synthetic_corpus(20 << 20);
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mut g = c.benchmark_group("extract");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(
        format!(
            "corpus_{}_articles_{}MB_one_core",
            corpus.len(),
            bytes >> 20
        ),
        |b| {
            b.iter(|| {
                corpus
                    .iter()
                    .map(|t| analyze(t, &lex).claims.len())
                    .sum::<usize>()
            })
        },
    );
    if let Some(real) = polnear_train() {
        report_polnear(&real, &lex);
        let bytes: usize = real.iter().map(|i| i.text.len()).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(
            format!("polnear_train_{}_articles_one_core", real.len()),
            |b| {
                b.iter(|| {
                    real.iter()
                        .map(|i| analyze(&i.text, &lex).relations.len())
                        .sum::<usize>()
                })
            },
        );
    } else {
        println!("polnear_train: skipped (no ../shared/peer/polnear/train/text)");
    }
    let big = corpus.join("\n\n");
    let big: String = big.repeat((50 << 20) / big.len() + 1);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function(format!("one_article_{}MB", big.len() >> 20), |b| {
        b.iter(|| analyze(&big, &lex).claims.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
