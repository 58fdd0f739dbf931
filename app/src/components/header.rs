//! The site header: brand, navigation for the viewer's role, sign-out, and the
//! language switcher (a plain form, so it works without JavaScript).

use leptos::prelude::*;

use super::{CsrfField, SearchForm};
use crate::i18n::use_i18n;
use crate::page_ctx::use_page;

/// The header on every page.
#[component]
pub fn Header() -> impl IntoView {
    let i = use_i18n();
    let page = use_page();
    let other = page.lang.other();
    let viewer = page.viewer.clone();
    // Only verified members can search; the box is not offered to anyone else.
    let searcher = viewer.as_ref().is_some_and(|v| v.is_verified());
    let location = leptos_router::hooks::use_location();
    let nav = match &viewer {
        None => view! {
            <a href="/login">{i.tr("nav.sign_in")}</a>
            <a href="/register" class="button small">{i.tr("nav.register")}</a>
        }
        .into_any(),
        // A suspended member has one page: their notice.
        Some(v) if v.is_suspended() => view! {
            <a href=domain::access::SUSPENDED_PATH>{i.tr("suspended.title")}</a>
            <span class="who">{v.display_name.clone()}</span>
            <form method="post" action="/logout" class="inline">
                <CsrfField/>
                <button type="submit" class="link">{i.tr("nav.sign_out")}</button>
            </form>
        }
        .into_any(),
        Some(v) => {
            let verified = v.is_verified();
            let moderator = v.can_moderate();
            let admin = v.is_admin();
            let name = v.display_name.clone();
            let unread = v.unread;
            view! {
                {verified.then(|| view! { <a href="/">{i.tr("nav.forum")}</a> })}
                {(!verified).then(|| view! { <a href="/pending">{i.tr("nav.application")}</a> })}
                {moderator.then(|| view! { <a href="/mod/queue">{i.tr("nav.queue")}</a> })}
                {moderator.then(|| view! { <a href="/mod/verification">{i.tr("nav.verification")}</a> })}
                {moderator.then(|| view! { <a href="/mod/members">{i.tr("nav.members")}</a> })}
                {admin.then(|| view! { <a href="/admin/users">{i.tr("nav.users")}</a> })}
                {admin.then(|| view! { <a href="/admin/categories">{i.tr("nav.categories")}</a> })}
                {admin.then(|| view! { <a href="/admin/site-lists">{i.tr("nav.site_lists")}</a> })}
                {verified.then(|| view! {
                    <a href="/notifications" class="notifications-link"
                        aria-label=i.trf("nav.notifications_n", &[("n", &unread.to_string())])>
                        {i.tr("nav.notifications")}
                        {(unread > 0).then(|| view! { " " <span class="count" aria-hidden="true">{unread}</span> })}
                    </a>
                })}
                {verified.then(|| view! { <a href="/messages">{i.tr("messages.title")}</a> })}
                {verified.then(|| view! { <a href="/bookmarks">{i.tr("bookmarks.title")}</a> })}
                <a href="/profile" class="who" title=i.tr("nav.profile")>{name}</a>
                <form method="post" action="/logout" class="inline">
                    <CsrfField/>
                    <button type="submit" class="link">{i.tr("nav.sign_out")}</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <a class="skip" href="#main">{i.tr("nav.skip")}</a>
        <header class="site-header">
            <div class="container bar">
                <a href="/" class="brand">"Rounds"</a>
                {searcher.then(|| view! { <SearchForm class="header-search"/> })}
                <nav aria-label=i.tr("nav.label")>{nav}</nav>
                <form method="post" action="/lang" class="inline lang-switch">
                    <CsrfField/>
                    <input type="hidden" name="lang" value=other.code()/>
                    <input type="hidden" name="return_to" value=move || {
                        // Follows client-side navigation, so the switch returns to the page shown now.
                        let search = location.search.get();
                        if search.is_empty() { location.pathname.get() } else { format!("{}?{search}", location.pathname.get()) }
                    }/>
                    <button type="submit" class="link" lang=other.code()
                        title=i.tr("nav.switch_language")>{other.native_name()}</button>
                </form>
            </div>
        </header>
    }
}
