//! The one error type of the server side. Each variant maps to an HTTP status;
//! internal causes are logged and never shown to the user, who sees a translated
//! message instead.

use std::collections::BTreeMap;

use axum::response::{IntoResponse, Response};
use http::StatusCode;
use store::StoreError;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 400: the request could not be read (malformed or non-UTF-8 form data).
    #[error("bad request")]
    BadRequest,
    /// 401: the page needs a signed-in user.
    #[error("sign-in required")]
    Unauthorized,
    /// 403: signed in, but not allowed to do this (or the CSRF token was wrong).
    #[error("forbidden")]
    Forbidden,
    /// 403: the form's anti-forgery token was missing or did not match.
    #[error("csrf token missing or wrong")]
    Csrf,
    /// 404: no such thing, or not visible to this user.
    #[error("not found")]
    NotFound,
    /// 408: the request's body stopped arriving within the client time limit.
    #[error("request timeout")]
    RequestTimeout,
    /// 409: someone else changed the item first (e.g. an applicant already decided).
    #[error("conflict")]
    Conflict,
    /// 413: the request body is larger than Rounds accepts.
    #[error("payload too large")]
    PayloadTooLarge,
    /// 415: a state-changing request that is not a form post.
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// 422: the form failed validation; field → message key (nothing was changed).
    #[error("validation failed")]
    Invalid(BTreeMap<String, String>),
    /// 429: too many failed sign-ins; seconds to wait.
    #[error("too many attempts")]
    TooManyAttempts(i64),
    /// 429: too many applications from one address; seconds to wait.
    #[error("too many applications")]
    TooManyApplications(i64),
    /// 503: too much CPU-heavy work is waiting (see [`crate::cpu`]); nothing was done.
    #[error("busy")]
    Busy,
    /// 500: the database failed. Logged, never shown.
    #[error("database error: {0}")]
    Store(#[from] StoreError),
    /// 500: anything else that should not happen. Logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::Unauthorized => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Conflict => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::TooManyAttempts(_) | AppError::TooManyApplications(_) => {
                StatusCode::TOO_MANY_REQUESTS
            }
            AppError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Store(StoreError::Conflict(_)) => StatusCode::CONFLICT,
            AppError::Store(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The message key shown to the user (internal causes are hidden).
    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::BadRequest => "err.bad_request",
            AppError::Unauthorized => "err.unauthorized",
            AppError::Forbidden => "err.forbidden",
            AppError::Csrf => "err.csrf",
            AppError::NotFound => "err.not_found",
            AppError::RequestTimeout => "err.timeout",
            AppError::Conflict => "err.conflict",
            AppError::PayloadTooLarge => "err.too_large",
            AppError::UnsupportedMediaType => "err.media_type",
            AppError::Invalid(_) => "err.invalid",
            AppError::TooManyAttempts(_) => "err.too_many",
            AppError::TooManyApplications(_) => "err.too_many_applications",
            AppError::Busy => "err.busy",
            AppError::Store(StoreError::Conflict(_)) => "err.conflict",
            AppError::Store(_) | AppError::Internal(_) => "err.internal",
        }
    }

    /// Logs internal causes; call once where the error is turned into a response.
    pub fn log(&self) {
        if matches!(self, AppError::Busy) {
            tracing::warn!("request refused: the CPU queue is full");
        } else if self.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
    }
}

/// Turns a storage conflict on a unique field into a field error, as the forms show it.
pub fn conflict_to_field(err: StoreError) -> AppError {
    match err {
        StoreError::Conflict("email") => AppError::Invalid(BTreeMap::from([(
            "email".to_string(),
            "err.email_taken".to_string(),
        )])),
        StoreError::Conflict("display_key") => AppError::Invalid(BTreeMap::from([(
            "display_name".to_string(),
            "err.name_taken".to_string(),
        )])),
        other => AppError::Store(other),
    }
}

impl From<domain::fields::FieldErrors> for AppError {
    fn from(errors: domain::fields::FieldErrors) -> Self {
        AppError::Invalid(errors)
    }
}

/// The page an error asks to be shown as: its status and message key. Attached to
/// the bare response an extractor's rejection makes, so the server's middleware can
/// render the full page in the member's language instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorPage {
    /// HTTP status.
    pub status: u16,
    /// Message key, with parameters (`err.too_many|secs=30`).
    pub key: String,
}

impl AppError {
    /// The page this error is shown as.
    pub fn page(&self) -> ErrorPage {
        let mut key = self.message_key().to_string();
        if let AppError::TooManyAttempts(secs) | AppError::TooManyApplications(secs) = self {
            key = format!("{key}|secs={secs}");
        }
        ErrorPage {
            status: self.status().as_u16(),
            key,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        self.log();
        let page = self.page();
        let mut res = (self.status(), page.key.clone()).into_response();
        res.extensions_mut().insert(page);
        res
    }
}
