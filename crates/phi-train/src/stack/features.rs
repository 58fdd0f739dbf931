//! The second pass's features: from the first pass's scores of a unit, its
//! neighbours on the same line, the same word elsewhere in the post and the post as a
//! whole, each margin read in buckets of the model's own margin unit.

use std::collections::HashMap;

use phi::model::train::{Prepared, LABELS};

pub(crate) type Scores = Vec<[f32; LABELS]>;

/// Post margins and labels, first pass alone and with the second, of one language.
pub(crate) type Compared = (Vec<(f32, bool)>, Vec<(f32, bool)>);

/// The best kind of a unit and its margin over "not PHI".
pub(crate) fn best(s: &[f32; LABELS]) -> (usize, f32) {
    let mut b = 1;
    for l in 2..LABELS {
        if s[l] > s[b] {
            b = l;
        }
    }
    (b, s[b] - s[0])
}

fn bucket(x: f32) -> u32 {
    const EDGES: [f32; 11] = [-4., -2., -1., -0.5, -0.25, 0., 0.25, 0.5, 1., 2., 4.];
    EDGES.iter().take_while(|e| x > **e).count() as u32
}

fn coarse(x: f32) -> u32 {
    if x < -1. {
        0
    } else if x < 0. {
        1
    } else if x < 1. {
        2
    } else {
        3
    }
}

fn h(parts: &[u32]) -> u32 {
    parts.iter().fold(0x5bd1_e995u32, |h, v| {
        (h.rotate_left(5) ^ v).wrapping_mul(0x2722_0A95)
    })
}

/// What the second pass needs of a post besides its units' scores.
pub(crate) struct Shape {
    /// A key of each unit's text (lower-cased), for units of two characters or more.
    keys: Vec<Option<u32>>,
    newline: Vec<bool>,
}

pub(crate) fn shape(text: &str, p: &Prepared) -> Shape {
    let chars: Vec<char> = text.chars().collect();
    let mut keys = Vec::with_capacity(p.spans.len());
    let mut newline = Vec::with_capacity(p.spans.len());
    for &(s, e) in &p.spans {
        let piece = chars.get(s..e.min(chars.len())).unwrap_or(&[]);
        newline.push(piece.first() == Some(&'\n'));
        keys.push((piece.len() >= 2).then(|| {
            piece
                .iter()
                .flat_map(|c| c.to_lowercase())
                .fold(0x811C_9DC5u32, |h, c| {
                    (h ^ c as u32).wrapping_mul(0x0100_0193)
                })
        }));
    }
    Shape { keys, newline }
}

/// The second pass's features of every unit (none for symbols).
pub(crate) fn ctx_feats(p: &Prepared, sh: &Shape, s: &Scores, unit: f32) -> Vec<Vec<u32>> {
    let n = p.gold.len();
    let bm: Vec<(usize, f32)> = s
        .iter()
        .map(|x| {
            let (b, m) = best(x);
            (b, m / unit)
        })
        .collect();
    let words: Vec<usize> = (0..n).filter(|&i| !p.symbol[i]).collect();
    let line: Vec<u32> = sh
        .newline
        .iter()
        .scan(0u32, |l, nl| {
            *l += u32::from(*nl);
            Some(*l)
        })
        .collect();
    // Top two margins per label, and per text key, over the post.
    let mut top: [[(f32, usize); 2]; LABELS] = [[(f32::MIN, usize::MAX); 2]; LABELS];
    let mut any: [(f32, usize); 2] = [(f32::MIN, usize::MAX); 2];
    let mut by_key: HashMap<u32, [(f32, usize); 2]> = HashMap::new();
    let push = |t: &mut [(f32, usize); 2], v: f32, i: usize| {
        if v > t[0].0 {
            t[1] = t[0];
            t[0] = (v, i);
        } else if v > t[1].0 {
            t[1] = (v, i);
        }
    };
    let mut positive = 0u32;
    for &i in &words {
        let (b, m) = bm[i];
        push(&mut top[b], m, i);
        push(&mut any, m, i);
        if let Some(k) = sh.keys[i] {
            push(by_key.entry(k).or_insert([(f32::MIN, usize::MAX); 2]), m, i);
        }
        positive += u32::from(m > 0.0);
    }
    let other = |t: &[(f32, usize); 2], i: usize| if t[0].1 == i { t[1] } else { t[0] };
    let mut out = vec![Vec::new(); n];
    for (w, &i) in words.iter().enumerate() {
        let (b, m) = bm[i];
        let (b32, mb, mc) = (b as u32, bucket(m), coarse(m));
        let f = &mut out[i];
        f.push(h(&[1, b32, mb]));
        f.push(h(&[9]));
        for d in [-2i32, -1, 1, 2] {
            let j = w as i32 + d;
            let nb = (j >= 0)
                .then(|| words.get(j as usize))
                .flatten()
                .filter(|&&j| line[j] == line[i]);
            match nb {
                Some(&j) => {
                    let (bj, mj) = bm[j];
                    f.push(h(&[2, d as u32, bj as u32, bucket(mj)]));
                    f.push(h(&[3, d as u32, b32, bj as u32, mc, coarse(mj)]));
                }
                None => f.push(h(&[2, d as u32, 99])),
            }
        }
        match sh.keys[i].and_then(|k| by_key.get(&k)).map(|t| other(t, i)) {
            Some((v, j)) if j != usize::MAX => {
                f.push(h(&[5, b32, bucket(v), u32::from(bm[j].0 == b)]));
                f.push(h(&[10, mc, coarse(v)]));
            }
            _ => f.push(h(&[5, b32, 99])),
        }
        let (v, _) = other(&top[b], i);
        f.push(h(&[6, b32, if v == f32::MIN { 99 } else { bucket(v) }]));
        let (v, _) = other(&any, i);
        f.push(h(&[7, mc, if v == f32::MIN { 99 } else { bucket(v) }]));
        f.push(h(&[8, positive.min(6), mc]));
    }
    out
}
