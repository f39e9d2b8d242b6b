//! The extractor's data: phrase lists, parties, entities and clutter patterns, read from
//! `data/lexicon.toml` and `data/entities.toml` (built in) plus optional extensions from a corpus
//! folder. Phrases are compiled into [`PhraseSet`]s that match on tokens.

use regex::{Regex, RegexSet, RegexSetBuilder};
use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::token::{tokenize, Token, NO_ID};
use claimscope_model::model::{Metric, Qualifier, Question};

use crate::question::{self, QuestionEntry, StanceCue, Take};

const BUILTIN_LEXICON: &str = include_str!("../data/lexicon.toml");
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
        source: Box<regex::Error>,
    },
    #[error("{file}: pattern {pattern:?} is not a valid regular expression: {message}")]
    Syntax {
        file: String,
        pattern: String,
        message: String,
    },
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

// ---- the file layout ---------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    qualifiers: QualifierLists,
    #[serde(default)]
    people: PeopleLists,
    #[serde(default)]
    units: UnitLists,
    #[serde(default)]
    metrics: MetricLists,
    #[serde(default)]
    party: Vec<PartyEntry>,
    #[serde(default)]
    attribution: AttributionLists,
    #[serde(default)]
    stance: StanceLists,
    /// The story's open questions ([`crate::question`]); `None` when the file declares none.
    #[serde(default)]
    question: Option<Vec<QuestionEntry>>,
    #[serde(default)]
    clutter: ClutterLists,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierLists {
    #[serde(default)]
    about: Vec<String>,
    #[serde(default)]
    up_to: Vec<String>,
    #[serde(default)]
    at_least: Vec<String>,
    #[serde(default)]
    more_than: Vec<String>,
    #[serde(default)]
    less_than: Vec<String>,
    #[serde(default)]
    after_at_least: Vec<String>,
    #[serde(default)]
    after_about: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleLists {
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    groups: Vec<String>,
    #[serde(default)]
    elliptic_verbs: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitLists {
    #[serde(default)]
    not_people: Vec<String>,
    #[serde(default)]
    not_people_before: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricLists {
    #[serde(default)]
    casualties: Vec<String>,
    #[serde(default)]
    killed: Vec<String>,
    #[serde(default)]
    wounded: Vec<String>,
    #[serde(default)]
    captured: Vec<String>,
    #[serde(default)]
    deployed: Vec<String>,
    #[serde(default)]
    fighting: Vec<String>,
    #[serde(default)]
    other: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartyEntry {
    name: String,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    people: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionLists {
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    noun_like: Vec<String>,
    #[serde(default)]
    not_claimants: Vec<String>,
    #[serde(default)]
    according: Vec<String>,
    #[serde(default)]
    backward: Vec<String>,
    #[serde(default)]
    via: Vec<String>,
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    role_heads: Vec<String>,
    #[serde(default)]
    head_words: Vec<String>,
    #[serde(default)]
    pronouns: Vec<String>,
    #[serde(default)]
    claimant_nouns: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct StanceLists {
    #[serde(default)]
    negators: Vec<String>,
    #[serde(default)]
    denials: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    anaphora: Vec<String>,
    #[serde(default)]
    denials_after: Vec<String>,
    #[serde(default)]
    report_nouns: Vec<String>,
    #[serde(default)]
    report_objects: Vec<String>,
    #[serde(default)]
    noun_blockers: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    clause_breaks: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClutterLists {
    #[serde(default)]
    lines: Vec<String>,
    #[serde(default)]
    trailers: Vec<String>,
    #[serde(default)]
    datelines: Vec<String>,
    #[serde(default)]
    published: Vec<String>,
    #[serde(default)]
    outlet_signals: Vec<String>,
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

/// A set of token phrases, each with a tag, matched longest first.
#[derive(Debug, Default, Clone)]
pub struct PhraseSet {
    /// Phrases as words, while the lexicon is being read.
    phrases: Vec<(Vec<String>, u32)>,
    /// Phrases as word ids, keyed by their first word's id (after [`PhraseSet::finish`]).
    by_first: FxHashMap<u32, Vec<(Vec<u32>, u32)>>,
    max_len: usize,
}

impl PhraseSet {
    pub fn add(&mut self, phrase: &str, tag: u32) {
        let words: Vec<String> = tokenize(phrase, 0)
            .into_iter()
            .map(|t| t.norm.to_string())
            .collect();
        if words.is_empty() || self.phrases.iter().any(|(w, _)| *w == words) {
            return;
        }
        self.max_len = self.max_len.max(words.len());
        self.phrases.push((words, tag));
    }

    /// Gives the phrases' words ids in `vocab` and indexes them for matching.
    fn finish(&mut self, vocab: &mut Vocab) {
        self.by_first.clear();
        for (words, tag) in &self.phrases {
            let ids: Vec<u32> = words
                .iter()
                .map(|w| {
                    let next = vocab.len() as u32;
                    *vocab.entry(w.clone()).or_insert(next)
                })
                .collect();
            let list = self.by_first.entry(ids[0]).or_default();
            list.push((ids, *tag));
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
    }

    fn add_all(&mut self, phrases: &[String], tag: u32) {
        for p in phrases {
            self.add(p, tag);
        }
    }

    /// The longest phrase starting at token `i`: (token count, tag). Tokens must come from
    /// [`Lexicon::tokenize`].
    pub fn match_at(&self, toks: &[Token], i: usize) -> Option<(usize, u32)> {
        let first = toks.get(i)?.id;
        if first == NO_ID {
            return None;
        }
        let list = self.by_first.get(&first)?;
        list.iter()
            .find(|(ids, _)| {
                i + ids.len() <= toks.len() && ids.iter().zip(&toks[i..]).all(|(w, t)| t.id == *w)
            })
            .map(|(ids, tag)| (ids.len(), *tag))
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

/// Everything the extractor knows about words and names.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub qualifiers: PhraseSet,
    pub qualifiers_after: PhraseSet,
    pub people: PhraseSet,
    pub groups: PhraseSet,
    pub elliptic_verbs: PhraseSet,
    pub not_people: PhraseSet,
    pub not_people_before: PhraseSet,
    pub metrics: PhraseSet,
    pub party_names: Vec<String>,
    /// Party words, tagged with the index into `party_names`.
    pub parties: PhraseSet,
    /// Plural demonyms that count people, tagged like `parties`.
    pub party_people: PhraseSet,
    pub speech_verbs: PhraseSet,
    pub noun_like: PhraseSet,
    pub not_claimants: PhraseSet,
    pub according: PhraseSet,
    pub backward: PhraseSet,
    pub via: PhraseSet,
    pub adverbs: PhraseSet,
    pub titles: PhraseSet,
    pub role_heads: PhraseSet,
    pub head_words: PhraseSet,
    pub pronouns: PhraseSet,
    pub claimant_nouns: PhraseSet,
    /// The story's open questions, with the parties (indices into `party_names`) each is
    /// about (empty: any).
    pub questions: Vec<(Question, Vec<usize>)>,
    /// Every question's phrases, tagged with [`StanceCue::tag`].
    pub stance: PhraseSet,
    pub negators: PhraseSet,
    pub denials: PhraseSet,
    pub hedges: PhraseSet,
    pub anaphora: PhraseSet,
    pub denials_after: PhraseSet,
    pub report_nouns: PhraseSet,
    pub report_objects: PhraseSet,
    pub noun_blockers: PhraseSet,
    pub determiners: PhraseSet,
    pub clause_breaks: PhraseSet,
    pub entities: Vec<Entity>,
    /// Entity aliases, tagged with the index into `entities`.
    pub aliases: PhraseSet,
    /// Pattern sources, validated; matched through `clutter_set` and `trailer_set`.
    pub clutter_lines: Vec<String>,
    pub trailers: Vec<String>,
    pub datelines: Vec<Regex>,
    pub published: Vec<Regex>,
    pub outlet_signals: Vec<Regex>,
    /// The same patterns as sets, to test a line against all of them in one pass.
    pub clutter_set: RegexSet,
    pub trailer_set: RegexSet,
    pub outlet_signal_set: RegexSet,
    pub published_set: RegexSet,
    pub dateline_set: RegexSet,
    pub vocab: Vocab,
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
        let builtin = "lexicon.toml (built in)".to_string();
        let mut lex_files = vec![(
            builtin.clone(),
            parse::<LexiconFile>(&builtin, BUILTIN_LEXICON)?,
        )];
        let mut ent_files = vec![(
            "entities.toml (built in)".to_string(),
            parse::<EntitiesFile>("entities.toml (built in)", BUILTIN_ENTITIES)?,
        )];
        for (name, text) in extra {
            if name.ends_with("entities.toml") {
                ent_files.push((name.clone(), parse::<EntitiesFile>(name, text)?));
            } else {
                lex_files.push((name.clone(), parse::<LexiconFile>(name, text)?));
            }
        }
        let mut lex = Lexicon::empty();
        for (name, f) in &lex_files {
            lex.absorb(f, name)?;
        }
        let extensions: Vec<(String, Option<Vec<QuestionEntry>>)> = lex_files[1..]
            .iter_mut()
            .map(|(name, f)| (name.clone(), f.question.take()))
            .collect();
        let builtin_questions = lex_files[0].1.question.take().unwrap_or_default();
        let declared = question::merge(&builtin_questions, &extensions, &builtin)
            .map_err(LexiconError::Question)?;
        lex.absorb_questions(declared);
        lex.absorb_entities(&ent_files)?;
        lex.build_sets()?;
        lex.finish_phrases();
        Ok(lex)
    }

    fn empty() -> Lexicon {
        Lexicon {
            qualifiers: PhraseSet::default(),
            qualifiers_after: PhraseSet::default(),
            people: PhraseSet::default(),
            groups: PhraseSet::default(),
            elliptic_verbs: PhraseSet::default(),
            not_people: PhraseSet::default(),
            not_people_before: PhraseSet::default(),
            metrics: PhraseSet::default(),
            party_names: Vec::new(),
            parties: PhraseSet::default(),
            party_people: PhraseSet::default(),
            speech_verbs: PhraseSet::default(),
            noun_like: PhraseSet::default(),
            not_claimants: PhraseSet::default(),
            according: PhraseSet::default(),
            backward: PhraseSet::default(),
            via: PhraseSet::default(),
            adverbs: PhraseSet::default(),
            titles: PhraseSet::default(),
            role_heads: PhraseSet::default(),
            head_words: PhraseSet::default(),
            pronouns: PhraseSet::default(),
            claimant_nouns: PhraseSet::default(),
            questions: Vec::new(),
            stance: PhraseSet::default(),
            negators: PhraseSet::default(),
            denials: PhraseSet::default(),
            hedges: PhraseSet::default(),
            anaphora: PhraseSet::default(),
            denials_after: PhraseSet::default(),
            report_nouns: PhraseSet::default(),
            report_objects: PhraseSet::default(),
            noun_blockers: PhraseSet::default(),
            determiners: PhraseSet::default(),
            clause_breaks: PhraseSet::default(),
            entities: Vec::new(),
            aliases: PhraseSet::default(),
            clutter_lines: Vec::new(),
            trailers: Vec::new(),
            datelines: Vec::new(),
            published: Vec::new(),
            outlet_signals: Vec::new(),
            clutter_set: RegexSet::empty(),
            trailer_set: RegexSet::empty(),
            outlet_signal_set: RegexSet::empty(),
            published_set: RegexSet::empty(),
            dateline_set: RegexSet::empty(),
            vocab: Vocab::default(),
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
            t.id = self.vocab.get(t.norm.as_str()).copied().unwrap_or(NO_ID);
        }
    }

    /// Indexes every phrase set by word ids.
    fn finish_phrases(&mut self) {
        let mut vocab = Vocab::default();
        for set in [
            &mut self.qualifiers,
            &mut self.qualifiers_after,
            &mut self.people,
            &mut self.groups,
            &mut self.elliptic_verbs,
            &mut self.not_people,
            &mut self.not_people_before,
            &mut self.metrics,
            &mut self.parties,
            &mut self.party_people,
            &mut self.speech_verbs,
            &mut self.noun_like,
            &mut self.not_claimants,
            &mut self.according,
            &mut self.backward,
            &mut self.via,
            &mut self.adverbs,
            &mut self.titles,
            &mut self.role_heads,
            &mut self.head_words,
            &mut self.pronouns,
            &mut self.claimant_nouns,
            &mut self.stance,
            &mut self.negators,
            &mut self.denials,
            &mut self.hedges,
            &mut self.anaphora,
            &mut self.denials_after,
            &mut self.report_nouns,
            &mut self.report_objects,
            &mut self.noun_blockers,
            &mut self.determiners,
            &mut self.clause_breaks,
            &mut self.aliases,
        ] {
            set.finish(&mut vocab);
        }
        self.vocab = vocab;
    }

    /// Compiles the pattern lists into sets (after every file is absorbed).
    fn build_sets(&mut self) -> Result<(), LexiconError> {
        let set = |list: &[&str]| {
            // A roomy lazy-DFA cache: with a small one, a set of Unicode patterns falls back to
            // the (much slower) PikeVM.
            RegexSetBuilder::new(list)
                .dfa_size_limit(32 << 20)
                .build()
                .map_err(|e| LexiconError::Pattern {
                    file: "(combined patterns)".to_string(),
                    pattern: String::new(),
                    source: Box::new(e),
                })
        };
        fn strs(v: &[String]) -> Vec<&str> {
            v.iter().map(String::as_str).collect()
        }
        fn srcs(v: &[Regex]) -> Vec<&str> {
            v.iter().map(Regex::as_str).collect()
        }
        self.clutter_set = set(&strs(&self.clutter_lines))?;
        self.trailer_set = set(&strs(&self.trailers))?;
        self.outlet_signal_set = set(&srcs(&self.outlet_signals))?;
        self.published_set = set(&srcs(&self.published))?;
        self.dateline_set = set(&srcs(&self.datelines))?;
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
        let q = &f.qualifiers;
        for (list, qual) in [
            (&q.about, Qualifier::About),
            (&q.up_to, Qualifier::UpTo),
            (&q.at_least, Qualifier::AtLeast),
            (&q.more_than, Qualifier::MoreThan),
            (&q.less_than, Qualifier::LessThan),
        ] {
            self.qualifiers.add_all(list, qual as u32);
        }
        self.qualifiers_after
            .add_all(&q.after_at_least, Qualifier::AtLeast as u32);
        self.qualifiers_after
            .add_all(&q.after_about, Qualifier::About as u32);
        self.people.add_all(&f.people.nouns, 0);
        self.groups.add_all(&f.people.groups, 0);
        self.elliptic_verbs.add_all(&f.people.elliptic_verbs, 0);
        self.not_people.add_all(&f.units.not_people, 0);
        self.not_people_before
            .add_all(&f.units.not_people_before, 0);
        let m = &f.metrics;
        for (list, metric) in [
            (&m.deployed, Metric::Deployed),
            (&m.fighting, Metric::Fighting),
            (&m.killed, Metric::Killed),
            (&m.wounded, Metric::Wounded),
            (&m.casualties, Metric::Casualties),
            (&m.captured, Metric::Captured),
            (&m.other, Metric::Other),
        ] {
            self.metrics.add_all(list, metric as u32);
        }
        for p in &f.party {
            let idx = self.party_index(&p.name) as u32;
            self.parties.add(&p.name, idx);
            self.parties.add_all(&p.words, idx);
            self.parties.add_all(&p.people, idx);
            self.party_people.add_all(&p.people, idx);
        }
        let a = &f.attribution;
        self.speech_verbs.add_all(&a.verbs, 0);
        self.noun_like.add_all(&a.noun_like, 0);
        self.not_claimants.add_all(&a.not_claimants, 0);
        self.according.add_all(&a.according, 0);
        self.backward.add_all(&a.backward, 0);
        self.via.add_all(&a.via, 0);
        self.adverbs.add_all(&a.adverbs, 0);
        self.titles.add_all(&a.titles, 0);
        self.role_heads.add_all(&a.role_heads, 0);
        self.head_words.add_all(&a.head_words, 0);
        self.pronouns.add_all(&a.pronouns, 0);
        self.claimant_nouns.add_all(&a.claimant_nouns, 0);
        let s = &f.stance;
        self.negators.add_all(&s.negators, 0);
        self.denials.add_all(&s.denials, 0);
        self.hedges.add_all(&s.hedges, 0);
        self.anaphora.add_all(&s.anaphora, 0);
        self.denials_after.add_all(&s.denials_after, 0);
        self.report_nouns.add_all(&s.report_nouns, 0);
        self.report_objects.add_all(&s.report_objects, 0);
        self.noun_blockers.add_all(&s.noun_blockers, 0);
        self.determiners.add_all(&s.determiners, 0);
        self.clause_breaks.add_all(&s.clause_breaks, 0);
        let c = &f.clutter;
        // Whole-line patterns are only ever tested as a set: check their syntax (cheap) and
        // keep the source; compiling them one by one would double the start-up time.
        for (list, target) in [
            (&c.lines, &mut self.clutter_lines),
            (&c.trailers, &mut self.trailers),
        ] {
            for p in list {
                let src = format!("(?i){p}");
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
        for (list, target) in [
            (&c.datelines, &mut self.datelines),
            (&c.published, &mut self.published),
            (&c.outlet_signals, &mut self.outlet_signals),
        ] {
            for p in list {
                // Line patterns ignore case; outlet signals need capitals to find names.
                let case_blind = !std::ptr::eq(list, &c.outlet_signals)
                    && !std::ptr::eq(list, &c.datelines)
                    && !p.starts_with("^[Bb]y ");
                let src = if case_blind {
                    format!("(?i){p}")
                } else {
                    p.clone()
                };
                let re = Regex::new(&src).map_err(|e| LexiconError::Pattern {
                    file: file.to_string(),
                    pattern: p.clone(),
                    source: Box::new(e),
                })?;
                target.push(re);
            }
        }
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
}
