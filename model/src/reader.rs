//! The article reader, computed: an article's text cut into segments, each knowing whether it is
//! page clutter, which claims' sentences cover it and which claims' figure or stance words it is.
//! The app renders each segment as a text node (never as HTML).

use crate::model::{Claim, Corpus, Span};

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

/// Segments of `text` given its clutter spans and its claims `(position, claim)`. Spans outside
/// the text or inside a character are clamped, so malformed data cannot panic.
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

pub fn segments(text: &str, clutter: &[Span], claims: &[(u32, &Claim)]) -> Vec<Segment> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let spans = clutter.iter().chain(
        claims
            .iter()
            .flat_map(|(_, c)| [&c.span, &c.mention].into_iter().chain(c.repeats.iter())),
    );
    for s in spans {
        cuts.push(clamp(text, s[0]));
        cuts.push(clamp(text, s[1]));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let (start, end) = (w[0], w[1]);
            Segment {
                start,
                end,
                clutter: clutter.iter().any(|s| covers(s, start, end)),
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
            }
        })
        .filter(|s| s.end > s.start)
        .collect()
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

    #[test]
    fn segments_cover_the_text_with_flags() {
        let text = "Menu. 300 died, it said. Again 300 died.";
        let c = claim([6, 24], [6, 15], vec![[25, 40]]);
        let segs = segments(text, &[[0, 5]], &[(7, &c)]);
        // Together the segments are the whole text, in order.
        let joined: String = segs.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(joined, text);
        assert!(segs[0].clutter && segs[0].quote.is_empty());
        let m = segs.iter().find(|s| !s.mention.is_empty()).unwrap();
        assert_eq!(&text[m.start..m.end], "300 died,");
        assert_eq!(m.quote, [7]);
        let rep = segs.iter().find(|s| s.start == 25).unwrap();
        assert_eq!(rep.quote, [7]);
        assert!(rep.mention.is_empty());
    }

    #[test]
    fn bad_spans_are_clamped() {
        let text = "Ça va — 300 morts.";
        let c = claim([3, 999], [9, 10], vec![]);
        let segs = segments(text, &[[500, 600]], &[(0, &c)]);
        let joined: String = segs.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn an_articles_claims_in_corpus_order() {
        let c = Corpus {
            claims: sample::claims_in(&["a", "b", "a"]),
            ..Corpus::default()
        };
        let got: Vec<u32> = article_claims(&c, "a").iter().map(|(i, _)| *i).collect();
        assert_eq!(got, [0, 2]);
        assert!(article_claims(&c, "zz").is_empty());
    }
}
