//! The page context: per-request facts every page needs (language, CSRF token, viewer,
//! notice, the echo of a rejected form, an error to show). The server computes it from
//! what its middleware put on the request; the browser receives it serialized with the
//! page, so hydration renders exactly what the server rendered.

use domain::models::PageCtx;

/// Marks a page rendered in answer to a form post (a refused form, or text kept
/// through a refusal) whose address may differ from the page's own: the shell then
/// sets the browser's address to the page's, so hydration routes to the page that was
/// rendered and a reload shows it again instead of posting anew.
#[derive(Clone, Copy, Debug)]
pub struct AnswersForm;

/// Reads the page context provided by the root component.
pub fn use_page() -> PageCtx {
    leptos::prelude::use_context::<PageCtx>().unwrap_or_default()
}

/// The page context of the request being rendered (on the server), or the default (in
/// the browser, where the serialized value replaces it).
pub fn from_request() -> PageCtx {
    #[cfg(feature = "ssr")]
    {
        server_side()
    }
    #[cfg(not(feature = "ssr"))]
    {
        PageCtx::default()
    }
}

#[cfg(feature = "ssr")]
fn server_side() -> PageCtx {
    use domain::models::FormEcho;
    use leptos::prelude::use_context;
    use ops::access::RequestCtx;
    use ops::error::ErrorPage;

    let parts = use_context::<http::request::Parts>();
    let ctx = parts
        .as_ref()
        .and_then(|p| p.extensions.get::<RequestCtx>().cloned());
    let echo = use_context::<FormEcho>();
    let error = use_context::<ErrorPage>().map(|e| (e.status, e.key));
    let path = parts
        .as_ref()
        .and_then(|p| p.uri.path_and_query().map(|pq| pq.as_str().to_string()))
        .unwrap_or_else(|| "/".into());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    match ctx {
        Some(c) => PageCtx {
            lang: c.lang,
            zone: c.zone.unwrap_or_default(),
            csrf: c.csrf,
            viewer: c.viewer,
            notice: c.notice,
            path,
            echo,
            error,
            now,
        },
        None => PageCtx {
            path,
            echo,
            error,
            now,
            ..PageCtx::default()
        },
    }
}
