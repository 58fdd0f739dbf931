//! A full disk, as an unlucky operator meets it: the database's disk (SQLite's data
//! directory, or PostgreSQL's tablespace) fills while members post. Every post the
//! server acknowledged is in the database afterwards, no id is handed out twice, a
//! post that could not be saved comes back with its text and a clear message,
//! `/healthz` says not-ready while writes fail, and the server recovers by itself
//! (writes, health, search) once space returns. Needs root, to mount a small tmpfs.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use sqlx::Row;

use crate::helpers::{backend, ids_from, location, spawn_app_on, TestApp};

/// A small tmpfs, unmounted when dropped.
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> SmallDisk {
        let path =
            std::env::temp_dir().join(format!("rounds-full-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&path).unwrap();
        let ok = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={megabytes}m,mode=0777"),
                "tmpfs",
            ])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "this test mounts a tmpfs: run the suite as root (make test does in CI)"
        );
        SmallDisk { path }
    }

    /// Bytes free.
    fn free(&self) -> u64 {
        let out = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&self.path)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .unwrap()
    }

    /// Fills the disk but for `leave` bytes; returns the filler file.
    fn fill(&self, leave: u64) -> PathBuf {
        let filler = self.path.join("filler");
        let size = self.free().saturating_sub(leave);
        let _ = std::fs::write(&filler, vec![7u8; size as usize]);
        filler
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
        let _ = std::fs::remove_dir(&self.path);
    }
}

/// A database whose data lives on `disk`: a SQLite file there, or a PostgreSQL
/// database in a tablespace there. Returns its URL and the tablespace to drop.
async fn database_on(disk: &SmallDisk) -> (String, Option<String>) {
    if backend() != "postgres" {
        return (
            format!("sqlite://{}", disk.path.join("rounds.db").display()),
            None,
        );
    }
    let base = std::env::var("ROUNDS_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let id = uuid::Uuid::new_v4().simple().to_string();
    let space = disk.path.join("pg");
    std::fs::create_dir_all(&space).unwrap();
    let chown = Command::new("chown")
        .arg("postgres:postgres")
        .arg(&space)
        .status();
    assert!(
        chown.is_ok_and(|s| s.success()),
        "the tablespace directory belongs to postgres"
    );
    let (ts, name) = (format!("rounds_ts_{id}"), format!("rounds_test_{id}"));
    sqlx::any::install_default_drivers();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
        .await
        .unwrap();
    for sql in [
        format!("CREATE TABLESPACE {ts} LOCATION '{}'", space.display()),
        format!("CREATE DATABASE {name} TABLESPACE {ts}"),
    ] {
        sqlx::Executor::execute(&mut conn, sql.as_str())
            .await
            .unwrap();
    }
    let (prefix, _) = base.rsplit_once('/').unwrap();
    (format!("{prefix}/{name}"), Some(ts))
}

async fn drop_database(url: &str, tablespace: Option<String>) {
    let Some(ts) = tablespace else { return };
    let base = std::env::var("ROUNDS_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let name = url.rsplit('/').next().unwrap();
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&base)
        .await
        .unwrap();
    for sql in [
        format!("DROP DATABASE {name} WITH (FORCE)"),
        format!("DROP TABLESPACE {ts}"),
    ] {
        let _ = sqlx::Executor::execute(&mut conn, sql.as_str()).await;
    }
}

async fn health(app: &TestApp) -> u16 {
    app.get("/healthz").await.status().as_u16()
}

fn body_of(n: usize) -> String {
    // About 1.5 KB each, so the disk fills within a few dozen posts.
    format!(
        "Case {n}: cefazolin prophylaxis timing before incision. {}",
        "Redose after four hours or heavy blood loss; weight-based dosing above 120 kg. "
            .repeat(18)
    )
}

#[tokio::test]
async fn a_full_disk_loses_no_acknowledged_post_and_the_server_recovers_by_itself() {
    let disk = SmallDisk::mount(if backend() == "postgres" { 24 } else { 12 });
    let (db_url, tablespace) = database_on(&disk).await;
    let dir = tempfile::tempdir_in(&disk.path).unwrap();
    let app = spawn_app_on(dir, db_url.clone()).await;
    app.member("a@example.jp", "aoki_im").await;
    assert_eq!(health(&app).await, 200);

    let filler = disk.fill(256 * 1024);
    let mut acknowledged = Vec::new();
    let mut refused = 0;
    for n in 0..400 {
        let body = body_of(n);
        let res = app.post_thread(&format!("Prophylaxis {n}"), &body).await;
        match res.status().as_u16() {
            303 => acknowledged.push(ids_from(&location(&res)).0),
            503 => {
                let page = res.text().await.unwrap();
                assert!(
                    page.contains(&format!("Prophylaxis {n}")),
                    "the title is kept"
                );
                assert!(
                    page.contains(&format!("Case {n}: cefazolin")),
                    "the text is kept"
                );
                assert!(page.contains("cannot save right now"), "the reason is said");
                refused += 1;
                if refused == 1 {
                    assert_eq!(health(&app).await, 503, "not ready while writes fail");
                }
                if refused >= 5 {
                    break;
                }
            }
            other => panic!("post {n}: unexpected status {other}"),
        }
    }
    assert!(
        refused >= 5,
        "the disk filled ({} posts acknowledged)",
        acknowledged.len()
    );

    // Space returns: no restart, the server takes writes again.
    std::fs::remove_file(&filler).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while health(&app).await != 200 {
        assert!(Instant::now() < deadline, "healthz did not recover");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let (after, _) = app.start_thread("Prophylaxis after", &body_of(999)).await;
    assert!(after > 0, "a post is acknowledged again");
    acknowledged.push(after);

    // Every acknowledged post is in the database, read by a fresh connection.
    let mut unique = acknowledged.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        acknowledged.len(),
        "no thread id handed out twice"
    );
    let store = store::Store::connect(&db_url).await.unwrap();
    let ids = acknowledged
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let found: i64 = sqlx::query(&format!(
        "SELECT COUNT(*) AS n FROM posts WHERE number = 1 AND thread_id IN ({ids})"
    ))
    .fetch_one(store.pool())
    .await
    .unwrap()
    .get("n");
    assert_eq!(
        found as usize,
        acknowledged.len(),
        "every acknowledged post is stored"
    );

    // The index heals too: every acknowledged post is searchable.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let total = app.search("cefazolin").await.total as usize;
        if total == acknowledged.len() {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "search finds {total} of {}",
            acknowledged.len()
        );
        // A write makes the server apply the log; so does its follower.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    drop(store);
    drop(app);
    drop_database(&db_url, tablespace).await;
}

/// An operator may give the index a volume of its own: an unreadable index there is
/// rebuilt in the mount point itself, which cannot be removed (it used to stop the
/// server with "Device or resource busy").
#[tokio::test]
async fn an_index_on_its_own_mount_point_is_rebuilt_in_place() {
    let disk = SmallDisk::mount(16);
    std::fs::write(disk.path.join("meta.json"), b"not an index").unwrap();
    std::fs::create_dir_all(disk.path.join("lost+found")).unwrap();
    let (_index, opened) =
        search::SearchIndex::open(&disk.path).expect("the index opens on a mount point");
    assert_eq!(opened, search::Opened::Fresh, "rebuilt from the database");
    let meta = std::fs::read_to_string(disk.path.join("meta.json")).unwrap();
    assert!(meta.contains("segments"), "a new index was made in place");
    assert!(
        disk.path.join("lost+found").is_dir(),
        "the volume's own files stay"
    );
}
