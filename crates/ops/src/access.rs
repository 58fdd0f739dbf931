//! Typed access: a handler or server function states what it needs in its signature
//! (`Verified`, `Moderator`, `Admin`, `Signed`), and the value exists only if the
//! viewer qualifies. Form handlers take them as axum extractors; server functions
//! build them from the same request context. The rule itself is
//! [`domain::access::allows`]; this module only applies it.

use axum::extract::FromRequestParts;
use domain::access::{allows, Denied, Need};
use domain::i18n::Lang;
use domain::models::Viewer;
use domain::visibility::Looker;
use http::request::Parts;

use crate::error::AppError;

/// What the session middleware learned about a request, for handlers and pages.
#[derive(Clone, Debug)]
pub struct RequestCtx {
    /// SHA-256 of the session id, when signed in.
    pub session_hash: Option<String>,
    /// The signed-in user.
    pub viewer: Option<Viewer>,
    /// The anti-CSRF token for forms on this page.
    pub csrf: String,
    /// The page language.
    pub lang: Lang,
    /// The IANA zone times are shown in: the member's choice, else the browser's
    /// (a cookie its script sets); `None`: the language's default.
    pub zone: Option<String>,
    /// The client's address (for throttling; never logged with anything personal).
    pub client: String,
    /// A one-time notice key, consumed by this request.
    pub notice: Option<String>,
}

/// An access type: what it needs and how it wraps the viewer.
pub trait Access: Sized {
    /// What the viewer must be.
    const NEED: Need;
    /// Wraps a viewer who meets [`Access::NEED`].
    fn wrap(viewer: Viewer) -> Self;

    /// Checks the request context: 401 when nobody is signed in, 403 otherwise.
    fn from_ctx(ctx: Option<&RequestCtx>) -> Result<Self, AppError> {
        let viewer = ctx.and_then(|c| c.viewer.as_ref());
        match allows(Self::NEED, viewer) {
            Ok(()) => viewer
                .cloned()
                .map(Self::wrap)
                .ok_or(AppError::Unauthorized),
            Err(Denied::SignIn) => Err(AppError::Unauthorized),
            Err(Denied::Pending | Denied::Forbidden | Denied::Suspended | Denied::SecondFactor) => {
                Err(AppError::Forbidden)
            }
        }
    }

    /// Checks the request head the middleware annotated.
    fn from_parts(parts: &Parts) -> Result<Self, AppError> {
        Self::from_ctx(parts.extensions.get::<RequestCtx>())
    }
}

macro_rules! access_type {
    ($(#[$meta:meta])* $name:ident, $need:expr) => {
        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $name(pub Viewer);

        impl Access for $name {
            const NEED: Need = $need;
            fn wrap(viewer: Viewer) -> Self {
                $name(viewer)
            }
        }

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = AppError;
            async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
                <$name as Access>::from_parts(parts)
            }
        }

        impl $name {
            /// The viewer's account id.
            pub fn id(&self) -> i64 {
                self.0.id
            }
            /// The viewer as the visibility rule sees them.
            pub fn looker(&self) -> Looker {
                Looker {
                    id: self.0.id,
                    moderator: self.0.can_moderate(),
                }
            }
        }
    };
}

access_type! {
    /// Any signed-in account, verified or not (an applicant's own pages).
    Signed, Need::SignedIn
}
access_type! {
    /// A verified member: reads and writes in the forum.
    Verified, Need::Verified
}
access_type! {
    /// A verified moderator or admin: works the queues.
    Moderator, Need::Moderator
}
access_type! {
    /// A verified admin: manages roles, categories and the detector's site lists.
    Admin, Need::Admin
}

impl From<Moderator> for Verified {
    fn from(m: Moderator) -> Verified {
        Verified(m.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::models::{Role, Status};

    fn ctx(role: Role, status: Status) -> RequestCtx {
        RequestCtx {
            session_hash: None,
            viewer: Some(Viewer {
                id: 7,
                display_name: "x".into(),
                role,
                status,
                unread: 0,
                suspended_until: None,
                second_factor: true,
            }),
            csrf: String::new(),
            lang: Lang::En,
            zone: None,
            client: String::new(),
            notice: None,
        }
    }

    #[test]
    fn each_type_exists_only_for_viewers_who_qualify() {
        let member = ctx(Role::Member, Status::Verified);
        let pending_mod = ctx(Role::Moderator, Status::Pending);
        let moderator = ctx(Role::Moderator, Status::Verified);
        assert!(Verified::from_ctx(Some(&member)).is_ok());
        assert!(matches!(
            Moderator::from_ctx(Some(&member)),
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            Verified::from_ctx(Some(&pending_mod)),
            Err(AppError::Forbidden)
        ));
        assert!(Signed::from_ctx(Some(&pending_mod)).is_ok());
        assert!(matches!(
            Verified::from_ctx(None),
            Err(AppError::Unauthorized)
        ));
        assert_eq!(Moderator::from_ctx(Some(&moderator)).unwrap().id(), 7);
        assert!(matches!(
            Admin::from_ctx(Some(&moderator)),
            Err(AppError::Forbidden)
        ));
    }
}
