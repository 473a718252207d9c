//! Supplier corrective-action requests of complaints.

use crate::complaint_lists::{visible, ComplaintScope};
use crate::complaints::ComplaintRow;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{complaints, supplier_requests as sr};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::supplier::SupplierRequestState;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = sr)]
pub struct SupplierRequestRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub supplier: String,
    pub state: SupplierRequestState,
    pub problem: String,
    pub ratio_percent: i32,
    pub due_on: NaiveDate,
    pub root_cause: Option<String>,
    pub actions: Option<String>,
    pub answered_on: Option<NaiveDate>,
    pub answered_by: Option<i64>,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub comment: Option<String>,
    pub raised_by: i64,
    pub raised_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = sr)]
pub struct NewSupplierRequest {
    pub org_id: i64,
    pub complaint_id: i64,
    pub supplier: String,
    pub state: SupplierRequestState,
    pub problem: String,
    pub ratio_percent: i32,
    pub due_on: NaiveDate,
    pub raised_by: i64,
    pub raised_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewSupplierRequest) -> DbResult<SupplierRequestRow> {
    Ok(diesel::insert_into(sr::table).values(new).returning(sr::all_columns).get_result(conn)?)
}

/// A case's requests, newest first.
pub fn of_complaint(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Vec<SupplierRequestRow>> {
    Ok(sr::table
        .filter(sr::org_id.eq(org_id).and(sr::complaint_id.eq(complaint_id)))
        .order(sr::id.desc())
        .select(SupplierRequestRow::as_select())
        .load(conn)?)
}

/// What an action writes.
#[derive(AsChangeset, Default)]
#[diesel(table_name = sr)]
pub struct SupplierChanges {
    pub state: Option<SupplierRequestState>,
    pub due_on: Option<NaiveDate>,
    pub root_cause: Option<Option<String>>,
    pub actions: Option<Option<String>>,
    pub answered_on: Option<Option<NaiveDate>>,
    pub answered_by: Option<Option<i64>>,
    pub decided_by: Option<Option<i64>>,
    pub decided_at: Option<Option<NaiveDateTime>>,
    pub comment: Option<Option<String>>,
}

/// Applies `ch` if the request is still at `version`; None when another writer got there first.
pub fn update(conn: &mut DbConn, id: i64, version: i64, ch: &SupplierChanges, now: NaiveDateTime) -> DbResult<Option<SupplierRequestRow>> {
    Ok(diesel::update(sr::table.filter(sr::id.eq(id).and(sr::version.eq(version))))
        .set((ch, sr::updated_at.eq(now), sr::version.eq(version + 1)))
        .returning(sr::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Requests in `state` of the cases the caller may read, by due date; with
/// `due_by`, only those due on or before that day.
pub fn in_state(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    state: SupplierRequestState,
    due_by: Option<NaiveDate>,
    limit: i64,
) -> DbResult<Vec<(SupplierRequestRow, ComplaintRow)>> {
    let mut q = sr::table.filter(sr::org_id.eq(org_id).and(sr::state.eq(state))).into_boxed();
    if let Some(d) = due_by {
        q = q.filter(sr::due_on.le(d));
    }
    let rows: Vec<SupplierRequestRow> = q.order((sr::due_on.asc(), sr::id.asc())).limit(limit).select(SupplierRequestRow::as_select()).load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.complaint_id).collect();
    let cases: Vec<ComplaintRow> =
        visible(complaints::table.select(ComplaintRow::as_select()).into_boxed(), scope).filter(complaints::id.eq_any(ids)).load(conn)?;
    Ok(rows.into_iter().filter_map(|r| cases.iter().find(|c| c.id == r.complaint_id).cloned().map(|c| (r, c))).collect())
}
