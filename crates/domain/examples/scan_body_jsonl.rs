//! Scans JSON lines `{"id", "text"}` from standard input as the gate scans a post body
//! (source and rendered text, `domain::screening::scan_body`) and prints the held ones
//! with their findings' kinds and rules — for checking seed content and corpora.
//!
//!     cargo run -p domain --features cmark --release --example scan_body_jsonl < posts.jsonl
use std::io::BufRead;

fn main() {
    let d = phi::Detector::new(phi::SiteLists::default());
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or("");
        let found = domain::screening::scan_body(&d, text);
        if !found.is_empty() {
            let what: Vec<String> = found
                .iter()
                .map(|f| {
                    format!(
                        "{} {:?} ({})",
                        f.kind.as_str(),
                        &text[f.start..f.end],
                        f.rule
                    )
                })
                .collect();
            println!("{} {what:?}", v["id"]);
        }
    }
}
