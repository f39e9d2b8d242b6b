//! # claimscope-core
//!
//! The pure core of claimscope: who claimed what across news reports. No browser, no I/O beyond
//! the optional [`load`] module; the same code runs in `build.rs`, in the command-line tool and
//! (without the `extract` feature) in the browser app.
//!
//! The pipeline, for each article ([`extract::analyze`]):
//! [`layout`] (clutter, title, dateline) → [`sentence`] → [`token`] → [`figure`]
//! (with [`number`]) and [`stance`] → [`attribution`] (who says it, via whom, when).
//! Then for the whole set ([`corpus::build`]): publication dates, [`date`] resolution,
//! [`cluster`]s and contradictions. Words and names live in data files read by [`lexicon`].
//!
//! ```
//! use claimscope_core::{corpus::{build, Input, Options}, lexicon::Lexicon};
//! let text = "About 8,000 North Korean soldiers are still fighting in Kursk, Budanov said on Feb. 4, 2025.";
//! let input = Input { id: "a".into(), text: text.into(), meta: None };
//! let corpus = build(&[input], &Lexicon::builtin(), Options::default());
//! let claim = &corpus.claims[0];
//! assert_eq!(claim.value, Some(8000));
//! assert_eq!(claim.source.as_deref(), Some("Kyrylo Budanov"));
//! assert_eq!(claim.stated_on.as_deref(), Some("2025-02-04"));
//! ```

pub mod day;
pub mod export;
pub mod model;
pub mod query;
pub mod reader;
pub mod synth;
pub mod timeline;
pub mod url;

#[cfg(feature = "extract")]
pub mod attribution;
pub mod cluster;
pub mod compare;
#[cfg(feature = "extract")]
pub mod corpus;
#[cfg(feature = "extract")]
pub mod date;
#[cfg(feature = "extract")]
pub mod extract;
#[cfg(feature = "extract")]
pub mod figure;
#[cfg(feature = "extract")]
pub mod layout;
#[cfg(feature = "extract")]
pub mod lexicon;
#[cfg(feature = "extract")]
pub mod load;
#[cfg(feature = "extract")]
pub mod number;
#[cfg(feature = "extract")]
pub mod sentence;
#[cfg(feature = "extract")]
pub mod stance;
#[cfg(feature = "extract")]
pub mod token;

pub use model::{Claim, Contradiction, Corpus, Document, Kind, Metric, Qualifier, Stance};
