//! Admin forms: the categories (specialties) of the forum. The rules and the audit
//! live in `ops::staff`.

use axum::extract::Request;
use axum::response::Response;
use domain::fields::{CategoryForm, CategoryInput};
use ops::access::Admin;
use ops::staff::{self, CategoryChange};
use ops::AppError;

use super::{finish, notice, read_or_render, FormData, St};

fn category_form(f: &FormData) -> CategoryForm {
    CategoryForm {
        slug: f.get("slug").to_string(),
        name_en: f.get("name_en").to_string(),
        name_ja: f.get("name_ja").to_string(),
        description_en: f.get("description_en").to_string(),
        description_ja: f.get("description_ja").to_string(),
        position: f.get("position").to_string(),
    }
}

/// POST /admin/categories: create, update, archive or restore a category.
pub async fn categories(actor: Admin, state: St, req: Request) -> Response {
    let sub = match read_or_render(&state, req).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let out = async {
        let id: i64 = sub.form.get("id").parse().unwrap_or(0);
        // Errors of an existing category's card are keyed `field_{id}`.
        let suffix = if id > 0 {
            format!("_{id}")
        } else {
            String::new()
        };
        let change = match sub.form.get("action") {
            "create" => {
                CategoryChange::Create(CategoryInput::parse(&category_form(&sub.form), "")?)
            }
            "update" => CategoryChange::Update(
                id,
                CategoryInput::parse(&category_form(&sub.form), &suffix)?,
            ),
            "archive" => CategoryChange::Archive(id, true),
            "restore" => CategoryChange::Archive(id, false),
            _ => return Err(AppError::BadRequest),
        };
        staff::change_category(&state.services, &actor, change, &suffix).await?;
        Ok(notice(
            &state,
            "/admin/categories",
            "notice.categories_changed",
        ))
    }
    .await;
    finish(&state, sub, "category", out).await
}
