#[path = "../../common/bench.rs"]
mod bench;

use std::path::Path;
use lindera_tantivy::tokenizer::LinderaTokenizer;
use tantivy::tokenizer::TextAnalyzer;

fn main() -> tantivy::Result<()> {
    // lindera.yml: ipadic (embedded), NFKC char filter, drop 記号 tokens, lowercase
    let tok = LinderaTokenizer::from_file(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/lindera.yml")))?;
    let analyzer = TextAnalyzer::from(tok);
    bench::run("lindera-ipadic", analyzer, false)
}
