//! The Web Worker: answers each [`Job`] with a [`Report`], reading with [`Intake`] and keeping
//! the articles in [`store`].

use claimscope_model::{embed, Corpus};
use gloo_worker::{HandlerId, Worker, WorkerScope};

use crate::intake::{self, Intake, Read};
use crate::job::{Job, Report};
use crate::store;

/// A panic aborts the worker: it says why in the console first (wasm has no stderr).
pub fn report_panics() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("claimscope importer: {info}").into());
    }));
}

/// The importer: the lexicon is compiled once, when the worker starts.
pub struct Importer {
    intake: Result<Intake, String>,
}

impl Worker for Importer {
    type Message = (HandlerId, Report);
    type Input = Job;
    type Output = Report;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Importer {
            intake: Intake::new(),
        }
    }

    fn update(&mut self, scope: &WorkerScope<Self>, (id, report): Self::Message) {
        scope.respond(id, report);
    }

    fn received(&mut self, scope: &WorkerScope<Self>, job: Job, id: HandlerId) {
        let intake = match &self.intake {
            Ok(i) => i,
            Err(e) => {
                let what = describe(&job);
                return scope.respond(
                    id,
                    Report::Failed {
                        what,
                        reason: e.clone(),
                    },
                );
            }
        };
        match job {
            Job::File { name, bytes, taken } => {
                let read = intake.file(&name, &bytes, &taken);
                scope.send_future(async move { (id, added(name, read).await) });
            }
            Job::Paste { pasted, taken } => {
                let read = intake.paste(&pasted, &taken);
                let name = pasted_name(&pasted.title);
                scope.send_future(async move { (id, added(name, read).await) });
            }
            Job::Restore => scope.send_future(async move {
                let report = match store::all().await {
                    Ok(articles) => Report::Restored {
                        articles,
                        problems: Vec::new(),
                    },
                    Err(reason) => failed("reading the stored articles", reason),
                };
                (id, report)
            }),
            Job::Remove(doc) => {
                scope.send_future(async move { (id, removed(store::remove(Some(&doc)).await)) })
            }
            Job::Clear => {
                scope.send_future(async move { (id, removed(store::remove(None).await)) })
            }
            Job::Export => scope.send_future(async move {
                let report = match store::all().await {
                    Ok(stored) => {
                        let articles: Vec<Corpus> = stored
                            .iter()
                            .filter_map(|s| embed::decode(s).ok())
                            .collect();
                        Report::Exported {
                            json: intake::export(&articles),
                        }
                    }
                    Err(reason) => failed("exporting the stored articles", reason),
                };
                (id, report)
            }),
        }
    }
}

fn describe(job: &Job) -> String {
    match job {
        Job::File { name, .. } => name.clone(),
        Job::Paste { pasted, .. } => pasted_name(&pasted.title),
        Job::Restore => "reading the stored articles".into(),
        Job::Remove(id) => format!("removing {id}"),
        Job::Clear => "removing the imported articles".into(),
        Job::Export => "exporting the stored articles".into(),
    }
}

fn pasted_name(title: &str) -> String {
    match title.trim() {
        "" => "Pasted article".into(),
        t => format!("Pasted: {t}"),
    }
}

fn failed(what: &str, reason: String) -> Report {
    Report::Failed {
        what: what.into(),
        reason,
    }
}

fn removed(done: Result<(), String>) -> Report {
    match done {
        Ok(()) => Report::Removed,
        Err(reason) => failed("removing imported articles", reason),
    }
}

/// Stores what was read from `file` and reports it (or why nothing was read).
async fn added(file: String, read: Result<Read, String>) -> Report {
    let read = match read {
        Ok(r) => r,
        Err(reason) => return Report::Skipped { file, reason },
    };
    let pairs: Vec<(String, String)> = read
        .articles
        .iter()
        .map(|a| (a.documents[0].id.clone(), embed::encode(a)))
        .collect();
    if let Err(reason) = store::put(&pairs).await {
        return failed(&format!("storing {file}"), reason);
    }
    Report::Added {
        file,
        articles: pairs.into_iter().map(|(_, e)| e).collect(),
        warning: read.warning,
    }
}
