//! What a figure counts: its subject, a short normalised description from the counted noun
//! phrase, the metric and the place ("North Korean troops, fighting, Kursk", "people, killed,
//! Eastern Marapi province"). Contradictions compare figures only within one subject scope
//! (`claimscope_model::conflict::scope`: the metric and the place).

use crate::claimant::is_count;
use crate::figure::Figure;
use crate::lexicon::Lexicon;
use crate::token::Token;
use claimscope_model::model::Metric;

/// How far after the counted noun a place may be named ("killed in Derna on Monday").
const PLACE_REACH: usize = 8;

/// The subject of `fig` in the sentence `toks`: "group, metric[, place]" (the group is "people"
/// when the count has no noun of its own: "23 died").
pub fn subject(toks: &[Token], fig: &Figure, lex: &Lexicon) -> String {
    let group = group(toks, fig, lex);
    let mut out = group;
    if fig.metric != Metric::Other {
        out.push_str(", ");
        out.push_str(fig.metric.as_str());
    }
    if let Some(place) = place(toks, fig, lex) {
        out.push_str(", ");
        out.push_str(&place);
    }
    out
}

/// The counted noun phrase's words after the number, lower case but for names ("North Korean
/// soldiers"); "people" when there are none or only a pronoun ("300 of them").
fn group(toks: &[Token], fig: &Figure, lex: &Lexicon) -> String {
    let g = &lex.grammar;
    let words: Vec<&str> = toks[fig.anchor..fig.tok_end]
        .iter()
        .filter(|t| t.is_word() && !is_count(t, lex))
        .filter(|t| !(t.is("of") || g.of_determiners.has(t) || g.pronoun_heads.has(t)))
        // "between 50 and 70 people", "eight or nine dead": the range's words.
        .filter(|t| {
            fig.value_high.is_none()
                || !(t.is("and") || g.range_words.has(t) || g.range_leads.has(t))
        })
        // "2,700 wounded": the metric says it.
        .filter(|t| lex.metrics.match_at(std::slice::from_ref(*t), 0).is_none())
        .map(|t| {
            if t.is_capitalized() {
                t.text
            } else {
                t.norm.as_str()
            }
        })
        .collect();
    if words.is_empty() {
        "people".to_string()
    } else {
        words.join(" ")
    }
}

/// The place the count is scoped to: a locative after the counted noun in its clause ("died in
/// Eastern Marapi province", "killed in Derna"), or a sentence that opens with one ("In Tavani
/// County, 41 were killed"). Times ("on Sunday", "in June") are no places.
fn place(toks: &[Token], fig: &Figure, lex: &Lexicon) -> Option<String> {
    let end = toks.len().min(fig.tok_end + PLACE_REACH);
    let after = (fig.tok_end..end)
        .take_while(|&k| !toks[k].is_punct(',') && !toks[k].is_punct(';'))
        .find_map(|k| named_after(toks, k, lex));
    let opening = || {
        let comma = (0..fig.tok_start).find(|&k| toks[k].is_punct(','))?;
        named_after(toks, 0, lex).filter(|_| comma < fig.tok_start)
    };
    after.or_else(opening)
}

/// "in Derna", "at the Gurin treatment centre": a locative at `k` and the name after it (its
/// capitalised words and a place noun after them: "Eastern Marapi province").
fn named_after(toks: &[Token], k: usize, lex: &Lexicon) -> Option<String> {
    let g = &lex.grammar;
    let t = &toks[k];
    if !g.name_prepositions.has(t) {
        return None;
    }
    let mut start = k + 1 + usize::from(toks.get(k + 1).is_some_and(|n| n.is("the")));
    // "in Russia's Kursk region": the place inside the country.
    if toks
        .get(start)
        .is_some_and(|n| n.possessive && n.is_capitalized())
    {
        start += 1;
    }
    let mut e = start;
    while e < toks.len()
        && e - start < 4
        && toks[e].is_word()
        && toks[e].is_capitalized()
        && !g.place_heads.has(&toks[e])
    {
        e += 1;
    }
    let timed = (start..e).any(|i| g.time_words.has(&toks[i]));
    // "in the Russian region": an adjective of a party, no place's name.
    let party_word = lex.parties.find_all(toks, start, e).len() == e - start;
    if e == start || timed || (party_word && toks.get(e).is_some_and(|n| !n.is_capitalized())) {
        return None;
    }
    // The name without its place noun ("Kursk Oblast", "Kursk region" → "Kursk").
    let words: Vec<&str> = toks[start..e].iter().map(|t| t.text).collect();
    Some(words.join(" "))
}
