//! Reading posts: a post's row for access decisions, the published text, and the
//! pages of a thread as one viewer may see them (the rule is stated once for SQL in
//! [`crate::visibility`]).

use domain::models::{PostState, PostView};
use domain::visibility::PostFacts;
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::{IntBool, Stored};
use crate::threads::pages;
use crate::tx::Tx;
use crate::visibility::post_listed;

/// Posts per page of a thread (the rule lives with the links that depend on it).
pub use domain::links::POSTS_PER_PAGE;

/// A post on a page of its thread as the query returns it.
#[derive(sqlx::FromRow)]
struct PageRow {
    id: i64,
    number: i64,
    author_id: i64,
    display_name: String,
    #[sqlx(try_from = "Stored")]
    state: PostState,
    #[sqlx(try_from = "IntBool")]
    hidden: bool,
    body_html: String,
    created_at: i64,
    edited_at: Option<i64>,
    held_revisions: i64,
    helpful_count: i64,
    helped: i64,
}

impl PageRow {
    fn into_view(self, viewer_id: i64) -> PostView {
        let mine = self.author_id == viewer_id;
        PostView {
            id: self.id,
            number: self.number,
            author_id: self.author_id,
            author: self.display_name,
            state: self.state,
            hidden: self.hidden,
            // Only published text is ever sent; a held post's own text is shown to its
            // author on the post's page, not in the thread.
            html: if self.state == PostState::Published {
                self.body_html
            } else {
                String::new()
            },
            created_at: self.created_at,
            edited_at: self.edited_at,
            mine,
            edit_held: mine && self.held_revisions > 0,
            helpful: self.helpful_count,
            helped: self.helped > 0,
            helpful_names: Vec::new(),
        }
    }
}

impl Store {
    /// One page of a thread's posts as `viewer_id` may see them: published posts
    /// (hidden ones only for moderators and their author), placeholders of deleted
    /// and removed posts, and the viewer's own held or rejected posts. Page `n` holds
    /// post numbers `20(n-1)+1 ..= 20n`, so a post's page never moves when others'
    /// posts are held or hidden, a search hit links to its page by its number alone,
    /// and a page reads its own rows through the `(thread_id, number)` key however
    /// deep it is.
    pub async fn thread_posts(
        &self,
        thread_id: i64,
        viewer_id: i64,
        moderator: bool,
        page: i64,
    ) -> Result<(Vec<PostView>, i64), StoreError> {
        let last: Option<i64> =
            sqlx::query("SELECT MAX(number) AS n FROM posts WHERE thread_id = $1")
                .bind(thread_id)
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?;
        let pages = pages(last.unwrap_or(0), POSTS_PER_PAGE);
        let page = page.clamp(1, pages);
        let sql = page_sql();
        let rows: Vec<PageRow> = sqlx::query_as(&sql)
            .bind(thread_id)
            .bind(viewer_id)
            .bind(i64::from(moderator))
            .bind((page - 1) * POSTS_PER_PAGE)
            .bind(page * POSTS_PER_PAGE)
            .fetch_all(&self.pool)
            .await?;
        let mut posts: Vec<PostView> = rows.into_iter().map(|r| r.into_view(viewer_id)).collect();
        crate::reactions::fill_names(&self.pool, &mut posts).await?;
        Ok((posts, pages))
    }

    /// The published markdown of a post ('' if none).
    pub async fn published_body(&self, post_id: i64) -> Result<String, StoreError> {
        let row = sqlx::query("SELECT body_md FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("body_md")?)
    }

    /// A post's position in its thread (1 = opening post).
    pub async fn post_number(&self, post_id: i64) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT number FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("number")?)
    }

    /// A post's thread, author, number, state and hidden flag.
    pub async fn post_row(&self, post_id: i64) -> Result<Option<PostRow>, StoreError> {
        post_row(&self.pool, post_id).await
    }
}

impl Tx {
    /// A post row, read inside the transaction.
    pub async fn post_row(&mut self, post_id: i64) -> Result<Option<PostRow>, StoreError> {
        post_row(self.conn(), post_id).await
    }

    /// The published markdown of a post ('' if none), read inside the transaction.
    pub async fn published_body(&mut self, post_id: i64) -> Result<String, StoreError> {
        let row = sqlx::query("SELECT body_md FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(self.conn())
            .await?;
        Ok(row.try_get("body_md")?)
    }
}

async fn post_row<'c, E: Executor<'c, Database = Any>>(
    e: E,
    post_id: i64,
) -> Result<Option<PostRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, thread_id, author_id, number, state, hidden FROM posts WHERE id = $1",
    )
    .bind(post_id)
    .fetch_optional(e)
    .await?)
}

/// A post as stored, for access decisions.
#[derive(Clone, Copy, Debug, sqlx::FromRow)]
pub struct PostRow {
    /// Id.
    pub id: i64,
    /// Thread.
    pub thread_id: i64,
    /// Author.
    pub author_id: i64,
    /// Position in the thread.
    pub number: i64,
    /// State.
    #[sqlx(try_from = "Stored")]
    pub state: PostState,
    /// Hidden by a moderator.
    #[sqlx(try_from = "IntBool")]
    pub hidden: bool,
}

impl PostRow {
    /// What the visibility rule needs.
    pub fn facts(&self) -> PostFacts {
        PostFacts {
            author_id: self.author_id,
            state: self.state,
            hidden: self.hidden,
        }
    }
}

/// The query of a page of a thread; placeholders: thread, viewer, moderator (1/0),
/// and the post numbers the page holds (after `$4`, up to `$5`). Public for the tests
/// that read the databases' plans.
pub fn page_sql() -> String {
    // The held-revision count runs for the page's rows only: it sits outside the
    // query that picks them.
    format!(
        "SELECT p.id, p.number, p.author_id, u.display_name, p.state, p.hidden, p.body_html, \
         p.created_at, p.edited_at, p.helpful_count, \
         (SELECT COUNT(*) FROM post_revisions r WHERE r.post_id = p.id AND r.state = 'held') \
           AS held_revisions, \
         (SELECT COUNT(*) FROM post_reactions x WHERE x.post_id = p.id AND x.user_id = $2) \
           AS helped \
         FROM (SELECT * FROM posts p WHERE p.thread_id = $1 AND p.number > $4 \
               AND p.number <= $5 AND {}) p \
         JOIN users u ON u.id = p.author_id ORDER BY p.number",
        post_listed("$2", "$3")
    )
}
