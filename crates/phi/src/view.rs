//! What a reader reads, for matching: a copy of the post with disguises undone, and the
//! way back from every character of the copy to the original. Removed: invisible
//! characters (zero-width, soft hyphen, word joiner, byte-order mark, bidi controls)
//! and the spaces of spaced-out digits (`3 1 2 - 5 5 5 …`). Folded: Cyrillic and Greek
//! look-alikes inside Latin words, katakana/kanji look-alikes (`夕ナ力` → `タナカ`,
//! `エ藤` → `工藤`), kanji numerals in long digit runs (`〇九〇‐一二三四…`), and
//! `at`/`dot` spellings of e-mail addresses. Linear in the text.

/// A post as read, with the original index of each character.
pub(crate) struct View {
    /// The readable text.
    pub text: String,
    /// For each character of `text`, the index of the original character it came from.
    pub orig: Vec<usize>,
}

fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
            | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{180E}'
    )
}

/// A Cyrillic or Greek letter that looks like a Latin one.
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'ӏ' => 'l',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'ρ' => 'p',
        'ι' => 'i',
        'κ' => 'k',
        'τ' => 't',
        'υ' => 'u',
        'ε' => 'e',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        _ => return None,
    })
}

/// Katakana that look like kanji, and the kanji they look like (both ways).
const KATA_KANJI: &[(char, char)] = &[
    ('ロ', '口'),
    ('エ', '工'),
    ('カ', '力'),
    ('タ', '夕'),
    ('ニ', '二'),
    ('ハ', '八'),
    ('ト', '卜'),
    ('ヒ', '匕'),
    ('ル', '儿'),
];

fn kanji_numeral(c: char) -> Option<char> {
    Some(match c {
        '〇' | '零' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    })
}

fn is_kata(c: char) -> bool {
    ('\u{30A1}'..='\u{30FA}').contains(&c) || c == 'ー'
}
fn is_kanji(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether any rewriting could apply (the common case scans the post as it is).
pub(crate) fn needed(s: &str) -> bool {
    s.chars().any(|c| {
        invisible(c)
            || latin_lookalike(c).is_some()
            || kanji_numeral(c).is_some()
            || KATA_KANJI.iter().any(|(k, j)| *k == c || *j == c)
    }) || has_spaced_digits(s)
        || has_spelled_at(s)
}

fn has_spaced_digits(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1] == b' '
            && w[2].is_ascii_digit()
            && w[3] == b' '
            && w[4].is_ascii_digit()
    })
}

fn has_spelled_at(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [
        " at ", "(at)", "[at]", "{at}", " dot ", "(dot)", "[dot]", "[.]", "(.)", "{.}", "hxxp",
    ]
    .iter()
    .any(|p| l.contains(p))
}

/// Builds the readable copy of `s`.
pub(crate) fn build(s: &str) -> View {
    let c: Vec<char> = s.chars().collect();
    let n = c.len();
    let mut keep = vec![true; n];
    let mut out: Vec<char> = c.clone();
    // Invisible characters.
    for i in 0..n {
        if invisible(c[i]) {
            keep[i] = false;
        }
    }
    let visible_neighbour = |i: usize, step: isize| -> char {
        let mut j = i as isize + step;
        while j >= 0 && (j as usize) < n {
            if keep[j as usize] {
                return c[j as usize];
            }
            j += step;
        }
        ' '
    };
    // Look-alikes: Cyrillic/Greek inside a word that has a Latin letter.
    let mut i = 0;
    while i < n {
        if !(c[i].is_alphabetic() && c[i] < '\u{2E80}') {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && ((c[j].is_alphabetic() && c[j] < '\u{2E80}') || !keep[j]) {
            j += 1;
        }
        if (i..j).any(|x| c[x].is_ascii_alphabetic()) {
            for x in i..j {
                if let Some(l) = latin_lookalike(c[x]) {
                    out[x] = l;
                }
            }
        }
        i = j.max(i + 1);
    }
    // Katakana and kanji look-alikes, by their neighbours' script.
    for i in 0..n {
        let (p, q) = (visible_neighbour(i, -1), visible_neighbour(i, 1));
        for (k, j) in KATA_KANJI {
            if c[i] == *k && (is_kanji(p) || is_kanji(q)) && !is_kata(p) && !is_kata(q) {
                out[i] = *j;
            } else if c[i] == *j && (is_kata(p) || is_kata(q)) && !is_kanji(p) && !is_kanji(q) {
                out[i] = *k;
            }
        }
    }
    // Kanji numerals in runs of seven or more digits (with separators): phone numbers
    // and IDs, not ages or counts.
    let mut i = 0;
    while i < n {
        if kanji_numeral(c[i]).is_none() {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut digits = 0;
        while j < n
            && (kanji_numeral(c[j]).is_some()
                || matches!(c[j], '‐' | '-' | '－' | 'ー' | '・' | ' ' | '—' | '―'))
        {
            digits += kanji_numeral(c[j]).is_some() as usize;
            j += 1;
        }
        if digits >= 7 {
            for x in i..j {
                if let Some(d) = kanji_numeral(c[x]) {
                    out[x] = d;
                } else if matches!(c[x], 'ー' | '‐' | '－' | '—' | '―') {
                    out[x] = '-';
                }
            }
        }
        i = j;
    }
    // Spaced-out digits: drop single spaces inside runs like "3 1 2 - 5 5 5 0".
    spaced_digits(&out, &mut keep);
    // at/dot spellings of e-mail addresses.
    spelled_email(&mut out, &mut keep);
    // Defanged links: `example[.]com`, `hxxps://`.
    defanged(&mut out, &mut keep);
    let mut view = View {
        text: String::with_capacity(s.len()),
        orig: Vec::with_capacity(n),
    };
    // A right-to-left override shows the characters up to its pop (or the line's
    // end) in reverse: `\u{202E}8765-4321-090\u{202C}` reads 090-1234-5678.
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = 0;
    while x < n {
        if c[x] != '\u{202E}' {
            x += 1;
            continue;
        }
        let mut y = x + 1;
        while y < n && !matches!(c[y], '\u{202C}' | '\n' | '\u{2029}') {
            y += 1;
        }
        order[x + 1..y].reverse();
        x = y;
    }
    for x in order {
        if keep[x] {
            view.text.push(out[x]);
            view.orig.push(x);
        }
    }
    view
}

fn spaced_digits(c: &[char], keep: &mut [bool]) {
    let n = c.len();
    let mut i = 0;
    while i < n {
        if !c[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A run of single digits and single separators, each followed by one space.
        let mut j = i;
        let mut singles = 0;
        let mut spaces = Vec::new();
        while j < n && (c[j].is_ascii_digit() || matches!(c[j], '-' | '.' | '(' | ')')) {
            // Two digits side by side: not a spaced-out run.
            if j + 1 < n && c[j + 1].is_ascii_digit() {
                break;
            }
            singles += c[j].is_ascii_digit() as usize;
            if j + 1 < n && c[j + 1] == ' ' {
                spaces.push(j + 1);
                j += 2;
            } else {
                j += 1;
                break;
            }
        }
        if singles >= 7 {
            for s in spaces {
                if s + 1 < n
                    && (c[s + 1].is_ascii_digit() || matches!(c[s + 1], '-' | '.' | '(' | ')'))
                {
                    keep[s] = false;
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// Rewrites `name at example dot com` (and `(at)`, `[at]`, `{dot}`…) as an address when
/// the words around it look like one: a local part, a domain, and a final label of
/// two to six letters.
fn spelled_email(out: &mut [char], keep: &mut [bool]) {
    let c: Vec<char> = out.to_vec();
    let c = &c[..];
    let n = c.len();
    let mut edits: Vec<(usize, usize, char)> = Vec::new();
    let lower = |i: usize| c[i].to_ascii_lowercase();
    let word_at = |i: usize, w: &str| -> Option<usize> {
        // `w` possibly wrapped in () [] {}, with spaces around; returns the end.
        let mut j = i;
        while j < n && c[j] == ' ' {
            j += 1;
        }
        let open = j < n && matches!(c[j], '(' | '[' | '{');
        if open {
            j += 1;
        }
        for ch in w.chars() {
            if j >= n || lower(j) != ch {
                return None;
            }
            j += 1;
        }
        if open {
            if j < n && matches!(c[j], ')' | ']' | '}') {
                j += 1;
            } else {
                return None;
            }
        }
        if j < n && c[j].is_ascii_alphanumeric() {
            return None;
        }
        while j < n && c[j] == ' ' {
            j += 1;
        }
        Some(j)
    };
    let label = |i: usize| -> usize {
        let mut j = i;
        while j < n && (c[j].is_ascii_alphanumeric() || matches!(c[j], '.' | '_' | '-' | '+')) {
            j += 1;
        }
        j
    };
    let mut i = 0;
    while i < n {
        if !c[i].is_ascii_alphanumeric()
            || (i > 0 && (c[i - 1].is_ascii_alphanumeric() || matches!(c[i - 1], '.' | '_' | '-')))
        {
            i += 1;
            continue;
        }
        let mut local_end = label(i);
        let mut local_dots = Vec::new();
        while let Some(next) = word_at(local_end, "dot") {
            if next >= n || !c[next].is_ascii_alphanumeric() || word_at(local_end, "at").is_some() {
                break;
            }
            local_dots.push((local_end, next, '.'));
            local_end = label(next);
        }
        let Some(dom) = word_at(local_end, "at") else {
            i = local_end.max(i + 1);
            continue;
        };
        if dom == local_end || dom >= n || !c[dom].is_ascii_alphanumeric() {
            i = local_end.max(i + 1);
            continue;
        }
        // Domain labels joined by "dot" (or real dots).
        let mut parts = local_dots;
        parts.push((local_end, dom, '@'));
        let mut j = label(dom);
        let mut labels = 1;
        let mut last_label = (dom, j);
        while let Some(next) = word_at(j, "dot") {
            if next >= n || !c[next].is_ascii_alphanumeric() {
                break;
            }
            parts.push((j, next, '.'));
            let e = label(next);
            last_label = (next, e);
            labels += 1;
            j = e;
        }
        let tld_ok = {
            let (s, e) = last_label;
            let tail: String = c[s..e].iter().collect();
            let tld = tail.rsplit('.').next().unwrap_or("");
            (2..=6).contains(&tld.len()) && tld.chars().all(|x| x.is_ascii_alphabetic())
        };
        let has_dot = labels > 1 || c[dom..j].contains(&'.');
        if tld_ok && has_dot {
            edits.extend(parts);
        }
        i = j.max(i + 1);
    }
    // Replace each spelled word (with its spaces) by one symbol.
    for (a, b, sym) in edits {
        if a < b {
            out[a] = sym;
            keep[a] = true;
            keep[a + 1..b].fill(false);
        }
    }
}

/// `[.]`, `(.)`, `{.}` between letters become a dot; `hxxp` becomes `http`.
fn defanged(c: &mut [char], keep: &mut [bool]) {
    let n = c.len();
    for i in 1..n.saturating_sub(3) {
        let wrapped =
            matches!((c[i], c[i + 2]), ('[', ']') | ('(', ')') | ('{', '}')) && c[i + 1] == '.';
        if wrapped && c[i - 1].is_ascii_alphanumeric() && c[i + 3].is_ascii_alphanumeric() {
            keep[i] = false;
            keep[i + 2] = false;
        }
    }
    for i in 0..n.saturating_sub(3) {
        if c[i..i + 4]
            .iter()
            .map(|x| x.to_ascii_lowercase())
            .eq("hxxp".chars())
        {
            c[i + 1] = if c[i + 1].is_ascii_uppercase() {
                'T'
            } else {
                't'
            };
            c[i + 2] = c[i + 1];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> String {
        build(s).text
    }

    #[test]
    fn disguises_are_undone() {
        assert_eq!(read("Ta\u{200B}ro Ya\u{00AD}mada"), "Taro Yamada");
        assert_eq!(read("Mr. Реtrоv"), "Mr. Petrov");
        assert_eq!(read("夕ナ力さん"), "タナカさん");
        assert_eq!(read("エ藤さん"), "工藤さん");
        assert_eq!(read("〇九〇‐一二三四‐五六七八"), "090-1234-5678");
        assert_eq!(
            read("call 3 1 2 - 5 5 5 - 0 1 9 9 now"),
            "call 312-555-0199 now"
        );
        assert_eq!(
            read("grace dot obi at example dot com"),
            "grace.obi@example.com"
        );
        assert_eq!(
            read("k.tanaka [at] example [dot] org"),
            "k.tanaka@example.org"
        );
        assert_eq!(
            read("hxxps://blog.example[.]jp/megumi"),
            "https://blog.example.jp/megumi"
        );
        assert_eq!(
            read("Mr \u{202E}tsivqdniL\u{202C} in 14"),
            "Mr Lindqvist in 14"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for s in [
            "we met at noon, dot the i's",
            "九十二歳の方",
            "Москва is a city",
            "BP 120 / 80 at 3 pm",
            "👩‍⚕️ on shift",
        ] {
            let v = build(s);
            assert_eq!(
                v.text.replace('\u{200D}', ""),
                s.replace('\u{200D}', ""),
                "{s}"
            );
        }
    }

    #[test]
    fn every_character_maps_back() {
        let s = "A\u{200B}B 5 5 5 1 2 3 4 x";
        let v = build(s);
        assert_eq!(v.orig.len(), v.text.chars().count());
        assert!(v.orig.windows(2).all(|w| w[0] < w[1]));
    }
}
