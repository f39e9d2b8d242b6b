//! The explorer's state in the URL query string, so that a view can be shared, bookmarked and
//! restored: `?view=claims&metric=killed&claimant=Kyrylo%20Budanov&q=front&from=2025-01-01`.
//! Values are labels, not ids, so links survive a rebuild; unknown parameters or values and
//! malformed dates are ignored, never an error.

pub use crate::compare::By;
use crate::day::{format_day, parse_day};
pub use crate::query::Sort;
use crate::query::{Facet, Filter, Index};
pub use crate::timeline::Stack;

/// What the timeline draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Chart {
    /// Figures over time: one point (or bar, for a range) per figure.
    #[default]
    Figures,
    /// Claims per day or week, stacked.
    Counts,
}

impl Chart {
    pub fn key(self) -> &'static str {
        match self {
            Chart::Figures => "figures",
            Chart::Counts => "counts",
        }
    }
}

/// The explorer's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Claims,
    Timeline,
    Compare,
    Articles,
}

impl View {
    pub const ALL: [View; 4] = [View::Claims, View::Timeline, View::Compare, View::Articles];

    pub fn key(self) -> &'static str {
        match self {
            View::Claims => "claims",
            View::Timeline => "timeline",
            View::Compare => "compare",
            View::Articles => "articles",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            View::Claims => "Claims",
            View::Timeline => "Timeline",
            View::Compare => "Compare sources",
            View::Articles => "Articles",
        }
    }

    pub fn from_key(k: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == k)
    }
}

/// Everything the URL holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    pub view: View,
    pub filter: Filter,
    pub sort: Sort,
    /// The article open in the reader (document id).
    pub doc: Option<String>,
    /// The selected claim (claim id).
    pub claim: Option<String>,
    /// Timeline: which chart, log scale, daily (not weekly) bins, how the bars stack.
    pub chart: Chart,
    pub daily: bool,
    pub log: bool,
    pub stack: Stack,
    /// Compare: columns, and the two sources side by side.
    pub by: By,
    pub a: Option<String>,
    pub b: Option<String>,
    /// Show only the articles the user imported, not the built-in corpus (`builtin=hidden`).
    pub hide_builtin: bool,
}

/// The parameter and value that hide the built-in corpus.
const HIDE_BUILTIN: (&str, &str) = ("builtin", "hidden");

/// Does the query `query` hide the built-in corpus? (Known before any index is built.)
pub fn hides_builtin(query: &str) -> bool {
    query
        .trim_start_matches('?')
        .split('&')
        .any(|p| p.split_once('=') == Some(HIDE_BUILTIN))
}

impl State {
    /// Shows other columns in the comparison: the two sources picked side by side were
    /// columns of the old kind, so they are cleared.
    pub fn set_columns(&mut self, by: By) {
        if by != self.by {
            self.by = by;
            self.a = None;
            self.b = None;
        }
    }

    /// Picks source `a` (`which == "a"`) or `b` of the side by side; `None` clears it.
    pub fn set_source(&mut self, which: &str, source: Option<String>) {
        if which == "a" {
            self.a = source;
        } else {
            self.b = source;
        }
    }

    /// Sets the date filter to the days from `from` to `to` (a brushed range), either order.
    pub fn set_range(&mut self, from: i32, to: i32) {
        self.filter.from = Some(from.min(to));
        self.filter.to = Some(to.max(from));
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Decodes a query value (`+` is a space); malformed escapes are kept as written.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads a query string (with or without the leading `?`).
pub fn parse(query: &str, index: &Index) -> State {
    let mut st = State::default();
    for pair in query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (k, v) = (decode(k), decode(v));
        match k.as_str() {
            "view" => st.view = View::from_key(&v).unwrap_or_default(),
            "q" => st.filter.search = v,
            "from" => st.filter.from = parse_day(&v),
            "to" => st.filter.to = parse_day(&v),
            "sort" => st.sort = Sort::from_key(&v).unwrap_or_default(),
            "doc" if !v.is_empty() => st.doc = Some(v),
            "claim" if !v.is_empty() => st.claim = Some(v),
            "chart" => {
                st.chart = if v == "counts" {
                    Chart::Counts
                } else {
                    Chart::Figures
                }
            }
            "scale" => st.log = v == "log",
            "bin" => st.daily = v == "day",
            "stack" => {
                st.stack = if v == "stance" {
                    Stack::Stance
                } else {
                    Stack::Metric
                }
            }
            "by" => st.by = By::from_key(&v).unwrap_or_default(),
            "a" if !v.is_empty() => st.a = Some(v),
            "b" if !v.is_empty() => st.b = Some(v),
            k if k == HIDE_BUILTIN.0 => st.hide_builtin = v == HIDE_BUILTIN.1,
            _ => {
                if let Some(f) = Facet::from_key(&k) {
                    if let Some(id) = index.id_of(f, &v) {
                        if !st.filter.is_selected(f, id) {
                            st.filter.toggle(f, id);
                        }
                    }
                }
            }
        }
    }
    st
}

/// Writes a query string (with the leading `?`; just `?` for the default state).
pub fn render(st: &State, index: &Index) -> String {
    let mut parts: Vec<String> = Vec::new();
    if st.view != View::Claims {
        parts.push(format!("view={}", st.view.key()));
    }
    for f in Facet::ALL {
        for &id in &st.filter.selected[f as usize] {
            parts.push(format!("{}={}", f.key(), encode(index.label(f, id))));
        }
    }
    if !st.filter.search.trim().is_empty() {
        parts.push(format!("q={}", encode(st.filter.search.trim())));
    }
    if let Some(d) = st.filter.from {
        parts.push(format!("from={}", format_day(d)));
    }
    if let Some(d) = st.filter.to {
        parts.push(format!("to={}", format_day(d)));
    }
    if st.sort != Sort::Date {
        parts.push(format!("sort={}", st.sort.key()));
    }
    if let Some(d) = &st.doc {
        parts.push(format!("doc={}", encode(d)));
    }
    if let Some(c) = &st.claim {
        parts.push(format!("claim={}", encode(c)));
    }
    if st.chart != Chart::Figures {
        parts.push(format!("chart={}", st.chart.key()));
    }
    if st.log {
        parts.push("scale=log".into());
    }
    if st.daily {
        parts.push("bin=day".into());
    }
    if st.stack == Stack::Stance {
        parts.push("stack=stance".into());
    }
    if st.by != By::Claimant {
        parts.push(format!("by={}", st.by.key()));
    }
    for (k, v) in [("a", &st.a), ("b", &st.b)] {
        if let Some(v) = v {
            parts.push(format!("{k}={}", encode(v)));
        }
    }
    if st.hide_builtin {
        parts.push(format!("{}={}", HIDE_BUILTIN.0, HIDE_BUILTIN.1));
    }
    format!("?{}", parts.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{sample, Claim, Corpus, Metric};

    fn index() -> Index {
        let claim = |i: usize, source: &str, metric: Metric| Claim {
            id: format!("a#{i}"),
            metric: Some(metric),
            source: Some(source.into()),
            ..sample::claim()
        };
        Index::new(&Corpus {
            documents: vec![sample::document("a", "UNN")],
            claims: vec![
                claim(1, "Kyrylo Budanov", Metric::Killed),
                claim(2, "NIS & co", Metric::Wounded),
            ],
            ..Corpus::default()
        })
    }

    #[test]
    fn round_trip() {
        let idx = index();
        let st = parse("?view=timeline&claimant=Kyrylo%20Budanov&claimant=NIS+%26+co&metric=killed&q=front%20line&from=2025-01-01&sort=value&doc=a&chart=counts&bin=day&scale=log&stack=stance&by=outlet&a=UNN&b=Kyiv%20Independent&builtin=hidden", &idx);
        assert_eq!(st.view, View::Timeline);
        assert_eq!(st.filter.selected[Facet::Claimant as usize].len(), 2);
        assert_eq!(st.filter.search, "front line");
        assert_eq!(st.sort, Sort::Value);
        assert_eq!(
            (st.chart, st.log, st.stack),
            (Chart::Counts, true, Stack::Stance)
        );
        assert_eq!(st.by, By::Outlet);
        assert!(st.daily);
        assert_eq!(st.b.as_deref(), Some("Kyiv Independent"));
        assert!(st.hide_builtin && hides_builtin(&render(&st, &idx)));
        assert!(!hides_builtin("?builtin=shown&view=timeline"));
        let again = parse(&render(&st, &idx), &idx);
        assert_eq!(again, st);
    }

    #[test]
    fn junk_is_ignored() {
        let idx = index();
        let st = parse(
            "?view=nope&metric=unicorns&from=2025-13-40&zzz=1&%zz=%&claimant",
            &idx,
        );
        assert_eq!(st, State::default());
        assert_eq!(render(&State::default(), &idx), "?");
        assert_eq!(decode("%E2%80%9C%"), "“%");
    }

    #[test]
    fn state_rules_live_on_the_state() {
        let mut s = State {
            a: Some("UNN".into()),
            b: Some("NIS".into()),
            ..State::default()
        };
        s.set_columns(By::Claimant);
        assert_eq!(s.a.as_deref(), Some("UNN"), "same columns: the pair stays");
        s.set_columns(By::Outlet);
        assert_eq!((s.by, s.a.clone(), s.b.clone()), (By::Outlet, None, None));
        s.set_source("b", Some("UNN".into()));
        assert_eq!((s.a.clone(), s.b.as_deref()), (None, Some("UNN")));
        s.set_range(20, 10);
        assert_eq!((s.filter.from, s.filter.to), (Some(10), Some(20)));
    }
}
