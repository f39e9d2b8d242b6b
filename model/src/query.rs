//! The explorer's query path: claims laid out as columns of interned values, filters as sets of
//! value ids, and one pass that yields the matching claims, the count of every facet value
//! (each facet ignoring its own filter, as Datasette and crossfilter do), the weekly bins
//! (ignoring the date filter) and the newest matches.
//!
//! Nothing here allocates per claim on a query: a pass is a loop over integer columns.

use rustc_hash::FxHashMap as HashMap;

use crate::day::parse_day;
use crate::model::{Corpus, Kind, Metric, Qualifier};
use crate::sort::{sorted_positions, text_ranks};

/// How many facets there are.
pub const FACETS: usize = 9;

/// A facet: a column the user can filter on by picking values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Claimant,
    Org,
    Outlet,
    Article,
    Metric,
    Party,
    Subject,
    Kind,
    Qualifier,
}

impl Facet {
    pub const ALL: [Facet; FACETS] = [
        Facet::Claimant,
        Facet::Org,
        Facet::Outlet,
        Facet::Article,
        Facet::Metric,
        Facet::Party,
        Facet::Subject,
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
            Facet::Subject => "subject",
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
            Facet::Subject => "Subject",
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

/// Chart series: the metrics first (series `m as usize` is metric `m`), then one per stance
/// position (of the corpus's questions, in their order), each labelled like the kind facet.
pub const METRIC_SERIES: usize = Metric::ALL.len();

/// How the claim list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest first (undated last).
    #[default]
    Date,
    /// Largest value first (ranges by their upper end; claims without a value last).
    Value,
    /// Claimant A–Z (claims without one last), newest first within a claimant.
    Claimant,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Date, Sort::Value, Sort::Claimant];

    pub fn key(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Value => "value",
            Sort::Claimant => "claimant",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "Date, newest first",
            Sort::Value => "Value, largest first",
            Sort::Claimant => "Claimant, A–Z",
        }
    }

    pub fn from_key(k: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == k)
    }
}

/// Claims laid out for the scan: one row of facet value ids per claim, plus date, chart series
/// and cluster columns.
#[derive(Debug, Default)]
pub struct Index {
    /// Per claim, its value of each facet as a global id (`offsets[f] + local id`), so that all
    /// facets share one lookup table and one count array.
    rows: Vec<[u32; FACETS]>,
    /// Where each facet's ids start in the global numbering (`offsets[FACETS]` = total).
    offsets: [u32; FACETS + 1],
    /// Per facet: the label of each local value id.
    labels: Vec<Vec<String>>,
    /// Day number of `stated_on` (`i32::MIN` when unknown).
    days: Vec<i32>,
    /// Chart series of each claim (its metric, or [`METRIC_SERIES`] + its position).
    series: Vec<u16>,
    /// The label of each chart series.
    series_labels: Vec<String>,
    /// Week of each claim, counted from the first dated claim's week (`u32::MAX` if undated).
    week: Vec<u32>,
    /// Lower-cased quotes, end to end, for full-text search; claim `i` is
    /// `haystack[hay_ends[i - 1]..hay_ends[i]]`.
    haystack: String,
    hay_ends: Vec<u32>,
    /// Cluster number of each claim, and the claims of each cluster: cluster `k` is
    /// `members[member_ends[k - 1]..member_ends[k]]`.
    cluster: Vec<u32>,
    members: Vec<u32>,
    member_ends: Vec<u32>,
    /// Sort keys used to build the other orders lazily.
    value: Vec<u64>,
    /// Claim positions, newest first.
    by_date: Vec<u32>,
    by_value: std::sync::OnceLock<Vec<u32>>,
    by_claimant: std::sync::OnceLock<Vec<u32>>,
    /// The scan of the empty filter, kept.
    unfiltered: std::sync::OnceLock<Scan>,
    first_day: i32,
    last_day: i32,
}

/// What the user asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Per facet, the selected value ids (empty = no filter). Values of a facet combine with OR,
    /// facets with AND.
    pub selected: [Vec<u32>; FACETS],
    /// Words that must all appear (case-insensitive) in the quote.
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
        // Kept sorted (by insertion, no sort routine needed).
        match sel.binary_search(&id) {
            Ok(p) => {
                sel.remove(p);
            }
            Err(p) => sel.insert(p, id),
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
    /// Every matching claim (positions in the corpus, in corpus order): for the chart, the
    /// comparison and exports.
    pub matched: Vec<u32>,
    /// Per facet, `(value id, count)` of every value with a count, largest first.
    pub facets: Vec<Vec<(u32, u32)>>,
    /// Weekly counts ignoring the date filter: `(Monday's day number, counts per series)`.
    pub weeks: Vec<(i32, Vec<u32>)>,
    /// Daily counts ignoring the date filter: `(day number, counts per series)` (none when the
    /// dates span more than ten years).
    pub days: Vec<(i32, Vec<u32>)>,
    /// The first `limit` groups in the chosen order. A group is the matching claims of one
    /// cluster (the same claim reported by several articles), its first claim leading.
    pub groups: Vec<Vec<u32>>,
    /// Number of groups (distinct clusters) among the matches.
    pub group_total: usize,
}

/// Monday on or before day `d`.
pub fn week_start(d: i32) -> i32 {
    d - crate::day::weekday(d) as i32
}

/// Numbers the distinct strings it is given, borrowing them (no allocation per claim).
#[derive(Default)]
struct Interner<'a> {
    ids: HashMap<&'a str, u32>,
    labels: Vec<&'a str>,
    /// Recently seen string addresses: labels of enums are static and an article's outlet and
    /// title are shared by its claims, so most lookups skip hashing.
    recent: [(usize, usize, u32); 16],
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let addr = s.as_ptr() as usize;
        let slot = (addr >> 3) % self.recent.len();
        let (a, len, id) = self.recent[slot];
        if a == addr && len == s.len() && addr != 0 {
            return id;
        }
        let next = self.labels.len() as u32;
        let id = *self.ids.entry(s).or_insert(next);
        if id == next {
            self.labels.push(s);
        }
        self.recent[slot] = (addr, s.len(), id);
        id
    }

    fn into_labels(self) -> Vec<String> {
        self.labels.into_iter().map(str::to_string).collect()
    }
}

/// Sorts `(id, count)` pairs given in id order by count, largest first, ties in id order.
fn by_count_desc(v: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    sorted_positions(v.len(), &|k| (u64::from(u32::MAX - v[k as usize].1), 0))
        .into_iter()
        .map(|k| v[k as usize])
        .collect()
}

/// A sort key that puts later days first and undated claims (`i32::MIN`) last.
fn newest_first(day: i32) -> u64 {
    (i32::MAX as i64 - day as i64) as u64
}

/// What one pass over the claims yields.
#[derive(Debug, Default)]
struct Scan {
    counts: Vec<u32>,
    weeks: Vec<Vec<u32>>,
    days: Vec<Vec<u32>>,
    matched: Vec<u32>,
    pass: Bits,
}

/// A set of small integers.
#[derive(Debug, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn full(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if !n.is_multiple_of(64) {
            if let Some(last) = b.0.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        b
    }
    #[inline]
    fn new(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    #[inline]
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    #[inline]
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    /// Sets bit `i`; true if it was clear.
    #[inline]
    fn insert(&mut self, i: usize) -> bool {
        let fresh = !self.get(i);
        self.set(i);
        fresh
    }
}

impl Index {
    /// Lays out the claims of `corpus` for querying.
    pub fn new(corpus: &Corpus) -> Index {
        // The kind facet's labels: "figure", then every declared position (in the questions'
        // order), then any other stance found; stance claims look theirs up by (question, key).
        let mut kinds: Vec<String> = vec!["figure".to_string()];
        // (question, key) of `kinds[k + 1]`: a handful, so a list beats a hash map (and keeps
        // the wasm small).
        let mut kind_keys: Vec<(Option<&str>, Option<&str>)> = Vec::new();
        for q in &corpus.questions {
            for p in &q.positions {
                kind_keys.push((Some(&q.id), Some(&p.key)));
                kinds.push(corpus.position_label(q, p));
            }
        }
        let kind_of = |key: (Option<&str>, Option<&str>), keys: &[(Option<&str>, Option<&str>)]| {
            keys.iter().position(|k| *k == key).map(|k| k as u16 + 1)
        };
        for c in corpus.claims.iter().filter(|c| c.kind == Kind::Stance) {
            let key = (c.question.as_deref(), c.stance.as_deref());
            if kind_of(key, &kind_keys).is_none() {
                kind_keys.push(key);
                kinds.push(corpus.stance_label(c));
            }
        }
        let n = corpus.claims.len();
        let mut interners: Vec<Interner> = Facet::ALL.iter().map(|_| Interner::default()).collect();
        let mut clusters = Interner::default();
        let mut local: Vec<[u32; FACETS]> = Vec::with_capacity(n);
        let docs: HashMap<&str, usize> = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut days = Vec::with_capacity(n);
        let mut series = Vec::with_capacity(n);
        let mut haystack = String::with_capacity(corpus.claims.iter().map(|c| c.quote.len()).sum());
        let mut hay_ends = Vec::with_capacity(n);
        let mut cluster = Vec::with_capacity(n);
        let mut value = Vec::with_capacity(n);
        let mut last_doc: Option<(&str, Option<&crate::model::Document>)> = None;
        for c in &corpus.claims {
            let doc = match last_doc {
                Some((id, d)) if id == c.doc => d,
                _ => {
                    let d = docs.get(c.doc.as_str()).map(|&i| &corpus.documents[i]);
                    last_doc = Some((c.doc.as_str(), d));
                    d
                }
            };
            let kind = match c.kind {
                Kind::Figure => 0,
                Kind::Stance => {
                    kind_of((c.question.as_deref(), c.stance.as_deref()), &kind_keys).unwrap_or(0)
                }
            };
            let values: [&str; FACETS] = [
                c.source.as_deref().unwrap_or(NONE_LABEL),
                c.source_org.as_deref().unwrap_or(NONE_LABEL),
                doc.and_then(|d| d.outlet.as_deref()).unwrap_or(NONE_LABEL),
                doc.map_or(c.doc.as_str(), |d| d.title.as_str()),
                c.metric.map_or(NONE_LABEL, Metric::as_str),
                c.party.as_deref().unwrap_or(NONE_LABEL),
                c.subject.as_deref().unwrap_or(NONE_LABEL),
                kinds[kind as usize].as_str(),
                c.qualifier.map_or(NONE_LABEL, Qualifier::as_str),
            ];
            let mut row = [0u32; FACETS];
            for (f, v) in values.iter().enumerate() {
                row[f] = interners[f].id(v);
            }
            local.push(row);
            days.push(
                c.stated_on
                    .as_deref()
                    .and_then(parse_day)
                    .unwrap_or(i32::MIN),
            );
            series.push(match (c.kind, c.metric) {
                (Kind::Stance, _) => METRIC_SERIES as u16 + kind - 1,
                (_, m) => m.unwrap_or(Metric::Other) as u16,
            });
            if c.quote.is_ascii() {
                let at = haystack.len();
                haystack.push_str(&c.quote);
                haystack[at..].make_ascii_lowercase();
            } else {
                haystack.push_str(&c.quote.to_lowercase());
            }
            hay_ends.push(haystack.len() as u32);
            cluster.push(clusters.id(&c.cluster));
            value.push(c.value_high.or(c.value).map_or(0, |v| v + 1));
        }
        let mut offsets = [0u32; FACETS + 1];
        for f in 0..FACETS {
            offsets[f + 1] = offsets[f] + interners[f].labels.len() as u32;
        }
        // Clusters as one flat list, grouped by a counting sort.
        let k = clusters.labels.len();
        let mut member_ends = vec![0u32; k];
        for &c in &cluster {
            member_ends[c as usize] += 1;
        }
        let mut acc = 0;
        for e in member_ends.iter_mut() {
            acc += *e;
            *e = acc;
        }
        let mut fill: Vec<u32> = std::iter::once(0)
            .chain(member_ends.iter().copied())
            .take(k)
            .collect();
        let mut members = vec![0u32; n];
        for (i, &c) in cluster.iter().enumerate() {
            members[fill[c as usize] as usize] = i as u32;
            fill[c as usize] += 1;
        }
        let rows = local
            .into_iter()
            .map(|mut r| {
                for (f, v) in r.iter_mut().enumerate() {
                    *v += offsets[f];
                }
                r
            })
            .collect();
        let by_date = sorted_positions(n, &|i| (newest_first(days[i as usize]), 0));
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
            rows,
            offsets,
            labels: interners.into_iter().map(Interner::into_labels).collect(),
            days,
            series,
            series_labels: Metric::ALL
                .iter()
                .map(|m| m.as_str().to_string())
                .chain(kinds.iter().skip(1).cloned())
                .collect(),
            week,
            haystack,
            hay_ends,
            cluster,
            members,
            member_ends,
            value,
            by_date,
            by_value: Default::default(),
            by_claimant: Default::default(),
            unfiltered: Default::default(),
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

    /// The value id of claim `i` in `facet`.
    pub fn value_of(&self, i: u32, facet: Facet) -> u32 {
        self.rows[i as usize][facet.index()] - self.offsets[facet.index()]
    }

    /// Number of distinct values of `facet`.
    pub fn cardinality(&self, facet: Facet) -> usize {
        self.labels[facet.index()].len()
    }

    /// Day numbers of the earliest and latest dated claims.
    pub fn day_range(&self) -> (i32, i32) {
        (self.first_day, self.last_day)
    }

    /// Day number of claim `i` (`None` when undated).
    pub fn day(&self, i: u32) -> Option<i32> {
        Some(self.days[i as usize]).filter(|&d| d != i32::MIN)
    }

    fn quote_lower(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.hay_ends[i - 1] as usize
        };
        &self.haystack[start..self.hay_ends[i] as usize]
    }

    /// The claims of cluster `k`.
    fn cluster_members(&self, k: usize) -> &[u32] {
        let start = if k == 0 {
            0
        } else {
            self.member_ends[k - 1] as usize
        };
        &self.members[start..self.member_ends[k] as usize]
    }

    fn order(&self, sort: Sort) -> &[u32] {
        match sort {
            Sort::Date => &self.by_date,
            Sort::Value => self.by_value.get_or_init(|| {
                sorted_positions(self.len(), &|i| {
                    (
                        u64::MAX - self.value[i as usize],
                        newest_first(self.days[i as usize]),
                    )
                })
            }),
            Sort::Claimant => self.by_claimant.get_or_init(|| {
                // Rank of each claimant label, A–Z ignoring case, "(none)" last.
                let f = Facet::Claimant.index();
                let lower: Vec<String> = self.labels[f].iter().map(|l| l.to_lowercase()).collect();
                let texts: Vec<&str> = lower.iter().map(String::as_str).collect();
                let mut rank = text_ranks(&texts);
                for (r, l) in rank.iter_mut().zip(&self.labels[f]) {
                    if l == NONE_LABEL {
                        *r = u64::MAX;
                    }
                }
                sorted_positions(self.len(), &|i| {
                    (
                        rank[self.value_of(i, Facet::Claimant) as usize],
                        newest_first(self.days[i as usize]),
                    )
                })
            }),
        }
    }

    /// One pass over the claims: the facet counts (each facet ignoring its own filter), the
    /// weekly bins (ignoring the date filter), the matches and their set.
    fn scan(&self, filter: &Filter) -> Scan {
        let n = self.len();
        let total_ids = self.offsets[FACETS] as usize;
        // One lookup table for all facets: does a global value id pass its facet's filter?
        let mut table = vec![true; total_ids];
        let mut active: Vec<usize> = Vec::new();
        for f in Facet::ALL {
            let sel = &filter.selected[f.index()];
            if sel.is_empty() {
                continue;
            }
            active.push(f.index());
            let (lo, hi) = (
                self.offsets[f.index()] as usize,
                self.offsets[f.index() + 1] as usize,
            );
            table[lo..hi].fill(false);
            for &id in sel {
                if (id as usize) < hi - lo {
                    table[lo + id as usize] = true;
                }
            }
        }
        let words: Vec<String> = filter
            .search
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        const DATE_BIT: u16 = 1 << FACETS;
        const SEARCH_BIT: u16 = 1 << (FACETS + 1);
        let date_active = filter.from.is_some() || filter.to.is_some();
        let (from, to) = (
            filter.from.unwrap_or(i32::MIN),
            filter.to.unwrap_or(i32::MAX),
        );
        let weeks_len = if self.last_day >= self.first_day && n > 0 {
            ((week_start(self.last_day) - week_start(self.first_day)) / 7 + 1) as usize
        } else {
            0
        };
        let ns = self.series_labels.len();
        let mut weeks = vec![vec![0u32; ns]; weeks_len];
        let mut days = vec![vec![0u32; ns]; self.days_len()];
        let mut counts = vec![0u32; total_ids];
        let mut matched: Vec<u32> = Vec::with_capacity(n);
        let mut pass = Bits::new(n);
        for i in 0..n {
            let row = &self.rows[i];
            let mut fails: u16 = 0;
            for &f in &active {
                if !table[row[f] as usize] {
                    fails |= 1 << f;
                }
            }
            if date_active {
                let d = self.days[i];
                if !(d >= from && d <= to) {
                    fails |= DATE_BIT;
                }
            }
            if !words.is_empty()
                && !words
                    .iter()
                    .all(|w| self.quote_lower(i).contains(w.as_str()))
            {
                fails |= SEARCH_BIT;
            }
            if fails == 0 {
                matched.push(i as u32);
                pass.set(i);
                for &v in row {
                    counts[v as usize] += 1;
                }
            } else if fails.is_power_of_two() && fails < DATE_BIT {
                // Fails only one facet: it still counts for that facet's own values.
                counts[row[fails.trailing_zeros() as usize] as usize] += 1;
            }
            if (fails & !DATE_BIT) == 0 {
                if let Some(w) = weeks.get_mut(self.week[i] as usize) {
                    w[self.series[i] as usize] += 1;
                }
                let d = self.days[i].wrapping_sub(self.first_day) as u32;
                if let Some(b) = days.get_mut(d as usize) {
                    b[self.series[i] as usize] += 1;
                }
            }
        }
        Scan {
            counts,
            weeks,
            days,
            matched,
            pass,
        }
    }

    /// Number of chart series: the metrics, then the stance positions.
    pub fn series_count(&self) -> usize {
        self.series_labels.len()
    }

    /// The label of chart series `s`: a metric ("killed") or a position ("withdrawn").
    pub fn series_label(&self, s: usize) -> &str {
        self.series_labels.get(s).map_or("", String::as_str)
    }

    /// Number of daily bins: the dated span, unless it is longer than ten years (then none:
    /// a daily chart of decades is unreadable and would cost memory).
    fn days_len(&self) -> usize {
        let span = self.last_day as i64 - self.first_day as i64 + 1;
        if self.is_empty() || !(1..=3660).contains(&span) {
            0
        } else {
            span as usize
        }
    }

    /// Runs `filter`; the matching claims are grouped by cluster, ordered by `sort`, and
    /// `limit` caps [`Answer::groups`].
    pub fn query(&self, filter: &Filter, sort: Sort, limit: usize) -> Answer {
        let n = self.len();
        let Scan {
            counts,
            weeks,
            days,
            matched,
            pass,
        } = if filter.is_empty() {
            // The unfiltered answer is the most common one: computed once, then copied.
            let all = self.unfiltered.get_or_init(|| self.scan(filter));
            Scan {
                counts: all.counts.clone(),
                weeks: all.weeks.clone(),
                days: all.days.clone(),
                matched: (0..n as u32).collect(),
                pass: Bits::full(n),
            }
        } else {
            self.scan(filter)
        };
        let w0 = week_start(self.first_day);
        let facets = Facet::ALL
            .iter()
            .map(|f| {
                let lo = self.offsets[f.index()] as usize;
                let hi = self.offsets[f.index() + 1] as usize;
                let v: Vec<(u32, u32)> = counts[lo..hi]
                    .iter()
                    .enumerate()
                    .filter(|(_, &c)| c > 0)
                    .map(|(id, &c)| (id as u32, c))
                    .collect();
                by_count_desc(v)
            })
            .collect();
        let group_total = if filter.is_empty() {
            self.member_ends.len()
        } else {
            let mut seen = Bits::new(self.member_ends.len());
            matched
                .iter()
                .filter(|&&i| seen.insert(self.cluster[i as usize] as usize))
                .count()
        };
        let mut groups: Vec<Vec<u32>> = Vec::new();
        if limit > 0 {
            let mut opened = Bits::new(self.member_ends.len());
            for &i in self.order(sort) {
                if !pass.get(i as usize) {
                    continue;
                }
                let k = self.cluster[i as usize] as usize;
                if !opened.insert(k) {
                    continue;
                }
                let mut g = vec![i];
                g.extend(
                    self.cluster_members(k)
                        .iter()
                        .copied()
                        .filter(|&j| j != i && pass.get(j as usize)),
                );
                groups.push(g);
                if groups.len() == limit {
                    break;
                }
            }
        }
        let weeks = weeks
            .into_iter()
            .enumerate()
            .map(|(k, row)| (w0 + 7 * k as i32, row))
            .collect();
        let days = days
            .into_iter()
            .enumerate()
            .map(|(k, row)| (self.first_day + k as i32, row))
            .collect();
        Answer {
            total: matched.len(),
            matched,
            facets,
            weeks,
            days,
            groups,
            group_total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Claim;

    fn claim(
        i: usize,
        doc: &str,
        source: Option<&str>,
        metric: Option<Metric>,
        stance: Option<&str>,
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
            subject: None,
            value: metric.map(|_| 100 * i as u64),
            value_high: None,
            qualifier: metric.map(|_| Qualifier::About),
            question: stance.map(|_| "troops-status".to_string()),
            stance: stance.map(str::to_string),
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
        let doc = crate::model::sample::document;
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
                claim(2, "a", Some("Budanov"), None, Some("engaged"), "2025-02-04"),
                claim(
                    3,
                    "b",
                    Some("NIS"),
                    Some(Metric::Killed),
                    None,
                    "2025-01-13",
                ),
                claim(4, "b", None, Some(Metric::Deployed), None, "2025-02-07"),
                claim(5, "b", Some("NYT"), None, Some("withdrawn"), "2025-01-30"),
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
        let a = idx.query(&Filter::default(), Sort::Date, 10);
        assert_eq!(a.total, 5);
        assert_eq!(
            counts(&idx, &a, Facet::Outlet),
            [("Kyiv Independent".to_string(), 3), ("UNN".to_string(), 2)]
        );
        // Newest first.
        assert_eq!(a.groups, [[3], [0], [1], [4], [2]]);
        assert_eq!(a.matched, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn facets_ignore_their_own_filter_and_combine_with_and() {
        let idx = Index::new(&corpus());
        let mut f = Filter::default();
        f.toggle(Facet::Outlet, idx.id_of(Facet::Outlet, "UNN").unwrap());
        let a = idx.query(&f, Sort::Date, 10);
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
        assert_eq!(idx.query(&f, Sort::Date, 10).total, 5);
        // AND across facets.
        f.toggle(Facet::Kind, idx.id_of(Facet::Kind, "withdrawn").unwrap());
        assert_eq!(idx.query(&f, Sort::Date, 10).total, 1);
    }

    #[test]
    fn search_and_dates() {
        let idx = Index::new(&corpus());
        let f = Filter {
            search: "NUMBER 3".into(),
            ..Filter::default()
        };
        assert_eq!(idx.query(&f, Sort::Date, 10).total, 1);
        let f = Filter {
            from: parse_day("2025-02-01"),
            to: parse_day("2025-02-05"),
            ..Filter::default()
        };
        let a = idx.query(&f, Sort::Date, 10);
        assert_eq!(a.total, 2);
        // Weekly bins ignore the date filter: all five claims are binned.
        let binned: u32 = a.weeks.iter().map(|(_, row)| row.iter().sum::<u32>()).sum();
        assert_eq!(binned, 5);
        assert!(a.weeks.iter().all(|(d, _)| crate::day::weekday(*d) == 0));
        // Daily bins too, one per day from the first to the last dated claim.
        let binned: u32 = a.days.iter().map(|(_, row)| row.iter().sum::<u32>()).sum();
        assert_eq!(binned, 5);
        assert_eq!(
            a.days.len() as i32,
            parse_day("2025-02-07").unwrap() - parse_day("2025-01-13").unwrap() + 1
        );
        assert_eq!(a.days[0].1.iter().sum::<u32>(), 1);
    }

    #[test]
    fn groups_gather_a_cluster_and_follow_the_sort() {
        let mut c = corpus();
        // The same claim reported again by another article, a day later.
        let mut again = c.claims[0].clone();
        again.id = "b#6".into();
        again.doc = "b".into();
        again.stated_on = Some("2025-02-05".into());
        c.claims.push(again);
        let idx = Index::new(&c);
        let a = idx.query(&Filter::default(), Sort::Date, 10);
        assert_eq!(a.total, 6);
        assert_eq!(a.group_total, 5);
        // The newest report leads its group; the older one is inside it.
        assert_eq!(a.groups[0], [3]);
        assert_eq!(a.groups[1], [5, 0]);
        assert_eq!(a.groups.len(), 5);
        // Filtering one outlet out leaves one member.
        let mut f = Filter::default();
        f.toggle(Facet::Outlet, idx.id_of(Facet::Outlet, "UNN").unwrap());
        let a = idx.query(&f, Sort::Date, 10);
        assert_eq!(a.groups[0], [0]);
        assert_eq!(a.group_total, 2);
        // By value: 400 (deployed), 300 (killed), 100 (fighting, twice), then stances.
        let a = idx.query(&Filter::default(), Sort::Value, 3);
        assert_eq!(a.groups, [vec![3], vec![2], vec![5, 0]]);
        // By claimant: Budanov, then NIS, NYT; no claimant last.
        let a = idx.query(&Filter::default(), Sort::Claimant, 10);
        let first: Vec<u32> = a.groups.iter().map(|g| g[0]).collect();
        assert_eq!(first, [5, 1, 2, 4, 3]);
        assert_eq!(Sort::from_key("value"), Some(Sort::Value));
        assert_eq!(Sort::from_key("zzz"), None);
    }

    #[test]
    fn counts_sort_largest_first_in_linear_time() {
        let v = vec![(0, 5), (1, 300), (2, 5), (3, 70_000), (4, 1)];
        assert_eq!(
            by_count_desc(v),
            [(3, 70_000), (1, 300), (0, 5), (2, 5), (4, 1)]
        );
    }

    #[test]
    fn the_cached_unfiltered_answer_equals_a_fresh_scan() {
        let idx = Index::new(&crate::synth::corpus(2_000, 3));
        let first = idx.query(&Filter::default(), Sort::Date, 20);
        let again = idx.query(&Filter::default(), Sort::Date, 20);
        assert_eq!(first, again);
        // Selecting every metric filters nothing: the same answer through a real scan.
        let mut every = Filter::default();
        for id in 0..idx.cardinality(Facet::Metric) as u32 {
            every.toggle(Facet::Metric, id);
        }
        let scanned = idx.query(&every, Sort::Date, 20);
        assert_eq!(scanned.total, first.total);
        assert_eq!(scanned.facets, first.facets);
        assert_eq!(scanned.weeks, first.weeks);
        assert_eq!(scanned.groups, first.groups);
    }

    #[test]
    fn toggling_twice_clears() {
        let mut f = Filter::default();
        f.toggle(Facet::Metric, 2);
        assert!(f.is_selected(Facet::Metric, 2));
        f.toggle(Facet::Metric, 2);
        assert!(f.is_empty());
    }

    #[test]
    fn stances_of_any_question_set_are_facet_values_and_chart_series() {
        use crate::model::{sample, Position, Question};
        let mut dam = Question {
            id: "dam".into(),
            label: "Did the dam hold?".into(),
            parties: vec![],
            positions: [
                Position {
                    key: "held".into(),
                    label: "held".into(),
                    says: String::new(),
                },
                Position {
                    key: "failed".into(),
                    label: "withdrawn".into(),
                    says: String::new(),
                },
            ],
        };
        let dated = |c: Claim| Claim {
            stated_on: Some("2025-02-04".into()),
            ..c
        };
        let on_dam = |id: &str, key: &str| Claim {
            question: Some("dam".into()),
            party: None,
            subject: None,
            ..dated(sample::stance(id, "a", key))
        };
        let corpus = |dam: &Question| Corpus {
            documents: vec![sample::document("a", "UNN")],
            claims: vec![
                dated(sample::stance("a#1", "a", "withdrawn")),
                on_dam("a#2", "failed"),
                on_dam("a#3", "held"),
                sample::claim(),
            ],
            questions: vec![sample::question(), dam.clone()],
            ..Corpus::default()
        };
        let idx = Index::new(&corpus(&dam));
        // Both questions have a position labelled "withdrawn": the question tells them apart.
        let mut kinds: Vec<&str> = (0..idx.cardinality(Facet::Kind) as u32)
            .map(|v| idx.label(Facet::Kind, v))
            .collect();
        kinds.sort();
        assert_eq!(
            kinds,
            [
                "Did the dam hold?: withdrawn",
                "Withdrawn or still engaged?: withdrawn",
                "figure",
                "held",
            ]
        );
        let series: Vec<&str> = (METRIC_SERIES..idx.series_count())
            .map(|s| idx.series_label(s))
            .collect();
        assert_eq!(
            series,
            [
                "Withdrawn or still engaged?: withdrawn",
                "still engaged",
                "held",
                "Did the dam hold?: withdrawn"
            ]
        );
        assert_eq!(idx.series_count(), METRIC_SERIES + 4);
        assert_eq!(idx.series_label(METRIC_SERIES + 2), "held");
        let a = idx.query(&Filter::default(), Sort::Date, 10);
        let stances: u32 = a
            .weeks
            .iter()
            .map(|(_, r)| r[METRIC_SERIES..].iter().sum::<u32>())
            .sum();
        assert_eq!(stances, 3);
        // Distinct labels stay short.
        dam.positions[1].label = "failed".into();
        let idx = Index::new(&corpus(&dam));
        assert!(idx.id_of(Facet::Kind, "withdrawn").is_some());
        assert!(idx.id_of(Facet::Kind, "failed").is_some());
    }
}
