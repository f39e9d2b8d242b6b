//! A page pattern of the lexicon (a dateline, a publication date, an outlet signal): checked
//! when the lexicon is read, compiled on first need, and ruled out without the regex on the
//! lines that lack the literal text every match contains. Patterns with long Unicode classes
//! (`\p{L}{1,40}`) take milliseconds each to compile and make a lazy DFA build states on every
//! line; most pages never need them.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;
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

/// Patterns tried in order, with one search for the literals of all of them, so that a line
/// costs one pass however many patterns it may match.
#[derive(Debug, Clone, Default)]
pub struct PatternList {
    patterns: Vec<Pattern>,
    /// Every pattern's literals, each once (`None` while unindexed, if a pattern has none, or
    /// if there are too many patterns for `owners`).
    any: Option<AhoCorasick>,
    /// For each literal of `any`, the patterns that need it (bit `k`: pattern `k`).
    owners: Vec<u64>,
}

impl PatternList {
    pub fn extend(&mut self, patterns: Vec<Pattern>) {
        self.patterns.extend(patterns);
        self.any = None;
        self.owners.clear();
    }

    /// Indexes the literals of all the patterns (after the last [`PatternList::extend`]).
    pub fn finish(&mut self) {
        self.any = None;
        self.owners.clear();
        if self.patterns.len() > 64 {
            return;
        }
        let mut literals: Vec<&str> = Vec::new();
        for (k, p) in self.patterns.iter().enumerate() {
            let Some(lits) = &p.literals else {
                self.owners.clear();
                return;
            };
            for l in lits {
                match literals.iter().position(|x| x == l) {
                    Some(j) => self.owners[j] |= 1 << k,
                    None => {
                        literals.push(l);
                        self.owners.push(1 << k);
                    }
                }
            }
        }
        self.any = Some(literal_search(&literals));
    }

    /// The patterns that may match `text`, in order, compiled.
    pub fn may_match<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a Regex> + 'a {
        // Most lines hold no literal at all: the quick test says so, the overlapping search
        // tells the patterns apart on the others.
        let found = self.any.as_ref().map(|any| match any.is_match(text) {
            false => 0,
            true => any
                .find_overlapping_iter(text)
                .fold(0u64, |m, x| m | self.owners[x.pattern().as_usize()]),
        });
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
}
