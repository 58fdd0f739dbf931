//! `/u/:name`: a member's public profile — name, verified profession, specialty,
//! member since, and their latest published posts. Never workplace, licence number
//! or e-mail address (the server never sends them).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::{LoadError, When};
use crate::i18n::use_i18n;
use crate::server_fns::load_profile;
use domain::models::PublicProfile;

/// The public profile page.
#[component]
pub fn PersonPage() -> impl IntoView {
    let i = use_i18n();
    let params = use_params_map();
    let name = move || params.with(|p| p.get("name").unwrap_or_default());
    let data = Resource::new(name, load_profile);
    view! {
        <Suspense fallback=move || view! { <p>{i.tr("loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => view! { <LoadError error=e/> }.into_any(),
                    Ok(p) => view! { <Profile p/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Profile(p: PublicProfile) -> impl IntoView {
    let i = use_i18n();
    let profession = i.tr(&format!("profession.{}", p.profession));
    // Not offered on one's own profile.
    let me = crate::page_ctx::use_page()
        .viewer
        .as_ref()
        .is_some_and(|v| v.display_name == p.display_name);
    let write_to = format!(
        "/messages/new?to={}",
        crate::components::encode_query_value(&p.display_name)
    );
    view! {
        <Title text=p.display_name.clone()/>
        <h1>{p.display_name.clone()}</h1>
        <p class="person-badges">
            <span class="badge verified">{i.trf("person.verified", &[("profession", &profession)])}</span>
            {(!p.specialty.is_empty()).then(|| view! { " "<span class="meta">{p.specialty.clone()}</span> })}
        </p>
        {(!me).then(|| view! { <p><a href=write_to class="button secondary">{i.tr("messages.write_to")}</a></p> })}
        <dl class="details">
            <dt>{i.tr("member.joined")}</dt><dd>{i.time(p.member_since)}</dd>
            <dt>{i.tr("person.threads")}</dt><dd>{p.threads}</dd>
            <dt>{i.tr("person.posts")}</dt><dd>{p.posts}</dd>
        </dl>
        <section class="card">
            <h2>{i.tr("person.recent")}</h2>
            {if p.recent.is_empty() {
                view! { <p class="empty">{i.tr("person.none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="person-posts">
                        {p.recent.into_iter().map(|r| view! {
                            <li>
                                <a href=format!("/t/{}#post-{}", r.thread_id, r.post_id)>{r.title.clone()}</a>
                                " "<span class="meta">{i.trf("search.post_number", &[("n", &r.number.to_string())])}" · "<When at=r.at/></span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}
