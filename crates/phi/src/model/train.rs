//! What the trainer (`crates/phi-train`) needs from the detector: a post cut into units
//! with every unit's features (exactly as the detector computes them) and, from gold
//! spans, every unit's label; and the weights file writer. Behind the `train` feature.

use super::features::featurize;
use super::weights;
use crate::kinds::Kind;
use crate::lists::dicts;
use crate::text::Text;

pub use super::weights::LABELS;

/// A post as the trainer sees it.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Each unit's span in characters (code points) of the post.
    pub spans: Vec<(usize, usize)>,
    /// Each unit's features (the segment's and its own).
    pub feats: Vec<Vec<u32>>,
    /// Each unit's gold label: 0 = not PHI, else 1 + the kind's index in `Kind::ALL`.
    pub gold: Vec<u8>,
    /// Whether each unit is a symbol or line break (never a finding on its own).
    pub symbol: Vec<bool>,
}

/// The label number of a kind.
pub fn label_of(kind: Kind) -> u8 {
    super::label_of(kind) as u8
}

/// Cuts `text` into units with features; `gold` spans are `(start, end, kind)` in
/// characters. A unit takes the kind of a gold span covering at least half of it.
pub fn prepare(text: &str, gold: &[(usize, usize, Kind)]) -> Prepared {
    let t = Text::new(text);
    let d = dicts();
    let mut rules = Vec::new();
    crate::recognizers::run_all(&t, d, &mut rules);
    let f = featurize(&t, d, &rules, true);
    let mut out = Prepared {
        spans: Vec::with_capacity(f.units.len()),
        feats: Vec::with_capacity(f.units.len()),
        gold: Vec::with_capacity(f.units.len()),
        symbol: Vec::with_capacity(f.units.len()),
    };
    for (i, u) in f.units.iter().enumerate() {
        let seg = u.seg as usize;
        let mut x: Vec<u32> =
            f.seg_feats[f.seg_at[seg] as usize..f.seg_at[seg + 1] as usize].to_vec();
        x.extend_from_slice(&f.unit_feats[f.unit_at[i] as usize..f.unit_at[i + 1] as usize]);
        let len = u.e - u.s;
        let label = gold
            .iter()
            .find(|(s, e, _)| {
                let overlap = (*e).min(u.e).saturating_sub((*s).max(u.s));
                overlap * 2 >= len && overlap > 0
            })
            .map_or(0, |(_, _, k)| label_of(*k));
        out.spans.push((u.s, u.e));
        out.feats.push(x);
        out.gold.push(label);
        out.symbol.push(super::is_symbol(&f, i));
    }
    out
}

/// Writes a weights file (see `model/weights.rs` for the format).
pub fn write_weights(entries: &[(u32, [i16; LABELS])], threshold: i32) -> Vec<u8> {
    weights::write(entries, threshold)
}
