//! The customer's contacts on a case: the first reply and the close
//! confirmation, opened by the action that starts their clock, recorded
//! once, reminded once when late.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{case_contacts as cc, complaints};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::contact::{ContactKind, ContactMethod};
use kehu_domain::State;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = cc)]
pub struct ContactRow {
    pub id: i64,
    pub org_id: i64,
    pub complaint_id: i64,
    pub kind: ContactKind,
    pub opened_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
    pub contacted_at: Option<NaiveDateTime>,
    pub method: Option<ContactMethod>,
    pub summary: Option<String>,
    pub promised_on: Option<NaiveDate>,
    pub confirmed: Option<bool>,
    pub survey_id: Option<i64>,
    pub recorded_by: Option<i64>,
    pub recorded_at: Option<NaiveDateTime>,
    pub reminded_at: Option<NaiveDateTime>,
    pub version: i64,
}

/// What sales recorded.
pub struct Recorded<'a> {
    pub contacted_at: NaiveDateTime,
    pub method: ContactMethod,
    pub summary: &'a str,
    pub promised_on: Option<NaiveDate>,
    pub confirmed: Option<bool>,
    pub by: i64,
    pub at: NaiveDateTime,
}

/// Opens the contact `kind` of a case, due at `due_at`; a contact already
/// open stays as it is (a case registered or closed once keeps its clock).
pub fn open(conn: &mut DbConn, org_id: i64, complaint_id: i64, kind: ContactKind, opened_at: NaiveDateTime, due_at: NaiveDateTime) -> DbResult<()> {
    let exists = diesel::select(diesel::dsl::exists(cc::table.filter(cc::complaint_id.eq(complaint_id).and(cc::kind.eq(kind))))).get_result::<bool>(conn)?;
    if !exists {
        diesel::insert_into(cc::table)
            .values((cc::org_id.eq(org_id), cc::complaint_id.eq(complaint_id), cc::kind.eq(kind), cc::opened_at.eq(opened_at), cc::due_at.eq(due_at)))
            .execute(conn)?;
    }
    Ok(())
}

/// A case's contacts, first reply first.
pub fn of_complaint(conn: &mut DbConn, complaint_id: i64) -> DbResult<Vec<ContactRow>> {
    Ok(cc::table.filter(cc::complaint_id.eq(complaint_id)).order(cc::id).select(ContactRow::as_select()).load(conn)?)
}

pub fn get(conn: &mut DbConn, complaint_id: i64, kind: ContactKind) -> DbResult<Option<ContactRow>> {
    Ok(cc::table.filter(cc::complaint_id.eq(complaint_id).and(cc::kind.eq(kind))).select(ContactRow::as_select()).first(conn).optional()?)
}

/// Records the contact if it is still unrecorded at `version`.
pub fn record(conn: &mut DbConn, id: i64, version: i64, r: &Recorded) -> DbResult<Option<ContactRow>> {
    Ok(diesel::update(cc::table.filter(cc::id.eq(id).and(cc::version.eq(version)).and(cc::contacted_at.is_null())))
        .set((
            cc::contacted_at.eq(r.contacted_at),
            cc::method.eq(r.method),
            cc::summary.eq(r.summary),
            cc::promised_on.eq(r.promised_on),
            cc::confirmed.eq(r.confirmed),
            cc::recorded_by.eq(r.by),
            cc::recorded_at.eq(r.at),
            cc::version.eq(cc::version + 1),
        ))
        .returning(cc::all_columns)
        .get_result(conn)
        .optional()?)
}

/// Names the survey sent with the contact.
pub fn set_survey(conn: &mut DbConn, id: i64, survey_id: i64) -> DbResult<ContactRow> {
    Ok(diesel::update(cc::table.find(id)).set((cc::survey_id.eq(survey_id), cc::version.eq(cc::version + 1))).returning(cc::all_columns).get_result(conn)?)
}

/// Contacts past their deadline at `now`, neither made nor reminded, earliest
/// first; a first reply no longer matters once its case closed.
pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> DbResult<Vec<ContactRow>> {
    Ok(cc::table
        .inner_join(complaints::table)
        .filter(cc::contacted_at.is_null().and(cc::reminded_at.is_null()).and(cc::due_at.lt(now)))
        .filter(cc::kind.eq(ContactKind::CloseConfirmation).or(complaints::state.ne(State::Closed)))
        .order(cc::due_at)
        .limit(limit)
        .select(ContactRow::as_select())
        .load(conn)?)
}

/// Claims the reminder of a late contact: false when it was made or
/// reminded since (another instance).
pub fn claim_reminder(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(cc::table.filter(cc::id.eq(id).and(cc::contacted_at.is_null()).and(cc::reminded_at.is_null())))
        .set(cc::reminded_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

/// For the demo: the contact fell due at `due`.
pub fn demo_due(conn: &mut DbConn, id: i64, due: NaiveDateTime) -> DbResult<()> {
    diesel::update(cc::table.find(id)).set(cc::due_at.eq(due)).execute(conn)?;
    Ok(())
}

/// For the demo: the first case filed for `product`.
pub fn demo_case(conn: &mut DbConn, org_id: i64, product: &str) -> DbResult<Option<i64>> {
    Ok(complaints::table
        .filter(complaints::org_id.eq(org_id).and(complaints::product_number.eq(product)))
        .order(complaints::id)
        .select(complaints::id)
        .first(conn)
        .optional()?)
}
