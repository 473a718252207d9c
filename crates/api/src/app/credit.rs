//! Credit (信用等级, 信用额度, 账期), supply hold (暂停供货) and deregistration
//! (客户注销): changes that need a credit investigation and the department
//! manager's approval, each kept in the record's history.

use crate::app::customers::view::{build, CustomerView};
use crate::app::customers::{self as archive, Change};
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError, ProblemCode};
use crate::http::money;
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::customer::{
    self as rules, ChangeField, ChangeRequest, ChangeSource, Confidentiality, CreditGrade, CustomerStatus, PendingRequest, ReadPurpose, RequestKind,
    RequestStatus,
};
use kehu_domain::notice::Notice;
use kehu_domain::{Money, Role};
use kehu_persistence::care::{self, CreditCheck, CustomerRequest};
use kehu_persistence::customers::{self, Customer, CustomerChanges};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CreditCheckView {
    pub id: i64,
    pub investigated_by: Ref,
    pub investigated_on: NaiveDate,
    pub summary: String,
    pub recommended_grade: Option<CreditGrade>,
    pub recommended_limit: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CustomerRequestView {
    pub id: i64,
    pub customer: Ref,
    pub kind: RequestKind,
    pub requested_by: Ref,
    pub credit_grade: Option<CreditGrade>,
    pub credit_limit: Option<String>,
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    pub reason: String,
    pub approver_role: Role,
    pub status: RequestStatus,
    pub decided_by: Option<Ref>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_reason: Option<String>,
    pub can_decide: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

/// A credit investigation (信用调查) as recorded.
pub struct Investigation {
    pub customer_id: i64,
    pub investigated_on: NaiveDate,
    pub summary: String,
    pub recommended_grade: Option<CreditGrade>,
    pub recommended_limit: Option<Money>,
}

/// A decision on a request at the version the caller read; a refusal says why.
pub struct Decision {
    pub id: i64,
    pub version: i64,
    pub approve: bool,
    pub reason: Option<String>,
}

pub struct SupplyHold {
    pub id: i64,
    pub version: i64,
    pub hold: bool,
    pub reason: String,
}

fn pending(r: &CustomerRequest) -> PendingRequest {
    PendingRequest { status: r.status, requested_by: r.requested_by, approver_role: r.approver_role, approver_department_id: r.approver_department_id }
}

fn views(conn: &mut DbConn, ctx: &Ctx, rows: Vec<CustomerRequest>) -> ApiResult<Vec<CustomerRequestView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let shown = archive::shown(conn, &ctx.caller, &cids)?;
    let uids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.requested_by), r.decided_by]).flatten().collect();
    let users: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let u = |id: i64| Ref { id, name: users.get(&id).cloned().unwrap_or_default() };
    let actor = ctx.actor();
    Ok(rows
        .into_iter()
        .map(|r| {
            let c = shown.get(&r.customer_id).cloned().unwrap_or_default();
            CustomerRequestView {
                // Deciding means reading the record: an approver who may not read it cannot.
                can_decide: c.readable && rules::may_decide(&actor, &pending(&r)),
                id: r.id,
                customer: Ref { id: r.customer_id, name: c.label },
                kind: r.kind,
                requested_by: u(r.requested_by),
                credit_grade: r.credit_grade,
                credit_limit: money::show_opt(r.credit_limit_fen),
                payment_term_days: r.payment_term_days,
                credit_check_id: r.credit_check_id,
                reason: r.reason,
                approver_role: r.approver_role,
                status: r.status,
                decided_by: r.decided_by.map(u),
                decided_at: r.decided_at.map(|t| t.and_utc()),
                decision_reason: r.decision_reason,
                version: r.version,
                created_at: r.created_at.and_utc(),
            }
        })
        .collect())
}

fn check_view(c: CreditCheck, by: Ref) -> CreditCheckView {
    CreditCheckView {
        id: c.id,
        investigated_by: by,
        investigated_on: c.investigated_on,
        summary: c.summary,
        recommended_grade: c.recommended_grade,
        recommended_limit: money::show_opt(c.recommended_limit_fen),
        created_at: c.created_at.and_utc(),
    }
}

/// Record a credit investigation of a customer: its people, its managers or finance.
pub fn add_check(tx: &mut Tx, ctx: &Ctx, i: Investigation) -> ApiResult<CreditCheckView> {
    let cu = customers::get(tx, ctx.org(), i.customer_id)?;
    let basis = archive::read(tx, &ctx.caller, &cu, ReadPurpose::Credit)?;
    if !(rules::works_on_credit(basis) || ctx.caller.has(Role::Finance)) {
        return Err(ApiError::Forbidden("the owner, assigned staff, the department's managers or finance investigate credit"));
    }
    if i.investigated_on > archive::today(tx, ctx.org())? {
        return Err(ApiError::field("investigated_on", FieldCode::Future, "cannot be in the future"));
    }
    let row = CreditCheck {
        id: 0,
        customer_id: i.customer_id,
        investigated_by: ctx.user(),
        investigated_on: i.investigated_on,
        summary: i.summary,
        recommended_grade: i.recommended_grade,
        recommended_limit_fen: i.recommended_limit.map(Money::fen),
        created_at: ctx.now,
    };
    let row = care::insert_credit_check(tx, &row)?;
    ctx.audit(tx, "customer.credit_check", "customer", i.customer_id, serde_json::json!({"check": row.id}))?;
    Ok(check_view(row, Ref { id: ctx.user(), name: ctx.caller.display_name.clone() }))
}

/// The record's credit investigations, newest first.
pub fn checks(tx: &mut Tx, ctx: &Ctx, customer_id: i64) -> ApiResult<Vec<CreditCheckView>> {
    let cu = customers::get(tx, ctx.org(), customer_id)?;
    archive::read(tx, &ctx.caller, &cu, ReadPurpose::Credit)?;
    let rows = care::credit_checks(tx, customer_id)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.investigated_by).collect();
    let names: HashMap<i64, String> = people::display_names(tx, &ids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|r| {
            let by = Ref { id: r.investigated_by, name: names.get(&r.investigated_by).cloned().unwrap_or_default() };
            check_view(r, by)
        })
        .collect())
}

/// Ask the department's sales manager to change the credit grade, limit or
/// payment terms, or to deregister the customer.
pub fn request(tx: &mut Tx, ctx: &Ctx, (customer_id, r): (i64, ChangeRequest)) -> ApiResult<CustomerRequestView> {
    let cu = customers::get(tx, ctx.org(), customer_id)?;
    let basis = archive::read(tx, &ctx.caller, &cu, ReadPurpose::Request)?;
    if !rules::works_on_credit(basis) {
        return Err(ApiError::Forbidden("the owner, assigned staff or the department's managers ask for credit changes"));
    }
    if cu.status != CustomerStatus::Active {
        return Err(ApiError::conflict(ProblemCode::NotArchived, "only an archived customer's credit or registration changes"));
    }
    let policy = archive::archive_policy(tx, ctx.org())?;
    let check = r.credit_check_id.map(|k| care::credit_check(tx, k)).transpose()?.flatten().filter(|k| k.customer_id == customer_id);
    if r.credit_check_id.is_some() && check.is_none() {
        return Err(ApiError::field("credit_check_id", FieldCode::NotFound, "no such credit investigation of this customer"));
    }
    if let Some(issue) = r.check_terms(&policy, check.is_some()) {
        return Err(ApiError::issues(vec![issue]));
    }
    if care::pending_requests(tx, customer_id, r.kind)? > 0 {
        return Err(ApiError::conflict(ProblemCode::RequestPending, "a request of this kind is already waiting for approval"));
    }
    // The department's sales manager decides, unless he may not read the
    // record (绝密): then the general manager does.
    let approver = if cu.confidentiality == Confidentiality::TopSecret { (Role::Gm, None) } else { (Role::SalesManager, Some(cu.department_id)) };
    let row = care::insert_request(tx, (ctx.org(), customer_id), &r, ctx.user(), approver, ctx.now)?;
    let approvers: Vec<i64> = people::users_with_role(tx, ctx.org(), approver.0, approver.1)?.into_iter().filter(|u| *u != ctx.user()).collect();
    archive::notify(tx, ctx.org(), &approvers, &Notice::change_request(cu.id, &cu.name, r.kind, &r.reason), ctx.now)?;
    ctx.audit(tx, "customer.request", "customer", customer_id, serde_json::json!({"request": row.id, "kind": r.kind}))?;
    Ok(views(tx, ctx, vec![row])?.remove(0))
}

/// A record's credit and deregistration requests, newest first.
pub fn requests(tx: &mut Tx, ctx: &Ctx, customer_id: i64) -> ApiResult<Vec<CustomerRequestView>> {
    let cu = customers::get(tx, ctx.org(), customer_id)?;
    archive::read(tx, &ctx.caller, &cu, ReadPurpose::Requests)?;
    let rows = care::requests_of(tx, customer_id)?;
    views(tx, ctx, rows)
}

/// Credit and deregistration requests waiting for the caller's decision.
pub fn to_decide(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<CustomerRequestView>> {
    let mut approvers = Vec::new();
    if ctx.caller.has(Role::SalesManager) {
        approvers.push((Role::SalesManager, Some(ctx.caller.department_id)));
    }
    if ctx.caller.has(Role::Gm) {
        approvers.push((Role::Gm, None));
    }
    let rows = care::requests_to_decide(conn, ctx.org(), &approvers)?;
    Ok(views(conn, ctx, rows)?.into_iter().filter(|r| r.can_decide).collect())
}

fn apply(tx: &mut Tx, ctx: &Ctx, r: &CustomerRequest, cu: &Customer) -> ApiResult<Customer> {
    let (updated, source) = match r.kind {
        RequestKind::Deregister => {
            let ch = CustomerChanges { status: Some(CustomerStatus::Deregistered), ..Default::default() };
            (customers::update(tx, cu.id, None, &ch, ctx.now)?, ChangeSource::Deregistration)
        }
        RequestKind::Credit => {
            let grade = r.credit_grade.or(cu.credit_grade);
            let terms = r.payment_term_days.unwrap_or(cu.payment_term_days);
            (customers::set_credit(tx, cu.id, grade, r.credit_limit_fen.or(cu.credit_limit_fen), terms, ctx.now)?, ChangeSource::CreditApproval)
        }
    };
    let updated = updated.ok_or(ApiError::PreconditionFailed)?;
    archive::record_diff(tx, cu, &updated, Some(ctx.user()), source, ctx.now)?;
    Ok(updated)
}

/// Approve (the change is applied to the record at once) or refuse.
pub fn decide(tx: &mut Tx, ctx: &Ctx, d: Decision) -> ApiResult<CustomerRequestView> {
    let r = care::request(tx, ctx.org(), d.id)?;
    let cu = customers::get(tx, ctx.org(), r.customer_id)?;
    archive::read(tx, &ctx.caller, &cu, ReadPurpose::Decision)?;
    if r.status != RequestStatus::Pending {
        return Err(ApiError::conflict(ProblemCode::AlreadyDecided, "this request was already decided"));
    }
    if !rules::may_decide(&ctx.actor(), &pending(&r)) {
        return Err(ApiError::Forbidden("the department's sales manager decides, never the requester"));
    }
    let decided = care::decide_request(tx, d.id, d.version, d.approve, ctx.user(), d.reason.as_deref(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    if d.approve {
        apply(tx, ctx, &decided, &cu)?;
    }
    let notice = Notice::change_request_decided(cu.id, &cu.name, r.kind, d.approve, d.reason.as_deref());
    archive::notify(tx, ctx.org(), &[r.requested_by], &notice, ctx.now)?;
    ctx.audit(tx, "customer.request_decision", "customer", cu.id, serde_json::json!({"request": d.id, "status": decided.status}))?;
    Ok(views(tx, ctx, vec![decided])?.remove(0))
}

/// Put a customer on supply hold (暂停供货) when payment is overdue, or lift
/// it. The customer's people put it on hold; the department's sales manager
/// or the general manager lifts it.
pub fn supply_hold(tx: &mut Tx, ctx: &Ctx, h: SupplyHold) -> ApiResult<CustomerView> {
    let cu = customers::get(tx, ctx.org(), h.id)?;
    let basis = archive::read(tx, &ctx.caller, &cu, ReadPurpose::SupplyHold)?;
    if !rules::may_set_supply_hold(&ctx.actor(), basis, cu.department_id, h.hold) {
        return Err(ApiError::Forbidden("you may not change this customer's supply hold"));
    }
    if cu.status != CustomerStatus::Active {
        return Err(ApiError::conflict(ProblemCode::NotArchived, "only an archived customer is supplied"));
    }
    if cu.supply_hold == h.hold {
        return Err(if h.hold {
            ApiError::conflict(ProblemCode::AlreadyOnHold, "already on supply hold")
        } else {
            ApiError::conflict(ProblemCode::NotOnHold, "not on supply hold")
        });
    }
    if cu.version != h.version {
        return Err(ApiError::PreconditionFailed);
    }
    let updated = customers::set_supply_hold(tx, h.id, h.version, h.hold, h.hold.then_some(h.reason.as_str()), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    archive::record_diff(tx, &cu, &updated, Some(ctx.user()), ChangeSource::SupplyHold, ctx.now)?;
    let change = Change { field: ChangeField::SupplyHoldReason, old: cu.supply_hold_reason.as_deref(), new: Some(&h.reason), source: ChangeSource::SupplyHold };
    archive::record(tx, h.id, change, Some(ctx.user()), ctx.now)?;
    let mut to = vec![cu.owner_id];
    to.extend(people::users_with_role(tx, ctx.org(), Role::SalesManager, Some(cu.department_id))?);
    to.retain(|u| *u != ctx.user());
    archive::notify(tx, ctx.org(), &to, &Notice::supply_hold(cu.id, &cu.name, h.hold, &h.reason), ctx.now)?;
    ctx.audit(tx, "customer.supply_hold", "customer", h.id, serde_json::json!({"hold": h.hold, "reason": h.reason}))?;
    build(tx, ctx, updated, basis)
}

/// Field errors of a change request's own rules (before the database).
pub fn request_rules(r: &ChangeRequest) -> Vec<FieldError> {
    r.check().into_iter().map(FieldError::from).collect()
}
