//! Customer visits (回访) and who went.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{visit_participants, visits};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::care::VisitMethod;
use kehu_domain::visit::{VisitPlan, VisitRecord, VisitStatus};
use kehu_domain::Money;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = visits)]
pub struct Visit {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub planned_by: i64,
    pub planned_on: NaiveDate,
    pub purpose: String,
    pub content: Option<String>,
    pub method: VisitMethod,
    pub status: VisitStatus,
    pub visited_on: Option<NaiveDate>,
    pub record: Option<String>,
    pub recorded_by: Option<i64>,
    pub recorded_at: Option<NaiveDateTime>,
    pub report: Option<String>,
    pub reported_at: Option<NaiveDateTime>,
    pub report_due_on: Option<NaiveDate>,
    pub expense_fen: Option<i64>,
    pub expense_note: Option<String>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub review_comment: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
}

/// Plans a visit.
pub fn insert_visit(conn: &mut DbConn, org_id: i64, plan: &VisitPlan, by: i64, now: NaiveDateTime) -> DbResult<Visit> {
    Ok(diesel::insert_into(visits::table)
        .values((
            visits::org_id.eq(org_id),
            visits::customer_id.eq(plan.customer_id),
            visits::planned_by.eq(by),
            visits::planned_on.eq(plan.planned_on),
            visits::purpose.eq(&plan.purpose),
            visits::content.eq(&plan.content),
            visits::method.eq(plan.method),
            visits::status.eq(VisitStatus::Planned),
            visits::created_at.eq(now),
        ))
        .returning(visits::all_columns)
        .get_result(conn)?)
}

pub fn visit(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Visit> {
    Ok(visits::table.filter(visits::org_id.eq(org_id)).find(id).select(Visit::as_select()).first(conn)?)
}

/// What a step writes on the visit.
#[derive(AsChangeset, Default)]
#[diesel(table_name = visits)]
struct StepChanges<'a> {
    status: Option<VisitStatus>,
    visited_on: Option<NaiveDate>,
    record: Option<&'a str>,
    recorded_by: Option<i64>,
    recorded_at: Option<NaiveDateTime>,
    report_due_on: Option<NaiveDate>,
    expense_fen: Option<Option<i64>>,
    expense_note: Option<Option<&'a str>>,
    report: Option<&'a str>,
    reported_at: Option<NaiveDateTime>,
    reviewed_by: Option<i64>,
    reviewed_at: Option<NaiveDateTime>,
    review_comment: Option<&'a str>,
}

fn step(conn: &mut DbConn, id: i64, version: i64, ch: &StepChanges) -> DbResult<Option<Visit>> {
    let target = visits::table.filter(visits::id.eq(id).and(visits::version.eq(version)));
    Ok(diesel::update(target).set((ch, visits::version.eq(visits::version + 1))).returning(visits::all_columns).get_result(conn).optional()?)
}

/// Records the visit at `version` (who went is set apart); `None` when
/// another writer got there first.
pub fn record_visit(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    r: &VisitRecord,
    report_due_on: NaiveDate,
    by: i64,
    now: NaiveDateTime,
) -> DbResult<Option<Visit>> {
    let ch = StepChanges {
        status: Some(VisitStatus::Recorded),
        visited_on: Some(r.visited_on),
        record: Some(&r.record),
        recorded_by: Some(by),
        recorded_at: Some(now),
        report_due_on: Some(report_due_on),
        expense_fen: Some(r.expense.map(Money::fen)),
        expense_note: Some(r.expense_note.as_deref()),
        ..Default::default()
    };
    step(conn, id, version, &ch)
}

pub fn report_visit(conn: &mut DbConn, id: i64, version: i64, report: &str, now: NaiveDateTime) -> DbResult<Option<Visit>> {
    step(conn, id, version, &StepChanges { status: Some(VisitStatus::Reported), report: Some(report), reported_at: Some(now), ..Default::default() })
}

pub fn review_visit(conn: &mut DbConn, id: i64, version: i64, comment: &str, by: i64, now: NaiveDateTime) -> DbResult<Option<Visit>> {
    let ch =
        StepChanges { status: Some(VisitStatus::Reviewed), reviewed_by: Some(by), reviewed_at: Some(now), review_comment: Some(comment), ..Default::default() };
    step(conn, id, version, &ch)
}

#[derive(Default)]
pub struct VisitFilter {
    pub customer_id: Option<i64>,
    pub customer_ids: Option<Vec<i64>>,
    pub status: Option<VisitStatus>,
    pub participant: Option<i64>,
}

pub fn visits_page(conn: &mut DbConn, org_id: i64, f: &VisitFilter, limit: i64) -> DbResult<Vec<Visit>> {
    let Some(ids) = &f.customer_ids else { return visits_page_of(conn, org_id, f, None, limit) };
    let mut all = crate::by_chunks(ids, |chunk| visits_page_of(conn, org_id, f, Some(chunk), limit))?;
    all.sort_by_key(|v| std::cmp::Reverse((v.planned_on, v.id)));
    all.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(all)
}

fn visits_page_of(conn: &mut DbConn, org_id: i64, f: &VisitFilter, customer_ids: Option<&[i64]>, limit: i64) -> DbResult<Vec<Visit>> {
    let mut q = visits::table.filter(visits::org_id.eq(org_id)).select(Visit::as_select()).into_boxed();
    if let Some(c) = f.customer_id {
        q = q.filter(visits::customer_id.eq(c));
    }
    if let Some(ids) = customer_ids {
        q = q.filter(visits::customer_id.eq_any(ids.to_vec()));
    }
    if let Some(s) = f.status {
        q = q.filter(visits::status.eq(s));
    }
    if let Some(u) = f.participant {
        q = q.filter(
            visits::planned_by
                .eq(u)
                .or(visits::id.eq_any(visit_participants::table.filter(visit_participants::user_id.eq(u)).select(visit_participants::visit_id))),
        );
    }
    Ok(q.order((visits::planned_on.desc(), visits::id.desc())).limit(limit).load(conn)?)
}

/// Visits that took place (recorded or later) of these customers since `from`.
pub fn done_visits(conn: &mut DbConn, customer_ids: &[i64], from: NaiveDate) -> DbResult<Vec<Visit>> {
    crate::by_chunks(customer_ids, |ids| {
        Ok(visits::table
            .filter(visits::customer_id.eq_any(ids))
            .filter(visits::status.ne(VisitStatus::Planned))
            .filter(visits::visited_on.ge(from))
            .select(Visit::as_select())
            .load(conn)?)
    })
}

pub fn count_done_visits(conn: &mut DbConn, customer_id: i64) -> DbResult<i64> {
    Ok(visits::table.filter(visits::customer_id.eq(customer_id)).filter(visits::status.ne(VisitStatus::Planned)).count().get_result(conn)?)
}

pub fn participants(conn: &mut DbConn, visit_ids: &[i64]) -> DbResult<Vec<(i64, i64)>> {
    Ok(visit_participants::table
        .filter(visit_participants::visit_id.eq_any(visit_ids))
        .order((visit_participants::visit_id, visit_participants::user_id))
        .select((visit_participants::visit_id, visit_participants::user_id))
        .load(conn)?)
}

pub fn set_participants(conn: &mut DbConn, visit_id: i64, users: &[i64]) -> DbResult<()> {
    diesel::delete(visit_participants::table.filter(visit_participants::visit_id.eq(visit_id))).execute(conn)?;
    for u in users {
        diesel::insert_into(visit_participants::table).values((visit_participants::visit_id.eq(visit_id), visit_participants::user_id.eq(*u))).execute(conn)?;
    }
    Ok(())
}

/// Open plans of a leaver move to the receiver.
pub fn move_visit_plans(conn: &mut DbConn, from: i64, to: i64) -> DbResult<usize> {
    Ok(diesel::update(visits::table.filter(visits::planned_by.eq(from).and(visits::status.eq(VisitStatus::Planned))))
        .set((visits::planned_by.eq(to), visits::version.eq(visits::version + 1)))
        .execute(conn)?)
}

pub fn open_visit_plans_of(conn: &mut DbConn, user_id: i64) -> DbResult<Vec<Visit>> {
    Ok(visits::table.filter(visits::planned_by.eq(user_id).and(visits::status.eq(VisitStatus::Planned))).select(Visit::as_select()).load(conn)?)
}
