//! Text normalisation and character helpers shared by every rule.
//!
//! Posts arrive in any mix of English and Japanese, often typed with a Japanese IME that
//! produces full-width digits and symbols (`０９０－１２３４`, `＠`).  Rules match on a
//! normalised copy of the text, one `char` per original character, so that every index in the
//! normalised copy maps back to exactly one character of the original.  `Text::b` holds the
//! original UTF-8 byte offset of each character, which is how findings are reported.

/// A normalised view of a post: `c[i]` is the normalised form of the i-th original character.
/// Byte offsets into the original are computed only when there are findings to report
/// ([`byte_offsets`]), which keeps the common clean-post scan cheaper.
pub(super) struct Text {
    pub c: Vec<char>,
    /// Cheap facts about the whole post, used to skip rule families that cannot fire
    /// (most posts are monolingual; many contain no digits).
    pub has_digit: bool,
    pub has_upper: bool,
    pub has_cjk: bool,
}

/// Byte offset of every character of `s`, plus `s.len()` at the end.
pub fn byte_offsets(s: &str) -> Vec<usize> {
    let mut b: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    b.push(s.len());
    b
}

/// Folds one character to the form the rules match on.  Only 1:1 mappings are allowed so
/// that indices stay aligned with the original text.
#[inline]
pub(crate) fn fold(ch: char) -> char {
    if ch.is_ascii() {
        return ch;
    }
    match ch {
        // Full-width ASCII block (digits, letters, '＠', '－', '．', '：', '／', …).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' | '\u{00A0}' | '\u{2009}' | '\u{202F}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF70}' => '-',
        '\u{2018}' | '\u{2019}' => '\'',
        _ => ch,
    }
}

impl Text {
    pub fn new(s: &str) -> Text {
        let mut c: Vec<char> = Vec::with_capacity(s.len());
        let (mut has_digit, mut has_upper, mut has_cjk) = (false, false, false);
        for ch in s.chars() {
            let ch = fold(ch);
            c.push(ch);
            has_digit |= ch.is_ascii_digit();
            // Upper case, or a caseless alphabetic script (Devanagari, Arabic, Thai …).
            has_upper |= ch.is_ascii_uppercase()
                || (!ch.is_ascii()
                    && ch < '\u{2E80}'
                    && (ch.is_uppercase() || (ch.is_alphabetic() && !ch.is_lowercase())));
            has_cjk |= ch >= '\u{3000}';
        }
        Text {
            c,
            has_digit,
            has_upper,
            has_cjk,
        }
    }

    pub fn len(&self) -> usize {
        self.c.len()
    }

    /// Character at `i`, or NUL outside the text (keeps boundary checks short).
    #[inline]
    pub fn at(&self, i: usize) -> char {
        match self.c.get(i) {
            Some(&ch) => ch,
            None => '\0',
        }
    }

    /// Character just before `i`, or NUL at the start.
    #[inline]
    pub fn before(&self, i: usize) -> char {
        if i == 0 {
            '\0'
        } else {
            self.at(i - 1)
        }
    }

    /// ASCII-case-insensitive: does `pat` occur at `i`?
    pub fn starts_ci(&self, i: usize, pat: &str) -> bool {
        for (j, p) in (i..).zip(pat.chars()) {
            let ch = self.at(j);
            if ch == '\0' || !ch.eq_ignore_ascii_case(&p) {
                return false;
            }
        }
        true
    }

    /// ASCII-case-insensitive: does `pat` end exactly at `end` (exclusive)?
    pub fn ends_ci(&self, end: usize, pat: &str) -> bool {
        let mut j = end;
        for p in pat.chars().rev() {
            if j == 0 || !self.c[j - 1].eq_ignore_ascii_case(&p) {
                return false;
            }
            j -= 1;
        }
        true
    }

    /// Like `starts_ci` but `pat` must also be a whole Latin word at `i`.
    pub fn word_ci(&self, i: usize, pat: &str) -> bool {
        let n = pat.chars().count();
        !is_latin(self.before(i)) && self.starts_ci(i, pat) && !is_alnum(self.at(i + n))
    }

    /// First label from `labels` that ends exactly at `end`, as a whole word on its left when
    /// it starts with a Latin letter.
    pub fn label_before<'a>(&self, end: usize, labels: &[&'a str]) -> Option<&'a str> {
        labels.iter().copied().find(|l| {
            let n = l.chars().count();
            n <= end
                && self.starts_ci(end - n, l)
                && !(l.starts_with(|c: char| c.is_ascii_alphanumeric())
                    && is_alnum(self.before(end - n)))
        })
    }

    /// End of the run of characters satisfying `f` starting at `i`.
    pub fn run_end(&self, i: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while j < self.len() && f(self.c[j]) {
            j += 1;
        }
        j
    }

    /// Start of the run of characters satisfying `f` that ends at `end`, looking back at most
    /// `max` characters (bounded so that rules stay linear on adversarial input).
    pub fn run_start(&self, end: usize, max: usize, f: impl Fn(char) -> bool) -> usize {
        let mut j = end;
        while j > 0 && end - j < max && f(self.c[j - 1]) {
            j -= 1;
        }
        j
    }

    /// Skips spaces forward.
    pub fn skip_sp(&self, i: usize) -> usize {
        self.run_end(i, |c| c == ' ' || c == '\t')
    }

    /// Skips spaces backward (bounded).
    pub fn back_sp(&self, end: usize) -> usize {
        self.run_start(end, 4, |c| c == ' ' || c == '\t')
    }

    pub fn string(&self, a: usize, e: usize) -> String {
        self.c[a.min(self.len())..e.min(self.len())]
            .iter()
            .collect()
    }

    /// Calls `f` with `a..e` as a `&str` (ASCII lower-cased when `lower`), built in a stack
    /// buffer for short spans so that dictionary look-ups do not allocate.
    pub fn with_str<R>(&self, a: usize, e: usize, lower: bool, f: impl FnOnce(&str) -> R) -> R {
        let mut buf = [0u8; 96];
        let mut n = 0;
        for &ch in &self.c[a.min(self.len())..e.min(self.len())] {
            if n + 4 > buf.len() {
                let long = if lower {
                    self.lower(a, e)
                } else {
                    self.string(a, e)
                };
                return f(&long);
            }
            let ch = if lower { ch.to_ascii_lowercase() } else { ch };
            n += ch.encode_utf8(&mut buf[n..]).len();
        }
        match std::str::from_utf8(&buf[..n]) {
            Ok(s) => f(s),
            Err(_) => f(""),
        }
    }

    /// Lower-cased ASCII copy of `a..e` (for dictionary look-ups).
    pub fn lower(&self, a: usize, e: usize) -> String {
        self.c[a.min(self.len())..e.min(self.len())]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect()
    }
}

pub fn is_kanji(c: char) -> bool {
    (c as u32) >= 0x3005
        && matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆' | 'ヶ' | 'ケ')
}
pub fn is_kata(c: char) -> bool {
    (c as u32) >= 0x30A1 && matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '\u{31F0}'..='\u{31FF}')
}
pub fn is_hira(c: char) -> bool {
    (c as u32) >= 0x3041 && matches!(c, '\u{3041}'..='\u{3096}' | 'ゝ' | 'ゞ')
}
/// A letter of an alphabetic script (Latin with accents, Greek, Cyrillic …), not CJK.
pub fn is_latin(c: char) -> bool {
    // Fast paths: ASCII, and the CJK blocks (Unicode property look-ups are slow for them).
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{F900}'..='\u{FFEF}').contains(&c) {
        false
    } else {
        c.is_alphabetic()
    }
}
pub fn is_alnum(c: char) -> bool {
    c.is_ascii_digit() || is_latin(c)
}
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// Parses ASCII digits `a..e` as a number (saturating, so long runs cannot overflow).
pub fn num(t: &Text, a: usize, e: usize) -> u64 {
    let mut v: u64 = 0;
    for i in a..e {
        v = v
            .saturating_mul(10)
            .saturating_add(t.at(i).to_digit(10).unwrap_or(0) as u64);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fullwidth_folds_and_offsets_follow_original() {
        let t = Text::new("電話０９０－１２＠ａ");
        assert_eq!(t.string(0, t.len()), "電話090-12@a");
        let b = byte_offsets("電話０９０－１２＠ａ");
        assert_eq!(b[2], 6);
        assert_eq!(*b.last().unwrap(), "電話０９０－１２＠ａ".len());
    }

    #[test]
    fn label_and_words() {
        let t = Text::new("PMID 123 and MRN 55");
        assert!(t.word_ci(13, "mrn"));
        assert!(!t.word_ci(2, "id"));
        assert_eq!(t.label_before(4, &["id", "pmid"]), Some("pmid"));
        assert_eq!(t.label_before(4, &["id"]), None);
    }

    #[test]
    fn classes() {
        assert!(
            is_kanji('田') && is_kata('ハ') && is_hira('さ') && !is_latin('田') && is_latin('é')
        );
    }
}
