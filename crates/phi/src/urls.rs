//! Personal URLs: social media, blogs and fundraising pages of a patient or relative
//! (split from `contacts`, which calls `urls`).
//!
//! A URL is reported when its host is a personal platform (`PERSONAL_HOSTS`, with a
//! personal path or subdomain), or when an unknown, non-public site is introduced as a
//! family member's own page ("her son posts updates on https://…").  Public agency, journal
//! and guideline URLs are never reported.

use super::lex::lex;
use super::text::Text;
use crate::hits::{push, Hits};
use crate::kinds::Kind;

fn domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-')
}

fn url_char(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '"' | '<' | '>' | '(' | ')' | '[' | ']' | '{' | '}' | '\'' | ','
        )
}

/// Hosts whose pages belong to a person (social media, blogs, fundraising, messaging).
#[rustfmt::skip]
const PERSONAL_HOSTS: &[&str] = &[
    "facebook.com", "fb.com", "fb.me", "instagram.com", "instagr.am", "x.com", "twitter.com", "tiktok.com",
    "threads.net", "threads.com", "youtube.com", "youtu.be", "linkedin.com", "gofundme.com", "gofund.me",
    "justgiving.com", "caringbridge.org", "ameblo.jp", "note.com", "note.mu", "hatenablog.com", "hatenablog.jp",
    "hatena.ne.jp", "blogspot.com", "wordpress.com", "tumblr.com", "medium.com", "substack.com", "pinterest.com",
    "reddit.com", "mixi.jp", "line.me", "lin.ee", "campfire.jp", "readyfor.jp", "fc2.com", "livedoor.blog",
    "livedoor.jp", "jugem.jp", "seesaa.net", "bsky.app", "mastodon.social", "snapchat.com", "vk.com", "weibo.com",
    "kakao.com", "spotify.com", "twitch.tv", "patreon.com", "ko-fi.com", "fundly.com",
];

/// "caringfordad.wordpress.com": a person's own subdomain of a blog platform.
fn personal_subdomain(host: &str) -> bool {
    PERSONAL_HOSTS.iter().any(|h| {
        host.len() > h.len() + 1
            && host.ends_with(h)
            && host[..host.len() - h.len()].ends_with('.')
            && !host.starts_with("www.")
    })
}

fn personal(host: &str, path: &str) -> bool {
    let host = host
        .trim_start_matches("www.")
        .trim_start_matches("m.")
        .trim_start_matches("mobile.");
    let sub_of = |h: &str| {
        host.len() > h.len() && host.ends_with(h) && host[..host.len() - h.len()].ends_with('.')
    };
    let social = PERSONAL_HOSTS.iter().any(|h| host == *h || sub_of(h));
    let sub = PERSONAL_HOSTS.iter().any(|h| sub_of(h));
    let path_user = path.trim_matches('/').len() >= 2;
    let hinted = [
        "blog",
        "diary",
        "fundrais",
        "memorial",
        "crowdfund",
        "obituar",
    ]
    .iter()
    .any(|w| host.contains(w));
    (social && (path_user || sub)) || hinted || path.contains("/@") || path.contains("/~")
}

/// Public suffixes of agencies, universities, journals and guideline bodies: never a family page.
const PUBLIC_SUFFIXES: &[&str] = &[
    ".gov",
    ".gov.uk",
    ".go.jp",
    ".nhs.uk",
    ".edu",
    ".ac.uk",
    ".ac.jp",
    ".int",
    ".who.int",
    "nice.org.uk",
    "nih.gov",
    "cdc.gov",
    "bmj.com",
    "nejm.org",
    "thelancet.com",
    "jamanetwork.com",
    "doi.org",
    "pubmed",
    "mhlw.go.jp",
    "uptodate.com",
    "mdcalc.com",
    "wikipedia.org",
    "cochranelibrary.com",
];

fn public_host(host: &str) -> bool {
    PUBLIC_SUFFIXES.iter().any(|p| host.ends_with(p))
}

lex!(
    family_page_words,
    &[
        "blog",
        "fundraiser",
        "fundraising",
        "son",
        "son's",
        "daughter",
        "wife",
        "husband",
        "grandson",
        "granddaughter",
        "niece",
        "nephew",
        "his site",
        "her site",
        "ブログ",
        "息子",
        "娘",
        "奥様",
        "ご主人",
    ]
);

/// A family or personal-page word (a whole word for Latin) in the 40 characters before a URL.
fn family_page_before(t: &Text, i: usize) -> bool {
    (i.saturating_sub(40)..i)
        .any(|j| !super::text::is_latin(t.before(j)) && family_page_words().word_at(t, j).is_some())
}

pub(super) fn urls(t: &Text, hits: &mut Hits) {
    let mut i = 0;
    while i < t.len() {
        if !url_char(t.at(i)) || url_char(t.before(i)) {
            i += 1;
            continue;
        }
        let mut e = t.run_end(i, url_char);
        while e > i && matches!(t.at(e - 1), '.' | ';' | ':' | '!' | '?') {
            e -= 1;
        }
        if !t.c[i..e].contains(&'.') {
            i = e.max(i + 1);
            continue;
        }
        let tok = t.lower(i, e);
        let rest = tok
            .strip_prefix("https://")
            .or_else(|| tok.strip_prefix("http://"));
        let schemed = rest.is_some();
        let rest = rest.unwrap_or(&tok);
        let cut = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (host, path) = rest.split_at(cut);
        let hostlike = host.contains('.')
            && host.chars().all(domain_char)
            && !host.starts_with('.')
            && !host.contains('@');
        if hostlike
            && (schemed || host.starts_with("www.") || !path.is_empty() || personal_subdomain(host))
            && personal(host, path)
        {
            push(hits, Kind::Url, i, e, "url.personal");
        } else if hostlike && schemed && !public_host(host) && family_page_before(t, i) {
            // An unknown site introduced as the family's own page ("her son posts updates on
            // https://…", "family blog: https://…").
            push(hits, Kind::Url, i, e, "url.family_page");
        }
        i = e.max(i + 1);
    }
}
