//! The one translation mechanism: every user-visible string is a key looked up here,
//! in English or Japanese. The language comes from the user's setting, else the
//! `rounds_lang` cookie (the header switcher), else `Accept-Language`, else the
//! operator's default.

mod detector_messages;
mod dm_messages;
mod engagement_messages;
mod forum_messages;
mod mail_messages;
mod member_messages;
mod messages;
mod reading_messages;
mod search_messages;
mod two_factor_messages;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

pub use messages::MESSAGES;

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// BCP 47 code, also the stored and cookie spelling.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// Parses `en`/`ja` (and regional variants such as `ja-JP`).
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ja" => Some(Lang::Ja),
            _ => None,
        }
    }

    /// Picks the supported language the browser prefers most from an
    /// `Accept-Language` header, honouring `q` weights.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("");
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag) {
                if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
                    best = Some((q, lang));
                }
            }
        }
        best.map(|(_, l)| l)
    }

    /// The language a switcher offers next to this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }
}

/// Every message table, one after another.
fn all_messages() -> impl Iterator<Item = &'static (&'static str, &'static str, &'static str)> {
    MESSAGES
        .iter()
        .chain(forum_messages::FORUM_MESSAGES)
        .chain(engagement_messages::ENGAGEMENT_MESSAGES)
        .chain(reading_messages::READING_MESSAGES)
        .chain(dm_messages::DM_MESSAGES)
        .chain(search_messages::SEARCH_MESSAGES)
        .chain(detector_messages::DETECTOR_MESSAGES)
        .chain(mail_messages::MAIL_MESSAGES)
        .chain(member_messages::MEMBER_MESSAGES)
        .chain(two_factor_messages::TWO_FACTOR_MESSAGES)
}

fn table() -> &'static HashMap<&'static str, (&'static str, &'static str)> {
    static TABLE: OnceLock<HashMap<&'static str, (&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| all_messages().map(|(k, en, ja)| (*k, (*en, *ja))).collect())
}

/// The label of a kind of identifiable data (`phi.NAME`, …): the detector names its
/// kinds in both languages itself, so they are written once, in `phi::Kind`.
fn kind_label(lang: Lang, key: &str) -> Option<&'static str> {
    let kind = phi::Kind::parse(key.strip_prefix("phi.")?)?;
    Some(kind.label(lang == Lang::Ja))
}

/// Translates `key` into `lang`. An unknown key is returned as is (a test checks
/// that every key used in the source exists in both languages).
pub fn t(lang: Lang, key: &str) -> String {
    if let Some(label) = kind_label(lang, key) {
        return label.to_string();
    }
    match table().get(key) {
        Some((en, ja)) => match lang {
            Lang::En => (*en).to_string(),
            Lang::Ja => (*ja).to_string(),
        },
        None => key.to_string(),
    }
}

/// Translates a key with `{name}` placeholders filled from `args`.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut s = t(lang, key);
    for (name, value) in args {
        s = s.replace(&format!("{{{name}}}"), value);
    }
    s
}

/// Translates an error key as stored in a [`crate::models::FormEcho`]:
/// `key` or `key|name=value|…`.
pub fn t_err(lang: Lang, spec: &str) -> String {
    let mut parts = spec.split('|');
    let key = parts.next().unwrap_or("");
    let args: Vec<(&str, &str)> = parts.filter_map(|p| p.split_once('=')).collect();
    tf(lang, key, &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_prefers_highest_weight() {
        assert_eq!(
            Lang::from_accept_language("ja-JP,ja;q=0.9,en;q=0.8"),
            Some(Lang::Ja)
        );
        assert_eq!(
            Lang::from_accept_language("fr, en;q=0.5, ja;q=0.4"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(
            Lang::from_accept_language("en;q=0, ja;q=0.1"),
            Some(Lang::Ja)
        );
    }

    #[test]
    fn every_message_has_both_languages_and_unique_keys() {
        let mut seen = std::collections::HashSet::new();
        for (k, en, ja) in all_messages() {
            assert!(seen.insert(*k), "duplicate key {k}");
            assert!(!en.trim().is_empty(), "{k} lacks English");
            assert!(!ja.trim().is_empty(), "{k} lacks Japanese");
            // placeholders must match between languages
            let ph = |s: &str| {
                let mut v: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(a, _)| a.to_string())
                    .collect();
                v.sort();
                v
            };
            assert_eq!(ph(en), ph(ja), "{k} placeholders differ");
        }
    }

    /// Every `t(…, "key")`-style use in the workspace's source names a key that exists.
    #[test]
    fn every_key_used_in_the_source_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut missing = Vec::new();
        let mut stack: Vec<std::path::PathBuf> = ["app/src", "server/src", "crates"]
            .iter()
            .map(|d| root.join(d))
            .collect();
        assert!(stack.iter().all(|d| d.is_dir()), "source folders moved");
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    // The detector has no UI strings; build output is not source.
                    if !path.ends_with("phi") && !path.ends_with("target") {
                        stack.push(path);
                    }
                    continue;
                }
                if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                    continue;
                }
                let src = std::fs::read_to_string(&path).unwrap_or_default();
                if path.ends_with("i18n/mod.rs") {
                    continue;
                }
                // Keys passed to the translator, and message keys stored for later
                // translation (`"err.…"`, `"notice.…"`).
                let markers = [
                    (".tr(\"", ""),
                    (".trf(\"", ""),
                    ("label=\"", ""),
                    ("hint=\"", ""),
                    ("submit=\"", ""),
                    ("\"err.", "err."),
                    ("\"notice.", "notice."),
                    ("\"search.err.", "search.err."),
                ];
                for (marker, prefix) in markers {
                    for piece in src.split(marker).skip(1) {
                        let Some((rest, _)) = piece.split_once('"') else {
                            continue;
                        };
                        let rest = rest.split('|').next().unwrap_or(rest);
                        let key = format!("{prefix}{rest}");
                        let plain = rest
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                        if !rest.is_empty() && plain && !table().contains_key(key.as_str()) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys missing from the table: {missing:#?}"
        );
    }
}

/// The translator of the current page, copied into components: its language and
/// the zone its times are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n(pub Lang, pub &'static crate::zones::Zone, pub i64);

impl I18n {
    /// The translator for `lang` and the zone named `zone` ("" or unknown: the
    /// language's default zone).
    pub fn new(lang: Lang, zone: &str) -> I18n {
        let z =
            crate::zones::zone(zone).unwrap_or_else(|| crate::zones::default_for(lang == Lang::Ja));
        I18n(lang, z, 0)
    }

    /// The same translator, telling how long ago things were as seen at `now`
    /// (unix seconds: the time the server rendered the page, so the browser renders
    /// the same words when it hydrates).
    pub fn at(self, now: i64) -> I18n {
        I18n(self.0, self.1, now)
    }
}

impl I18n {
    /// Whether pages are in Japanese (for text that comes in pairs, such as
    /// `phi::why`).
    pub fn is_ja(self) -> bool {
        self.0 == Lang::Ja
    }

    /// Translates a key.
    pub fn tr(self, key: &str) -> String {
        t(self.0, key)
    }
    /// Translates a key with `{name}` placeholders.
    pub fn trf(self, key: &str, args: &[(&str, &str)]) -> String {
        tf(self.0, key, args)
    }
    /// Translates a stored error spec (`key|name=value`).
    pub fn err(self, spec: &str) -> String {
        t_err(self.0, spec)
    }
    /// A time (unix seconds) in this page's zone (see [`crate::time`]).
    pub fn time(self, unix: i64) -> String {
        crate::time::format_in(unix, self.1)
    }
    /// How long ago `unix` was ("3 hours ago", 「3時間前」); the exact time when the
    /// translator does not know the time of the page.
    pub fn ago(self, unix: i64) -> String {
        if self.2 == 0 {
            return self.time(unix);
        }
        crate::time::ago(self.2, unix, self.is_ja(), self.1)
    }
}
