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
    scan_lines(&lines)
}

/// Writes `lines` as the gold file and scans them as `rounds scan` does: (dir, gold, out).
fn scan_lines<S: AsRef<str>>(lines: &[S]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let gold = dir.path().join("gold.jsonl");
    let text: String = lines.iter().map(|l| format!("{}\n", l.as_ref())).collect();
    std::fs::write(&gold, text).expect("write gold");
    let out = dir.path().join("out.jsonl");
    let detector = phi::Detector::new(phi::SiteLists::default());
    let input = std::io::BufReader::new(std::fs::File::open(&gold).expect("open"));
    let output = std::fs::File::create(&out).expect("create");
    let summary = server::scan::run(input, output, &detector).expect("scan");
    assert_eq!(summary.malformed, 0);
    (dir, gold, out)
}

fn score(gold: &PathBuf, out: &PathBuf) -> (bool, String) {
    score_with(gold, out, "0.98", "0.05")
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

/// The validation half of `natural_dev` (hand-written, never tuned on; the split is
/// `phi_train::corpus`), scored by the shared scorer per language. The thresholds sit
/// just under what the committed detector measures (BENCHMARKS.md), so a change that
/// makes screening worse on unseen writing fails the build.
fn natural_validation(lang: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let split =
        phi_train::corpus::load(&phi_train::corpus::Paths::default_paths()).expect("corpora");
    let ids: std::collections::HashSet<String> = split
        .validation
        .iter()
        .filter(|s| s.name.starts_with("natural_"))
        .flat_map(|s| {
            s.posts
                .iter()
                .filter(|p| p.lang == lang)
                .map(|p| p.id.clone())
        })
        .collect();
    let mut lines = Vec::new();
    for f in ["en", "ja", "mixed"] {
        let text = std::fs::read_to_string(shared_phi().join(format!("natural_dev/{f}.jsonl")))
            .expect("natural_dev");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            if ids.contains(v["id"].as_str().unwrap_or_default()) {
                lines.push(line.to_string());
            }
        }
    }
    assert!(
        lines.len() >= 150,
        "{lang} validation has {} posts",
        lines.len()
    );
    scan_lines(&lines)
}

fn score_with(gold: &PathBuf, out: &PathBuf, recall: &str, false_hold: &str) -> (bool, String) {
    let res = Command::new("python3")
        .arg(shared_phi().join("score.py"))
        .arg(gold)
        .arg(out)
        .args(["--min-recall", recall, "--max-false-hold", false_hold])
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&res.stdout).to_string();
    eprintln!("{report}");
    (res.status.success(), report)
}

/// Floors (min recall, max false-hold) for the natural_dev validation half.
/// Measured at commit time: EN 0.921 / 0.112, JA 0.934 / 0.099 (BENCHMARKS.md, round 6:
/// six more writers and three held-out sets joined the training data; over all 2,320
/// validation posts both languages gained, while this half's English moved by one PHI
/// post and two clean posts the other way, within its noise). Floors are the figures
/// less a margin of about one post either way.
const NATURAL_EN: (&str, &str) = ("0.91", "0.125");
const NATURAL_JA: (&str, &str) = ("0.92", "0.11");

#[test]
fn unseen_hand_written_english_posts_stay_above_the_measured_floor() {
    let (_dir, gold, out) = natural_validation("en");
    let (ok, report) = score_with(&gold, &out, NATURAL_EN.0, NATURAL_EN.1);
    assert!(
        ok,
        "natural_dev validation (English) below its floor:\n{report}"
    );
}

#[test]
fn unseen_hand_written_japanese_posts_stay_above_the_measured_floor() {
    let (_dir, gold, out) = natural_validation("ja");
    let (ok, report) = score_with(&gold, &out, NATURAL_JA.0, NATURAL_JA.1);
    assert!(
        ok,
        "natural_dev validation (Japanese) below its floor:\n{report}"
    );
}
