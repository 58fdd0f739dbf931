#[path = "../../common/bench.rs"]
mod bench;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

/// CJK bigram tokenizer: NFKC + lowercase; CJK runs (Han, Hiragana, Katakana incl. ー)
/// -> overlapping bigrams (a 1-char run -> unigram); Latin/digit runs -> words.
/// Offsets are byte offsets into the NFKC-normalised text.
#[derive(Clone, Default)]
pub struct CjkBigramTokenizer;

pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }
    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Class {
    Cjk,
    Word,
    Other,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x309F            // Hiragana
        | 0x30A0..=0x30FA | 0x30FC..=0x30FF // Katakana incl. ー (30FC), excl. ・ (30FB)
        | 0x31F0..=0x31FF          // Katakana phonetic ext.
        | 0x3005..=0x3007          // 々 〆 〇
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

fn class(c: char) -> Class {
    if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphanumeric() {
        Class::Word
    } else {
        Class::Other
    }
}

pub fn bigram_tokens(text: &str) -> Vec<Token> {
    let norm: String = text.nfkc().collect();
    let mut out = Vec::new();
    let mut pos = 0usize;
    let chars: Vec<(usize, char)> = norm.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let cl = class(chars[i].1);
        let mut j = i + 1;
        while j < chars.len() && class(chars[j].1) == cl {
            j += 1;
        }
        let end_of = |k: usize| chars[k].0 + chars[k].1.len_utf8();
        match cl {
            Class::Other => {}
            Class::Word => {
                out.push(Token {
                    offset_from: chars[i].0,
                    offset_to: end_of(j - 1),
                    position: pos,
                    text: norm[chars[i].0..end_of(j - 1)].to_lowercase(),
                    position_length: 1,
                });
                pos += 1;
            }
            Class::Cjk => {
                if j - i == 1 {
                    out.push(Token { offset_from: chars[i].0, offset_to: end_of(i), position: pos, text: chars[i].1.to_lowercase().collect(), position_length: 1 });
                    pos += 1;
                } else {
                    for k in i..j - 1 {
                        let mut t: String = chars[k].1.to_lowercase().collect();
                        t.extend(chars[k + 1].1.to_lowercase());
                        out.push(Token { offset_from: chars[k].0, offset_to: end_of(k + 1), position: pos, text: t, position_length: 1 });
                        pos += 1;
                    }
                }
            }
        }
        i = j;
    }
    out
}

impl Tokenizer for CjkBigramTokenizer {
    type TokenStream<'a> = VecTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        VecTokenStream { tokens: bigram_tokens(text), next: 0 }
    }
}

fn main() -> tantivy::Result<()> {
    let analyzer = TextAnalyzer::from(CjkBigramTokenizer);
    bench::run("bigram", analyzer, true)
}
