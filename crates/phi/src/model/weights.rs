//! The trained weights: a table from feature hash to one small integer weight per
//! label, stored compactly (`model/weights.bin`, embedded in the binary and the wasm
//! bundle) and looked up through an open-addressing index built once at load.
//!
//! File format (little endian): `b"PHIM"`, version `u32`, labels `u32`, entries `u32`,
//! threshold `i32`; then the entries' keys (`u32`, ascending) and then their weights
//! (`i16` per label). Keys first and weights after compress better than interleaved.

/// Labels: "not PHI" (0) and the ten kinds in `Kind::ALL` order.
pub const LABELS: usize = 11;

const MAGIC: &[u8; 4] = b"PHIM";
const VERSION: u32 = 1;

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PHI model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A loaded table. The scan is bound by its loads: a 2 KB post probes it ~15,000
/// times at random. Keys sit in a dense array (4 bytes a slot, so a miss touches little
/// memory) and each slot's weights sit at the same position of a second array, so both
/// loads of a probe are known from the feature alone and can be prefetched while the
/// features before it are added up (`Weights::prefetch`).
#[derive(Debug)]
pub(crate) struct Weights {
    /// Open-addressing keys (0 = empty).
    keys: Vec<u32>,
    /// The weights of the key in the same slot (one per label).
    rows: Vec<[i16; LABELS]>,
    /// Number of features stored.
    count: usize,
    mask: usize,
    /// Margin (in weight units) a kind must beat "not PHI" by.
    pub threshold: i32,
}

/// Key 0 marks an empty slot, so a feature hashing to 0 is stored as 1.
#[inline]
fn slot_key(k: u32) -> u32 {
    k.max(1)
}

#[inline]
fn home(k: u32, mask: usize) -> usize {
    (k.wrapping_mul(0x9E37_79B1) >> 7) as usize & mask
}

impl Weights {
    /// A table with nothing in it (every feature weighs 0).
    pub fn empty() -> Weights {
        Weights {
            keys: vec![0; 1],
            rows: vec![[0; LABELS]; 1],
            count: 0,
            mask: 0,
            threshold: 0,
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Reads a weights file.
    pub fn parse(bytes: &[u8]) -> Result<Weights, ModelError> {
        let u32_at = |i: usize| -> Result<u32, ModelError> {
            bytes
                .get(i..i + 4)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_le_bytes)
                .ok_or(ModelError("truncated"))
        };
        if bytes.get(..4) != Some(MAGIC.as_slice()) {
            return Err(ModelError("not a model file"));
        }
        if u32_at(4)? != VERSION {
            return Err(ModelError("unknown version"));
        }
        if u32_at(8)? as usize != LABELS {
            return Err(ModelError("wrong number of labels"));
        }
        let n = u32_at(12)? as usize;
        let threshold = u32_at(16)? as i32;
        let keys_at = 20;
        let weights_at = keys_at + 4 * n;
        if bytes.len() != weights_at + n * LABELS * 2 {
            return Err(ModelError("wrong length"));
        }
        let cap = (n * 2).next_power_of_two().max(2);
        let mut w = Weights {
            keys: vec![0; cap],
            rows: vec![[0; LABELS]; cap],
            count: 0,
            mask: cap - 1,
            threshold,
        };
        for e in 0..n {
            let key = slot_key(u32_at(keys_at + 4 * e)?);
            let mut row = [0i16; LABELS];
            for (l, r) in row.iter_mut().enumerate() {
                let at = weights_at + (e * LABELS + l) * 2;
                *r = i16::from_le_bytes([bytes[at], bytes[at + 1]]);
            }
            w.insert(key, row);
        }
        Ok(w)
    }

    fn insert(&mut self, key: u32, row: [i16; LABELS]) {
        let mut i = home(key, self.mask);
        loop {
            if self.keys[i] == 0 {
                self.keys[i] = key;
                self.rows[i] = row;
                self.count += 1;
                return;
            }
            if self.keys[i] == key {
                let old = &mut self.rows[i];
                for (a, b) in old.iter_mut().zip(row) {
                    *a = a.saturating_add(b);
                }
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of feature `f` to `scores`.
    #[inline]
    pub fn add(&self, f: u32, scores: &mut [i32; LABELS]) {
        if self.count == 0 {
            return;
        }
        let key = slot_key(f);
        let mut i = home(key, self.mask);
        loop {
            let k = self.keys[i];
            if k == key {
                let row = &self.rows[i];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += *w as i32;
                }
                return;
            }
            if k == 0 {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Asks the processor to start loading the slot of feature `f` (its key and its
    /// weights), so that `add` finds them in cache a few dozen features later. A hint
    /// only: it changes no result, and does nothing where the target has no prefetch.
    #[inline]
    pub fn prefetch(&self, f: u32) {
        let i = home(slot_key(f), self.mask);
        prefetch_line(self.keys.as_ptr().wrapping_add(i));
        prefetch_line(self.rows.as_ptr().wrapping_add(i));
    }
}

#[inline(always)]
fn prefetch_line<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults and never reads into the
    // program's state, whatever the address; `p` is inside the table anyway.
    unsafe {
        core::arch::x86_64::_mm_prefetch::<{ core::arch::x86_64::_MM_HINT_T0 }>(p.cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Writes a weights file from `(key, row)` entries (any order; duplicates are summed
/// when read).
#[cfg_attr(not(any(test, feature = "train")), allow(dead_code))]
pub fn write(entries: &[(u32, [i16; LABELS])], threshold: i32) -> Vec<u8> {
    let mut sorted = entries.to_vec();
    sorted.sort_by_key(|e| e.0);
    let mut out = Vec::with_capacity(20 + sorted.len() * (4 + 2 * LABELS));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(LABELS as u32).to_le_bytes());
    out.extend_from_slice(&(sorted.len() as u32).to_le_bytes());
    out.extend_from_slice(&threshold.to_le_bytes());
    for (k, _) in &sorted {
        out.extend_from_slice(&k.to_le_bytes());
    }
    for (_, row) in &sorted {
        for w in row {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_weights_read_back_and_add_up() {
        let mut a = [0i16; LABELS];
        a[1] = 7;
        let mut b = [0i16; LABELS];
        b[0] = -3;
        let bytes = write(&[(42, a), (0, b)], 5);
        let w = Weights::parse(&bytes).unwrap();
        assert_eq!(w.len(), 2);
        assert_eq!(w.threshold, 5);
        let mut s = [0i32; LABELS];
        w.add(42, &mut s);
        w.add(0, &mut s);
        w.add(99, &mut s);
        assert_eq!((s[0], s[1]), (-3, 7));
        assert!(Weights::parse(b"nope").is_err());
        assert!(Weights::parse(&bytes[..bytes.len() - 1]).is_err());
    }
}
