//! 档案借阅: reading another owner's customer needs a request approved by the
//! owning department's sales manager (a colleague) or the general manager
//! (another department, or a record above 秘密), valid for a limited time.

use crate::app::customers as archive;
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, ProblemCode};
use chrono::{DateTime, Duration, Utc};
use kehu_domain::customer::{self as rules, Confidentiality, CustomerStatus, GrantStatus, PendingRequest, RequestStatus};
use kehu_domain::notice::Notice;
use kehu_domain::Role;
use kehu_persistence::customers::{self, AccessDecision, AccessFilter, AccessRequest, NewAccessRequest};
use kehu_persistence::{people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct AccessRequestView {
    pub id: i64,
    /// `name` is the customer's name once the caller may read it (an approver,
    /// or the requester after approval); until then it is the code.
    pub customer: Ref,
    pub customer_code: String,
    pub requester: Ref,
    pub reason: String,
    /// The owning department's sales manager, or the GM.
    pub approver_role: Role,
    pub status: GrantStatus,
    pub decided_by: Option<Ref>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_reason: Option<String>,
    pub valid_until: Option<DateTime<Utc>>,
    pub can_decide: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct AccessRequestPage {
    pub items: Vec<AccessRequestView>,
    pub next_cursor: Option<String>,
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AccessBox {
    /// Requests the caller filed.
    Mine,
    /// Pending requests the caller decides.
    ToDecide,
}

/// Which customer: by id, or by code (a salesperson often knows only the code).
pub enum Named {
    Id(i64),
    Code(String),
}

pub struct Ask {
    pub customer: Named,
    pub reason: String,
}

pub struct Decide {
    pub id: i64,
    pub version: i64,
    pub approve: bool,
    pub reason: Option<String>,
}

fn pending(r: &AccessRequest) -> PendingRequest {
    PendingRequest { status: r.status, requested_by: r.requester_id, approver_role: r.approver_role, approver_department_id: r.approver_department_id }
}

fn views(conn: &mut DbConn, ctx: &Ctx, rows: Vec<AccessRequest>) -> ApiResult<Vec<AccessRequestView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let custs = archive::shown(conn, &ctx.caller, &cids)?;
    let uids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.requester_id), r.decided_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let r = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let actor = ctx.actor();
    Ok(rows
        .into_iter()
        .map(|a| {
            let c = custs.get(&a.customer_id).cloned().unwrap_or_default();
            AccessRequestView {
                // Deciding means reading the record: an approver who may not read it cannot.
                can_decide: c.readable && rules::may_decide(&actor, &pending(&a)),
                status: GrantStatus::of(a.status, a.valid_until, ctx.now),
                id: a.id,
                customer: Ref { id: a.customer_id, name: c.label },
                customer_code: c.code,
                requester: r(a.requester_id),
                reason: a.reason,
                approver_role: a.approver_role,
                decided_by: a.decided_by.map(r),
                decided_at: a.decided_at.map(|t| t.and_utc()),
                decision_reason: a.decision_reason,
                valid_until: a.valid_until.map(|t| t.and_utc()),
                version: a.version,
                created_at: a.created_at.and_utc(),
            }
        })
        .collect())
}

/// Ask to read another owner's customer.
pub fn ask(tx: &mut Tx, ctx: &Ctx, a: Ask) -> ApiResult<AccessRequestView> {
    let (found, field) = match &a.customer {
        Named::Id(id) => (customers::get(tx, ctx.org(), *id).ok(), "customer_id"),
        Named::Code(code) => (customers::by_code(tx, ctx.org(), code)?, "customer_code"),
    };
    // 绝密 records are not lent, and asking must not tell that one exists.
    let lendable = |c: &customers::Customer| c.status == CustomerStatus::Active && c.confidentiality != Confidentiality::TopSecret;
    let cu = found.filter(lendable).ok_or_else(|| ApiError::field(field, FieldCode::NotFound, "no such archived customer"))?;
    let today = archive::today(tx, ctx.org())?;
    if archive::basis(tx, &ctx.caller, &cu, today, ctx.now)?.is_some() {
        return Err(ApiError::conflict(ProblemCode::AlreadyReadable, "you may already read this customer"));
    }
    let mine = AccessFilter { requester_id: Some(ctx.user()), customer_id: Some(cu.id), status: Some(RequestStatus::Pending), approver: None };
    if !customers::access_requests(tx, ctx.org(), &mine, None, 1)?.is_empty() {
        return Err(ApiError::conflict(ProblemCode::RequestPending, "you already asked for this customer; wait for the decision"));
    }
    let facts = archive::facts(&cu, customers::staff(tx, cu.id)?, today);
    let role = rules::access_approver(ctx.caller.department_id, &facts);
    let dept = (role == Role::SalesManager).then_some(cu.department_id);
    let new = NewAccessRequest {
        org_id: ctx.org(),
        customer_id: cu.id,
        requester_id: ctx.user(),
        reason: &a.reason,
        approver_role: role,
        approver_department_id: dept,
        status: RequestStatus::Pending,
        created_at: ctx.now,
    };
    let row = customers::insert_access_request(tx, &new)?;
    let approvers: Vec<i64> = people::users_with_role(tx, ctx.org(), role, dept)?.into_iter().filter(|u| *u != ctx.user()).collect();
    archive::notify(tx, ctx.org(), &approvers, &Notice::access_request(cu.id, &cu.name, &a.reason), ctx.now)?;
    ctx.audit(tx, "customer.access_request", "customer", cu.id, serde_json::json!({"request": row.id, "approver_role": role}))?;
    Ok(views(tx, ctx, vec![row])?.remove(0))
}

/// Requests the caller filed, or decides, newest first, before a request id.
pub fn list(conn: &mut DbConn, ctx: &Ctx, which: AccessBox, before: Option<i64>, limit: i64) -> ApiResult<AccessRequestPage> {
    let rows = match which {
        AccessBox::Mine => {
            let f = AccessFilter { requester_id: Some(ctx.user()), customer_id: None, status: None, approver: None };
            customers::access_requests(conn, ctx.org(), &f, before, limit + 1)?
        }
        AccessBox::ToDecide => {
            let mut approvers = Vec::new();
            if ctx.caller.has(Role::Gm) {
                approvers.push((Role::Gm, None));
            }
            if ctx.caller.has(Role::SalesManager) {
                approvers.push((Role::SalesManager, Some(ctx.caller.department_id)));
            }
            let mut rows = Vec::new();
            for approver in approvers {
                let f = AccessFilter { requester_id: None, customer_id: None, status: Some(RequestStatus::Pending), approver: Some(approver) };
                rows.extend(customers::access_requests(conn, ctx.org(), &f, before, limit + 1)?);
            }
            rows.sort_by_key(|r| std::cmp::Reverse(r.id));
            rows.truncate(limit as usize + 1);
            rows
        }
    };
    let more = rows.len() as i64 > limit;
    let items = views(conn, ctx, rows.into_iter().take(limit as usize).collect())?;
    let next_cursor = if more { items.last().map(|l| crate::http::cursor::encode(&l.id)) } else { None };
    Ok(AccessRequestPage { items, next_cursor })
}

/// Approve (for the policy's number of days, 7 by default) or refuse a request.
pub fn decide(tx: &mut Tx, ctx: &Ctx, d: Decide) -> ApiResult<AccessRequestView> {
    let r = customers::access_request(tx, ctx.org(), d.id)?;
    let approver = match r.approver_role {
        Role::Gm => ctx.caller.has(Role::Gm),
        role => ctx.caller.has(role) && r.approver_department_id == Some(ctx.caller.department_id),
    };
    if !approver && r.requester_id != ctx.user() {
        return Err(ApiError::NotFound);
    }
    if r.status != RequestStatus::Pending {
        return Err(ApiError::conflict(ProblemCode::AlreadyDecided, "this request was already decided"));
    }
    if !rules::may_decide(&ctx.actor(), &pending(&r)) {
        return Err(ApiError::Forbidden("the approver named on the request decides it, never its requester"));
    }
    let policy = archive::archive_policy(tx, ctx.org())?;
    let valid_until = d.approve.then(|| ctx.now + Duration::days(i64::from(policy.access_days)));
    let decision = AccessDecision { approved: d.approve, by: ctx.user(), reason: d.reason.as_deref(), valid_until, at: ctx.now };
    let updated = customers::decide_access(tx, d.id, d.version, &decision)?.ok_or(ApiError::PreconditionFailed)?;
    let cu = customers::get(tx, ctx.org(), r.customer_id)?;
    let notice = Notice::access_decided(cu.id, &cu.name, d.approve, d.reason.as_deref());
    archive::notify(tx, ctx.org(), &[r.requester_id], &notice, ctx.now)?;
    ctx.audit(tx, "customer.access_decision", "customer", r.customer_id, serde_json::json!({"request": d.id, "status": updated.status}))?;
    Ok(views(tx, ctx, vec![updated])?.remove(0))
}
