//! Scans one named 1 MiB input once — for counting instructions under callgrind
//! (`valgrind --tool=callgrind ./target/release/examples/phi_one NAME`), which is
//! repeatable whatever else the machine does. NAME: mixed (the dev corpus joined;
//! path in `ROUNDS_PHI_CORPUS`, default `../shared/phi/dev.jsonl`), digits, kanji, at,
//! san, sama, name_san, titles, fw, email, or init (dictionary build only). A second
//! argument `noscan` builds the input without scanning (to subtract its cost).

fn corpus_text() -> String {
    let path =
        std::env::var("ROUNDS_PHI_CORPUS").unwrap_or_else(|_| "../shared/phi/dev.jsonl".into());
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    raw.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() {
    let name = std::env::args().nth(1).unwrap_or_default();
    let repeat = |s: &str| {
        let mut t = String::new();
        while t.len() < (1 << 20) {
            t.push_str(s);
        }
        t
    };
    let _ = phi::scan("warm");
    let text = match name.as_str() {
        "digits" => repeat("7"),
        "kanji" => repeat("漢"),
        "at" => repeat("@"),
        "san" => repeat("さん"),
        "sama" => repeat("様"),
        "name_san" => repeat("田中さん"),
        "titles" => repeat("Mr. "),
        "fw" => repeat("０９０－"),
        "email" => repeat("a@"),
        "init" => "x".to_string(),
        _ => repeat(&corpus_text()),
    };
    if std::env::args().nth(2).as_deref() == Some("noscan") {
        println!("{}", text.len());
        return;
    }
    let s = phi::scan(&text);
    println!("{name} {} bytes {} findings", text.len(), s.findings.len());
}
