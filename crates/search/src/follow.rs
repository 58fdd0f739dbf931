//! The follower: one task per process that applies the database's change log to the
//! index in group commits. Requests never commit the index themselves (a commit
//! fsyncs); a write only wakes the follower, which commits at most every
//! [`GROUP_EVERY`], so many writes share one commit. A search waits for the index
//! to reach the database's head before it runs (bounded by [`READ_WAIT`]), so an
//! author finds their post as soon as the page confirming it loads, on any node.

use std::time::{Duration, Instant};

use store::Store;

use crate::index::SearchIndex;
use crate::sync::VERIFY_EVERY;

/// The shortest time between two index commits of the follower.
pub const GROUP_EVERY: Duration = Duration::from_millis(100);
/// How long a search waits for the index to reach the database's head; after that
/// it answers from the index as it is (the follower is stuck or far behind).
pub const READ_WAIT: Duration = Duration::from_secs(2);

impl SearchIndex {
    /// Tells the follower something was committed to the database.
    pub fn nudge(&self) {
        self.inner.wake.notify_one();
    }

    /// Waits until the index has applied every change the database had committed
    /// when this was called, or [`READ_WAIT`] passed. Returns whether it is current
    /// (false also while a long rebuild runs).
    pub async fn reach_head(&self, store: &Store) -> bool {
        let head = match store.search_head().await {
            Ok(h) => h,
            Err(e) => {
                tracing::error!(error = %e, "search head unreadable");
                return false;
            }
        };
        if self.applied() >= head {
            return true;
        }
        self.nudge();
        let mut applied = self.inner.applied.subscribe();
        tokio::time::timeout(READ_WAIT, applied.wait_for(|seq| *seq >= head))
            .await
            .is_ok_and(|r| r.is_ok())
    }
}

/// Follows the change log: wakes when this process wrote (a [`SearchIndex::nudge`])
/// or every `every` (changes other processes committed; `None`: only when nudged),
/// waits out the rest of [`GROUP_EVERY`] since the last commit so writes arriving
/// together share one commit, then catches up; now and then it also checks the
/// index still holds what the database says it should.
pub fn follow(index: SearchIndex, store: Store, every: Option<Duration>) {
    tokio::spawn(async move {
        let mut verified = Instant::now();
        let mut last = Instant::now()
            .checked_sub(GROUP_EVERY)
            .unwrap_or_else(Instant::now);
        // The first pass runs at once and also compares counts: the server serves
        // while an index that cannot be trusted is rebuilt.
        let mut first = true;
        loop {
            if !first {
                let woke = index.inner.wake.notified();
                match every {
                    Some(every) => {
                        let _ = tokio::time::timeout(every, woke).await;
                    }
                    None => woke.await,
                }
            }
            let since = last.elapsed();
            if since < GROUP_EVERY {
                tokio::time::sleep(GROUP_EVERY - since).await;
            }
            last = Instant::now();
            let done = if std::mem::take(&mut first) || verified.elapsed() >= VERIFY_EVERY {
                verified = Instant::now();
                index.verify(&store).await.map(|_| ())
            } else {
                index.catch_up(&store).await.map(|_| ())
            };
            if let Err(e) = done {
                tracing::error!(error = %e, "search index catch-up failed");
            }
        }
    });
}

/// Opens the index in `dir` and starts following the database without waiting: a
/// missing, corrupt or untrusted index is rebuilt by the follower while the server
/// already serves (searches say search is being rebuilt until it is back).
pub fn open_following(
    dir: &std::path::Path,
    store: &Store,
    every: Option<Duration>,
) -> Result<SearchIndex, crate::SearchError> {
    let (index, opened) = SearchIndex::open(dir)?;
    tracing::info!(?opened, seq = index.applied(), "search index opened");
    follow(index.clone(), store.clone(), every);
    Ok(index)
}
