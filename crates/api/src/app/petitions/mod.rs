//! Petitions (签呈, domain.md §4.3): a department head disputes a decision
//! on a case in writing; the general manager decides, the decision goes
//! into the case's history, and it may send the case back to an earlier
//! step of its route. A case does not close while a petition waits.

pub mod demo;

use crate::app::complaints::notify::label;
use crate::app::complaints::{self, notify};
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use chrono::{DateTime, Utc};
use kehu_domain::case::{self, Rules};
use kehu_domain::events::EventType;
use kehu_domain::notice::Notice;
use kehu_domain::petition::{self as rules, Petition, PetitionAction, PetitionEvent, PetitionFacts, PetitionState, Ruling};
use kehu_domain::workflow::EventAction;
use kehu_domain::{Role, State};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::petitions::{self as store, NewPetition, PetitionRow, Settle};
use kehu_persistence::{complaint_changes, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// 签呈.
#[derive(Serialize, ToSchema)]
pub struct PetitionView {
    pub id: i64,
    pub complaint: Ref,
    /// The department of the head who raised it.
    pub department: Ref,
    pub state: PetitionState,
    pub subject: String,
    pub content: String,
    /// The step the head asks the case to go back to.
    pub return_to: Option<State>,
    pub raised_by: Ref,
    pub raised_at: DateTime<Utc>,
    /// Who decided or withdrew it, and when.
    pub decided_by: Option<Ref>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The general manager's decision.
    pub decision: Option<String>,
    /// The step the decision sent the case back to.
    pub returned_to: Option<State>,
    pub available_actions: Vec<PetitionAction>,
    pub version: i64,
}

/// A case's petitions, newest first; whether the caller may raise one now,
/// and the steps the case may be sent back to.
#[derive(Serialize, ToSchema)]
pub struct PetitionsView {
    pub items: Vec<PetitionView>,
    pub can_raise: bool,
    pub return_targets: Vec<State>,
}

pub struct RaisePetition {
    pub complaint_id: i64,
    pub petition: Petition,
}

pub struct ActOnPetition {
    pub complaint_id: i64,
    pub petition_id: i64,
    pub version: i64,
    pub action: PetitionAction,
    pub ruling: Option<Ruling>,
}

fn refused(r: kehu_domain::improvement::TrackingRefusal) -> ApiError {
    use kehu_domain::improvement::TrackingRefusal as R;
    match r {
        R::WrongState => ApiError::state("the case's or the petition's state does not allow this"),
        R::Forbidden => ApiError::Forbidden("only a department head raises a petition, the general manager decides it and its author withdraws it"),
        R::Invalid(issues) => ApiError::issues(issues),
    }
}

fn facts(case: &ComplaintRow, rows: &[PetitionRow], department_id: i64) -> PetitionFacts {
    PetitionFacts {
        state: case.state,
        numbered: case.number.is_some(),
        engineering_requested: case.engineering_requested,
        pending_from_department: rows.iter().any(|r| r.state == PetitionState::Pending && r.department_id == department_id),
    }
}

/// The names of the departments that raised `rows`, in one query.
fn department_names(conn: &mut DbConn, rows: impl Iterator<Item = i64>) -> ApiResult<HashMap<i64, String>> {
    let ids: Vec<i64> = rows.collect();
    Ok(people::department_names(conn, &ids)?.into_iter().collect())
}

fn views(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, rows: Vec<PetitionRow>) -> ApiResult<Vec<PetitionView>> {
    let ids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.raised_by), r.decided_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let person = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let departments = department_names(conn, rows.iter().map(|r| r.department_id))?;
    let f = facts(case, &[], ctx.caller.department_id);
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        out.push(PetitionView {
            id: r.id,
            complaint: Ref { id: case.id, name: label(case) },
            department: Ref { id: r.department_id, name: departments.get(&r.department_id).cloned().unwrap_or_default() },
            state: r.state,
            available_actions: rules::available(&ctx.actor(), r.state, r.raised_by, &f),
            subject: r.subject,
            content: r.content,
            return_to: r.return_to,
            raised_by: person(r.raised_by),
            raised_at: r.raised_at.and_utc(),
            decided_by: r.decided_by.map(person),
            decided_at: r.decided_at.map(|t| t.and_utc()),
            decision: r.decision,
            returned_to: r.returned_to,
            version: r.version,
        });
    }
    Ok(out)
}

pub fn of_case(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<PetitionsView> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let rows = store::of_complaint(conn, ctx.org(), case.id)?;
    let can_raise = rules::may_raise(&ctx.actor(), facts(&case, &rows, ctx.caller.department_id)).is_ok();
    let return_targets = if case.state == State::Closed { Vec::new() } else { rules::return_targets(case.state, case.engineering_requested) };
    Ok(PetitionsView { items: views(conn, ctx, &case, rows)?, can_raise, return_targets })
}

/// The decision's entry in the history of a case it moved from `from`,
/// carrying the new step deadline (the notices follow as for any move).
fn moved_entry(tx: &mut Tx, ctx: &Ctx, from: State, case: &ComplaintRow, event: PetitionEvent, body: serde_json::Value) -> ApiResult<()> {
    let e = EventRow {
        id: 0,
        complaint_id: case.id,
        seq: case.version,
        action: EventAction::Petition(event),
        from_state: Some(from),
        to_state: case.state,
        actor_id: Some(ctx.user()),
        actor_role: ctx.caller.main_role(),
        at: ctx.now,
        body: body.to_string(),
        step_due_at: case.step_due_at,
    };
    events::insert_event(tx, &e)?;
    ctx.audit(tx, &format!("complaint.{}", event.as_str()), "complaint", case.id, body)?;
    Ok(())
}

/// A department head puts a dispute in writing; the general manager is told.
pub fn raise(tx: &mut Tx, ctx: &Ctx, cmd: RaisePetition) -> ApiResult<PetitionView> {
    let (case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    let rows = store::of_complaint(tx, ctx.org(), case.id)?;
    let f = facts(&case, &rows, ctx.caller.department_id);
    rules::may_raise(&ctx.actor(), f).map_err(refused)?;
    rules::check_petition(&cmd.petition, &f).map_err(refused)?;
    let p = cmd.petition;
    let new = NewPetition {
        org_id: ctx.org(),
        complaint_id: case.id,
        department_id: ctx.caller.department_id,
        state: PetitionState::Pending,
        subject: p.subject.clone(),
        content: p.content.clone(),
        return_to: p.return_to,
        raised_by: ctx.user(),
        raised_at: ctx.now,
    };
    crate::app::improvement::hold_open(tx, &case)?;
    let row =
        store::insert(tx, &new)?.ok_or_else(|| ApiError::conflict(ProblemCode::AlreadyDone, "a petition of your department waits for a decision already"))?;
    let body = serde_json::json!({"petition_id": row.id, "subject": p.subject, "content": p.content, "return_to": p.return_to});
    let case = crate::app::improvement::history(tx, ctx, &case, PetitionEvent::RaisePetition, body)?;
    let department = people::department(tx, ctx.org(), ctx.caller.department_id)?.name;
    let mut users = people::users_with_role(tx, case.org_id, Role::Gm, None)?;
    users.retain(|u| *u != ctx.user());
    events::notify(tx, case.org_id, &users, &Notice::petition_raised(case.id, &label(&case), &department, &p.subject), ctx.now)?;
    ctx.created_at_location(tx, &format!("/api/v1/complaints/{}/petitions", case.id))?;
    Ok(views(tx, ctx, &case, vec![row])?.remove(0))
}

/// The general manager decides (and may send the case back), or the author withdraws.
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: ActOnPetition) -> ApiResult<PetitionView> {
    let (case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    let row = store::of_complaint(tx, ctx.org(), case.id)?.into_iter().find(|r| r.id == cmd.petition_id).ok_or(ApiError::NotFound)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let f = facts(&case, &[], ctx.caller.department_id);
    let to = rules::act(&ctx.actor(), row.state, row.raised_by, &f, cmd.action, cmd.ruling.as_ref()).map_err(refused)?;
    crate::app::improvement::hold_open(tx, &case)?;
    let ruling = cmd.ruling.filter(|_| cmd.action == PetitionAction::Decide);
    let returned_to = ruling.as_ref().and_then(|r| r.return_to);
    let settle = Settle { state: to, by: ctx.user(), decision: ruling.as_ref().map(|r| r.decision.clone()), returned_to, at: ctx.now };
    let saved = store::settle(tx, row.id, row.version, settle)?.ok_or(ApiError::PreconditionFailed)?;
    let body = serde_json::json!({"petition_id": row.id, "subject": row.subject, "decision": saved.decision, "returned_to": returned_to});
    let event = if to == PetitionState::Withdrawn { PetitionEvent::WithdrawPetition } else { PetitionEvent::DecidePetition };
    let case = match returned_to {
        Some(state) => sent_back(tx, ctx, &case, state, event, body)?,
        None => crate::app::improvement::history(tx, ctx, &case, event, body)?,
    };
    let mut users = people::users_with_role(tx, case.org_id, Role::Coordinator, None)?;
    if to == PetitionState::Withdrawn {
        users.extend(people::users_with_role(tx, case.org_id, Role::Gm, None)?);
    } else {
        users.push(row.raised_by);
    }
    users.sort_unstable();
    users.dedup();
    users.retain(|u| *u != ctx.user());
    let decision = saved.decision.clone().unwrap_or_default();
    events::notify(tx, case.org_id, &users, &Notice::petition_decided(case.id, &label(&case), &row.subject, &decision, returned_to), ctx.now)?;
    Ok(views(tx, ctx, &case, vec![saved])?.remove(0))
}

/// Moves the case to the named step as the route's own send-back would:
/// the step's deadline restarts, its people are told.
fn sent_back(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, to: State, event: PetitionEvent, body: serde_json::Value) -> ApiResult<ComplaintRow> {
    let (calendar, deadlines) = crate::app::policy::calendar_and_deadlines(tx, case.org_id)?;
    let rules = Rules { calendar: &calendar, deadlines: &deadlines, approval: None, loss: None, eight_d: None };
    let d = case::send_back_to(&case.case(), to, &rules, ctx.now.and_utc());
    let moved = complaint_changes::apply(tx, case, &d, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    moved_entry(tx, ctx, case.state, &moved, event, body)?;
    notify::case_moved(tx, &moved, EventType::ComplaintStateChanged, ctx.now)?;
    Ok(moved)
}

/// Refuses a close while a petition waits for the general manager.
pub fn guard_close(conn: &mut DbConn, complaint_id: i64) -> ApiResult<()> {
    if store::any_pending(conn, complaint_id)? {
        return Err(ApiError::state("a petition (签呈) on this case waits for the general manager's decision"));
    }
    Ok(())
}

/// A row of the general manager's box.
#[derive(Serialize, ToSchema)]
pub struct PetitionSummary {
    pub id: i64,
    pub complaint: Ref,
    pub product_number: Option<String>,
    pub case_state: State,
    pub department: Ref,
    pub state: PetitionState,
    pub subject: String,
    pub raised_by: Ref,
    pub raised_at: DateTime<Utc>,
}

/// Petitions in `state` (the general manager's box: `pending`) of the cases the caller may read, oldest first (at most 200).
pub fn list(conn: &mut DbConn, ctx: &Ctx, state: PetitionState) -> ApiResult<Vec<PetitionSummary>> {
    let rows = store::in_state(conn, ctx.org(), &complaints::list::scope(ctx), state, 200)?;
    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.raised_by).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let departments = department_names(conn, rows.iter().map(|(r, _)| r.department_id))?;
    let mut out = Vec::with_capacity(rows.len());
    for (r, case) in rows {
        out.push(PetitionSummary {
            id: r.id,
            complaint: Ref { id: case.id, name: label(&case) },
            product_number: case.product_number,
            case_state: case.state,
            department: Ref { id: r.department_id, name: departments.get(&r.department_id).cloned().unwrap_or_default() },
            state: r.state,
            subject: r.subject,
            raised_by: Ref { id: r.raised_by, name: names.get(&r.raised_by).cloned().unwrap_or_default() },
            raised_at: r.raised_at.and_utc(),
        });
    }
    Ok(out)
}
