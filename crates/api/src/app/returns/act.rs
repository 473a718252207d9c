//! The approval chain's actions and the reminder of an overdue step.

use super::{customer_name, history, judged, view, visible, ReturnView};
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::NaiveDateTime;
use kehu_domain::customer::NewOrder;
use kehu_domain::events::{Aggregate, EventType};
use kehu_domain::notice::Notice;
use kehu_domain::returns::retail::{self, RuleSet};
use kehu_domain::returns::{self as rules, Refusal, ReturnAction, ReturnKind, ReturnPolicy, ReturnState};
use kehu_domain::Money;
use kehu_domain::Role;
use kehu_persistence::events::{self, OutboxEvent};
use kehu_persistence::returns::{self as store, ReturnChanges, ReturnRow};
use kehu_persistence::{customers, people, write_tx, DbConn};

/// An action on an application at the version the caller read.
pub struct ReturnAct {
    pub id: i64,
    pub version: i64,
    pub action: ReturnAction,
    /// Why (refuse, extend).
    pub reason: Option<String>,
    /// The supervisor's attempt to keep the sale (at the supervisor's step).
    pub retention_note: Option<String>,
}

fn refused(r: Refusal) -> ApiError {
    match r {
        Refusal::WrongState => ApiError::state("the application's state does not allow this"),
        Refusal::Forbidden => ApiError::Forbidden("not this caller's step"),
        Refusal::Invalid(issues) => ApiError::issues(issues),
    }
}

/// The people whose step `row` waits at: the department's supervisors (its
/// managers when it has none), the marketing managers, the general managers.
fn waiting_for(conn: &mut DbConn, row: &ReturnRow) -> ApiResult<Vec<i64>> {
    let mut users = match row.state {
        ReturnState::SupervisorReview => {
            let mut u = people::users_with_role(conn, row.org_id, Role::SalesSupervisor, Some(row.sales_department_id))?;
            u.retain(|x| *x != row.raised_by);
            if u.is_empty() {
                u = people::users_with_role(conn, row.org_id, Role::SalesManager, Some(row.sales_department_id))?;
            }
            u
        }
        s => match s.approver() {
            Some(role) => people::users_with_role(conn, row.org_id, role, None)?,
            None => Vec::new(),
        },
    };
    users.retain(|x| *x != row.raised_by);
    Ok(users)
}

fn outbox(conn: &mut DbConn, row: &ReturnRow, from: ReturnState, now: NaiveDateTime) -> ApiResult<()> {
    let payload = serde_json::json!({
        "return_id": row.id, "number": row.number, "kind": row.kind, "from_state": from, "state": row.state,
        "customer_id": row.customer_id, "complaint_id": row.complaint_id, "total_fen": row.total_fen,
    });
    let e = OutboxEvent {
        org_id: row.org_id,
        event_type: EventType::ReturnStateChanged,
        aggregate: Aggregate::Return,
        aggregate_id: row.id,
        payload: payload.to_string(),
        at: now,
    };
    Ok(events::enqueue(conn, &e)?)
}

fn notify(conn: &mut DbConn, saved: &ReturnRow, reason: Option<&str>, now: NaiveDateTime) -> ApiResult<()> {
    let customer = customer_name(conn, saved)?;
    let (users, notice) = match saved.state {
        ReturnState::Approved => {
            // The approved application goes to PMC and finance (营销文员复印分发给PMC课及财务部).
            let mut u = vec![saved.raised_by];
            for role in [Role::Production, Role::ProductionManager, Role::Finance] {
                u.extend(people::users_with_role(conn, saved.org_id, role, None)?);
            }
            (u, Notice::return_decided(saved.id, &saved.number, &customer, true, None))
        }
        ReturnState::Refused => (vec![saved.raised_by], Notice::return_decided(saved.id, &saved.number, &customer, false, reason)),
        s if s.approver().is_some() => (waiting_for(conn, saved)?, Notice::return_task(saved.id, &saved.number, &customer, s)),
        _ => return Ok(()),
    };
    let mut users = users;
    users.sort_unstable();
    users.dedup();
    Ok(events::notify(conn, saved.org_id, &users, &notice, now)?)
}

/// Takes an action of the approval chain (`submit`, `approve`, `refuse`,
/// `extend`, `withdraw`).
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: ReturnAct) -> ApiResult<ReturnView> {
    let row = visible(tx, ctx, cmd.id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let d = rules::decide(&ctx.actor(), &judged(tx, ctx, &row)?, cmd.action, cmd.reason.as_deref()).map_err(refused)?;
    let supervisor_step = row.state == ReturnState::SupervisorReview && matches!(cmd.action, ReturnAction::Approve | ReturnAction::Refuse);
    if cmd.retention_note.is_some() && !supervisor_step {
        return Err(ApiError::field("retention_note", FieldCode::Invalid, "the sales supervisor records an attempt to keep the sale, at his step"));
    }
    let rp: ReturnPolicy = policy::current(tx, ctx.org(), policy::RETURNS)?.0;
    let cal = policy::calendar(tx, ctx.org())?;
    let mut ch = ReturnChanges { state: Some(d.to), ..Default::default() };
    if d.restarts_clock {
        ch.step_entered_at = Some(ctx.now);
        ch.step_due_at = Some(d.to.approver().map(|_| rp.step_due(&cal, ctx.now.and_utc(), false).naive_utc()));
        ch.extended = Some(false);
        ch.reminded_at = Some(None);
    }
    if d.extends {
        ch.extended = Some(true);
        ch.extension_reason = Some(cmd.reason.clone());
        ch.step_due_at = Some(Some(rp.step_due(&cal, row.step_entered_at.and_utc(), true).naive_utc()));
        ch.reminded_at = Some(None);
    }
    match d.to {
        ReturnState::Refused => {
            ch.refusal_reason = Some(cmd.reason.clone());
            ch.decided_at = Some(Some(ctx.now));
        }
        ReturnState::Approved => {
            ch.decided_at = Some(Some(ctx.now));
            ch.approved_by = Some(Some(ctx.user()));
            if row.kind == ReturnKind::Exchange {
                ch.exchange_order_id = Some(Some(exchange_order(tx, ctx, &row)?));
            }
            if row.rule_set == RuleSet::Retail {
                let today = cal.local_date(ctx.now.and_utc());
                ch.refund_due_on = Some(retail::refund_due(row.kind, &rp.retail, today));
            }
        }
        _ => {}
    }
    if supervisor_step && cmd.retention_note.is_some() {
        ch.retention_note = Some(cmd.retention_note.clone());
    }
    let saved = store::update(tx, row.id, row.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let note = cmd.reason.clone().or(cmd.retention_note.clone());
    history(tx, ctx, &saved, cmd.action.into(), Some(row.state), note)?;
    if saved.state != row.state {
        notify(tx, &saved, cmd.reason.as_deref(), ctx.now)?;
        outbox(tx, &saved, row.state, ctx.now)?;
    }
    ctx.audit(tx, &format!("return.{}", cmd.action.as_str()), "return", row.id, serde_json::json!({"from": row.state, "to": saved.state}))?;
    view::build(tx, ctx, saved)
}

/// An approved exchange's new order (换货按新合同处理): the same items and
/// value, numbered after the application, for the order review to take up.
fn exchange_order(tx: &mut Tx, ctx: &Ctx, row: &ReturnRow) -> ApiResult<i64> {
    let ordered_on = policy::calendar(tx, ctx.org())?.local_date(ctx.now.and_utc());
    let amount = Money::from_fen(row.total_fen).map_err(|e| ApiError::Internal(format!("return {} total: {e}", row.id)))?;
    let order = NewOrder { customer_id: row.customer_id, order_number: format!("{}-HH", row.number), ordered_on, amount, discount: Money::ZERO, cost: None };
    let customer = customers::get(tx, ctx.org(), row.customer_id)?;
    Ok(crate::app::customer_reports::record_order(tx, ctx, &customer, &order)?.id)
}

/// Reminds the people of every overdue step once (催办单); safe with
/// several instances: each reminder is claimed by a conditional update.
pub fn remind_overdue(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let mut issued = 0;
    for row in store::overdue_unreminded(conn, now, 500)? {
        let sent = write_tx(conn, |c| {
            if !store::claim_reminder(c, row.id, row.step_entered_at, now)? {
                return Ok::<bool, ApiError>(false);
            }
            let customer = customer_name(c, &row)?;
            let users = waiting_for(c, &row)?;
            events::notify(c, row.org_id, &users, &Notice::return_reminder(row.id, &row.number, &customer, row.state), now)?;
            events::audit(
                c,
                &events::Audit {
                    org_id: Some(row.org_id),
                    user_id: None,
                    action: "return.overdue_reminder",
                    entity: "return",
                    entity_id: Some(row.id),
                    request_id: None,
                    details: serde_json::json!({"state": row.state, "step_due_at": row.step_due_at}).to_string(),
                    at: now,
                },
            )?;
            Ok(true)
        })?;
        issued += usize::from(sent);
    }
    Ok(issued)
}
