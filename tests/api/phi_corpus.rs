//! The PHI detector against the labelled development corpus, scored by the
//! project's scorer: `rounds scan` output must reach recall ≥ 0.98 and false-hold
//! ≤ 0.05 (the scorer checks English and Japanese separately below).

use std::path::PathBuf;
use std::process::Command;

fn shared_phi() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/phi");
    assert!(
        dir.join("dev.jsonl").exists(),
        "the PHI corpus must be at {} (shared/ beside the repo)",
        dir.display()
    );
    dir
}

fn scan_corpus(lang: Option<&str>) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let corpus = std::fs::read_to_string(shared_phi().join("dev.jsonl")).expect("corpus");
    let lines: Vec<&str> = corpus
        .lines()
        .filter(|l| match lang {
            Some(lang) => {
                l.contains(&format!("\"lang\": \"{lang}\""))
                    || l.contains(&format!("\"lang\":\"{lang}\""))
            }
            None => true,
        })
        .collect();
    assert!(
        lines.len() >= 200,
        "corpus split for {lang:?} has {} posts",
        lines.len()
    );
    let dir = tempfile::tempdir().expect("tmp");
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, lines.join("\n") + "\n").expect("write gold");
    let out = dir.path().join("out.jsonl");
    let detector = phi::Detector::new(phi::SiteLists::default());
    let input = std::io::BufReader::new(std::fs::File::open(&gold).expect("open"));
    let output = std::fs::File::create(&out).expect("create");
    let summary = server::scan::run(input, output, &detector).expect("scan");
    assert_eq!(summary.malformed, 0);
    (dir, gold, out)
}

fn score(gold: &PathBuf, out: &PathBuf) -> (bool, String) {
    let res = Command::new("python3")
        .arg(shared_phi().join("score.py"))
        .arg(gold)
        .arg(out)
        .args(["--min-recall", "0.98", "--max-false-hold", "0.05"])
        .output()
        .expect("python3 runs the scorer");
    let text = String::from_utf8_lossy(&res.stdout).to_string();
    (res.status.success(), text)
}

#[test]
fn the_detector_meets_the_recall_and_false_hold_targets_on_english_posts() {
    let (_dir, gold, out) = scan_corpus(Some("en"));
    let (ok, report) = score(&gold, &out);
    assert!(ok, "English below target:\n{report}");
}

#[test]
fn the_detector_meets_the_recall_and_false_hold_targets_on_japanese_posts() {
    let (_dir, gold, out) = scan_corpus(Some("ja"));
    let (ok, report) = score(&gold, &out);
    assert!(ok, "Japanese below target:\n{report}");
}

#[test]
fn a_malformed_scan_line_is_reported_by_number_and_the_scan_goes_on() {
    let input = "{\"id\": 1, \"text\": \"Mr. Tanaka was admitted on 3/2/2024\"}\nnot json\n{\"id\": \"x\", \"text\": \"clean post about vancomycin\"}\n";
    let mut out = Vec::new();
    let detector = phi::Detector::new(phi::SiteLists::default());
    let summary = server::scan::run(input.as_bytes(), &mut out, &detector).expect("scan");
    assert_eq!(summary.malformed, 1);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["hold"], true);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[2]["id"], "x");
    assert_eq!(lines[2]["hold"], false);
}
