//! Exports of a set of claims: CSV (one row per claim), JSON (the claim records) and
//! schema.org `Claim` JSON-LD (author = claimant, datePublished = date stated,
//! appearance = the article).

use serde_json::{json, Value};

use crate::cluster::describe_value;
use crate::model::{Claim, Corpus};

const CSV_COLUMNS: [&str; 17] = [
    "id",
    "article",
    "outlet",
    "kind",
    "metric",
    "party",
    "value",
    "value_high",
    "qualifier",
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
        let row: [String; 17] = [
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
            c.stance.map(|s| s.as_str().to_string()).unwrap_or_default(),
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

/// schema.org `Claim` records as JSON-LD.
pub fn json_ld<'a>(corpus: &Corpus, claims: impl IntoIterator<Item = &'a Claim>) -> String {
    let items: Vec<Value> = claims
        .into_iter()
        .map(|c| {
            let doc = corpus.document(&c.doc);
            let what = match (c.metric, c.stance) {
                (Some(m), _) => format!(
                    "{} {} ({})",
                    describe_value(c.value, c.value_high, c.qualifier),
                    m.as_str(),
                    c.party.as_deref().unwrap_or("unspecified party")
                ),
                (_, Some(s)) => format!("{} troops {}", c.party.as_deref().unwrap_or(""), s.as_str()),
                _ => String::new(),
            };
            let author = match (&c.source, doc.and_then(|d| d.outlet.as_ref())) {
                (Some(s), _) => json!({"@type": "Person", "name": s, "affiliation": c.source_org}),
                (None, Some(o)) => json!({"@type": "Organization", "name": o}),
                (None, None) => Value::Null,
            };
            json!({
                "@type": "Claim",
                "identifier": c.id,
                "name": what,
                "text": c.quote,
                "author": author,
                "datePublished": c.stated_on,
                "appearance": {
                    "@type": "NewsArticle",
                    "headline": doc.map(|d| d.title.clone()),
                    "publisher": doc.and_then(|d| d.outlet.clone()).map(|o| json!({"@type": "Organization", "name": o})),
                    "datePublished": doc.and_then(|d| d.published.clone()),
                    "url": doc.and_then(|d| d.url.clone()),
                },
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({"@context": "https://schema.org", "@graph": items}))
        .unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Kind, Metric, Qualifier};

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
                id: "a#1".into(),
                doc: "a".into(),
                kind: Kind::Figure,
                metric: Some(Metric::Killed),
                party: Some("North Korea".into()),
                value: Some(300),
                value_high: None,
                qualifier: Some(Qualifier::AtLeast),
                stance: None,
                source: Some("NIS".into()),
                source_org: None,
                via: vec![],
                stated_on: Some("2025-01-13".into()),
                quote: "At least 300, he said \"killed\".\nNext".into(),
                span: [0, 1],
                mention: [0, 1],
                subset: false,
                repeats: vec![],
                cluster: "k1".into(),
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
        assert_eq!(item["datePublished"], "2025-01-13");
        assert_eq!(item["appearance"]["publisher"]["name"], "UNN");
        assert_eq!(item["name"], "at least 300 killed (North Korea)");
        let back: Vec<Claim> = serde_json::from_str(&json(&c.claims)).unwrap();
        assert_eq!(back, c.claims);
    }
}
