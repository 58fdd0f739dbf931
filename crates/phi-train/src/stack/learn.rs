//! The second pass's learner: an averaged perceptron over the second-pass features,
//! starting from the first pass's scores, and the post margin it gives.

use std::collections::HashMap;

use phi::model::train::{Prepared, LABELS};

use super::features::{best, Scores};
use crate::perceptron::{self, Rng};

/// The median margin size of a model's scores on units it learned from: the unit the
/// second pass reads margins in (so models trained on more or less data read alike).
pub(crate) fn unit_of(scores: &[&Scores], symbol: &[&Vec<bool>]) -> f32 {
    let mut v: Vec<f32> = Vec::new();
    for (s, sym) in scores.iter().zip(symbol) {
        for (i, x) in s.iter().enumerate().step_by(3) {
            if !sym[i] {
                v.push(best(x).1.abs());
            }
        }
    }
    if v.is_empty() {
        return 1.0;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2].max(1e-3)
}

pub(crate) fn scores_of(w: &perceptron::Weights, p: &Prepared) -> Scores {
    p.feats.iter().map(|f| perceptron::score(w, f)).collect()
}

/// Second-pass settings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hyper2 {
    pub eta: f32,
    pub epochs: u32,
}

pub(crate) type W2 = HashMap<u32, [f32; LABELS]>;

/// Averaged perceptron over the second-pass features, starting from the first pass's
/// (normalised) scores.
pub(crate) fn train2(
    items: &[(&Scores, &Vec<Vec<u32>>, &Prepared, u32)],
    h2: Hyper2,
    unit: &[f32],
) -> W2 {
    let mut w: HashMap<u32, ([f32; LABELS], [f64; LABELS])> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (i, it) in items.iter().enumerate() {
        for _ in 0..it.3 {
            order.push(i);
        }
    }
    let mut rng = Rng::new(99);
    let mut c = 1.0f64;
    for _ in 0..h2.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (s1, x, p, _) = items[k];
            for u in 0..p.gold.len() {
                if p.symbol[u] {
                    continue;
                }
                let mut s = s1[u].map(|v| v / unit[k]);
                for f in &x[u] {
                    if let Some((r, _)) = w.get(f) {
                        for (a, b) in s.iter_mut().zip(r) {
                            *a += b;
                        }
                    }
                }
                let gold = p.gold[u] as usize;
                let mut pred = 0;
                for l in 1..LABELS {
                    if s[l] > s[pred] {
                        pred = l;
                    }
                }
                if pred != gold {
                    for f in &x[u] {
                        let r = w.entry(*f).or_insert(([0.0; LABELS], [0.0; LABELS]));
                        r.0[gold] += h2.eta;
                        r.0[pred] -= h2.eta;
                        r.1[gold] += c * h2.eta as f64;
                        r.1[pred] -= c * h2.eta as f64;
                    }
                }
                c += 1.0;
            }
        }
    }
    w.into_iter()
        .map(|(f, (r, ra))| {
            let mut a = [0f32; LABELS];
            for l in 0..LABELS {
                a[l] = (r[l] as f64 - ra[l] / c) as f32;
            }
            (f, a)
        })
        .collect()
}

pub(crate) fn margin2(s1: &Scores, x: &[Vec<u32>], p: &Prepared, unit: f32, w: Option<&W2>) -> f32 {
    let mut top = f32::MIN;
    for u in 0..p.gold.len() {
        if p.symbol[u] {
            continue;
        }
        let mut s = s1[u].map(|v| v / unit);
        if let Some(w) = w {
            for f in &x[u] {
                if let Some(r) = w.get(f) {
                    for (a, b) in s.iter_mut().zip(r) {
                        *a += b;
                    }
                }
            }
        }
        top = top.max(best(&s).1);
    }
    top
}
