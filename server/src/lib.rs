//! The `rounds` server: wiring of settings, storage, the leptos app and the form
//! handlers into one axum router. Tests call [`build_app`] to start the real app.

pub mod assets;
pub mod audit_key;
mod body_read;
pub mod cli;
pub mod client;
pub mod cookies;
mod downloads;
mod form_data;
pub mod forms;
mod headers;
pub mod kept;
mod listen;
pub mod mailing;
mod opening;
mod reading;
pub mod render;
pub mod reply;
pub mod router;
pub mod scan;
pub mod seed;
pub mod session;
pub mod settings;
pub mod state;

pub use router::{build_app, build_router, open_search, open_store, serve, MAX_BODY_BYTES};
pub use settings::Settings;
pub use state::AppState;
