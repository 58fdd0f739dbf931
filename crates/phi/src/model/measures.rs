//! A number followed by a unit of measure is a quantity, not a date or an age:
//! `16時間夜勤`, `90 mg`, `92%`, `3 回`. The model judges words in context and can take
//! such a number for a date or an age of 90+; this structural check (the rules know it
//! too) drops those findings when no rule agrees. Age units (`歳`, `y/o`, `years`)
//! are not measures here.

use crate::hits::Hit;
use crate::kinds::Kind;
use crate::text::{is_digit, is_latin, Text};

/// Units that make the number before them a quantity (folded text: ASCII digits and
/// letters). Latin units must end at a word boundary.
const UNITS: &[&str] = &[
    "時間", "時", "分", "秒", "日間", "日目", "週間", "週", "ヶ月", "か月", "カ月", "ケ月", "箇月",
    "年間", "年目", "回", "錠", "包", "本", "件", "人", "名", "床", "単位", "%", "％", "℃", "度",
    "mg", "mcg", "µg", "μg", "g", "kg", "ml", "mL", "l", "cc", "cm", "mm", "mmhg", "meq", "mmol",
    "iu", "units", "u", "h", "hr", "hrs", "hour", "hours", "min", "mins", "minutes", "sec", "bpm",
    "beds", "times", "tabs", "doses", "patients", "pts", "cases", "%ile",
];

/// Whether hit `h` (found by the model alone) is a bare number followed by a unit.
pub(crate) fn is_quantity(t: &Text, h: &Hit) -> bool {
    if !matches!(h.kind, Kind::Date | Kind::AgeOver89) || !h.rule.starts_with("model.") {
        return false;
    }
    if h.s >= h.e || !(h.s..h.e).all(|i| is_digit(t.at(i))) {
        return false;
    }
    let at = t.skip_sp(h.e);
    UNITS.iter().any(|u| {
        let n = u.chars().count();
        t.starts_ci(at, u)
            && !(u.chars().all(|c| c.is_ascii_alphabetic()) && is_latin(t.at(at + n)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hits::push;

    fn quantity(text: &str, s: usize, e: usize, kind: Kind) -> bool {
        let t = Text::new(text);
        let mut hits = Vec::new();
        push(&mut hits, kind, s, e, "model.date");
        is_quantity(&t, &hits[0])
    }

    #[test]
    fn numbers_with_a_unit_are_quantities() {
        assert!(quantity("16時間夜勤", 0, 2, Kind::Date));
        assert!(quantity("give 90 mg now", 5, 7, Kind::AgeOver89));
        assert!(quantity("SpO2 92 % on air", 5, 7, Kind::AgeOver89));
        assert!(!quantity("seen on 16 March", 8, 10, Kind::Date));
        assert!(!quantity("she is 93 years old", 7, 9, Kind::AgeOver89));
        assert!(!quantity("93歳の方", 0, 2, Kind::AgeOver89));
        assert!(
            !quantity("16 hourglass", 0, 2, Kind::Date),
            "a unit is a whole word"
        );
    }
}
