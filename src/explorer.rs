//! The explorer's reactive state: the URL-backed [`State`] and the query answer derived from
//! it. All computing happens in `claimscope_model::query`; this only wires signals.

use claimscope_model::query::{Answer, Filter, Index, Sort};
use claimscope_model::url::{self, State};
use claimscope_model::Claim;
use claimscope_model::Corpus;
use leptos::prelude::*;

use crate::data;

/// Claims shown per page of the list.
pub const PAGE: usize = 50;

#[derive(Clone, Copy)]
pub struct Explorer {
    pub corpus: &'static Corpus,
    pub index: &'static Index,
    pub state: RwSignal<State>,
    /// How many groups the list shows, and for which filter and order: "Show more" raises it,
    /// and a new filter or order starts again from the first page without a second query.
    pub shown: RwSignal<(Asked, usize)>,
    pub answer: Memo<Answer>,
    /// Which claim is selected, asked per claim in O(1) ([`Selection`]).
    pub selection: Selection,
}

/// What drives the query: the filter and the order.
pub type Asked = (Filter, Sort);

impl Explorer {
    /// Reads the state from the page's URL and derives the answer.
    pub fn new() -> Explorer {
        let index = data::index();
        let state = RwSignal::new(url::parse(&current_query(), index));
        let shown = RwSignal::new(state.with_untracked(|s| ((s.filter.clone(), s.sort), PAGE)));
        // Only the filter and the order drive the query: selecting a claim or switching views
        // does not run it again.
        let asked = Memo::new(move |_| state.with(|s| (s.filter.clone(), s.sort)));
        // One query per change: the page size counts only for the filter it was raised for.
        let answer = Memo::new(move |_| {
            asked.with(|now| {
                let limit = shown.with(|(for_, n)| if for_ == now { *n } else { PAGE });
                index.query(&now.0, now.1, limit)
            })
        });
        let claim = Memo::new(move |_| state.with(|s| s.claim.as_deref().and_then(data::position)));
        Explorer {
            corpus: data::corpus(),
            index,
            state,
            shown,
            answer,
            selection: Selection::new(claim),
        }
    }

    /// Shows `PAGE` more groups of the current answer.
    pub fn show_more(self) {
        let now = self.state.with_untracked(|s| (s.filter.clone(), s.sort));
        self.shown.update(|(for_, n)| {
            if *for_ != now {
                *for_ = now;
                *n = PAGE;
            }
            *n += PAGE;
        });
    }

    /// Is the claim at corpus position `i` the selected one? (Tracks that claim only.)
    pub fn is_selected(self, i: u32) -> bool {
        self.selection.is(i)
    }

    /// The URL of the current state changed by `change` (for links that also work when opened in
    /// a new tab).
    pub fn href(self, change: impl FnOnce(&mut State)) -> String {
        self.state.with(|s| {
            let mut s = s.clone();
            change(&mut s);
            url::render(&s, self.index)
        })
    }

    /// The claim at corpus position `i`.
    pub fn claim(self, i: u32) -> &'static Claim {
        &self.corpus.claims[i as usize]
    }

    /// The corpus position of the claim with id `id`.
    pub fn position(self, id: &str) -> Option<u32> {
        data::position(id)
    }

    /// Selects a claim (by position) in every view.
    pub fn select(self, i: u32) {
        let id = self.claim(i).id.clone();
        self.state.update(|s| s.claim = Some(id));
    }

    /// Keeps the URL in step with the state (a history entry per change), and the state with
    /// the URL when the user goes back or forward.
    pub fn sync_url(self) {
        let index = self.index;
        Effect::new(move |first: Option<()>| {
            let query = self.state.with(|s| url::render(s, index));
            if query != current_query_or_mark() {
                if let Ok(h) = window().history() {
                    let null = leptos::wasm_bindgen::JsValue::NULL;
                    // The first write only tidies the URL the page was opened with.
                    let _ = if first.is_none() {
                        h.replace_state_with_url(&null, "", Some(&query))
                    } else {
                        h.push_state_with_url(&null, "", Some(&query))
                    };
                }
            }
        });
        let state = self.state;
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            state.set(url::parse(&current_query(), index));
        });
        on_cleanup(move || handle.remove());
    }
}

/// A selector for the selected claim (as leptos's `Selector`, for one key type and lighter in
/// the wasm): each card or mark that asks about claim `i` waits on a trigger of its own, and a
/// change of selection notifies only the old and the new claim's, so it costs O(1), not one
/// check per claim on the page.
#[derive(Clone, Copy)]
pub struct Selection {
    selected: Memo<Option<u32>>,
    /// By claim position, made when first asked about.
    triggers: StoredValue<Vec<Option<ArcTrigger>>>,
}

impl Selection {
    fn new(selected: Memo<Option<u32>>) -> Selection {
        let sel = Selection {
            selected,
            triggers: StoredValue::new(Vec::new()),
        };
        // On a change, wake the claims that were and are selected.
        Effect::new(move |before: Option<Option<u32>>| {
            let now = selected.get();
            sel.triggers.with_value(|t| {
                for i in [before.flatten(), now].into_iter().flatten() {
                    if let Some(Some(tr)) = t.get(i as usize) {
                        tr.notify();
                    }
                }
            });
            now
        });
        sel
    }

    /// Is claim `i` the selected one? Tracks claim `i`'s trigger only.
    pub fn is(self, i: u32) -> bool {
        self.triggers.update_value(|t| {
            let k = i as usize;
            if t.len() <= k {
                t.resize(k + 1, None);
            }
            t[k].get_or_insert_with(ArcTrigger::new).track();
        });
        self.selected.get_untracked() == Some(i)
    }
}

impl Default for Explorer {
    fn default() -> Self {
        Explorer::new()
    }
}

/// A state change for links: open the article of claim `id` in the reader, with the claim
/// selected.
pub fn open_in_article(s: &mut State, id: &str) {
    s.view = url::View::Articles;
    s.doc = data::position(id).map(|i| data::corpus().claims[i as usize].doc.clone());
    s.claim = Some(id.to_string());
}

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The current query as `url::render` writes it (`?` when empty).
fn current_query_or_mark() -> String {
    let q = current_query();
    if q.is_empty() {
        "?".to_string()
    } else {
        q
    }
}
