//! # claimscope-extract
//!
//! The extractor of claimscope: articles in, claims out (figures, stances, who says them, when,
//! and the exact quote). It runs in `build.rs`, in the command-line tool and in the fuzzer; the
//! browser app only reads its output through `claimscope-model`.
//!
//! The pipeline, for each article ([`analyze`]):
//! `layout` (clutter, title, dateline) → `sentence` → `token` → `figure` (with `number`) and
//! `stance` → `attribution` (who says it, via whom, when). Then for the whole set ([`build`]):
//! publication dates, date resolution, clusters and contradictions. Words and names live in
//! data files read by [`Lexicon`]; [`load`] reads article files and folders.
//!
//! ```
//! use claimscope_extract::{build, Input, Lexicon, Options};
//! let text = "About 8,000 North Korean soldiers are still fighting in Kursk, Budanov said on Feb. 4, 2025.";
//! let input = Input { id: "a".into(), text: text.into(), meta: None };
//! let corpus = build(&[input], &Lexicon::builtin(), Options::default());
//! let claim = &corpus.claims[0];
//! assert_eq!(claim.value, Some(8000));
//! assert_eq!(claim.source.as_deref(), Some("Kyrylo Budanov"));
//! assert_eq!(claim.stated_on.as_deref(), Some("2025-02-04"));
//! ```

mod attribution;
mod claimant;
mod corpus;
mod date;
mod extract;
mod figure;
mod layout;
mod lexicon;
mod load;
mod nesting;
mod number;
mod page;
mod pattern;
mod question;
mod quote;
mod relation;
mod sentence;
mod stance;
mod subject;
mod table;
mod token;

pub use corpus::{build, build_from, ArticleMeta, Input, Options};
pub use date::{dates, Date, DateExpr};
pub use extract::{analyze, Analysis};
pub use lexicon::{Lexicon, LexiconError};
pub use load::{
    load, read_article, FileOutcome, LoadError, Loaded, Warning, ARTICLE_EXTENSIONS,
    MAX_ARTICLE_BYTES,
};
pub use number::{numbers, Number};
pub use page::{read_page, Page, PageError};
