//! The pages of the forum's thread lists (the front page and each category), read
//! in constant time: keyset pages by last activity and id over partial indexes of
//! the threads every member sees (migration 0010), reply counts kept on the thread
//! row, and the tags of a whole page in one query. No page counts or skips rows.

use std::collections::HashMap;

use domain::models::{ListCursor, ListPage, ThreadSummary};
use sqlx::Row;

use crate::error::StoreError;
use crate::pool::Store;
use crate::rows::IntBool;
use crate::visibility::PUBLIC_THREAD;

/// Threads per page of a thread list (pinned threads come on top of the first page).
pub const THREADS_PER_PAGE: i64 = 30;

/// One page of a thread list and where its neighbours start.
#[derive(Clone, Debug, Default)]
pub struct ThreadPage {
    /// Pinned threads (first page only), then the page's threads.
    pub threads: Vec<ThreadSummary>,
    /// The next page of less recently active threads starts after this one.
    pub older: Option<ListCursor>,
    /// The page of more recently active threads ends before this one.
    pub newer: Option<ListCursor>,
}

/// A row of a thread list as the query returns it.
#[derive(sqlx::FromRow)]
struct ListRow {
    id: i64,
    title: String,
    slug: String,
    display_name: String,
    last_activity_at: i64,
    #[sqlx(try_from = "IntBool")]
    pinned: bool,
    #[sqlx(try_from = "IntBool")]
    locked: bool,
    reply_count: i64,
    #[sqlx(try_from = "IntBool")]
    question: bool,
    answer_post_id: Option<i64>,
}

impl ListRow {
    fn cursor(&self) -> ListCursor {
        ListCursor {
            activity: self.last_activity_at,
            id: self.id,
        }
    }

    fn into_summary(self, tags: Vec<String>) -> ThreadSummary {
        ThreadSummary {
            id: self.id,
            title: self.title,
            category: self.slug,
            author: self.display_name,
            replies: self.reply_count,
            last_activity_at: self.last_activity_at,
            pinned: self.pinned,
            locked: self.locked,
            tags,
            question: self.question,
            solved: self.answer_post_id.is_some(),
        }
    }
}

/// Which rows one list query reads: pinned or not, and from where.
enum Slice {
    Pinned,
    Top,
    Before(ListCursor),
    After(ListCursor),
}

impl Store {
    /// One page of published, visible threads by last activity, optionally in one
    /// category. A "newer" page that would reach the top is the first page.
    pub async fn list_threads(
        &self,
        category_id: Option<i64>,
        page: ListPage,
    ) -> Result<ThreadPage, StoreError> {
        let (mut rows, older, newer) = match page {
            ListPage::First => self.first_page(category_id).await?,
            ListPage::Older(c) => {
                let mut rows = self.slice(category_id, Slice::Before(c)).await?;
                let more = rows.len() as i64 > THREADS_PER_PAGE;
                rows.truncate(THREADS_PER_PAGE as usize);
                let older = more.then(|| rows.last().map(ListRow::cursor)).flatten();
                let newer = rows.first().map(ListRow::cursor);
                (rows, older, newer)
            }
            ListPage::Newer(c) => {
                let mut rows = self.slice(category_id, Slice::After(c)).await?;
                if (rows.len() as i64) <= THREADS_PER_PAGE {
                    self.first_page(category_id).await?
                } else {
                    rows.truncate(THREADS_PER_PAGE as usize);
                    rows.reverse();
                    let older = rows.last().map(ListRow::cursor);
                    let newer = rows.first().map(ListRow::cursor);
                    (rows, older, newer)
                }
            }
        };
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut tags = self.tags_of(&ids).await?;
        let threads = rows
            .drain(..)
            .map(|r| {
                let t = tags.remove(&r.id).unwrap_or_default();
                r.into_summary(t)
            })
            .collect();
        Ok(ThreadPage {
            threads,
            older,
            newer,
        })
    }

    /// Pinned threads, then the most recently active others.
    async fn first_page(
        &self,
        category_id: Option<i64>,
    ) -> Result<(Vec<ListRow>, Option<ListCursor>, Option<ListCursor>), StoreError> {
        let mut rows = self.slice(category_id, Slice::Pinned).await?;
        rows.truncate(THREADS_PER_PAGE as usize);
        let mut top = self.slice(category_id, Slice::Top).await?;
        let more = top.len() as i64 > THREADS_PER_PAGE;
        top.truncate(THREADS_PER_PAGE as usize);
        let older = more.then(|| top.last().map(ListRow::cursor)).flatten();
        rows.extend(top);
        Ok((rows, older, None))
    }

    /// Up to one page and one row of a slice (the extra row says whether more follow).
    async fn slice(
        &self,
        category_id: Option<i64>,
        slice: Slice,
    ) -> Result<Vec<ListRow>, StoreError> {
        let sql = slice_sql(category_id.is_some(), &slice);
        let mut q = sqlx::query_as::<_, ListRow>(&sql);
        if let Some(c) = category_id {
            q = q.bind(c);
        }
        if let Slice::Before(c) | Slice::After(c) = slice {
            q = q.bind(c.activity).bind(c.id);
        }
        Ok(q.bind(THREADS_PER_PAGE + 1).fetch_all(&self.pool).await?)
    }

    /// The published tags of each of `thread_ids`, in one query per 500 threads.
    pub async fn tags_of(
        &self,
        thread_ids: &[i64],
    ) -> Result<HashMap<i64, Vec<String>>, StoreError> {
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        for chunk in thread_ids.chunks(500) {
            let sql = format!(
                "SELECT thread_id, tag FROM thread_tags WHERE thread_id IN ({}) ORDER BY thread_id, tag",
                crate::rows::placeholders(1, chunk.len())
            );
            let mut q = sqlx::query(&sql);
            for id in chunk {
                q = q.bind(*id);
            }
            for r in q.fetch_all(&self.pool).await? {
                out.entry(r.try_get("thread_id")?)
                    .or_default()
                    .push(r.try_get("tag")?);
            }
        }
        Ok(out)
    }
}

/// The query of one slice; placeholders in bind order: category, cursor, limit.
fn slice_sql(category: bool, slice: &Slice) -> String {
    let mut n = 0;
    let mut next = || {
        n += 1;
        format!("${n}")
    };
    let category = if category {
        format!(" AND t.category_id = {}", next())
    } else {
        String::new()
    };
    let (pinned, from, order) = match slice {
        Slice::Pinned => (1, String::new(), "DESC"),
        Slice::Top => (0, String::new(), "DESC"),
        Slice::Before(_) => {
            let (a, b) = (next(), next());
            (
                0,
                format!(" AND (t.last_activity_at, t.id) < ({a}, {b})"),
                "DESC",
            )
        }
        Slice::After(_) => {
            let (a, b) = (next(), next());
            (
                0,
                format!(" AND (t.last_activity_at, t.id) > ({a}, {b})"),
                "ASC",
            )
        }
    };
    let limit = next();
    format!(
        "SELECT t.id, t.title, c.slug, u.display_name, t.last_activity_at, t.pinned, t.locked, \
         t.reply_count, t.question, t.answer_post_id FROM threads t JOIN categories c ON c.id = t.category_id \
         JOIN users u ON u.id = t.author_id \
         WHERE {PUBLIC_THREAD} AND t.pinned = {pinned}{category}{from} \
         ORDER BY t.last_activity_at {order}, t.id {order} LIMIT {limit}"
    )
}

/// Every query a thread list runs, for tests that read the databases' plans (each
/// must be served by an index, with no scan and no sort). Bind 1 to every placeholder.
pub fn list_queries() -> Vec<String> {
    let c = ListCursor { activity: 1, id: 1 };
    let mut out = Vec::new();
    for category in [false, true] {
        for slice in [Slice::Pinned, Slice::Top, Slice::Before(c), Slice::After(c)] {
            out.push(slice_sql(category, &slice));
        }
    }
    out
}
