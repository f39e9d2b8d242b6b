//! Number grammar: the numbers a text writes, as values.
//!
//! Digits with `,` or space thousands separators (`8,000`, `11 000`), decimals with scale words
//! (`1.5 million`, `13 lakh`), scale suffixes (`10k`, `2.5m`, `1.2bn`), spelled numbers (`three`,
//! `twenty-five`, `three thousand`, `a dozen`, `one hundred and sixty-one`) in the order English
//! writes them, fractions of a scale (`half a million`, `five and a half million`), mixed forms
//! (`27-hundred`, `three-thousand`, `4 thousand 3 hundred and 21`), ranges (`10,000 to 12,000`,
//! `between 1,000 and 3,000`, `10,000-12,000`, `20 through 100`, and bounds such as `more than
//! 100 but fewer than 300`) and vague counts (`hundreds`, `several thousand`, `tens of
//! thousands`). Whether a number counts people is decided later, by [`crate::figure`]. The
//! number words are the grammar's `[number]` lists, the qualifiers `lexicon.toml`'s
//! `[qualifiers]`; [`numbers`] gives every number of a text with its qualifier.

use claimscope_model::model::Qualifier;

use crate::lexicon::{qualifier_of, Grammar, Lexicon};
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

fn unit_word(t: &Token, g: &Grammar) -> Option<u64> {
    g.units.of(t).map(|v| v as u64)
}

fn tens_word(t: &Token, g: &Grammar) -> Option<u64> {
    g.tens.of(t).map(|v| v as u64)
}

fn scale_word(t: &Token, g: &Grammar) -> Option<u64> {
    g.scales.of(t).map(|v| v as u64)
}

fn adjacent(toks: &[Token], i: usize) -> bool {
    i + 1 < toks.len() && toks[i].end == toks[i + 1].start
}

/// Digits as written, with `,` thousands separators and a decimal point (`1,674.5`).
fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((int, frac)) if !frac.contains(['.', ',']) => (int, Some(frac)),
        Some(_) => return None,
        None => (s, None),
    };
    let int = if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let valid = groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
        if !valid {
            return None;
        }
        groups.concat()
    } else {
        int.to_string()
    };
    match frac {
        Some(f) => format!("{int}.{f}").parse().ok(),
        None => int.parse().ok(),
    }
}

/// A small integer written in digits ("3", "21", "450"): one that can take a scale word
/// ("3 hundred") or follow one ("4 thousand 3 hundred").
fn digit_group(t: &Token) -> Option<u64> {
    (t.is_number() && t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.text.parse().ok())
        .flatten()
}

/// An atom: one number without a range. Returns (value, end token, digits?, year-like?).
/// The lists a spelled or vague number's first word may be in.
pub fn gate(g: &Grammar) -> u128 {
    crate::lexicon::union_of(&[
        g.vague_plurals.mask,
        g.vague_quantifiers.mask,
        g.units.mask,
        g.tens.mask,
        g.scales.mask,
        g.fractions.mask,
    ])
}

/// Whether a number may start at `t`: digits, or a word of the number lists ("five",
/// "dozens").
pub fn starts_number(t: &Token, g: &Grammar) -> bool {
    t.is_number() || t.lists.holds(g.gates.numbers) == Some(true)
}

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
        // Letters glued to the digits: a scale suffix ("10k", "2.5m", "1.2bn"), else no
        // number at all ("180ml", "29km", "4th", "1990s", "5pm").
        if toks.get(end).is_some_and(|x| x.is_word()) && adjacent(toks, end - 1) {
            let scale = g.scale_suffixes.of(&toks[end])?;
            value *= scale as f64;
            return (0.0..=MAX_VALUE).contains(&value).then_some((
                Some(value.round()),
                end + 1,
                true,
                false,
            ));
        }
        let mut k = end;
        if toks.get(k).is_some_and(|x| x.is_punct('-')) && adjacent(toks, k - 1) {
            k += 1;
        }
        let scale = toks.get(k).and_then(|x| scale_word(x, g));
        // A small integer and a scale word read like a spelled number: "3 hundred and 21",
        // "4 thousand 3 hundred", "27-hundred", "6 crore and two hundred".
        if end == i + 1 && scale.is_some() && digit_group(t).is_some() {
            let (v, end) = spelled(toks, i, g)?;
            return Some((Some(v), end, true, false));
        }
        // Scale: "1.5 million", "1,674.5 million", "4 thousand".
        if let Some(scale) = scale {
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
    // Most words: in none of the number lists, and none of the words read below.
    if t.lists.holds(g.gates.numbers) == Some(false) && !matches!(w, "a" | "an" | "tens" | "and") {
        return None;
    }
    // Vague counts.
    match w {
        _ if g.vague_plurals.has(t) => {
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
        _ if g.vague_quantifiers.has(t) => {
            if let Some(x) = toks.get(i + 1) {
                if g.vague_scales.has(x) {
                    return Some((None, i + 2, false, false));
                }
            }
            return None;
        }
        "a" | "an" => {
            // "a dozen", "a hundred", "a few hundred", "a thousand", "a quarter million"
            let next = toks.get(i + 1)?;
            if next.is("few") {
                let x = toks.get(i + 2)?;
                if g.vague_scales.has(x) {
                    return Some((None, i + 3, false, false));
                }
                return None;
            }
            let from = if scale_word(next, g).is_some() {
                i + 1
            } else if fraction_at(toks, i, g).is_some() {
                i
            } else {
                return None;
            };
            let (v, end) = spelled(toks, from, g)?;
            return Some((Some(v), end, false, false));
        }
        // "the one you mentioned", "no one": a pronoun, unless a scale follows ("the one
        // million refugees") or "of" after a conjunction ("... that one of them said").
        "one"
            if i > 0
                && g.pronoun_one_after.has(&toks[i - 1])
                && !toks.get(i + 1).is_some_and(|x| {
                    scale_word(x, g).is_some() || (x.is("of") && g.one_of_after.has(&toks[i - 1]))
                }) =>
        {
            return None;
        }
        _ => {}
    }
    let (v, end) = spelled(toks, i, g)?;
    Some((Some(v), end, false, false))
}

/// A fraction of a scale word from token `k`: "half a", "a quarter", "three quarters of a",
/// "three-quarters of" before "million", "dozen", ... Returns the fraction and the token of the
/// scale word. A fraction before nothing of the kind ("half of them") is no number.
fn fraction_at(toks: &[Token], k: usize, g: &Grammar) -> Option<(f64, usize)> {
    let mut j = k;
    let mut numerator = 1;
    let first = toks.get(j)?;
    if first.is("a") || first.is("an") {
        j += 1;
    } else if let Some(u) = unit_word(first, g).filter(|u| (1..10).contains(u)) {
        numerator = u;
        j += 1;
        if toks.get(j).is_some_and(|x| x.is_punct('-')) && adjacent(toks, j - 1) {
            j += 1;
        }
    }
    let denominator = g.fractions.of(toks.get(j)?)? as u64;
    if numerator >= denominator {
        return None;
    }
    j += 1;
    if toks.get(j).is_some_and(|x| x.is("of")) {
        j += 1;
    }
    if toks.get(j).is_some_and(|x| x.is("a") || x.is("an")) {
        j += 1;
    }
    toks.get(j)
        .and_then(|x| scale_word(x, g))
        .map(|_| (numerator as f64 / denominator as f64, j))
}

/// What the last token of a spelled number was: it says what may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    /// zero to nine.
    Unit,
    /// ten to nineteen.
    Teen,
    Tens,
    /// A small integer in digits ("4 thousand 3 hundred").
    Digits,
    Hundred,
    /// A scale of a thousand or more.
    Scale,
    Fraction,
    And,
}

/// The value read so far: completed scale groups, the group being read (below a thousand),
/// its part since the last "hundred", and the end token of the last word read.
#[derive(Debug, Clone, Copy)]
struct Reading {
    total: f64,
    current: f64,
    small: f64,
    /// The last scale of a thousand or more (0 before one).
    big: f64,
    /// The group has its hundreds.
    hundred: bool,
    end: usize,
}

/// A spelled number from token `i`: "three", "twenty-five", "three thousand five hundred",
/// "two hundred and fifty", "dozen", "half a million", "five and a half million", and mixed
/// forms from a digit group ("4 thousand 3 hundred and 21"). Words combine only in the order
/// English writes them: "one two three" is three numbers, "three hundred and two hundred" two.
fn spelled(toks: &[Token], i: usize, g: &Grammar) -> Option<(f64, usize)> {
    let mut r = Reading {
        total: 0.0,
        current: 0.0,
        small: 0.0,
        big: 0.0,
        hundred: false,
        end: i,
    };
    // The reading after the last scale word: where a scale word that cannot apply goes back to.
    let mut checkpoint = r;
    let mut last = Last::Start;
    let mut before_and = Last::Start;
    let mut k = i;
    while k < toks.len() {
        let t = &toks[k];
        let w = t.norm.as_str();
        if matches!(last, Last::Start | Last::And) {
            if let Some((f, scale_at)) = fraction_at(toks, k, g) {
                r.current += f;
                r.small += f;
                last = Last::Fraction;
                k = scale_at;
                continue;
            }
        }
        if let Some(u) = unit_word(t, g) {
            let ok = match last {
                Last::Start | Last::Hundred | Last::Scale | Last::And => true,
                Last::Tens => (1..10).contains(&u),
                _ => false,
            };
            if !ok {
                break;
            }
            r.current += u as f64;
            r.small += u as f64;
            last = if u >= 10 { Last::Teen } else { Last::Unit };
        } else if let Some(v) = tens_word(t, g) {
            if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And) {
                break;
            }
            r.current += v as f64;
            r.small += v as f64;
            last = Last::Tens;
        } else if let Some(d) =
            digit_group(t).filter(|_| !adjacent(toks, k) || !toks[k + 1].is_word())
        {
            let limit = match (last, before_and) {
                (Last::Start, _) if k == i => f64::INFINITY,
                (Last::Hundred, _) | (Last::And, Last::Hundred) => 100.0,
                (Last::Scale, _) | (Last::And, Last::Scale) => r.big.min(1000.0),
                _ => 0.0,
            };
            if (d as f64) >= limit || (d == 0 && last != Last::Start) {
                break;
            }
            r.current += d as f64;
            r.small += d as f64;
            last = Last::Digits;
        } else if let Some(s) = scale_word(t, g) {
            let s = s as f64;
            let counted = matches!(
                last,
                Last::Unit | Last::Teen | Last::Tens | Last::Digits | Last::Fraction
            );
            if s == 100.0 {
                if r.hundred {
                    // "three hundred and two hundred": two numbers.
                    r = checkpoint;
                    break;
                }
                if !(counted || last == Last::Start) {
                    break;
                }
                r.current = if last == Last::Start { 1.0 } else { r.current } * 100.0;
                r.small = 0.0;
                r.hundred = true;
                last = Last::Hundred;
            } else if s < 100.0 {
                // "dozen" multiplies the words just before it: "three hundred and two dozen".
                if !(counted || matches!(last, Last::Start | Last::Hundred)) {
                    break;
                }
                if r.small > 0.0 {
                    r.current += r.small * (s - 1.0);
                } else {
                    r.current = r.current.max(1.0) * s;
                }
                r.end = k + 1;
                break;
            } else {
                if r.big > 0.0 && s >= r.big {
                    // "a thousand million", "three lakh crore": the scale multiplies all.
                    if last != Last::Scale {
                        // "two thousand three thousand": two numbers.
                        r = checkpoint;
                        break;
                    }
                    r.total *= s;
                } else if counted || last == Last::Hundred || last == Last::Start {
                    let n = if last == Last::Start { 1.0 } else { r.current };
                    r.total += n * s;
                } else {
                    break;
                }
                r.current = 0.0;
                r.small = 0.0;
                r.hundred = false;
                r.big = s;
                last = Last::Scale;
            }
            r.end = k + 1;
            checkpoint = r;
            k += 1;
            continue;
        } else if w == "-" {
            // "twenty-five", "three-thousand", and "fifty - two" (a tens word and a unit).
            let glued = last != Last::Start && adjacent(toks, k - 1) && adjacent(toks, k);
            let compound = last == Last::Tens
                && toks
                    .get(k + 1)
                    .and_then(|x| unit_word(x, g))
                    .is_some_and(|u| (1..10).contains(&u));
            if !(glued || compound) {
                break;
            }
            k += 1;
            continue;
        } else if w == "and" {
            // "one hundred and six", "two thousand and two hundred", "five and a half million".
            let next = toks.get(k + 1);
            let group = next.is_some_and(|x| {
                unit_word(x, g).is_some() || tens_word(x, g).is_some() || digit_group(x).is_some()
            });
            let fraction = fraction_at(toks, k + 1, g).is_some();
            let ok = match last {
                Last::Hundred | Last::Scale => group || fraction,
                Last::Unit | Last::Teen | Last::Tens | Last::Digits => fraction,
                _ => false,
            };
            if !ok {
                break;
            }
            before_and = last;
            last = Last::And;
            k += 1;
            continue;
        } else {
            break;
        }
        r.end = k + 1;
        k += 1;
    }
    let value = (r.total + r.current).round();
    (r.end > i && value <= MAX_VALUE).then_some((value, r.end))
}

/// Whether token `k` is the "from" of a change ("rose from 138 to 3,621"): the earlier value
/// comes after it, the later one after "to".
pub fn change_from(toks: &[Token], k: usize, g: &Grammar) -> bool {
    k >= 1 && toks[k].is("from") && g.change_verbs.has(&toks[k - 1])
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
        // "between 1,000 and 3,000", "from 10,000 to 12,000"; but "rose from 138 to 3,621"
        // gives two counts.
        let change = |k: usize| k >= 1 && change_from(toks, k - 1, g);
        let lead = g.range_leads.has(&toks[i]) && !change(i + 1);
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
        // A range: "X to Y", "X through Y", "X-Y", "X–Y", "between X and Y".
        if let Some(low) = phrase.value.filter(|_| !change(start)) {
            let sep = toks.get(end).map(|t| t.norm.as_str());
            // A dash joins digits only ("10,000-12,000"): between words it is a compound.
            let dash = matches!(sep, Some("-" | "–" | "—")) && digits;
            let is_sep = match sep {
                Some(_) if g.range_words.has(&toks[end]) => true,
                Some("and") => lead && toks[i].is("between"),
                _ => dash,
            };
            if is_sep {
                if let Some((Some(hv), hend, hdigits, _)) = atom(toks, text, end + 1, g) {
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
                    if high > low && (hdigits || !dash) {
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

// ---- qualifiers ---------------------------------------------------------------------------------

/// The qualifier right before a number phrase starting at token `start` ("at least 300"), not
/// reaching back before token `from` (the end of the number before): its first token and
/// what it says; `start` and [`Qualifier::Exact`] if there is none.
pub fn qualifier_before(
    toks: &[Token],
    start: usize,
    from: usize,
    lex: &Lexicon,
) -> (usize, Qualifier) {
    match lex.qualifiers.match_ending_at(toks, start) {
        Some((qs, tag)) if qs >= from => (qs, qualifier_of(tag)),
        _ => (start, Qualifier::Exact),
    }
}

/// A qualifier at token `k`, after a number or its noun ("8,000 or more", "500 or fewer"): its
/// length and what it says. Not when it leads the next number ("5,000 or more than 4,500").
pub fn qualifier_after(toks: &[Token], k: usize, lex: &Lexicon) -> Option<(usize, Qualifier)> {
    let (len, tag) = lex.qualifiers_after.match_at(toks, k)?;
    let leads = toks
        .get(k + len)
        .is_some_and(|t| t.is_number() || t.is("than"));
    (!leads).then_some((len, qualifier_of(tag)))
}

fn lower_bound(q: Qualifier) -> bool {
    matches!(q, Qualifier::MoreThan | Qualifier::AtLeast)
}

fn upper_bound(q: Qualifier) -> bool {
    matches!(q, Qualifier::LessThan | Qualifier::UpTo)
}

/// Joins a number with a lower-bound qualifier and one with an upper-bound qualifier right
/// after it into a range: "more than 100 but fewer than 300", "at most 100 and at least 20"
/// (qualifier words included, so the range itself has none). Bounds that leave no range ("more
/// than 40 and less than 10") stay two numbers.
pub fn join_bounds(phrases: Vec<NumberPhrase>, toks: &[Token], lex: &Lexicon) -> Vec<NumberPhrase> {
    let g = &lex.grammar;
    let mut out: Vec<NumberPhrase> = Vec::with_capacity(phrases.len());
    let mut prev_end = 0;
    let mut iter = phrases.into_iter().peekable();
    while let Some(a) = iter.next() {
        let joined = iter.peek().and_then(|b| {
            let (Some(x), Some(y)) = (a.value, b.value) else {
                return None;
            };
            if a.value_high.is_some() || b.value_high.is_some() {
                return None;
            }
            let (qa_start, qa) = qualifier_before(toks, a.tok_start, prev_end, lex);
            let (qb_start, qb) = qualifier_before(toks, b.tok_start, a.tok_end, lex);
            let links = a.tok_end..qb_start;
            if qa_start == a.tok_start
                || qb_start == b.tok_start
                || links.is_empty()
                || links.len() > 2
                || !links.clone().all(|k| g.bound_links.has(&toks[k]))
            {
                return None;
            }
            let (low, high) = if lower_bound(qa) && upper_bound(qb) {
                (x, y)
            } else if upper_bound(qa) && lower_bound(qb) {
                (y, x)
            } else {
                return None;
            };
            (low < high).then_some(NumberPhrase {
                tok_start: qa_start,
                tok_end: b.tok_end,
                value: Some(low),
                value_high: Some(high),
                year_like: false,
                digits: a.digits && b.digits,
            })
        });
        let p = match joined {
            Some(p) => {
                iter.next();
                p
            }
            None => a,
        };
        prev_end = p.tok_end;
        out.push(p);
    }
    out
}

/// A number phrase of a text, as [`numbers`] reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Byte span of the number words ("300", "between 1,000 and 3,000").
    pub span: (usize, usize),
    /// Byte span with the qualifier words ("more than 300", "8,000 or more").
    pub qualified: (usize, usize),
    /// `None` for vague counts ("hundreds").
    pub value: Option<u64>,
    /// Upper end of a range.
    pub value_high: Option<u64>,
    /// What the qualifier words say, as a figure would take them (vague counts are `About`).
    pub qualifier: Qualifier,
    /// Four bare digits (`2024`): a year unless a count noun follows.
    pub year_like: bool,
}

/// Every number phrase of `text` (numbers, ranges, vague counts) with its qualifier, read with
/// the number words and qualifiers of `lex`, as the figure layer reads them before it decides
/// which ones count people.
pub fn numbers(text: &str, lex: &Lexicon) -> Vec<Number> {
    let toks = lex.tokenize(text, 0);
    let phrases = join_bounds(find_numbers_in(&toks, text, &lex.grammar), &toks, lex);
    let mut prev_end = 0;
    let mut out = Vec::with_capacity(phrases.len());
    for p in phrases {
        let (start, mut qualifier) = qualifier_before(&toks, p.tok_start, prev_end, lex);
        let mut end = p.tok_end;
        // "about 500 or more": the words after the number say what it is.
        let mut start = start;
        if let Some((len, q)) = qualifier_after(&toks, end, lex) {
            qualifier = q;
            start = p.tok_start;
            end += len;
        }
        if p.value.is_none() {
            qualifier = Qualifier::About;
        }
        prev_end = p.tok_end;
        out.push(Number {
            span: (toks[p.tok_start].start, toks[p.tok_end - 1].end),
            qualified: (toks[start].start, toks[end - 1].end),
            value: p.value,
            value_high: p.value_high,
            qualifier,
            year_like: p.year_like,
        });
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
        // A change gives two values, the earlier and the later one.
        assert_eq!(
            values("rose from 138 to 3,621"),
            [(Some(138), None), (Some(3621), None)]
        );
        assert_eq!(values("from 138 to 3,621"), [(Some(138), Some(3621))]);
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
        // Too big for a head count: no number, and not "twenty-one" either.
        assert_eq!(values("twenty-one trillion"), []);
        assert_eq!(values("1 trillion"), []);
    }

    fn one(s: &str) -> Option<u64> {
        match values(s).as_slice() {
            [(v, None)] => *v,
            other => panic!("{s:?}: {other:?}"),
        }
    }

    #[test]
    fn scales_and_fractions_of_scales() {
        assert_eq!(one("half a million people"), Some(500_000));
        assert_eq!(one("a quarter million"), Some(250_000));
        assert_eq!(one("three quarters of a million"), Some(750_000));
        assert_eq!(one("five and a half million"), Some(5_500_000));
        assert_eq!(one("one billion and a half million"), Some(1_000_500_000));
        assert_eq!(one("half a dozen"), Some(6));
        assert_eq!(one("three hundred and two dozen"), Some(324));
        assert_eq!(one("13 lakh voters"), Some(1_300_000));
        assert_eq!(one("1,674.5 million"), Some(1_674_500_000));
        assert_eq!(one("hundred thousand"), Some(100_000));
        assert_eq!(values("half of them"), []);
    }

    #[test]
    fn words_combine_in_english_order() {
        assert_eq!(one("one hundred and sixty-one"), Some(161));
        assert_eq!(one("fifty - two"), Some(52));
        assert_eq!(one("two hundred and two thousand"), Some(202_000));
        assert_eq!(one("4 thousand 3 hundred and 21"), Some(4321));
        assert_eq!(one("322 hundred"), Some(32_200));
        assert_eq!(
            values("one two three"),
            [(Some(1), None), (Some(2), None), (Some(3), None)]
        );
        assert_eq!(
            values("3 hundred and 2 hundred"),
            [(Some(300), None), (Some(200), None)]
        );
        assert_eq!(
            values("4 thousand 3 hundred and 0"),
            [(Some(4300), None), (Some(0), None)]
        );
        assert_eq!(values("between twenty and thirty"), [(Some(20), Some(30))]);
        // A dash between words is a compound, not a range.
        assert_eq!(
            values("three-nought-four"),
            [(Some(3), None), (Some(0), None), (Some(4), None)]
        );
    }

    #[test]
    fn glued_letters() {
        assert_eq!(one("10k runners"), Some(10_000));
        assert_eq!(one("2.5m people"), Some(2_500_000));
        assert_eq!(one("$1.2bn"), Some(1_200_000_000));
        assert_eq!(values("5k-20k"), [(Some(5000), Some(20_000))]);
        for s in ["180ml", "a 29km road", "the 4th", "the 1990s", "at 5pm"] {
            assert_eq!(values(s), [], "{s}");
        }
        assert_eq!(
            values("nrs. 22,24,26"),
            [(Some(22), None), (Some(24), None), (Some(26), None)]
        );
    }

    #[test]
    fn one_as_a_pronoun() {
        for s in [
            "the one you mentioned",
            "no one was hurt",
            "which one of these",
        ] {
            assert_eq!(values(s), [], "{s}");
        }
        assert_eq!(one("the revelation that one of them pledged"), Some(1));
        assert_eq!(one("the one million refugees"), Some(1_000_000));
        assert_eq!(one("let's try one last time"), Some(1));
    }

    fn qualified(s: &str) -> Vec<(&str, Option<u64>, Option<u64>, Qualifier)> {
        let lex = crate::lexicon::Lexicon::shared();
        numbers(s, lex)
            .into_iter()
            .map(|n| {
                (
                    &s[n.qualified.0..n.qualified.1],
                    n.value,
                    n.value_high,
                    n.qualifier,
                )
            })
            .collect()
    }

    #[test]
    fn qualifiers_and_bounds() {
        assert_eq!(
            qualified("more than 100 but fewer than 300 people"),
            [(
                "more than 100 but fewer than 300",
                Some(100),
                Some(300),
                Qualifier::Exact
            )]
        );
        assert_eq!(
            qualified("at most 100 and at least 20"),
            [(
                "at most 100 and at least 20",
                Some(20),
                Some(100),
                Qualifier::Exact
            )]
        );
        assert_eq!(
            qualified("more than 40 and less than 10"),
            [
                ("more than 40", Some(40), None, Qualifier::MoreThan),
                ("less than 10", Some(10), None, Qualifier::LessThan)
            ]
        );
        assert_eq!(
            qualified("about 500 or more"),
            [("500 or more", Some(500), None, Qualifier::AtLeast)]
        );
        assert_eq!(
            qualified("5,000 or more than 4,500"),
            [
                ("5,000", Some(5000), None, Qualifier::Exact),
                ("more than 4,500", Some(4500), None, Qualifier::MoreThan)
            ]
        );
        assert_eq!(
            qualified("500 or fewer"),
            [("500 or fewer", Some(500), None, Qualifier::UpTo)]
        );
    }
}
