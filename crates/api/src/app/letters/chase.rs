//! The worker's follow-through (domain.md §4.4): each deadline of an open
//! case — its step's, the whole case's, a severe case's containment — is
//! chased with a reminder (催办单) when it passes, again to the department's
//! manager, and again to the general manager's office, at the thresholds of
//! the follow-up policy. Each escalation is claimed before it is sent, in the
//! transaction that sends it, so several instances send it once.

use super::{department_of, issue, of_kind, Chase};
use crate::app::complaints::notify;
use crate::app::policy;
use crate::error::ApiResult;
use chrono::NaiveDateTime;
use kehu_domain::chase::ChasePolicy;
use kehu_domain::events::{Aggregate, EventType};
use kehu_domain::letter::{LetterClock, LetterKind};
use kehu_domain::notice::Notice;
use kehu_domain::org::DepartmentKind;
use kehu_domain::{Role, State};
use kehu_persistence::complaints::{self, ComplaintRow};
use kehu_persistence::events::{self, OutboxEvent};
use kehu_persistence::{chases, people, write_tx, DbConn};

const BATCH: i64 = 200;

/// The clocks and levels the scan walks: highest level first, so a case
/// found late is told once, at the level it reached. A step's first
/// reminder is the worker's own (`worker::scan_overdue`).
const WALK: [(LetterClock, i32); 8] = [
    (LetterClock::Containment, 3),
    (LetterClock::Containment, 2),
    (LetterClock::Containment, 1),
    (LetterClock::Case, 3),
    (LetterClock::Case, 2),
    (LetterClock::Case, 1),
    (LetterClock::Step, 3),
    (LetterClock::Step, 2),
];

/// Claims made between two `ANALYZE`s of the claims.
const ANALYZE_EVERY: usize = 1_000;

/// One pass at `now`; returns how many reminders this instance sent.
pub fn scan(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    let mut sent = 0;
    let mut since_analyze = 0;
    for org in chases::org_ids(conn)? {
        let (p, _): (ChasePolicy, i64) = policy::current(conn, org, policy::CHASE)?;
        for (clock, level) in WALK {
            let cutoff = now - p.after(level);
            // Each walk starts from statistics that know the claims made so far.
            if since_analyze > 0 {
                chases::analyze(conn)?;
                since_analyze = 0;
            }
            loop {
                let rows = chases::due(conn, org, clock, level, cutoff, BATCH)?;
                let found = rows.len();
                for row in rows {
                    if write_tx(conn, |c| escalate(c, &row, clock, level, now))? {
                        sent += 1;
                        since_analyze += 1;
                    }
                }
                if since_analyze >= ANALYZE_EVERY {
                    chases::analyze(conn)?;
                    since_analyze = 0;
                }
                if found < BATCH as usize {
                    break;
                }
            }
        }
    }
    Ok(sent)
}

/// The deadline `clock` of the case, while it runs.
fn deadline(row: &ComplaintRow, clock: LetterClock) -> Option<NaiveDateTime> {
    if row.state == State::Closed {
        return None;
    }
    match clock {
        LetterClock::Step => row.step_due_at,
        LetterClock::Case => row.case_due_at,
        LetterClock::Containment => row.containment_due_at.filter(|_| row.containment_recorded_at.is_none()),
    }
}

/// Claims and sends one escalation; false when the case moved on since it
/// was found or another instance sent it.
fn escalate(c: &mut DbConn, found: &ComplaintRow, clock: LetterClock, level: i32, now: NaiveDateTime) -> ApiResult<bool> {
    let row = complaints::get(c, found.org_id, found.id)?;
    let Some(due) = deadline(&row, clock).filter(|d| Some(*d) == deadline(found, clock)) else {
        return Ok(false);
    };
    if !chases::claim(c, row.id, clock, due, level, now)? {
        return Ok(false);
    }
    let department_id = match clock {
        LetterClock::Containment => of_kind(&people::departments(c, row.org_id)?, DepartmentKind::Quality),
        _ => department_of(c, &row, row.state)?,
    };
    let chase = Chase { kind: LetterKind::Reminder, clock, level, step: row.state, due_at: due, late_at: now, issued_by: None, department_id };
    let letter = issue(c, &row, chase, now)?;
    let users = recipients(c, &row, clock, level, department_id)?;
    events::notify(c, row.org_id, &users, &Notice::chase(clock, row.id, &notify::label(&row), row.state, (letter.id, &letter.number), level), now)?;
    let payload = serde_json::json!({
        "complaint_id": row.id, "number": row.number, "state": row.state, "clock": clock, "level": level,
        "due_at": due.and_utc(), "letter": letter.number,
    });
    let event = OutboxEvent {
        org_id: row.org_id,
        event_type: EventType::ComplaintOverdue,
        aggregate: Aggregate::Complaint,
        aggregate_id: row.id,
        payload: payload.to_string(),
        at: now,
    };
    events::enqueue(c, &event)?;
    let details = serde_json::json!({"clock": clock, "level": level, "due_at": due, "letter": letter.number}).to_string();
    let audit = events::Audit {
        org_id: Some(row.org_id),
        user_id: None,
        action: "complaint.escalated",
        entity: "complaint",
        entity_id: Some(row.id),
        request_id: None,
        details,
        at: now,
    };
    events::audit(c, &audit)?;
    Ok(true)
}

/// Department managers, by department.
const MANAGERS: [Role; 4] = [Role::SalesManager, Role::QaManager, Role::ProductionManager, Role::MarketingManager];

/// Level 1: whoever the case waits for (the containment: QA and the unit
/// drafting countermeasures); 2: also the managers of the department
/// addressed (the deputy general manager where it has none); 3: also the
/// general manager's office (the deputy general manager and the general manager).
fn recipients(c: &mut DbConn, row: &ComplaintRow, clock: LetterClock, level: i32, department_id: Option<i64>) -> ApiResult<Vec<i64>> {
    let org = row.org_id;
    let mut users = match clock {
        LetterClock::Containment => {
            let mut v = people::users_with_role(c, org, Role::Qa, None)?;
            v.extend(people::users_with_role(c, org, Role::QaManager, None)?);
            if let Some(d) = row.countermeasure_department_id {
                v.extend(people::active_users_in_department(c, d)?);
            }
            v
        }
        _ => notify::waiting_for(c, row)?,
    };
    if level >= 2 {
        let mut managers = Vec::new();
        for d in [department_id, row.countermeasure_department_id.filter(|_| clock == LetterClock::Containment)].into_iter().flatten() {
            for role in MANAGERS {
                managers.extend(people::users_with_role(c, org, role, Some(d))?);
            }
        }
        if managers.is_empty() {
            managers = people::users_with_role(c, org, Role::DeputyGm, None)?;
        }
        users.extend(managers);
    }
    if level >= 3 {
        users.extend(people::users_with_role(c, org, Role::DeputyGm, None)?);
        users.extend(people::users_with_role(c, org, Role::Gm, None)?);
    }
    users.sort_unstable();
    users.dedup();
    Ok(users)
}
