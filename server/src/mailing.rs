//! Starting outgoing mail: the transport the settings name (an SMTP server, or
//! `.eml` files when none is set), the [`mail::Mailer`] the use cases hold, this
//! process's sender task and its daily-digest task.

use anyhow::Context;
use mail::{Delivery, Mailer, Transport};
use store::Store;

use crate::settings::Settings;

/// The mailer for these settings, without a sender (for routers built by hand).
pub fn mailer(settings: &Settings) -> anyhow::Result<(Mailer, Transport)> {
    let m = &settings.mail;
    let (transport, delivery) = match &m.smtp_url {
        Some(url) => (
            Transport::smtp(url).map_err(anyhow::Error::msg)?,
            Delivery::Smtp { host: host_of(url) },
        ),
        None => (
            Transport::Files(m.dir.clone()),
            Delivery::Files {
                dir: m.dir.display().to_string(),
            },
        ),
    };
    let mailer = Mailer::new(&m.from, &m.public_url, delivery)
        .ok()
        .context("ROUNDS_MAIL_FROM is not a valid address (Name <address> or address)")?;
    Ok((mailer, transport))
}

/// The mailer, with this process's sender started (unless `poll_ms` is 0).
pub fn start(settings: &Settings, store: &Store) -> anyhow::Result<Mailer> {
    let (mailer, transport) = mailer(settings)?;
    if settings.mail.poll_ms > 0 {
        tokio::spawn(mail::sender::run(
            store.clone(),
            transport,
            mailer.clone(),
            settings.mail.sender_options(),
        ));
    }
    Ok(mailer)
}

/// This process's daily tasks: every `poll`, queue the digests that are due (the
/// outbox's sender delivers them) and remind authors of held posts they left for
/// `held_reminder_secs` (0: never), and send the bookmark reminders members set.
/// Runs only where the sender runs.
pub async fn digests(
    services: ops::Services,
    poll: std::time::Duration,
    wait_secs: u64,
    held_reminder_secs: u64,
) {
    let wait = i64::try_from(wait_secs).unwrap_or(i64::MAX);
    let remind_after = i64::try_from(held_reminder_secs).unwrap_or(i64::MAX);
    let mut tick = tokio::time::interval(poll);
    loop {
        tick.tick().await;
        if let Err(e) = ops::digest::send_due(&services, wait).await {
            e.log();
        }
        if remind_after > 0 {
            if let Err(e) = ops::reminders::send_due(&services, remind_after).await {
                e.log();
            }
        }
        // Reminders members set on their bookmarks.
        if let Err(e) = ops::bookmarks::send_due(&services).await {
            e.log();
        }
    }
}

/// The host (and port) of an SMTP URL, without user or password.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?']).next().unwrap_or("");
    authority
        .rsplit_once('@')
        .map_or(authority, |(_, h)| h)
        .to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_host_never_carries_credentials() {
        assert_eq!(
            super::host_of("smtp://u:pw@mail.example:587?tls=required"),
            "mail.example:587"
        );
        assert_eq!(super::host_of("smtps://mail.example"), "mail.example");
    }
}
