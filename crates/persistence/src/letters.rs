//! The letters that chase a case: reminders (催办单) and late-close
//! inquiries (洽办单), numbered, the inquiries answered once.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::case_letters as cl;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::letter::{LetterClock, LetterKind};
use kehu_domain::State;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = cl)]
pub struct LetterRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub kind: LetterKind,
    pub number: String,
    pub clock: LetterClock,
    pub level: i32,
    pub step: State,
    pub department_id: Option<i64>,
    pub due_at: NaiveDateTime,
    pub late_at: NaiveDateTime,
    pub issued_by: Option<i64>,
    pub issued_at: NaiveDateTime,
    pub answer: Option<String>,
    pub answered_by: Option<i64>,
    pub answered_at: Option<NaiveDateTime>,
    pub version: i64,
}

#[derive(Insertable, Clone, Debug)]
#[diesel(table_name = cl)]
pub struct NewLetter {
    pub org_id: i64,
    pub complaint_id: i64,
    pub kind: LetterKind,
    pub number: String,
    pub clock: LetterClock,
    pub level: i32,
    pub step: State,
    pub department_id: Option<i64>,
    pub due_at: NaiveDateTime,
    pub late_at: NaiveDateTime,
    pub issued_by: Option<i64>,
    pub issued_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewLetter) -> DbResult<LetterRow> {
    Ok(diesel::insert_into(cl::table).values(new).returning(cl::all_columns).get_result(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Option<LetterRow>> {
    Ok(cl::table.filter(cl::org_id.eq(org_id).and(cl::id.eq(id))).select(LetterRow::as_select()).first(conn).optional()?)
}

/// A case's letters, oldest first.
pub fn of_complaint(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Vec<LetterRow>> {
    Ok(cl::table.filter(cl::org_id.eq(org_id).and(cl::complaint_id.eq(complaint_id))).order(cl::id).select(LetterRow::as_select()).load(conn)?)
}

/// Records the answer if the letter is still unanswered at `version`.
pub fn answer(conn: &mut DbConn, id: i64, version: i64, answer: &str, by: i64, at: NaiveDateTime) -> DbResult<Option<LetterRow>> {
    Ok(diesel::update(cl::table.filter(cl::id.eq(id).and(cl::version.eq(version)).and(cl::answered_at.is_null())))
        .set((cl::answer.eq(answer), cl::answered_by.eq(by), cl::answered_at.eq(at), cl::version.eq(cl::version + 1)))
        .returning(cl::all_columns)
        .get_result(conn)
        .optional()?)
}

/// For the demo: the step entered by `entered_by` of the case fell due at
/// `step_due`, and the whole case at `case_due`, so that closing it late
/// sends the late-close inquiry.
pub fn demo_overrun(
    conn: &mut DbConn,
    complaint_id: i64,
    entered_by: kehu_domain::workflow::EventAction,
    step_due: NaiveDateTime,
    case_due: NaiveDateTime,
) -> DbResult<()> {
    use crate::schema::{complaint_events as ce, complaints};
    diesel::update(ce::table.filter(ce::complaint_id.eq(complaint_id).and(ce::action.eq(entered_by)))).set(ce::step_due_at.eq(step_due)).execute(conn)?;
    diesel::update(complaints::table.find(complaint_id)).set(complaints::case_due_at.eq(case_due)).execute(conn)?;
    Ok(())
}

/// For the demo: the case's current step fell due at `due`.
pub fn demo_overdue(conn: &mut DbConn, complaint_id: i64, due: NaiveDateTime) -> DbResult<()> {
    use crate::schema::complaints;
    diesel::update(complaints::table.find(complaint_id)).set(complaints::step_due_at.eq(due)).execute(conn)?;
    Ok(())
}
