//! Accounts: registration, look-up, the verification queue and roles.

use sqlx::Row;

use super::{now, unique_violation, Store, StoreError};
use domain::i18n::Lang;
use domain::models::{Applicant, Role, Status, UserRow};

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
}

/// The key that makes display names unique regardless of case and width.
pub fn display_key(name: &str) -> String {
    name.trim().to_lowercase()
}

const USER_COLUMNS: &str = "id, email, password_hash, display_name, profession, licence_number, \
     jurisdiction, npi, specialty, workplace, role, status, rejection_reason, lang, submitted_at";

fn record(row: &sqlx::any::AnyRow) -> Result<UserRecord, sqlx::Error> {
    let role: String = row.try_get("role")?;
    let status: String = row.try_get("status")?;
    let lang: Option<String> = row.try_get("lang")?;
    let id: i64 = row.try_get("id")?;
    Ok(UserRecord {
        id,
        password_hash: row.try_get("password_hash")?,
        role: Role::parse(&role).unwrap_or(Role::Member),
        lang: lang.as_deref().and_then(Lang::parse),
        applicant: Applicant {
            id,
            display_name: row.try_get("display_name")?,
            email: row.try_get("email")?,
            profession: row.try_get("profession")?,
            licence_number: row.try_get("licence_number")?,
            jurisdiction: row.try_get("jurisdiction")?,
            npi: row.try_get("npi")?,
            specialty: row.try_get("specialty")?,
            workplace: row.try_get("workplace")?,
            status: Status::parse(&status).unwrap_or(Status::Pending),
            rejection_reason: row.try_get("rejection_reason")?,
            submitted_at: row.try_get("submitted_at")?,
        },
    })
}

impl Store {
    /// Creates an account; a taken email or display name comes back as
    /// [`StoreError::Conflict`] naming the field.
    pub async fn create_user(&self, u: &NewUser) -> Result<i64, StoreError> {
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
        .fetch_one(&self.pool)
        .await
        .map_err(|e| unique_violation(e, &["email", "display_key"]))?;
        Ok(row.try_get("id")?)
    }

    /// Finds an account by (lower-cased) email.
    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
        let row = sqlx::query(&sql)
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(record).transpose()?)
    }

    /// Finds an account by id.
    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRecord>, StoreError> {
        let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
        let row = sqlx::query(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(record).transpose()?)
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
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| record(r).map(|u| u.applicant))
            .collect::<Result<_, _>>()
            .map_err(Into::into)
    }

    /// Sets the verification decision. Returns false if the account was not pending
    /// (someone else decided first).
    pub async fn decide(
        &self,
        id: i64,
        status: Status,
        reason: Option<&str>,
    ) -> Result<bool, StoreError> {
        let res = sqlx::query(
            "UPDATE users SET status = $1, rejection_reason = $2, updated_at = $3 WHERE id = $4 AND status = 'pending'",
        )
        .bind(status.as_str())
        .bind(reason)
        .bind(now())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// An applicant corrects their licence details and goes back into the queue.
    #[allow(clippy::too_many_arguments)]
    pub async fn resubmit(
        &self,
        id: i64,
        profession: &str,
        licence_number: &str,
        jurisdiction: &str,
        npi: Option<&str>,
        specialty: &str,
        workplace: &str,
    ) -> Result<bool, StoreError> {
        let t = now();
        let res = sqlx::query(
            "UPDATE users SET profession = $1, licence_number = $2, jurisdiction = $3, npi = $4, \
             specialty = $5, workplace = $6, status = 'pending', updated_at = $7, submitted_at = $7 \
             WHERE id = $8 AND status IN ('pending', 'rejected')",
        )
        .bind(profession)
        .bind(licence_number)
        .bind(jurisdiction)
        .bind(npi)
        .bind(specialty)
        .bind(workplace)
        .bind(t)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Changes an account's role.
    pub async fn set_role(&self, id: i64, role: Role) -> Result<bool, StoreError> {
        let res = sqlx::query("UPDATE users SET role = $1, updated_at = $2 WHERE id = $3")
            .bind(role.as_str())
            .bind(now())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(res.rows_affected() == 1)
    }

    /// Stores the preferred UI language.
    pub async fn set_lang(&self, id: i64, lang: Lang) -> Result<(), StoreError> {
        sqlx::query("UPDATE users SET lang = $1 WHERE id = $2")
            .bind(lang.code())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Every account for the admin's list, newest first.
    pub async fn list_users(&self) -> Result<Vec<UserRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, display_name, email, role, status, created_at FROM users ORDER BY created_at DESC, id DESC",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let role: String = r.try_get("role")?;
            let status: String = r.try_get("status")?;
            out.push(UserRow {
                id: r.try_get("id")?,
                display_name: r.try_get("display_name")?,
                email: r.try_get("email")?,
                role: Role::parse(&role).unwrap_or(Role::Member),
                status: Status::parse(&status).unwrap_or(Status::Pending),
                created_at: r.try_get("created_at")?,
            });
        }
        Ok(out)
    }
}
