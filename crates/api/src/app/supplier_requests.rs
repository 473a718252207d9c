//! Supplier corrective-action requests (供应商纠正措施要求): QA's conclusion
//! names a supplier on a share, which raises a request due within the 8D
//! policy's days; the coordinator sends it and records the supplier's
//! answer, QA accepts it or sends it back. Each step is an entry in the
//! case's history, also after the case closed.

use crate::app::complaints;
use crate::app::complaints::notify::label;
use crate::app::views::Ref;
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::eightd::EightDPolicy;
use kehu_domain::notice::Notice;
use kehu_domain::supplier::{self as rules, SupplierEvent, SupplierInput, SupplierRequestAction, SupplierRequestState};
use kehu_domain::{Action, Role};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::events;
use kehu_persistence::supplier_requests::{self as store, NewSupplierRequest, SupplierChanges, SupplierRequestRow};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// 供应商纠正措施要求.
#[derive(Serialize, ToSchema)]
pub struct SupplierRequestView {
    pub id: i64,
    pub complaint: Ref,
    pub product_number: Option<String>,
    pub supplier: String,
    pub state: SupplierRequestState,
    /// The problem as the case described it when the request was raised.
    pub problem: String,
    /// The share of the responsibility the investigation gave the supplier.
    pub ratio_percent: i32,
    pub due_on: NaiveDate,
    /// Waiting for the supplier past its due date.
    pub overdue: bool,
    /// The supplier's answer: the cause it found and its corrective actions.
    pub root_cause: Option<String>,
    pub actions: Option<String>,
    pub answered_on: Option<NaiveDate>,
    pub answered_by: Option<Ref>,
    /// Who accepted, sent back or cancelled it last, and when.
    pub decided_by: Option<Ref>,
    pub decided_at: Option<DateTime<Utc>>,
    /// Why the answer went back, or why the request was cancelled.
    pub comment: Option<String>,
    pub raised_by: Ref,
    pub raised_at: DateTime<Utc>,
    pub available_actions: Vec<SupplierRequestAction>,
    pub version: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SupplierRequestsView {
    pub items: Vec<SupplierRequestView>,
}

pub struct ActOnSupplierRequest {
    pub complaint_id: i64,
    pub request_id: i64,
    pub version: i64,
    pub action: SupplierRequestAction,
    pub input: SupplierInput,
}

fn views(conn: &mut DbConn, ctx: &Ctx, rows: Vec<(SupplierRequestRow, ComplaintRow)>, today: NaiveDate) -> ApiResult<Vec<SupplierRequestView>> {
    let ids: Vec<i64> = rows.iter().flat_map(|(r, _)| [Some(r.raised_by), r.answered_by, r.decided_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let person = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let actor = ctx.actor();
    Ok(rows
        .into_iter()
        .map(|(r, case)| SupplierRequestView {
            id: r.id,
            complaint: Ref { id: case.id, name: label(&case) },
            product_number: case.product_number,
            overdue: r.state == SupplierRequestState::Requested && today > r.due_on,
            available_actions: rules::available(&actor, r.state),
            supplier: r.supplier,
            state: r.state,
            problem: r.problem,
            ratio_percent: r.ratio_percent,
            due_on: r.due_on,
            root_cause: r.root_cause,
            actions: r.actions,
            answered_on: r.answered_on,
            answered_by: r.answered_by.map(person),
            decided_by: r.decided_by.map(person),
            decided_at: r.decided_at.map(|t| t.and_utc()),
            comment: r.comment,
            raised_by: person(r.raised_by),
            raised_at: r.raised_at.and_utc(),
            version: r.version,
        })
        .collect())
}

pub fn of_case(conn: &mut DbConn, ctx: &Ctx, complaint_id: i64) -> ApiResult<SupplierRequestsView> {
    let (case, _) = complaints::visible(conn, ctx, complaint_id)?;
    let today = crate::app::customers::today(conn, ctx.org())?;
    let rows = store::of_complaint(conn, ctx.org(), case.id)?.into_iter().map(|r| (r, case.clone())).collect();
    Ok(SupplierRequestsView { items: views(conn, ctx, rows, today)? })
}

fn users(tx: &mut Tx, org: i64, roles: &[Role], except: i64) -> ApiResult<Vec<i64>> {
    let mut out = Vec::new();
    for r in roles {
        out.extend(people::users_with_role(tx, org, *r, None)?);
    }
    out.sort_unstable();
    out.dedup();
    out.retain(|u| *u != except);
    Ok(out)
}

/// After QA's conclusion: a request to each supplier the shares name that
/// has none open; an open one whose supplier is no longer named is cancelled.
pub(crate) fn raise_after_conclusion(tx: &mut Tx, ctx: &Ctx, case: ComplaintRow, action: Action) -> ApiResult<ComplaintRow> {
    if action != Action::ConcludeInvestigation {
        return Ok(case);
    }
    let shares = kehu_persistence::complaints::responsibilities(tx, case.id)?;
    let named = rules::suppliers_named(shares.iter().map(|s| s.supplier.as_deref()));
    let open: Vec<SupplierRequestRow> = store::of_complaint(tx, case.org_id, case.id)?
        .into_iter()
        .filter(|r| matches!(r.state, SupplierRequestState::Requested | SupplierRequestState::Answered))
        .collect();
    let mut case = case;
    for r in open.iter().filter(|r| !named.contains(&r.supplier)) {
        let comment = "the investigation no longer names this supplier".to_owned();
        let ch = SupplierChanges {
            state: Some(SupplierRequestState::Cancelled),
            decided_by: Some(Some(ctx.user())),
            decided_at: Some(Some(ctx.now)),
            comment: Some(Some(comment.clone())),
            ..SupplierChanges::default()
        };
        store::update(tx, r.id, r.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
        let body = serde_json::json!({"request_id": r.id, "supplier": r.supplier, "comment": comment});
        case = crate::app::improvement::history(tx, ctx, &case, SupplierEvent::CancelSupplierRequest, body)?;
    }
    let new: Vec<&String> = named.iter().filter(|n| !open.iter().any(|r| &r.supplier == *n)).collect();
    if new.is_empty() {
        return Ok(case);
    }
    let p: EightDPolicy = policy::current(tx, case.org_id, policy::EIGHT_D)?.0;
    let today = crate::app::customers::today(tx, case.org_id)?;
    let due_on = rules::due_on(today, p.supplier_answer_days);
    let tell = users(tx, case.org_id, &[Role::Coordinator, Role::QaManager], ctx.user())?;
    for supplier in new {
        let ratio = shares.iter().filter(|s| s.supplier.as_deref().map(str::trim) == Some(supplier.as_str())).map(|s| s.ratio_percent).sum();
        let row = store::insert(
            tx,
            &NewSupplierRequest {
                org_id: case.org_id,
                complaint_id: case.id,
                supplier: supplier.clone(),
                state: SupplierRequestState::Requested,
                problem: case.description.clone().unwrap_or_default(),
                ratio_percent: ratio,
                due_on,
                raised_by: ctx.user(),
                raised_at: ctx.now,
                updated_at: ctx.now,
            },
        )?;
        let body = serde_json::json!({"request_id": row.id, "supplier": supplier, "ratio_percent": ratio, "due_on": due_on});
        case = crate::app::improvement::history(tx, ctx, &case, SupplierEvent::RaiseSupplierRequest, body)?;
        events::notify(tx, case.org_id, &tell, &Notice::supplier_request(case.id, &label(&case), supplier, due_on), ctx.now)?;
    }
    Ok(case)
}

/// Records the supplier's answer, accepts it, sends it back, or cancels the request.
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: ActOnSupplierRequest) -> ApiResult<SupplierRequestView> {
    let (case, _) = complaints::visible(tx, ctx, cmd.complaint_id)?;
    let row = store::of_complaint(tx, ctx.org(), case.id)?.into_iter().find(|r| r.id == cmd.request_id).ok_or(ApiError::NotFound)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let today = crate::app::customers::today(tx, ctx.org())?;
    let to = rules::act(&ctx.actor(), row.state, cmd.action, &cmd.input, today).map_err(crate::app::improvement::refused)?;
    let input = cmd.input;
    let mut ch = SupplierChanges { state: Some(to), ..SupplierChanges::default() };
    match cmd.action {
        SupplierRequestAction::RecordAnswer => {
            let a = input.answer.clone().ok_or_else(|| ApiError::Internal("an answer checked as present".into()))?;
            ch.root_cause = Some(Some(a.root_cause));
            ch.actions = Some(Some(a.actions));
            ch.answered_on = Some(Some(a.answered_on.unwrap_or(today)));
            ch.answered_by = Some(Some(ctx.user()));
        }
        SupplierRequestAction::Accept | SupplierRequestAction::Reject | SupplierRequestAction::Cancel => {
            ch.decided_by = Some(Some(ctx.user()));
            ch.decided_at = Some(Some(ctx.now));
            ch.comment = Some(input.comment.clone());
            ch.due_on = input.due_on.filter(|_| cmd.action == SupplierRequestAction::Reject);
        }
    }
    let saved = store::update(tx, row.id, row.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let body = serde_json::json!({
        "request_id": row.id, "supplier": row.supplier, "comment": input.comment,
        "root_cause": input.answer.as_ref().map(|a| &a.root_cause), "actions": input.answer.as_ref().map(|a| &a.actions),
        "due_on": saved.due_on,
    });
    let case = crate::app::improvement::history(tx, ctx, &case, cmd.action.event(), body)?;
    match cmd.action {
        SupplierRequestAction::RecordAnswer => {
            let tell = users(tx, case.org_id, &[Role::Qa, Role::QaManager], ctx.user())?;
            events::notify(tx, case.org_id, &tell, &Notice::supplier_answered(case.id, &label(&case), &row.supplier), ctx.now)?;
        }
        SupplierRequestAction::Reject => {
            let tell = users(tx, case.org_id, &[Role::Coordinator], ctx.user())?;
            events::notify(tx, case.org_id, &tell, &Notice::supplier_request(case.id, &label(&case), &row.supplier, saved.due_on), ctx.now)?;
        }
        SupplierRequestAction::Accept | SupplierRequestAction::Cancel => {}
    }
    Ok(views(tx, ctx, vec![(saved, case)], today)?.remove(0))
}

/// Requests in `state` of the cases the caller may read, by due date (at
/// most 200); `due`: only those due by today.
pub fn list(conn: &mut DbConn, ctx: &Ctx, state: SupplierRequestState, due: bool) -> ApiResult<Vec<SupplierRequestView>> {
    let today = crate::app::customers::today(conn, ctx.org())?;
    let rows = store::in_state(conn, ctx.org(), &complaints::list::scope(ctx), state, due.then_some(today), 200)?;
    views(conn, ctx, rows, today)
}
