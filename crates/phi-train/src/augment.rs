//! Training-time augmentation: copies of hand-written PHI posts with every gold name
//! replaced by another name of the same script and case style (consistently within the
//! post). The model then learns *where* names stand (after which words, before which
//! verbs, in which lines) rather than *which* names the writers happened to use, which is
//! what a post by a new writer, naming new people, needs.
//!
//! Deterministic: the replacements come from a generator seeded by the post's id.

use std::collections::HashMap;

use phi::Kind;

use phi_train::corpus::{Post, Set};

static EN_GIVEN: &str = include_str!("../../phi/data/en_given.txt");
static EN_SURNAMES: &str = include_str!("../../phi/data/en_surnames.txt");
static JA_GIVEN: &str = include_str!("../../phi/data/ja_given.txt");
static JA_SURNAMES: &str = include_str!("../../phi/data/ja_surnames.txt");

/// The script of a name, which decides what it may be replaced with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Script {
    Latin,
    Kanji,
    Hiragana,
    Katakana,
    Other,
}

fn script_of(s: &str) -> Script {
    let letters: Vec<char> = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '・')
        .collect();
    let all = |f: &dyn Fn(char) -> bool| !letters.is_empty() && letters.iter().all(|c| f(*c));
    if all(&|c| c.is_ascii_alphabetic() || c == '-' || c == '\'' || c == '.') {
        Script::Latin
    } else if all(&|c| ('\u{4E00}'..='\u{9FFF}').contains(&c) || c == '々') {
        Script::Kanji
    } else if all(&|c| ('\u{3041}'..='\u{309F}').contains(&c)) {
        Script::Hiragana
    } else if all(&|c| ('\u{30A0}'..='\u{30FF}').contains(&c)) {
        Script::Katakana
    } else {
        Script::Other
    }
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn new(seed: &str, copy: u32) -> Rng {
        let h = seed
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64 ^ copy as u64, |h, b| {
                (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
            });
        Rng(h | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &'a [String]) -> &'a str {
        xs.get(self.below(xs.len())).map_or("", String::as_str)
    }
}

/// Where replacement names come from.
pub(crate) struct Pools {
    en_given: Vec<String>,
    en_surnames: Vec<String>,
    ja_given: Vec<String>,
    ja_surnames: Vec<String>,
    /// Kana names written by the training sets' authors (no kana list exists here).
    hiragana: Vec<String>,
    katakana: Vec<String>,
}

fn title(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

impl Pools {
    /// The word lists, and the kana names of the training sets' gold spans.
    pub(crate) fn new(train: &[Set]) -> Pools {
        let mut hiragana = Vec::new();
        let mut katakana = Vec::new();
        for p in train.iter().flat_map(|s| s.posts.iter()) {
            for (s, e, k) in &p.spans {
                if *k != Kind::Name {
                    continue;
                }
                let name: String = p.text.chars().skip(*s).take(e - s).collect();
                match script_of(&name) {
                    Script::Hiragana => hiragana.push(name),
                    Script::Katakana => katakana.push(name),
                    _ => {}
                }
            }
        }
        hiragana.sort();
        hiragana.dedup();
        katakana.sort();
        katakana.dedup();
        Pools {
            en_given: lines(EN_GIVEN).iter().map(|s| title(s)).collect(),
            en_surnames: lines(EN_SURNAMES).iter().map(|s| title(s)).collect(),
            ja_given: lines(JA_GIVEN),
            ja_surnames: lines(JA_SURNAMES),
            hiragana,
            katakana,
        }
    }

    /// Another name like `name` (same script, as many words, the same case style most
    /// of the time), or `None` where nothing alike is known.
    fn like(&self, name: &str, r: &mut Rng) -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        match script_of(name) {
            Script::Latin => {
                let mut out: Vec<String> = Vec::new();
                for (i, w) in words.iter().enumerate() {
                    let bare = w.trim_end_matches('.');
                    if bare.chars().count() <= 1 {
                        out.push((*w).to_string()); // an initial stays
                        continue;
                    }
                    let last = i + 1 == words.len();
                    let surname = if words.len() == 1 {
                        r.below(2) == 0
                    } else {
                        last
                    };
                    let pool = if surname {
                        &self.en_surnames
                    } else {
                        &self.en_given
                    };
                    out.push(r.pick(pool).to_string());
                }
                let joined = out.join(" ");
                // The writer's case style, and now and then another one.
                let style = if r.below(5) == 0 {
                    r.below(3)
                } else {
                    case_style(name)
                };
                Some(match style {
                    1 => joined.to_lowercase(),
                    2 => joined.to_uppercase(),
                    _ => joined,
                })
            }
            Script::Kanji => {
                let sur = r.pick(&self.ja_surnames).to_string();
                let given = r.pick(&self.ja_given).to_string();
                Some(match (words.len(), name.chars().count()) {
                    (2, _) => format!("{sur} {given}"),
                    (_, 1 | 2) if r.below(2) == 0 => given,
                    (_, 1 | 2) => sur,
                    _ => format!("{sur}{given}"),
                })
            }
            Script::Hiragana if words.len() == 1 => Some(r.pick(&self.hiragana).to_string()),
            Script::Katakana if words.len() == 1 => Some(r.pick(&self.katakana).to_string()),
            _ => None,
        }
        .filter(|s| !s.is_empty())
    }
}

/// 0 title or mixed, 1 lower case, 2 upper case.
fn case_style(s: &str) -> usize {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.iter().all(|c| c.is_lowercase()) {
        1
    } else if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        2
    } else {
        0
    }
}

/// Copy number `copy` of `p` with its names replaced, or `None` if it names nobody
/// this can replace.
pub(crate) fn copy(p: &Post, pools: &Pools, copy: u32) -> Option<Post> {
    let mut r = Rng::new(&p.id, copy);
    let chars: Vec<char> = p.text.chars().collect();
    let mut spans = p.spans.clone();
    spans.sort_by_key(|s| (s.0, s.1));
    let mut chosen: HashMap<String, String> = HashMap::new();
    let mut text = String::new();
    let mut out_spans = Vec::with_capacity(spans.len());
    let mut at = 0usize; // next character of the original to copy
    let mut pos = 0usize; // length of `text` in characters
    let mut changed = false;
    for &(s, e, k) in &spans {
        if s < at || e > chars.len() || s >= e {
            return None; // overlapping or odd spans: leave such posts alone
        }
        text.extend(&chars[at..s]);
        pos += s - at;
        let original: String = chars[s..e].iter().collect();
        let new = if k == Kind::Name {
            match chosen.get(&original) {
                Some(n) => Some(n.clone()),
                None => {
                    let n = pools.like(&original, &mut r);
                    if let Some(n) = &n {
                        chosen.insert(original.clone(), n.clone());
                    }
                    n
                }
            }
        } else {
            None
        };
        let piece = new.unwrap_or_else(|| original.clone());
        changed |= piece != original;
        let len = piece.chars().count();
        text.push_str(&piece);
        out_spans.push((pos, pos + len, k));
        pos += len;
        at = e;
    }
    text.extend(&chars[at..]);
    changed.then(|| Post {
        id: p.id.clone(),
        lang: p.lang.clone(),
        text,
        phi: p.phi,
        spans: out_spans,
        raw: String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_replaced_consistently_and_spans_follow() {
        let pools = Pools {
            en_given: vec!["Hope".into()],
            en_surnames: vec!["Marsh".into()],
            ja_given: vec!["花子".into()],
            ja_surnames: vec!["森".into()],
            hiragana: vec![],
            katakana: vec![],
        };
        let p = Post {
            id: "x".into(),
            lang: "en".into(),
            text: "Mrs okafor, 93, and okafor's son on 3/4.".into(),
            phi: true,
            spans: vec![
                (4, 10, Kind::Name),
                (12, 14, Kind::AgeOver89),
                (20, 26, Kind::Name),
            ],
            raw: String::new(),
        };
        let c = copy(&p, &pools, 1).unwrap();
        let names: Vec<String> = c
            .spans
            .iter()
            .filter(|s| s.2 == Kind::Name)
            .map(|s| c.text.chars().skip(s.0).take(s.1 - s.0).collect())
            .collect();
        assert_eq!(names.len(), 2);
        assert_eq!(names[0], names[1]);
        assert!(names[0] != "okafor");
        let age: String = c.text.chars().skip(c.spans[1].0).take(2).collect();
        assert_eq!(age, "93");
    }
}
