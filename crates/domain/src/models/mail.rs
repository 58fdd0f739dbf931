//! How outgoing mail stands, as the admin page shows it.

use serde::{Deserialize, Serialize};

/// Where mail goes and how the outbox stands (admins only).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailStatus {
    /// The SMTP server's host and port, when one is configured.
    pub smtp_host: Option<String>,
    /// The directory `.eml` files are written to, when no server is configured.
    pub file_dir: Option<String>,
    /// Messages waiting to be sent (retries included).
    pub waiting: i64,
    /// Sent in the last 24 hours.
    pub sent_day: i64,
    /// Given up in the last 7 days.
    pub failed_week: i64,
}
