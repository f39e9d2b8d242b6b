//! Exports of a set of claims: CSV (one row per claim), JSON (the claim records) and
//! schema.org `Claim` JSON-LD (author = claimant, datePublished = date stated,
//! appearance = the article).

use serde::Serialize;

use crate::format::describe_value;
use crate::model::{Claim, Corpus};

const CSV_COLUMNS: [&str; 18] = [
    "id",
    "article",
    "outlet",
    "kind",
    "metric",
    "party",
    "value",
    "value_high",
    "qualifier",
    "question",
    "stance",
    "source",
    "source_org",
    "via",
    "stated_on",
    "quote",
    "cluster",
    "url",
];

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// RFC 4180 CSV with a header row.
pub fn csv<'a>(corpus: &Corpus, claims: impl IntoIterator<Item = &'a Claim>) -> String {
    let mut out = CSV_COLUMNS.join(",");
    out.push_str("\r\n");
    for c in claims {
        let doc = corpus.document(&c.doc);
        let row: [String; 18] = [
            c.id.clone(),
            doc.map_or(c.doc.clone(), |d| d.title.clone()),
            doc.and_then(|d| d.outlet.clone()).unwrap_or_default(),
            format!("{:?}", c.kind).to_lowercase(),
            c.metric.map(|m| m.as_str().to_string()).unwrap_or_default(),
            c.party.clone().unwrap_or_default(),
            c.value.map(|v| v.to_string()).unwrap_or_default(),
            c.value_high.map(|v| v.to_string()).unwrap_or_default(),
            c.qualifier
                .map(|q| q.as_str().to_string())
                .unwrap_or_default(),
            c.question.clone().unwrap_or_default(),
            c.stance.clone().unwrap_or_default(),
            c.source.clone().unwrap_or_default(),
            c.source_org.clone().unwrap_or_default(),
            c.via.join("; "),
            c.stated_on.clone().unwrap_or_default(),
            c.quote.clone(),
            c.cluster.clone(),
            doc.and_then(|d| d.url.clone()).unwrap_or_default(),
        ];
        let line: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The claim records as a JSON array.
pub fn json<'a>(claims: impl IntoIterator<Item = &'a Claim>) -> String {
    let v: Vec<&Claim> = claims.into_iter().collect();
    serde_json::to_string_pretty(&v).unwrap_or_else(|_| "[]".to_string())
}

/// A schema.org `Person` or `Organization`.
#[derive(Serialize)]
struct Agent<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    affiliation: Option<&'a str>,
}

/// A schema.org `NewsArticle` (where a claim appeared).
#[derive(Serialize)]
struct Appearance<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: Option<&'a str>,
    publisher: Option<Agent<'a>>,
    #[serde(rename = "datePublished")]
    date_published: Option<&'a str>,
    url: Option<&'a str>,
}

/// A schema.org `Claim`.
#[derive(Serialize)]
struct LdClaim<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    identifier: &'a str,
    name: String,
    text: &'a str,
    author: Option<Agent<'a>>,
    #[serde(rename = "datePublished")]
    date_published: Option<&'a str>,
    appearance: Appearance<'a>,
}

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<LdClaim<'a>>,
}

/// schema.org `Claim` records as JSON-LD: author = the claimant (an `Organization` when the
/// claimant is an organisation, else a `Person` with their affiliation; the outlet when it
/// states the claim itself), datePublished = the date stated, appearance = the article.
pub fn json_ld<'a>(corpus: &'a Corpus, claims: impl IntoIterator<Item = &'a Claim>) -> String {
    let graph = claims
        .into_iter()
        .map(|c| {
            let doc = corpus.document(&c.doc);
            let outlet = doc.and_then(|d| d.outlet.as_deref());
            let name = match (c.metric, &c.stance) {
                (Some(m), _) => format!(
                    "{} {} ({})",
                    describe_value(c.value, c.value_high, c.qualifier),
                    m.as_str(),
                    c.party.as_deref().unwrap_or("unspecified party")
                ),
                (_, Some(_)) => corpus.stance_statement(c),
                _ => String::new(),
            };
            let organisation = |name: &'a str| Agent {
                kind: "Organization",
                name,
                affiliation: None,
            };
            let author = match (c.source.as_deref(), outlet) {
                (Some(s), _) if c.source_org.as_deref() == Some(s) => Some(organisation(s)),
                (Some(s), _) => Some(Agent {
                    kind: "Person",
                    name: s,
                    affiliation: c.source_org.as_deref(),
                }),
                (None, Some(o)) => Some(organisation(o)),
                (None, None) => None,
            };
            LdClaim {
                kind: "Claim",
                identifier: &c.id,
                name,
                text: &c.quote,
                author,
                date_published: c.stated_on.as_deref(),
                appearance: Appearance {
                    kind: "NewsArticle",
                    headline: doc.map(|d| d.title.as_str()),
                    publisher: outlet.map(organisation),
                    date_published: doc.and_then(|d| d.published.as_deref()),
                    url: doc.and_then(|d| d.url.as_deref()),
                },
            }
        })
        .collect();
    serde_json::to_string_pretty(&Graph {
        context: "https://schema.org",
        graph,
    })
    .unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample, Document};
    use serde_json::Value;

    fn corpus() -> Corpus {
        Corpus {
            documents: vec![Document {
                id: "a".into(),
                title: "A, \"quoted\" title".into(),
                outlet: Some("UNN".into()),
                url: None,
                published: Some("2025-02-04".into()),
                published_inferred: false,
                clutter: vec![],
                text: None,
            }],
            claims: vec![Claim {
                party: Some("North Korea".into()),
                subject: None,
                source: Some("NIS".into()),
                source_org: Some("NIS".into()),
                stated_on: Some("2025-01-13".into()),
                quote: "At least 300, he said \"killed\".\nNext".into(),
                ..sample::claim()
            }],
            ..Corpus::default()
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let c = corpus();
        let out = csv(&c, &c.claims);
        let mut lines = out.split("\r\n");
        assert!(lines.next().unwrap().starts_with("id,article,outlet"));
        let row = lines.next().unwrap();
        assert!(row.starts_with(
            "a#1,\"A, \"\"quoted\"\" title\",UNN,figure,killed,North Korea,300,,at_least,"
        ));
        assert!(out.contains("\"At least 300, he said \"\"killed\"\".\nNext\""));
    }

    #[test]
    fn json_ld_is_schema_org_claims() {
        let c = corpus();
        let v: Value = serde_json::from_str(&json_ld(&c, &c.claims)).unwrap();
        let item = &v["@graph"][0];
        assert_eq!(item["@type"], "Claim");
        assert_eq!(item["author"]["name"], "NIS");
        assert_eq!(item["author"]["@type"], "Organization");
        assert_eq!(item["datePublished"], "2025-01-13");
        assert_eq!(item["appearance"]["publisher"]["name"], "UNN");
        assert_eq!(item["name"], "at least 300 killed (North Korea)");
        let back: Vec<Claim> = serde_json::from_str(&json(&c.claims)).unwrap();
        assert_eq!(back, c.claims);
    }
}
