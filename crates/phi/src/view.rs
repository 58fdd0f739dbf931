//! What a reader reads, for matching: a copy of the post with disguises undone, and the
//! way back from every character of the copy to the original. Removed: invisible
//! characters (zero-width, soft hyphen, word joiner, byte-order mark, bidi controls)
//! and the spaces of spaced-out digits (`3 1 2 - 5 5 5 …`). Folded: Cyrillic and Greek
//! look-alikes inside Latin words, katakana/kanji look-alikes (`夕ナ力` → `タナカ`,
//! `エ藤` → `工藤`), kanji numerals in long digit runs (`〇九〇‐一二三四…`), and
//! `at`/`dot` spellings of e-mail addresses. Linear in the text.

mod spelled;
use spelled::{defanged, spelled_email};

/// A post as read, with the original index of each character.
pub(crate) struct View {
    /// The readable text.
    pub text: String,
    /// For each character of `text`, the index of the original character it came from.
    pub orig: Vec<usize>,
}

pub(crate) fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}'
            | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{180E}'
    )
}

/// A Cyrillic or Greek letter that looks like a Latin one.
pub(crate) fn latin_lookalike(c: char) -> Option<char> {
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
pub(crate) const KATA_KANJI: &[(char, char)] = &[
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

#[cfg(test)]
mod tests;
