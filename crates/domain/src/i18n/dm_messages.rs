//! The strings of direct messages, as (key, English, Japanese): the messages list
//! and its search, the form to write to members, a conversation's page, the
//! notification and letter of a new message, and a moderator's report of one.

/// Direct-message strings (merged with [`super::MESSAGES`]).
#[rustfmt::skip]
pub static DM_MESSAGES: &[(&str, &str, &str)] = &[
    ("messages.title", "Messages", "メッセージ"),
    ("messages.lead", "Private conversations with other verified members. Every message is screened for patient data like a post.", "認証済みメンバーとの非公開の会話です。すべてのメッセージは投稿と同じく患者情報の確認を受けます。"),
    ("messages.new", "New message", "新しいメッセージ"),
    ("messages.new_lead", "Only the people you write to can read this conversation. A message that may identify a patient is held until a moderator clears it, and nobody receives it meanwhile.", "この会話を読めるのは宛先の人だけです。患者を特定しうるメッセージはモデレーターが確認するまで保留され、その間は誰にも届きません。"),
    ("messages.search_label", "Search your messages", "自分のメッセージを検索"),
    ("messages.conversations", "Conversations", "会話"),
    ("messages.empty", "No conversations yet. Write to a colleague with “New message”, or from their profile.", "まだ会話はありません。「新しいメッセージ」か、相手のプロフィールから送れます。"),
    ("messages.waiting_title", "(your message waits for review)", "（メッセージは確認待ちです）"),
    ("messages.waiting", "Held for review", "確認待ち"),
    ("messages.with", "With {names}", "参加者: {names}"),
    ("messages.results_for", "Your messages containing “{q}”", "「{q}」を含むあなたのメッセージ"),
    ("messages.query_short", "Type at least {n} characters to search.", "検索するには{n}文字以上入力してください。"),
    ("messages.no_hits", "None of your messages contain this.", "該当するメッセージはありません。"),
    ("messages.to", "To", "宛先"),
    ("messages.to_hint", "Display names of verified members, separated by commas (up to 10).", "認証済みメンバーの表示名をカンマ区切りで（10人まで）。"),
    ("messages.send", "Send", "送信"),
    ("messages.private_note", "A private conversation: only the people in it can read it.", "非公開の会話です。読めるのは参加者だけです。"),
    ("messages.write_to", "Send a message", "メッセージを送る"),
    ("err.message_self", "You are in the conversation already: write to someone else.", "自分は既に参加者です。ほかの人を宛先にしてください。"),
    ("err.unknown_member", "No verified member is called “{name}”.", "「{name}」という認証済みメンバーはいません。"),
    ("err.too_many_recipients", "At most {max} people per conversation.", "1つの会話の宛先は{max}人までです。"),
    ("notify.message", "{name} wrote to you: “{title}”", "{name}さんからメッセージ:「{title}」"),
    ("prefs.kind.message", "A new message in my conversations", "自分の会話への新しいメッセージ"),
    ("mail.note.message.subject", "{actor} wrote to you: {title}", "{actor} さんからメッセージ: {title}"),
    ("mail.note.message.body", "{actor} wrote to you in “{title}”. Open Rounds to read it.", "{actor} さんから「{title}」にメッセージが届きました。Rounds で開いてお読みください。"),
    ("messages.add_label", "Add someone to this conversation", "この会話に参加者を追加"),
    ("messages.add_hint", "The display name of a verified member. They will read the whole conversation.", "認証済みメンバーの表示名。追加された人は会話全体を読めます。"),
    ("messages.add", "Add", "追加"),
    ("notice.participant_added", "Added to the conversation.", "会話に追加しました。"),
    ("err.already_in_conversation", "They are in this conversation already.", "その人は既にこの会話の参加者です。"),
    ("err.one_member", "Add one member at a time.", "1人ずつ追加してください。"),
    ("notify.message_added", "{name} added you to “{title}”", "{name}さんがあなたを「{title}」に追加しました"),
    ("prefs.kind.message_added", "I am added to a conversation", "会話に追加されたとき"),
    ("mail.note.message_added.subject", "{actor} added you to a conversation: {title}", "{actor} さんが会話に追加しました: {title}"),
    ("mail.note.message_added.body", "{actor} added you to the conversation “{title}”. Open Rounds to read it.", "{actor} さんがあなたを会話「{title}」に追加しました。Rounds で開いてお読みください。"),
    ("report.private", "This message is in a private conversation. Moderators read messages only through reports, and opening this one was recorded in the audit log.", "このメッセージは非公開の会話にあります。モデレーターは通報を通してのみメッセージを読み、この通報を開いたことは監査ログに記録されました。"),
];
