//! The extractor's data: phrase lists, parties, entities and clutter patterns, read from
//! `data/lexicon.toml`, the closed-class words of `data/en/grammar.toml` (same layout) and
//! `data/entities.toml` (built in), plus optional extensions from a corpus folder. Phrases are
//! compiled into [`PhraseSet`]s that match on tokens, grammar words into [`WordSet`]s and
//! [`WordTable`]s. Every list is declared once, in the `lexicon!` invocation below.

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::pattern::{LineSet, LiteralScan, Pattern, PatternList};
use crate::token::{tokenize, Lists, Token, NO_ID};
use claimscope_model::model::{Metric, Qualifier, Question};

use crate::question::{self, QuestionEntry, StanceCue, Take};

const BUILTIN_LEXICON: &str = include_str!("../data/lexicon.toml");
const BUILTIN_GRAMMAR: &str = include_str!("../data/en/grammar.toml");
/// Every country as a party (generated from a data set by `scripts/countries.py`).
const BUILTIN_COUNTRIES: &str = include_str!("../data/en/countries.toml");
/// Peoples that are no country (ethnic and religious groups) as parties.
const BUILTIN_PEOPLES: &str = include_str!("../data/en/peoples.toml");
/// The built-in list files (same layout): name, contents.
const BUILTIN_LISTS: [(&str, &str); 4] = [
    ("lexicon.toml (built in)", BUILTIN_LEXICON),
    ("en/grammar.toml (built in)", BUILTIN_GRAMMAR),
    ("en/countries.toml (built in)", BUILTIN_COUNTRIES),
    ("en/peoples.toml (built in)", BUILTIN_PEOPLES),
];
const BUILTIN_ENTITIES: &str = include_str!("../data/entities.toml");

/// A problem with a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{file}: {source}")]
    Toml {
        file: String,
        #[source]
        source: Box<toml::de::Error>,
    },
    #[error("{file}: pattern {pattern:?} is not a valid regular expression: {source}")]
    Pattern {
        file: String,
        pattern: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("{file}: pattern {pattern:?} is not a valid regular expression: {message}")]
    Syntax {
        file: String,
        pattern: String,
        message: String,
    },
    #[error("{file}: [{list}]: {source}")]
    List {
        file: String,
        list: String,
        #[source]
        source: Box<toml::de::Error>,
    },
    #[error("{file}: unknown list {list:?}")]
    Unknown { file: String, list: String },
    #[error("list {list:?} is declared but no built-in data file gives it")]
    Missing { list: String },
    #[error("phrase set {list:?} was never indexed")]
    Unfinished { list: String },
    /// A `[[question]]` that cannot be used (the message names the file).
    #[error("{0}")]
    Question(String),
    #[error("{file}: entity {entity:?} names an unknown {field} {target:?}")]
    UnknownEntity {
        file: String,
        entity: String,
        field: &'static str,
        target: String,
    },
}

// ---- the declaration ---------------------------------------------------------------------------

/// Declares every list the extractor reads, once: the [`Lexicon`] field it fills and the
/// `section.key` lists of the data files that fill it. From this the macro makes the `Lexicon`
/// and [`Grammar`] structs, the table of lists a file may give ([`LISTS`]), their reading
/// ([`Lexicon::absorb_lists`]) and the indexing of every phrase set
/// ([`Lexicon::phrase_sets_mut`]).
///
/// - `phrases`: `field = [section.key => tag, ...]` fills a [`PhraseSet`] (tag 0 if none is
///   given); `field = []` is a phrase set that code fills (parties, aliases).
/// - `words`: `field = section.key` fills a [`WordSet`] of `lex.grammar`.
/// - `tables`: `field = section.key` fills a [`WordTable`] of `lex.grammar`.
/// - `other`: plain fields of `Lexicon`, filled by code.
macro_rules! lexicon {
    (@tag) => { 0 };
    (@tag $tag:expr) => { $tag };
    (
        phrases { $( $(#[$pm:meta])* $pf:ident = [ $( $ps:ident . $pk:ident $(=> $pt:expr)? ),* $(,)? ] ),* $(,)? }
        words { $( $(#[$wm:meta])* $wf:ident = $ws:ident . $wk:ident ),* $(,)? }
        tables { $( $(#[$tm:meta])* $tf:ident = $ts:ident . $tk:ident ),* $(,)? }
        other { $( $(#[$om:meta])* $of:ident : $ot:ty ),* $(,)? }
    ) => {
        /// Everything the extractor knows about words and names.
        #[derive(Debug, Clone, Default)]
        pub struct Lexicon {
            $( $(#[$pm])* pub $pf: PhraseSet, )*
            /// The closed-class words the rules test (`data/en/grammar.toml`).
            pub grammar: Grammar,
            $( $(#[$om])* pub $of: $ot, )*
        }

        /// Closed-class words, compared with a token's normal form.
        #[derive(Debug, Clone, Default)]
        pub struct Grammar {
            $( $(#[$wm])* pub $wf: WordSet, )*
            $( $(#[$tm])* pub $tf: WordTable, )*
            /// Unions of the lists' bits, set once the lists are numbered.
            pub gates: Gates,
        }

        /// Every list a data file may give: (section, key, kind).
        const LISTS: &[(&str, &str, ListKind)] = &[
            $( $( (stringify!($ps), stringify!($pk), ListKind::Words), )* )*
            $( (stringify!($ws), stringify!($wk), ListKind::Words), )*
            $( (stringify!($ts), stringify!($tk), ListKind::Table), )*
        ];

        impl Lexicon {
            /// Adds the declared lists of one file.
            fn absorb_lists(&mut self, f: &LexiconFile) {
                $( $( self.$pf.add_all(
                    f.words(stringify!($ps), stringify!($pk)),
                    lexicon!(@tag $($pt)?),
                ); )* )*
                $( self.grammar.$wf.extend(f.words(stringify!($ws), stringify!($wk))); )*
                $( self.grammar.$tf.extend(f.table(stringify!($ts), stringify!($tk))); )*
            }

            /// Every phrase set, by field name.
            fn phrase_sets_mut(&mut self) -> Vec<(&'static str, &mut PhraseSet)> {
                vec![ $( (stringify!($pf), &mut self.$pf), )* ]
            }

            fn phrase_sets(&self) -> Vec<(&'static str, &PhraseSet)> {
                vec![ $( (stringify!($pf), &self.$pf), )* ]
            }

            /// Every list a token's [`Lists`] can tell: word sets, tables, phrase sets.
            fn lists_mut(&mut self) -> (Vec<&mut WordSet>, Vec<&mut WordTable>, Vec<&mut PhraseSet>) {
                (
                    vec![ $( &mut self.grammar.$wf, )* ],
                    vec![ $( &mut self.grammar.$tf, )* ],
                    vec![ $( &mut self.$pf, )* ],
                )
            }
        }

        /// How many lists a token's [`Lists`] must tell apart.
        const LIST_COUNT: usize = [
            $( stringify!($wf), )* $( stringify!($tf), )* $( stringify!($pf), )*
        ].len();
    };
}

/// The union of several lists' bits, so that a rule rules out most tokens with one test (0
/// while a list is not numbered: then nothing is ruled out).
#[derive(Debug, Clone, Copy, Default)]
pub struct Gates {
    /// Words a date may start with ([`crate::date::gate`]).
    pub dates: u128,
    /// Words a number may start with ([`crate::number::gate`]).
    pub numbers: u128,
}

/// The union of `masks`, or 0 if one of them is not numbered.
pub fn union_of(masks: &[u128]) -> u128 {
    match masks.contains(&0) {
        true => 0,
        false => masks.iter().fold(0, |m, x| m | x),
    }
}

lexicon! {
    phrases {
        /// Tagged with the [`Qualifier`] ([`qualifier_of`]).
        qualifiers = [
            qualifiers.about => Qualifier::About as u32,
            qualifiers.up_to => Qualifier::UpTo as u32,
            qualifiers.at_least => Qualifier::AtLeast as u32,
            qualifiers.more_than => Qualifier::MoreThan as u32,
            qualifiers.less_than => Qualifier::LessThan as u32,
        ],
        qualifiers_after = [
            qualifiers.after_at_least => Qualifier::AtLeast as u32,
            qualifiers.after_about => Qualifier::About as u32,
            qualifiers.after_up_to => Qualifier::UpTo as u32,
        ],
        people = [people.nouns],
        groups = [people.groups],
        responders = [people.responders],
        not_sent = [people.not_sent],
        kin = [people.kin],
        elliptic_verbs = [people.elliptic_verbs],
        people_predicates = [people.predicates],
        predicate_auxiliaries = [people.predicate_auxiliaries],
        not_people = [units.not_people],
        not_people_before = [units.not_people_before],
        ratio_after = [units.ratio_after],
        population_leads = [units.population_leads],
        /// Tagged with the [`Metric`] ([`metric_of`]).
        metrics = [
            metrics.deployed => Metric::Deployed as u32,
            metrics.fighting => Metric::Fighting as u32,
            metrics.killed => Metric::Killed as u32,
            metrics.wounded => Metric::Wounded as u32,
            metrics.casualties => Metric::Casualties as u32,
            metrics.captured => Metric::Captured as u32,
            metrics.missing => Metric::Missing as u32,
            metrics.displaced => Metric::Displaced as u32,
            metrics.arrested => Metric::Arrested as u32,
            metrics.other => Metric::Other as u32,
        ],
        /// Party words (from `[[party]]`), tagged with the index into `party_names`.
        parties = [],
        /// Plural demonyms that count people, tagged like `parties`.
        party_people = [],
        speech_verbs = [attribution.verbs],
        noun_like = [attribution.noun_like],
        not_claimants = [attribution.not_claimants],
        source_nouns = [attribution.source_nouns],
        according = [attribution.according],
        backward = [attribution.backward],
        via = [attribution.via],
        adverbs = [attribution.adverbs],
        connectives = [attribution.connectives],
        anonymous_sources = [attribution.anonymous_sources],
        titles = [attribution.titles],
        role_heads = [attribution.role_heads],
        head_words = [attribution.head_words],
        pronouns = [attribution.pronouns],
        claimant_nouns = [attribution.claimant_nouns],
        // ---- stance ----
        /// Every question's phrases (from `[[question]]`), tagged with [`StanceCue::tag`].
        stance = [],
        negators = [stance.negators],
        denials = [stance.denials],
        denials_after = [stance.denials_after],
        hedges = [stance.hedges],
        anaphora = [stance.anaphora],
        report_nouns = [stance.report_nouns],
        report_objects = [stance.report_objects],
        noun_blockers = [stance.noun_blockers],
        determiners = [stance.determiners],
        stance_breaks = [stance.clause_breaks],
        // ---- entities ----
        /// Entity aliases (from `entities.toml`), tagged with the index into `entities`.
        aliases = [],
    }
    words {
        abbreviations = sentence.abbreviations,
        vague_plurals = number.vague_plurals,
        vague_plurals_of = number.vague_plurals_of,
        vague_quantifiers = number.vague_quantifiers,
        vague_scales = number.vague_scales,
        range_leads = number.range_leads,
        range_words = number.range_words,
        change_verbs = number.change_verbs,
        pronoun_one_after = number.pronoun_one_after,
        one_of_after = number.one_of_after,
        bound_links = number.bound_links,
        day_suffixes = date.day_suffixes,
        weekday_leads = date.weekday_leads,
        be = clause.be,
        clause_stops = clause.stops,
        content_breaks = clause.content_breaks,
        participle_asides = clause.participle_asides,
        addressee_verbs = clause.addressee_verbs,
        tally_verbs = clause.tally_verbs,
        acronym_words = clause.acronym_words,
        person_pronouns = claimant.person_pronouns,
        thing_pronouns = claimant.thing_pronouns,
        institutions = claimant.institutions,
        generic_institutions = claimant.generic_institutions,
        articles = claimant.articles,
        date_leads = claimant.date_leads,
        ed_adjectives = claimant.ed_adjectives,
        name_prepositions = claimant.name_prepositions,
        name_particles = claimant.name_particles,
        not_stated_after = claimant.not_stated_after,
        relay_verbs = claimant.relay_verbs,
        claim_nouns = claimant.claim_nouns,
        table_sources = claimant.table_sources,
        relatives = claimant.relatives,
        org_heads = claimant.org_heads,
        org_links = claimant.org_links,
        prepositions = claimant.prepositions,
        place_heads = claimant.place_heads,
        governed_places = claimant.governed_places,
        place_openers = claimant.place_openers,
        time_words = claimant.time_words,
        group_nouns = claimant.group_nouns,
        possessives = claimant.possessives,
        thing_possessives = claimant.thing_possessives,
        coordinators = claimant.coordinators,
        openers = claimant.openers,
        locatives = claimant.locatives,
        labels = claimant.labels,
        thing_heads = claimant.thing_heads,
        speaker_possessives = claimant.speaker_possessives,
        plural_quantifiers = claimant.plural_quantifiers,
        agent_prepositions = claimant.agent_prepositions,
        pronoun_heads = figure.pronoun_heads,
        noun_phrase_stops = figure.noun_phrase_stops,
        of_determiners = figure.of_determiners,
        predicate_verbs = figure.predicate_verbs,
        predicate_nouns = figure.predicate_nouns,
        estimate_verbs = figure.estimate_verbs,
        count_verbs = figure.count_verbs,
        finding_verbs = figure.finding_verbs,
        possession_verbs = figure.possession_verbs,
        place_adverbs = figure.place_adverbs,
        partitives = figure.partitives,
        digit_suffixes = figure.digit_suffixes,
        party_links = figure.party_links,
        party_collectives = figure.party_collectives,
        party_after = figure.party_after,
        parallel = figure.parallel,
        further = figure.further,
        total_leads = figure.total_leads,
        scope_adverbs = figure.scope_adverbs,
        population_verbs = figure.population_verbs,
        population_nouns = figure.population_nouns,
        subset_leads = figure.subset_leads,
        earlier_leads = figure.earlier_leads,
        change_words = figure.change_words,
        clause_breaks = figure.clause_breaks,
        purpose_verbs = figure.purpose_verbs,
    }
    tables {
        units = number.units,
        tens = number.tens,
        scales = number.scales,
        scale_suffixes = number.scale_suffixes,
        fractions = number.fractions,
        months = date.months,
        weekdays = date.weekdays,
        month_parts = date.month_parts,
        relative_days = date.relative_days,
        last = date.last,
        last_seasons = date.last_seasons,
        this = date.this,
    }
    other {
        party_names: Vec<String>,
        /// The story's open questions, with the parties (indices into `party_names`) each
        /// is about (empty: anyone's).
        questions: Vec<(Question, Vec<usize>)>,
        entities: Vec<Entity>,
        /// Pattern sources, validated; matched through `clutter_set` and `trailer_set`.
        clutter_lines: Vec<String>,
        trailers: Vec<String>,
        /// Compiled when a line may match them ([`Pattern`]).
        datelines: PatternList,
        published: PatternList,
        outlet_signals: PatternList,
        /// Photo captions: the caption's words in the group `text`.
        captions: PatternList,
        /// The literals of `published`, `datelines` and `outlet_signals`, in that order.
        page_literals: LiteralScan,
        /// The whole-line patterns as sets, to test a line against all of them in one pass.
        clutter_set: LineSet,
        trailer_set: LineSet,
        words: WordIndex,
    }
}

// ---- the file layout ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKind {
    /// `["word", "a phrase", ...]`
    Words,
    /// `{ word = number, ... }`
    Table,
}

/// One data file: its declared lists by `section.key`, plus the sections code reads itself.
#[derive(Debug, Default)]
struct LexiconFile {
    lists: FxHashMap<String, Vec<String>>,
    tables: FxHashMap<String, Vec<(String, i64)>>,
    party: Vec<PartyEntry>,
    /// The story's open questions ([`crate::question`]); `None` when the file declares none.
    question: Option<Vec<QuestionEntry>>,
    clutter: ClutterLists,
}

impl LexiconFile {
    fn words(&self, section: &str, key: &str) -> &[String] {
        self.lists
            .get(&format!("{section}.{key}"))
            .map_or(&[], Vec::as_slice)
    }

    fn table(&self, section: &str, key: &str) -> &[(String, i64)] {
        self.tables
            .get(&format!("{section}.{key}"))
            .map_or(&[], Vec::as_slice)
    }

    fn gives(&self, section: &str, key: &str) -> bool {
        let name = format!("{section}.{key}");
        self.lists.contains_key(&name) || self.tables.contains_key(&name)
    }

    fn parse(file: &str, text: &str) -> Result<LexiconFile, LexiconError> {
        let doc: toml::Table = parse(file, text)?;
        let mut out = LexiconFile::default();
        for (section, value) in doc {
            let bad = |list: &str, e: toml::de::Error| LexiconError::List {
                file: file.to_string(),
                list: list.to_string(),
                source: Box::new(e),
            };
            match section.as_str() {
                "party" => out.party = value.try_into().map_err(|e| bad(&section, e))?,
                "question" => out.question = Some(value.try_into().map_err(|e| bad(&section, e))?),
                "clutter" => out.clutter = value.try_into().map_err(|e| bad(&section, e))?,
                _ => {
                    let toml::Value::Table(lists) = value else {
                        return Err(LexiconError::Unknown {
                            file: file.to_string(),
                            list: section,
                        });
                    };
                    for (key, v) in lists {
                        let name = format!("{section}.{key}");
                        let kind = LISTS
                            .iter()
                            .find(|(s, k, _)| *s == section && *k == key)
                            .map(|l| l.2);
                        match kind {
                            Some(ListKind::Words) => {
                                let words = v.try_into().map_err(|e| bad(&name, e))?;
                                out.lists.insert(name, words);
                            }
                            Some(ListKind::Table) => {
                                let table: std::collections::BTreeMap<String, i64> =
                                    v.try_into().map_err(|e| bad(&name, e))?;
                                out.tables.insert(name, table.into_iter().collect());
                            }
                            None => {
                                return Err(LexiconError::Unknown {
                                    file: file.to_string(),
                                    list: name,
                                })
                            }
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartyEntry {
    name: String,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
    /// False when the name is also a given name or a word ("Jordan", "Chad"): then only
    /// `words` and `people` find the party in a text.
    #[serde(default = "yes")]
    name_is_word: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClutterLists {
    #[serde(default)]
    lines: Patterns,
    #[serde(default)]
    trailers: Patterns,
    #[serde(default)]
    datelines: Patterns,
    #[serde(default)]
    published: Patterns,
    #[serde(default)]
    bylines: Patterns,
    #[serde(default)]
    outlet_signals: Patterns,
    #[serde(default)]
    captions: Patterns,
}

/// A list of regular expressions and whether they ignore case (which every file says).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Patterns {
    ignore_case: bool,
    patterns: Vec<String>,
}

impl Patterns {
    /// The patterns as regex sources, with the case flag.
    fn sources(&self) -> impl Iterator<Item = (&String, String)> {
        self.patterns.iter().map(|p| {
            let src = if self.ignore_case {
                format!("(?i){p}")
            } else {
                p.clone()
            };
            (p, src)
        })
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    entity: Vec<EntityEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityEntry {
    name: String,
    kind: EntityKind,
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    head: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

// ---- the compiled form ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Org,
    Outlet,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    /// Index of the organisation (people) in [`Lexicon::entities`].
    pub org: Option<usize>,
    /// Index of the person who heads it (organisations).
    pub head: Option<usize>,
}

/// Word ids: every word of every phrase gets one, and [`Lexicon::tokenize`] gives each token
/// its word's id, so that phrases match by comparing integers.
pub type Vocab = FxHashMap<String, u32>;

/// Every word of the lexicon's lists with its id ([`NO_ID`] if it is in no phrase) and the
/// lists it is in (as words of a [`WordSet`] or [`WordTable`], first words of a [`PhraseSet`]):
/// what [`Lexicon::tokenize`] gives each token, with one lookup.
/// Keys inline (no pointer to follow when a lookup compares them).
type WordIndex = FxHashMap<CompactString, (u32, Lists)>;

/// Which words of a phrase but its last carry a possessive `'s` (bit k for word k): "the
/// state's Department of Health" is not "the State Department", while "Ukraine's military
/// intelligence" is written so in the table. The last word may take one or not ("Zelensky's").
fn possessive_bits(toks: &[Token]) -> u64 {
    let n = toks.len().saturating_sub(1).min(64);
    toks[..n]
        .iter()
        .enumerate()
        .filter(|(_, t)| t.possessive)
        .fold(0, |bits, (k, _)| bits | 1 << k)
}

/// A set of token phrases, each with a tag, matched longest first.
#[derive(Debug, Default, Clone)]
pub struct PhraseSet {
    /// Phrases as words, while the lexicon is being read, with their possessive words (bit k:
    /// word k carried `'s`).
    phrases: Vec<(Vec<String>, u32, u64)>,
    /// Phrases as word ids and possessive bits, keyed by their first word's id (after
    /// [`PhraseSet::finish`]).
    by_first: FxHashMap<u32, Vec<(Vec<u32>, u32, u64)>>,
    max_len: usize,
    /// Indexed by [`PhraseSet::finish`] (a set that never is matches nothing).
    finished: bool,
    /// The bit of a token's [`Lists`] that says a phrase of the set starts with its word (0
    /// until numbered).
    mask: u128,
}

impl PhraseSet {
    pub fn add(&mut self, phrase: &str, tag: u32) {
        let toks = tokenize(phrase, 0);
        let words: Vec<String> = toks.iter().map(|t| t.norm.to_string()).collect();
        let possessive = possessive_bits(&toks);
        if words.is_empty()
            || self
                .phrases
                .iter()
                .any(|(w, _, p)| *w == words && *p == possessive)
        {
            return;
        }
        self.max_len = self.max_len.max(words.len());
        self.phrases.push((words, tag, possessive));
        self.mask = 0; // numbered again when the lexicon is finished
    }

    /// Gives the phrases' words ids in `vocab` and indexes them for matching.
    fn finish(&mut self, vocab: &mut Vocab) {
        self.by_first.clear();
        for (words, tag, possessive) in &self.phrases {
            let ids: Vec<u32> = words
                .iter()
                .map(|w| {
                    let next = vocab.len() as u32;
                    *vocab.entry(w.clone()).or_insert(next)
                })
                .collect();
            let list = self.by_first.entry(ids[0]).or_default();
            list.push((ids, *tag, *possessive));
            list.sort_by_key(|(w, _, _)| std::cmp::Reverse(w.len()));
        }
        self.finished = true;
    }

    fn add_all(&mut self, phrases: &[String], tag: u32) {
        for p in phrases {
            self.add(p, tag);
        }
    }

    /// The longest phrase starting at token `i`: (token count, tag). Tokens must come from
    /// [`Lexicon::tokenize`].
    #[inline]
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<(usize, u32)> {
        // Most tokens start no phrase of the set: their list bit says so without a lookup.
        let t = toks.get(i)?;
        if t.id == NO_ID || t.lists.holds(self.mask) == Some(false) {
            return None;
        }
        self.match_listed(toks, i)
    }

    /// [`PhraseSet::match_at`] at a token whose word may start a phrase of the set.
    #[inline(never)]
    fn match_listed(&self, toks: &[Token], i: usize) -> Option<(usize, u32)> {
        let t = &toks[i];
        let list = self.by_first.get(&t.id)?;
        list.iter()
            .find(|(ids, _, possessive)| {
                i + ids.len() <= toks.len()
                    && ids.iter().zip(&toks[i..]).all(|(w, t)| t.id == *w)
                    && possessive_bits(&toks[i..i + ids.len()]) == *possessive
            })
            .map(|(ids, tag, _)| (ids.len(), *tag))
    }

    /// The longest phrase that ends right before token `end`: (start token, tag).
    pub fn match_ending_at(&self, toks: &[Token], end: usize) -> Option<(usize, u32)> {
        let lowest = end.saturating_sub(self.max_len);
        (lowest..end).find_map(|s| match self.match_at(toks, s) {
            Some((len, tag)) if s + len == end => Some((s, tag)),
            _ => None,
        })
    }

    pub fn contains(&self, toks: &[Token], i: usize) -> bool {
        self.match_at(toks, i).is_some()
    }

    /// Every non-overlapping match in `toks[from..to]`, leftmost longest: (start, len, tag).
    pub fn find_all(&self, toks: &[Token], from: usize, to: usize) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        let mut i = from;
        while i < to.min(toks.len()) {
            match self.match_at(toks, i) {
                Some((len, tag)) if i + len <= to => {
                    out.push((i, len, tag));
                    i += len;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// Closed-class words (lower case), compared with a token's normal form.
#[derive(Debug, Default, Clone)]
pub struct WordSet {
    words: FxHashSet<String>,
    shapes: WordShapes,
    /// The bit of a token's [`Lists`] that says its word is in the set (0 until numbered).
    pub(crate) mask: u128,
}

impl WordSet {
    /// Is the token (by its normal form) one of the words?
    #[inline]
    pub fn has(&self, t: &Token) -> bool {
        match t.lists.holds(self.mask) {
            Some(held) => held,
            None => self.contains(t.norm.as_str()),
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.shapes.may_hold(word) && self.words.contains(word)
    }

    fn extend(&mut self, words: &[String]) {
        self.mask = 0; // numbered again when the lexicon is finished
        for w in words {
            let w = w.to_lowercase();
            self.shapes.add(&w);
            self.words.insert(w);
        }
    }
}

/// Closed-class words (lower case) with a number each: "one" = 1, "january" = 1.
#[derive(Debug, Default, Clone)]
pub struct WordTable {
    words: FxHashMap<String, i64>,
    shapes: WordShapes,
    /// The bit of a token's [`Lists`] that says its word is in the table (0 until numbered).
    pub(crate) mask: u128,
}

impl WordTable {
    /// The number of the token's word (by its normal form), if it is in the table.
    #[inline]
    pub fn of(&self, t: &Token) -> Option<i64> {
        if t.lists.holds(self.mask) == Some(false) {
            return None;
        }
        self.get(t.norm.as_str())
    }

    pub fn get(&self, word: &str) -> Option<i64> {
        if !self.shapes.may_hold(word) {
            return None;
        }
        self.words.get(word).copied()
    }

    fn extend(&mut self, entries: &[(String, i64)]) {
        self.mask = 0; // numbered again when the lexicon is finished
        for (w, v) in entries {
            let w = w.to_lowercase();
            self.shapes.add(&w);
            self.words.insert(w, *v);
        }
    }
}

/// The (first byte, length) pairs of a list's words: most words of a text have none of them,
/// and are ruled out without hashing.
#[derive(Debug, Clone)]
struct WordShapes(Box<[u64; SHAPE_WORDS]>);

/// Lengths from this one on share a bit.
const SHAPE_LENGTHS: usize = 32;
const SHAPE_WORDS: usize = 256 * SHAPE_LENGTHS / 64;

impl Default for WordShapes {
    fn default() -> Self {
        WordShapes(Box::new([0; SHAPE_WORDS]))
    }
}

impl WordShapes {
    fn bit(word: &str) -> usize {
        let first = word.as_bytes().first().copied().unwrap_or(0) as usize;
        first * SHAPE_LENGTHS + word.len().min(SHAPE_LENGTHS - 1)
    }

    fn add(&mut self, word: &str) {
        let b = Self::bit(word);
        self.0[b / 64] |= 1 << (b % 64);
    }

    fn may_hold(&self, word: &str) -> bool {
        let b = Self::bit(word);
        self.0[b / 64] & (1 << (b % 64)) != 0
    }
}

/// What a stance phrase says (the tag of a [`Lexicon::stance`] match).
pub fn stance_cue(tag: u32) -> StanceCue {
    StanceCue::of_tag(tag)
}

pub fn qualifier_of(tag: u32) -> Qualifier {
    Qualifier::ALL[tag as usize]
}

pub fn metric_of(tag: u32) -> Metric {
    Metric::ALL[tag as usize]
}

impl Lexicon {
    /// The built-in lexicon (built once per process).
    pub fn builtin() -> Lexicon {
        Lexicon::shared().clone()
    }

    /// The built-in lexicon, shared.
    pub fn shared() -> &'static Lexicon {
        static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEX.get_or_init(|| {
            Lexicon::with_extensions(&[]).expect("the built-in lexicon is valid (tested)")
        })
    }

    /// The built-in lexicon extended by `(file name, contents)` pairs: `lexicon.toml` files
    /// add phrases, `entities.toml` files add entities.
    pub fn with_extensions(extra: &[(String, String)]) -> Result<Lexicon, LexiconError> {
        let mut lex_files = Vec::new();
        for (name, text) in BUILTIN_LISTS {
            lex_files.push((name.to_string(), LexiconFile::parse(name, text)?));
        }
        check_declared(lex_files.iter().map(|(_, f)| f), LISTS)?;
        let mut ent_files = vec![(
            "entities.toml (built in)".to_string(),
            parse::<EntitiesFile>("entities.toml (built in)", BUILTIN_ENTITIES)?,
        )];
        for (name, text) in extra {
            if name.ends_with("entities.toml") {
                ent_files.push((name.clone(), parse::<EntitiesFile>(name, text)?));
            } else {
                lex_files.push((name.clone(), LexiconFile::parse(name, text)?));
            }
        }
        let mut lex = Lexicon::default();
        for (name, f) in &lex_files {
            lex.absorb(f, name)?;
        }
        let builtin_files = BUILTIN_LISTS.len();
        let extensions: Vec<(String, Option<Vec<QuestionEntry>>)> = lex_files[builtin_files..]
            .iter_mut()
            .map(|(name, f)| (name.clone(), f.question.take()))
            .collect();
        let builtin_questions: Vec<QuestionEntry> = lex_files[..builtin_files]
            .iter_mut()
            .flat_map(|(_, f)| f.question.take().unwrap_or_default())
            .collect();
        let declared = question::merge(&builtin_questions, &extensions, BUILTIN_LISTS[0].0)
            .map_err(LexiconError::Question)?;
        lex.absorb_questions(declared);
        lex.absorb_entities(&ent_files)?;
        lex.build_sets()?;
        lex.finish_phrases();
        lex.check_finished()?;
        Ok(lex)
    }

    /// Fails if a phrase set was never indexed (it would silently match nothing).
    fn check_finished(&self) -> Result<(), LexiconError> {
        match self
            .phrase_sets()
            .into_iter()
            .find(|(_, set)| !set.finished)
        {
            Some((name, _)) => Err(LexiconError::Unfinished {
                list: name.to_string(),
            }),
            None => Ok(()),
        }
    }

    /// Tokens of `text` (which starts at byte `offset` of its document), with word ids.
    pub fn tokenize<'a>(&self, text: &'a str, offset: usize) -> Vec<Token<'a>> {
        let mut toks = Vec::new();
        self.tokenize_into(text, offset, &mut toks);
        toks
    }

    /// Like [`Lexicon::tokenize`], into a reused buffer (cleared first).
    pub fn tokenize_into<'a>(&self, text: &'a str, offset: usize, toks: &mut Vec<Token<'a>>) {
        toks.clear();
        crate::token::tokenize_into(text, offset, toks);
        for t in toks.iter_mut() {
            (t.id, t.lists) = self
                .words
                .get(t.norm.as_str())
                .copied()
                .unwrap_or((NO_ID, Lists::NONE));
        }
        // "The WHO says": an acronym that is spelled like a grammar word is a name, unless
        // the whole sentence is in capitals.
        if toks
            .iter()
            .any(|t| self.grammar.acronym_words.has(t) && t.is_shouted())
            && toks.iter().any(|t| t.text.chars().any(char::is_lowercase))
        {
            for t in toks.iter_mut() {
                if self.grammar.acronym_words.has(t) && t.is_shouted() {
                    (t.id, t.lists) = (NO_ID, Lists::NONE);
                }
            }
        }
    }

    /// Indexes every phrase set by word ids, numbers every list and indexes the words.
    fn finish_phrases(&mut self) {
        let mut vocab = Vocab::default();
        for (_, set) in self.phrase_sets_mut() {
            set.finish(&mut vocab);
        }
        let mut words: WordIndex = vocab
            .into_iter()
            .map(|(w, id)| (CompactString::from(w), (id, Lists::NONE)))
            .collect();
        let mut mark = |word: &str, mask: u128| {
            let entry = words
                .entry(CompactString::from(word))
                .or_insert((NO_ID, Lists::NONE));
            entry.1 = entry.1.with(mask);
        };
        let (sets, tables, phrases) = self.lists_mut();
        // The first lists get a bit of a token's [`Lists`]; any beyond its capacity get none
        // (0) and look their words up, slower but the same.
        let mut masks = (0..LIST_COUNT)
            .map(|k| {
                u8::try_from(k)
                    .ok()
                    .filter(|&b| (b as usize) < Lists::CAPACITY)
            })
            .map(|b| b.map_or(0, Lists::mask));
        for set in sets {
            set.mask = masks.next().expect("LIST_COUNT counts every list");
            set.words.iter().for_each(|w| mark(w, set.mask));
        }
        for table in tables {
            table.mask = masks.next().expect("LIST_COUNT counts every list");
            table.words.keys().for_each(|w| mark(w, table.mask));
        }
        for set in phrases {
            set.mask = masks.next().expect("LIST_COUNT counts every list");
            set.phrases
                .iter()
                .for_each(|(w, _, _)| mark(&w[0], set.mask));
        }
        self.words = words;
        self.grammar.gates = Gates {
            dates: crate::date::gate(&self.grammar),
            numbers: crate::number::gate(&self.grammar),
        };
    }

    /// Compiles the pattern lists into sets (after every file is absorbed).
    fn build_sets(&mut self) -> Result<(), LexiconError> {
        let set = |list: &[String]| {
            LineSet::new(list).map_err(|e| LexiconError::Pattern {
                file: "(combined patterns)".to_string(),
                pattern: String::new(),
                source: e,
            })
        };
        self.clutter_set = set(&self.clutter_lines)?;
        self.trailer_set = set(&self.trailers)?;
        self.datelines.finish();
        self.published.finish();
        self.outlet_signals.finish();
        self.captions.finish();
        self.page_literals =
            LiteralScan::new(&[&self.published, &self.datelines, &self.outlet_signals]);
        Ok(())
    }

    fn party_index(&mut self, name: &str) -> usize {
        match self.party_names.iter().position(|p| p == name) {
            Some(i) => i,
            None => {
                self.party_names.push(name.to_string());
                self.party_names.len() - 1
            }
        }
    }

    fn absorb(&mut self, f: &LexiconFile, file: &str) -> Result<(), LexiconError> {
        self.absorb_lists(f);
        for p in &f.party {
            let idx = self.party_index(&p.name) as u32;
            if p.name_is_word {
                self.parties.add(&p.name, idx);
            }
            self.parties.add_all(&p.words, idx);
            self.parties.add_all(&p.people, idx);
            self.party_people.add_all(&p.people, idx);
        }
        let c = &f.clutter;
        // Whole-line patterns are only ever tested as a set: check their syntax (cheap) and
        // keep the source; compiling them one by one would double the start-up time.
        for (list, target) in [
            (&c.lines, &mut self.clutter_lines),
            (&c.trailers, &mut self.trailers),
        ] {
            for (p, src) in list.sources() {
                regex_syntax::Parser::new()
                    .parse(&src)
                    .map_err(|e| LexiconError::Syntax {
                        file: file.to_string(),
                        pattern: p.clone(),
                        message: e.to_string(),
                    })?;
                target.push(src);
            }
        }
        // The others are compiled when a line may match them (most pages need none).
        let compile = |list: &Patterns| -> Result<Vec<Pattern>, LexiconError> {
            list.sources()
                .map(|(p, src)| {
                    Pattern::new(src).map_err(|message| LexiconError::Syntax {
                        file: file.to_string(),
                        pattern: p.clone(),
                        message,
                    })
                })
                .collect()
        };
        self.datelines.extend(compile(&c.datelines)?);
        self.published.extend(compile(&c.published)?);
        self.published.extend(compile(&c.bylines)?);
        self.outlet_signals.extend(compile(&c.outlet_signals)?);
        self.captions.extend(compile(&c.captions)?);
        Ok(())
    }

    /// Adds the merged questions: their parties and their phrases (tagged by question,
    /// position and form).
    fn absorb_questions(&mut self, declared: Vec<question::Declared>) {
        for (k, d) in declared.into_iter().enumerate() {
            let parties = d
                .question
                .parties
                .iter()
                .map(|p| self.party_index(p))
                .collect();
            for (position, form, list) in &d.lists {
                let cue = StanceCue {
                    take: Take {
                        question: k,
                        position: *position,
                    },
                    form: *form,
                };
                self.stance.add_all(list, cue.tag());
            }
            self.questions.push((d.question, parties));
        }
    }

    fn absorb_entities(&mut self, files: &[(String, EntitiesFile)]) -> Result<(), LexiconError> {
        let all: Vec<(&String, &EntityEntry)> = files
            .iter()
            .flat_map(|(f, e)| e.entity.iter().map(move |x| (f, x)))
            .collect();
        for (_, e) in &all {
            self.entities.push(Entity {
                name: e.name.clone(),
                kind: e.kind,
                org: None,
                head: None,
            });
        }
        let mut links = Vec::new();
        for (i, (file, e)) in all.iter().enumerate() {
            for (field, target) in [("org", &e.org), ("head", &e.head)] {
                if let Some(t) = target {
                    let j = self
                        .entities
                        .iter()
                        .position(|x| x.name == *t)
                        .ok_or_else(|| LexiconError::UnknownEntity {
                            file: (*file).clone(),
                            entity: e.name.clone(),
                            field,
                            target: t.clone(),
                        });
                    // An org that is only a name (no entity of its own) is allowed for people.
                    match (j, field) {
                        (Ok(j), _) => links.push((i, field, j)),
                        (Err(_), "org") => {
                            self.entities.push(Entity {
                                name: t.clone(),
                                kind: EntityKind::Org,
                                org: None,
                                head: None,
                            });
                            links.push((i, field, self.entities.len() - 1));
                        }
                        (Err(err), _) => return Err(err),
                    }
                }
            }
        }
        for (i, field, j) in links {
            if field == "org" {
                self.entities[i].org = Some(j);
            } else {
                self.entities[i].head = Some(j);
            }
        }
        for (i, (_, e)) in all.iter().enumerate() {
            self.aliases.add(&e.name, i as u32);
            self.aliases.add_all(&e.aliases, i as u32);
        }
        Ok(())
    }

    pub fn party_name(&self, idx: usize) -> &str {
        &self.party_names[idx]
    }
}

/// Fails if a declared list is in none of `files` (the built-in ones): a list declared in code
/// that no data fills is a mistake, not an empty list.
fn check_declared<'a>(
    files: impl Iterator<Item = &'a LexiconFile> + Clone,
    lists: &[(&str, &str, ListKind)],
) -> Result<(), LexiconError> {
    for (section, key, _) in lists {
        if !files.clone().any(|f| f.gives(section, key)) {
            return Err(LexiconError::Missing {
                list: format!("{section}.{key}"),
            });
        }
    }
    Ok(())
}

fn parse<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError::Toml {
        file: file.to_string(),
        source: Box::new(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.party_names.iter().any(|p| p == "North Korea"));
        assert!(!lex.entities.is_empty());
        assert!(!lex.questions.is_empty());
    }

    #[test]
    fn phrases_match_longest_first() {
        let lex = Lexicon::builtin();
        let toks = lex.tokenize("have been killed or wounded", 0);
        let (len, tag) = lex.metrics.match_at(&toks, 2).unwrap();
        assert_eq!((len, metric_of(tag)), (3, Metric::Casualties));
    }

    #[test]
    fn extension_adds_phrases_and_reports_bad_files() {
        let ext = vec![(
            "seeds/lexicon.toml".to_string(),
            "[people]\nnouns = [\"sappers\"]\n".to_string(),
        )];
        let lex = Lexicon::with_extensions(&ext).unwrap();
        let toks = lex.tokenize("sappers", 0);
        assert!(lex.people.contains(&toks, 0));

        let bad = vec![("x/lexicon.toml".to_string(), "[people\n".to_string())];
        let err = Lexicon::with_extensions(&bad).unwrap_err().to_string();
        assert!(err.starts_with("x/lexicon.toml:"), "{err}");
    }

    fn ext(text: &str) -> Result<Lexicon, LexiconError> {
        Lexicon::with_extensions(&[("x/lexicon.toml".to_string(), text.to_string())])
    }

    #[test]
    fn extension_extends_grammar_lists() {
        let lex = ext("[clause]\nstops = [\"Whereas\"]\n[number]\nunits = { zwei = 2 }\n").unwrap();
        let g = &lex.grammar;
        assert!(g.clause_stops.contains("whereas"));
        assert!(g.clause_stops.contains("that"), "built-in words stay");
        assert_eq!(g.units.get("zwei"), Some(2));
        assert_eq!(g.units.get("three"), Some(3));
        let text = "zwei soldiers";
        let toks = lex.tokenize(text, 0);
        let found = crate::number::find_numbers_in(&toks, text, g);
        assert_eq!(found[0].value, Some(2));
        assert!(Lexicon::builtin().grammar.units.get("zwei").is_none());
    }

    #[test]
    fn declared_lists_must_have_data_and_be_indexed() {
        let builtin: Vec<LexiconFile> = BUILTIN_LISTS
            .iter()
            .map(|(name, text)| LexiconFile::parse(name, text).unwrap())
            .collect();
        assert!(check_declared(builtin.iter(), LISTS).is_ok());
        let declared = [
            ("clause", "stops", ListKind::Words),
            ("clause", "nowhere", ListKind::Words),
        ];
        let err = check_declared(builtin.iter(), &declared)
            .unwrap_err()
            .to_string();
        assert!(err.contains("clause.nowhere"), "{err}");

        assert!(Lexicon::builtin().check_finished().is_ok());
        let mut lex = Lexicon::default();
        lex.people.add("sappers", 0);
        let err = lex.check_finished().unwrap_err().to_string();
        assert!(err.contains("never indexed"), "{err}");
    }

    #[test]
    fn bad_lists_are_errors_naming_the_file() {
        for (text, says) in [
            ("[people]\nnounz = [\"sappers\"]\n", "people.nounz"),
            ("[grammar]\nstops = [\"x\"]\n", "grammar.stops"),
            ("[number]\nunits = [\"one\"]\n", "number.units"),
            ("[clause]\nstops = \"whereas\"\n", "clause.stops"),
            ("[clutter.lines]\npatterns = [\"^x$\"]\n", "ignore_case"),
            (
                "[clutter.lines]\nignore_case = true\npatterns = [\"(\"]\n",
                "\"(\"",
            ),
        ] {
            let err = ext(text).unwrap_err().to_string();
            assert!(err.starts_with("x/lexicon.toml:"), "{err}");
            assert!(err.contains(says), "{err}");
        }
    }

    #[test]
    fn clutter_lists_say_their_case() {
        let lex = ext("[clutter.outlet_signals]\nignore_case = false\npatterns = ['(?P<outlet>Foo) says']\n[clutter.trailers]\nignore_case = true\npatterns = ['^more below$']\n").unwrap();
        assert!(lex.outlet_signals.iter().any(|p| p.is_match("Foo says")));
        assert!(!lex.outlet_signals.iter().any(|p| p.is_match("foo says")));
        assert!(lex.trailer_set.is_match("MORE BELOW"));
    }
}
