use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FileList, HtmlInputElement};

use super::{ImportProgress, ImportedList, PasteForm};
use crate::imports::Imports;

/// The files of a file list, in order.
fn files_of(list: Option<FileList>) -> Vec<leptos::web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Adds the files an `<input type="file">` holds, then empties it (the same file can be
/// picked again).
fn take_input_files(imports: Imports, ev: leptos::ev::Event) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    {
        imports.add_files(files_of(input.files()));
        input.set_value("");
    }
}

/// The "Add articles" panel: files (picked, dropped, or a whole folder), a pasted article, the
/// progress and per-file results, and the imported articles (remove, export).
#[component]
pub fn ImportPanel() -> impl IntoView {
    let imports = expect_context::<Imports>();
    let dragging = RwSignal::new(false);
    view! {
        <aside id="import-panel" class="import-panel" aria-labelledby="import-title">
            <div class="import-head">
                <h2 id="import-title">"Add articles"</h2>
                <button type="button" class="import-close" on:click=move |_| imports.open.set(false)>
                    "Close"
                </button>
            </div>
            <p class="import-note">
                "Read in this browser: nothing is uploaded. Your articles are kept here until you remove them."
            </p>
            <div
                class="drop-zone"
                class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    imports.add_files(files_of(ev.data_transfer().and_then(|d| d.files())));
                }
            >
                <p>"Drop articles here: .txt, saved web pages (.html, .htm), or a claimscope .json export."</p>
                <label class="file-pick">
                    "Choose files "
                    <input
                        type="file"
                        name="articles"
                        multiple
                        accept=".txt,.html,.htm,.json,text/plain,text/html,application/json"
                        on:change=move |ev| take_input_files(imports, ev)
                    />
                </label>
                <label class="file-pick">
                    "Choose a folder "
                    <input
                        type="file"
                        name="folder"
                        multiple
                        prop:webkitdirectory=true
                        on:change=move |ev| take_input_files(imports, ev)
                    />
                </label>
            </div>
            <ImportProgress />
            <PasteForm />
            <ImportedList />
            {move || imports.problem.get().map(|p| view! { <p class="import-problem" role="alert">{p}</p> })}
        </aside>
    }
}
