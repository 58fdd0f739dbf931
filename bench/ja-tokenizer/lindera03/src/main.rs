#[path = "../../common/bench.rs"]
mod bench;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

/// tantivy 0.27 wrapper around lindera 0.3.5 (embedded IPADIC, normal mode).
/// NFKC + lowercase applied before/after segmentation (same normalisation as the bigram
/// tokenizer); tokens without any alphanumeric char (whitespace, punctuation = IPADIC 記号) dropped.
#[derive(Clone)]
pub struct Lindera03 {
    inner: lindera::tokenizer::Tokenizer,
}

pub struct VecTokenStream {
    tokens: Vec<Token>,
    next: usize,
}
impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() { self.next += 1; true } else { false }
    }
    fn token(&self) -> &Token { &self.tokens[self.next - 1] }
    fn token_mut(&mut self) -> &mut Token { &mut self.tokens[self.next - 1] }
}

impl Tokenizer for Lindera03 {
    type TokenStream<'a> = VecTokenStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let norm: String = text.nfkc().collect();
        let base = norm.as_ptr() as usize;
        let mut tokens = Vec::new();
        let mut pos = 0;
        for s in self.inner.tokenize_str(&norm) {
            if !s.chars().any(|c| c.is_alphanumeric()) {
                continue;
            }
            let from = s.as_ptr() as usize - base;
            tokens.push(Token { offset_from: from, offset_to: from + s.len(), position: pos, text: s.to_lowercase(), position_length: 1 });
            pos += 1;
        }
        VecTokenStream { tokens, next: 0 }
    }
}

fn main() -> tantivy::Result<()> {
    let tok = Lindera03 { inner: lindera::tokenizer::Tokenizer::new("normal", "") };
    bench::run("lindera03-ipadic", TextAnalyzer::from(tok), false)
}
