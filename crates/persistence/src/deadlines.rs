//! The step clock of the documents after a return's approval (return note,
//! goods' handling, allowance certificate): one row per document, its
//! current step's deadline; an overdue one is reminded once.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::document_deadlines as dd;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::returns::Document;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = dd)]
pub struct Deadline {
    pub id: i64,
    pub org_id: i64,
    pub document: Document,
    pub document_id: i64,
    pub step: String,
    pub entered_at: NaiveDateTime,
    pub due_at: NaiveDateTime,
    pub reminded_at: Option<NaiveDateTime>,
    pub extended_at: Option<NaiveDateTime>,
    pub extension_reason: Option<String>,
}

/// The document's clock restarts at `step`: due at `due_at`, not reminded.
pub fn start(
    conn: &mut DbConn,
    org_id: i64,
    document: Document,
    document_id: i64,
    step: &str,
    entered_at: NaiveDateTime,
    due_at: NaiveDateTime,
) -> DbResult<()> {
    stop(conn, document, document_id)?;
    diesel::insert_into(dd::table)
        .values((
            dd::org_id.eq(org_id),
            dd::document.eq(document),
            dd::document_id.eq(document_id),
            dd::step.eq(step),
            dd::entered_at.eq(entered_at),
            dd::due_at.eq(due_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The document left every department's hands (done, booked, withdrawn).
pub fn stop(conn: &mut DbConn, document: Document, document_id: i64) -> DbResult<()> {
    diesel::delete(dd::table.filter(dd::document.eq(document).and(dd::document_id.eq(document_id)))).execute(conn)?;
    Ok(())
}

pub fn of(conn: &mut DbConn, document: Document, document_id: i64) -> DbResult<Option<Deadline>> {
    Ok(dd::table.filter(dd::document.eq(document).and(dd::document_id.eq(document_id))).select(Deadline::as_select()).first(conn).optional()?)
}

/// Steps past their deadline that got no reminder yet, the oldest first.
pub fn overdue_unreminded(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> DbResult<Vec<Deadline>> {
    Ok(dd::table.filter(dd::reminded_at.is_null().and(dd::due_at.lt(now))).order(dd::due_at).limit(limit).select(Deadline::as_select()).load(conn)?)
}

/// Claims the reminder of one overdue step; only one claimant wins, and
/// none once the step moved on.
pub fn claim(conn: &mut DbConn, id: i64, entered_at: NaiveDateTime, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(dd::table.filter(dd::id.eq(id).and(dd::reminded_at.is_null()).and(dd::entered_at.eq(entered_at))))
        .set(dd::reminded_at.eq(now))
        .execute(conn)?;
    Ok(n == 1)
}

/// Moves the step's deadline to `due_at` once (the extension), and lets the
/// new deadline be reminded again; false if another extension won.
pub fn extend(conn: &mut DbConn, id: i64, due_at: NaiveDateTime, reason: &str, now: NaiveDateTime) -> DbResult<bool> {
    let n = diesel::update(dd::table.filter(dd::id.eq(id).and(dd::extended_at.is_null())))
        .set((dd::due_at.eq(due_at), dd::extended_at.eq(now), dd::extension_reason.eq(reason), dd::reminded_at.eq(None::<NaiveDateTime>)))
        .execute(conn)?;
    Ok(n == 1)
}
