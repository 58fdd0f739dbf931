//! Scans the dev corpus, joined into ≈2 KB posts, `ITERS` times (default 200) on one
//! thread and prints MB/s and µs per post — run under `perf stat -e task-clock` to
//! get CPU time rather than wall time on a busy machine. Corpus path in
//! `ROUNDS_PHI_CORPUS`, default `../shared/phi/dev.jsonl`.

fn main() {
    let path =
        std::env::var("ROUNDS_PHI_CORPUS").unwrap_or_else(|_| "../shared/phi/dev.jsonl".into());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let mut posts = Vec::new();
    let mut cur = String::new();
    for v in raw
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
    {
        cur.push_str(v["text"].as_str().unwrap_or(""));
        cur.push(' ');
        if cur.len() > 2000 {
            posts.push(std::mem::take(&mut cur));
        }
    }
    let _ = phi::scan("warm");
    let iters: usize = std::env::var("ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let start = std::time::Instant::now();
    let (mut bytes, mut findings) = (0usize, 0usize);
    for _ in 0..iters {
        for p in &posts {
            findings += phi::scan(p).findings.len();
            bytes += p.len();
        }
    }
    let el = start.elapsed().as_secs_f64();
    println!(
        "{} posts, {:.1} MB/s, {:.1} us/post, {findings} findings",
        posts.len(),
        bytes as f64 / el / 1e6,
        el * 1e6 / (iters * posts.len()) as f64
    );
}
