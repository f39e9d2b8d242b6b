//! A page pattern of the lexicon (a dateline, a publication date, an outlet signal): checked
//! when the lexicon is read, compiled on first need, and ruled out without the regex on the
//! lines that lack the literal text every match contains. Patterns with long Unicode classes
//! (`\p{L}{1,40}`) take milliseconds each to compile and make a lazy DFA build states on every
//! line; most pages never need them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::{Regex, RegexSet, RegexSetBuilder};
use regex_automata::meta;
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind};

#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    /// Every match contains one of these literals (`None`: nothing known).
    literals: Option<Vec<String>>,
    needs: Option<AhoCorasick>,
    compiled: OnceLock<Regex>,
}

impl Pattern {
    /// Checks the syntax of `source` and finds what its matches must contain (else the
    /// syntax error's message).
    pub fn new(source: String) -> Result<Pattern, String> {
        let hir = regex_syntax::Parser::new()
            .parse(&source)
            .map_err(|e| e.to_string())?;
        let literals = required_literals(&hir);
        Ok(Pattern {
            needs: literals.as_deref().map(literal_search),
            literals,
            source,
            compiled: OnceLock::new(),
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// False only if `text` cannot match (it lacks every required literal).
    pub fn may_match(&self, text: &str) -> bool {
        self.needs.as_ref().is_none_or(|lits| lits.is_match(text))
    }

    /// The compiled regex (compiled the first time it is asked for).
    pub fn regex(&self) -> &Regex {
        self.compiled.get_or_init(|| {
            Regex::new(&self.source).expect("the pattern's syntax was checked when it was read")
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.may_match(text) && self.regex().is_match(text)
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<regex::Captures<'h>> {
        if self.may_match(text) {
            self.regex().captures(text)
        } else {
            None
        }
    }

    /// Every match's captures, none without the regex when the text cannot match.
    pub fn captures_iter<'h>(
        &self,
        text: &'h str,
    ) -> impl Iterator<Item = regex::Captures<'h>> + use<'_, 'h> {
        self.may_match(text)
            .then(|| self.regex().captures_iter(text))
            .into_iter()
            .flatten()
    }
}

/// Patterns tried in order. A [`LiteralScan`] finds the literals of all of them (and of other
/// lists) in one search, so that a line costs one pass however many patterns it may match.
#[derive(Debug, Clone, Default)]
pub struct PatternList {
    patterns: Vec<Pattern>,
    /// Every pattern has literals, and there are few enough to be told apart by the bits of a
    /// `u64` (set by [`PatternList::finish`]).
    indexed: bool,
}

impl PatternList {
    pub fn extend(&mut self, patterns: Vec<Pattern>) {
        self.patterns.extend(patterns);
        self.indexed = false;
    }

    /// Whether a [`LiteralScan`] can tell the patterns apart (after the last
    /// [`PatternList::extend`]).
    pub fn finish(&mut self) {
        self.indexed =
            self.patterns.len() <= 64 && self.patterns.iter().all(|p| p.literals.is_some());
    }

    /// The patterns that may match `text`, in order, compiled, knowing which patterns'
    /// literals `text` holds (bit `k`: pattern `k`; `None`: not known, each pattern searches).
    pub fn may_match_found<'a>(
        &'a self,
        text: &'a str,
        found: Option<u64>,
    ) -> impl Iterator<Item = &'a Regex> + 'a {
        self.patterns
            .iter()
            .enumerate()
            .filter(move |(k, p)| match found {
                Some(m) => m & (1 << k) != 0,
                None => p.may_match(text),
            })
            .map(|(_, p)| p.regex())
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Pattern> {
        self.patterns.iter()
    }
}

/// Literals, each once.
#[derive(Default)]
struct Literals<'a> {
    words: Vec<&'a str>,
    index: rustc_hash::FxHashMap<&'a str, usize>,
}

impl<'a> Literals<'a> {
    /// The index of `l`, added if new.
    fn index(&mut self, l: &'a str) -> usize {
        *self.index.entry(l).or_insert_with(|| {
            self.words.push(l);
            self.words.len() - 1
        })
    }
}

/// The literals of several pattern lists, found in one pass over a line (the page patterns
/// are all tried on the same lines).
#[derive(Debug, Clone, Default)]
pub struct LiteralScan {
    /// `None` if a list is not indexed (then each list searches for itself).
    any: Option<AhoCorasick>,
    /// For each literal of `any`, per list, the patterns that need it (bit `k`: pattern `k`).
    owners: Vec<Vec<u64>>,
    lists: usize,
}

impl LiteralScan {
    /// Indexes the literals of `lists` (each finished).
    pub fn new(lists: &[&PatternList]) -> LiteralScan {
        if lists.iter().any(|l| !l.indexed) {
            return LiteralScan::default();
        }
        let mut literals = Literals::default();
        let mut owners: Vec<Vec<u64>> = Vec::new();
        for (n, list) in lists.iter().enumerate() {
            for (k, p) in list.patterns.iter().enumerate() {
                for l in p.literals.iter().flatten() {
                    let j = literals.index(l);
                    owners.resize(literals.words.len(), vec![0; lists.len()]);
                    owners[j][n] |= 1 << k;
                }
            }
        }
        LiteralScan {
            any: Some(literal_search(&literals.words)),
            owners,
            lists: lists.len(),
        }
    }

    /// Per list (in the order given to [`LiteralScan::new`]), the patterns whose literals
    /// `text` holds; `None` if not indexed.
    pub fn scan(&self, text: &str) -> Option<Vec<u64>> {
        let any = self.any.as_ref()?;
        let mut found = vec![0; self.lists];
        for m in any.find_overlapping_iter(text) {
            for (f, o) in found.iter_mut().zip(&self.owners[m.pattern().as_usize()]) {
                *f |= o;
            }
        }
        Some(found)
    }
}

/// A DFA: the literals are few and short, and every line is searched. No prefilter: the
/// literals start with common letters or a space, which a prefilter stops at all the time.
fn literal_search<S: AsRef<[u8]>>(lits: &[S]) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(lits)
        .expect("a few short literals")
}

/// Literals one of which every match of `hir` contains: of the tails of its concatenation
/// (and of the concatenations inside its groups), the prefix literals whose shortest is
/// longest.
fn required_literals(hir: &Hir) -> Option<Vec<String>> {
    let mut tails = Vec::new();
    concatenated(hir, &mut tails);
    tails.iter().filter_map(prefix_literals).max_by_key(|lits| {
        let shortest = lits.iter().map(String::len).min().unwrap_or(0);
        (shortest, std::cmp::Reverse(lits.len()))
    })
}

/// `hir` and the tails of the concatenations it is made of: each matches inside every match
/// of `hir`.
fn concatenated(hir: &Hir, out: &mut Vec<Hir>) {
    out.push(hir.clone());
    match hir.kind() {
        HirKind::Concat(parts) => {
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    out.push(Hir::concat(parts[i..].to_vec()));
                }
                concatenated(p, out);
            }
        }
        HirKind::Capture(c) => concatenated(&c.sub, out),
        _ => {}
    }
}

/// The literals every match of `hir` starts with, if there are finitely many, none empty.
fn prefix_literals(hir: &Hir) -> Option<Vec<String>> {
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    lits.iter()
        .map(|l| String::from_utf8(l.as_bytes().to_vec()).ok())
        .collect()
}

/// Whole-line patterns (page furniture, trailers), tested as sets. Those anchored at the
/// line's start are apart from those that match anywhere: the first set gives up after a few
/// bytes of a line, and the second, free of anchors, is searched by its literals instead of
/// byte by byte.
#[derive(Debug, Clone)]
pub struct LineSet {
    anchored: RegexSet,
    floating: meta::Regex,
}

impl Default for LineSet {
    fn default() -> LineSet {
        LineSet {
            anchored: RegexSet::empty(),
            floating: floating_set(&[]).expect("an empty set"),
        }
    }
}

impl LineSet {
    /// The set of `sources` (each checked already).
    pub fn new(sources: &[String]) -> Result<LineSet, Box<dyn std::error::Error + Send + Sync>> {
        let (anchored, floating): (Vec<&String>, Vec<&String>) =
            sources.iter().partition(|s| starts_anchored(s));
        Ok(LineSet {
            anchored: RegexSetBuilder::new(anchored)
                .dfa_size_limit(DFA_CACHE)
                .build()?,
            floating: floating_set(&floating)?,
        })
    }

    pub fn is_match(&self, line: &str) -> bool {
        self.anchored.is_match(line) || self.floating.is_match(line)
    }
}

/// A pattern that can only match at the start of the line: `^...`, after its flags.
fn starts_anchored(source: &str) -> bool {
    let mut rest = source;
    while let Some(after) = rest.strip_prefix("(?") {
        match after.split_once(')') {
            Some((flags, tail)) if flags.chars().all(|c| c.is_ascii_alphabetic()) => rest = tail,
            _ => return false,
        }
    }
    rest.starts_with('^')
}

/// A roomy lazy-DFA cache: with a small one, a set of Unicode patterns falls back to the
/// (much slower) PikeVM.
const DFA_CACHE: usize = 32 << 20;

/// The patterns that match anywhere, as one regex searched byte by byte by its lazy DFA: their
/// case-insensitive literals are too many for a literal prefilter to be faster.
fn floating_set(sources: &[&String]) -> Result<meta::Regex, Box<meta::BuildError>> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .auto_prefilter(false)
                .match_kind(regex_automata::MatchKind::All)
                .hybrid_cache_capacity(DFA_CACHE),
        )
        .build_many(sources)
        .map_err(Box::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(src: &str) -> Option<Vec<String>> {
        required_literals(&regex_syntax::Parser::new().parse(src).unwrap())
    }

    #[test]
    fn the_longest_literals_are_required() {
        let n = needs(r"(?P<o>(?:the )?\p{Lu}[\p{L} ]{2,40}?) could not (?:independently )?verify")
            .unwrap();
        assert_eq!(n, [" could not independently verify", " could not verify"]);
        let n = needs(r"^\p{Lu}[\p{L} .,-]{1,40} [•·|] (?P<o>\p{Lu}[\p{L}]{1,40})$").unwrap();
        assert_eq!(n, [" | ", " · ", " • "]);
        let n = needs(r"(?P<relay>, reports?) (?P<o>\p{Lu}[\p{L}]{1,30})\.?$").unwrap();
        assert!(n.iter().all(|l| l.starts_with(", report")), "{n:?}");
        assert_eq!(needs(r"^\p{Lu}+$"), None);
        assert_eq!(needs(r"^(a|b?)$"), None);
    }

    #[test]
    fn a_line_without_the_literal_cannot_match() {
        let p =
            Pattern::new(r"told (?P<o>the \p{Lu}[\p{L} ]{2,40}?)(?: that|,)".to_string()).unwrap();
        assert!(!p.may_match("The Times said so."));
        assert!(p.is_match("He told the Times that"));
        assert!(p.captures("He said so").is_none());
        assert_eq!(p.captures_iter("told the Times, told the Post,").count(), 2);
        let case = Pattern::new("(?i)^date: (?P<d>.+)$".to_string()).unwrap();
        assert!(case.is_match("DATE: today"));
    }

    #[test]
    fn a_line_set_matches_anchored_and_floating_patterns() {
        let set = LineSet::new(&[
            "(?i)^menu$".to_string(),
            "(?i)cookie".to_string(),
            "^(?i)share$".to_string(),
        ])
        .unwrap();
        assert!(set.is_match("MENU"));
        assert!(set.is_match("We use Cookies on this site"));
        assert!(set.is_match("Share"));
        assert!(!set.is_match("the menu of the day"));
        assert!(
            starts_anchored("(?i)^x") && !starts_anchored("(?i)x^") && !starts_anchored("(?:^a|b)")
        );
    }
}
