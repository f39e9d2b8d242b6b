//! claimscope's browser app: a thin Leptos shell over `claimscope-core`.
//!
//! Everything it shows was extracted at build time (`build.rs`) and embedded; components only
//! render and wire signals. See ARCHITECTURE.md for the map.

pub mod app;
pub mod components;
pub mod data;
pub mod explorer;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Element id the app mounts into when the host page has one (embedding); else the body.
pub const MOUNT_ID: &str = "claimscope";

/// Installs the panic hook and mounts the app.
pub fn start() {
    console_error_panic_hook::set_once();
    let host = document()
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok());
    match host {
        Some(el) => leptos::mount::mount_to(el, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
}
