//! The strings of two-factor sign-in (set-up page, the code step of a sign-in), as
//! (key, English, Japanese).

/// Two-factor strings (merged with [`super::MESSAGES`]).
pub static TWO_FACTOR_MESSAGES: &[(&str, &str, &str)] = &[
    ("two_factor.title", "Two-factor sign-in", "2段階認証"),
    ("two_factor.link", "Two-factor sign-in", "2段階認証"),
    ("two_factor.required", "Moderators and admins see held patient data, so they sign in with a code from an authenticator app as well as their password. Set it up to open the queues.", "モデレーターと管理者は保留中の患者情報を扱うため、パスワードに加えて認証アプリのコードでログインします。キューを開くには設定してください。"),
    ("two_factor.optional", "Sign in with a code from an authenticator app as well as your password, so a stolen password alone cannot open your account.", "パスワードに加えて認証アプリのコードでログインします。パスワードが盗まれても、それだけではアカウントを開けません。"),
    ("two_factor.step_scan", "1. Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …).", "1. 認証アプリ（Google Authenticator、Microsoft Authenticator、1Password など）でこのコードを読み取ります。"),
    ("two_factor.qr_label", "QR code of the key for your authenticator app", "認証アプリ用のキーのQRコード"),
    ("two_factor.step_type", "Or type this key into the app:", "または、このキーをアプリに入力します："),
    ("two_factor.step_confirm", "2. Type the six-digit code the app shows.", "2. アプリに表示される6桁のコードを入力します。"),
    ("two_factor.code", "Code", "コード"),
    ("two_factor.enable", "Turn on", "有効にする"),
    ("two_factor.on_since", "On since {time}.", "{time}から有効です。"),
    ("two_factor.codes_left", "Recovery codes left: {n}", "残りの復旧コード：{n}"),
    ("two_factor.codes_title", "Your recovery codes", "復旧コード"),
    ("two_factor.codes_lead", "Each code signs you in once if you lose your phone. Keep them somewhere safe now: they are not shown again.", "スマートフォンをなくしたとき、各コードで1回ログインできます。今すぐ安全な場所に保管してください。再表示はされません。"),
    ("two_factor.renew", "Make new recovery codes", "復旧コードを作り直す"),
    ("two_factor.renew_lead", "The old codes stop working. Type a current code from the app:", "古いコードは使えなくなります。アプリの現在のコードを入力してください："),
    ("two_factor.disable", "Turn off", "無効にする"),
    ("two_factor.disable_lead", "Type a current code from the app to turn two-factor sign-in off.", "2段階認証を無効にするには、アプリの現在のコードを入力してください。"),
    ("two_factor.staff_keep", "Moderators and admins keep two-factor sign-in on.", "モデレーターと管理者は2段階認証を無効にできません。"),
    ("two_factor.session_without", "This session was signed in without a code. Sign out and sign in again with a code to open the queues.", "このセッションはコードなしでログインしています。キューを開くには、ログアウトしてコードを使って再度ログインしてください。"),
    ("sign_in_code.title", "Enter your code", "コードを入力"),
    ("sign_in_code.lead", "Open your authenticator app and type the six-digit code for Rounds. Lost your phone? Type one of your recovery codes instead.", "認証アプリを開き、Rounds の6桁のコードを入力してください。スマートフォンをなくした場合は、復旧コードを1つ入力してください。"),
    ("sign_in_code.submit", "Sign in", "ログイン"),
    ("sign_in_code.again", "Start again", "最初からやり直す"),
    ("notice.two_factor_off", "Two-factor sign-in is off.", "2段階認証を無効にしました。"),
    ("err.code_wrong", "That code is not right. Check the app and type the code it shows now.", "コードが正しくありません。アプリに今表示されているコードを入力してください。"),
    ("err.sign_in_again", "That sign-in has expired. Sign in again with your password.", "このログインは期限切れです。パスワードからもう一度ログインしてください。"),
];
