//! Following the database: the index replays the change log, and rebuilds itself
//! whenever it cannot trust what it holds — never built, built from another
//! database, ahead of its database or on a different history (a database restored
//! from a backup), too far behind the log, or holding another number of posts than
//! the database says it should (files lost on a full disk, say).

use std::sync::atomic::Ordering;
use std::time::Duration;

use store::search_identity::LogIdentity;
use store::search_log::Scope;
use store::Store;
use tantivy::{IndexWriter, Term};

use crate::index::{Follows, SearchError, SearchIndex};

/// Posts read from the database per batch when rebuilding.
const BATCH: i64 = 2_000;
/// When an index is this far behind the log, rebuilding is quicker than replaying.
const REPLAY_LIMIT: i64 = 20_000;
/// How often a following process also compares its document count with the
/// database's (a count reads every post, so not on every poll).
pub(crate) const VERIFY_EVERY: Duration = Duration::from_secs(300);

/// Why an index was rebuilt rather than caught up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Distrust {
    /// New, or never committed.
    Never,
    /// Built from another database.
    OtherDatabase,
    /// Its sequence is past the database's head (a restored backup).
    AheadOfDatabase,
    /// The change at its sequence is another change (a restored backup that went on).
    OtherHistory,
    /// The log no longer reaches back to it, or replaying would be slower.
    FarBehind,
    /// It holds another number of posts than the database says it should.
    Diverged,
}

impl SearchIndex {
    /// Brings the index up to the database's change log: replays what changed since
    /// the last commit, or rebuilds when the index cannot be trusted ([`Distrust`]).
    /// Returns how many changes (or, on a rebuild, posts) were applied.
    pub async fn catch_up(&self, store: &Store) -> Result<u64, SearchError> {
        let mut writer = self.inner.writer.lock().await;
        let db = store.search_identity().await?;
        let follows = self.follows();
        if let Some(why) = distrust(store, &follows, &db).await? {
            tracing::warn!(reason = ?why, seq = follows.seq, head = db.head, "search index rebuilding");
            return self
                .rebuild_locked(&mut writer, store, &mut |_, _| {})
                .await;
        }
        if db.head == follows.seq {
            return Ok(0);
        }
        match self.replay(&writer, store, follows.seq).await {
            Ok((last, n)) => {
                let seq = last.max(db.head);
                let mark = store.search_change_mark(seq).await?.unwrap_or_default();
                let follows = Follows {
                    seq,
                    db: db.instance,
                    mark,
                };
                self.commit(&mut writer, follows)?;
                Ok(n)
            }
            Err(e) => {
                self.abandon(&mut writer);
                Err(e)
            }
        }
    }

    /// Catches up, then compares the number of documents with the number of posts
    /// the database says are searchable, and rebuilds when they differ. Returns
    /// whether it rebuilt. Skipped (false) while changes are arriving.
    pub async fn verify(&self, store: &Store) -> Result<bool, SearchError> {
        self.catch_up(store).await?;
        let mut writer = self.inner.writer.lock().await;
        let before = store.search_identity().await?;
        if before.head != self.applied() {
            return Ok(false);
        }
        let want = store.count_indexable_posts().await?.max(0) as u64;
        // A change committed during the count makes the comparison meaningless.
        if store.search_identity().await?.head != before.head {
            return Ok(false);
        }
        let have = self.num_docs();
        if have == want {
            return Ok(false);
        }
        tracing::warn!(reason = ?Distrust::Diverged, have, want, "search index rebuilding");
        self.rebuild_locked(&mut writer, store, &mut |_, _| {})
            .await?;
        Ok(true)
    }

    /// Applies the changes after `from`; returns the last sequence seen and how
    /// many changes there were. Nothing is committed here.
    async fn replay(
        &self,
        writer: &IndexWriter,
        store: &Store,
        from: i64,
    ) -> Result<(i64, u64), SearchError> {
        let fields = self.inner.fields;
        let mut last = from;
        let mut n = 0u64;
        loop {
            let changes = store.search_changes(last, 1_000).await?;
            let Some(end) = changes.last().map(|c| c.seq) else {
                break;
            };
            let mut threads: Vec<i64> = changes
                .iter()
                .filter(|c| c.post_id.is_none())
                .map(|c| c.thread_id)
                .collect();
            threads.sort_unstable();
            threads.dedup();
            let mut posts: Vec<i64> = changes
                .iter()
                .filter(|c| !threads.contains(&c.thread_id))
                .filter_map(|c| c.post_id)
                .collect();
            posts.sort_unstable();
            posts.dedup();
            for id in threads {
                writer.delete_term(Term::from_field_u64(fields.thread_id, id as u64));
                self.add_all(writer, store, Scope::Thread(id)).await?;
            }
            for id in posts {
                writer.delete_term(Term::from_field_u64(fields.post_id, id as u64));
                self.add_all(writer, store, Scope::Post(id)).await?;
            }
            n += changes.len() as u64;
            last = end;
        }
        Ok((last, n))
    }

    async fn add_all(
        &self,
        writer: &IndexWriter,
        store: &Store,
        scope: Scope,
    ) -> Result<(), SearchError> {
        for d in store.indexable_posts(scope, 100_000).await? {
            writer.add_document(self.document(&d))?;
        }
        Ok(())
    }

    /// Rebuilds the whole index from the database, reporting `(done, total)` posts.
    pub async fn rebuild(
        &self,
        store: &Store,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<u64, SearchError> {
        let mut writer = self.inner.writer.lock().await;
        self.rebuild_locked(&mut writer, store, progress).await
    }

    async fn rebuild_locked(
        &self,
        writer: &mut IndexWriter,
        store: &Store,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<u64, SearchError> {
        self.inner.rebuilding.store(true, Ordering::SeqCst);
        // Progress in the log, every tenth, for an operator watching a long rebuild.
        let mut logged = 0u64;
        let mut report = |done: u64, total: u64| {
            progress(done, total);
            let tenth = done * 10 / total.max(1);
            if tenth > logged {
                logged = tenth;
                tracing::info!(done, total, "search index rebuilding: {}%", tenth * 10);
            }
        };
        let result = match self.refill(writer, store, &mut report).await {
            Ok((done, follows)) => self.commit(writer, follows).map(|()| {
                tracing::info!(posts = done, "search index rebuilt; search is back");
                done
            }),
            Err(e) => {
                self.abandon(writer);
                Err(e)
            }
        };
        self.inner.rebuilding.store(false, Ordering::SeqCst);
        result
    }

    /// Replaces every document with the database's; returns the count and what
    /// the commit is to record.
    async fn refill(
        &self,
        writer: &mut IndexWriter,
        store: &Store,
        progress: &mut (dyn FnMut(u64, u64) + Send),
    ) -> Result<(u64, Follows), SearchError> {
        // The head is read first: changes after it are replayed later, and replaying
        // is idempotent.
        let db = store.search_identity().await?;
        let mark = store.search_change_mark(db.head).await?.unwrap_or_default();
        let total = store.count_posts().await.unwrap_or(0).max(0) as u64;
        writer.delete_all_documents()?;
        let mut after = 0i64;
        let mut done = 0u64;
        loop {
            let docs = store.indexable_posts(Scope::After(after), BATCH).await?;
            let Some(last) = docs.last() else { break };
            after = last.post_id;
            for d in &docs {
                writer.add_document(self.document(d))?;
            }
            done += docs.len() as u64;
            progress(done, total.max(done));
        }
        let follows = Follows {
            seq: db.head,
            db: db.instance,
            mark,
        };
        Ok((done, follows))
    }
}

/// Why the index must not simply replay from where it is, if it must not.
async fn distrust(
    store: &Store,
    follows: &Follows,
    db: &LogIdentity,
) -> Result<Option<Distrust>, SearchError> {
    if follows.seq < 0 {
        return Ok(Some(Distrust::Never));
    }
    if follows.db != db.instance {
        return Ok(Some(Distrust::OtherDatabase));
    }
    if follows.seq > db.head {
        return Ok(Some(Distrust::AheadOfDatabase));
    }
    if !follows.mark.is_empty() {
        let mark = store.search_change_mark(follows.seq).await?;
        if mark.is_some_and(|m| m != follows.mark) {
            return Ok(Some(Distrust::OtherHistory));
        }
    }
    if db.head > follows.seq {
        let tail = store.search_tail().await?;
        if tail.is_some_and(|t| t > follows.seq + 1) || db.head - follows.seq > REPLAY_LIMIT {
            return Ok(Some(Distrust::FarBehind));
        }
    }
    Ok(None)
}
