//! A member's data export (APPI / GDPR): one ZIP of everything Rounds keeps about
//! them that is theirs to have — account details, settings, sessions, suspensions,
//! every post they wrote in any state with every version they wrote (published,
//! held, rejected), and their notifications — as JSON, plus each post's latest text
//! as Markdown. Built in memory for the signed-in member only; never logged beyond
//! its size.

use std::io::Write;

use serde_json::{json, Value};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::access::Signed;
use crate::error::AppError;
use crate::services::Services;

/// What the archive says about itself (both languages: it may be read years later).
const README: &str = "Rounds data export\n\n\
account.json        your account: details, settings, sessions, two-factor, suspensions\n\
posts.json          every post you wrote, in any state, with every version you wrote\n\
posts/*.md          the latest text of each post (published or waiting)\n\
notifications.json  your notifications\n\n\
Rounds データエクスポート\n\n\
account.json        アカウント情報・設定・ログイン中の端末・2段階認証・利用停止\n\
posts.json          あなたが書いたすべての投稿（状態を問わず）と、あなたが書いたすべての版\n\
posts/*.md          各投稿の最新の本文（公開済みまたは保留中）\n\
notifications.json  通知\n";

fn zip_error(e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("writing the export failed: {e}"))
}

/// The export of the signed-in member, as ZIP bytes.
pub async fn export(s: &Services, viewer: &Signed) -> Result<Vec<u8>, AppError> {
    let id = viewer.id();
    let user = s.store.user_by_id(id).await?.ok_or(AppError::NotFound)?;
    let created_at = s.store.user_created_at(id).await?;
    let channels: Vec<Value> = s
        .store
        .channels(id)
        .await?
        .into_iter()
        .map(|(kind, channel)| json!({ "kind": kind.as_str(), "channel": channel.as_str() }))
        .collect();
    let sessions: Vec<Value> = s
        .store
        .sessions_of(id)
        .await?
        .into_iter()
        .map(|r| json!({ "device": r.device, "signed_in_at": r.created_at, "last_seen_at": r.last_seen_at }))
        .collect();
    let account = json!({
        "id": id,
        "created_at": created_at,
        "role": user.role.as_str(),
        "language": user.lang.map(|l| l.code()),
        "application": user.applicant,
        "notification_settings": channels,
        "sessions": sessions,
        "two_factor": crate::two_factor::is_on(s, id).await?,
        "suspensions": s.store.suspensions_of(id).await?,
    });

    let mut posts = Vec::new();
    let mut markdown = Vec::new();
    for p in s.store.own_posts(id).await? {
        // Only the versions this member wrote (a moderator's redaction is theirs).
        let versions: Vec<_> = s
            .store
            .revisions(p.id)
            .await?
            .into_iter()
            .filter(|r| r.editor == user.applicant.display_name)
            .collect();
        if let Some(latest) = versions.first() {
            let title = latest
                .title
                .clone()
                .unwrap_or_else(|| p.thread_title.clone());
            markdown.push((
                format!("posts/{}-{}.md", p.thread_id, p.number),
                format!("# {title}\n\n{}\n", latest.body_md),
            ));
        }
        posts.push(json!({
            "id": p.id,
            "thread_id": p.thread_id,
            "thread_title": p.thread_title,
            "number": p.number,
            "state": p.state,
            "created_at": p.created_at,
            "published_at": p.published_at,
            "versions": versions,
        }));
    }
    let notifications = s.store.notifications(id).await?;

    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let pretty = |v: &Value| serde_json::to_vec_pretty(v).map_err(zip_error);
    let files: Vec<(String, Vec<u8>)> = [
        ("README.txt".to_string(), README.as_bytes().to_vec()),
        ("account.json".to_string(), pretty(&account)?),
        ("posts.json".to_string(), pretty(&Value::Array(posts))?),
        (
            "notifications.json".to_string(),
            serde_json::to_vec_pretty(&notifications).map_err(zip_error)?,
        ),
    ]
    .into_iter()
    .chain(markdown.into_iter().map(|(n, t)| (n, t.into_bytes())))
    .collect();
    for (name, bytes) in files {
        zip.start_file(name, opts).map_err(zip_error)?;
        zip.write_all(&bytes).map_err(zip_error)?;
    }
    let bytes = zip.finish().map_err(zip_error)?.into_inner();
    tracing::info!(user_id = id, bytes = bytes.len(), "data export made");
    Ok(bytes)
}
