//! Taking a workflow action: who may, what the domain decides, and storing
//! it — state, history, audit, number, notices — in the one transaction.

use super::notify;
use super::view::{self, ComplaintView};
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use kehu_domain::case::{self, Command, Decision, Notice, Refused, Rules};
use kehu_domain::number::ComplaintNumber;
use kehu_domain::permission::{self, CaseFacts, Denied};
use kehu_domain::workflow::{EventAction, Route};
use kehu_domain::{Action, Actor, Role, State};
use kehu_persistence::complaints::{self, ComplaintRow, IntakeRow, NewComplaint};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::{complaint_changes, complaint_reads, settings};
use serde::Serialize;
use utoipa::ToSchema;

/// An action on a case at the version the caller read. The body's parse
/// error waits until the caller is known to be allowed to act: a case one
/// may not see is 404 whatever the body says.
pub struct Act {
    pub id: i64,
    pub version: i64,
    pub action: Action,
    pub command: ApiResult<Command>,
}

#[derive(Serialize, ToSchema)]
pub struct ActionResult {
    pub complaint: ComplaintView,
    /// Set by `record_outcome` when the customer did not accept: the new linked draft.
    pub follow_up_id: Option<i64>,
}

pub fn act(tx: &mut Tx, ctx: &Ctx, act: Act) -> ApiResult<ActionResult> {
    let (row, owner) = complaint_reads::with_owner(tx, ctx.org(), act.id)?;
    let facts = view::facts(&row, Some(owner));
    let actor = ctx.actor();
    // Where `record_outcome` leads depends on its body, so it is read first.
    let command = if act.action == Action::RecordOutcome { Ok(act.command?) } else { act.command };
    let route = Route { engineering_requested: row.engineering_requested, customer_accepted: command.as_ref().is_ok_and(Command::customer_accepted) };
    match permission::check(&actor, act.action, &facts, route) {
        Err(Denied::Hidden) => return Err(ApiError::NotFound),
        _ if row.version != act.version => return Err(ApiError::PreconditionFailed),
        Err(Denied::WrongState) => return Err(wrong_state(act.action, row.state)),
        Err(Denied::Forbidden) => return Err(ApiError::Forbidden("your role, department or ownership does not allow this action on this case")),
        Ok(()) => {}
    }
    let command = command?;
    if act.action == Action::Close {
        crate::app::petitions::guard_close(tx, row.id)?;
    }
    let decision = decide(tx, ctx, &row, command)?;
    let updated = complaint_changes::apply(tx, &row, &decision, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    events::insert_event(
        tx,
        &EventRow {
            id: 0,
            complaint_id: row.id,
            seq: updated.version,
            action: EventAction::Act(decision.action),
            from_state: Some(row.state),
            to_state: decision.to(),
            actor_id: Some(ctx.user()),
            actor_role: acting_role(&actor, decision.action, &facts, route),
            at: ctx.now,
            body: serde_json::to_string(&decision.record).map_err(|e| ApiError::Internal(e.to_string()))?,
            step_due_at: updated.step_due_at,
        },
    )?;
    ctx.audit(
        tx,
        &format!("complaint.{}", decision.action),
        "complaint",
        row.id,
        serde_json::json!({"from": row.state, "to": updated.state, "version": updated.version}),
    )?;
    // Numbered late in the transaction: the month's counter row stays locked
    // from the increment to the commit, and registrations queue on it.
    let updated = match decision.number_in {
        Some(period) => {
            let serial = settings::next_serial(tx, row.org_id, &period.key())?;
            complaints::set_number(tx, row.id, &ComplaintNumber::new(period, serial as u32).to_string())?
        }
        None => updated,
    };
    tell(tx, &updated, &decision, ctx)?;
    let updated = crate::app::improvement::checks::schedule_after_close(tx, ctx, updated)?;
    let updated = crate::app::supplier_requests::raise_after_conclusion(tx, ctx, updated, decision.action)?;
    crate::app::contacts::open_after(tx, ctx, &updated, decision.action)?;
    let follow_up_id = if decision.follow_up { Some(open_follow_up(tx, ctx, &updated)?) } else { None };
    Ok(ActionResult { complaint: view::build(tx, ctx, updated)?, follow_up_id })
}

fn wrong_state(action: Action, state: State) -> ApiError {
    ApiError::state(format!("`{action}` is not possible while the case is `{state}`"))
}

/// Loads the rules the action needs and lets the domain decide.
fn decide(tx: &mut Tx, ctx: &Ctx, row: &ComplaintRow, command: Command) -> ApiResult<Decision> {
    let (calendar, deadlines) = crate::app::policy::calendar_and_deadlines(tx, row.org_id)?;
    let approval = if command.needs_approval_policy() { Some(crate::app::policy::approval(tx, row.org_id)?) } else { None };
    let loss = if command.needs_loss_policy() { Some(crate::app::policy::loss(tx, row.org_id)?) } else { None };
    let eight_d = if command.needs_eight_d_policy() { Some(crate::app::policy::current(tx, row.org_id, crate::app::policy::EIGHT_D)?.0) } else { None };
    if let Command::ConcludeInvestigation(c) = &command {
        crate::app::pay::check_shares(tx, row.org_id, &c.responsible)?;
    }
    if let (Command::Register(r), Some(p)) = (&command, &eight_d) {
        if let Some(id) = r.repeat_of {
            crate::app::eight_d::recurrence::check_repeat(tx, ctx, row, id, p)?;
        }
    }
    let action = command.action();
    let rules = Rules { calendar: &calendar, deadlines: &deadlines, approval: approval.as_ref().map(|(p, v)| (p, *v)), loss, eight_d };
    case::decide(&row.case(), command, ctx.user(), &rules, ctx.now.and_utc()).map_err(|r| match r {
        Refused::WrongState => wrong_state(action, row.state),
        Refused::Invalid(issues) => ApiError::issues(issues),
        Refused::Internal(what) => ApiError::Internal(format!("deciding `{action}` without {what}")),
    })
}

/// The notices the decision names, in the same transaction.
fn tell(tx: &mut Tx, row: &ComplaintRow, d: &Decision, ctx: &Ctx) -> ApiResult<()> {
    for notice in &d.notices {
        match notice {
            Notice::Waiting(event) => notify::case_moved(tx, row, *event, ctx.now)?,
            Notice::Reminder => notify::reminder(tx, row, Some(ctx.user()), ctx.now)?,
            Notice::Updated => notify::outbox(tx, row, kehu_domain::events::EventType::ComplaintUpdated, ctx.now)?,
            Notice::MajorAlert => notify::major_alert(tx, row, ctx.now)?,
            Notice::LateCloseInquiry => {
                notify::late_close_inquiry(tx, row, ctx.now)?;
            }
        }
    }
    Ok(())
}

/// The caller's role that allowed the action, for the history.
fn acting_role(actor: &Actor, action: Action, case: &CaseFacts, route: Route) -> Option<Role> {
    actor
        .roles
        .iter()
        .copied()
        .find(|r| permission::check(&Actor { roles: vec![*r], ..actor.clone() }, action, case, route).is_ok())
        .or(actor.roles.first().copied())
}

/// The customer did not accept: a new draft for sales, linked to the closed case.
fn open_follow_up(tx: &mut Tx, ctx: &Ctx, closed: &ComplaintRow) -> ApiResult<i64> {
    let body = serde_json::json!({"supersedes_id": closed.id, "supersedes_number": closed.number});
    Ok(draft_from(tx, ctx, closed, ctx.user(), Some(closed.id), body)?.id)
}

/// A new draft of `from`'s customer with its intake, owned by `owner`, its
/// creation in the history with `body`, and its people told.
pub(crate) fn draft_from(
    tx: &mut Tx,
    ctx: &Ctx,
    from: &ComplaintRow,
    owner: i64,
    supersedes_id: Option<i64>,
    body: serde_json::Value,
) -> ApiResult<ComplaintRow> {
    let new = NewComplaint {
        org_id: from.org_id,
        state: State::Draft,
        customer_id: from.customer_id,
        sales_department_id: from.sales_department_id,
        created_by: owner,
        market: from.market,
        step_entered_at: ctx.now,
        supersedes_id,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let draft = complaints::insert(tx, &new, &IntakeRow::from(&from.intake()))?;
    events::insert_event(
        tx,
        &EventRow {
            id: 0,
            complaint_id: draft.id,
            seq: draft.version,
            action: EventAction::Create,
            from_state: None,
            to_state: State::Draft,
            actor_id: Some(ctx.user()),
            actor_role: ctx.caller.main_role(),
            at: ctx.now,
            body: body.to_string(),
            step_due_at: None,
        },
    )?;
    notify::case_moved(tx, &draft, kehu_domain::events::EventType::ComplaintCreated, ctx.now)?;
    Ok(draft)
}
