//! One article in, raw claims out: layout, sentences, then figures and stances with their
//! frames of attribution. Dates stay unresolved here; [`crate::corpus`] resolves them once every
//! article's date is known.

use crate::attribution::{
    backward_claimant, bracketed_source, count_agent, count_owner, frame_at, frame_for, frames,
    owned_source, relay_tail, speech_tag, Claimant, History,
};
use crate::claimant;
use crate::date::{find_dates_in, DateExpr};
use crate::figure::{find_figures, gapped_name, people_parties, Antecedent};
use crate::layout::{self, Layout};
use crate::lexicon::Lexicon;
use crate::question::Take;
use crate::quote;
use crate::relation::{self, Relation};
use crate::sentence;
use crate::stance::find_stances;
use crate::subject::subject;
use crate::table;
use claimscope_model::model::{Kind, Metric, Qualifier, Span};

/// A claim before dates are resolved and clusters assigned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawClaim {
    pub kind: Kind,
    pub metric: Option<Metric>,
    pub party: Option<String>,
    /// Figures: what is counted ([`crate::subject::subject`]).
    pub subject: Option<String>,
    pub value: Option<u64>,
    pub value_high: Option<u64>,
    pub qualifier: Option<Qualifier>,
    /// Stances: the position taken on one of the lexicon's questions.
    pub stance: Option<Take>,
    pub claimant: Option<Claimant>,
    pub via: Vec<String>,
    pub stated: Option<DateExpr>,
    pub span: Span,
    pub mention: Span,
    pub repeats: Vec<Span>,
    /// Part of another count of the sentence ("including 500 officers").
    pub subset: bool,
}

/// What one article yields.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub layout: Layout,
    pub claims: Vec<RawClaim>,
    /// Every date the article's body mentions, for inferring its publication date.
    pub body_dates: Vec<DateExpr>,
    /// Who says what: every attribution relation of the article.
    pub relations: Vec<Relation>,
}

/// Extracts the raw claims of one article.
pub fn analyze(text: &str, lex: &Lexicon) -> Analysis {
    let layout = layout::analyze(text, lex);
    let mut claims: Vec<RawClaim> = Vec::new();
    let mut body_dates = Vec::new();
    let mut history = History::default();
    let mut ante = Antecedent::default();
    let mut toks = Vec::new();
    let mut relations = Vec::new();
    let quotes = quote::regions(text, &layout.paragraphs);
    // "DEATHS BY PROVINCE (AFAD)": a heading's source, for the counts of the paragraph after it.
    let mut heading: Option<Claimant> = None;
    let mut after_item = false;
    // The person an interview's answers ("A: ...") are from, once the first one comes.
    let mut respondent: Option<Claimant> = None;
    let tables = table::tables(text, &layout.paragraphs, lex);
    for (pi, &(ps, pe)) in layout.paragraphs.iter().enumerate() {
        if let Some(t) = tables.iter().find(|t| t.paragraphs.contains(&pi)) {
            if pi == t.paragraphs.start {
                claims.extend(
                    table::counts(text, t, lex, &history)
                        .into_iter()
                        .map(table_claim),
                );
            }
            continue;
        }
        // A heading's source goes to the paragraph after it, or to every item of the list
        // after it ("- Dead: 2,946", "- Injured: 5,674"), and no further.
        let item = text[ps..pe]
            .trim_start()
            .starts_with(['-', '•', '*', '–', '—']);
        if !item && after_item {
            heading = None;
        }
        after_item = item;
        let listed_by = if item {
            heading.clone()
        } else {
            heading.take()
        };
        let mut boxed_by: Option<Claimant> = None;
        let mut carry: Option<(Option<Claimant>, Vec<String>)> = None;
        let mut speaker: Option<Claimant> = None;
        let para_first_claim = claims.len();
        let sentences =
            sentence::join_tags(text, sentence::split_in(text, ps, pe, &lex.grammar), |s| {
                speech_tag(&lex.tokenize(s, 0), lex)
            });
        for (ss, se) in sentences {
            lex.tokenize_into(&text[ss..se], ss, &mut toks);
            let toks = toks.as_slice();
            let dates = find_dates_in(toks, &lex.grammar);
            // A date that opens the sentence ("On Monday, ...") dates its claims.
            let leading_date = dates.first().filter(|d| d.tok_start <= 1).map(|d| d.expr);
            body_dates.extend(dates.into_iter().map(|d| d.expr));
            if let Some((c, via)) = backward_claimant(toks, lex, &history) {
                // "This was reported by X": X said the sentences before it in this paragraph.
                for claim in claims[para_first_claim..]
                    .iter_mut()
                    .filter(|c| c.claimant.is_none())
                {
                    claim.claimant = Some(c.clone());
                    for v in &via {
                        if !claim.via.contains(v) {
                            claim.via.push(v.clone());
                        }
                    }
                }
                history.push(&c);
                carry = Some((Some(c), via));
                continue;
            }
            for name in claimant::organisations(toks, lex) {
                history.mention_org(name);
            }
            for (name, descriptor) in claimant::mentions(toks, lex) {
                history.mention(name, descriptor);
            }
            for place in claimant::places(toks, lex) {
                history.place(place);
            }
            // A transcript's "MARKHAM:" opens the paragraph: the speaker says what no one else
            // in it is said to.
            // An interview's "A:": who answered the first question answers them all.
            if claims.len() == para_first_claim && speaker.is_none() {
                speaker = claimant::speaker_label(toks, &history).or_else(|| {
                    if claimant::answer_label(toks) && respondent.is_none() {
                        respondent = history.last_person().cloned();
                    }
                    respondent.clone().filter(|_| claimant::answer_label(toks))
                });
            }
            let inq = quote::inside(toks, &quotes);
            let fs = frames(toks, lex, &history, &inq);
            relations.extend(relation::of_frames(toks, &fs, lex));
            let relay = relay_tail(toks, lex);
            let parties = people_parties(toks, lex);
            let stances = find_stances(toks, lex, &parties, &ante);
            let figures = find_figures(toks, text, lex, &parties, &mut ante);
            // "The monitor's breakdown listed ...": a possessive source speaks where no frame
            // names anyone.
            // ... and a count no report covers ("The administration's toll climbed from
            // seven to 35, and it later reported ...").
            let unnamed = fs.iter().all(|f| f.claimant.is_none());
            // Found when a claim first needs it: most sentences hold none.
            let owner = std::cell::OnceCell::new();
            let attribute = |pos: usize| -> (Option<Claimant>, Vec<String>, Option<DateExpr>) {
                let owner = owner.get_or_init(|| owned_source(toks, lex, &history));
                let (c, mut via, stated) = match (frame_for(toks, &fs, pos, lex), owner) {
                    (Some(f), Some(o)) if f.claimant.is_none() && unnamed => {
                        (Some(o.clone()), f.via.clone(), f.stated)
                    }
                    (Some(f), _) => (f.claimant.clone(), f.via.clone(), f.stated),
                    (None, Some(o)) => (Some(o.clone()), Vec::new(), None),
                    (None, None) => match &carry {
                        Some((c, v)) => (c.clone(), v.clone(), None),
                        None => (None, Vec::new(), None),
                    },
                };
                if let Some(r) = &relay {
                    if !via.contains(r) {
                        via.push(r.clone());
                    }
                }
                (c.or_else(|| speaker.clone()), via, stated.or(leading_date))
            };
            let span = [ss, se];
            // "Key figures (interior ministry, Wednesday evening)": a line that ends in the
            // source it brackets is the source of the lines after it, in its paragraph and the
            // next.
            let line_start = text[..ss].trim_end_matches([' ', '\t']).ends_with('\n');
            if figures.is_empty() && line_start && toks.last().is_some_and(|t| t.is_punct(')')) {
                let open = toks.iter().rposition(|t| t.is_punct('('));
                heading = open.and_then(|o| bracketed_source(toks, o, lex, &history));
                boxed_by = heading.clone();
            }
            // A vague amount ("dozens", "hundreds of thousands") has no value to chart, compare
            // or contradict: it is no figure.
            for f in figures.into_iter().filter(|f| f.value.is_some()) {
                let (mut claimant, via, stated) = attribute(f.anchor);
                if let Some(owner) = count_owner(toks, f.tok_start, lex, &history)
                    .or_else(|| count_agent(toks, f.tok_end, lex, &history))
                {
                    claimant = Some(owner);
                }
                // A label's colon ("Tunisia: 35 dead (foreign ministry)") yields to the source
                // the brackets cite.
                let framed = frame_at(&fs, f.anchor).is_some_and(|fr| {
                    fr.claimant.is_some()
                        && !(fr.cue.1 == fr.cue.0 + 1 && toks[fr.cue.0].is_punct(':'))
                });
                if !framed {
                    if let Some(c) = bracketed_source(toks, f.tok_end, lex, &history) {
                        claimant = Some(c);
                    }
                }
                if claimant.is_none() {
                    claimant = boxed_by.clone().or_else(|| listed_by.clone());
                }
                // "South Carolina has counted 49, Georgia 33": where places count, each item's
                // place speaks for its own count.
                // "the ministry counted 480,000 and the union 1.7 million": an item that
                // names an organisation or a person speaks for its own count.
                if let Some(item) = gapped_speaker(toks, &f, lex, &history) {
                    claimant = Some(item);
                } else if claimant.as_ref().is_some_and(|c| speaks_as_place(c, lex)) {
                    if let Some(k) = gapped_name(toks, f.anchor, f.anchor + 1) {
                        claimant = Some(claimant::list_place(&toks[k..f.anchor]));
                    }
                }
                claims.push(RawClaim {
                    kind: Kind::Figure,
                    metric: Some(f.metric),
                    party: f.party.map(|p| lex.party_name(p).to_string()),
                    subject: Some(subject(toks, &f, lex)),
                    value: f.value,
                    value_high: f.value_high,
                    qualifier: Some(f.qualifier),
                    stance: None,
                    claimant,
                    via,
                    stated,
                    span,
                    mention: [toks[f.tok_start].start, toks[f.tok_end - 1].end],
                    repeats: Vec::new(),
                    subset: f.subset,
                });
            }
            for s in stances {
                let (claimant, via, stated) = attribute(s.anchor);
                let stance = match s.stance {
                    Some(st) => st,
                    None => {
                        // A bare denial: the opposite of what someone else last reported.
                        let who = claimant.as_ref().map(|c| c.source.as_str());
                        let Some(prev) = claims.iter().rev().take(64).find(|c| {
                            c.kind == Kind::Stance
                                && c.claimant.as_ref().map(|x| x.source.as_str()) != who
                        }) else {
                            continue;
                        };
                        match prev.stance {
                            Some(p) => p.opposite(),
                            None => continue,
                        }
                    }
                };
                let party = s.party.map(|p| lex.party_name(p).to_string());
                claims.push(RawClaim {
                    kind: Kind::Stance,
                    metric: None,
                    party,
                    subject: None,
                    value: None,
                    value_high: None,
                    qualifier: None,
                    stance: Some(stance),
                    claimant,
                    via,
                    stated,
                    span,
                    mention: [toks[s.tok_start].start, toks[s.tok_end - 1].end],
                    repeats: Vec::new(),
                    subset: false,
                });
            }
            for f in &fs {
                if let Some(c) = &f.claimant {
                    history.push(c);
                }
            }
            if let Some(last) = fs.last() {
                carry = Some((last.claimant.clone(), last.via.clone()));
            }
        }
    }
    Analysis {
        layout,
        claims: dedup(claims),
        body_dates,
        relations: relation::with_quotes(relations, &quotes, text),
    }
}

/// A place that speaks through its authorities ("South Carolina has counted"): a name with
/// no organisation, not a person, not a group ("Officials").
/// A count a table's cell gives, as a claim: the cell is its quote.
fn table_claim(c: table::Count) -> RawClaim {
    RawClaim {
        kind: Kind::Figure,
        metric: Some(c.metric),
        party: None,
        subject: Some(c.subject),
        value: Some(c.value),
        value_high: c.value_high,
        qualifier: Some(c.qualifier),
        stance: None,
        claimant: c.claimant,
        via: Vec::new(),
        stated: None,
        span: [c.cell.0, c.cell.1],
        mention: [c.number.0, c.number.1],
        repeats: Vec::new(),
        subset: false,
    }
}

/// The organisation a gapped item of a list describes before its count, if any.
fn gapped_speaker(
    toks: &[crate::token::Token],
    f: &crate::figure::Figure,
    lex: &Lexicon,
    history: &History,
) -> Option<Claimant> {
    // A described one ("the union"), not a bare name, which may be a place's ("Officials said
    // 40 died, Georgia 3").
    let k = gapped_name(toks, f.tok_start, f.tok_end).filter(|&k| toks[k].is("the"))?;
    claimant::resolve(toks, k, f.tok_start, lex, history).flatten()
}

fn speaks_as_place(c: &Claimant, lex: &Lexicon) -> bool {
    let named = c
        .source
        .split(' ')
        .all(|w| w.starts_with(char::is_uppercase));
    let group = c
        .source
        .rsplit(' ')
        .next()
        .is_some_and(|w| lex.grammar.group_nouns.contains(&w.to_lowercase()));
    !c.person && c.org.is_none() && named && !group
}

/// Merges repeats of the same claim within one article into its first mention.
fn dedup(claims: Vec<RawClaim>) -> Vec<RawClaim> {
    type Key = (
        Kind,
        Option<Metric>,
        Option<String>,
        Option<u64>,
        Option<u64>,
        Option<Take>,
        Option<String>,
    );
    let mut seen: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    // Stances by what they take: an article that repeats a stance once with its speaker and
    // once without ("the withdrawal, reported on Monday, ...") says it once, by that speaker.
    let mut takes: std::collections::HashMap<(Option<String>, Option<Take>), usize> =
        std::collections::HashMap::new();
    let mut out: Vec<RawClaim> = Vec::with_capacity(claims.len());
    for mut c in claims {
        if c.kind == Kind::Stance {
            let take = (c.party.clone(), c.stance);
            if let Some(&i) = takes.get(&take) {
                match (&out[i].claimant, &c.claimant) {
                    (_, None) => c.claimant = out[i].claimant.clone(),
                    (None, Some(named)) => out[i].claimant = Some(named.clone()),
                    _ => {}
                }
                if out[i].claimant == c.claimant {
                    let first = &mut out[i];
                    first.stated = first.stated.or(c.stated);
                    first.repeats.push(c.mention);
                    continue;
                }
            } else {
                takes.insert(take, out.len());
            }
        }
        let key: Key = (
            c.kind,
            c.metric,
            c.party.clone(),
            c.value,
            c.value_high,
            c.stance,
            c.claimant.as_ref().map(|x| x.source.clone()),
        );
        // The same count twice in one sentence is two items of a list ("Iloilo (1) and Capiz
        // (1)"), not a repeat.
        match seen.get(&key).filter(|&&i| out[i].span != c.span) {
            Some(&i) => {
                let first = &mut out[i];
                if first.stated.is_none() {
                    first.stated = c.stated;
                }
                for v in c.via {
                    if !first.via.contains(&v) {
                        first.via.push(v);
                    }
                }
                first.repeats.push(c.mention);
            }
            None => {
                seen.entry(key).or_insert(out.len());
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(u64, usize)> {
        let lex = Lexicon::builtin();
        analyze(text, &lex)
            .claims
            .iter()
            .filter_map(|c| c.value.map(|v| (v, c.repeats.len())))
            .collect()
    }

    #[test]
    fn a_repeated_claim_is_one_but_equal_items_of_a_list_are_two() {
        let text = "Headline\n\nThe agency said 40 people died. Later the agency said 40 people \
                    died.\n\nDeaths by town: Iloilo (1), Capiz (1) and Bohol (3).";
        assert_eq!(values(text), vec![(40, 1), (1, 0), (1, 0), (3, 0)]);
    }

    #[test]
    fn a_headings_source_speaks_for_the_list_after_it() {
        let lex = Lexicon::builtin();
        let sources = |text: &str| -> Vec<Option<String>> {
            analyze(text, &lex)
                .claims
                .iter()
                .map(|c| c.claimant.as_ref().map(|c| c.source.clone()))
                .collect()
        };
        let text = "Headline\n\nDEATHS BY PROVINCE (AFAD)\n\nHatay (20,438) and Adana (307).\n\n\
                    Elsewhere 12 people died.";
        assert_eq!(
            sources(text),
            [Some("AFAD".to_string()), Some("AFAD".to_string()), None]
        );
        // Brackets that close a sentence of a longer paragraph head nothing.
        let text = "Headline\n\nThe storm hit at night. It was strong (Reuters)\n\n\
                    Deaths by town: Hatay (20) and Adana (30).";
        assert_eq!(sources(text), [None, None]);
        // A box's bracketed source line speaks for every item of its list, and no further.
        let text = "Headline\n\nKey figures\n(interior ministry, Wednesday evening)\n- Dead: \
                    2,946\n- Injured: 5,674\n\nElsewhere 12 people died.";
        let ministry = Some("Interior ministry".to_string());
        assert_eq!(sources(text), [ministry.clone(), ministry, None]);
    }

    /// Each figure's value and its claimant's name, in order.
    fn valued_claimants(text: &str) -> Vec<(u64, Option<String>)> {
        analyze(text, &Lexicon::builtin())
            .claims
            .iter()
            .filter_map(|c| Some((c.value?, c.claimant.as_ref().map(|c| c.source.clone()))))
            .collect()
    }

    #[test]
    fn an_organisation_named_in_a_gapped_list_speaks_for_its_count() {
        let text = "Headline\n\nThe CGT union said 3.5 million people marched. On March 15 the \
                    ministry had counted 480,000 marchers and the union 1.7 million.";
        let got = valued_claimants(text);
        assert_eq!(
            got,
            [
                (3_500_000, Some("CGT union".to_string())),
                (480_000, Some("Ministry".to_string())),
                (1_700_000, Some("CGT union".to_string()))
            ]
        );
    }

    #[test]
    fn a_count_no_report_covers_belongs_to_the_owner_of_its_toll() {
        let text = "Headline\n\nThe Moscow-installed administration's toll rose to 35, and \
                    officials in Kyiv said 17 people were missing.";
        let got = valued_claimants(text);
        assert_eq!(
            got,
            [
                (35, Some("Moscow-installed administration".to_string())),
                (17, Some("Officials in Kyiv".to_string()))
            ]
        );
    }

    #[test]
    fn an_interview_s_answers_are_the_respondent_s() {
        let text = "Headline\n\nThe presenter, Daniel Okafor, spoke to Amina Qureshi, who runs the relief \
                    camps.\n\nQ: Amina Qureshi, thank you. How many have died?\n\nA: In the province, \
                    638 people have died.\n\nQ: And the minister says 900?\n\nA: About 520,000 \
                    people are in camps.";
        let got: Vec<(u64, Option<String>)> = valued_claimants(text)
            .into_iter()
            .filter(|(v, _)| *v != 900)
            .collect();
        assert_eq!(
            got,
            [
                (638, Some("Amina Qureshi".to_string())),
                (520_000, Some("Amina Qureshi".to_string()))
            ]
        );
    }

    #[test]
    fn each_place_of_a_gapped_list_speaks_for_its_count() {
        let lex = Lexicon::builtin();
        let text = "Headline\n\nHelene killed 232 people. South Carolina has counted 49, Georgia \
                    33 and Virginia two.\n\nOfficials said 40 died, Georgia 3 and Ohio 2.";
        let sources: Vec<Option<String>> = analyze(text, &lex)
            .claims
            .iter()
            .map(|c| c.claimant.as_ref().map(|c| c.source.clone()))
            .collect();
        let named = |s: &str| Some(s.to_string());
        assert_eq!(
            sources,
            [
                None,
                named("South Carolina"),
                named("Georgia"),
                named("Virginia"),
                // A group that speaks keeps the list.
                named("Officials"),
                named("Officials"),
                named("Officials")
            ]
        );
    }
}
