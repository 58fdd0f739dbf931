//! Structured identifiers: record numbers, SSN, My Number, NPI, insured-person and long-term
//! care numbers, member IDs, licence and serial numbers.
//!
//! Numbers are reported when a field label says what they are (`MRN`, `患者ID`, `記号…番号`),
//! or, without a label, when their check digit validates (My Number mod-11, NPI Luhn over the
//! `80840` prefix), their shape is unmistakable (SSN `123-45-6789` with valid area/group/serial,
//! letter-prefixed member IDs), or they are long bare numbers.  Codes that are not about a
//! person (PMID, NCT, NDC/YJ drug codes, ICD, lot numbers, the insurer number `保険者番号`)
//! are excluded by their labels.

use super::lex::lex;
use super::text::{is_alnum, is_digit, Text};
use crate::hits::{push, Hits};
use crate::kinds::Kind;

lex!(id_labels, ID_LABELS);
lex!(not_id_labels, NOT_ID_LABELS);
lex!(code_prefixes, CODE_PREFIXES);

/// Luhn check over a digit string (the last digit is the check digit).
fn luhn_ok(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = x as u32;
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    !d.is_empty() && sum.is_multiple_of(10)
}

/// True when `s` is a 10-digit US National Provider Identifier whose Luhn check digit
/// (computed over the `80840` prefix and the first nine digits) is correct.
pub fn npi_is_valid(s: &str) -> bool {
    let s = s.trim();
    if s.len() != 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut d: Vec<u8> = b"80840".iter().map(|b| b - b'0').collect();
    d.extend(s.bytes().map(|b| b - b'0'));
    luhn_ok(&d)
}

/// Japanese Individual Number (マイナンバー): 12 digits, mod-11 check digit.
fn my_number_ok(d: &[u8]) -> bool {
    if d.len() != 12 {
        return false;
    }
    let mut total = 0u32;
    for n in 1..=11usize {
        let p = d[11 - n] as u32;
        let q = if n <= 6 { n + 1 } else { n - 5 } as u32;
        total += p * q;
    }
    let r = total % 11;
    let check = if r <= 1 { 0 } else { 11 - r };
    check == d[11] as u32
}

/// US Medicare Beneficiary Identifier: 11 characters (`1EG4-TE5-MK73`, dashes optional):
/// C A AN N A AN N A A N N, where A is a letter other than S, L, O, I, B, Z.  The shape is
/// distinctive enough to need no label.
fn mbi_ok(tok: &[char]) -> bool {
    if tok.len() != 11 && tok.len() != 13 {
        return false;
    }
    let c: Vec<char> = tok.iter().copied().filter(|&c| c != '-').collect();
    let dashed = tok.len() == 13 && tok[4] == '-' && tok[8] == '-';
    if c.len() != 11 || !(tok.len() == 11 || dashed) {
        return false;
    }
    let a = |x: char| x.is_ascii_uppercase() && !"SLOIBZ".contains(x);
    let n = |x: char| x.is_ascii_digit();
    let an = |x: char| a(x) || n(x);
    matches!(c[0], '1'..='9')
        && a(c[1])
        && an(c[2])
        && n(c[3])
        && a(c[4])
        && an(c[5])
        && n(c[6])
        && a(c[7])
        && a(c[8])
        && n(c[9])
        && n(c[10])
}

/// SSN rules: area not 000, 666 or 900–999; group not 00; serial not 0000.
fn ssn_ok(d: &[u8]) -> bool {
    if d.len() != 9 {
        return false;
    }
    let area = d[0] as u32 * 100 + d[1] as u32 * 10 + d[2] as u32;
    area != 0 && area != 666 && area < 900 && (d[3], d[4]) != (0, 0) && d[5..] != [0, 0, 0, 0]
}

/// Field labels that make the following number a personal identifier (longest first
/// within a family, matched case-insensitively, whole word on the left for Latin labels).
#[rustfmt::skip]
const ID_LABELS: &[&str] = &[
    "ur", "pt#", "patient #", "入院番号", "id番号", "medical record number", "medical record no", "medical record",
    "record number", "record no", "hospital number", "hospital no", "patient number", "patient no", "patient id",
    "chart number", "chart no", "chart", "mrn", "mr#", "mr no", "mr", "ur number", "urn", "nhs number", "nhs no",
    "nhs", "chi number", "chi", "medicare number", "medicare no", "medicare", "medicaid", "member id",
    "member number", "member no", "member", "subscriber id", "subscriber", "policy number", "policy no", "policy",
    "insurance id", "social security number", "social security no", "social security", "ssn", "ss#", "npi", "dea",
    "license number", "licence number", "license no", "licence no", "license", "licence", "dl", "serial number",
    "serial no", "serial", "s/n", "sn", "device id", "account number", "account", "acct", "passport", "id number",
    "id no", "id", "no.", "患者id", "患者番号", "カルテ番号", "カルテno", "カルテ", "診察券番号", "診察券", "マイナンバー", "個人番号", "被保険者番号",
    "被保険者証番号", "被保険者証", "記号", "介護保険番号", "介護保険被保険者番号", "介護保険証番号", "介護保険証", "受給者番号", "受給者証番号", "保険証番号", "保険証", "免許証番号",
    "運転免許証", "シリアル番号", "製造番号", "基礎年金番号", "年金番号", "旅券番号", "パスポート番号", "登録番号", "利用者番号", "利用者id",
];

/// Labels of codes that do not identify a person.
#[rustfmt::skip]
const NOT_ID_LABELS: &[&str] = &[
    "pmid", "pmcid", "pmc", "doi", "nct", "ndc", "yj", "yjコード", "icd", "icd-10", "icd10", "lot", "lot no",
    "lot number", "batch", "ロット", "ロット番号", "医療機関コード", "isbn", "jan", "room", "bed", "bay", "ward", "部屋番号", "病棟",
    "grant", "trial", "version", "ver", "v", "step", "pmid:", "cas", "保険者番号", "保険者",
];

/// Letter prefixes of public codes (trial registries, PubMed Central, drug codes).
#[rustfmt::skip]
const CODE_PREFIXES: &[&str] = &[
    "NCT", "PMC", "ISBN", "JAN", "NDC", "YJ", "DOI", "ICD", "EC", "CAS", "UMIN", "JRCT", "ISRCTN", "GSE", "SRR",
    "ATC", "RS",
];

/// Skips separators between a label and its value (spaces, colons, `#`, `は`, `No.`).
fn value_start_back(t: &Text, i: usize) -> usize {
    let mut k = t.back_sp(i);
    for _ in 0..3 {
        let c = t.before(k);
        if matches!(c, ':' | '#' | '=' | 'は' | 'の' | '：' | '.' | '-') {
            k = t.back_sp(k - 1);
        } else if t.ends_ci(k, "no") && !is_alnum(t.before(k - 2)) {
            k = t.back_sp(k - 2);
        } else {
            break;
        }
    }
    k
}

enum Label {
    Id,
    /// Short numbers allowed (the "番号" of an insured-person symbol/number pair).
    Short,
    NotId,
    /// After "保険者番号"/"insurer number": not personal when the check digit validates.
    Insurer,
    None,
}

fn label(t: &Text, i: usize) -> Label {
    let k = value_start_back(t, i);
    // "保険者番号" names an insurer unless it is "被保険者番号".
    if let Some(n) = [5usize, 3].into_iter().find(|&n| {
        t.ends_ci(
            k,
            if n == 5 {
                "保険者番号"
            } else {
                "保険者"
            },
        )
    }) {
        return if t.before(k - n) == '被' {
            Label::Id
        } else {
            Label::Insurer
        };
    }
    if t.ends_ci(k, "insurer number") || t.ends_ci(k, "insurer no") || t.ends_ci(k, "insurer") {
        return Label::Insurer;
    }
    if not_id_labels().before(t, k).is_some() {
        return Label::NotId;
    }
    if id_labels().before(t, k).is_some() {
        return Label::Id;
    }
    // "番号115" right after an insured-person symbol "記号8205".
    if t.ends_ci(k, "番号") && (k.saturating_sub(16)..k).any(|j| t.starts_ci(j, "記号")) {
        return Label::Short;
    }
    Label::None
}

/// Units and counters after a number that make it a quantity, not an identifier.
fn quantity_after(c: char) -> bool {
    matches!(
        c,
        '円' | '人'
            | '件'
            | '例'
            | '名'
            | '個'
            | '本'
            | '回'
            | '枚'
            | '点'
            | '万'
            | '億'
            | '倍'
            | '%'
            | '年'
            | '歳'
    )
}

pub(super) fn scan(t: &Text, hits: &mut Hits) {
    // Buffers reused across tokens (no allocation per number).
    let mut digits: Vec<u8> = Vec::with_capacity(24);
    let mut sizes: Vec<usize> = Vec::with_capacity(8);
    let mut seps: Vec<char> = Vec::with_capacity(8);
    let mut i = 0;
    while i < t.len() {
        let c = t.at(i);
        // "No.AB1234" (no space after the label's full stop) still starts a value.
        if !c.is_ascii_alphanumeric()
            || t.before(i).is_ascii_alphanumeric()
            || (matches!(t.before(i), '.' | '-' | '/' | ',')
                && !(t.before(i) == '.' && i >= 3 && t.ends_ci(i - 1, "no")))
        {
            i += 1;
            continue;
        }
        // Any labelled alphanumeric token with enough digits ("Medicare 1EG4-TE5-MK73", "SN 4471-AXZ-0091").
        let te = t.run_end(i, |c| c.is_ascii_alphanumeric() || c == '-');
        let te = if t.before(te) == '-' { te - 1 } else { te };
        let nd = t.c[i..te].iter().filter(|c| c.is_ascii_digit()).count();
        if (te - i == 11 || te - i == 13) && mbi_ok(&t.c[i..te]) {
            push(hits, Kind::Id, i, te, "id.medicare_mbi");
            i = te;
            continue;
        }
        if te - i >= 6 && nd >= 3 && nd < te - i && matches!(label(t, i), Label::Id) {
            push(hits, Kind::Id, i, te, "id.labelled_alnum");
            i = te;
            continue;
        }
        // Letter prefix (member IDs, "MR1234567"): up to 4 upper-case letters, optional '-'.
        let letters_end = t.run_end(i, |c| c.is_ascii_uppercase());
        let pre = letters_end - i;
        let mut ds = letters_end;
        if pre > 0 && t.at(ds) == '-' {
            ds += 1;
        }
        if pre > 4 || !is_digit(t.at(ds)) {
            i = t.run_end(i, |c| c.is_ascii_alphanumeric()).max(i + 1);
            continue;
        }
        // Digit groups separated by single spaces or hyphens (My Number "1234 5678 9012", SSN).
        let mut e = ds;
        digits.clear();
        sizes.clear();
        seps.clear();
        let mut too_long = false;
        loop {
            let ge = t.run_end(e, is_digit);
            if digits.len() + (ge - e) > 20 {
                too_long = true;
                e = ge;
                break;
            }
            digits.extend(t.c[e..ge].iter().map(|c| *c as u8 - b'0'));
            sizes.push(ge - e);
            e = ge;
            let s = t.at(e);
            if (s == ' ' || s == '-') && is_digit(t.at(e + 1)) && sizes.len() < 4 && pre == 0 {
                seps.push(s);
                e += 1;
            } else {
                break;
            }
        }
        // A trailing letter glued to the number ("93F", "5mg") means it is not an identifier.
        let tail_alpha = t.at(e).is_ascii_alphabetic();
        if too_long || tail_alpha {
            i = t.run_end(e, |c| c.is_ascii_alphanumeric()).max(i + 1);
            continue;
        }
        let n = digits.len();
        let lab = label(t, i);
        let rule: Option<&'static str> = match lab {
            Label::NotId => None,
            // Insurer numbers (8 digits, or 6 for National Health Insurance) carry a Luhn check
            // digit; one that fails is more likely an insured person's number under the wrong label.
            Label::Insurer if (n == 8 || n == 6) && sizes.len() == 1 && luhn_ok(&digits) => None,
            Label::Insurer if n >= 6 => Some("id.insurer_check_failed"),
            Label::Insurer => None,
            _ if pre == 0 && sizes == [3, 2, 4] && seps == ['-', '-'] && ssn_ok(&digits) => {
                Some("id.ssn")
            }
            _ if pre == 0
                && n == 12
                && (sizes == [12] || sizes == [4, 4, 4])
                && my_number_ok(&digits) =>
            {
                Some("id.my_number")
            }
            _ if pre == 0
                && sizes == [10]
                && matches!(digits[0], 1 | 2)
                && npi_is_valid(&t.string(i, e)) =>
            {
                Some("id.npi")
            }
            Label::Id if n >= 4 && !quantity_after(t.at(e)) => Some("id.labelled"),
            Label::Short if n >= 2 => Some("id.labelled"),
            _ if pre >= 1 && n >= 6 && sizes.len() == 1 && code_prefixes().at(t, i).is_none() => {
                Some("id.alnum")
            }
            _ if pre == 0
                && sizes.len() == 1
                && n >= 7
                && !quantity_after(t.at(e))
                && !matches!(t.before(i), '$' | '¥' | '€' | '£' | '#') =>
            {
                Some("id.long_number")
            }
            _ => None,
        };
        if let Some(r) = rule {
            // Keep a single separator-joined run only when it is one identifier.
            let end = if sizes.len() > 1 && r == "id.labelled" && !(n == 12 || n == 9) {
                ds + sizes[0]
            } else {
                e
            };
            push(hits, Kind::Id, i, end, r);
        }
        i = e.max(i + 1);
    }
}

#[cfg(test)]
mod tests;
