//! Text analysis shared by indexing, querying and highlighting, so the three can
//! never disagree: NFKC (full-width and half-width forms match), lower case, and then
//! per script — English words are stemmed (Snowball) with common stop words
//! dropped; Japanese (kanji, hiragana, katakana) becomes overlapping character
//! bigrams with positions, so words and phrases match without a dictionary.
//!
//! Why bigrams and not a morphological analyser: see BENCHMARKS.md ("Japanese
//! tokenizer"). In short, the same recall with a far smaller build, and no
//! dictionary to download.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// English stop words: Lucene's list without "no" and "not", which carry meaning in
/// clinical text ("no fever").
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it",
    "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this",
    "to", "was", "will", "with",
];

/// One analysed token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// The indexed form.
    pub text: String,
    /// Byte range in the original text.
    pub from: usize,
    /// End of the byte range in the original text.
    pub to: usize,
    /// Position (stop words leave a gap, so phrases keep their shape).
    pub pos: usize,
    /// A lone Japanese character at the end of a run (see [`Mode`]).
    pub tail: bool,
}

/// What the tokens are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Indexing and highlighting: every Japanese run also ends with its last
    /// character alone, so a one-character query finds it as the start of a token.
    Index,
    /// Query words: bigrams only (a phrase of bigrams), lone characters only for
    /// one-character runs.
    Query,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Cjk,
    Space,
    Other,
}

/// Whether `c` is written with Japanese (or Chinese) characters.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3005 | 0x3006 | 0x3007          // 々 〆 〇
        | 0x3040..=0x309F                 // hiragana
        | 0x30A0..=0x30FF                 // katakana incl. ー
        | 0x31F0..=0x31FF                 // katakana extensions
        | 0x3400..=0x4DBF                 // CJK extension A
        | 0x4E00..=0x9FFF                 // CJK unified
        | 0xF900..=0xFAFF                 // compatibility ideographs
        | 0x20000..=0x3134F)
}

/// The character, when `token` is a single Japanese character (such a query
/// matches every token that starts with it).
pub fn lone_cjk(token: &str) -> Option<char> {
    let mut chars = token.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if is_cjk(c) => Some(c),
        _ => None,
    }
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Other
    }
}

/// NFKC-normalises `text` character by character (a character with its combining
/// marks, such as half-width ｶﾞ, together), keeping for each normalised character the
/// byte range of the original it came from.
fn normalise(text: &str) -> Vec<(char, usize, usize)> {
    let mut out = Vec::with_capacity(text.len());
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        let mut end = start + c.len_utf8();
        while let Some(&(i, next)) = iter.peek() {
            let voiced = matches!(next as u32, 0xFF9E | 0xFF9F | 0x3099 | 0x309A);
            if !(voiced || is_combining_mark(next)) {
                break;
            }
            end = i + next.len_utf8();
            iter.next();
        }
        // Fast path: ASCII, and characters already in NFKC on their own (most
        // Japanese text), need only lower case.
        if end == start + c.len_utf8()
            && (c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes)
        {
            if c.is_ascii() {
                out.push((c.to_ascii_lowercase(), start, end));
            } else {
                out.extend(c.to_lowercase().map(|l| (l, start, end)));
            }
            continue;
        }
        for n in text[start..end].nfkc() {
            for l in n.to_lowercase() {
                out.push((l, start, end));
            }
        }
    }
    out
}

/// Limits analysis to tokens that can match a query (highlighting): English words
/// that start like one of `prefixes`, Japanese pairs that start with one of
/// `firsts`. Everything else is skipped without being stemmed or built.
#[derive(Clone, Debug, Default)]
pub struct Only {
    /// Possible beginnings of matching words (a stem without its last two
    /// characters: stemming changes only a word's ending).
    pub prefixes: Vec<String>,
    /// First characters of matching Japanese tokens.
    pub firsts: Vec<char>,
}

/// Analyses `text` into tokens.
pub fn analyze(text: &str, mode: Mode) -> Vec<Tok> {
    analyze_only(text, mode, None)
}

/// Analyses `text`, keeping only tokens that `only` allows (when given).
pub fn analyze_only(text: &str, mode: Mode, only: Option<&Only>) -> Vec<Tok> {
    let chars = normalise(text);
    let stemmer = Stemmer::create(Algorithm::English);
    let mut toks = Vec::new();
    let mut pos = 0usize;
    let mut i = 0;
    while i < chars.len() {
        match class(chars[i].0) {
            Class::Word => {
                let start = i;
                while i < chars.len() && class(chars[i].0) == Class::Word {
                    i += 1;
                }
                let word: String = chars[start..i].iter().map(|c| c.0).collect();
                let wanted =
                    only.is_none_or(|o| o.prefixes.iter().any(|p| word.starts_with(p.as_str())));
                if wanted && !STOP_WORDS.contains(&word.as_str()) {
                    toks.push(Tok {
                        text: stemmer.stem(&word).into_owned(),
                        from: chars[start].1,
                        to: chars[i - 1].2,
                        pos,
                        tail: false,
                    });
                }
                pos += 1;
            }
            Class::Cjk => {
                // A run of Japanese characters; spaces between two of them are
                // typographic and do not break the run ("せん妄 予防" = "せん妄予防").
                let mut run: Vec<usize> = vec![i];
                i += 1;
                loop {
                    let mut j = i;
                    while j < chars.len() && class(chars[j].0) == Class::Space {
                        j += 1;
                    }
                    if j < chars.len() && class(chars[j].0) == Class::Cjk {
                        run.push(j);
                        i = j + 1;
                    } else {
                        break;
                    }
                }
                let wanted = |c: char| only.is_none_or(|o| o.firsts.contains(&c));
                if run.len() == 1 {
                    let (c, from, to) = chars[run[0]];
                    if wanted(c) {
                        toks.push(tok(c.to_string(), from, to, pos, false));
                    }
                    pos += 1;
                    continue;
                }
                for w in run.windows(2) {
                    let (a, from, _) = chars[w[0]];
                    let (b, _, to) = chars[w[1]];
                    if wanted(a) {
                        toks.push(tok(format!("{a}{b}"), from, to, pos, false));
                    }
                    pos += 1;
                }
                let (c, from, to) = chars[run[run.len() - 1]];
                if mode == Mode::Index && wanted(c) {
                    toks.push(tok(c.to_string(), from, to, pos, true));
                }
                pos += 1;
            }
            Class::Space | Class::Other => i += 1,
        }
    }
    toks
}

fn tok(text: String, from: usize, to: usize, pos: usize, tail: bool) -> Tok {
    Tok {
        text,
        from,
        to,
        pos,
        tail,
    }
}

/// The analyser as a tantivy tokenizer (index mode).
#[derive(Clone, Default)]
pub struct RoundsTokenizer {
    token: tantivy::tokenizer::Token,
}

/// Tokens of one text for tantivy.
pub struct RoundsTokenStream<'a> {
    toks: std::vec::IntoIter<Tok>,
    token: &'a mut tantivy::tokenizer::Token,
}

impl tantivy::tokenizer::Tokenizer for RoundsTokenizer {
    type TokenStream<'a> = RoundsTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.token.reset();
        RoundsTokenStream {
            toks: analyze(text, Mode::Index).into_iter(),
            token: &mut self.token,
        }
    }
}

impl tantivy::tokenizer::TokenStream for RoundsTokenStream<'_> {
    fn advance(&mut self) -> bool {
        match self.toks.next() {
            Some(t) => {
                self.token.text = t.text;
                self.token.offset_from = t.from;
                self.token.offset_to = t.to;
                self.token.position = t.pos;
                self.token.position_length = 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &tantivy::tokenizer::Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut tantivy::tokenizer::Token {
        self.token
    }
}

#[cfg(test)]
mod tests;
