//! A post as its author submits it: title and tags (opening posts only) and the body.

use super::{check, Body, FieldError, FieldErrors, Title};

/// Tags of a thread: lower case, without `#`, no duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tags(Vec<String>);

impl Tags {
    /// Most tags on a thread.
    pub const MAX_COUNT: usize = 5;
    /// Longest tag, in characters.
    pub const MAX_LEN: usize = 30;

    /// Splits typed tags (spaces, commas, Japanese commas and spaces). Stops at the
    /// first tag too many, so a huge list costs no more than a short one.
    pub fn parse(raw: &str) -> Result<Tags, FieldError> {
        if raw.chars().any(|c| c.is_control()) {
            return Err("err.bad_chars".into());
        }
        let mut tags: Vec<String> = Vec::new();
        for t in raw.split([' ', ',', '、', '，', '\u{3000}']) {
            let t = t.trim().trim_start_matches('#').to_lowercase();
            if !t.is_empty() && !tags.contains(&t) {
                tags.push(t);
            }
            if tags.len() > Tags::MAX_COUNT {
                return Err(format!("err.too_many_tags|max={}", Tags::MAX_COUNT));
            }
        }
        if tags.iter().any(|t| t.chars().count() > Tags::MAX_LEN) {
            return Err(format!("err.too_long_n|max={}", Tags::MAX_LEN));
        }
        Ok(Tags(tags))
    }

    /// The tags.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// The tags.
    pub fn into_vec(self) -> Vec<String> {
        self.0
    }
}

/// The fields of the composer as submitted (title and tags only on opening posts).
#[derive(Clone, Debug, Default)]
pub struct PostForm {
    /// Title (opening posts).
    pub title: Option<String>,
    /// Tags as typed (opening posts).
    pub tags: Option<String>,
    /// Markdown body.
    pub body: String,
    /// The author chose to send it to moderators even if it is held.
    pub send_for_review: bool,
}

/// A post that passed validation (not yet screened).
#[derive(Clone, Debug)]
pub struct NewPost {
    /// Title (opening posts).
    pub title: Option<Title>,
    /// Tags (opening posts).
    pub tags: Option<Tags>,
    /// Markdown body.
    pub body: Body,
    /// The author chose to send it to moderators even if it is held.
    pub send_for_review: bool,
}

impl TryFrom<&PostForm> for NewPost {
    type Error = FieldErrors;

    fn try_from(f: &PostForm) -> Result<NewPost, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = f
            .title
            .as_deref()
            .map(|t| check(&mut errors, "title", Title::parse(t)));
        let tags = f
            .tags
            .as_deref()
            .map(|t| check(&mut errors, "tags", Tags::parse(t)));
        let body = check(&mut errors, "body", Body::parse(&f.body));
        match (title, tags, body) {
            (title, tags, Some(body)) if errors.is_empty() => Ok(NewPost {
                title: title.flatten(),
                tags: tags.flatten(),
                body,
                send_for_review: f.send_for_review,
            }),
            _ => Err(errors),
        }
    }
}
