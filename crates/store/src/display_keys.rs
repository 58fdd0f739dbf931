//! Display-name keys kept in step with the rule that makes them
//! ([`crate::accounts::display_key`]): run after every migration.

use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;

impl Store {
    /// Recomputes each member's display-name key where the rule that makes it has
    /// changed. Two existing names that now look alike keep their old keys (a member
    /// is never renamed by an upgrade); the collision is logged by id only.
    pub(crate) async fn rekey_display_names(&self) -> Result<(), StoreError> {
        // A deleted account has no name, and a key of its own that no name makes.
        let rows =
            sqlx::query("SELECT id, display_name, display_key FROM users WHERE deleted_at IS NULL")
                .fetch_all(&self.pool)
                .await?;
        for r in rows {
            let (id, name, key): (i64, String, String) = (
                r.try_get("id")?,
                r.try_get("display_name")?,
                r.try_get("display_key")?,
            );
            let want = crate::accounts::display_key(&name);
            if want == key {
                continue;
            }
            let done = sqlx::query("UPDATE users SET display_key = $1 WHERE id = $2")
                .bind(&want)
                .bind(id)
                .execute(&self.pool)
                .await;
            if done.is_err() {
                tracing::warn!(user_id = id, "display name looks like another; key kept");
            }
        }
        Ok(())
    }
}
