//! Staff forms: verification decisions (moderators), moderator grants, one-time
//! password-reset links, ending a member's sessions and the detector's site lists
//! (admins). The rules and the audit live in `ops::staff`.

use std::collections::BTreeMap;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use domain::models::{FormEcho, Role};
use domain::vocab::SiteList;
use ops::access::{Admin, Moderator};
use ops::credentials;
use ops::moderation::Decided;
use ops::staff::{self, Verification};
use ops::AppError;

use super::{finish, notice, read_or_render, St, Submitted};
use crate::render::render_page;

/// POST /mod/verification: verify, or reject with a reason.
pub async fn decide(actor: Moderator, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let target = sub.form.id("user_id")?;
        // The queue shows one reason box per applicant, named after them so a rejected
        // form's message and text land on the right card.
        let reason_field = format!("reason_{target}");
        let decision = match sub.form.get("decision") {
            "verify" => Verification::Verify,
            "reject" => Verification::Reject(sub.form.get(&reason_field).to_string()),
            _ => return Err(AppError::BadRequest),
        };
        let verified = matches!(decision, Verification::Verify);
        match staff::decide_verification(&state.services, &actor, target, decision, &reason_field)
            .await?
        {
            // A refused rejection comes back with the reason as typed (the claim
            // lapsed or was never made): claiming then sending loses nothing.
            Decided::ClaimFirst if !verified => Err(AppError::Invalid(
                [(reason_field.clone(), "err.claim_first".to_string())].into(),
            )),
            Decided::ClaimFirst => Ok(notice(
                &state,
                &format!("/mod/verification#applicant-{target}"),
                "notice.claim_first",
            )),
            Decided::AlreadyDecided => Ok(notice(
                &state,
                "/mod/verification",
                "notice.already_decided",
            )),
            Decided::Done if verified => Ok(notice(&state, "/mod/verification", "notice.verified")),
            Decided::Done => Ok(notice(&state, "/mod/verification", "notice.rejected")),
        }
    }
    .await;
    finish(&state, sub, "decide", out).await
}

/// POST /admin/users: grant or revoke moderator.
pub async fn set_role(actor: Admin, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    match sub.form.get("action") {
        "reset_link" => return reset_link(actor, state, sub).await,
        "end_sessions" => {
            let out = async {
                let target = sub.form.id("user_id")?;
                credentials::end_sessions(&state.services, &actor, target).await?;
                Ok(notice(&state, "/admin/users", "notice.sessions_ended"))
            }
            .await;
            return finish(&state, sub, "end_sessions", out).await;
        }
        _ => {}
    }
    let out = async {
        let target = sub.form.id("user_id")?;
        let role = match sub.form.get("role") {
            "moderator" => Role::Moderator,
            "member" => Role::Member,
            _ => return Err(AppError::BadRequest),
        };
        staff::set_role(&state.services, &actor, target, role).await?;
        Ok(notice(&state, "/admin/users", "notice.role_changed"))
    }
    .await;
    finish(&state, sub, "role", out).await
}

/// POST /admin/site-lists: add or remove a term of the detector's site lists.
pub async fn site_lists(actor: Admin, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let list = SiteList::parse(sub.form.get("list")).ok_or(AppError::BadRequest)?;
        let add = match sub.form.get("action") {
            "add" => true,
            "remove" => false,
            _ => return Err(AppError::BadRequest),
        };
        staff::change_site_list(&state.services, &actor, list, sub.form.get("term"), add).await?;
        Ok(notice(
            &state,
            "/admin/site-lists",
            "notice.site_lists_changed",
        ))
    }
    .await;
    finish(&state, sub, "site_lists", out).await
}

/// The "password reset link" button of `/admin/users`: the users page again, with the
/// one-time link shown once beside the account (only its hash is kept).
async fn reset_link(actor: Admin, state: St, sub: Submitted) -> Response {
    let made = async {
        let target = sub.form.id("user_id")?;
        let token = credentials::reset_link(&state.services.store, Some(&actor), target).await?;
        Ok((target, token))
    }
    .await;
    match made {
        Ok((target, token)) => {
            let echo = FormEcho {
                form: "reset_link".to_string(),
                values: BTreeMap::from([
                    ("user_id".to_string(), target.to_string()),
                    ("link".to_string(), credentials::reset_path(&token)),
                ]),
                errors: BTreeMap::new(),
                preview: None,
            };
            render_page(&state, sub.parts, sub.ctx, Some(echo), None, StatusCode::OK).await
        }
        Err(e) => finish(&state, sub, "reset_link", Err(e)).await,
    }
}
