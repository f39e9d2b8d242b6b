//! Date expressions in text ("Feb. 4", "February 4, 2025", "January 12th", "4th of March",
//! "2025-02-04", "on Friday", "Monday, Feb. 3", "last Sunday", "mid-January", "last fall") and
//! their resolution against a reference date. The words are the grammar's `[date]` lists.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::lexicon::Grammar;
use crate::token::{tokenize, Token};

/// A date as the text gives it, possibly relative or without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    /// Day, month and year.
    Full(NaiveDate),
    /// Month and day (1-31, or 5/15/25/31 for "early/mid/late/end of"), maybe with a year.
    MonthDay {
        month: u32,
        day: u32,
        year: Option<i32>,
    },
    /// A month alone ("in August"): its middle, but no evidence of when an article was written.
    Month {
        month: u32,
        year: Option<i32>,
    },
    Weekday(Weekday),
    /// Days from the reference date ("yesterday" is -1).
    Relative(i64),
    /// "last fall": the middle month of the season, in the year before the reference.
    LastSeason {
        month: u32,
    },
}

impl DateExpr {
    /// Has a year of its own, so needs no reference.
    pub fn is_absolute(&self) -> bool {
        matches!(
            self,
            DateExpr::Full(_)
                | DateExpr::MonthDay { year: Some(_), .. }
                | DateExpr::Month { year: Some(_), .. }
        )
    }
}

/// A date expression found among tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub tok_start: usize,
    pub tok_end: usize,
    pub expr: DateExpr,
}

fn month_of(t: &Token, g: &Grammar) -> Option<u32> {
    g.months.of(t).map(|m| m as u32)
}

/// Is token `i` a month name (capitalised, so that "may" the verb is not one)?
pub fn is_month(toks: &[Token], i: usize, g: &Grammar) -> bool {
    toks.get(i)
        .is_some_and(|t| t.is_capitalized() && month_of(t, g).is_some())
}

fn weekday_of(t: &Token, g: &Grammar) -> Option<Weekday> {
    g.weekdays
        .of(t)
        .and_then(|d| Weekday::try_from(u8::try_from(d).ok()?).ok())
}

fn small_number(t: &Token, max: u32) -> Option<u32> {
    if !t.is_number() || t.text.len() > 2 {
        return None;
    }
    t.text.parse().ok().filter(|&n| n >= 1 && n <= max)
}

fn year(t: &Token) -> Option<i32> {
    if !t.is_number() || t.text.len() != 4 {
        return None;
    }
    t.text.parse().ok().filter(|y| (1900..=2100).contains(y))
}

/// All date expressions in `toks`, left to right, not overlapping (with the built-in grammar).
#[cfg(test)]
pub fn find_dates(toks: &[Token]) -> Vec<FoundDate> {
    find_dates_in(toks, &crate::lexicon::Lexicon::shared().grammar)
}

/// Like [`find_dates`], with the date words of `g`.
pub fn find_dates_in(toks: &[Token], g: &Grammar) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !may_open_date(&toks[i], g) {
            i += 1;
            continue;
        }
        if let Some((end, expr)) = date_at(toks, i, g) {
            out.push(FoundDate {
                tok_start: i,
                tok_end: end,
                expr,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

fn adjacent(toks: &[Token], i: usize) -> bool {
    i + 1 < toks.len() && toks[i].end == toks[i + 1].start
}

/// A day of the month at token `j` ("13", "12th", "1st"): the day and the token after it.
fn day_at(toks: &[Token], j: usize, g: &Grammar) -> Option<(u32, usize)> {
    let day = small_number(toks.get(j)?, 31)?;
    match toks.get(j + 1) {
        Some(x) if x.is_word() && adjacent(toks, j) => {
            g.day_suffixes.has(x).then_some((day, j + 2))
        }
        _ => Some((day, j + 1)),
    }
}

/// A year after a day, maybe after "," or "of" ("January 12, 2016", "January 12 of 2016"): the
/// year and the token after it.
fn year_after(toks: &[Token], k: usize) -> Option<(i32, usize)> {
    let mut k = skip_punct(toks, k, ',');
    if toks.get(k).is_some_and(|x| x.is("of")) {
        k += 1;
    }
    toks.get(k).and_then(year).map(|y| (y, k + 1))
}

/// Skips an optional "." (after "Jan") and "," (after the day).
fn skip_punct(toks: &[Token], mut i: usize, c: char) -> usize {
    if toks.get(i).is_some_and(|t| t.is_punct(c)) {
        i += 1;
    }
    i
}

/// The lists a date's first word may be in (months, weekdays, "yesterday"...).
pub fn gate(g: &Grammar) -> u128 {
    crate::lexicon::union_of(&[
        g.months.mask,
        g.month_parts.mask,
        g.weekdays.mask,
        g.weekday_leads.mask,
        g.relative_days.mask,
    ])
}

/// Whether a date may start at `t`. Most tokens: no number, no "last" or "this", in none of
/// the date lists.
#[inline]
fn may_open_date(t: &Token, g: &Grammar) -> bool {
    t.is_number() || t.lists.holds(g.gates.dates) != Some(false) || t.is("last") || t.is("this")
}

fn date_at(toks: &[Token], i: usize, g: &Grammar) -> Option<(usize, DateExpr)> {
    let t = &toks[i];
    if !may_open_date(t, g) {
        return None;
    }
    // 2025-02-04
    if let Some(y) = year(t) {
        if i + 4 < toks.len()
            && adjacent(toks, i)
            && toks[i + 1].is_punct('-')
            && adjacent(toks, i + 1)
            && adjacent(toks, i + 2)
            && toks[i + 3].is_punct('-')
        {
            let m = small_number(&toks[i + 2], 12)?;
            let d = small_number(&toks[i + 4], 31)?;
            return NaiveDate::from_ymd_opt(y, m, d).map(|nd| (i + 5, DateExpr::Full(nd)));
        }
        return None;
    }
    // Month [.] day [,] [of] [year] / Month year: "Jan. 13", "January 12th, 2016", "Jan-1"
    if is_month(toks, i, g) {
        let month = month_of(t, g)?;
        let j = if toks.get(i + 1).is_some_and(|x| x.is_punct('-'))
            && adjacent(toks, i)
            && adjacent(toks, i + 1)
        {
            i + 2
        } else {
            skip_punct(toks, i + 1, '.')
        };
        if let Some((day, after)) = day_at(toks, j, g) {
            // A year after "," or "of" only: "Aug. 6 on 2024" has a stray preposition, no year.
            let (end, yr) = match year_after(toks, after) {
                Some((y, end)) => (end, Some(y)),
                None => (after, None),
            };
            return Some((end, month_day(month, day, yr)));
        }
        if let Some(y) = toks.get(j).and_then(year) {
            return Some((
                j + 1,
                DateExpr::Month {
                    month,
                    year: Some(y),
                },
            ));
        }
        return Some((i + 1, DateExpr::Month { month, year: None }));
    }
    // day Month [year]: "4 February 2025", "1st Jan", "4th of March", "26th June of 2020", "28-Nov"
    if let Some((day, mut j)) = day_at(toks, i, g) {
        if toks.get(j).is_some_and(|x| x.is_punct('-'))
            && adjacent(toks, j - 1)
            && adjacent(toks, j)
        {
            j += 1;
        } else if j > i + 1 && toks.get(j).is_some_and(|x| x.is("of")) {
            // "of" only after an ordinal: "4th of March", never "12 of March".
            j += 1;
        }
        if is_month(toks, j, g) {
            let month = month_of(&toks[j], g)?;
            let (end, yr) = match year_after(toks, j + 1) {
                Some((y, end)) => (end, Some(y)),
                None => (j + 1, None),
            };
            return Some((end, month_day(month, day, yr)));
        }
        return None;
    }
    // early / mid / late / end of / beginning of Month
    let part = g.month_parts.of(t).map(|d| d as u32);
    if let Some(day) = part {
        let mut j = i + 1;
        while toks
            .get(j)
            .is_some_and(|x| x.is_punct('-') || x.is("of") || x.is("the"))
            && j < i + 4
        {
            j += 1;
        }
        if is_month(toks, j, g) {
            let month = month_of(&toks[j], g)?;
            let (end, yr) = match toks.get(j + 1).and_then(year) {
                Some(y) => (j + 2, Some(y)),
                None => (j + 1, None),
            };
            return Some((end, month_day(month, day, yr)));
        }
        return None;
    }
    if let Some(w) = weekday_of(t, g) {
        // "Monday, Feb. 3", "Monday January 12th, 2016", "Friday (June 15)": the weekday of the
        // date it names.
        let (j, paren) = match toks.get(i + 1) {
            Some(x) if x.is_punct(',') => (i + 2, false),
            Some(x) if x.is_punct('(') => (i + 2, true),
            Some(x) if x.is_punct('-') && adjacent(toks, i) && adjacent(toks, i + 1) => {
                (i + 2, false)
            }
            _ => (i + 1, false),
        };
        if j < toks.len() {
            if let Some((end, expr @ (DateExpr::Full(_) | DateExpr::MonthDay { .. }))) =
                date_at(toks, j, g)
            {
                match paren {
                    false => return Some((end, expr)),
                    true if toks.get(end).is_some_and(|x| x.is_punct(')')) => {
                        return Some((end + 1, expr))
                    }
                    true => {}
                }
            }
        }
        return Some((i + 1, DateExpr::Weekday(w)));
    }
    // "last Sunday", "past Monday", "this Friday (June 15)": the weekday (or its date).
    if g.weekday_leads.has(t) && toks.get(i + 1).is_some_and(|x| weekday_of(x, g).is_some()) {
        return date_at(toks, i + 1, g);
    }
    if let Some(days) = g.relative_days.of(t) {
        return Some((i + 1, DateExpr::Relative(days)));
    }
    // "last week", "last fall", "this week"
    let next = toks.get(i + 1).map_or("", |x| x.norm.as_str());
    let expr = if t.is("last") {
        match (g.last.get(next), g.last_seasons.get(next)) {
            (Some(days), _) => DateExpr::Relative(days),
            (None, Some(month)) => DateExpr::LastSeason {
                month: month as u32,
            },
            (None, None) => return None,
        }
    } else if t.is("this") {
        DateExpr::Relative(g.this.get(next)?)
    } else {
        return None;
    };
    Some((i + 2, expr))
}

fn month_day(month: u32, day: u32, year: Option<i32>) -> DateExpr {
    match year.and_then(|y| NaiveDate::from_ymd_opt(y, month, day)) {
        Some(d) => DateExpr::Full(d),
        None => DateExpr::MonthDay { month, day, year },
    }
}

/// Parses a free-standing date ("February 4, 2025 9:20 PM", "2025-02-04", "Nov. 25, 2024"),
/// with the built-in grammar.
#[cfg(test)]
pub fn parse_date_text(s: &str) -> Option<DateExpr> {
    parse_date_text_in(s, &crate::lexicon::Lexicon::shared().grammar)
}

/// Like [`parse_date_text`], with the date words of `g`.
pub fn parse_date_text_in(s: &str, g: &Grammar) -> Option<DateExpr> {
    let toks = tokenize(s, 0);
    find_dates_in(&toks, g).into_iter().map(|f| f.expr).next()
}

/// A date expression of a text, as [`dates`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    pub expr: DateExpr,
}

/// Every date expression of `text`, left to right, read with the date words of `lex` (month
/// names count only capitalised, so that "may" the verb is none).
pub fn dates(text: &str, lex: &crate::Lexicon) -> Vec<Date> {
    let toks = tokenize(text, 0);
    find_dates_in(&toks, &lex.grammar)
        .into_iter()
        .map(|f| Date {
            start: toks[f.tok_start].start,
            end: toks[f.tok_end - 1].end,
            expr: f.expr,
        })
        .collect()
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).or_else(|| {
        // Day 28-31 of a short month: take the month's last day.
        (28..d)
            .rev()
            .find_map(|dd| NaiveDate::from_ymd_opt(y, m, dd))
    })
}

/// The calendar date of `expr`, read as said on or shortly before `reference`. Without a
/// reference, only absolute expressions (or month-days given `fallback_year`) resolve.
pub fn resolve(
    expr: DateExpr,
    reference: Option<NaiveDate>,
    fallback_year: Option<i32>,
) -> Option<NaiveDate> {
    match expr {
        DateExpr::Full(d) => Some(d),
        DateExpr::Month { month, year } => resolve(
            DateExpr::MonthDay {
                month,
                day: 15,
                year,
            },
            reference,
            fallback_year,
        ),
        DateExpr::MonthDay {
            month,
            day,
            year: Some(y),
        } => ymd(y, month, day),
        DateExpr::MonthDay {
            month,
            day,
            year: None,
        } => match reference {
            Some(r) => {
                let d = ymd(r.year(), month, day)?;
                // A date well after the reference was last year's.
                if d > r + Days::new(7) {
                    ymd(r.year() - 1, month, day)
                } else {
                    Some(d)
                }
            }
            None => ymd(fallback_year?, month, day),
        },
        DateExpr::Weekday(w) => {
            let r = reference?;
            let back = (7 + r.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
            r.checked_sub_days(Days::new(back as u64))
        }
        DateExpr::Relative(n) => {
            let r = reference?;
            if n >= 0 {
                r.checked_add_days(Days::new(n as u64))
            } else {
                r.checked_sub_days(Days::new(n.unsigned_abs()))
            }
        }
        DateExpr::LastSeason { month } => {
            let r = reference?;
            let d = ymd(r.year(), month, 15)?;
            if d >= r {
                ymd(r.year() - 1, month, 15)
            } else {
                Some(d)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn first(s: &str) -> DateExpr {
        parse_date_text(s).unwrap_or_else(|| panic!("no date in {s:?}"))
    }

    #[test]
    fn absolute_forms() {
        assert_eq!(
            first("by Kateryna February 4, 2025 9:20 PM"),
            DateExpr::Full(d(2025, 2, 4))
        );
        assert_eq!(
            first("date 2025-02-04 South"),
            DateExpr::Full(d(2025, 2, 4))
        );
        assert_eq!(
            first("Published : Nov. 25, 2024"),
            DateExpr::Full(d(2024, 11, 25))
        );
        assert_eq!(first("on 4 February 2025"), DateExpr::Full(d(2025, 2, 4)));
        assert_eq!(
            first("on Aug. 6 on 2024"),
            DateExpr::MonthDay {
                month: 8,
                day: 6,
                year: None
            }
        );
    }

    #[test]
    fn relative_forms_resolve_against_the_reference() {
        let r = Some(d(2025, 2, 4)); // a Tuesday
        let at = |s: &str| resolve(first(s), r, None).unwrap();
        assert_eq!(at("on Jan. 13"), d(2025, 1, 13));
        assert_eq!(at("on Friday"), d(2025, 1, 31));
        assert_eq!(at("in mid-January"), d(2025, 1, 15));
        assert_eq!(at("at the end of January"), d(2025, 1, 28));
        assert_eq!(at("last fall"), d(2024, 10, 15));
        assert_eq!(at("on December 27"), d(2024, 12, 27));
        assert_eq!(at("Tuesday"), d(2025, 2, 4));
    }

    #[test]
    fn ordinal_days_and_weekdays_with_dates() {
        assert_eq!(
            first("on January 12th, 2016"),
            DateExpr::Full(d(2016, 1, 12))
        );
        assert_eq!(
            first("on January 12 of 2016"),
            DateExpr::Full(d(2016, 1, 12))
        );
        assert_eq!(
            first("on the 4th of March 2024"),
            DateExpr::Full(d(2024, 3, 4))
        );
        assert_eq!(first("1st Jan"), md(1, 1));
        assert_eq!(first("due 28-Nov"), md(11, 28));
        assert_eq!(first("on Monday, Feb. 3"), md(2, 3));
        assert_eq!(first("Friday 2018-7-6"), DateExpr::Full(d(2018, 7, 6)));
        assert_eq!(first("this Friday (June 15)"), md(6, 15));
        assert_eq!(first("last Sunday"), DateExpr::Weekday(Weekday::Sun));
        for s in ["the 27th floor", "at 5pm"] {
            assert!(find_dates(&tokenize(s, 0)).is_empty(), "{s}");
        }
        // "of" joins a day to its month only after an ordinal.
        assert_eq!(
            first("12 of March"),
            DateExpr::Month {
                month: 3,
                year: None
            }
        );
        let toks = tokenize("on Monday, Feb. 3 they", 0);
        let found = find_dates(&toks);
        assert_eq!((found[0].tok_start, found[0].tok_end), (1, 6));
    }

    fn md(month: u32, day: u32) -> DateExpr {
        DateExpr::MonthDay {
            month,
            day,
            year: None,
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let toks = tokenize("casualties may amount to dozens", 0);
        assert!(find_dates(&toks).is_empty());
    }

    #[test]
    fn no_reference_no_relative_date() {
        assert_eq!(resolve(first("on Friday"), None, None), None);
        assert_eq!(
            resolve(first("on Feb. 4"), None, Some(2025)),
            Some(d(2025, 2, 4))
        );
    }
}
