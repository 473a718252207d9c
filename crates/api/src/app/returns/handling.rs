//! The internal handling of returned goods (客户退换货处理单): QA inspects
//! and labels, engineering plans with a cost, the general manager approves,
//! PMC schedules, production reworks, the warehouse receives the goods back
//! (a stock ledger line per item). It opens when the warehouse receives the
//! return note.

use super::{clock, customer_name, history, note, view, visible, ReturnView};
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use chrono::NaiveDateTime;
use kehu_domain::events::{Aggregate, EventType};
use kehu_domain::issue::FieldIssue;
use kehu_domain::notice::Notice;
use kehu_domain::returns::handling::{self as rules, Disposition, Handling, HandlingAction, HandlingRefusal, HandlingState, Plan, QaFinding, Schedule};
use kehu_domain::returns::Document;
use kehu_persistence::events::{self, OutboxEvent};
use kehu_persistence::returns::{self as store, ReturnChanges, ReturnRow};
use kehu_persistence::stock;
use kehu_persistence::{people, DbConn};

/// A step of the handling at the version the caller read, with the part
/// that step records.
pub struct HandlingAct {
    pub id: i64,
    pub version: i64,
    pub action: HandlingAction,
    /// `inspect`
    pub qa: Option<QaFinding>,
    /// `plan`
    pub plan: Option<Plan>,
    /// `schedule`
    pub schedule: Option<Schedule>,
    /// `complete_rework`, `re_receive`: per item.
    pub quantities: Option<Vec<i64>>,
    /// A remark; `reject_plan` requires it (the reason).
    pub comment: Option<String>,
}

fn refused(r: HandlingRefusal) -> ApiError {
    match r {
        HandlingRefusal::WrongState => ApiError::state("the handling's state does not allow this"),
        HandlingRefusal::Forbidden => ApiError::Forbidden("not this caller's step in the handling"),
    }
}

pub fn record(row: &ReturnRow) -> ApiResult<Handling> {
    row.handling_json
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map(Option::unwrap_or_default)
        .map_err(|e| ApiError::Internal(format!("return {} handling: {e}", row.id)))
}

/// The part `cmd.action` records must be there, and no other.
fn parts(cmd: &HandlingAct) -> Vec<FieldError> {
    use HandlingAction as A;
    let given = [
        ("qa", cmd.qa.is_some(), cmd.action == A::Inspect),
        ("plan", cmd.plan.is_some(), cmd.action == A::Plan),
        ("schedule", cmd.schedule.is_some(), cmd.action == A::Schedule),
        ("quantities", cmd.quantities.is_some(), matches!(cmd.action, A::CompleteRework | A::ReReceive)),
        ("comment", cmd.comment.is_some(), true),
    ];
    let mut issues: Vec<FieldError> = given
        .iter()
        .filter_map(|(field, present, wanted)| match (present, wanted) {
            (true, false) => Some(FieldError::new(*field, FieldCode::Invalid, format!("not part of {}", cmd.action.as_str()))),
            (false, true) if *field != "comment" => Some(FieldError::new(*field, FieldCode::Required, format!("{} records it", cmd.action.as_str()))),
            _ => None,
        })
        .collect();
    if cmd.action == A::RejectPlan && cmd.comment.is_none() {
        issues.push(FieldError::new("comment", FieldCode::Required, "the reason for sending the plan back"));
    }
    issues
}

/// Takes a step of the handling.
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: HandlingAct) -> ApiResult<ReturnView> {
    let row = visible(tx, ctx, cmd.id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let state = row.handling_state.ok_or_else(|| ApiError::state("the goods have not been received yet"))?;
    let mut h = record(&row)?;
    let to = rules::decide(&ctx.actor(), state, cmd.action, h.plan.as_ref().map(|p| p.disposition)).map_err(refused)?;
    ApiError::check(parts(&cmd))?;
    if cmd.action == HandlingAction::Extend {
        return super::extend_step(tx, ctx, &row, Document::ReturnHandling, HandlingAction::Extend.into(), cmd.comment);
    }
    let received = note::quantities(&row, &row.received_json)?.unwrap_or_default();
    // Stock movements: production draws what came back; the warehouse takes
    // the reworked goods back or writes the scrapped ones off. Goods put back
    // as they are never left the store.
    let mut ledger = None;
    match cmd.action {
        HandlingAction::Inspect => h.qa = checked("qa", cmd.qa, QaFinding::check)?,
        HandlingAction::Plan => {
            h.plan = checked("plan", cmd.plan, Plan::check)?;
            h.rejection = None;
        }
        HandlingAction::ApprovePlan | HandlingAction::Extend => {}
        HandlingAction::RejectPlan => h.rejection = cmd.comment.clone(),
        HandlingAction::Schedule => h.schedule = checked("schedule", cmd.schedule, Schedule::check)?,
        HandlingAction::CompleteRework => {
            h.reworked = Some(counts(&received, cmd.quantities)?);
            ledger = Some((stock::REWORK_ISSUE, received.iter().map(|q| -q).collect()));
        }
        HandlingAction::ReReceive => {
            let q = counts(&rules::re_receivable(&received, &h), cmd.quantities)?;
            ledger = match h.plan.as_ref().map(|p| p.disposition) {
                Some(Disposition::Scrap) => Some((stock::SCRAPPED, q.iter().map(|q| -q).collect())),
                Some(Disposition::Restock) => None,
                _ => Some((stock::REWORK_RECEIPT, q.clone())),
            };
            h.re_received = Some(q);
        }
    }
    let json = serde_json::to_string(&h).map_err(|e| ApiError::Internal(e.to_string()))?;
    let ch = ReturnChanges { handling_state: Some(Some(to)), handling_json: Some(Some(json)), ..Default::default() };
    let saved = store::update(tx, row.id, row.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, cmd.action.into(), Some(row.state), cmd.comment.clone())?;
    ctx.audit(tx, &format!("return.handling.{}", cmd.action.as_str()), "return", row.id, serde_json::json!({"from": state, "to": to}))?;
    if let Some((movement, q)) = ledger {
        super::ledger(tx, ctx, &saved, movement, q)?;
    }
    match to {
        HandlingState::Done => clock::stop(tx, Document::ReturnHandling, row.id)?,
        s => clock::start(tx, ctx, Document::ReturnHandling, row.id, s.as_str())?,
    }
    notify(tx, &saved, to, ctx.now)?;
    outbox(tx, &saved, state, &h, ctx.now)?;
    view::build(tx, ctx, saved)
}

/// The part, checked by its rules; the issues name it (`schedule.finish_on`).
fn checked<T>(name: &str, part: Option<T>, check: fn(&T) -> Vec<FieldIssue>) -> ApiResult<Option<T>> {
    let Some(p) = part else { return Ok(None) };
    let mut issues = check(&p);
    if issues.is_empty() {
        return Ok(Some(p));
    }
    for i in &mut issues {
        i.field = format!("{name}.{}", i.field);
    }
    Err(ApiError::issues(issues))
}

fn counts(limits: &[i64], given: Option<Vec<i64>>) -> ApiResult<Vec<i64>> {
    let q = given.unwrap_or_default();
    let issues = rules::check_counts(limits, &q);
    if issues.is_empty() {
        Ok(q)
    } else {
        Err(ApiError::issues(issues))
    }
}

/// Whose step the handling now waits at; done: the applicant hears of it.
pub(super) fn waiting_for(conn: &mut DbConn, row: &ReturnRow, state: HandlingState) -> ApiResult<Vec<i64>> {
    if state == HandlingState::Done {
        return Ok(vec![row.raised_by]);
    }
    let mut users = Vec::new();
    for role in state.roles() {
        users.extend(people::users_with_role(conn, row.org_id, *role, None)?);
    }
    users.sort_unstable();
    users.dedup();
    Ok(users)
}

/// Tells the people of the step the handling entered.
pub(super) fn notify(conn: &mut DbConn, row: &ReturnRow, state: HandlingState, now: NaiveDateTime) -> ApiResult<()> {
    let users = waiting_for(conn, row, state)?;
    let customer = customer_name(conn, row)?;
    Ok(events::notify(conn, row.org_id, &users, &Notice::return_handling_task(row.id, &row.number, &customer, state), now)?)
}

fn outbox(conn: &mut DbConn, row: &ReturnRow, from: HandlingState, h: &Handling, now: NaiveDateTime) -> ApiResult<()> {
    let payload = serde_json::json!({
        "return_id": row.id, "number": row.number, "from_state": from, "state": row.handling_state,
        "disposition": h.plan.as_ref().map(|p| p.disposition), "cost_fen": h.plan.as_ref().map(|p| p.cost.fen()),
        "reworked": h.reworked, "re_received": h.re_received,
    });
    let e = OutboxEvent {
        org_id: row.org_id,
        event_type: EventType::ReturnHandlingChanged,
        aggregate: Aggregate::Return,
        aggregate_id: row.id,
        payload: payload.to_string(),
        at: now,
    };
    Ok(events::enqueue(conn, &e)?)
}
