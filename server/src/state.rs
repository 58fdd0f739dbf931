//! The state every request handler and rendered page shares.

use leptos::config::LeptosOptions;
use ops::Services;

/// What every request handler and rendered page shares: the use cases' services and
/// where the wasm bundle and CSS are served from.
#[derive(Clone, Debug)]
pub struct AppState {
    /// Store, search index and settings.
    pub services: Services,
    /// The leptos site options.
    pub leptos: LeptosOptions,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}
