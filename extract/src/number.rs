//! Number grammar: the numbers a text writes, as values.
//!
//! Digits with `,` or space thousands separators (`8,000`, `11 000`), decimals with scale words
//! (`1.5 million`), spelled numbers (`three`, `twenty-five`, `three thousand`, `a dozen`), mixed
//! forms (`27-hundred`, `three-thousand`), ranges (`10,000 to 12,000`, `between 1,000 and 3,000`,
//! `10,000-12,000`) and vague counts (`hundreds`, `several thousand`, `tens of thousands`).
//! Whether a number counts people is decided later, by [`crate::figure`]. The number words are
//! the grammar's `[number]` lists.

use crate::lexicon::Grammar;
use crate::token::Token;

/// A number phrase over tokens `tok_start..tok_end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberPhrase {
    pub tok_start: usize,
    pub tok_end: usize,
    /// `None` for vague counts ("hundreds").
    pub value: Option<u64>,
    /// Upper end of a range.
    pub value_high: Option<u64>,
    /// Four bare digits (`2024`): a year unless a count noun follows.
    pub year_like: bool,
    /// Written as digits (not words).
    pub digits: bool,
}

/// Largest value kept; bigger numbers are not head counts.
const MAX_VALUE: f64 = 1e10;

fn unit_word(w: &str, g: &Grammar) -> Option<u64> {
    g.units.get(w).map(|v| v as u64)
}

fn tens_word(w: &str, g: &Grammar) -> Option<u64> {
    g.tens.get(w).map(|v| v as u64)
}

fn scale_word(w: &str, g: &Grammar) -> Option<u64> {
    g.scales.get(w).map(|v| v as u64)
}

fn adjacent(toks: &[Token], i: usize) -> bool {
    i + 1 < toks.len() && toks[i].end == toks[i + 1].start
}

/// Digits as written, with `,` thousands separators or a decimal point.
fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(',') {
        let groups: Vec<&str> = s.split(',').collect();
        let valid = groups[0].len() <= 3
            && groups[0].chars().all(|c| c.is_ascii_digit())
            && groups[1..]
                .iter()
                .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
        if !valid {
            return None;
        }
        return groups.concat().parse::<f64>().ok();
    }
    s.parse::<f64>().ok()
}

/// An atom: one number without a range. Returns (value, end token, digits?, year-like?).
fn atom(
    toks: &[Token],
    text: &str,
    i: usize,
    g: &Grammar,
) -> Option<(Option<f64>, usize, bool, bool)> {
    let t = toks.get(i)?;
    if t.is_number() {
        let mut value = parse_digits(t.text)?;
        let mut end = i + 1;
        let mut year_like = t.text.len() == 4 && !t.text.contains(['.', ',']);
        // Space-separated thousands: "11 000", "2 700", "1 250 000".
        if t.text.len() <= 3 && !t.text.contains(['.', ',']) {
            while end < toks.len() {
                let next = &toks[end];
                let gap = &text[toks[end - 1].end..next.start];
                let one_space =
                    gap == " " || gap == "\u{a0}" || gap == "\u{202f}" || gap == "\u{2009}";
                if next.is_number()
                    && next.text.len() == 3
                    && next.text.chars().all(|c| c.is_ascii_digit())
                    && one_space
                {
                    value = value * 1000.0 + next.text.parse::<f64>().ok()?;
                    end += 1;
                    year_like = false;
                } else {
                    break;
                }
            }
        }
        // Scale: "1.5 million", "27-hundred", "4 thousand".
        let mut k = end;
        if toks.get(k).is_some_and(|x| x.is_punct('-')) && adjacent(toks, k - 1) {
            k += 1;
        }
        if let Some(scale) = toks.get(k).and_then(|x| scale_word(&x.norm, g)) {
            value *= scale as f64;
            end = k + 1;
            year_like = false;
        }
        if !(0.0..=MAX_VALUE).contains(&value) {
            return None;
        }
        return Some((Some(value), end, true, year_like));
    }
    if !t.is_word() {
        return None;
    }
    let w = t.norm.as_str();
    // Vague counts.
    match w {
        _ if g.vague_plurals.contains(w) => {
            // "hundreds of thousands"
            let mut end = i + 1;
            if toks.get(end).is_some_and(|x| x.is("of"))
                && toks.get(end + 1).is_some_and(|x| g.vague_plurals_of.has(x))
            {
                end += 2;
            }
            return Some((None, end, false, false));
        }
        "tens"
            if toks.get(i + 1).is_some_and(|x| x.is("of"))
                && toks.get(i + 2).is_some_and(|x| x.is("thousands")) =>
        {
            return Some((None, i + 3, false, false));
        }
        _ if g.vague_quantifiers.contains(w) => {
            if let Some(x) = toks.get(i + 1) {
                if g.vague_scales.has(x) {
                    return Some((None, i + 2, false, false));
                }
            }
            return None;
        }
        "a" | "an" => {
            // "a dozen", "a hundred", "a few hundred", "a thousand"
            let next = toks.get(i + 1)?;
            if next.is("few") {
                let x = toks.get(i + 2)?;
                if g.vague_scales.has(x) {
                    return Some((None, i + 3, false, false));
                }
                return None;
            }
            if scale_word(&next.norm, g).is_some() {
                let (v, end) = spelled(toks, i + 1, g)?;
                return Some((Some(v as f64), end, false, false));
            }
            return None;
        }
        _ => {}
    }
    let (v, end) = spelled(toks, i, g)?;
    Some((Some(v as f64), end, false, false))
}

/// A spelled number from token `i`: "three", "twenty-five", "three thousand five hundred",
/// "two hundred and fifty", "dozen".
fn spelled(toks: &[Token], i: usize, g: &Grammar) -> Option<(u64, usize)> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut end = i;
    let mut any = false;
    let mut k = i;
    while k < toks.len() {
        let w = toks[k].norm.as_str();
        if let Some(u) = unit_word(w, g) {
            current = current.saturating_add(u);
        } else if let Some(t) = tens_word(w, g) {
            current = current.saturating_add(t);
        } else if let Some(s) = scale_word(w, g) {
            if s == 100 {
                current = current.max(1).saturating_mul(100);
            } else {
                total = total.saturating_add(current.max(1).saturating_mul(s));
                current = 0;
            }
        } else if (w == "-" && any && adjacent(toks, k - 1) && adjacent(toks, k))
            || (w == "and"
                && any
                && toks.get(k + 1).is_some_and(|x| {
                    unit_word(&x.norm, g).is_some() || tens_word(&x.norm, g).is_some()
                }))
        {
            k += 1;
            continue;
        } else {
            break;
        }
        any = true;
        k += 1;
        end = k;
    }
    let value = total.saturating_add(current);
    (any && value as f64 <= MAX_VALUE).then_some((value, end))
}

/// All number phrases in `toks` (tokens of the document `text`), with the built-in grammar.
#[cfg(test)]
pub fn find_numbers(toks: &[Token], text: &str) -> Vec<NumberPhrase> {
    find_numbers_in(toks, text, &crate::lexicon::Lexicon::shared().grammar)
}

/// Like [`find_numbers`], with the number words of `g`.
pub fn find_numbers_in(toks: &[Token], text: &str, g: &Grammar) -> Vec<NumberPhrase> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "between 1,000 and 3,000", "from 10,000 to 12,000"
        let lead = g.range_leads.has(&toks[i]);
        let start = if lead { i + 1 } else { i };
        let Some((v, end, digits, year_like)) = atom(toks, text, start, g) else {
            i += 1;
            continue;
        };
        let mut phrase = NumberPhrase {
            tok_start: if lead { i } else { start },
            tok_end: end,
            value: v.map(|x| x.round() as u64),
            value_high: None,
            year_like,
            digits,
        };
        if lead && v.is_none() {
            phrase.tok_start = start;
        }
        // A range: "X to Y", "X-Y", "X–Y", "between X and Y".
        if let Some(low) = phrase.value {
            let sep = toks.get(end).map(|t| t.norm.as_str());
            let is_sep = match sep {
                Some(w) if g.range_words.contains(w) => true,
                Some("and") => lead && toks[i].is("between"),
                Some("-" | "–" | "—") => true,
                _ => false,
            };
            if is_sep {
                if let Some((Some(hv), hend, _, _)) = atom(toks, text, end + 1, g) {
                    let high = hv.round() as u64;
                    let mut low = low;
                    // "10 to 12 thousand": the scale of the high end applies to both.
                    if high > low * 100 && digits {
                        for scale in [1_000_000u64, 1_000, 100] {
                            if high.is_multiple_of(scale)
                                && low * scale <= high
                                && low * scale * 10 > high
                            {
                                low *= scale;
                                break;
                            }
                        }
                    }
                    if high > low {
                        phrase.value = Some(low);
                        phrase.value_high = Some(high);
                        phrase.tok_end = hend;
                        phrase.year_like = false;
                    }
                }
            }
        }
        if lead && phrase.value_high.is_none() {
            phrase.tok_start = start;
        }
        i = phrase.tok_end.max(i + 1);
        out.push(phrase);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn values(s: &str) -> Vec<(Option<u64>, Option<u64>)> {
        let toks = tokenize(s, 0);
        find_numbers(&toks, s)
            .into_iter()
            .map(|p| (p.value, p.value_high))
            .collect()
    }

    #[test]
    fn digits_with_separators() {
        assert_eq!(values("about 8,000 troops"), [(Some(8000), None)]);
        assert_eq!(values("about 11 000 troops"), [(Some(11000), None)]);
        assert_eq!(values("and 2 700 wounded"), [(Some(2700), None)]);
        assert_eq!(values("1.5 million people"), [(Some(1_500_000), None)]);
        assert_eq!(values("27-hundred soldiers"), [(Some(2700), None)]);
        assert_eq!(values("4 thousand men"), [(Some(4000), None)]);
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(values("three generals"), [(Some(3), None)]);
        assert_eq!(values("twenty-five men"), [(Some(25), None)]);
        assert_eq!(values("three-thousand troops"), [(Some(3000), None)]);
        assert_eq!(values("three thousand five hundred"), [(Some(3500), None)]);
        assert_eq!(values("two hundred and fifty"), [(Some(250), None)]);
        assert_eq!(values("a dozen soldiers"), [(Some(12), None)]);
    }

    #[test]
    fn ranges() {
        assert_eq!(
            values("10,000 to 12,000 troops"),
            [(Some(10000), Some(12000))]
        );
        assert_eq!(
            values("between 1,000 and 3,000"),
            [(Some(1000), Some(3000))]
        );
        assert_eq!(values("10,000-12,000"), [(Some(10000), Some(12000))]);
        assert_eq!(values("10 to 12 thousand"), [(Some(10000), Some(12000))]);
    }

    #[test]
    fn vague_counts() {
        assert_eq!(values("hundreds of soldiers"), [(None, None)]);
        assert_eq!(values("several hundred troops"), [(None, None)]);
        assert_eq!(values("tens of thousands of troops"), [(None, None)]);
        assert_eq!(values("dozens of officers"), [(None, None)]);
    }

    #[test]
    fn years_are_marked() {
        let s = "in 2024 and 2,024";
        let toks = tokenize(s, 0);
        let found = find_numbers(&toks, s);
        assert!(found[0].year_like);
        assert!(!found[1].year_like);
    }

    #[test]
    fn huge_numbers_do_not_overflow() {
        assert_eq!(values("99999999999999999999999999 men"), []);
    }
}
