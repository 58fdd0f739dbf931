//! Suspensions and the staff's member lookup. An account is suspended while one of
//! its rows is neither lifted nor past its end: that condition is stated once, in
//! `active`, and read with the session on every request.

use domain::models::{MemberHit, Role, Status, Suspension};
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::Stored;
use crate::tx::Tx;

/// The condition on `suspensions s` for a row that keeps its account out at the
/// time bound as `now` (a placeholder such as `$2`). Stated here only.
fn active(now: &str) -> String {
    format!("s.lifted_at IS NULL AND s.ends_at > {now}")
}

/// The end of the current suspension of the account `user` (a column or
/// placeholder) at `now`, as a SQL expression: `NULL` when it is not suspended.
pub(crate) fn active_end(user: &str, now: &str) -> String {
    format!(
        "(SELECT MAX(s.ends_at) FROM suspensions s WHERE s.user_id = {user} AND {})",
        active(now)
    )
}

#[derive(sqlx::FromRow)]
struct SuspensionRow {
    id: i64,
    reason: String,
    starts_at: i64,
    ends_at: i64,
    by_name: Option<String>,
    lifted_at: Option<i64>,
    lifted_name: Option<String>,
}

impl From<SuspensionRow> for Suspension {
    fn from(r: SuspensionRow) -> Suspension {
        Suspension {
            id: r.id,
            reason: r.reason,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            by: r.by_name,
            lifted_at: r.lifted_at,
            lifted_by: r.lifted_name,
        }
    }
}

#[derive(sqlx::FromRow)]
struct HitRow {
    id: i64,
    display_name: String,
    #[sqlx(try_from = "Stored")]
    role: Role,
    #[sqlx(try_from = "Stored")]
    status: Status,
    suspended_until: Option<i64>,
}

impl Tx {
    /// Suspends `user_id` from `starts_at` to `ends_at`; returns the row's id.
    pub async fn suspend(
        &mut self,
        user_id: i64,
        by: i64,
        reason: &str,
        starts_at: i64,
        ends_at: i64,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO suspensions (user_id, by_id, reason, starts_at, ends_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(user_id)
        .bind(by)
        .bind(reason)
        .bind(starts_at)
        .bind(ends_at)
        .fetch_one(self.conn())
        .await?;
        Ok(row.try_get("id")?)
    }

    /// Lifts every current suspension of `user_id` at `now`; how many were lifted.
    pub async fn lift_suspensions(
        &mut self,
        user_id: i64,
        by: i64,
        now: i64,
    ) -> Result<u64, StoreError> {
        let sql = format!(
            "UPDATE suspensions SET lifted_at = $3, lifted_by = $2 \
             WHERE id IN (SELECT s.id FROM suspensions s WHERE s.user_id = $1 AND {})",
            active("$3")
        );
        let res = sqlx::query(&sql)
            .bind(user_id)
            .bind(by)
            .bind(now)
            .execute(self.conn())
            .await?;
        Ok(res.rows_affected())
    }
}

impl Store {
    /// Every suspension of `user_id`, the newest first, with who made and lifted it.
    pub async fn suspensions_of(&self, user_id: i64) -> Result<Vec<Suspension>, StoreError> {
        let rows: Vec<SuspensionRow> = sqlx::query_as(
            "SELECT s.id, s.reason, s.starts_at, s.ends_at, b.display_name AS by_name, \
             s.lifted_at, l.display_name AS lifted_name \
             FROM suspensions s \
             LEFT JOIN users b ON b.id = s.by_id \
             LEFT JOIN users l ON l.id = s.lifted_by \
             WHERE s.user_id = $1 ORDER BY s.starts_at DESC, s.id DESC",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(Suspension::from).collect())
    }

    /// Accounts whose display name starts with `prefix` (compared as names are
    /// for uniqueness: folded by [`crate::accounts::display_key`]), by name, at most
    /// `limit`, each with the end of its current suspension at `now`.
    pub async fn find_members(
        &self,
        prefix: &str,
        limit: i64,
        now: i64,
    ) -> Result<Vec<MemberHit>, StoreError> {
        let escaped: String = crate::accounts::display_key(prefix)
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        let sql = format!(
            "SELECT u.id, u.display_name, u.role, u.status, {} AS suspended_until \
             FROM users u WHERE u.display_key LIKE $1 ESCAPE '\\' AND u.deleted_at IS NULL \
             ORDER BY u.display_key, u.id LIMIT $3",
            active_end("u.id", "$2")
        );
        let rows: Vec<HitRow> = sqlx::query_as(&sql)
            .bind(format!("{escaped}%"))
            .bind(now)
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| MemberHit {
                id: r.id,
                display_name: r.display_name,
                role: r.role,
                status: r.status,
                suspended_until: r.suspended_until,
            })
            .collect())
    }

    /// When the current suspension of `user_id` ends, if it is suspended now.
    pub async fn suspended_until(&self, user_id: i64) -> Result<Option<i64>, StoreError> {
        let sql = format!("SELECT {} AS until", active_end("$1", "$2"));
        let row = sqlx::query(&sql)
            .bind(user_id)
            .bind(crate::pool::now())
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("until")?)
    }

    /// When the account was created, unix seconds.
    pub async fn user_created_at(&self, user_id: i64) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT created_at FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.try_get("created_at")).transpose()?)
    }
}
