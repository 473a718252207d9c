//! The record's life: review of the registration, resubmission, claiming a
//! lapsed customer, transfer, the change history, the read log, duplicates.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::routes::customers::{build, duplicate_view, may_edit, may_review, CustomerView, DuplicateView};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_domain::customer::{self as rules, Category, Confidentiality, CustomerStatus, ReadBasis};
use kehu_domain::Role;
use kehu_persistence::customers::{self, CustomerChanges};
use kehu_persistence::{people, write_tx};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ReviewDecision {
    Approve,
    Reject,
}

/// The department manager's review of a registration.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    pub decision: ReviewDecision,
    /// Required when rejecting: what the salesperson must fix.
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TransferRequest {
    /// The salesperson who takes the customer over.
    pub to_user_id: i64,
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

/// One entry of the change history.
#[derive(Serialize, ToSchema)]
pub struct ChangeView {
    pub id: i64,
    #[schema(example = "address")]
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    /// For `owner_id`, `department_id` and `staff`: the names behind the ids.
    pub old_label: Option<String>,
    pub new_label: Option<String>,
    /// registration, review, edit, claim, transfer, handover, credit_approval, import, order.
    pub source: String,
    pub changed_by: Option<Ref>,
    pub changed_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct ChangePage {
    pub items: Vec<ChangeView>,
    pub next_cursor: Option<String>,
}

/// A read of the record by someone who is not its owner or staff.
#[derive(Serialize, ToSchema)]
pub struct ReadView {
    pub id: i64,
    pub user: Ref,
    /// department_manager, archive, executive, grant, claim_pool, integration.
    pub basis: String,
    /// record, history, edit, export.
    pub what: String,
    pub at: DateTime<Utc>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DuplicateQuery {
    #[param(example = "苏州精密机械有限公司")]
    pub name: Option<String>,
    pub tax_id: Option<String>,
    /// Leave this record out (when editing it).
    pub exclude_id: Option<i64>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HistoryQuery {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn reason_required(reason: &Option<String>, field: &str) -> ApiResult<String> {
    match reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) if r.chars().count() <= 500 => Ok(r.to_owned()),
        Some(_) => Err(ApiError::field(field, FieldCode::Length, "at most 500 characters")),
        None => Err(ApiError::field(field, FieldCode::Required, "give a reason")),
    }
}

/// Approve or reject a registration. Approval archives the customer and
/// starts its protection period; it is refused while an archived customer
/// with the same name or tax id exists (the first registration wins).
#[utoipa::path(tag = "customers", operation_id = "reviewCustomer", security(("bearer" = [])), request_body = ReviewRequest,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you review")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/review")]
pub async fn review(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<ReviewRequest>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let reason = match b.decision {
        ReviewDecision::Reject => Some(reason_required(&b.reason, "reason")?),
        ReviewDecision::Approve => b.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned),
    };
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let old = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &old, "review")?;
                if archive::status(&old) != CustomerStatus::PendingReview {
                    return Err(ApiError::conflict(ProblemCode::NotPendingReview, "only a registration waiting for review can be reviewed"));
                }
                if !may_review(&caller, &old) {
                    return Err(ApiError::Forbidden("the department's sales manager reviews a registration, never its submitter"));
                }
                if old.version != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let now = Utc::now().naive_utc();
                let today = archive::today(c, caller.org_id)?;
                let policy = archive::archive_policy(c, caller.org_id)?;
                let mut changes = CustomerChanges {
                    reviewed_by: Some(Some(caller.user_id)),
                    reviewed_at: Some(Some(now)),
                    review_reason: Some(reason.clone()),
                    ..Default::default()
                };
                if b.decision == ReviewDecision::Approve {
                    let first = customers::duplicates(c, caller.org_id, &old.name_key, old.tax_key.as_deref(), Some(id))?.into_iter().find(|d| {
                        matches!(archive::status(d), CustomerStatus::Active | CustomerStatus::Deregistered)
                            || (d.submitted_at < old.submitted_at && archive::status(d) == CustomerStatus::PendingReview)
                    });
                    if let Some(d) = first {
                        return Err(ApiError::conflict(
                            ProblemCode::RegisteredFirst,
                            format!("{} ({}) was registered first; reject this registration", d.name, d.code),
                        ));
                    }
                    if old.category == Category::Key.as_str() && (customers::staff(c, id)?.len() as u32 + 1) < policy.key_customer_min_staff {
                        return Err(ApiError::conflict(
                            ProblemCode::KeyCustomerStaff,
                            format!("a key customer needs at least {} staff including the owner", policy.key_customer_min_staff),
                        ));
                    }
                    changes.status = Some(CustomerStatus::Active.as_str().into());
                    changes.archived_at = Some(Some(now));
                    changes.protected_until = Some(Some(policy.protected_until(today, old.last_deal_on)));
                } else {
                    changes.status = Some(CustomerStatus::Rejected.as_str().into());
                }
                let updated = customers::update(c, id, Some(version), &changes, now)?.ok_or(ApiError::PreconditionFailed)?;
                archive::record_diff(c, &old, &updated, Some(caller.user_id), "review", now)?;
                let title = match b.decision {
                    ReviewDecision::Approve => format!("客户已建档：{}", updated.name),
                    ReviewDecision::Reject => format!("客户登记被退回：{}", updated.name),
                };
                let to: Vec<i64> = [Some(updated.owner_id), updated.submitted_by].into_iter().flatten().filter(|u| *u != caller.user_id).collect();
                archive::notify(c, caller.org_id, &to, "customer_reviewed", &title, reason.as_deref().unwrap_or(""), now)?;
                audit::write(c, &caller, "customer.review", "customer", id, &rid, serde_json::json!({"decision": updated.status, "reason": reason}))?;
                build(c, &caller, updated, basis)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// Resubmit a rejected registration after fixing it (its owner).
#[utoipa::path(tag = "customers", operation_id = "resubmitCustomer", security(("bearer" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you resubmit")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/resubmit")]
pub async fn resubmit(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let old = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &old, "resubmit")?;
                if archive::status(&old) != CustomerStatus::Rejected {
                    return Err(ApiError::conflict(ProblemCode::NotRejected, "only a rejected registration is resubmitted"));
                }
                if !may_edit(&caller, &old) {
                    return Err(ApiError::Forbidden("the owner resubmits a registration"));
                }
                let now = Utc::now().naive_utc();
                let changes = CustomerChanges {
                    status: Some(CustomerStatus::PendingReview.as_str().into()),
                    submitted_by: Some(Some(caller.user_id)),
                    submitted_at: Some(Some(now)),
                    ..Default::default()
                };
                let updated = customers::update(c, id, Some(version), &changes, now)?.ok_or(ApiError::PreconditionFailed)?;
                archive::record_diff(c, &old, &updated, Some(caller.user_id), "registration", now)?;
                let reviewers: Vec<i64> = people::users_with_role(c, caller.org_id, Role::SalesManager.as_str(), Some(updated.department_id))?
                    .into_iter()
                    .filter(|u| *u != caller.user_id)
                    .collect();
                archive::notify(c, caller.org_id, &reviewers, "customer_review", &format!("客户建档待审核：{}", updated.name), &updated.code, now)?;
                audit::write(c, &caller, "customer.resubmit", "customer", id, &rid, serde_json::json!({}))?;
                build(c, &caller, updated, basis)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// Claim a customer whose protection period lapsed without a deal: the
/// caller becomes its owner, its open complaints follow, its former owner is
/// told.
#[utoipa::path(tag = "customers", operation_id = "claimCustomer", security(("bearer" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you claim")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/claim")]
pub async fn claim(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let old = customers::get(c, caller.org_id, id)?;
                archive::read(c, &caller, &old, "claim")?;
                if !caller.roles.iter().any(|r| r.is_sales()) {
                    return Err(ApiError::Forbidden("only sales claim customers"));
                }
                let today = archive::today(c, caller.org_id)?;
                if old.owner_id == caller.user_id {
                    return Err(ApiError::conflict(ProblemCode::AlreadyOwner, "you already own this customer"));
                }
                if !rules::is_claimable(archive::status(&old), old.protected_until, today) || archive::level(&old) != Confidentiality::Secret {
                    return Err(ApiError::conflict(ProblemCode::StillProtected, "this customer is still protected for its owner"));
                }
                if old.version != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let me = people::user(c, caller.user_id)?;
                let now = Utc::now().naive_utc();
                let (updated, _) = archive::transfer(c, &old, &me, caller.user_id, "claim", now)?;
                archive::notify(c, caller.org_id, &[old.owner_id], "customer_claimed", &format!("客户已被认领：{}", old.name), &caller.display_name, now)?;
                audit::write(c, &caller, "customer.claim", "customer", id, &rid, serde_json::json!({"from": old.owner_id}))?;
                build(c, &caller, updated, ReadBasis::Owner)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// Give one customer to another salesperson (the owning department's sales
/// manager or the general manager).
#[utoipa::path(tag = "customers", operation_id = "transferCustomer", security(("bearer" = [])), request_body = TransferRequest,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you transfer")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/transfer")]
pub async fn transfer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<TransferRequest>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let reason = reason_required(&Some(b.reason.clone()), "reason")?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let old = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &old, "transfer")?;
                if !((caller.has(Role::SalesManager) && old.department_id == caller.department_id) || caller.has(Role::Gm)) {
                    return Err(ApiError::Forbidden("the department's sales manager or the general manager transfers a customer"));
                }
                if archive::status(&old) == CustomerStatus::Deregistered {
                    return Err(ApiError::conflict(ProblemCode::Deregistered, "a deregistered customer is read-only"));
                }
                let to = crate::routes::handover::receiver(c, &caller, b.to_user_id, "to_user_id")?;
                if to.id == old.owner_id {
                    return Err(ApiError::field("to_user_id", FieldCode::SameOwner, "this person already owns the customer"));
                }
                if old.version != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let now = Utc::now().naive_utc();
                let (updated, moved) = archive::transfer(c, &old, &to, caller.user_id, "transfer", now)?;
                archive::record(c, id, "transfer_reason", None, Some(&reason), Some(caller.user_id), "transfer", now)?;
                archive::notify(c, caller.org_id, &[to.id, old.owner_id], "customer_transferred", &format!("客户移交：{}", old.name), &reason, now)?;
                audit::write(
                    c,
                    &caller,
                    "customer.transfer",
                    "customer",
                    id,
                    &rid,
                    serde_json::json!({"from": old.owner_id, "to": to.id, "complaints_moved": moved}),
                )?;
                build(c, &caller, updated, basis)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// Every change of the record, oldest first: who, when, old and new.
#[utoipa::path(tag = "customers", operation_id = "customerHistory", security(("bearer" = [])), params(("id" = i64, Path), HistoryQuery),
    responses((status = 200, body = ChangePage), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/history")]
pub async fn history(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>, q: web::Query<HistoryQuery>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let limit = crate::http::cursor::limit(q.limit)?;
    let after: i64 = q.cursor.as_deref().map(crate::http::cursor::decode).transpose()?.unwrap_or(0);
    let page = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                archive::read(c, &caller, &cu, "history")?;
                let rows = customers::changes(c, id, after, limit + 1)?;
                let more = rows.len() as i64 > limit;
                let ref_ids = |v: &Option<String>| v.as_deref().unwrap_or("").split(',').filter_map(|x| x.trim().parse::<i64>().ok()).collect::<Vec<_>>();
                let mut ids: Vec<i64> = rows.iter().filter_map(|r| r.changed_by).collect();
                let mut depts = Vec::new();
                for r in &rows {
                    match r.field.as_str() {
                        "owner_id" | "staff" => {
                            ids.extend(ref_ids(&r.old_value));
                            ids.extend(ref_ids(&r.new_value));
                        }
                        "department_id" => {
                            depts.extend(ref_ids(&r.old_value));
                            depts.extend(ref_ids(&r.new_value));
                        }
                        _ => {}
                    }
                }
                let names: HashMap<i64, String> = people::display_names(c, &ids)?.into_iter().collect();
                let dnames: HashMap<i64, String> = people::department_names(c, &depts)?.into_iter().collect();
                let label = |field: &str, v: &Option<String>| -> Option<String> {
                    let map = match field {
                        "owner_id" | "staff" => &names,
                        "department_id" => &dnames,
                        _ => return None,
                    };
                    v.as_ref().map(|_| ref_ids(v).iter().map(|id| map.get(id).cloned().unwrap_or_else(|| id.to_string())).collect::<Vec<_>>().join("、"))
                };
                let items: Vec<ChangeView> = rows
                    .into_iter()
                    .take(limit as usize)
                    .map(|r| ChangeView {
                        id: r.id,
                        old_label: label(&r.field, &r.old_value),
                        new_label: label(&r.field, &r.new_value),
                        field: r.field,
                        old_value: r.old_value,
                        new_value: r.new_value,
                        source: r.source,
                        changed_by: r.changed_by.map(|u| Ref { id: u, name: names.get(&u).cloned().unwrap_or_default() }),
                        changed_at: r.changed_at.and_utc(),
                    })
                    .collect();
                let next_cursor = if more { items.last().map(|l| crate::http::cursor::encode(&l.id)) } else { None };
                Ok(ChangePage { items, next_cursor })
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Who read the record without owning it (its owner, the department's sales
/// manager and executives see this).
#[utoipa::path(tag = "customers", operation_id = "customerReads", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<ReadView>), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/reads")]
pub async fn reads(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let list = state
        .db(move |c| {
            let cu = customers::get(c, caller.org_id, id)?;
            let today = archive::today(c, caller.org_id)?;
            let basis = archive::basis(c, &caller, &cu, today, Utc::now().naive_utc())?.ok_or(ApiError::NotFound)?;
            if !matches!(basis, ReadBasis::Owner | ReadBasis::DepartmentManager | ReadBasis::Executive) {
                return Err(ApiError::Forbidden("the owner, the department's sales manager and executives see who read a record"));
            }
            let rows = customers::reads(c, id, None, 200)?;
            let ids: Vec<i64> = rows.iter().map(|r| r.user_id).collect();
            let names: HashMap<i64, String> = people::display_names(c, &ids)?.into_iter().collect();
            Ok(rows
                .into_iter()
                .map(|r| ReadView {
                    id: r.id,
                    user: Ref { id: r.user_id, name: names.get(&r.user_id).cloned().unwrap_or_default() },
                    basis: r.basis,
                    what: r.what,
                    at: r.at.and_utc(),
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

/// Records with the same normalised name (full-width/half-width, spaces and
/// 有限公司 variants ignored) or tax id: checked while a registration is typed.
/// Shows code, name, status and owner only, so a salesperson knows whom to ask.
#[utoipa::path(tag = "customers", operation_id = "customerDuplicates", security(("bearer" = [])), params(DuplicateQuery),
    responses((status = 200, body = Vec<DuplicateView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/duplicates")]
pub async fn duplicates(state: web::Data<AppState>, caller: Caller, q: web::Query<DuplicateQuery>) -> ApiResult<HttpResponse> {
    if !(caller.roles.iter().any(|r| r.is_sales()) || caller.has(Role::Marketing) || caller.has(Role::MarketingManager) || caller.has(Role::Gm)) {
        return Err(ApiError::Forbidden("sales, marketing and the general manager check for duplicates"));
    }
    let q = q.into_inner();
    let list = state
        .db(move |c| {
            let key = q.name.as_deref().map(rules::name_key).unwrap_or_default();
            let tax = q.tax_id.as_deref().map(rules::tax_key).filter(|t| !t.is_empty());
            if key.is_empty() && tax.is_none() {
                return Ok(Vec::new());
            }
            let found = customers::duplicates(c, caller.org_id, &key, tax.as_deref(), q.exclude_id)?;
            let ids: Vec<i64> = found.iter().map(|d| d.owner_id).collect();
            let names: HashMap<i64, String> = people::display_names(c, &ids)?.into_iter().collect();
            Ok(found
                .iter()
                .map(|d| duplicate_view(d, &key, tax.as_deref(), Ref { id: d.owner_id, name: names.get(&d.owner_id).cloned().unwrap_or_default() }))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}
