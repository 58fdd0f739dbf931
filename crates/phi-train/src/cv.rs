//! `phi-train cv`: out-of-fold scores on the training sets, the honest ground for
//! choosing settings (epochs, set weights, threshold) and for reading errors.

use phi::model::train::Prepared;
use phi_train::corpus::Split;

use crate::perceptron::{self, frequent, train};
use crate::{flag, fold, prepared};

/// Out-of-fold predictions on the training sets: three models, each learned without one
/// fold, judge that fold. Prints recall and false holds per set at several thresholds
/// and, with `--show SET`, that training set's out-of-fold mistakes (the honest way to
/// look at errors: no post is judged by a model that learned from it).
pub(crate) fn run_cv(split: &Split, args: &[String]) -> Result<(), String> {
    let hyper = perceptron::Hyper::from_args(args);
    let min_count = flag(args, "--min-count", 2u32);
    let show: String = flag(args, "--show", String::new());
    let at: f32 = flag(args, "--at", 0.0f32);
    let limit: usize = flag(args, "--limit", 30usize);
    let seed: u64 = flag(args, "--seed", 7u64);
    let data = prepared(&split.train);
    let all: Vec<&Prepared> = data.iter().map(|d| &d.0).collect();
    let keep = frequent(&all, min_count);
    // (set index, post index) → (margin, best unit index, best label)
    let mut oof: Vec<(usize, usize, f32, usize, usize)> = Vec::new();

    let index: Vec<(usize, usize)> = split
        .train
        .iter()
        .enumerate()
        .flat_map(|(si, s)| (0..s.posts.len()).map(move |pi| (si, pi)))
        .collect();
    for k in 0..3 {
        let learn: Vec<(&Prepared, u32)> = data
            .iter()
            .filter(|d| fold(&d.2) != k)
            .map(|d| (&d.0, d.1))
            .collect();
        let w = train(&learn, &keep, hyper, seed + k);
        for (i, d) in data
            .iter()
            .enumerate()
            .filter(|(_, d)| fold(&d.2) == k && !d.4)
        {
            let (mut best, mut bu, mut bl) = (f32::MIN, 0, 0);
            for (u, f) in
                d.0.feats
                    .iter()
                    .enumerate()
                    .filter(|(u, _)| !d.0.symbol[*u])
            {
                let s = perceptron::score(&w, f);
                let (l, v) = s[1..].iter().enumerate().fold((0, f32::MIN), |a, (l, v)| {
                    if *v > a.1 {
                        (l + 1, *v)
                    } else {
                        a
                    }
                });
                if v - s[0] > best {
                    best = v - s[0];
                    bu = u;
                    bl = l;
                }
            }
            oof.push((index[i].0, index[i].1, best, bu, bl));
        }
    }
    println!("out-of-fold, per training set (recall / false-hold) at thresholds:");
    let ts = [-10.0f32, -5.0, -2.0, 0.0, 2.0];
    println!(
        "  {:<22} {:>4} {}",
        "set",
        "lang",
        ts.map(|t| format!("{t:>14}")).join("")
    );
    for (si, s) in split.train.iter().enumerate() {
        for lang in ["en", "ja"] {
            let rows: Vec<_> = oof
                .iter()
                .filter(|o| o.0 == si && s.posts[o.1].lang == lang)
                .collect();
            if rows.is_empty() {
                continue;
            }
            let cells: Vec<String> = ts
                .iter()
                .map(|t| {
                    let phi = rows.iter().filter(|o| s.posts[o.1].phi).count().max(1) as f64;
                    let clean = rows.iter().filter(|o| !s.posts[o.1].phi).count().max(1) as f64;
                    let r = rows.iter().filter(|o| s.posts[o.1].phi && o.2 > *t).count() as f64;
                    let f = rows
                        .iter()
                        .filter(|o| !s.posts[o.1].phi && o.2 > *t)
                        .count() as f64;
                    format!("   {:.3}/{:.3}", r / phi, f / clean)
                })
                .collect();
            println!("  {:<22} {:>4} {}", s.name, lang, cells.join(""));
        }
    }
    // The summary that matters: on hand-written posts, per language, the false-hold
    // rate at 97% recall and the recall at 8% false holds.
    for lang in ["en", "ja"] {
        let mut phi: Vec<f32> = Vec::new();
        let mut clean: Vec<f32> = Vec::new();
        for o in &oof {
            let set = &split.train[o.0];
            let p = &set.posts[o.1];
            if p.lang != lang
                || !(set.name.starts_with("natural") || set.name.starts_with("written"))
            {
                continue;
            }
            if p.phi {
                phi.push(o.2);
            } else {
                clean.push(o.2);
            }
        }
        phi.sort_by(|a, b| a.total_cmp(b));
        clean.sort_by(|a, b| b.total_cmp(a));
        let t97 = phi[((0.03 * phi.len() as f64) as usize).min(phi.len() - 1)] - 1e-3;
        let fh97 = clean.iter().filter(|m| **m > t97).count() as f64 / clean.len() as f64;
        let t08 = clean[((0.08 * clean.len() as f64) as usize).min(clean.len() - 1)];
        let r08 = phi.iter().filter(|m| **m > t08).count() as f64 / phi.len() as f64;
        let t90 = phi[((0.10 * phi.len() as f64) as usize).min(phi.len() - 1)] - 1e-3;
        let fh90 = clean.iter().filter(|m| **m > t90).count() as f64 / clean.len() as f64;
        println!(
            "SUMMARY hand-written {lang}: false-hold at 97% recall {fh97:.3} (t {t97:.1}); at 90% recall {fh90:.3}; recall at 8% false-hold {r08:.3} (t {t08:.1})"
        );
    }
    if show.is_empty() {
        return Ok(());
    }
    let si = split
        .train
        .iter()
        .position(|s| s.name == show)
        .ok_or_else(|| format!("no training set {show} (validation sets are never shown)"))?;
    let mut shown = 0;
    for o in oof.iter().filter(|o| o.0 == si) {
        let p = &split.train[si].posts[o.1];
        let held = o.2 > at;
        if held == p.phi || shown >= limit {
            continue;
        }
        shown += 1;
        let d = &data.iter().find(|d| d.2 == p.id && !d.4).map(|d| &d.0);
        let unit = d.map(|d| d.spans[o.3]).unwrap_or((0, 0));
        let unit_text: String = p.text.chars().skip(unit.0).take(unit.1 - unit.0).collect();
        println!(
            "\n--- {} {} [{}] margin {:.1}, top unit {:?} as {}",
            if p.phi { "MISSED" } else { "FALSE HOLD" },
            p.id,
            p.lang,
            o.2,
            unit_text,
            o.4
        );
        println!("{}", p.text);
        for (s, e, k) in &p.spans {
            let t: String = p.text.chars().skip(*s).take(e - s).collect();
            println!("  gold {} {:?}", k.as_str(), t);
        }
    }
    Ok(())
}
