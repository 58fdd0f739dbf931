//! Demo content for `rounds seed --demo`: six verified demo accounts and a dozen threads with
//! replies, in Japanese and English, spread over the forum's categories.
//!
//! The content itself lives in `demo.toml` next to this file; it is embedded in the binary at
//! compile time and parsed once, on first use of [`users`] or [`threads`]. The file names
//! authors by display name; parsing resolves them to indices into [`users`] and checks every
//! category against [`CATEGORIES`].
//!
//! Everything there is invented and written the way clinicians discuss cases on a forum:
//! no patient names, exact dates, exact ages, places, facilities or record numbers, so that
//! every post passes the PHI detector (`phi::scan`) and is published, not held.

use std::sync::OnceLock;

use serde::Deserialize;

/// The demo content, embedded at compile time (its format is described at its top).
const DEMO_TOML: &str = include_str!("demo.toml");

/// A demo account (all verified, password set by the caller).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoUser {
    /// Login e-mail, always under the reserved `rounds.invalid` domain.
    pub email: String,
    /// Name shown on posts (a handle, never anything that looks like a patient's name). The
    /// data file also uses it to name the author of each thread and reply.
    pub display_name: String,
    /// One of `physician`, `nurse`, `pharmacist`, `care_worker`, `other`.
    pub profession: String,
    /// Free-text specialty shown on the profile.
    pub specialty: String,
    /// The language the account mainly writes in: `"en"` or `"ja"`.
    pub lang: String,
}

/// A demo reply: author index into [`users`], markdown body.
#[derive(Debug)]
pub struct DemoReply {
    /// Index into [`users`].
    pub author: usize,
    /// Markdown body.
    pub body: String,
}

/// A demo thread.
#[derive(Debug)]
pub struct DemoThread {
    /// Category slug, one of [`CATEGORIES`].
    pub category: String,
    /// Index into [`users`].
    pub author: usize,
    /// Thread title.
    pub title: String,
    /// One to three tags: lowercase ASCII slugs or Japanese words.
    pub tags: Vec<String>,
    /// Markdown body of the opening post.
    pub body: String,
    /// Replies in posting order.
    pub replies: Vec<DemoReply>,
}

/// The category slugs the demo threads use (the forum's categories).
pub const CATEGORIES: &[&str] = &[
    "internal-medicine",
    "nursing",
    "elder-care",
    "pharmacy",
    "pediatrics",
    "emergency",
    "workplace",
];

/// The demo accounts: three writing mainly Japanese, three mainly English.
pub fn users() -> &'static [DemoUser] {
    &demo().users
}

/// The demo threads: six in Japanese, six in English, over all seven categories.
pub fn threads() -> &'static [DemoThread] {
    &demo().threads
}

/// The parsed, resolved content of `demo.toml`.
struct Demo {
    users: Vec<DemoUser>,
    threads: Vec<DemoThread>,
}

/// `demo.toml` as written: authors are named by display name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    users: Vec<DemoUser>,
    threads: Vec<ThreadEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThreadEntry {
    category: String,
    author: String,
    title: String,
    tags: Vec<String>,
    body: String,
    #[serde(default)]
    replies: Vec<ReplyEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplyEntry {
    author: String,
    body: String,
}

/// The embedded content, parsed on first use.
fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| match parse(DEMO_TOML) {
        Ok(demo) => demo,
        // Cannot happen in a tested build: the text is fixed at compile time and the unit test
        // `embedded_file_parses_and_resolves` (demo_data/tests.rs) parses exactly this text.
        Err(e) => panic!("the embedded seed/demo.toml is invalid: {e}"),
    })
}

/// Parses demo content: resolves every author (a display name) to its index among the users,
/// and checks that display names are unique and every category is one of [`CATEGORIES`].
fn parse(text: &str) -> Result<Demo, String> {
    let file: DemoFile = toml::from_str(text).map_err(|e| e.to_string())?;
    let users = file.users;
    for (k, u) in users.iter().enumerate() {
        if users[..k].iter().any(|v| v.display_name == u.display_name) {
            return Err(format!("display name {:?} is used twice", u.display_name));
        }
    }
    let author = |name: &str, title: &str| {
        users
            .iter()
            .position(|u| u.display_name == name)
            .ok_or_else(|| format!("thread {title:?}: no user has the display name {name:?}"))
    };
    let mut threads = Vec::with_capacity(file.threads.len());
    for t in file.threads {
        if !CATEGORIES.contains(&t.category.as_str()) {
            return Err(format!(
                "thread {:?}: unknown category {:?}",
                t.title, t.category
            ));
        }
        let mut replies = Vec::with_capacity(t.replies.len());
        for r in t.replies {
            replies.push(DemoReply {
                author: author(&r.author, &t.title)?,
                body: r.body,
            });
        }
        threads.push(DemoThread {
            author: author(&t.author, &t.title)?,
            category: t.category,
            title: t.title,
            tags: t.tags,
            body: t.body,
            replies,
        });
    }
    Ok(Demo { users, threads })
}

#[cfg(test)]
mod tests;
