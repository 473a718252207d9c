//! 档案借阅: reading another owner's customer needs a request approved by the
//! owning department's sales manager (a colleague) or the general manager
//! (another department, or a record above 秘密), valid for a limited time.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::{cursor, etag};
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Duration, Utc};
use kehu_domain::customer::{self as rules, Confidentiality, CustomerStatus};
use kehu_domain::Role;
use kehu_persistence::customers::{self, AccessFilter, AccessRequest, NewAccessRequest};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessRequestInput {
    /// The customer, by id or by code (a salesperson often knows only the code).
    pub customer_id: Option<i64>,
    #[schema(example = "C-0001")]
    pub customer_code: Option<String>,
    #[schema(min_length = 1, max_length = 500, example = "客户来电询价，需查看历史报价与联系人")]
    pub reason: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessDecisionInput {
    pub approve: bool,
    /// Required when refusing.
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AccessRequestView {
    pub id: i64,
    pub customer: Ref,
    pub customer_code: String,
    pub requester: Ref,
    pub reason: String,
    /// sales_manager (of the owning department) or gm.
    pub approver_role: String,
    /// pending, approved, rejected; an approved request past `valid_until` is `expired`.
    pub status: String,
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccessQuery {
    /// Default `mine`.
    #[param(inline)]
    pub r#box: Option<AccessBox>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn may_decide(caller: &Caller, r: &AccessRequest) -> bool {
    r.status == "pending"
        && r.requester_id != caller.user_id
        && match r.approver_role.as_str() {
            "gm" => caller.has(Role::Gm),
            _ => caller.has(Role::SalesManager) && r.approver_department_id == Some(caller.department_id),
        }
}

fn views(conn: &mut DbConn, caller: &Caller, rows: Vec<AccessRequest>) -> ApiResult<Vec<AccessRequestView>> {
    let now = Utc::now().naive_utc();
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let custs: HashMap<i64, (String, String)> = customers::many(conn, &cids)?.into_iter().map(|c| (c.id, (c.name, c.code))).collect();
    let uids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.requester_id), r.decided_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let r = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    Ok(rows
        .into_iter()
        .map(|a| {
            let (name, code) = custs.get(&a.customer_id).cloned().unwrap_or_default();
            let expired = a.status == "approved" && !rules::grant_valid(a.valid_until, now);
            AccessRequestView {
                id: a.id,
                customer: Ref { id: a.customer_id, name },
                customer_code: code,
                requester: r(a.requester_id),
                reason: a.reason.clone(),
                approver_role: a.approver_role.clone(),
                status: if expired { "expired".into() } else { a.status.clone() },
                decided_by: a.decided_by.map(r),
                decided_at: a.decided_at.map(|t| t.and_utc()),
                decision_reason: a.decision_reason.clone(),
                valid_until: a.valid_until.map(|t| t.and_utc()),
                can_decide: may_decide(caller, &a),
                version: a.version,
                created_at: a.created_at.and_utc(),
            }
        })
        .collect())
}

/// Ask to read another owner's customer.
#[utoipa::path(tag = "customers", operation_id = "requestCustomerAccess", security(("bearer" = [])), request_body = AccessRequestInput,
    responses((status = 201, body = AccessRequestView), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/access-requests")]
pub async fn create(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<AccessRequestInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let reason = b.reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(ApiError::field("reason", FieldCode::Length, "give a reason of at most 500 characters"));
    }
    if b.customer_id.is_none() == b.customer_code.is_none() {
        return Err(ApiError::field("customer_id", FieldCode::OneOf, "give customer_id or customer_code"));
    }
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let found = match (b.customer_id, b.customer_code.as_deref()) {
                    (Some(id), _) => customers::get(c, caller.org_id, id).ok(),
                    (None, Some(code)) => customers::by_code(c, caller.org_id, code.trim())?,
                    _ => None,
                };
                let field = if b.customer_id.is_some() { "customer_id" } else { "customer_code" };
                let cu = found
                    .filter(|c| archive::status(c) == CustomerStatus::Active)
                    .ok_or_else(|| ApiError::field(field, FieldCode::NotFound, "no such archived customer"))?;
                if archive::level(&cu) == Confidentiality::TopSecret {
                    return Err(ApiError::field(field, FieldCode::TopSecret, "绝密 records are not lent"));
                }
                let now = Utc::now().naive_utc();
                let today = archive::today(c, caller.org_id)?;
                if archive::basis(c, &caller, &cu, today, now)?.is_some() {
                    return Err(ApiError::conflict(ProblemCode::AlreadyReadable, "you may already read this customer"));
                }
                let pending = customers::access_requests(
                    c,
                    caller.org_id,
                    &AccessFilter { requester_id: Some(caller.user_id), customer_id: Some(cu.id), status: Some("pending".into()), approver: None },
                    None,
                    1,
                )?;
                if !pending.is_empty() {
                    return Err(ApiError::conflict(ProblemCode::RequestPending, "you already asked for this customer; wait for the decision"));
                }
                let facts = archive::facts(&cu, customers::staff(c, cu.id)?, today);
                let role = rules::access_approver(caller.department_id, &facts);
                let dept = (role == Role::SalesManager).then_some(cu.department_id);
                let row = customers::insert_access_request(
                    c,
                    &NewAccessRequest {
                        org_id: caller.org_id,
                        customer_id: cu.id,
                        requester_id: caller.user_id,
                        reason: &reason,
                        approver_role: role.as_str(),
                        approver_department_id: dept,
                        status: "pending",
                        created_at: now,
                    },
                )?;
                let approvers: Vec<i64> =
                    people::users_with_role(c, caller.org_id, role.as_str(), dept)?.into_iter().filter(|u| *u != caller.user_id).collect();
                archive::notify(c, caller.org_id, &approvers, "customer_access_request", &format!("档案借阅申请：{}", cu.name), &reason, now)?;
                audit::write(
                    c,
                    &caller,
                    "customer.access_request",
                    "customer",
                    cu.id,
                    &rid,
                    serde_json::json!({"request": row.id, "approver_role": role.as_str()}),
                )?;
                Ok(views(c, &caller, vec![row])?.remove(0))
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Created(), ver, &v))
}

/// Requests the caller filed (`box=mine`) or decides (`box=to_decide`), newest first.
#[utoipa::path(tag = "customers", operation_id = "listCustomerAccessRequests", security(("bearer" = [])), params(AccessQuery),
    responses((status = 200, body = AccessRequestPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/access-requests")]
pub async fn list(state: web::Data<AppState>, caller: Caller, q: web::Query<AccessQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let before: Option<i64> = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let page = state
        .db(move |c| {
            let rows = match q.r#box.unwrap_or(AccessBox::Mine) {
                AccessBox::Mine => {
                    let f = AccessFilter { requester_id: Some(caller.user_id), customer_id: None, status: None, approver: None };
                    customers::access_requests(c, caller.org_id, &f, before, limit + 1)?
                }
                AccessBox::ToDecide => {
                    let mut rows = Vec::new();
                    if caller.has(Role::Gm) {
                        let f = AccessFilter { requester_id: None, customer_id: None, status: Some("pending".into()), approver: Some(("gm".into(), None)) };
                        rows.extend(customers::access_requests(c, caller.org_id, &f, before, limit + 1)?);
                    }
                    if caller.has(Role::SalesManager) {
                        let f = AccessFilter {
                            requester_id: None,
                            customer_id: None,
                            status: Some("pending".into()),
                            approver: Some(("sales_manager".into(), Some(caller.department_id))),
                        };
                        rows.extend(customers::access_requests(c, caller.org_id, &f, before, limit + 1)?);
                    }
                    rows.sort_by_key(|r| std::cmp::Reverse(r.id));
                    rows.truncate(limit as usize + 1);
                    rows
                }
            };
            let more = rows.len() as i64 > limit;
            let items = views(c, &caller, rows.into_iter().take(limit as usize).collect())?;
            let next_cursor = if more { items.last().map(|l| cursor::encode(&l.id)) } else { None };
            Ok(AccessRequestPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Approve (for the policy's number of days, 7 by default) or refuse a request.
#[utoipa::path(tag = "customers", operation_id = "decideCustomerAccess", security(("bearer" = [])), request_body = AccessDecisionInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the request you decide")),
    responses((status = 200, body = AccessRequestView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/access-requests/{id}/decision")]
pub async fn decide(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<AccessDecisionInput>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let reason = b.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    if !b.approve && reason.is_none() {
        return Err(ApiError::field("reason", FieldCode::Required, "say why the request is refused"));
    }
    if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
        return Err(ApiError::field("reason", FieldCode::Length, "at most 500 characters"));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let r = customers::access_request(c, caller.org_id, id)?;
                let approver = match r.approver_role.as_str() {
                    "gm" => caller.has(Role::Gm),
                    _ => caller.has(Role::SalesManager) && r.approver_department_id == Some(caller.department_id),
                };
                if !approver && r.requester_id != caller.user_id {
                    return Err(ApiError::NotFound);
                }
                if r.status != "pending" {
                    return Err(ApiError::conflict(ProblemCode::AlreadyDecided, "this request was already decided"));
                }
                if !may_decide(&caller, &r) {
                    return Err(ApiError::Forbidden("the approver named on the request decides it, never its requester"));
                }
                let now = Utc::now().naive_utc();
                let policy = archive::archive_policy(c, caller.org_id)?;
                let (status, until) = if b.approve { ("approved", Some(now + Duration::days(i64::from(policy.access_days)))) } else { ("rejected", None) };
                let updated =
                    customers::decide_access(c, id, version, status, caller.user_id, reason.as_deref(), until, now)?.ok_or(ApiError::PreconditionFailed)?;
                let title = if b.approve { "档案借阅已批准" } else { "档案借阅未批准" };
                archive::notify(c, caller.org_id, &[r.requester_id], "customer_access_decided", title, reason.as_deref().unwrap_or(""), now)?;
                audit::write(c, &caller, "customer.access_decision", "customer", r.customer_id, &rid, serde_json::json!({"request": id, "status": status}))?;
                Ok(views(c, &caller, vec![updated])?.remove(0))
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}
