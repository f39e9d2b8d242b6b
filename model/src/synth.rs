//! Synthetic corpora for benchmarks of the query path (native and in the browser): 100,000
//! claims from 10,000 articles, 500 claimants with a skewed (Zipf-like) distribution, 200
//! outlets, 7 metrics, 6 parties, 6 qualifiers, dates over nine months.

use crate::day::{days_from_civil, format_day};
use crate::model::{Claim, Corpus, Document, Kind, Metric, Position, Qualifier, Question};

/// A small deterministic generator (no dependency needed for this).
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// Skewed pick in `0..n`: small indices are much more likely.
    fn skewed(&mut self, n: u64) -> u64 {
        let u = (self.next_u64() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0).floor() as u64 % n
    }
}

const PARTIES: [&str; 6] = [
    "North Korea",
    "Russia",
    "Ukraine",
    "South Korea",
    "United States",
    "Belarus",
];

/// A corpus of `claims` claims spread over `claims / 10` articles.
pub fn corpus(claims: usize, seed: u64) -> Corpus {
    let mut rng = Lcg(seed);
    let docs = (claims / 10).max(1);
    let start = days_from_civil(2024, 8, 1);
    let documents: Vec<Document> = (0..docs)
        .map(|i| Document {
            id: format!("doc{i:05}"),
            title: format!("Article {i} about troops in Kursk"),
            outlet: Some(format!("Outlet {}", rng.below(200))),
            url: None,
            published: Some(format_day(start + rng.below(270) as i32)),
            published_inferred: false,
            clutter: vec![],
            text: None,
        })
        .collect();
    let claims: Vec<Claim> = (0..claims)
        .map(|i| {
            let d = &documents[i % docs];
            let stance = rng.below(8) == 0;
            let who = rng.skewed(500);
            let value = 10 * (1 + rng.below(2000));
            Claim {
                id: format!("{}#{}", d.id, i / docs + 1),
                doc: d.id.clone(),
                kind: if stance { Kind::Stance } else { Kind::Figure },
                metric: (!stance)
                    .then(|| Metric::ALL[rng.below(Metric::ALL.len() as u64) as usize]),
                party: Some(PARTIES[rng.skewed(6) as usize].to_string()),
                subject: None,
                value: (!stance).then_some(value),
                value_high: None,
                qualifier: (!stance).then(|| Qualifier::ALL[rng.below(6) as usize]),
                question: stance.then(|| "troops-status".to_string()),
                stance: stance.then(|| {
                    let k = rng.below(2) as usize;
                    ["withdrawn", "engaged"][k].to_string()
                }),
                source: Some(format!("Claimant {who}")),
                source_org: Some(format!("Organisation {}", who % 120)),
                via: vec![],
                stated_on: Some(format_day(start + rng.below(270) as i32)),
                quote: format!(
                    "Claimant {who} said about {value} soldiers were counted on the front line."
                ),
                span: [0, 10],
                mention: [0, 5],
                subset: false,
                repeats: vec![],
                cluster: format!("k{i}"),
            }
        })
        .collect();
    Corpus {
        documents,
        claims,
        questions: vec![question()],
        ..Corpus::default()
    }
}

/// The benchmark's interactions on a synthetic corpus: pick a metric, then three claimants, then
/// a two-month range, then clear everything (each step changes one filter).
pub fn interaction_steps(index: &crate::query::Index) -> Vec<(&'static str, crate::query::Filter)> {
    use crate::query::{Facet, Filter};
    let mut out = Vec::new();
    let mut f = Filter::default();
    if let Some(m) = index.id_of(Facet::Metric, "killed") {
        f.toggle(Facet::Metric, m);
    }
    out.push(("metric", f.clone()));
    for c in ["Claimant 3", "Claimant 17", "Claimant 120"] {
        if let Some(id) = index.id_of(Facet::Claimant, c) {
            f.toggle(Facet::Claimant, id);
        }
    }
    out.push(("claimant in 3", f.clone()));
    f.from = crate::day::parse_day("2024-10-01");
    f.to = crate::day::parse_day("2024-11-30");
    out.push(("two-month range", f));
    out.push(("clear", Filter::default()));
    out
}

/// Median and 95th percentile of `times`.
pub fn median_p95(times: &mut [f64]) -> (f64, f64) {
    if times.is_empty() {
        return (f64::NAN, f64::NAN);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    (
        times[times.len() / 2],
        times[(times.len() * 95 / 100).min(times.len() - 1)],
    )
}

/// The Kursk question: "withdrawn" or "engaged" (North Korea).
pub fn question() -> Question {
    let pos = |key: &str, label: &str, says: &str| Position {
        key: key.into(),
        label: label.into(),
        says: says.into(),
    };
    Question {
        id: "troops-status".into(),
        label: "Withdrawn or still engaged?".into(),
        parties: vec!["North Korea".into()],
        positions: [
            pos("withdrawn", "withdrawn", "{party} troops were withdrawn"),
            pos(
                "engaged",
                "still engaged",
                "{party} troops are still engaged",
            ),
        ],
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes_and_skew() {
        let c = super::corpus(10_000, 7);
        assert_eq!(c.claims.len(), 10_000);
        assert_eq!(c.documents.len(), 1_000);
        let top = c
            .claims
            .iter()
            .filter(|x| x.source.as_deref() == Some("Claimant 0"))
            .count();
        let mid = c
            .claims
            .iter()
            .filter(|x| x.source.as_deref() == Some("Claimant 250"))
            .count();
        assert!(top > 10 * mid.max(1), "skewed: {top} vs {mid}");
    }
}
