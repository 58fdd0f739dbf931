//! Who may open which path. Checked by the session middleware before any page or
//! form handler runs, so a page cannot forget it; server functions check again.

use crate::models::Viewer;

/// Why a request is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Not signed in: send to the sign-in page.
    SignIn,
    /// Signed in but not verified: send to the pending page.
    Pending,
    /// Signed in and verified, but lacking the role.
    Forbidden,
}

/// What a path requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    /// Anyone.
    Public,
    /// Any signed-in account, verified or not.
    SignedIn,
    /// A verified member.
    Verified,
    /// A verified moderator or admin.
    Moderator,
    /// A verified admin.
    Admin,
}

/// The requirement for a path. Unknown paths default to verified members, so a new
/// forum page is closed until someone opens it on purpose.
pub fn need(path: &str) -> Need {
    let public = [
        "/",
        "/login",
        "/register",
        "/lang",
        "/logout",
        "/forgot",
        "/healthz",
        "/favicon.ico",
        "/robots.txt",
    ];
    if public.contains(&path)
        || path.starts_with("/pkg/")
        || path.starts_with("/api/")
        // A one-time password link: its token is the permission.
        || path.starts_with("/reset/")
        // Confirming a new e-mail address: opened from the letter, maybe on
        // another device; the token is the permission.
        || path.starts_with("/email/confirm/")
        // One-click unsubscribe from a letter: the link is the permission.
        || path.starts_with("/unsubscribe/")
    {
        // Server functions check their own access.
        return Need::Public;
    }
    if matches!(
        path,
        "/pending"
            | "/profile"
            | "/profile/password"
            | "/profile/email"
            | "/profile/notifications"
            | "/profile/sessions"
            | "/logout-all"
    ) {
        return Need::SignedIn;
    }
    if path.starts_with("/mod/") || path == "/mod" {
        return Need::Moderator;
    }
    if path.starts_with("/admin/") || path == "/admin" {
        return Need::Admin;
    }
    Need::Verified
}

/// Whether `viewer` may open `path`.
pub fn check(path: &str, viewer: Option<&Viewer>) -> Result<(), Denied> {
    // The front page is the forum for members: applicants go to their pending page.
    if path == "/" && viewer.is_some_and(|v| !v.is_verified()) {
        return Err(Denied::Pending);
    }
    allows(need(path), viewer)
}

/// Whether `viewer` meets `need`.
pub fn allows(need: Need, viewer: Option<&Viewer>) -> Result<(), Denied> {
    match (need, viewer) {
        (Need::Public, _) => Ok(()),
        (_, None) => Err(Denied::SignIn),
        (Need::SignedIn, Some(_)) => Ok(()),
        (_, Some(v)) if !v.is_verified() => Err(Denied::Pending),
        (Need::Verified, Some(_)) => Ok(()),
        (Need::Moderator, Some(v)) if v.can_moderate() => Ok(()),
        (Need::Admin, Some(v)) if v.is_admin() => Ok(()),
        _ => Err(Denied::Forbidden),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{Role, Status};

    fn v(role: Role, status: Status) -> Viewer {
        Viewer {
            id: 1,
            unread: 0,
            display_name: "x".into(),
            role,
            status,
        }
    }

    #[test]
    fn paths_require_what_they_should() {
        let member = v(Role::Member, Status::Verified);
        let pending = v(Role::Moderator, Status::Pending);
        let moderator = v(Role::Moderator, Status::Verified);
        assert_eq!(check("/mod/verification", None), Err(Denied::SignIn));
        assert_eq!(
            check("/mod/verification", Some(&member)),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            check("/mod/verification", Some(&pending)),
            Err(Denied::Pending)
        );
        assert_eq!(check("/mod/verification", Some(&moderator)), Ok(()));
        assert_eq!(
            check("/admin/users", Some(&moderator)),
            Err(Denied::Forbidden)
        );
        assert_eq!(check("/pending", Some(&pending)), Ok(()));
        assert_eq!(check("/forum", Some(&pending)), Err(Denied::Pending));
        assert_eq!(check("/some/new/page", None), Err(Denied::SignIn));
        assert_eq!(check("/", None), Ok(()));
    }
}
