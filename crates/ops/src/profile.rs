//! A member's own settings: another display name, checked as at registration (the
//! field rules, the PHI gate — a name must not identify a patient — and uniqueness
//! as names compare; the old name leaves search with the change), and the language
//! and time zone their pages use.

use domain::fields::{DisplayName, FieldErrors};
use domain::vocab::AuditAction;

use crate::access::Signed;
use crate::error::{conflict_to_field, AppError};
use crate::gate;
use crate::services::Services;

/// Renames the viewer. Nothing is written when the name is refused.
pub async fn rename(s: &Services, viewer: &Signed, name: &str) -> Result<(), AppError> {
    let field =
        |key: String| AppError::Invalid(FieldErrors::from([("display_name".to_string(), key)]));
    let name = DisplayName::parse(name).map_err(field)?;
    if name.as_str() == viewer.0.display_name {
        return Ok(());
    }
    if let Some(key) = gate::display_name_problem(&s.store, name.as_str()).await? {
        return Err(field(key.to_string()));
    }
    let mut tx = s.store.begin().await?;
    tx.audit(
        Some(viewer.id()),
        AuditAction::AccountRenamed,
        "user",
        &viewer.id().to_string(),
        "",
    )
    .await?;
    // Last: it queues the member's threads for re-indexing.
    tx.rename_user(viewer.id(), name.as_str())
        .await
        .map_err(conflict_to_field)?;
    tx.commit().await?;
    tracing::info!(
        user_id = viewer.id(),
        chars = name.as_str().chars().count(),
        "display name changed"
    );
    Ok(())
}

/// Saves the viewer's page language and time zone (`zone` "": their browser's, else
/// the language's default).
pub async fn save_settings(
    s: &Services,
    viewer: &Signed,
    lang: &str,
    zone: &str,
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let lang = domain::i18n::Lang::parse(lang);
    if lang.is_none() {
        errors.insert("lang".into(), "err.choose".into());
    }
    let zone = (!zone.is_empty()).then_some(zone);
    if zone.is_some_and(|z| domain::zones::zone(z).is_none()) {
        errors.insert("time_zone".into(), "err.choose".into());
    }
    let (Some(lang), true) = (lang, errors.is_empty()) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = s.store.begin().await?;
    tx.set_lang(viewer.id(), lang).await?;
    tx.set_time_zone(viewer.id(), zone).await?;
    tx.commit().await?;
    tracing::info!(user_id = viewer.id(), "settings saved");
    Ok(())
}
