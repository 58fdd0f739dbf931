//! Whether the database takes writes. A write that fails because the database
//! cannot store it (a full disk, an I/O error; SQLite's `FULL`/`IOERR`, PostgreSQL's
//! classes 53 and 58) marks the process's database as failing; a commit that
//! succeeds clears it. While it is marked, [`Store::ready`] says not-ready for a
//! few seconds after the last failure, then tries a one-row write to learn whether
//! space has returned, so `/healthz` says not-ready exactly while
//! posts cannot be saved, and ready again without a restart.
//!
//! One flag per process (`failing`): a process serves one database.

use crate::failing::{failed_recently, is_failing, note};
use crate::pool::{now, Store};

/// Bytes the readiness probe writes: more than a post with its revision and
/// rendering, so a disk that takes the probe takes a post.
const PROBE_BYTES: usize = 64 * 1024;

/// `n` bytes no engine can compress (xorshift from `seed`).
fn noise(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

impl Store {
    /// Whether the database answers and, if writes have been failing, takes a write
    /// again.
    pub async fn ready(&self) -> bool {
        if !self.healthy().await {
            return false;
        }
        if !is_failing() {
            return true;
        }
        if failed_recently() {
            return false;
        }
        let Ok(mut tx) = self.begin().await else {
            return false;
        };
        let at = now();
        let wrote = sqlx::query("UPDATE health_probe SET at = $1, pad = $2 WHERE id = 1")
            .bind(at)
            .bind(noise(at as u64, PROBE_BYTES))
            .execute(tx.conn())
            .await;
        if let Err(e) = wrote {
            note(&e);
            return false;
        }
        tx.commit().await.is_ok()
    }
}
