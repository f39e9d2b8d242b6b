//! Stances on the story's open questions ([`crate::question`]): each question has two
//! positions ("withdrawn" / "still engaged"), and its phrases take one of them.
//!
//! Stance phrases come from the lexicon. Negation flips them ("have not been participating"),
//! `negated` phrases count only when negated ("have not been seen"), denial flips what is denied
//! ("denied reports that they had been withdrawn", "media reports ... are incorrect"), and a
//! bare denial ("Budanov denied these reports") takes the opposite of the stance last reported
//! by someone else. Questions and plans ("whether they will return") are not claims. Every word
//! these rules consult is a list of the lexicon's `[stance]` section.

use crate::figure::Antecedent;
use crate::lexicon::{stance_cue, Lexicon};
use crate::question::{Form, Take};
use crate::token::Token;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceMention {
    /// `None` for a bare denial: the caller resolves it against earlier stances.
    pub stance: Option<Take>,
    /// The party whose status it is (`None`: a question about anyone, or a bare denial with
    /// no party in sight).
    pub party: Option<usize>,
    pub tok_start: usize,
    pub tok_end: usize,
    /// The token whose frame of attribution applies (a denial's object, not the denial).
    pub anchor: usize,
}

/// Is the phrase at `k` negated (an odd number of negators in the words just before it, within
/// its clause)? A negator of several words ("no longer") counts once.
fn negated(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let mut count = 0;
    let mut j = k;
    while j > 0 && k - j < 5 {
        j -= 1;
        if lex.stance_breaks.contains(toks, j) {
            break;
        }
        match lex.negators.match_at(toks, j) {
            // Only a negator that ends before the phrase; "no longer" seen from "longer" is
            // part of the one seen from "no".
            Some((len, _)) if j + len <= k && !inside_negator(toks, j, lex) => count += 1,
            _ => {}
        }
    }
    count % 2 == 1
}

/// Is token `j` the continuation of a longer negator that starts before it ("no longer")?
fn inside_negator(toks: &[Token], j: usize, lex: &Lexicon) -> bool {
    (j.saturating_sub(3)..j).any(|s| {
        lex.negators
            .match_at(toks, s)
            .is_some_and(|(len, _)| s + len > j)
    })
}

fn hedged(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let lo = k.saturating_sub(8);
    (lo..k).any(|j| lex.hedges.contains(toks, j))
}

/// Is a stance phrase at `k..end` the object of a denial?
fn denied(toks: &[Token], k: usize, end: usize, lex: &Lexicon) -> bool {
    let lo = k.saturating_sub(16);
    if (lo..k).any(|j| lex.denials.contains(toks, j)) {
        return true;
    }
    // "reports that ... are incorrect"
    let reports_before = (lo..k).any(|j| lex.report_nouns.contains(toks, j));
    let after = (end..(end + 12).min(toks.len()))
        .any(|j| lex.denials.contains(toks, j) || lex.denials_after.contains(toks, j));
    reports_before && after
}

/// Is the noun at `k` the object of a reporting or denying verb ("Ukraine reports withdrawal"),
/// not of a preposition ("the reason for the withdrawal")?
fn reported_noun(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let mut j = k;
    while j > 0 && lex.determiners.contains(toks, j - 1) {
        j -= 1;
    }
    if j > 0 && lex.noun_blockers.contains(toks, j - 1) {
        return false;
    }
    (k.saturating_sub(6)..k).any(|x| {
        lex.speech_verbs.contains(toks, x)
            || lex.denials.contains(toks, x)
            || lex.denials_after.contains(toks, x)
    })
}

/// The party a stance of question `q` at token `k` is about: a party of the question named in
/// the sentence (before `k` first), else the previous sentence's when the sentence refers back
/// to it. A question about anyone takes the nearest party, or none.
fn subject(
    q: usize,
    k: usize,
    parties: &[(usize, usize)],
    ante: &Antecedent,
    anaphora: bool,
    lex: &Lexicon,
) -> Option<Option<usize>> {
    let allowed = &lex.questions[q].1;
    let fits = |p: &usize| allowed.is_empty() || allowed.contains(p);
    let named = parties
        .iter()
        .filter(|(i, _)| *i < k)
        .map(|(_, p)| *p)
        .find(fits)
        .or_else(|| parties.iter().map(|(_, p)| *p).find(fits));
    let referred = ante.party.filter(|p| anaphora && fits(p));
    match named.or(referred) {
        Some(p) => Some(Some(p)),
        None if allowed.is_empty() => Some(None),
        None => None,
    }
}

/// Stance mentions of one sentence.
pub fn find_stances(
    toks: &[Token],
    lex: &Lexicon,
    parties: &[(usize, usize)],
    ante: &Antecedent,
) -> Vec<StanceMention> {
    if lex.questions.is_empty() {
        return Vec::new();
    }
    let anaphora = (0..toks.len()).any(|k| lex.anaphora.contains(toks, k));
    let mut out: Vec<StanceMention> = Vec::new();
    for (k, len, tag) in lex.stance.find_all(toks, 0, toks.len()) {
        let end = k + len;
        let cue = stance_cue(tag);
        if hedged(toks, k, lex) {
            continue;
        }
        let neg = negated(toks, k, lex);
        let mut take = match cue.form {
            Form::Says if neg => cue.take.opposite(),
            Form::Says => cue.take,
            Form::Negated if neg => cue.take,
            Form::Negated => continue,
            Form::Noun if reported_noun(toks, k, lex) => cue.take,
            Form::Noun => continue,
        };
        if denied(toks, k, end, lex) {
            take = take.opposite();
        }
        let Some(party) = subject(take.question, k, parties, ante, anaphora, lex) else {
            continue;
        };
        // "not observed or detected": one mention.
        if let Some(last) = out.last_mut() {
            if last.stance == Some(take) && k <= last.tok_end + 3 {
                last.tok_end = end;
                continue;
            }
        }
        out.push(StanceMention {
            stance: Some(take),
            party,
            tok_start: k,
            tok_end: end,
            anchor: k,
        });
    }
    if out.is_empty() {
        if let Some(m) = bare_denial(toks, lex, ante) {
            out.push(m);
        }
    }
    out
}

/// A bare denial: "Budanov denied these reports", "The media reports are incorrect"; not
/// "reports of their deployment", whose object is another question.
fn bare_denial(toks: &[Token], lex: &Lexicon, ante: &Antecedent) -> Option<StanceMention> {
    let denial = |j: usize| lex.denials.contains(toks, j) || lex.denials_after.contains(toks, j);
    let reports_near = |j: usize| {
        (j.saturating_sub(3)..(j + 4).min(toks.len())).any(|x| {
            lex.report_nouns.contains(toks, x) && !lex.report_objects.contains(toks, x + 1)
        })
    };
    let j = (0..toks.len()).find(|&j| denial(j) && reports_near(j))?;
    let about_a_question = |p: &usize| lex.questions.iter().any(|(_, ps)| ps.contains(p));
    let party = ante
        .party
        .filter(about_a_question)
        .or_else(|| lex.questions.iter().find_map(|(_, ps)| ps.first().copied()));
    Some(StanceMention {
        stance: None,
        party,
        tok_start: j,
        tok_end: j + 1,
        anchor: (j + 1).min(toks.len() - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The position keys of the stances of `s` (`None`: a bare denial), read with `lex`.
    fn stances_with(lex: &Lexicon, s: &str) -> Vec<Option<String>> {
        let toks = lex.tokenize(s, 0);
        let nk = lex.party_names.iter().position(|p| p == "North Korea");
        let parties = crate::figure::people_parties(&toks, lex);
        find_stances(
            &toks,
            lex,
            &parties,
            &Antecedent {
                party: nk,
                ..Antecedent::default()
            },
        )
        .into_iter()
        .map(|m| {
            m.stance.map(|t| {
                lex.questions[t.question].0.positions[t.position]
                    .key
                    .clone()
            })
        })
        .collect()
    }

    /// The same with the built-in lexicon, as `&str`s.
    fn stances(s: &str) -> Vec<Option<&'static str>> {
        stances_with(Lexicon::shared(), s)
            .into_iter()
            .map(|k| k.map(|k| &*k.leak()))
            .collect()
    }

    const ENGAGED: Option<&str> = Some("engaged");
    const WITHDRAWN: Option<&str> = Some("withdrawn");

    #[test]
    fn plain_and_negated() {
        assert_eq!(
            stances("About 8,000 North Korean soldiers are still fighting."),
            [ENGAGED]
        );
        assert_eq!(
            stances("Soldiers from the DPRK have not been participating in the fighting since mid-January."),
            [WITHDRAWN]
        );
        assert_eq!(
            stances("Ukraine's special forces had not faced Pyongyang's soldiers for three weeks."),
            [WITHDRAWN]
        );
    }

    #[test]
    fn every_form_of_negation() {
        for (s, want) in [
            (
                "North Korean troops are no longer engaged in combat, Budanov said.",
                WITHDRAWN,
            ),
            (
                "North Korean troops are no longer participating in the fighting.",
                WITHDRAWN,
            ),
            (
                "North Korean troops have not been withdrawn, Budanov said.",
                ENGAGED,
            ),
            (
                "Budanov denied that the North Korean troops had withdrawn.",
                ENGAGED,
            ),
            (
                "It is not true that North Korean troops are still fighting.",
                WITHDRAWN,
            ),
            ("North Korean troops have never stopped fighting.", ENGAGED),
        ] {
            assert_eq!(stances(s), [want], "{s}");
        }
    }

    #[test]
    fn denial_flips() {
        assert_eq!(
            stances("Budanov denied reports that North Korean soldiers have not been seen on the front line."),
            [ENGAGED]
        );
        assert_eq!(
            stances("Budanov said media reports that these troops had not been seen for weeks were “incorrect.”"),
            [ENGAGED]
        );
        assert_eq!(
            stances("Ukraine's spy chief Kyrylo Budanov denied these reports."),
            [None]
        );
    }

    #[test]
    fn plans_questions_and_mere_nouns_are_not_stances() {
        assert!(stances(
            "It is unclear whether North Korean troops will return to participate in assaults."
        )
        .is_empty());
        assert!(stances("However, they plan to continue to be actively engaged.").is_empty());
        assert!(stances(
            "The most likely reason for the withdrawal of North Korean troops is losses."
        )
        .is_empty());
        assert_eq!(
            stances("Ukraine Reports Withdrawal of North Korean Troops from Kursk"),
            [WITHDRAWN]
        );
    }

    #[test]
    fn other_parties_do_not_count() {
        assert!(stances("Russian forces withdrew from the village.").is_empty());
    }

    #[test]
    fn a_corpus_declares_its_own_questions() {
        let ext = r#"
[[question]]
id = "dam"
label = "Did the dam fail?"
[[question.position]]
key = "failed"
phrases = ["collapsed", "burst", "gave way"]
[[question.position]]
key = "held"
phrases = ["held", "withstood"]
negated = ["breached"]
"#;
        let lex = Lexicon::with_extensions(&[("x/lexicon.toml".into(), ext.into())]).unwrap();
        assert_eq!(
            lex.questions.len(),
            1,
            "the corpus's question replaces the default"
        );
        let keys = |s: &str| stances_with(&lex, s);
        assert_eq!(
            keys("The dam collapsed on Sunday, officials said."),
            [Some("failed".into())]
        );
        assert_eq!(
            keys("The dam has not burst, the mayor said."),
            [Some("held".into())]
        );
        assert_eq!(
            keys("The dam was not breached, the mayor said."),
            [Some("held".into())]
        );
        assert!(keys("North Korean troops withdrew.").is_empty());
        let none =
            Lexicon::with_extensions(&[("x/lexicon.toml".into(), "question = []".into())]).unwrap();
        assert!(stances_with(&none, "North Korean troops are still fighting.").is_empty());
    }
}
