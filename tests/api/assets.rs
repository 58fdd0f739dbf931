//! The browser bundle: pages link its content-hashed names, which are served
//! pre-compressed (brotli, gzip) to browsers that accept it and cached as immutable;
//! unhashed names must be revalidated.

use crate::helpers::{fresh_database, spawn_app_on};

const HASH: &str = "00112233445566aa";

#[tokio::test]
async fn hashed_bundle_files_are_linked_compressed_and_immutable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pkg = dir.path().join("site").join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let js = "export default function init() {}\n".repeat(50);
    for (suffix, body) in [
        (".js", js.as_str()),
        ("_bg.wasm", "\0asm"),
        (".css", "body{}"),
    ] {
        let name = format!("rounds.{HASH}{suffix}");
        std::fs::write(pkg.join(&name), body).unwrap();
        std::fs::write(pkg.join(format!("{name}.br")), format!("br:{suffix}")).unwrap();
        std::fs::write(pkg.join(format!("{name}.gz")), format!("gz:{suffix}")).unwrap();
    }
    std::fs::write(pkg.join("rounds.js"), &js).unwrap();
    std::fs::write(pkg.join("hash.txt"), format!("{HASH}\n")).unwrap();
    let db = fresh_database(dir.path()).await;
    let app = spawn_app_on(dir, db).await;

    let (status, page) = app.page("/login").await;
    assert_eq!(status, 200);
    for linked in [
        format!("/pkg/rounds.{HASH}.css"),
        format!("pkg/rounds.{HASH}"),
        format!("rounds.{HASH}_bg"),
    ] {
        assert!(page.contains(&linked), "{linked} not linked in\n{page}");
    }
    assert!(
        !page.contains("/pkg/rounds.css"),
        "the unhashed name is not linked"
    );

    let get = |path: String, accept: &'static str| {
        let client = reqwest::Client::new();
        let url = format!("{}{path}", app.address);
        async move {
            client
                .get(url)
                .header("accept-encoding", accept)
                .send()
                .await
                .expect("GET")
        }
    };
    let res = get(format!("/pkg/rounds.{HASH}_bg.wasm"), "gzip, deflate, br").await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["content-encoding"], "br");
    assert_eq!(
        res.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(res.headers()["content-type"], "application/wasm");
    assert_eq!(res.text().await.unwrap(), "br:_bg.wasm");
    let res = get(format!("/pkg/rounds.{HASH}.js"), "gzip").await;
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let res = get(format!("/pkg/rounds.{HASH}.css"), "identity").await;
    assert!(res.headers().get("content-encoding").is_none());
    assert_eq!(res.text().await.unwrap(), "body{}");
    let res = get("/pkg/rounds.js".into(), "br").await;
    assert_eq!(res.headers()["cache-control"], "no-cache");
    let res = get("/pkg/../hash.txt".into(), "").await;
    assert_ne!(res.status().as_u16(), 500);
}
