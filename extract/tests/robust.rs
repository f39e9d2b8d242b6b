//! Extraction never panics and never produces a span that is not in the text, whatever the text:
//! arbitrary Unicode, huge numbers, unbalanced quotes, clutter-like lines, pathological
//! punctuation. (The fuzz target in `fuzz/` explores the same property without bounds.)

use claimscope_extract::Lexicon;
use claimscope_extract::{build, Input, Options};
use proptest::prelude::*;

/// Pieces that exercise the rules: numbers, qualifiers, people nouns, speech verbs, quotes,
/// dates, multi-byte characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("About 8,000".to_string()),
        Just("11 000".to_string()),
        Just("99999999999999999999999".to_string()),
        Just("three-thousand".to_string()),
        Just("between 1,000 and".to_string()),
        Just("North Korean soldiers".to_string()),
        Just("troops".to_string()),
        Just("said".to_string()),
        Just("according to".to_string()),
        Just(", citing".to_string()),
        Just("Budanov".to_string()),
        Just("the head of the GUR".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("’s".to_string()),
        Just("Feb. 4, 2025".to_string()),
        Just("on Friday".to_string()),
        Just("mid-".to_string()),
        Just("were withdrawn".to_string()),
        Just("have not been seen".to_string()),
        Just("denied reports that".to_string()),
        Just("hundreds of".to_string()),
        Just("Subscribe".to_string()),
        Just("News Feed".to_string()),
        Just("…".to_string()),
        Just(".".to_string()),
        Just("\n".to_string()),
        Just("- ".to_string()),
        Just("(".to_string()),
        Just(",".to_string()),
        Just("é😀日本".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,12}",
        any::<String>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extraction_never_panics_and_spans_hold(t in text(), glued in any::<String>()) {
        let lex = Lexicon::shared();
        for body in [t.clone(), format!("{t}{glued}"), t.replace(' ', "")] {
            let input = Input { id: "x".into(), text: body.clone(), meta: None };
            let corpus = build(&[input], lex, Options::default());
            for c in &corpus.claims {
                prop_assert!(c.span[1] <= body.len());
                prop_assert_eq!(&body[c.span[0]..c.span[1]], c.quote.as_str());
                prop_assert!(c.span[0] <= c.mention[0] && c.mention[1] <= c.span[1]);
                let _ = c.quote_parts();
            }
            for span in &corpus.documents[0].clutter {
                prop_assert!(span[0] <= span[1] && span[1] <= body.len());
                prop_assert!(body.is_char_boundary(span[0]) && body.is_char_boundary(span[1]));
            }
        }
    }
}
