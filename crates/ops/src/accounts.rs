//! Account use cases: register and sign in (both throttled), resubmit an application,
//! choose a language, and create an admin from the command line. Sessions and
//! cookies are the HTTP layer's business (`server`); these decide who is who.

use domain::fields::{check, DisplayName, Email, FieldErrors, Licence};
use domain::i18n::Lang;
use domain::models::{Role, Status};
use domain::vocab::AuditAction;
use sha2::{Digest, Sha256};
use store::{NewUser, StoreError, UserRecord};

use crate::access::Signed;
use crate::error::{conflict_to_field, AppError};
use crate::gate;
use crate::passwords;
use crate::services::Services;

/// Free failed sign-ins for one account from one address before delays start.
const PAIR_FREE_FAILURES: i64 = 5;
/// Free failed sign-ins per account from all addresses it never signed in from.
const ACCOUNT_FREE_FAILURES: i64 = 20;
/// Free failed sign-ins per client address across accounts (a hospital network
/// shares one address; members who signed in from it before are not slowed).
const CLIENT_FREE_FAILURES: i64 = 50;

/// Delay after `failures` failures: none within the allowance, then 30 s doubling
/// with each further failure, capped at one hour.
pub fn delay_after(failures: i64, free: i64) -> i64 {
    if failures < free {
        0
    } else {
        let steps = (failures - free).min(7) as u32;
        (30i64 << steps).min(3600)
    }
}

/// A registration form as submitted (field name → value).
pub struct Registration<'a> {
    /// Reads a field by name ("" when absent).
    pub get: &'a (dyn Fn(&str) -> String + Sync),
    /// The page's language, kept as the account's preference when it is not the default.
    pub lang: Lang,
    /// The real client address (behind a trusted proxy, from its header).
    pub client: &'a str,
}

/// Registers an applicant (pending verification). Returns the new account's id, or
/// `None` when the address already has an account — which the caller must not
/// reveal: nothing is changed, and the answer is the same.
pub async fn register(s: &Services, r: Registration<'_>) -> Result<Option<i64>, AppError> {
    let get = r.get;
    let mut errors = FieldErrors::new();
    let email = check(&mut errors, "email", Email::parse(&get("email")));
    let name = check(
        &mut errors,
        "display_name",
        DisplayName::parse(&get("display_name")),
    );
    let licence = Licence::parse(get, &mut errors);
    let password = get("password");
    let email_str = email
        .as_ref()
        .map(|e| e.as_str().to_string())
        .unwrap_or_default();
    if let Some(key) = passwords::weakness(&password, &[&email_str, &get("display_name")]) {
        domain::fields::flag(&mut errors, "password", key);
    }
    if let Some(n) = &name {
        if let Some(key) = gate::display_name_problem(&s.store, n.as_str()).await? {
            domain::fields::flag(&mut errors, "display_name", key);
        }
    }
    let (Some(email), Some(name), Some(licence)) = (email, name, licence) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    // Counted before the expensive hash, atomically, per address.
    // Beyond the operator's allowance (a whole hospital behind one proxy on an
    // onboarding day), each further application waits 30 s, doubling; the count is
    // forgotten a day after the last one.
    let addr_key = format!("reg:{}", hashed(r.client));
    let free = s.config.registrations_per_address;
    if let Some(wait) = s
        .store
        .throttle_take(&addr_key, free, |n| delay_after(n, free))
        .await?
    {
        tracing::info!("registration throttled");
        return Err(AppError::TooManyApplications(wait));
    }
    let password_hash = passwords::hash(password).await?;
    let user = NewUser {
        email: email.as_str().to_string(),
        password_hash,
        display_name: name.as_str().to_string(),
        profession: licence.profession,
        licence_number: licence.licence_number,
        jurisdiction: licence.jurisdiction,
        npi: licence.npi.map(|n| n.as_str().to_string()),
        specialty: licence.specialty,
        workplace: licence.workplace,
        role: Role::Member,
        status: Status::Pending,
    };
    let mut tx = s.store.begin().await?;
    let id = match tx.create_user(&user).await {
        Ok(id) => id,
        // The caller answers exactly as for a new application, so the form never
        // tells anyone whether an address has an account (the password was hashed
        // all the same, so neither does the time taken).
        Err(StoreError::Conflict("email")) => {
            tracing::info!("application for an address that has an account");
            return Ok(None);
        }
        Err(e) => return Err(conflict_to_field(e)),
    };
    if r.lang != s.config.default_lang {
        tx.set_lang(id, r.lang).await?;
    }
    tx.commit().await?;
    tracing::info!(user_id = id, "account registered");
    Ok(Some(id))
}

fn hashed(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// Checks an e-mail and password, with failures counted per account and address
/// pair (atomically, before the check), per account and per address. The same error
/// whether or not the e-mail is registered. `client` is the real client address
/// (behind a trusted proxy, from its header).
pub async fn sign_in(
    s: &Services,
    email: &str,
    password: String,
    client: &str,
) -> Result<UserRecord, AppError> {
    let email = domain::fields::normalize_email(email);
    if email.chars().any(char::is_control) {
        // No account has such an address (registration refuses it), and PostgreSQL
        // cannot even compare a NUL: the same answer as any wrong address.
        return Err(AppError::Invalid(FieldErrors::from([(
            "_form".to_string(),
            "err.login_failed".to_string(),
        )])));
    }
    let account = hashed(&email);
    let addr = hashed(client);
    let pair_key = format!("pair:{account}:{addr}");
    // Guessing one account from one address: counted before the check, atomically.
    if let Some(wait) = s
        .store
        .throttle_take(&pair_key, PAIR_FREE_FAILURES, |n| {
            delay_after(n, PAIR_FREE_FAILURES)
        })
        .await?
    {
        return Err(AppError::TooManyAttempts(wait));
    }
    // Guesses spread over many addresses (one account) or many accounts (one
    // address) slow those down too — except where this account signed in before,
    // so nobody can lock a member out of the place they work.
    let account_key = format!("acct:{account}");
    let addr_key = format!("addr:{addr}");
    if !s.store.sign_in_known(&account, &addr).await? {
        let a = s.store.throttle_state(&account_key).await?;
        let c = s.store.throttle_state(&addr_key).await?;
        let wait = a.wait_secs.max(c.wait_secs);
        if wait > 0 {
            return Err(AppError::TooManyAttempts(wait));
        }
    }
    let user = s.store.user_by_email(&email).await?;
    let ok = passwords::verify(password, user.as_ref().map(|u| u.password_hash.clone())).await?;
    let Some(user) = user.filter(|_| ok) else {
        let a = s
            .store
            .throttle_fail(&account_key, |n| delay_after(n, ACCOUNT_FREE_FAILURES))
            .await?;
        let c = s
            .store
            .throttle_fail(&addr_key, |n| delay_after(n, CLIENT_FREE_FAILURES))
            .await?;
        tracing::info!(failures = a.failures.max(c.failures), "sign-in failed");
        return Err(AppError::Invalid(FieldErrors::from([(
            "_form".to_string(),
            "err.login_failed".to_string(),
        )])));
    };
    // A success clears its own key only: other addresses' guesses still count.
    s.store.throttle_clear(&pair_key).await?;
    s.store.remember_sign_in(&account, &addr).await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(user)
}

/// An applicant corrects their licence details and goes back into the queue.
pub async fn resubmit(
    s: &Services,
    applicant: &Signed,
    get: &(dyn Fn(&str) -> String + Sync),
) -> Result<(), AppError> {
    let mut errors = FieldErrors::new();
    let Some(licence) = Licence::parse(get, &mut errors) else {
        return Err(AppError::Invalid(errors));
    };
    let mut tx = s.store.begin().await?;
    if !tx.resubmit(applicant.id(), &licence).await? {
        return Err(AppError::Conflict);
    }
    tx.commit().await?;
    tracing::info!(user_id = applicant.id(), "application resubmitted");
    Ok(())
}

/// Keeps a signed-in member's language choice.
pub async fn set_lang(s: &Services, user_id: i64, lang: Lang) -> Result<(), AppError> {
    let mut tx = s.store.begin().await?;
    tx.set_lang(user_id, lang).await?;
    tx.commit().await?;
    Ok(())
}

/// Creates a verified admin (the command line's `rounds admin create`).
pub async fn create_admin(
    store: &store::Store,
    email: &str,
    name: &str,
    password: String,
) -> Result<i64, AppError> {
    let mut errors = FieldErrors::new();
    let email = check(&mut errors, "email", Email::parse(email));
    let name = check(&mut errors, "display_name", DisplayName::parse(name));
    if let Some(n) = &name {
        if let Some(key) = gate::display_name_problem(store, n.as_str()).await? {
            domain::fields::flag(&mut errors, "display_name", key);
        }
    }
    let (Some(email), Some(name)) = (email, name) else {
        return Err(AppError::Invalid(errors));
    };
    if !errors.is_empty() {
        return Err(AppError::Invalid(errors));
    }
    if let Some(key) = passwords::weakness(&password, &[email.as_str(), name.as_str()]) {
        return Err(AppError::Invalid(FieldErrors::from([(
            "password".to_string(),
            key.to_string(),
        )])));
    }
    let user = NewUser {
        email: email.as_str().to_string(),
        password_hash: passwords::hash(password).await?,
        display_name: name.as_str().to_string(),
        profession: "other".into(),
        licence_number: "(admin created from the command line)".into(),
        jurisdiction: "-".into(),
        npi: None,
        specialty: String::new(),
        workplace: String::new(),
        role: Role::Admin,
        status: Status::Verified,
    };
    let mut tx = store.begin().await?;
    let id = tx.create_user(&user).await.map_err(conflict_to_field)?;
    tx.audit(
        None,
        AuditAction::RoleCreateAdmin,
        "user",
        &id.to_string(),
        "rounds admin create",
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::delay_after;

    #[test]
    fn delays_grow_after_the_allowance_and_are_capped() {
        assert_eq!(delay_after(4, 5), 0);
        assert_eq!(delay_after(5, 5), 30);
        assert_eq!(delay_after(6, 5), 60);
        assert_eq!(delay_after(7, 5), 120);
        assert_eq!(delay_after(50, 5), 3600);
    }
}
