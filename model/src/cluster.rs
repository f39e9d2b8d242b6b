//! Clusters (the same claim reported by several articles) and contradictions (clusters that
//! cannot both be true).

use std::collections::HashMap;

use crate::conflict::{comparable, conflict, place, PERIOD_DAYS};
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

/// What a claim answers: its kind, metric, party and where (figures only, see [`Where`]).
type Question<'a> = (
    Kind,
    Option<crate::model::Metric>,
    Option<&'a str>,
    Where<'a>,
);

/// Where a figure counts: the place its subject names, else the place its article's figures
/// name most (an article about the Derna flood counts its unplaced figures in Derna), else
/// only its own article. Figures of different articles that name no place may be about
/// different events (a school shooting and an embassy attack both count Americans killed),
/// so they are not compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Where<'a> {
    Anywhere,
    Place(&'a str),
    Article(&'a str),
}

/// The place each article's figures name most often (the first named, among equals).
fn article_places(corpus: &Corpus) -> HashMap<&str, &str> {
    let mut counts: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for c in &corpus.claims {
        let Some(p) = c.subject.as_deref().and_then(place) else {
            continue;
        };
        let places = counts.entry(c.doc.as_str()).or_default();
        match places.iter_mut().find(|(q, _)| *q == p) {
            Some((_, n)) => *n += 1,
            None => places.push((p, 1)),
        }
    }
    counts
        .into_iter()
        .filter_map(|(doc, places)| {
            let best = places.iter().map(|&(_, n)| n).max()?;
            let (p, _) = places.into_iter().find(|&(_, n)| n == best)?;
            Some((doc, p))
        })
        .collect()
}

fn where_of<'a>(c: &'a Claim, places: &HashMap<&str, &'a str>) -> Where<'a> {
    if c.kind == Kind::Stance {
        return Where::Anywhere;
    }
    match c.subject.as_deref().and_then(place) {
        Some(p) => Where::Place(p),
        None => match places.get(c.doc.as_str()) {
            Some(p) => Where::Place(p),
            None => Where::Article(&c.doc),
        },
    }
}

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
    // Group by question: (kind, metric, party, where).
    let places = article_places(corpus);
    let mut groups: HashMap<Question, Vec<&Claim>> = HashMap::new();
    for c in reps {
        if !comparable(c) {
            continue;
        }
        groups
            .entry((c.kind, c.metric, c.party.as_deref(), where_of(c, &places)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{claim, document};
    use crate::model::Metric;

    /// A count of civilians killed in article `doc`, stated on 10 February 2025.
    fn killed(doc: &str, n: usize, value: u64, subject: &str) -> Claim {
        Claim {
            id: format!("{doc}#{n}"),
            doc: doc.into(),
            metric: Some(Metric::Killed),
            party: Some("civilians".into()),
            subject: Some(subject.into()),
            value: Some(value),
            qualifier: None,
            stated_on: Some("2025-02-10".into()),
            ..claim()
        }
    }

    fn corpus(claims: Vec<Claim>) -> Corpus {
        let mut c = Corpus {
            documents: vec![document("a", "Daily"), document("b", "Weekly")],
            claims,
            ..Corpus::default()
        };
        assign_clusters(&mut c);
        c
    }

    #[test]
    fn unplaced_figures_of_different_articles_are_not_compared() {
        let c = corpus(vec![
            killed("a", 1, 4, "people, killed"),
            killed("b", 1, 129, "people, killed"),
        ]);
        assert!(contradictions(&c).is_empty());
    }

    #[test]
    fn an_unplaced_figure_counts_where_its_article_does() {
        let c = corpus(vec![
            killed("a", 1, 40, "people, killed, Derna"),
            killed("a", 2, 40, "people, killed"),
            killed("b", 1, 900, "people, killed"),
            killed("b", 2, 900, "residents, killed, Derna"),
        ]);
        assert_eq!(contradictions(&c).len(), 1, "{:?}", contradictions(&c));
        let elsewhere = corpus(vec![
            killed("a", 1, 40, "people, killed, Derna"),
            killed("b", 1, 900, "people, killed"),
            killed("b", 2, 900, "people, killed, Benghazi"),
        ]);
        assert!(contradictions(&elsewhere).is_empty());
    }

    #[test]
    fn unplaced_figures_of_one_article_are_compared() {
        let c = corpus(vec![
            killed("a", 1, 40, "people, killed"),
            Claim {
                source: Some("the council".into()),
                ..killed("a", 2, 900, "people, killed")
            },
        ]);
        assert_eq!(contradictions(&c).len(), 1);
    }
}
