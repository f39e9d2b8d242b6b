//! Properties of the reader's runs and their nesting, for any text and any spans (outside the
//! text, inside a character, empty, reversed, overlapping and crossing each other). Native only:
//! proptest does not build for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use claimscope_model::model::{Attribution, Span};
use claimscope_model::reader::{nest, said_by, segments, Piece, Segment};
use claimscope_model::Claim;
use proptest::prelude::*;

fn span() -> impl Strategy<Value = Span> {
    // Mostly inside a short text, sometimes far past its end.
    prop_oneof![
        4 => (0usize..40, 0usize..40).prop_map(|(a, b)| [a, b]),
        1 => (0usize..200, 0usize..200).prop_map(|(a, b)| [a, b]),
    ]
}

fn attribution() -> impl Strategy<Value = Attribution> {
    (
        span(),
        proptest::option::of(span()),
        proptest::option::of(span()),
        any::<bool>(),
    )
        .prop_map(|(content, source, cue, named)| Attribution {
            doc: "a".into(),
            source,
            cue,
            content,
            claimant: named.then(|| "Someone".to_string()),
            claimant_org: None,
        })
}

fn claim() -> impl Strategy<Value = Claim> {
    (span(), span(), proptest::collection::vec(span(), 0..2)).prop_map(
        |(span, mention, repeats)| Claim {
            id: "a#1".into(),
            doc: "a".into(),
            kind: claimscope_model::Kind::Figure,
            metric: None,
            party: None,
            subject: None,
            value: None,
            value_high: None,
            qualifier: None,
            question: None,
            stance: None,
            source: None,
            source_org: None,
            via: vec![],
            stated_on: None,
            quote: String::new(),
            span,
            mention,
            subset: false,
            repeats,
            cluster: String::new(),
        },
    )
}

/// The runs of `pieces` in order, each with the attributions around it (outermost first), and
/// every attribution part as `(attribution, first)`.
fn flatten(
    pieces: &[Piece],
    around: &mut Vec<u32>,
    runs: &mut Vec<(Segment, Vec<u32>)>,
    parts: &mut Vec<(u32, bool)>,
) {
    for p in pieces {
        match p {
            Piece::Run(s) => runs.push((s.clone(), around.clone())),
            Piece::Said {
                attribution,
                first,
                pieces,
            } => {
                parts.push((*attribution, *first));
                around.push(*attribution);
                flatten(pieces, around, runs, parts);
                around.pop();
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn runs_cover_the_text_and_nest_as_their_memberships_say(
        text in "[a-zé— .,“”]{0,40}",
        clutter in proptest::collection::vec(span(), 0..3),
        claims in proptest::collection::vec(claim(), 0..4),
        atts in proptest::collection::vec(attribution(), 0..6),
    ) {
        let claims: Vec<(u32, &Claim)> = claims.iter().enumerate().map(|(i, c)| (i as u32, c)).collect();
        let atts: Vec<(u32, &Attribution)> = atts.iter().enumerate().map(|(i, a)| (i as u32, a)).collect();
        let segs = segments(&text, &clutter, &claims, &atts);
        // The runs are the whole text, in order, none empty, cut on character boundaries.
        let mut at = 0;
        for s in &segs {
            prop_assert_eq!(s.start, at);
            prop_assert!(s.end > s.start);
            prop_assert!(text.get(s.start..s.end).is_some());
            at = s.end;
        }
        prop_assert_eq!(at, text.len());
        // A run's memberships are exactly the spans that cover it.
        for s in &segs {
            for (i, a) in &atts {
                let c = a.content;
                let inside = c[0] <= s.start && s.end <= c[1];
                prop_assert_eq!(inside, s.said.contains(i));
            }
            for (i, c) in &claims {
                let m = c.mention;
                prop_assert_eq!(m[0] <= s.start && s.end <= m[1], s.mention.contains(i));
            }
        }
        // Nesting keeps the runs in order, each inside exactly its attributions, and each
        // attribution that covers any text has exactly one first part.
        let mut runs = Vec::new();
        let mut parts = Vec::new();
        flatten(&nest(segs.clone()), &mut Vec::new(), &mut runs, &mut parts);
        prop_assert_eq!(runs.iter().map(|(s, _)| s.clone()).collect::<Vec<_>>(), segs.clone());
        for (s, around) in &runs {
            prop_assert_eq!(&s.said, around);
        }
        for (i, _) in &atts {
            let covered = segs.iter().any(|s| s.said.contains(i));
            let firsts = parts.iter().filter(|&&(a, first)| a == *i && first).count();
            prop_assert_eq!(firsts, usize::from(covered));
        }
        // Every attribution can be named, whatever its spans.
        for (_, a) in &atts {
            prop_assert!(said_by(a, &text, None).len() > 8);
        }
    }
}
