//! When two claims cannot both be true: the intervals figures allow and the reason a pair of
//! claims conflicts. The extractor's contradictions and the explorer's side-by-side both use it.

use crate::format::describe_value;
use crate::model::{Claim, Corpus, Kind, Qualifier};

/// Claims closer than this many days are about overlapping periods.
pub const PERIOD_DAYS: i32 = 14;

/// The scope of a figure's subject ("group, metric[, place]"): its metric and place, the part
/// two figures must share to be compared ("troops, fighting, Kursk" → "fighting, Kursk").
pub fn scope(subject: &str) -> &str {
    subject.split_once(", ").map_or("", |(_, rest)| rest)
}

/// The place a figure's subject names, if any ("people, killed, Derna" → "Derna").
pub fn place(subject: &str) -> Option<&str> {
    scope(subject).split_once(", ").map(|(_, p)| p)
}

/// Whether a figure can be compared at all: a definite count, not a part of another, with a
/// metric other than `other`, and a party or a place to say whose count it is.
pub fn comparable(c: &Claim) -> bool {
    let placed = c
        .subject
        .as_deref()
        .is_some_and(|s| scope(s).contains(", "));
    c.kind == Kind::Stance
        || (c.value.is_some()
            && !c.subset
            && c.metric.is_some_and(|m| m != crate::model::Metric::Other)
            && (c.party.is_some() || placed))
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

fn who(c: &Claim, corpus: &Corpus) -> String {
    c.source.clone().unwrap_or_else(|| {
        corpus
            .document(&c.doc)
            .and_then(|d| d.outlet.clone())
            .unwrap_or_else(|| format!("article {}", c.doc))
    })
}

/// Why `a` and `b` cannot both be true (ignoring when they were stated), or `None`.
pub fn conflict(a: &Claim, b: &Claim, corpus: &Corpus) -> Option<String> {
    let when = |c: &Claim| c.stated_on.clone().unwrap_or_else(|| "undated".to_string());
    match a.kind {
        Kind::Stance => {
            let (sa, sb) = (a.stance.as_deref()?, b.stance.as_deref()?);
            if sa == sb || a.question != b.question {
                return None;
            }
            let question = a
                .question
                .as_deref()
                .and_then(|id| corpus.question(id))
                .map_or_else(String::new, |q| format!("{}: ", q.label));
            Some(format!(
                "{question}{} ({}) says {}; {} ({}) says {}",
                who(a, corpus),
                when(a),
                corpus.stance_statement(a),
                who(b, corpus),
                when(b),
                corpus.stance_statement(b),
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
            let topic = match a.subject.as_deref() {
                Some(s) => format!("{party}, {s}"),
                None => format!("{party}, {metric}"),
            };
            Some(format!(
                "{topic}: {} ({}) says {}; {} ({}) says {}",
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
    fn subjects_scope_what_is_compared() {
        assert_eq!(scope("people, killed, Derna"), "killed, Derna");
        assert_eq!(scope("Greek rescue workers, killed"), "killed");
        assert_eq!(scope("people"), "");
        assert_eq!(place("people, killed, Derna"), Some("Derna"));
        assert_eq!(place("Greek rescue workers, killed"), None);
    }

    #[test]
    fn intervals_follow_qualifiers() {
        let up_to = interval(12_000, None, Qualifier::UpTo);
        let over = interval(10_000, None, Qualifier::MoreThan);
        assert!(up_to.0 <= over.1 && over.0 <= up_to.1, "overlap");
        let few = interval(300, None, Qualifier::Exact);
        let many = interval(3_000, None, Qualifier::MoreThan);
        assert!(few.1 < many.0, "disjoint");
    }
}
