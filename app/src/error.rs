//! The one error type of the server functions: an HTTP status and a message key.
//! On the server it is made from `ops::AppError` (whose cause is logged, never sent);
//! in the browser it arrives as JSON and pages show its message in the member's
//! language.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a page shows when its data could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageError {
    /// HTTP status (the page answers with it).
    pub status: u16,
    /// Message key (`err.not_found`, …).
    pub key: String,
}

impl PageError {
    fn new(status: u16, key: &str) -> PageError {
        PageError {
            status,
            key: key.to_string(),
        }
    }
}

impl PageError {
    /// The key of [`PageError::confirm_read`].
    pub const CONFIRM_READ: &'static str = "err.confirm_read";

    /// An audited read asked for from another site: the page offers to open it
    /// from here instead (answered 200: nothing went wrong).
    pub fn confirm_read() -> PageError {
        PageError::new(200, PageError::CONFIRM_READ)
    }
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.status, self.key)
    }
}

impl FromServerFnError for PageError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let err = match value {
            // Malformed or missing arguments are the caller's mistake.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => {
                PageError::new(400, "err.bad_request")
            }
            _ => PageError::new(500, "err.internal"),
        };
        err.set_response_status();
        err
    }
}

impl PageError {
    /// On the server, answers with this error's status instead of the 500 a server
    /// function would otherwise send.
    fn set_response_status(&self) {
        #[cfg(feature = "ssr")]
        if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(code) = http::StatusCode::from_u16(self.status) {
                res.set_status(code);
            }
        }
    }
}

#[cfg(feature = "ssr")]
impl From<ops::AppError> for PageError {
    /// Logs the cause and sets the response's status: convert only an error that is
    /// being returned.
    fn from(e: ops::AppError) -> Self {
        let page = e.page();
        e.log();
        let err = PageError {
            status: page.status,
            key: page.key,
        };
        err.set_response_status();
        err
    }
}

#[cfg(feature = "ssr")]
impl From<store::StoreError> for PageError {
    fn from(e: store::StoreError) -> Self {
        ops::AppError::from(e).into()
    }
}
