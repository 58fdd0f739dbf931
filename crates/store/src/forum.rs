//! Reading the forum with the visibility rules applied in SQL: members see published
//! threads and posts; an author also sees their own held and rejected posts; nobody
//! else ever receives held text from these queries.

use domain::models::{Category, PostState, PostView, ThreadSummary};
use domain::visibility::{PostFacts, ThreadFacts};
use sqlx::{Any, Executor, Row};

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::{IntBool, Stored};
use crate::tx::Tx;
use crate::visibility::{post_listed, PUBLIC_POST, PUBLIC_THREAD};

/// Threads per page of a thread list.
pub const THREADS_PER_PAGE: i64 = 30;
/// Posts per page of a thread.
pub const POSTS_PER_PAGE: i64 = 20;

/// A thread row as stored (visibility decided by the caller through [`ThreadRow::facts`]
/// and [`domain::visibility`]).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ThreadRow {
    /// Id.
    pub id: i64,
    /// Category id.
    pub category_id: i64,
    /// Author id.
    pub author_id: i64,
    /// Published title.
    pub title: String,
    /// The opening post has been published.
    #[sqlx(try_from = "IntBool")]
    pub published: bool,
    /// Pinned.
    #[sqlx(try_from = "IntBool")]
    pub pinned: bool,
    /// Locked.
    #[sqlx(try_from = "IntBool")]
    pub locked: bool,
    /// Hidden by a moderator.
    #[sqlx(try_from = "IntBool")]
    pub hidden: bool,
    /// Deleted with its opening post.
    #[sqlx(try_from = "IntBool")]
    pub deleted: bool,
}

impl ThreadRow {
    /// What the visibility rule needs.
    pub fn facts(&self) -> ThreadFacts {
        ThreadFacts {
            author_id: self.author_id,
            published: self.published,
            hidden: self.hidden,
            deleted: self.deleted,
        }
    }
}

/// A category row as stored.
#[derive(sqlx::FromRow)]
pub(crate) struct CategoryRow {
    id: i64,
    slug: String,
    name_en: String,
    name_ja: String,
    description_en: String,
    description_ja: String,
    position: i64,
    #[sqlx(try_from = "IntBool")]
    archived: bool,
}

impl From<CategoryRow> for Category {
    fn from(c: CategoryRow) -> Category {
        Category {
            id: c.id,
            slug: c.slug,
            name_en: c.name_en,
            name_ja: c.name_ja,
            description_en: c.description_en,
            description_ja: c.description_ja,
            position: c.position,
            archived: c.archived,
        }
    }
}

pub(super) const CATEGORY_COLUMNS: &str =
    "id, slug, name_en, name_ja, description_en, description_ja, position, archived";

/// Number of pages for `total` items (at least one).
pub fn pages(total: i64, per_page: i64) -> i64 {
    ((total + per_page - 1) / per_page).max(1)
}

impl Store {
    /// Every category that is not archived, in order.
    pub async fn categories(&self) -> Result<Vec<Category>, StoreError> {
        let sql = format!(
            "SELECT {CATEGORY_COLUMNS} FROM categories WHERE archived = 0 ORDER BY position, id"
        );
        let rows: Vec<CategoryRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(Category::from).collect())
    }

    /// A category by id (archived ones too, for old threads).
    pub async fn category_by_id(&self, id: i64) -> Result<Option<Category>, StoreError> {
        let sql = format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE id = $1");
        let row: Option<CategoryRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Category::from))
    }

    /// A live category by slug.
    pub async fn category_by_slug(&self, slug: &str) -> Result<Option<Category>, StoreError> {
        let sql =
            format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE slug = $1 AND archived = 0");
        let row: Option<CategoryRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Category::from))
    }

    /// One page of published, visible threads by last activity (pinned first),
    /// optionally in one category; and the number of pages.
    pub async fn list_threads(
        &self,
        category_id: Option<i64>,
        page: i64,
    ) -> Result<(Vec<ThreadSummary>, i64), StoreError> {
        let filter = format!("{PUBLIC_THREAD} AND ($1 = 0 OR t.category_id = $1)");
        let cat = category_id.unwrap_or(0);
        let total: i64 = sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM threads t WHERE {filter}"
        ))
        .bind(cat)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        let pages = pages(total, THREADS_PER_PAGE);
        let page = page.clamp(1, pages);
        let sql = format!(
            "SELECT t.id, t.title, c.slug, u.display_name, t.last_activity_at, t.pinned, t.locked, \
             (SELECT COUNT(*) FROM posts p WHERE p.thread_id = t.id AND p.number > 1 \
                AND {PUBLIC_POST}) AS replies \
             FROM threads t JOIN categories c ON c.id = t.category_id \
             JOIN users u ON u.id = t.author_id WHERE {filter} \
             ORDER BY t.pinned DESC, t.last_activity_at DESC, t.id DESC LIMIT $2 OFFSET $3"
        );
        let rows = sqlx::query(&sql)
            .bind(cat)
            .bind(THREADS_PER_PAGE)
            .bind((page - 1) * THREADS_PER_PAGE)
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get("id")?;
            out.push(ThreadSummary {
                id,
                title: r.try_get("title")?,
                category: r.try_get("slug")?,
                author: r.try_get("display_name")?,
                replies: r.try_get("replies")?,
                last_activity_at: r.try_get("last_activity_at")?,
                pinned: r.try_get::<i64, _>("pinned")? != 0,
                locked: r.try_get::<i64, _>("locked")? != 0,
                tags: self.thread_tags(id).await?,
            });
        }
        Ok((out, pages))
    }

    /// The published tags of a thread.
    pub async fn thread_tags(&self, thread_id: i64) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query("SELECT tag FROM thread_tags WHERE thread_id = $1 ORDER BY tag")
            .bind(thread_id)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .iter()
            .map(|r| r.try_get("tag"))
            .collect::<Result<_, _>>()?)
    }

    /// A thread row, whatever its state (callers apply [`domain::visibility`]).
    pub async fn thread_row(&self, id: i64) -> Result<Option<ThreadRow>, StoreError> {
        thread_row(&self.pool, id).await
    }

    /// One page of a thread's posts as `viewer_id` may see them: published posts
    /// (hidden ones only for moderators and their author), placeholders of deleted
    /// and removed posts, and the viewer's own held or rejected posts.
    pub async fn thread_posts(
        &self,
        thread_id: i64,
        viewer_id: i64,
        moderator: bool,
        page: i64,
    ) -> Result<(Vec<PostView>, i64), StoreError> {
        let filter = format!("p.thread_id = $1 AND {}", post_listed("$2", "$3"));
        let mod_flag = i64::from(moderator);
        let total: i64 = sqlx::query(&format!("SELECT COUNT(*) AS n FROM posts p WHERE {filter}"))
            .bind(thread_id)
            .bind(viewer_id)
            .bind(mod_flag)
            .fetch_one(&self.pool)
            .await?
            .try_get("n")?;
        let pages = pages(total, POSTS_PER_PAGE);
        let page = page.clamp(1, pages);
        let sql = format!(
            "SELECT p.id, p.number, p.author_id, u.display_name, p.state, p.hidden, p.body_html, \
             p.created_at, p.edited_at, \
             (SELECT COUNT(*) FROM post_revisions r WHERE r.post_id = p.id AND r.state = 'held') \
               AS held_revisions \
             FROM posts p JOIN users u ON u.id = p.author_id WHERE {filter} \
             ORDER BY p.number LIMIT $4 OFFSET $5"
        );
        let rows = sqlx::query(&sql)
            .bind(thread_id)
            .bind(viewer_id)
            .bind(mod_flag)
            .bind(POSTS_PER_PAGE)
            .bind((page - 1) * POSTS_PER_PAGE)
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let author_id: i64 = r.try_get("author_id")?;
            let state: String = r.try_get("state")?;
            let state = PostState::parse(&state).unwrap_or(PostState::Removed);
            let mine = author_id == viewer_id;
            let held_revisions: i64 = r.try_get("held_revisions")?;
            out.push(PostView {
                id: r.try_get("id")?,
                number: r.try_get("number")?,
                author_id,
                author: r.try_get("display_name")?,
                state,
                hidden: r.try_get::<i64, _>("hidden")? != 0,
                // Only published text is ever sent; a held post's own text is shown to
                // its author on the post's page, not in the thread.
                html: if state == PostState::Published {
                    r.try_get("body_html")?
                } else {
                    String::new()
                },
                created_at: r.try_get("created_at")?,
                edited_at: r.try_get("edited_at")?,
                mine,
                edit_held: mine && held_revisions > 0,
            });
        }
        Ok((out, pages))
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
    /// A thread row, read inside the transaction.
    pub async fn thread_row(&mut self, id: i64) -> Result<Option<ThreadRow>, StoreError> {
        thread_row(self.conn(), id).await
    }

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

async fn thread_row<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
) -> Result<Option<ThreadRow>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT id, category_id, author_id, title, published, pinned, locked, hidden, deleted \
         FROM threads WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(e)
    .await?)
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
