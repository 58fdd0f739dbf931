//! The stored vocabularies of Rounds: queue kinds, revision and report states,
//! notification kinds, report reasons, thread flags and audit actions. Each is an enum
//! stored as its stable string (never renamed: rows and the audit chain keep them), so
//! code passes types, not string literals, and a typo is a compile error.

use serde::{Deserialize, Serialize};

/// Declares an enum stored as stable strings, with `as_str`, `parse` and `ALL`.
macro_rules! stored {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $s:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $s)] $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored spelling.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $s),+
                }
            }

            /// Parses the stored spelling.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($s => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

stored! {
    /// What a moderation queue item is.
    QueueKind {
        /// A held post or edit its author sent for review.
        Held = "held",
        /// A member's report of a published post.
        Report = "report",
        /// An applicant waiting for licence verification.
        Verification = "verification",
    }
}

stored! {
    /// Where one version of a post stands.
    RevisionState {
        /// Found to contain something; waiting (author and moderators only).
        Held = "held",
        /// The live version.
        Published = "published",
        /// A former live version (history).
        Superseded = "superseded",
        /// A held version replaced before review; purged after the retention period.
        Discarded = "discarded",
        /// Turned down by a moderator; purged after the retention period.
        Rejected = "rejected",
        /// Replaced by a moderator's redaction; purged after the retention period.
        Redacted = "redacted",
    }
}

stored! {
    /// Where a member report stands.
    ReportState {
        /// Waiting for a moderator.
        Open = "open",
        /// Nothing to do.
        Dismissed = "dismissed",
        /// The post was hidden from members.
        Hidden = "hidden",
        /// The post's text was removed.
        Removed = "removed",
    }
}

stored! {
    /// Why a member reports a post.
    ReportReason {
        /// The post may identify a patient.
        PatientData = "patient_data",
        /// Clinically wrong or dangerous.
        Misinformation = "misinformation",
        /// Rude, harassing or otherwise unprofessional.
        Unprofessional = "unprofessional",
        /// Anything else (the note explains).
        Other = "other",
    }
}

stored! {
    /// What a notification tells its recipient.
    NotificationKind {
        /// A reply in their thread.
        Reply = "reply",
        /// They were @mentioned.
        Mention = "mention",
        /// Their held post was approved.
        Approved = "approved",
        /// Their held post was rejected (with a reason).
        Rejected = "rejected",
        /// Their licence was verified.
        Verified = "verified",
        /// Their verification was turned down (with a reason).
        VerificationRejected = "verification_rejected",
        /// A post of theirs has been held for a day and they have neither changed it
        /// nor sent it to the moderators.
        HeldWaiting = "held_waiting",
        /// A post they bookmarked, at the time they asked to be reminded.
        Bookmark = "bookmark",
        /// A new post in a thread or category they watch.
        Watching = "watching",
        /// A new message in a conversation they take part in.
        Message = "message",
        /// They were added to a conversation.
        MessageAdded = "message_added",
    }
}

stored! {
    /// How a member hears of one kind of notification.
    Channel {
        /// In the app and by e-mail at once.
        Email = "email",
        /// In the app, and in one letter a day with everything new (the digest).
        Digest = "digest",
        /// In the app only.
        InApp = "in_app",
        /// Not at all.
        Off = "off",
    }
}

impl Channel {
    /// What a member who never chose gets: e-mail for what needs their answer or
    /// ends their wait (a reply, a mention, a decision on their post or licence), the
    /// app only for good news about a held post.
    pub fn default_for(kind: NotificationKind) -> Channel {
        match kind {
            NotificationKind::Approved | NotificationKind::Bookmark => Channel::InApp,
            _ => Channel::Email,
        }
    }
}

stored! {
    /// A thread's moderator switches.
    ThreadFlag {
        /// Shown first in lists.
        Pinned = "pinned",
        /// No new replies.
        Locked = "locked",
        /// Hidden from members (author and moderators still see it).
        Hidden = "hidden",
    }
}

stored! {
    /// A site list of the detector.
    SiteList {
        /// Terms that always hold a post (local facility names).
        Always = "always",
        /// Terms that are never patient data (a drug brand read as a name).
        Never = "never",
    }
}

stored! {
    /// Everything the audit log records.
    AuditAction {
        /// A moderator claimed a queue item.
        QueueClaim = "queue.claim",
        /// A moderator opened a held revision.
        HeldOpen = "held.open",
        /// A held revision was published as it is.
        HeldApprove = "held.approve",
        /// A held revision was rejected.
        HeldReject = "held.reject",
        /// A held revision was replaced by a moderator's redaction and published.
        HeldRedact = "held.redact",
        /// A moderator read a post's revision history.
        PostHistoryOpen = "post.history_open",
        /// A moderator opened a report of a direct message (the only way they read one).
        ReportMessageOpen = "report.message_open",
        /// A report was dismissed.
        ReportDismissed = "report.dismissed",
        /// A report hid its post.
        ReportHidden = "report.hidden",
        /// A report removed its post's text.
        ReportRemoved = "report.removed",
        /// Thread flags.
        ThreadPinned = "thread.pinned",
        /// Thread flags.
        ThreadUnpinned = "thread.unpinned",
        /// Thread flags.
        ThreadLocked = "thread.locked",
        /// Thread flags.
        ThreadUnlocked = "thread.unlocked",
        /// Thread flags.
        ThreadHidden = "thread.hidden",
        /// Thread flags.
        ThreadUnhidden = "thread.unhidden",
        /// A moderator gave a thread a new title.
        ThreadRetitled = "thread.retitled",
        /// One post hidden by a moderator.
        PostHide = "post.hide",
        /// One post shown again.
        PostUnhide = "post.unhide",
        /// An applicant verified.
        VerificationVerify = "verification.verify",
        /// An applicant turned down.
        VerificationReject = "verification.reject",
        /// A member made moderator.
        RoleGrantModerator = "role.grant_moderator",
        /// A moderator made member.
        RoleRevokeModerator = "role.revoke_moderator",
        /// An admin created from the command line.
        RoleCreateAdmin = "role.create_admin",
        /// A member changed their own password (their other sessions ended).
        PasswordChanged = "account.password_changed",
        /// An admin (or the command line) made a one-time password-reset link.
        PasswordResetLink = "account.password_reset_link",
        /// A password was set through a reset link (every session ended).
        PasswordReset = "account.password_reset",
        /// An admin ended every session of an account.
        SessionsEnded = "account.sessions_ended",
        /// A moderator suspended an account (its sessions ended with it).
        AccountSuspended = "account.suspended",
        /// A moderator lifted a suspension before its end.
        AccountUnsuspended = "account.unsuspended",
        /// A member deleted their account and kept their published posts under
        /// "former member".
        AccountDeletedKeepingPosts = "account.deleted_keeping_posts",
        /// A member deleted their account and its published posts with it.
        AccountDeletedWithPosts = "account.deleted_with_posts",
        /// A member chose another display name.
        AccountRenamed = "account.renamed",
        /// Two-factor sign-in turned on (a code confirmed the key).
        TwoFactorOn = "account.two_factor_on",
        /// Two-factor sign-in turned off by the member.
        TwoFactorOff = "account.two_factor_off",
        /// A new set of recovery codes replaced the old one.
        RecoveryCodesRenewed = "account.recovery_codes_renewed",
        /// A recovery code stood in for a code at sign-in.
        RecoveryCodeUsed = "account.recovery_code_used",
        /// A member asked for a reset link by e-mail (only when the address has an
        /// account; the page answers the same either way).
        PasswordResetMailed = "account.password_reset_mailed",
        /// A member asked to move their account to another e-mail address.
        EmailChangeAsked = "account.email_change_asked",
        /// A change of e-mail address was confirmed from the new address.
        EmailChanged = "account.email_changed",
        /// A site-list term added.
        SiteListAdd = "site_list.add",
        /// A site-list term removed.
        SiteListRemove = "site_list.remove",
        /// A moderator marked a finding of a held post "not patient data".
        FindingNotPhi = "finding.not_phi",
        /// A moderator took back a "not patient data" mark.
        FindingNotPhiUndo = "finding.not_phi_undo",
        /// Categories.
        CategoryCreate = "category.create",
        /// Categories.
        CategoryUpdate = "category.update",
        /// Categories.
        CategoryArchive = "category.archive",
        /// Categories.
        CategoryRestore = "category.restore",
    }
}

impl ThreadFlag {
    /// The audit action of setting this flag on or off.
    pub fn action(self, on: bool) -> AuditAction {
        match (self, on) {
            (ThreadFlag::Pinned, true) => AuditAction::ThreadPinned,
            (ThreadFlag::Pinned, false) => AuditAction::ThreadUnpinned,
            (ThreadFlag::Locked, true) => AuditAction::ThreadLocked,
            (ThreadFlag::Locked, false) => AuditAction::ThreadUnlocked,
            (ThreadFlag::Hidden, true) => AuditAction::ThreadHidden,
            (ThreadFlag::Hidden, false) => AuditAction::ThreadUnhidden,
        }
    }

    /// Whether setting this flag on or off lifts a restriction or promotes the
    /// thread (pin, unlock, unhide): on their own thread a moderator may not, a second
    /// moderator must (four eyes).
    pub fn lifts(self, on: bool) -> bool {
        matches!(
            (self, on),
            (ThreadFlag::Pinned, true) | (ThreadFlag::Locked, false) | (ThreadFlag::Hidden, false)
        )
    }
}

/// A moderator's decision on an open report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportDecision {
    /// Nothing to do.
    Dismiss,
    /// Hide the post from members.
    Hide,
    /// Remove the post's text.
    Remove,
}

impl ReportDecision {
    /// Parses the form's `decision` value.
    pub fn parse(s: &str) -> Option<ReportDecision> {
        match s {
            "dismiss" => Some(ReportDecision::Dismiss),
            "hide" => Some(ReportDecision::Hide),
            "remove" => Some(ReportDecision::Remove),
            _ => None,
        }
    }

    /// The state the report ends in.
    pub fn outcome(self) -> ReportState {
        match self {
            ReportDecision::Dismiss => ReportState::Dismissed,
            ReportDecision::Hide => ReportState::Hidden,
            ReportDecision::Remove => ReportState::Removed,
        }
    }

    /// What the audit log records.
    pub fn action(self) -> AuditAction {
        match self {
            ReportDecision::Dismiss => AuditAction::ReportDismissed,
            ReportDecision::Hide => AuditAction::ReportHidden,
            ReportDecision::Remove => AuditAction::ReportRemoved,
        }
    }
}

#[cfg(test)]
mod tests;
