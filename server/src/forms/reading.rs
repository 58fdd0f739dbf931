//! Following and reading forms: a member's level for a thread (`POST /t/:id/level`) or
//! a category (`POST /c/:slug/level`), "mark read" for a category or the whole forum
//! (`POST /read`) and "dismiss new" (`POST /new/dismiss`). Each lands back where it was
//! sent from with a notice; the rules are `ops::reading`.

use axum::extract::{Path, Request};
use axum::response::Response;
use ops::access::Verified;

use super::{finish, notice, read_or_render, St};

/// POST /t/{id}/level: `level` = watch | track | normal | mute.
pub async fn thread_level(who: Verified, state: St, Path(id): Path<i64>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        ops::reading::set_thread_level(&state.services, &who, id, sub.form.get("level")).await?;
        Ok(notice(&state, &format!("/t/{id}"), "notice.level_saved"))
    }
    .await;
    finish(&state, sub, "level", out).await
}

/// POST /c/{slug}/level: `level` = watch | track | normal | mute.
pub async fn category_level(
    who: Verified,
    state: St,
    Path(slug): Path<String>,
    req: Request,
) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        ops::reading::set_category_level(&state.services, &who, &slug, sub.form.get("level"))
            .await?;
        Ok(notice(&state, &format!("/c/{slug}"), "notice.level_saved"))
    }
    .await;
    finish(&state, sub, "level", out).await
}

/// POST /read: marks everything unread or new as read (`category` = a slug, or the
/// whole forum); back to the list (`list`).
pub async fn mark_read(who: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let category = sub.form.get("category");
        ops::reading::mark_all_read(&state.services, &who, category).await?;
        let kind = domain::models::ListKind::parse(sub.form.get("list"));
        let to = kind.path(category);
        Ok(notice(&state, &to, "notice.marked_read"))
    }
    .await;
    finish(&state, sub, "read", out).await
}

/// POST /new/dismiss: nothing started before now is new any more.
pub async fn dismiss_new(who: Verified, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        ops::reading::dismiss_new(&state.services, &who).await?;
        Ok(notice(&state, "/new", "notice.new_dismissed"))
    }
    .await;
    finish(&state, sub, "read", out).await
}
