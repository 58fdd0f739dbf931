//! Trains the PHI detector's model and measures it.
//!
//!     cargo run -p phi-train --release                 # train, write crates/phi/model/weights.bin, report
//!     cargo run -p phi-train --release -- eval         # measure the embedded model (and the rules alone)
//!     cargo run -p phi-train --release -- errors SET   # a TRAINING set's misses and false holds
//!     cargo run -p phi-train --release -- cv           # out-of-fold scores of the training sets
//!     cargo run -p phi-train --release -- stack        # measures a second pass (stacking)
//!
//! Deterministic: the same corpora give the same weights. The validation sets are only
//! ever reported as totals; `errors` refuses them, so nobody tunes on them by accident.

mod augment;
mod cv;
mod perceptron;
mod report;
mod stack;

use std::collections::HashSet;
use std::path::PathBuf;

use phi::model::train::{prepare, write_weights, Prepared, LABELS};
use phi::{Detector, SiteLists};

use perceptron::{frequent, post_margin, train, Weights};
use phi_train::corpus::{self, Paths, Set, Split};

/// Settings of a training run.
struct Options {
    hyper: perceptron::Hyper,
    min_count: u32,
    /// Share of the hand-written training posts with PHI (out of fold) the threshold must still hold.
    target_recall: f64,
    out: PathBuf,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let paths = Paths::default_paths();
    let split = match corpus::load(&paths) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    let result = match args.first().map(String::as_str) {
        None | Some("train") => run_train(&split, &args),
        Some("eval") => run_eval(&split, &args),
        Some("errors") => run_errors(&split, &args),
        Some("cv") => cv::run_cv(&split, &args),
        Some("stack") => stack::run_stack(&split, &args),
        Some("export-natural-val") => run_export(&split, &args),
        Some(other) => Err(format!(
            "unknown command {other} (train, eval, errors, cv, stack, export-natural-val)"
        )),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn flag<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn weights_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../phi/model/weights.bin")
}

/// Every training post with its features and labels, its set's weight, its id, whether
/// it is hand-written, and whether it is an augmented copy (never judged, only learned
/// from; copies come after every original, so `data[i]` is the `i`-th corpus post).
fn prepared(sets: &[Set]) -> Vec<(Prepared, u32, String, bool, bool)> {
    let args: Vec<String> = std::env::args().collect();
    let hand: u32 = flag(&args, "--hand", 3);
    let generated: u32 = flag(&args, "--generated", 1);
    let copies: u32 = flag(&args, "--augment", 0);
    let copy_weight: u32 = flag(&args, "--aug-weight", 1);
    let mut out: Vec<(Prepared, u32, String, bool, bool)> = sets
        .iter()
        .flat_map(|s| {
            let weight = if s.weight > 1 { hand } else { generated };
            s.posts.iter().map(move |p| {
                (
                    prepare(&p.text, &p.spans),
                    weight,
                    p.id.clone(),
                    s.weight > 1,
                    false,
                )
            })
        })
        .filter(|d| d.1 > 0)
        .collect();
    if copies > 0 {
        let pools = augment::Pools::new(sets);
        for s in sets.iter().filter(|s| s.weight > 1) {
            for p in s.posts.iter().filter(|p| p.phi) {
                for c in 1..=copies {
                    if let Some(q) = augment::copy(p, &pools, c) {
                        out.push((
                            prepare(&q.text, &q.spans),
                            copy_weight,
                            p.id.clone(),
                            true,
                            true,
                        ));
                    }
                }
            }
        }
    }
    out
}

/// Which of three folds a post falls in (by its id).
fn fold(id: &str) -> u64 {
    id.bytes().fold(0x51_7cc1_b727_220au64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    }) % 3
}

/// Chooses the threshold from out-of-fold margins: the largest that still holds
/// `target` of the PHI posts (so false holds fall as far as recall allows).
fn choose_threshold(margins: &[(f32, bool)], target: f64) -> f32 {
    let mut phi: Vec<f32> = margins.iter().filter(|m| m.1).map(|m| m.0).collect();
    phi.sort_by(|a, b| a.total_cmp(b));
    if phi.is_empty() {
        return 0.0;
    }
    // Posts with a margin above the threshold are held; keep `target` of them above it.
    let miss = ((1.0 - target) * phi.len() as f64).floor() as usize;
    phi[miss.min(phi.len() - 1)] - 1e-3
}

/// Quantises averaged weights to i16 rows, dropping features whose weights all round
/// to nothing. Returns the rows and the scale used.
fn quantize(w: &Weights) -> (Vec<(u32, [i16; LABELS])>, f32) {
    let max = w
        .values()
        .flat_map(|r| r.iter())
        .fold(0f32, |m, v| m.max(v.abs()))
        .max(1e-6);
    let scale = 4000.0 / max;
    let mut out = Vec::with_capacity(w.len());
    for (f, row) in w {
        let mut q = [0i16; LABELS];
        for l in 0..LABELS {
            q[l] = (row[l] * scale).round().clamp(-32767.0, 32767.0) as i16;
        }
        if q.iter().any(|v| *v != 0) {
            out.push((*f, q));
        }
    }
    (out, scale)
}

fn run_train(split: &Split, args: &[String]) -> Result<(), String> {
    let opt = Options {
        hyper: perceptron::Hyper::from_args(args),
        min_count: flag(args, "--min-count", 2),
        target_recall: flag(args, "--target-recall", 0.90),
        out: flag(args, "--out", weights_path()),
    };
    let started = std::time::Instant::now();
    let data = prepared(&split.train);
    let units: usize = data.iter().map(|d| d.0.gold.len()).sum();
    println!(
        "training posts: {} ({} units), features extracted in {:.1} s",
        data.len(),
        units,
        started.elapsed().as_secs_f64()
    );
    let all: Vec<&Prepared> = data.iter().map(|d| &d.0).collect();
    let keep: HashSet<u32> = frequent(&all, opt.min_count);
    println!(
        "features seen at least {} times: {}",
        opt.min_count,
        keep.len()
    );

    // Out-of-fold margins over the training sets choose the threshold.
    let mut margins: Vec<(f32, bool)> = Vec::new();
    for k in 0..3 {
        let learn: Vec<(&Prepared, u32)> = data
            .iter()
            .filter(|d| fold(&d.2) != k)
            .map(|d| (&d.0, d.1))
            .collect();
        let w = train(&learn, &keep, opt.hyper, 7 + k);
        // Hand-written posts only: they are what members write; templates are easy.
        for d in data.iter().filter(|d| fold(&d.2) == k && d.3 && !d.4) {
            let is_phi = d.0.gold.iter().any(|g| *g != 0);
            margins.push((post_margin(&w, &d.0), is_phi));
        }
    }
    let theta = choose_threshold(&margins, opt.target_recall);
    let oof = |t: f32| {
        let phi = margins.iter().filter(|m| m.1).count() as f64;
        let clean = margins.iter().filter(|m| !m.1).count() as f64;
        let rec = margins.iter().filter(|m| m.1 && m.0 > t).count() as f64 / phi;
        let fh = margins.iter().filter(|m| !m.1 && m.0 > t).count() as f64 / clean;
        (rec, fh)
    };
    let (r0, f0) = oof(0.0);
    let (r1, f1) = oof(theta);
    println!(
        "out of fold on the hand-written training sets: threshold 0 → recall {r0:.3} false-hold {f0:.3}; \
         threshold {theta:.2} → recall {r1:.3} false-hold {f1:.3}"
    );

    let everything: Vec<(&Prepared, u32)> = data.iter().map(|d| (&d.0, d.1)).collect();
    let w = train(&everything, &keep, opt.hyper, 1);
    let (entries, scale) = quantize(&w);
    let threshold = (theta * scale).round() as i32;
    let bytes = write_weights(&entries, threshold);
    std::fs::write(&opt.out, &bytes).map_err(|e| format!("{}: {e}", opt.out.display()))?;
    println!(
        "wrote {} ({} features, {} bytes, threshold {threshold}) in {:.1} s",
        opt.out.display(),
        entries.len(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    let det = Detector::with_model(SiteLists::default(), &bytes).map_err(|e| e.to_string())?;
    evaluate(split, &det, true);
    Ok(())
}

fn evaluate(split: &Split, det: &Detector, with_train: bool) {
    if with_train {
        let r: Vec<_> = split.train.iter().map(|s| report::run(det, s)).collect();
        report::print("TRAINING sets (learned from; in-sample)", &r);
    }
    let r: Vec<_> = split
        .validation
        .iter()
        .map(|s| report::run(det, s))
        .collect();
    report::print("VALIDATION sets (never learned from, never tuned on)", &r);
}

fn detector_from(args: &[String]) -> Result<Detector, String> {
    let path: PathBuf = flag(args, "--weights", weights_path());
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Detector::with_model(SiteLists::default(), &bytes).map_err(|e| e.to_string())
}

fn run_eval(split: &Split, args: &[String]) -> Result<(), String> {
    let rules = Detector::rules_only(SiteLists::default());
    println!("== the rules alone (no model)");
    evaluate(split, &rules, true);
    println!(
        "\n== the model in {}",
        flag(args, "--weights", weights_path()).display()
    );
    evaluate(split, &detector_from(args)?, true);
    Ok(())
}

/// Writes the natural_dev validation half as `DIR/natural_val_{en,ja}.jsonl` (lines as
/// stored), for scoring with `../shared/phi/score.py` — totals only, as everywhere.
fn run_export(split: &Split, args: &[String]) -> Result<(), String> {
    let dir = PathBuf::from(args.get(1).ok_or("export-natural-val DIR")?);
    for lang in ["en", "ja"] {
        let lines: Vec<&str> = split
            .validation
            .iter()
            .filter(|s| s.name.starts_with("natural_"))
            .flat_map(|s| s.posts.iter())
            .filter(|p| p.lang == lang)
            .map(|p| p.raw.as_str())
            .collect();
        let path = dir.join(format!("natural_val_{lang}.jsonl"));
        std::fs::write(&path, lines.join("\n") + "\n")
            .map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {} ({} posts)", path.display(), lines.len());
    }
    Ok(())
}

fn run_errors(split: &Split, args: &[String]) -> Result<(), String> {
    let name = args.get(1).ok_or("errors SET (a training set's name)")?;
    if split.validation.iter().any(|s| &s.name == name) {
        return Err(format!(
            "{name} is a validation set: its errors are not shown"
        ));
    }
    let set = split
        .train
        .iter()
        .find(|s| &s.name == name)
        .ok_or_else(|| format!("no training set {name}"))?;
    let det = detector_from(args)?;
    let limit: usize = flag(args, "--limit", 40);
    let kind_filter: String = flag(args, "--only", String::new());
    let mut shown = 0;
    for p in &set.posts {
        let scan = det.scan(&p.text);
        if scan.hold == p.phi || shown >= limit {
            continue;
        }
        let label = if p.phi { "MISSED" } else { "FALSE HOLD" };
        if !kind_filter.is_empty() && kind_filter != label.replace(' ', "_") {
            continue;
        }
        shown += 1;
        println!("\n--- {label} {} [{}]", p.id, p.lang);
        println!("{}", p.text);
        for (s, e, k) in &p.spans {
            let t: String = p.text.chars().skip(*s).take(e - s).collect();
            println!("  gold {} {:?}", k.as_str(), t);
        }
        for f in &scan.findings {
            println!(
                "  found {} {:?} ({})",
                f.kind.as_str(),
                &p.text[f.start..f.end],
                f.rule
            );
        }
    }
    Ok(())
}
