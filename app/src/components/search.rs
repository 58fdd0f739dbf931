//! The search box (header, search page, thread page) and marked text pieces.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use domain::models::Piece;

/// The phone keyboard's enter key reads "search".
const ENTER_KEY: &str = "search";

/// Percent-encodes a query-string value (UTF-8; space as `+`).
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Percent-encodes `s` as one path segment (unreserved characters kept; a space
/// becomes `%20`, never `+`).
pub fn encode_path_segment(s: &str) -> String {
    encode_query_value(s).replace('+', "%20")
}

/// The public profile link of the member named `name`.
pub fn person_href(name: &str) -> String {
    format!("/u/{}", encode_path_segment(name))
}

/// An author's name as pages show it: a deleted account has none, and shows as
/// "former member" in the page's language.
pub fn author_label(i: domain::i18n::I18n, name: &str) -> String {
    if name.is_empty() {
        i.tr("member.former")
    } else {
        name.to_string()
    }
}

/// Text pieces with the matching ones in `<mark>`.
#[component]
pub fn Marked(pieces: Vec<Piece>) -> impl IntoView {
    pieces
        .into_iter()
        .map(|p| {
            if p.mark {
                view! { <mark>{p.text}</mark> }.into_any()
            } else {
                p.text.into_any()
            }
        })
        .collect_view()
}

/// The search form: the header's box, the page's form and the thread's box share it.
#[component]
pub fn SearchForm(
    /// The query to show in the box.
    #[prop(default = String::new())]
    q: String,
    /// Search in this thread only.
    #[prop(default = None)]
    thread: Option<i64>,
    /// CSS class of the form.
    #[prop(default = "search-form")]
    class: &'static str,
    /// Show the sort control with this order selected.
    #[prop(default = None)]
    order: Option<String>,
) -> impl IntoView {
    let i = use_i18n();
    let label = if thread.is_some() {
        i.tr("search.in_thread")
    } else {
        i.tr("search.label")
    };
    view! {
        <form method="get" action="/search" class=class role="search">
            {thread.map(|t| view! { <input type="hidden" name="thread" value=t.to_string()/> })}
            <input type="search" name="q" value=q aria-label=label.clone()
                placeholder=if thread.is_some() { label.clone() } else { i.tr("search.placeholder") }
                maxlength=domain::fields::SEARCH_MAX autocomplete="off" enterkeyhint=ENTER_KEY/>
            {order.map(|o| view! {
                <label class="order">
                    <span>{i.tr("search.order")}</span>
                    <select name="order">
                        <option value="relevance" selected={o != "latest"}>{i.tr("search.order.relevance")}</option>
                        <option value="latest" selected={o == "latest"}>{i.tr("search.order.latest")}</option>
                    </select>
                </label>
            })}
            <button type="submit">{i.tr("search.submit")}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::encode_query_value;

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("a b&c=d"), "a+b%26c%3Dd");
        assert_eq!(encode_query_value("褥瘡"), "%E8%A4%A5%E7%98%A1");
    }
}
