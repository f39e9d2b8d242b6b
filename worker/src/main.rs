//! The importer's Web Worker: Trunk builds it as the page's second wasm binary, fetched only
//! when the user first adds articles (or has added some before).

use claimscope_worker::gloo_worker::Registrable;

fn main() {
    if cfg!(not(target_arch = "wasm32")) {
        eprintln!("claimscope-worker runs in the browser: Trunk builds it for wasm32");
        std::process::exit(2);
    }
    claimscope_worker::importer::report_panics();
    claimscope_worker::Importer::registrar().register();
}
