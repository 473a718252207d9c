//! A case's marks (human negligence, irrational) and the effectiveness
//! check of its corrective actions after the close.

use crate::complaint_lists::{visible, ComplaintScope};
use crate::complaints::ComplaintRow;
use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{case_marks as cm, complaints, effectiveness_checks as ec};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::improvement::{CheckState, IrrationalFollow, IrrationalLevel};

#[derive(Queryable, Selectable, Insertable, AsChangeset, Clone, Debug, Default)]
#[diesel(table_name = cm, treat_none_as_null = true)]
pub struct MarksRow {
    pub complaint_id: i64,
    pub org_id: i64,
    pub negligence_reason: Option<String>,
    pub negligence_by: Option<i64>,
    pub negligence_at: Option<NaiveDateTime>,
    pub irrational_level: Option<IrrationalLevel>,
    pub irrational_follow: Option<IrrationalFollow>,
    pub irrational_reason: Option<String>,
    pub irrational_by: Option<i64>,
    pub irrational_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

pub fn marks_of(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Option<MarksRow>> {
    Ok(cm::table.filter(cm::org_id.eq(org_id).and(cm::complaint_id.eq(complaint_id))).select(MarksRow::as_select()).first(conn).optional()?)
}

/// Writes the marks if they are still at `version` (0: none yet); the
/// saved row, or None when another writer came first.
pub fn save_marks(conn: &mut DbConn, marks: &MarksRow, version: i64) -> DbResult<Option<MarksRow>> {
    let row = MarksRow { version: version + 1, ..marks.clone() };
    if version == 0 {
        // A racing first writer wins the key; the loser answers as stale.
        return match diesel::insert_into(cm::table).values(&row).execute(conn) {
            Ok(_) => Ok(Some(row)),
            Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => Ok(None),
            Err(e) => Err(e.into()),
        };
    }
    Ok(diesel::update(cm::table.filter(cm::complaint_id.eq(marks.complaint_id).and(cm::version.eq(version))))
        .set(&row)
        .returning(cm::all_columns)
        .get_result(conn)
        .optional()?)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = ec)]
pub struct CheckRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub state: CheckState,
    pub due_on: NaiveDate,
    pub actions: String,
    pub works: Option<bool>,
    pub no_new_problem: Option<bool>,
    pub prevents_recurrence: Option<bool>,
    pub evidence: Option<String>,
    pub checked_by: Option<i64>,
    pub checked_at: Option<NaiveDateTime>,
    pub follow_up_id: Option<i64>,
    pub reminded_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub version: i64,
}

#[derive(Insertable)]
#[diesel(table_name = ec)]
pub struct NewCheck {
    pub org_id: i64,
    pub complaint_id: i64,
    pub state: CheckState,
    pub due_on: NaiveDate,
    pub actions: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What recording a result changes.
#[derive(AsChangeset)]
#[diesel(table_name = ec)]
pub struct CheckResultRow {
    pub state: CheckState,
    pub works: Option<bool>,
    pub no_new_problem: Option<bool>,
    pub prevents_recurrence: Option<bool>,
    pub evidence: Option<String>,
    pub checked_by: Option<i64>,
    pub checked_at: Option<NaiveDateTime>,
    pub follow_up_id: Option<i64>,
}

pub fn schedule(conn: &mut DbConn, new: &NewCheck) -> DbResult<CheckRow> {
    Ok(diesel::insert_into(ec::table).values(new).returning(ec::all_columns).get_result(conn)?)
}

pub fn check_of(conn: &mut DbConn, org_id: i64, complaint_id: i64) -> DbResult<Option<CheckRow>> {
    Ok(ec::table.filter(ec::org_id.eq(org_id).and(ec::complaint_id.eq(complaint_id))).select(CheckRow::as_select()).first(conn).optional()?)
}

/// The check whose failure raised `follow_up_id`, if one did.
pub fn raised(conn: &mut DbConn, org_id: i64, follow_up_id: i64) -> DbResult<Option<CheckRow>> {
    Ok(ec::table.filter(ec::org_id.eq(org_id).and(ec::follow_up_id.eq(follow_up_id))).select(CheckRow::as_select()).first(conn).optional()?)
}

/// Records the result if the check is still at `version`.
pub fn record(conn: &mut DbConn, id: i64, version: i64, r: &CheckResultRow, now: NaiveDateTime) -> DbResult<Option<CheckRow>> {
    Ok(diesel::update(ec::table.filter(ec::id.eq(id).and(ec::version.eq(version))))
        .set((r, ec::version.eq(version + 1), ec::updated_at.eq(now)))
        .returning(ec::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Checks in `state` (due by `due_by` when given) of the cases the caller
/// may read, the earliest due first: the checks a batch at a time, each
/// batch kept to the cases the read rule admits.
pub fn checks_in(
    conn: &mut DbConn,
    org_id: i64,
    scope: &ComplaintScope,
    state: CheckState,
    due_by: Option<NaiveDate>,
    limit: usize,
) -> DbResult<Vec<(CheckRow, ComplaintRow)>> {
    const BATCH: i64 = 200;
    let mut out = Vec::new();
    let mut after: Option<(NaiveDate, i64)> = None;
    loop {
        let mut q = ec::table.filter(ec::org_id.eq(org_id).and(ec::state.eq(state))).select(CheckRow::as_select()).into_boxed();
        if let Some(d) = due_by {
            q = q.filter(ec::due_on.le(d));
        }
        if let Some((d, id)) = after {
            q = q.filter(ec::due_on.gt(d).or(ec::due_on.eq(d).and(ec::id.gt(id))));
        }
        let checks: Vec<CheckRow> = q.order((ec::due_on.asc(), ec::id.asc())).limit(BATCH).load(conn)?;
        let Some(last) = checks.last() else { return Ok(out) };
        after = Some((last.due_on, last.id));
        let ids: Vec<i64> = checks.iter().map(|c| c.complaint_id).collect();
        let cases: Vec<ComplaintRow> =
            visible(complaints::table.select(ComplaintRow::as_select()).into_boxed(), scope).filter(complaints::id.eq_any(ids)).load(conn)?;
        let fetched = checks.len();
        for c in checks {
            if let Some(case) = cases.iter().find(|k| k.id == c.complaint_id) {
                out.push((c, case.clone()));
                if out.len() == limit {
                    return Ok(out);
                }
            }
        }
        if fetched < BATCH as usize {
            return Ok(out);
        }
    }
}

/// Scheduled checks past their date that nobody was reminded of yet.
pub fn due_unreminded(conn: &mut DbConn, today: NaiveDate, limit: i64) -> DbResult<Vec<CheckRow>> {
    Ok(ec::table
        .filter(ec::state.eq(CheckState::Scheduled).and(ec::due_on.le(today)).and(ec::reminded_at.is_null()))
        .order(ec::id)
        .limit(limit)
        .select(CheckRow::as_select())
        .load(conn)?)
}

/// Claims the reminder of a due check; only one instance wins it.
pub fn claim_reminder(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<bool> {
    Ok(diesel::update(ec::table.filter(ec::id.eq(id).and(ec::reminded_at.is_null()))).set(ec::reminded_at.eq(now)).execute(conn)? == 1)
}
