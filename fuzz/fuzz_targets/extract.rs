//! Extraction of arbitrary bytes (decoded as the CLI does) never panics, and every claim quotes
//! its text exactly. Run: `cargo fuzz run extract` (see README, "Robustness").
#![no_main]

use claimscope_extract::{build, Input, Options};
use claimscope_extract::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let input = Input { id: "fuzz".into(), text: text.clone(), meta: None };
    let corpus = build(&[input], Lexicon::shared(), Options::default());
    for c in &corpus.claims {
        assert_eq!(&text[c.span[0]..c.span[1]], c.quote);
        assert!(c.span[0] <= c.mention[0] && c.mention[1] <= c.span[1]);
    }
});
