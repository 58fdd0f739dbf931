//! Wiring: settings, storage, the search index, the leptos app and the form handlers
//! into one axum router; serving it until a signal. Tests call [`build_app`] to start
//! the real app.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use app::{shell, App};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use ops::access::RequestCtx;
use ops::{AppError, Config, Services};
use search::SearchIndex;
use store::Store;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::RequestBodyTimeoutLayer;

use crate::forms;
use crate::render::render_error;
use crate::session;
use crate::settings::Settings;
use crate::state::AppState;

/// Largest request body accepted anywhere, in bytes (forms are limited further).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Opens the database named by the settings and applies migrations.
pub async fn open_store(settings: &Settings) -> anyhow::Result<Store> {
    if settings.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&settings.data_dir)
            .with_context(|| format!("creating data directory {}", settings.data_dir.display()))?;
    }
    let store = Store::connect(&settings.database_url)
        .await
        .context("opening the database")?;
    store.migrate().await.context("migrating the database")?;
    let key = crate::audit_key::load_or_create(&settings.audit_key_file)?;
    let store = store.with_audit_key(key).await?;
    // Two-factor keys stored before they were sealed are sealed now.
    let sealed = store
        .seal_two_factor_keys()
        .await
        .context("sealing two-factor keys")?;
    if sealed > 0 {
        tracing::info!(sealed, "two-factor keys sealed at rest");
    }
    Ok(store)
}

/// Opens this process's search index and brings it up to date (rebuilding a
/// missing or corrupt one) before requests are served.
pub async fn open_search(settings: &Settings, store: &Store) -> anyhow::Result<SearchIndex> {
    search::open_and_catch_up(&settings.search_dir, store)
        .await
        .with_context(|| {
            format!(
                "opening the search index in {}",
                settings.search_dir.display()
            )
        })
}

/// Builds the whole application router on an opened store and search index.
pub fn build_router(
    settings: &Settings,
    store: Store,
    search: SearchIndex,
    mail: mail::Mailer,
) -> Router {
    let leptos = LeptosOptions::builder()
        .output_name(crate::assets::output_name(&settings.site_root))
        .site_root(settings.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(settings.listen)
        .build();
    let config = Config {
        secure_cookies: settings.secure_cookies,
        trusted_proxies: settings.trusted_proxies.clone(),
        default_lang: settings.default_lang,
        claim_ttl_secs: settings.claim_minutes * 60,
        retention_secs: settings.retention_days * 24 * 3600,
        registrations_per_address: settings.registrations_per_address,
        ..Config::default()
    };
    let state = AppState {
        services: Services {
            store,
            search,
            config: Arc::new(config),
            mail,
        },
        leptos,
    };
    let m = &settings.mail;
    if m.poll_ms > 0 && m.digest_poll_ms > 0 && tokio::runtime::Handle::try_current().is_ok() {
        tokio::spawn(crate::mailing::digests(
            state.services.clone(),
            Duration::from_millis(m.digest_poll_ms.max(50)),
            m.digest_wait_secs,
            m.held_reminder_secs,
        ));
    }
    let routes = generate_route_list(App);
    let pkg = crate::assets::service(&settings.site_root);
    let ctx_services = state.services.clone();
    let shell_options = state.leptos.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/profile/export", get(crate::downloads::export))
        .route("/n/{id}", get(crate::opening::notification))
        .route("/t/{id}/read", get(crate::reading::beacon))
        .route("/t/{id}/unread", get(crate::reading::jump))
        .merge(forms::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                crate::headers::provide_request_nonce();
                provide_context(ctx_services.clone());
            },
            move || shell(shell_options.clone()),
        )
        .nest_service("/pkg", pkg)
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            search_follows_writes,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            session::middleware,
        ))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        // A body that stops arriving is cut off (a 408), not waited for.
        .layer(RequestBodyTimeoutLayer::new(Duration::from_millis(
            settings.client_timeout_ms,
        )))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::headers::security_headers,
        ))
        .with_state(state)
}

/// Opens the store and the search index, starts following the change log, and
/// builds the router: the real app, as tests start it.
pub async fn build_app(settings: &Settings) -> anyhow::Result<Router> {
    let store = open_store(settings).await?;
    Ok(build_app_on(settings, store).await?.0)
}

async fn build_app_on(settings: &Settings, store: Store) -> anyhow::Result<(Router, SearchIndex)> {
    // The port opens at once: an index to rebuild is rebuilt while the server serves.
    let every =
        (settings.search_poll_ms > 0).then(|| Duration::from_millis(settings.search_poll_ms));
    let search =
        search::open_following(&settings.search_dir, &store, every).with_context(|| {
            format!(
                "opening the search index in {}",
                settings.search_dir.display()
            )
        })?;
    let mail = crate::mailing::start(settings, &store)?;
    Ok((build_router(settings, store, search.clone(), mail), search))
}

/// After a request that may have changed something (a form post), wakes the index
/// follower: it applies the change log in group commits off the request path, and a
/// search waits for it (`SearchIndex::reach_head`), so a member still finds their
/// own post as soon as the page that confirms it loads.
async fn search_follows_writes(
    State(state): State<AppState>,
    req: Request,
    next: axum::middleware::Next,
) -> Response {
    // Server functions only read (the search one is a POST to keep queries out of
    // URLs); every write is a form post outside /api/.
    let writes = !matches!(
        *req.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    ) && !req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    if writes {
        state.services.search.nudge();
        // A change may have queued a letter (a notification, a reset link).
        state.services.mail.nudge();
    }
    res
}

async fn healthz(State(state): State<AppState>) -> Response {
    // Not ready while the database is unreachable or cannot take writes (a full
    // disk): a balancer sends members elsewhere instead of losing their posts.
    if state.services.store.ready().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            "not ready: the database cannot take writes",
        )
            .into_response()
    }
}

async fn not_found(State(state): State<AppState>, req: Request) -> Response {
    let (parts, _) = req.into_parts();
    match parts.extensions.get::<RequestCtx>().cloned() {
        Some(ctx) => render_error(&state, parts, ctx, &AppError::NotFound).await,
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

/// Serves until SIGTERM or Ctrl-C, then finishes in-flight requests.
pub async fn serve(settings: Settings) -> anyhow::Result<()> {
    let store = open_store(&settings).await?;
    if !store.has_admin().await.unwrap_or(true) {
        println!(
            "No admin account yet. Create one with:\n  rounds admin create --email you@example.org --name \"Your Name\"\n\
             (from a checkout: ./target/release/rounds admin create …; the password is read from a prompt or stdin)"
        );
    }
    let maintenance = store.clone();
    let (router, search) = build_app_on(&settings, store.clone()).await?;
    tokio::spawn(async move {
        // Hourly: the purge deadline is a retention period in days, so an hour late
        // is still on time.
        let mut tick = tokio::time::interval(Duration::from_secs(3600));
        loop {
            tick.tick().await;
            if let Err(e) = maintenance.optimize().await {
                tracing::error!(error = %e, "refreshing the planner's statistics failed");
            }
            let _ = maintenance.purge_expired_sessions().await;
            let _ = maintenance.throttle_forget(24 * 3600).await;
            // Text that was never published is deleted once its retention has passed.
            match maintenance.purge_due(store::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(revisions = n, "purged unpublished revisions"),
                Err(e) => tracing::error!(error = %e, "purge failed"),
            }
            // Deleted and hidden posts leave the index files, not only its results.
            if let Err(e) = search.compact().await {
                tracing::error!(error = %e, "search index compaction failed");
            }
            // A process that was down longer than this rebuilds its index.
            let month = store::now() - 30 * 24 * 3600;
            let _ = maintenance.prune_search_changes(month).await;
            // Delivered and given-up mail rows hold ids and times only; a month is
            // enough to answer "did it go out?".
            let _ = maintenance.prune_mail(month).await;
            // One-time links a day past their end (used or not) are of no use.
            let _ = maintenance.purge_spent_links(store::now() - 86_400).await;
            // Drafts go 30 days after their last change.
            let before = store::now() - domain::models::DRAFT_KEEP_SECS;
            match maintenance.purge_old_drafts(before).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(drafts = n, "purged old drafts"),
                Err(e) => tracing::error!(error = %e, "draft purge failed"),
            }
        }
    });
    let listener = tokio::net::TcpListener::bind(settings.listen)
        .await
        .with_context(|| format!("binding {}", settings.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, backend = ?store.backend(), "serving");
    println!("Rounds is serving on http://{addr}");
    let timeout = Duration::from_millis(settings.client_timeout_ms);
    crate::listen::run(listener, router, timeout, shutdown_signal()).await;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
