//! Subcommands of `rounds`: serve, migrate, admin create, admin reset-link, audit verify,
//! scan, seed, reindex.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::router::open_store;
use crate::settings::Settings;

/// Rounds: a moderated forum for verified clinicians.
#[derive(Debug, Parser)]
#[command(name = "rounds", version, about)]
pub struct Cli {
    /// Settings file (default: ./rounds.toml if present; env ROUNDS_CONFIG).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the web app.
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Manage admin accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Check the audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Fill the database: demo accounts and threads (`--demo`, only into an empty
    /// forum) and/or N synthetic posts for benchmarks (`--posts N`).
    Seed {
        /// Demo accounts and threads in English and Japanese.
        #[arg(long)]
        demo: bool,
        /// Number of synthetic posts to add.
        #[arg(long)]
        posts: Option<u64>,
    },
    /// Rebuild this process's search index from the database (stop `rounds serve`
    /// using the same index directory first).
    Reindex,
    /// Screen JSON lines {"id", "text"} for patient data; writes {"id", "hold", "findings"}.
    Scan {
        /// Input file (default: standard input).
        file: Option<PathBuf>,
    },
}

/// `rounds admin …`
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Create a verified admin. The password is read from a prompt, or from stdin
    /// when stdin is not a terminal.
    Create {
        /// Sign-in email.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
    },
    /// Print a one-time link (30 minutes) with which a member who forgot their
    /// password sets a new one; every session of the account then ends.
    ResetLink {
        /// The member's sign-in email.
        #[arg(long)]
        email: String,
    },
}

/// `rounds audit …`
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the hash chain; exits non-zero naming the first bad entry.
    Verify,
}

/// Runs the parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command {
        Command::Serve => {
            crate::router::serve(settings).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Migrate => {
            open_store(&settings).await?;
            println!("Migrations applied.");
            Ok(ExitCode::SUCCESS)
        }
        Command::Admin(AdminCommand::Create { email, name }) => {
            admin_create(&settings, &email, &name).await
        }
        Command::Admin(AdminCommand::ResetLink { email }) => reset_link(&settings, &email).await,
        Command::Audit(AuditCommand::Verify) => match audit_verify(&settings).await? {
            Ok(n) => {
                println!("Audit log intact: {n} entries.");
                Ok(ExitCode::SUCCESS)
            }
            Err(bad) => {
                eprintln!("Audit log broken at entry {}: {}", bad.seq, bad.problem);
                Ok(ExitCode::from(2))
            }
        },
        Command::Scan { file } => scan(file),
        Command::Seed { demo, posts } => seed(&settings, demo, posts).await,
        Command::Reindex => reindex(&settings).await,
    }
}

/// Recomputes the audit chain: `Ok(n)` entries intact, or the first bad entry.
pub async fn audit_verify(settings: &Settings) -> anyhow::Result<Result<i64, store::ChainError>> {
    let store = open_store(settings).await?;
    let result = store.audit_verify().await?;
    store.close().await;
    Ok(result)
}

fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (12+ characters): ")?;
        let second = rpassword::prompt_password("Repeat password: ")?;
        anyhow::ensure!(first == second, "the passwords differ");
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

async fn admin_create(settings: &Settings, email: &str, name: &str) -> anyhow::Result<ExitCode> {
    let password = read_password()?;
    let store = open_store(settings).await?;
    match ops::accounts::create_admin(&store, email, name, password).await {
        Ok(id) => {
            println!("Admin {id} created. Sign in at /login.");
            Ok(ExitCode::SUCCESS)
        }
        Err(ops::AppError::Invalid(errors)) => {
            for (field, key) in &errors {
                eprintln!(
                    "{field}: {}",
                    domain::i18n::t_err(domain::i18n::Lang::En, key)
                );
            }
            Ok(ExitCode::from(2))
        }
        Err(e) => Err(anyhow::anyhow!("creating the admin: {e}")),
    }
}

async fn reset_link(settings: &Settings, email: &str) -> anyhow::Result<ExitCode> {
    let store = open_store(settings).await?;
    let email = domain::fields::normalize_email(email);
    let Some(user) = store.user_by_email(&email).await? else {
        eprintln!("No account has the email {email}.");
        return Ok(ExitCode::from(2));
    };
    let token = ops::credentials::reset_link(&store, None, user.id)
        .await
        .map_err(|e| anyhow::anyhow!("making the link: {e}"))?;
    let path = ops::credentials::reset_path(&token);
    println!(
        "One-time password link for account {} (works once, for 30 minutes):",
        user.id
    );
    println!("  {path}");
    println!("  on this machine: http://{}{path}", settings.listen);
    println!("Send it to the member privately. Making a new link withdraws this one.");
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

async fn seed(settings: &Settings, demo: bool, posts: Option<u64>) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(demo || posts.is_some(), "say --demo and/or --posts N");
    let store = open_store(settings).await?;
    if demo {
        match crate::seed::demo(&store, &settings.data_dir).await? {
            None => println!("The forum already has threads; demo content not added."),
            Some(s) => {
                println!(
                    "Demo content added: {} accounts, {} threads, {} replies.",
                    s.accounts.len(),
                    s.threads,
                    s.replies
                );
                println!(
                    "Sign in as any of them with the password in {}",
                    settings.data_dir.join("demo-accounts.txt").display()
                );
                for (email, name) in &s.accounts {
                    println!("  {email}  ({name})");
                }
            }
        }
    }
    if let Some(n) = posts {
        let started = std::time::Instant::now();
        crate::seed::posts(&store, n, |done| progress_bar(done, n)).await?;
        eprintln!();
        println!(
            "{n} synthetic posts added in {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

/// Draws `[#####    ] done/total posts` on standard error, in place.
fn progress_bar(done: u64, total: u64) {
    let pct = done * 100 / total.max(1);
    let bar = "#".repeat((pct / 4) as usize);
    let mut err = std::io::stderr();
    let _ = write!(err, "\r[{bar:<25}] {done}/{total} posts");
    let _ = err.flush();
}

async fn reindex(settings: &Settings) -> anyhow::Result<ExitCode> {
    let store = open_store(settings).await?;
    let dir = &settings.search_dir;
    let (index, _) = search::SearchIndex::open(dir).with_context(|| {
        format!(
            "opening the search index in {} (is `rounds serve` running with it?)",
            dir.display()
        )
    })?;
    let started = std::time::Instant::now();
    let mut last = 0;
    let n = index
        .rebuild(&store, &mut |done, total| {
            if done - last >= 1000 || done == total {
                last = done;
                progress_bar(done, total);
            }
        })
        .await?;
    eprintln!();
    println!(
        "Search index rebuilt: {n} posts in {:.1} s, {:.1} MB in {}.",
        started.elapsed().as_secs_f64(),
        index.size_bytes() as f64 / 1e6,
        dir.display()
    );
    store.close().await;
    Ok(ExitCode::SUCCESS)
}

fn scan(file: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let detector = phi::Detector::new(phi::SiteLists::default());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = match file {
        Some(path) => {
            let f = std::fs::File::open(&path)
                .with_context(|| format!("opening {}", path.display()))?;
            crate::scan::run(std::io::BufReader::new(f), &mut out, &detector)?
        }
        None => crate::scan::run(std::io::stdin().lock(), &mut out, &detector)?,
    };
    out.flush()?;
    if summary.malformed > 0 {
        eprintln!(
            "{} of {} lines were malformed",
            summary.malformed, summary.lines
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
