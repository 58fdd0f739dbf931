//! The browser entry point: hydrates the server-rendered Rounds pages once the wasm loads.
//! Every page works without it; hydration only adds enhancements (the composer's live PHI
//! check, which runs the same detector as the server inside `app`, and instant UI).

/// Called by the loader script that `HydrationScripts` emits.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    app::browser_zone::remember();
}
