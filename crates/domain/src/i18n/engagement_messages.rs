//! The strings of what members do with each other's posts and their own drafts, as
//! (key, English, Japanese): the composer's preview and formatting buttons, "helpful"
//! marks, questions and answers, bookmarks.

/// Engagement strings (merged with [`super::MESSAGES`]).
pub static ENGAGEMENT_MESSAGES: &[(&str, &str, &str)] = &[
    ("compose.preview", "Preview", "プレビュー"),
    ("post.helpful", "Helpful", "参考になった"),
    ("answer.title", "Answer", "回答"),
    ("bookmark.action", "Bookmark", "ブックマーク"),
    ("bookmark.edit", "Bookmarked", "ブックマーク済み"),
    (
        "bookmark.title",
        "Bookmark this post",
        "この投稿をブックマーク",
    ),
    (
        "bookmark.in",
        "In “{title}”, post {n}",
        "「{title}」の{n}番目の投稿",
    ),
    (
        "bookmark.note",
        "Note (only you see it)",
        "メモ（自分だけに表示）",
    ),
    (
        "bookmark.note_hint",
        "Why you kept it. Patient details do not belong here either.",
        "残した理由など。ここにも患者情報は書かないでください。",
    ),
    ("bookmark.remind", "Remind me", "リマインド"),
    ("bookmark.remind_never", "Never", "しない"),
    ("bookmark.remind_1h", "In an hour", "1時間後"),
    ("bookmark.remind_3h", "In three hours", "3時間後"),
    (
        "bookmark.remind_1d",
        "Tomorrow, this time",
        "明日の同じ時刻",
    ),
    ("bookmark.remind_3d", "In three days", "3日後"),
    ("bookmark.remind_1w", "In a week", "1週間後"),
    (
        "bookmark.reminds_at",
        "Reminder: {when}",
        "リマインド: {when}",
    ),
    ("bookmark.save", "Save bookmark", "ブックマークを保存"),
    ("bookmark.remove", "Remove bookmark", "ブックマークを外す"),
    ("bookmarks.title", "Bookmarks", "ブックマーク"),
    (
        "bookmarks.empty",
        "No bookmarks yet. Use “Bookmark” under a post to keep it here.",
        "ブックマークはまだありません。投稿の下の「ブックマーク」で追加できます。",
    ),
    (
        "bookmarks.gone",
        "This post is no longer available.",
        "この投稿は表示できなくなりました。",
    ),
    ("notice.bookmarked", "Bookmarked.", "ブックマークしました。"),
    (
        "notice.bookmark_removed",
        "Bookmark removed.",
        "ブックマークを外しました。",
    ),
    (
        "err.note_patient_data",
        "Keep patient details out of notes too: this may identify a patient.",
        "メモにも患者情報は書かないでください。患者を特定しうる内容が含まれています。",
    ),
    (
        "answer.by",
        "Marked as the answer · by {name}",
        "回答に選ばれた投稿 · {name}",
    ),
    (
        "answer.go",
        "Go to the answer in the thread",
        "スレッド内の回答へ移動",
    ),
    ("answer.badge", "Answer", "回答"),
    ("answer.choose", "Mark as the answer", "回答に選ぶ"),
    (
        "answer.unchoose",
        "Unmark as the answer",
        "回答の選択を外す",
    ),
    ("answer.question", "Question", "質問"),
    ("answer.solved", "Solved", "解決済み"),
    ("answer.unsolved", "Unsolved", "未解決"),
    (
        "compose.question",
        "This is a question: a reply can be marked as its answer",
        "質問として投稿する（返信の1つを回答に選べます）",
    ),
    (
        "post.helpful_marked",
        "Marked helpful",
        "参考になった（済）",
    ),
    (
        "post.helpful_count",
        "{n} found this helpful",
        "{n}人が参考になったと評価",
    ),
    ("post.helpful_more", "and {n} more", "ほか{n}人"),
    (
        "compose.preview_heading",
        "Preview: how readers will see it",
        "プレビュー（読む人にはこう表示されます）",
    ),
    ("compose.preview_hide", "Hide preview", "プレビューを閉じる"),
    (
        "compose.preview_note",
        "Only you see this preview. Your post is screened when you post it.",
        "このプレビューはあなたにだけ表示されます。投稿時に確認が行われます。",
    ),
    ("compose.toolbar", "Formatting", "書式"),
    ("compose.tool_bold", "Bold", "太字"),
    ("compose.tool_italic", "Italic", "斜体"),
    ("compose.tool_list", "Bulleted list", "箇条書き"),
    ("compose.tool_quote", "Quote", "引用"),
    ("compose.tool_link", "Link", "リンク"),
    ("compose.tool_table", "Table", "表"),
];
