//! Strings of the moderators' verdicts on findings and of the detector's record, as
//! (key, English, Japanese).

/// Detector strings (merged with [`super::MESSAGES`]).
pub static DETECTOR_MESSAGES: &[(&str, &str, &str)] = &[
    ("verdict.title", "What the detector found", "検出された箇所"),
    ("verdict.hint", "Mark each finding that is not patient data. Adding its exact text to the never-hold list applies at once to every new post and every composer; an admin can remove it again under Detector lists.", "患者情報でない箇所に印を付けてください。その語句を「保留しない語句」に加えると、以後のすべての投稿と投稿フォームに直ちに反映されます。管理者は「検出リスト」から取り消せます。"),
    ("verdict.not_phi", "Not patient data", "患者情報ではない"),
    ("verdict.never", "Not patient data — never hold “{term}”", "患者情報ではない —「{term}」を今後保留しない"),
    ("verdict.marked", "Marked: not patient data", "患者情報ではないと判定済み"),
    ("verdict.undo", "Undo", "取り消す"),
    ("notice.finding_not_phi", "Marked as not patient data.", "患者情報ではないと記録しました。"),
    ("notice.finding_never", "Marked as not patient data, and the term is on the never-hold list.", "患者情報ではないと記録し、語句を「保留しない語句」に加えました。"),
    ("notice.finding_undone", "The mark is taken back.", "判定を取り消しました。"),
    ("record.title", "The detector's record", "検出器の実績"),
    ("record.hint", "From moderators' decisions on held posts and members' reports, per kind and language. Counts only; no post text.", "保留された投稿へのモデレーターの判断と会員の報告から、種類・言語ごとに集計しています。件数のみで、投稿本文は含みません。"),
    ("record.none", "No post has been held yet.", "まだ保留された投稿はありません。"),
    ("record.kind", "Kind", "種類"),
    ("record.lang", "Language", "言語"),
    ("record.held", "Held", "保留"),
    ("record.waiting", "Waiting", "判断待ち"),
    ("record.approved", "Approved as clean", "そのまま承認"),
    ("record.rejected", "Rejected", "却下"),
    ("record.redacted", "Redacted", "修正して公開"),
    ("record.withdrawn", "Withdrawn by author", "投稿者が取り下げ"),
    ("record.not_phi", "Marked not patient data", "患者情報ではないと判定"),
    ("record.precision", "Live precision", "実際の適合率"),
    ("record.misses", "Reported as patient data after publication (the detector's misses)", "公開後に患者情報として報告された投稿（見逃し）"),
    ("record.miss_open", "Open", "未処理"),
    ("record.miss_confirmed", "Confirmed (hidden or removed)", "確認済み（非表示・削除）"),
    ("record.miss_dismissed", "Dismissed", "却下"),
    ("lang.en", "English", "英語"),
    ("lang.ja", "Japanese", "日本語"),
];
