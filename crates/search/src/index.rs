//! The tantivy index of published posts: opening (a missing or corrupt index is
//! replaced by an empty one), documents, commits and compaction. Each commit stores
//! which database the index follows and the last change it applied
//! ([`Follows`]), so after a crash the index resumes where its last commit ended;
//! following and healing live in [`crate::sync`].

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument};
use tokio::sync::{watch, Mutex, Notify};

use super::analyzer::RoundsTokenizer;
pub use super::schema::Fields;
use super::schema::{schema, SCHEMA_VERSION, TOKENIZER};
use store::search_log::IndexDoc;
use store::StoreError;

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
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    dir: PathBuf,
    index: Index,
    reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) writer: Mutex<IndexWriter>,
    /// The last sequence committed; searches wait on it for read-your-writes.
    pub(crate) applied: watch::Sender<i64>,
    /// Wakes the follower (a write was committed to the database).
    pub(crate) wake: Notify,
    /// A rebuild from the database is running (searches say so instead of waiting).
    pub(crate) rebuilding: AtomicBool,
    /// What the last commit recorded (read and written under the writer's lock).
    follows: std::sync::Mutex<Follows>,
}

/// What an index commit records about the database it follows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Follows {
    /// The last change-log sequence applied (-1: never built).
    pub seq: i64,
    /// The id of the database (see `store::search_identity`).
    #[serde(default)]
    pub db: String,
    /// The mark of the change at `seq`, empty when the log did not hold it.
    #[serde(default)]
    pub mark: String,
}

#[derive(Serialize, Deserialize)]
struct Payload {
    schema: u32,
    #[serde(flatten)]
    follows: Follows,
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

fn read_payload(index: &Index) -> Option<Follows> {
    let meta = index.load_metas().ok()?;
    let p: Payload = serde_json::from_str(meta.payload.as_deref()?).ok()?;
    (p.schema == SCHEMA_VERSION).then_some(p.follows)
}

/// Empties the index directory but keeps it: an operator may mount a volume there,
/// and a mount point cannot be removed (EBUSY). A filesystem's `lost+found` stays.
fn clear_dir(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name() == "lost+found" {
            continue;
        }
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())?;
        } else {
            std::fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

fn try_open(dir: &Path) -> Option<(Index, Follows)> {
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
        let (index, follows, opened) = match try_open(dir) {
            Some((index, follows)) => (index, follows, Opened::Existing),
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
                    clear_dir(dir)?;
                }
                std::fs::create_dir_all(dir)?;
                let (schema, _) = schema();
                let never = Follows {
                    seq: -1,
                    ..Follows::default()
                };
                (Index::create_in_dir(dir, schema)?, never, Opened::Fresh)
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
                    applied: watch::Sender::new(follows.seq),
                    wake: Notify::new(),
                    rebuilding: AtomicBool::new(opened == Opened::Fresh),
                    follows: std::sync::Mutex::new(follows),
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
        *self.inner.applied.borrow()
    }

    /// Whether a rebuild from the database is running or due (a fresh index).
    pub fn rebuilding(&self) -> bool {
        self.inner.rebuilding.load(Ordering::SeqCst)
    }

    /// The sequence stored in the index's last commit, read from disk.
    pub fn committed_seq(&self) -> Option<i64> {
        read_payload(&self.inner.index).map(|f| f.seq)
    }

    /// What the last commit of this process recorded.
    pub fn follows(&self) -> Follows {
        self.inner
            .follows
            .lock()
            .map(|f| f.clone())
            .unwrap_or_default()
    }

    /// Documents the index holds (after its last commit).
    pub fn num_docs(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    pub(crate) fn document(&self, d: &IndexDoc) -> TantivyDocument {
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
            f.status => d.status,
        );
        if d.number == 1 {
            doc.add_text(f.title, &d.title);
        }
        for tag in &d.tags {
            doc.add_text(f.tags, tag.to_lowercase());
        }
        doc
    }

    /// Commits what the writer holds, recording `follows`. Only a commit that
    /// succeeded advances the sequence; after a failed one the writer is rolled back
    /// (which also replaces a writer whose threads died, as on a full disk), so the
    /// next catch-up replays the same changes.
    pub(crate) fn commit(
        &self,
        writer: &mut IndexWriter,
        follows: Follows,
    ) -> Result<(), SearchError> {
        let payload = serde_json::to_string(&Payload {
            schema: SCHEMA_VERSION,
            follows: follows.clone(),
        })
        .map_err(|e| tantivy::TantivyError::SystemError(e.to_string()))?;
        let committed = writer
            .prepare_commit()
            .and_then(|mut prepared| {
                prepared.set_payload(&payload);
                prepared.commit()
            })
            .map_err(SearchError::from);
        if let Err(e) = committed {
            self.abandon(writer);
            return Err(e);
        }
        self.inner.reader.reload()?;
        self.inner.applied.send_replace(follows.seq);
        if let Ok(mut f) = self.inner.follows.lock() {
            *f = follows;
        }
        Ok(())
    }

    /// Drops what the writer holds since its last commit (after a failure).
    pub(crate) fn abandon(&self, writer: &mut IndexWriter) {
        if let Err(e) = writer.rollback() {
            tracing::error!(error = %e, "search index writer could not be rolled back");
        }
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
            let follows = self.follows();
            self.commit(&mut writer, follows)?;
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
