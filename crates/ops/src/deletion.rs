//! A member deletes their own account, with their password, choosing whether their
//! published posts stay (under "former member") or go with it. Everything never
//! published is blanked at once either way. One transaction: the deletion
//! (`store::deletion`), its audit entry (ids only) and the letter that confirms it
//! to the address the account had.

use domain::fields::{flag, FieldErrors};
use domain::models::Role;
use domain::vocab::AuditAction;

use crate::access::Signed;
use crate::credentials::own_password_matches;
use crate::error::AppError;
use crate::services::Services;

/// What becomes of the member's published posts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublishedPosts {
    /// They stay, shown under "former member".
    Keep,
    /// They are deleted and their text blanked.
    Remove,
}

impl PublishedPosts {
    /// Parses the form's choice.
    pub fn parse(s: &str) -> Option<PublishedPosts> {
        match s {
            "keep" => Some(PublishedPosts::Keep),
            "remove" => Some(PublishedPosts::Remove),
            _ => None,
        }
    }
}

/// Deletes the viewer's account. Admins are refused (an admin is first made a
/// member from the command line, so a site never loses its last admin by a click).
pub async fn delete_account(
    s: &Services,
    who: &Signed,
    password: String,
    choice: &str,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    if who.0.role == Role::Admin {
        flag(&mut errors, "_form", "err.admin_cannot_delete");
        return Err(AppError::Invalid(errors));
    }
    let choice = PublishedPosts::parse(choice);
    if choice.is_none() {
        flag(&mut errors, "posts", "err.choose");
    }
    let user = s
        .store
        .user_by_id(who.id())
        .await?
        .ok_or(AppError::Unauthorized)?;
    let key = format!("delete:{}", who.id());
    if !own_password_matches(s, &key, password, &user.password_hash).await? {
        flag(&mut errors, "password", "err.password_wrong");
    }
    let (true, Some(choice)) = (errors.is_empty(), choice) else {
        return Err(AppError::Invalid(errors));
    };
    let with_posts = choice == PublishedPosts::Remove;
    let mut tx = s.store.begin().await?;
    let action = if with_posts {
        AuditAction::AccountDeletedWithPosts
    } else {
        AuditAction::AccountDeletedKeepingPosts
    };
    tx.audit(Some(who.id()), action, "user", &who.id().to_string(), "")
        .await?;
    tx.delete_account(who.id(), with_posts).await?;
    let letter = mail::letters::account_deleted(
        crate::mail_out::lang_of(&user, s.config.default_lang),
        &user.applicant.display_name,
        with_posts,
    );
    crate::mail_out::queue(s, &mut tx, who.id(), &user.applicant.email, &letter).await?;
    tx.commit().await?;
    tracing::info!(user_id = who.id(), with_posts, "account deleted");
    Ok(())
}
