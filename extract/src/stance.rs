//! Stances on the story's open question: are the troops still at the front (`engaged`) or have
//! they been pulled back (`withdrawn`)?
//!
//! Stance phrases come from the lexicon. Negation flips them ("have not been participating"),
//! observation verbs count only when negated ("have not been seen"), denial flips what is denied
//! ("denied reports that they had been withdrawn", "media reports ... are incorrect"), and a
//! bare denial ("Budanov denied these reports") takes the opposite of the stance last reported
//! by someone else. Questions and plans ("whether they will return") are not claims.

use crate::figure::Antecedent;
use crate::lexicon::{stance_cue, Lexicon, StanceCue};
use crate::token::Token;
use claimscope_model::model::Stance;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceMention {
    /// `None` for a bare denial: the caller resolves it against earlier stances.
    pub stance: Option<Stance>,
    pub party: usize,
    pub tok_start: usize,
    pub tok_end: usize,
    /// The token whose frame of attribution applies (a denial's object, not the denial).
    pub anchor: usize,
}

fn clause_break(t: &Token) -> bool {
    t.is_punct(',')
        || t.is_punct(';')
        || t.is_punct(':')
        || t.is("that")
        || t.is("but")
        || t.is("although")
}

/// Is the phrase at `k` negated (an odd number of negators in the words just before it)?
fn negated(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let mut count = 0;
    let mut j = k;
    while j > 0 && k - j < 5 {
        j -= 1;
        if clause_break(&toks[j]) {
            break;
        }
        if lex.negators.contains(toks, j) {
            count += 1;
        }
        // "no longer" is one negator.
        if toks[j].is("no") && toks.get(j + 1).is_some_and(|t| t.is("longer")) && j + 1 < k {
            count -= 1;
        }
    }
    count % 2 == 1
}

fn hedged(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let lo = k.saturating_sub(8);
    (lo..k).any(|j| lex.hedges.contains(toks, j))
}

/// Is a stance phrase at `k..end` the object of a denial?
fn denied(toks: &[Token], k: usize, end: usize, lex: &Lexicon) -> bool {
    let lo = k.saturating_sub(16);
    let before = (lo..k)
        .any(|j| lex.denials.contains(toks, j) && !toks[j].is("wrong") && !toks[j].is("false"));
    if before {
        return true;
    }
    // "reports that ... are incorrect"
    let reports_before =
        (lo..k).any(|j| toks[j].is("reports") || toks[j].is("claims") || toks[j].is("report"));
    let after = (end..(end + 12).min(toks.len())).any(|j| lex.denials.contains(toks, j));
    reports_before && after
}

/// Stance mentions of one sentence.
pub fn find_stances(
    toks: &[Token],
    lex: &Lexicon,
    parties: &[(usize, usize)],
    ante: &Antecedent,
) -> Vec<StanceMention> {
    let anaphora = (0..toks.len()).any(|k| lex.anaphora.contains(toks, k));
    let subject = |k: usize| -> Option<usize> {
        let named = parties
            .iter()
            .filter(|(i, _)| *i < k)
            .map(|(_, p)| *p)
            .find(|p| lex.stance_parties.contains(p))
            .or_else(|| {
                parties
                    .iter()
                    .map(|(_, p)| *p)
                    .find(|p| lex.stance_parties.contains(p))
            });
        named.or_else(|| {
            ante.party
                .filter(|p| anaphora && lex.stance_parties.contains(p))
        })
    };
    let mut out: Vec<StanceMention> = Vec::new();
    for (k, len, tag) in lex.stance.find_all(toks, 0, toks.len()) {
        let end = k + len;
        let cue = stance_cue(tag);
        if hedged(toks, k, lex) {
            continue;
        }
        let neg = negated(toks, k, lex);
        let mut stance = match cue {
            StanceCue::Says(s) => {
                if neg {
                    s.opposite()
                } else {
                    s
                }
            }
            StanceCue::Absence => {
                if !neg {
                    continue;
                }
                Stance::Withdrawn
            }
            StanceCue::WithdrawalNoun => {
                // Only as what someone reports or denies: "Ukraine Reports Withdrawal".
                let mut j = k;
                while j > 0 && matches!(toks[j - 1].norm.as_str(), "the" | "a" | "an") {
                    j -= 1;
                }
                let before = j.checked_sub(1).map(|x| toks[x].norm.as_str());
                if matches!(
                    before,
                    Some(
                        "of" | "for"
                            | "regarding"
                            | "on"
                            | "after"
                            | "following"
                            | "amid"
                            | "behind"
                            | "since"
                            | "to"
                    )
                ) {
                    continue;
                }
                let governed = (k.saturating_sub(6)..k)
                    .any(|x| lex.speech_verbs.contains(toks, x) || lex.denials.contains(toks, x));
                if !governed {
                    continue;
                }
                Stance::Withdrawn
            }
        };
        if denied(toks, k, end, lex) {
            stance = stance.opposite();
        }
        let Some(party) = subject(k) else { continue };
        // "not observed or detected": one mention.
        if let Some(last) = out.last_mut() {
            if last.stance == Some(stance) && k <= last.tok_end + 3 {
                last.tok_end = end;
                continue;
            }
        }
        out.push(StanceMention {
            stance: Some(stance),
            party,
            tok_start: k,
            tok_end: end,
            anchor: k,
        });
    }
    if out.is_empty() {
        // A bare denial: "Budanov denied these reports", "The media reports are incorrect".
        for j in 0..toks.len() {
            if !lex.denials.contains(toks, j) {
                continue;
            }
            // Bare: "these reports", "the media reports are incorrect"; not "reports of their
            // deployment", whose object is another question.
            let reports_near = (j.saturating_sub(3)..(j + 4).min(toks.len())).any(|x| {
                matches!(
                    toks[x].norm.as_str(),
                    "reports" | "report" | "claims" | "reporting"
                ) && !toks.get(x + 1).is_some_and(|n| {
                    matches!(
                        n.norm.as_str(),
                        "of" | "about" | "that" | "on" | "regarding"
                    )
                })
            });
            if reports_near {
                if let Some(party) = ante
                    .party
                    .filter(|p| lex.stance_parties.contains(p))
                    .or_else(|| lex.stance_parties.first().copied())
                {
                    out.push(StanceMention {
                        stance: None,
                        party,
                        tok_start: j,
                        tok_end: j + 1,
                        anchor: (j + 1).min(toks.len() - 1),
                    });
                }
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stances(s: &str) -> Vec<Option<Stance>> {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize(s, 0);
        let nk = lex.party_names.iter().position(|p| p == "North Korea");
        let parties = crate::figure::people_parties(&toks, &lex);
        find_stances(&toks, &lex, &parties, &Antecedent { party: nk })
            .into_iter()
            .map(|m| m.stance)
            .collect()
    }

    #[test]
    fn plain_and_negated() {
        assert_eq!(
            stances("About 8,000 North Korean soldiers are still fighting."),
            [Some(Stance::Engaged)]
        );
        assert_eq!(
            stances("Soldiers from the DPRK have not been participating in the fighting since mid-January."),
            [Some(Stance::Withdrawn)]
        );
        assert_eq!(
            stances("Ukraine's special forces had not faced Pyongyang's soldiers for three weeks."),
            [Some(Stance::Withdrawn)]
        );
    }

    #[test]
    fn denial_flips() {
        assert_eq!(
            stances("Budanov denied reports that North Korean soldiers have not been seen on the front line."),
            [Some(Stance::Engaged)]
        );
        assert_eq!(
            stances("Budanov said media reports that these troops had not been seen for weeks were “incorrect.”"),
            [Some(Stance::Engaged)]
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
            [Some(Stance::Withdrawn)]
        );
    }

    #[test]
    fn other_parties_do_not_count() {
        assert!(stances("Russian forces withdrew from the village.").is_empty());
    }
}
