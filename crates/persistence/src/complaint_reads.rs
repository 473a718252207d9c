//! A complaint with everything its page shows, read in one statement: the
//! hot read of the service, so names, lines and responsibilities come back
//! as subqueries of the same row instead of further round trips.

use crate::complaints::{ComplaintRow, LineRow, ResponsibilityRow};
use crate::db::DbConn;
use crate::error::DbResult;
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

type Name = diesel::sql_types::Nullable<diesel::sql_types::Text>;

fixed_sql!(CreatorName: Name = "(SELECT u.display_name FROM users u WHERE u.id = complaints.created_by)");
fixed_sql!(ProposerName: Name = "(SELECT u.display_name FROM users u WHERE u.id = complaints.proposed_by)");
fixed_sql!(ApproverName: Name = "(SELECT u.display_name FROM users u WHERE u.id = complaints.approved_by)");
fixed_sql!(SalesDepartmentName: Name = "(SELECT d.name FROM departments d WHERE d.id = complaints.sales_department_id)");
fixed_sql!(UnitName: Name = "(SELECT d.name FROM departments d WHERE d.id = complaints.countermeasure_department_id)");

// The lines and responsibilities as a JSON array of arrays; the aggregate
// differs by database, the rows do not.
macro_rules! lines_sql {
    ($agg:literal, $row:literal, $cast:literal) => {
        concat!(
            "(SELECT ",
            $agg,
            "(",
            $row,
            "(l.id, l.position, l.kind, l.quantity, l.unit_price_fen, l.amount_fen, l.transport_cost_fen, l.settlement_fen, l.loss_fen, l.remarks) ORDER BY l.position)",
            $cast,
            " FROM resolution_lines l WHERE l.complaint_id = complaints.id)"
        )
    };
}
macro_rules! responsibilities_sql {
    ($agg:literal, $row:literal, $cast:literal) => {
        concat!(
            "(SELECT ",
            $agg,
            "(",
            $row,
            "(r.id, r.department_id, r.team, r.person_id, r.ratio_percent, d.name) ORDER BY r.id)",
            $cast,
            " FROM complaint_responsibilities r LEFT JOIN departments d ON d.id = r.department_id WHERE r.complaint_id = complaints.id)"
        )
    };
}
fixed_sql!(PgLines: Name = lines_sql!("json_agg", "json_build_array", "::text"));
fixed_sql!(SqliteLines: Name = lines_sql!("json_group_array", "json_array", ""));
fixed_sql!(PgResponsibilities: Name = responsibilities_sql!("json_agg", "json_build_array", "::text"));
fixed_sql!(SqliteResponsibilities: Name = responsibilities_sql!("json_group_array", "json_array", ""));

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

type Raw = (ComplaintRow, String, i64, bool, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);

macro_rules! detail_query {
    ($org:expr, $id:expr, $lines:expr, $resp:expr) => {
        complaints::table
            .inner_join(customers::table.on(customers::id.eq(complaints::customer_id)))
            .filter(complaints::org_id.eq($org))
            .filter(complaints::id.eq($id))
            .select((
                ComplaintRow::as_select(),
                customers::name,
                customers::owner_id,
                customers::supply_hold,
                CreatorName,
                ProposerName,
                ApproverName,
                SalesDepartmentName,
                UnitName,
                $lines,
                $resp,
            ))
    };
}

type LineJson = (i64, i32, String, Option<i64>, Option<i64>, Option<i64>, Option<i64>, i64, i64, Option<String>);
type ResponsibilityJson = (i64, i64, Option<String>, Option<i64>, i32, Option<String>);

fn parse<T: serde::de::DeserializeOwned>(json: Option<String>) -> DbResult<Vec<T>> {
    match json.as_deref() {
        None | Some("") => Ok(Vec::new()),
        Some(s) => serde_json::from_str(s).map_err(|e| crate::DbError::Other(format!("aggregated rows: {e}"))),
    }
}

/// The complaint `id` of company `org_id` with its customer, names, lines and
/// responsibilities; `NotFound` when there is none.
pub fn detail(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<ComplaintDetail> {
    // On the concrete connection: through the multi-backend enum diesel
    // rebuilds the SQL text on every call to find the prepared statement.
    let raw: Raw = match conn {
        DbConn::Pg(c) => detail_query!(org_id, id, PgLines, PgResponsibilities).first(c)?,
        DbConn::Sqlite(c) => detail_query!(org_id, id, SqliteLines, SqliteResponsibilities).first(c)?,
    };
    let (
        row,
        customer_name,
        customer_owner_id,
        customer_supply_hold,
        created_by,
        proposed_by,
        approved_by,
        sales_department,
        countermeasure_department,
        lines,
        resp,
    ) = raw;
    let lines = parse::<LineJson>(lines)?
        .into_iter()
        .map(|(id, position, kind, quantity, unit_price_fen, amount_fen, transport_cost_fen, settlement_fen, loss_fen, remarks)| LineRow {
            id,
            complaint_id: row.id,
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
        .collect();
    let responsibilities = parse::<ResponsibilityJson>(resp)?
        .into_iter()
        .map(|(id, department_id, team, person_id, ratio_percent, name)| {
            (ResponsibilityRow { id, complaint_id: row.id, department_id, team, person_id, ratio_percent }, name)
        })
        .collect();
    Ok(ComplaintDetail {
        row,
        customer_name,
        customer_owner_id,
        customer_supply_hold,
        names: Names { created_by, proposed_by, approved_by, sales_department, countermeasure_department },
        lines,
        responsibilities,
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
