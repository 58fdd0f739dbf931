//! Named facilities a patient is tied to: hospitals, clinics, care homes, home-nursing
//! stations (`Riverside Memorial Hospital`, `St. Mary's Hospital`, `城南病院`,
//! `特別養護老人ホームさくらの里`, `あおば訪問看護ステーション`).
//!
//! Generic types (`a nursing home`, `特養`, `有料老人ホーム`) and institutions discussed as
//! institutions (`Mayo Clinic's protocol`, `国立がん研究センターの資料`) are not reported.

use super::lex::lex;
use super::text::{is_alnum, is_latin, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

pub(super) use super::facilities_ja::ja_replacement;

lex!(en_heads, EN_HEADS);
lex!(en_generic, EN_GENERIC);
lex!(en_institution_after, EN_INSTITUTION_AFTER);
lex!(
    en_institution_words,
    &[
        "published",
        "publishes",
        "protocol",
        "pathway",
        "guideline",
        "guidance",
        "study",
        "trial",
        "researchers",
        "website",
        "recommends",
        "recommend",
        "criteria",
        "algorithm",
        "consensus",
        "has a public",
        "announced",
        "has a good",
        "has a great",
        "has a nice",
        "leaflet",
        "leaflets",
        "fellowship",
        "residency",
        "training program",
        "grand rounds",
        "research",
        "review on",
        "review of",
    ]
);
lex!(
    en_patient_ties,
    &[
        "from",
        "transferred",
        "transfer",
        "admitted",
        "discharged",
        "lives",
        "living",
        "resident",
        "sent",
        "came",
        "moved",
        "stays",
        "staying",
        "at ",
        "to ",
        "back to",
        "returned",
    ]
);

/// English facility heads (matched case-insensitively after capitalised name words).
#[rustfmt::skip]
const EN_HEADS: &[&str] = &[
    "hospital", "medical center", "medical centre", "health center", "health centre", "clinic", "nursing home",
    "care home", "care centre", "care center", "nursing center", "nursing centre", "rehabilitation center",
    "rehabilitation centre", "rehab center", "rehab", "hospice", "retirement village", "retirement home",
    "retirement community", "skilled nursing", "assisted living", "senior living", "infirmary", "health system",
    "healthcare", "manor", "lodge", "surgery", "medical practice", "home care", "home health", "dialysis center",
    "residential home", "care village", "nursing facility", "living center", "care community", "memory care",
];
/// Words that do not name a facility by themselves.
#[rustfmt::skip]
const EN_GENERIC: &[&str] = &[
    "the", "a", "an", "our", "their", "his", "her", "this", "that", "local", "community", "general", "district",
    "regional", "county", "city", "university", "teaching", "private", "public", "state", "memorial", "children's",
    "psychiatric", "veterans", "va", "rural", "nearest", "same", "other", "another", "new", "old", "my", "your",
    "any", "in", "at", "from", "to", "of", "and", "st", "st.", "saint", "mental", "day", "outpatient", "inpatient",
    "acute", "tertiary", "specialist", "cancer", "eye", "dental", "family", "medical", "health", "nursing", "care",
    "senior",
];
/// Context after a facility that shows it is discussed as an institution.
#[rustfmt::skip]
const EN_INSTITUTION_AFTER: &[&str] = &[
    "'s protocol", "'s pathway", "'s guideline", "'s guidance", "'s website", "'s data", "'s approach", "'s study",
    "'s criteria", "'s algorithm", "'s policy", "'s experience", "'s model", "'s team published", " protocol",
    " pathway", " guideline", " published", " has a public", " study", " researchers", " criteria", " website",
];

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    if t.has_upper {
        english(t, hits);
    }
    if t.has_cjk {
        super::facilities_ja::japanese(t, hits);
    }
}

fn english(t: &Text, hits: &mut Hits) {
    let heads = en_heads();
    let mut i = 0;
    while i < t.len() {
        if !t.at(i).is_ascii_alphabetic() || is_alnum(t.before(i)) {
            i += 1;
            continue;
        }
        if t.at(i) == 'S' {
            if let Some(e) = saint(t, i, hits) {
                i = e;
                continue;
            }
        }
        let Some(head_len) = heads.word_at(t, i) else {
            i = t.run_end(i, is_latin).max(i + 1);
            continue;
        };
        let he = i + head_len;
        // Walk back over capitalised name words (and "St.", "Mary's", "of").
        let mut s = i;
        let mut named = false;
        let mut steps = 0;
        loop {
            let mut k = t.back_sp(s);
            if k == s || steps >= 5 {
                break;
            }
            // Connectors inside a name: "Riverbend Health & Rehab", "Smith and Jones Clinic".
            if t.before(k) == '&' || (t.ends_ci(k, "and") && !is_latin(t.before(k - 3))) {
                let k2 = t.back_sp(k - if t.before(k) == '&' { 1 } else { 3 });
                if k2 < k && t.before(k2).is_ascii_alphabetic() {
                    k = k2;
                }
            }
            let ws = t.run_start(k, 20, |c| is_latin(c) || c == '\'' || c == '.' || c == '-');
            if ws == k || !t.at(ws).is_uppercase() {
                break;
            }
            if !en_generic().is(t, ws, k) {
                named = true;
            }
            if [
                "the", "a", "an", "our", "their", "his", "her", "this", "my", "your",
            ]
            .iter()
            .any(|w| w.len() == k - ws && t.starts_ci(ws, w))
            {
                break;
            }
            s = ws;
            steps += 1;
        }
        // Discussed as an institution: "Mayo Clinic's protocol", or an institutional verb or
        // noun shortly after ("… Hospital Birmingham published a pathway") with no patient
        // tie before it ("transferred from", "lives at").
        let institutional = en_institution_after().at(t, he).is_some()
            || (en_institution_words().any_in(t, he, he + 40)
                && !en_patient_ties().any_in(t, s.saturating_sub(30), s));
        if named && !institutional {
            push(hits, Kind::Facility, s, he, "facility.en");
        }
        i = he;
    }
}

/// "transferred from St. Jude's", "came from St. Catherine's": a saint's name in the possessive
/// is a hospital's short name when a patient tie comes just before it.  Not "St. Patrick's
/// Day" (a capitalised word follows) or "St. John's wort".  Returns the end when it reports.
fn saint(t: &Text, i: usize, hits: &mut Hits) -> Option<usize> {
    let n = if t.starts_ci(i, "St. ") {
        4
    } else if t.starts_ci(i, "St ") {
        3
    } else if t.starts_ci(i, "Saint ") {
        6
    } else {
        return None;
    };
    let w = i + n;
    let we = t.run_end(w, is_latin);
    let poss = t.starts_ci(we, "'s") || t.starts_ci(we, "’s");
    if !t.at(w).is_uppercase() || we == w || !poss || is_latin(t.at(we + 2)) {
        return None;
    }
    let after = t.skip_sp(we + 2);
    let next_cap = after == we + 3 && t.at(after).is_uppercase();
    let tied = en_patient_ties().any_in(t, i.saturating_sub(25), i);
    if tied && !next_cap && !t.starts_ci(after, "wort") && !t.starts_ci(after, "day") {
        push(hits, Kind::Facility, i, we + 2, "facility.en_saint");
        return Some(we + 2);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::kinds::Kind;

    fn facs(s: &str) -> Vec<String> {
        crate::detector::texts_of_kind(s, Kind::Facility)
    }

    #[test]
    fn positives() {
        let cases = [
            (
                "Transfer in from Riverside Memorial Hospital, no med rec",
                "Riverside Memorial Hospital",
            ),
            (
                "fell at Oakview Nursing Home last night",
                "Oakview Nursing Home",
            ),
            ("from St. Mary's Hospital", "St. Mary's Hospital"),
            ("城南病院からの転院", "城南病院"),
            ("市立港町病院に入院", "市立港町病院"),
            ("特別養護老人ホーム福寿荘入所中", "特別養護老人ホーム福寿荘"),
            (
                "グループホームさくらの里に戻ります",
                "グループホームさくらの里",
            ),
            (
                "あおば訪問看護ステーションから",
                "あおば訪問看護ステーション",
            ),
            ("あさひが丘ホスピスから転院", "あさひが丘ホスピス"),
            (
                "Transferred from Riverbend Health & Rehab today",
                "Riverbend Health & Rehab",
            ),
        ];
        for (s, want) in cases {
            assert_eq!(facs(s), vec![want.to_string()], "{s}");
        }
    }

    #[test]
    fn negatives() {
        for s in [
            "Mayo Clinic's protocol is good",
            "Queen Elizabeth Hospital Birmingham published a great pathway",
            "discharged to a nursing home",
            "Hospital policy says no",
            "特養での看取り",
            "有料老人ホームの皆さん",
            "国立がん研究センターの資料",
            "京都大学医学部附属病院の資料が参考",
            "老健の職員",
            "近くの病院に",
            "大学病院で研修",
            "the hospital",
        ] {
            assert!(facs(s).is_empty(), "{s}: {:?}", facs(s));
        }
    }
}
