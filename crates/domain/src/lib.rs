//! The domain of Rounds, shared by every layer and by the browser: what a post, a
//! thread, a member and a queue item are (`models`), every string a person reads
//! (`i18n`), the fields a form carries as types that parse (`fields`), who may open
//! what (`access`) and who may see what (`visibility`), the stored vocabularies
//! (`vocab`), what is new and who follows what (`reading`), where a post or a notification is found (`links`), and — on the server — rendering and screening a post (`markdown`,
//! `screening`). No leptos, no sqlx: the store, the search index and the pages all
//! call these rules instead of restating them.

#![forbid(unsafe_code)]

pub mod access;
pub mod colleagues;
pub mod devices;
pub mod fields;
pub mod i18n;
pub mod links;
#[cfg(feature = "markdown")]
pub mod markdown;
pub mod models;
#[cfg(feature = "cmark")]
pub mod readable;
pub mod reading;
pub mod screening;
pub mod time;
pub mod visibility;
pub mod vocab;
pub mod zones;
