//! Server-only code: state, storage, sessions and CSRF, the form handlers that make
//! every page work without JavaScript, and the router that ties them together.

pub mod error;
pub mod forms;
pub mod gate;
pub mod passwords;
pub mod render;
pub mod session;

use std::sync::Arc;

use leptos::config::LeptosOptions;

use domain::i18n::Lang;
pub use store::Store;

/// Operator settings the request handlers need.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// Language when neither the user nor the browser says.
    pub default_lang: Lang,
    /// Idle lifetime of a session in seconds.
    pub session_ttl_secs: i64,
    /// How long a moderator's claim on a queue item lasts, in seconds.
    pub claim_ttl_secs: i64,
    /// How long the author can still read text that was never published (rejected,
    /// replaced or redacted) before it is deleted, in seconds.
    pub retention_secs: i64,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            secure_cookies: false,
            default_lang: Lang::En,
            session_ttl_secs: 14 * 24 * 3600,
            claim_ttl_secs: 15 * 60,
            retention_secs: 7 * 24 * 3600,
        }
    }
}

/// Shared by every request handler and provided to every rendered page.
#[derive(Clone, Debug)]
pub struct AppState {
    /// The database.
    pub store: Store,
    /// Operator settings.
    pub config: Arc<AppConfig>,
    /// Where the wasm bundle and CSS are served from.
    pub leptos: LeptosOptions,
    /// This process's search index.
    pub search: search::SearchIndex,
}

impl axum::extract::FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// Fetches the [`AppState`] inside a server function or component on the server.
pub fn app_state() -> Result<AppState, error::AppError> {
    leptos::prelude::use_context::<AppState>()
        .ok_or(error::AppError::Internal("app state missing".into()))
}
