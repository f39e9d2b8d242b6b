//! From a source span to a claimant: a named person (with the organisation the article gives
//! for them), an organisation, or a described group ("U.S. officials", "health authorities").
//!
//! Within an article, pronouns go to the last compatible claimant (he/she → a person, it → an
//! organisation), role nouns to their holder ("the governor" → Gov. Alma Reyes), surnames to
//! the full name, possessives to their owner ("his comments" → the last person); the entity
//! table merges spellings across articles. A claimant is never a lone capitalised word that is
//! not a name, a place on its own, a time, or a fragment: a source the engine cannot name
//! resolves to no claimant (the outlet states it), which beats a wrong one.

use crate::lexicon::{EntityKind, Lexicon};
use crate::token::{all_caps, Token, NO_ID};

/// A resolved claimant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimant {
    pub source: String,
    pub org: Option<String>,
    pub person: bool,
    /// The words the text used, lower case ("the head of the gur").
    pub descriptor: String,
}

/// Claimants seen so far in a document, for pronouns, role nouns and surnames.
#[derive(Debug, Default, Clone)]
pub struct History {
    seen: Vec<Claimant>,
    /// Names the article uses as places or times ("in Terre Haute", "since the Cold War").
    places: Vec<String>,
}

/// How far back pronouns and role nouns look.
const RECENT: usize = 12;

impl History {
    pub fn push(&mut self, c: &Claimant) {
        self.seen.push(c.clone());
    }

    /// The last of the recent claimants that `pred` accepts.
    fn last_where(&self, pred: impl Fn(&Claimant) -> bool) -> Option<&Claimant> {
        self.seen.iter().rev().take(RECENT).find(|c| pred(c))
    }

    fn last(&self, person: Option<bool>) -> Option<&Claimant> {
        self.seen
            .iter()
            .rev()
            .take(RECENT)
            .find(|c| person.is_none_or(|p| c.person == p))
    }

    /// The last person the article named or quoted.
    pub fn last_person(&self) -> Option<&Claimant> {
        self.last(Some(true))
    }

    /// What "it" refers to: the last organisation or institution, not a described group
    /// ("two lawmakers", "officials").
    fn last_singular(&self) -> Option<&Claimant> {
        let plural_group = |c: &Claimant| {
            let head = c.descriptor.rsplit(' ').next().unwrap_or("");
            c.org.is_none() && head.ends_with('s') && !head.ends_with("ss")
        };
        self.seen
            .iter()
            .rev()
            .take(RECENT)
            .find(|c| !c.person && !plural_group(c))
    }

    /// The last organisation whose name holds `role` ("the council"): the organisation
    /// itself, or the one a person spoke for.
    fn institution(&self, role: &str) -> Option<Claimant> {
        let holds = |name: &str| name.to_lowercase().split(' ').any(|w| w == role);
        self.seen.iter().rev().find_map(|c| {
            if !c.person && (holds(&c.source) || holds(&c.descriptor)) {
                return Some(c.clone());
            }
            let org = c.org.as_deref().filter(|o| holds(o))?;
            Some(Claimant {
                source: org.to_string(),
                org: Some(org.to_string()),
                person: false,
                descriptor: org.to_lowercase(),
            })
        })
    }

    /// The last claimant whose words hold `role` ("governor" matches "gov. alma reyes").
    fn by_role(&self, role: &str) -> Option<&Claimant> {
        let names_role = |w: &str| {
            w == role
                || w.strip_suffix('.')
                    .is_some_and(|a| a.len() >= 2 && role.starts_with(a))
        };
        self.seen.iter().rev().find(|c| {
            c.descriptor
                .split(|ch: char| !(ch.is_alphanumeric() || ch == '.'))
                .any(names_role)
                || c.org
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().split(' ').any(|w| w == role))
        })
    }

    /// A person the article names, claimant or not: pronouns, surnames and role nouns may
    /// refer to them later.
    pub fn mention(&mut self, name: String, descriptor: String) {
        if self.seen.last().is_some_and(|c| c.source == name) {
            return;
        }
        self.seen.push(Claimant {
            source: name,
            org: None,
            person: true,
            descriptor,
        });
    }

    /// An organisation the article names, claimant or not: role nouns ("the ministry") and
    /// "it" may refer to it later.
    pub fn mention_org(&mut self, name: String) {
        if self
            .seen
            .iter()
            .rev()
            .take(RECENT)
            .any(|c| c.source == name)
        {
            return;
        }
        self.seen.push(Claimant {
            descriptor: name.to_lowercase(),
            org: Some(name.clone()),
            source: name,
            person: false,
        });
    }

    /// A place or time the article named (see [`places`]).
    pub fn place(&mut self, name: String) {
        if !self.places.contains(&name) {
            self.places.push(name);
        }
    }

    fn is_place(&self, name: &str) -> bool {
        self.places.iter().any(|p| p == name)
    }

    /// The person of the article with `surname` among the names after their first.
    pub fn by_surname(&self, surname: &str) -> Option<&Claimant> {
        self.seen
            .iter()
            .rev()
            .find(|c| c.person && has_surname(&c.source, surname))
    }
}

/// Any name word after the first: "Quispe" for Rosa Quispe Huamán; the first before a
/// hyphenated given name: "Ban" for Ban Ki-moon.
fn has_surname(name: &str, surname: &str) -> bool {
    let mut words = name.split(' ');
    let first = words.next();
    let mut after_first = words.clone();
    let family_first = matches!((words.next(), words.next()), (Some(w), None) if w.contains('-'));
    after_first.any(|w| w == surname) || (family_first && first == Some(surname))
}

/// Longest source span in bytes (longer ones are clauses, not noun phrases).
const MAX_SOURCE: usize = 80;

/// What the source words `s..e` name: `None` when they cannot be a source at all (nothing,
/// a determiner, a pronoun with nothing to refer to), `Some(None)` when they are a source the
/// engine cannot name (then the outlet states it), else the claimant.
pub fn resolve(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Option<Claimant>> {
    let mut found = resolve_words(toks, s, e, lex, history);
    // "Ukraine's interior minister said ...; he said": a phrase headed by a person's title
    // names a person, whom "he" or "she" may refer back to.
    if let Some(Some(c)) = found.as_mut() {
        let head = &toks[e - 1];
        if !c.person
            && e > s
            && lex.titles.contains(toks, e - 1)
            && !institution_word(head, lex)
            && !plural(head)
        {
            c.person = true;
        }
    }
    found
}

/// A word that names an institution ("ministry", "government", "forces"), not a person.
fn institution_word(t: &Token, lex: &Lexicon) -> bool {
    lex.grammar.org_heads.has(t) || lex.grammar.institutions.contains(t.norm.as_str())
}

/// A plural noun by its ending ("officials", not "boss").
fn plural(t: &Token) -> bool {
    t.norm.ends_with('s') && !t.norm.ends_with("ss")
}

fn resolve_words(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Option<Claimant>> {
    if s >= e {
        return None;
    }
    let words: Vec<usize> = (s..e)
        .filter(|&i| !toks[i].is_punct('(') && !toks[i].is_punct(')'))
        .collect();
    let last = *words.last()?;
    let descriptor = toks[s..e]
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(c) = known(toks, s, e, lex, &descriptor) {
        return Some(Some(c));
    }
    // "His comments", "her statement": the person the possessive refers back to.
    // "My staff", "our team": the speaker of a quote, whom the words do not name.
    if lex.grammar.speaker_possessives.has(&toks[s]) {
        return Some(None);
    }
    if e - s > 1 && lex.grammar.possessives.has(&toks[s]) {
        let person = !lex.grammar.thing_possessives.has(&toks[s]);
        if let Some(c) = (!person)
            .then(|| owned_by_opening(toks, s, e, lex))
            .flatten()
        {
            return Some(Some(c));
        }
        return Some(history.last(Some(person)).cloned());
    }
    if e - s == 1 && lex.pronouns.contains(toks, s) {
        let g = &lex.grammar;
        let person = if g.person_pronouns.has(&toks[s]) {
            Some(true)
        } else if g.thing_pronouns.has(&toks[s]) {
            Some(false)
        } else {
            None
        };
        // A pronoun is a source even when the article names nobody it could refer to ("I",
        // "we" in a quote): then it names no claimant. "They" is a group or an organisation.
        // "It" is an organisation or an institution, not a described group ("two lawmakers").
        let c = match person {
            Some(false) => history.last_singular(),
            _ => None,
        }
        .or_else(|| history.last(Some(person.unwrap_or(false))))
        .cloned();
        return Some(c);
    }
    // "The board's latest report", "the WHO's estimate": whose it is.
    if lex.source_nouns.contains(toks, last) {
        let owner = (s..last).rev().find(|&k| toks[k].possessive);
        if let Some(Some(c)) = owner.and_then(|k| resolve(toks, s, k + 1, lex, history)) {
            return Some(Some(c));
        }
    }
    if let Some(c) = made_by(toks, s, e, lex, history) {
        return Some(c);
    }
    if lex.source_nouns.contains(toks, last) {
        return Some(org_behind(toks, s, e, lex, descriptor));
    }
    // "The WHO", "IT": an acronym is no function word.
    if !acronym(&toks[last])
        && (lex.not_claimants.contains(toks, last) || lex.pronouns.contains(toks, last))
    {
        return None;
    }
    if toks[last].end - toks[s].start > MAX_SOURCE {
        return Some(None);
    }
    // The noun phrase and its appositive: "Maria Lopez, a spokeswoman for the service".
    if let Some(c) = named_before(toks, s, e, lex, &descriptor) {
        return Some(Some(c));
    }
    if let Some(c) = role_then_name(toks, s, e, lex, &descriptor) {
        return Some(Some(c));
    }
    let comma = (s..e).find(|&i| toks[i].is_punct(','));
    let head = (s, comma.unwrap_or(e));
    let appositive = comma.map(|c| (c + 1, e));
    if let Some(c) = by_role(toks, head, lex, history) {
        return Some(Some(c));
    }
    if let Some(c) = located_institution(toks, head, lex, &descriptor) {
        return Some(Some(c));
    }
    let content: Vec<usize> = words
        .iter()
        .copied()
        .filter(|&i| i < head.1 && !lex.grammar.articles.has(&toks[i]))
        .collect();
    if let Some(source) = opened_place(toks, &content, e, lex) {
        return Some(Some(place_body(source, descriptor)));
    }
    let org = org_name(toks, s, e, lex).or_else(|| country_led(toks, head, lex));
    let headline = title_case(toks);
    let name = [Some(head), appositive]
        .into_iter()
        .flatten()
        .find_map(|r| person_name(toks, r, lex))
        .filter(|_| org.is_none() || country_led(toks, head, lex).is_none())
        // Words inside an organisation's name are no person's ("the National Disaster Risk
        // Reduction and Management Council").
        .filter(|n| org.as_ref().is_none_or(|o| !o.contains(n.as_str())))
        .filter(|n| {
            !headline
                || history
                    .by_surname(n.rsplit(' ').next().unwrap_or(n))
                    .is_some()
        });
    if let Some(name) = name {
        if history.is_place(&name) {
            return Some(None);
        }
        // "Doctors Without Borders (MSF)": a name with its acronym is an organisation's.
        let with_acronym =
            (s..e).any(|i| toks[i].is_punct('(') && toks.get(i + 1).is_some_and(acronym));
        if with_acronym {
            return Some(Some(Claimant {
                source: name.clone(),
                org: Some(name),
                person: false,
                descriptor,
            }));
        }
        let known = history.by_surname(name.rsplit(' ').next().unwrap_or(&name));
        let org = org
            .or_else(|| affiliation(toks, s, e, lex, history))
            .or_else(|| known.and_then(|k| k.org.clone()));
        return Some(Some(Claimant {
            source: name,
            org,
            person: true,
            descriptor,
        }));
    }
    if let Some(o) = org {
        return Some(Some(Claimant {
            source: o.clone(),
            org: Some(o),
            person: false,
            descriptor,
        }));
    }
    // "Mrs. Clinton", "Sen. Sanders": one name word after titles.
    let untitled: Vec<usize> = content
        .iter()
        .copied()
        .filter(|&i| !(lex.titles.contains(toks, i) && toks[i].is_capitalized()))
        .collect();
    if let Some(source) = definite_name(toks, (s, e), &content, lex) {
        return Some(Some(Claimant {
            org: Some(source.clone()),
            source,
            person: false,
            descriptor,
        }));
    }
    if let Some(source) = named_place(toks, &untitled, lex) {
        return Some(Some(place_body(source, descriptor)));
    }
    // "an American Muslim": a word after "a" or "an" describes someone, it names nobody.
    let indefinite = toks[s].is("a") || toks[s].is("an");
    if let [one] = untitled[..] {
        if indefinite && toks[one].is_capitalized() {
            return Some(None);
        }
        let titled = content.len() > 1;
        if let Some(c) = single_word(toks, one, s, titled, lex, history, &descriptor) {
            return Some(Some(c));
        }
    }
    // "..., minister says", "official says": a headline's bare role names its holder.
    if e - s == 1 && !toks[s].is_capitalized() && lex.role_heads.contains(toks, s) {
        let institution = institution_word(&toks[s], lex);
        return Some(Some(Claimant {
            source: capitalised(toks[s].text),
            org: None,
            person: !institution,
            descriptor,
        }));
    }
    let described = group(toks, s, &content, lex).map(|(source, person)| Claimant {
        source,
        org: None,
        person,
        descriptor,
    });
    // "Nigeria and Senegal have reported": the first of two who say it together.
    let joined = || {
        let and = (s + 1..e).find(|&k| toks[k].is("and"))?;
        (toks[and + 1].is_capitalized() && toks[e - 1].is_capitalized())
            .then(|| resolve(toks, s, and, lex, history).flatten())
            .flatten()
    };
    Some(described.or_else(joined))
}

/// "The White Helmets said", "the Syrian Observatory for Human Rights": "the" and capitalised
/// words (with the words that join an organisation's name) name a body, not a person (nobody
/// is "the Maria Lopez"). Not in a headline, whose words are all capitalised; the phrase from
/// `s` to `e`.
fn definite_name(
    toks: &[Token],
    (s, e): (usize, usize),
    words: &[usize],
    lex: &Lexicon,
) -> Option<String> {
    let (&first, &last) = (words.first()?, words.last()?);
    let g = &lex.grammar;
    // The whole phrase: not the first item of a list ("the Africa Cup of Nations, and an
    // inquiry").
    let whole = last + 1 == e;
    let named = whole
        && toks[s].is("the")
        && words.len() >= 2
        && words.len() <= NAME_WORDS_BEFORE_HEAD
        && toks[last].is_capitalized()
        && words
            .iter()
            .all(|&i| toks[i].is_word() && (toks[i].is_capitalized() || g.org_links.has(&toks[i])))
        && !words
            .iter()
            .any(|&i| lex.titles.contains(toks, i) || lex.role_heads.contains(toks, i))
        && !title_case(toks);
    named.then(|| written(&toks[first..=last]))
}

/// A place that speaks through its authorities ("Maui County said"): no person, no
/// organisation of its own.
fn place_body(source: String, descriptor: String) -> Claimant {
    Claimant {
        source,
        org: None,
        person: false,
        descriptor,
    }
}

/// "Germany has airlifted 5,347 people, its armed forces said": a thing's possessive
/// (`s`) whose sentence opens with a country's name refers to that country, and the words
/// after it name one of its institutions ("Germany's armed forces").
fn owned_by_opening(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<Claimant> {
    let first = toks[..s].iter().position(Token::is_word)?;
    let (len, tag) = lex.parties.match_at(toks, first)?;
    let country = lex.party_name(tag as usize);
    let as_name = written(&toks[first..first + len]).eq_ignore_ascii_case(country)
        && toks[first..first + len].iter().all(Token::is_capitalized);
    (as_name && institution_word(&toks[e - 1], lex) && first + len < s).then(|| {
        let source = format!("{country}'s {}", written(&toks[s + 1..e]));
        Claimant {
            org: Some(source.clone()),
            source,
            person: false,
            descriptor: written(&toks[s..e]).to_lowercase(),
        }
    })
}

/// "the government in Harare", "the prefecture in Lyon": an institution named by its kind
/// and the place it sits in.
fn located_institution(
    toks: &[Token],
    (s, e): (usize, usize),
    lex: &Lexicon,
    descriptor: &str,
) -> Option<Claimant> {
    let g = &lex.grammar;
    let from = s + usize::from(toks[s].is("the"));
    let at = (from + 1..e).find(|&i| toks[i].is("in"))?;
    let kind = &toks[from..at];
    let place = &toks[at + 1..e];
    // Lower case but for the sentence's first word ("Local authorities in Tawila").
    let plain = kind.iter().enumerate().all(|(k, t)| {
        t.is_word() && !g.articles.has(t) && (!t.is_capitalized() || (k == 0 && from == 0))
    }) && kind
        .last()
        .is_some_and(|t| institution_word(t, lex) || lex.claimant_nouns.contains(toks, at - 1));
    let named = !place.is_empty()
        && place.len() <= 3
        && place.iter().all(|t| t.is_word() && t.is_capitalized());
    (plain && named).then(|| {
        let source = capitalised(&written(&toks[from..e]));
        Claimant {
            org: Some(source.clone()),
            source,
            person: false,
            descriptor: descriptor.to_string(),
        }
    })
}

/// A country or a people named by the whole of `s..e` ("Saudi Arabia" in "Saudi Arabia's
/// official count"), speaking through its authorities.
pub fn party_body(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<Claimant> {
    let (len, tag) = lex.parties.match_at(toks, s)?;
    (s + len == e).then(|| {
        let descriptor = toks[s..e]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        place_body(lex.party_name(tag as usize).to_string(), descriptor)
    })
}

/// The place an item of a gapped list names ("Georgia" in "..., Georgia 33"), speaking for
/// its own count.
pub fn list_place(name: &[Token]) -> Claimant {
    let descriptor = name
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    place_body(written(name), descriptor)
}

/// "(hospital)", "(foreign ministry)": lower-case words that end in an institution's or a
/// role's noun, as a fact box cites its source, name the body they describe.
pub fn described_body(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<Claimant> {
    let words = s < e
        && toks[s..e]
            .iter()
            .all(|t| t.is_word() && !t.is_capitalized());
    let head = e.checked_sub(1)?;
    let body = lex.grammar.org_heads.has(&toks[head]) || lex.role_heads.contains(toks, head);
    (words && body && e - s <= 3).then(|| {
        place_body(
            capitalised(&written(&toks[s..e])),
            toks[s..e]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    })
}

/// "Iran Human Rights", "Kenya Airways": a country's name (as written, not its adjective)
/// right before capitalised name words opens an organisation's name, not a person's.
fn country_led(toks: &[Token], (s, e): (usize, usize), lex: &Lexicon) -> Option<String> {
    let (i, len, tag) = lex.parties.find_all(toks, s, e).into_iter().next()?;
    let name = lex.party_name(tag as usize);
    let as_name = written(&toks[i..i + len]).eq_ignore_ascii_case(name)
        && toks[i..i + len].iter().all(|t| t.is_capitalized());
    let end = name_run(toks, i + len, e, lex);
    let words = toks[i + len..end].iter().filter(|t| t.is_word()).count();
    (as_name && words >= 2).then(|| written(&toks[i..end]))
}

/// A verb of saying at token `k`, or after one auxiliary there ("has counted").
fn speaks_at(toks: &[Token], k: usize, lex: &Lexicon) -> bool {
    lex.speech_verbs.contains(toks, k)
        || (lex.predicate_auxiliaries.contains(toks, k) && lex.speech_verbs.contains(toks, k + 1))
        // "MSF, which says": a relative clause that speaks.
        || (toks.get(k).is_some_and(|t| t.is_punct(','))
            && toks.get(k + 1).is_some_and(|t| lex.grammar.relatives.has(t))
            && lex.speech_verbs.contains(toks, k + 2))
}

/// "South Carolina has counted 49", "New Mexico said": a place's name that opens with a word
/// of places (`place_openers`), right before a verb of saying, speaks through its
/// authorities; the words as written.
fn opened_place(toks: &[Token], words: &[usize], e: usize, lex: &Lexicon) -> Option<String> {
    let (&first, &last) = (words.first()?, words.last()?);
    let named = (2..=3).contains(&words.len())
        && lex.grammar.place_openers.has(&toks[first])
        && words
            .iter()
            .all(|&i| toks[i].is_word() && toks[i].is_capitalized())
        && last + 1 == e
        && speaks_at(toks, e, lex);
    named.then(|| written(&toks[first..=last]))
}

/// "Maui County said", "(Cebu Province)": a place's name with a noun of a place that governs
/// itself speaks through its authorities ("Nicaraguan coast" does not). Names before the
/// noun, all capitalised; the words as written.
fn named_place(toks: &[Token], words: &[usize], lex: &Lexicon) -> Option<String> {
    let (&last, names) = words.split_last()?;
    let named = !names.is_empty()
        && lex.grammar.governed_places.has(&toks[last])
        && names
            .iter()
            .all(|&i| toks[i].is_word() && toks[i].is_capitalized());
    named.then(|| written(&toks[words[0]..=last]))
}

/// "Michael Briggs, Sanders's spokesman, suggested": a role phrase after a comma whose
/// holder is named right before it.
fn named_before(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    descriptor: &str,
) -> Option<Claimant> {
    let comma = s.checked_sub(1).filter(|&c| toks[c].is_punct(','))?;
    if !(s..e).any(|i| lex.role_heads.contains(toks, i)) || (s..e).any(|i| toks[i].is_number()) {
        return None;
    }
    let mut k = comma;
    while k > 0 && comma - k < 4 && (name_word(toks, k - 1, lex) || initial(toks, k - 1) > 0) {
        k -= 1;
    }
    let name = person_name(toks, (k, comma), lex).filter(|n| n.contains(' '))?;
    Some(Claimant {
        source: name,
        org: org_name(toks, s, e, lex),
        person: true,
        descriptor: descriptor.to_string(),
    })
}

/// "34,000 people supported", "millions of people who": a count before the words makes them
/// a figure, not who speaks.
fn counted_before(toks: &[Token], s: usize, lex: &Lexicon) -> bool {
    let before = |k: usize| s.checked_sub(k).map(|i| &toks[i]);
    before(1).is_some_and(|t| is_count(t, lex))
        || (before(1).is_some_and(|t| t.is("of")) && before(2).is_some_and(|t| is_count(t, lex)))
}

/// "A new Fox News poll": the organisation behind a source noun, if the words name one.
fn org_behind(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    descriptor: String,
) -> Option<Claimant> {
    org_name(toks, s, e, lex).map(|o| Claimant {
        source: o.clone(),
        org: Some(o),
        person: false,
        descriptor,
    })
}

/// A source noun followed by its modifiers ("a report by the agency", "an email relating to
/// Benghazi", "a poll of likely voters"): who made it when an agent preposition names them,
/// else the organisation in the noun's own words, else nobody. `None` when the phrase's head
/// is no source noun.
fn made_by(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<Option<Claimant>> {
    let g = &lex.grammar;
    let cut = (s + 1..e).find(|&k| {
        let t = &toks[k];
        !t.is_capitalized()
            && t.is_word()
            && (g.prepositions.has(t)
                || g.agent_prepositions.has(t)
                || g.relatives.has(t)
                // "a police report seen by the Herald": who saw it made nothing.
                || g.participle_asides.has(t)
                || (t.norm.len() > 5 && t.norm.ends_with("ing")))
    })?;
    let head = (s..cut).rev().find(|&k| toks[k].is_word())?;
    if !lex.source_nouns.contains(toks, head) {
        return None;
    }
    if g.agent_prepositions.has(&toks[cut]) {
        if let Some(Some(c)) = resolve(toks, cut + 1, e, lex, history) {
            return Some(Some(c));
        }
    }
    let descriptor = toks[s..cut]
        .iter()
        .map(|t| t.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // "a police report": the words before the noun say whose it is.
    let from = if lex.grammar.articles.has(&toks[s]) {
        s + 1
    } else {
        s
    };
    let owner = || {
        (head > from)
            .then(|| resolve(toks, from, head, lex, history))
            .flatten()
            .flatten()
    };
    Some(org_behind(toks, s, cut, lex, descriptor).or_else(owner))
}

/// A claimant the entity table knows ("the head of the GUR" → its head, "NIS" → the agency).
fn known(toks: &[Token], s: usize, e: usize, lex: &Lexicon, descriptor: &str) -> Option<Claimant> {
    // "Belmira's General Staff" is not the general staff the table knows: a name owned by
    // another ("X's") is that owner's.
    let mut matches = lex.aliases.find_all(toks, s, e);
    matches
        .retain(|&(i, _, _)| i == s || !(toks[i - 1].possessive && toks[i - 1].is_capitalized()));
    // "The independent monitoring group": an outlet's name is written in capitals ("The
    // Independent"); in lower case its words are common ones.
    matches.retain(|&(i, len, tag)| {
        lex.entities[tag as usize].kind != EntityKind::Outlet
            || toks[i..i + len]
                .iter()
                .filter(|t| t.is_word() && !lex.grammar.articles.has(t))
                .all(Token::is_capitalized)
    });
    let pick = |kind: EntityKind| {
        matches
            .iter()
            .filter(|(_, _, tag)| lex.entities[*tag as usize].kind == kind)
            .max_by_key(|(_, len, _)| *len)
            .map(|(_, _, tag)| *tag as usize)
    };
    if let Some(p) = pick(EntityKind::Person) {
        let ent = &lex.entities[p];
        return Some(Claimant {
            source: ent.name.clone(),
            org: ent.org.map(|j| lex.entities[j].name.clone()),
            person: true,
            descriptor: descriptor.to_string(),
        });
    }
    let o = pick(EntityKind::Org).or_else(|| pick(EntityKind::Outlet))?;
    let ent = &lex.entities[o];
    let headed = (s..e).any(|i| lex.head_words.contains(toks, i));
    Some(match (headed, ent.head) {
        (true, Some(h)) => Claimant {
            source: lex.entities[h].name.clone(),
            org: Some(ent.name.clone()),
            person: true,
            descriptor: descriptor.to_string(),
        },
        _ => Claimant {
            source: ent.name.clone(),
            org: Some(ent.name.clone()),
            person: false,
            descriptor: descriptor.to_string(),
        },
    })
}

/// "The spokeswoman", "the governor", "the ministry": the holder named earlier. A role noun of
/// an institution ("the agency") with no holder goes to the last organisation, another ("the
/// official") to the last person.
fn by_role(
    toks: &[Token],
    (s, e): (usize, usize),
    lex: &Lexicon,
    history: &History,
) -> Option<Claimant> {
    if !toks[s].is("the") || (s + 1..e).any(|i| toks[i].is_capitalized()) {
        return None;
    }
    // "the county": a place that governs itself speaks like an institution.
    let body = |t: &Token| lex.grammar.org_heads.has(t) || lex.grammar.governed_places.has(t);
    let i = (s..e)
        .rev()
        .find(|&i| lex.role_heads.contains(toks, i) || body(&toks[i]))?;
    let role = toks[i].norm.as_str();
    let institution = lex.grammar.institutions.contains(role) || body(&toks[i]);
    // "the governor", "the humanitarian group": the role (an institution with at most one
    // word before it) refers back to whoever holds it; a kind of institution ("the district hospital") only
    // to one of its kind (`by_role`).
    let generic = !institution || lex.grammar.generic_institutions.has(&toks[i]);
    // A person's role with a word before it ("the interior minister") names an office of
    // its own, not whoever spoke last.
    let bare = i == e - 1 && (e - s == 2 || (institution && e - s <= 3)) && generic;
    // "the coroner's office": an office its owner names is that one, not the last office.
    let owned = (s + 1..i).any(|j| toks[j].possessive);
    // "the fire agency": a holder named with other words is another agency.
    let modifiers: Vec<&str> = toks[s + 1..i].iter().map(|t| t.norm.as_str()).collect();
    let named_so = |c: &Claimant| {
        let names = format!(
            "{} {}",
            c.descriptor,
            c.org.as_deref().unwrap_or("").to_lowercase()
        );
        modifiers.iter().all(|m| names.contains(m))
    };
    let holder = if owned {
        None
    } else if institution {
        history.institution(role)
    } else {
        history.by_role(role).cloned()
    }
    .filter(|c| named_so(c));
    let bare = bare && !owned;
    holder
        .or_else(|| {
            // ... not one the article gave another role ("the Maui police chief" is no
            // governor).
            let other_role = |c: &Claimant| {
                let words = lex.tokenize(&c.descriptor, 0);
                lex.role_heads
                    .find_all(&words, 0, words.len())
                    .iter()
                    .any(|&(k, _, _)| words[k].norm != role)
            };
            bare.then(|| {
                history
                    .last_where(|c| c.person != institution && (institution || !other_role(c)))
                    .cloned()
            })
            .flatten()
        })
        // "the district hospital", "the watchdog" with no one before it: the institution, as
        // the article describes it.
        .or_else(|| {
            (i == e - 1).then(|| Claimant {
                source: capitalised(&written(&toks[s + 1..e])),
                org: None,
                person: !institution,
                descriptor: toks[s..e]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            })
        })
}

/// "the state broadcaster URT", "the news agency Valpress": a lower-case role, then the
/// name of who holds it.
fn role_then_name(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    descriptor: &str,
) -> Option<Claimant> {
    let g = &lex.grammar;
    // People's roles before a name ("spokesman Inspector Karel Vos") are the name path's.
    let role = (s..e).rev().find(|&i| {
        !toks[i].is_capitalized() && (g.institutions.has(&toks[i]) || g.org_heads.has(&toks[i]))
    })?;
    let name = role + 1..e;
    if name.is_empty()
        || !name
            .clone()
            .all(|i| toks[i].is_capitalized() && toks[i].is_word())
    {
        return None;
    }
    let source = written(&toks[name]);
    Some(Claimant {
        org: Some(source.clone()),
        source,
        person: false,
        descriptor: descriptor.to_string(),
    })
}

/// A word that may stand inside a person's name: capitalised, not a title, not a party.
#[inline]
fn name_word(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    toks[i].is_capitalized() && capitalized_name_word(toks, i, lex)
}

#[inline(never)]
fn capitalized_name_word(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let t = &toks[i];
    let g = &lex.grammar;
    let function_word = g.clause_stops.has(t)
        || g.openers.has(t)
        || g.articles.has(t)
        || g.relatives.has(t)
        || g.possessives.has(t)
        || lex.pronouns.contains(toks, i);
    t.is_capitalized()
        && !function_word
        && ((t.is_word() && t.text.chars().count() > 1)
            || (t.text.len() == 2 && t.text.ends_with('.')))
        && !lex.titles.contains(toks, i)
        && !lex.grammar.org_heads.has(t)
        && !lex.grammar.place_heads.has(t)
        && lex.parties.match_at(toks, i).is_none()
}

/// A middle initial: "J." (one token) or "J" and ".".
fn initial(toks: &[Token], i: usize) -> usize {
    let t = &toks[i];
    let letter = t.text.len() == 1 && t.is_capitalized();
    if letter
        && toks
            .get(i + 1)
            .is_some_and(|d| d.is_punct('.') && d.start == t.end)
    {
        2
    } else {
        usize::from(t.text.len() == 2 && t.text.ends_with('.') && t.is_capitalized())
    }
}

/// The end of the run of name words (and initials, hyphens) from `i`, before `e`.
fn name_run(toks: &[Token], mut i: usize, e: usize, lex: &Lexicon) -> usize {
    while i < e {
        // "Ki-moon", "Jong-un": a lower-case part glued after a hyphen.
        let hyphen_part = i > 0
            && toks[i - 1].is_punct('-')
            && toks[i - 1].end == toks[i].start
            && toks[i].is_word()
            && !toks[i].is_capitalized()
            && !lex.grammar.prepositions.has(&toks[i])
            && !lex.grammar.clause_stops.has(&toks[i]);
        let step = match initial(toks, i) {
            0 => usize::from(
                name_word(toks, i, lex)
                    || toks[i].is_punct('-')
                    || hyphen_part
                    || particle(toks, i, e, lex),
            ),
            n => n,
        };
        if step == 0 || i + step > e {
            break;
        }
        i += step;
    }
    i
}

/// A lower-case particle inside a name, after a name word and before another ("Salem
/// al-Oraibi", "Ursula von der Leyen"): `[claimant] name_particles`.
fn particle(toks: &[Token], i: usize, e: usize, lex: &Lexicon) -> bool {
    let after_name = i > 0 && (toks[i - 1].is_word() || toks[i - 1].is_punct('-'));
    let next =
        (i + 1..e.min(i + 4)).find(|&k| !toks[k].is_punct('-') && !particle_word(toks, k, lex));
    after_name && particle_word(toks, i, lex) && next.is_some_and(|k| name_word(toks, k, lex))
}

fn particle_word(toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    !toks[i].is_capitalized() && lex.grammar.name_particles.has(&toks[i])
}

/// The words of `toks` as written, periods and hyphens glued ("Donald J. Trump"); a possessive
/// inside the name keeps its mark ("the Mineworkers’ Federation"), the last word's is the
/// owner's ("the ministry's").
fn written(toks: &[Token]) -> String {
    let mut out = String::new();
    for (k, t) in toks.iter().enumerate() {
        let glued = t.is_punct('.') || t.is_punct('-') || (k > 0 && toks[k - 1].is_punct('-'));
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        if t.possessive && k + 1 < toks.len() && toks[k + 1].is_word() {
            out.push_str(t.text);
            continue;
        }
        let word = crate::token::without_possessive(t.text);
        out.push_str(if t.possessive {
            word.trim_end_matches(['\'', '’'])
        } else {
            word
        });
    }
    out
}

/// "WHO", "MSF", "URT's": a word of two or more letters in capitals.
fn acronym(t: &Token) -> bool {
    t.is_word() && t.is_shouted()
}

/// Name words that are all capitals ("SPARED FULL BAN") come from a headline, not a name.
fn shouted(toks: &[Token]) -> bool {
    let caps = toks
        .iter()
        .filter(|t| t.is_word() && t.text.len() > 1 && !t.text.chars().any(char::is_lowercase))
        .count();
    caps >= 2
}

/// A sentence in title case (a headline): capitalised words there are no sign of a name.
/// At least three words of four letters or more, three in four of them capitalised.
pub fn title_case(toks: &[Token]) -> bool {
    let (mut long, mut lower) = (0, 0);
    for t in toks.iter().filter(|t| t.is_word() && t.text.len() > 3) {
        long += 1;
        if !t.is_capitalized() {
            lower += 1;
            // More than a quarter of all the tokens: a quarter of the long words at least.
            if lower * 4 > toks.len() {
                return false;
            }
        }
    }
    long >= 3 && lower * 4 <= long
}

/// A person's name in `s..e`: two to four name words in a row, titles dropped ("Gov. Alma
/// Reyes" → "Alma Reyes"), not inside an organisation's name and not after a preposition of
/// the phrase ("a spokeswoman for the Red Cross in Nueva Calinga" names nobody).
fn person_name(toks: &[Token], (s, e): (usize, usize), lex: &Lexicon) -> Option<String> {
    let mut i = s;
    while i < e {
        if !name_word(toks, i, lex) {
            i += 1;
            continue;
        }
        let start = i;
        i = name_run(toks, i, e, lex);
        let run = toks[start..i].iter().filter(|t| t.is_word()).count();
        let after_preposition = (s..start).any(|k| lex.grammar.name_prepositions.has(&toks[k]))
            || start
                .checked_sub(1)
                .is_some_and(|k| k >= s && lex.grammar.org_links.has(&toks[k]));
        let in_org = i < e && lex.grammar.org_heads.has(&toks[i]);
        let place = lex.grammar.place_openers.has(&toks[start]);
        if (2..=4).contains(&run)
            && !after_preposition
            && !in_org
            && !place
            && !shouted(&toks[start..i])
            && !thing_like(toks, start, i, lex)
        {
            return Some(written(&toks[start..i]));
        }
    }
    None
}

/// A run of capitalised words `s..e` that names a thing, not a person: after an article
/// ("the Great Depression", "a Bernie Sanders rally") or ending in a thing's head noun
/// ("Affordable Care Act", `[claimant] thing_heads`).
fn thing_like(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> bool {
    let g = &lex.grammar;
    s.checked_sub(1).is_some_and(|k| g.articles.has(&toks[k]))
        || toks.get(e).is_some_and(|t| g.thing_heads.has(t))
        || toks[..e]
            .iter()
            .rev()
            .find(|t| t.is_word())
            .is_some_and(|t| g.thing_heads.has(t))
}

/// The people a sentence names ("President Carla Benavides", "Jorge Saavedra, the union's
/// president"), each with the words before it that describe them ("president carla
/// benavides"), for [`History::mention`].
pub fn mentions(toks: &[Token], lex: &Lexicon) -> Vec<(String, String)> {
    let headline = title_case(toks);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(toks, i, lex) {
            i += 1;
            continue;
        }
        let start = i;
        i = name_run(toks, i, toks.len(), lex).max(i + 1);
        // Not "in Terre Haute"; but "given by Sarat Kumar Mohanty" names a person.
        let after_preposition = start > 0
            && lex.grammar.prepositions.has(&toks[start - 1])
            && !lex.grammar.agent_prepositions.has(&toks[start - 1]);
        let entity = !lex.aliases.find_all(toks, start, i).is_empty();
        let in_org = toks
            .get(i)
            .is_some_and(|t| lex.grammar.org_heads.has(t) || t.is_capitalized());
        let run = toks[start..i].iter().filter(|t| t.is_word()).count();
        let unlike = lex.grammar.place_openers.has(&toks[start])
            || shouted(&toks[start..i])
            || thing_like(toks, start, i, lex);
        if (2..=4).contains(&run)
            && !after_preposition
            && !in_org
            && !entity
            && !unlike
            && !headline
        {
            let mut from = start;
            while from > 0 && start - from < 3 && lex.titles.contains(toks, from - 1) {
                from -= 1;
            }
            let descriptor: Vec<&str> = toks[from..i].iter().map(|t| t.norm.as_str()).collect();
            out.push((written(&toks[start..i]), descriptor.join(" ")));
        }
    }
    out
}

/// The organisations a sentence names ("the Kurmi State Ministry of Health"), for
/// [`History::mention_org`].
pub fn organisations(toks: &[Token], lex: &Lexicon) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    while let Some(h) = (from..toks.len())
        .find(|&i| toks[i].is_capitalized() && lex.grammar.org_heads.has(&toks[i]))
    {
        if let Some(name) = org_name(toks, from, toks.len(), lex) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        from = h + 1;
    }
    out
}

/// The names a sentence uses as places or times: capitalised words after a locative or
/// temporal preposition (`[claimant] locatives`: "in Terre Haute,", "since the Cold War"),
/// followed by no noun of their own ("in Clinton headquarters" names no place).
pub fn places(toks: &[Token], lex: &Lexicon) -> Vec<String> {
    let g = &lex.grammar;
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !g.locatives.has(&toks[i]) || toks[i].is_capitalized() {
            continue;
        }
        let start = i + 1 + usize::from(toks.get(i + 1).is_some_and(|t| t.is("the")));
        let mut end = start;
        while end < toks.len()
            && end - start < 4
            && toks[end].is_word()
            && toks[end].is_capitalized()
            && !toks[end].possessive
        {
            end += 1;
        }
        let ends_phrase = toks.get(end).is_none_or(|t| {
            !t.is_word()
                || g.clause_stops.has(t)
                || g.prepositions.has(t)
                || g.coordinators.has(t)
                || g.be.has(t)
                || looks_past(t)
        });
        if end > start && ends_phrase && !toks[end - 1].possessive {
            out.push(written(&toks[start..end]));
        }
    }
    out
}

/// A lower-case word in "-ed" ("Terre Haute, called ...", "America highlighted").
fn looks_past(t: &Token) -> bool {
    !t.is_capitalized() && t.norm.len() > 4 && t.norm.ends_with("ed")
}

/// How many words an organisation's name may have before its head word ("National Disaster
/// Risk Reduction and Management Council").
const NAME_WORDS_BEFORE_HEAD: usize = 8;

/// An organisation named in `s..e`: the capitalised words around a head noun ("Ministry",
/// "Service", "Red Cross"), joined by "of", "and", "for" ("the California Department of
/// Forestry and Fire Protection").
fn org_name(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<String> {
    let Some(h) = (s..e).find(|&i| toks[i].is_capitalized() && lex.grammar.org_heads.has(&toks[i]))
    else {
        return org_of_name(toks, s, e, lex);
    };
    let mut a = h;
    loop {
        let word = a > s
            && h - a < NAME_WORDS_BEFORE_HEAD
            && toks[a - 1].is_capitalized()
            && !(a - 1 == s && toks[s].is("the"))
            && !shouted(&toks[a - 1..a + 1])
            // "OLYMPICS The International Olympic Committee": a headline's capitals end it.
            && (!toks[a - 1].is_shouted() || all_caps(toks[h].text));
        // "Immigration and Customs Enforcement".
        let link = a > s + 1
            && h - a < NAME_WORDS_BEFORE_HEAD
            && lex.grammar.org_links.has(&toks[a - 1])
            && !toks[a - 1].is_capitalized()
            && toks[a - 2].is_capitalized()
            && !(a - 2 == s && toks[s].is("the"));
        if word {
            a -= 1;
        } else if link {
            a -= 2;
        } else {
            break;
        }
    }
    let mut b = h + 1;
    loop {
        // "Ministry on Friday" is a name and a time.
        let named = |t: &Token| t.is_capitalized() && !lex.grammar.time_words.has(t);
        if b < e && named(&toks[b]) && toks[b].is_word() {
            b += 1;
        } else if b + 1 < e && lex.grammar.org_links.has(&toks[b]) && named(&toks[b + 1]) {
            b += 2;
        } else if b + 2 < e
            && lex.grammar.org_links.has(&toks[b])
            && toks[b + 1].is("the")
            && named(&toks[b + 2])
        {
            // "Ministry of the Interior"
            b += 3;
        } else {
            break;
        }
    }
    // A head noun alone ("Group", "Office") is no organisation's name, unless a time follows
    // it where a name would go on ("Police on Friday arrested").
    let timed = b + 1 < e
        && lex.grammar.org_links.has(&toks[b])
        && lex.grammar.time_words.has(&toks[b + 1]);
    (b - a >= 2 || timed).then(|| written(&toks[a..b]))
}

/// "The government of Costa Rica", "the ministry of Health": a lower-case head noun after
/// "the" and "of" with a name → "Government of Costa Rica".
fn org_of_name(toks: &[Token], s: usize, e: usize, lex: &Lexicon) -> Option<String> {
    let h = s + 1;
    let named = toks[s].is("the")
        && h + 2 < e
        && lex.grammar.org_heads.has(&toks[h])
        && toks.get(h + 1).is_some_and(|t| t.is("of"))
        && toks
            .get(h + 2)
            .is_some_and(|t| t.is_capitalized() && t.is_word());
    if !named {
        return None;
    }
    let mut b = h + 2;
    while b < e && toks[b].is_capitalized() && toks[b].is_word() {
        b += 1;
    }
    Some(capitalised(&written(&toks[h..b])))
}

/// The organisation a person's words give them when no organisation is named in full: the
/// owner of a possessive ("its spokesman" → the last organisation, "the federation's
/// director" → the federation named before), or an organisation's head noun
/// ("the police chief", "union general secretary") → the organisation with that head named
/// before, else the noun itself.
fn affiliation(
    toks: &[Token],
    s: usize,
    e: usize,
    lex: &Lexicon,
    history: &History,
) -> Option<String> {
    let g = &lex.grammar;
    let owner = (s..e).find(|&i| g.thing_possessives.has(&toks[i]) || toks[i].possessive);
    if let Some(i) = owner {
        let t = &toks[i];
        if g.thing_possessives.has(t) {
            return history.last(Some(false)).and_then(|c| c.org.clone());
        }
        if g.org_heads.has(t) {
            return history.by_role(&t.norm).and_then(|c| c.org.clone());
        }
    }
    for i in s..e {
        let t = &toks[i];
        if g.org_heads.has(t) && !t.possessive && toks.get(i + 1).is_none_or(|n| !n.is("of")) {
            let named = history.by_role(&t.norm).and_then(|c| c.org.clone());
            return named
                .or_else(|| (i + 1 < e || t.is_capitalized()).then(|| capitalised(t.text)));
        }
    }
    None
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

/// One word: a surname of the article's people, a group noun ("officials", "police"), or a
/// capitalised word inside a sentence (a name: "Reuters", "Trump"). A capitalised word that
/// opens the sentence, a title, a place or a time names nobody.
fn single_word(
    toks: &[Token],
    i: usize,
    s: usize,
    titled: bool,
    lex: &Lexicon,
    history: &History,
    descriptor: &str,
) -> Option<Claimant> {
    let t = &toks[i];
    if let Some(c) = history.by_surname(t.text) {
        return Some(c.clone());
    }
    // "Bagtas reported 19 dead", "Kareth said": a place the article named speaks through
    // its authorities.
    if history.is_place(t.text) {
        return Some(Claimant {
            source: t.text.to_string(),
            org: None,
            person: false,
            descriptor: descriptor.to_string(),
        });
    }
    // "The WHO": after an article, a capital marks a name, not the sentence's start.
    let opens_sentence =
        !titled && (i == 0 || (s == 0 && i <= 1 && !lex.grammar.articles.has(&toks[0])));
    // "Tennessee said four people had died", "Reuters reported": a word no list knows, right
    // before a speech verb, is a name even where it opens the sentence (a place or a body
    // speaking, not a person whom the article would have named in full).
    let speaking = i == s && t.id == NO_ID && speaks_at(toks, i + 1, lex);
    let nameless = lex.titles.contains(toks, i)
        || lex.grammar.place_heads.has(t)
        || lex.grammar.time_words.has(t)
        || lex.grammar.months.of(t).is_some()
        || lex.grammar.weekdays.of(t).is_some()
        || lex.role_heads.contains(toks, i);
    // An acronym that owns something is a name wherever it stands ("AFAD's evening update
    // puts the toll at ..."; a dateline's "PARIS," is none).
    let named = speaking || (acronym(t) && t.possessive);
    if !t.is_capitalized() || (opens_sentence && !named) || nameless || !t.is_word() {
        return None;
    }
    // A headline's capitals mark no names, but an acronym's do ("Dead in Turkey: 43,556
    // (AFAD)").
    if title_case(toks) && !acronym(t) {
        return None;
    }
    Some(Claimant {
        source: written(std::slice::from_ref(t)),
        org: None,
        // "WHO", "MSF": an acronym names an organisation.
        person: lex.parties.match_at(toks, i).is_none() && !acronym(t) && !opens_sentence,
        descriptor: descriptor.to_string(),
    })
}

/// "MARKHAM: Those are killed and wounded together.": a transcript's speaker label, a surname
/// in capitals before a colon opening the paragraph, names the person the article introduced
/// with that surname, who says what follows. A label the article names nobody by ("UPDATE:",
/// "NOTE:") is no speaker.
pub fn speaker_label(toks: &[Token], history: &History) -> Option<Claimant> {
    let colon = toks.iter().take(4).position(|t| t.is_punct(':'))?;
    let label = toks.get(..colon).filter(|l| !l.is_empty())?;
    if !label.iter().all(acronym) {
        return None;
    }
    let last = label.last()?.text;
    let mut chars = last.chars();
    let first = chars.next()?;
    let surname: String = std::iter::once(first)
        .chain(chars.flat_map(char::to_lowercase))
        .collect();
    history.by_surname(&surname).cloned()
}

/// An interview transcript's answer: a paragraph that opens with "A:".
pub fn answer_label(toks: &[Token]) -> bool {
    toks.first().is_some_and(|t| t.text == "A") && toks.get(1).is_some_and(|t| t.is_punct(':'))
}

/// A number or a number word ("34,000", "six", "six-million").
pub(crate) fn is_count(t: &Token, lex: &Lexicon) -> bool {
    let g = &lex.grammar;
    t.is_number()
        || t.norm.split('-').any(|w| {
            let w = w
                .strip_suffix('s')
                .filter(|b| g.scales.get(b).is_some())
                .unwrap_or(w);
            g.units.get(w).is_some() || g.tens.get(w).is_some() || g.scales.get(w).is_some()
        })
}

/// A described group: a noun phrase whose head is a group noun ("local officials", "health
/// authorities", "Ukrainian officials") or a party ("Ukraine"). Anything else ("the
/// statement", "Monday evening", "a practice") names nobody.
fn group(toks: &[Token], s: usize, words: &[usize], lex: &Lexicon) -> Option<(String, bool)> {
    let g = &lex.grammar;
    let &head = words
        .iter()
        .take_while(|&&i| !g.prepositions.has(&toks[i]))
        .last()?;
    // "A fact sheet lawmakers released": after "a", a plural head starts another phrase
    // (unless a quantifier lets it: "a few officials").
    let plural = g.group_nouns.has(&toks[head]) || toks[head].norm.ends_with('s');
    let quantified = (s..head).any(|i| g.plural_quantifiers.has(&toks[i]));
    if (toks[s].is("a") || toks[s].is("an")) && plural && !quantified {
        return None;
    }
    // "a nurse", "a police officer at the scene": someone the outlet does not name.
    let anonymous = lex
        .anonymous_sources
        .match_ending_at(toks, head + 1)
        .is_some()
        && lex.grammar.articles.has(&toks[s]);
    let ok = anonymous
        || lex.claimant_nouns.contains(toks, head)
        // "Beirut's governor", "the top U.S. general" ("a full head count" is no role's).
        || (lex.role_heads.contains(toks, head) && !toks[s].is("a"))
        || lex.grammar.group_nouns.has(&toks[head])
        || lex.grammar.org_heads.has(&toks[head])
        || (words.len() == 1 && lex.parties.match_at(toks, head).is_some());
    // A lone singular noun ("Official", "Source") is a headline's fragment, not a group.
    let lone = words.len() == 1
        && !anonymous
        && !lex.grammar.group_nouns.has(&toks[head])
        && !toks[head].norm.ends_with('s')
        && lex.parties.match_at(toks, head).is_none();
    // "34,000 people", "six-million people": a count is a figure, not who speaks ("two
    // officials" are speakers).
    let counted = !lex.claimant_nouns.contains(toks, head)
        && (words.iter().any(|&i| is_count(&toks[i], lex)) || counted_before(toks, s, lex));
    if !ok || lone || counted || words.iter().any(|&i| lex.grammar.time_words.has(&toks[i])) {
        return None;
    }
    let all = words;
    let mut words: Vec<usize> = all
        .iter()
        .copied()
        .skip_while(|&i| {
            lex.grammar.openers.has(&toks[i]) || lex.grammar.coordinators.has(&toks[i])
        })
        .take_while(|&i| i <= head)
        .collect();
    // "A group of 67 artists": an organisation's head alone names none; "a network of
    // Muslim community groups" is named by what it gathers.
    if let [one] = words[..] {
        if lex.grammar.org_heads.has(&toks[one]) && !lex.grammar.group_nouns.has(&toks[one]) {
            let gathers = toks.get(one + 1).is_some_and(|t| t.is("of"))
                && all.iter().filter(|&&i| i > one + 1).count() >= 1;
            if !gathers {
                return None;
            }
            words = all.iter().copied().filter(|&i| i >= one).collect();
        }
    }
    // "The chief minister of West Bengal", "the governor of Beirut": the place or body the
    // role is of belongs to its name.
    if let Some(of_name) = role_of_name(toks, head, all, lex) {
        words.extend(of_name);
    }
    let first = toks[*words.first()?].start;
    let last = toks[*words.last()?].end;
    let raw: String = words
        .iter()
        .map(|&i| &toks[i])
        .filter(|t| t.start >= first && t.end <= last)
        .fold(String::new(), |mut acc, t| {
            let glue = t.is_punct('-') || t.is_punct('.');
            if !acc.is_empty() && !glue && !acc.ends_with('-') {
                acc.push(' ');
            }
            acc.push_str(if t.possessive {
                t.text.trim_end_matches(['\'', '’'])
            } else {
                t.text
            });
            if t.possessive && !t.text.ends_with(['s', '\'', '’']) {
                acc.push_str("'s");
            }
            acc
        });
    let mut chars = raw.chars();
    let first = chars.next()?;
    Some((
        first.to_uppercase().collect::<String>() + chars.as_str(),
        anonymous,
    ))
}

/// The words of "of West Bengal" after a role or an organisation's head at `head` ("the
/// chief minister of West Bengal"): "of", perhaps "the", then capitalised words, all in
/// `words` (the phrase's words).
fn role_of_name(toks: &[Token], head: usize, words: &[usize], lex: &Lexicon) -> Option<Vec<usize>> {
    let role = lex.role_heads.contains(toks, head) || lex.grammar.org_heads.has(&toks[head]);
    if !role || !toks.get(head + 1).is_some_and(|t| t.is("of")) {
        return None;
    }
    let mut k = head + 2;
    if toks.get(k).is_some_and(|t| t.is("the")) {
        k += 1;
    }
    let run: Vec<usize> = (k..toks.len())
        .take_while(|&i| words.contains(&i) && toks[i].is_word() && toks[i].is_capitalized())
        .collect();
    if run.is_empty() {
        return None;
    }
    Some((head + 1..k).chain(run).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(np: &str) -> Option<String> {
        let lex = Lexicon::builtin();
        let text = format!("{np} said it.");
        let toks = lex.tokenize(&text, 0);
        let end = toks.iter().position(|t| t.is("said")).unwrap();
        resolve(&toks, 0, end, &lex, &History::default())
            .flatten()
            .map(|c| c.source)
    }

    #[test]
    fn groups_people_and_organisations() {
        assert_eq!(
            name("Intelligence agencies from Western nations, South Korea, and Ukraine").as_deref(),
            Some("Intelligence agencies")
        );
        assert_eq!(name("Donald J. Trump").as_deref(), Some("Donald J. Trump"));
        assert_eq!(
            name("Maria Lopez, a spokeswoman for the city's ambulance service").as_deref(),
            Some("Maria Lopez")
        );
        assert_eq!(
            name("The California Department of Forestry and Fire Protection").as_deref(),
            Some("California Department of Forestry and Fire Protection")
        );
        // A title word ("National") and "and" inside an organisation's name.
        assert_eq!(
            name("The National Disaster Risk Reduction and Management Council").as_deref(),
            Some("National Disaster Risk Reduction and Management Council")
        );
        assert_eq!(
            name("Local health officials").as_deref(),
            Some("Local health officials")
        );
        // An organisation named by what it gathers, not by its head alone.
        assert_eq!(
            name("A coalition of tenant unions").as_deref(),
            Some("Coalition of tenant unions")
        );
        assert_eq!(name("A group of 67 artists"), None);
        // A role with the place or body it is of, or the place's possessive.
        assert_eq!(
            name("The chief minister of West Bengal").as_deref(),
            Some("Chief minister of West Bengal")
        );
        assert_eq!(
            name("The governor of Beirut").as_deref(),
            Some("Governor of Beirut")
        );
        assert_eq!(
            name("Beirut's governor").as_deref(),
            Some("Beirut's governor")
        );
    }

    #[test]
    fn long_names_and_names_owned_by_another() {
        assert_eq!(
            name("The National Disaster Risk Reduction and Management Council").as_deref(),
            Some("National Disaster Risk Reduction and Management Council")
        );
        // "The state's Department of ..." is not the State Department the table knows.
        let dept = name("The state's Department of Health and Human Services");
        assert_ne!(dept.as_deref(), Some("U.S. State Department"));
        assert_eq!(
            name("The State Department").as_deref(),
            Some("U.S. State Department")
        );
    }

    #[test]
    fn governed_places_and_acronyms_that_own_speak() {
        let lex = Lexicon::builtin();
        let h = History::default();
        let said = |text: &str, e: usize| {
            let toks = lex.tokenize(text, 0);
            resolve(&toks, 0, e, &lex, &h)
                .flatten()
                .map(|c| (c.source, c.person))
        };
        assert_eq!(
            said("Maui County said 115 people died.", 2),
            Some(("Maui County".to_string(), false))
        );
        // A coast has no authorities; a dateline's capitals own nothing.
        assert_eq!(said("Nicaraguan coast disputes the count.", 2), None);
        assert_eq!(said("PARIS, Oct. 2 - Thousands marched.", 1), None);
        assert_eq!(
            said("AFAD's evening update puts the toll at 14,014.", 3),
            Some(("AFAD".to_string(), false))
        );
        // "The White Helmets said": "the" and a capitalised name is a body's, whole.
        assert_eq!(
            said("The White Helmets said 10 people died.", 3),
            Some(("White Helmets".to_string(), false))
        );
        assert_eq!(
            said("The Africa Cup of Nations, and an inquiry blamed", 9),
            None
        );
        // A time after a name is no part of it.
        assert_eq!(
            said("France's Interior Ministry on Friday said", 5).map(|c| c.0),
            Some("France's Interior Ministry".to_string())
        );
        // "South Carolina has counted", "Tennessee has counted": a place before a verb of
        // saying, past an auxiliary.
        assert_eq!(
            said("South Carolina has counted 49.", 2),
            Some(("South Carolina".to_string(), false))
        );
        assert_eq!(
            said("Tennessee has counted 12 deaths.", 1),
            Some(("Tennessee".to_string(), false))
        );
        assert_eq!(said("Tennessee had 12 deaths.", 1), None);
        // "The county said": the county the article named speaks again.
        let mut seen = History::default();
        seen.push(&Claimant {
            source: "Maui County".into(),
            org: None,
            person: false,
            descriptor: "maui county".into(),
        });
        let toks = lex.tokenize("The county said", 0);
        let c = resolve(&toks, 0, 2, &lex, &seen).flatten();
        assert_eq!(c.map(|c| c.source).as_deref(), Some("Maui County"));
        // "On Aug. 24 the county said": a month's abbreviation names nobody.
        let toks = lex.tokenize("On Aug. 24 the county said", 0);
        assert_eq!(resolve(&toks, 1, 2, &lex, &h).flatten(), None);
    }

    #[test]
    fn an_unknown_word_opening_the_sentence_before_a_speech_verb_names_a_body() {
        assert_eq!(name("Tennessee").as_deref(), Some("Tennessee"));
        let lex = Lexicon::builtin();
        let text = "Tennessee said four people had died.";
        let toks = lex.tokenize(text, 0);
        let c = resolve(&toks, 0, 1, &lex, &History::default()).flatten();
        assert_eq!(c.as_ref().map(|c| c.person), Some(false));
        // Not before another verb, and not a word the lexicon knows ("Officials").
        let text = "Tennessee had four deaths.";
        let toks = lex.tokenize(text, 0);
        assert_eq!(
            resolve(&toks, 0, 1, &lex, &History::default()).flatten(),
            None
        );
    }

    #[test]
    fn a_transcripts_speaker_label_names_the_person_introduced() {
        let lex = Lexicon::builtin();
        let mut history = History::default();
        let intro = lex.tokenize("The host spoke to Dr Helen Markham.", 0);
        for (name, descriptor) in mentions(&intro, &lex) {
            history.mention(name, descriptor);
        }
        let answer = lex.tokenize("MARKHAM: Probably both.", 0);
        let c = speaker_label(&answer, &history).map(|c| c.source);
        assert_eq!(c.as_deref(), Some("Helen Markham"));
        let note = lex.tokenize("UPDATE: The toll rose.", 0);
        assert_eq!(speaker_label(&note, &history), None);
    }

    #[test]
    fn names_keep_their_lower_case_particles() {
        assert_eq!(name("Salem al-Oraibi").as_deref(), Some("Salem al-Oraibi"));
        assert_eq!(
            name("Ursula von der Leyen").as_deref(),
            Some("Ursula von der Leyen")
        );
        // A particle with no name after it is not part of one.
        assert_eq!(name("Jean Dupont de"), name("Jean Dupont"));
    }

    #[test]
    fn no_claimant_from_places_times_or_common_words() {
        // A place speaks only right before a verb of saying ("New Jersey said": its
        // authorities); not as the subject of another verb.
        assert_eq!(name("New Jersey").as_deref(), Some("New Jersey"));
        let lex = Lexicon::builtin();
        let toks = lex.tokenize("New Jersey had 12 deaths.", 0);
        assert_eq!(
            resolve(&toks, 0, 2, &lex, &History::default()).flatten(),
            None
        );
        assert_eq!(name("Monday evening"), None);
        assert_eq!(name("The statement"), None);
        assert_eq!(name("Official"), None);
        assert_eq!(name("A newly released email relating to Benghazi"), None);
        assert_eq!(name("A fact sheet lawmakers released Monday"), None);
        assert_eq!(name("A group"), None);
    }

    #[test]
    fn source_nouns_name_who_made_them() {
        assert_eq!(
            name("A report by the Red Cross").as_deref(),
            Some("Red Cross")
        );
        assert_eq!(
            name("A new Fox News poll of likely voters").as_deref(),
            Some("Fox News")
        );
        assert_eq!(
            name("The government of Costa Rica").as_deref(),
            Some("Government of Costa Rica")
        );
        assert_eq!(name("A few officials").as_deref(), Some("Few officials"));
    }

    #[test]
    fn a_role_after_a_comma_is_the_name_before_it() {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize("Michael Briggs, Sanders's spokesman, suggested it.", 0);
        let s = toks.iter().position(|t| t.is_punct(',')).unwrap() + 1;
        let e = toks.iter().rposition(|t| t.is_punct(',')).unwrap();
        let c = resolve(&toks, s, e, &lex, &History::default()).flatten();
        assert_eq!(c.map(|c| c.source).as_deref(), Some("Michael Briggs"));
    }

    #[test]
    fn family_names_first() {
        let lex = Lexicon::builtin();
        let mut history = History::default();
        let text = "Ban Ki-moon, the secretary general, spoke.";
        let toks = lex.tokenize(text, 0);
        for (n, d) in mentions(&toks, &lex) {
            history.mention(n, d);
        }
        let toks = lex.tokenize("Ban said it.", 0);
        let c = resolve(&toks, 0, 1, &lex, &history).flatten();
        assert_eq!(c.map(|c| c.source).as_deref(), Some("Ban Ki-moon"));
    }

    #[test]
    fn a_transcript_label_names_whom_an_agent_phrase_named() {
        let lex = Lexicon::builtin();
        let mut history = History::default();
        let text = "The briefing was given by Sarat Kumar Mohanty, a relief commissioner.";
        for (n, d) in mentions(&lex.tokenize(text, 0), &lex) {
            history.mention(n, d);
        }
        let toks = lex.tokenize("MOHANTY: The toll is 275.", 0);
        let c = speaker_label(&toks, &history);
        assert_eq!(c.map(|c| c.source).as_deref(), Some("Sarat Kumar Mohanty"));
        // A place after "in" is no person.
        assert!(mentions(&lex.tokenize("It happened in Terre Haute.", 0), &lex).is_empty());
    }

    #[test]
    fn institutions_by_place_owner_and_country() {
        assert_eq!(
            name("the government in Harare").as_deref(),
            Some("Government in Harare")
        );
        assert_eq!(
            name("Local authorities in Tawila").as_deref(),
            Some("Local authorities in Tawila")
        );
        // A person's role is no institution in a place.
        assert_ne!(
            name("A railway official in Bhubaneswar").as_deref(),
            Some("A railway official in Bhubaneswar")
        );
        // An outlet's name in lower case is common words.
        assert_eq!(
            name("The independent monitoring group OVD-Info").as_deref(),
            Some("OVD-Info")
        );
        let lex = Lexicon::builtin();
        let mut h = History::default();
        h.mention_org("Butte County Sheriff's Office".into());
        let text = "Of the 85 dead, 58 were identified, according to the coroner's office.";
        let toks = lex.tokenize(text, 0);
        let s = toks.iter().rposition(|t| t.is("the")).unwrap();
        let c = resolve(&toks, s, toks.len() - 1, &lex, &h).flatten();
        assert_eq!(c.map(|c| c.source).as_deref(), Some("Coroner's office"));
        // "its" after a country that opens the sentence.
        let text = "Germany has airlifted 5,347 people, its armed forces said.";
        let toks = lex.tokenize(text, 0);
        let s = toks.iter().position(|t| t.is("its")).unwrap();
        let e = toks.iter().position(|t| t.is("said")).unwrap();
        let c = resolve(&toks, s, e, &lex, &h).flatten();
        assert_eq!(
            c.map(|c| c.source).as_deref(),
            Some("Germany's armed forces")
        );
    }

    #[test]
    fn a_headline_s_bare_role_names_its_holder() {
        assert_eq!(name("minister").as_deref(), Some("Minister"));
        assert_eq!(name("police").as_deref(), Some("Police"));
    }

    #[test]
    fn a_title_names_a_person_and_a_bare_role_no_other_role_holder() {
        let lex = Lexicon::builtin();
        let h = History::default();
        let toks = lex.tokenize("Ukraine's interior minister said it.", 0);
        let c = resolve(&toks, 0, 3, &lex, &h).flatten().unwrap();
        assert!(c.person);
        let mut h = History::default();
        h.push(&Claimant {
            source: "Maui police chief".into(),
            org: None,
            person: true,
            descriptor: "the maui police chief".into(),
        });
        let toks = lex.tokenize("The governor said it.", 0);
        let c = resolve(&toks, 0, 2, &lex, &h).flatten();
        assert_ne!(c.map(|c| c.source).as_deref(), Some("Maui police chief"));
        // A role named with other words than its holder's is another office.
        let mut h = History::default();
        h.push(&Claimant {
            source: "Anna Berg".into(),
            org: None,
            person: true,
            descriptor: "anna berg, the foreign minister".into(),
        });
        let toks = lex.tokenize("The interior minister said it.", 0);
        let c = resolve(&toks, 0, 3, &lex, &h).flatten();
        assert_ne!(c.map(|c| c.source).as_deref(), Some("Anna Berg"));
        let toks = lex.tokenize("The foreign minister said it.", 0);
        let c = resolve(&toks, 0, 3, &lex, &h).flatten();
        assert_eq!(c.map(|c| c.source).as_deref(), Some("Anna Berg"));
    }
}
