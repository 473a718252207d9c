//! Credit (信用等级, 信用额度, 账期), supply hold (暂停供货) and deregistration
//! (客户注销): changes that need a credit investigation and the department
//! manager's approval, each kept in the record's history.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::{etag, money};
use crate::routes::audit;
use crate::routes::customers::{build, CustomerView, GradeCode};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::customer::{CreditGrade, CustomerStatus, ReadBasis};
use kehu_domain::Role;
use kehu_persistence::care::{self, CreditCheck, CustomerRequest};
use kehu_persistence::customers::{self, Customer, CustomerChanges};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreditCheckInput {
    pub investigated_on: NaiveDate,
    /// What was checked and found (registration, capital, payment history, references).
    #[schema(min_length = 1, max_length = 2000)]
    pub summary: String,
    #[schema(value_type = Option<GradeCode>)]
    pub recommended_grade: Option<CreditGrade>,
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "500000.00")]
    pub recommended_limit: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CreditCheckView {
    pub id: i64,
    pub investigated_by: Ref,
    pub investigated_on: NaiveDate,
    pub summary: String,
    pub recommended_grade: Option<String>,
    pub recommended_limit: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Credit grade, credit limit and/or payment terms.
    Credit,
    /// 客户注销: the record is kept, read-only.
    Deregister,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerRequestInput {
    pub kind: RequestKind,
    #[schema(value_type = Option<GradeCode>)]
    pub credit_grade: Option<CreditGrade>,
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "500000.00")]
    pub credit_limit: Option<String>,
    /// Days; at most the policy's one month. Above 0 needs `credit_check_id`.
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

#[derive(Serialize, ToSchema)]
pub struct CustomerRequestView {
    pub id: i64,
    pub customer: Ref,
    /// credit or deregister.
    pub kind: String,
    pub requested_by: Ref,
    pub credit_grade: Option<String>,
    pub credit_limit: Option<String>,
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    pub reason: String,
    pub approver_role: String,
    /// pending, approved, rejected.
    pub status: String,
    pub decided_by: Option<Ref>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_reason: Option<String>,
    pub can_decide: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub approve: bool,
    /// Required when refusing.
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupplyHoldInput {
    /// true: stop supplying (payment overdue); false: resume.
    pub hold: bool,
    #[schema(min_length = 1, max_length = 500, example = "货款逾期 45 天未付")]
    pub reason: String,
}

fn may_decide(caller: &Caller, r: &CustomerRequest) -> bool {
    r.status == "pending"
        && r.requested_by != caller.user_id
        && match r.approver_role.as_str() {
            "gm" => caller.has(Role::Gm),
            _ => caller.has(Role::SalesManager) && r.approver_department_id == Some(caller.department_id),
        }
}

fn views(conn: &mut DbConn, caller: &Caller, rows: Vec<CustomerRequest>) -> ApiResult<Vec<CustomerRequestView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let names: HashMap<i64, String> = customers::many(conn, &cids)?.into_iter().map(|c| (c.id, c.name)).collect();
    let uids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.requested_by), r.decided_by]).flatten().collect();
    let users: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let u = |id: i64| Ref { id, name: users.get(&id).cloned().unwrap_or_default() };
    Ok(rows
        .into_iter()
        .map(|r| CustomerRequestView {
            id: r.id,
            customer: Ref { id: r.customer_id, name: names.get(&r.customer_id).cloned().unwrap_or_default() },
            kind: r.kind.clone(),
            requested_by: u(r.requested_by),
            credit_grade: r.credit_grade.clone(),
            credit_limit: money::show_opt(r.credit_limit_fen),
            payment_term_days: r.payment_term_days,
            credit_check_id: r.credit_check_id,
            reason: r.reason.clone(),
            approver_role: r.approver_role.clone(),
            status: r.status.clone(),
            decided_by: r.decided_by.map(u),
            decided_at: r.decided_at.map(|t| t.and_utc()),
            decision_reason: r.decision_reason.clone(),
            can_decide: may_decide(caller, &r),
            version: r.version,
            created_at: r.created_at.and_utc(),
        })
        .collect())
}

/// Owner, assigned staff or the department's managers work on a record's credit.
fn works_on(basis: ReadBasis) -> bool {
    matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager)
}

/// Record a credit investigation (信用调查) of a customer.
#[utoipa::path(tag = "customers", operation_id = "addCreditCheck", security(("bearer" = [])), request_body = CreditCheckInput, params(("id" = i64, Path)),
    responses((status = 201, body = CreditCheckView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/credit-checks")]
pub async fn add_check(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<CreditCheckInput>,
) -> ApiResult<HttpResponse> {
    let b = body.0;
    let summary = b.summary.trim().to_owned();
    if summary.is_empty() || summary.chars().count() > 2000 {
        return Err(ApiError::field("summary", FieldCode::Length, "1 to 2000 characters"));
    }
    let limit = money::parse("recommended_limit", b.recommended_limit.as_deref()).map_err(|e| ApiError::validation(vec![e]))?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "credit")?;
                if !(works_on(basis) || caller.has(Role::Finance)) {
                    return Err(ApiError::Forbidden("the owner, assigned staff, the department's managers or finance investigate credit"));
                }
                if b.investigated_on > archive::today(c, caller.org_id)? {
                    return Err(ApiError::field("investigated_on", FieldCode::Future, "cannot be in the future"));
                }
                let now = Utc::now().naive_utc();
                let row = care::insert_credit_check(
                    c,
                    &CreditCheck {
                        id: 0,
                        customer_id: id,
                        investigated_by: caller.user_id,
                        investigated_on: b.investigated_on,
                        summary: summary.clone(),
                        recommended_grade: b.recommended_grade.map(|g| g.as_str().to_owned()),
                        recommended_limit_fen: limit,
                        created_at: now,
                    },
                )?;
                audit::write(c, &caller, "customer.credit_check", "customer", id, &rid, serde_json::json!({"check": row.id}))?;
                Ok(CreditCheckView {
                    id: row.id,
                    investigated_by: Ref { id: caller.user_id, name: caller.display_name.clone() },
                    investigated_on: row.investigated_on,
                    summary: row.summary,
                    recommended_grade: row.recommended_grade,
                    recommended_limit: money::show_opt(row.recommended_limit_fen),
                    created_at: row.created_at.and_utc(),
                })
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// The record's credit investigations, newest first.
#[utoipa::path(tag = "customers", operation_id = "listCreditChecks", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CreditCheckView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/credit-checks")]
pub async fn list_checks(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let list = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                archive::read(c, &caller, &cu, "credit")?;
                let rows = care::credit_checks(c, id)?;
                let ids: Vec<i64> = rows.iter().map(|r| r.investigated_by).collect();
                let names: HashMap<i64, String> = people::display_names(c, &ids)?.into_iter().collect();
                Ok(rows
                    .into_iter()
                    .map(|r| CreditCheckView {
                        id: r.id,
                        investigated_by: Ref { id: r.investigated_by, name: names.get(&r.investigated_by).cloned().unwrap_or_default() },
                        investigated_on: r.investigated_on,
                        summary: r.summary,
                        recommended_grade: r.recommended_grade,
                        recommended_limit: money::show_opt(r.recommended_limit_fen),
                        created_at: r.created_at.and_utc(),
                    })
                    .collect::<Vec<_>>())
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Ask the department's sales manager to change the credit grade, limit or
/// payment terms, or to deregister the customer.
#[utoipa::path(tag = "customers", operation_id = "requestCustomerChange", security(("bearer" = [])), request_body = CustomerRequestInput, params(("id" = i64, Path)),
    responses((status = 201, body = CustomerRequestView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/requests")]
pub async fn create_request(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<CustomerRequestInput>,
) -> ApiResult<HttpResponse> {
    let b = body.0;
    let reason = b.reason.trim().to_owned();
    let mut e = Vec::new();
    if reason.is_empty() || reason.chars().count() > 500 {
        e.push(FieldError { field: "reason".into(), code: FieldCode::Length, message: "give a reason of at most 500 characters".into() });
    }
    let limit = money::parse("credit_limit", b.credit_limit.as_deref()).map_err(|e| ApiError::validation(vec![e]))?;
    if b.kind == RequestKind::Credit && b.credit_grade.is_none() && limit.is_none() && b.payment_term_days.is_none() {
        e.push(FieldError { field: "credit_grade".into(), code: FieldCode::Required, message: "change the grade, the limit or the payment terms".into() });
    }
    if b.kind == RequestKind::Deregister && (b.credit_grade.is_some() || limit.is_some() || b.payment_term_days.is_some()) {
        e.push(FieldError { field: "kind".into(), code: FieldCode::DeregisterOnly, message: "a deregistration carries no credit changes".into() });
    }
    if !e.is_empty() {
        return Err(ApiError::validation(e));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "request")?;
                if !works_on(basis) {
                    return Err(ApiError::Forbidden("the owner, assigned staff or the department's managers ask for credit changes"));
                }
                if archive::status(&cu) != CustomerStatus::Active {
                    return Err(ApiError::conflict(ProblemCode::NotArchived, "only an archived customer's credit or registration changes"));
                }
                let policy = archive::archive_policy(c, caller.org_id)?;
                let check = b.credit_check_id.map(|k| care::credit_check(c, k)).transpose()?.flatten().filter(|k| k.customer_id == id);
                if b.credit_check_id.is_some() && check.is_none() {
                    return Err(ApiError::field("credit_check_id", FieldCode::NotFound, "no such credit investigation of this customer"));
                }
                if let Some(days) = b.payment_term_days {
                    if !(0..=i64::from(policy.max_payment_term_days)).contains(&days) {
                        return Err(ApiError::field(
                            "payment_term_days",
                            FieldCode::TooLong,
                            format!("payment terms are at most {} days", policy.max_payment_term_days),
                        ));
                    }
                    if days > 0 {
                        if check.is_none() {
                            return Err(ApiError::field(
                                "credit_check_id",
                                FieldCode::Required,
                                "granting payment terms needs a credit investigation of this customer",
                            ));
                        }
                    }
                }
                let kind = match b.kind {
                    RequestKind::Credit => "credit",
                    RequestKind::Deregister => "deregister",
                };
                if care::pending_requests(c, id, kind)? > 0 {
                    return Err(ApiError::conflict(ProblemCode::RequestPending, "a request of this kind is already waiting for approval"));
                }
                let now = Utc::now().naive_utc();
                let row = care::insert_request(
                    c,
                    &CustomerRequest {
                        id: 0,
                        org_id: caller.org_id,
                        customer_id: id,
                        kind: kind.into(),
                        requested_by: caller.user_id,
                        credit_grade: b.credit_grade.map(|g| g.as_str().to_owned()),
                        credit_limit_fen: limit,
                        payment_term_days: b.payment_term_days,
                        credit_check_id: b.credit_check_id,
                        reason: reason.clone(),
                        approver_role: Role::SalesManager.as_str().into(),
                        approver_department_id: Some(cu.department_id),
                        status: "pending".into(),
                        decided_by: None,
                        decided_at: None,
                        decision_reason: None,
                        version: 1,
                        created_at: now,
                    },
                )?;
                let approvers: Vec<i64> = people::users_with_role(c, caller.org_id, Role::SalesManager.as_str(), Some(cu.department_id))?
                    .into_iter()
                    .filter(|u| *u != caller.user_id)
                    .collect();
                let title = if kind == "credit" { format!("信用变更待审批：{}", cu.name) } else { format!("客户注销待审批：{}", cu.name) };
                archive::notify(c, caller.org_id, &approvers, "customer_request", &title, &reason, now)?;
                audit::write(c, &caller, "customer.request", "customer", id, &rid, serde_json::json!({"request": row.id, "kind": kind}))?;
                Ok(views(c, &caller, vec![row])?.remove(0))
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Created(), ver, &v))
}

/// A record's credit and deregistration requests, newest first.
#[utoipa::path(tag = "customers", operation_id = "listCustomerChangeRequests", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CustomerRequestView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/requests")]
pub async fn list_requests(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let list = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                archive::read(c, &caller, &cu, "requests")?;
                let rows = care::requests_of(c, id)?;
                views(c, &caller, rows)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Credit and deregistration requests waiting for the caller's decision.
#[utoipa::path(tag = "customers", operation_id = "customerChangeRequestsToDecide", security(("bearer" = [])),
    responses((status = 200, body = Vec<CustomerRequestView>)))]
#[get("/customers/requests")]
pub async fn to_decide(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let list = state
        .db(move |c| {
            let mut approvers = Vec::new();
            if caller.has(Role::SalesManager) {
                approvers.push((Role::SalesManager.as_str().to_owned(), Some(caller.department_id)));
            }
            if caller.has(Role::Gm) {
                approvers.push((Role::Gm.as_str().to_owned(), None));
            }
            let rows = care::requests_to_decide(c, caller.org_id, &approvers)?;
            views(c, &caller, rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

fn apply(conn: &mut DbConn, r: &CustomerRequest, cu: &Customer, by: i64) -> ApiResult<Customer> {
    let now = Utc::now().naive_utc();
    let updated = if r.kind == "deregister" {
        customers::update(conn, cu.id, None, &CustomerChanges { status: Some(CustomerStatus::Deregistered.as_str().into()), ..Default::default() }, now)?
    } else {
        customers::set_credit(
            conn,
            cu.id,
            r.credit_grade.clone().or(cu.credit_grade.clone()),
            r.credit_limit_fen.or(cu.credit_limit_fen),
            r.payment_term_days.unwrap_or(cu.payment_term_days),
            now,
        )?
    }
    .ok_or(ApiError::PreconditionFailed)?;
    archive::record_diff(conn, cu, &updated, Some(by), if r.kind == "deregister" { "deregistration" } else { "credit_approval" }, now)?;
    Ok(updated)
}

/// Approve (the change is applied to the record at once) or refuse.
#[utoipa::path(tag = "customers", operation_id = "decideCustomerChange", security(("bearer" = [])), request_body = DecisionInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the request you decide")),
    responses((status = 200, body = CustomerRequestView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/requests/{id}/decision")]
pub async fn decide(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<DecisionInput>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let reason = b.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    if !b.approve && reason.is_none() {
        return Err(ApiError::field("reason", FieldCode::Required, "say why the request is refused"));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let r = care::request(c, caller.org_id, id)?;
                let cu = customers::get(c, caller.org_id, r.customer_id)?;
                archive::read(c, &caller, &cu, "decision")?;
                if r.status != "pending" {
                    return Err(ApiError::conflict(ProblemCode::AlreadyDecided, "this request was already decided"));
                }
                if !may_decide(&caller, &r) {
                    return Err(ApiError::Forbidden("the department's sales manager decides, never the requester"));
                }
                let now = Utc::now().naive_utc();
                let status = if b.approve { "approved" } else { "rejected" };
                let decided = care::decide_request(c, id, version, status, caller.user_id, reason.as_deref(), now)?.ok_or(ApiError::PreconditionFailed)?;
                if b.approve {
                    apply(c, &decided, &cu, caller.user_id)?;
                }
                archive::notify(
                    c,
                    caller.org_id,
                    &[r.requested_by],
                    "customer_request_decided",
                    &format!("申请{}：{}", if b.approve { "已批准" } else { "未批准" }, cu.name),
                    reason.as_deref().unwrap_or(""),
                    now,
                )?;
                audit::write(c, &caller, "customer.request_decision", "customer", cu.id, &rid, serde_json::json!({"request": id, "status": status}))?;
                Ok(views(c, &caller, vec![decided])?.remove(0))
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// Put a customer on supply hold (暂停供货) when payment is overdue, or lift
/// it. The owner, assigned staff and the department's managers put it on hold
/// (the salesperson reports overdue payment at once); the department's sales
/// manager or the general manager lifts it.
#[utoipa::path(tag = "customers", operation_id = "setSupplyHold", security(("bearer" = [])), request_body = SupplyHoldInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you change")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/supply-hold")]
pub async fn supply_hold(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<SupplyHoldInput>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let reason = b.reason.trim().to_owned();
    if reason.is_empty() || reason.chars().count() > 500 {
        return Err(ApiError::field("reason", FieldCode::Length, "give a reason of at most 500 characters"));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "supply_hold")?;
                let allowed = if b.hold {
                    works_on(basis) || caller.has(Role::Gm)
                } else {
                    (caller.has(Role::SalesManager) && cu.department_id == caller.department_id) || caller.has(Role::Gm)
                };
                if !allowed {
                    return Err(ApiError::Forbidden("you may not change this customer's supply hold"));
                }
                if archive::status(&cu) != CustomerStatus::Active {
                    return Err(ApiError::conflict(ProblemCode::NotArchived, "only an archived customer is supplied"));
                }
                if cu.supply_hold == b.hold {
                    return Err(if b.hold {
                        ApiError::conflict(ProblemCode::AlreadyOnHold, "already on supply hold")
                    } else {
                        ApiError::conflict(ProblemCode::NotOnHold, "not on supply hold")
                    });
                }
                if cu.version != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let now = Utc::now().naive_utc();
                let updated =
                    customers::set_supply_hold(c, id, version, b.hold, b.hold.then_some(reason.as_str()), now)?.ok_or(ApiError::PreconditionFailed)?;
                archive::record_diff(c, &cu, &updated, Some(caller.user_id), "supply_hold", now)?;
                archive::record(c, id, "supply_hold_reason", cu.supply_hold_reason.as_deref(), Some(&reason), Some(caller.user_id), "supply_hold", now)?;
                let mut to = vec![cu.owner_id];
                to.extend(people::users_with_role(c, caller.org_id, Role::SalesManager.as_str(), Some(cu.department_id))?);
                to.retain(|u| *u != caller.user_id);
                let title = format!("{}：{}", if b.hold { "暂停供货" } else { "恢复供货" }, cu.name);
                archive::notify(c, caller.org_id, &to, "customer_supply_hold", &title, &reason, now)?;
                audit::write(c, &caller, "customer.supply_hold", "customer", id, &rid, serde_json::json!({"hold": b.hold, "reason": reason}))?;
                build(c, &caller, updated, basis)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}
