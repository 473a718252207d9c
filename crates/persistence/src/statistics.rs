//! The facts the complaint statistics are computed from: the cases closed in
//! a period, their resolution lines and responsibility shares.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{case_marks, complaint_responsibilities, complaints, resolution_lines};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::improvement::IrrationalLevel;
use kehu_domain::intake::{ComplaintKind, NonQualityCause, Severity};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::statistics::{ClosedCase, LineFact, ShareFact};
use kehu_domain::weekly::NewCase;
use kehu_domain::Closure;

type CaseRow = (
    i64,
    i64,
    Option<String>,
    Option<ComplaintKind>,
    Option<Severity>,
    Option<Closure>,
    Option<bool>,
    Option<NonQualityCause>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

/// QA's cause for a quality case (from its findings), the coded cause otherwise.
fn cause(kind: Option<ComplaintKind>, non_quality: Option<NonQualityCause>, investigation: Option<String>) -> Option<String> {
    if kind == Some(ComplaintKind::NonQuality) {
        return non_quality.map(|c| c.as_str().to_owned());
    }
    let findings: serde_json::Value = serde_json::from_str(investigation.as_deref()?).ok()?;
    findings.get("cause")?.as_str().map(str::to_owned)
}

macro_rules! closed_in {
    ($org_id:expr, $from:expr, $to:expr) => {
        complaints::table
            .filter(complaints::org_id.eq($org_id))
            .filter(complaints::closed_at.ge($from).and(complaints::closed_at.lt($to)))
            .filter(complaints::state.eq(kehu_domain::State::Closed))
    };
}

/// Cases of company `org_id` closed in `[from, to)`, with their resolution
/// lines and responsibility shares.
pub fn closed_between(conn: &mut DbConn, org_id: i64, from: NaiveDateTime, to: NaiveDateTime) -> DbResult<(Vec<ClosedCase>, Vec<LineFact>, Vec<ShareFact>)> {
    let cases = closed_cases_between(conn, org_id, from, to)?;
    let closed = closed_in!(org_id, from, to);
    let lines = resolution_lines::table
        .filter(resolution_lines::complaint_id.eq_any(closed.select(complaints::id)))
        .select((resolution_lines::complaint_id, resolution_lines::kind, resolution_lines::settlement_fen, resolution_lines::loss_fen))
        .load::<(i64, ResolutionKind, i64, i64)>(conn)?
        .into_iter()
        .map(|(complaint_id, kind, settlement_fen, loss_fen)| LineFact { complaint_id, kind, settlement_fen, loss_fen })
        .collect();
    let shares = complaint_responsibilities::table
        .filter(complaint_responsibilities::complaint_id.eq_any(closed.select(complaints::id)))
        .select((complaint_responsibilities::complaint_id, complaint_responsibilities::department_id, complaint_responsibilities::ratio_percent))
        .load::<(i64, i64, i32)>(conn)?
        .into_iter()
        .map(|(complaint_id, department_id, ratio_percent)| ShareFact { complaint_id, department_id, ratio_percent })
        .collect();
    Ok((cases, lines, shares))
}

/// Cases of company `org_id` closed in `[from, to)`, with their irrational marks.
pub fn closed_cases_between(conn: &mut DbConn, org_id: i64, from: NaiveDateTime, to: NaiveDateTime) -> DbResult<Vec<ClosedCase>> {
    let closed = closed_in!(org_id, from, to);
    let rows: Vec<CaseRow> = closed
        .select((
            complaints::id,
            complaints::customer_id,
            complaints::product_number,
            complaints::kind,
            complaints::severity,
            complaints::closure,
            complaints::first_closure,
            complaints::non_quality_cause,
            complaints::investigation,
            complaints::defective_quantity,
            complaints::settlement_total_fen,
            complaints::loss_total_fen,
            complaints::repeat_of_id,
        ))
        .load(conn)?;
    let irrational: std::collections::HashMap<i64, IrrationalLevel> = case_marks::table
        .filter(case_marks::complaint_id.eq_any(closed.select(complaints::id)).and(case_marks::irrational_level.is_not_null()))
        .select((case_marks::complaint_id, case_marks::irrational_level))
        .load::<(i64, Option<IrrationalLevel>)>(conn)?
        .into_iter()
        .filter_map(|(id, level)| Some((id, level?)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|(id, customer_id, product_number, kind, severity, closure, first, non_quality, investigation, defective, settlement, loss, repeat_of)| {
            ClosedCase {
                id,
                customer_id,
                product_number,
                cause: cause(kind, non_quality, investigation),
                kind,
                severity,
                closure,
                first_closure: first.unwrap_or(false),
                defective_quantity: defective.unwrap_or(0),
                settlement_fen: settlement.unwrap_or(0),
                loss_fen: loss.unwrap_or(0),
                repeat: repeat_of.is_some(),
                irrational: irrational.get(&id).copied(),
            }
        })
        .collect())
}

/// The kind and severity of each case of company `org_id` registered in `[from, to)`.
pub fn registered_between(conn: &mut DbConn, org_id: i64, from: NaiveDateTime, to: NaiveDateTime) -> DbResult<Vec<NewCase>> {
    Ok(complaints::table
        .filter(complaints::org_id.eq(org_id))
        .filter(complaints::registered_at.ge(from).and(complaints::registered_at.lt(to)))
        .select((complaints::kind, complaints::severity))
        .load::<(Option<ComplaintKind>, Option<Severity>)>(conn)?
        .into_iter()
        .map(|(kind, severity)| NewCase { kind, severity })
        .collect())
}

/// How many cases were open at `at` (registered before it, not closed by
/// then) and past their whole-case deadline. Counted as the cases still open
/// and those closed since, each from its own index.
pub fn overdue_at(conn: &mut DbConn, org_id: i64, at: NaiveDateTime) -> DbResult<i64> {
    let late = complaints::table.filter(complaints::org_id.eq(org_id)).filter(complaints::case_due_at.lt(at)).filter(complaints::registered_at.lt(at));
    let open: i64 = late.filter(complaints::state.ne(kehu_domain::State::Closed)).count().get_result(conn)?;
    let closed_since: i64 = late.filter(complaints::closed_at.ge(at)).filter(complaints::state.eq(kehu_domain::State::Closed)).count().get_result(conn)?;
    Ok(open + closed_since)
}

/// Of the cases of company `org_id` registered in `[from, to)`, how many are
/// open now, and how many of those are past their whole-case deadline at `now`.
pub fn still_open(conn: &mut DbConn, org_id: i64, from: NaiveDateTime, to: NaiveDateTime, now: NaiveDateTime) -> DbResult<(i64, i64)> {
    let open = complaints::table
        .filter(complaints::org_id.eq(org_id))
        .filter(complaints::registered_at.ge(from).and(complaints::registered_at.lt(to)))
        .filter(complaints::state.ne(kehu_domain::State::Closed));
    let all: i64 = open.count().get_result(conn)?;
    let late: i64 = open.filter(complaints::case_due_at.lt(now)).count().get_result(conn)?;
    Ok((all, late))
}

/// Claims the preparation of report `kind` for `period`: false when another
/// worker prepared it already.
pub fn claim_report(conn: &mut DbConn, org_id: i64, kind: &str, period: &str, now: NaiveDateTime) -> DbResult<bool> {
    use diesel::sql_types::{BigInt, Text, Timestamp};
    let sql = match conn.backend() {
        crate::db::Backend::Postgres => "INSERT INTO report_runs (org_id, kind, period, prepared_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        crate::db::Backend::Sqlite => "INSERT OR IGNORE INTO report_runs (org_id, kind, period, prepared_at) VALUES (?, ?, ?, ?)",
    };
    let n = diesel::sql_query(sql).bind::<BigInt, _>(org_id).bind::<Text, _>(kind).bind::<Text, _>(period).bind::<Timestamp, _>(now).execute(conn)?;
    Ok(n == 1)
}
