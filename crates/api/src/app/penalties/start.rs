//! The coordinator starts a month's run (每月 10 日前): one item per
//! responsible party of each case closed in the month, the shares held back
//! for it by earlier runs, and a fine per case its department left open past
//! the whole-case deadline. A month has one run; starting it again is a 409.

use super::{view, RunView};
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, ProblemCode};
use chrono::{Datelike, Months, NaiveDate};
use kehu_domain::penalty::flow::{self, ItemKind, ItemState, RunState};
use kehu_domain::penalty::{burden, PenaltyPolicy};
use kehu_domain::{Money, Role};
use kehu_persistence::penalties::{self as store, ItemRow, NewRun};
use kehu_persistence::{pay, people, DbConn};
use std::collections::HashMap;

/// `YYYY-MM` to the month's first day.
pub fn parse_month(s: &str) -> ApiResult<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .ok()
        .filter(|_| s.trim().len() == 7)
        .ok_or_else(|| ApiError::field("month", FieldCode::InvalidDate, "a month as YYYY-MM"))
}

pub fn start(tx: &mut Tx, ctx: &Ctx, month: String) -> ApiResult<RunView> {
    ctx.caller.require(Role::Coordinator)?;
    let first = parse_month(&month)?;
    let cal = policy::calendar(tx, ctx.org())?;
    let today = cal.local_date(ctx.now.and_utc());
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    if first >= this_month {
        return Err(ApiError::field("month", FieldCode::OutOfRange, "a month that is over"));
    }
    let next = first.checked_add_months(Months::new(1)).ok_or_else(|| ApiError::field("month", FieldCode::InvalidDate, "a month as YYYY-MM"))?;
    let (from, to) = (cal.day_start(first).naive_utc(), cal.day_start(next).naive_utc());
    let (policy, version): (PenaltyPolicy, i64) = policy::current(tx, ctx.org(), policy::PENALTY)?;
    let month = first.format("%Y-%m").to_string();
    let body = serde_json::to_string(&policy).map_err(|e| ApiError::Internal(e.to_string()))?;
    let new = NewRun {
        org_id: ctx.org(),
        month: &month,
        state: RunState::Confirming,
        policy_version: version,
        policy: &body,
        created_by: ctx.user(),
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let run = store::insert_run(tx, &new)?.ok_or_else(|| ApiError::conflict(ProblemCode::Conflict, format!("{month} has a run already")))?;
    let mut items = shares(tx, ctx.org(), run.id, &policy, from, to)?;
    items.extend(store::deferred_to(tx, ctx.org(), &month)?.into_iter().map(|d| ItemRow {
        run_id: run.id,
        state: ItemState::Pending,
        dispute_reason: None,
        decision: None,
        deferred_to: None,
        decided_by: None,
        decided_at: None,
        ..d
    }));
    items.extend(late_fines(tx, ctx.org(), run.id, &policy, to)?);
    store::insert_items(tx, &items)?;
    super::notices::started(tx, ctx, &run)?;
    ctx.audit(tx, "penalty_run.start", "penalty_run", run.id, serde_json::json!({"month": month, "items": items.len(), "policy_version": version}))?;
    view(tx, ctx, run.id)
}

fn item(run_id: i64, complaint_id: i64, kind: ItemKind, department_id: i64) -> ItemRow {
    ItemRow {
        id: 0,
        run_id,
        complaint_id,
        kind,
        share_id: None,
        department_id,
        team_id: None,
        person_id: None,
        ratio_percent: 100,
        loss_fen: 0,
        burden_fen: 0,
        sanction: None,
        sanction_count: None,
        state: ItemState::Pending,
        dispute_reason: None,
        decision: None,
        deferred_to: None,
        decided_by: None,
        decided_at: None,
        version: 1,
    }
}

/// The responsible shares of the cases closed in `[from, to)` that bear a loss.
fn shares(
    conn: &mut DbConn,
    org_id: i64,
    run_id: i64,
    policy: &PenaltyPolicy,
    from: chrono::NaiveDateTime,
    to: chrono::NaiveDateTime,
) -> ApiResult<Vec<ItemRow>> {
    let mut teams: HashMap<(i64, String), Option<i64>> = HashMap::new();
    let mut out = Vec::new();
    for s in store::closed_shares(conn, org_id, from, to)? {
        let loss = Money::from_fen(s.loss_fen.unwrap_or(0)).unwrap_or(Money::ZERO);
        let b = burden(loss, s.ratio_percent);
        if b == Money::ZERO {
            continue;
        }
        let team_id = match s.team.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(name) => {
                let key = (s.department_id, name.to_owned());
                if !teams.contains_key(&key) {
                    let id = pay::team_by_name(conn, s.department_id, name)?.map(|t| t.id);
                    teams.insert(key.clone(), id);
                }
                teams[&key]
            }
            None => None,
        };
        let sanction = policy.sanction(b);
        out.push(ItemRow {
            share_id: Some(s.share_id),
            team_id: if s.person_id.is_some() { None } else { team_id },
            person_id: s.person_id,
            ratio_percent: s.ratio_percent,
            loss_fen: loss.fen(),
            burden_fen: b.fen(),
            sanction: sanction.map(|x| x.kind),
            sanction_count: sanction.map(|x| x.count as i32),
            ..item(run_id, s.complaint_id, ItemKind::Share, s.department_id)
        });
    }
    Ok(out)
}

/// A fine per case still open at the month's end past its whole-case
/// deadline, on the department whose step it waits at; confirmed at once
/// (the deadline decides, not a ratio).
fn late_fines(conn: &mut DbConn, org_id: i64, run_id: i64, policy: &PenaltyPolicy, end: chrono::NaiveDateTime) -> ApiResult<Vec<ItemRow>> {
    if !policy.late_fine_enabled {
        return Ok(Vec::new());
    }
    let departments = people::departments(conn, org_id)?;
    let mut out = Vec::new();
    for c in store::late_cases(conn, org_id, end)? {
        let Some(due) = c.case_due_at else { continue };
        let fine = flow::late_fine(policy, due, end);
        let department = crate::app::letters::step_department(&departments, c.state, c.sales_department_id, c.countermeasure_department_id);
        if let (Some(d), true) = (department, fine > Money::ZERO) {
            out.push(ItemRow { burden_fen: fine.fen(), state: ItemState::Confirmed, ..item(run_id, c.complaint_id, ItemKind::LateFine, d) });
        }
    }
    Ok(out)
}
