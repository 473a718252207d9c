//! Free-text search over complaints: a folded copy of the searchable intake
//! fields and the customer's name, kept beside each complaint.

use crate::complaints::ComplaintRow;
use crate::db::{Backend, DbConn};
use crate::error::DbResult;
use crate::schema::{complaint_search, customers};
use diesel::backend::Backend as DieselBackend;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{Bool, Text};
use kehu_domain::customer::{search_query, search_text};

fn case_text(row: &ComplaintRow) -> String {
    let parts = [&row.number, &row.order_number, &row.product_number, &row.product_spec, &row.description];
    search_text(parts.into_iter().flatten().map(String::as_str))
}

/// Writes the search row of a complaint after its intake, number or customer changed.
pub fn write(conn: &mut DbConn, row: &ComplaintRow) -> DbResult<()> {
    let name: String = customers::table.find(row.customer_id).select(customers::name).first(conn)?;
    let values = (
        complaint_search::customer_id.eq(row.customer_id),
        complaint_search::case_text.eq(case_text(row)),
        complaint_search::customer_text.eq(search_query(&name)),
    );
    let updated = diesel::update(complaint_search::table.find(row.id)).set(values.clone()).execute(conn)?;
    if updated == 0 {
        diesel::insert_into(complaint_search::table).values((complaint_search::complaint_id.eq(row.id), values)).execute(conn)?;
    }
    Ok(())
}

/// After a customer's name changed: its complaints are found by the new one.
pub fn rename_customer(conn: &mut DbConn, customer_id: i64, name: &str) -> DbResult<usize> {
    let text = search_query(name);
    Ok(diesel::update(complaint_search::table.filter(complaint_search::customer_id.eq(customer_id).and(complaint_search::customer_text.ne(&text))))
        .set(complaint_search::customer_text.eq(&text))
        .execute(conn)?)
}

/// Which of `ids` contain the (folded) query: one probe of each search row.
pub fn matching(conn: &mut DbConn, ids: &[i64], folded: &str) -> DbResult<std::collections::HashSet<i64>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    let pattern = format!("%{}%", crate::like_escape(folded));
    let rows: Vec<i64> = complaint_search::table
        .filter(complaint_search::complaint_id.eq_any(ids))
        .filter(SearchText.like(pattern).escape('\\'))
        .select(complaint_search::complaint_id)
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

crate::complaint_reads::fixed_sql!(SearchText: Text = "complaint_search.search_text");

/// The complaint's search row contains the (folded) query.
#[derive(Debug, Clone, QueryId)]
pub struct TextMatch {
    pattern: String,
    how: How,
}

#[derive(Debug, Clone, QueryId)]
enum How {
    /// Probe each candidate's row: for a few thousand candidates. A scalar
    /// subquery, so that PostgreSQL cannot turn it into a join: as `EXISTS`
    /// it planned the trigram index and a sort of all 10,000 matches of a
    /// name (106 ms) instead of the walk that stops at a page (10 ms).
    Scan,
    /// Ask the index for the matching rows (PostgreSQL): trigrams for three
    /// characters or more, bigrams for two.
    Trigrams,
    Bigrams(String),
}

impl TextMatch {
    /// `folded` is the query folded by `search_query`.
    pub fn scan(folded: &str) -> TextMatch {
        TextMatch { pattern: format!("%{}%", crate::like_escape(folded)), how: How::Scan }
    }

    pub fn indexed(backend: Backend, folded: &str) -> TextMatch {
        let how = match (backend, folded.chars().count()) {
            (Backend::Sqlite, _) | (_, 0 | 1) => How::Scan,
            (Backend::Postgres, 2) => How::Bigrams(folded.to_owned()),
            (Backend::Postgres, _) => How::Trigrams,
        };
        TextMatch { how, ..TextMatch::scan(folded) }
    }
}

impl diesel::expression::Expression for TextMatch {
    type SqlType = Bool;
}
impl<QS> diesel::expression::AppearsOnTable<QS> for TextMatch {}
impl<QS> diesel::expression::SelectableExpression<QS> for TextMatch {}
impl<GB> diesel::expression::ValidGrouping<GB> for TextMatch {
    type IsAggregate = diesel::expression::is_aggregate::Never;
}

impl<DB> QueryFragment<DB> for TextMatch
where
    DB: DieselBackend + diesel::sql_types::HasSqlType<Text>,
    String: diesel::serialize::ToSql<Text, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        match &self.how {
            How::Scan => out.push_sql("((SELECT s.search_text FROM complaint_search s WHERE s.complaint_id = complaints.id) LIKE "),
            How::Trigrams => out.push_sql("complaints.id IN (SELECT s.complaint_id FROM complaint_search s WHERE "),
            How::Bigrams(q) => {
                out.push_sql("complaints.id IN (SELECT s.complaint_id FROM complaint_search s WHERE kehu_bigrams(s.search_text) @> kehu_bigrams(");
                out.push_bind_param::<Text, String>(q)?;
                out.push_sql(") AND ");
            }
        }
        if !matches!(self.how, How::Scan) {
            out.push_sql("s.search_text LIKE ");
        }
        out.push_bind_param::<Text, String>(&self.pattern)?;
        out.push_sql(" ESCAPE '\\')");
        Ok(())
    }
}
