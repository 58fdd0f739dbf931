//! The detector's record (no text, ever): a row per finding of each held version,
//! written in the transaction that stores it; moderators' "not patient data" marks on
//! those rows; a row per report of patient data in a published post. The outcome of a
//! finding is read from its revision's state, so no decision has to update it.

use domain::i18n::Lang;
use domain::models::{DetectorRecord, FindingField, FindingRef, KindRecord, MissRecord};
use domain::screening::{language, Draft};
use sqlx::{AnyConnection, Row};

use crate::error::StoreError;
use crate::pool::{now, Store};
use crate::tx::Tx;

/// Records every finding of a held version `revision_id` (called where it is stored).
pub(crate) async fn record_held(
    conn: &mut AnyConnection,
    revision_id: i64,
    d: &Draft,
) -> Result<(), sqlx::Error> {
    let fields = [
        (FindingField::Title, &d.findings.title),
        (FindingField::Tags, &d.findings.tags),
        (FindingField::Body, &d.findings.body),
    ];
    let t = now();
    for (field, findings) in fields {
        for (position, f) in findings.iter().enumerate() {
            sqlx::query(
                "INSERT INTO detector_findings (revision_id, field, position, kind, lang, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(revision_id)
            .bind(field.as_str())
            .bind(position as i64)
            .bind(f.kind.as_str())
            .bind(d.lang.code())
            .bind(t)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

impl Tx {
    /// Marks (or unmarks) one finding of a held version "not patient data". False when
    /// the version has no such finding.
    pub async fn mark_not_phi(
        &mut self,
        revision_id: i64,
        finding: FindingRef,
        on: bool,
        moderator_id: i64,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE detector_findings SET not_phi = $1, marked_by = $2 \
             WHERE revision_id = $3 AND field = $4 AND position = $5",
        )
        .bind(i64::from(on))
        .bind(on.then_some(moderator_id))
        .bind(revision_id)
        .bind(finding.field.as_str())
        .bind(finding.position as i64)
        .execute(self.conn())
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records a report of patient data in a published post (a miss of the detector),
    /// with the language of the post's published text.
    pub async fn record_miss(&mut self, report_id: i64, post_id: i64) -> Result<(), StoreError> {
        let row = sqlx::query("SELECT body_text FROM posts WHERE id = $1")
            .bind(post_id)
            .fetch_one(self.conn())
            .await?;
        let text: String = row.try_get("body_text")?;
        sqlx::query(
            "INSERT INTO detector_misses (report_id, lang, created_at) VALUES ($1, $2, $3) \
             ON CONFLICT (report_id) DO NOTHING",
        )
        .bind(report_id)
        .bind(language(&text).code())
        .bind(now())
        .execute(self.conn())
        .await?;
        Ok(())
    }
}

impl Store {
    /// The findings of a held version marked "not patient data".
    pub async fn not_phi_marks(&self, revision_id: i64) -> Result<Vec<FindingRef>, StoreError> {
        let rows = sqlx::query(
            "SELECT field, position FROM detector_findings \
             WHERE revision_id = $1 AND not_phi = 1 ORDER BY field, position",
        )
        .bind(revision_id)
        .fetch_all(&self.pool)
        .await?;
        let mut marks = Vec::with_capacity(rows.len());
        for r in &rows {
            let field: String = r.try_get("field")?;
            let position: i64 = r.try_get("position")?;
            if let Some(field) = FindingField::parse(&field) {
                marks.push(FindingRef {
                    field,
                    position: usize::try_from(position).unwrap_or(usize::MAX),
                });
            }
        }
        Ok(marks)
    }

    /// The record per kind and language, and the misses per language.
    pub async fn detector_record(&self) -> Result<DetectorRecord, StoreError> {
        let count = |cond: &str| format!("CAST(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END) AS BIGINT)");
        let approved = "r.state IN ('published', 'superseded')";
        let decided = "r.state IN ('published', 'superseded', 'rejected', 'redacted')";
        let sql = format!(
            "SELECT f.kind, f.lang, COUNT(*) AS held, {} AS waiting, {} AS approved, \
             {} AS rejected, {} AS redacted, {} AS withdrawn, {} AS not_phi, {} AS wrong \
             FROM detector_findings f JOIN post_revisions r ON r.id = f.revision_id \
             GROUP BY f.kind, f.lang ORDER BY f.kind, f.lang",
            count("r.state = 'held'"),
            count(approved),
            count("r.state = 'rejected'"),
            count("r.state = 'redacted'"),
            count("r.state = 'discarded'"),
            count("f.not_phi = 1"),
            count(&format!("{decided} AND ({approved} OR f.not_phi = 1)")),
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        let n = |r: &sqlx::any::AnyRow, c: &str| -> Result<u64, StoreError> {
            let v: Option<i64> = r.try_get(c)?;
            Ok(u64::try_from(v.unwrap_or(0)).unwrap_or(0))
        };
        let mut record = DetectorRecord::default();
        for r in &rows {
            record.kinds.push(KindRecord {
                kind: r.try_get("kind")?,
                lang: r.try_get("lang")?,
                held: n(r, "held")?,
                waiting: n(r, "waiting")?,
                approved: n(r, "approved")?,
                rejected: n(r, "rejected")?,
                redacted: n(r, "redacted")?,
                withdrawn: n(r, "withdrawn")?,
                not_phi: n(r, "not_phi")?,
                wrong: n(r, "wrong")?,
            });
        }
        let sql = format!(
            "SELECT m.lang, {} AS open, {} AS confirmed, {} AS dismissed \
             FROM detector_misses m JOIN reports p ON p.id = m.report_id \
             GROUP BY m.lang ORDER BY m.lang",
            count("p.state = 'open'"),
            count("p.state IN ('hidden', 'removed')"),
            count("p.state = 'dismissed'"),
        );
        for r in &sqlx::query(&sql).fetch_all(&self.pool).await? {
            record.misses.push(MissRecord {
                lang: r.try_get("lang")?,
                open: n(r, "open")?,
                confirmed: n(r, "confirmed")?,
                dismissed: n(r, "dismissed")?,
            });
        }
        // Both languages always appear, so an empty row reads "none yet", not "unknown".
        for lang in [Lang::En, Lang::Ja] {
            if !record.misses.iter().any(|m| m.lang == lang.code()) {
                record.misses.push(MissRecord {
                    lang: lang.code().to_string(),
                    ..MissRecord::default()
                });
            }
        }
        record.misses.sort_by(|a, b| a.lang.cmp(&b.lang));
        Ok(record)
    }
}
