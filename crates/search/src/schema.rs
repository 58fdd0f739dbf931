//! The index's schema: one document per published post, with the ids the filters
//! and deletes need, the analysed text fields, and the dates.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions,
};

/// Bump when the schema or the analysis changes: an index of another version is
/// rebuilt at start.
pub(super) const SCHEMA_VERSION: u32 = 3;
/// Tokenizer name registered with tantivy.
pub(super) const TOKENIZER: &str = "rounds";

/// The fields of a post document.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// Post id (fast, for results; indexed, for deletes).
    pub post_id: Field,
    /// Thread id (deletes, `thread:` filter).
    pub thread_id: Field,
    /// Author id (`@name` filter).
    pub author_id: Field,
    /// Category id (`#category` filter).
    pub category_id: Field,
    /// Thread title (opening posts only, so a title match counts once).
    pub title: Field,
    /// Plain text of the body.
    pub body: Field,
    /// Author's display name.
    pub author: Field,
    /// The thread's tags, lower case, whole (`tag:` filter), on every post.
    pub tags: Field,
    /// First publication, unix seconds (`before:`, `after:`, `order:latest`).
    pub created: Field,
    /// Last published edit, unix seconds.
    pub updated: Field,
    /// The thread's question status (`status:` filter): 0 none, 1 open, 2 solved.
    pub status: Field,
}

/// The schema and its fields.
pub(super) fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = NumericOptions::default().set_indexed().set_fast();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let raw = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(IndexRecordOption::Basic),
    );
    let fields = Fields {
        post_id: b.add_u64_field("post_id", id.clone()),
        thread_id: b.add_u64_field("thread_id", id.clone()),
        author_id: b.add_u64_field("author_id", id.clone()),
        category_id: b.add_u64_field("category_id", id.clone()),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text.clone()),
        author: b.add_text_field("author", text),
        tags: b.add_text_field("tags", raw),
        created: b.add_i64_field("created", id.clone()),
        updated: b.add_i64_field("updated", NumericOptions::default().set_fast()),
        status: b.add_u64_field("status", id),
    };
    (b.build(), fields)
}
