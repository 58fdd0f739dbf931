//! The admin's list of accounts, newest first, read by keyset (registration time
//! and id): a page reads the same few rows whether it is the first or the
//! thousandth, through the index `users_created`, however many members the site has.

use domain::models::{ListCursor, ListPage, Role, Status, UserPage, UserRow};

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::Stored;

/// Accounts per page of the list.
pub const USERS_PER_PAGE: i64 = 50;

#[derive(sqlx::FromRow)]
struct UserListRow {
    id: i64,
    display_name: String,
    email: String,
    #[sqlx(try_from = "Stored")]
    role: Role,
    #[sqlx(try_from = "Stored")]
    status: Status,
    created_at: i64,
}

impl From<UserListRow> for UserRow {
    fn from(r: UserListRow) -> UserRow {
        UserRow {
            id: r.id,
            display_name: r.display_name,
            email: r.email,
            role: r.role,
            status: r.status,
            created_at: r.created_at,
        }
    }
}

fn cursor(u: &UserRow) -> ListCursor {
    ListCursor {
        activity: u.created_at,
        id: u.id,
    }
}

/// The query of one slice (`from`: the keyset condition; `order`: `DESC` going to
/// older accounts, `ASC` to newer ones); the limit is the last placeholder.
fn slice_sql(from: &str, order: &str, limit: &str) -> String {
    format!(
        "SELECT id, display_name, email, role, status, created_at FROM users \
         WHERE deleted_at IS NULL{from} ORDER BY created_at {order}, id {order} LIMIT {limit}"
    )
}

/// Every query the list runs, for the test that reads the databases' plans (each must
/// be served by the index, with no scan of the table and no sort).
pub fn list_queries() -> Vec<String> {
    vec![
        slice_sql("", "DESC", "$1"),
        slice_sql(" AND (created_at, id) < ($1, $2)", "DESC", "$3"),
        slice_sql(" AND (created_at, id) > ($1, $2)", "ASC", "$3"),
    ]
}

impl Store {
    /// One page of the accounts (deleted ones left out), newest first. A "newer"
    /// page that would reach the top is the first page.
    pub async fn list_users(&self, page: ListPage) -> Result<UserPage, StoreError> {
        let take = USERS_PER_PAGE + 1;
        let rows: Vec<UserListRow> = match page {
            ListPage::First => {
                sqlx::query_as(&slice_sql("", "DESC", "$1"))
                    .bind(take)
                    .fetch_all(&self.pool)
                    .await?
            }
            ListPage::Older(c) => {
                sqlx::query_as(&slice_sql(" AND (created_at, id) < ($1, $2)", "DESC", "$3"))
                    .bind(c.activity)
                    .bind(c.id)
                    .bind(take)
                    .fetch_all(&self.pool)
                    .await?
            }
            ListPage::Newer(c) => {
                let rows: Vec<UserListRow> =
                    sqlx::query_as(&slice_sql(" AND (created_at, id) > ($1, $2)", "ASC", "$3"))
                        .bind(c.activity)
                        .bind(c.id)
                        .bind(take)
                        .fetch_all(&self.pool)
                        .await?;
                if (rows.len() as i64) <= USERS_PER_PAGE {
                    return Box::pin(self.list_users(ListPage::First)).await;
                }
                let mut users: Vec<UserRow> = rows.into_iter().map(UserRow::from).collect();
                users.truncate(USERS_PER_PAGE as usize);
                users.reverse();
                return Ok(UserPage {
                    older: users.last().map(cursor),
                    newer: users.first().map(cursor),
                    users,
                });
            }
        };
        let more = rows.len() as i64 > USERS_PER_PAGE;
        let mut users: Vec<UserRow> = rows.into_iter().map(UserRow::from).collect();
        users.truncate(USERS_PER_PAGE as usize);
        let newer = match page {
            ListPage::First => None,
            _ => users.first().map(cursor),
        };
        Ok(UserPage {
            older: more.then(|| users.last().map(cursor)).flatten(),
            newer,
            users,
        })
    }
}
