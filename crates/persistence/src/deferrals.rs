//! Deferred-closure requests (暂缓关闭) of complaints, and the case's
//! deadlines they move.

use crate::complaint_lists::{visible, ComplaintScope};
use crate::complaints::ComplaintRow;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{closure_deferrals as cd, complaints};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::improvement::{DeferralState, IrrationalFollow};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = cd)]
pub struct DeferralRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub state: DeferralState,
    pub reason: String,
    pub follow: IrrationalFollow,
    pub until_on: NaiveDate,
    pub requested_by: i64,
    pub requested_at: NaiveDateTime,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub comment: Option<String>,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = cd)]
pub struct NewDeferral {
    pub org_id: i64,
    pub complaint_id: i64,
    pub state: DeferralState,
    pub reason: String,
    pub follow: IrrationalFollow,
    pub until_on: NaiveDate,
    pub requested_by: i64,
    pub requested_at: NaiveDateTime,
}

/// Inserts a request; None when another one waits already (the partial
/// unique index admits one per case).
pub fn insert(conn: &mut DbConn, new: &NewDeferral) -> DbResult<Option<DeferralRow>> {
    match diesel::insert_into(cd::table).values(new).returning(cd::all_columns).get_result(conn) {
        Ok(row) => Ok(Some(row)),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A case's requests, newest first.
pub fn of_complaint(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Vec<DeferralRow>> {
    Ok(cd::table.filter(cd::org_id.eq(org_id).and(cd::complaint_id.eq(complaint_id))).order(cd::id.desc()).select(DeferralRow::as_select()).load(conn)?)
}

/// Records the decision if the request is still at `version`.
pub fn decide(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    state: DeferralState,
    by: i64,
    comment: Option<String>,
    now: NaiveDateTime,
) -> DbResult<Option<DeferralRow>> {
    Ok(diesel::update(cd::table.filter(cd::id.eq(id).and(cd::version.eq(version))))
        .set((cd::state.eq(state), cd::decided_by.eq(Some(by)), cd::decided_at.eq(Some(now)), cd::comment.eq(comment), cd::version.eq(version + 1)))
        .returning(cd::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Requests in `state` of the cases the caller may read, oldest first; a
/// request still waiting when its case closed is no longer for deciding.
pub fn in_state(conn: &mut DbConn, org_id: i64, scope: &ComplaintScope, state: DeferralState, limit: i64) -> DbResult<Vec<(DeferralRow, ComplaintRow)>> {
    let rows: Vec<DeferralRow> =
        cd::table.filter(cd::org_id.eq(org_id).and(cd::state.eq(state))).order(cd::id.asc()).limit(limit).select(DeferralRow::as_select()).load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.complaint_id).collect();
    let mut q = visible(complaints::table.select(ComplaintRow::as_select()).into_boxed(), scope).filter(complaints::id.eq_any(ids));
    if state == DeferralState::Requested {
        q = q.filter(complaints::state.ne(kehu_domain::State::Closed));
    }
    let cases: Vec<ComplaintRow> = q.load(conn)?;
    Ok(rows.into_iter().filter_map(|r| cases.iter().find(|c| c.id == r.complaint_id).cloned().map(|c| (r, c))).collect())
}

/// The approved deferral's deadline becomes the step's and the case's, as a
/// new version of the case; the step is reminded again once it passes.
pub fn defer_case(conn: &mut DbConn, complaint_id: i64, due: NaiveDateTime, now: NaiveDateTime) -> DbResult<ComplaintRow> {
    Ok(diesel::update(complaints::table.find(complaint_id))
        .set((
            complaints::step_due_at.eq(Some(due)),
            complaints::case_due_at.eq(Some(due)),
            complaints::reminded_at.eq(None::<NaiveDateTime>),
            complaints::version.eq(complaints::version + 1),
            complaints::updated_at.eq(now),
        ))
        .returning(complaints::all_columns)
        .get_result(conn)?)
}
