//! Server functions of drafts kept on the server: the composer reads its draft when
//! the page loads and saves it every few seconds while its author types. Only the
//! signed-in member's own drafts (`ops::saved_drafts`).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::SavedDraft;

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::Verified;

/// The viewer's draft for a thread (0: a new thread), if any.
#[server(input = GetUrl, endpoint = "load_draft")]
pub async fn load_draft(thread: i64) -> Result<Option<SavedDraft>, PageError> {
    let member: Verified = viewer()?;
    Ok(ops::saved_drafts::load(&services()?, &member, thread).await?)
}

/// Saves the viewer's draft; returns it as stored (when, and whether the gate found
/// something). Empty text removes the draft.
#[server(endpoint = "save_draft")]
pub async fn save_draft(
    thread: i64,
    category: String,
    title: String,
    tags: String,
    body: String,
    question: bool,
) -> Result<SavedDraft, PageError> {
    let member: Verified = viewer()?;
    let draft = SavedDraft {
        thread_id: thread,
        category,
        title,
        tags,
        body,
        question,
        ..Default::default()
    };
    Ok(
        ops::saved_drafts::save(&services()?, &member, draft, ops::saved_drafts::Saved::Auto)
            .await?,
    )
}
