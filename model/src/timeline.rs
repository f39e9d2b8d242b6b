//! The count-over-time chart, computed: figure points, scales (linear or log), ticks with
//! readable labels, claimant colours, stacked weekly bars and the inverse mapping a brush needs.
//! The app's SVG components only draw what this returns.

use crate::day::{civil_from_days, days_from_civil};
use crate::format::thousands;
use crate::model::{Corpus, Metric, Qualifier};
use crate::query::{Index, METRIC_SERIES};
use crate::sort::{sorted_positions, text_ranks};

/// One figure on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Position of the claim in the corpus.
    pub claim: u32,
    pub day: i32,
    pub low: u64,
    /// Equal to `low` unless the figure is a range.
    pub high: u64,
    pub metric: Metric,
    pub qualifier: Qualifier,
    pub claimant: String,
}

impl Point {
    pub fn is_range(&self) -> bool {
        self.high > self.low
    }
}

/// How a point is drawn: its shape says how the value is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Exact: a filled circle.
    Exact,
    /// About: a hollow circle.
    About,
    /// At least / more than: a triangle pointing up.
    Floor,
    /// Up to / less than: a triangle pointing down.
    Ceiling,
}

impl Mark {
    pub fn of(q: Qualifier) -> Mark {
        match q {
            Qualifier::Exact => Mark::Exact,
            Qualifier::About => Mark::About,
            Qualifier::AtLeast | Qualifier::MoreThan => Mark::Floor,
            Qualifier::UpTo | Qualifier::LessThan => Mark::Ceiling,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Mark::Exact => "exact",
            Mark::About => "about",
            Mark::Floor => "at least / more than",
            Mark::Ceiling => "up to / less than",
        }
    }

    pub const ALL: [Mark; 4] = [Mark::Exact, Mark::About, Mark::Floor, Mark::Ceiling];
}

/// The dated figures with a value among `positions`, oldest first.
pub fn points(corpus: &Corpus, index: &Index, positions: &[u32]) -> Vec<Point> {
    let out: Vec<Point> = positions
        .iter()
        .filter_map(|&i| {
            let c = corpus.claims.get(i as usize)?;
            let low = c.value?;
            let day = index.day(i)?;
            Some(Point {
                claim: i,
                day,
                low,
                high: c.value_high.unwrap_or(low).max(low),
                metric: c.metric.unwrap_or(Metric::Other),
                qualifier: c.qualifier.unwrap_or(Qualifier::Exact),
                claimant: c.source.clone().unwrap_or_else(|| {
                    corpus
                        .document(&c.doc)
                        .and_then(|d| d.outlet.clone())
                        .unwrap_or_else(|| "(the article)".into())
                }),
            })
        })
        .collect();
    crate::sort::sorted_by(&out, &|p| {
        ((p.day as i64 - i32::MIN as i64) as u64, p.claim as u64)
    })
}

/// Colours available for claimants; the rest share [`OTHER`].
pub const PALETTE: usize = 8;
/// The colour index of claimants beyond the palette.
pub const OTHER: usize = PALETTE;

/// Claimants by number of points (most first, then A–Z), each with its colour index.
pub fn claimant_colours(points: &[Point]) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for p in points {
        match counts.iter_mut().find(|(c, _)| *c == p.claimant) {
            Some((_, n)) => *n += 1,
            None => counts.push((p.claimant.clone(), 1)),
        }
    }
    let names: Vec<&str> = counts.iter().map(|(c, _)| c.as_str()).collect();
    let rank = text_ranks(&names);
    sorted_positions(counts.len(), &|i| {
        (u64::MAX - counts[i as usize].1 as u64, rank[i as usize])
    })
    .into_iter()
    .map(|i| counts[i as usize].clone())
    .enumerate()
    .map(|(i, (c, _))| (c, i.min(OTHER)))
    .collect()
}

/// A coordinate for SVG: whole viewBox units are precise enough, and writing integers keeps
/// float formatting out of the browser build.
pub fn px(v: f64) -> i32 {
    if v.is_finite() {
        v.round() as i32
    } else {
        0
    }
}

/// A linear or logarithmic map from a domain to a pixel range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
    pub log: bool,
}

impl Scale {
    fn t(&self, v: f64) -> f64 {
        if self.log {
            v.max(1.0).log10()
        } else {
            v
        }
    }

    pub fn map(&self, v: f64) -> f64 {
        let (a, b) = (self.t(self.d0), self.t(self.d1));
        if b == a {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (self.t(v) - a) / (b - a) * (self.r1 - self.r0)
    }

    pub fn invert(&self, px: f64) -> f64 {
        let (a, b) = (self.t(self.d0), self.t(self.d1));
        if self.r1 == self.r0 {
            return self.d0;
        }
        let t = a + (px - self.r0) / (self.r1 - self.r0) * (b - a);
        if self.log {
            10f64.powf(t)
        } else {
            t
        }
    }
}

/// A value axis from 0 (or 1 on a log scale) to a round number above `max`, with its ticks.
pub fn value_axis(max: u64, log: bool) -> (f64, Vec<u64>) {
    let max = max.max(1);
    if log {
        let mut top = 10u64;
        while top < max {
            top = top.saturating_mul(10);
        }
        let mut ticks = vec![1];
        while *ticks.last().unwrap_or(&top) < top {
            let next = ticks.last().copied().unwrap_or(1).saturating_mul(10);
            ticks.push(next);
        }
        return (top as f64, ticks);
    }
    // The smallest 1-2-5 step that needs at most six intervals.
    let mag = 10f64.powf((max as f64 / 6.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| (m * mag).max(1.0))
        .find(|s| max as f64 / s <= 6.0)
        .unwrap_or(10.0 * mag)
        .max(1.0);
    let top = (max as f64 / step).ceil() * step;
    let ticks = (0..=((top / step).round() as u64))
        .map(|k| (k as f64 * step) as u64)
        .collect();
    (top, ticks)
}

/// `12000` → "12,000", `1_500_000` → "1.5M" (axis labels stay short).
pub fn short_number(n: u64) -> String {
    if n >= 1_000_000 {
        // Integer arithmetic: the browser build then needs no float formatting.
        let tenths = (n + 50_000) / 100_000;
        if tenths.is_multiple_of(10) {
            format!("{}M", tenths / 10)
        } else {
            format!("{}.{}M", tenths / 10, tenths % 10)
        }
    } else {
        thousands(n)
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "4 Feb 2025".
pub fn long_day(d: i32) -> String {
    let (y, m, day) = civil_from_days(d);
    format!("{day} {} {y}", MONTHS[(m - 1) as usize])
}

/// Ticks of a date axis between days `from` and `to` (about `max` of them): daily, weekly
/// (Mondays) or monthly (the 1st), labelled "4 Feb" or "Feb 2025".
pub fn day_ticks(from: i32, to: i32, max: usize) -> Vec<(i32, String)> {
    let span = (to - from).max(1) as usize;
    let max = max.max(2);
    let label_day = |d: i32| {
        let (_, m, day) = civil_from_days(d);
        format!("{day} {}", MONTHS[(m - 1) as usize])
    };
    for step in [1, 2, 7, 14] {
        if span / step < max {
            let first = if step >= 7 {
                crate::query::week_start(from) + 7
            } else {
                from
            };
            let first = if first - 7 >= from && step >= 7 {
                first - 7
            } else {
                first
            };
            return (0..)
                .map(|k| first + k * step as i32)
                .take_while(|&d| d <= to)
                .map(|d| (d, label_day(d)))
                .collect();
        }
    }
    // Months (or every few months).
    let (y0, m0, _) = civil_from_days(from);
    let months = span / 30 + 1;
    let every = months.div_ceil(max).max(1) as u32;
    let mut out = Vec::new();
    let (mut y, mut m) = (y0, m0);
    loop {
        let d = days_from_civil(y, m, 1);
        if d > to {
            break;
        }
        if d >= from {
            out.push((d, format!("{} {y}", MONTHS[(m - 1) as usize])));
        }
        for _ in 0..every {
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        }
    }
    out
}

/// Horizontal offsets (in `step` units) that spread points sharing a day side by side, centred
/// on the day, so that each stays visible and clickable. `days` must be sorted.
pub fn dodge(days: &[i32], step: i32) -> Vec<i32> {
    let mut out = Vec::with_capacity(days.len());
    let mut i = 0;
    while i < days.len() {
        let j = i + days[i..].iter().take_while(|&&d| d == days[i]).count();
        let n = (j - i) as i32;
        for k in 0..n {
            out.push(step * (2 * k - (n - 1)) / 2);
        }
        i = j;
    }
    out
}

/// The day range a chart shows: the points' days padded by a day each side (a week when there is
/// only one day), or `fallback` when there are no points.
pub fn day_domain(days: impl IntoIterator<Item = i32>, fallback: (i32, i32)) -> (i32, i32) {
    let mut it = days.into_iter();
    let Some(first) = it.next() else {
        return (fallback.0 - 1, fallback.1 + 1);
    };
    let (lo, hi) = it.fold((first, first), |(a, b), d| (a.min(d), b.max(d)));
    if lo == hi {
        (lo - 3, hi + 3)
    } else {
        (lo - 1, hi + 1)
    }
}

/// The inclusive day range between two pixel positions of a brush on the `x` scale.
pub fn brush_days(x: &Scale, px0: f64, px1: f64) -> (i32, i32) {
    let (a, b) = (px0.min(px1), px0.max(px1));
    let lo = x.invert(a).round() as i32;
    let hi = x.invert(b).round() as i32;
    (lo.min(hi), hi.max(lo))
}

/// What the weekly bars are stacked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stack {
    /// The metrics (figures only).
    #[default]
    Metric,
    /// The positions on the corpus's questions (stances only).
    Stance,
}

impl Stack {
    /// The chart series this stack shows, of `count` in all ([`Index::series_count`]).
    pub fn series(self, count: usize) -> std::ops::Range<usize> {
        match self {
            Stack::Metric => 0..METRIC_SERIES.min(count),
            Stack::Stance => METRIC_SERIES.min(count)..count,
        }
    }
}

/// One segment of a stacked bar: series `s` from `y0` to `y1` (counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    pub series: usize,
    pub y0: u32,
    pub y1: u32,
}

/// Stacked bars per week: `(Monday, segments bottom to top, total)`.
pub fn stacks(weeks: &[(i32, Vec<u32>)], by: Stack) -> Vec<(i32, Vec<Segment>, u32)> {
    weeks
        .iter()
        .map(|(d, row)| {
            let mut y = 0;
            let segs = by
                .series(row.len())
                .filter(|&s| row[s] > 0)
                .map(|s| {
                    let seg = Segment {
                        series: s,
                        y0: y,
                        y1: y + row[s],
                    };
                    y += row[s];
                    seg
                })
                .collect();
            (*d, segs, y)
        })
        .collect()
}

/// A point as words: "about 8,000 fighting · Kyrylo Budanov · 4 Feb 2025".
pub fn point_label(corpus: &Corpus, p: &Point) -> String {
    let (value, high, qualifier) = corpus
        .claims
        .get(p.claim as usize)
        .map_or((None, None, None), |c| (c.value, c.value_high, c.qualifier));
    format!(
        "{} {} · {} · {}",
        crate::format::describe_value(value, high, qualifier),
        p.metric.as_str(),
        p.claimant,
        long_day(p.day)
    )
}

/// A sentence describing the figures chart (its accessible summary): how many figures, from
/// how many claimants, over which dates, and the largest. `points` are in date order.
pub fn figures_summary(corpus: &Corpus, points: &[Point], claimants: usize) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return "No dated figures match the filters.".to_string();
    };
    let top = points
        .iter()
        .max_by_key(|p| p.high)
        .map(|p| point_label(corpus, p))
        .unwrap_or_default();
    format!(
        "{} dated figures from {claimants} claimant{} between {} and {}. Largest: {top}.",
        points.len(),
        if claimants == 1 { "" } else { "s" },
        long_day(first.day),
        long_day(last.day)
    )
}

/// A sentence describing the chart of claims per day or week (its accessible summary).
pub fn bins_summary(bars: &[(i32, Vec<Segment>, u32)], daily: bool) -> String {
    let total: u32 = bars.iter().map(|b| b.2).sum();
    let busiest = bars.iter().filter(|b| b.2 > 0).max_by_key(|b| (b.2, -b.0));
    let (unit, the) = if daily {
        ("days", "")
    } else {
        ("weeks", "the week of ")
    };
    match busiest {
        None => "No dated claims match the filters.".to_string(),
        Some((d, _, n)) => format!(
            "{total} dated claims over {} {unit} (all dates, whatever the date filter). Busiest: {the}{} with {n}.",
            bars.len(),
            long_day(*d)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day::parse_day;

    #[test]
    fn scales_map_and_invert() {
        let s = Scale {
            d0: 0.0,
            d1: 100.0,
            r0: 50.0,
            r1: 250.0,
            log: false,
        };
        assert_eq!(s.map(50.0), 150.0);
        assert_eq!(s.invert(150.0), 50.0);
        let l = Scale {
            d0: 1.0,
            d1: 10_000.0,
            r0: 300.0,
            r1: 0.0,
            log: true,
        };
        assert_eq!(l.map(100.0), 150.0);
        assert!((l.invert(150.0) - 100.0).abs() < 1e-9);
        // Zero on a log scale sits at the bottom instead of at minus infinity.
        assert_eq!(l.map(0.0), 300.0);
    }

    #[test]
    fn value_axes_are_round() {
        assert_eq!(
            value_axis(12_000, false),
            (12_000.0, vec![0, 2000, 4000, 6000, 8000, 10_000, 12_000])
        );
        assert_eq!(value_axis(8_001, false).0, 10_000.0);
        assert_eq!(value_axis(3, false).1, vec![0, 1, 2, 3]);
        assert_eq!(
            value_axis(12_000, true),
            (100_000.0, vec![1, 10, 100, 1000, 10_000, 100_000])
        );
        assert_eq!(short_number(12_000), "12,000");
        assert_eq!(short_number(2_500_000), "2.5M");
    }

    #[test]
    fn day_ticks_pick_a_readable_step() {
        let d = |s| parse_day(s).unwrap();
        let days = day_ticks(d("2025-01-13"), d("2025-02-07"), 8);
        assert!(days.len() <= 8 && days.len() >= 3, "{days:?}");
        // Weekly ticks fall on Mondays.
        assert!(days.iter().all(|(x, _)| crate::day::weekday(*x) == 0));
        assert_eq!(days[0].1, "13 Jan");
        let months = day_ticks(d("2024-08-01"), d("2025-04-28"), 8);
        assert_eq!(months[0].1, "Aug 2024");
        assert!(months.len() <= 9);
        assert_eq!(long_day(d("2025-02-04")), "4 Feb 2025");
        assert_eq!(day_ticks(d("2025-02-04"), d("2025-02-06"), 8).len(), 3);
    }

    #[test]
    fn dodge_spreads_points_of_one_day() {
        assert_eq!(dodge(&[1, 2, 2, 3, 3, 3], 10), [0, -5, 5, -10, 0, 10]);
        assert!(dodge(&[], 10).is_empty());
    }

    #[test]
    fn brush_maps_pixels_back_to_days() {
        let x = Scale {
            d0: 100.0,
            d1: 130.0,
            r0: 0.0,
            r1: 300.0,
            log: false,
        };
        assert_eq!(brush_days(&x, 200.0, 100.0), (110, 120));
    }

    #[test]
    fn marks_and_stacks() {
        assert_eq!(Mark::of(Qualifier::MoreThan), Mark::Floor);
        assert_eq!(Mark::of(Qualifier::UpTo), Mark::Ceiling);
        let mut row = vec![0u32; METRIC_SERIES + 2];
        row[2] = 3;
        row[3] = 2;
        row[METRIC_SERIES] = 4;
        let s = stacks(&[(0, row.clone())], Stack::Metric);
        assert_eq!(s[0].2, 5);
        assert_eq!(
            s[0].1,
            [
                Segment {
                    series: 2,
                    y0: 0,
                    y1: 3
                },
                Segment {
                    series: 3,
                    y0: 3,
                    y1: 5
                }
            ]
        );
        assert_eq!(stacks(&[(0, row.clone())], Stack::Stance)[0].2, 4);
        let d = crate::day::parse_day("2025-02-03").unwrap();
        let s = bins_summary(
            &stacks(
                &[(d - 7, vec![0; row.len()]), (d, row.clone())],
                Stack::Metric,
            ),
            false,
        );
        assert_eq!(s, "5 dated claims over 2 weeks (all dates, whatever the date filter). Busiest: the week of 3 Feb 2025 with 5.");
        let s = bins_summary(&stacks(&[(d, row)], Stack::Metric), true);
        assert_eq!(s, "5 dated claims over 1 days (all dates, whatever the date filter). Busiest: 3 Feb 2025 with 5.");
        assert_eq!(
            bins_summary(&[], false),
            "No dated claims match the filters."
        );
        assert_eq!(day_domain([5, 9], (0, 0)), (4, 10));
        assert_eq!(day_domain([], (20, 30)), (19, 31));
    }

    #[test]
    fn points_and_colours_from_a_corpus() {
        let mut c = crate::synth::corpus(200, 7);
        c.claims[0].value = None;
        let idx = Index::new(&c);
        let all: Vec<u32> = (0..c.claims.len() as u32).collect();
        let pts = points(&c, &idx, &all);
        assert!(pts.windows(2).all(|w| w[0].day <= w[1].day));
        assert!(pts.iter().all(|p| p.claim != 0 && p.high >= p.low));
        let colours = claimant_colours(&pts);
        assert!(colours.iter().all(|(_, i)| *i <= OTHER));
        assert_eq!(colours[0].1, 0);
    }

    #[test]
    fn the_figures_chart_in_a_sentence() {
        let c = crate::synth::corpus(50, 3);
        let idx = Index::new(&c);
        let all: Vec<u32> = (0..c.claims.len() as u32).collect();
        let pts = points(&c, &idx, &all);
        let top = pts.iter().max_by_key(|p| p.high).unwrap();
        let s = figures_summary(&c, &pts, 7);
        assert!(
            s.starts_with(&format!(
                "{} dated figures from 7 claimants between ",
                pts.len()
            )),
            "{s}"
        );
        assert!(
            s.ends_with(&format!("Largest: {}.", point_label(&c, top))),
            "{s}"
        );
        assert!(point_label(&c, top).contains(&top.claimant));
        assert_eq!(
            figures_summary(&c, &[], 0),
            "No dated figures match the filters."
        );
    }
}
