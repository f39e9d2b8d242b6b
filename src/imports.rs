//! Articles the user adds in the page: the importer (a Web Worker running the extractor, see
//! `claimscope-worker`), spawned when the panel first opens or when this browser holds articles
//! from an earlier visit, and the state the panel shows. Every change of the imported articles
//! joins them with the built-in corpus again (`claimscope_model::imports::join`) and shows the
//! result in every view.

use std::sync::Arc;

use claimscope_model::imports::{check, join};
use claimscope_model::{embed, Corpus};
use claimscope_worker::gloo_worker::{Spawnable, WorkerBridge};
use claimscope_worker::{Importer, Job, Pasted, Report};
use leptos::prelude::*;

use crate::data;

/// The worker's loader script, beside the page's own files (Trunk's `data-loader-shim`).
const WORKER_LOADER: &str = "claimscope-worker_loader.js";
/// `localStorage` key: how many articles this browser holds (so the worker starts at once on
/// the next visit, and never for a visitor who has not imported any).
const STORED_KEY: &str = "claimscope.imported";

/// How long the page waits for the stored articles before it starts without them.
const RESTORE_WAIT: std::time::Duration = std::time::Duration::from_secs(5);
const RESTORE_LATE: &str =
    "Your imported articles could not be read in time; they will appear when they are.";

/// A batch that makes no progress for this long has lost its worker (it stopped: a page it
/// could not handle): the files still waiting are reported, and the next job starts a new one.
const STALL: std::time::Duration = std::time::Duration::from_secs(90);
const STALLED: &str =
    "the importer stopped before answering; try this file again, or reload the page";

/// What became of one file or paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub file: String,
    /// Claims and articles read, or why nothing was.
    pub said: String,
    pub ok: bool,
}

/// The importer's state, shared by the panel and the page (a context).
#[derive(Clone, Copy)]
pub struct Imports {
    /// The imported articles, each a corpus of its own, in the order they were added.
    pub articles: RwSignal<Vec<Arc<Corpus>>>,
    /// Whether the built-in corpus is hidden (the URL's `builtin=hidden`).
    pub hide_builtin: RwSignal<bool>,
    /// Bumped each time [`data::current`] changes: the explorer is rebuilt on it.
    pub generation: RwSignal<u32>,
    /// Files of the current batch: how many were sent, how many are done.
    pub sent: RwSignal<usize>,
    pub done: RwSignal<usize>,
    /// One line per file or paste, newest last.
    pub outcomes: RwSignal<Vec<Outcome>>,
    /// A failure of the browser's storage, or of the importer itself.
    pub problem: RwSignal<Option<String>>,
    /// The panel is open.
    pub open: RwSignal<bool>,
    /// The stored articles have been read (or there were none): the explorer may start.
    pub ready: RwSignal<bool>,
    bridge: StoredValue<Option<WorkerBridge<Importer>>, LocalStorage>,
    readers: StoredValue<Vec<gloo_file::callbacks::FileReader>, LocalStorage>,
    /// The last export's object URL (dropping it revokes it): kept until the next one.
    last_export: StoredValue<Option<gloo_file::ObjectUrl>, LocalStorage>,
}

impl Imports {
    /// The importer state; starts the worker at once if this browser holds imported articles.
    pub fn new() -> Imports {
        let query = window().location().search().unwrap_or_default();
        let stored = stored_count() > 0;
        let imports = Imports {
            articles: RwSignal::new(Vec::new()),
            hide_builtin: RwSignal::new(claimscope_model::url::hides_builtin(&query)),
            generation: RwSignal::new(0),
            sent: RwSignal::new(0),
            done: RwSignal::new(0),
            outcomes: RwSignal::new(Vec::new()),
            problem: RwSignal::new(None),
            open: RwSignal::new(false),
            ready: RwSignal::new(!stored),
            bridge: StoredValue::new_local(None),
            readers: StoredValue::new_local(Vec::new()),
            last_export: StoredValue::new_local(None),
        };
        if stored {
            imports.send(Job::Restore);
            // Should the worker not answer (blocked, or failing to start), the page starts
            // with what it has rather than waiting for ever.
            set_timeout(
                move || {
                    if !imports.ready.get_untracked() {
                        imports.problem.set(Some(RESTORE_LATE.into()));
                        imports.ready.set(true);
                    }
                },
                RESTORE_WAIT,
            );
        }
        // Join and show again whenever the articles or the hiding change (not on the first
        // run when there is nothing to join: the built-in corpus is shown as it is).
        Effect::new(move |first: Option<()>| {
            let hide = imports.hide_builtin.get();
            let shown = imports.articles.with(|a| {
                if first.is_none() && a.is_empty() && !hide {
                    return false;
                }
                let mut parts: Vec<&Corpus> = Vec::new();
                if !hide {
                    parts.push(data::builtin());
                }
                parts.extend(a.iter().map(|c| c.as_ref()));
                let ids = a
                    .iter()
                    .flat_map(|c| c.documents.iter().map(|d| d.id.clone()));
                if hide || !a.is_empty() {
                    data::show(join(&parts), ids.collect());
                } else {
                    data::show_builtin();
                }
                true
            });
            if shown {
                imports.generation.update(|g| *g += 1);
            }
        });
        imports
    }

    /// Opens the panel (and starts the worker, so it is ready by the time a file is picked).
    pub fn open_panel(self) {
        self.open.set(true);
        self.bridge();
    }

    /// Starts the worker (once).
    fn bridge(self) {
        if self.bridge.with_value(Option::is_some) {
            return;
        }
        let url = crate::asset_url(WORKER_LOADER);
        let bridge = Importer::spawner()
            .callback(move |report| self.receive(report))
            .spawn_with_loader(&url);
        self.bridge.set_value(Some(bridge));
    }

    fn send(self, job: Job) {
        self.bridge();
        if matches!(job, Job::File { .. } | Job::Paste { .. }) {
            self.watch();
        }
        self.bridge.with_value(|b| {
            if let Some(b) = b {
                b.send(job);
            }
        });
    }

    /// Ids a new article must not take: the built-in ones (an imported article with the same id
    /// as another imported one replaces it).
    fn taken() -> Vec<String> {
        data::builtin()
            .documents
            .iter()
            .map(|d| d.id.clone())
            .collect()
    }

    /// Starts a batch of `n` more files or pastes.
    fn start(self, n: usize) {
        if self.done.get_untracked() >= self.sent.get_untracked() {
            self.sent.set(0);
            self.done.set(0);
        }
        self.sent.update(|s| *s += n);
    }

    /// Reads the files the user picked or dropped, and sends each to the importer.
    pub fn add_files(self, files: Vec<leptos::web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.start(files.len());
        let taken = Self::taken();
        for file in files {
            let file = gloo_file::File::from(file);
            let name = file.name();
            if !readable(&name) {
                self.finish(Outcome {
                    file: name,
                    said: "not an article (.txt, .html, .htm) or a claimscope .json file; skipped"
                        .into(),
                    ok: false,
                });
                continue;
            }
            let taken = taken.clone();
            let reader = gloo_file::callbacks::read_as_bytes(&file, move |read| match read {
                Ok(bytes) => self.send(Job::File { name, bytes, taken }),
                Err(e) => self.finish(Outcome {
                    file: name,
                    said: format!("could not be read: {e}"),
                    ok: false,
                }),
            });
            self.readers.update_value(|r| r.push(reader));
        }
    }

    /// Sends a pasted article to the importer.
    pub fn add_paste(self, pasted: Pasted) {
        self.start(1);
        let mut taken = Self::taken();
        self.articles.with_untracked(|a| {
            taken.extend(
                a.iter()
                    .flat_map(|c| c.documents.iter().map(|d| d.id.clone())),
            );
        });
        self.send(Job::Paste { pasted, taken });
    }

    /// Forgets one imported article, here and in the browser's storage.
    pub fn remove(self, doc: &str) {
        self.articles
            .update(|a| a.retain(|c| c.documents.iter().all(|d| d.id != doc)));
        self.remember();
        self.send(Job::Remove(doc.to_string()));
    }

    /// Forgets every imported article.
    pub fn clear(self) {
        self.articles.set(Vec::new());
        self.outcomes.set(Vec::new());
        self.remember();
        self.send(Job::Clear);
    }

    /// Asks for the JSON file of the imported articles (downloaded when it comes).
    pub fn export(self) {
        self.send(Job::Export);
    }

    /// Reports the batch's waiting files as lost if nothing more comes back within [`STALL`].
    fn watch(self) {
        let done = self.done.get_untracked();
        set_timeout(
            move || {
                let (now, sent) = (self.done.get_untracked(), self.sent.get_untracked());
                if now != done || now >= sent {
                    return;
                }
                self.bridge.set_value(None);
                for n in now..sent {
                    self.finish(Outcome {
                        file: format!("file {} of {sent}", n + 1),
                        said: STALLED.into(),
                        ok: false,
                    });
                }
            },
            STALL,
        );
    }

    fn finish(self, outcome: Outcome) {
        self.outcomes.update(|o| o.push(outcome));
        self.done.update(|d| *d += 1);
        // A reader dropped mid-read stops: they go when the whole batch is done.
        if self.done.get_untracked() >= self.sent.get_untracked() {
            self.readers.update_value(Vec::clear);
        }
    }

    fn receive(self, report: Report) {
        match report {
            Report::Added {
                file,
                articles,
                warning,
            } => {
                let (read, problems) = decode_all(&articles);
                let claims: usize = read.iter().map(|c| c.claims.len()).sum();
                let mut said = match read.len() {
                    1 => format!("{claims} claims"),
                    n => format!("{claims} claims from {n} articles"),
                };
                for w in warning.iter().chain(&problems) {
                    said.push_str(&format!(" ({w})"));
                }
                let ok = !read.is_empty();
                self.add(read);
                self.finish(Outcome { file, said, ok });
            }
            Report::Skipped { file, reason } => self.finish(Outcome {
                file,
                said: reason,
                ok: false,
            }),
            Report::Restored { articles, problems } => {
                let (read, more) = decode_all(&articles);
                self.problem.set(None);
                let mut all: Vec<String> = problems;
                all.extend(more);
                if !all.is_empty() {
                    self.problem.set(Some(format!(
                        "Some stored articles could not be read: {}",
                        all.join("; ")
                    )));
                }
                self.articles.set(read.into_iter().map(Arc::new).collect());
                self.remember();
                self.ready.set(true);
            }
            Report::Exported { json } => self.last_export.set_value(download(&json)),
            Report::Removed => {}
            Report::Failed { what, reason } => {
                self.problem.set(Some(format!("{what}: {reason}")));
                self.ready.set(true);
            }
        }
    }

    /// Adds articles, replacing imported ones with the same id.
    fn add(self, read: Vec<Corpus>) {
        if read.is_empty() {
            return;
        }
        self.articles.update(|a| {
            for c in read {
                let id = c.documents[0].id.clone();
                a.retain(|x| x.documents[0].id != id);
                a.push(Arc::new(c));
            }
        });
        self.remember();
    }

    /// Notes in `localStorage` how many articles this browser holds.
    fn remember(self) {
        let n = self.articles.with_untracked(Vec::len);
        if let Ok(Some(s)) = window().local_storage() {
            let _ = s.set_item(STORED_KEY, &n.to_string());
        }
    }
}

impl Default for Imports {
    fn default() -> Self {
        Imports::new()
    }
}

/// Files the importer reads, by extension.
const READABLE: [&str; 4] = ["txt", "html", "htm", "json"];

fn readable(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| READABLE.iter().any(|r| ext.eq_ignore_ascii_case(r)))
}

fn stored_count() -> usize {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORED_KEY).ok().flatten())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Decodes and checks articles from the importer (or the browser's storage): the readable
/// ones, and what was wrong with the others.
fn decode_all(encoded: &[String]) -> (Vec<Corpus>, Vec<String>) {
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for e in encoded {
        match embed::decode(e) {
            Ok(c) => match check(&c) {
                Ok(()) => read.push(c),
                Err(p) => problems.push(p.to_string()),
            },
            Err(p) => problems.push(p.to_string()),
        }
    }
    (read, problems)
}

/// The name of an export of the imported articles.
pub const EXPORT_FILE: &str = "claimscope-imported.json";

/// Downloads `json` as [`EXPORT_FILE`]; returns its object URL (revoked when dropped).
fn download(json: &str) -> Option<gloo_file::ObjectUrl> {
    let blob = gloo_file::Blob::new_with_options(json, Some("application/json"));
    let url = gloo_file::ObjectUrl::from(blob);
    let a = document().create_element("a").ok()?;
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", EXPORT_FILE);
    let a = leptos::wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::HtmlElement>(a).ok()?;
    a.click();
    Some(url)
}
