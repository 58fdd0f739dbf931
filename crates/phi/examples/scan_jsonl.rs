//! Scans JSON lines `{"id", "text"}` from standard input with the default detector and
//! writes `{"id", "hold", "findings"}` lines in the scorer's format (byte offsets) — for
//! scoring a labelled corpus without building the server:
//!
//!     cargo run -q -p phi --release --example scan_jsonl < corpus.jsonl > out.jsonl
//!     python3 ../shared/phi/score.py corpus.jsonl out.jsonl
//!
//! `--rules-only` scans with the recognizers alone (the baseline).

use std::io::{BufRead, Write};

fn main() {
    // `--rules-only`: the recognizers without the model (the baseline).
    let detector = if std::env::args().any(|a| a == "--rules-only") {
        phi::Detector::rules_only(phi::SiteLists::default())
    } else {
        phi::Detector::new(phi::SiteLists::default())
    };
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let scan = detector.scan(text);
        let findings: Vec<serde_json::Value> = scan
            .findings
            .iter()
            .map(|f| serde_json::json!({"kind": f.kind.as_str(), "start": f.start, "end": f.end}))
            .collect();
        let row = serde_json::json!({"id": v["id"], "hold": scan.hold, "findings": findings});
        let _ = writeln!(out, "{row}");
    }
}
