//! Rounds' user interface (leptos): the pages, their components and the server
//! functions they read their data through. Rendered on the server (`ssr`) and
//! hydrated in the browser (`hydrate`). Rules live in `domain`, use cases in `ops`;
//! this crate only shows them.

#![forbid(unsafe_code)]
#![recursion_limit = "256"]

#[cfg(feature = "hydrate")]
pub mod browser_zone;
pub mod components;
pub mod error;
pub mod i18n;
pub mod page_ctx;
pub mod routes;
pub mod server_fns;

pub use page_ctx::use_page;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use components::{ErrorView, Header, NoticeBanner};
use routes::*;

/// The HTML document around the app (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = page_ctx::from_request().lang;
    // The stylesheet is linked here, on the server only, under the bundle's hashed
    // name (see server/src/assets.rs); hydration leaves the head alone.
    let css = format!("/{}/{}.css", options.site_pkg_dir, options.output_name);
    // A form answered at another address (`POST /t/5/reply` showing `/t/5`): the
    // browser's address becomes the page's before hydration reads it. A URI holds no
    // quote, backslash or angle bracket; anything else is left alone.
    let address = use_context::<page_ctx::AnswersForm>()
        .map(|_| page_ctx::from_request().path)
        .filter(|p| {
            p.starts_with('/')
                && p.chars()
                    .all(|c| c.is_ascii_graphic() && !matches!(c, '\'' | '\\' | '<' | '>'))
        })
        .map(|p| format!("history.replaceState(null,'','{p}')"));
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="referrer" content="same-origin"/>
                <link rel="icon" href="data:,"/>
                <link rel="stylesheet" id="rounds" href=css/>
                {address.map(|js| view! { <script nonce=leptos::nonce::use_nonce() inner_html=js></script> })}
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The root component: header, notice, and the routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let ctx = SharedValue::new(page_ctx::from_request).into_inner();
    provide_context(ctx.clone());
    let i = i18n::I18n::new(ctx.lang, &ctx.zone);
    let error = ctx.error.clone();
    view! {
        // leptos_meta writes the title into the server's HTML unescaped: titles come from
        // members, so escape them there (the browser sets document.title directly).
        <Title formatter=move |t: String| if t.is_empty() { "Rounds".to_string() } else { format!("{} · Rounds", components::raw_text_safe(&t)) }/>
        <Router>
            <Header/>
            <main id="main" class="container">
                <NoticeBanner/>
                {match error {
                    Some((status, key)) => view! { <ErrorView status key/> }.into_any(),
                    None => view! {
                        <Routes fallback=move || view! { <ErrorView status=404 key="err.not_found".to_string()/> }>
                            <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                            <Route path=path!("/login") view=LoginPage/>
                            <Route path=path!("/register") view=RegisterPage/>
                            <Route path=path!("/pending") view=PendingPage ssr=SsrMode::Async/>
                            <Route path=path!("/profile") view=ProfilePage ssr=SsrMode::Async/>
                            <Route path=path!("/profile/password") view=PasswordPage/>
                            // Where the profile's own forms post: a refused one comes back here.
                            <Route path=path!("/profile/name") view=ProfilePage ssr=SsrMode::Async/>
                            <Route path=path!("/profile/delete") view=ProfilePage ssr=SsrMode::Async/>
                            <Route path=path!("/profile/settings") view=ProfilePage ssr=SsrMode::Async/>
                            <Route path=path!("/reset/:token") view=ResetPage/>
                            <Route path=path!("/forgot") view=ForgotPage/>
                            <Route path=path!("/profile/email") view=EmailPage/>
                            <Route path=path!("/email/confirm/:token") view=EmailConfirmPage/>
                            <Route path=path!("/profile/notifications") view=PrefsPage ssr=SsrMode::Async/>
                            <Route path=path!("/unsubscribe/:user/:kind/:key") view=UnsubscribePage/>
                            <Route path=path!("/mod/verification") view=VerificationPage ssr=SsrMode::Async/>
                            <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
                            <Route path=path!("/admin/site-lists") view=SiteListsPage ssr=SsrMode::Async/>
                            <Route path=path!("/admin/categories") view=CategoriesPage ssr=SsrMode::Async/>
                            <Route path=path!("/c/:slug") view=ForumList ssr=SsrMode::Async/>
                            <Route path=path!("/latest") view=ForumList ssr=SsrMode::Async/>
                            <Route path=path!("/unread") view=ForumList ssr=SsrMode::Async/>
                            <Route path=path!("/new") view=ForumList ssr=SsrMode::Async/>
                            <Route path=path!("/new-topic") view=NewThreadPage ssr=SsrMode::Async/>
                            <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                            <Route path=path!("/t/:id") view=ThreadPage ssr=SsrMode::Async/>
                            <Route path=path!("/p/:id") view=PostPage ssr=SsrMode::Async/>
                            <Route path=path!("/p/:id/report") view=ReportPage/>
                            <Route path=path!("/p/:id/bookmark") view=BookmarkPage ssr=SsrMode::Async/>
                            <Route path=path!("/bookmarks") view=BookmarksPage ssr=SsrMode::Async/>
                            <Route path=path!("/messages") view=MessagesPage ssr=SsrMode::Async/>
                            <Route path=path!("/messages/new") view=NewMessagePage/>
                            <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                            <Route path=path!("/mod/queue") view=QueuePage ssr=SsrMode::Async/>
                            <Route path=path!("/mod/held/:id") view=HeldItemPage ssr=SsrMode::Async/>
                            <Route path=path!("/mod/report/:id") view=ReportItemPage ssr=SsrMode::Async/>
                            <Route path=path!("/mod/members") view=MembersPage ssr=SsrMode::Async/>
                            <Route path=path!("/mod/members/:id") view=MemberPage ssr=SsrMode::Async/>
                            <Route path=path!("/suspended") view=SuspendedPage ssr=SsrMode::Async/>
                            <Route path=path!("/u/:name") view=PersonPage ssr=SsrMode::Async/>
                            <Route path=path!("/profile/two-factor") view=TwoFactorPage ssr=SsrMode::Async/>
                            <Route path=path!("/login/code") view=SignInCodePage/>
                        </Routes>
                    }.into_any(),
                }}
            </main>
            <footer class="site-footer container">
                <p>{i.tr("footer.promise")}</p>
            </footer>
        </Router>
    }
}
