//! Members marking a colleague's post "helpful" (or taking the mark back): one use
//! case, one transaction, the rule in `domain::visibility::may_mark_helpful`.

use domain::visibility::may_mark_helpful;
use store::reactions::Helpful;
use store::PostRow;

use crate::access::Verified;
use crate::error::AppError;
use crate::services::Services;

/// Toggles `member`'s mark on the post; returns the post (for the page to go back
/// to) and the mark's state. A post the member cannot read is not found; their own
/// post, or one no member can read (hidden, held), is refused.
pub async fn toggle_helpful(
    s: &Services,
    member: &Verified,
    post_id: i64,
) -> Result<(PostRow, Helpful), AppError> {
    let mut tx = s.store.begin().await?;
    let post = tx.post_row(post_id).await?.ok_or(AppError::NotFound)?;
    let thread = tx
        .thread_row(post.thread_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (p, t, who) = (post.facts(), thread.facts(), member.looker());
    if !domain::visibility::post_text_visible(&p, &t, who) {
        return Err(AppError::NotFound);
    }
    if !may_mark_helpful(&p, &t, who) {
        return Err(AppError::Forbidden);
    }
    let helpful = tx.toggle_helpful(post_id, member.id()).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = member.id(),
        post = post_id,
        marked = helpful.marked,
        "helpful toggled"
    );
    Ok((post, helpful))
}
