//! A page pattern of the lexicon (a dateline, a publication date, an outlet signal): checked
//! when the lexicon is read, compiled on first need, and ruled out without the regex on the
//! lines that lack the literal text every match contains. Patterns with long Unicode classes
//! (`\p{L}{1,40}`) take milliseconds each to compile and make a lazy DFA build states on every
//! line; most pages never need them.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
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
/// that none may match costs one pass.
#[derive(Debug, Clone, Default)]
pub struct PatternList {
    patterns: Vec<Pattern>,
    /// Every pattern's literals (`None` while unindexed, or if a pattern has none).
    any: Option<AhoCorasick>,
}

impl PatternList {
    pub fn extend(&mut self, patterns: Vec<Pattern>) {
        self.patterns.extend(patterns);
        self.any = None;
    }

    /// Indexes the literals of all the patterns (after the last [`PatternList::extend`]).
    pub fn finish(&mut self) {
        let all: Option<Vec<String>> = self
            .patterns
            .iter()
            .map(|p| p.literals.clone())
            .collect::<Option<Vec<_>>>()
            .map(|lists| lists.concat());
        self.any = all.as_deref().map(literal_search);
    }

    /// The patterns that may match `text`, in order.
    pub fn may_match<'a>(&'a self, text: &'a str) -> impl Iterator<Item = &'a Pattern> + 'a {
        let none = self.any.as_ref().is_some_and(|a| !a.is_match(text));
        self.patterns
            .iter()
            .filter(move |p| !none && p.may_match(text))
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Pattern> {
        self.patterns.iter()
    }
}

fn literal_search(lits: &[String]) -> AhoCorasick {
    AhoCorasick::new(lits).expect("a few short literals")
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
