//! The sender: a task that claims due messages from the outbox in batches, sends
//! each, and records the outcome. A message the server refuses for good is given up;
//! one it defers is retried with exponential back-off; when the server cannot be
//! reached at all, the batch is given back untouched and the sender itself backs off,
//! so an outage costs no message its attempts and delivers everything once the server
//! returns. Claims are leases, so a process that dies mid-batch delays its messages
//! by one lease, and two processes never hold one message at once.

use std::time::Duration;

use rand::RngCore;
use store::Store;

use crate::mailer::Mailer;
use crate::transport::{SendFailure, Transport};

/// Messages claimed at a time.
const BATCH: i64 = 50;
/// How long a claim holds: long enough for a batch at the transport's timeout.
const LEASE_SECS: i64 = 15 * 60;
/// A message deferred this many times is given up.
const MAX_ATTEMPTS: i64 = 12;

/// How the sender paces itself.
#[derive(Clone, Copy, Debug)]
pub struct SenderOptions {
    /// How often it looks for due mail without a nudge (other processes queue too).
    pub poll: Duration,
    /// The first retry's delay; each further one doubles, up to `retry_cap`.
    pub retry_base: Duration,
    /// The longest delay between retries.
    pub retry_cap: Duration,
}

impl Default for SenderOptions {
    fn default() -> Self {
        SenderOptions {
            poll: Duration::from_secs(2),
            retry_base: Duration::from_secs(30),
            retry_cap: Duration::from_secs(3600),
        }
    }
}

impl SenderOptions {
    /// The delay before attempt number `attempts + 1`.
    pub fn backoff(&self, attempts: i64) -> Duration {
        let factor = 1u32 << attempts.clamp(0, 16);
        self.retry_base.saturating_mul(factor).min(self.retry_cap)
    }
}

/// Runs the sender until the task is dropped.
pub async fn run(store: Store, transport: Transport, mailer: Mailer, opts: SenderOptions) {
    let mut bytes = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut bytes);
    let claim = hex::encode(bytes);
    let mut outages: i64 = 0;
    loop {
        match send_batch(&store, &transport, &mailer, &claim, &opts).await {
            Ok(Batch::Sent) => {
                outages = 0;
                continue;
            }
            Ok(Batch::Empty) => outages = 0,
            Ok(Batch::Unreachable) => {
                outages += 1;
                let wait = opts.backoff(outages - 1);
                tracing::warn!(
                    wait_ms = wait.as_millis() as u64,
                    "mail server unreachable; waiting"
                );
                tokio::time::sleep(wait).await;
                continue;
            }
            Err(e) => {
                tracing::error!(error = %e, "mail outbox unavailable");
                tokio::time::sleep(opts.poll).await;
                continue;
            }
        }
        tokio::select! {
            _ = mailer.woken() => {}
            _ = tokio::time::sleep(opts.poll) => {}
        }
    }
}

enum Batch {
    Empty,
    Sent,
    Unreachable,
}

async fn send_batch(
    store: &Store,
    transport: &Transport,
    mailer: &Mailer,
    claim: &str,
    opts: &SenderOptions,
) -> Result<Batch, store::StoreError> {
    let batch = store.claim_mail(claim, BATCH, LEASE_SECS).await?;
    if batch.is_empty() {
        return Ok(Batch::Empty);
    }
    let from = mailer.from_address();
    for mail in batch {
        let sent = transport
            .send(mail.id, &mail.kind, &from, &mail.to_addr, &mail.message)
            .await;
        match sent {
            Ok(()) => {
                store.mail_sent(mail.id, claim).await?;
                tracing::info!(mail_id = mail.id, kind = %mail.kind, user_id = ?mail.user_id, "mail sent");
            }
            Err(SendFailure::Unreachable) => {
                // Nothing was said to the server: give the rest back uncounted.
                store.release_mail(claim).await?;
                return Ok(Batch::Unreachable);
            }
            Err(failure) => {
                let retry = (failure == SendFailure::Deferred && mail.attempts + 1 < MAX_ATTEMPTS)
                    .then(|| store::now() + opts.backoff(mail.attempts).as_secs().max(1) as i64);
                store
                    .mail_failed(mail.id, claim, retry, failure.as_str())
                    .await?;
                tracing::warn!(
                    mail_id = mail.id,
                    kind = %mail.kind,
                    outcome = failure.as_str(),
                    given_up = retry.is_none(),
                    "mail not delivered"
                );
            }
        }
    }
    Ok(Batch::Sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let o = SenderOptions {
            poll: Duration::from_secs(1),
            retry_base: Duration::from_secs(30),
            retry_cap: Duration::from_secs(600),
        };
        assert_eq!(o.backoff(0), Duration::from_secs(30));
        assert_eq!(o.backoff(1), Duration::from_secs(60));
        assert_eq!(o.backoff(4), Duration::from_secs(480));
        assert_eq!(o.backoff(5), Duration::from_secs(600));
        assert_eq!(o.backoff(400), Duration::from_secs(600));
    }
}
