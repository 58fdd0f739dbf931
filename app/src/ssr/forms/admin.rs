//! Admin forms: the categories (specialties) of the forum.

use axum::extract::{Request, State};
use axum::response::Response;

use super::{finish, read_or_render, see_other_with_notice, Submitted};
use crate::ssr::error::AppError;
use crate::ssr::AppState;
use domain::fields::{self as validate, FieldErrors};
use store::{CategoryInput, StoreError};

/// Longest category name, in characters.
const MAX_NAME: usize = 60;
/// Longest description, in characters.
const MAX_DESCRIPTION: usize = 300;

/// Reads and checks a category; errors are keyed `field` for the new-category form
/// and `field_{id}` for an existing category's form.
fn input(sub: &Submitted, suffix: &str) -> Result<CategoryInput, AppError> {
    let f = &sub.form;
    let mut errors = FieldErrors::new();
    let key = |field: &str| format!("{field}{suffix}");
    let slug = f.get("slug").trim().to_lowercase();
    let slug_ok = (2..=40).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        validate::flag(&mut errors, &key("slug"), "err.slug_invalid");
    }
    validate::text(
        &mut errors,
        &key("name_en"),
        f.get("name_en"),
        true,
        MAX_NAME,
    );
    validate::text(
        &mut errors,
        &key("name_ja"),
        f.get("name_ja"),
        true,
        MAX_NAME,
    );
    for field in ["description_en", "description_ja"] {
        validate::text(
            &mut errors,
            &key(field),
            f.get(field),
            false,
            MAX_DESCRIPTION,
        );
    }
    let position = f.get("position").trim();
    let position = if position.is_empty() {
        Ok(0)
    } else {
        position.parse::<i64>()
    };
    if position.is_err() {
        validate::flag(&mut errors, &key("position"), "err.number");
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    Ok(CategoryInput {
        slug,
        name_en: f.get("name_en").trim().to_string(),
        name_ja: f.get("name_ja").trim().to_string(),
        description_en: f.get("description_en").trim().to_string(),
        description_ja: f.get("description_ja").trim().to_string(),
        position: position.unwrap_or(0),
    })
}

/// POST /admin/categories: create, update, archive or restore a category.
pub async fn categories(State(state): State<AppState>, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let actor = sub
            .ctx
            .viewer
            .as_ref()
            .filter(|v| v.is_admin())
            .ok_or(AppError::Forbidden)?;
        let id: i64 = sub.form.get("id").parse().unwrap_or(0);
        let suffix = if id > 0 {
            format!("_{id}")
        } else {
            String::new()
        };
        let taken = |e: StoreError| match e {
            StoreError::Conflict("slug") => AppError::Invalid(FieldErrors::from([(
                format!("slug{suffix}"),
                "err.slug_taken".to_string(),
            )])),
            other => AppError::Store(other),
        };
        let action = match sub.form.get("action") {
            "create" => {
                let c = input(&sub, "")?;
                let new_id = state.store.create_category(&c).await.map_err(taken)?;
                (new_id, "category.create")
            }
            "update" => {
                let c = input(&sub, &suffix)?;
                if !state.store.update_category(id, &c).await.map_err(taken)? {
                    return Err(AppError::NotFound);
                }
                (id, "category.update")
            }
            "archive" | "restore" => {
                let archive = sub.form.get("action") == "archive";
                if !state.store.set_category_archived(id, archive).await? {
                    return Err(AppError::NotFound);
                }
                (
                    id,
                    if archive {
                        "category.archive"
                    } else {
                        "category.restore"
                    },
                )
            }
            _ => return Err(AppError::BadRequest),
        };
        state
            .store
            .audit(
                Some(actor.id),
                action.1,
                "category",
                &action.0.to_string(),
                "",
            )
            .await?;
        tracing::info!(
            actor = actor.id,
            category = action.0,
            action = action.1,
            "category changed"
        );
        Ok(see_other_with_notice(
            "/admin/categories",
            "notice.categories_changed",
            state.config.secure_cookies,
        ))
    }
    .await;
    finish(&state, sub, "category", out).await
}
