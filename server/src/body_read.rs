//! Why a request body could not be read, for the two places that read one (the
//! session middleware's CSRF check and the form handlers).

use ops::AppError;

/// Why a request body could not be read: it stopped arriving within the client time
/// limit (408), or it was larger than Rounds accepts (413).
pub fn read_failure(e: &axum::Error) -> AppError {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<tower_http::timeout::TimeoutError>() {
            return AppError::RequestTimeout;
        }
        cause = c.source();
    }
    AppError::PayloadTooLarge
}
