//! The tantivy index of published posts: opening (rebuilding a missing or
//! corrupt index), following the database's change log, and rebuilding. Each commit
//! stores the last change-log sequence it applied, so after a crash the index
//! resumes where its last commit ended.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};
use tokio::sync::Mutex;

use super::analyzer::RoundsTokenizer;
pub use super::schema::Fields;
use super::schema::{schema, SCHEMA_VERSION, TOKENIZER};
use store::search_log::{IndexDoc, Scope};
use store::{Store, StoreError};

/// Posts read from the database per batch when rebuilding.
const BATCH: i64 = 2_000;
/// When an index is this far behind the log, rebuilding is quicker than replaying.
const REPLAY_LIMIT: i64 = 20_000;

/// Errors of the search index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed (I/O, a corrupt file, a lock held by another process).
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The index directory could not be prepared.
    #[error("search index directory: {0}")]
    Io(#[from] std::io::Error),
}

/// The search index of one process, shared by its request handlers.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    fields: Fields,
    writer: Mutex<IndexWriter>,
    applied: AtomicI64,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("dir", &self.inner.dir)
            .field("applied", &self.applied())
            .finish()
    }
}

/// How opening went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// An existing index of this version, to be caught up.
    Existing,
    /// Missing, corrupt or of another version: created empty, must be rebuilt.
    Fresh,
}

fn payload(seq: i64) -> String {
    format!("{{\"seq\":{seq},\"schema\":{SCHEMA_VERSION}}}")
}

fn read_payload(index: &Index) -> Option<i64> {
    let meta = index.load_metas().ok()?;
    let v: serde_json::Value = serde_json::from_str(meta.payload.as_deref()?).ok()?;
    if v.get("schema")?.as_u64()? != u64::from(SCHEMA_VERSION) {
        return None;
    }
    v.get("seq")?.as_i64()
}

fn try_open(dir: &Path) -> Option<(Index, i64)> {
    let index = Index::open_in_dir(dir).ok()?;
    let seq = read_payload(&index)?;
    // Every file carries a checksum: a truncated or damaged segment means rebuild.
    if !index.validate_checksum().ok()?.is_empty() {
        return None;
    }
    let (ours, _) = schema();
    (index.schema() == ours).then_some((index, seq))
}

impl SearchIndex {
    /// Opens the index in `dir`; a missing, unreadable or outdated index is replaced
    /// by an empty one (the caller then rebuilds it with [`SearchIndex::catch_up`]).
    pub fn open(dir: &Path) -> Result<(SearchIndex, Opened), SearchError> {
        let (index, applied, opened) = match try_open(dir) {
            Some((index, seq)) => (index, seq, Opened::Existing),
            None => {
                if dir.exists() {
                    // Another process writing here (a shared directory, misconfigured)
                    // holds the writer lock: refuse rather than delete its index.
                    {
                        use tantivy::directory::{Directory, MmapDirectory, INDEX_WRITER_LOCK};
                        let held = MmapDirectory::open(dir)
                            .map_err(|e| tantivy::TantivyError::SystemError(e.to_string()))?;
                        held.acquire_lock(&INDEX_WRITER_LOCK)
                            .map_err(|e| tantivy::TantivyError::SystemError(e.to_string()))?;
                    }
                    tracing::warn!(dir = %dir.display(), "search index unreadable or outdated; rebuilding");
                    std::fs::remove_dir_all(dir)?;
                }
                std::fs::create_dir_all(dir)?;
                let (schema, _) = schema();
                (Index::create_in_dir(dir, schema)?, -1, Opened::Fresh)
            }
        };
        index
            .tokenizers()
            .register(TOKENIZER, RoundsTokenizer::default());
        let (_, fields) = schema();
        // Two threads and 64 MB: enough for a rebuild of 100 000 posts in seconds,
        // small beside the server.
        let writer = index.writer_with_num_threads(2, 64_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok((
            SearchIndex {
                inner: Arc::new(Inner {
                    dir: dir.to_path_buf(),
                    index,
                    reader,
                    fields,
                    writer: Mutex::new(writer),
                    applied: AtomicI64::new(applied),
                }),
            },
            opened,
        ))
    }

    /// The fields of the schema.
    pub fn fields(&self) -> Fields {
        self.inner.fields
    }

    /// The reader searches go through.
    pub fn reader(&self) -> &IndexReader {
        &self.inner.reader
    }

    /// The index (query building needs its tokenizers and schema).
    pub fn index(&self) -> &Index {
        &self.inner.index
    }

    /// The last change-log sequence this index has committed (-1: never built).
    pub fn applied(&self) -> i64 {
        self.inner.applied.load(Ordering::SeqCst)
    }

    /// The sequence stored in the index's last commit, read from disk.
    pub fn committed_seq(&self) -> Option<i64> {
        read_payload(&self.inner.index)
    }

    /// Brings the index up to the database's change log: replays what changed since
    /// the last commit, or rebuilds when the index is new or too far behind.
    /// Returns how many changes were applied.
    pub async fn catch_up(&self, store: &Store) -> Result<u64, SearchError> {
        let mut writer = self.inner.writer.lock().await;
        let applied = self.applied();
        let head = store.search_head().await?;
        if head <= applied && applied >= 0 {
            return Ok(0);
        }
        let tail = store.search_tail().await?;
        let gap = tail.is_some_and(|t| t > applied + 1);
        if applied < 0 || gap || head - applied > REPLAY_LIMIT {
            self.rebuild_locked(&mut writer, store, &mut |_, _| {})
                .await?;
            return Ok((head - applied.max(0)) as u64);
        }
        let mut last = applied;
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
                let f = self.inner.fields.thread_id;
                writer.delete_term(Term::from_field_u64(f, id as u64));
                self.add_all(&writer, store, Scope::Thread(id)).await?;
            }
            for id in posts {
                let f = self.inner.fields.post_id;
                writer.delete_term(Term::from_field_u64(f, id as u64));
                self.add_all(&writer, store, Scope::Post(id)).await?;
            }
            n += changes.len() as u64;
            last = end;
        }
        self.commit(&mut writer, last.max(head))?;
        Ok(n)
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
        // The head is read first: changes after it are replayed later, and replaying
        // is idempotent.
        let head = store.search_head().await?;
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
        self.commit(writer, head)?;
        tracing::info!(posts = done, seq = head, "search index rebuilt");
        Ok(done)
    }

    fn document(&self, d: &IndexDoc) -> TantivyDocument {
        let f = &self.inner.fields;
        let mut doc = doc!(
            f.post_id => d.post_id as u64,
            f.thread_id => d.thread_id as u64,
            f.author_id => d.author_id as u64,
            f.category_id => d.category_id as u64,
            f.body => d.body.as_str(),
            f.author => d.author.as_str(),
            f.created => d.created,
            f.updated => d.updated,
        );
        if d.number == 1 {
            doc.add_text(f.title, &d.title);
        }
        for tag in &d.tags {
            doc.add_text(f.tags, tag.to_lowercase());
        }
        doc
    }

    fn commit(&self, writer: &mut IndexWriter, seq: i64) -> Result<(), SearchError> {
        let mut prepared = writer.prepare_commit()?;
        prepared.set_payload(&payload(seq));
        prepared.commit()?;
        self.inner.reader.reload()?;
        self.inner.applied.store(seq, Ordering::SeqCst);
        Ok(())
    }

    /// Rewrites segments that hold deleted posts, so deleted text leaves the index
    /// files, then removes files no longer used. Run with the hourly maintenance.
    pub async fn compact(&self) -> Result<(), SearchError> {
        let mut writer = self.inner.writer.lock().await;
        let searcher = self.inner.reader.searcher();
        let with_deletes: Vec<_> = searcher
            .segment_readers()
            .iter()
            .filter(|s| s.num_deleted_docs() > 0)
            .map(|s| s.segment_id())
            .collect();
        if !with_deletes.is_empty() {
            writer.merge(&with_deletes).wait()?;
            let seq = self.applied();
            self.commit(&mut writer, seq)?;
        }
        writer.garbage_collect_files().wait()?;
        Ok(())
    }

    /// Size of the index files in bytes.
    pub fn size_bytes(&self) -> u64 {
        dir_size(&self.inner.dir)
    }
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|it| {
            it.filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
