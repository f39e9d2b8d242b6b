//! The corpus as the app embeds it: a compact, positional text encoding of a [`Corpus`].
//!
//! `build.rs` writes it with [`encode`] and the app reads it with [`decode`], which is a few
//! hundred bytes of code where serde's derived JSON deserialisers of every model type were
//! tens of kilobytes of the wasm, and the data is smaller too: no field names, every string
//! written once in a table and referred to by number, spans as start and length, and what the
//! app can derive left out (a claim id that is `doc#n`, a quote that is its span of the
//! article, a contradiction's reason that [`conflict`] gives again). Lossless: a value that
//! cannot be derived is written out, and `decode(&encode(c)) == c` for any corpus.
//!
//! The grammar, in tokens with no separator between them:
//!
//! - a number: decimal digits and `,` (`123,`); an absent number is a lone `,`;
//! - a table entry: its length in bytes, `"` and the bytes (`5"Kursk`);
//! - a string: a number, `k` for the table's `k`-th entry (from 1), 0 for none (or, for claim
//!   ids, quotes and reasons, derive it);
//! - an enum value (metric, qualifier): its place in `ALL` (from 0), absent for none;
//! - a span: its start and length; an absent span is an absent start;
//! - a list: its length, then the items.
//!
//! In order: `claimscope:`, the table, the schema version, then the lists of documents,
//! claims, contradictions, questions and attributions, each record's fields in declaration
//! order (except a claim's quote, last: it may be derived from the span). A field added to
//! the model must be added here (the decoder builds each record with every field named, so
//! forgetting one does not compile).

use std::fmt;

use crate::conflict::conflict;
use crate::model::{
    Attribution, Claim, Contradiction, Corpus, DocIndex, Document, Kind, Metric, Position,
    Qualifier, Question, Span,
};

const MAGIC: &str = "claimscope:";

/// Why an embedded corpus could not be read: where it stopped making sense.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    at: usize,
}

impl Error {
    /// The byte offset of the input where decoding stopped.
    pub fn offset(&self) -> usize {
        self.at
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the embedded corpus is malformed at byte {} (rebuild it with build.rs)",
            self.at
        )
    }
}

impl std::error::Error for Error {}

/// The claim id the extractor gives the `n`-th claim (from 1) of article `doc`.
fn claim_id(doc: &str, n: u32) -> String {
    format!("{doc}#{n}")
}

/// The first claim of cluster `k`: the one the extractor compares for contradictions.
fn first_of<'a>(claims: &'a [Claim], k: &str) -> Option<&'a Claim> {
    claims.iter().find(|c| c.cluster == k)
}

/// A contradiction's reason as [`conflict`] gives it for the clusters' first claims.
fn derived_reason(corpus: &Corpus, a: &str, b: &str) -> Option<String> {
    conflict(
        first_of(&corpus.claims, a)?,
        first_of(&corpus.claims, b)?,
        corpus,
    )
}

/// The corpus as compact text (see the module doc).
pub fn encode(corpus: &Corpus) -> String {
    let mut w = Writer::default();
    w.num(u64::from(corpus.schema));
    w.len(corpus.documents.len());
    for d in &corpus.documents {
        w.s(&d.id);
        w.s(&d.title);
        w.os(d.outlet.as_deref());
        w.os(d.url.as_deref());
        w.os(d.published.as_deref());
        w.num(u64::from(d.published_inferred));
        w.spans(&d.clutter);
        w.os(d.text.as_deref());
    }
    w.len(corpus.claims.len());
    let mut seen: Vec<(&str, u32)> = Vec::new();
    for c in &corpus.claims {
        let n = match seen.iter_mut().find(|(d, _)| *d == c.doc) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((&c.doc, 1));
                1
            }
        };
        let text = corpus.document(&c.doc).and_then(|d| d.text.as_deref());
        let quote_derived = text.and_then(|t| t.get(c.span[0]..c.span[1])) == Some(&c.quote);
        w.derived(&c.id, c.id == claim_id(&c.doc, n));
        w.s(&c.doc);
        w.num(match c.kind {
            Kind::Figure => 0,
            Kind::Stance => 1,
        });
        w.onum(
            c.metric
                .and_then(|m| Metric::ALL.iter().position(|x| *x == m))
                .map(|i| i as u64),
        );
        w.os(c.party.as_deref());
        w.os(c.subject.as_deref());
        w.onum(c.value);
        w.onum(c.value_high);
        w.onum(
            c.qualifier
                .and_then(|q| Qualifier::ALL.iter().position(|x| *x == q))
                .map(|i| i as u64),
        );
        w.os(c.question.as_deref());
        w.os(c.stance.as_deref());
        w.os(c.source.as_deref());
        w.os(c.source_org.as_deref());
        w.len(c.via.len());
        for v in &c.via {
            w.s(v);
        }
        w.os(c.stated_on.as_deref());
        w.span(c.span);
        w.span(c.mention);
        w.num(u64::from(c.subset));
        w.spans(&c.repeats);
        w.s(&c.cluster);
        w.derived(&c.quote, quote_derived);
    }
    w.len(corpus.contradictions.len());
    for k in &corpus.contradictions {
        w.s(&k.a);
        w.s(&k.b);
        let derived = derived_reason(corpus, &k.a, &k.b).as_ref() == Some(&k.reason);
        w.derived(&k.reason, derived);
    }
    w.len(corpus.questions.len());
    for q in &corpus.questions {
        w.s(&q.id);
        w.s(&q.label);
        w.len(q.parties.len());
        for p in &q.parties {
            w.s(p);
        }
        for p in &q.positions {
            w.s(&p.key);
            w.s(&p.label);
            w.s(&p.says);
        }
    }
    w.len(corpus.attributions.len());
    for a in &corpus.attributions {
        w.s(&a.doc);
        w.ospan(a.source);
        w.ospan(a.cue);
        w.span(a.content);
        w.os(a.claimant.as_deref());
        w.os(a.claimant_org.as_deref());
    }
    let mut out = String::from(MAGIC);
    w.num_to(&mut out, w.table.len() as u64);
    for s in &w.table {
        w.num_to(&mut out, s.len() as u64);
        out.pop();
        out.push('"');
        out.push_str(s);
    }
    out.push_str(&w.body);
    out
}

/// Writes the body; strings go to the table, once each.
#[derive(Default)]
struct Writer<'a> {
    table: Vec<&'a str>,
    body: String,
}

impl<'a> Writer<'a> {
    fn num_to(&self, out: &mut String, n: u64) {
        out.push_str(&n.to_string());
        out.push(',');
    }

    fn num(&mut self, n: u64) {
        self.body.push_str(&n.to_string());
        self.body.push(',');
    }

    fn len(&mut self, n: usize) {
        self.num(n as u64);
    }

    fn onum(&mut self, n: Option<u64>) {
        match n {
            Some(n) => self.num(n),
            None => self.body.push(','),
        }
    }

    /// A string's reference: its place in the table (from 1), added when new.
    fn s(&mut self, s: &'a str) {
        let k = match self.table.iter().position(|t| *t == s) {
            Some(i) => i + 1,
            None => {
                self.table.push(s);
                self.table.len()
            }
        };
        self.len(k);
    }

    fn os(&mut self, s: Option<&'a str>) {
        match s {
            Some(s) => self.s(s),
            None => self.num(0),
        }
    }

    /// A string the decoder derives (0) or reads.
    fn derived(&mut self, s: &'a str, derived: bool) {
        if derived {
            self.num(0);
        } else {
            self.s(s);
        }
    }

    fn span(&mut self, s: Span) {
        self.len(s[0]);
        // Wrapping: a reversed (malformed) span round-trips too.
        self.len(s[1].wrapping_sub(s[0]));
    }

    fn ospan(&mut self, s: Option<Span>) {
        match s {
            Some(s) => self.span(s),
            None => self.body.push(','),
        }
    }

    fn spans(&mut self, spans: &[Span]) {
        self.len(spans.len());
        for &s in spans {
            self.span(s);
        }
    }
}

/// Reads the corpus [`encode`] wrote. Malformed input is an error, never a panic.
pub fn decode(input: &str) -> Result<Corpus, Error> {
    let mut r = Reader {
        s: input.as_bytes(),
        input,
        at: MAGIC.len(),
        table: Vec::new(),
    };
    if !input.starts_with(MAGIC) {
        return Err(Error { at: 0 });
    }
    for _ in 0..r.n()? {
        let len = r.n()? as usize;
        let start = r.at;
        let raw = input.get(start..start + len).ok_or(r.error())?;
        r.table.push(raw);
        r.at = start + len;
    }
    let schema = r.n()? as u32;
    // By a document id's table entry: the article's text (for quotes) and its claims so far
    // (for claim ids).
    let mut texts: Vec<Option<&str>> = vec![None; r.table.len() + 1];
    let mut counts = vec![0u32; r.table.len() + 1];
    let documents = r.list(|r| {
        let id = r.n()? as usize;
        let mut d = Document {
            id: r.entry(id)?.to_string(),
            title: r.s()?,
            outlet: r.os()?,
            url: r.os()?,
            published: r.os()?,
            published_inferred: r.n()? == 1,
            clutter: r.spans()?,
            text: None,
        };
        if let k @ 1.. = r.n()? as usize {
            let text = r.entry(k)?;
            d.text = Some(text.to_string());
            texts[id] = Some(text);
        }
        Ok(d)
    })?;
    let claims = r.list(|r| {
        let id = r.n()? as usize;
        let doc_ref = r.n()? as usize;
        let doc = r.entry(doc_ref)?;
        counts[doc_ref] += 1;
        let n = counts[doc_ref];
        let mut c = Claim {
            id: match id {
                0 => claim_id(doc, n),
                k => r.entry(k)?.to_string(),
            },
            doc: doc.to_string(),
            kind: if r.n()? == 1 {
                Kind::Stance
            } else {
                Kind::Figure
            },
            metric: r.pick(&Metric::ALL)?,
            party: r.os()?,
            subject: r.os()?,
            value: r.onum()?,
            value_high: r.onum()?,
            qualifier: r.pick(&Qualifier::ALL)?,
            question: r.os()?,
            stance: r.os()?,
            source: r.os()?,
            source_org: r.os()?,
            via: r.list(|r| r.s())?,
            stated_on: r.os()?,
            quote: String::new(),
            span: r.span()?,
            mention: r.span()?,
            subset: r.n()? == 1,
            repeats: r.spans()?,
            cluster: r.s()?,
        };
        c.quote = match r.n()? as usize {
            0 => texts[doc_ref]
                .and_then(|t| t.get(c.span[0]..c.span[1]))
                .ok_or(r.error())?
                .to_string(),
            k => r.entry(k)?.to_string(),
        };
        Ok(c)
    })?;
    let contradictions = r.list(|r| Ok((r.s()?, r.s()?, r.n()? as usize)))?;
    let questions = r.list(|r| {
        let id = r.s()?;
        let label = r.s()?;
        let parties = r.list(|r| r.s())?;
        let mut position = || {
            Ok(Position {
                key: r.s()?,
                label: r.s()?,
                says: r.s()?,
            })
        };
        let positions = [position()?, position()?];
        Ok(Question {
            id,
            label,
            parties,
            positions,
        })
    })?;
    let attributions = r.list(|r| {
        Ok(Attribution {
            doc: r.s()?,
            source: r.ospan()?,
            cue: r.ospan()?,
            content: r.span()?,
            claimant: r.os()?,
            claimant_org: r.os()?,
        })
    })?;
    if r.at != input.len() {
        return Err(r.error());
    }
    let mut corpus = Corpus {
        schema,
        documents,
        claims,
        contradictions: Vec::new(),
        questions,
        attributions,
        index: DocIndex::default(),
    };
    for (a, b, reason) in contradictions {
        let reason = match reason {
            0 => derived_reason(&corpus, &a, &b).unwrap_or_default(),
            k => r.entry(k)?.to_string(),
        };
        corpus.contradictions.push(Contradiction { a, b, reason });
    }
    Ok(corpus)
}

struct Reader<'a> {
    s: &'a [u8],
    input: &'a str,
    at: usize,
    table: Vec<&'a str>,
}

impl<'a> Reader<'a> {
    fn error(&self) -> Error {
        Error { at: self.at }
    }

    /// A number, or `None` for an absent one.
    fn onum(&mut self) -> Result<Option<u64>, Error> {
        let start = self.at;
        let mut n: u64 = 0;
        loop {
            match self.s.get(self.at) {
                Some(b',') => break,
                Some(d @ b'0'..=b'9') => {
                    n = n
                        .checked_mul(10)
                        .and_then(|n| n.checked_add(u64::from(d - b'0')))
                        .ok_or(self.error())?;
                }
                // The `"` of a table entry's length ends the number too.
                Some(b'"') if start < self.at => {
                    self.at += 1;
                    return Ok(Some(n));
                }
                _ => return Err(self.error()),
            }
            self.at += 1;
        }
        self.at += 1;
        Ok((self.at - 1 > start).then_some(n))
    }

    fn n(&mut self) -> Result<u64, Error> {
        self.onum()?.ok_or(self.error())
    }

    /// Table entry `k` (from 1).
    fn entry(&self, k: usize) -> Result<&'a str, Error> {
        k.checked_sub(1)
            .and_then(|i| self.table.get(i))
            .copied()
            .ok_or(self.error())
    }

    fn os(&mut self) -> Result<Option<String>, Error> {
        match self.n()? as usize {
            0 => Ok(None),
            k => Ok(Some(self.entry(k)?.to_string())),
        }
    }

    fn s(&mut self) -> Result<String, Error> {
        self.os()?.ok_or(self.error())
    }

    /// `items[k]`, or `None` for an absent number.
    fn pick<T: Copy>(&mut self, items: &[T]) -> Result<Option<T>, Error> {
        match self.onum()? {
            None => Ok(None),
            Some(k) => items.get(k as usize).copied().map(Some).ok_or(self.error()),
        }
    }

    fn ospan(&mut self) -> Result<Option<Span>, Error> {
        let Some(start) = self.onum()? else {
            return Ok(None);
        };
        let len = self.n()?;
        let start = start as usize;
        Ok(Some([start, start.wrapping_add(len as usize)]))
    }

    fn span(&mut self) -> Result<Span, Error> {
        self.ospan()?.ok_or(self.error())
    }

    fn spans(&mut self) -> Result<Vec<Span>, Error> {
        self.list(|r| r.span())
    }

    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let n = self.n()? as usize;
        // Never trust a length for an allocation: each item takes at least a byte.
        let mut out = Vec::with_capacity(n.min(self.input.len() - self.at.min(self.input.len())));
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;

    /// A corpus with every field used, derivable values and values that are not.
    fn corpus() -> Corpus {
        let text = "Menu. About 8,000 \"troops\", it said.\nÇa — 300, done.";
        let mut a = Document {
            text: Some(text.into()),
            clutter: vec![[0, 5]],
            url: Some("https://example.org/a?x=1,2".into()),
            published: Some("2025-02-04".into()),
            published_inferred: true,
            ..sample::document("a", "Kyiv Independent")
        };
        a.title = "A \"title\", with 12, digits".into();
        let b = Document {
            outlet: None,
            ..sample::document("b", "")
        };
        let figure = Claim {
            id: "a#1".into(),
            quote: text[6..36].into(),
            span: [6, 36],
            mention: [6, 17],
            value: Some(8_000),
            value_high: Some(u64::MAX),
            qualifier: Some(Qualifier::About),
            metric: Some(Metric::Other),
            party: Some("North Korea".into()),
            subject: None,
            source: Some("Kyrylo Budanov".into()),
            source_org: Some("HUR".into()),
            via: vec!["UNN".into(), "The War Zone".into()],
            stated_on: Some("2025-02-01".into()),
            repeats: vec![[37, 48]],
            subset: true,
            cluster: "k1".into(),
            ..sample::claim()
        };
        let odd = Claim {
            id: "custom id".into(),
            quote: "not the text".into(),
            span: [2, 1],
            cluster: "k2".into(),
            qualifier: Some(Qualifier::Exact),
            metric: Some(Metric::Deployed),
            ..figure.clone()
        };
        let stance = Claim {
            doc: "b".into(),
            id: "b#1".into(),
            quote: String::new(),
            cluster: "k3".into(),
            ..sample::stance("b#1", "b", "withdrawn")
        };
        let mut c = Corpus {
            documents: vec![a, b],
            claims: vec![figure, odd, stance],
            questions: vec![sample::question()],
            attributions: vec![
                Attribution {
                    doc: "a".into(),
                    source: Some([0, 4]),
                    cue: None,
                    content: [6, 36],
                    claimant: Some("Kyrylo Budanov".into()),
                    claimant_org: None,
                },
                Attribution {
                    doc: "b".into(),
                    source: None,
                    cue: Some([3, 3]),
                    content: [0, 0],
                    claimant: None,
                    claimant_org: Some("Kremlin".into()),
                },
            ],
            ..Corpus::default()
        };
        c.contradictions = vec![
            Contradiction {
                a: "k1".into(),
                b: "k3".into(),
                reason: "written out: not what conflict says".into(),
            },
            Contradiction {
                a: "k9".into(),
                b: "k1".into(),
                reason: String::new(),
            },
        ];
        c
    }

    #[test]
    fn a_corpus_round_trips() {
        let c = corpus();
        let text = encode(&c);
        assert!(text.starts_with(MAGIC));
        assert_eq!(decode(&text), Ok(c.clone()));
        // Derived values are left out: the ids `doc#n`, the quote that is its span.
        assert!(!text.contains("a#1") && !text.contains("b#1"));
        assert!(text.contains("custom id") && text.contains("not the text"));
        let empty = Corpus::default();
        assert_eq!(decode(&encode(&empty)), Ok(empty));
    }

    #[test]
    fn a_reason_conflict_gives_again_is_left_out() {
        let mut c = corpus();
        c.claims[2].doc = "a".into();
        c.claims[2].id = "a#3".into();
        c.claims[2].kind = Kind::Figure;
        c.claims[2].value = Some(300);
        c.claims[2].qualifier = Some(Qualifier::Exact);
        let reason = derived_reason(&c, "k1", "k3").expect("8,000 against 300");
        c.contradictions[0].reason = reason.clone();
        let text = encode(&c);
        assert!(!text.contains(&reason), "{text}");
        assert_eq!(decode(&text), Ok(c));
    }

    #[test]
    fn strings_are_written_once() {
        let c = corpus();
        let text = encode(&c);
        assert_eq!(text.matches("Kyrylo Budanov").count(), 1);
        assert_eq!(text.matches("North Korea").count(), 1);
    }

    #[test]
    fn malformed_input_is_an_error_not_a_panic() {
        let text = encode(&corpus());
        assert_eq!(decode("nope"), Err(Error { at: 0 }));
        for cut in 0..text.len() {
            if let Some(head) = text.get(..cut) {
                assert!(decode(head).is_err(), "cut at {cut}");
            }
        }
        let e = decode(&format!("{text}1,")).unwrap_err();
        assert_eq!(e.offset(), text.len());
        assert!(e.to_string().contains("malformed at byte"));
        assert!(decode("claimscope:99999999999999999999999,").is_err());
        assert!(decode("claimscope:1,999\"ab").is_err());
    }
}
