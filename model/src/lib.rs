//! # claimscope-model
//!
//! The document model of claimscope (articles, claims, contradictions: the JSON schema) and
//! everything the browser app runs on it: the query path ([`query`]), the source comparison
//! ([`compare`]), the chart geometry ([`timeline`]), the reader's segments ([`reader`]), the URL
//! state ([`url`]), the exports ([`export`]) and the compact form the app embeds the corpus in
//! ([`embed`]). No browser, no I/O, and no extractor: this crate
//! depends on serde, serde_json and a hasher only, so the browser build stays small.

pub mod cluster;
pub mod compare;
pub mod conflict;
pub mod day;
pub mod embed;
pub mod export;
pub mod format;
pub mod imports;
pub mod model;
pub mod query;
pub mod reader;
pub mod sort;
#[cfg(any(test, feature = "synth"))]
pub mod synth;
pub mod timeline;
pub mod url;

pub use model::{
    Claim, Contradiction, Corpus, Document, Kind, Metric, Position, Qualifier, Question,
};
