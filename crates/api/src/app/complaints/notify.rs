//! Who hears about a case: whoever it now waits for, and managers on alerts.

use crate::app::letters::{self, Chase};
use crate::error::ApiResult;
use chrono::NaiveDateTime;
use kehu_domain::events::{Aggregate, EventType};
use kehu_domain::letter::{LetterClock, LetterKind};
use kehu_domain::notice::Notice;
use kehu_domain::{Role, State};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::events::{self, OutboxEvent};
use kehu_persistence::{people, DbConn};

/// The case's number, or `#id` while it has none.
pub(crate) fn label(row: &ComplaintRow) -> String {
    row.number.clone().unwrap_or_else(|| format!("#{}", row.id))
}

/// The active users whose step the case is in.
pub fn waiting_for(conn: &mut DbConn, row: &ComplaintRow) -> ApiResult<Vec<i64>> {
    let state = row.state;
    let org = row.org_id;
    use State::*;
    let mut ids = match state {
        AwaitingRegistration | CoordinatorReview | Consolidation | AwaitingClose => people::users_with_role(conn, org, Role::Coordinator, None)?,
        QaInvestigation => {
            let mut v = people::users_with_role(conn, org, Role::Qa, None)?;
            v.extend(people::users_with_role(conn, org, Role::QaManager, None)?);
            v
        }
        ProductionCountermeasure => row.countermeasure_department_id.map(|d| people::active_users_in_department(conn, d)).transpose()?.unwrap_or_default(),
        EngineeringReview => people::users_with_role(conn, org, Role::Engineering, None)?,
        Draft | SalesProposal | CustomerNegotiation | InvalidNotice => {
            let mut v = vec![row.created_by];
            v.extend(people::users_with_role(conn, org, Role::Sales, Some(row.sales_department_id))?);
            v
        }
        AwaitingCountersign => {
            let dept = Some(row.sales_department_id);
            let mut v = people::users_with_role(conn, org, Role::SalesSupervisor, dept)?;
            v.extend(people::users_with_role(conn, org, Role::SalesManager, dept)?);
            v
        }
        PendingApproval => match row.approver_role {
            Some(Role::SalesManager) => people::users_with_role(conn, org, Role::SalesManager, Some(row.sales_department_id))?,
            Some(r) => people::users_with_role(conn, org, r, None)?,
            None => Vec::new(),
        },
        Closed => Vec::new(),
    };
    if state == PendingApproval {
        ids.retain(|id| Some(*id) != row.proposed_by);
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Notifies the people a case now waits for, and records the outbox event.
pub fn case_moved(conn: &mut DbConn, row: &ComplaintRow, event_type: EventType, now: NaiveDateTime) -> ApiResult<()> {
    let users = waiting_for(conn, row)?;
    events::notify(conn, row.org_id, &users, &Notice::task(row.id, &label(row), row.state), now)?;
    outbox(conn, row, event_type, now)
}

pub fn outbox(conn: &mut DbConn, row: &ComplaintRow, event_type: EventType, now: NaiveDateTime) -> ApiResult<()> {
    let payload = serde_json::json!({"complaint_id": row.id, "number": row.number, "state": row.state, "closure": row.closure, "version": row.version});
    events::enqueue(
        conn,
        &OutboxEvent { org_id: row.org_id, event_type, aggregate: Aggregate::Complaint, aggregate_id: row.id, payload: payload.to_string(), at: now },
    )?;
    Ok(())
}

/// Major complaints alert the department's sales manager, the deputy GM, the
/// GM and legal (seed 001 §2.5: 向品牌事业部、法务部预警报备).
pub fn major_alert(conn: &mut DbConn, row: &ComplaintRow, now: NaiveDateTime) -> ApiResult<()> {
    let mut users = people::users_with_role(conn, row.org_id, Role::SalesManager, Some(row.sales_department_id))?;
    users.extend(people::users_with_role(conn, row.org_id, Role::DeputyGm, None)?);
    users.extend(people::users_with_role(conn, row.org_id, Role::Gm, None)?);
    users.extend(people::users_with_role(conn, row.org_id, Role::Legal, None)?);
    users.sort_unstable();
    users.dedup();
    let notice = Notice::major_alert(row.id, &label(row), row.description.as_deref().unwrap_or(""));
    events::notify(conn, row.org_id, &users, &notice, now)?;
    outbox(conn, row, EventType::ComplaintMajorAlert, now)
}

/// A reminder (催办单) to the people holding an overdue or urged step:
/// `urged_by` the coordinator, or the worker (`None`).
pub fn reminder(conn: &mut DbConn, row: &ComplaintRow, urged_by: Option<i64>, now: NaiveDateTime) -> ApiResult<()> {
    let due_at = row.step_due_at.unwrap_or(now);
    let chase = Chase {
        kind: LetterKind::Reminder,
        clock: LetterClock::Step,
        level: 1,
        step: row.state,
        due_at,
        late_at: now,
        issued_by: urged_by,
        department_id: None,
    };
    let letter = letters::issue(conn, row, chase, now)?;
    let users = waiting_for(conn, row)?;
    events::notify(conn, row.org_id, &users, &Notice::reminder(row.id, &label(row), row.state, (letter.id, &letter.number)), now)?;
    outbox(conn, row, EventType::ComplaintOverdue, now)
}

/// A case closed after its whole-case deadline: an inquiry (洽办单) goes to
/// the people of every step that overran its own deadline, asking why.
pub fn late_close_inquiry(conn: &mut DbConn, closed: &ComplaintRow, now: NaiveDateTime) -> ApiResult<usize> {
    let history = events::events_of(conn, closed.id, 0, 10_000)?;
    let mut late: Vec<(State, NaiveDateTime, NaiveDateTime)> = Vec::new();
    for pair in history.windows(2) {
        if let Some(due) = pair[0].step_due_at {
            if pair[1].at > due && !late.iter().any(|l| l.0 == pair[0].to_state) {
                late.push((pair[0].to_state, due, pair[1].at));
            }
        }
    }
    let late_states: Vec<State> = late.iter().map(|l| l.0).collect();
    for (state, due_at, left_at) in late {
        let chase = Chase {
            kind: LetterKind::Inquiry,
            clock: LetterClock::Step,
            level: 1,
            step: state,
            due_at,
            late_at: left_at,
            issued_by: None,
            department_id: None,
        };
        let letter = letters::issue(conn, closed, chase, now)?;
        let step = ComplaintRow { state, ..closed.clone() };
        let users = waiting_for(conn, &step)?;
        events::notify(conn, closed.org_id, &users, &Notice::late_inquiry(closed.id, &label(closed), state, (letter.id, &letter.number)), now)?;
    }
    if !late_states.is_empty() {
        let payload = serde_json::json!({"complaint_id": closed.id, "number": closed.number, "late_steps": late_states});
        events::enqueue(
            conn,
            &OutboxEvent {
                org_id: closed.org_id,
                event_type: EventType::ComplaintLateCloseInquiry,
                aggregate: Aggregate::Complaint,
                aggregate_id: closed.id,
                payload: payload.to_string(),
                at: now,
            },
        )?;
    }
    Ok(late_states.len())
}
