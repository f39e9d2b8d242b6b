//! The explorer's query path: claims laid out as columns of interned values, filters as sets of
//! value ids, and one pass that yields the matching claims, the count of every facet value
//! (each facet ignoring its own filter, as Datasette and crossfilter do), the weekly bins
//! (ignoring the date filter) and the newest matches.
//!
//! Nothing here allocates per claim on a query: a pass is a loop over integer columns.

use rustc_hash::FxHashMap as HashMap;

use crate::day::parse_day;
use crate::model::{Corpus, Kind, Metric, Qualifier, Stance};

/// A facet: a column the user can filter on by picking values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Claimant,
    Org,
    Outlet,
    Article,
    Metric,
    Party,
    Kind,
    Qualifier,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Claimant,
        Facet::Org,
        Facet::Outlet,
        Facet::Article,
        Facet::Metric,
        Facet::Party,
        Facet::Kind,
        Facet::Qualifier,
    ];

    /// The URL parameter and CSS-friendly name.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Claimant => "claimant",
            Facet::Org => "org",
            Facet::Outlet => "outlet",
            Facet::Article => "article",
            Facet::Metric => "metric",
            Facet::Party => "party",
            Facet::Kind => "kind",
            Facet::Qualifier => "qualifier",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Claimant => "Claimant",
            Facet::Org => "Organisation",
            Facet::Outlet => "Outlet",
            Facet::Article => "Article",
            Facet::Metric => "Metric",
            Facet::Party => "Party",
            Facet::Kind => "Kind / stance",
            Facet::Qualifier => "Qualifier",
        }
    }

    pub fn from_key(k: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == k)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The label of a missing value (no claimant, no party...).
pub const NONE_LABEL: &str = "(none)";

/// Series of the weekly chart: the seven metrics, then the two stances.
pub const SERIES: usize = 9;

/// Claims as columns.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per facet: the value id of each claim.
    columns: Vec<Vec<u32>>,
    /// Per facet: the label of each value id.
    labels: Vec<Vec<String>>,
    /// Day number of `stated_on` (`i32::MIN` when unknown).
    days: Vec<i32>,
    /// Chart series of each claim (metric, or 7 + stance).
    series: Vec<u8>,
    /// Week of each claim, counted from the first dated claim's week (`u32::MAX` if undated).
    week: Vec<u32>,
    /// Lower-cased quote, claimant and article, for full-text search.
    haystack: Vec<String>,
    /// Claim positions, newest first.
    by_date: Vec<u32>,
    first_day: i32,
    last_day: i32,
}

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Per facet, the selected value ids (empty = no filter). Values of a facet combine with OR,
    /// facets with AND.
    pub selected: [Vec<u32>; 8],
    /// Words that must all appear (case-insensitive) in the quote, claimant or article.
    pub search: String,
    /// Inclusive day range.
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(Vec::is_empty)
            && self.search.trim().is_empty()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// Adds `id` to a facet's selection, or removes it if there.
    pub fn toggle(&mut self, facet: Facet, id: u32) {
        let sel = &mut self.selected[facet.index()];
        match sel.iter().position(|&x| x == id) {
            Some(p) => {
                sel.remove(p);
            }
            None => {
                sel.push(id);
                sel.sort_unstable();
            }
        }
    }

    pub fn is_selected(&self, facet: Facet, id: u32) -> bool {
        self.selected[facet.index()].contains(&id)
    }
}

/// The answer to a [`Filter`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answer {
    /// Number of matching claims.
    pub total: usize,
    /// Per facet, `(value id, count)` of every value with a count, largest first.
    pub facets: Vec<Vec<(u32, u32)>>,
    /// Weekly counts ignoring the date filter: `(Monday's day number, counts per series)`.
    pub weeks: Vec<(i32, [u32; SERIES])>,
    /// Matching claims (positions in the corpus), newest first, at most `limit`.
    pub top: Vec<u32>,
}

fn series_of(kind: Kind, metric: Option<Metric>, stance: Option<Stance>) -> u8 {
    match (kind, metric, stance) {
        (Kind::Stance, _, Some(Stance::Withdrawn)) => 7,
        (Kind::Stance, _, _) => 8,
        (_, Some(m), _) => m as u8,
        _ => Metric::Other as u8,
    }
}

/// The label of chart series `s`.
pub fn series_label(s: usize) -> &'static str {
    match s {
        0..=6 => Metric::ALL[s].as_str(),
        7 => "withdrawn",
        _ => "engaged",
    }
}

/// Monday on or before day `d`.
pub fn week_start(d: i32) -> i32 {
    d - crate::day::weekday(d) as i32
}

struct Interner {
    ids: HashMap<String, u32>,
    labels: Vec<String>,
}

impl Interner {
    fn new() -> Interner {
        Interner {
            ids: HashMap::default(),
            labels: Vec::new(),
        }
    }

    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = self.labels.len() as u32;
        self.labels.push(s.to_string());
        self.ids.insert(s.to_string(), i);
        i
    }
}

impl Index {
    /// Lays out the claims of `corpus` as columns.
    pub fn new(corpus: &Corpus) -> Index {
        let mut interners: Vec<Interner> = Facet::ALL.iter().map(|_| Interner::new()).collect();
        let mut columns: Vec<Vec<u32>> = Facet::ALL
            .iter()
            .map(|_| Vec::with_capacity(corpus.claims.len()))
            .collect();
        let docs: HashMap<&str, usize> = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut days = Vec::with_capacity(corpus.claims.len());
        let mut series = Vec::with_capacity(corpus.claims.len());
        let mut haystack = Vec::with_capacity(corpus.claims.len());
        for c in &corpus.claims {
            let doc = docs.get(c.doc.as_str()).map(|&i| &corpus.documents[i]);
            let kind = match (c.kind, c.stance) {
                (Kind::Figure, _) => "figure",
                (Kind::Stance, Some(Stance::Withdrawn)) => "withdrawn",
                (Kind::Stance, _) => "engaged",
            };
            let values: [&str; 8] = [
                c.source.as_deref().unwrap_or(NONE_LABEL),
                c.source_org.as_deref().unwrap_or(NONE_LABEL),
                doc.and_then(|d| d.outlet.as_deref()).unwrap_or(NONE_LABEL),
                doc.map_or(c.doc.as_str(), |d| d.title.as_str()),
                c.metric.map_or(NONE_LABEL, Metric::as_str),
                c.party.as_deref().unwrap_or(NONE_LABEL),
                kind,
                c.qualifier.map_or(NONE_LABEL, Qualifier::as_str),
            ];
            for (f, v) in values.iter().enumerate() {
                columns[f].push(interners[f].id(v));
            }
            days.push(
                c.stated_on
                    .as_deref()
                    .and_then(parse_day)
                    .unwrap_or(i32::MIN),
            );
            series.push(series_of(c.kind, c.metric, c.stance));
            // Claimants and articles are facets; search looks in the quote.
            haystack.push(c.quote.to_lowercase());
        }
        let mut by_date: Vec<u32> = (0..corpus.claims.len() as u32).collect();
        by_date.sort_by_key(|&i| std::cmp::Reverse(days[i as usize]));
        let known = days.iter().copied().filter(|&d| d != i32::MIN);
        let first_day = known.clone().min().unwrap_or(0);
        let last_day = known.max().unwrap_or(0);
        let w0 = week_start(first_day);
        let week = days
            .iter()
            .map(|&d| {
                if d == i32::MIN {
                    u32::MAX
                } else {
                    ((week_start(d) - w0) / 7) as u32
                }
            })
            .collect();
        Index {
            columns,
            labels: interners.into_iter().map(|i| i.labels).collect(),
            days,
            series,
            week,
            haystack,
            by_date,
            first_day,
            last_day,
        }
    }

    pub fn len(&self) -> usize {
        self.days.len()
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The label of value `id` of `facet`.
    pub fn label(&self, facet: Facet, id: u32) -> &str {
        self.labels[facet.index()]
            .get(id as usize)
            .map_or("", String::as_str)
    }

    /// The id of the value labelled `label`, if any claim has it.
    pub fn id_of(&self, facet: Facet, label: &str) -> Option<u32> {
        self.labels[facet.index()]
            .iter()
            .position(|l| l == label)
            .map(|p| p as u32)
    }

    /// Number of distinct values of `facet`.
    pub fn cardinality(&self, facet: Facet) -> usize {
        self.labels[facet.index()].len()
    }

    /// Day numbers of the earliest and latest dated claims.
    pub fn day_range(&self) -> (i32, i32) {
        (self.first_day, self.last_day)
    }

    /// Runs `filter`; `limit` caps [`Answer::top`].
    pub fn query(&self, filter: &Filter, limit: usize) -> Answer {
        let n = self.len();
        // Per facet, a lookup table: does value id pass? (None = no filter on that facet.)
        let tables: Vec<Option<Vec<bool>>> = Facet::ALL
            .iter()
            .map(|f| {
                let sel = &filter.selected[f.index()];
                (!sel.is_empty()).then(|| {
                    let mut t = vec![false; self.labels[f.index()].len()];
                    for &id in sel {
                        if let Some(x) = t.get_mut(id as usize) {
                            *x = true;
                        }
                    }
                    t
                })
            })
            .collect();
        let words: Vec<String> = filter
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        const DATE_BIT: u16 = 1 << 8;
        const SEARCH_BIT: u16 = 1 << 9;
        let date_active = filter.from.is_some() || filter.to.is_some();
        let (from, to) = (
            filter.from.unwrap_or(i32::MIN),
            filter.to.unwrap_or(i32::MAX),
        );

        let active: Vec<(usize, &Vec<bool>)> = tables
            .iter()
            .enumerate()
            .filter_map(|(f, t)| t.as_ref().map(|t| (f, t)))
            .collect();
        let weeks_len = if self.last_day >= self.first_day && n > 0 {
            ((week_start(self.last_day) - week_start(self.first_day)) / 7 + 1) as usize
        } else {
            0
        };
        let mut weeks = vec![[0u32; SERIES]; weeks_len];
        let w0 = week_start(self.first_day);
        // Claims that pass everything, and per facet those that fail only that facet.
        let mut matched: Vec<u32> = Vec::with_capacity(n);
        let mut only: Vec<Vec<u32>> = vec![Vec::new(); Facet::ALL.len()];
        for i in 0..n {
            let mut fails: u16 = 0;
            for &(f, t) in &active {
                if !t[self.columns[f][i] as usize] {
                    fails |= 1 << f;
                }
            }
            let d = self.days[i];
            if date_active && !(d >= from && d <= to) {
                fails |= DATE_BIT;
            }
            if !words.is_empty() && !words.iter().all(|w| self.haystack[i].contains(w.as_str())) {
                fails |= SEARCH_BIT;
            }
            if fails == 0 {
                matched.push(i as u32);
            } else if fails.is_power_of_two() && fails < DATE_BIT {
                only[fails.trailing_zeros() as usize].push(i as u32);
            }
            if (fails & !DATE_BIT) == 0 {
                if let Some(row) = weeks.get_mut(self.week[i] as usize) {
                    row[self.series[i] as usize] += 1;
                }
            }
        }
        let total = matched.len();
        let mut facets: Vec<Vec<u32>> = Vec::with_capacity(Facet::ALL.len());
        for (f, extra) in only.iter().enumerate() {
            let col = &self.columns[f];
            let mut counts = vec![0u32; self.labels[f].len()];
            for &i in &matched {
                counts[col[i as usize] as usize] += 1;
            }
            for &i in extra {
                counts[col[i as usize] as usize] += 1;
            }
            facets.push(counts);
        }
        let facets = facets
            .into_iter()
            .map(|counts| {
                let mut v: Vec<(u32, u32)> = counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, c)| *c > 0)
                    .map(|(id, c)| (id as u32, c))
                    .collect();
                v.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                v
            })
            .collect();
        let mut pass = vec![false; n];
        for &i in &matched {
            pass[i as usize] = true;
        }
        let top = self
            .by_date
            .iter()
            .copied()
            .filter(|&i| pass[i as usize])
            .take(limit)
            .collect();
        let weeks = weeks
            .into_iter()
            .enumerate()
            .map(|(k, row)| (w0 + 7 * k as i32, row))
            .collect();
        Answer {
            total,
            facets,
            weeks,
            top,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Document};

    fn claim(
        i: usize,
        doc: &str,
        source: Option<&str>,
        metric: Option<Metric>,
        stance: Option<Stance>,
        day: &str,
    ) -> Claim {
        Claim {
            id: format!("{doc}#{i}"),
            doc: doc.into(),
            kind: if stance.is_some() {
                Kind::Stance
            } else {
                Kind::Figure
            },
            metric,
            party: Some("North Korea".into()),
            value: metric.map(|_| 100 * i as u64),
            value_high: None,
            qualifier: metric.map(|_| Qualifier::About),
            stance,
            source: source.map(str::to_string),
            source_org: None,
            via: vec![],
            stated_on: Some(day.into()),
            quote: format!("quote number {i} about troops"),
            span: [0, 1],
            mention: [0, 1],
            subset: false,
            repeats: vec![],
            cluster: format!("k{i}"),
        }
    }

    fn corpus() -> Corpus {
        let doc = |id: &str, outlet: &str| Document {
            id: id.into(),
            title: format!("Title {id}"),
            outlet: Some(outlet.into()),
            url: None,
            published: Some("2025-02-04".into()),
            published_inferred: false,
            clutter: vec![],
            text: None,
        };
        Corpus {
            documents: vec![doc("a", "UNN"), doc("b", "Kyiv Independent")],
            claims: vec![
                claim(
                    1,
                    "a",
                    Some("Budanov"),
                    Some(Metric::Fighting),
                    None,
                    "2025-02-04",
                ),
                claim(
                    2,
                    "a",
                    Some("Budanov"),
                    None,
                    Some(Stance::Engaged),
                    "2025-02-04",
                ),
                claim(
                    3,
                    "b",
                    Some("NIS"),
                    Some(Metric::Killed),
                    None,
                    "2025-01-13",
                ),
                claim(4, "b", None, Some(Metric::Deployed), None, "2025-02-07"),
                claim(
                    5,
                    "b",
                    Some("NYT"),
                    None,
                    Some(Stance::Withdrawn),
                    "2025-01-30",
                ),
            ],
            ..Corpus::default()
        }
    }

    fn counts(idx: &Index, a: &Answer, f: Facet) -> Vec<(String, u32)> {
        a.facets[f as usize]
            .iter()
            .map(|&(id, c)| (idx.label(f, id).to_string(), c))
            .collect()
    }

    #[test]
    fn no_filter_counts_everything() {
        let idx = Index::new(&corpus());
        let a = idx.query(&Filter::default(), 10);
        assert_eq!(a.total, 5);
        assert_eq!(
            counts(&idx, &a, Facet::Outlet),
            [("Kyiv Independent".to_string(), 3), ("UNN".to_string(), 2)]
        );
        // Newest first.
        assert_eq!(a.top, vec![3, 0, 1, 4, 2]);
    }

    #[test]
    fn facets_ignore_their_own_filter_and_combine_with_and() {
        let idx = Index::new(&corpus());
        let mut f = Filter::default();
        f.toggle(Facet::Outlet, idx.id_of(Facet::Outlet, "UNN").unwrap());
        let a = idx.query(&f, 10);
        assert_eq!(a.total, 2);
        // The outlet facet still shows both outlets with their full counts.
        assert_eq!(counts(&idx, &a, Facet::Outlet).len(), 2);
        // Other facets count only UNN's claims.
        assert_eq!(
            counts(&idx, &a, Facet::Claimant),
            [("Budanov".to_string(), 2)]
        );
        // OR within a facet.
        f.toggle(
            Facet::Outlet,
            idx.id_of(Facet::Outlet, "Kyiv Independent").unwrap(),
        );
        assert_eq!(idx.query(&f, 10).total, 5);
        // AND across facets.
        f.toggle(Facet::Kind, idx.id_of(Facet::Kind, "withdrawn").unwrap());
        assert_eq!(idx.query(&f, 10).total, 1);
    }

    #[test]
    fn search_and_dates() {
        let idx = Index::new(&corpus());
        let f = Filter {
            search: "NUMBER 3".into(),
            ..Filter::default()
        };
        assert_eq!(idx.query(&f, 10).total, 1);
        let f = Filter {
            from: parse_day("2025-02-01"),
            to: parse_day("2025-02-05"),
            ..Filter::default()
        };
        let a = idx.query(&f, 10);
        assert_eq!(a.total, 2);
        // Weekly bins ignore the date filter: all five claims are binned.
        let binned: u32 = a.weeks.iter().map(|(_, row)| row.iter().sum::<u32>()).sum();
        assert_eq!(binned, 5);
        assert!(a.weeks.iter().all(|(d, _)| crate::day::weekday(*d) == 0));
    }

    #[test]
    fn toggling_twice_clears() {
        let mut f = Filter::default();
        f.toggle(Facet::Metric, 2);
        assert!(f.is_selected(Facet::Metric, 2));
        f.toggle(Facet::Metric, 2);
        assert!(f.is_empty());
    }
}
