//! Server functions of the staff pages: the moderation queue, a held revision or a
//! report opened by a moderator (held text is read only after the opening is
//! written to the audit log), and the admins' site lists and categories.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::error::PageError;
use domain::models::{Category, HeldItem, QueueItem, ReportItem};
use phi::SiteLists;

#[cfg(feature = "ssr")]
use super::{claim_state, display_name, not_found, services, viewer};
#[cfg(feature = "ssr")]
use ops::access::{Admin, Moderator};

/// The moderation queue (`kind`: all, held, report, verification; `status`: open, closed).
#[server(input = GetUrl, endpoint = "mod_queue")]
pub async fn mod_queue(kind: String, status: String) -> Result<Vec<QueueItem>, PageError> {
    let Moderator(viewer) = viewer()?;
    let only = domain::vocab::QueueKind::parse(&kind);
    let shows = |k| only.is_none_or(|o| o == k);
    use domain::vocab::QueueKind as K;
    let filter = store::QueueFilter {
        held: shows(K::Held),
        reports: shows(K::Report),
        verification: shows(K::Verification),
        open: status != "closed",
    };
    Ok(services()?.store.queue(filter, viewer.id).await?)
}

/// A held revision, opened by a moderator. Every opening is audited.
#[server(input = GetUrl, endpoint = "load_held")]
pub async fn load_held(id: i64) -> Result<HeldItem, PageError> {
    let moderator: Moderator = viewer()?;
    super::refuse_cross_site_read()?;
    let s = services()?;
    let rev = s
        .store
        .held_revision(id)
        .await?
        .filter(|r| r.open_to_moderators())
        .ok_or_else(not_found)?;
    let revision = s
        .store
        .revisions(rev.post_id)
        .await?
        .into_iter()
        .find(|r| r.id == id)
        .ok_or_else(not_found)?;
    ops::moderation::record_reading(
        &s,
        &moderator,
        domain::vocab::AuditAction::HeldOpen,
        "revision",
        id,
    )
    .await?;
    let thread = s
        .store
        .thread_row(rev.thread_id)
        .await?
        .ok_or_else(not_found)?;
    let opening = s
        .store
        .post_row(rev.post_id)
        .await?
        .is_some_and(|p| p.number == 1);
    Ok(HeldItem {
        revision,
        post_id: rev.post_id,
        thread_id: rev.thread_id,
        thread_title: thread.title,
        opening,
        author: display_name(&s, rev.author_id).await?,
        own: rev.author_id == moderator.id(),
        waiting: rev.waiting,
        claim: claim_state(&s, domain::vocab::QueueKind::Held, id, moderator.id()).await?,
        not_phi: s.store.not_phi_marks(id).await?,
    })
}

/// A member report, opened by a moderator.
#[server(input = GetUrl, endpoint = "load_report")]
pub async fn load_report(id: i64) -> Result<ReportItem, PageError> {
    let moderator: Moderator = viewer()?;
    let s = services()?;
    let r = s.store.report(id).await?.ok_or_else(not_found)?;
    if r.private {
        // A direct message is read by moderators only here, and never unrecorded.
        ops::moderation::record_reading(
            &s,
            &moderator,
            domain::vocab::AuditAction::ReportMessageOpen,
            "report",
            id,
        )
        .await?;
    }
    Ok(ReportItem {
        id,
        post_id: r.post_id,
        thread_id: r.thread_id,
        author: display_name(&s, r.author_id).await?,
        reporter: display_name(&s, r.reporter_id).await?,
        reason: r.reason,
        note: r.note,
        state: r.state,
        post_html: r.post_html,
        own: r.author_id == moderator.id() || r.reporter_id == moderator.id(),
        claim: claim_state(&s, domain::vocab::QueueKind::Report, id, moderator.id()).await?,
        private: r.private,
    })
}

/// The detector's site lists (admins).
#[server(input = GetUrl, endpoint = "admin_site_lists")]
pub async fn admin_site_lists() -> Result<SiteLists, PageError> {
    let _: Admin = viewer()?;
    Ok(services()?.store.site_lists().await?)
}

/// The detector's record from moderators' decisions, per kind and language (admins).
#[server(input = GetUrl, endpoint = "admin_detector_record")]
pub async fn admin_detector_record() -> Result<domain::models::DetectorRecord, PageError> {
    let _: Admin = viewer()?;
    Ok(services()?.store.detector_record().await?)
}

/// Every category, archived ones too (admins).
#[server(input = GetUrl, endpoint = "admin_categories")]
pub async fn admin_categories() -> Result<Vec<Category>, PageError> {
    let _: Admin = viewer()?;
    Ok(services()?.store.all_categories().await?)
}

/// Where outgoing mail goes and how the outbox stands (admins).
#[server(input = GetUrl, endpoint = "admin_mail_status")]
pub async fn admin_mail_status() -> Result<domain::models::MailStatus, PageError> {
    let _: Admin = viewer()?;
    Ok(ops::mail_out::status(&services()?).await?)
}
