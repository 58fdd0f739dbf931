//! Search results as pages show them: the rows of a page of hits, read from the
//! database (the index may be a moment behind, so anything no longer visible is left
//! out), with the thread's question status.

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::IntBool;
use crate::visibility::public_post_in_public_thread;

/// A result row as a page shows it.
#[derive(Clone, Debug)]
pub struct HitRow {
    /// Post id.
    pub post_id: i64,
    /// Thread id.
    pub thread_id: i64,
    /// Position in the thread.
    pub number: i64,
    /// Thread title.
    pub title: String,
    /// Category slug.
    pub category_slug: String,
    /// Category name, English.
    pub category_en: String,
    /// Category name, Japanese.
    pub category_ja: String,
    /// Author's display name.
    pub author: String,
    /// First publication.
    pub created: i64,
    /// Plain text of the body.
    pub body: String,
    /// The thread is a question with an answer.
    pub solved: bool,
    /// This post is that answer.
    pub answer: bool,
}

/// A result row as the page query returns it.
#[derive(sqlx::FromRow)]
struct HitQueryRow {
    id: i64,
    thread_id: i64,
    number: i64,
    title: String,
    slug: String,
    name_en: String,
    name_ja: String,
    display_name: String,
    published_at: Option<i64>,
    body_text: String,
    #[sqlx(try_from = "IntBool")]
    question: bool,
    answer_post_id: Option<i64>,
}

impl From<HitQueryRow> for HitRow {
    fn from(r: HitQueryRow) -> HitRow {
        HitRow {
            post_id: r.id,
            thread_id: r.thread_id,
            number: r.number,
            title: r.title,
            category_slug: r.slug,
            category_en: r.name_en,
            category_ja: r.name_ja,
            author: r.display_name,
            created: r.published_at.unwrap_or(0),
            body: r.body_text,
            solved: r.question && r.answer_post_id.is_some(),
            answer: r.answer_post_id == Some(r.id),
        }
    }
}

impl Store {
    /// The rows for a page of results, in the order of `post_ids`, leaving out any
    /// post that is no longer visible (the index may be a moment behind).
    pub async fn search_hits(&self, post_ids: &[i64]) -> Result<Vec<HitRow>, StoreError> {
        if post_ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT p.id, p.thread_id, p.number, t.title, c.slug, c.name_en, c.name_ja, \
             u.display_name, p.published_at, p.body_text, t.question, t.answer_post_id \
             FROM posts p JOIN threads t ON t.id = p.thread_id JOIN users u ON u.id = p.author_id \
             JOIN categories c ON c.id = t.category_id \
             WHERE p.id IN ({}) AND {}",
            crate::rows::placeholders(1, post_ids.len()),
            public_post_in_public_thread()
        );
        let mut q = sqlx::query_as::<_, HitQueryRow>(&sql);
        for id in post_ids {
            q = q.bind(*id);
        }
        let mut hits: Vec<HitRow> = q
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(HitRow::from)
            .collect();
        hits.sort_by_key(|h| post_ids.iter().position(|id| *id == h.post_id));
        Ok(hits)
    }
}
