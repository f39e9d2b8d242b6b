//! Source comparison: a matrix of questions (what a claim answers: a metric and party, or the
//! withdrawn/engaged stance) against sources (claimants, or outlets), and a side-by-side of two
//! sources (agree, conflict, only one of them).
//!
//! Conflicts come from the extractor's contradictions (`claimscope-extract` computes them), so
//! the matrix flags exactly what the data says, with its reason.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::conflict::{conflict, PERIOD_DAYS};
use crate::day::parse_day;
use crate::format::describe_value;
use crate::model::{Claim, Corpus, Kind, Metric};
use crate::sort::{sorted_positions, text_ranks};

/// What the columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum By {
    /// Who makes the claim (the outlet when it states the claim itself).
    #[default]
    Claimant,
    /// The outlet that printed it.
    Outlet,
}

impl By {
    pub fn key(self) -> &'static str {
        match self {
            By::Claimant => "claimant",
            By::Outlet => "outlet",
        }
    }

    pub fn from_key(k: &str) -> Option<By> {
        [By::Claimant, By::Outlet]
            .into_iter()
            .find(|b| b.key() == k)
    }
}

/// What a claim answers: a metric, party and place (figures: the scope of their subject, as
/// contradictions compare them), or one of the corpus's questions (stances) about a party. The
/// matrix's rows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Topic {
    pub kind: Kind,
    pub metric: Option<Metric>,
    /// Stances: the [`crate::model::Question::id`].
    pub question: Option<String>,
    pub party: Option<String>,
    /// Figures: the place their subject names ("Kursk").
    pub place: Option<String>,
    /// "Killed · North Korea · Kursk", "Withdrawn or still engaged? · North Korea".
    label: String,
}

impl Topic {
    fn of(c: &Claim, corpus: &Corpus) -> Topic {
        let (metric, question) = match c.kind {
            Kind::Figure => (c.metric, None),
            Kind::Stance => (None, c.question.clone()),
        };
        let what = match (c.kind, metric) {
            (Kind::Stance, _) => question
                .as_deref()
                .map(|id| corpus.question(id).map_or(id, |q| q.label.as_str()))
                .unwrap_or("Stance")
                .to_string(),
            (_, Some(m)) => {
                let s = m.as_str();
                let mut c = s.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
            (_, None) => "Other".to_string(),
        };
        let place = c
            .subject
            .as_deref()
            .and_then(crate::conflict::place)
            .map(str::to_string);
        let label = [Some(what), c.party.clone(), place.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        Topic {
            kind: c.kind,
            metric,
            question,
            party: c.party.clone(),
            place,
            label,
        }
    }

    pub fn label(&self) -> &str {
        &self.label
    }
}

/// One claim of a cell, with every report of it (the cluster's matching claims).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub cluster: String,
    /// "about 8,000", "withdrawn".
    pub text: String,
    /// Dates stated, oldest first, without repeats (`undated` when unknown).
    pub dates: Vec<String>,
    /// Claim positions in the corpus.
    pub claims: Vec<u32>,
    /// Reasons of the contradictions this entry is part of (with claims in the matrix).
    pub conflicts: Vec<String>,
}

/// Questions × sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    /// The rows (named `questions` in the UI: what each claim answers).
    pub questions: Vec<Topic>,
    /// Column names, most claims first.
    pub sources: Vec<String>,
    /// `cells[q][s]`: what source `s` says on question `q`.
    pub cells: Vec<Vec<Vec<Entry>>>,
}

impl Matrix {
    /// Number of flagged (contradicted) cells.
    pub fn conflicted_cells(&self) -> usize {
        self.cells
            .iter()
            .flatten()
            .filter(|c| c.iter().any(|e| !e.conflicts.is_empty()))
            .count()
    }

    pub fn source_index(&self, name: &str) -> Option<usize> {
        self.sources.iter().position(|s| s == name)
    }
}

/// The column a claim belongs to.
pub fn source_of(c: &Claim, corpus: &Corpus, by: By) -> String {
    let doc = corpus.document(&c.doc);
    let outlet = doc.and_then(|d| d.outlet.clone());
    match by {
        By::Claimant => c
            .source
            .clone()
            .or(outlet)
            .unwrap_or_else(|| doc.map_or(c.doc.clone(), |d| d.title.clone())),
        By::Outlet => outlet.unwrap_or_else(|| doc.map_or(c.doc.clone(), |d| d.title.clone())),
    }
}

fn entry_text(c: &Claim, corpus: &Corpus) -> String {
    match c.kind {
        Kind::Figure => {
            let v = describe_value(c.value, c.value_high, c.qualifier);
            if c.subset {
                format!("{v} (part of a larger figure)")
            } else {
                v
            }
        }
        Kind::Stance => corpus.stance_label(c),
    }
}

/// Builds the matrix of the claims at `positions` (e.g. the filtered claims).
pub fn matrix(corpus: &Corpus, positions: &[u32], by: By) -> Matrix {
    let claims: Vec<(u32, &Claim)> = positions
        .iter()
        .filter_map(|&i| corpus.claims.get(i as usize).map(|c| (i, c)))
        .collect();
    let present: HashSet<&str> = claims.iter().map(|(_, c)| c.cluster.as_str()).collect();
    let mut reasons: HashMap<&str, Vec<String>> = HashMap::default();
    for k in &corpus.contradictions {
        if present.contains(k.a.as_str()) && present.contains(k.b.as_str()) {
            reasons.entry(&k.a).or_default().push(k.reason.clone());
            reasons.entry(&k.b).or_default().push(k.reason.clone());
        }
    }
    let mut per_source: HashMap<String, usize> = HashMap::default();
    let mut questions: Vec<Topic> = Vec::new();
    let mut cell_claims: HashMap<(Topic, String), Vec<(u32, &Claim)>> = HashMap::default();
    for &(i, c) in &claims {
        let q = Topic::of(c, corpus);
        let s = source_of(c, corpus, by);
        *per_source.entry(s.clone()).or_default() += 1;
        if !questions.contains(&q) {
            questions.push(q.clone());
        }
        cell_claims.entry((q, s)).or_default().push((i, c));
    }
    // The stance questions first (in the corpus's order), then figures by metric and party.
    let parties: Vec<&str> = questions
        .iter()
        .map(|q| q.party.as_deref().unwrap_or(""))
        .collect();
    let party_rank = text_ranks(&parties);
    let declared = |q: &Topic| {
        q.question.as_deref().map_or(0, |id| {
            let at = corpus.questions.iter().position(|x| x.id == id);
            at.map_or(corpus.questions.len(), |k| k) as u64
        })
    };
    let order = sorted_positions(questions.len(), &|i| {
        let q = &questions[i as usize];
        let figure = u64::from(q.kind == Kind::Figure);
        let metric = q.metric.map_or(0, |m| m as u64 + 1);
        (
            (figure << 40) | (declared(q) << 8) | metric,
            party_rank[i as usize],
        )
    });
    let questions: Vec<Topic> = order
        .into_iter()
        .map(|i| questions[i as usize].clone())
        .collect();
    let names: Vec<String> = per_source.keys().cloned().collect();
    let name_rank = text_ranks(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let sources: Vec<String> = sorted_positions(names.len(), &|i| {
        let n = per_source[&names[i as usize]] as u64;
        (u64::MAX - n, name_rank[i as usize])
    })
    .into_iter()
    .map(|i| names[i as usize].clone())
    .collect();
    let cells = questions
        .iter()
        .map(|q| {
            sources
                .iter()
                .map(|s| {
                    let Some(list) = cell_claims.get(&(q.clone(), s.clone())) else {
                        return Vec::new();
                    };
                    let mut entries: Vec<Entry> = Vec::new();
                    for &(i, c) in list {
                        let date = c.stated_on.clone().unwrap_or_else(|| "undated".into());
                        match entries.iter_mut().find(|e| e.cluster == c.cluster) {
                            Some(e) => {
                                e.claims.push(i);
                                if !e.dates.contains(&date) {
                                    e.dates.push(date);
                                }
                            }
                            None => entries.push(Entry {
                                cluster: c.cluster.clone(),
                                text: entry_text(c, corpus),
                                dates: vec![date],
                                claims: vec![i],
                                conflicts: reasons
                                    .get(c.cluster.as_str())
                                    .cloned()
                                    .unwrap_or_default(),
                            }),
                        }
                    }
                    for e in &mut entries {
                        // ISO dates sort as text; "undated" after them.
                        let texts: Vec<&str> = e.dates.iter().map(String::as_str).collect();
                        let rank = text_ranks(&texts);
                        let order = sorted_positions(texts.len(), &|i| (rank[i as usize], 0));
                        let dates: Vec<String> = order
                            .into_iter()
                            .map(|i| e.dates[i as usize].clone())
                            .collect();
                        e.dates = dates;
                    }
                    entries
                })
                .collect()
        })
        .collect();
    Matrix {
        questions,
        sources,
        cells,
    }
}

/// How two sources relate on one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Both answer it and nothing they say is incompatible.
    Agree,
    /// The extractor found a contradiction between them.
    Conflict,
    /// Incompatible, but stated more than [`PERIOD_DAYS`] apart (the situation may have changed).
    Differ,
    OnlyA,
    OnlyB,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Differ => "differ over time",
            Verdict::OnlyA => "only A",
            Verdict::OnlyB => "only B",
        }
    }
}

/// One row of a side-by-side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRow {
    /// Index into [`Matrix::questions`].
    pub question: usize,
    pub verdict: Verdict,
    /// Why they conflict or differ.
    pub reasons: Vec<String>,
}

/// Compares columns `a` and `b` of `m` on every question either answers.
pub fn pair(corpus: &Corpus, m: &Matrix, a: usize, b: usize) -> Vec<PairRow> {
    let contradicted: HashMap<(&str, &str), &str> = corpus
        .contradictions
        .iter()
        .flat_map(|k| {
            [
                ((k.a.as_str(), k.b.as_str()), k.reason.as_str()),
                ((k.b.as_str(), k.a.as_str()), k.reason.as_str()),
            ]
        })
        .collect();
    let mut rows = Vec::new();
    for (q, row) in m.cells.iter().enumerate() {
        let (Some(ca), Some(cb)) = (row.get(a), row.get(b)) else {
            continue;
        };
        let verdict = match (ca.is_empty(), cb.is_empty()) {
            (true, true) => continue,
            (false, true) => Verdict::OnlyA,
            (true, false) => Verdict::OnlyB,
            (false, false) => Verdict::Agree,
        };
        let mut reasons = Vec::new();
        let mut verdict = verdict;
        if verdict == Verdict::Agree {
            for ea in ca {
                for eb in cb {
                    if let Some(r) = contradicted.get(&(ea.cluster.as_str(), eb.cluster.as_str())) {
                        verdict = Verdict::Conflict;
                        reasons.push(r.to_string());
                    }
                }
            }
            if verdict == Verdict::Agree {
                // Not contradicted: incompatible values stated far apart still differ.
                for ea in ca {
                    for eb in cb {
                        let (x, y) = (
                            &corpus.claims[ea.claims[0] as usize],
                            &corpus.claims[eb.claims[0] as usize],
                        );
                        if let Some(r) = conflict(x, y, corpus) {
                            let apart = x
                                .stated_on
                                .as_deref()
                                .and_then(parse_day)
                                .zip(y.stated_on.as_deref().and_then(parse_day))
                                .map(|(p, q)| (p - q).abs());
                            if let Some(days) = apart.filter(|&d| d > PERIOD_DAYS) {
                                verdict = Verdict::Differ;
                                reasons.push(format!("{r} ({days} days apart)"));
                            }
                        }
                    }
                }
            }
        }
        rows.push(PairRow {
            question: q,
            verdict,
            reasons,
        });
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample, Contradiction, Qualifier};

    fn claim(
        id: &str,
        doc: &str,
        source: &str,
        what: Result<(Metric, u64, Qualifier), &str>,
        day: &str,
        cluster: &str,
    ) -> Claim {
        let (kind, metric, value, qualifier, stance) = match what {
            Ok((m, v, q)) => (Kind::Figure, Some(m), Some(v), Some(q), None),
            Err(s) => (Kind::Stance, None, None, None, Some(s.to_string())),
        };
        Claim {
            id: id.into(),
            doc: doc.into(),
            kind,
            metric,
            party: Some("North Korea".into()),
            subject: None,
            value,
            value_high: None,
            qualifier,
            question: stance.as_ref().map(|_| sample::question().id),
            stance,
            source: Some(source.into()),
            source_org: None,
            via: vec![],
            stated_on: Some(day.into()),
            quote: "q".into(),
            span: [0, 1],
            mention: [0, 1],
            subset: false,
            repeats: vec![],
            cluster: cluster.into(),
        }
    }

    /// Budanov says the troops fight (twice, one cluster) and how many; NYT says they were
    /// withdrawn (the one contradiction, as the extractor would find it); NIS and Zelensky give
    /// death tolls two months apart.
    fn corpus() -> Corpus {
        let doc = sample::document;
        let fighting = Ok((Metric::Fighting, 8000, Qualifier::About));
        let mut c = Corpus {
            documents: vec![doc("a", "UNN"), doc("b", "Kyiv Independent")],
            questions: vec![sample::question()],
            claims: vec![
                claim("a#1", "a", "Budanov", Err("engaged"), "2025-02-04", "k1"),
                claim("a#2", "a", "Budanov", fighting, "2025-02-04", "k2"),
                claim("a#3", "a", "NYT", Err("withdrawn"), "2025-01-30", "k3"),
                claim("b#1", "b", "Budanov", Err("engaged"), "2025-02-07", "k1"),
                claim(
                    "b#2",
                    "b",
                    "NIS",
                    Ok((Metric::Killed, 300, Qualifier::Exact)),
                    "2025-01-13",
                    "k4",
                ),
                claim(
                    "b#3",
                    "b",
                    "Zelensky",
                    Ok((Metric::Killed, 3000, Qualifier::MoreThan)),
                    "2025-03-13",
                    "k5",
                ),
            ],
            ..Corpus::default()
        };
        let reason = conflict(&c.claims[0], &c.claims[2], &c).expect("opposite stances");
        c.contradictions = vec![Contradiction {
            a: "k1".into(),
            b: "k3".into(),
            reason,
        }];
        c
    }

    #[test]
    fn matrix_has_questions_by_sources_with_conflicts_flagged() {
        let c = corpus();
        let all: Vec<u32> = (0..c.claims.len() as u32).collect();
        let m = matrix(&c, &all, By::Claimant);
        assert_eq!(
            m.questions[0].label(),
            "Withdrawn or still engaged? · North Korea"
        );
        assert_eq!(m.sources[0], "Budanov");
        let bud = m.source_index("Budanov").unwrap();
        let nyt = m.source_index("NYT").unwrap();
        let stance_budanov = &m.cells[0][bud];
        // One entry (one cluster) reported twice, on two dates.
        assert_eq!(stance_budanov.len(), 1);
        assert_eq!(stance_budanov[0].dates, ["2025-02-04", "2025-02-07"]);
        assert_eq!(stance_budanov[0].claims.len(), 2);
        assert!(stance_budanov[0].conflicts[0].contains("NYT"));
        assert!(!m.cells[0][nyt][0].conflicts.is_empty());
        assert!(m.conflicted_cells() >= 2);
        // Filtering NYT out removes the flag: nothing left to contradict.
        let without_nyt: Vec<u32> = all.iter().copied().filter(|&i| i != 2).collect();
        let m = matrix(&c, &without_nyt, By::Claimant);
        assert_eq!(m.conflicted_cells(), 0);
        // By outlet: two columns.
        let m = matrix(&c, &all, By::Outlet);
        assert_eq!(m.sources.len(), 2);
    }

    #[test]
    fn pairs_agree_conflict_differ_or_stand_alone() {
        let c = corpus();
        let all: Vec<u32> = (0..c.claims.len() as u32).collect();
        let m = matrix(&c, &all, By::Claimant);
        let idx = |s: &str| m.source_index(s).unwrap();
        let rows = pair(&c, &m, idx("Budanov"), idx("NYT"));
        let stance = rows
            .iter()
            .find(|r| m.questions[r.question].kind == Kind::Stance)
            .unwrap();
        assert_eq!(stance.verdict, Verdict::Conflict);
        assert!(stance.reasons[0].contains("withdrawn"));
        let fighting = rows
            .iter()
            .find(|r| m.questions[r.question].metric == Some(Metric::Fighting))
            .unwrap();
        assert_eq!(fighting.verdict, Verdict::OnlyA);
        // 300 killed in January against more than 3,000 in March: two months apart.
        let rows = pair(&c, &m, idx("NIS"), idx("Zelensky"));
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].verdict, Verdict::Differ);
        assert!(rows[0].reasons[0].contains("days apart"));
        let rows = pair(&c, &m, idx("Budanov"), idx("Budanov"));
        assert!(rows.iter().all(|r| r.verdict == Verdict::Agree));
    }
}
