//! The categories (specialties): members read them; admins create, rename, reorder
//! and archive them.

use domain::fields::CategoryInput;
use domain::models::Category;

use crate::rows::IntBool;

use crate::error::unique_violation;
use crate::error::StoreError;
use crate::pool::now;
use crate::pool::Store;
use crate::tx::Tx;

/// A category row as stored.
#[derive(sqlx::FromRow)]
pub(crate) struct CategoryRow {
    id: i64,
    slug: String,
    name_en: String,
    name_ja: String,
    description_en: String,
    description_ja: String,
    position: i64,
    #[sqlx(try_from = "IntBool")]
    archived: bool,
}

impl From<CategoryRow> for Category {
    fn from(c: CategoryRow) -> Category {
        Category {
            id: c.id,
            slug: c.slug,
            name_en: c.name_en,
            name_ja: c.name_ja,
            description_en: c.description_en,
            description_ja: c.description_ja,
            position: c.position,
            archived: c.archived,
        }
    }
}

pub(crate) const CATEGORY_COLUMNS: &str =
    "id, slug, name_en, name_ja, description_en, description_ja, position, archived";

impl Store {
    /// Every category that is not archived, in order.
    pub async fn categories(&self) -> Result<Vec<Category>, StoreError> {
        let sql = format!(
            "SELECT {CATEGORY_COLUMNS} FROM categories WHERE archived = 0 ORDER BY position, id"
        );
        let rows: Vec<CategoryRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(Category::from).collect())
    }

    /// A category by id (archived ones too, for old threads).
    pub async fn category_by_id(&self, id: i64) -> Result<Option<Category>, StoreError> {
        let sql = format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE id = $1");
        let row: Option<CategoryRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Category::from))
    }

    /// A live category by slug.
    pub async fn category_by_slug(&self, slug: &str) -> Result<Option<Category>, StoreError> {
        let sql =
            format!("SELECT {CATEGORY_COLUMNS} FROM categories WHERE slug = $1 AND archived = 0");
        let row: Option<CategoryRow> = sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(Category::from))
    }

    /// Every category, archived ones too, in order.
    pub async fn all_categories(&self) -> Result<Vec<Category>, StoreError> {
        let sql =
            format!("SELECT {CATEGORY_COLUMNS} FROM categories ORDER BY archived, position, id");
        let rows: Vec<CategoryRow> = sqlx::query_as(&sql).fetch_all(&self.pool).await?;
        Ok(rows.into_iter().map(Category::from).collect())
    }
}

impl Tx {
    /// Creates a category; a taken slug is [`StoreError::Conflict`]`("slug")`.
    pub async fn create_category(&mut self, c: &CategoryInput) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO categories (slug, name_en, name_ja, description_en, description_ja, \
             position, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(&c.slug)
        .bind(&c.name_en)
        .bind(&c.name_ja)
        .bind(&c.description_en)
        .bind(&c.description_ja)
        .bind(c.position)
        .bind(now())
        .fetch_one(self.conn())
        .await
        .map_err(|e| unique_violation(e, &["slug"]))?;
        Ok(sqlx::Row::try_get(&row, "id")?)
    }

    /// Updates a category's names, descriptions, slug and position.
    pub async fn update_category(
        &mut self,
        id: i64,
        c: &CategoryInput,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE categories SET slug = $2, name_en = $3, name_ja = $4, description_en = $5, \
             description_ja = $6, position = $7 WHERE id = $1",
        )
        .bind(id)
        .bind(&c.slug)
        .bind(&c.name_en)
        .bind(&c.name_ja)
        .bind(&c.description_en)
        .bind(&c.description_ja)
        .bind(c.position)
        .execute(self.conn())
        .await
        .map_err(|e| unique_violation(e, &["slug"]))?;
        Ok(done.rows_affected() == 1)
    }

    /// Archives or restores a category.
    pub async fn set_category_archived(
        &mut self,
        id: i64,
        archived: bool,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query("UPDATE categories SET archived = $2 WHERE id = $1")
            .bind(id)
            .bind(i64::from(archived))
            .execute(self.conn())
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
