//! claimscope's importer: reads the articles a user adds in the browser with the same extractor
//! the build uses, in a Web Worker so the page stays responsive, and keeps them in the
//! browser's IndexedDB so a reload finds them again.
//!
//! [`job`] is the protocol the page speaks, [`intake`] the reading (plain Rust, tested
//! natively); the worker itself ([`importer`], [`store`]) runs in the browser only. The app
//! links this crate for the protocol and the worker's type (to spawn it), not the extractor:
//! nothing of it is called there, so none of it reaches the page's wasm.

pub mod importer;
pub mod intake;
pub mod job;
mod store;

pub use gloo_worker;
pub use importer::Importer;
pub use job::{Job, Pasted, Report};
