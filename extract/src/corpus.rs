//! From articles to a [`Corpus`]: extract each article, settle publication dates (dateline,
//! metadata, or inferred from the dates the text mentions), resolve when each claim was stated,
//! then cluster and compare.

use chrono::{Datelike, NaiveDate};

use crate::attribution::Claimant;
use crate::date::{resolve, DateExpr};
use crate::extract::{analyze, Analysis};
use crate::lexicon::Lexicon;
use claimscope_model::cluster::{assign_clusters, contradictions};
use claimscope_model::model::{Attribution, Claim, Corpus, Document, SCHEMA};

/// What the metadata file says about one article (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleMeta {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub outlet: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<String>,
}

impl ArticleMeta {
    /// These fields, and `fallback`'s where these are unset (a `meta.toml` entry over what a
    /// saved page says about itself).
    pub fn over(self, fallback: ArticleMeta) -> ArticleMeta {
        ArticleMeta {
            id: self.id,
            title: self.title.or(fallback.title),
            outlet: self.outlet.or(fallback.outlet),
            url: self.url.or(fallback.url),
            published: self.published.or(fallback.published),
        }
    }
}

/// One article to extract.
#[derive(Debug, Clone)]
pub struct Input {
    pub id: String,
    pub text: String,
    pub meta: Option<ArticleMeta>,
}

/// Options for [`build`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep each article's text in the output (the app's reader view needs it).
    pub with_text: bool,
    /// List every attribution relation (who says what) in [`Corpus::attributions`].
    pub with_attributions: bool,
}

/// Extracts every input (in parallel when `analyses` were computed elsewhere, see
/// [`build_from`]) and assembles the corpus.
pub fn build(inputs: &[Input], lex: &Lexicon, opts: Options) -> Corpus {
    let analyses: Vec<Analysis> = inputs.iter().map(|i| analyze(&i.text, lex)).collect();
    build_from(inputs, analyses, lex, opts)
}

/// Assembles a corpus from inputs and their analyses (same order, made with `lex`).
pub fn build_from(
    inputs: &[Input],
    analyses: Vec<Analysis>,
    lex: &Lexicon,
    opts: Options,
) -> Corpus {
    // 1. Publication dates stated by the page or the metadata.
    let stated: Vec<Option<NaiveDate>> = inputs
        .iter()
        .zip(&analyses)
        .map(|(input, a)| {
            let from_meta = input
                .meta
                .as_ref()
                .and_then(|m| m.published.as_deref())
                .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
            from_meta
                .or_else(|| {
                    a.layout
                        .published_text
                        .as_deref()
                        .and_then(|t| crate::date::parse_date_text_in(t, &lex.grammar))
                        .and_then(|e| resolve(e, None, None))
                })
                .or_else(|| date_in_name(&input.id))
        })
        .collect();
    let median = median_date(&stated);
    // 2. Inferred ones, from the dates the body mentions.
    let published: Vec<(Option<NaiveDate>, bool)> = stated
        .iter()
        .zip(&analyses)
        .map(|(s, a)| match s {
            Some(d) => (Some(*d), false),
            None => (
                infer_published(&a.body_dates, median).filter(|d| plausible(*d, median)),
                true,
            ),
        })
        .map(|(d, inferred)| (d, inferred && d.is_some()))
        .collect();

    let mut corpus = Corpus {
        schema: SCHEMA,
        questions: lex.questions.iter().map(|(q, _)| q.clone()).collect(),
        ..Corpus::default()
    };
    for ((input, a), (pubdate, inferred)) in inputs.iter().zip(analyses).zip(published) {
        let meta = input.meta.clone().unwrap_or_default();
        corpus.documents.push(Document {
            id: input.id.clone(),
            title: meta
                .title
                .clone()
                .or(a.layout.title.clone())
                .unwrap_or_else(|| input.id.clone()),
            outlet: meta.outlet.clone().or(a.layout.outlet.clone()),
            url: meta.url.clone(),
            published: pubdate.map(|d| d.to_string()),
            published_inferred: inferred,
            clutter: a.layout.clutter.clone(),
            text: opts.with_text.then(|| input.text.clone()),
        });
        if opts.with_attributions {
            corpus
                .attributions
                .extend(a.relations.iter().map(|r| Attribution {
                    doc: input.id.clone(),
                    source: r.source,
                    cue: r.cue,
                    content: r.content,
                    claimant: r.claimant.as_ref().map(|c| c.source.clone()),
                    claimant_org: r.claimant.as_ref().and_then(|c| c.org.clone()),
                }));
        }
        // A claim the outlet itself makes ("(Anatolian Ledger tally)") is the outlet's: no
        // claimant, like its other own statements.
        let outlet = corpus.documents.last().and_then(|d| d.outlet.clone());
        let own = |c: &Claimant| {
            outlet
                .as_ref()
                .is_some_and(|o| o.eq_ignore_ascii_case(&c.source))
        };
        for (n, mut c) in a.claims.into_iter().enumerate() {
            if c.claimant.as_ref().is_some_and(own) {
                c.claimant = None;
            }
            let stated_on = c
                .stated
                .and_then(|e| resolve(e, pubdate, median.map(|m| m.year())))
                .or(pubdate);
            corpus.claims.push(Claim {
                id: format!("{}#{}", input.id, n + 1),
                doc: input.id.clone(),
                kind: c.kind,
                metric: c.metric,
                party: c.party,
                subject: c.subject,
                value: c.value,
                value_high: c.value_high,
                qualifier: c.qualifier,
                question: c.stance.map(|t| lex.questions[t.question].0.id.clone()),
                stance: c.stance.map(|t| {
                    let q = &lex.questions[t.question].0;
                    q.positions[t.position].key.clone()
                }),
                source: c.claimant.as_ref().map(|x| x.source.clone()),
                source_org: c.claimant.and_then(|x| x.org),
                via: c.via,
                stated_on: stated_on.map(|d| d.to_string()),
                quote: input.text[c.span[0]..c.span[1]].to_string(),
                span: c.span,
                mention: c.mention,
                subset: c.subset,
                repeats: c.repeats,
                cluster: String::new(),
            });
        }
    }
    assign_clusters(&mut corpus);
    corpus.contradictions = contradictions(&corpus);
    corpus
}

fn median_date(dates: &[Option<NaiveDate>]) -> Option<NaiveDate> {
    let mut known: Vec<NaiveDate> = dates.iter().flatten().copied().collect();
    known.sort();
    known.get(known.len() / 2).copied()
}

/// A `YYYY-MM-DD` in a file name ("nyt_2016-06-07_germany-pledges"), as many saved corpora
/// name their files.
pub fn date_in_name(name: &str) -> Option<NaiveDate> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let s = name.get(i..i + 10)?;
        let shaped = s.bytes().enumerate().all(|(k, c)| match k {
            4 | 7 => c == b'-',
            _ => c.is_ascii_digit(),
        });
        let bounded = |j: Option<&u8>| j.is_none_or(|c| !c.is_ascii_digit());
        (shaped && bounded(i.checked_sub(1).and_then(|j| b.get(j))) && bounded(b.get(i + 10)))
            .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .flatten()
    })
}

/// Days an inferred publication date may lie before the corpus's stated ones: a date further
/// back is a reference to past events ("the 2008 primary"), not when the article was written.
const INFERRED_BEFORE_DAYS: i64 = 366;

/// Whether an inferred date is plausible beside the dates the corpus states (when it states
/// none, there is nothing to doubt it by).
fn plausible(d: NaiveDate, median: Option<NaiveDate>) -> bool {
    median.is_none_or(|m| (m - d).num_days() <= INFERRED_BEFORE_DAYS)
}

/// The publication date an article implies: just after the latest date it mentions. Month-days
/// without a year are placed on the calendar by their order (the largest gap between them is
/// where the year turns before the article was written) and by the corpus's other dates.
pub fn infer_published(dates: &[DateExpr], corpus_median: Option<NaiveDate>) -> Option<NaiveDate> {
    let full: Vec<NaiveDate> = dates
        .iter()
        .filter_map(|d| match d {
            DateExpr::Full(x) => Some(*x),
            _ => None,
        })
        .collect();
    let mut md: Vec<(u32, u32)> = dates
        .iter()
        .filter_map(|d| match d {
            DateExpr::MonthDay {
                month,
                day,
                year: None,
            } => Some((*month, *day)),
            DateExpr::MonthDay {
                month,
                day,
                year: Some(_),
            } => Some((*month, *day)),
            DateExpr::Full(x) => Some((x.month(), x.day())),
            _ => None,
        })
        .collect();
    let latest_full = full.iter().max().copied();
    if md.is_empty() {
        return latest_full;
    }
    md.sort();
    md.dedup();
    // The month-day that ends the sequence: the one before the largest circular gap.
    let ordinal = |(m, d): (u32, u32)| m * 31 + d;
    let mut last = md[md.len() - 1];
    let mut best_gap = 0;
    for k in 0..md.len() {
        let a = md[k];
        let b = md[(k + 1) % md.len()];
        let gap = (ordinal(b) + 12 * 31 - ordinal(a)) % (12 * 31);
        let gap = if md.len() == 1 { 12 * 31 } else { gap };
        if gap > best_gap {
            best_gap = gap;
            last = a;
        }
    }
    // Its year: not before the latest full date, else nearest the corpus's dates.
    let anchor = latest_full.or(corpus_median)?;
    let candidates = [anchor.year() - 1, anchor.year(), anchor.year() + 1];
    let pick = candidates
        .iter()
        .filter_map(|&y| {
            NaiveDate::from_ymd_opt(y, last.0, last.1)
                .or_else(|| NaiveDate::from_ymd_opt(y, last.0, 28))
        })
        .filter(|d| latest_full.is_none_or(|f| *d >= f))
        .min_by_key(|d| (*d - anchor).num_days().abs());
    match (pick, latest_full) {
        (Some(p), Some(f)) => Some(p.max(f)),
        (Some(p), None) => Some(p),
        (None, f) => f,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn md(month: u32, day: u32) -> DateExpr {
        DateExpr::MonthDay {
            month,
            day,
            year: None,
        }
    }

    #[test]
    fn the_outlet_s_own_count_has_no_claimant() {
        let lex = Lexicon::builtin();
        let text = "Quake toll passes 100\n\
                    Live coverage, Thursday 9 February 2023\n\n\
                    Key figures (Anatolian Ledger tally)\n\
                    - Dead: 120\n\n\
                    The interior ministry said 50 people had died in Hatay.\n";
        let meta = ArticleMeta {
            id: "live".into(),
            outlet: Some("Anatolian Ledger".into()),
            ..ArticleMeta::default()
        };
        let input = Input {
            id: "live".into(),
            text: text.into(),
            meta: Some(meta),
        };
        let corpus = build(&[input], &lex, Options::default());
        let source = |v: u64| {
            let c = corpus.claims.iter().find(|c| c.value == Some(v)).unwrap();
            c.source.clone()
        };
        assert_eq!(source(120), None);
        assert_eq!(source(50).as_deref(), Some("Interior ministry"));
    }

    #[test]
    fn file_names_give_dates() {
        assert_eq!(
            date_in_name("nyt_2016-06-07_germany-pledges"),
            Some(d(2016, 6, 7))
        );
        assert_eq!(date_in_name("2025-02-04"), Some(d(2025, 2, 4)));
        assert_eq!(date_in_name("report-12025-02-04"), None);
        assert_eq!(date_in_name("2025-13-04_x"), None);
        assert_eq!(date_in_name("seed_001"), None);
    }

    #[test]
    fn inferred_dates_far_before_the_corpus_are_dropped() {
        assert!(plausible(d(2025, 1, 20), Some(d(2025, 2, 4))));
        assert!(!plausible(d(2008, 10, 28), Some(d(2015, 6, 1))));
        assert!(plausible(d(2008, 10, 28), None));
    }

    #[test]
    fn inferred_date_follows_the_latest_mention() {
        let dates = [md(1, 28), md(2, 4), md(1, 31), md(1, 15)];
        assert_eq!(
            infer_published(&dates, Some(d(2025, 2, 4))),
            Some(d(2025, 2, 4))
        );
        // Across a year end, August of the year before.
        let dates = [md(8, 6), md(1, 30), md(2, 7), md(1, 15)];
        assert_eq!(
            infer_published(&dates, Some(d(2025, 2, 4))),
            Some(d(2025, 2, 7))
        );
        let dates = [DateExpr::Full(d(2024, 10, 24)), md(1, 13)];
        assert_eq!(infer_published(&dates, None), Some(d(2025, 1, 13)));
    }

    #[test]
    fn nothing_to_go_on() {
        assert_eq!(infer_published(&[], Some(d(2025, 2, 4))), None);
        assert_eq!(infer_published(&[md(2, 4)], None), None);
    }
}
