//! The article reader, computed. An article's text is cut into runs ([`Segment`]s), each knowing
//! whether it is page clutter, which claims' sentences cover it, which claims' figure or stance
//! words it is, and which attributions (who says what) it is the content, cue or source of.
//! [`nest`] then groups the runs so that each attribution's content is one element around its
//! runs (claims' marks inside it), and [`said_by`] names who says it. The app renders each run
//! as a text node (never as HTML).

use crate::model::{Attribution, Claim, Corpus, Span};

/// A run of text with the same highlighting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the article text.
    pub start: usize,
    pub end: usize,
    /// Inside page clutter (navigation, bylines, widgets).
    pub clutter: bool,
    /// Claims (corpus positions) whose sentence, or a repeat of it, covers this text.
    pub quote: Vec<u32>,
    /// Claims whose figure or stance words are this text.
    pub mention: Vec<u32>,
    /// Attributions (positions in [`Corpus::attributions`]) whose content covers this text,
    /// outermost first: by content start, then the longer first, then corpus order.
    pub said: Vec<u32>,
    /// Inside an attribution's cue ("said", "according to").
    pub cue: bool,
    /// Inside an attribution's source words ("the head of the GUR").
    pub source: bool,
}

/// The reader's text as nested pieces: runs, and attribution contents around runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Run(Segment),
    /// The content of attribution `attribution` (a position in [`Corpus::attributions`]), or a
    /// part of it: a content that crosses another attribution's content is cut where that one
    /// ends, and only its first part has `first` (one stop for the keyboard per attribution).
    Said {
        attribution: u32,
        first: bool,
        pieces: Vec<Piece>,
    },
}

fn clamp(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn covers(span: &Span, start: usize, end: usize) -> bool {
    span[0] <= start && end <= span[1] && span[0] < span[1]
}

/// The claims read from article `doc`, with their positions in the corpus, in text order.
pub fn article_claims<'a>(corpus: &'a Corpus, doc: &str) -> Vec<(u32, &'a Claim)> {
    corpus
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.doc == doc)
        .map(|(i, c)| (i as u32, c))
        .collect()
}

/// The attributions read from article `doc`, with their positions in the corpus, in corpus order.
pub fn article_attributions<'a>(corpus: &'a Corpus, doc: &str) -> Vec<(u32, &'a Attribution)> {
    corpus
        .attributions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.doc == doc)
        .map(|(i, a)| (i as u32, a))
        .collect()
}

/// Segments of `text` given its clutter spans, its claims and its attributions (each with its
/// corpus position). Spans outside the text or inside a character are clamped, so malformed
/// data cannot panic. Together the segments are the whole text, in order, none empty.
pub fn segments(
    text: &str,
    clutter: &[Span],
    claims: &[(u32, &Claim)],
    attributions: &[(u32, &Attribution)],
) -> Vec<Segment> {
    // Outermost first, so that nested contents nest (see `Segment::said`).
    let outer_first: Vec<(u32, &Attribution)> =
        crate::sort::sorted_positions(attributions.len(), &|i| {
            let c = attributions[i as usize].1.content;
            (c[0] as u64, u64::MAX - c[1] as u64)
        })
        .into_iter()
        .map(|i| attributions[i as usize])
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let spans = clutter
        .iter()
        .chain(
            claims
                .iter()
                .flat_map(|(_, c)| [&c.span, &c.mention].into_iter().chain(c.repeats.iter())),
        )
        .chain(
            attributions
                .iter()
                .flat_map(|(_, a)| [Some(&a.content), a.cue.as_ref(), a.source.as_ref()])
                .flatten(),
        );
    for s in spans {
        cuts.push(clamp(text, s[0]));
        cuts.push(clamp(text, s[1]));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let any = |spans: &mut dyn Iterator<Item = &Span>, start, end| {
        for s in spans {
            if covers(s, start, end) {
                return true;
            }
        }
        false
    };
    cuts.windows(2)
        .filter(|w| w[1] > w[0])
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            Segment {
                start,
                end,
                clutter: any(&mut clutter.iter(), start, end),
                quote: claims
                    .iter()
                    .filter(|(_, c)| {
                        covers(&c.span, start, end)
                            || c.repeats.iter().any(|r| covers(r, start, end))
                    })
                    .map(|(i, _)| *i)
                    .collect(),
                mention: claims
                    .iter()
                    .filter(|(_, c)| covers(&c.mention, start, end))
                    .map(|(i, _)| *i)
                    .collect(),
                said: outer_first
                    .iter()
                    .filter(|(_, a)| covers(&a.content, start, end))
                    .map(|(i, _)| *i)
                    .collect(),
                cue: any(
                    &mut attributions.iter().filter_map(|(_, a)| a.cue.as_ref()),
                    start,
                    end,
                ),
                source: any(
                    &mut attributions.iter().filter_map(|(_, a)| a.source.as_ref()),
                    start,
                    end,
                ),
            }
        })
        .collect()
}

/// The segments nested by attribution: each run sits inside the [`Piece::Said`]s of its
/// `said` list, outermost first. Runs stay in text order.
pub fn nest(segments: Vec<Segment>) -> Vec<Piece> {
    fn close(stack: &mut Vec<(u32, bool, Vec<Piece>)>, top: &mut Vec<Piece>) {
        if let Some((attribution, first, pieces)) = stack.pop() {
            let said = Piece::Said {
                attribution,
                first,
                pieces,
            };
            match stack.last_mut() {
                Some(parent) => parent.2.push(said),
                None => top.push(said),
            }
        }
    }
    let mut top = Vec::new();
    let mut stack: Vec<(u32, bool, Vec<Piece>)> = Vec::new();
    let mut opened: Vec<u32> = Vec::new();
    for seg in segments {
        let keep = stack
            .iter()
            .zip(&seg.said)
            .take_while(|(open, want)| open.0 == **want)
            .count();
        while stack.len() > keep {
            close(&mut stack, &mut top);
        }
        for &a in &seg.said[keep..] {
            let first = !opened.contains(&a);
            if first {
                opened.push(a);
            }
            stack.push((a, first, Vec::new()));
        }
        match stack.last_mut() {
            Some(open) => open.2.push(Piece::Run(seg)),
            None => top.push(Piece::Run(seg)),
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut top);
    }
    top
}

/// Whether the reader names who says it: the claimant is known.
pub fn is_named(a: &Attribution) -> bool {
    a.claimant.is_some()
}

/// Who says an attribution's content, as the reader names it. A known claimant by name, with
/// the organisation when it adds something: "Said by Kyrylo Budanov (Ukrainian Military
/// Intelligence)". A source the extractor could not resolve by the article's own words, so a
/// reader sees whom the article credits: "Said by “military sources” (not identified)". No source
/// words at all: the outlet relays it, "Unattributed: reported by Kyiv Independent" (or "by
/// the outlet").
pub fn said_by(a: &Attribution, text: &str, outlet: Option<&str>) -> String {
    let words = a
        .source
        .and_then(|s| text.get(s[0]..s[1]))
        .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|w| !w.is_empty());
    let org = a.claimant_org.as_deref();
    match (&a.claimant, words, org) {
        (Some(name), _, Some(org)) if !name.contains(org) => format!("Said by {name} ({org})"),
        (Some(name), _, _) => format!("Said by {name}"),
        (None, Some(w), Some(org)) => format!("Said by “{w}” ({org})"),
        (None, Some(w), None) => format!("Said by “{w}” (not identified)"),
        (None, None, Some(org)) => format!("Said by {org}"),
        (None, None, None) => format!(
            "Unattributed: reported by {}",
            outlet.unwrap_or("the outlet")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample;

    fn claim(span: Span, mention: Span, repeats: Vec<Span>) -> Claim {
        Claim {
            span,
            mention,
            repeats,
            ..sample::claim()
        }
    }

    fn said(content: Span, source: Option<Span>, cue: Option<Span>) -> Attribution {
        Attribution {
            doc: "a".into(),
            source,
            cue,
            content,
            claimant: Some("Kyrylo Budanov".into()),
            claimant_org: Some("Ukrainian Military Intelligence".into()),
        }
    }

    fn joined(text: &str, segs: &[Segment]) -> String {
        segs.iter().map(|s| &text[s.start..s.end]).collect()
    }

    /// The runs of `pieces` in order, each with the attributions around it, outermost first.
    fn flatten(pieces: &[Piece], around: &mut Vec<u32>, out: &mut Vec<(Segment, Vec<u32>)>) {
        for p in pieces {
            match p {
                Piece::Run(s) => out.push((s.clone(), around.clone())),
                Piece::Said {
                    attribution,
                    pieces,
                    ..
                } => {
                    around.push(*attribution);
                    flatten(pieces, around, out);
                    around.pop();
                }
            }
        }
    }

    /// `(attribution, first, text)` of every [`Piece::Said`], depth first.
    fn saids(text: &str, pieces: &[Piece], out: &mut Vec<(u32, bool, String)>) {
        for p in pieces {
            if let Piece::Said {
                attribution,
                first,
                pieces,
            } = p
            {
                let mut runs = Vec::new();
                flatten(pieces, &mut Vec::new(), &mut runs);
                let inner: String = runs.iter().map(|(s, _)| &text[s.start..s.end]).collect();
                out.push((*attribution, *first, inner));
                saids(text, pieces, out);
            }
        }
    }

    #[test]
    fn segments_cover_the_text_with_flags() {
        let text = "Menu. 300 died, it said. Again 300 died.";
        let c = claim([6, 24], [6, 15], vec![[25, 40]]);
        let segs = segments(text, &[[0, 5]], &[(7, &c)], &[]);
        // Together the segments are the whole text, in order.
        assert_eq!(joined(text, &segs), text);
        assert!(segs[0].clutter && segs[0].quote.is_empty());
        let m = segs.iter().find(|s| !s.mention.is_empty()).unwrap();
        assert_eq!(&text[m.start..m.end], "300 died,");
        assert_eq!(m.quote, [7]);
        let rep = segs.iter().find(|s| s.start == 25).unwrap();
        assert_eq!(rep.quote, [7]);
        assert!(rep.mention.is_empty());
        assert!(segs
            .iter()
            .all(|s| s.said.is_empty() && !s.cue && !s.source));
    }

    #[test]
    fn attributions_mark_content_cue_and_source() {
        //          0         1         2         3         4
        //          0123456789012345678901234567890123456789012345
        let text = "Budanov said 8,000 troops are fighting. Rain.";
        let c = claim([0, 39], [13, 38], vec![]);
        let a = said([13, 38], Some([0, 7]), Some([8, 12]));
        let segs = segments(text, &[], &[(0, &c)], &[(4, &a)]);
        assert_eq!(joined(text, &segs), text);
        let at = |from: usize| segs.iter().find(|s| s.start == from).unwrap();
        assert!(at(0).source && !at(0).cue && at(0).said.is_empty());
        assert!(at(8).cue && !at(8).source);
        assert_eq!(at(13).said, [4]);
        assert_eq!(at(13).mention, [0]);
        assert_eq!(&text[at(13).start..at(13).end], "8,000 troops are fighting");
        assert!(at(39).said.is_empty() && at(39).quote.is_empty());
    }

    #[test]
    fn claims_and_attributions_overlap_in_runs() {
        // The attribution's content starts inside a claim's mention and runs past its sentence.
        let text = "He said about 300 died there. Others too.";
        let c = claim([0, 29], [8, 22], vec![]);
        let a = said([14, 35], None, Some([3, 7]));
        let segs = segments(text, &[], &[(1, &c)], &[(0, &a)]);
        assert_eq!(joined(text, &segs), text);
        let runs: Vec<(&str, bool, bool, bool)> = segs
            .iter()
            .map(|s| {
                (
                    &text[s.start..s.end],
                    !s.quote.is_empty(),
                    !s.mention.is_empty(),
                    !s.said.is_empty(),
                )
            })
            .collect();
        assert_eq!(
            runs,
            [
                ("He ", true, false, false),
                ("said", true, false, false),
                (" ", true, false, false),
                ("about ", true, true, false),
                ("300 died", true, true, true),
                (" there.", true, false, true),
                (" Other", false, false, true),
                ("s too.", false, false, false),
            ]
        );
    }

    #[test]
    fn nested_attributions_nest_and_crossing_ones_are_cut() {
        //          0         1         2         3
        //          0123456789012345678901234567890123456
        let text = "A said B told him C is true, and D.";
        let outer = said([7, 34], None, None);
        let inner = said([18, 27], None, None);
        let crossing = said([29, 35], None, None);
        let atts = [(0, &crossing), (1, &inner), (2, &outer)];
        let segs = segments(text, &[], &[], &atts);
        assert_eq!(segs.iter().find(|s| s.start == 18).unwrap().said, [2, 1]);
        let pieces = nest(segs.clone());
        let mut runs = Vec::new();
        flatten(&pieces, &mut Vec::new(), &mut runs);
        // The same runs, in order, each inside exactly the attributions it belongs to.
        assert_eq!(
            runs.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>(),
            segs
        );
        assert!(runs.iter().all(|(s, around)| &s.said == around));
        let mut got = Vec::new();
        saids(text, &pieces, &mut got);
        assert_eq!(
            got,
            [
                (2, true, "B told him C is true, and D".to_string()),
                (1, true, "C is true".to_string()),
                (0, true, "and D".to_string()),
                (0, false, ".".to_string()),
            ]
        );
    }

    #[test]
    fn bad_spans_are_clamped() {
        let text = "Ça va — 300 morts.";
        let c = claim([3, 999], [9, 10], vec![]);
        let a = said([7, 2000], Some([9, 8]), Some([1, 2]));
        let segs = segments(text, &[[500, 600]], &[(0, &c)], &[(0, &a)]);
        assert_eq!(joined(text, &segs), text);
        let mut got = Vec::new();
        saids(text, &nest(segs), &mut got);
        assert_eq!(got, [(0, true, "— 300 morts.".to_string())]);
    }

    #[test]
    fn an_articles_claims_and_attributions_in_corpus_order() {
        let c = Corpus {
            claims: sample::claims_in(&["a", "b", "a"]),
            attributions: vec![
                said([0, 1], None, None),
                Attribution {
                    doc: "b".into(),
                    ..said([0, 1], None, None)
                },
                said([2, 3], None, None),
            ],
            ..Corpus::default()
        };
        let got: Vec<u32> = article_claims(&c, "a").iter().map(|(i, _)| *i).collect();
        assert_eq!(got, [0, 2]);
        assert!(article_claims(&c, "zz").is_empty());
        let got: Vec<u32> = article_attributions(&c, "a")
            .iter()
            .map(|(i, _)| *i)
            .collect();
        assert_eq!(got, [0, 2]);
    }

    #[test]
    fn who_says_it_is_named_or_shown_in_the_articles_words() {
        let text = "Budanov said it. Military  sources said it. It was reported.";
        let budanov = said([13, 15], Some([0, 7]), Some([8, 12]));
        assert_eq!(
            said_by(&budanov, text, Some("UNN")),
            "Said by Kyrylo Budanov (Ukrainian Military Intelligence)"
        );
        assert!(is_named(&budanov));
        let pentagon = Attribution {
            claimant: Some("Pentagon".into()),
            claimant_org: Some("Pentagon".into()),
            ..budanov.clone()
        };
        assert_eq!(said_by(&pentagon, text, None), "Said by Pentagon");
        let unnamed = Attribution {
            claimant: None,
            claimant_org: None,
            source: Some([17, 34]),
            ..budanov.clone()
        };
        assert!(!is_named(&unnamed));
        assert_eq!(
            said_by(&unnamed, text, Some("UNN")),
            "Said by “Military sources” (not identified)"
        );
        let org_only = Attribution {
            claimant_org: Some("Pentagon".into()),
            ..unnamed.clone()
        };
        assert_eq!(
            said_by(&org_only, text, None),
            "Said by “Military sources” (Pentagon)"
        );
        let bare = Attribution {
            source: None,
            ..unnamed.clone()
        };
        assert_eq!(
            said_by(&bare, text, Some("UNN")),
            "Unattributed: reported by UNN"
        );
        assert_eq!(
            said_by(&bare, text, None),
            "Unattributed: reported by the outlet"
        );
        let bare_org = Attribution {
            claimant_org: Some("Pentagon".into()),
            ..bare.clone()
        };
        assert_eq!(said_by(&bare_org, text, None), "Said by Pentagon");
        // A source span off the text or inside a character is not shown.
        let off = Attribution {
            source: Some([50, 500]),
            ..unnamed
        };
        assert_eq!(
            said_by(&off, text, None),
            "Unattributed: reported by the outlet"
        );
    }
}
