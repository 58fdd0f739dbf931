//! Who may open which path. Checked by the session middleware before any page or
//! form handler runs, so a page cannot forget it; server functions check again.

use crate::models::{Role, Viewer};

/// Why a request is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// Not signed in: send to the sign-in page.
    SignIn,
    /// Signed in but not verified: send to the pending page.
    Pending,
    /// Signed in and verified, but lacking the role.
    Forbidden,
    /// Suspended by a moderator: send to the suspension notice.
    Suspended,
    /// Staff whose session has not passed a second factor: send to two-factor
    /// set-up (or to sign in again with a code).
    SecondFactor,
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
        // The suspension notice: the one page a suspended member may open; it shows
        // the signed-in viewer's own suspension, or says there is none.
        SUSPENDED_PATH,
        // The code step of a sign-in: its cookie is the permission.
        SIGN_IN_CODE_PATH,
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
            | "/profile/name"
            | "/profile/settings"
            | "/profile/export"
            | "/profile/delete"
            | TWO_FACTOR_PATH
            | "/logout-all"
    ) || path.starts_with("/n/")
    {
        // `/n/…` opens one of the member's notifications; an applicant's too (the
        // decision on their licence).
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

/// Where a member sets up two-factor sign-in (staff are sent here until they have).
pub const TWO_FACTOR_PATH: &str = "/profile/two-factor";

/// Where a sign-in whose password was right asks for the code.
pub const SIGN_IN_CODE_PATH: &str = "/login/code";

/// Where a suspended member reads why, and until when.
pub const SUSPENDED_PATH: &str = "/suspended";

/// The longest suspension, in days (five years); longer is a matter for an admin.
pub const MAX_SUSPENSION_DAYS: i64 = 5 * 365;

/// Whether an account of role `actor` may suspend (or lift the suspension of) an
/// account of role `target`: moderators suspend members, admins also suspend
/// moderators, and nobody suspends an admin (an admin is first made a member from
/// the command line). Nobody suspends themselves; callers check ids.
pub fn may_suspend(actor: Role, target: Role) -> bool {
    match target {
        Role::Member => actor.can_moderate(),
        Role::Moderator => actor == Role::Admin,
        Role::Admin => false,
    }
}

/// Whether `viewer` may open `path`.
pub fn check(path: &str, viewer: Option<&Viewer>) -> Result<(), Denied> {
    // The front page is the forum for members: applicants go to their pending page.
    // A suspended member's front page is their notice; other public pages (sign-out,
    // language, the links in letters) still work.
    if path == "/" && viewer.is_some_and(|v| v.is_suspended()) {
        return Err(Denied::Suspended);
    }
    if path == "/" && viewer.is_some_and(|v| !v.is_verified()) {
        return Err(Denied::Pending);
    }
    allows(need(path), viewer)
}

/// Whether `viewer` meets `need`. A suspended account meets nothing but
/// [`Need::Public`], whatever its role.
pub fn allows(need: Need, viewer: Option<&Viewer>) -> Result<(), Denied> {
    match (need, viewer) {
        (Need::Public, _) => Ok(()),
        (_, None) => Err(Denied::SignIn),
        (_, Some(v)) if v.is_suspended() => Err(Denied::Suspended),
        (Need::SignedIn, Some(_)) => Ok(()),
        (_, Some(v)) if !v.is_verified() => Err(Denied::Pending),
        (Need::Verified, Some(_)) => Ok(()),
        // Staff pages show held patient data: a password alone does not open them.
        (Need::Moderator | Need::Admin, Some(v)) if v.role.can_moderate() && !v.second_factor => {
            Err(Denied::SecondFactor)
        }
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
            suspended_until: None,
            second_factor: true,
        }
    }

    #[test]
    fn a_suspended_account_opens_only_public_pages_whatever_its_role() {
        let mut admin = v(Role::Admin, Status::Verified);
        admin.suspended_until = Some(2_000_000_000);
        assert_eq!(check("/", Some(&admin)), Err(Denied::Suspended));
        assert_eq!(check("/admin/users", Some(&admin)), Err(Denied::Suspended));
        assert_eq!(check("/profile", Some(&admin)), Err(Denied::Suspended));
        assert_eq!(check(SUSPENDED_PATH, Some(&admin)), Ok(()));
        assert_eq!(check("/logout", Some(&admin)), Ok(()));
        assert_eq!(allows(Need::SignedIn, Some(&admin)), Err(Denied::Suspended));
    }

    #[test]
    fn staff_pages_need_a_second_factor_on_the_session() {
        let mut moderator = v(Role::Moderator, Status::Verified);
        moderator.second_factor = false;
        assert_eq!(
            check("/mod/queue", Some(&moderator)),
            Err(Denied::SecondFactor)
        );
        assert_eq!(
            allows(Need::Moderator, Some(&moderator)),
            Err(Denied::SecondFactor)
        );
        assert_eq!(check("/", Some(&moderator)), Ok(()), "the forum opens");
        assert_eq!(check(TWO_FACTOR_PATH, Some(&moderator)), Ok(()));
        let mut member = v(Role::Member, Status::Verified);
        member.second_factor = false;
        assert_eq!(check("/mod/queue", Some(&member)), Err(Denied::Forbidden));
        moderator.second_factor = true;
        assert_eq!(check("/mod/queue", Some(&moderator)), Ok(()));
    }

    #[test]
    fn moderators_suspend_members_and_admins_suspend_moderators() {
        assert!(may_suspend(Role::Moderator, Role::Member));
        assert!(!may_suspend(Role::Member, Role::Member));
        assert!(!may_suspend(Role::Moderator, Role::Moderator));
        assert!(may_suspend(Role::Admin, Role::Moderator));
        assert!(!may_suspend(Role::Admin, Role::Admin));
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
