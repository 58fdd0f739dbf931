//! The one moderation queue: held posts and edits the author sent for review, member
//! reports and verification requests, oldest first, with who holds a claim on each.
//! Rows carry no post text: a moderator opens an item (which is audited) to read it.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use domain::models::{FieldFindings, QueueItem};
use domain::vocab::QueueKind;

/// Which items the queue shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QueueFilter {
    /// Held posts.
    pub held: bool,
    /// Reports.
    pub reports: bool,
    /// Verification requests.
    pub verification: bool,
    /// Open items (else decided ones, newest decisions last).
    pub open: bool,
}

/// Most rows the queue shows at once.
pub const QUEUE_LIMIT: i64 = 200;

fn kinds_of(findings: &str) -> String {
    let list: FieldFindings = serde_json::from_str(findings).unwrap_or_default();
    let mut kinds: Vec<&str> = list.all().map(|f| f.kind.as_str()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    kinds.join(" ")
}

impl Store {
    /// The queue as `viewer_id` sees it.
    pub async fn queue(
        &self,
        filter: QueueFilter,
        viewer_id: i64,
    ) -> Result<Vec<QueueItem>, StoreError> {
        let t = now();
        let claim_join = |kind: QueueKind, id: &str| {
            format!(
                "LEFT JOIN claims c ON c.kind = '{kind}' AND c.item_id = {id} AND c.expires_at > $1 \
                 LEFT JOIN users cu ON cu.id = c.moderator_id"
            )
        };
        let mut items = Vec::new();
        if filter.held {
            let cond = if filter.open {
                "r.state = 'held' AND r.review_requested = 1"
            } else {
                "r.decided_by IS NOT NULL AND r.state <> 'held'"
            };
            let sql = format!(
                "SELECT r.id, r.state, r.findings, r.created_at, u.display_name, \
                 c.moderator_id, cu.display_name AS claimer FROM post_revisions r \
                 JOIN posts p ON p.id = r.post_id JOIN users u ON u.id = p.author_id {} \
                 WHERE {cond} ORDER BY r.created_at, r.id LIMIT $2",
                claim_join(QueueKind::Held, "r.id")
            );
            for r in sqlx::query(&sql)
                .bind(t)
                .bind(QUEUE_LIMIT)
                .fetch_all(&self.pool)
                .await?
            {
                let findings: String = r.try_get("findings")?;
                items.push(item(
                    &r,
                    QueueKind::Held,
                    kinds_of(&findings),
                    "state",
                    "created_at",
                    viewer_id,
                )?);
            }
        }
        if filter.reports {
            let cond = if filter.open {
                "rp.state = 'open'"
            } else {
                "rp.state <> 'open'"
            };
            let sql = format!(
                "SELECT rp.id, rp.state, rp.reason, rp.created_at, u.display_name, \
                 c.moderator_id, cu.display_name AS claimer FROM reports rp \
                 JOIN users u ON u.id = rp.reporter_id {} \
                 WHERE {cond} ORDER BY CASE WHEN rp.reason = 'patient_data' THEN 0 ELSE 1 END, rp.created_at, rp.id LIMIT $2",
                claim_join(QueueKind::Report, "rp.id")
            );
            for r in sqlx::query(&sql)
                .bind(t)
                .bind(QUEUE_LIMIT)
                .fetch_all(&self.pool)
                .await?
            {
                let reason: String = r.try_get("reason")?;
                items.push(item(
                    &r,
                    QueueKind::Report,
                    reason,
                    "state",
                    "created_at",
                    viewer_id,
                )?);
            }
        }
        if filter.verification {
            let cond = if filter.open {
                "u.status = 'pending'"
            } else {
                "u.status <> 'pending'"
            };
            let sql = format!(
                "SELECT u.id, u.status AS state, u.profession, u.submitted_at, u.display_name, \
                 c.moderator_id, cu.display_name AS claimer FROM users u {} \
                 WHERE {cond} AND u.role <> 'admin' ORDER BY u.submitted_at, u.id LIMIT $2",
                claim_join(QueueKind::Verification, "u.id")
            );
            for r in sqlx::query(&sql)
                .bind(t)
                .bind(QUEUE_LIMIT)
                .fetch_all(&self.pool)
                .await?
            {
                let profession: String = r.try_get("profession")?;
                items.push(item(
                    &r,
                    QueueKind::Verification,
                    profession,
                    "state",
                    "submitted_at",
                    viewer_id,
                )?);
            }
        }
        // Published patient data first (already hidden, but a moderator must decide),
        // then oldest first.
        let urgent = |i: &QueueItem| !(i.kind == QueueKind::Report && i.summary == "patient_data");
        items.sort_by_key(|i| (urgent(i), i.since, i.id));
        Ok(items)
    }
}

fn item(
    r: &sqlx::any::AnyRow,
    kind: QueueKind,
    summary: String,
    status_col: &str,
    since_col: &str,
    viewer_id: i64,
) -> Result<QueueItem, sqlx::Error> {
    let claimer: Option<i64> = r.try_get("moderator_id")?;
    Ok(QueueItem {
        kind,
        id: r.try_get("id")?,
        who: r.try_get("display_name")?,
        summary,
        status: r.try_get(status_col)?,
        since: r.try_get(since_col)?,
        claimed_by: r.try_get("claimer")?,
        claimed_by_me: claimer == Some(viewer_id),
    })
}
