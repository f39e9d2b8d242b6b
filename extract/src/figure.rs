//! Figures: numbers that count people, with their qualifier, metric and party.
//!
//! A number counts people when a people noun follows it ("8,000 North Korean soldiers", "300 of
//! them", "2,700 wounded"), when it continues a count of people ("and about 2,700 have been
//! wounded"), or when it is the predicate of one ("the death toll rose to 300"). Years, dates,
//! times, ages, distances, percentages and money never are.

use crate::date::is_month;
use crate::lexicon::{metric_of, Grammar, Lexicon};
use crate::number::{
    change_from, find_numbers_in, join_bounds, qualifier_after, qualifier_before, NumberPhrase,
};
use crate::token::{is_quote_token, Token};
use claimscope_model::model::{Metric, Qualifier};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub value: Option<u64>,
    pub value_high: Option<u64>,
    pub qualifier: Qualifier,
    pub metric: Metric,
    pub party: Option<usize>,
    /// Token range of the qualifier, number and counted noun.
    pub tok_start: usize,
    pub tok_end: usize,
    /// Token of the number itself (for attribution).
    pub anchor: usize,
    /// Part of the count before it ("including 500 officers").
    pub subset: bool,
    /// The value of a running count named before it ("the death toll rose to 130").
    pub running: bool,
}

/// What the sentences before this one were about, for "300 of them" and "they".
#[derive(Debug, Default, Clone, Copy)]
pub struct Antecedent {
    pub party: Option<usize>,
    /// The metric of the last figure, for "Lawigan (14), Pandanon (13)" and "9 more on Sunday".
    pub metric: Option<Metric>,
    /// The metric of the last running count ("the death toll rose to 130"), for a count that
    /// does not say what it counts ("the council put the number at 138").
    pub count: Option<Metric>,
}

fn is_punct_stop(t: &Token) -> bool {
    t.kind == crate::token::TokKind::Punct && !matches!(t.text, "-" | "'" | "’")
}

/// The party named by tokens `s..e` (first found).
pub fn party_in(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<usize> {
    lex.parties
        .find_all(toks, s, e.min(toks.len()))
        .first()
        .map(|(_, _, tag)| *tag as usize)
}

/// Parties of people mentioned in the sentence ("North Korean troops", "soldiers from the
/// DPRK", "North Koreans"), in order.
pub fn people_parties(toks: &[Token], lex: &Lexicon) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, len, tag) in lex.parties.find_all(toks, 0, toks.len()) {
        let after = i + len;
        let demonym = lex.party_people.match_at(toks, i).is_some();
        let modifies = (after..(after + 3).min(toks.len()))
            .any(|k| lex.people.contains(toks, k) || lex.groups.contains(toks, k));
        let g = &lex.grammar;
        let from = i >= 2
            && g.party_links.has(&toks[i - 1])
            && (i.saturating_sub(4)..i).any(|k| lex.people.contains(toks, k));
        let possessive = toks[i + len - 1].possessive
            && toks
                .get(after)
                .is_some_and(|t| lex.people.contains(toks, after) || g.party_collectives.has(t));
        if demonym || modifies || from || possessive {
            out.push((i, tag as usize));
        }
    }
    out
}

fn excluded(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> bool {
    let s = p.tok_start;
    let e = p.tok_end;
    let prev = s.checked_sub(1).map(|k| &toks[k]);
    let next = toks.get(e);
    let g = &lex.grammar;
    // Populations: "a county of 310,000 people", "an island of 6,000", "a market town of
    // about 9,000 people".
    let q = qualifier_start(toks, s, lex);
    let indefinite = |k: usize| toks[k].is("a") || toks[k].is("an");
    if q >= 3
        && toks[q - 1].is("of")
        && g.place_heads.has(&toks[q - 2])
        && (indefinite(q - 3) || (q >= 4 && toks[q - 3].is_word() && indefinite(q - 4)))
    {
        return true;
    }
    // "53 clashes in the area, 23 of them inside the city": a part of a count of things.
    let of_them =
        next.is_some_and(|t| t.is("of")) && toks.get(e + 1).is_some_and(|t| g.pronoun_heads.has(t));
    if of_them {
        // Every number before it counts things ("26 deaths in the 24 hours to Tuesday, 9 of
        // whom" are a part of the deaths).
        let mut wholes = (0..s).filter(|&k| toks[k].is_number()).peekable();
        if wholes.peek().is_some() && wholes.all(|k| lex.not_people.contains(toks, k + 1)) {
            return true;
        }
    }
    // "Villages affected: 2,930", "- Houses destroyed: 5,000": a label that counts things.
    let item = usize::from(toks.first().is_some_and(|t| t.is_punct('-')));
    if label_colon(toks, p, lex).is_some() && lex.not_people.contains(toks, item) {
        return true;
    }
    // "Al Haouz, home to about 570,000 people"; "a stadium built for 47,000".
    if q > 0 && lex.population_leads.match_ending_at(toks, q).is_some() {
        return true;
    }
    // "the 2020 blast", "its 2019 report": a year before a noun it dates.
    if p.year_like
        && prev.is_some_and(|t| g.of_determiners.has(t))
        && next.is_some_and(|t| t.is_word() && !lex.people.contains(toks, e))
    {
        return true;
    }
    // "one more than the 18 it announced", "110 fewer than the week before": a difference
    // between two counts.
    let than = toks.get(e + 1).is_some_and(|t| t.is("than"))
        && lex
            .qualifiers
            .match_at(toks, e)
            .is_some_and(|(len, _)| len == 2);
    let other_count = |k: usize| {
        let k = k + usize::from(toks.get(k).is_some_and(|t| g.articles.has(t)));
        toks.get(k).is_some_and(Token::is_number)
    };
    if than && other_count(e + 2) {
        return true;
    }
    // "Derna had about 90,000 residents before the flood."
    let had = q > 0 && g.population_verbs.has(&toks[q - 1]);
    if had
        && next.is_some_and(|t| g.population_nouns.has(t))
        && !people_predicate_after(toks, e + 1, lex)
    {
        return true;
    }
    // A bare number in a name: "the barangay of Camp 4", "at Gate 7" (a preposition or an
    // article, then a capitalised word; not the sentence's opening "In Florida 12 died").
    let named = q >= 3
        && q == s
        && toks[q - 1].is_word()
        && toks[q - 1].is_capitalized()
        && (g.prepositions.has(&toks[q - 2])
            || g.articles.has(&toks[q - 2])
            || toks[q - 2].is("of"))
        && (!lex.people.contains(toks, e) || lex.metrics.match_at(toks, e).is_some());
    if named {
        return true;
    }
    // Dates: "Feb. 4", "4 February", "January 28".
    if s > 0
        && (is_month(toks, s - 1, g)
            || (s > 1 && toks[s - 1].is_punct('.') && is_month(toks, s - 2, g)))
    {
        return true;
    }
    if is_month(toks, e, g) {
        return true;
    }
    // Times and scores: "9:20", "3-2".
    let glued = |a: usize, b: usize| {
        toks.get(a)
            .zip(toks.get(b))
            .is_some_and(|(x, y)| x.end == y.start)
    };
    if next.is_some_and(|t| t.is_punct(':')) && glued(e - 1, e) && glued(e, e + 1) {
        return true;
    }
    if prev.is_some_and(|t| t.is_punct(':')) && glued(s - 1, s) && s >= 2 && glued(s - 2, s - 1) {
        return true;
    }
    // Ordinals and glued units: "1st", "1,000km", "20%".
    if let Some(t) = next {
        if t.start == toks[e - 1].end && t.is_word() && p.digits {
            if g.digit_suffixes.has(t) {
                return true;
            }
            if lex.not_people.contains(toks, e) {
                return true;
            }
        }
    }
    // Units and ages: "3 km", "20 percent", "20-year-old", "six months".
    let unit_at = if next.is_some_and(|t| t.is_punct('-')) {
        e + 1
    } else {
        e
    };
    if lex.not_people.contains(toks, unit_at) {
        return true;
    }
    // Money, ages, identifiers: "$300", "aged 20", "No. 5".
    if s > 0 && lex.not_people_before.match_ending_at(toks, s).is_some() {
        return true;
    }
    if prev.is_some_and(|t| t.is_punct('#')) {
        return true;
    }
    // Rates and ratios: "three wounded for every soldier killed", "two people per square metre".
    if (e..(e + 3).min(toks.len())).any(|k| lex.ratio_after.match_at(toks, k).is_some()) {
        return true;
    }
    // Digits glued to letters on the left ("F16", "T-72").
    if s > 0
        && toks[s - 1].end == toks[s].start
        && (toks[s - 1].is_word() || toks[s - 1].is_punct('-'))
        && p.digits
    {
        return true;
    }
    false
}

/// "DEATHS IN TURKEY, BY PROVINCE (AFAD)", "Deaths by district:": a heading or a line that
/// opens a list (no count of its own, no full stop) names what the counts after it count.
fn introduce(toks: &[Token], lex: &Lexicon, ante: &mut Antecedent) {
    let opens = toks
        .last()
        .is_some_and(|t| t.is_punct(':') || !is_punct_stop(t) || t.is_punct(')'));
    if !opens {
        return;
    }
    if let Some(m) =
        (0..toks.len()).find_map(|k| lex.metrics.match_at(toks, k).map(|(_, t)| metric_of(t)))
    {
        ante.metric = Some(m);
    }
}

/// Finds the figures of one sentence (tokens `toks` of the document `text`).
pub fn find_figures(
    toks: &[Token],
    text: &str,
    lex: &Lexicon,
    people_parties: &[(usize, usize)],
    ante: &mut Antecedent,
) -> Vec<Figure> {
    let g = &lex.grammar;
    let numbers = join_bounds(find_numbers_in(toks, text, g), toks, lex);
    if numbers.is_empty() {
        introduce(toks, lex, ante);
    }
    let mut out: Vec<Figure> = Vec::new();
    for (idx, p) in numbers.iter().enumerate() {
        // "one in five adults": the second number of a ratio.
        let ratio = idx > 0
            && p.tok_start >= 1
            && toks[p.tok_start - 1].is("in")
            && numbers[idx - 1].tok_end + 1 == p.tok_start;
        if ratio || excluded(toks, p, lex) {
            continue;
        }
        let next_number = numbers.get(idx + 1).map_or(toks.len(), |n| n.tok_start);
        let prev_number_end = idx.checked_sub(1).map_or(0, |k| numbers[k].tok_end);
        let head = counted_noun(toks, p, lex, next_number);
        let mut inherit = false;
        // The count is the predicate of what comes before it ("the toll rose to 41"): the
        // words before it say what is counted.
        let mut predicated = false;
        // ... where that clause starts, and whether it is a running count ("the toll rose to").
        let mut predicate_from = None;
        let mut running = false;
        // A metric the count takes from elsewhere: the running count when it does not say what
        // it counts ("a final tally could reach 57"), the whole it is a part of ("Of the
        // injured, 11 ...").
        let mut inherited = None;
        // "Of the injured, 11 ...", "Among the wounded were 6 guards": the people it is part of.
        let counted_end = out.last().map_or(0, |f| f.tok_end).max(prev_number_end);
        let whole = whole_of(toks, p, counted_end, lex);
        let (noun_end, pronoun) = match head {
            Some(h) => h,
            None => {
                // "and about 2,700 have been wounded": continues a count of people.
                // ... or follows a partitive: "Of those, roughly 300 were killed".
                let partitive = (p.tok_start.saturating_sub(5)..p.tok_start).any(|k| {
                    g.partitives.has(&toks[k])
                        && toks.get(k + 1).is_some_and(|t| g.pronoun_heads.has(t))
                });
                let partitive = partitive || whole.is_some();
                if let Some(m) = whole {
                    inherited = Some(m);
                }
                let continues = (!out.is_empty() || partitive)
                    && toks
                        .get(p.tok_end)
                        .is_some_and(|_| lex.elliptic_verbs.contains(toks, p.tok_end));
                // "a force of about 11,000", "a contingent of 12,000"
                let group = {
                    let q = qualifier_start(toks, p.tok_start, lex);
                    q >= 2 && toks[q - 1].is("of") && lex.groups.contains(toks, q - 2)
                };
                let known = out.last().map(|f| f.metric).or(ante.count).or(ante.metric);
                let label = labelled(toks, p, lex);
                let prev_figure_end = out.last().map_or(0, |f| f.tok_end);
                let subject = predicate_of_people(toks, p, lex, prev_figure_end)
                    .filter(|pr| pr.named || known.is_some());
                // "The police prefecture counted 48,000.", "the rally drew 22,000 at its
                // peak": a bare count after a verb of counting continues the story's count.
                let tallied = known.is_some() && counted_bare(toks, p, lex);
                let before = subject.is_some() || people_predicate_before(toks, p.tok_start, lex);
                let predicate = before || people_predicate_after(toks, p.tok_end, lex);
                predicated = before;
                if let Some(pr) = subject {
                    running = pr.named;
                    predicate_from = Some(pr.from);
                    inherited = (!pr.named).then_some(known).flatten();
                } else if tallied {
                    inherited = known;
                }
                // "Killed: 31,000": the label says what is counted.
                if label.is_some() {
                    inherited = label;
                }
                // "Some 3,000 more are expected": more of the count spoken of before.
                // Not after or before a verb of its own: "killed four ... and injured two
                // more", "Seven more died".
                if inherited.is_none()
                    && more_of_the_same(toks, p.tok_end, lex)
                    && !people_predicate_before(toks, p.tok_start, lex)
                    && !people_predicate_after(toks, p.tok_end + 1, lex)
                {
                    // "Seven more were found, bringing the toll to 169": the total they
                    // join says what they are.
                    inherited = joined_total(toks, p.tok_end, lex).or(known);
                }
                // "420 houses had been destroyed and another 1,100 damaged": the number
                // before was no count of people.
                let uncounted_before = idx > 0
                    && out
                        .last()
                        .is_none_or(|f| f.anchor != numbers[idx - 1].tok_start);
                let follows =
                    follows_a_count(toks, p, lex, !out.is_empty(), uncounted_before, ante);
                if same_count(toks, p, lex) {
                    inherited = out.last().map(|f| f.metric).or(inherited);
                }
                if continues || follows {
                    inherit = !partitive;
                    (p.tok_end, partitive)
                } else if let Some(end) = strength(toks, p, lex) {
                    (end, false)
                } else if predicate || group || tallied || label.is_some() {
                    (p.tok_end, false)
                } else {
                    continue;
                }
            }
        };
        if p.year_like && noun_end == p.tok_end {
            continue;
        }
        // "Among the wounded were 6 guards, ...": a part of the people named, when nothing
        // right after the guards says what they underwent.
        if inherited.is_none() && !people_predicate_after(toks, noun_end, lex) {
            inherited = whole;
        }
        // Numbers with a people noun but written like a year still count ("2000 soldiers").
        let (q_start, mut qualifier) = qualifier_before(toks, p.tok_start, prev_number_end, lex);
        if let Some((_, q)) =
            qualifier_after(toks, noun_end, lex).or_else(|| qualifier_after(toks, p.tok_end, lex))
        {
            qualifier = q;
        }
        if p.value.is_none() {
            qualifier = Qualifier::About;
        }
        // "At least 300 ... and another 2,700": the qualifier carries over a parallel count.
        let parallel = p.tok_start > 0 && g.parallel.has(&toks[p.tok_start - 1]);
        if q_start == p.tok_start && parallel {
            if let Some(last) = out.last() {
                if matches!(
                    last.qualifier,
                    Qualifier::AtLeast | Qualifier::About | Qualifier::MoreThan
                ) {
                    qualifier = last.qualifier;
                }
            }
        }
        // "including 64 minors", "among them three guards", "among them the eight fishermen".
        let article = q_start > 0 && g.articles.has(&toks[q_start - 1]);
        let lead = match q_start.checked_sub(1 + usize::from(article)) {
            Some(k) if k > 0 && g.pronoun_heads.has(&toks[k]) => k - 1,
            Some(k) => k,
            None => 0,
        };
        let including = q_start > 0 && g.subset_leads.has(&toks[lead]);
        // "and 1,142 patients were admitted": the count says what its people underwent.
        let own_predicate = noun_end > p.tok_end && people_predicate_after(toks, noun_end, lex);
        // "3 of the 10 soldiers": the 10 is the whole the count is taken from.
        let denominator = q_start >= 3
            && toks[q_start - 1].is("the")
            && toks[q_start - 2].is("of")
            && toks[q_start - 3].is_number();
        // "64 minors and at least 15 journalists": the next item of a list of counts.
        // "five Iranians, four Chinese and four Russians": or after a comma.
        let listed = q_start > 0
            && (toks[q_start - 1].is("and") || toks[q_start - 1].is_punct(','))
            && out.last().is_some_and(|l| l.tok_end + 2 >= q_start);
        // "the toll is 598, and 1,400 cholera cases": a noun that names what it counts is
        // no item of the list before.
        let own_noun = noun_metric(toks, p.tok_end, noun_end, lex).is_some();
        // Metric: the counted noun, the words after it, the words before the number.
        let cues = Cues {
            noun_end,
            next_number,
            prev_number_end,
            q_start,
            predicate_from,
        };
        let metric = metric_of_figure(toks, p, &cues, lex, predicated);
        let metric = match (metric, out.last()) {
            _ if denominator => None,
            _ if inherited.is_some() => inherited,
            // "47 people had been treated for injuries, and nine of them were admitted",
            // "those detained included 64 minors and at least 15 journalists".
            (Some(Metric::Other), Some(last))
                if (pronoun || ((listed || including) && !own_predicate && !own_noun))
                    && last.metric != Metric::Other =>
            {
                Some(last.metric)
            }
            (None, Some(last)) if including || listed || inherit || pronoun => Some(last.metric),
            (None, None) if inherit || predicated => ante.metric,
            (m, _) => m,
        }
        .unwrap_or(Metric::Other);
        // "lost seven of his relatives": kin one loses are dead.
        let kin = || (p.tok_end..noun_end).any(|k| lex.kin.contains(toks, k));
        let metric = match metric {
            Metric::Casualties if kin() => Metric::Killed,
            m => m,
        };
        // Party: inside the noun phrase, "from X" after it, the agent of a deployment verb, the
        // antecedent.
        let mut party = party_in(toks, p.tok_end, noun_end, lex);
        if party.is_none() {
            let k = noun_end;
            if toks.get(k).is_some_and(|t| g.party_after.has(t)) {
                party = party_in(toks, k + 1, (k + 4).min(toks.len()), lex);
            }
        }
        if party.is_none() && (inherit || including || listed) {
            party = out.last().and_then(|l| l.party);
        }
        if party.is_none() {
            // "Pyongyang deployed over 10,000 troops", "North Korea is estimated to have sent".
            let from = q_start.saturating_sub(8).max(prev_number_end);
            let deploy_verb = (from..q_start).rev().find(|&k| {
                lex.metrics
                    .match_at(toks, k)
                    .is_some_and(|(_, tag)| metric_of(tag) == Metric::Deployed)
            });
            if let Some(v) = deploy_verb {
                party = lex
                    .parties
                    .find_all(toks, v.saturating_sub(7).max(prev_number_end), v)
                    .last()
                    .map(|(_, _, t)| *t as usize);
            }
        }
        if party.is_none() && pronoun {
            party = ante.party;
        }
        if party.is_none() {
            // The people this sentence is about, else the sentences before.
            party = people_parties
                .iter()
                .find(|(i, _)| *i < q_start)
                .map(|(_, t)| *t)
                .or(ante.party);
        }
        out.push(Figure {
            value: p.value,
            value_high: p.value_high,
            qualifier,
            metric,
            party,
            tok_start: q_start,
            tok_end: noun_end,
            anchor: p.tok_start,
            subset: including || denominator || (listed && out.last().is_some_and(|l| l.subset)),
            running,
        });
    }
    share_coordinated_metrics(toks, &mut out, lex);
    send_responders(toks, &mut out, lex);
    keep_unsent_home(toks, &mut out, lex);
    if let Some((_, last)) = people_parties.last() {
        ante.party = Some(*last);
    }
    if let Some(last) = out.last() {
        ante.metric = Some(last.metric);
    }
    if let Some(count) = out
        .iter()
        .rev()
        .find(|f| f.running && f.metric != Metric::Other)
    {
        ante.count = Some(count.metric);
    }
    out
}

/// How many tokens a fact box's label may have ("Dead in government-held Syria").
const LABEL_TOKENS: usize = 8;

/// "Killed: 31,000", "- Killed or wounded: more than 95,000", "Dead in north-west Syria:
/// 4,525": a label naming a metric opens the sentence, a colon, then the number (and its
/// qualifier). The label's metric.
fn labelled(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> Option<Metric> {
    let c = label_colon(toks, p, lex)?;
    (0..c).find_map(|k| lex.metrics.match_at(toks, k).map(|(_, tag)| metric_of(tag)))
}

/// The colon of a fact box's label before the count ("Dead in Al Haouz: 1,684").
fn label_colon(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> Option<usize> {
    let c = qualifier_start(toks, p.tok_start, lex).checked_sub(1)?;
    let label = (1..=LABEL_TOKENS).contains(&c)
        && toks[c].is_punct(':')
        && toks[..c]
            .iter()
            .all(|t| t.is_word() || t.is_punct(',') || t.is_punct('-'));
    label.then_some(c)
}

/// "a 1,800-strong battlegroup", "a 5,000-strong force": the end of the count and the unit it
/// gives the strength of.
fn strength(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> Option<usize> {
    let e = p.tok_end;
    let strong = toks.get(e).is_some_and(|t| t.is_punct('-'))
        && toks.get(e + 1).is_some_and(|t| t.is("strong"));
    strong.then(|| e + 2 + usize::from(lex.groups.contains(toks, e + 2)))
}

/// "Some 3,000 more are expected", "9 more on Sunday": a bare number, "more", then a verb, a
/// preposition or the end of the clause (not a noun: "two more shelters").
fn more_of_the_same(toks: &[Token], end: usize, lex: &Lexicon) -> bool {
    toks.get(end).is_some_and(|t| t.is("more")) && no_noun_at(toks, end + 1, lex)
}

/// The metric of the total a count joins later in its sentence: "bringing the district's toll
/// to 169" (a lead of `[figure] total_leads`, then the total's noun phrase up to "to").
fn joined_total(toks: &[Token], from: usize, lex: &Lexicon) -> Option<Metric> {
    const MAX_PHRASE: usize = 8;
    let lead = (from..toks.len()).find(|&k| lex.grammar.total_leads.has(&toks[k]))?;
    let to = (lead + 1..toks.len().min(lead + MAX_PHRASE)).find(|&k| toks[k].is("to"))?;
    (lead + 1..to).find_map(|k| {
        lex.metrics
            .match_at(toks, k)
            .map(|(_, tag)| metric_of(tag))
            .filter(|m| *m != Metric::Other)
    })
}

/// "At least 30,000 have been displaced in Derna, and another 6,000 elsewhere": "another" or
/// "further" before a bare number (tokens `s` to `e`) makes it more of the count before.
fn further_of_the_same(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> bool {
    let lead = qualifier_start(toks, s, lex);
    lead > 0 && lex.grammar.further.has(&toks[lead - 1]) && no_noun_at(toks, e, lex)
}

/// The word at `k` ends a bare count rather than being its noun: a verb, a preposition, an
/// adverb of scope, or the end of the clause.
fn no_noun_at(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let g = &lex.grammar;
    toks.get(k).is_none_or(|t| {
        !t.is_word()
            || g.be.has(t)
            || g.prepositions.has(t)
            || g.clause_stops.has(t)
            || g.scope_adverbs.has(t)
            || lex.elliptic_verbs.contains(toks, k)
            || lex.people_predicates.contains(toks, k)
            || lex.predicate_auxiliaries.contains(toks, k)
            || t.norm.ends_with("ed")
    })
}

/// "counted 48,000.", "drew 22,000 at its peak", "had reported 17": a verb of counting, the
/// number (and its qualifier), and no noun after it; or a count's agent right after it.
fn counted_bare(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> bool {
    let lead = qualifier_start(toks, p.tok_start, lex);
    let verb = lead > 0 && lex.grammar.count_verbs.has(&toks[lead - 1]);
    // "the 280,000 claimed by the CGT", "and 23,000 by the union's": an agent of the count
    // after it.
    let by = |k: usize| toks.get(k).is_some_and(|t| t.is("by"));
    let agent = (by(p.tok_end) && toks[p.tok_end..].iter().take(6).any(|t| t.possessive))
        || (toks
            .get(p.tok_end)
            .is_some_and(|t| lex.grammar.count_verbs.has(t))
            && by(p.tok_end + 1));
    if agent {
        return true;
    }
    let bare = toks.get(p.tok_end).is_none_or(|t| {
        !t.is_word() || lex.grammar.prepositions.has(t) || lex.grammar.clause_stops.has(t)
    });
    verb && bare
}

/// "58 soldiers and 19 civilians had been killed", "9 soldiers, 7 civilians killed": counts
/// joined by "and" or a comma share the predicate after the last one, when the first has none
/// of its own (not a part after a comma: "3,000 troops, 200 of whom were killed").
fn share_coordinated_metrics(toks: &[Token], out: &mut [Figure], lex: &Lexicon) {
    for i in (1..out.len()).rev() {
        let (first, next) = (&out[i - 1], &out[i]);
        let link = &toks[first.tok_end];
        let listed =
            link.is_punct(',') && next.tok_end > next.anchor + 1 && !toks[next.anchor + 1].is("of");
        let joined = next.tok_start == first.tok_end + 1
            && (lex.grammar.parallel.has(link) || listed)
            && first.tok_end > first.anchor + 1;
        // "612 new cases and 24 deaths": a metric the next count's noun names is its own (not
        // a participle after the noun: "9 soldiers, 7 civilians killed").
        let own = (next.anchor + 1..next.tok_end.min(next.anchor + 3)).any(|k| {
            !toks[k].norm.ends_with("ed")
                && noun_metric(toks, k, k + 1, lex).is_some_and(|m| m != Metric::Other)
        });
        if joined && !own && first.metric == Metric::Other && next.metric != Metric::Other {
            out[i - 1].metric = next.metric;
        }
    }
}

/// "More than 900 firefighters were battling the blaze", "a team of 80 specialists": a count of
/// responders that says nothing else of them counts people sent (not a vague one, a part of
/// another count, nor what a force has: "North Korea has about 1.2 million troops").
fn send_responders(toks: &[Token], out: &mut [Figure], lex: &Lexicon) {
    for f in out
        .iter_mut()
        .filter(|f| f.metric == Metric::Other && !f.subset && f.value.is_some())
    {
        // ... but "it has about 560 troops in Liberia": a force somewhere is sent there.
        let placed = (toks.get(f.tok_end).is_some_and(|t| t.is("in"))
            && toks.get(f.tok_end + 1).is_some_and(Token::is_capitalized))
            || toks
                .get(f.tok_end)
                .is_some_and(|t| lex.grammar.place_adverbs.has(t));
        let had =
            f.tok_start > 0 && lex.grammar.possession_verbs.has(&toks[f.tok_start - 1]) && !placed;
        // "a first contingent of about 11,000": the unit the count is the strength of.
        let unit = f.tok_start >= 2 && toks[f.tok_start - 1].is("of");
        let from = if unit { f.tok_start - 2 } else { f.anchor };
        if !had && !lex.responders.find_all(toks, from, f.tok_end).is_empty() {
            f.metric = Metric::Deployed;
        }
    }
}

/// "We sent 90 patients home", "there are 160 dengue patients": people whom nobody sends
/// (`[people] not_sent`) are never counted as `deployed`.
fn keep_unsent_home(toks: &[Token], out: &mut [Figure], lex: &Lexicon) {
    for f in out.iter_mut().filter(|f| f.metric == Metric::Deployed) {
        if !lex.not_sent.find_all(toks, f.anchor, f.tok_end).is_empty() {
            f.metric = Metric::Other;
        }
    }
}

/// "23 died in the province", "Another nine were unaccounted for": a bare number, a few
/// auxiliaries, then a word only people undergo (`[people] predicates`).
fn people_predicate_after(toks: &[Token], end: usize, lex: &Lexicon) -> bool {
    let aux = &lex.predicate_auxiliaries;
    let k = (end..toks.len().min(end + 4))
        .find(|&k| !aux.contains(toks, k))
        .unwrap_or(end);
    lex.people_predicates.contains(toks, k)
}

/// Where the qualifier right before a number at `start` begins ("about 300" → "about"), or
/// `start` when there is none.
fn qualifier_start(toks: &[Token], start: usize, lex: &Lexicon) -> usize {
    lex.qualifiers
        .match_ending_at(toks, start)
        .map_or(start, |(q, _)| q)
}

/// "Of the injured, 11 were in critical condition", "Among the wounded were 6 guards": the
/// metric of the people the count is a part of.
fn whole_of(toks: &[Token], p: &NumberPhrase, from: usize, lex: &Lexicon) -> Option<Metric> {
    let g = &lex.grammar;
    (p.tok_start.saturating_sub(6).max(from)..p.tok_start).find_map(|k| {
        if !g.partitives.has(&toks[k]) {
            return None;
        }
        let of_the = toks.get(k + 1).is_some_and(|t| g.of_determiners.has(t));
        let noun = k + 2;
        if of_the && lex.people.contains(toks, noun) {
            return noun_metric(toks, noun, noun + 1, lex);
        }
        // "Of those who died, 250 were students", "among those killed".
        let those = toks.get(k + 1).is_some_and(|t| g.pronoun_heads.has(t));
        let verb = (k + 2..p.tok_start).find(|&j| {
            !(g.relatives.has(&toks[j]) || lex.predicate_auxiliaries.contains(toks, j))
        })?;
        those
            .then(|| lex.metrics.match_at(toks, verb))
            .flatten()
            .map(|(_, tag)| metric_of(tag))
            .filter(|m| *m != Metric::Other)
    })
}

/// "The collapse killed 12", "and hurt three": a verb only people undergo, then the number
/// (after its qualifier).
fn people_predicate_before(toks: &[Token], start: usize, lex: &Lexicon) -> bool {
    let lead = qualifier_start(toks, start, lex);
    lead > 0 && lex.people_predicates.contains(toks, lead - 1)
}

/// A number that continues the count before it: an item of a list ("Lawigan (14), Pandanon
/// (13)"), the earlier figure ("rose to 41 from 23"), or more of the same ("9 more on Sunday").
/// It takes that count's metric and party.
fn follows_a_count(
    toks: &[Token],
    p: &NumberPhrase,
    lex: &Lexicon,
    counted_before: bool,
    uncounted_before: bool,
    ante: &Antecedent,
) -> bool {
    let (s, e) = (p.tok_start, p.tok_end);
    let known = counted_before || ante.metric.is_some();
    let open = parenthesised(toks, s, e, lex);
    let listed = open.is_some_and(|o| {
        toks[o - 1].is_word()
            && (toks[o - 1].is_capitalized()
                || lex.people.contains(toks, o - 1)
                || (0..toks.len())
                    .filter(|&k| {
                        toks[k].is_number() && parenthesised(toks, k, k + 1, lex).is_some()
                    })
                    .count()
                    >= 2)
    });
    let more = more_of_the_same(toks, e, lex)
        || (!uncounted_before && further_of_the_same(toks, s, e, lex));
    // A list's opening words may name what it counts ("Deaths by district: Nsanama (14)").
    let introduced = || (0..s).any(|k| lex.metrics.match_at(toks, k).is_some());
    // "in seven districts, up from five": the change of a number that counts no people.
    let changed = !uncounted_before && changed_from(toks, s, lex);
    known && (listed || more || changed)
        || listed && introduced()
        || counted_before && gapped(toks, s, e)
        || counted_before && same_count(toks, p, lex)
}

/// "South Carolina has counted 49, Georgia 33, Florida 19 and Virginia two": an item of a list
/// whose verb is left out after its first item. A name stands right before the number (tokens
/// `s` to `e`), the list's comma, semicolon or "and" before the name, and the item ends after
/// the number.
fn gapped(toks: &[Token], s: usize, e: usize) -> bool {
    gapped_name(toks, s, e).is_some()
}

/// The name of a gapped list's item ("Georgia 33"): where it starts (it ends at `s`).
pub fn gapped_name(toks: &[Token], s: usize, e: usize) -> Option<usize> {
    let name = (s.saturating_sub(4)..s)
        .rev()
        .take_while(|&k| toks[k].is_word() && toks[k].is_capitalized())
        .last();
    // "... and the union 1.7 million": a definite noun phrase names an item too.
    let described = || {
        (s.saturating_sub(3)..s.saturating_sub(1))
            .find(|&k| toks[k].is("the") && toks[k + 1..s].iter().all(|t| t.is_word()))
    };
    let k = name.or_else(described).filter(|&k| k > 0)?;
    let link = |t: &Token| t.is_punct(',') || t.is_punct(';') || t.is("and");
    (link(&toks[k - 1]) && toks.get(e).is_none_or(|t| link(t) || t.is_punct('.'))).then_some(k)
}

/// "Lawigan (14)", "students (5)", "Chad (about 770,000)", "South Sudan (1.1 million, most of
/// them returning)": the number from token `s` to `e`, with its qualifier, opens brackets
/// after a word. Where the brackets open.
fn parenthesised(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<usize> {
    let open = qualifier_start(toks, s, lex).checked_sub(1)?;
    let closed = toks
        .get(e)
        .is_some_and(|t| t.is_punct(')') || t.is_punct(','));
    (open >= 1 && toks[open].is_punct('(') && toks[s].is_number() && closed).then_some(open)
}

/// "That is up from 12,873", "down from 388": the earlier value of a count that changed.
fn changed_from(toks: &[Token], s: usize, lex: &Lexicon) -> bool {
    let g = &lex.grammar;
    let lead = earlier_at(toks, qualifier_start(toks, s, lex), g);
    lead >= 2 && g.earlier_leads.has(&toks[lead - 1]) && g.change_words.has(&toks[lead - 2])
}

/// Where the words before a number at `lead` end, an article aside: "up from the 717
/// announced".
fn earlier_at(toks: &[Token], lead: usize, g: &Grammar) -> usize {
    if lead >= 2 && g.articles.has(&toks[lead - 1]) && g.earlier_leads.has(&toks[lead - 2]) {
        lead - 1
    } else {
        lead
    }
}

/// A number that is the count before it at another time or place: the earlier figure ("rose to
/// 41 from 23", "stood at 22, down from 43") or the same count elsewhere ("4 were shot dead in
/// Nairobi and 2 in Kiboroni"). It takes that count's metric whatever the words after it say.
fn same_count(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> bool {
    let g = &lex.grammar;
    let lead = qualifier_start(toks, p.tok_start, lex);
    let at = earlier_at(toks, lead, g);
    let earlier = at > 0 && g.earlier_leads.has(&toks[at - 1]);
    let placed = lead > 0
        && toks[lead - 1].is("and")
        && toks
            .get(p.tok_end)
            .is_some_and(|t| g.name_prepositions.has(t))
        && toks.get(p.tok_end + 1).is_some_and(|t| t.is_capitalized());
    earlier || placed
}

/// The end of the counted people noun after a number, and whether it is a pronoun ("of them").
fn counted_noun(
    toks: &[Token],
    p: &NumberPhrase,
    lex: &Lexicon,
    limit: usize,
) -> Option<(usize, bool)> {
    let g = &lex.grammar;
    let mut k = p.tok_end;
    let limit = limit.min(toks.len()).min(p.tok_end + 7);
    if toks.get(k).is_some_and(is_quote_token) && k > 0 && toks[k - 1].end == toks[k].start {
        k += 1;
    }
    // "1,162: people killed since June": a list's figure before what it counts.
    if toks.get(k).is_some_and(|t| t.is_punct(':')) && opens_line(toks, p, lex) {
        k += 1;
    }
    // "300 of them", "hundreds of Russian and North Korean servicemen"
    if toks.get(k).is_some_and(|t| t.is("of")) {
        k += 1;
        if toks.get(k).is_some_and(|t| g.pronoun_heads.has(t)) {
            return Some((k + 1, true));
        }
        if toks.get(k).is_some_and(|t| g.of_determiners.has(t)) {
            k += 1;
        }
        // "3 of the 10 soldiers"
        if toks.get(k).is_some_and(|t| t.is_number()) {
            k += 1;
        }
    }
    while k < limit {
        if let Some((len, _)) = lex.people.match_at(toks, k) {
            // "injured pilgrims", "dead soldiers": the head is the last of them.
            let mut end = k + len;
            while let Some((len, _)) = lex.people.match_at(toks, end) {
                end += len;
            }
            return Some((end, false));
        }
        if let Some((len, _)) = lex.party_people.match_at(toks, k) {
            // "8,000 North Koreans" unless an adjective ("North Korean troops") follows.
            let end = k + len;
            if !toks
                .get(end)
                .is_some_and(|_| lex.people.contains(toks, end))
            {
                return Some((end, false));
            }
        }
        let t = &toks[k];
        if is_punct_stop(t) || t.is_number() {
            return None;
        }
        if g.noun_phrase_stops.has(t) {
            // "Russian and North Korean servicemen": "and" between two party words.
            let joins_parties = t.is("and")
                && k > p.tok_end
                && lex.parties.match_ending_at(toks, k).is_some()
                && lex.parties.match_at(toks, k + 1).is_some();
            if !joins_parties {
                return None;
            }
        }
        k += 1;
    }
    None
}

/// A number (with its qualifier) that nothing but a list marker comes before.
fn opens_line(toks: &[Token], p: &NumberPhrase, lex: &Lexicon) -> bool {
    toks[..qualifier_start(toks, p.tok_start, lex)]
        .iter()
        .all(|t| t.kind == crate::token::TokKind::Punct)
}

/// A number that is the predicate of a count named before it in its clause: "the death toll
/// rose to 300", "the number of patients admitted since the outbreak began was approaching 600",
/// "police put the crowd at 25,000".
struct Predicate {
    /// Where the clause of the count's subject starts (the metric is looked for from there).
    from: usize,
    /// Whether the subject says what is counted; if not ("the tally could reach 57", "put it
    /// at 987"), the count before it does.
    named: bool,
}

/// How far before its verb a predicate count's subject may start.
const PREDICATE_REACH: usize = 14;

/// The count a number at `p` is the predicate of, looking back to `from` (the end of the
/// sentence's last figure) and no further than the clause's start.
fn predicate_of_people(
    toks: &[Token],
    p: &NumberPhrase,
    lex: &Lexicon,
    from: usize,
) -> Option<Predicate> {
    let g = &lex.grammar;
    let q = qualifier_start(toks, p.tok_start, lex);
    // "the toll went from 138 to 3,621": "from" after a verb of change.
    let is_verb = |k: usize| g.predicate_verbs.has(&toks[k]) || change_from(toks, k, g);
    // The qualifier may hold the verb itself: "the toll exceeded 3,000", "is nearing 600".
    let verb = match (q..p.tok_start).rev().find(|&k| is_verb(k)) {
        Some(k) => k,
        // (A quotation may open between them: the crowd was "well over 500,000".)
        None => (0..q)
            .rev()
            .find(|&k| !is_quote_token(&toks[k]))
            .filter(|&k| is_verb(k))?,
    };
    // "the toll rose from 138 to 3,621": the later count shares the earlier one's subject.
    let from = if later_count(toks, from, verb, g) {
        0
    } else {
        from
    };
    let lo = clause_start(toks, from, verb);
    let window = lo..verb;
    // "put the number of dead at 35", "police put the crowd at 25,000", "put it at 987".
    let estimate = toks[verb].is("at") && window.clone().any(|k| g.estimate_verbs.has(&toks[k]));
    let nouns: Vec<usize> = window
        .clone()
        .filter(|&k| g.predicate_nouns.has(&toks[k]))
        .collect();
    let people = window
        .clone()
        .any(|k| lex.people.contains(toks, k) || lex.party_people.contains(toks, k));
    let metric = window.clone().any(|k| {
        lex.metrics
            .match_at(toks, k)
            .is_some_and(|(_, tag)| !matches!(metric_of(tag), Metric::Deployed | Metric::Fighting))
    });
    // "the number of dead at 35 and the missing at 22": a list after the first.
    let listed = from > 0
        && (lo == from && toks.get(lo).is_some_and(|t| g.parallel.has(t))
            || lo == from + 1 && toks[from].is_punct(','));
    // What is counted is named by a metric word ("the dead", "Korvath's losses, which it
    // counts as killed and wounded, have breached"), or by people after a count noun, an
    // estimate or a list.
    let named = metric || people && (estimate || listed || !nouns.is_empty());
    // A bare count noun ("the tally could reach", "its figure stood at"), not "the number of
    // seats", leaves what is counted to the count before.
    let bare_noun = nouns
        .iter()
        .any(|&k| k + 1 == verb || !toks.get(k + 1).is_some_and(|t| t.is("of")));
    // "put it at 987", "it is now nearing 1,700": the count spoken of before.
    let near = verb.saturating_sub(3).max(lo)..verb;
    let pronoun = (if estimate { window.clone() } else { near })
        .into_iter()
        .any(|k| g.thing_pronouns.has(&toks[k]));
    (named || bare_noun || pronoun).then_some(Predicate { from: lo, named })
}

/// Whether the "to" at `verb`, right after the count that ends there, closes a change from
/// that count: "rose from 138 to 3,621".
fn later_count(toks: &[Token], end: usize, verb: usize, g: &Grammar) -> bool {
    verb == end
        && toks[verb].is("to")
        && (end.saturating_sub(4).max(1)..end).any(|k| change_from(toks, k, g))
}

/// Where the clause of a predicate count's verb (token `verb`) starts: at the comma, semicolon
/// or colon before it, no further back than `from` or [`PREDICATE_REACH`] words. Brackets ("the
/// number killed by Typhoon Tino (international name: Kalmaegi) has risen to 66") and a
/// relative aside ("the agency's count, which includes only confirmed deaths, stood at 91")
/// do not end it, nor count towards the reach.
fn clause_start(toks: &[Token], from: usize, verb: usize) -> usize {
    let boundary = |t: &Token| t.is_punct(',') || t.is_punct(';') || t.is_punct(':');
    let (mut k, mut depth, mut words) = (verb, 0usize, 0usize);
    while k > from && words < PREDICATE_REACH {
        k -= 1;
        let t = &toks[k];
        if t.is_punct(')') {
            depth += 1;
        } else if t.is_punct('(') {
            depth = depth.saturating_sub(1);
        } else if depth > 0 {
            continue;
        } else if t.is_punct(',') {
            match relative_aside_opening(toks, from, k) {
                Some(open) => k = open,
                None => return k + 1,
            }
        } else if boundary(t) {
            return k + 1;
        } else {
            words += 1;
        }
    }
    k
}

/// The comma that opens ", which ..." or ", who ..." closed by the comma at `close`.
fn relative_aside_opening(toks: &[Token], from: usize, close: usize) -> Option<usize> {
    let open = (from..close).rev().find(|&j| toks[j].is_punct(','))?;
    toks.get(open + 1)
        .is_some_and(|t| t.is("which") || t.is("who"))
        .then_some(open)
}

/// Where a figure's metric cues may be: after the counted noun (to the next number), before the
/// qualifier (from the previous number).
struct Cues {
    noun_end: usize,
    next_number: usize,
    prev_number_end: usize,
    q_start: usize,
    /// Where the subject of a predicate count starts ("the number of dead ... rose to").
    predicate_from: Option<usize>,
}

/// The metric: the counted noun itself ("2,700 wounded", "3,000 casualties"), then the nearest
/// cue after it in the clause, then a cue before the number ("sent about 11,000", "killed
/// 300"). When the count is the predicate of what precedes it ("the toll rose to 41") or a verb
/// right before it takes it ("the collapse killed 12 and hurt three"), the cue before comes
/// first. A counted noun whose only cue is a weak one (`other`: "patients", "cases") yields to
/// the words around it.
fn metric_of_figure(
    toks: &[Token],
    p: &NumberPhrase,
    cues: &Cues,
    lex: &Lexicon,
    predicated: bool,
) -> Option<Metric> {
    let noun = noun_metric(toks, p.tok_end, cues.noun_end, lex);
    // "four more injured pilgrims died": what happened to them beats what they were.
    let undergone = people_predicate_after(toks, cues.noun_end, lex)
        .then(|| metric_after(toks, cues, lex))
        .flatten();
    if let Some(m) = undergone.filter(|m| *m != Metric::Other && cues.noun_end > p.tok_end) {
        return Some(m);
    }
    if noun.is_some_and(|m| m != Metric::Other) {
        return noun;
    }
    let right_before = cues.q_start > 0
        && (lex.people_predicates.contains(toks, cues.q_start - 1)
            || (cues.noun_end > p.tok_end && toks[cues.q_start - 1].norm.ends_with("ed")))
        && lex.metrics.match_at(toks, cues.q_start - 1).is_some();
    // "1,002 people had died and 30,621 cases had been recorded": a noun that says what is
    // counted ("cases", "patients") takes no cue from a clause before it, only from its own
    // verb ("killed 12 protesters") or the words after it.
    if noun == Some(Metric::Other) && !right_before && !predicated {
        return metric_after(toks, cues, lex)
            .filter(|m| *m != Metric::Other)
            .or(noun);
    }
    // "and 1,142 patients were admitted": what the sentence says of them, not a cue of the
    // clause before.
    if undergone.is_some() && cues.noun_end > p.tok_end {
        return undergone;
    }
    // "the collapse killed 12", "have captured two soldiers, both of them wounded": a verb
    // right before the count (`right_before`) says what its people underwent.
    let (first, second) = if predicated || right_before {
        (
            metric_before(toks, p, cues, lex),
            metric_after(toks, cues, lex),
        )
    } else {
        (
            metric_after(toks, cues, lex),
            metric_before(toks, p, cues, lex),
        )
    };
    // `other` is the residue: a named metric on either side says more ("treated 96 people
    // for injuries").
    let named = |m: &Option<Metric>| m.filter(|m| *m != Metric::Other);
    named(&first)
        .or(named(&second))
        .or(first)
        .or(second)
        .or(noun)
}

/// A metric cue among the counted noun's words (not a deployment or a fight: "troops").
fn noun_metric(toks: &[Token], from: usize, noun_end: usize, lex: &Lexicon) -> Option<Metric> {
    let mut cues = (from..noun_end).filter_map(|k| {
        lex.metrics
            .match_at(toks, k)
            .map(|(_, tag)| metric_of(tag))
            .filter(|m| !matches!(m, Metric::Deployed | Metric::Fighting))
    });
    // "4 protesters dead": a named metric beats the residue `other`.
    let first = cues.next()?;
    Some(match first {
        Metric::Other => cues.find(|m| *m != Metric::Other).unwrap_or(first),
        m => m,
    })
}

/// The nearest cue after the counted noun, in its clause; a named metric there beats the
/// residue `other` ("took part in the assaults").
fn metric_after(toks: &[Token], cues: &Cues, lex: &Lexicon) -> Option<Metric> {
    let mut residue = None;
    let noun_end = cues.noun_end;
    // "remained in 130 shelters", "in 1,420 evacuation centres": a count of things after it
    // does not end the clause's cues.
    let things = toks
        .get(cues.next_number + 1)
        .is_some_and(|_| lex.not_people.contains(toks, cues.next_number + 1));
    let next = if things { toks.len() } else { cues.next_number };
    let mut end = next.min(noun_end + 12).min(toks.len());
    let mut k = noun_end;
    while k < end {
        let t = &toks[k];
        // "28 fighters, who were guarding the gate, were among the dead": a relative clause
        // between commas is stepped over.
        if let Some(close) = relative_clause_end(toks, k, lex) {
            end = next.min(end + close + 1 - k).min(toks.len());
            k = close + 1;
            continue;
        }
        let i = k;
        k += 1;
        if t.is_punct(';')
            || t.is_punct(':')
            || (t.is_punct(',') && i > noun_end + 6)
            || lex.grammar.clause_breaks.has(t)
        {
            break;
        }
        // "to fight" is a purpose, not a state.
        if t.is("to")
            && toks
                .get(i + 1)
                .is_some_and(|n| lex.grammar.purpose_verbs.has(n))
        {
            break;
        }
        match lex.metrics.match_at(toks, i).map(|(_, tag)| metric_of(tag)) {
            Some(Metric::Other) => residue = residue.or(Some(Metric::Other)),
            Some(m) => return Some(m),
            None => {}
        }
    }
    residue
}

/// The closing comma of a relative clause that opens with the comma at `k` (", who ...,").
fn relative_clause_end(toks: &[Token], k: usize, lex: &Lexicon) -> Option<usize> {
    const MAX_CLAUSE: usize = 25;
    let opens = toks[k].is_punct(',')
        && toks
            .get(k + 1)
            .is_some_and(|t| t.is("who") || t.is("which"));
    if !opens {
        return None;
    }
    (k + 2..toks.len().min(k + MAX_CLAUSE))
        .take_while(|&j| !toks[j].is_number() && !lex.grammar.clause_breaks.has(&toks[j]))
        .find(|&j| toks[j].is_punct(','))
}

/// A cue before the number: "sent about 11,000", "killed 300", "a total of". An item of a
/// parenthesised list ("deaths by town: Lawigan (14), Pandanon (13)") looks back over the list
/// to the words that introduce it.
fn metric_before(toks: &[Token], p: &NumberPhrase, cues: &Cues, lex: &Lexicon) -> Option<Metric> {
    let q_start = cues.q_start;
    let bare = cues.noun_end == p.tok_end;
    // "Seven remained missing, the army said: three Lebanese, three Syrians": an item of a
    // list after a colon looks back over the list and the clause that introduces it.
    let after_colon = (q_start.saturating_sub(8)..q_start).any(|k| toks[k].is_punct(':'));
    let listed = q_start > 0 && toks[q_start - 1].is_punct('(') || after_colon;
    let reach = match (listed, bare) {
        (true, _) => q_start,
        (false, true) => 9,
        (false, false) => 6,
    };
    let from = match cues.predicate_from {
        Some(from) => from,
        None => q_start
            .saturating_sub(reach)
            .max(if listed { 0 } else { cues.prev_number_end }),
    };
    // A predicate's subject clause is already bounded ([`clause_start`]): its asides hold cues.
    let bounded = listed || cues.predicate_from.is_some();
    // `other` is the residue: "people injured and treated in hospitals stood at 582" were
    // injured.
    let mut residue = None;
    for k in (from..q_start).rev() {
        if !bounded && (toks[k].is_punct(',') || toks[k].is_punct(';')) {
            break;
        }
        if let Some((len, tag)) = lex.metrics.match_at(toks, k) {
            if k + len <= q_start {
                match metric_of(tag) {
                    Metric::Other => residue = residue.or(Some(Metric::Other)),
                    // "Hospitals in the region treated 96": a place is no deployment there.
                    Metric::Deployed | Metric::Fighting if residue.is_some() => return residue,
                    m => return Some(m),
                }
            }
        }
    }
    residue
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(Option<u64>, Qualifier, Metric, Option<String>)> {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize(s, 0);
        let mut ante = Antecedent::default();
        find_figures(&toks, s, &lex, &people_parties(&toks, &lex), &mut ante)
            .into_iter()
            .map(|f| {
                (
                    f.value,
                    f.qualifier,
                    f.metric,
                    f.party.map(|p| lex.party_name(p).to_string()),
                )
            })
            .collect()
    }

    fn nk() -> Option<String> {
        Some("North Korea".to_string())
    }

    #[test]
    fn counts_with_people_nouns() {
        assert_eq!(
            figs("About 8,000 North Korean soldiers are still fighting against Ukraine."),
            [(Some(8000), Qualifier::About, Metric::Fighting, nk())]
        );
        assert_eq!(
            figs("Up to 12,000 North Korean troops were deployed to Kursk Oblast last fall."),
            [(Some(12000), Qualifier::UpTo, Metric::Deployed, nk())]
        );
    }

    #[test]
    fn a_list_figure_before_a_colon_counts_what_follows_it() {
        assert_eq!(
            metrics("- 1,162: people killed since June 14."),
            [(Some(1162), Metric::Killed)]
        );
        assert_eq!(
            metrics("- About 498,000: people living in relief camps."),
            [(Some(498_000), Metric::Displaced)]
        );
        // Not a clock time.
        assert_eq!(
            metrics("At 9:20 people said 20 were hurt."),
            [(Some(20), Metric::Wounded)]
        );
        assert!(metrics("992,871: houses damaged or destroyed.").is_empty());
    }

    #[test]
    fn coordinated_counts_share_qualifier_and_party() {
        assert_eq!(
            figs("At least 300 North Korean soldiers have been killed and another 2,700 wounded fighting in Kursk."),
            [
                (Some(300), Qualifier::AtLeast, Metric::Killed, nk()),
                (Some(2700), Qualifier::AtLeast, Metric::Wounded, nk())
            ]
        );
    }

    /// The metrics of the figures of `s`, in order.
    fn metrics(s: &str) -> Vec<(Option<u64>, Metric)> {
        figs(s).into_iter().map(|(v, _, m, _)| (v, m)).collect()
    }

    #[test]
    fn a_part_of_those_who_underwent_something_underwent_it() {
        assert_eq!(
            metrics("Of those who died, 250 were students and 11 were teachers."),
            [(Some(250), Metric::Killed), (Some(11), Metric::Killed)]
        );
        assert_eq!(
            metrics("Among those killed were 12 children."),
            [(Some(12), Metric::Killed)]
        );
    }

    #[test]
    fn a_named_metric_in_the_noun_phrase_beats_the_residue() {
        assert_eq!(metrics("4 protesters dead."), [(Some(4), Metric::Killed)]);
        assert_eq!(
            metrics("Viasna has counted 35,000 detentions."),
            [(Some(35000), Metric::Arrested)]
        );
        assert_eq!(metrics("4 protesters marched."), [(Some(4), Metric::Other)]);
    }

    #[test]
    fn a_count_of_things_does_not_end_the_cues_after_a_count() {
        assert_eq!(
            metrics("Some 18,000 people remain in 130 shelters."),
            [(Some(18000), Metric::Displaced)]
        );
        // ... a count of people does.
        assert_eq!(
            metrics("Some 18,000 people remain, and 130 were evacuated."),
            [(Some(18000), Metric::Other), (Some(130), Metric::Displaced)]
        );
    }

    #[test]
    fn a_force_somewhere_was_sent_there_one_a_country_has_was_not() {
        assert_eq!(
            metrics("The military says it has about 560 troops in Liberia."),
            [(Some(560), Metric::Deployed)]
        );
        assert_eq!(
            metrics("The country has about 12,000 troops."),
            [(Some(12000), Metric::Other)]
        );
    }

    #[test]
    fn other_is_the_residue_of_a_tallys_subject() {
        assert_eq!(
            metrics("The count of people injured and treated in hospitals stood at 582."),
            [(Some(582), Metric::Wounded)]
        );
        assert_eq!(
            metrics("Hospitals in the region treated 96 people."),
            [(Some(96), Metric::Other)]
        );
    }

    #[test]
    fn items_after_a_colon_share_the_count_that_introduces_them() {
        assert_eq!(
            metrics("Seven people remained missing, the army said: three Lebanese, three Syrians."),
            [
                (Some(7), Metric::Missing),
                (Some(3), Metric::Missing),
                (Some(3), Metric::Missing)
            ]
        );
    }

    #[test]
    fn a_team_is_sent() {
        assert_eq!(
            metrics("The British team of 60 left on Tuesday."),
            [(Some(60), Metric::Deployed)]
        );
    }

    #[test]
    fn kin_one_lost_are_dead() {
        assert_eq!(
            metrics("He had lost seven of his relatives."),
            [(Some(7), Metric::Killed)]
        );
        assert_eq!(
            metrics("Russia lost 5,000 soldiers."),
            [(Some(5000), Metric::Casualties)]
        );
    }

    #[test]
    fn what_people_underwent_names_the_metric() {
        assert_eq!(
            metrics("Up to 300,000 people had been left without a home."),
            [(Some(300_000), Metric::Displaced)]
        );
        assert_eq!(
            metrics("About 49,000 people had moved into accommodation centres."),
            [(Some(49_000), Metric::Displaced)]
        );
        assert_eq!(
            metrics("As many as 30 people were still under the rubble."),
            [(Some(30), Metric::Missing)]
        );
        assert_eq!(
            metrics("More than 50 protesters had suffered serious eye trauma."),
            [(Some(50), Metric::Wounded)]
        );
    }

    #[test]
    fn counts_joined_by_a_comma_share_the_predicate_after_them() {
        assert_eq!(
            metrics("Border clashes: 9 soldiers, 7 civilians killed"),
            [(Some(9), Metric::Killed), (Some(7), Metric::Killed)]
        );
        // A part after a comma keeps its own predicate and leaves the whole alone.
        assert_eq!(
            metrics("Russia sent 3,000 troops, 200 of whom were killed."),
            [(Some(3000), Metric::Deployed), (Some(200), Metric::Killed)]
        );
    }

    #[test]
    fn bracketed_lists_take_qualifiers_and_their_heading() {
        assert_eq!(
            figs("Refugees by country: Egypt (about 1.5 million), Chad (770,000, most of them women)."),
            [
                (Some(1_500_000), Qualifier::About, Metric::Displaced, None),
                (Some(770_000), Qualifier::Exact, Metric::Displaced, None)
            ]
        );
        let lex = Lexicon::builtin();
        let mut ante = Antecedent {
            metric: Some(Metric::Wounded),
            ..Antecedent::default()
        };
        for (line, metric) in [
            ("DEATHS IN TURKEY, BY PROVINCE (AFAD)", Metric::Killed),
            ("Injured, by district:", Metric::Wounded),
        ] {
            let toks = lex.tokenize(line, 0);
            assert!(find_figures(&toks, line, &lex, &[], &mut ante).is_empty());
            assert_eq!(ante.metric, Some(metric), "{line}");
        }
        // A sentence with a full stop opens no list.
        let line = "Many people died in the region.";
        let toks = lex.tokenize(line, 0);
        find_figures(&toks, line, &lex, &[], &mut ante);
        assert_eq!(ante.metric, Some(Metric::Wounded));
    }

    #[test]
    fn an_earlier_value_continues_the_count_before() {
        let lex = Lexicon::builtin();
        let after_a_toll = |s: &str| {
            let mut ante = Antecedent {
                metric: Some(Metric::Killed),
                ..Antecedent::default()
            };
            let toks = lex.tokenize(s, 0);
            find_figures(&toks, s, &lex, &[], &mut ante)
                .iter()
                .map(|f| (f.value, f.metric))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            after_a_toll("That is up from 12,873 this morning."),
            [(Some(12873), Metric::Killed)]
        );
        // "N more" with a verb of its own says what it counts.
        assert_eq!(
            after_a_toll("Seven more were evacuated on Sunday."),
            [(Some(7), Metric::Displaced)]
        );
        // The change of a number that counts no people.
        assert!(after_a_toll("Cases were found in seven districts, up from five.").is_empty());
        assert!(after_a_toll("The river rose from 3 metres.").is_empty());
        // An article between: "up from the 717 announced".
        assert_eq!(
            after_a_toll("That is up from the 717 announced on Thursday."),
            [(Some(717), Metric::Killed)]
        );
        // "from N to M" after a verb of change: both counts of the subject before them.
        let lex = Lexicon::builtin();
        let s = "The toll went from 138 to 3,621 in one week.";
        let toks = lex.tokenize(s, 0);
        let found: Vec<_> = find_figures(&toks, s, &lex, &[], &mut Antecedent::default())
            .iter()
            .map(|f| (f.value, f.value_high, f.metric))
            .collect();
        assert_eq!(
            found,
            [
                (Some(138), None, Metric::Killed),
                (Some(3621), None, Metric::Killed)
            ]
        );
        // ... but not "from" after a count noun with no change: "counts what it can confirm
        // from two sources".
        let s = "Seoul only counts what it can confirm from two separate sources.";
        let toks = lex.tokenize(s, 0);
        assert!(find_figures(&toks, s, &lex, &[], &mut Antecedent::default()).is_empty());
    }

    #[test]
    fn a_noun_that_says_what_is_counted_keeps_it() {
        assert_eq!(
            metrics("It said 1,002 people had died and 30,621 cases had been recorded."),
            [(Some(1002), Metric::Killed), (Some(30621), Metric::Other)]
        );
        assert_eq!(
            metrics("The ministry recorded 612 new cases and 24 deaths."),
            [(Some(612), Metric::Other), (Some(24), Metric::Killed)]
        );
        // Its own verb still says what its people underwent.
        assert_eq!(
            metrics("Police killed 12 protesters."),
            [(Some(12), Metric::Killed)]
        );
    }

    #[test]
    fn the_earlier_count_and_the_count_elsewhere_are_the_same_count() {
        assert_eq!(
            metrics("The number of missing stood at 22, down from 43 on Sunday, as people who had fled were found."),
            [(Some(22), Metric::Missing), (Some(43), Metric::Missing)]
        );
        assert_eq!(
            metrics("Four people were shot dead in Nairobi and 2 in Kiboroni."),
            [(Some(4), Metric::Killed), (Some(2), Metric::Killed)]
        );
    }

    #[test]
    fn lists_of_lower_case_items_are_counts() {
        assert_eq!(
            metrics("The breakdown of the dead listed students (5), street vendors (3) and bystanders (2)."),
            [(Some(5), Metric::Killed), (Some(3), Metric::Killed), (Some(2), Metric::Killed)]
        );
    }

    #[test]
    fn responders_are_sent_unless_a_force_has_them() {
        assert_eq!(
            metrics("More than 900 firefighters were on the fire lines."),
            [(Some(900), Metric::Deployed)]
        );
        assert_eq!(
            metrics("North Korea has about 1.2 million active-duty troops."),
            [(Some(1_200_000), Metric::Other)]
        );
    }

    #[test]
    fn people_nobody_sends_are_not_deployed() {
        assert_eq!(
            metrics("We sent 90 patients home and there are 160 dengue patients left."),
            [(Some(90), Metric::Other), (Some(160), Metric::Other)]
        );
    }

    #[test]
    fn a_count_s_own_predicate_and_noun_beat_the_clause_before() {
        assert_eq!(
            metrics("Six more people died and 1,142 patients were admitted."),
            [(Some(6), Metric::Killed), (Some(1142), Metric::Other)]
        );
        // The whole "of the dead" belongs to the count before.
        assert_eq!(
            metrics("It received eight of the dead and 41 injured people."),
            [(Some(8), Metric::Killed), (Some(41), Metric::Wounded)]
        );
    }

    #[test]
    fn among_them_names_a_part_of_the_count_before() {
        assert_eq!(
            metrics("At least 11 people were wounded, among them three guards."),
            [(Some(11), Metric::Wounded), (Some(3), Metric::Wounded)]
        );
    }

    #[test]
    fn violent_deaths_and_recaptures() {
        assert_eq!(
            metrics("Four were stabbed to death and two were shot dead."),
            [(Some(4), Metric::Killed), (Some(2), Metric::Killed)]
        );
        assert_eq!(
            metrics("Police said 31 have been recaptured."),
            [(Some(31), Metric::Arrested)]
        );
    }

    #[test]
    fn a_verb_before_a_count_beats_the_next_count_s_verb() {
        assert_eq!(
            metrics("The collapse trapped 14 miners and killed at least two others."),
            [(Some(14), Metric::Missing), (Some(2), Metric::Killed)]
        );
    }

    #[test]
    fn deployment_agent_gives_the_party() {
        assert_eq!(
            figs("North Korea is estimated to have sent about 11 000 troops to fight against Ukraine."),
            [(Some(11000), Qualifier::About, Metric::Deployed, nk())]
        );
        assert_eq!(
            figs("Pyongyang deployed over 10,000 troops to bolster Russian forces."),
            [(Some(10000), Qualifier::MoreThan, Metric::Deployed, nk())]
        );
    }

    #[test]
    fn killed_or_wounded_is_casualties() {
        assert_eq!(
            figs("more than 3 000 soldiers from the DPRK have already been killed or wounded."),
            [(Some(3000), Qualifier::MoreThan, Metric::Casualties, nk())]
        );
    }

    #[test]
    fn not_figures() {
        assert!(figs("On Jan. 13, in 2024, for three weeks, 2 min read at 9:20 PM.").is_empty());
        assert!(figs("a 1,000km front, 20% of them, $300 million, aged 20, 11 years").is_empty());
        assert!(figs("6 containers and 12 settlements").is_empty());
        // Populations, with a modifier and a qualifier.
        assert!(figs("Tizoualt, a market town of about 9,000 people, lost its school.").is_empty());
        assert!(figs("a city of 310,000 people").is_empty());
        // A difference between two counts.
        assert_eq!(
            metrics("It counts 19 dead, one more than the 18 it announced."),
            [(Some(19), Metric::Killed)]
        );
    }

    #[test]
    fn vague_and_ranges() {
        assert_eq!(
            figs("we are talking hundreds of Russian and North Korean servicemen").len(),
            1
        );
        assert_eq!(
            figs("between 10,000 and 12,000 troops were sent")[0].0,
            Some(10000)
        );
    }

    #[test]
    fn labels_units_and_more_of_the_same() {
        assert_eq!(
            metrics("Killed or wounded: more than 95,000, according to the ministry"),
            [(Some(95000), Metric::Casualties)]
        );
        assert_eq!(
            metrics("A first contingent of about 11,000 arrived in October."),
            [(Some(11000), Metric::Deployed)]
        );
        assert_eq!(
            metrics("Britain keeps a 1,800-strong battlegroup in Estonia."),
            [(Some(1800), Metric::Deployed)]
        );
        assert_eq!(
            metrics("Some 300 troops were sent in May, and 200 more are expected."),
            [(Some(300), Metric::Deployed), (Some(200), Metric::Deployed)]
        );
        assert_eq!(
            metrics("Dead in government-held Syria: 1,414 (health ministry)"),
            [(Some(1414), Metric::Killed)]
        );
        assert_eq!(
            metrics("Malawi cholera deaths pass 1,000 as rains continue"),
            [(Some(1000), Metric::Killed)]
        );
        assert_eq!(
            metrics("Detained over collapsed buildings: 184"),
            [(Some(184), Metric::Arrested)]
        );
        assert!(metrics("Ten people died. The city will open two more shelters.").len() == 1);
        assert_eq!(
            metrics("Forces have captured two soldiers, both of them wounded."),
            [(Some(2), Metric::Captured)]
        );
    }

    #[test]
    fn rates_and_ratios_are_no_counts() {
        assert!(figs("About four in 10 voters say so.").len() <= 1);
        assert!(figs("one in five adults marched")
            .iter()
            .all(|f| f.0 != Some(5)));
        assert!(figs("a ratio of three wounded for every soldier killed").is_empty());
        assert!(figs("two people per square metre").is_empty());
        assert!(figs("not one soldier is abroad").is_empty());
    }

    #[test]
    fn running_counts_across_brackets_asides_and_further_counts() {
        let vm = |s: &str| -> Vec<(Option<u64>, Metric)> {
            figs(s).into_iter().map(|f| (f.0, f.2)).collect()
        };
        let s = "The number of people killed by Typhoon Tino (international name: Kalmaegi) has risen to 66.";
        assert_eq!(vm(s), [(Some(66), Metric::Killed)]);
        let s = "The agency's own count, which includes only deaths confirmed by examiners, stood at 91.";
        assert_eq!(vm(s), [(Some(91), Metric::Killed)]);
        let s = "Kyiv says Russia lost 1,730 soldiers in the last day, and that the total is now past 790,000.";
        let got = figs(s);
        assert_eq!(got[1].0, Some(790_000));
        assert_eq!(got[1].1, Qualifier::MoreThan);
        assert_eq!(got[1].2, got[0].2);
        let s = "At least 30,000 people have been displaced in Derna, and another 6,000 elsewhere.";
        assert_eq!(
            vm(s),
            [
                (Some(30_000), Metric::Displaced),
                (Some(6_000), Metric::Displaced)
            ]
        );
        // After a count of things, "another" continues no count of people.
        let s = "The report put the homeless at 1,850 and said 420 houses were destroyed and another 1,100 damaged.";
        assert_eq!(vm(s), [(Some(1_850), Metric::Displaced)]);
    }

    #[test]
    fn numbers_in_names_and_populations_are_no_counts() {
        let values = |s: &str| -> Vec<Option<u64>> { figs(s).into_iter().map(|f| f.0).collect() };
        assert_eq!(values("The crush at Gate 7 killed 40 people."), [Some(40)]);
        assert_eq!(
            values("A landslide in the barangay of Camp 4 killed five."),
            [Some(5)]
        );
        assert_eq!(values("In Florida 12 died."), [Some(12)]);
        assert!(values("Derna had about 90,000 residents before the flood.").is_empty());
        assert!(values("Serbia, a country of 6.6 million people, has seen protests.").is_empty());
        assert!(values("Al Haouz, home to about 570,000 people, has lost many.").is_empty());
        assert!(values("The stadium was built for 47,000 fans.").is_empty());
        assert!(values("Floods displaced 40,702 households.").is_empty());
        assert!(values("- Villages affected: 2,930").is_empty());
        assert!(values("There were 53 clashes, 23 of them inside the city.").is_empty());
        assert_eq!(
            values("Another 26 deaths were reported in the 24 hours to Tuesday, 9 of whom were children."),
            [Some(26), Some(9)]
        );
        // A year that dates a noun counts nobody, a year-like count of people does.
        assert!(values("No one has listed the people the 2020 blast killed.").is_empty());
        assert_eq!(values("The 2000 soldiers were killed."), [Some(2000)]);
        // What someone underwent after "injured two more" is theirs, not the count before's.
        let got = figs("The flood killed four members of one family and injured two more.");
        assert_eq!(got[1].2, Metric::Wounded);
    }

    #[test]
    fn items_of_a_list_whose_verb_is_left_out() {
        let got =
            figs("South Carolina has counted 49 deaths, Georgia 33, Florida 19 and Virginia two.");
        let values: Vec<_> = got.iter().map(|f| (f.0, f.2)).collect();
        assert_eq!(
            values,
            [49, 33, 19, 2].map(|v| (Some(v), Metric::Killed)).to_vec()
        );
        // A name and a number that do not end an item are no item ("Route 66 was closed").
        let got = figs("Officials said 12 people died, and Route 66 was closed.");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn elliptic_and_predicate_counts() {
        let f = figs("300 soldiers have been killed in the war and about 2 700 have been wounded.");
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].2, Metric::Wounded);
        let f = figs("The death toll among North Korean troops rose to 400.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].2, Metric::Killed);
        // The predicate verb is the qualifier too.
        let f = figs("The death toll among North Korean troops exceeded 400.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].1, f[0].2), (Qualifier::MoreThan, Metric::Killed));
    }

    #[test]
    fn items_of_a_list_share_its_metric_unless_their_noun_names_one() {
        assert_eq!(
            metrics("The dead included 26 foreigners, among them five Iranians, four Chinese and four Russians."),
            [
                (Some(26), Metric::Killed),
                (Some(5), Metric::Killed),
                (Some(4), Metric::Killed),
                (Some(4), Metric::Killed)
            ]
        );
        assert_eq!(
            metrics("The toll is 596, and 1,100 cholera cases were recorded."),
            [(Some(596), Metric::Killed), (Some(1100), Metric::Other)]
        );
    }

    #[test]
    fn cues_after_a_relative_clause_and_forces_placed_there() {
        assert_eq!(
            metrics("He said 28 of the group's fighters, who were guarding the gate, were among the dead."),
            [(Some(28), Metric::Killed)]
        );
        assert_eq!(
            metrics("Britain has some 1,000 soldiers there."),
            [(Some(1000), Metric::Deployed)]
        );
        assert!(metrics("The blaze has burned 149,000 acres.").is_empty());
        // People who are somewhere were not sent there.
        assert_eq!(
            metrics("About 130,000 people were in the area."),
            [(Some(130000), Metric::Other)]
        );
        // More of a count that joins a total: the total says what they are.
        assert_eq!(
            metrics("20 were missing; seven more were found, bringing the district's toll to 169."),
            [
                (Some(20), Metric::Missing),
                (Some(7), Metric::Killed),
                (Some(169), Metric::Killed)
            ]
        );
        assert_eq!(
            metrics("The fire forced more than 50,000 people from their homes."),
            [(Some(50000), Metric::Displaced)]
        );
    }
}
