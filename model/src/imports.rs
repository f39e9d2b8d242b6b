//! Articles a user adds in the browser: each one is kept as a corpus of its own (one document,
//! its claims and attributions), checked before it is trusted, and joined with the built-in
//! corpus into the one every view shows, with clusters and contradictions recomputed across all
//! of them.

use std::fmt;

use crate::cluster::{assign_clusters, contradictions};
use crate::model::{Corpus, Span};

/// Why an imported article cannot be shown: what about it is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid(String);

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Invalid {}

fn invalid(doc: &str, what: impl fmt::Display) -> Invalid {
    Invalid(format!("article \"{doc}\": {what}"))
}

/// A span that lies inside `text` on character boundaries.
fn span_fits(text: &str, s: Span) -> bool {
    s[0] <= s[1] && text.get(s[0]..s[1]).is_some()
}

/// Checks that `part` is one article with its text, and that every claim and attribution
/// belongs to it and points inside its text (the reader slices the text by these spans).
pub fn check(part: &Corpus) -> Result<(), Invalid> {
    let [doc] = part.documents.as_slice() else {
        return Err(Invalid(format!(
            "an imported article holds one document, not {}",
            part.documents.len()
        )));
    };
    let id = doc.id.as_str();
    if id.is_empty() {
        return Err(Invalid("an imported article has an empty id".into()));
    }
    let Some(text) = doc.text.as_deref() else {
        return Err(invalid(id, "no text"));
    };
    for s in &doc.clutter {
        if !span_fits(text, *s) {
            return Err(invalid(
                id,
                format!("clutter span {s:?} is outside its text"),
            ));
        }
    }
    for c in &part.claims {
        if c.doc != id {
            return Err(invalid(
                id,
                format!("claim {} names article \"{}\"", c.id, c.doc),
            ));
        }
        let spans = [c.span, c.mention]
            .into_iter()
            .chain(c.repeats.iter().copied());
        for s in spans {
            if !span_fits(text, s) {
                return Err(invalid(
                    id,
                    format!("claim {}: span {s:?} is outside its text", c.id),
                ));
            }
        }
    }
    for a in &part.attributions {
        let spans = [a.source, a.cue, Some(a.content)].into_iter().flatten();
        if a.doc != id || !spans.into_iter().all(|s| span_fits(text, s)) {
            return Err(invalid(id, "an attribution is outside its text"));
        }
    }
    Ok(())
}

/// The corpus split into one corpus per document (for import files that hold several).
pub fn split(corpus: &Corpus) -> Vec<Corpus> {
    corpus
        .documents
        .iter()
        .map(|d| Corpus {
            schema: corpus.schema,
            documents: vec![d.clone()],
            claims: corpus
                .claims
                .iter()
                .filter(|c| c.doc == d.id)
                .cloned()
                .collect(),
            questions: corpus.questions.clone(),
            attributions: corpus
                .attributions
                .iter()
                .filter(|a| a.doc == d.id)
                .cloned()
                .collect(),
            ..Corpus::default()
        })
        .collect()
}

/// Gives the article of `part` the id `id`, in its claims (`id#n`) and attributions too.
pub fn rename(part: &mut Corpus, id: &str) {
    let Some(doc) = part.documents.first_mut() else {
        return;
    };
    let old = std::mem::replace(&mut doc.id, id.to_string());
    for c in &mut part.claims {
        if let Some(n) =
            c.id.strip_prefix(old.as_str())
                .and_then(|r| r.strip_prefix('#'))
        {
            c.id = format!("{id}#{n}");
        }
        c.doc = id.to_string();
    }
    for a in &mut part.attributions {
        a.doc = id.to_string();
    }
    part.index = Default::default();
}

/// An id for a new article that no article in `taken` has: `id` itself, else `id-2`, `id-3`...
pub fn free_id<'a>(id: &str, taken: impl Fn(&str) -> bool + 'a) -> String {
    if !taken(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_default()
}

/// One corpus of all `parts` (in order), with the questions of all of them (the first of each
/// id), and clusters and contradictions computed again across every article.
pub fn join(parts: &[&Corpus]) -> Corpus {
    let mut out = Corpus::default();
    if let Some(first) = parts.first() {
        out.schema = first.schema;
    }
    for p in parts {
        out.documents.extend(p.documents.iter().cloned());
        out.claims.extend(p.claims.iter().cloned());
        out.attributions.extend(p.attributions.iter().cloned());
        for q in &p.questions {
            if !out.questions.iter().any(|x| x.id == q.id) {
                out.questions.push(q.clone());
            }
        }
    }
    assign_clusters(&mut out);
    out.contradictions = contradictions(&out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{claim, document};
    use crate::model::{Claim, Kind, Metric};

    fn article(id: &str, outlet: &str, text: &str, figures: &[(u64, [usize; 2])]) -> Corpus {
        let mut d = document(id, outlet);
        d.text = Some(text.to_string());
        d.published = Some("2025-02-10".into());
        let claims = figures
            .iter()
            .enumerate()
            .map(|(n, (v, span))| Claim {
                id: format!("{id}#{}", n + 1),
                doc: id.to_string(),
                metric: Some(Metric::Killed),
                value: Some(*v),
                qualifier: None,
                span: *span,
                mention: *span,
                party: Some("civilians".into()),
                subject: Some("people, killed, Derna".into()),
                stated_on: Some("2025-02-10".into()),
                quote: text[span[0]..span[1]].to_string(),
                ..claim()
            })
            .collect();
        Corpus {
            documents: vec![d],
            claims,
            ..Corpus::default()
        }
    }

    /// "At least 40 people were killed" (article `a`, Daily), in Derna.
    fn daily() -> Corpus {
        article(
            "a",
            "Daily",
            "At least 40 people were killed.",
            &[(40, [0, 31])],
        )
    }

    /// "Officials said 90 people were killed" (article `b`, Weekly), in Derna.
    fn weekly() -> Corpus {
        article(
            "b",
            "Weekly",
            "Officials said 90 people were killed.",
            &[(90, [0, 37])],
        )
    }

    #[test]
    fn joined_articles_are_compared_with_each_other() {
        let a = daily();
        let b = weekly();
        let j = join(&[&a, &b]);
        assert_eq!(j.documents.len(), 2);
        assert_eq!(j.claims.len(), 2);
        assert_ne!(j.claims[0].cluster, j.claims[1].cluster);
        assert_eq!(j.contradictions.len(), 1, "{:?}", j.contradictions);
        assert!(check(&a).is_ok() && check(&b).is_ok());
    }

    #[test]
    fn a_renamed_article_keeps_its_claims() {
        let mut a = daily();
        rename(&mut a, "a-2");
        assert_eq!(a.documents[0].id, "a-2");
        assert_eq!(a.claims[0].id, "a-2#1");
        assert_eq!(a.claims[0].doc, "a-2");
        assert!(check(&a).is_ok());
        assert_eq!(free_id("a", |x| x == "a" || x == "a-2"), "a-3");
        assert_eq!(free_id("b", |x| x == "a"), "b");
    }

    #[test]
    fn split_gives_each_article_its_own_claims() {
        let a = daily();
        let b = weekly();
        let parts = split(&join(&[&a, &b]));
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[1].claims.len(), 1);
        assert_eq!(parts[1].claims[0].doc, "b");
        assert!(parts.iter().all(|p| check(p).is_ok()));
    }

    #[test]
    fn bad_spans_and_foreign_claims_are_refused() {
        let mut a = daily();
        a.claims[0].span = [10, 400];
        assert!(check(&a)
            .unwrap_err()
            .to_string()
            .contains("outside its text"));
        let mut b = article("b", "Daily", "Zwölf died.", &[(12, [0, 11])]);
        b.claims[0].mention = [3, 4]; // inside the two bytes of "ö"
        assert!(check(&b).is_err());
        let mut c = article(
            "c",
            "Daily",
            "At least 40 people were killed.",
            &[(40, [0, 31])],
        );
        c.claims[0].doc = "z".into();
        assert!(check(&c).unwrap_err().to_string().contains("names article"));
        let mut d = article("d", "Daily", "text", &[]);
        d.documents[0].text = None;
        assert_eq!(check(&d).unwrap_err().to_string(), "article \"d\": no text");
        let two = join(&[&a, &c]);
        assert!(check(&two).is_err());
        assert_eq!(c.claims[0].kind, Kind::Figure);
    }
}
