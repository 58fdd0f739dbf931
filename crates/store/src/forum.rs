//! Reading the forum with the visibility rules applied in SQL: members see published
//! threads and posts; an author also sees their own held and rejected posts; nobody
//! else ever receives held text from these queries.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{Store, StoreError};
use domain::models::{Category, PostState, PostView, ThreadSummary};

/// Threads per page of a thread list.
pub const THREADS_PER_PAGE: i64 = 30;
/// Posts per page of a thread.
pub const POSTS_PER_PAGE: i64 = 20;

/// A thread row as stored (visibility decided by the caller with [`ThreadRow::visible_to`]).
#[derive(Clone, Debug)]
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
    pub published: bool,
    /// Pinned.
    pub pinned: bool,
    /// Locked.
    pub locked: bool,
    /// Hidden by a moderator.
    pub hidden: bool,
    /// Deleted with its opening post.
    pub deleted: bool,
}

impl ThreadRow {
    /// Whether a verified viewer may open the thread: published and not hidden, or
    /// hidden for moderators and the author, or unpublished for its author only.
    pub fn visible_to(&self, viewer_id: i64, moderator: bool) -> bool {
        let own = self.author_id == viewer_id;
        if self.deleted {
            return moderator;
        }
        if !self.published {
            return own;
        }
        !self.hidden || own || moderator
    }
}

pub(super) const CATEGORY_COLUMNS: &str =
    "id, slug, name_en, name_ja, description_en, description_ja, position, archived";

pub(super) fn category(row: &AnyRow) -> Result<Category, sqlx::Error> {
    Ok(Category {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name_en: row.try_get("name_en")?,
        name_ja: row.try_get("name_ja")?,
        description_en: row.try_get("description_en")?,
        description_ja: row.try_get("description_ja")?,
        position: row.try_get("position")?,
        archived: row.try_get::<i64, _>("archived")? != 0,
    })
}

fn flag(row: &AnyRow, col: &str) -> Result<bool, sqlx::Error> {
    Ok(row.try_get::<i64, _>(col)? != 0)
}

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
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(category).collect::<Result<_, _>>()?)
    }

    /// A category by id (archived ones too, for old threads).
    pub async fn category_by_id(&self, id: i64) -> Result<Option<Category>, StoreError> {
        let sql = format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(category).transpose()?)
    }

    /// A live category by slug.
    pub async fn category_by_slug(&self, slug: &str) -> Result<Option<Category>, StoreError> {
        let sql =
            format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE slug = $1 AND archived = 0");
        let row = sqlx::query(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(category).transpose()?)
    }

    /// One page of published, visible threads by last activity (pinned first),
    /// optionally in one category; and the number of pages.
    pub async fn list_threads(
        &self,
        category_id: Option<i64>,
        page: i64,
    ) -> Result<(Vec<ThreadSummary>, i64), StoreError> {
        let filter = "t.published = 1 AND t.hidden = 0 AND t.deleted = 0 \
                      AND ($1 = 0 OR t.category_id = $1)";
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
                AND p.state = 'published' AND p.hidden = 0) AS replies \
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
                pinned: flag(r, "pinned")?,
                locked: flag(r, "locked")?,
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

    /// A thread row, whatever its state (callers apply [`ThreadRow::visible_to`]).
    pub async fn thread_row(&self, id: i64) -> Result<Option<ThreadRow>, StoreError> {
        let row = sqlx::query(
            "SELECT id, category_id, author_id, title, published, pinned, locked, hidden, deleted \
             FROM threads WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(ThreadRow {
            id: r.try_get("id")?,
            category_id: r.try_get("category_id")?,
            author_id: r.try_get("author_id")?,
            title: r.try_get("title")?,
            published: flag(&r, "published")?,
            pinned: flag(&r, "pinned")?,
            locked: flag(&r, "locked")?,
            hidden: flag(&r, "hidden")?,
            deleted: flag(&r, "deleted")?,
        }))
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
        let filter = "p.thread_id = $1 AND ( \
               (p.state = 'published' AND (p.hidden = 0 OR $3 = 1 OR p.author_id = $2)) \
               OR p.state IN ('deleted', 'removed') \
               OR (p.state IN ('held', 'rejected') AND p.author_id = $2))";
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
                hidden: flag(r, "hidden")?,
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
        let row = sqlx::query(
            "SELECT id, thread_id, author_id, number, state, hidden FROM posts WHERE id = $1",
        )
        .bind(post_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let state: String = r.try_get("state")?;
        Ok(Some(PostRow {
            id: r.try_get("id")?,
            thread_id: r.try_get("thread_id")?,
            author_id: r.try_get("author_id")?,
            number: r.try_get("number")?,
            state: PostState::parse(&state).unwrap_or(PostState::Removed),
            hidden: flag(&r, "hidden")?,
        }))
    }
}

/// A post as stored, for access decisions.
#[derive(Clone, Copy, Debug)]
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
    pub state: PostState,
    /// Hidden by a moderator.
    pub hidden: bool,
}
