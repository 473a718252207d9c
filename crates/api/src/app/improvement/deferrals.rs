//! Deferred closure (暂缓关闭, seed 002 §7.4.2): the department working on a
//! case asks to close it later; the coordinator's manager approves, which
//! moves the step's and the case's deadlines to the date asked for and
//! makes it a second-level irrational complaint, followed as asked; or
//! refuses, saying why.

use super::{history, record, refused};
use crate::app::complaints::notify::label;
use crate::app::complaints::{self, notify};
use crate::app::views::Ref;
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::improvement::{
    self as rules, DeferralAction, DeferralFacts, DeferralRequest, DeferralState, IrrationalFollow, IrrationalLevel, TrackingEvent,
};
use kehu_domain::notice::Notice;
use kehu_domain::{Role, State};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::deferrals::{self as store, DeferralRow, NewDeferral};
use kehu_persistence::improvement::{self as marks, MarksRow};
use kehu_persistence::{events, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// 暂缓关闭申请.
#[derive(Serialize, ToSchema)]
pub struct DeferralView {
    pub id: i64,
    pub complaint: Ref,
    pub state: DeferralState,
    pub reason: String,
    /// How the case is followed meanwhile (关注 / 监控).
    pub follow: IrrationalFollow,
    /// The date by which the case closes instead.
    pub until_on: NaiveDate,
    pub requested_by: Ref,
    pub requested_at: DateTime<Utc>,
    pub decided_by: Option<Ref>,
    pub decided_at: Option<DateTime<Utc>>,
    /// The decision's comment (required to refuse).
    pub comment: Option<String>,
    pub available_actions: Vec<DeferralAction>,
    pub version: i64,
}

/// A case's requests, newest first, and whether the caller may ask now.
#[derive(Serialize, ToSchema)]
pub struct DeferralsView {
    pub items: Vec<DeferralView>,
    pub can_request: bool,
}

pub struct RequestDeferral {
    pub complaint_id: i64,
    pub request: DeferralRequest,
}

pub struct DecideDeferral {
    pub complaint_id: i64,
    pub deferral_id: i64,
    pub version: i64,
    pub action: DeferralAction,
    pub comment: Option<String>,
}

fn facts(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, rows: &[DeferralRow]) -> ApiResult<DeferralFacts> {
    let involved = case.countermeasure_department_id == Some(ctx.caller.department_id) || notify::waiting_for(conn, case)?.contains(&ctx.user());
    Ok(DeferralFacts { state: case.state, numbered: case.number.is_some(), involved, pending: rows.iter().any(|r| r.state == DeferralState::Requested) })
}

fn views(conn: &mut DbConn, ctx: &Ctx, case: &ComplaintRow, rows: Vec<DeferralRow>) -> ApiResult<Vec<DeferralView>> {
    let ids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.requested_by), r.decided_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let person = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let open = case.state != State::Closed;
    Ok(rows
        .into_iter()
        .map(|r| DeferralView {
            id: r.id,
            complaint: Ref { id: case.id, name: label(case) },
            state: r.state,
            available_actions: rules::available(&ctx.actor(), r.state, open),
            reason: r.reason,
            follow: r.follow,
            until_on: r.until_on,
            requested_by: person(r.requested_by),
            requested_at: r.requested_at.and_utc(),
            decided_by: r.decided_by.map(person),
            decided_at: r.decided_at.map(|t| t.and_utc()),
            comment: r.comment,
            version: r.version,
        })
        .collect())
}

pub fn of_case(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<DeferralsView> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let rows = store::of_complaint(conn, ctx.org(), case.id)?;
    let can_request = rules::may_request(&ctx.actor(), facts(conn, ctx, &case, &rows)?).is_ok();
    Ok(DeferralsView { items: views(conn, ctx, &case, rows)?, can_request })
}

/// Asks to defer the case's closure; the coordinator's managers are told.
pub fn request(tx: &mut Tx, ctx: &Ctx, cmd: RequestDeferral) -> ApiResult<DeferralView> {
    let (case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    let rows = store::of_complaint(tx, ctx.org(), case.id)?;
    rules::may_request(&ctx.actor(), facts(tx, ctx, &case, &rows)?).map_err(refused)?;
    let today = crate::app::customers::today(tx, ctx.org())?;
    rules::check_request(&cmd.request, today).map_err(refused)?;
    super::hold_open(tx, &case)?;
    let r = cmd.request;
    let new = NewDeferral {
        org_id: ctx.org(),
        complaint_id: case.id,
        state: DeferralState::Requested,
        reason: r.reason.clone(),
        follow: r.follow,
        until_on: r.until,
        requested_by: ctx.user(),
        requested_at: ctx.now,
    };
    let row = store::insert(tx, &new)?.ok_or_else(|| ApiError::conflict(ProblemCode::AlreadyDone, "a deferral request waits for a decision already"))?;
    let body = serde_json::json!({"deferral_id": row.id, "reason": r.reason, "follow": r.follow, "until_on": r.until});
    let case = history(tx, ctx, &case, TrackingEvent::RequestDeferral, body)?;
    let mut users = people::users_with_role(tx, case.org_id, Role::DeputyGm, None)?;
    users.extend(people::users_with_role(tx, case.org_id, Role::Gm, None)?);
    users.retain(|u| *u != ctx.user());
    events::notify(tx, case.org_id, &users, &Notice::deferral_request(case.id, &label(&case), r.until, &r.reason), ctx.now)?;
    ctx.created_at_location(tx, &format!("/api/v1/complaints/{}/deferrals", case.id))?;
    Ok(views(tx, ctx, &case, vec![row])?.remove(0))
}

/// Approves (deadlines moved, the case a second-level irrational one) or refuses.
pub fn decide(tx: &mut Tx, ctx: &Ctx, cmd: DecideDeferral) -> ApiResult<DeferralView> {
    let (case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    let row = store::of_complaint(tx, ctx.org(), case.id)?.into_iter().find(|r| r.id == cmd.deferral_id).ok_or(ApiError::NotFound)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let to = rules::decide(&ctx.actor(), row.state, case.state != State::Closed, cmd.action, cmd.comment.as_deref()).map_err(refused)?;
    super::hold_open(tx, &case)?;
    let saved = store::decide(tx, row.id, row.version, to, ctx.user(), cmd.comment.clone(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let body = serde_json::json!({"deferral_id": row.id, "until_on": row.until_on, "comment": cmd.comment});
    let case = if to == DeferralState::Approved {
        second_level(tx, ctx, &case, &row)?;
        let due = policy::calendar(tx, case.org_id)?.day_start(row.until_on.succ_opt().unwrap_or(row.until_on)).naive_utc();
        let moved = store::defer_case(tx, case.id, due, ctx.now)?;
        record(tx, ctx, moved, TrackingEvent::ApproveDeferral, body)?
    } else {
        history(tx, ctx, &case, TrackingEvent::RefuseDeferral, body)?
    };
    let mut users = people::users_with_role(tx, case.org_id, Role::Coordinator, None)?;
    users.push(row.requested_by);
    users.sort_unstable();
    users.dedup();
    users.retain(|u| *u != ctx.user());
    let notice = Notice::deferral_decided(case.id, &label(&case), to == DeferralState::Approved, row.until_on, cmd.comment.as_deref());
    events::notify(tx, case.org_id, &users, &notice, ctx.now)?;
    Ok(views(tx, ctx, &case, vec![saved])?.remove(0))
}

/// 二次非理性抱怨: the approved deferral's follow mode and reason become the
/// case's irrational mark.
fn second_level(tx: &mut Tx, ctx: &Ctx, case: &ComplaintRow, row: &DeferralRow) -> ApiResult<()> {
    let (old, version) = match marks::marks_of(tx, ctx.org(), case.id)? {
        Some(m) => {
            let v = m.version;
            (m, v)
        }
        None => (MarksRow { complaint_id: case.id, org_id: ctx.org(), ..MarksRow::default() }, 0),
    };
    let new = MarksRow {
        irrational_level: Some(IrrationalLevel::Second),
        irrational_follow: Some(row.follow),
        irrational_reason: Some(row.reason.clone()),
        irrational_by: Some(ctx.user()),
        irrational_at: Some(ctx.now),
        updated_at: ctx.now,
        ..old
    };
    marks::save_marks(tx, &new, version)?.ok_or(ApiError::PreconditionFailed)?;
    Ok(())
}

/// A row of the decision box.
#[derive(Serialize, ToSchema)]
pub struct DeferralSummary {
    pub id: i64,
    pub complaint: Ref,
    pub product_number: Option<String>,
    pub state: DeferralState,
    pub reason: String,
    pub until_on: NaiveDate,
    pub requested_by: Ref,
    pub requested_at: DateTime<Utc>,
}

/// Requests in `state` (the decision box: `requested`) of the cases the caller may read, oldest first (at most 200).
pub fn list(conn: &mut DbConn, ctx: &Ctx, state: DeferralState) -> ApiResult<Vec<DeferralSummary>> {
    let rows = store::in_state(conn, ctx.org(), &complaints::list::scope(ctx), state, 200)?;
    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.requested_by).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|(r, case)| DeferralSummary {
            id: r.id,
            complaint: Ref { id: case.id, name: label(&case) },
            product_number: case.product_number,
            state: r.state,
            reason: r.reason,
            until_on: r.until_on,
            requested_by: Ref { id: r.requested_by, name: names.get(&r.requested_by).cloned().unwrap_or_default() },
            requested_at: r.requested_at.and_utc(),
        })
        .collect())
}
