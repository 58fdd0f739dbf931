//! The detector's site lists, managed by admins: terms that always hold a post
//! (local facility names) and terms that never do (a drug brand taken for a name).

use domain::vocab::SiteList;
use phi::SiteLists;
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::tx::Tx;

impl Store {
    /// Both lists, sorted.
    pub async fn site_lists(&self) -> Result<SiteLists, StoreError> {
        let rows = sqlx::query("SELECT list, term FROM site_terms ORDER BY term")
            .fetch_all(&self.pool)
            .await?;
        let mut lists = SiteLists::default();
        for r in &rows {
            let list: String = r.try_get("list")?;
            let term: String = r.try_get("term")?;
            match SiteList::parse(&list) {
                Some(SiteList::Always) => lists.always_hold.push(term),
                _ => lists.never_hold.push(term),
            }
        }
        Ok(lists)
    }
}

impl Store {
    /// Display names of verified members, newest first, at most `limit`: the
    /// composer's context, so that the live check never has to send what is typed.
    pub async fn member_directory(&self, limit: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "SELECT display_name FROM users WHERE status = 'verified' ORDER BY id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("display_name")?))
            .collect()
    }

    /// Display names of verified members whose name starts like `prefix` (compared
    /// as the names' skeletons: case, width and separators folded), at most `limit`,
    /// for the composer's `@` suggestions.
    pub async fn members_starting(
        &self,
        prefix: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let key = crate::accounts::display_key(prefix);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let pattern: String = key
            .chars()
            .flat_map(|c| match c {
                '%' | '_' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .chain(['%'])
            .collect();
        let rows = sqlx::query(
            "SELECT display_name FROM users WHERE status = 'verified' \
             AND display_key LIKE $1 ESCAPE '\\' ORDER BY display_key LIMIT $2",
        )
        .bind(pattern)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("display_name")?))
            .collect()
    }
}

impl Tx {
    /// Adds a term to a list (`always` or `never`); adding it twice is harmless.
    pub async fn add_site_term(
        &mut self,
        list: SiteList,
        term: &str,
        admin_id: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO site_terms (list, term, created_at, created_by) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (list, term) DO NOTHING",
        )
        .bind(list.as_str())
        .bind(term)
        .bind(now())
        .bind(admin_id)
        .execute(self.conn())
        .await?;
        Ok(())
    }

    /// Removes a term from a list.
    pub async fn remove_site_term(&mut self, list: SiteList, term: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM site_terms WHERE list = $1 AND term = $2")
            .bind(list.as_str())
            .bind(term)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}
