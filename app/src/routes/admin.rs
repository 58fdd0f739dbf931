//! `/admin/categories`: admins create, rename, reorder, archive and restore the
//! forum's categories, in English and Japanese.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::fields::echoed;
use crate::components::{CsrfField, Field, FormError, LoadError};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;
use crate::server_fns::admin_categories;
use domain::fields::{CategoryInput, Slug};
use domain::models::Category;

/// The category form's fields: name, label key and the longest value (from
/// `domain::fields`, where the server checks it).
const FIELDS: [(&str, &str, usize); 6] = [
    ("slug", "categories.slug", Slug::MAX),
    ("name_en", "categories.name_en", CategoryInput::NAME_MAX),
    ("name_ja", "categories.name_ja", CategoryInput::NAME_MAX),
    (
        "description_en",
        "categories.description_en",
        CategoryInput::DESCRIPTION_MAX,
    ),
    (
        "description_ja",
        "categories.description_ja",
        CategoryInput::DESCRIPTION_MAX,
    ),
    (
        "position",
        "categories.position",
        CategoryInput::POSITION_MAX_INPUT,
    ),
];

/// The categories page.
#[component]
pub fn CategoriesPage() -> impl IntoView {
    let i = use_i18n();
    let data = Resource::new(|| (), |_| admin_categories());
    view! {
        <Title text=i.tr("categories.title")/>
        <h1>{i.tr("categories.title")}</h1>
        <p class="lead">{i.tr("categories.lead")}</p>
        <FormError form="category"/>
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(list) => view! {
                        <ol class="category-admin">
                            {list.into_iter().map(|c| view! { <CategoryEditor c/> }).collect_view()}
                        </ol>
                    }.into_any(),
                }
            })}
        </Suspense>
        <section class="card">
            <h2>{i.tr("categories.new")}</h2>
            <form method="post" action="/admin/categories">
                <CsrfField/>
                <input type="hidden" name="action" value="create"/>
                {FIELDS.into_iter().map(|(name, label, max)| view! {
                    <Field form="category" name label maxlength=max required=matches!(name, "slug" | "name_en" | "name_ja")/>
                }).collect_view()}
                <button type="submit" class="button">{i.tr("categories.create")}</button>
            </form>
        </section>
    }
}

/// One category's edit form; after a rejected update of this category it shows
/// what the admin typed and the messages.
#[component]
fn CategoryEditor(c: Category) -> impl IntoView {
    let i = use_i18n();
    let lang = use_page().lang;
    let id = c.id;
    let mine = echoed("category", "id").0.as_deref() == Some(&id.to_string());
    let current = |field: &str| -> String {
        if mine {
            if let Some(v) = echoed("category", field).0 {
                return v;
            }
        }
        match field {
            "slug" => c.slug.clone(),
            "name_en" => c.name_en.clone(),
            "name_ja" => c.name_ja.clone(),
            "description_en" => c.description_en.clone(),
            "description_ja" => c.description_ja.clone(),
            _ => c.position.to_string(),
        }
    };
    let title = c.name(lang).to_string();
    view! {
        <li class="card" id=format!("category-{id}")>
            <h2>{title}{c.archived.then(|| view! { " " <span class="badge">{i.tr("categories.archived")}</span> })}</h2>
            <form method="post" action="/admin/categories" class="category-form">
                <CsrfField/>
                <input type="hidden" name="action" value="update"/>
                <input type="hidden" name="id" value=id.to_string()/>
                {FIELDS.into_iter().map(|(name, label, max)| {
                    let input_id = format!("category-{id}-{name}");
                    let err = echoed("category", &format!("{name}_{id}")).1;
                    let bad = err.is_some();
                    view! {
                        <div class="field" class:has-error=bad>
                            <label for=input_id.clone()>{i.tr(label)}</label>
                            <input id=input_id name=name maxlength=max value=current(name)/>
                            {err.map(|e| view! { <p class="field-error">{i.err(&e)}</p> })}
                        </div>
                    }
                }).collect_view()}
                <button type="submit" class="button small">{i.tr("categories.save")}</button>
            </form>
            <form method="post" action="/admin/categories" class="inline">
                <CsrfField/>
                <input type="hidden" name="id" value=id.to_string()/>
                <input type="hidden" name="action" value=if c.archived { "restore" } else { "archive" }/>
                <button type="submit" class="button small secondary">
                    {i.tr(if c.archived { "categories.restore" } else { "categories.archive" })}
                </button>
            </form>
        </li>
    }
}
