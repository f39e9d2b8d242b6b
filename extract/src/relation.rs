//! Attribution relations of a whole article, as PARC 3.0 and PolNeAR define them: a content
//! span, the cue that reports it and the source span naming who, in bytes of the article text.
//! Each sentence's [`Frame`]s give them; quotes that run on over several sentences or
//! paragraphs carry their content on.

use crate::attribution::{Claimant, Frame};
use crate::token::{is_quote_token, Token};
use claimscope_model::model::Span;

/// One attribution relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub content: Span,
    pub claimant: Option<Claimant>,
}

/// Byte span of tokens `s..e`, `None` when empty.
fn bytes(toks: &[Token], (s, e): (usize, usize)) -> Option<Span> {
    (s < e && e <= toks.len()).then(|| [toks[s].start, toks[e - 1].end])
}

/// The content tokens `s..e` without the commas, periods and dashes that only join them to the
/// rest of the sentence (quote marks stay: they are part of a direct quote).
fn trimmed(toks: &[Token], (mut s, mut e): (usize, usize)) -> (usize, usize) {
    let edge = |t: &Token| {
        t.is_punct(',')
            || t.is_punct('.')
            || t.is_punct('—')
            || t.is_punct('-')
            || t.is_punct(':')
            || t.is_punct(';')
    };
    while s < e && edge(&toks[s]) {
        s += 1;
    }
    while e > s && edge(&toks[e - 1]) && !is_quote_token(&toks[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// The relations of one sentence's frames.
pub fn of_frames(toks: &[Token], frames: &[Frame]) -> Vec<Relation> {
    frames
        .iter()
        .filter_map(|f| {
            let content = bytes(toks, trimmed(toks, f.content))?;
            Some(Relation {
                source: bytes(toks, f.np),
                cue: bytes(toks, f.cue),
                content,
                claimant: Some(f.claimant.clone()),
            })
        })
        .collect()
}
