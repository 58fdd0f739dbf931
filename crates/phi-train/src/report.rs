//! Measuring the detector as it ships: every post through `Detector::scan` (rules,
//! model, resolution), held or not, per set and per language — recall on posts with
//! PHI, false holds on clean posts, and per kind the share of gold spans any finding
//! overlaps (as `shared/phi/score.py` counts them).

use std::collections::BTreeMap;

use phi::{Detector, Kind};

use crate::corpus::{Post, Set};

/// Counts of one group of posts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub phi: u32,
    pub held_phi: u32,
    pub clean: u32,
    pub held_clean: u32,
}

impl Counts {
    pub fn recall(&self) -> f64 {
        self.held_phi as f64 / self.phi.max(1) as f64
    }
    pub fn false_hold(&self) -> f64 {
        self.held_clean as f64 / self.clean.max(1) as f64
    }
    fn add(&mut self, o: Counts) {
        self.phi += o.phi;
        self.held_phi += o.held_phi;
        self.clean += o.clean;
        self.held_clean += o.held_clean;
    }
}

/// Results of one set: per language, and per kind (spans found, spans).
pub struct SetResult {
    pub name: String,
    pub by_lang: BTreeMap<String, Counts>,
    pub kinds: BTreeMap<&'static str, (u32, u32)>,
}

/// Char index → byte offset.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// Scans every post of `set` with `det`.
pub fn run(det: &Detector, set: &Set) -> SetResult {
    let mut by_lang: BTreeMap<String, Counts> = BTreeMap::new();
    let mut kinds: BTreeMap<&'static str, (u32, u32)> = BTreeMap::new();
    for p in &set.posts {
        let scan = det.scan(&p.text);
        let c = by_lang.entry(p.lang.clone()).or_default();
        if p.phi {
            c.phi += 1;
            c.held_phi += scan.hold as u32;
        } else {
            c.clean += 1;
            c.held_clean += scan.hold as u32;
        }
        span_recall(p, &scan.findings, &mut kinds);
    }
    SetResult {
        name: set.name.clone(),
        by_lang,
        kinds,
    }
}

fn span_recall(
    p: &Post,
    findings: &[phi::Finding],
    kinds: &mut BTreeMap<&'static str, (u32, u32)>,
) {
    let b = char_to_byte(&p.text);
    for (s, e, k) in &p.spans {
        let (Some(bs), Some(be)) = (b.get(*s), b.get(*e)) else {
            continue;
        };
        let found = findings.iter().any(|f| f.start < *be && *bs < f.end);
        let entry = kinds.entry(k.as_str()).or_default();
        entry.0 += found as u32;
        entry.1 += 1;
    }
}

/// Totals over sets, per language.
pub fn totals(results: &[SetResult]) -> BTreeMap<String, Counts> {
    let mut t: BTreeMap<String, Counts> = BTreeMap::new();
    for r in results {
        for (l, c) in &r.by_lang {
            t.entry(l.clone()).or_default().add(*c);
        }
    }
    t
}

/// Prints one line per set and language, then the totals.
pub fn print(title: &str, results: &[SetResult]) {
    println!("\n{title}");
    println!(
        "  {:<22} {:>4} {:>7} {:>7} {:>9}",
        "set", "lang", "posts", "recall", "false-hold"
    );
    for r in results {
        for (l, c) in &r.by_lang {
            println!(
                "  {:<22} {:>4} {:>7} {:>7.3} {:>9.3}",
                r.name,
                l,
                c.phi + c.clean,
                c.recall(),
                c.false_hold()
            );
        }
    }
    for (l, c) in totals(results) {
        println!(
            "  {:<22} {:>4} {:>7} {:>7.3} {:>9.3}",
            "ALL",
            l,
            c.phi + c.clean,
            c.recall(),
            c.false_hold()
        );
    }
    let mut kinds: BTreeMap<&'static str, (u32, u32)> = BTreeMap::new();
    for r in results {
        for (k, (f, n)) in &r.kinds {
            let e = kinds.entry(k).or_default();
            e.0 += f;
            e.1 += n;
        }
    }
    let line: Vec<String> = Kind::ALL
        .iter()
        .filter_map(|k| {
            kinds
                .get(k.as_str())
                .map(|(f, n)| format!("{} {}/{}", k.as_str(), f, n))
        })
        .collect();
    println!("  spans found: {}", line.join(", "));
}
