//! The append-only audit log. Each entry's hash covers its content and the previous
//! entry's hash, so altering or removing a row breaks the chain from there on;
//! `rounds audit verify` recomputes it.

use sha2::{Digest, Sha256};
use sqlx::Row;

use domain::vocab::AuditAction;

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::tx::Tx;

/// One audit entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// Unix seconds.
    pub at: i64,
    /// Who acted (None for the system or the CLI).
    pub actor_id: Option<i64>,
    /// What was done, e.g. `verification.verify`, `role.grant_moderator`.
    pub action: String,
    /// What kind of thing it was done to, e.g. `user`.
    pub target_kind: String,
    /// Which one.
    pub target_id: String,
    /// The reason given, if any.
    pub reason: String,
    /// The previous entry's hash (64 zeros for the first).
    pub prev_hash: String,
    /// This entry's hash.
    pub hash: String,
}

/// The first entry whose stored content does not match the chain.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("audit entry {seq}: {problem}")]
pub struct ChainError {
    /// The sequence number of the first bad entry.
    pub seq: i64,
    /// What is wrong with it.
    pub problem: String,
}

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Hash of an entry: SHA-256 over each field, length-prefixed so no two different
/// entries serialise alike.
pub fn entry_hash(e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    let actor = e.actor_id.map(|a| a.to_string()).unwrap_or_default();
    for field in [
        e.seq.to_string().as_str(),
        e.at.to_string().as_str(),
        actor.as_str(),
        &e.action,
        &e.target_kind,
        &e.target_id,
        &e.reason,
        &e.prev_hash,
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field.as_bytes());
    }
    hex::encode(h.finalize())
}

fn entry(row: &sqlx::any::AnyRow) -> Result<AuditEntry, sqlx::Error> {
    Ok(AuditEntry {
        seq: row.try_get("seq")?,
        at: row.try_get("at")?,
        actor_id: row.try_get("actor_id")?,
        action: row.try_get("action")?,
        target_kind: row.try_get("target_kind")?,
        target_id: row.try_get("target_id")?,
        reason: row.try_get("reason")?,
        prev_hash: row.try_get("prev_hash")?,
        hash: row.try_get("hash")?,
    })
}

impl Tx {
    /// Appends an entry in this transaction, so it stands or falls with the change it
    /// records. The one-row `audit_head` table holds the chain's last position and
    /// hash; updating it first locks it until commit, so concurrent writers take their
    /// positions one after another and never fork the chain.
    pub async fn audit(
        &mut self,
        actor_id: Option<i64>,
        action: AuditAction,
        target_kind: &str,
        target_id: &str,
        reason: &str,
    ) -> Result<AuditEntry, StoreError> {
        let conn = self.conn();
        let head =
            sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                .fetch_one(&mut *conn)
                .await?;
        let mut e = AuditEntry {
            seq: head.try_get("seq")?,
            at: now(),
            actor_id,
            action: action.as_str().to_string(),
            target_kind: target_kind.to_string(),
            target_id: target_id.to_string(),
            reason: reason.to_string(),
            prev_hash: head.try_get("hash")?,
            hash: String::new(),
        };
        e.hash = entry_hash(&e);
        sqlx::query(
            "INSERT INTO audit_log (seq, at, actor_id, action, target_kind, target_id, reason, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(e.seq)
        .bind(e.at)
        .bind(e.actor_id)
        .bind(&e.action)
        .bind(&e.target_kind)
        .bind(&e.target_id)
        .bind(&e.reason)
        .bind(&e.prev_hash)
        .bind(&e.hash)
        .execute(&mut *conn)
        .await?;
        // Without the key the anchor is cleared: a writer that cannot sign leaves a
        // chain that verification reports as unanchored.
        let anchor = self.audit_key.as_ref().map(|k| k.anchor(e.seq, &e.hash));
        let conn = self.conn();
        sqlx::query("UPDATE audit_head SET hash = $1, anchor = $2 WHERE id = 1")
            .bind(&e.hash)
            .bind(anchor)
            .execute(&mut *conn)
            .await?;
        Ok(e)
    }
}

impl Store {
    /// The most recent entries, newest first.
    pub async fn audit_recent(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1")
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(entry)
            .collect::<Result<_, _>>()
            .map_err(Into::into)
    }

    /// Recomputes the whole chain in batches and, with the audit key, checks the
    /// chain's head against its keyed anchor. `Ok(n)` = n entries, all intact.
    pub async fn audit_verify(&self) -> Result<Result<i64, ChainError>, StoreError> {
        let chain = self.audit_verify_chain().await?;
        let (Ok(n), Some(key)) = (&chain, &self.audit_key) else {
            return Ok(chain);
        };
        let head = sqlx::query("SELECT seq, hash, anchor, key_id FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        let seq: i64 = head.try_get("seq")?;
        let hash: String = head.try_get("hash")?;
        let anchor: Option<String> = head.try_get("anchor")?;
        let key_id: Option<String> = head.try_get("key_id")?;
        let last = sqlx::query("SELECT hash FROM audit_log WHERE seq = $1")
            .bind(*n)
            .fetch_optional(&self.pool)
            .await?
            .map(|r| r.try_get::<String, _>("hash"))
            .transpose()?
            .unwrap_or_else(|| GENESIS.to_string());
        let problem = if key_id.as_deref() != Some(key.id().as_str()) {
            Some("the chain is not anchored with this key")
        } else if seq != *n || hash != last {
            Some("the chain's head does not match its last entry")
        } else if anchor.as_deref() != Some(key.anchor(seq, &hash).as_str()) {
            Some("the keyed anchor does not match: rows were rewritten without the key")
        } else {
            None
        };
        Ok(match problem {
            Some(p) => Err(ChainError {
                seq: *n,
                problem: p.into(),
            }),
            None => chain,
        })
    }

    async fn audit_verify_chain(&self) -> Result<Result<i64, ChainError>, StoreError> {
        let mut expected_seq = 1;
        let mut prev = GENESIS.to_string();
        loop {
            let rows =
                sqlx::query("SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT 1000")
                    .bind(expected_seq)
                    .fetch_all(&self.pool)
                    .await?;
            if rows.is_empty() {
                // Anything stored below the expected position was skipped by the
                // query: catch entries with seq < 1 too.
                let low = sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE seq < 1")
                    .fetch_one(&self.pool)
                    .await?;
                if low.try_get::<i64, _>("n")? > 0 {
                    return Ok(Err(ChainError {
                        seq: 0,
                        problem: "entry outside the chain".into(),
                    }));
                }
                return Ok(Ok(expected_seq - 1));
            }
            for row in &rows {
                let e = entry(row)?;
                if e.seq != expected_seq {
                    return Ok(Err(ChainError {
                        seq: expected_seq,
                        problem: format!("missing (next stored entry is {})", e.seq),
                    }));
                }
                if e.prev_hash != prev {
                    return Ok(Err(ChainError {
                        seq: e.seq,
                        problem: "previous-hash link broken".into(),
                    }));
                }
                if entry_hash(&e) != e.hash {
                    return Ok(Err(ChainError {
                        seq: e.seq,
                        problem: "content does not match its hash".into(),
                    }));
                }
                prev = e.hash.clone();
                expected_seq += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_changes_with_every_field() {
        let base = AuditEntry {
            seq: 1,
            at: 10,
            actor_id: Some(2),
            action: "a".into(),
            target_kind: "user".into(),
            target_id: "3".into(),
            reason: "r".into(),
            prev_hash: GENESIS.into(),
            hash: String::new(),
        };
        let h = entry_hash(&base);
        let mut other = base.clone();
        other.reason = "R".into();
        assert_ne!(h, entry_hash(&other));
        let mut shifted = base.clone();
        shifted.action = "au".into();
        shifted.target_kind = "ser".into();
        assert_ne!(
            h,
            entry_hash(&shifted),
            "length prefixes keep field boundaries"
        );
    }
}
