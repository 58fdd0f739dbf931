//! The random choices behind one synthetic post: a splitmix64 stream ([`Rng`]) and the terms
//! and numbers drawn from it ([`Ctx`]), which fill the sentence templates.

use super::capitalise;
use super::template::{Piece, Slot, Template};
use super::vocab::Vocab;

/// splitmix64: a tiny, well-mixed deterministic generator.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` must not be 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }

    /// A random element of `xs` (which must not be empty).
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    /// The index of a random element of `xs` that satisfies `ok` (some element must).
    pub fn pick_where<T>(&mut self, xs: &[T], ok: impl Fn(usize, &T) -> bool) -> usize {
        let fits: Vec<usize> = (0..xs.len()).filter(|&k| ok(k, &xs[k])).collect();
        fits[self.below(fits.len())]
    }
}

/// The terms and numbers one post is written about.
pub struct Ctx<'v> {
    v: &'v Vocab,
    /// Index into [`Vocab::conditions`]: the condition the post is about.
    pub cond: usize,
    cond2: usize,
    /// Index into [`Vocab::drugs`]: the main drug.
    pub drug: usize,
    drug2: usize,
    int: usize,
    int2: usize,
    set: usize,
    lab: usize,
    lab_value: u32,
    /// Adults: the decade (60, 70, 80); children: an index into [`Vocab::children`].
    age: u32,
    /// Whether the post is about a child.
    pub child: bool,
    days: u32,
    days2: u32,
    day: u32,
    hours: u32,
    egfr: u32,
}

impl<'v> Ctx<'v> {
    /// Draws the terms and numbers of a post from `rng`. `v` must be a vocabulary checked by
    /// `vocab::parse`, which guarantees that every pick below finds something.
    pub fn new(rng: &mut Rng, v: &'v Vocab) -> Ctx<'v> {
        let cond = rng.below(v.conditions.len());
        let child = v.conditions[cond].child;
        let complications = if child {
            &v.child_complications
        } else {
            &v.adult_complications
        };
        let cond2 = loop {
            let k = *rng.pick(complications);
            if k != cond {
                break k;
            }
        };
        // The main drug is one used for the condition; the second another one for it, or
        // any drug when the condition has a single one listed.
        let related = &v.conditions[cond].drugs;
        let drug = related[rng.below(related.len())];
        let drug2 = loop {
            let k = if related.len() > 1 {
                related[rng.below(related.len())]
            } else {
                rng.below(v.drugs.len())
            };
            if k != drug {
                break k;
            }
        };
        let int = rng.pick_where(&v.interventions, |_, t| t.scope.fits(child));
        let int2 = rng.pick_where(&v.interventions, |k, t| k != int && t.scope.fits(child));
        let set = rng.pick_where(&v.settings, |_, t| t.scope.fits(child));
        let lab = rng.pick_where(&v.labs, |_, l| l.scope.fits(child));
        let (lo, hi) = (v.labs[lab].min_tenths, v.labs[lab].max_tenths);
        let days = rng.range(3, 7);
        Ctx {
            v,
            cond,
            cond2,
            drug,
            drug2,
            int,
            int2,
            set,
            lab,
            lab_value: rng.range(lo, hi),
            age: if child {
                rng.below(v.children.len()) as u32
            } else {
                rng.range(6, 8) * 10
            },
            child,
            days,
            days2: days + rng.range(3, 7),
            day: rng.range(2, 5),
            hours: *[6, 12, 24].get(rng.below(3)).unwrap_or(&24),
            egfr: rng.range(3, 12) * 5,
        }
    }

    fn lab_value(&self) -> String {
        let lab = &self.v.labs[self.lab];
        let v = if lab.decimal {
            format!("{}.{}", self.lab_value / 10, self.lab_value % 10)
        } else {
            (self.lab_value / 10).to_string()
        };
        match lab.unit.as_str() {
            "" => v,
            "%" => format!("{v}%"),
            u => format!("{v} {u}"),
        }
    }

    /// "a patient in their 80s" / "80代の方", or "a toddler" / "幼児".
    fn who(&self, ja: bool, short: bool) -> String {
        if self.child {
            let c = &self.v.children[self.age as usize];
            return (if ja { &c.ja } else { &c.en }).clone();
        }
        match (ja, short) {
            (true, true) => format!("{}代", self.age),
            (true, false) => format!("{}代の方", self.age),
            (false, _) => format!("a patient in their {}s", self.age),
        }
    }

    fn value(&self, slot: Slot, ja: bool) -> String {
        let pick = |en: &str, jp: &str| (if ja { jp } else { en }).to_string();
        let v = self.v;
        let (c, c2) = (&v.conditions[self.cond], &v.conditions[self.cond2]);
        let (d, d2) = (&v.drugs[self.drug], &v.drugs[self.drug2]);
        let (i, i2) = (&v.interventions[self.int], &v.interventions[self.int2]);
        match slot {
            Slot::Cond => pick(&c.en, &c.ja),
            Slot::Cond2 => pick(&c2.en, &c2.ja),
            Slot::Drug => pick(&d.en, &d.ja),
            Slot::Drug2 => pick(&d2.en, &d2.ja),
            Slot::Int => pick(&i.en, &i.ja),
            Slot::Int2 => pick(&i2.en, &i2.ja),
            Slot::Set => pick(&v.settings[self.set].en, &v.settings[self.set].ja),
            Slot::Lab => pick(&v.labs[self.lab].en, &v.labs[self.lab].ja),
            Slot::LabValue => self.lab_value(),
            Slot::Who => self.who(ja, false),
            Slot::WhoShort => self.who(ja, true),
            Slot::Group if self.child => pick("young children", "小さなお子さん"),
            Slot::Group if ja => format!("{}代の方", self.age),
            Slot::Group => format!("frail patients in their {}s", self.age),
            Slot::Days => self.days.to_string(),
            Slot::Days2 => self.days2.to_string(),
            Slot::Day => self.day.to_string(),
            Slot::Hours => self.hours.to_string(),
            Slot::Egfr => self.egfr.to_string(),
        }
    }

    /// Fills the placeholders of `template`; English sentences get a capital first letter.
    pub fn fill(&self, template: &Template, ja: bool) -> String {
        let mut out = String::with_capacity(128);
        for piece in template.pieces() {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Slot(slot) => out.push_str(&self.value(*slot, ja)),
            }
        }
        if ja {
            out
        } else {
            capitalise(&out)
        }
    }
}
