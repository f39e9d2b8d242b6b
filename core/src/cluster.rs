//! Clusters (the same claim reported by several articles) and contradictions (clusters that
//! cannot both be true).

use std::collections::HashMap;

use crate::day::parse_day;
use crate::model::{Claim, Contradiction, Corpus, Kind, Qualifier, Stance};

/// Claims closer than this many days are about overlapping periods.
pub const PERIOD_DAYS: i32 = 14;

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

/// The interval of counts a figure allows.
pub fn interval(value: u64, high: Option<u64>, q: Qualifier) -> (f64, f64) {
    let v = value as f64;
    let h = high.map_or(v, |x| x as f64);
    match q {
        Qualifier::Exact => (v * 0.95, h * 1.05),
        Qualifier::About => (v * 0.85, h * 1.15),
        Qualifier::UpTo => (0.0, h),
        Qualifier::AtLeast => (v, f64::INFINITY),
        Qualifier::MoreThan => (v + 1.0, f64::INFINITY),
        Qualifier::LessThan => (0.0, v - 1.0),
    }
}

/// "about 8,000", "10,000–12,000", "more than 3,000".
pub fn describe_value(value: Option<u64>, high: Option<u64>, q: Option<Qualifier>) -> String {
    let Some(v) = value else {
        return "an unspecified number".to_string();
    };
    let num = match high {
        Some(h) => format!("{}–{}", thousands(v), thousands(h)),
        None => thousands(v),
    };
    match q {
        Some(Qualifier::About) => format!("about {num}"),
        Some(Qualifier::UpTo) => format!("up to {num}"),
        Some(Qualifier::AtLeast) => format!("at least {num}"),
        Some(Qualifier::MoreThan) => format!("more than {num}"),
        Some(Qualifier::LessThan) => format!("less than {num}"),
        _ => num,
    }
}

/// `12000` → `12,000`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn who(c: &Claim, corpus: &Corpus) -> String {
    c.source.clone().unwrap_or_else(|| {
        corpus
            .document(&c.doc)
            .and_then(|d| d.outlet.clone())
            .unwrap_or_else(|| format!("article {}", c.doc))
    })
}

/// What a claim answers: its kind, metric and party.
type Question<'a> = (Kind, Option<crate::model::Metric>, Option<&'a str>);

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
        if c.kind == Kind::Figure && (c.value.is_none() || c.subset) {
            continue;
        }
        groups
            .entry((c.kind, c.metric, c.party.as_deref()))
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
            for b in &list[i + 1..] {
                let db = b.stated_on.as_deref().and_then(parse_day);
                if let (Some(x), Some(y)) = (da, db) {
                    if y - x > PERIOD_DAYS {
                        break;
                    }
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

/// Why `a` and `b` cannot both be true (ignoring when they were stated), or `None`.
pub fn conflict(a: &Claim, b: &Claim, corpus: &Corpus) -> Option<String> {
    let when = |c: &Claim| c.stated_on.clone().unwrap_or_else(|| "undated".to_string());
    match a.kind {
        Kind::Stance => {
            let (sa, sb) = (a.stance?, b.stance?);
            if sa == sb {
                return None;
            }
            let say = |s: Stance| match s {
                Stance::Engaged => "are still engaged",
                Stance::Withdrawn => "were withdrawn",
            };
            let party = a.party.as_deref().unwrap_or("the");
            Some(format!(
                "{} ({}) says {party} troops {}; {} ({}) says they {}",
                who(a, corpus),
                when(a),
                say(sa),
                who(b, corpus),
                when(b),
                say(sb)
            ))
        }
        Kind::Figure => {
            let (ia, ib) = (
                interval(
                    a.value?,
                    a.value_high,
                    a.qualifier.unwrap_or(Qualifier::Exact),
                ),
                interval(
                    b.value?,
                    b.value_high,
                    b.qualifier.unwrap_or(Qualifier::Exact),
                ),
            );
            if ia.0 <= ib.1 && ib.0 <= ia.1 {
                return None;
            }
            let metric = a.metric.map_or("counted", |m| m.as_str());
            let party = a.party.as_deref().unwrap_or("unspecified");
            Some(format!(
                "{party}, {metric}: {} ({}) says {}; {} ({}) says {}",
                who(a, corpus),
                when(a),
                describe_value(a.value, a.value_high, a.qualifier),
                who(b, corpus),
                when(b),
                describe_value(b.value, b.value_high, b.qualifier)
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_follow_qualifiers() {
        let up_to = interval(12_000, None, Qualifier::UpTo);
        let over = interval(10_000, None, Qualifier::MoreThan);
        assert!(up_to.0 <= over.1 && over.0 <= up_to.1, "overlap");
        let few = interval(300, None, Qualifier::Exact);
        let many = interval(3_000, None, Qualifier::MoreThan);
        assert!(few.1 < many.0, "disjoint");
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(
            describe_value(Some(10_000), Some(12_000), Some(Qualifier::Exact)),
            "10,000–12,000"
        );
        assert_eq!(
            describe_value(Some(8_000), None, Some(Qualifier::About)),
            "about 8,000"
        );
    }
}
