//! `rounds seed`: demo content so a newcomer sees a living forum (`--demo`), and
//! synthetic posts for benchmarks (`--posts N`). Everything goes through the same
//! render-sanitize-scan pipeline as a member's post; content the detector would
//! hold is stored held, exactly as it would be from the web.

mod bulk;
pub mod demo_data;
pub mod synthetic;

pub use bulk::posts;

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use domain::fields::{NewPost, PostForm};
use domain::models::{Role, Status};
use domain::screening::{screen, Draft};
use ops::passwords;
use phi::Detector;
use store::{NewUser, Store};

/// What a demo seed created.
#[derive(Debug, Default)]
pub struct DemoSummary {
    /// Accounts created: (email, display name).
    pub accounts: Vec<(String, String)>,
    /// The password of every demo account (random, written to the data directory).
    pub password: String,
    /// Threads created.
    pub threads: usize,
    /// Replies created.
    pub replies: usize,
}

/// Ids of the demo categories by slug.
async fn category_id(store: &Store, slug: &str) -> anyhow::Result<i64> {
    Ok(store
        .category_by_slug(slug)
        .await?
        .with_context(|| format!("category {slug} missing (migrations not applied?)"))?
        .id)
}

/// Validates and screens seed content exactly as a member's post would be.
fn draft(detector: &Detector, author: i64, form: &PostForm) -> anyhow::Result<Draft> {
    let post = NewPost::try_from(form).map_err(|e| anyhow::anyhow!("invalid seed post: {e:?}"))?;
    Ok(screen(detector, author, &post))
}

async fn post_thread(
    store: &Store,
    detector: &Detector,
    author: i64,
    category: i64,
    title: &str,
    tags: &str,
    body: &str,
) -> anyhow::Result<i64> {
    let form = PostForm {
        title: Some(title.to_string()),
        tags: Some(tags.to_string()),
        body: body.to_string(),
        send_for_review: true,
    };
    let draft = draft(detector, author, &form)?;
    let mut tx = store.begin().await?;
    let thread = tx.create_thread(category, &draft).await?.thread_id;
    tx.commit().await?;
    Ok(thread)
}

async fn post_reply(
    store: &Store,
    detector: &Detector,
    author: i64,
    thread: i64,
    body: &str,
) -> anyhow::Result<()> {
    let form = PostForm {
        body: body.to_string(),
        send_for_review: true,
        ..PostForm::default()
    };
    let draft = draft(detector, author, &form)?;
    let mut tx = store.begin().await?;
    tx.create_reply(thread, &draft).await?;
    tx.commit().await?;
    Ok(())
}

/// Fills an empty forum with demo accounts and threads in both languages. Does
/// nothing (returns `None`) when the forum already has threads.
pub async fn demo(store: &Store, data_dir: &Path) -> anyhow::Result<Option<DemoSummary>> {
    if store.count_threads().await? > 0 {
        return Ok(None);
    }
    let detector = Detector::new(store.site_lists().await?);
    let password = crate::session::random_token();
    let hash = passwords::hash(password.clone())
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut summary = DemoSummary {
        password: password.clone(),
        ..DemoSummary::default()
    };
    let mut ids = Vec::new();
    let mut tx = store.begin().await?;
    for u in demo_data::users() {
        let id = tx
            .create_user(&NewUser {
                email: u.email.to_string(),
                password_hash: hash.clone(),
                display_name: u.display_name.to_string(),
                profession: u.profession.to_string(),
                licence_number: "DEMO".into(),
                jurisdiction: if u.lang == "ja" { "Japan" } else { "Demo" }.into(),
                npi: None,
                specialty: u.specialty.to_string(),
                workplace: String::new(),
                role: Role::Member,
                status: Status::Verified,
            })
            .await
            .with_context(|| format!("creating demo account {}", u.email))?;
        if let Some(lang) = domain::i18n::Lang::parse(&u.lang) {
            tx.set_lang(id, lang).await?;
        }
        ids.push(id);
        summary
            .accounts
            .push((u.email.to_string(), u.display_name.to_string()));
    }
    tx.commit().await?;
    let threads = demo_data::threads();
    let total = threads.len() as i64;
    for (n, t) in threads.iter().enumerate() {
        let category = category_id(store, &t.category).await?;
        let thread = post_thread(
            store,
            &detector,
            ids[t.author],
            category,
            &t.title,
            &t.tags.join(" "),
            &t.body,
        )
        .await?;
        for r in &t.replies {
            post_reply(store, &detector, ids[r.author], thread, &r.body).await?;
            summary.replies += 1;
        }
        // Spread the threads over the last days so the list looks lived in.
        let age = (total - n as i64) * 5 * 3600;
        store.backdate_thread(thread, age).await?;
        summary.threads += 1;
    }
    write_accounts(data_dir, &summary)?;
    Ok(Some(summary))
}

fn write_accounts(data_dir: &Path, summary: &DemoSummary) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir)?;
    let path = data_dir.join("demo-accounts.txt");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut f = options
        .open(&path)
        .with_context(|| format!("writing {}", path.display()))?;
    writeln!(
        f,
        "Demo accounts of this Rounds instance (all verified members).\nPassword: {}\n",
        summary.password
    )?;
    for (email, name) in &summary.accounts {
        writeln!(f, "{email}\t{name}")?;
    }
    Ok(())
}
