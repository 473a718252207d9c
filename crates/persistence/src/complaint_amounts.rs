//! The amounts approved complaints gave customers, for finance's
//! collection-rate bonus (客诉金额不计入回款率奖金).

use crate::complaint_lists::{visible, ComplaintScope};
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::complaints;
use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;

/// One approved complaint with a settlement.
#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = complaints)]
pub struct AmountRow {
    pub id: i64,
    pub number: Option<String>,
    pub customer_id: i64,
    pub sales_department_id: i64,
    pub created_by: i64,
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub approved_at: Option<NaiveDateTime>,
    pub settlement_total_fen: Option<i64>,
}

/// The complaints approved in `[from, to)` with an amount that the caller's
/// list shows (its read rule), in one sales department or all.
fn approved<'a, ST: 'a>(
    q: crate::complaint_lists::Boxed<'a, ST>,
    org_id: i64,
    scope: &ComplaintScope,
    department: Option<i64>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> crate::complaint_lists::Boxed<'a, ST> {
    let q = q
        .filter(complaints::org_id.eq(org_id))
        .filter(complaints::approved_at.ge(from).and(complaints::approved_at.lt(to)))
        .filter(complaints::settlement_total_fen.gt(0));
    let q = visible(q, scope);
    match department {
        Some(d) => q.filter(complaints::sales_department_id.eq(d)),
        None => q,
    }
}

/// How many complaints approved in `[from, to)` with an amount the caller sees.
pub fn count_approved(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    department: Option<i64>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> DbResult<i64> {
    let q = complaints::table.select(count_star()).into_boxed();
    Ok(approved(q, org_id, scope, department, from, to).first(conn)?)
}

/// The complaints approved in `[from, to)` with an amount, in approval order.
pub fn approved_between(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    department: Option<i64>,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> DbResult<Vec<AmountRow>> {
    let q = complaints::table.select(AmountRow::as_select()).into_boxed();
    Ok(approved(q, org_id, scope, department, from, to).order((complaints::approved_at, complaints::id)).load(conn)?)
}
