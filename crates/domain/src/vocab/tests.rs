//! Tests of `vocab`.

use super::*;

#[test]
fn stored_spellings_round_trip_and_are_unique() {
    fn check<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        s: fn(T) -> &'static str,
        p: fn(&str) -> Option<T>,
    ) {
        let mut seen = std::collections::HashSet::new();
        for v in all {
            assert!(seen.insert(s(*v)), "duplicate spelling {}", s(*v));
            assert_eq!(p(s(*v)), Some(*v));
        }
    }
    check(QueueKind::ALL, QueueKind::as_str, QueueKind::parse);
    check(
        RevisionState::ALL,
        RevisionState::as_str,
        RevisionState::parse,
    );
    check(ReportState::ALL, ReportState::as_str, ReportState::parse);
    check(ReportReason::ALL, ReportReason::as_str, ReportReason::parse);
    check(
        NotificationKind::ALL,
        NotificationKind::as_str,
        NotificationKind::parse,
    );
    check(ThreadFlag::ALL, ThreadFlag::as_str, ThreadFlag::parse);
    check(AuditAction::ALL, AuditAction::as_str, AuditAction::parse);
    assert_eq!(
        serde_json::to_string(&NotificationKind::VerificationRejected).unwrap(),
        "\"verification_rejected\""
    );
}
