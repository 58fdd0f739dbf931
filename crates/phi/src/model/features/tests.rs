//! Tests of the model's features.

use super::*;
use crate::lists::dicts;
use crate::model::shape::en_flags;
use crate::model::unit_features::kanji_name_marks;

#[test]
fn every_unit_has_features_and_offsets_are_monotone() {
    let t = Text::new("Mr. Smith (93) was seen by 佐藤花子さん on 3/2.\n| Bed | Name |");
    let f = featurize(&t, dicts(), &[], true);
    assert_eq!(f.seg_at.len(), f.segs.len() + 1);
    assert_eq!(f.unit_at.len(), f.units.len() + 1);
    assert!(f.seg_at.windows(2).all(|w| w[0] <= w[1]));
    assert!(f.unit_at.windows(2).all(|w| w[0] <= w[1]));
    let okafor = f
        .segs
        .iter()
        .position(|g| t.string(g.s, g.e) == "Smith")
        .unwrap();
    let g = f.segs[okafor];
    assert_ne!(en_flags(&t, dicts(), &g), 0);
}

#[test]
fn kanji_surnames_are_marked() {
    let t = Text::new("佐藤花子");
    let segs = segments(&t);
    let m = kanji_name_marks(&t, dicts(), &segs);
    assert_eq!(m[0] & 0x0F, 1, "{m:?}");
}
