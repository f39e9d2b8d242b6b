//! The document model and the claim records every other module produces or reads.
//!
//! These types are the JSON schema of `claimscope extract` (schema version [`SCHEMA`]) and of the
//! data the app embeds. Fields only ever get added; existing ones keep their meaning.

use serde::{Deserialize, Serialize};

/// Version of the JSON output. Bumped only when a field changes meaning.
pub const SCHEMA: u32 = 1;

/// A byte range `[start, end)` into a document's text.
pub type Span = [usize; 2];

/// One article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// File name without its extension.
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// True when `published` was inferred from dates in the text rather than read from a
    /// dateline, a byline or the metadata file.
    #[serde(default, skip_serializing_if = "is_false")]
    pub published_inferred: bool,
    /// Page clutter (navigation, bylines, widgets, appended items): no claims come from here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clutter: Vec<Span>,
    /// The article text. Embedded for the reader view; the CLI prints it only with `--text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Figure,
    Stance,
}

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    Deployed,
    Fighting,
    Killed,
    Wounded,
    Casualties,
    Captured,
    Missing,
    Displaced,
    Arrested,
    Other,
}

impl Metric {
    pub const ALL: [Metric; 10] = [
        Metric::Deployed,
        Metric::Fighting,
        Metric::Killed,
        Metric::Wounded,
        Metric::Casualties,
        Metric::Captured,
        Metric::Missing,
        Metric::Displaced,
        Metric::Arrested,
        Metric::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Deployed => "deployed",
            Metric::Fighting => "fighting",
            Metric::Killed => "killed",
            Metric::Wounded => "wounded",
            Metric::Casualties => "casualties",
            Metric::Captured => "captured",
            Metric::Missing => "missing",
            Metric::Displaced => "displaced",
            Metric::Arrested => "arrested",
            Metric::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// How a figure's value is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    UpTo,
    AtLeast,
    MoreThan,
    LessThan,
}

impl Qualifier {
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::UpTo,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::LessThan,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::UpTo => "up_to",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.as_str() == s)
    }
}

/// An open question of a story ("Withdrawn or still engaged?"), declared by the lexicon's
/// `[[question]]`, and its two positions. A stance claim takes one of the positions; the negation
/// or denial of one position is the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable key, used in the URL and exports ("troops-status").
    pub id: String,
    /// "Withdrawn or still engaged?"
    pub label: String,
    /// Whose status it is about (empty: anyone's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    pub positions: [Position; 2],
}

/// One of a question's two positions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The claim's `stance` value ("withdrawn").
    pub key: String,
    /// "still engaged"
    pub label: String,
    /// What a claimant says when taking it, with `{party}` for the party: "{party} troops
    /// are still engaged". Empty: the label.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub says: String,
}

impl Question {
    pub fn position(&self, key: &str) -> Option<&Position> {
        self.positions.iter().find(|p| p.key == key)
    }

    /// The other position's key.
    pub fn opposite(&self, key: &str) -> &str {
        if self.positions[0].key == key {
            &self.positions[1].key
        } else {
            &self.positions[0].key
        }
    }
}

impl Position {
    /// What a claimant says when taking this position about `party`: the `says` template
    /// filled in, or "{label} ({party})".
    pub fn statement(&self, party: Option<&str>) -> String {
        match (self.says.is_empty(), party) {
            (false, Some(p)) => self.says.replace("{party}", p),
            (false, None) => self.says.replace("{party} ", "").replace("{party}", ""),
            (true, Some(p)) => format!("{} ({p})", self.label),
            (true, None) => self.label.clone(),
        }
    }
}

/// One claim: a figure or a stance, who made it, when, and where it is in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// The [`Document::id`] it was read from.
    pub doc: String,
    pub kind: Kind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    pub party: Option<String>,
    /// Figures: what is counted, a short normalised description from the counted noun phrase,
    /// the metric and the place ("North Korean troops, fighting, Kursk", "people, killed,
    /// Eastern Marapi province"). Figures are compared only within a subject.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The count; `None` for vague counts such as "hundreds" (figures) and for stances.
    pub value: Option<u64>,
    /// The upper end of a range ("10,000 to 12,000").
    pub value_high: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// Stances: the [`Question::id`] the claim answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// Stances: the key of the position taken ([`Position::key`]); denials flip what they deny.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    /// Who makes the claim (canonical name), or `None` when the outlet states it itself.
    pub source: Option<String>,
    pub source_org: Option<String>,
    /// Outlets the claim passed through before this article, nearest to the claimant first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// When the claim was stated, `YYYY-MM-DD`.
    pub stated_on: Option<String>,
    /// The sentence that carries the claim, exactly as in the article.
    pub quote: String,
    /// Byte span of `quote` in the article text.
    pub span: Span,
    /// Byte span of the figure or stance words themselves (for highlighting).
    pub mention: Span,
    /// A part of another figure of the same sentence ("including 500 officers"): listed, but
    /// never compared with totals.
    #[serde(default, skip_serializing_if = "is_false")]
    pub subset: bool,
    /// Other places in the same article that repeat this claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repeats: Vec<Span>,
    /// Claims with the same cluster id are the same claim reported by several articles.
    #[serde(default)]
    pub cluster: String,
}

impl Claim {
    /// The quote split around the figure or stance words: `[before, mention, after]`. A mention
    /// outside the quote (malformed input) leaves the whole quote in `before`.
    pub fn quote_parts(&self) -> [&str; 3] {
        let q = self.quote.as_str();
        let (s, e) = (
            self.mention[0].wrapping_sub(self.span[0]),
            self.mention[1].wrapping_sub(self.span[0]),
        );
        if s <= e && e <= q.len() && q.is_char_boundary(s) && q.is_char_boundary(e) {
            [&q[..s], &q[s..e], &q[e..]]
        } else {
            [q, "", ""]
        }
    }
}

/// Who says what: one attribution relation as the attribution literature (PARC 3.0, PolNeAR)
/// defines it. A `content` span (what is said, reported, estimated or believed), the `cue` that
/// reports it ("said", "according to", ":") and the `source` span naming who, all byte spans
/// into the document's text; `claimant` is who the source resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The [`Document::id`] it was read from.
    pub doc: String,
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    /// The canonical name of who says it, or `None` when the source names nobody the
    /// extractor can tell (then the outlet states it).
    pub claimant: Option<String>,
    pub claimant_org: Option<String>,
}

/// Two clusters that cannot both be true.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    pub a: String,
    pub b: String,
    pub reason: String,
}

/// Everything extracted from a set of articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: u32,
    pub documents: Vec<Document>,
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub contradictions: Vec<Contradiction>,
    /// The story's open questions (what stance claims answer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Who says what in each document (`claimscope extract --attributions`, and the app).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution>,
    /// Documents by id, built on the first lookup (a cache, not data: never serialised).
    #[serde(skip)]
    pub index: DocIndex,
}

/// Positions of documents in id order, built once (binary search through the model's one sort
/// routine: no hash map of strings in the browser build). Not part of the data: two corpora
/// with the same documents are equal whether or not either has been indexed.
#[derive(Debug, Default)]
pub struct DocIndex(std::sync::OnceLock<Vec<u32>>);

impl Clone for DocIndex {
    fn clone(&self) -> Self {
        DocIndex::default()
    }
}

impl PartialEq for DocIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for DocIndex {}

impl Default for Corpus {
    fn default() -> Self {
        Corpus {
            schema: SCHEMA,
            documents: Vec::new(),
            claims: Vec::new(),
            contradictions: Vec::new(),
            questions: Vec::new(),
            attributions: Vec::new(),
            index: DocIndex::default(),
        }
    }
}

impl Corpus {
    /// What a claim says, in a few words: "about 8,000 fighting", "withdrawn".
    pub fn claim_summary(&self, c: &Claim) -> String {
        match c.kind {
            Kind::Figure => format!(
                "{} {}",
                crate::format::describe_value(c.value, c.value_high, c.qualifier),
                c.metric.map_or("", |m| m.as_str())
            ),
            Kind::Stance => self.stance_label(c),
        }
    }

    /// How widely the claims at `positions` were reported: (articles, outlets). An article
    /// without an outlet counts as its own.
    pub fn reach(&self, positions: &[u32]) -> (usize, usize) {
        let mut docs: Vec<&str> = Vec::new();
        let mut outlets: Vec<&str> = Vec::new();
        for c in positions
            .iter()
            .filter_map(|&i| self.claims.get(i as usize))
        {
            if !docs.contains(&c.doc.as_str()) {
                docs.push(&c.doc);
            }
            let outlet = self
                .document(&c.doc)
                .and_then(|d| d.outlet.as_deref())
                .unwrap_or(c.doc.as_str());
            if !outlets.contains(&outlet) {
                outlets.push(outlet);
            }
        }
        (docs.len(), outlets.len())
    }

    /// The stance stacking's name: "Stance (withdrawn / still engaged)", one question's
    /// positions, or "Stance (positions on 3 questions)".
    pub fn stance_stack_label(&self) -> String {
        match self.questions.as_slice() {
            [q] => format!(
                "Stance ({} / {})",
                q.positions[0].label, q.positions[1].label
            ),
            [] => "Stance".to_string(),
            qs => format!("Stance (positions on {} questions)", qs.len()),
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The question and position a stance claim takes, when the corpus declares them.
    pub fn position_of(&self, c: &Claim) -> Option<(&Question, &Position)> {
        let q = self.question(c.question.as_deref()?)?;
        Some((q, q.position(c.stance.as_deref()?)?))
    }

    /// How a position reads: its label ("still engaged"), prefixed by the question when
    /// another question has a position of the same label ("Dam breached?: yes").
    pub fn position_label(&self, q: &Question, p: &Position) -> String {
        let shared = self
            .questions
            .iter()
            .any(|o| o.id != q.id && o.positions.iter().any(|x| x.label == p.label));
        if shared {
            format!("{}: {}", q.label, p.label)
        } else {
            p.label.clone()
        }
    }

    /// How a stance claim's position reads ([`Corpus::position_label`]); the bare key when the
    /// corpus does not declare its question.
    pub fn stance_label(&self, c: &Claim) -> String {
        match self.position_of(c) {
            Some((q, p)) => self.position_label(q, p),
            None => c.stance.clone().unwrap_or_default(),
        }
    }

    /// What a stance claim says, as a sentence part: "North Korea troops are still engaged".
    pub fn stance_statement(&self, c: &Claim) -> String {
        match self.position_of(c) {
            Some((_, p)) => p.statement(c.party.as_deref()),
            None => c.stance.clone().unwrap_or_default(),
        }
    }

    /// The document with this id: a hash lookup (the index is built on the first call). A
    /// miss (or a corpus whose documents changed since) is searched linearly: never a wrong answer.
    pub fn document(&self, id: &str) -> Option<&Document> {
        let docs = &self.documents;
        let order = self.index.0.get_or_init(|| {
            let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
            let rank = crate::sort::text_ranks(&ids);
            crate::sort::sorted_positions(ids.len(), &|i| (rank[i as usize], 0))
        });
        let id_at = |i: u32| docs.get(i as usize).map_or("", |d| d.id.as_str());
        // The first of equal ids (the sort is stable), as a linear search would find.
        let at = order.partition_point(|&i| id_at(i) < id);
        match order.get(at).and_then(|&i| docs.get(i as usize)) {
            Some(d) if d.id == id && order.len() == docs.len() => Some(d),
            _ => docs.iter().find(|d| d.id == id),
        }
    }
}

/// Records for the core's unit tests, to be adjusted with struct update syntax.
#[cfg(test)]
pub(crate) mod sample {
    use super::*;

    /// "At least 300 killed", claim `a#1` of article `a`, cluster `k1`, no claimant.
    pub fn claim() -> Claim {
        Claim {
            id: "a#1".into(),
            doc: "a".into(),
            kind: Kind::Figure,
            metric: Some(Metric::Killed),
            party: None,
            subject: None,
            value: Some(300),
            value_high: None,
            qualifier: Some(Qualifier::AtLeast),
            question: None,
            stance: None,
            source: None,
            source_org: None,
            via: vec![],
            stated_on: None,
            quote: String::new(),
            span: [0, 1],
            mention: [0, 1],
            subset: false,
            repeats: vec![],
            cluster: "k1".into(),
        }
    }

    /// [`claim`]s read from the articles `docs`, one each.
    pub fn claims_in(docs: &[&str]) -> Vec<Claim> {
        docs.iter()
            .map(|d| Claim {
                doc: d.to_string(),
                ..claim()
            })
            .collect()
    }

    /// The Kursk question: "withdrawn" or "engaged" (North Korea).
    pub fn question() -> Question {
        crate::synth::question()
    }

    /// A stance claim `id` of article `doc` taking `position` on [`question`].
    pub fn stance(id: &str, doc: &str, position: &str) -> Claim {
        Claim {
            id: id.into(),
            doc: doc.into(),
            kind: Kind::Stance,
            metric: None,
            party: Some("North Korea".into()),
            subject: None,
            value: None,
            qualifier: None,
            question: Some("troops-status".into()),
            stance: Some(position.into()),
            ..claim()
        }
    }

    /// Article `id` ("Title {id}") from `outlet`.
    pub fn document(id: &str, outlet: &str) -> Document {
        Document {
            id: id.into(),
            title: format!("Title {id}"),
            outlet: Some(outlet.into()),
            url: None,
            published: None,
            published_inferred: false,
            clutter: vec![],
            text: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(span: Span, mention: Span, quote: &str) -> Claim {
        Claim {
            quote: quote.into(),
            span,
            mention,
            ..sample::claim()
        }
    }

    #[test]
    fn quote_parts_split_around_the_mention() {
        let c = claim([10, 35], [13, 25], "At least 300 men died, it says.");
        assert_eq!(c.quote_parts(), ["At ", "least 300 me", "n died, it says."]);
        let bad = claim([10, 20], [5, 50], "short one");
        assert_eq!(bad.quote_parts(), ["short one", "", ""]);
    }

    #[test]
    fn documents_are_found_by_id_even_after_the_list_changes() {
        let mut c = Corpus {
            documents: vec![sample::document("a", "X"), sample::document("b", "Y")],
            ..Corpus::default()
        };
        assert_eq!(c.document("b").map(|d| d.id.as_str()), Some("b"));
        assert!(c.document("zz").is_none());
        c.documents.insert(0, sample::document("c", "Z"));
        assert_eq!(c.document("b").map(|d| d.id.as_str()), Some("b"));
        assert_eq!(c.document("c").map(|d| d.id.as_str()), Some("c"));
    }

    #[test]
    fn reach_counts_articles_and_outlets() {
        let c = Corpus {
            documents: vec![
                sample::document("a", "UNN"),
                sample::document("b", "UNN"),
                sample::document("c", "NYT"),
            ],
            claims: sample::claims_in(&["a", "b", "c", "c"]),
            ..Corpus::default()
        };
        assert_eq!(c.reach(&[0, 1, 2, 3]), (3, 2));
        assert_eq!(c.reach(&[2, 3, 99]), (1, 1));
        assert_eq!(c.claim_summary(&c.claims[0]), "at least 300 killed");
        let s = sample::stance("a#2", "a", "engaged");
        let with_q = Corpus {
            questions: vec![sample::question()],
            ..Corpus::default()
        };
        assert_eq!(with_q.claim_summary(&s), "still engaged");
        assert_eq!(
            with_q.stance_statement(&s),
            "North Korea troops are still engaged"
        );
        assert_eq!(Corpus::default().claim_summary(&s), "engaged");
    }
}
