//! Clusters (the same claim reported by several articles) and contradictions (clusters that
//! cannot both be true).

use std::collections::HashMap;

use crate::conflict::{comparable, conflict, scope, PERIOD_DAYS};
use crate::day::parse_day;
use crate::model::{Claim, Contradiction, Corpus, Kind};

/// Who stands behind a claim: its claimant, else the outlet (or article) that states it.
fn owner(c: &Claim, corpus: &Corpus) -> String {
    match &c.source {
        Some(s) => s.clone(),
        None => match corpus.document(&c.doc).and_then(|d| d.outlet.clone()) {
            Some(o) => format!("outlet:{o}"),
            None => format!("doc:{}", c.doc),
        },
    }
}

/// Gives claims with the same owner, kind, metric, party and value (or stance) one cluster id.
pub fn assign_clusters(corpus: &mut Corpus) {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let keys: Vec<String> = corpus
        .claims
        .iter()
        .map(|c| {
            format!(
                "{}|{:?}|{:?}|{:?}|{:?}|{:?}|{:?}",
                owner(c, corpus),
                c.kind,
                c.metric,
                c.party,
                c.value,
                c.value_high,
                c.stance
            )
        })
        .collect();
    for (c, key) in corpus.claims.iter_mut().zip(keys) {
        let next = ids.len() + 1;
        let id = *ids.entry(key).or_insert(next);
        c.cluster = format!("k{id}");
    }
}

/// What a claim answers: its kind, metric, party and subject scope (metric and place).
type Question<'a> = (Kind, Option<crate::model::Metric>, Option<&'a str>, &'a str);

/// Each claim is compared with at most this many later ones of its question (by date), so the
/// work and the output stay linear in the corpus.
const MAX_COMPARED: usize = 64;

/// Pairs of clusters that cannot both be true, each with a short reason.
pub fn contradictions(corpus: &Corpus) -> Vec<Contradiction> {
    // One representative claim per cluster.
    let mut reps: Vec<&Claim> = Vec::new();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    for c in &corpus.claims {
        if seen.insert(c.cluster.as_str(), ()).is_none() {
            reps.push(c);
        }
    }
    // Group by question: (kind, metric, party).
    let mut groups: HashMap<Question, Vec<&Claim>> = HashMap::new();
    for c in reps {
        if !comparable(c) {
            continue;
        }
        let scope = c.subject.as_deref().map_or("", scope);
        groups
            .entry((c.kind, c.metric, c.party.as_deref(), scope))
            .or_default()
            .push(c);
    }
    let mut out = Vec::new();
    let mut keys: Vec<_> = groups.keys().copied().collect();
    keys.sort();
    for key in keys {
        let mut list = groups[&key].clone();
        list.sort_by_key(|c| {
            c.stated_on
                .as_deref()
                .and_then(parse_day)
                .unwrap_or(i32::MIN)
        });
        for (i, a) in list.iter().enumerate() {
            let da = a.stated_on.as_deref().and_then(parse_day);
            for b in list[i + 1..].iter().take(MAX_COMPARED) {
                let db = b.stated_on.as_deref().and_then(parse_day);
                match (da, db) {
                    (Some(x), Some(y)) if y - x > PERIOD_DAYS => break,
                    // A figure with no date has no period to overlap another's.
                    (None, _) | (_, None) if a.kind == Kind::Figure => continue,
                    _ => {}
                }
                if owner(a, corpus) == owner(b, corpus) {
                    continue;
                }
                if let Some(reason) = conflict(a, b, corpus) {
                    out.push(Contradiction {
                        a: a.cluster.clone(),
                        b: b.cluster.clone(),
                        reason,
                    });
                }
            }
        }
    }
    out
}
