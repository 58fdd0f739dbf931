//! The audit key file: 32 random bytes as hex, made on first start with owner-only
//! permissions. The key never enters the database or the logs.

use std::path::Path;

use anyhow::Context;
use rand::RngCore;
use store::audit_key::AuditKey;

/// Reads the key at `path`, or makes one there if there is none.
pub fn load_or_create(path: &Path) -> anyhow::Result<AuditKey> {
    if !path.exists() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut bytes = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut bytes);
        match write_private(path, &hex::encode(bytes)) {
            Ok(()) => tracing::info!(path = %path.display(), "audit key created"),
            // Another process made it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                return Err(e).with_context(|| format!("writing the audit key {}", path.display()))
            }
        }
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the audit key {}", path.display()))?;
    let bytes = hex::decode(text.trim())
        .ok()
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .with_context(|| format!("{} is not an audit key (64 hex digits)", path.display()))?;
    Ok(AuditKey::new(bytes))
}

fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut f = options.open(path)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()
}
