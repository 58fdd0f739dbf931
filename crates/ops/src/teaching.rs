//! Moderators teach the detector: on a held post they have claimed, each finding can
//! be marked "not patient data" (and the mark taken back), and its exact text added to
//! the site's never-hold list in the same step. Marks feed the detector's record
//! (`/admin/site-lists`); a never-hold term applies to the next scan on every node and
//! in the composer, which loads the lists with the page. Every change is audited.

use domain::fields::SiteTerm;
use domain::models::{FindingField, FindingRef};
use domain::vocab::{AuditAction, QueueKind, SiteList};

use crate::access::Moderator;
use crate::error::AppError;
use crate::moderation::Decided;
use crate::services::Services;

/// What a moderator says about one finding of a held version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Not patient data; `never` also adds its exact text to the never-hold list.
    NotPhi {
        /// Add the term to the never-hold list.
        never: bool,
    },
    /// Take the mark back (a never-hold term stays until an admin removes it).
    Undo,
}

/// Records a moderator's verdict on `finding` of the held version `revision_id`,
/// which they must have claimed (four eyes: never on their own post).
pub async fn judge_finding(
    s: &Services,
    actor: &Moderator,
    revision_id: i64,
    finding: FindingRef,
    verdict: Verdict,
) -> Result<Decided, AppError> {
    let rev = s
        .store
        .held_revision(revision_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The finding's text, read before the transaction (a held version never changes). A term
    // the never-hold list refuses (too long) is said above the decisions (`_form`), where
    // the held page shows form-wide errors.
    let term = match verdict {
        Verdict::NotPhi { never: true } => {
            Some(finding_text(s, rev.post_id, revision_id, finding).await?)
        }
        _ => None,
    };
    let term = term
        .map(|t| {
            SiteTerm::parse(&t).map_err(|k| AppError::Invalid([("_form".to_string(), k)].into()))
        })
        .transpose()?;
    let mut tx = s.store.begin().await?;
    let rev = tx
        .held_revision(revision_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if rev.author_id == actor.id() {
        return Err(AppError::Forbidden);
    }
    if !rev.waiting {
        return Ok(Decided::AlreadyDecided);
    }
    if !tx
        .holds_claim(QueueKind::Held, revision_id, actor.id())
        .await?
    {
        return Ok(Decided::ClaimFirst);
    }
    let on = matches!(verdict, Verdict::NotPhi { .. });
    if !tx
        .mark_not_phi(revision_id, finding, on, actor.id())
        .await?
    {
        return Err(AppError::NotFound);
    }
    let action = if on {
        AuditAction::FindingNotPhi
    } else {
        AuditAction::FindingNotPhiUndo
    };
    let which = format!("{}:{}", finding.field.as_str(), finding.position);
    tx.audit(
        Some(actor.id()),
        action,
        "revision",
        &revision_id.to_string(),
        &which,
    )
    .await?;
    if let Some(term) = &term {
        tx.add_site_term(SiteList::Never, term.as_str(), actor.id())
            .await?;
        // The term itself stays in the audit log (staff read it); the process log
        // gets its length only.
        tx.audit(
            Some(actor.id()),
            AuditAction::SiteListAdd,
            "site_list",
            SiteList::Never.as_str(),
            term.as_str(),
        )
        .await?;
    }
    tx.commit().await?;
    tracing::info!(
        actor = actor.id(),
        revision = revision_id,
        finding = %which,
        action = %action,
        never_term_len = term.as_ref().map_or(0, |t| t.as_str().len()),
        "finding judged"
    );
    Ok(Decided::Done)
}

/// The exact text of one finding of a revision.
async fn finding_text(
    s: &Services,
    post_id: i64,
    revision_id: i64,
    finding: FindingRef,
) -> Result<String, AppError> {
    let rev = s
        .store
        .revisions(post_id)
        .await?
        .into_iter()
        .find(|r| r.id == revision_id)
        .ok_or(AppError::NotFound)?;
    let (text, list) = match finding.field {
        FindingField::Title => (rev.title.unwrap_or_default(), rev.findings.title),
        FindingField::Tags => (rev.tags.unwrap_or_default(), rev.findings.tags),
        FindingField::Body => (rev.body_md, rev.findings.body),
    };
    list.get(finding.position)
        .and_then(|f| text.get(f.start..f.end))
        .map(str::to_string)
        .ok_or(AppError::NotFound)
}
