//! Staff use cases: verification decisions (moderators), moderator grants, the
//! detector's site lists and the categories (admins; their names pass the PHI gate). Every decision and its audit
//! entry are one transaction.

use domain::fields::{line, CategoryInput, FieldErrors, Reason, SiteTerm};
use domain::models::{Role, Status};
use domain::vocab::{AuditAction, NotificationKind, QueueKind, SiteList};
use store::notify::Target;
use store::StoreError;

use crate::access::{Admin, Moderator};
use crate::error::AppError;
use crate::gate::screen_line;
use crate::moderation::Decided;
use crate::services::Services;

/// A moderator's decision on an applicant.
#[derive(Clone, Debug)]
pub enum Verification {
    /// The licence checks out.
    Verify,
    /// Turned down; the applicant reads the reason.
    Reject(String),
}

/// Decides an applicant the moderator has claimed. `reason_field` names the form
/// field a bad reason is reported under (each applicant's card has its own).
pub async fn decide_verification(
    s: &Services,
    actor: &Moderator,
    target: i64,
    decision: Verification,
    reason_field: &str,
) -> Result<Decided, AppError> {
    let reason =
        match &decision {
            Verification::Reject(r) => Some(line(r, true, Reason::MAX).map_err(|k| {
                AppError::Invalid(FieldErrors::from([(reason_field.to_string(), k)]))
            })?),
            Verification::Verify => None,
        };
    if target == actor.id() {
        return Err(AppError::Forbidden);
    }
    let (status, action, kind) = match reason {
        None => (
            Status::Verified,
            AuditAction::VerificationVerify,
            NotificationKind::Verified,
        ),
        Some(_) => (
            Status::Rejected,
            AuditAction::VerificationReject,
            NotificationKind::VerificationRejected,
        ),
    };
    let mut tx = s.store.begin().await?;
    if !tx
        .holds_claim(QueueKind::Verification, target, actor.id())
        .await?
    {
        return Ok(Decided::ClaimFirst);
    }
    if !tx.decide(target, status, reason.as_deref()).await? {
        return Ok(Decided::AlreadyDecided);
    }
    tx.audit(
        Some(actor.id()),
        action,
        "user",
        &target.to_string(),
        reason.as_deref().unwrap_or(""),
    )
    .await?;
    tx.release_claim(QueueKind::Verification, target).await?;
    crate::notices::notify(
        s,
        &mut tx,
        target,
        kind,
        Some(actor.id()),
        Target::default(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), target, action = %action, "verification decided");
    Ok(Decided::Done)
}

/// Grants or revokes moderator. Admins are managed from the command line, and nobody
/// changes their own role.
pub async fn set_role(
    s: &Services,
    actor: &Admin,
    target: i64,
    role: Role,
) -> Result<(), AppError> {
    let action = match role {
        Role::Moderator => AuditAction::RoleGrantModerator,
        Role::Member => AuditAction::RoleRevokeModerator,
        Role::Admin => return Err(AppError::BadRequest),
    };
    let user = s
        .store
        .user_by_id(target)
        .await?
        .ok_or(AppError::NotFound)?;
    if user.role == Role::Admin || target == actor.id() {
        return Err(AppError::Forbidden);
    }
    if role == Role::Moderator && user.applicant.status != Status::Verified {
        return Err(AppError::Conflict);
    }
    if user.role == role {
        return Ok(());
    }
    let mut tx = s.store.begin().await?;
    tx.set_role(target, role).await?;
    tx.audit(Some(actor.id()), action, "user", &target.to_string(), "")
        .await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), target, action = %action, "role changed");
    Ok(())
}

/// Adds (`add` true) or removes a term of a site list. The server reads the lists on
/// every post and the composer loads them with the page, so it applies at once.
pub async fn change_site_list(
    s: &Services,
    actor: &Admin,
    list: SiteList,
    term: &str,
    add: bool,
) -> Result<(), AppError> {
    let field = format!("term_{list}");
    let term =
        SiteTerm::parse(term).map_err(|k| AppError::Invalid(FieldErrors::from([(field, k)])))?;
    let mut tx = s.store.begin().await?;
    let action = if add {
        tx.add_site_term(list, term.as_str(), actor.id()).await?;
        AuditAction::SiteListAdd
    } else {
        tx.remove_site_term(list, term.as_str()).await?;
        AuditAction::SiteListRemove
    };
    // The term itself may be a facility name: the audit log keeps it (admins only
    // read it), the process log only its length.
    tx.audit(
        Some(actor.id()),
        action,
        "site_list",
        list.as_str(),
        term.as_str(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), list = %list, term_len = term.as_str().len(), action = %action, "site list changed");
    Ok(())
}

/// What an admin does to a category.
#[derive(Clone, Debug)]
pub enum CategoryChange {
    /// A new category.
    Create(CategoryInput),
    /// New names, slug, description or position.
    Update(i64, CategoryInput),
    /// Archive (`true`) or restore.
    Archive(i64, bool),
}

/// Applies a category change. A taken slug is a field error under `slug{suffix}`.
pub async fn change_category(
    s: &Services,
    actor: &Admin,
    change: CategoryChange,
    suffix: &str,
) -> Result<(), AppError> {
    let taken = |e: StoreError| match e {
        StoreError::Conflict("slug") => AppError::Invalid(FieldErrors::from([(
            format!("slug{suffix}"),
            "err.slug_taken".to_string(),
        )])),
        other => AppError::Store(other),
    };
    if let CategoryChange::Create(c) | CategoryChange::Update(_, c) = &change {
        // Every member reads a category's names and descriptions.
        let mut errors = FieldErrors::new();
        for (field, text) in [
            ("name_en", &c.name_en),
            ("name_ja", &c.name_ja),
            ("description_en", &c.description_en),
            ("description_ja", &c.description_ja),
        ] {
            if !screen_line(&s.store, text).await?.is_empty() {
                errors.insert(
                    format!("{field}{suffix}"),
                    "err.field_patient_data".to_string(),
                );
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
    }
    let mut tx = s.store.begin().await?;
    let (id, action) = match &change {
        CategoryChange::Create(c) => (
            tx.create_category(c).await.map_err(taken)?,
            AuditAction::CategoryCreate,
        ),
        CategoryChange::Update(id, c) => {
            if !tx.update_category(*id, c).await.map_err(taken)? {
                return Err(AppError::NotFound);
            }
            (*id, AuditAction::CategoryUpdate)
        }
        CategoryChange::Archive(id, archive) => {
            if !tx.set_category_archived(*id, *archive).await? {
                return Err(AppError::NotFound);
            }
            let action = if *archive {
                AuditAction::CategoryArchive
            } else {
                AuditAction::CategoryRestore
            };
            (*id, action)
        }
    };
    tx.audit(Some(actor.id()), action, "category", &id.to_string(), "")
        .await?;
    tx.commit().await?;
    tracing::info!(actor = actor.id(), category = id, action = %action, "category changed");
    Ok(())
}
