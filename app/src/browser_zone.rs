//! The browser tells the server its time zone: a cookie the server reads when the
//! member has not chosen a zone (`/profile`), so times are shown in the member's
//! own zone from the next page on. Only zones of `domain::zones` are sent; without
//! JavaScript the page language's default applies.

/// Stores the browser's zone in the `rounds_tz` cookie (`__Host-` prefixed over
/// HTTPS, as the server reads it there).
pub fn remember() {
    use wasm_bindgen::JsCast;
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let Some(zone) = js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|z| domain::zones::zone(z).is_some())
    else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let secure = window.location().protocol().ok().as_deref() == Some("https:");
    let Some(doc) = window
        .document()
        .and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok())
    else {
        return;
    };
    let cookie = if secure {
        format!("__Host-rounds_tz={zone}; Path=/; Max-Age=31536000; SameSite=Lax; Secure")
    } else {
        format!("rounds_tz={zone}; Path=/; Max-Age=31536000; SameSite=Lax")
    };
    let _ = doc.set_cookie(&cookie);
}
