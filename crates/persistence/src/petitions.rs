//! Petitions (签呈) on complaints, and the case sent back by a decision.

use crate::complaint_lists::{visible, ComplaintScope};
use crate::complaints::ComplaintRow;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{complaints, petitions as pt};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::petition::PetitionState;
use kehu_domain::State;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = pt)]
pub struct PetitionRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub department_id: i64,
    pub state: PetitionState,
    pub subject: String,
    pub content: String,
    pub return_to: Option<State>,
    pub raised_by: i64,
    pub raised_at: NaiveDateTime,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision: Option<String>,
    pub returned_to: Option<State>,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = pt)]
pub struct NewPetition {
    pub org_id: i64,
    pub complaint_id: i64,
    pub department_id: i64,
    pub state: PetitionState,
    pub subject: String,
    pub content: String,
    pub return_to: Option<State>,
    pub raised_by: i64,
    pub raised_at: NaiveDateTime,
}

/// Inserts a petition; None when one of the same department waits already
/// (the partial unique index admits one per case and department).
pub fn insert(conn: &mut DbConn, new: &NewPetition) -> DbResult<Option<PetitionRow>> {
    match diesel::insert_into(pt::table).values(new).returning(pt::all_columns).get_result(conn) {
        Ok(row) => Ok(Some(row)),
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A case's petitions, newest first.
pub fn of_complaint(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Vec<PetitionRow>> {
    Ok(pt::table.filter(pt::org_id.eq(org_id).and(pt::complaint_id.eq(complaint_id))).order(pt::id.desc()).select(PetitionRow::as_select()).load(conn)?)
}

/// Whether a petition on the case waits for the general manager.
pub fn any_pending(conn: &mut DbConn, complaint_id: i64) -> DbResult<bool> {
    let n: i64 = pt::table.filter(pt::complaint_id.eq(complaint_id).and(pt::state.eq(PetitionState::Pending))).count().get_result(conn)?;
    Ok(n > 0)
}

/// Records a decision or a withdrawal if the petition is still at `version`.
pub struct Settle {
    pub state: PetitionState,
    pub by: i64,
    pub decision: Option<String>,
    pub returned_to: Option<State>,
    pub at: NaiveDateTime,
}

pub fn settle(conn: &mut DbConn, id: i64, version: i64, s: Settle) -> DbResult<Option<PetitionRow>> {
    Ok(diesel::update(pt::table.filter(pt::id.eq(id).and(pt::version.eq(version))))
        .set((
            pt::state.eq(s.state),
            pt::decided_by.eq(Some(s.by)),
            pt::decided_at.eq(Some(s.at)),
            pt::decision.eq(s.decision),
            pt::returned_to.eq(s.returned_to),
            pt::version.eq(version + 1),
        ))
        .returning(pt::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Petitions in `state` of the cases the caller may read, oldest first; a
/// petition still pending when its case closed is no longer for deciding.
pub fn in_state(conn: &mut DbConn, org_id: i64, scope: &ComplaintScope, state: PetitionState, limit: i64) -> DbResult<Vec<(PetitionRow, ComplaintRow)>> {
    let rows: Vec<PetitionRow> =
        pt::table.filter(pt::org_id.eq(org_id).and(pt::state.eq(state))).order(pt::id.asc()).limit(limit).select(PetitionRow::as_select()).load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.complaint_id).collect();
    let mut q = visible(complaints::table.select(ComplaintRow::as_select()).into_boxed(), scope).filter(complaints::id.eq_any(ids));
    if state == PetitionState::Pending {
        q = q.filter(complaints::state.ne(State::Closed));
    }
    let cases: Vec<ComplaintRow> = q.load(conn)?;
    Ok(rows.into_iter().filter_map(|r| cases.iter().find(|c| c.id == r.complaint_id).cloned().map(|c| (r, c))).collect())
}
