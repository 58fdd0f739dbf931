//! A question's author or a moderator marks one reply as its answer (or takes the mark
//! off): one use case, one transaction, the rules in `domain::visibility`
//! (`may_choose_answer`, `may_be_answer`). The search index follows in the same
//! transaction's change log.

use domain::visibility::{may_be_answer, may_choose_answer, thread_visible};

use crate::access::Verified;
use crate::error::AppError;
use crate::services::Services;

/// Marks `post_id` as the answer of thread `thread_id`, or clears the answer (`None`).
/// Returns where to go: the answer, or the question.
pub async fn choose(
    s: &Services,
    who: &Verified,
    thread_id: i64,
    post_id: Option<i64>,
) -> Result<String, AppError> {
    let mut tx = s.store.begin().await?;
    let thread = tx
        .thread_row(thread_id)
        .await?
        .filter(|t| thread_visible(&t.facts(), who.looker()))
        .ok_or(AppError::NotFound)?;
    if !may_choose_answer(&thread.facts(), thread.question, who.looker()) {
        return Err(AppError::Forbidden);
    }
    let to = match post_id {
        Some(id) => {
            let post = tx
                .post_row(id)
                .await?
                .filter(|p| p.thread_id == thread_id)
                .ok_or(AppError::NotFound)?;
            if !may_be_answer(&post.facts(), post.number, &thread.facts()) {
                return Err(AppError::Conflict);
            }
            domain::links::post_in_thread(thread_id, post.number, id)
        }
        None => format!("/t/{thread_id}"),
    };
    tx.set_answer(thread_id, post_id).await?;
    tx.commit().await?;
    tracing::info!(
        user_id = who.id(),
        thread = thread_id,
        answer = post_id,
        "answer chosen"
    );
    Ok(to)
}
