//! The 8D report of a complaint (8D 问题处理报告): QA opens it, prefilled
//! from the case; the team writes it section by section; the QA manager
//! approves it or sends it back. The complaint keeps a copy of the report's
//! state, written in the same transaction, for its close guard and lists.

pub mod demo;
pub mod recurrence;
mod view;

pub use view::{brief, EightDBrief, EightDSummary, EightDView, SectionView};

use crate::app::complaints::{self, notify};
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError, ProblemCode};
use kehu_domain::case::ContainmentEntry;
use kehu_domain::eightd::{
    self as rules, ContainmentStep, EightDAction, EightDEvent, EightDFacts, EightDPolicy, EightDRefusal, EightDReport, EightDState, TeamMember, TeamRole,
};
use kehu_domain::events::EventType;
use kehu_domain::notice::Notice;
use kehu_domain::workflow::EventAction;
use kehu_domain::{Role, State};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::eight_d::{self as store, EightDChanges, EightDRow, NewEightD};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::{people, DbConn};

/// Open the report of a complaint.
pub struct OpenEightD {
    pub complaint_id: i64,
    /// The customer asks for one: the case then needs it to close (policy).
    pub customer_requested: bool,
}

/// Save the draft's sections, at the version the caller read.
pub struct SaveEightD {
    pub complaint_id: i64,
    pub version: i64,
    pub report: EightDReport,
}

/// A step on the report, at the version the caller read.
pub struct EightDAct {
    pub complaint_id: i64,
    pub version: i64,
    pub action: EightDAction,
    /// The QA manager's comments (required to send it back).
    pub comment: Option<String>,
}

fn refused(r: EightDRefusal) -> ApiError {
    match r {
        EightDRefusal::WrongState => ApiError::state("the 8D report's state (or its case's) does not allow this"),
        EightDRefusal::Forbidden => ApiError::Forbidden("not this caller's part of the 8D report"),
        EightDRefusal::Invalid(issues) => ApiError::issues(issues),
    }
}

pub(crate) fn report(row: &EightDRow) -> ApiResult<EightDReport> {
    serde_json::from_str(&row.report_json).map_err(|e| ApiError::Internal(format!("8D report {}: {e}", row.id)))
}

fn json(r: &EightDReport) -> ApiResult<String> {
    serde_json::to_string(r).map_err(|e| ApiError::Internal(e.to_string()))
}

pub(crate) fn facts(case: &ComplaintRow, row: &EightDRow, report: &EightDReport) -> EightDFacts {
    EightDFacts { state: row.state, members: report.team.iter().map(|m| m.user_id).collect(), case_open: case.state != State::Closed }
}

/// The report of a complaint the caller may read, or 404.
fn load(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<(ComplaintRow, EightDRow)> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let row = store::of_complaint(conn, ctx.org(), case.id)?.ok_or(ApiError::NotFound)?;
    Ok((case, row))
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<EightDView> {
    let (case, row) = load(conn, ctx, complaint_id)?;
    view::build(conn, ctx, &case, row)
}

/// The reports in `state` (the QA manager's box: `in_review`) of the cases the caller may read.
pub fn list(conn: &mut DbConn, ctx: &Ctx, state: EightDState) -> ApiResult<Vec<EightDSummary>> {
    view::list(conn, ctx, state)
}

/// What the case already says: the intake's description (D2) and the
/// containment recorded on the route (D3); the sales representative and
/// the one who opens it on the team (D1).
fn prefill(ctx: &Ctx, case: &ComplaintRow, cal: &kehu_domain::deadline::Calendar) -> (EightDReport, Vec<&'static str>) {
    let mut team = vec![TeamMember { user_id: case.created_by, role: TeamRole::SalesRep }];
    let role = if ctx.caller.roles.contains(&Role::QaManager) {
        TeamRole::Leader
    } else if ctx.caller.roles.contains(&Role::Qa) {
        TeamRole::Quality
    } else {
        TeamRole::Member
    };
    if ctx.user() != case.created_by {
        team.push(TeamMember { user_id: ctx.user(), role });
    }
    let recorded: Vec<ContainmentEntry> = case.containment.as_deref().and_then(|j| serde_json::from_str(j).ok()).unwrap_or_default();
    let containment = recorded
        .iter()
        .flat_map(|e| e.measures.iter().map(|m| ContainmentStep { measure: *m, description: e.description.clone(), done_on: Some(cal.local_date(e.taken_at)) }))
        .collect::<Vec<_>>();
    let problem = case.description.clone().unwrap_or_default();
    let mut prefilled = Vec::new();
    if !problem.is_empty() {
        prefilled.push("problem");
    }
    if !containment.is_empty() {
        prefilled.push("containment");
    }
    (EightDReport { team, problem, containment, ..EightDReport::default() }, prefilled)
}

fn history(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, event: EightDEvent, body: serde_json::Value) -> ApiResult<()> {
    let e = EventRow {
        id: 0,
        complaint_id: case.id,
        seq: case.version,
        action: EventAction::EightD(event),
        from_state: Some(case.state),
        to_state: case.state,
        actor_id: Some(ctx.user()),
        actor_role: ctx.caller.main_role(),
        at: ctx.now,
        body: body.to_string(),
        step_due_at: None,
    };
    Ok(events::insert_event(tx, &e)?)
}

/// Opens the report (QA, the QA manager or the coordinator) of a registered, open case.
pub fn open(tx: &mut Tx, ctx: &Ctx, cmd: OpenEightD) -> ApiResult<EightDView> {
    let (case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    rules::may_open(&ctx.actor(), case.number.is_some(), case.state != State::Closed).map_err(refused)?;
    if store::of_complaint(tx, ctx.org(), case.id)?.is_some() {
        return Err(ApiError::conflict(ProblemCode::AlreadyDone, "the complaint has its 8D report already"));
    }
    let cal = policy::calendar(tx, ctx.org())?;
    let (report, prefilled) = prefill(ctx, &case, &cal);
    let new = NewEightD {
        org_id: ctx.org(),
        complaint_id: case.id,
        name: rules::name(case.number.as_deref().unwrap_or_default(), case.product_number.as_deref()),
        state: EightDState::Draft,
        report_json: json(&report)?,
        prefilled: prefilled.join(","),
        created_by: ctx.user(),
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let row = store::insert(tx, &new)?;
    let p: EightDPolicy = policy::current(tx, ctx.org(), policy::EIGHT_D)?.0;
    let required = case.eight_d_required || (cmd.customer_requested && p.customer_request);
    let case = store::mark_case(tx, case.id, EightDState::Draft, required, ctx.now)?;
    history(tx, ctx, &case, EightDEvent::Open, serde_json::json!({"name": row.name, "customer_requested": cmd.customer_requested}))?;
    ctx.audit(tx, "complaint.8d.open", "complaint", case.id, serde_json::json!({"report_id": row.id, "required": required}))?;
    notify::outbox(tx, &case, EventType::ComplaintUpdated, ctx.now)?;
    ctx.created_at_location(tx, &format!("/api/v1/complaints/{}/8d", case.id))?;
    view::build(tx, ctx, &case, row)
}

/// Every person the report names must be one of the organisation's users.
fn unknown_people(tx: &mut Tx, ctx: &Ctx, r: &EightDReport) -> ApiResult<()> {
    let named: Vec<(String, i64)> = r
        .team
        .iter()
        .enumerate()
        .map(|(i, m)| (format!("team[{i}].user_id"), m.user_id))
        .chain(r.actions.iter().enumerate().map(|(i, a)| (format!("actions[{i}].owner_id"), a.owner_id)))
        .collect();
    let ids: Vec<i64> = named.iter().map(|(_, id)| *id).collect();
    let known = people::in_org(tx, ctx.org(), &ids)?;
    let errors =
        named.into_iter().filter(|(_, id)| !known.contains(id)).map(|(field, _)| FieldError::new(field, FieldCode::NotFound, "no such user")).collect();
    ApiError::check(errors)
}

/// Saves the draft's sections (the team, quality and engineering).
pub fn save(tx: &mut Tx, ctx: &Ctx, cmd: SaveEightD) -> ApiResult<EightDView> {
    let (case, row) = load(tx, ctx, cmd.complaint_id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let old = report(&row)?;
    rules::may_edit(&ctx.actor(), &facts(&case, &row, &old)).map_err(refused)?;
    let today = crate::app::customers::today(tx, ctx.org())?;
    let issues = cmd.report.check_draft(today);
    if !issues.is_empty() {
        return Err(ApiError::issues(issues));
    }
    unknown_people(tx, ctx, &cmd.report)?;
    // A prefilled section stays marked until someone changes it.
    let prefilled: Vec<&str> = row
        .prefilled
        .split(',')
        .filter(|s| match *s {
            "problem" => cmd.report.problem == old.problem,
            "containment" => cmd.report.containment == old.containment,
            _ => false,
        })
        .collect();
    let ch = EightDChanges { report_json: Some(json(&cmd.report)?), prefilled: Some(prefilled.join(",")), ..Default::default() };
    let saved = store::update(tx, row.id, row.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "complaint.8d.save", "complaint", case.id, serde_json::json!({"report_id": row.id, "version": saved.version}))?;
    view::build(tx, ctx, &case, saved)
}

/// `submit` (the team), `approve` or `send_back` (the QA manager).
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: EightDAct) -> ApiResult<EightDView> {
    let (case, row) = load(tx, ctx, cmd.complaint_id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let r = report(&row)?;
    let to = rules::decide(&ctx.actor(), &facts(&case, &row, &r), cmd.action, &r, cmd.comment.as_deref()).map_err(refused)?;
    let mut ch = EightDChanges { state: Some(to), ..Default::default() };
    match cmd.action {
        EightDAction::Submit => {
            ch.submitted_by = Some(Some(ctx.user()));
            ch.submitted_at = Some(Some(ctx.now));
        }
        EightDAction::Approve => {
            ch.approved_by = Some(Some(ctx.user()));
            ch.approved_at = Some(Some(ctx.now));
            ch.review_comment = Some(cmd.comment.clone());
        }
        EightDAction::SendBack => ch.review_comment = Some(cmd.comment.clone()),
    }
    let saved = store::update(tx, row.id, row.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let case = store::mark_case(tx, case.id, to, case.eight_d_required, ctx.now)?;
    history(tx, ctx, &case, cmd.action.into(), serde_json::json!({"name": saved.name, "comment": cmd.comment}))?;
    ctx.audit(tx, &format!("complaint.8d.{}", cmd.action.as_str()), "complaint", case.id, serde_json::json!({"from": row.state, "to": to}))?;
    tell(tx, ctx, &case, &saved, &r, cmd.action, cmd.comment.as_deref())?;
    notify::outbox(tx, &case, EventType::ComplaintUpdated, ctx.now)?;
    view::build(tx, ctx, &case, saved)
}

/// A submitted report goes to the QA managers; their decision to the one
/// who opened it, who submitted it, and the team.
fn tell(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, row: &EightDRow, r: &EightDReport, action: EightDAction, comment: Option<&str>) -> ApiResult<()> {
    let number = case.number.clone().unwrap_or_default();
    let (mut users, notice) = match action {
        EightDAction::Submit => (people::users_with_role(tx, case.org_id, Role::QaManager, None)?, Notice::eight_d_review(case.id, &number, &row.name)),
        decided => {
            let mut u: Vec<i64> = r.team.iter().map(|m| m.user_id).collect();
            u.extend([row.created_by].into_iter().chain(row.submitted_by));
            (u, Notice::eight_d_decided(case.id, &number, &row.name, decided == EightDAction::Approve, comment))
        }
    };
    users.sort_unstable();
    users.dedup();
    users.retain(|u| *u != ctx.user());
    Ok(events::notify(tx, case.org_id, &users, &notice, ctx.now)?)
}
