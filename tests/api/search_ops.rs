//! Search operations: the index follows the change log across a crash, rebuilds
//! itself when missing or corrupt, and two `rounds serve` processes on one
//! database (each with its own index) return the same results after a change.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use search::exec::Plan;
use search::{query, Opened, SearchIndex};
use store::Store;

use crate::helpers::{spawn_app, TestApp};

/// Post ids an index (not a server) finds for `q`.
pub(crate) fn find(index: &SearchIndex, q: &str) -> Vec<i64> {
    let plan = Plan {
        parsed: query::parse(q).expect("query parses"),
        ..Plan::default()
    };
    let built = search::exec::build(&index.fields(), &plan).expect("query builds");
    index
        .run(built.as_ref(), query::Order::Relevance, 0, 20)
        .expect("search runs")
        .post_ids
}

/// Opens an index in `dir` the way `rounds serve` does at start.
pub(crate) async fn start_index(app: &TestApp, dir: &Path) -> SearchIndex {
    let mut settings = app.settings.clone();
    settings.search_dir = dir.to_path_buf();
    let store = app.store().await;
    server::open_search(&settings, &store)
        .await
        .expect("search opens")
}

#[tokio::test]
async fn the_index_catches_up_after_a_crash_between_the_database_and_index_commits() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, first) = app
        .start_thread("Night-time falls", "Bed alarms and hip protectors.")
        .await;
    let dir = app.settings.data_dir.join("second-index");
    let index = start_index(&app, &dir).await;
    assert_eq!(find(&index, "protectors"), vec![first]);
    let seq_before = index
        .committed_seq()
        .expect("a commit records its sequence");
    // The "crash": this index stops; the database goes on committing changes.
    drop(index);
    let (_, second) = app
        .start_thread("Preventing falls", "Strength and balance classes.")
        .await;
    let store = app.store().await;
    assert!(store.search_head().await.unwrap() > seq_before);
    // On start it opens the same files (no rebuild) and applies what it missed.
    let (reopened, how) = SearchIndex::open(&dir).expect("reopens");
    assert_eq!(how, Opened::Existing);
    assert_eq!(reopened.applied(), seq_before);
    assert!(find(&reopened, "balance").is_empty(), "not yet applied");
    reopened.catch_up(&store).await.expect("catch up");
    assert_eq!(find(&reopened, "balance"), vec![second]);
    assert_eq!(
        reopened.committed_seq(),
        Some(store.search_head().await.unwrap())
    );
}

#[tokio::test]
async fn a_missing_or_corrupt_index_is_rebuilt_at_start() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, post) = app
        .start_thread("褥瘡の処置", "ポリウレタンフォームを使っています。")
        .await;
    let dir = app.settings.data_dir.join("rebuilt-index");
    drop(start_index(&app, &dir).await);
    // Deleted.
    std::fs::remove_dir_all(&dir).unwrap();
    let index = start_index(&app, &dir).await;
    assert_eq!(find(&index, "褥瘡"), vec![post]);
    drop(index);
    // Corrupt: its metadata overwritten.
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    let index = start_index(&app, &dir).await;
    assert_eq!(find(&index, "褥瘡"), vec![post]);
    drop(index);
    // A segment file truncated.
    let segment = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("a segment file");
    std::fs::write(&segment, b"").unwrap();
    let index = start_index(&app, &dir).await;
    assert_eq!(find(&index, "フォーム"), vec![post]);
    // While a process writes to the directory, a damaged-looking index is not
    // deleted under it: a second opener stops with an error instead.
    std::fs::write(dir.join("meta.json"), b"{ not json").unwrap();
    assert!(SearchIndex::open(&dir).is_err(), "the directory is in use");
    drop(index);
    assert!(SearchIndex::open(&dir).is_ok(), "rebuilt once free");
}

#[tokio::test]
async fn reindex_rebuilds_from_the_database_and_reports_progress() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    for title in [
        "Sepsis on the ward",
        "Sepsis in the elderly",
        "Sepsis screening tools",
    ] {
        let (thread, _) = app
            .start_thread(title, "Lactate and cultures first, then antibiotics.")
            .await;
        assert!(thread > 0, "published, not held");
    }
    let (index, _) = SearchIndex::open(&app.settings.data_dir.join("reindexed")).unwrap();
    let mut seen = Vec::new();
    let n = index
        .rebuild(&app.store().await, &mut |done, total| {
            seen.push((done, total))
        })
        .await
        .unwrap();
    assert_eq!(n, 3);
    assert_eq!(seen.last(), Some(&(3, 3)));
    assert_eq!(find(&index, "sepsis").len(), 3);
}

/// The `rounds` binary built beside this test (`cargo build -p server`).
pub(crate) fn rounds_bin() -> PathBuf {
    let bin = std::env::var_os("ROUNDS_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/rounds"));
    assert!(
        bin.exists(),
        "build the server first: cargo build -p server ({})",
        bin.display()
    );
    bin
}

/// A `rounds serve` process, killed when dropped.
pub(crate) struct Serve {
    child: Child,
    /// `http://127.0.0.1:PORT`
    pub(crate) address: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn serve(app: &TestApp, data_dir: &Path) -> Serve {
    serve_with(app, data_dir, &[]).await
}

/// `rounds serve` on `app`'s database with extra environment variables.
pub(crate) async fn serve_with(app: &TestApp, data_dir: &Path, env: &[(&str, &str)]) -> Serve {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(rounds_bin())
        .arg("serve")
        // Every node of one database shares its audit key.
        .env("ROUNDS_AUDIT_KEY_FILE", &app.settings.audit_key_file)
        .envs(env.iter().copied())
        .env("ROUNDS_DATABASE_URL", &app.db_url)
        .env("ROUNDS_DATA_DIR", data_dir)
        .env("ROUNDS_LISTEN", format!("127.0.0.1:{port}"))
        .env("ROUNDS_SEARCH_POLL_MS", "100")
        .env("ROUNDS_SITE_ROOT", data_dir.join("site"))
        // Everything the server logs, at the most detailed level, goes to a file the
        // test reads: no query and no post text may appear in it.
        .env("ROUNDS_LOG", "debug")
        .stdout(Stdio::null())
        .stderr(Stdio::from(
            std::fs::File::create(data_dir.with_extension("log")).expect("log file"),
        ))
        .spawn()
        .expect("rounds serve starts");
    let address = format!("http://127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(r) = reqwest::get(format!("{address}/healthz")).await {
            if r.status().is_success() {
                break;
            }
        }
        assert!(Instant::now() < deadline, "rounds serve did not come up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Serve { child, address }
}

/// Waits until both servers return `want` for `q` (each follows the shared log).
async fn both_find(a: &TestApp, b: &TestApp, q: &str, want: &[i64]) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let ra: Vec<i64> = a.search(q).await.hits.iter().map(|h| h.post_id).collect();
        let rb: Vec<i64> = b.search(q).await.hits.iter().map(|h| h.post_id).collect();
        if ra == want && rb == want {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{q}: first {ra:?}, second {rb:?}, want {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn two_server_processes_on_one_database_return_the_same_results_after_a_change() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    let (_, early) = app
        .start_thread("Delirium screening", "We use the 4AT on admission.")
        .await;
    let dirs = (
        app.settings.data_dir.join("node-1"),
        app.settings.data_dir.join("node-2"),
    );
    let (p1, p2) = (serve(&app, &dirs.0).await, serve(&app, &dirs.1).await);
    // The same browser session works on both: sessions live in the database.
    let (n1, n2) = (app.on(&p1.address), app.on(&p2.address));
    both_find(&n1, &n2, "4AT", &[early]).await;

    // A thread written through the first process is found through the second.
    let (_, post) = n1
        .start_thread(
            "Delirium prevention bundle",
            "Glasses, hearing aids and the 4AT daily.",
        )
        .await;
    let mut want = vec![post, early];
    let r = n1.search("4AT").await;
    want.sort_by_key(|id| r.hits.iter().position(|h| h.post_id == *id));
    both_find(&n1, &n2, "4AT", &want).await;
    both_find(&n1, &n2, "hearing", &[post]).await;

    // An edit through the second, a deletion through the first.
    let res = n2
        .post_form(
            &format!("/p/{post}"),
            &[
                ("action", "edit"),
                ("title", "Delirium prevention bundle"),
                ("tags", ""),
                ("body", "Glasses and sleep hygiene."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    both_find(&n1, &n2, "hearing", &[]).await;
    both_find(&n1, &n2, "hygiene", &[post]).await;
    let res = n1
        .post_form(&format!("/p/{early}"), &[("action", "delete")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    both_find(&n1, &n2, "4AT", &[]).await;
    let store: Store = app.store().await;
    assert!(store.search_head().await.unwrap() > 0);
    drop((p1, p2));
    for dir in [&dirs.0, &dirs.1] {
        let log = std::fs::read_to_string(dir.with_extension("log")).unwrap();
        assert!(log.contains("search index"), "the log was captured");
        for secret in [
            "4AT",
            "hearing",
            "hygiene",
            "Glasses",
            "Delirium prevention",
        ] {
            let leaks: Vec<&str> = log.lines().filter(|l| l.contains(secret)).collect();
            assert!(
                leaks.is_empty(),
                "{secret:?} appears in the server log: {leaks:?}"
            );
        }
    }
}

#[tokio::test]
async fn a_deleted_post_leaves_the_index_files_when_the_index_is_compacted() {
    let app = spawn_app().await;
    app.member("a@example.jp", "aoki_im").await;
    // Thirteen posts share the word, so the one deleted shares its segment with
    // others (a segment whose documents are all deleted is dropped at once).
    let (thread, _) = app
        .start_thread("Quokka bites", "A quokka bite cleaned with saline.")
        .await;
    for i in 0..11 {
        app.reply(
            thread,
            &format!("Another quokka bite, case {i}, healed well."),
        )
        .await;
    }
    let loc = app
        .reply(thread, "A quokka reply that its author deletes.")
        .await;
    let (_, gone) = crate::helpers::ids_from(&loc);
    let dir = app.settings.data_dir.join("compacted");
    let index = start_index(&app, &dir).await;
    let term = tantivy::Term::from_field_text(index.fields().body, "quokka");
    let freq = |index: &SearchIndex| index.reader().searcher().doc_freq(&term).unwrap();
    assert_eq!(freq(&index), 13);
    let res = app
        .post_form(&format!("/p/{gone}"), &[("action", "delete")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    index.catch_up(&app.store().await).await.unwrap();
    assert_eq!(find(&index, "quokka").len(), 12, "no longer found");
    // Deleted documents are only marked until their segment is rewritten.
    assert_eq!(
        freq(&index),
        13,
        "still in the segment files before compaction"
    );
    index.compact().await.unwrap();
    assert_eq!(
        freq(&index),
        12,
        "gone from the term dictionary and postings"
    );
    assert_eq!(find(&index, "quokka").len(), 12);
}
