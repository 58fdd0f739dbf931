//! The pages of the forum's thread lists (latest, unread and new; the whole forum or
//! one category), read in constant time: keyset pages over partial indexes of the
//! threads every member sees (migrations 0010 and 0025), reply counts and the last
//! public post number kept on the thread row, and the tags and the viewer's reading
//! of a whole page in one query each. No page counts or skips rows.

use std::collections::HashMap;

use domain::models::{FollowLevel, ListCursor, ListKind, ListPage, RowReading, ThreadSummary};
use sqlx::Row;

use crate::error::StoreError;
use crate::list_sql::{slice_sql, Slice};
use crate::pool::{now, Store};
use crate::reading::Reader;
use crate::rows::IntBool;

pub use crate::list_sql::list_queries;

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

/// A row of a thread list as the query returns it (`list_sql::COLUMNS`).
#[derive(sqlx::FromRow)]
pub(crate) struct ListRow {
    id: i64,
    category_id: i64,
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
    created_at: i64,
    author_id: i64,
    last_post_number: i64,
}

impl ListRow {
    /// Where a page starts or ends at this row: new lists go by when a thread
    /// started, the others by last activity.
    fn cursor(&self, kind: ListKind) -> ListCursor {
        ListCursor {
            activity: if kind == ListKind::New {
                self.created_at
            } else {
                self.last_activity_at
            },
            id: self.id,
        }
    }

    fn into_summary(self, tags: Vec<String>, reading: RowReading) -> ThreadSummary {
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
            reading,
        }
    }
}

/// Which list, for whom, where: what every slice query binds.
#[derive(Clone, Copy)]
struct Scope {
    viewer: i64,
    kind: ListKind,
    category: Option<i64>,
    /// New lists: threads started after this (`domain::reading::new_after`).
    new_after: i64,
}

type Assembled = (Vec<ListRow>, Option<ListCursor>, Option<ListCursor>);

impl Store {
    /// One page of a thread list as `viewer` sees it (`kind`: latest, unread or new),
    /// optionally in one category, each row with the viewer's reading of it. A
    /// "newer" page that would reach the top is the first page.
    pub async fn list_threads(
        &self,
        viewer: i64,
        kind: ListKind,
        category: Option<i64>,
        page: ListPage,
    ) -> Result<ThreadPage, StoreError> {
        let new_after = domain::reading::new_after(self.new_dismissed_at(viewer).await?, now());
        let scope = Scope {
            viewer,
            kind,
            category,
            new_after,
        };
        let (mut rows, older, newer) = match page {
            ListPage::First => self.first_page(scope).await?,
            ListPage::Older(c) => {
                let mut rows = self.slice(scope, Slice::Before(c)).await?;
                let more = rows.len() as i64 > THREADS_PER_PAGE;
                rows.truncate(THREADS_PER_PAGE as usize);
                let older = more.then(|| rows.last().map(|r| r.cursor(kind))).flatten();
                let newer = rows.first().map(|r| r.cursor(kind));
                (rows, older, newer)
            }
            ListPage::Newer(c) => {
                let mut rows = self.slice(scope, Slice::After(c)).await?;
                if (rows.len() as i64) <= THREADS_PER_PAGE {
                    self.first_page(scope).await?
                } else {
                    rows.truncate(THREADS_PER_PAGE as usize);
                    rows.reverse();
                    let older = rows.last().map(|r| r.cursor(kind));
                    let newer = rows.first().map(|r| r.cursor(kind));
                    (rows, older, newer)
                }
            }
        };
        let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
        let mut tags = self.tags_of(&ids).await?;
        let readers = self.readers_of(viewer, &ids).await?;
        let categories = self.category_levels_of(viewer).await?;
        let threads = rows
            .drain(..)
            .map(|r| {
                let category = categories.get(&r.category_id).copied().unwrap_or_default();
                let reading = row_reading(&r, readers.get(&r.id), category, viewer, new_after);
                let t = tags.remove(&r.id).unwrap_or_default();
                r.into_summary(t, reading)
            })
            .collect();
        Ok(ThreadPage {
            threads,
            older,
            newer,
        })
    }

    /// Pinned threads (latest lists only), then the first page of the others.
    async fn first_page(&self, scope: Scope) -> Result<Assembled, StoreError> {
        let mut rows = if scope.kind == ListKind::Latest {
            self.slice(scope, Slice::Pinned).await?
        } else {
            Vec::new()
        };
        rows.truncate(THREADS_PER_PAGE as usize);
        let mut top = self.slice(scope, Slice::Top).await?;
        let more = top.len() as i64 > THREADS_PER_PAGE;
        top.truncate(THREADS_PER_PAGE as usize);
        let older = more
            .then(|| top.last().map(|r| r.cursor(scope.kind)))
            .flatten();
        rows.extend(top);
        Ok((rows, older, None))
    }

    /// Up to one page and one row of a slice (the extra row says whether more follow).
    async fn slice(&self, scope: Scope, slice: Slice) -> Result<Vec<ListRow>, StoreError> {
        let sql = slice_sql(scope.kind, scope.category.is_some(), &slice);
        let mut q = sqlx::query_as::<_, ListRow>(&sql).bind(scope.viewer);
        if scope.kind == ListKind::New {
            q = q.bind(scope.new_after);
        }
        if let Some(c) = scope.category {
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

/// The viewer's reading of a list row (`domain::reading`).
/// Unread counts show for threads the viewer tracks or watches.
fn row_reading(
    r: &ListRow,
    reader: Option<&Reader>,
    category: FollowLevel,
    viewer: i64,
    new_after: i64,
) -> RowReading {
    let level = domain::reading::level_for(reader.map(|x| x.follow()), category);
    RowReading {
        unread: match reader {
            Some(x) if level >= FollowLevel::Track => domain::reading::unread_count(
                r.reply_count,
                x.read_count,
                r.last_post_number,
                x.last_read,
            ),
            _ => 0,
        },
        new: domain::reading::is_new(
            r.created_at,
            r.author_id == viewer,
            reader.is_some(),
            new_after,
        ),
    }
}
