//! Addresses: Japanese addresses down to chome/banchi (`…市…町1-2-3`, `…3丁目4番5号`),
//! `〒` postal codes, US street addresses (`1234 Oak Street`), `City, ST 12345`, ZIP codes
//! after an address label, UK postcodes and PO boxes.
//!
//! A prefecture, state or region on its own (`Hokkaido`, `都内`, `rural Ohio`) is not reported.

use super::text::{is_alnum, is_digit, is_hira, is_kanji, is_kata, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

/// Street-type words (and common abbreviations) that end a US/UK street name.
#[rustfmt::skip]
const STREET: &[&str] = &[
    "rue", "calle", "avenida", "via", "strasse", "straße", "islands", "isle", "isles", "street", "st", "avenue",
    "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "court", "ct", "way", "place", "pl",
    "terrace", "ter", "circle", "cir", "parkway", "pkwy", "highway", "hwy", "square", "sq", "trail", "trl",
    "crescent", "close", "loop", "row", "plaza", "path", "pike", "alley", "run", "ridge", "heights", "gardens",
    "park", "point", "crossing", "mews", "walk", "grove", "landing", "meadows", "springs", "view", "vista", "estates",
    "expressway", "freeway", "turnpike", "route", "rte", "causeway", "hollow", "junction", "knoll", "pass", "port",
    "ranch", "shores", "summit", "valley", "village", "wells", "manor", "station", "commons", "green", "hill",
    "hills", "harbor", "island", "lake", "lakes", "mill", "mills", "mount", "oval", "radial", "ramp", "spur",
    "stream", "track", "trace", "tunnel", "underpass", "via", "viaduct", "ville", "extension", "ext", "fork", "forks",
    "ford", "fords", "gateway", "glen", "glens", "haven", "inlet", "key", "keys", "light", "lights", "lock", "locks",
    "neck", "orchard", "pine", "pines", "plain", "plains", "prairie", "rapid", "rapids", "rest", "shoal", "shore",
    "skyway", "squares", "stravenue", "streets", "throughway", "union", "unions", "burg", "burgs", "bypass", "camp",
    "canyon", "cape", "center", "centre", "cliff", "cliffs", "club", "common", "corner", "corners", "course",
    "courts", "cove", "coves", "creek", "crest", "curve", "dale", "dam", "divide", "drives", "estate", "falls",
    "ferry", "field", "fields", "flat", "flats", "forest", "forge", "forges", "garden", "gateway", "harbors", "bluff",
    "bluffs", "bottom", "branch", "bridge", "brook", "brooks", "beach", "bend",
];
#[rustfmt::skip]
const US_STATES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
    "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA",
    "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "AA", "AE", "AP", "GU", "VI",
    "AS", "MP", "FM", "MH", "PW",
];
#[rustfmt::skip]
const ZIP_LABELS: &[&str] = &[
    "zip", "zip code", "zipcode", "postcode", "post code", "postal code", "郵便番号", "〒",
];

fn cap_word_end(t: &Text, i: usize) -> Option<usize> {
    if !t.at(i).is_uppercase() || is_alnum(t.before(i)) {
        return None;
    }
    let e = t.run_end(i, |c| super::text::is_latin(c) || c == '\'');
    Some(e)
}

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        if c == '〒' {
            let k = t.skip_sp(i + 1);
            let e = postal_ja(t, k);
            if e > k {
                push(hits, Kind::Address, i, e, "address.postal_ja");
                i = e;
                continue;
            }
        }
        if is_digit(c) && !is_digit(t.before(i)) {
            let e = t.run_end(i, is_digit);
            if let Some(end) = street_en(t, i, e) {
                push(hits, Kind::Address, i, end, "address.street");
                i = end;
                continue;
            }
            if let Some((s, end)) = chome_ja(t, i) {
                push(hits, Kind::Address, s, end, "address.ja");
                i = end;
                continue;
            }
            if e - i == 5 && !is_alnum(t.at(e)) && !is_alnum(t.before(i)) {
                let k = t.back_sp(i);
                let k2 = if t.before(k) == ',' || t.before(k) == ':' {
                    t.back_sp(k - 1)
                } else {
                    k
                };
                let state = k2 >= 2
                    && US_STATES
                        .iter()
                        .any(|s| t.ends_ci(k2, s) && t.at(k2 - 1).is_ascii_uppercase())
                    && !is_alnum(t.before(k2 - 2));
                let labelled = t.label_before(k2, ZIP_LABELS).is_some();
                if state || labelled {
                    let end = if t.at(e) == '-' && t.run_end(e + 1, is_digit) == e + 5 {
                        e + 5
                    } else {
                        e
                    };
                    push(
                        hits,
                        Kind::Address,
                        if state { k2 - 2 } else { i },
                        end,
                        "address.zip",
                    );
                }
            } else if e - i == 7
                || (e - i == 3 && t.at(e) == '-' && t.run_end(e + 1, is_digit) == e + 5)
            {
                let k = t.back_sp(i);
                if t.label_before(k, &["郵便番号", "〒", "郵便番号:"])
                    .is_some()
                {
                    push(hits, Kind::Address, i, postal_ja(t, i), "address.postal_ja");
                }
            }
            i = e;
            continue;
        }
        if c.is_ascii_uppercase() && !is_alnum(t.before(i)) {
            if let Some(e) = postcode(t, i) {
                push(hits, Kind::Address, i, e, "address.postcode");
                i = e;
                continue;
            }
        }
        if matches!(c, 'p' | 'P') && (t.word_ci(i, "po box") || t.word_ci(i, "p.o. box")) {
            let k = t.skip_sp(i + if t.at(i + 1) == '.' { 8 } else { 6 });
            let e = t.run_end(k, is_digit);
            if e > k {
                push(hits, Kind::Address, i, e, "address.po_box");
                i = e;
                continue;
            }
        }
        i += 1;
    }
}

/// UK (`SW1A 1AA`, `HA9 8HB`) and Canadian (`H2X 1Y4`) postcodes: distinctive letter/digit
/// shapes with a space.
fn postcode(t: &Text, i: usize) -> Option<usize> {
    let up = |k: usize| t.at(k).is_ascii_uppercase();
    let dg = |k: usize| is_digit(t.at(k));
    // Canadian: A9A 9A9
    if up(i)
        && dg(i + 1)
        && up(i + 2)
        && t.at(i + 3) == ' '
        && dg(i + 4)
        && up(i + 5)
        && dg(i + 6)
        && !is_alnum(t.at(i + 7))
    {
        return Some(i + 7);
    }
    // UK outward code: A9, A99, AA9, AA99, A9A, AA9A; then a space and 9AA.
    let mut k = i + 1;
    if up(k) {
        k += 1;
    }
    if !dg(k) {
        return None;
    }
    k += 1;
    if dg(k) || up(k) {
        k += 1;
    }
    if k - i > 4
        || t.at(k) != ' '
        || !(dg(k + 1) && up(k + 2) && up(k + 3))
        || is_alnum(t.at(k + 4))
    {
        return None;
    }
    Some(k + 4)
}

/// `123-4567` or `1234567` after `〒`.
fn postal_ja(t: &Text, k: usize) -> usize {
    let a = t.run_end(k, is_digit);
    if a - k == 3 && t.at(a) == '-' {
        let b = t.run_end(a + 1, is_digit);
        if b - a - 1 == 4 {
            return b;
        }
    }
    if a - k == 7 {
        return a;
    }
    k
}

/// "1234 Oak Street", "12 Cedar Hills Rd, Apt. 4", "742 Evergreen Terrace".
fn street_en(t: &Text, i: usize, e: usize) -> Option<usize> {
    if e - i > 6 || is_alnum(t.before(i)) || t.at(e) != ' ' {
        return None;
    }
    let mut j = e + 1;
    let mut words = 0;
    let mut last_street_end = None;
    while words < 5 {
        // Directionals and ordinals are allowed inside the name ("N 5th St", "West 42nd Street").
        let we = if let Some(we) = cap_word_end(t, j) {
            we
        } else if is_digit(t.at(j)) {
            let d = t.run_end(j, is_digit);
            let o = t.run_end(d, |c| c.is_ascii_lowercase());
            if o - d != 2 {
                break;
            }
            o
        } else {
            break;
        };
        words += 1;
        let w = t.lower(j, we);
        // "73642 Tran Islands Suite 886": a unit word after a capitalised name ends the street
        // even when the street type is unknown.
        if words > 2 && last_street_end.is_none() && ["suite", "apt", "unit"].contains(&w.as_str())
        {
            last_street_end = Some(j - 1);
            break;
        }
        if words > 1 && STREET.contains(&w.as_str()) {
            let mut end = we;
            if t.at(end) == '.' {
                end += 1;
            }
            last_street_end = Some(end);
        }
        if t.at(we) != ' ' {
            break;
        }
        j = we + 1;
    }
    let mut end = last_street_end?;
    // Unit: ", Apt. 4B", " Suite 210", " Unit 3"
    let k = if t.at(end) == ',' {
        t.skip_sp(end + 1)
    } else {
        t.skip_sp(end)
    };
    for u in ["apt.", "apt", "suite", "unit", "ste.", "ste", "#"] {
        if t.starts_ci(k, u) {
            let v = t.skip_sp(k + u.len());
            let ve = t.run_end(v, |c| c.is_ascii_alphanumeric() || c == '-');
            if ve > v {
                end = ve;
            }
            break;
        }
    }
    Some(end)
}

fn admin_suffix(c: char) -> bool {
    matches!(
        c,
        '都' | '道' | '府' | '県' | '市' | '区' | '町' | '村' | '郡' | '丁' | '目'
    )
}

fn place_char(c: char) -> bool {
    is_kanji(c)
        || is_kata(c)
        || c.is_ascii_uppercase()
        || matches!(c, 'が' | 'の' | 'ヶ' | 'ケ' | 'つ' | 'ノ')
}

/// Japanese street part `1-2-3`, `1丁目2番3号`, `1番地` glued to a place name containing an
/// administrative suffix.  Returns (start of the place name, end).
fn chome_ja(t: &Text, i: usize) -> Option<(usize, usize)> {
    let s = t.run_start(i, 24, |c| {
        place_char(c)
            || (is_hira(c) && !matches!(c, 'は' | 'に' | 'で' | 'を' | 'へ' | 'と' | 'も' | 'や'))
    });
    if s == i || !(s..i).any(|j| admin_suffix(t.at(j))) {
        return None;
    }
    let a = t.run_end(i, is_digit);
    let mut e;
    if t.at(a) == '-' && is_digit(t.at(a + 1)) {
        e = t.run_end(a + 1, is_digit);
        if t.at(e) == '-' && is_digit(t.at(e + 1)) {
            e = t.run_end(e + 1, is_digit);
        }
    } else if t.at(a) == '丁' && t.at(a + 1) == '目' {
        e = a + 2;
        let b = t.run_end(e, is_digit);
        if b > e && t.at(b) == '番' {
            e = b + 1;
            if t.at(e) == '地' {
                e += 1;
            }
            let g = t.run_end(e, is_digit);
            if g > e && t.at(g) == '号' {
                e = g + 1;
            }
        }
    } else if t.at(a) == '番' && t.at(a + 1) == '地' {
        e = a + 2;
    } else {
        return None;
    }
    // Strip field labels glued to the front ("住所東京都…").
    let mut start = s;
    for lab in ["現住所", "住所", "自宅", "お宅", "宅"] {
        if t.starts_ci(start, lab) && start + lab.chars().count() < i {
            start += lab.chars().count();
            break;
        }
    }
    // Building and room: " ○○ハイツ302号室"
    let k = t.skip_sp(e);
    let b = t.run_end(k, |c| {
        is_kata(c) || is_kanji(c) || c.is_ascii_alphanumeric() || c == '-'
    });
    if b > k && b - k <= 20 && t.starts_ci(b, "号室") {
        e = b + 2;
    } else if b > k && b - k <= 20 && t.before(b) == '号' && t.c[k..b].contains(&'室') {
        e = b;
    }
    Some((start, e))
}

#[cfg(test)]
mod tests;
