//! The staff's member page forms: suspend, lift a suspension (moderators, within
//! `domain::access::may_suspend`) and sign a member out everywhere (admins). The
//! rules, the audit and the letters live in `ops::suspension` and
//! `ops::credentials`.

use axum::extract::{Path, Request};
use axum::response::Response;
use ops::access::{Access, Admin, Moderator};
use ops::{credentials, suspension, AppError};

use super::{finish, notice, read_or_render, St};

/// POST /mod/members/{id}: `action` = `suspend` (with `reason` and `days`), `lift`
/// or `end_sessions`.
pub async fn member(actor: Moderator, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let back = format!("/mod/members/{id}");
    let out = async {
        match sub.form.get("action") {
            "suspend" => {
                suspension::suspend(
                    &state.services,
                    &actor,
                    id,
                    sub.form.get("reason"),
                    sub.form.get("days"),
                )
                .await?;
                Ok(notice(&state, &back, "notice.suspended"))
            }
            "lift" => {
                let key = if suspension::lift(&state.services, &actor, id).await? {
                    "notice.unsuspended"
                } else {
                    "notice.not_suspended"
                };
                Ok(notice(&state, &back, key))
            }
            "end_sessions" => {
                let admin = Admin::from_ctx(Some(&sub.ctx))?;
                credentials::end_sessions(&state.services, &admin, id).await?;
                Ok(notice(&state, &back, "notice.sessions_ended"))
            }
            _ => Err(AppError::BadRequest),
        }
    }
    .await;
    finish(&state, sub, "member", out).await
}
