//! A complaint with everything its page shows, read in one statement: the
//! hot read of the service. Its lines and responsibilities are copies kept
//! on the row; people's and departments' names come from the process's
//! cache (`names`), checked against the generation the same statement reads.

use crate::complaints::{ComplaintRow, LineRow, ResponsibilityRow};
use crate::db::DbConn;
use crate::error::DbResult;
use crate::names::NameBook;
use crate::schema::{complaints, customers};
use diesel::prelude::*;

/// A fixed SQL expression (a correlated subquery) with a static query id, so
/// that the statement using it stays in the prepared-statement cache (a
/// `diesel::dsl::sql` literal opts the whole statement out of it).
macro_rules! fixed_sql {
    ($(#[$m:meta])* $name:ident: $ty:ty = $sql:expr) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, diesel::query_builder::QueryId)]
        pub struct $name;
        impl diesel::expression::Expression for $name {
            type SqlType = $ty;
        }
        impl<DB: diesel::backend::Backend> diesel::query_builder::QueryFragment<DB> for $name {
            fn walk_ast<'b>(&'b self, mut out: diesel::query_builder::AstPass<'_, 'b, DB>) -> diesel::QueryResult<()> {
                out.push_sql($sql);
                Ok(())
            }
        }
        impl<QS> diesel::expression::AppearsOnTable<QS> for $name {}
        impl<QS> diesel::expression::SelectableExpression<QS> for $name {}
        impl<GB> diesel::expression::ValidGrouping<GB> for $name {
            type IsAggregate = diesel::expression::is_aggregate::Never;
        }
    };
}
pub(crate) use fixed_sql;

fixed_sql!(
    /// The names' generation the read saw (see `names`).
    NameGeneration: diesel::sql_types::BigInt = "(SELECT g.generation FROM name_generation g WHERE g.id = 1)"
);

pub struct Names {
    pub created_by: Option<String>,
    pub proposed_by: Option<String>,
    pub approved_by: Option<String>,
    pub sales_department: Option<String>,
    pub countermeasure_department: Option<String>,
}

pub struct ComplaintDetail {
    pub row: ComplaintRow,
    pub customer_name: String,
    pub customer_owner_id: i64,
    pub customer_supply_hold: bool,
    pub names: Names,
    pub lines: Vec<LineRow>,
    /// Each with its department's name.
    pub responsibilities: Vec<(ResponsibilityRow, Option<String>)>,
}

type Raw = (ComplaintRow, String, i64, bool, i64);

macro_rules! detail_query {
    ($org:expr, $id:expr) => {
        complaints::table
            .inner_join(customers::table.on(customers::id.eq(complaints::customer_id)))
            .filter(complaints::org_id.eq($org))
            .filter(complaints::id.eq($id))
            .select((ComplaintRow::as_select(), customers::name, customers::owner_id, customers::supply_hold, NameGeneration))
    };
}

type LineJson = (i64, i32, kehu_domain::resolution::ResolutionKind, Option<i64>, Option<i64>, Option<i64>, Option<i64>, i64, i64, Option<String>);
/// A share as the row copies it: five fields, and the supplier when one is named.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum ResponsibilityJson {
    WithSupplier(i64, i64, Option<String>, Option<i64>, i32, Option<String>),
    Plain(i64, i64, Option<String>, Option<i64>, i32),
}

fn parse<T: serde::de::DeserializeOwned>(json: Option<&str>) -> DbResult<Vec<T>> {
    match json {
        None | Some("") => Ok(Vec::new()),
        Some(s) => serde_json::from_str(s).map_err(|e| crate::DbError::Other(format!("row copy: {e}"))),
    }
}

/// The resolution lines of complaint `complaint_id` from the row's copy (`lines_json`).
pub fn lines_of(complaint_id: i64, json: Option<&str>) -> DbResult<Vec<LineRow>> {
    Ok(parse::<LineJson>(json)?
        .into_iter()
        .map(|(id, position, kind, quantity, unit_price_fen, amount_fen, transport_cost_fen, settlement_fen, loss_fen, remarks)| LineRow {
            id,
            complaint_id,
            position,
            kind,
            quantity,
            unit_price_fen,
            amount_fen,
            transport_cost_fen,
            settlement_fen,
            loss_fen,
            remarks,
        })
        .collect())
}

/// The responsibility shares of complaint `complaint_id` from the row's copy (`responsibilities_json`).
pub fn shares_of(complaint_id: i64, json: Option<&str>) -> DbResult<Vec<ResponsibilityRow>> {
    Ok(parse::<ResponsibilityJson>(json)?
        .into_iter()
        .map(|r| {
            let (id, department_id, team, person_id, ratio_percent, supplier) = match r {
                ResponsibilityJson::WithSupplier(a, b, c, d, e, f) => (a, b, c, d, e, f),
                ResponsibilityJson::Plain(a, b, c, d, e) => (a, b, c, d, e, None),
            };
            ResponsibilityRow { id, complaint_id, department_id, team, person_id, ratio_percent, supplier }
        })
        .collect())
}

/// The complaint `id` of company `org_id` with its customer, names, lines and
/// responsibilities; `NotFound` when there is none. One row and its customer:
/// lines and shares come from the row's copies, names from `book`.
pub fn detail(conn: &mut DbConn, book: &NameBook, org_id: i64, id: i64) -> DbResult<ComplaintDetail> {
    // On the concrete connection: through the multi-backend enum diesel
    // rebuilds the SQL text on every call to find the prepared statement.
    let (row, customer_name, customer_owner_id, customer_supply_hold, generation): Raw = match conn {
        DbConn::Pg(c) => detail_query!(org_id, id).first(c)?,
        DbConn::Sqlite(c) => detail_query!(org_id, id).first(c)?,
    };
    let names = book.at(conn, generation)?;
    let lines = lines_of(row.id, row.lines_json.as_deref())?;
    let responsibilities = shares_of(row.id, row.responsibilities_json.as_deref())?
        .into_iter()
        .map(|r| {
            let name = names.department(Some(r.department_id));
            (r, name)
        })
        .collect();
    Ok(ComplaintDetail {
        names: Names {
            created_by: names.user(Some(row.created_by)),
            proposed_by: names.user(row.proposed_by),
            approved_by: names.user(row.approved_by),
            sales_department: names.department(Some(row.sales_department_id)),
            countermeasure_department: names.department(row.countermeasure_department_id),
        },
        customer_name,
        customer_owner_id,
        customer_supply_hold,
        lines,
        responsibilities,
        row,
    })
}

/// The complaint with the owner of its customer, for permission checks.
pub fn with_owner(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<(ComplaintRow, i64)> {
    macro_rules! q {
        () => {
            complaints::table
                .inner_join(customers::table.on(customers::id.eq(complaints::customer_id)))
                .filter(complaints::org_id.eq(org_id))
                .filter(complaints::id.eq(id))
                .select((ComplaintRow::as_select(), customers::owner_id))
        };
    }
    // Concrete connections, as in `detail`: the statement is cached by type.
    Ok(match conn {
        DbConn::Pg(c) => q!().first(c)?,
        DbConn::Sqlite(c) => q!().first(c)?,
    })
}
