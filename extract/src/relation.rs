//! Attribution relations of a whole article, as PARC 3.0 and PolNeAR define them: a content
//! span, the cue that reports it and the source span naming who, in bytes of the article text.
//! Each sentence's [`Frame`]s give them; quotes that run on over several sentences or
//! paragraphs carry their content on.

use crate::attribution::{Claimant, Frame};
use crate::lexicon::Lexicon;
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

/// A leading content ends where the sentence turns to something else: ", but ...", "; ...".
fn cut_at_break(
    toks: &[Token],
    (s, e): (usize, usize),
    leading: bool,
    lex: &Lexicon,
) -> (usize, usize) {
    if !leading {
        return (s, e);
    }
    let end = (s + 1..e)
        .find(|&k| {
            toks[k].is_punct(';')
                || (toks[k - 1].is_punct(',') && lex.grammar.content_breaks.has(&toks[k]))
        })
        .unwrap_or(e);
    (s, end)
}

/// The relations of one sentence's frames. A frame whose speaker opens what another reports
/// ("she said she believed ...", "..., she thinks, Mr. Lee said") is part of that content: the
/// attribution literature tags each word once, so it makes no relation of its own.
pub fn of_frames(toks: &[Token], frames: &[Frame], lex: &Lexicon) -> Vec<Relation> {
    let mut content: Vec<(usize, usize)> = frames.iter().map(|f| f.content).collect();
    let mut nested = vec![false; frames.len()];
    for (i, f) in frames.iter().enumerate() {
        let leading = f.content.0 >= f.cue.1;
        for (j, g) in frames.iter().enumerate() {
            if i == j || nested[i] {
                continue;
            }
            // A speaker inside what another reports, with no comma or semicolon between.
            let opens_it = leading
                && g.np.0 >= f.cue.1
                && !toks[f.cue.1..g.np.0]
                    .iter()
                    .any(|t| t.is_punct(',') || t.is_punct(';'));
            let within = !leading && g.np.0 >= f.content.0 && g.cue.1 <= f.content.1;
            if opens_it || within {
                nested[j] = true;
                if opens_it {
                    content[i].1 = content[i].1.max(g.content.1).max(g.cue.1);
                }
            }
        }
    }
    frames
        .iter()
        .zip(content)
        .zip(nested)
        .filter(|(_, nested)| !nested)
        .filter_map(|((f, content), _)| {
            Some(Relation {
                source: bytes(toks, f.np),
                cue: bytes(toks, f.cue),
                content: bytes(
                    toks,
                    trimmed(toks, cut_at_break(toks, content, content.0 >= f.cue.1, lex)),
                )?,
                claimant: f.claimant.clone(),
            })
        })
        .collect()
}

/// Longest quotation a content grows over (longer ones are unbalanced marks).
const MAX_QUOTE: usize = 4000;

const QUOTE_MARKS: &[char] = &['"', '”', '’', '\'', '»'];

/// Most bytes between a speaker and the quote that resumes their words ("“...,” he told
/// reporters on Monday. “...”").
const RESUME: usize = 48;

/// Most bytes of the rest of a speaker's sentence before their quote resumes.
const RESUME_SENTENCE: usize = 300;

const QUOTE_OPENERS: &[char] = &['"', '“', '‘', '«'];

/// Contents that hold part of a quotation take all of it (a quote over several sentences is
/// one content), and a quote that resumes right after "..., he said," joins the content
/// before it.
pub fn with_quotes(
    mut relations: Vec<Relation>,
    quotes: &[(usize, usize)],
    text: &str,
) -> Vec<Relation> {
    let quotes: Vec<(usize, usize)> = quotes
        .iter()
        .copied()
        .filter(|q| q.1 - q.0 <= MAX_QUOTE)
        .collect();
    let cues: Vec<usize> = relations
        .iter()
        .filter_map(|r| r.cue.map(|c| c[0]))
        .collect();
    for r in &mut relations {
        let c = &mut r.content;
        let from = quotes.partition_point(|q| q.1 <= c[0]);
        let end = c[1];
        for q in quotes[from..].iter().take_while(|q| q.0 < end) {
            c[0] = c[0].min(q.0);
            c[1] = c[1].max(q.1);
        }
        let tail = [r.cue, r.source].iter().flatten().map(|s| s[1]).max();
        let mut tail = tail.filter(|&t| t >= c[1]);
        while let Some(t) = tail {
            // ... and the quotes after it ("“...,” Nega told me. “...”"), unless they have a
            // speaker of their own.
            let own = |q: &(usize, usize)| {
                let open_end = !text[..q.1]
                    .trim_end_matches(QUOTE_MARKS)
                    .ends_with(['.', '!', '?']);
                cues.iter()
                    .any(|&k| q.0 <= k && (k < q.1 || (open_end && k < q.1 + 24)))
            };
            // The words between: a few ("..., he told reporters. “..."), or the rest of the
            // speaker's sentence when it reports nothing else (", a Clinton endorser whose
            // district went strongly for her. “...").
            let near = |q: &(usize, usize)| {
                let gap = &text[t..q.0];
                gap.len() <= RESUME
                    || (gap.len() <= RESUME_SENTENCE
                        && !gap.contains(QUOTE_OPENERS)
                        && gap.trim_end().ends_with('.')
                        && !cues.iter().any(|&k| t <= k && k < q.0))
            };
            let next = quotes[quotes.partition_point(|q| q.0 < t)..].first();
            tail = next
                .filter(|q| near(q) && !own(q) && !text[t..q.0].contains("\n\n"))
                .map(|q| {
                    c[1] = q.1;
                    q.1
                });
        }
    }
    relations.dedup_by(|a, b| a.content == b.content);
    // A content of one word with no quote is a fragment ("Overall", "when"), not a report.
    relations.retain(|r| {
        let c = &text[r.content[0]..r.content[1]];
        c.split_whitespace().nth(1).is_some() || c.contains(QUOTE_MARKS) || c.contains(['“', '"'])
    });
    relations
}
