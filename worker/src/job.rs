//! What the page asks of the importer and what it answers: the messages between the app and
//! its Web Worker. Articles travel in `claimscope_model::embed`'s compact form, which the app
//! already reads, so the page needs no JSON decoder of the model.

use serde::{Deserialize, Serialize};

/// A request to the importer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Job {
    /// The articles stored in this browser by earlier visits.
    Restore,
    /// A file the user picked or dropped: an article (`.txt`, `.html`, `.htm`) or a claimscope
    /// JSON corpus (an export, or `claimscope extract --text`). Its articles get ids none of
    /// `taken` has (the built-in ones; an imported article with the same id is replaced).
    File {
        name: String,
        bytes: Vec<u8>,
        taken: Vec<String>,
    },
    /// An article pasted into the page.
    Paste { pasted: Pasted, taken: Vec<String> },
    /// Forget the stored article with this id.
    Remove(String),
    /// Forget every stored article.
    Clear,
    /// Every stored article, with its claims, as one claimscope JSON corpus.
    Export,
}

/// A pasted article and what the user said about it (empty: not given).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pasted {
    pub text: String,
    pub title: String,
    pub outlet: String,
    pub url: String,
    /// `YYYY-MM-DD`.
    pub published: String,
}

/// The importer's answer to one [`Job`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Report {
    /// The articles read from `file` (each one encoded), now stored; `warning` says what was
    /// not quite right (decoded with replacement characters...).
    Added {
        file: String,
        articles: Vec<String>,
        warning: Option<String>,
    },
    /// Why nothing was read from `file`.
    Skipped { file: String, reason: String },
    /// The stored articles (each one encoded), and why any could not be read.
    Restored {
        articles: Vec<String>,
        problems: Vec<String>,
    },
    /// A JSON corpus of every stored article.
    Exported { json: String },
    /// A removal is done.
    Removed,
    /// The browser's storage failed: what was asked, and why.
    Failed { what: String, reason: String },
}
