//! The labelled corpora and their fixed split, shared by the trainer (`main.rs`) and the
//! corpus tests (`tests/api/phi_corpus.rs`), so the split is written once.

pub mod corpus;
