use claimscope_worker::Pasted;
use leptos::prelude::*;

use crate::imports::Imports;

/// "Paste an article": its text and, optionally, title, outlet, URL and publication date.
#[component]
pub fn PasteForm() -> impl IntoView {
    let imports = expect_context::<Imports>();
    let text = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let outlet = RwSignal::new(String::new());
    let url = RwSignal::new(String::new());
    let published = RwSignal::new(String::new());
    let field = move |label: &'static str,
                      name: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        view! {
            <label class="paste-field">
                <span>{label}</span>
                <input
                    type=kind
                    name=name
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </label>
        }
    };
    view! {
        <form
            class="paste-form"
            on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                imports.add_paste(Pasted {
                    text: text.get_untracked(),
                    title: title.get_untracked(),
                    outlet: outlet.get_untracked(),
                    url: url.get_untracked(),
                    published: published.get_untracked(),
                });
                for s in [text, title, outlet, url, published] {
                    s.set(String::new());
                }
            }
        >
            <label class="paste-text">
                <span>"Paste an article"</span>
                <textarea
                    name="text"
                    rows="6"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                ></textarea>
            </label>
            {field("Title (optional)", "title", "text", title)}
            {field("Outlet (optional)", "outlet", "text", outlet)}
            {field("URL (optional)", "url", "url", url)}
            {field("Published (optional)", "published", "date", published)}
            <button type="submit" disabled=move || text.with(|t| t.trim().is_empty())>
                "Add the pasted article"
            </button>
        </form>
    }
}
