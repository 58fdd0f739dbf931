//! What a use case runs against: the database, this process's search index and the
//! operator's settings.

use std::sync::Arc;

use domain::i18n::Lang;
use search::SearchIndex;
use store::Store;

/// Operator settings the use cases and request handlers need.
#[derive(Clone, Debug)]
pub struct Config {
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
    /// Reverse proxies whose `X-Forwarded-For` names the real client.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Applications one client address may send before each further one waits.
    pub registrations_per_address: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            secure_cookies: false,
            default_lang: Lang::En,
            session_ttl_secs: 14 * 24 * 3600,
            claim_ttl_secs: 15 * 60,
            retention_secs: 7 * 24 * 3600,
            trusted_proxies: Vec::new(),
            registrations_per_address: 30,
        }
    }
}

/// What a use case runs against: the database, this process's search index and the
/// operator's settings. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Services {
    /// The database.
    pub store: Store,
    /// This process's search index.
    pub search: SearchIndex,
    /// Operator settings.
    pub config: Arc<Config>,
    /// Outgoing mail: the sender's identity, links to this site, the sender's nudge.
    pub mail: mail::Mailer,
}

impl Services {
    /// When text that is never published (rejected, replaced, redacted) is deleted.
    pub fn purge_deadline(&self) -> i64 {
        store::now() + self.config.retention_secs
    }
}
