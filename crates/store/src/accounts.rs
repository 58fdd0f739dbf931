//! Accounts: registration, look-up, the verification queue and roles.

use domain::fields::Licence;
use domain::i18n::Lang;
use domain::models::{Applicant, Role, Status};
use sqlx::Row;

use crate::error::unique_violation;
use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::rows::Stored;
use crate::tx::Tx;

/// A registration as validated by the form layer.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Lower-cased email.
    pub email: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// Name shown on posts.
    pub display_name: String,
    /// One of `models::PROFESSIONS`.
    pub profession: String,
    /// Licence or registration number.
    pub licence_number: String,
    /// Issuing country or jurisdiction.
    pub jurisdiction: String,
    /// Validated NPI, if given.
    pub npi: Option<String>,
    /// Specialty.
    pub specialty: String,
    /// Workplace (never shown to members).
    pub workplace: String,
    /// Role to create with (admins via the CLI).
    pub role: Role,
    /// Status to create with (admins via the CLI are verified).
    pub status: Status,
}

/// A full account row.
#[derive(Clone, Debug)]
pub struct UserRecord {
    /// Account id.
    pub id: i64,
    /// argon2id PHC string.
    pub password_hash: String,
    /// The applicant-facing fields.
    pub applicant: Applicant,
    /// Role.
    pub role: Role,
    /// Preferred UI language.
    pub lang: Option<Lang>,
    /// The IANA time zone the member chose.
    pub time_zone: Option<String>,
}

/// The key that makes display names unique: two names with one key look alike on a
/// page (case, width, look-alike letters, invisible characters, separators).
pub fn display_key(name: &str) -> String {
    phi::name_skeleton(name.trim())
}

const USER_COLUMNS: &str = "id, email, password_hash, display_name, profession, licence_number, \
     jurisdiction, npi, specialty, workplace, role, status, rejection_reason, lang, submitted_at, \
     time_zone";

/// An account row as stored.
#[derive(sqlx::FromRow)]
struct UserFlat {
    id: i64,
    email: String,
    password_hash: String,
    display_name: String,
    profession: String,
    licence_number: String,
    jurisdiction: String,
    npi: Option<String>,
    specialty: String,
    workplace: String,
    #[sqlx(try_from = "Stored")]
    role: Role,
    #[sqlx(try_from = "Stored")]
    status: Status,
    rejection_reason: Option<String>,
    lang: Option<String>,
    submitted_at: i64,
    time_zone: Option<String>,
}

impl From<UserFlat> for UserRecord {
    fn from(u: UserFlat) -> UserRecord {
        UserRecord {
            id: u.id,
            password_hash: u.password_hash,
            role: u.role,
            lang: u.lang.as_deref().and_then(Lang::parse),
            time_zone: u.time_zone,
            applicant: Applicant {
                id: u.id,
                display_name: u.display_name,
                email: u.email,
                profession: u.profession,
                licence_number: u.licence_number,
                jurisdiction: u.jurisdiction,
                npi: u.npi,
                specialty: u.specialty,
                workplace: u.workplace,
                status: u.status,
                rejection_reason: u.rejection_reason,
                submitted_at: u.submitted_at,
            },
        }
    }
}

impl Tx {
    /// Finds an account by id, inside the transaction. A use case that holds a
    /// transaction reads through it: on SQLite every pooled connection may be waiting
    /// for the write lock this transaction holds, so a read from the pool would wait
    /// until the others time out.
    pub async fn user_by_id(&mut self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row: Option<UserFlat> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(self.conn())
            .await?;
        Ok(row.map(UserRecord::from))
    }

    /// Creates an account; a taken email or display name comes back as
    /// [`StoreError::Conflict`] naming the field.
    pub async fn create_user(&mut self, u: &NewUser) -> Result<i64, StoreError> {
        let t = now();
        let row = sqlx::query(
            "INSERT INTO users (email, password_hash, display_name, display_key, profession, \
             licence_number, jurisdiction, npi, specialty, workplace, role, status, created_at, \
             updated_at, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $13) RETURNING id",
        )
        .bind(&u.email)
        .bind(&u.password_hash)
        .bind(u.display_name.trim())
        .bind(display_key(&u.display_name))
        .bind(&u.profession)
        .bind(&u.licence_number)
        .bind(&u.jurisdiction)
        .bind(&u.npi)
        .bind(&u.specialty)
        .bind(&u.workplace)
        .bind(u.role.as_str())
        .bind(u.status.as_str())
        .bind(t)
        .fetch_one(self.conn())
        .await
        .map_err(|e| unique_violation(e, &["email", "display_key"]))?;
        Ok(row.try_get("id")?)
    }

    /// Sets the verification decision. Returns false if the account was not pending
    /// (someone else decided first).
    pub async fn decide(
        &mut self,
        id: i64,
        status: Status,
        reason: Option<&str>,
    ) -> Result<bool, StoreError> {
        let res = sqlx::query(
            "UPDATE users SET status = $1, rejection_reason = $2, updated_at = $3 \
             WHERE id = $4 AND status = 'pending'",
        )
        .bind(status.as_str())
        .bind(reason)
        .bind(now())
        .bind(id)
        .execute(self.conn())
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// An applicant corrects their licence details and goes back into the queue.
    pub async fn resubmit(&mut self, id: i64, l: &Licence) -> Result<bool, StoreError> {
        let t = now();
        let res = sqlx::query(
            "UPDATE users SET profession = $1, licence_number = $2, jurisdiction = $3, npi = $4, \
             specialty = $5, workplace = $6, status = 'pending', updated_at = $7, submitted_at = $7 \
             WHERE id = $8 AND status IN ('pending', 'rejected')",
        )
        .bind(&l.profession)
        .bind(&l.licence_number)
        .bind(&l.jurisdiction)
        .bind(l.npi.as_ref().map(|n| n.as_str()))
        .bind(&l.specialty)
        .bind(&l.workplace)
        .bind(t)
        .bind(id)
        .execute(self.conn())
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Changes an account's role.
    pub async fn set_role(&mut self, id: i64, role: Role) -> Result<bool, StoreError> {
        let res = sqlx::query("UPDATE users SET role = $1, updated_at = $2 WHERE id = $3")
            .bind(role.as_str())
            .bind(now())
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Stores the preferred UI language.
    pub async fn set_lang(&mut self, id: i64, lang: Lang) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }

    /// Sets (or, with `None`, forgets) the member's time zone.
    pub async fn set_time_zone(&mut self, id: i64, zone: Option<&str>) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET time_zone = $1 WHERE id = $2")
            .bind(zone)
            .bind(id)
            .execute(self.conn())
            .await?;
        Ok(())
    }
}

impl Store {
    /// Finds an account by (lower-cased) email.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        let row: Option<UserFlat> = sqlx::query_as(&sql)
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(UserRecord::from))
    }

    /// Finds an account by id.
    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row: Option<UserFlat> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(UserRecord::from))
    }

    /// Whether any verified admin exists (first-start hint).
    pub async fn has_admin(&self) -> Result<bool, StoreError> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND status = 'verified'",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// Pending applicants, oldest submission first.
    pub async fn pending_applicants(&self) -> Result<Vec<Applicant>, StoreError> {
        let sql = format!(
            "SELECT {USER_COLUMNS} FROM users WHERE status = 'pending' ORDER BY submitted_at, id"
        );
        let rows: Vec<UserFlat> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|u| UserRecord::from(u).applicant)
            .collect())
    }
}
