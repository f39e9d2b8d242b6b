//! Who says what: reported-speech frames in a sentence and the claimants they name.
//!
//! A [`Frame`] ties a claimant to the stretch of the sentence it reports: "X said (that) ...",
//! "..., X said", "“...,” said X", "according to X, ...", "..., according to X", "X, citing Y,
//! reported ...", "was reported by X". Claimants resolve through the entity table
//! ("the head of the GUR" → Kyrylo Budanov), pronouns and role nouns ("he", "the president")
//! through the claimants seen earlier in the document.

use crate::claimant::resolve;
pub use crate::claimant::{Claimant, History};
use crate::date::{find_dates_in, DateExpr};
use crate::lexicon::{EntityKind, Lexicon};
use crate::token::{is_quote_token, Token};

/// A claimant and the tokens of the sentence whose content they report.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Who the source words name; `None` when they name nobody the engine can tell.
    pub claimant: Option<Claimant>,
    /// Token range of the claimant's words.
    pub np: (usize, usize),
    /// Token range of the words that report ("said", "according to", ":").
    pub cue: (usize, usize),
    /// Token range of what is attributed.
    pub content: (usize, usize),
    /// "according to" and "citing" frames beat a subject's "believes that".
    pub strong: bool,
    pub via: Vec<String>,
    pub stated: Option<DateExpr>,
}

/// Where a relative clause that ends at the comma `close` opens: the comma before its "which"
/// or "who", a few commas back (no quotation in between), after a noun phrase.
fn relative_aside(toks: &[Token], close: usize, lex: &Lexicon) -> Option<usize> {
    const MAX_BACK: usize = 30;
    (close.saturating_sub(MAX_BACK).max(1)..close)
        .rev()
        .take_while(|&k| !is_quote_token(&toks[k]))
        .find(|&k| {
            toks[k].is_punct(',')
                && toks
                    .get(k + 1)
                    .is_some_and(|t| lex.grammar.relatives.has(t))
        })
}

/// A lower-case clause stop (`[clause] stops`) ends a claimant's noun phrase.
fn is_stop(t: &Token, lex: &Lexicon) -> bool {
    lex.grammar.clause_stops.has(t) && !t.is_capitalized()
}

/// A subject's token range and, for "X, citing Y,", the range of Y.
type Subject = (usize, usize, Option<(usize, usize)>);

/// The claimant's words to the left of a verb at `v`: `(start, end)`, plus a `citing` span
/// when the subject is "X, citing Y," (then Y is the claimant and X a relay).
fn subject_left(toks: &[Token], v: usize, lex: &Lexicon) -> Option<Subject> {
    let mut j = v;
    let be = &lex.grammar.be;
    while j > 0 && is_adverb(toks, j - 1, lex) && !be.has(&toks[j - 1]) {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    if be.has(&toks[j - 1]) {
        return None; // passive: "is estimated to", "are believed to"
    }
    let mut end = j;
    let mut citing = None;
    // "The justice -- who has been in a scuffle -- said": a dashed aside.
    if let Some(close) = spaced_dash(toks, end - 1) {
        end = (0..close).rev().find_map(|k| spaced_dash(toks, k))?;
        if end == 0 {
            return None;
        }
    }
    if toks[end - 1].is_punct(',') {
        // "X, citing Y, reported" or "X, description, said".
        let seg_end = end - 1;
        let seg_start = (0..seg_end)
            .rev()
            .find(|&k| toks[k].is_punct(','))
            .map(|k| k + 1)?;
        if toks.get(seg_start).is_some_and(|t| t.is("citing")) {
            citing = Some((seg_start + 1, seg_end));
            end = seg_start - 1;
        } else if is_aside(toks, seg_start, seg_end, lex) && seg_start >= 2 {
            // "X, which runs the mine, said", "X, speaking to reporters, said", "X, 52, said".
            end = seg_start - 1;
        } else if let Some(open) = relative_aside(toks, seg_end, lex) {
            // "MSF, which runs the hospital in Tawila, 60km to the west, said": a relative
            // clause with commas of its own.
            end = open;
        } else if let Some(name_end) = described_name(toks, seg_start, seg_end, lex) {
            // "Radio Luangwe, a community station in Chikoba, reported", "The Kenya Civic
            // Rights Monitor, an independent group, said": an appositive that describes the
            // name before it (not a role that names its organisation: "X, a spokesman for
            // the agency, said" tells both). "Sukanta Das, 34, a mason, said": the age too.
            end = name_end;
        } else if let Some(from) = home_aside(toks, seg_start) {
            // "Mary Jones, of Greenville, South Carolina, says".
            end = from - 1;
        } else {
            end = seg_end;
        }
    }
    // "In a statement, it said": a pronoun is the whole subject.
    if end > 0 && lex.pronouns.contains(toks, end - 1) && !toks[end - 1].is_capitalized() {
        return Some((end - 1, end, citing));
    }
    let mut k = collect_left(toks, end, lex);
    // "In Marseille the prefecture counted", "In June the ministry said": an article right
    // after a name starts the subject; after an opening phrase, after any word ("In its
    // evening update the health ministry put").
    // (After a live blog's time stamp: "20:15 — In its evening update the ministry put".)
    let opening = toks.iter().position(Token::is_word).is_some_and(|i| {
        let stamp = |t: &Token| t.is_number() || ":-–—".chars().any(|c| t.is_punct(c));
        lex.grammar.prepositions.has(&toks[i]) && toks[..i].iter().all(stamp)
    });
    if let Some(a) = (k + 1..end).rev().find(|&a| {
        lex.grammar.articles.has(&toks[a])
            && toks[a - 1].is_word()
            && (toks[a - 1].is_capitalized() || opening)
    }) {
        k = a;
    }
    // "A police report seen by the Herald estimated": the report is the subject, not who saw it.
    // "A survey published in May estimated": a report's date aside is no subject either.
    let aside = |p: &Token| lex.grammar.agent_prepositions.has(p) || lex.grammar.date_leads.has(p);
    if k >= 3
        && k < end
        && aside(&toks[k - 1])
        && (lex.grammar.participle_asides.has(&toks[k - 2])
            || lex.speech_verbs.contains(toks, k - 2))
        && lex.source_nouns.contains(toks, k - 3)
    {
        k = collect_left(toks, k - 3, lex);
    }
    // "The Kremlin on Monday rejected": step over a time adverbial and go on.
    if k < end && k >= 2 && lex.grammar.date_leads.has(&toks[k - 1]) {
        let dates = find_dates_in(&toks[k..end], &lex.grammar);
        if dates
            .first()
            .is_some_and(|d| d.tok_start == 0 && k + d.tok_end == end)
        {
            let outer = collect_left(toks, k - 1, lex);
            if outer < k - 1 {
                end = k - 1;
                k = outer;
            }
        }
    }
    // A list: "agencies from Western nations, South Korea, and Ukraine".
    if k < end && toks[k].is("and") {
        let mut items = 0;
        while items < 3 && k >= 2 && toks[k - 1].is_punct(',') && end - k < 14 {
            let mut m = k - 1;
            while m > 0
                && !toks[m - 1].is_punct(',')
                && !toks[m - 1].is_number()
                && !is_quote_token(&toks[m - 1])
                && (toks[m - 1].is_capitalized() || !is_stop(&toks[m - 1], lex))
            {
                m -= 1;
            }
            // "... since January, and the group estimates": a time is no item of a list, nor
            // a count's noun ("it has sent 168 rescuers, and Egypt says").
            let time = (m..k - 1).any(|j| lex.grammar.time_words.has(&toks[j]));
            let counted = m > 0 && toks[m - 1].is_number();
            // An item names someone: a name, or people ("two ships, and Egypt says" is none).
            let someone = (m..k - 1).any(|j| {
                toks[j].is_capitalized()
                    || lex.claimant_nouns.contains(toks, j)
                    || lex.people.contains(toks, j)
            });
            // An item is a noun phrase, not a clause ("Five people were killed, and officials
            // said").
            let clause = (m..k - 1).any(|j| {
                let t = &toks[j];
                be.has(t) || (!t.is_capitalized() && t.norm.len() > 4 && t.norm.ends_with("ed"))
            });
            if m == k - 1 || time || counted || !someone || clause {
                break;
            }
            k = m;
            items += 1;
        }
        // "..., and the group estimates", "..., and Egypt says": no list, a clause of its own.
        if items == 0 {
            k += 1;
        }
    }
    if k == end {
        return None;
    }
    // "Street medics who volunteer at demonstrations said": the noun before the relative.
    if let Some(w) = (k.saturating_sub(8)..k).rev().find(|&w| toks[w].is("who")) {
        let plain = (w..end).all(|j| !toks[j].is_punct(',') && !is_quote_token(&toks[j]));
        let head = collect_left(toks, w, lex);
        if plain && head < w {
            return Some((head, w, citing));
        }
    }
    // Appositive: "Oleksandr Kindratenko, spokesperson for the SOF, informed".
    // Not when the words after the comma are a name themselves ("..., the Philippine Red
    // Cross said").
    let named =
        lex.grammar.articles.has(&toks[k]) && toks.get(k + 1).is_some_and(|t| t.is_capitalized());
    // Not an institution after a place ("..., Mwachande County, the ministry said") nor a
    // sentence's opening phrase ("In Lyon, police said").
    let g = &lex.grammar;
    let head = (k..end)
        .find(|&j| g.prepositions.has(&toks[j]))
        .map_or(end - 1, |j| j.saturating_sub(1).max(k));
    let institution = g.institutions.has(&toks[head]) || g.org_heads.has(&toks[head]);
    if !toks[k].is_capitalized() && !named && !institution && k >= 2 && toks[k - 1].is_punct(',') {
        let mut n = k - 1;
        while n > 0
            && toks[n - 1].is_capitalized()
            && toks[n - 1].is_word()
            && !g.prepositions.has(&toks[n - 1])
            && !g.openers.has(&toks[n - 1])
            && k - 1 - n < 4
        {
            n -= 1;
        }
        let placed = n > 0 && g.prepositions.has(&toks[n - 1]);
        if n < k - 1 && k - 1 - n >= 2 && !placed {
            k = n;
        }
    }
    Some((k, end, citing))
}

/// "Radio Luangwe, a community station in Chikoba, reported", "Sukanta Das, 34, a mason,
/// said": the segment `seg_start..seg_end` between commas describes the name before it (and
/// its age); where that name ends.
fn described_name(
    toks: &[Token],
    seg_start: usize,
    seg_end: usize,
    lex: &Lexicon,
) -> Option<usize> {
    if seg_start < 2 || !(toks[seg_start].is("a") || toks[seg_start].is("an")) {
        return None;
    }
    let comma = seg_start - 1;
    let aged = comma >= 3 && toks[comma - 1].is_number() && toks[comma - 2].is_punct(',');
    let name_end = if aged { comma - 2 } else { comma };
    let described = toks[name_end - 1].is_capitalized()
        && (collect_left(toks, seg_end, lex) > seg_start
            || named_subject(toks, name_end, lex)
                && !(seg_start..seg_end).any(|k| lex.grammar.prepositions.has(&toks[k])));
    described.then_some(name_end)
}

/// The words before `end` are a name that opens the sentence or its clause ("The Kenya Civic
/// Rights Monitor"), not an opening phrase ("In Kiboroni", "On Monday").
fn named_subject(toks: &[Token], end: usize, lex: &Lexicon) -> bool {
    let from = collect_left(toks, end, lex);
    let opens = from == 0 || toks[from - 1].is_punct(',') || is_quote_token(&toks[from - 1]);
    let name = toks[from..end]
        .iter()
        .all(|t| t.is_capitalized() || lex.grammar.articles.has(t) || !t.is_word());
    from < end && opens && name && !lex.grammar.prepositions.has(&toks[from])
}

/// "In a new Fox News poll, Cruz had 38 percent": an opening "in" phrase ending in a thing
/// that reports, then a comma; it reports the rest of the sentence.
fn report_opening(toks: &[Token], i: usize, lex: &Lexicon, history: &History) -> Option<Frame> {
    let opens = i == 0 || (i == 1 && lex.grammar.openers.has(&toks[0]));
    if !opens || !toks[i].is("in") {
        return None;
    }
    let comma = (i + 1..toks.len().min(i + 14)).find(|&k| toks[k].is_punct(','))?;
    let (s, e) = (i + 1, comma);
    if !(s..e).any(|k| lex.source_nouns.contains(toks, k)) {
        return None;
    }
    let claimant = resolve(toks, s, e, lex, history).flatten();
    Some(Frame {
        claimant,
        np: (s, e),
        cue: (i, i + 1),
        content: (comma + 1, toks.len()),
        strong: false,
        via: Vec::new(),
        stated: None,
    })
}

/// A capitalised word opening a sentence names someone when the article named them before
/// ("Sanders says ...") or it is no plural ("Clinton says", not "Reports say").
fn known_name(t: &Token, history: &History) -> bool {
    t.is_capitalized() && (history.by_surname(t.text).is_some() || !t.norm.ends_with('s'))
}

/// Words before a verb that are no subject: an adverbial ("From a microphone", "Perhaps",
/// "Walking to the stage", "for instance"), punctuation alone.
fn adverbial(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> bool {
    let first = &toks[s];
    let g = &lex.grammar;
    !toks[s..e].iter().any(|t| t.is_word())
        || g.prepositions.has(first)
        || g.openers.has(first)
        || g.coordinators.has(first)
        || (e - s == 1 && is_adverb(toks, s, lex))
        || (first.norm.ends_with("ing") && first.norm.len() > 5 && !lex.titles.contains(toks, s))
}

/// "Rescuers said they believed ...": a plural or personal pronoun heading a report inside
/// another speaker's report is that speaker.
fn matrix_pronoun(mut f: Frame, toks: &[Token], lex: &Lexicon, before: &[Frame]) -> Frame {
    let g = &lex.grammar;
    let pronoun = f.np.1 == f.np.0 + 1 && lex.pronouns.contains(toks, f.np.0);
    // "MSF ... said its teams had admitted 530": the possessive is the outer speaker's.
    let possessive = f.np.1 > f.np.0 + 1 && g.possessives.has(&toks[f.np.0]);
    let outer = before
        .iter()
        .rev()
        .find(|o| o.content.0 <= f.np.0 && f.np.0 < o.content.1 && o.cue.1 <= f.np.0);
    if let (true, Some(o)) = (pronoun || possessive, outer) {
        let thing = g.thing_pronouns.has(&toks[f.np.0]) || g.thing_possessives.has(&toks[f.np.0]);
        let person = |c: &Claimant| c.person && c.org.as_ref() != Some(&c.source);
        if o.claimant
            .as_ref()
            .is_some_and(|c| person(c) != thing || !thing)
        {
            f.claimant = o.claimant.clone();
        }
    }
    f
}

/// An adverb between a subject and its verb: a listed one, or a lower-case word in "-ly"
/// ("publicly", "repeatedly").
fn is_adverb(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let t = &toks[i];
    lex.adverbs.contains(toks, i)
        || (!t.is_capitalized() && t.is_word() && t.norm.len() > 4 && t.norm.ends_with("ly"))
}

/// The subject of the sentence's main clause, before `v`: the noun phrase after any opening
/// conjunction or adverbial phrase ("But on Monday, the ministry ...").
fn sentence_subject(toks: &[Token], v: usize, lex: &Lexicon) -> Option<(usize, usize)> {
    let mut k = 0;
    while k < v && (lex.grammar.openers.has(&toks[k]) || is_quote_token(&toks[k])) {
        let comma = (k..v.min(k + 10)).find(|&j| toks[j].is_punct(','));
        k = match comma {
            Some(c) if !lex.grammar.coordinators.has(&toks[k]) && toks[k].norm != "so" => c + 1,
            _ => k + 1,
        };
    }
    let (s, e) = np_right(toks, k, lex);
    (s < e && e <= v).then_some((s, e))
}

/// "..., adding that ...", "... and said": the verb's subject is the clause's, the one of the
/// frame before it in the sentence or else the sentence's subject.
fn shared_subject(
    toks: &[Token],
    v: usize,
    len: usize,
    lex: &Lexicon,
    history: &History,
    before: &[Frame],
) -> Option<Frame> {
    let (np, claimant) = match before.last().filter(|f| f.cue.1 <= v) {
        Some(f) => (f.np, f.claimant.clone()),
        None => {
            let (s, e) = sentence_subject(toks, v, lex)?;
            ((s, e), resolve(toks, s, e, lex, history)?)
        }
    };
    Some(Frame {
        claimant,
        np,
        cue: (v, v + len),
        content: (v + len, toks.len()),
        strong: false,
        via: Vec::new(),
        stated: None,
    })
}

/// "Ms. Reyes, who said ...": the relative pronoun is the source, the noun phrase before it the
/// claimant.
fn relative_subject(
    toks: &[Token],
    v: usize,
    len: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Frame> {
    let mut j = v;
    while j > 0 && is_adverb(toks, j - 1, lex) {
        j -= 1;
    }
    let r = j.checked_sub(1)?;
    if !lex.grammar.relatives.has(&toks[r]) {
        return None;
    }
    let mut end = if r > 0 && toks[r - 1].is_punct(',') {
        r - 1
    } else {
        r
    };
    let mut start = collect_left(toks, end, lex);
    if start >= end {
        return None;
    }
    // "U.S. documents leaked in April, which estimated": not the date, what it dates.
    let dated = start >= 3
        && lex.grammar.date_leads.has(&toks[start - 1])
        && find_dates_in(&toks[start..end], &lex.grammar)
            .first()
            .is_some_and(|d| d.tok_start == 0 && start + d.tok_end == end);
    if dated {
        end = start - 1;
        if toks[end - 1].norm.ends_with("ed") {
            end -= 1;
        }
        start = collect_left(toks, end, lex);
        if start >= end {
            return None;
        }
    }
    // "Grace Mulenga, a fish seller at the market, who said": the name the appositive
    // describes.
    if let Some(c) = (1..start).rev().find(|&k| toks[k].is_punct(',')) {
        let name = collect_left(toks, c, lex);
        let appositive = toks[c + 1].is("a") || toks[c + 1].is("an");
        if appositive && name < c && toks[name..c].iter().all(Token::is_capitalized) {
            (start, end) = (name, c);
        }
    }
    let claimant = resolve(toks, start, end, lex, history)?;
    Some(Frame {
        claimant,
        np: (r, r + 1),
        cue: (v, v + len),
        content: (v + len, toks.len()),
        strong: false,
        via: Vec::new(),
        stated: None,
    })
}

/// A stretch between commas that adds to the subject before it rather than naming it: a
/// relative clause ("which operates the mine"), a participle ("speaking to reporters") or an
/// age ("52").
fn is_aside(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> bool {
    let Some(first) = toks.get(s).filter(|_| s < e) else {
        return false;
    };
    lex.grammar.relatives.has(first)
        || first.is("whose")
        // "Police in Sonpura, however, say", "The ministry, in a statement, said".
        || lex.connectives.match_at(toks, s).is_some_and(|(len, _)| s + len == e)
        || (s..e).all(|k| is_adverb(toks, k, lex))
        || (first.norm.ends_with("ing") && !first.is_capitalized())
        // "The city's officials, now working from Zaporizhzhia, say".
        || (is_adverb(toks, s, lex)
            && toks
                .get(s + 1)
                .is_some_and(|t| s + 1 < e && t.norm.ends_with("ing") && !t.is_capitalized()))
        // "The WHO's estimate, seen by Reuters, put": a participle describes the subject.
        || (lex.grammar.participle_asides.has(first) || first.norm.ends_with("ed"))
            && !first.is_capitalized()
            && toks.get(s + 1).is_some_and(|t| lex.grammar.prepositions.has(t) || t.is("and"))
        // "X, 52, said", "Mr. Sperling, then 38, said".
        || (toks[e - 1].is_number() && (s..e - 1).all(|k| is_adverb(toks, k, lex)))
}

/// Where the dash ending at token `k` begins ("-", "--", "–", "—"), when the dash stands
/// apart with white space on both sides (not the hyphen of "front-runner").
fn spaced_dash(toks: &[Token], k: usize) -> Option<usize> {
    let dash = |t: &Token| ['-', '–', '—'].iter().any(|&c| t.is_punct(c));
    let joined = |a: &Token, b: &Token| a.end == b.start;
    if !dash(&toks[k]) || toks.get(k + 1).is_some_and(|n| joined(&toks[k], n)) {
        return None;
    }
    let mut s = k;
    while s > 0 && dash(&toks[s - 1]) && joined(&toks[s - 1], &toks[s]) {
        s -= 1;
    }
    (s > 0 && !joined(&toks[s - 1], &toks[s])).then_some(s)
}

/// Where a home-town aside before the comma-segment at `seg` begins: the segment itself is
/// ", of Greenville," / ", from Ohio,", or it is the place's region after one (", of
/// Greenville, South Carolina,"). `None` when there is no such aside or nothing before it.
fn home_aside(toks: &[Token], seg: usize) -> Option<usize> {
    let opens = |k: usize| {
        toks.get(k).is_some_and(|t| t.is("of") || t.is("from"))
            && toks.get(k + 1).is_some_and(|t| t.is_capitalized())
    };
    let start = if opens(seg) {
        seg
    } else {
        let prev = (0..seg.checked_sub(1)?)
            .rev()
            .find(|&k| toks[k].is_punct(','))?
            + 1;
        (toks[seg].is_capitalized() && opens(prev)).then_some(prev)?
    };
    (start >= 2 && toks[start - 2].is_word()).then_some(start)
}

/// Walks left from `end` over the words a claimant's noun phrase can hold; returns its start.
fn collect_left(toks: &[Token], end: usize, lex: &Lexicon) -> usize {
    let mut k = end;
    while k > 0 && end - k < 12 {
        let t = &toks[k - 1];
        // "Officials in San Lazaro", "sources at the Pentagon": a place after a noun.
        let place_of = lex.grammar.name_prepositions.has(t)
            && toks
                .get(k)
                .is_some_and(|n| n.is_capitalized() || n.is("the"))
            && k >= 2
            && (lex.claimant_nouns.contains(toks, k - 2)
                || lex.grammar.group_nouns.has(&toks[k - 2])
                || lex.grammar.org_heads.has(&toks[k - 2]));
        // "Immigration and Customs Enforcement", "Department of Health": one name ("Ministry
        // on Friday" is a name and a time).
        // "Ministry of the Interior": an article after the link, before a name.
        let named_from = |j: usize| {
            let j = j + usize::from(toks.get(j).is_some_and(|n| n.is("the")));
            toks.get(j)
                .is_some_and(|n| n.is_capitalized() && !lex.grammar.time_words.has(n))
        };
        let link = lex.grammar.org_links.has(t)
            && !t.is_capitalized()
            && k >= 2
            && toks[k - 2].is_capitalized()
            && named_from(k);
        let article_in_name = t.is("the")
            && k >= 3
            && lex.grammar.org_links.has(&toks[k - 2])
            && toks[k - 3].is_capitalized()
            && named_from(k);
        // "The WHO's estimate", "the report": a noun that could be a verb, after a determiner.
        let noun = lex.noun_like.contains(toks, k - 1)
            && k == end
            && k >= 2
            && (toks[k - 2].possessive || lex.grammar.articles.has(&toks[k - 2]));
        let ok = match t.kind {
            _ if noun || modifies_source_noun(toks, k - 1, lex) => true,
            // A hyphen inside a name ("Harvard-led"), not a dash between phrases ("22
            // September - State television says").
            crate::token::TokKind::Punct if t.text == "-" => {
                k >= 2
                    && toks[k - 2].end == t.start
                    && toks.get(k).is_some_and(|n| n.start == t.end)
            }
            crate::token::TokKind::Punct => matches!(t.text, "(" | ")" | "." | "/" | "&"),
            crate::token::TokKind::Number => false,
            crate::token::TokKind::Word => {
                place_of
                    || link
                    || article_in_name
                    || (!is_stop(t, lex)
                        && !lex.speech_verbs.contains(toks, k - 1)
                        && !lex.denials.contains(toks, k - 1)
                        && !looks_like_verb(t, lex))
                    || t.is_capitalized() && k - 1 == 0
                    // "The United States said": a capitalised word after another is a name's.
                    || t.is_capitalized() && k >= 2 && toks[k - 2].is_capitalized()
                    // The second half of a compound ("Texas-based", "Harvard-educated").
                    || k >= 2 && toks[k - 2].is_punct('-') && toks[k - 2].end == t.start
            }
        };
        // "As of this morning the government counts": a time before an article ends the
        // subject.
        let timed = lex.grammar.time_words.has(t)
            && toks.get(k).is_some_and(|n| lex.grammar.articles.has(n));
        // "And Patrick says": the word that opens the sentence is not the speaker's.
        if !ok || timed || (k == 1 && lex.grammar.openers.has(t)) {
            break;
        }
        k -= 1;
    }
    k
}

/// "An email relating to Benghazi", "a report on the floods": a preposition (and a participle
/// before it) after a source noun belongs to the subject.
fn modifies_source_noun(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    let t = &toks[k];
    let preposition = lex.grammar.prepositions.has(t) || t.is("to") || t.is("about");
    if !preposition || t.is_capitalized() || k == 0 {
        return false;
    }
    let participle = |i: usize| toks[i].norm.len() > 5 && toks[i].norm.ends_with("ing");
    let noun = if participle(k - 1) && k >= 2 {
        k - 2
    } else {
        k - 1
    };
    lex.source_nouns.contains(toks, noun)
}

/// A lower-case past-tense word ("rejected", "claimed") ends a subject; a few adjectives in
/// "-ed" (`[claimant] ed_adjectives`) do not ("armed forces", "unnamed official").
fn looks_like_verb(t: &Token, lex: &Lexicon) -> bool {
    !t.is_capitalized()
        && t.norm.len() > 4
        && t.norm.ends_with("ed")
        && !lex.grammar.ed_adjectives.has(t)
}

/// The claimant's words to the right of `s` ("according to X", "said X", "by X").
fn np_right(toks: &[Token], s: usize, lex: &Lexicon) -> (usize, usize) {
    let mut k = s;
    while k < toks.len() && k - s < 14 {
        let t = &toks[k];
        let ok = match t.kind {
            crate::token::TokKind::Punct => {
                matches!(t.text, "(" | ")" | "-" | "/" | "&")
                    || (t.text == "."
                        && k > s
                        && toks[k - 1].end == t.start
                        && k + 1 < toks.len()
                        && toks[k + 1].is_capitalized())
            }
            // "a 2014 Labor Department study", "the recent 50-state poll".
            crate::token::TokKind::Number => {
                k > s
                    && lex.grammar.articles.has(&toks[s])
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.is_word() || n.is_punct('-'))
            }
            crate::token::TokKind::Word => {
                if lex.grammar.name_prepositions.has(t) {
                    let next = toks.get(k + 1);
                    let next2 = toks.get(k + 2);
                    next.is_some_and(|n| n.is_capitalized())
                        || (next.is_some_and(|n| n.is("the"))
                            && next2.is_some_and(|n| n.is_capitalized()))
                } else {
                    !is_stop(t, lex)
                        && (k == s
                            || !lex.speech_verbs.contains(toks, k)
                            || lex.noun_like.contains(toks, k))
                        // "Reid caucused in Nevada": a past tense ends the phrase.
                        && (k == s || !looks_like_verb(t, lex))
                }
            }
        };
        if !ok {
            break;
        }
        k += 1;
    }
    (s, k)
}

/// Outlets named as the addressee of the verb ("told The War Zone", "in an interview with X").
fn via_after(toks: &[Token], from: usize, to: usize, lex: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = from;
    while i < to.min(toks.len()) {
        if let Some((len, _)) = lex.via.match_at(toks, i) {
            let (s, e) = np_right(toks, i + len, lex);
            for (_, _, tag) in lex.aliases.find_all(toks, s, e) {
                let ent = &lex.entities[tag as usize];
                if ent.kind == EntityKind::Outlet && !out.contains(&ent.name) {
                    out.push(ent.name.clone());
                }
            }
            i += len.max(1);
        } else {
            i += 1;
        }
    }
    out
}

fn date_in(toks: &[Token], from: usize, to: usize, lex: &Lexicon) -> Option<DateExpr> {
    let to = to.min(toks.len());
    if from >= to {
        return None;
    }
    find_dates_in(&toks[from..to], &lex.grammar)
        .into_iter()
        .find(|d| {
            let before = (from + d.tok_start).checked_sub(1).map(|k| &toks[k]);
            !before.is_some_and(|t| lex.grammar.not_stated_after.has(t))
        })
        .map(|d| d.expr)
}

/// "Deaths by province, NDMA: ...", "- Arrests, police: ...": a label whose last comma-separated
/// words before its colon name an organisation or a person, the source of what follows.
fn heading_source(toks: &[Token], lex: &Lexicon, history: &History) -> Option<Frame> {
    let colon = toks.iter().take(10).position(|t| t.is_punct(':'))?;
    let comma = toks[..colon].iter().rposition(|t| t.is_punct(','))?;
    if comma == 0 || colon - comma > 6 || toks[..comma].iter().any(|t| t.is_number()) {
        return None;
    }
    let c = resolve(toks, comma + 1, colon, lex, history)??;
    let named = toks[comma + 1..colon]
        .iter()
        .all(|t| t.is_word() && t.is_capitalized());
    (c.person || c.org.is_some() || named).then(|| Frame {
        claimant: Some(c),
        np: (comma + 1, colon),
        cue: (colon, colon + 1),
        content: (colon + 1, toks.len()),
        strong: false,
        via: Vec::new(),
        stated: None,
    })
}

/// All frames of one sentence; `inq` tells which tokens are inside a quotation.
pub fn frames(toks: &[Token], lex: &Lexicon, history: &History, inq: &[bool]) -> Vec<Frame> {
    let n = toks.len();
    let mut out: Vec<Frame> = Vec::new();
    // "Deaths by province, NDMA: Sindh (411), ...": a heading's source after its last comma.
    if let Some(f) = heading_source(toks, lex, history) {
        out.push(f);
    }
    // A headline's "Pentagon: ...", "Mark Cuban: ...", "Poll: ...": a name or a report
    // before a colon.
    if let Some(colon) = toks
        .iter()
        .take(6)
        .position(|t| t.is_punct(':'))
        .filter(|_| out.is_empty())
    {
        let named = lex
            .aliases
            .match_at(toks, 0)
            .is_some_and(|(len, _)| len == colon);
        let resolved = (colon > 0)
            .then(|| resolve(toks, 0, colon, lex, history))
            .flatten();
        let report = colon > 0 && lex.source_nouns.contains(toks, colon - 1);
        let speaker = resolved
            .as_ref()
            .is_some_and(|c| c.as_ref().is_some_and(|c| c.person || c.org.is_some()));
        // "Marco Rubio: ‘...’", "Insiders: ...", "Q: ...": capitalised words alone before it.
        let words: Vec<&str> = toks[..colon].iter().map(|t| t.norm.as_str()).collect();
        // "Analysis:", "Beirut blast live:", "Radio transcript:": a genre's label names nobody.
        // "HEALTH WORKERS: 423 health workers ...", "DEATHS BY COUNTRY: ...": a topic in
        // capitals before mixed-case text names nobody, unless it names a person or a body.
        let topic = colon > 0
            && toks[..colon].iter().all(|t| !t.is_word() || t.is_shouted())
            && toks[colon + 1..]
                .iter()
                .any(|t| t.text.chars().any(char::is_lowercase))
            && !speaker
            && !(0..colon).any(|k| lex.role_heads.contains(toks, k));
        let label = topic
            || lex.grammar.labels.contains(&words.join(" "))
            || (colon > 0 && lex.grammar.labels.contains(words[colon - 1]));
        let capitals = colon > 0
            && !label
            && n > colon + 3
            && toks[..colon]
                .iter()
                .all(|t| (t.is_word() && t.is_capitalized()) || t.is_punct('.'));
        let resolved = resolved.or(capitals.then_some(None));
        if let Some(c) = resolved.filter(|_| !label && (named || report || speaker || capitals)) {
            out.push(Frame {
                claimant: c,
                np: (0, colon),
                cue: (colon, colon + 1),
                content: (colon + 1, n),
                strong: false,
                via: Vec::new(),
                stated: None,
            });
        }
    }
    let words = toks.iter().filter(|t| t.is_word());
    let title_case = words.clone().filter(|t| t.is_capitalized()).count() * 3 >= words.count() * 2;
    let mut i = 0;
    while i < n {
        if inq[i] {
            i += 1;
            continue;
        }
        // "In a new poll, ...", "In its report, ...": the report says what follows.
        if let Some(f) = report_opening(toks, i, lex, history) {
            i = f.content.0;
            out.push(f);
            continue;
        }
        // according to X / citing X / per X
        if let Some((len, _)) = lex.according.match_at(toks, i) {
            let is_per = toks[i].is("per") && len == 1;
            let named = |k: usize| toks.get(k).is_some_and(|t| t.is_capitalized());
            if is_per
                && !named(i + 1)
                && !(toks.get(i + 1).is_some_and(|t| t.is("the")) && i + 2 < n)
            {
                i += 1;
                continue;
            }
            let (s, mut e) = np_right(toks, i + len, lex);
            // "according to a tally by the social affairs office": who made the source.
            if e > s
                && lex.source_nouns.contains(toks, e - 1)
                && toks
                    .get(e)
                    .is_some_and(|t| lex.grammar.agent_prepositions.has(t))
            {
                let (_, agent_end) = np_right(toks, e + 1, lex);
                if agent_end > e + 1 {
                    e = agent_end;
                }
            }
            // Whatever follows "according to" is a source, named or not.
            if let Some(c) = resolve(toks, s, e, lex, history).or((e > s).then_some(None)) {
                let leading = i <= 4 && toks.get(e).is_some_and(|t| t.is_punct(','));
                let content = if leading { (e, n) } else { (0, i) };
                let stated = date_in(toks, 0, i.min(6), lex).filter(|_| leading);
                out.push(Frame {
                    claimant: c,
                    np: (s, e),
                    cue: (i, i + len),
                    content,
                    strong: true,
                    via: Vec::new(),
                    stated,
                });
            }
            i += len.max(1);
            continue;
        }
        let cue = lex.speech_verbs.match_at(toks, i).map(|(len, _)| len);
        if let Some(len) = cue.max(tally_cue(toks, i, lex)) {
            // A capitalised cue inside a sentence is part of a name ("the United States"), and
            // a cue glued to a hyphen part of a compound ("the lost-and-found camp").
            let glued = i > 0 && toks[i - 1].is_punct('-') && toks[i - 1].end == toks[i].start;
            if glued
                || i > 0 && toks[i].is_capitalized() && !title_case
                || counts_people(toks, i, len, lex)
            {
                i += len;
                continue;
            }
            // "... and has since said": adverbs between the coordinator and the verb.
            let mut j = i;
            while j > 0 && is_adverb(toks, j - 1, lex) {
                j -= 1;
            }
            let shares = toks[i].norm.ends_with("ing")
                || (j > 0 && lex.grammar.coordinators.has(&toks[j - 1]));
            let frame = if shares {
                shared_subject(toks, i, len, lex, history, &out)
            } else {
                None
            };
            let frame = frame
                .or_else(|| relative_subject(toks, i, len, lex, history))
                .or_else(|| verb_frame(toks, i, len, lex, history, inq))
                .map(|f| matrix_pronoun(f, toks, lex, &out));
            if let Some(f) = frame {
                out.push(f);
            }
            i += len;
            continue;
        }
        i += 1;
    }
    // "X, citing Y, reported": the frame found for the verb is Y's; a trailing "citing Y" after
    // a verb frame makes that frame's claimant a relay.
    let mut k = 0;
    while k + 1 < out.len() {
        if out[k + 1].strong
            && toks[out[k + 1].np.0.saturating_sub(1)].is("citing")
            && !out[k].strong
        {
            if let Some(relay) = out[k].claimant.as_ref().map(|c| c.source.clone()) {
                out[k + 1].via.push(relay);
            }
            out[k + 1].content = out[k].content;
        }
        k += 1;
    }
    // "X said ..., according to Yonhap": an outlet after a speaker relays, it does not claim.
    let is_outlet = |c: &Option<Claimant>| {
        c.as_ref().is_some_and(|c| {
            lex.entities
                .iter()
                .any(|e| e.kind == EntityKind::Outlet && e.name == c.source)
        })
    };
    let mut k = 0;
    while k < out.len() {
        let relay = out[k].strong && is_outlet(&out[k].claimant);
        let speaker = (0..k)
            .rev()
            .find(|&j| !out[j].strong && !is_outlet(&out[j].claimant));
        match (relay, speaker) {
            (true, Some(j)) => {
                if let Some(name) = out[k].claimant.as_ref().map(|c| c.source.clone()) {
                    if !out[j].via.contains(&name) {
                        out[j].via.push(name);
                    }
                }
                out.remove(k);
            }
            _ => k += 1,
        }
    }
    // "..., the prosecutor's office said, after search teams found 5 bodies": a verb of finding
    // whose object is a count, beside another report, is part of what that report says.
    if out.len() > 1 {
        let reports: Vec<bool> = out
            .iter()
            .map(|f| {
                let (v, len) = (f.cue.0, f.cue.1 - f.cue.0);
                f.strong
                    || !(lex.grammar.finding_verbs.has(&toks[v]) && takes_count(toks, v, len, lex))
            })
            .collect();
        if reports.iter().any(|&r| r) {
            out = out
                .into_iter()
                .zip(reports)
                .filter_map(|(f, report)| report.then_some(f))
                .collect();
        }
    }
    // Leading frames report up to the next frame's claimant.
    let starts: Vec<usize> = out.iter().map(|f| f.np.0).collect();
    for f in out.iter_mut() {
        if f.content.1 == n {
            if let Some(next) = starts.iter().filter(|&&s| s > f.content.0).min() {
                f.content.1 = *next;
            }
        }
    }
    out
}

/// "raised its confirmed toll", "put the number", "gave a death toll": a verb of stating a
/// count at `i`, a determiner and a noun of counting at most two words after it. Its length.
fn tally_cue(toks: &[Token], i: usize, lex: &Lexicon) -> Option<usize> {
    let g = &lex.grammar;
    let det = toks.get(i + 1)?;
    if !(g.tally_verbs.has(&toks[i]) && (g.articles.has(det) || g.possessives.has(det))) {
        return None;
    }
    (i + 2..(i + 5).min(toks.len()))
        .take_while(|&k| toks[k].is_word())
        .find(|&k| g.predicate_nouns.has(&toks[k]))
        .map(|k| k + 1 - i)
}

/// "The hospital had admitted 96 patients", "treated 40 people": a verb that reports and also
/// says what people underwent, before a count that is its object (not a clause's subject:
/// "admitted 14 people had died"), says what they underwent.
fn counts_people(toks: &[Token], v: usize, len: usize, lex: &Lexicon) -> bool {
    lex.people_predicates.contains(toks, v) && takes_count(toks, v, len, lex)
}

/// The verb at `v` takes a count as its object ("found 5 bodies", "recorded 52 deaths"), not a
/// clause ("admitted 14 people had died").
fn takes_count(toks: &[Token], v: usize, len: usize, lex: &Lexicon) -> bool {
    let after = v + len;
    let count = after + lex.qualifiers.match_at(toks, after).map_or(0, |(l, _)| l);
    let clause =
        (count + 1..(count + 4).min(toks.len())).any(|k| lex.elliptic_verbs.contains(toks, k));
    toks.get(count)
        .is_some_and(|t| crate::number::starts_number(t, &lex.grammar))
        && !clause
}

fn verb_frame(
    toks: &[Token],
    v: usize,
    len: usize,
    lex: &Lexicon,
    history: &History,
    inq: &[bool],
) -> Option<Frame> {
    let n = toks.len();
    let after = v + len;
    let noun_like = lex.noun_like.contains(toks, v);
    // "a police report seen by the Herald", "the estimate of the ministry", "UN figures for
    // Syria": a noun.
    if noun_like
        && toks.get(after).is_some_and(|t| {
            let g = &lex.grammar;
            g.participle_asides.has(t) || g.agent_prepositions.has(t) || t.is("of") || t.is("for")
        })
    {
        return None;
    }
    // "Beirut blast kills at least 100", "in the Beirut blast": a noun before what the event
    // did, after a preposition and an article, or in a label.
    let g = &lex.grammar;
    let event = || {
        toks.get(after).is_some_and(|t| t.is_word()) && lex.metrics.match_at(toks, after).is_some()
    };
    let in_phrase = || {
        v >= 3
            && toks[v - 1].is_capitalized()
            && g.articles.has(&toks[v - 2])
            && g.prepositions.has(&toks[v - 3])
    };
    // "Beirut blast live: ...", "Beirut blast: ...": a label's noun.
    let label = || toks.iter().skip(after).take(2).any(|t| t.is_punct(':'));
    if noun_like && (event() || in_phrase() || label()) {
        return None;
    }
    // Passive with an agent: "was reported by X".
    if v > 0 && lex.grammar.be.has(&toks[v - 1]) {
        if toks.get(after).is_some_and(|t| t.is("by")) {
            let (s, e) = np_right(toks, after + 1, lex);
            let claimant = resolve(toks, s, e, lex, history)?;
            let via = via_after(toks, e, n, lex);
            return Some(Frame {
                claimant,
                np: (s, e),
                cue: (v - 1, after + 1),
                content: (0, v.saturating_sub(1)),
                strong: false,
                via,
                stated: date_in(toks, v, n, lex),
            });
        }
        return None;
    }
    // The subject with what it resolves to (resolved once: the costliest step of a frame).
    let subject = subject_left(toks, v, lex).and_then(|(s, e, citing)| {
        let last = e - 1;
        // "reports", "claims", "estimate" are verbs after a name, a pronoun or a claimant
        // noun, and nouns after adjectives ("media reports", "Ukrainian reports").
        let named = lex.aliases.match_ending_at(toks, e).is_some()
            || (last == 0 && lex.parties.match_ending_at(toks, e).is_some());
        let adjective =
            toks[last].norm.ends_with("an") && lex.parties.match_ending_at(toks, e).is_some();
        let reporter = lex.source_nouns.contains(toks, last);
        let plausible = (citing.is_some()
            || reporter
            || !lex.not_claimants.contains(toks, last)
            || lex.pronouns.contains(toks, last))
            && (!noun_like
                || named
                || reporter
                || (toks[last].is_capitalized() && last > 0 && !adjective)
                || (last == 0 && known_name(&toks[0], history))
                || lex.pronouns.contains(toks, last)
                || lex.claimant_nouns.contains(toks, last)
                || lex.role_heads.contains(toks, last)
                || lex.grammar.org_heads.has(&toks[last])
                || lex.grammar.group_nouns.has(&toks[last]))
            && !inq.get(s).copied().unwrap_or(false);
        if !plausible {
            return None;
        }
        Some((s, e, citing, resolve(toks, s, e, lex, history)?))
    });
    // "..., 42 were hurt when two more rounds struck, said Oren Malik": after a comma, a
    // speaker named right after the verb beats the clause before it.
    // Not a verb whose object is whom it was said to ("..., informed AFP").
    if v > 0 && toks[v - 1].is_punct(',') && !lex.grammar.addressee_verbs.has(&toks[v]) {
        if let Some(f) = inverted(toks, v, after, lex, history, noun_like) {
            let ends = toks
                .get(f.np.1)
                .is_none_or(|t| t.is_punct(',') || t.is_punct('.'));
            if f.claimant.is_some() && ends {
                return Some(f);
            }
        }
    }
    let Some((s0, e0, citing, resolved)) = subject else {
        return inverted(toks, v, after, lex, history, noun_like);
    };
    // An adverbial before the verb ("Perhaps", "From a microphone"): the sentence's subject
    // said it, if it has one before.
    let (s, e) = if adverbial(toks, s0, e0, lex) {
        sentence_subject(toks, s0, lex).unwrap_or((s0, e0))
    } else {
        (s0, e0)
    };
    // "Hours later the national police": a time phrase opening the subject is not its.
    let s = (s..e.saturating_sub(1))
        .take(3)
        .take_while(|&k| lex.grammar.time_words.has(&toks[k]) || is_adverb(toks, k, lex))
        .last()
        .filter(|&k| lex.grammar.articles.has(&toks[k + 1]) || toks[k + 1].is_capitalized())
        .map_or(s, |k| k + 1);
    // "has not commented", "never said": a report that was not made (not a negation inside an
    // aside: "X, who was not authorised to speak, said").
    let verb_phrase = (e..v)
        .rev()
        .find(|&k| toks[k].is_punct(','))
        .map_or(e, |k| k + 1);
    if (verb_phrase..v).any(|k| lex.negators.contains(toks, k)) {
        return None;
    }
    let subject_claimant = if (s, e) == (s0, e0) {
        resolved
    } else {
        resolve(toks, s, e, lex, history)?
    };
    let (claimant, via0) = match citing {
        Some((cs, ce)) => {
            let inner = resolve(toks, cs, ce, lex, history)?;
            let relay = subject_claimant.map(|c| c.source);
            (inner, relay.into_iter().collect::<Vec<_>>())
        }
        None => (subject_claimant, Vec::new()),
    };
    // Leading ("X said that ...") unless the claimant follows the content ("..., X said").
    let preceded_by_content = s > 0
        && (toks[s - 1].is_punct(',') || is_quote_token(&toks[s - 1]) || toks[s - 1].is_punct('—'));
    // "X said Tuesday that ...": the content opens within a few words, before any comma;
    // right after a quote ("“...,” he said, arguing that ...") only at once.
    let quote_before = s > 0 && is_quote_token(&toks[s - 1]);
    let reach = if quote_before { 1 } else { 9 };
    let that_follows = (after..(after + reach).min(n))
        .take_while(|&k| !toks[k].is_punct(','))
        .any(|k| {
            toks[k].is("that")
                || toks[k].is_punct(':')
                || (is_quote_token(&toks[k]) && inq.get(k + 1).copied().unwrap_or(false))
        });
    // "On Tuesday, at a rally, Trump said he ...": a clause after the verb is what is said,
    // whatever comes before the speaker.
    let clause_follows = toks.get(after).is_some_and(|t| {
        (t.is_word() || t.is_number())
            && !lex.grammar.prepositions.has(t)
            && !lex.grammar.date_leads.has(t)
            && !lex.grammar.time_words.has(t)
            && !t.norm.ends_with("ing")
            && !lex.grammar.coordinators.has(t)
    }) && !is_quote_token(&toks[s - usize::from(s > 0)])
        // "..., the president told her.": an object alone is no clause.
        && n - after > 3;
    let leading = !preceded_by_content || that_follows || clause_follows;
    // "So it makes sense, strategists said, for Democrats to ...": both sides of the speaker;
    // "The toll rose to 507, it said, and the number missing climbed to 537": and the clause
    // joined after it.
    let parenthetical = !leading
        && toks.get(after).is_some_and(|t| t.is_punct(','))
        && toks.get(after + 1).is_some_and(|t| {
            !t.norm.ends_with("ing")
                && (!lex.grammar.coordinators.has(t) || t.is("and"))
                && !is_quote_token(t)
        })
        && n > after + 3;
    let content = if leading {
        (after, n)
    } else if parenthetical {
        (0, n)
    } else {
        (0, s)
    };
    let stated = if leading {
        let until = (after..n)
            .find(|&k| toks[k].is("that"))
            .unwrap_or((after + 8).min(n));
        // "On February 4, Yonhap reported": a date opening the sentence.
        date_in(toks, after, until, lex).or_else(|| {
            if s <= 6 {
                date_in(toks, 0, s, lex)
            } else {
                None
            }
        })
    } else {
        date_in(toks, after, n, lex)
    };
    let mut via = via0;
    for x in via_after(
        toks,
        after,
        if leading {
            content.0.max(after + 10).min(n)
        } else {
            n
        },
        lex,
    ) {
        if !via.contains(&x) {
            via.push(x);
        }
    }
    Some(Frame {
        claimant,
        np: (s, e),
        cue: (v, after),
        content,
        strong: false,
        via,
        stated,
    })
}

/// "“...,” said Zelensky" / "..., said the agency": the claimant follows the verb.
fn inverted(
    toks: &[Token],
    v: usize,
    after: usize,
    lex: &Lexicon,
    history: &History,
    noun_like: bool,
) -> Option<Frame> {
    let n = toks.len();
    let prev_is_break = v > 0 && (toks[v - 1].is_punct(',') || is_quote_token(&toks[v - 1]));
    if !prev_is_break || noun_like {
        return None;
    }
    let (s, e) = np_right(toks, after, lex);
    // "said an Iowa Democrat", "said one of the advisers": a lower-case opening needs a word
    // that names someone.
    let names_someone = |k: usize| {
        toks[k].is_capitalized()
            || lex.claimant_nouns.contains(toks, k)
            || lex.grammar.group_nouns.has(&toks[k])
    };
    if e > s
        && (toks[s].is_capitalized()
            || toks[s].is("the")
            || lex.pronouns.contains(toks, s)
            || (s..e).any(names_someone))
    {
        let claimant = resolve(toks, s, e, lex, history)?;
        return Some(Frame {
            claimant,
            np: (s, e),
            cue: (v, after),
            content: (0, v),
            strong: false,
            via: via_after(toks, e, n, lex),
            stated: date_in(toks, after, n, lex),
        });
    }
    None
}

/// The frame whose content holds token `pos`.
pub fn frame_at(frames: &[Frame], pos: usize) -> Option<&Frame> {
    let inner = frames
        .iter()
        .filter(|f| f.content.0 <= pos && pos < f.content.1)
        // The innermost report that names someone ("Hutchins said deputies found ...": the
        // sheriff says it).
        .min_by_key(|f| (f.claimant.is_none(), !f.strong, f.content.1 - f.content.0))
        // Outside every frame's content ("X said on Thursday, after ..."): the sentence's
        // nearest claimant still said it.
        .or_else(|| frames.iter().min_by_key(|f| f.np.0.abs_diff(pos)))?;
    // "The trust said that it alone had recorded 19": a report whose source names nobody is
    // told by the report that holds it.
    let teller = frames
        .iter()
        .find(|f| f.claimant.is_some() && f.content.0 <= inner.np.0 && inner.np.0 <= f.content.1);
    match teller {
        Some(t) if inner.claimant.is_none() => Some(t),
        _ => Some(inner),
    }
}

/// [`frame_at`], except that a frame whose content misses `pos` does not reach it across a turn
/// of the sentence ("Deaths rose to 73, but officials say the real toll is higher": the 73 is
/// not theirs).
pub fn frame_for<'f>(
    toks: &[Token],
    frames: &'f [Frame],
    pos: usize,
    lex: &Lexicon,
) -> Option<&'f Frame> {
    let f = frame_at(frames, pos)?;
    if pos >= f.np.0 || (f.content.0 <= pos && pos < f.content.1) {
        return Some(f);
    }
    // The clause of the report opens with the turn (", but officials say"), not one that
    // closes its sentence after a turn in between (", although ..., the head of it said").
    let clause = (pos + 1..=f.np.0.min(toks.len() - 1))
        .rev()
        .find(|&k| toks[k - 1].is_punct(','));
    let turned = clause.is_some_and(|k| lex.grammar.content_breaks.has(&toks[k]));
    // "The attack killed 170, and the ministry said three Britons were among the dead": a
    // report whose content follows its verb, in a clause joined by "and", says nothing of the
    // clause before it.
    let forward = f.content.0 >= f.cue.1;
    let joined = clause.is_some_and(|k| lex.grammar.coordinators.has(&toks[k]));
    let separate = forward && joined;
    (!turned && !separate).then_some(f)
}

/// "The office's breakdown of the dead ...", "the ministry's figure stood at 63": a sentence
/// with no reporting verb whose count belongs to someone; they are its claimant.
/// "disputes the company's figure of 22", "against the prosecutor's count of 22", "dismissed
/// the front's claim that 2 million had marched": the owner of the count a number is (the
/// number starts at token `start`), when a possessive source or claim noun governs it; it beats the sentence's frame, which only reports the dispute. Not "its own
/// count of": the frame's claimant owns that one.
pub fn count_owner(
    toks: &[Token],
    start: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Claimant> {
    // "the chief adviser's figure of about 1,500": past the count's qualifier.
    let start = lex
        .qualifiers
        .match_ending_at(toks, start)
        .map_or(start, |(q, _)| q);
    let link = start.checked_sub(1)?;
    let noun = link.checked_sub(1)?;
    // "the company's figure of 22"; "the front's claim that 2 million had marched".
    let owned = (toks[link].is("of") && lex.source_nouns.contains(toks, noun))
        || (toks[link].is("that") && lex.grammar.claim_nouns.has(&toks[noun]));
    if !owned {
        return None;
    }
    let owner = (noun.saturating_sub(3)..noun)
        .rev()
        .find(|&j| toks[j].possessive)?;
    if lex.pronouns.contains(toks, owner) {
        return None;
    }
    // "roughly double the ministry's figure": the owner's phrase opens with its article.
    let from = collect_left(toks, owner + 1, lex);
    let from = (from..=owner)
        .rev()
        .find(|&k| lex.grammar.articles.has(&toks[k]))
        .unwrap_or(from);
    owner_claimant(toks, from, owner + 1, lex, history)
}

/// "the 280,000 claimed by the CGT", "14,800 people marched by the prefecture's count", "and
/// 23,000 by the union's": the agent of a count named right after it (the count ends before
/// token `end`), by a verb of counting or as a possessive count. Not the agent of what the
/// people underwent ("were killed by the army").
pub fn count_agent(
    toks: &[Token],
    end: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Claimant> {
    // "up from 52 in the council's 6 a.m. situation report": the owner of the report.
    if let Some(c) = reported_in(toks, end, lex, history) {
        return Some(c);
    }
    let by = (end..toks.len().min(end + 3)).find(|&k| toks[k].is("by"))?;
    let counted = by > end && lex.grammar.count_verbs.has(&toks[by - 1]);
    let (s, e) = np_right(toks, by + 1, lex);
    // "by the prefecture's count", "by the union's": the owner, then a count noun or nothing.
    let owner = (by + 1..e.min(by + 6)).find(|&j| toks[j].possessive);
    let (s, e) = match owner {
        Some(j)
            if toks
                .get(j + 1)
                .is_none_or(|t| !t.is_word() || lex.source_nouns.contains(toks, j + 1)) =>
        {
            (s, j + 1)
        }
        _ if counted && (by - 1 == end || by - 2 == end) => (s, e),
        _ => return None,
    };
    if s >= e || lex.pronouns.contains(toks, s) {
        return None;
    }
    resolve(toks, s, e, lex, history).flatten()
}

/// Who the possessive phrase `s..e` names as a count's or a report's owner: a claimant, or else
/// a country or a people ("Saudi Arabia's official count").
fn owner_claimant(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Claimant> {
    let mut c = resolve(toks, s, e, lex, history)
        .flatten()
        .or_else(|| crate::claimant::party_body(toks, s, e, lex))?;
    // "Nepal's toll": the owner, without the mark of owning.
    let bare = |name: &str| {
        crate::token::without_possessive(name)
            .trim_end_matches(['\'', '’'])
            .to_string()
    };
    if c.org.as_deref() == Some(c.source.as_str()) {
        c.org = Some(bare(&c.source));
    }
    c.source = bare(&c.source);
    Some(c)
}

/// "52 in the council's 6 a.m. situation report": "in" right after a count, an owner, then a
/// report (a source noun, a few words on).
fn reported_in(toks: &[Token], end: usize, lex: &Lexicon, history: &History) -> Option<Claimant> {
    const OWNER_REACH: usize = 3;
    const NOUN_REACH: usize = 4;
    let lead = end + usize::from(toks.get(end).is_some_and(|t| t.is_punct(',')));
    if !toks.get(lead).is_some_and(|t| t.is("in")) {
        return None;
    }
    let owner = (lead + 1..toks.len().min(lead + 1 + OWNER_REACH)).find(|&j| toks[j].possessive)?;
    let plain = (lead + 1..owner).all(|k| toks[k].is_word());
    let report = (owner + 1..toks.len().min(owner + 1 + NOUN_REACH))
        .take_while(|&k| !toks[k].is_punct(',') && !lex.grammar.be.has(&toks[k]))
        .any(|k| lex.source_nouns.contains(toks, k));
    if !plain || !report || lex.pronouns.contains(toks, lead + 1) {
        return None;
    }
    owner_claimant(toks, lead + 1, owner + 1, lex, history)
}

pub fn owned_source(toks: &[Token], lex: &Lexicon, history: &History) -> Option<Claimant> {
    // "Its count reached 4,316": a possessive pronoun opening the sentence, right before the
    // noun, owns it as its referent does (not "while police take their statements").
    // "On Thursday its count stood at": after an opening time phrase too.
    let g = &lex.grammar;
    let opens = |j: usize| {
        j == 0
            || (j <= 4
                && g.date_leads.has(&toks[0])
                && toks[1..j].iter().all(|t| {
                    t.is_punct(',') || (t.is_word() && (t.is_capitalized() || g.time_words.has(t)))
                }))
    };
    let pronoun = |j: usize| {
        opens(j)
            && lex.grammar.thing_possessives.has(&toks[j])
            && toks
                .get(j + 1)
                .is_some_and(|_| lex.source_nouns.contains(toks, j + 1))
    };
    let owns = |j: usize| toks[j].possessive || pronoun(j);
    let noun = (0..toks.len())
        .find(|&k| lex.source_nouns.contains(toks, k) && (k.saturating_sub(3)..k).any(&owns))?;
    let owner = (noun.saturating_sub(3)..noun).rev().find(|&j| owns(j))?;
    if pronoun(owner) {
        return resolve(toks, owner, noun + 1, lex, history).flatten();
    }
    let start = collect_left(toks, owner + 1, lex);
    owner_claimant(toks, start, owner + 1, lex, history)
}

/// "Killed: roughly 600 (NIS)", "5,300 dead (eastern interior ministry); 4,000 (the UN)": a
/// source in brackets right after a count, as fact boxes and tallies cite theirs. The brackets
/// follow the count (token `end` is just after it) within its clause, with no other count
/// between, and hold a claimant with no number ("Cebu (55)" is a list, "(about 3 km)" a
/// measure).
pub fn bracketed_source(
    toks: &[Token],
    end: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Claimant> {
    let open = (end..toks.len())
        .take_while(|&k| {
            !crate::claimant::is_count(&toks[k], lex)
                && !toks[k].is_punct(';')
                && !toks[k].is_punct(')')
        })
        .find(|&k| toks[k].is_punct('('))?;
    let close = (open + 1..toks.len()).find(|&k| toks[k].is_punct(')'))?;
    // "(interior ministry, Wednesday evening)", "(AFAD, Feb 8)": the source before a comma.
    let close = (open + 1..close)
        .find(|&k| toks[k].is_punct(','))
        .filter(|&k| k > open + 1)
        .unwrap_or(close);
    let inside = &toks[open + 1..close];
    if inside.is_empty() || inside.iter().any(|t| crate::claimant::is_count(t, lex)) {
        return None;
    }
    // "(ISCG report, as of Sept. 26)": a document's owner is the source.
    let owner_end =
        (close - 1 > open + 1 && lex.source_nouns.contains(toks, close - 1)).then_some(close - 1);
    resolve(toks, open + 1, close, lex, history)
        .flatten()
        .or_else(|| crate::claimant::described_body(toks, open + 1, close, lex))
        .or_else(|| resolve(toks, open + 1, owner_end?, lex, history).flatten())
}

/// "This was reported by X": the claimant of the sentences before it in the paragraph.
pub fn backward_claimant(
    toks: &[Token],
    lex: &Lexicon,
    history: &History,
) -> Option<(Claimant, Vec<String>)> {
    // "[Source: WHO situation report]", "(Sources: MSF; WHO)": the first one named.
    if let Some(c) = source_note(toks, lex, history) {
        return Some((c, Vec::new()));
    }
    let (len, _) = lex.backward.match_at(toks, 0)?;
    let (s, e) = np_right(toks, len, lex);
    let c = resolve(toks, s, e, lex, history)??;
    let via = via_after(toks, e, toks.len(), lex);
    Some((c, via))
}

/// A sentence that is only a bracketed source note, "[Source: WHO situation report]": the
/// first source it names.
fn source_note(toks: &[Token], lex: &Lexicon, history: &History) -> Option<Claimant> {
    let open = toks.first()?;
    let close = toks.last()?;
    let bracketed =
        open.is_punct('[') && close.is_punct(']') || open.is_punct('(') && close.is_punct(')');
    if !(bracketed
        && toks.len() > 4
        && lex.grammar.table_sources.has(&toks[1])
        && toks[2].is_punct(':'))
    {
        return None;
    }
    let end = (3..toks.len() - 1)
        .find(|&k| toks[k].is_punct(';') || toks[k].is_punct(','))
        .unwrap_or(toks.len() - 1);
    // "WHO situation report": the name before the document's words.
    let name_end = (3..end)
        .find(|&k| !(toks[k].is_word() && toks[k].is_capitalized()))
        .unwrap_or(end);
    resolve(toks, 3, end, lex, history)
        .flatten()
        .or_else(|| resolve(toks, 3, name_end, lex, history).flatten())
}

/// A sentence that only names who spoke and how: a speech verb among its first words, a
/// subject or an inverted speaker ("Trump said.", "said Ms. Lee, the mayor.", "he added in a
/// statement on Friday."), no clause of its own after the verb and no quotation.
pub fn speech_tag(toks: &[Token], lex: &Lexicon) -> bool {
    const MAX_WORDS: usize = 12;
    const MAX_BEFORE: usize = 5;
    const MAX_AFTER: usize = 6;
    let words = toks.iter().filter(|t| t.is_word()).count();
    if words == 0 || words > MAX_WORDS || toks.iter().any(is_quote_token) {
        return false;
    }
    let Some((v, len)) = (0..toks.len().min(MAX_BEFORE + 1))
        .find_map(|i| lex.speech_verbs.match_at(toks, i).map(|(len, _)| (i, len)))
    else {
        return false;
    };
    let after = &toks[v + len..];
    let clause = after
        .iter()
        .any(|t| t.norm == "that" || lex.grammar.be.has(t) || t.is_punct(':'));
    v == 0 || (after.iter().filter(|t| t.is_word()).count() <= MAX_AFTER && !clause)
}

/// ", reports UNN." at the end of a sentence: the outlet relays the sentence.
pub fn relay_tail(toks: &[Token], lex: &Lexicon) -> Option<String> {
    let n = toks.len();
    let end = if n > 0 && toks[n - 1].is_punct('.') {
        n - 1
    } else {
        n
    };
    for k in (end.saturating_sub(4)..end).rev() {
        if lex.grammar.relay_verbs.has(&toks[k]) && k > 0 && toks[k - 1].is_punct(',') {
            for (_, _, tag) in lex.aliases.find_all(toks, k + 1, end) {
                let ent = &lex.entities[tag as usize];
                if ent.kind == EntityKind::Outlet {
                    return Some(ent.name.clone());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inq(text: &str, toks: &[Token]) -> Vec<bool> {
        crate::quote::inside(toks, &crate::quote::regions(text, &[(0, text.len())]))
    }

    fn who(sentence: &str, word: &str) -> Option<String> {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize(sentence, 0);
        let fs = frames(&toks, &lex, &History::default(), &inq(sentence, &toks));
        let pos = toks.iter().position(|t| t.text == word).unwrap();
        frame_at(&fs, pos).and_then(|f| f.claimant.as_ref().map(|c| c.source.clone()))
    }

    fn bracketed(sentence: &str, word: &str) -> Option<String> {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize(sentence, 0);
        let pos = toks.iter().position(|t| t.text == word).unwrap();
        bracketed_source(&toks, pos + 1, &lex, &History::default()).map(|c| c.source)
    }

    /// The agent named right after the count that ends with `word`.
    fn agent(sentence: &str, word: &str) -> Option<String> {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize(sentence, 0);
        let pos = toks.iter().position(|t| t.text == word).unwrap();
        count_agent(&toks, pos + 1, &lex, &History::default()).map(|c| c.source)
    }

    #[test]
    fn a_report_after_a_turn_of_the_sentence_does_not_reach_back() {
        let lex = Lexicon::builtin();
        let claimant_of = |s: &str, word: &str| {
            let toks = lex.tokenize(s, 0);
            let fs = frames(&toks, &lex, &History::default(), &inq(s, &toks));
            let pos = toks.iter().position(|t| t.text == word).unwrap();
            frame_for(&toks, &fs, pos, &lex)
                .and_then(|f| f.claimant.as_ref().map(|c| c.source.clone()))
        };
        let s = "Deaths rose to 73 on Monday, but officials say the real toll is far higher.";
        assert_eq!(claimant_of(s, "73"), None);
        let s = "Troops are still fighting, although fewer of them, the head of the agency told reporters.";
        assert!(claimant_of(s, "Troops").is_some());
        // A report joined by "and" whose content follows its verb.
        let s = "The blast killed 170, and the ministry said three Britons were among the dead.";
        assert_eq!(claimant_of(s, "170"), None);
        assert!(claimant_of(s, "three").is_some());
        let s = "Five people were killed, and officials said the toll could rise to 40.";
        assert_eq!(claimant_of(s, "40").as_deref(), Some("Officials"));
        // ... but a report before its content still covers it.
        let s = "The blast killed 170, the ministry said.";
        assert!(claimant_of(s, "170").is_some());
    }

    #[test]
    fn names_with_a_speech_verb_in_them_and_long_relative_clauses() {
        assert_eq!(
            who("The United States said 41 people died.", "41").as_deref(),
            Some("United States")
        );
        assert_eq!(
            who(
                "Doctors Without Borders, which runs the hospital in Tawila, 60km to the west, said 5,000 had arrived.",
                "5,000"
            )
            .as_deref(),
            Some("Doctors Without Borders")
        );
    }

    #[test]
    fn asides_and_adverbs_between_a_subject_and_its_verb_are_stepped_over() {
        let cases = [
            ("The ministry however said 40 people died.", "Ministry"),
            ("The minister today said 40 people died.", "Minister"),
            ("Ana Reyes, then 38, said 40 people died.", "Ana Reyes"),
            (
                "The governor -- who was in a scuffle -- said 40 people died.",
                "Governor",
            ),
            (
                "The governor — who was in a scuffle — said 40 people died.",
                "Governor",
            ),
            (
                "A Kyiv-based analyst said 40 people died.",
                "Kyiv-based analyst",
            ),
        ];
        for (s, source) in cases {
            assert_eq!(who(s, "40").as_deref(), Some(source), "{s}");
        }
        // A dash that opens no aside: no subject across it.
        assert_eq!(who("Troops withdrew — said 40 people died.", "40"), None);
    }

    #[test]
    fn an_acronym_spelled_like_a_grammar_word_is_a_name() {
        let s = "The WHO says at least 40 health workers have died.";
        assert_eq!(who(s, "40").as_deref(), Some("WHO"));
        // The pronoun is no name.
        let s = "A nurse who says at least 40 health workers have died.";
        assert_ne!(who(s, "40").as_deref(), Some("Who"));
    }

    #[test]
    fn a_bracketed_source_note_names_the_source_of_its_paragraph() {
        let lex = Lexicon::builtin();
        let note = |s: &str| {
            let toks = lex.tokenize(s, 0);
            backward_claimant(&toks, &lex, &History::default()).map(|(c, _)| c.source)
        };
        assert_eq!(
            note("[Source: WHO situation report]").as_deref(),
            Some("WHO")
        );
        assert_eq!(
            note("(Sources: Red Cross; national health ministries)").as_deref(),
            Some("Red Cross")
        );
        assert_eq!(note("(Photo: Ana Reyes)"), None);
    }

    #[test]
    fn subjects_of_every_shape_speak() {
        let cases = [
            ("Forty people were hurt, the airline said.", "Airline"),
            (
                "Forty people were hurt, the plant's operator said.",
                "Plant's operator",
            ),
            ("Nigeria and Senegal have reported 40 cases.", "Nigeria"),
            (
                "MSF, which says it has treated 40 patients, warned of shortages.",
                "MSF",
            ),
            (
                "As of this morning the government counts 40 people dead.",
                "Government",
            ),
            ("Police list about 40 people as missing.", "Police"),
            (
                "The city's officials, now working from Kyiv, say 40 people died.",
                "City's officials",
            ),
            (
                "The ministry did say that about 40 people attended.",
                "Ministry",
            ),
            ("The president spoke of about 40 bodies.", "President"),
        ];
        for (s, source) in cases {
            let word = if s.starts_with("Forty") {
                "Forty"
            } else {
                "40"
            };
            assert_eq!(who(s, word).as_deref(), Some(source), "{s}");
        }
        // "figures for": a noun, no verb.
        let s = "Put together, the government and UN figures for Syria are nearing 40.";
        assert_eq!(who(s, "40"), None);
    }

    #[test]
    fn a_topic_in_capitals_before_a_colon_names_nobody() {
        let s = "HEALTH WORKERS: 40 health workers have been infected.";
        assert_eq!(who(s, "40"), None);
        let s = "MINISTER OF HEALTH: We opened a site where 40 people live.";
        assert_eq!(who(s, "40").as_deref(), Some("MINISTER OF HEALTH"));
    }

    #[test]
    fn a_verb_that_states_a_count_through_its_noun_reports_it() {
        let cases = [
            (
                "The state agency has raised its confirmed toll to 40 this morning.",
                "State agency",
            ),
            ("The ministry put the number of dead at 40.", "Ministry"),
            (
                "The council later revised its official death toll to 40.",
                "Council",
            ),
        ];
        for (s, source) in cases {
            assert_eq!(who(s, "40").as_deref(), Some(source), "{s}");
        }
        // Not a verb with no noun of counting after it.
        assert_eq!(
            who("The state agency raised its prices by 40 percent.", "40"),
            None
        );
    }

    #[test]
    fn a_report_s_owner_after_a_count_is_its_source() {
        let s = "The toll is 71, up from 52 in the council's 6 a.m. situation report.";
        assert_eq!(agent(s, "52").as_deref(), Some("Council"));
        // Not a place's or an event's owner.
        assert_eq!(agent("Some 52 died in the region's capital.", "52"), None);
    }

    #[test]
    fn a_count_s_noun_is_no_item_of_a_list_of_speakers() {
        let s =
            "Turkey says it has sent 168 rescuers, and Egypt says 45 of its rescuers are there.";
        assert_eq!(who(s, "45").as_deref(), Some("Egypt"));
    }

    #[test]
    fn a_country_owns_its_count() {
        let lex = Lexicon::builtin();
        let s = "Saudi Arabia's official count of the crush stands at 769 pilgrims dead.";
        let toks = lex.tokenize(s, 0);
        let owner = owned_source(&toks, &lex, &History::default()).map(|c| c.source);
        assert_eq!(owner.as_deref(), Some("Saudi Arabia"));
    }

    #[test]
    fn a_speech_tag_is_a_sentence_that_only_names_the_speaker() {
        let lex = Lexicon::builtin();
        let tag = |s: &str| speech_tag(&lex.tokenize(s, 0), &lex);
        for s in [
            "Trump said.",
            "he added on Friday.",
            "said Ms. Lee, the mayor of the city.",
            "Budanov said in a statement.",
        ] {
            assert!(tag(s), "{s}");
        }
        for s in [
            "Trump said that the wall would be built.",
            "The ministry said the toll had risen to 40 by the evening.",
            "He said: “No.”",
            "Troops withdrew.",
        ] {
            assert!(!tag(s), "{s}");
        }
    }

    #[test]
    fn a_dash_between_phrases_ends_a_subject_and_a_hyphen_does_not() {
        assert_eq!(
            who("22 September - State television says 17 people died.", "17").as_deref(),
            Some("State television")
        );
        assert_eq!(
            who("Al-Shabaab said 17 people died.", "17").as_deref(),
            Some("Al-Shabaab")
        );
    }

    #[test]
    fn a_heading_names_its_source_after_its_last_comma() {
        assert_eq!(
            who(
                "- Deaths by province, NDMA: Sindh (411), Punjab (168).",
                "411"
            )
            .as_deref(),
            Some("NDMA")
        );
        // Not a list of counts before the colon.
        assert_eq!(who("Killed, 40, injured, NDMA: none.", "none"), None);
    }

    #[test]
    fn a_count_s_agent_after_it_owns_it() {
        let s = "The prefecture counted 16,000 marchers against the 280,000 claimed by the CGT.";
        assert_eq!(agent(s, "280,000").as_deref(), Some("CGT"));
        let s =
            "In Rouen, 14,800 people marched by the prefecture's count, and 23,000 by the union's.";
        assert_eq!(agent(s, "marched").as_deref(), Some("Prefecture"));
        assert_eq!(agent(s, "23,000").as_deref(), Some("Union"));
        // The agent of what the people underwent is no source.
        assert_eq!(
            agent("Twelve people were killed by the army.", "people"),
            None
        );
    }

    #[test]
    fn an_article_after_a_name_starts_the_subject_and_of_the_stays_in_a_name() {
        let s = "In Marseille the prefecture counted 16,000 marchers.";
        assert_eq!(who(s, "16,000").as_deref(), Some("Prefecture"));
        let s = "The Ministry of the Interior said 40 people died.";
        assert_eq!(who(s, "40").as_deref(), Some("Ministry of the Interior"));
        // "blast" names an event in a label, before what it did, after "in the".
        assert_eq!(who("Beirut blast live: at least 100 dead", "100"), None);
        assert_eq!(who("Beirut blast kills at least 100", "100"), None);
        assert_eq!(who("At least 100 dead in the Beirut blast", "100"), None);
        assert_eq!(
            who("Officials revise the crash toll to 275", "275").as_deref(),
            Some("Officials")
        );
        // A relative's antecedent is what a date aside dates, not the date.
        let s = "She cited documents leaked in April, which estimated Russian losses at 189,500.";
        assert_ne!(who(s, "189,500").as_deref(), Some("April"));
        // A possessive pronoun after an opening time phrase owns the count as its referent.
        let lex = Lexicon::builtin();
        let mut history = History::default();
        history.mention_org("Red Cross".to_string());
        let toks = lex.tokenize("On Thursday its count stood at 2,381.", 0);
        let owner = owned_source(&toks, &lex, &history).map(|c| c.source);
        assert_eq!(owner.as_deref(), Some("Red Cross"));
        // A name, its age and what it does: the name speaks.
        let s = "Sukanta Das, 34, a mason, said 11 people died.";
        assert_eq!(who(s, "11").as_deref(), Some("Sukanta Das"));
        // A parenthetical speaker speaks for the clause joined after it too.
        let s = "The toll rose to 507, officials said, and the number missing climbed to 537.";
        assert_eq!(who(s, "537").as_deref(), Some("Officials"));
        // After an opening phrase, an article after any word.
        let s = "In its evening update the health ministry put the toll at 135 dead.";
        assert_eq!(who(s, "135").as_deref(), Some("Health ministry"));
        let s = "In the north the army said 12 people died.";
        assert_eq!(who(s, "12").as_deref(), Some("Army"));
        // ... also after a live blog's time stamp.
        let s = "20:15 — In its evening update the health ministry put the toll at 135 dead.";
        assert_eq!(who(s, "135").as_deref(), Some("Health ministry"));
    }

    /// The owner of the count at `word` ("the ministry's figure of 22"), with the qualifier
    /// starting at `from` words before it.
    fn owner(sentence: &str, word: &str, from: usize) -> Option<String> {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize(sentence, 0);
        let pos = toks.iter().position(|t| t.text == word).unwrap();
        count_owner(&toks, pos - from, &lex, &History::default()).map(|c| c.source)
    }

    #[test]
    fn the_owner_of_a_figure_or_a_claim_speaks_for_its_count() {
        assert_eq!(
            owner("It disputes the WHO's figure of 22.", "22", 0).as_deref(),
            Some("WHO")
        );
        assert_eq!(
            owner(
                "He dismissed the front's claim that 2 million had marched.",
                "2",
                0
            )
            .as_deref(),
            Some("Front")
        );
        assert_eq!(
            owner(
                "They dismissed the ministry's claim that only 36,000 attended.",
                "36,000",
                1
            )
            .as_deref(),
            Some("Ministry")
        );
        // A claim noun owns what follows "that", not a figure "of".
        assert_eq!(owner("The front's claim of 2 million.", "2", 0), None);
    }

    #[test]
    fn a_source_in_brackets_after_a_count() {
        let line = "Killed or wounded: about 4,700 (NIS); 4,000 (Ukraine's presidential office)";
        assert_eq!(
            bracketed(line, "4,700").as_deref(),
            Some("National Intelligence Service (NIS)")
        );
        assert!(bracketed(line, "4,000").is_some());
        let s = "Displaced: at least 30,000 in Derna (International Organization for Migration)";
        assert!(bracketed(s, "30,000").is_some());
        // A list of counts, a measure, or brackets past the next count are no source.
        assert_eq!(
            bracketed("Deaths by town: Cebu (55), Bohol (3).", "55"),
            None
        );
        assert_eq!(
            bracketed("Some 300 people fled (about 3 km) inland.", "300"),
            None
        );
        assert_eq!(bracketed("Killed: 600; wounded: 1,000 (NIS)", "600"), None);
        // An acronym the lexicon does not know, in a label line whose words are capitalised.
        assert_eq!(
            bracketed("Dead in Turkey: 43,556 (AFAD)", "43,556").as_deref(),
            Some("AFAD")
        );
        assert_eq!(
            bracketed("Confirmed dead: 115 (Maui County)", "115").as_deref(),
            Some("Maui County")
        );
        // A document's owner ("(ISCG report, as of Sept. 26)").
        assert_eq!(
            bracketed(
                "Displaced: 218,000 (ISCG report, as of Sept. 26)",
                "218,000"
            )
            .as_deref(),
            Some("ISCG")
        );
    }

    #[test]
    fn said_after_the_content() {
        assert_eq!(
            who("About 8,000 soldiers are still fighting, Ukraine's military intelligence chief Kyrylo Budanov said in an interview.", "8,000").as_deref(),
            Some("Kyrylo Budanov")
        );
    }

    #[test]
    fn a_time_is_no_item_of_a_list_of_sources() {
        let said = who(
            "The survey found 188 deaths since January, and the Red Cross estimates that 250 died.",
            "250",
        );
        assert_eq!(said.as_deref(), Some("Red Cross"));
    }

    #[test]
    fn a_report_seen_by_an_outlet_is_not_the_outlets() {
        assert_eq!(
            who(
                "A police report seen by The Sanaga Herald estimated the crowd at 38,000 people.",
                "38,000"
            )
            .as_deref(),
            Some("Police")
        );
    }

    #[test]
    fn asides_between_the_subject_and_its_verb() {
        // A negation inside the aside does not cancel the report.
        assert_eq!(
            who("A police officer, who spoke because he was not authorised to brief reporters, said three people had died.", "three").as_deref(),
            Some("Police officer")
        );
        // An indefinite appositive describes the name before it.
        assert_eq!(
            who(
                "The Kenya Civic Rights Monitor, an independent group, said 4 people were shot.",
                "4"
            )
            .as_deref(),
            Some("Kenya Civic Rights Monitor")
        );
        // ... and so does a relative after it.
        assert_eq!(
            who("\"We are losing money,\" said Grace Mulenga, a fish seller at the market, who said about 200 traders were sent away.", "200").as_deref(),
            Some("Grace Mulenga")
        );
    }

    #[test]
    fn a_verb_that_takes_a_count_reports_nothing_of_its_own() {
        // "admitted 96 patients": what the patients underwent.
        assert_eq!(
            who(
                "Grace Mwale said the hospital had admitted 96 patients.",
                "96"
            )
            .as_deref(),
            Some("Grace Mwale")
        );
        // "found 5 bodies", beside a report: part of that report.
        assert_eq!(
            who("The toll rose to 31, the prosecutor's office said, after search teams found 5 bodies.", "5").as_deref(),
            Some("Prosecutor's office")
        );
    }

    #[test]
    fn according_to_and_roles() {
        assert_eq!(
            who("According to Budanov, about 8,000 are fighting.", "8,000").as_deref(),
            Some("Kyrylo Budanov")
        );
        assert_eq!(
            who(
                "The head of the GUR said that about 8,000 troops fight.",
                "8,000"
            )
            .as_deref(),
            Some("Kyrylo Budanov")
        );
        assert_eq!(
            who(
                "300 of them are now believed to be dead, according to South Korean intelligence.",
                "300"
            )
            .as_deref(),
            Some("National Intelligence Service (NIS)")
        );
    }

    #[test]
    fn two_frames_in_one_sentence() {
        let s = "After The New York Times reported on Jan. 30 that troops had been pulled from the front, a Special Operations Forces spokesperson confirmed to the Kyiv Independent that forces had not faced them.";
        assert_eq!(who(s, "pulled").as_deref(), Some("The New York Times"));
        assert_eq!(
            who(s, "faced").as_deref(),
            Some("Special Operations Forces (SOF)")
        );
    }

    #[test]
    fn passive_without_agent_names_nobody() {
        assert_eq!(
            who(
                "North Korea is estimated to have sent about 11 000 troops.",
                "11"
            ),
            None
        );
    }

    #[test]
    fn citing_makes_a_relay() {
        let lex = Lexicon::builtin();
        let s = "On February 4, Yonhap News, citing South Korea's intelligence agency, reported that troops appear to have been not engaged in combat.";
        let toks = lex.tokenize(s, 0);
        let fs = frames(&toks, &lex, &History::default(), &inq(s, &toks));
        let pos = toks.iter().position(|t| t.text == "engaged").unwrap();
        let f = frame_at(&fs, pos).unwrap();
        assert_eq!(
            f.claimant.as_ref().map(|c| c.source.as_str()),
            Some("National Intelligence Service (NIS)")
        );
        assert_eq!(f.via, vec!["Yonhap".to_string()]);
    }

    #[test]
    fn media_reports_is_not_a_claimant() {
        assert_eq!(
            who(
                "Media reports that these troops have not been seen are wrong.",
                "seen"
            ),
            None
        );
    }
}
