//! The detector's record from moderators' decisions (counts per kind and language,
//! never text) and the "not patient data" marks on a held post's findings.

use serde::{Deserialize, Serialize};

/// Which field of a post a finding is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum FindingField {
    /// The thread title.
    Title,
    /// The tags.
    Tags,
    /// The body.
    Body,
}

impl FindingField {
    /// Stored and form spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingField::Title => "title",
            FindingField::Tags => "tags",
            FindingField::Body => "body",
        }
    }

    /// Parses the stored and form spelling.
    pub fn parse(s: &str) -> Option<FindingField> {
        match s {
            "title" => Some(FindingField::Title),
            "tags" => Some(FindingField::Tags),
            "body" => Some(FindingField::Body),
            _ => None,
        }
    }
}

/// One finding of a held version, by field and position in that field's list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FindingRef {
    /// The field.
    pub field: FindingField,
    /// Index in the field's findings (as stored with the revision).
    pub position: usize,
}

/// What became of the detector's findings of one kind in one language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindRecord {
    /// `NAME`, `DATE`, …
    pub kind: String,
    /// `en` or `ja`.
    pub lang: String,
    /// Findings in held versions, all told.
    pub held: u64,
    /// Still waiting for a moderator.
    pub waiting: u64,
    /// The post was approved as it was (the finding held it for nothing).
    pub approved: u64,
    /// The post was rejected.
    pub rejected: u64,
    /// A moderator redacted the post before publishing it.
    pub redacted: u64,
    /// The author replaced or withdrew the held version.
    pub withdrawn: u64,
    /// Marked "not patient data" by a moderator (whatever the post's outcome).
    pub not_phi: u64,
    /// Decided findings the moderators judged wrong: in a post approved as it was, or
    /// marked "not patient data" in a post rejected or redacted for other reasons.
    pub wrong: u64,
}

impl KindRecord {
    /// Findings a moderator has decided on.
    pub fn decided(&self) -> u64 {
        self.approved + self.rejected + self.redacted
    }

    /// The live precision in per mille (`None` before any decision).
    pub fn precision_permille(&self) -> Option<u64> {
        let decided = self.decided();
        (decided > 0).then(|| (decided - self.wrong.min(decided)) * 1000 / decided)
    }
}

/// What members reported as patient data after publication, in one language: the
/// detector's misses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissRecord {
    /// `en` or `ja`.
    pub lang: String,
    /// Reports still open.
    pub open: u64,
    /// Confirmed: the post was hidden or removed.
    pub confirmed: u64,
    /// Dismissed: not patient data after all.
    pub dismissed: u64,
}

/// The detector's record, for `/admin/site-lists`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetectorRecord {
    /// Per kind and language, sorted.
    pub kinds: Vec<KindRecord>,
    /// Per language.
    pub misses: Vec<MissRecord>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_counts_approved_posts_and_marked_findings_as_wrong() {
        let mut r = KindRecord {
            approved: 1,
            rejected: 2,
            redacted: 1,
            ..KindRecord::default()
        };
        r.wrong = 1;
        assert_eq!(r.precision_permille(), Some(750));
        r.wrong = 2;
        assert_eq!(r.precision_permille(), Some(500));
        assert_eq!(KindRecord::default().precision_permille(), None);
    }
}
