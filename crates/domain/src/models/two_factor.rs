//! Two-factor sign-in as the member's set-up page shows it.

use serde::{Deserialize, Serialize};

/// A key being set up: what the authenticator app needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// The key in base32, in groups of four for typing.
    pub secret: String,
    /// The `otpauth://` URI the QR code holds.
    pub uri: String,
    /// The QR code as an SVG document, drawn on the server (no script, no request).
    pub qr_svg: String,
}

/// The viewer's two-factor sign-in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TwoFactorState {
    /// When it was turned on, unix seconds (`None`: off).
    pub enabled_at: Option<i64>,
    /// Recovery codes not yet used.
    pub codes_left: i64,
    /// Whether the account must keep it (moderators and admins).
    pub required: bool,
    /// While off: the key to set up.
    pub setup: Option<TwoFactorSetup>,
}

/// How many recovery codes a member gets at a time.
pub const RECOVERY_CODES: usize = 10;
