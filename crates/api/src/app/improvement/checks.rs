//! The effectiveness check of a case's corrective actions (措施的有效性验证,
//! seed 002 §5.4): scheduled by the close for QA, the policy's number of
//! days later; reminded when due; a failed check drafts a new case for the
//! customer's salesperson, linked to this one as its repeat.

use super::{history, negligence, refused};
use crate::app::complaints::notify::label;
use crate::app::views::Ref;
use crate::app::{complaints, policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use kehu_domain::eightd::EightDPolicy;
use kehu_domain::improvement::{self as rules, CheckResult, CheckState, TrackingEvent};
use kehu_domain::notice::Notice;
use kehu_domain::{Role, State};
use kehu_persistence::complaints::{self as cases, ComplaintRow};
use kehu_persistence::events;
use kehu_persistence::improvement::{self as store, CheckResultRow, CheckRow, NewCheck};
use kehu_persistence::{people, write_tx, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// 措施有效性验证: the check of a closed case's corrective actions.
#[derive(Serialize, ToSchema)]
pub struct CheckView {
    pub id: i64,
    pub complaint: Ref,
    pub state: CheckState,
    pub due_on: NaiveDate,
    /// Scheduled and past its date.
    pub overdue: bool,
    /// The corrective actions to check, as the case had them when it closed.
    pub actions: Vec<String>,
    /// The existing problem is improved.
    pub works: Option<bool>,
    /// The actions cause no new problem.
    pub no_new_problem: Option<bool>,
    /// The error cannot happen again.
    pub prevents_recurrence: Option<bool>,
    pub evidence: Option<String>,
    pub checked_by: Option<Ref>,
    pub checked_at: Option<DateTime<Utc>>,
    /// The new case a failed check drafted (its id; named by its number once registered).
    pub follow_up: Option<Ref>,
    /// The caller may record the result now.
    pub can_record: bool,
    pub version: i64,
}

/// A row of QA's list of checks.
#[derive(Serialize, ToSchema)]
pub struct CheckSummary {
    pub id: i64,
    pub complaint: Ref,
    pub product_number: Option<String>,
    pub state: CheckState,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub checked_at: Option<DateTime<Utc>>,
    pub follow_up_id: Option<i64>,
}

/// A result, at the version the caller read.
pub struct RecordCheck {
    pub complaint_id: i64,
    pub version: i64,
    pub result: CheckResult,
}

/// The corrective actions a case closes with: the responsible unit's
/// permanent actions and its 8D report's (D5).
fn corrective_actions(conn: &mut DbConn, case: &ComplaintRow) -> ApiResult<Vec<String>> {
    let mut actions: Vec<String> = case
        .countermeasure
        .as_deref()
        .and_then(|j| serde_json::from_str::<serde_json::Value>(j).ok())
        .and_then(|c| c.get("permanent_actions").and_then(|a| a.as_str()).map(|a| a.trim().to_owned()))
        .filter(|a| !a.is_empty())
        .into_iter()
        .collect();
    if let Some(row) = kehu_persistence::eight_d::of_complaint(conn, case.org_id, case.id)? {
        let report = crate::app::eight_d::report(&row)?;
        actions.extend(report.actions.iter().map(|a| a.action.trim().to_owned()).filter(|a| !a.is_empty()));
    }
    Ok(actions)
}

/// After the close: schedules the check when the case closed resolved with
/// corrective actions and is not pure human negligence. Returns the case
/// as it now stands (a new version when a check was scheduled).
pub(crate) fn schedule_after_close(tx: &mut Tx, ctx: &Ctx, case: ComplaintRow) -> ApiResult<ComplaintRow> {
    if case.state != State::Closed {
        return Ok(case);
    }
    let p: EightDPolicy = policy::current(tx, case.org_id, policy::EIGHT_D)?.0;
    let actions = corrective_actions(tx, &case)?;
    let check = p.effectiveness();
    if !check.needs_check(case.closure, !actions.is_empty(), negligence(tx, case.org_id, case.id)?) {
        return Ok(case);
    }
    let closed_on = policy::calendar(tx, case.org_id)?.local_date(ctx.now.and_utc());
    let due_on = check.due_on(closed_on);
    let new = NewCheck {
        org_id: case.org_id,
        complaint_id: case.id,
        state: CheckState::Scheduled,
        due_on,
        actions: serde_json::to_string(&actions).map_err(|e| ApiError::Internal(e.to_string()))?,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let row = store::schedule(tx, &new)?;
    history(tx, ctx, &case, TrackingEvent::ScheduleCheck, serde_json::json!({"check_id": row.id, "due_on": due_on}))
}

fn build(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, row: CheckRow, today: NaiveDate) -> ApiResult<CheckView> {
    let names: HashMap<i64, String> = people::display_names(conn, &row.checked_by.into_iter().collect::<Vec<_>>())?.into_iter().collect();
    let follow_up = match row.follow_up_id {
        Some(id) => Some(Ref { id, name: cases::get(conn, case.org_id, id).map(|r| label(&r))? }),
        None => None,
    };
    let result = CheckResult { works: true, no_new_problem: true, prevents_recurrence: true, evidence: "offered".into() };
    Ok(CheckView {
        id: row.id,
        complaint: Ref { id: case.id, name: label(case) },
        state: row.state,
        due_on: row.due_on,
        overdue: row.state == CheckState::Scheduled && today > row.due_on,
        actions: serde_json::from_str(&row.actions).unwrap_or_default(),
        works: row.works,
        no_new_problem: row.no_new_problem,
        prevents_recurrence: row.prevents_recurrence,
        evidence: row.evidence,
        checked_by: row.checked_by.map(|id| Ref { id, name: names.get(&id).cloned().unwrap_or_default() }),
        checked_at: row.checked_at.map(|t| t.and_utc()),
        follow_up,
        can_record: rules::record(&ctx.actor(), row.state, &result).is_ok(),
        version: row.version,
    })
}

/// The check of a case the caller may read, or 404.
fn load(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<(ComplaintRow, CheckRow)> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let row = store::check_of(conn, ctx.org(), case.id)?.ok_or(ApiError::NotFound)?;
    Ok((case, row))
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<CheckView> {
    let (case, row) = load(conn, ctx, complaint_id)?;
    let today = crate::app::customers::today(conn, ctx.org())?;
    build(conn, ctx, &case, row, today)
}

/// QA records the result; a failed check drafts the follow-up case.
pub fn record(tx: &mut Tx, ctx: &Ctx, cmd: RecordCheck) -> ApiResult<CheckView> {
    let (case, row) = load(tx, ctx, cmd.complaint_id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let to = rules::record(&ctx.actor(), row.state, &cmd.result).map_err(refused)?;
    let r = &cmd.result;
    let follow_up = if to == CheckState::Failed { Some(raise_follow_up(tx, ctx, &case, row.id)?) } else { None };
    let changes = CheckResultRow {
        state: to,
        works: Some(r.works),
        no_new_problem: Some(r.no_new_problem),
        prevents_recurrence: Some(r.prevents_recurrence),
        evidence: Some(r.evidence.clone()),
        checked_by: Some(ctx.user()),
        checked_at: Some(ctx.now),
        follow_up_id: follow_up.as_ref().map(|d| d.id),
    };
    let saved = store::record(tx, row.id, row.version, &changes, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let event = if to == CheckState::Passed { TrackingEvent::PassCheck } else { TrackingEvent::FailCheck };
    let body = serde_json::json!({
        "check_id": row.id, "works": r.works, "no_new_problem": r.no_new_problem,
        "prevents_recurrence": r.prevents_recurrence, "evidence": r.evidence, "follow_up_id": changes.follow_up_id,
    });
    let case = history(tx, ctx, &case, event, body)?;
    if let Some(draft) = &follow_up {
        let mut users = vec![case.created_by];
        users.extend(people::users_with_role(tx, case.org_id, Role::Coordinator, None)?);
        users.extend(people::users_with_role(tx, case.org_id, Role::QaManager, None)?);
        users.sort_unstable();
        users.dedup();
        users.retain(|u| *u != ctx.user());
        events::notify(tx, case.org_id, &users, &Notice::effectiveness_failed(case.id, &label(&case), draft.id, &r.evidence), ctx.now)?;
    }
    let today = crate::app::customers::today(tx, ctx.org())?;
    build(tx, ctx, &case, saved, today)
}

/// A new draft of the same customer and product, for the case's
/// salesperson, linked to it as its repeat (the link set before the draft's
/// people are told, so its first read shows it).
fn raise_follow_up(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, check_id: i64) -> ApiResult<ComplaintRow> {
    let body = serde_json::json!({"raised_by_check": check_id, "repeat_of_id": case.id, "repeat_of_number": case.number});
    let draft = complaints::draft_from(tx, ctx, case, case.created_by, None, body)?;
    Ok(kehu_persistence::complaint_changes::set_repeat_of(tx, draft.id, case.id)?)
}

/// Checks in `state` (only those due by today with `due`) of the cases the
/// caller may read, the earliest due first (at most 200).
pub fn list(conn: &mut DbConn, ctx: &Ctx, state: CheckState, due: bool) -> ApiResult<Vec<CheckSummary>> {
    let today = crate::app::customers::today(conn, ctx.org())?;
    let rows = store::checks_in(conn, ctx.org(), &complaints::list::scope(ctx), state, due.then_some(today), 200)?;
    Ok(rows
        .into_iter()
        .map(|(c, case)| CheckSummary {
            id: c.id,
            complaint: Ref { id: case.id, name: label(&case) },
            product_number: case.product_number,
            state: c.state,
            due_on: c.due_on,
            overdue: c.state == CheckState::Scheduled && today > c.due_on,
            checked_at: c.checked_at.map(|t| t.and_utc()),
            follow_up_id: c.follow_up_id,
        })
        .collect())
}

/// The worker: reminds QA of each check that fell due, once (claimed, so
/// several instances send one).
pub fn remind_due(conn: &mut DbConn, now: NaiveDateTime) -> ApiResult<usize> {
    // The latest date any calendar can be on; each org's own date decides.
    let latest = (now + chrono::Duration::hours(14)).date();
    let mut today: HashMap<i64, NaiveDate> = HashMap::new();
    let mut issued = 0;
    for d in store::due_unreminded(conn, latest, 500)? {
        let org_today = match today.get(&d.org_id) {
            Some(t) => *t,
            None => *today.entry(d.org_id).or_insert(policy::calendar(conn, d.org_id)?.local_date(now.and_utc())),
        };
        if org_today < d.due_on {
            continue;
        }
        let sent = write_tx(conn, |c| {
            if !store::claim_reminder(c, d.id, now)? {
                return Ok::<bool, ApiError>(false);
            }
            let case = cases::get(c, d.org_id, d.complaint_id)?;
            let mut users = people::users_with_role(c, d.org_id, Role::Qa, None)?;
            users.extend(people::users_with_role(c, d.org_id, Role::QaManager, None)?);
            users.sort_unstable();
            users.dedup();
            events::notify(c, d.org_id, &users, &Notice::effectiveness_due(case.id, &label(&case), d.due_on), now)?;
            let audit = events::Audit {
                org_id: Some(d.org_id),
                user_id: None,
                action: "complaint.effectiveness_due",
                entity: "complaint",
                entity_id: Some(d.complaint_id),
                request_id: None,
                details: serde_json::json!({"check_id": d.id, "due_on": d.due_on}).to_string(),
                at: now,
            };
            events::audit(c, &audit)?;
            Ok(true)
        })?;
        issued += usize::from(sent);
    }
    Ok(issued)
}
