//! The browser entry point: hydrates the server-rendered Rounds pages once the wasm loads.
//! Every page works without it; hydration only adds enhancements (live checks, instant UI).

/// Called by the loader script that `HydrationScripts` emits.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}

/// Screens text for identifiable patient data in the browser, with the same detector
/// the server uses; returns the scan as JSON (`{"hold", "findings": [...]}`, byte
/// offsets). No request leaves the browser for this.
#[cfg(feature = "phi")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn phi_scan(text: &str) -> String {
    serde_json::to_string(&app::phi::scan(text))
        .unwrap_or_else(|_| "{\"hold\":true,\"findings\":[]}".into())
}
