//! claimscope's browser app: a thin Leptos shell over `claimscope-core`.
//!
//! Everything it shows was extracted at build time (`build.rs`) and embedded; components only
//! render and wire signals. See ARCHITECTURE.md for the map.

pub mod app;
pub mod components;
pub mod data;
pub mod explorer;
pub mod imports;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Element id the app mounts into when the host page has one (embedding); else the body.
pub const MOUNT_ID: &str = "claimscope";

/// The URL of `file` beside the app's own files (`loader.js` and `embed.js` say where they
/// are; else the page's base): the importer's worker, the article texts.
pub fn asset_url(file: &str) -> String {
    use leptos::wasm_bindgen::JsValue;
    let base = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("claimscopeBase"))
        .ok()
        .and_then(|v| v.as_string())
        .or_else(|| document().base_uri().ok().flatten())
        .unwrap_or_default();
    match leptos::web_sys::Url::new_with_base(file, &base) {
        Ok(u) => u.href(),
        Err(_) => file.to_string(),
    }
}

/// Installs the panic hook and mounts the app.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
        show_panic(&info.to_string());
    }));
    if let Some(loading) = document().get_element_by_id("claimscope-loading") {
        loading.remove();
    }
    let host = document()
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
    match host {
        Some(el) => leptos::mount::mount_to(el, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}

/// Puts a visible error on the page (a panic must not leave a frozen page behind).
pub fn show_panic(detail: &str) {
    let doc = document();
    let Ok(el) = doc.create_element("div") else {
        return;
    };
    el.set_class_name("panic");
    let _ = el.set_attribute("role", "alert");
    el.set_text_content(Some(&format!(
        "claimscope stopped because of an internal error. Reload the page to start again. ({detail})"
    )));
    let host = doc
        .get_element_by_id(MOUNT_ID)
        .or_else(|| doc.body().map(Into::into));
    if let Some(host) = host {
        let _ = host.prepend_with_node_1(&el);
    }
}
