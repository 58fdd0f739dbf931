//! The composer's `@` and `#` suggestions: verified members whose name starts with
//! what follows an `@`, and categories whose name (in either language) or address
//! starts with what follows a `#`. Verified members only; display names and
//! category names are what every member already sees on pages. Nothing is logged
//! (a prefix is part of a post being written).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::Suggestion;

#[cfg(feature = "ssr")]
use super::{services, viewer};
#[cfg(feature = "ssr")]
use ops::access::Verified;

/// Longest prefix looked up (a name is at most 40 characters after the `@`).
#[cfg(feature = "ssr")]
const PREFIX_MAX: usize = 40;

/// Suggestions for `prefix` after `trigger` (`@` or `#`), category names in `lang`.
#[server(input = GetUrl, endpoint = "suggest")]
pub async fn suggest(
    trigger: String,
    prefix: String,
    lang: String,
) -> Result<Vec<Suggestion>, PageError> {
    let _member: Verified = viewer()?;
    let s = services()?;
    if prefix.chars().count() > PREFIX_MAX {
        return Ok(Vec::new());
    }
    let limit = domain::models::SUGGESTIONS;
    match trigger.as_str() {
        "@" => Ok(s
            .store
            .members_starting(&prefix, limit as i64)
            .await?
            .iter()
            .map(|n| Suggestion::member(n))
            .collect()),
        "#" => {
            let lang = domain::i18n::Lang::parse(&lang).unwrap_or_default();
            let p = prefix.to_lowercase();
            Ok(s.store
                .categories()
                .await?
                .iter()
                .filter(|c| {
                    [c.slug.as_str(), c.name_en.as_str(), c.name_ja.as_str()]
                        .iter()
                        .any(|n| n.to_lowercase().starts_with(&p))
                })
                .take(limit)
                .map(|c| Suggestion::category(c.name(lang), &c.slug))
                .collect())
        }
        _ => Err(ops::AppError::BadRequest.into()),
    }
}
