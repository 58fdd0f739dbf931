//! Writes synthetic seed posts as labelled clean posts (JSON lines in the corpora's
//! format) for the PHI trainer: the seed generator writes clinicians' ordinary
//! questions with no patient data by construction, so every line is `phi: false`.
//! Posts 2000..(2000 + N) are written; the seed test checks posts 0..2000, which the
//! trainer therefore never sees.
//!
//!     cargo run -p server --example seed_texts -- 1500 > crates/phi/corpus/seed/clean.jsonl

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1500);
    for i in 2000..2000 + n {
        let p = server::seed::synthetic::synthetic_post(i);
        for (what, text) in [("t", &p.title), ("b", &p.body)] {
            let line = serde_json::json!({
                "id": format!("seed-{i}-{what}"),
                "lang": p.lang,
                "text": text,
                "phi": false,
                "spans": [],
            });
            println!("{line}");
        }
    }
}
