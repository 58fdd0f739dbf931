//! Connections that idle or send slowly are closed, without affecting others: a
//! client that never finishes its headers, or stops sending its body, is cut off
//! after the client time limit while `/healthz` keeps answering on other connections.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::spawn_app;
use crate::search_ops::serve_with;

/// Reads until the server closes the connection; returns what it sent and how long
/// that took (a bounded wait: the test fails rather than hangs).
async fn until_closed(stream: &mut TcpStream) -> (String, Duration) {
    let start = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(Duration::from_secs(20), stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break,
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Err(_) => panic!("the server kept a stalled connection open for 20 s"),
        }
    }
    (String::from_utf8_lossy(&got).to_string(), start.elapsed())
}

async fn healthy(address: &str) {
    let res = reqwest::get(format!("{address}/healthz")).await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "others are served meanwhile");
}

#[tokio::test]
async fn stalled_headers_and_stalled_bodies_are_cut_off_without_affecting_others() {
    let app = spawn_app().await;
    let dir = app.settings.data_dir.join("slow");
    std::fs::create_dir_all(&dir).unwrap();
    let server = serve_with(&app, &dir, &[("ROUNDS_CLIENT_TIMEOUT_MS", "1000")]).await;
    let host = server.address.trim_start_matches("http://").to_string();

    // Headers that never finish.
    let mut slow_headers = Vec::new();
    for _ in 0..20 {
        let mut s = TcpStream::connect(&host).await.unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            .await
            .unwrap();
        slow_headers.push(s);
    }
    // A body that stops arriving.
    let mut slow_body = TcpStream::connect(&host).await.unwrap();
    slow_body
        .write_all(
            b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=a",
        )
        .await
        .unwrap();
    healthy(&server.address).await;

    for s in &mut slow_headers {
        let (_, took) = until_closed(s).await;
        assert!(
            took < Duration::from_secs(10),
            "closed after the time limit ({took:?})"
        );
    }
    let (answer, _) = until_closed(&mut slow_body).await;
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
        "a stalled body is refused, never served: {answer:?}"
    );
    healthy(&server.address).await;
}
