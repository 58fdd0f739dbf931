//! The averaged perceptron: a multiclass linear model over hashed features, trained on
//! every unit of every post, in a fixed order shuffled by a fixed seed — the same data
//! always gives the same weights.

use std::collections::HashMap;

use phi::model::train::{Prepared, LABELS};

/// Weights being learned: current and time-weighted sums (for the average).
#[derive(Clone)]
struct Row {
    w: [f32; LABELS],
    wa: [f64; LABELS],
}

/// Trained weights (averaged), by feature hash.
pub type Weights = HashMap<u32, [f32; LABELS]>;

/// A small deterministic generator (xorshift) for shuffling.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Features seen at least `min_count` times in `data` (rarer ones are ignored: they
/// cannot generalise and would only grow the model).
pub fn frequent(data: &[&Prepared], min_count: u32) -> std::collections::HashSet<u32> {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for p in data {
        for f in p.feats.iter().flatten() {
            *counts.entry(*f).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, c)| *c >= min_count)
        .map(|(f, _)| f)
        .collect()
}

/// Scores of one unit under `w`.
pub fn score(w: &Weights, feats: &[u32]) -> [f32; LABELS] {
    let mut s = [0f32; LABELS];
    for f in feats {
        if let Some(row) = w.get(f) {
            for (a, b) in s.iter_mut().zip(row) {
                *a += b;
            }
        }
    }
    s
}

fn argmax(s: &[f32; LABELS]) -> usize {
    let mut best = 0;
    for l in 1..LABELS {
        if s[l] > s[best] {
            best = l;
        }
    }
    best
}

/// Settings of the learner beyond the data.
#[derive(Clone, Copy)]
pub struct Hyper {
    pub epochs: u32,
    /// An update also when the gold label wins by less than this (0: only on errors).
    pub margin: f32,
    /// Models trained on different shuffles and averaged (a linear model's average is one
    /// linear model, so this costs nothing when scanning).
    pub bags: u32,
}

impl Hyper {
    /// From the command line: `--epochs`, `--margin`, `--bags`.
    pub fn from_args(args: &[String]) -> Hyper {
        Hyper {
            epochs: crate::flag(args, "--epochs", 12u32),
            margin: crate::flag(args, "--margin", 0f32),
            bags: crate::flag(args, "--bags", 1u32).max(1),
        }
    }
}

/// Trains on `(post, weight)` pairs: `h.bags` models on different shuffles, averaged.
pub fn train(
    data: &[(&Prepared, u32)],
    keep: &std::collections::HashSet<u32>,
    h: Hyper,
    seed: u64,
) -> Weights {
    let mut total: Weights = HashMap::new();
    for b in 0..h.bags as u64 {
        for (f, row) in train_one(data, keep, h, seed.wrapping_add(b * 1_000_003)) {
            let t = total.entry(f).or_insert([0.0; LABELS]);
            for (a, w) in t.iter_mut().zip(row) {
                *a += w / h.bags as f32;
            }
        }
    }
    total
}

/// One averaged perceptron over one shuffle per epoch.
fn train_one(
    data: &[(&Prepared, u32)],
    keep: &std::collections::HashSet<u32>,
    h: Hyper,
    seed: u64,
) -> Weights {
    let mut rows: HashMap<u32, Row> = HashMap::with_capacity(keep.len());
    let mut order: Vec<usize> = Vec::new();
    for (i, (_, w)) in data.iter().enumerate() {
        for _ in 0..*w {
            order.push(i);
        }
    }
    let mut rng = Rng::new(seed);
    let mut c: f64 = 1.0;
    let mut feats: Vec<u32> = Vec::new();
    for _ in 0..h.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let p = data[i].0;
            for (u, gold) in p.gold.iter().enumerate() {
                feats.clear();
                feats.extend(p.feats[u].iter().filter(|f| keep.contains(f)));
                let mut s = [0f32; LABELS];
                for f in &feats {
                    if let Some(r) = rows.get(f) {
                        for (a, b) in s.iter_mut().zip(&r.w) {
                            *a += b;
                        }
                    }
                }
                let gold = *gold as usize;
                // The best label other than gold must trail it by the margin.
                // (Ties go to the lower label, as `argmax`: with no margin this is the
                // plain perceptron's update exactly.)
                let mut rival = usize::from(gold == 0);
                for l in rival + 1..LABELS {
                    if l != gold && s[l] > s[rival] {
                        rival = l;
                    }
                }
                let won = if h.margin == 0.0 {
                    argmax(&s) == gold
                } else {
                    s[gold] - s[rival] > h.margin
                };
                let pred = if won { gold } else { rival };
                if pred != gold {
                    for f in &feats {
                        let r = rows.entry(*f).or_insert(Row {
                            w: [0.0; LABELS],
                            wa: [0.0; LABELS],
                        });
                        r.w[gold] += 1.0;
                        r.w[pred] -= 1.0;
                        r.wa[gold] += c;
                        r.wa[pred] -= c;
                    }
                }
                c += 1.0;
            }
        }
    }
    rows.into_iter()
        .map(|(f, r)| {
            let mut avg = [0f32; LABELS];
            for ((a, w), wa) in avg.iter_mut().zip(&r.w).zip(&r.wa) {
                *a = (*w as f64 - wa / c) as f32;
            }
            (f, avg)
        })
        .collect()
}

/// The post's margin: how far its most PHI-like unit's best kind beats "not PHI".
/// Symbols never count (see `phi::model::bridge_only`).
pub fn post_margin(w: &Weights, p: &Prepared) -> f32 {
    p.feats
        .iter()
        .zip(&p.symbol)
        .filter(|(_, sym)| !**sym)
        .map(|(f, _)| {
            let s = score(w, f);
            let best = s[1..].iter().cloned().fold(f32::MIN, f32::max);
            best - s[0]
        })
        .fold(f32::MIN, f32::max)
}
