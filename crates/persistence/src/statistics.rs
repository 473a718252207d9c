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

/// Cases of company `org_id` closed in `[from, to)`.
pub fn closed_between(conn: &mut DbConn, org_id: i64, from: NaiveDateTime, to: NaiveDateTime) -> DbResult<(Vec<ClosedCase>, Vec<LineFact>, Vec<ShareFact>)> {
    let closed = complaints::table
        .filter(complaints::org_id.eq(org_id))
        .filter(complaints::closed_at.ge(from).and(complaints::closed_at.lt(to)))
        .filter(complaints::state.eq(kehu_domain::State::Closed));
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
    let cases = rows
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
                irrational: None,
            }
        })
        .collect::<Vec<ClosedCase>>();
    let irrational: std::collections::HashMap<i64, IrrationalLevel> = case_marks::table
        .filter(case_marks::complaint_id.eq_any(closed.select(complaints::id)).and(case_marks::irrational_level.is_not_null()))
        .select((case_marks::complaint_id, case_marks::irrational_level))
        .load::<(i64, Option<IrrationalLevel>)>(conn)?
        .into_iter()
        .filter_map(|(id, level)| Some((id, level?)))
        .collect();
    let cases = cases.into_iter().map(|c| ClosedCase { irrational: irrational.get(&c.id).copied(), ..c }).collect();
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
