//! 8D reports of complaints; the complaint row keeps a copy of the report's
//! state (`eight_d_state`), written by the same transaction.

use crate::complaint_lists::{visible, ComplaintScope};
use crate::complaints::ComplaintRow;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{complaints, eight_d_reports as ed};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::eightd::EightDState;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = ed)]
pub struct EightDRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub name: String,
    pub state: EightDState,
    pub report_json: String,
    pub prefilled: String,
    pub review_comment: Option<String>,
    pub created_by: i64,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub approved_by: Option<i64>,
    pub approved_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = ed)]
pub struct NewEightD {
    pub org_id: i64,
    pub complaint_id: i64,
    pub name: String,
    pub state: EightDState,
    pub report_json: String,
    pub prefilled: String,
    pub created_by: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What a save or a step changes.
#[derive(AsChangeset, Default)]
#[diesel(table_name = ed)]
pub struct EightDChanges {
    pub state: Option<EightDState>,
    pub report_json: Option<String>,
    pub prefilled: Option<String>,
    pub review_comment: Option<Option<String>>,
    pub submitted_by: Option<Option<i64>>,
    pub submitted_at: Option<Option<NaiveDateTime>>,
    pub approved_by: Option<Option<i64>>,
    pub approved_at: Option<Option<NaiveDateTime>>,
}

pub fn insert(conn: &mut DbConn, new: &NewEightD) -> DbResult<EightDRow> {
    Ok(diesel::insert_into(ed::table).values(new).returning(ed::all_columns).get_result(conn)?)
}

pub fn of_complaint(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Option<EightDRow>> {
    Ok(ed::table.filter(ed::org_id.eq(org_id).and(ed::complaint_id.eq(complaint_id))).select(EightDRow::as_select()).first(conn).optional()?)
}

/// Applies the changes if the report is still at `version`.
pub fn update(conn: &mut DbConn, id: i64, version: i64, ch: &EightDChanges, now: NaiveDateTime) -> DbResult<Option<EightDRow>> {
    Ok(diesel::update(ed::table.filter(ed::id.eq(id).and(ed::version.eq(version))))
        .set((ch, ed::version.eq(version + 1), ed::updated_at.eq(now)))
        .returning(ed::all_columns)
        .get_result(conn)
        .optional()?)
}

/// The complaint's copy of its report's state (and whether it needs one);
/// a new version of the complaint, so that a racing close sees it.
pub fn mark_case(conn: &mut DbConn, complaint_id: i64, state: EightDState, required: bool, now: NaiveDateTime) -> DbResult<ComplaintRow> {
    Ok(diesel::update(complaints::table.find(complaint_id))
        .set((
            complaints::eight_d_state.eq(Some(state)),
            complaints::eight_d_required.eq(required),
            complaints::version.eq(complaints::version + 1),
            complaints::updated_at.eq(now),
        ))
        .returning(complaints::all_columns)
        .get_result(conn)?)
}

/// The cases whose report is in `state`, that the caller may read, newest first.
pub fn cases_in(conn: &mut DbConn, org_id: i64, scope: &ComplaintScope, state: EightDState, limit: i64) -> DbResult<Vec<(ComplaintRow, EightDRow)>> {
    let q = complaints::table.select(ComplaintRow::as_select()).into_boxed();
    let cases: Vec<ComplaintRow> = visible(q, scope)
        .filter(complaints::org_id.eq(org_id).and(complaints::eight_d_state.eq(Some(state))))
        .order(complaints::id.desc())
        .limit(limit)
        .load(conn)?;
    let ids: Vec<i64> = cases.iter().map(|c| c.id).collect();
    let mut reports: Vec<EightDRow> = ed::table.filter(ed::complaint_id.eq_any(&ids)).select(EightDRow::as_select()).load(conn)?;
    Ok(cases
        .into_iter()
        .filter_map(|c| {
            let at = reports.iter().position(|r| r.complaint_id == c.id)?;
            Some((c, reports.swap_remove(at)))
        })
        .collect())
}

/// Registered cases of `product` filed in `filed` other than `except`,
/// that the caller may read, newest first.
pub fn earlier_of_product(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    product: &str,
    filed: std::ops::Range<NaiveDateTime>,
    except: i64,
    limit: i64,
) -> DbResult<Vec<ComplaintRow>> {
    let q = complaints::table.select(ComplaintRow::as_select()).into_boxed();
    Ok(visible(q, scope)
        .filter(complaints::org_id.eq(org_id).and(complaints::product_number.eq(product)))
        .filter(complaints::created_at.ge(filed.start).and(complaints::created_at.lt(filed.end)))
        .filter(complaints::id.ne(except).and(complaints::number.is_not_null()))
        .order(complaints::created_at.desc())
        .limit(limit)
        .load(conn)?)
}
