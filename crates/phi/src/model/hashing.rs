//! The model's feature hashes: each feature is a 32-bit hash of a template number and
//! a value (these functions are part of the trained model: changing them changes every
//! feature's key).

use crate::text::Text;

/// Mixes a value into a hash (multiplicative, as FxHash does).
#[inline]
pub(crate) fn mix(h: u32, v: u32) -> u32 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x2722_0A95)
}

/// The feature `template` with value `v`.
#[inline]
pub(crate) fn feat(template: u32, v: u32) -> u32 {
    mix(mix(0x9E37_79B9, template), v)
}

/// Hash of characters (ASCII lower-cased), at most 16 of them.
pub(crate) fn text_key(t: &Text, s: usize, e: usize) -> u32 {
    let mut h = 0x811C_9DC5u32;
    for &c in &t.c[s..e.min(s + 16)] {
        h = mix(h, c.to_ascii_lowercase() as u32);
    }
    mix(h, (e - s).min(17) as u32)
}
