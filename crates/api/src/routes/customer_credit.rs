//! Credit (信用等级, 信用额度, 账期), supply hold (暂停供货) and deregistration
//! (客户注销): changes that need a credit investigation and the department
//! manager's approval, each kept in the record's history.

use crate::app::credit::{self, CreditCheckView, CustomerRequestView, Decision, Investigation, SupplyHold};
use crate::app::customers::view::CustomerView;
use crate::app::Ctx;
use crate::error::{broken_rules, not_blank, ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::customer::{ChangeRequest, CreditGrade, RequestKind};
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CreditCheckInput {
    pub investigated_on: NaiveDate,
    /// What was checked and found (registration, capital, payment history, references).
    #[schema(min_length = 1, max_length = 2000)]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 2000 characters"),
        length(max = 2000, code = "length", message = "1 to 2000 characters")
    )]
    pub summary: String,
    pub recommended_grade: Option<CreditGrade>,
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "500000.00")]
    pub recommended_limit: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CustomerRequestInput {
    pub kind: RequestKind,
    pub credit_grade: Option<CreditGrade>,
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "500000.00")]
    pub credit_limit: Option<String>,
    /// Days; at most the policy's one month. Above 0 needs `credit_check_id`.
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    #[schema(min_length = 1, max_length = 500)]
    #[validate(
        custom(function = "not_blank", code = "length", message = "give a reason of at most 500 characters"),
        length(max = 500, code = "length", message = "give a reason of at most 500 characters")
    )]
    pub reason: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionInput {
    pub approve: bool,
    /// Required when refusing.
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SupplyHoldInput {
    /// true: stop supplying (payment overdue); false: resume.
    pub hold: bool,
    #[schema(min_length = 1, max_length = 500, example = "货款逾期 45 天未付")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "give a reason of at most 500 characters"),
        length(max = 500, code = "length", message = "give a reason of at most 500 characters")
    )]
    pub reason: String,
}

/// An amount field as exact money; a malformed one is a field error.
fn money(errors: &mut Vec<FieldError>, field: &str, v: Option<&str>) -> Option<Money> {
    match v.map(|s| s.trim().parse::<Money>()) {
        Some(Ok(m)) => Some(m),
        Some(Err(_)) => {
            errors.push(FieldError::new(field, FieldCode::Format, "an amount like 180000.00"));
            None
        }
        None => None,
    }
}

impl TryFrom<(i64, CreditCheckInput)> for Investigation {
    type Error = ApiError;
    fn try_from((customer_id, b): (i64, CreditCheckInput)) -> ApiResult<Investigation> {
        let mut errors = broken_rules(b.validate());
        let recommended_limit = money(&mut errors, "recommended_limit", b.recommended_limit.as_deref());
        ApiError::check(errors)?;
        Ok(Investigation {
            customer_id,
            investigated_on: b.investigated_on,
            summary: b.summary.trim().to_owned(),
            recommended_grade: b.recommended_grade,
            recommended_limit,
        })
    }
}

impl TryFrom<CustomerRequestInput> for ChangeRequest {
    type Error = ApiError;
    fn try_from(b: CustomerRequestInput) -> ApiResult<ChangeRequest> {
        let mut errors = broken_rules(b.validate());
        let credit_limit = money(&mut errors, "credit_limit", b.credit_limit.as_deref());
        let r = ChangeRequest {
            kind: b.kind,
            credit_grade: b.credit_grade,
            credit_limit,
            payment_term_days: b.payment_term_days,
            credit_check_id: b.credit_check_id,
            reason: b.reason.trim().to_owned(),
        };
        errors.extend(credit::request_rules(&r));
        ApiError::check(errors)?;
        Ok(r)
    }
}

/// Record a credit investigation (信用调查) of a customer.
#[utoipa::path(tag = "customers", operation_id = "addCreditCheck", security(("bearer" = [])), request_body = CreditCheckInput, params(("id" = i64, Path)),
    responses((status = 201, body = CreditCheckView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/credit-checks")]
pub async fn add_check(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<CreditCheckInput>) -> ApiResult<HttpResponse> {
    let cmd = Investigation::try_from((id.into_inner(), body.0))?;
    Ok(HttpResponse::Created().json(state.write(ctx, move |tx, ctx| credit::add_check(tx, ctx, cmd)).await?))
}

/// The record's credit investigations, newest first.
#[utoipa::path(tag = "customers", operation_id = "listCreditChecks", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CreditCheckView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/credit-checks")]
pub async fn list_checks(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| credit::checks(tx, ctx, id)).await?))
}

/// Ask the department's sales manager to change the credit grade, limit or
/// payment terms, or to deregister the customer.
#[utoipa::path(tag = "customers", operation_id = "requestCustomerChange", security(("bearer" = [])), request_body = CustomerRequestInput, params(("id" = i64, Path)),
    responses((status = 201, body = CustomerRequestView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/requests")]
pub async fn create_request(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<CustomerRequestInput>) -> ApiResult<HttpResponse> {
    let cmd = (id.into_inner(), ChangeRequest::try_from(body.0)?);
    let v = state.write(ctx, move |tx, ctx| credit::request(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// A record's credit and deregistration requests, newest first.
#[utoipa::path(tag = "customers", operation_id = "listCustomerChangeRequests", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<CustomerRequestView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/requests")]
pub async fn list_requests(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| credit::requests(tx, ctx, id)).await?))
}

/// Credit and deregistration requests waiting for the caller's decision.
#[utoipa::path(tag = "customers", operation_id = "customerChangeRequestsToDecide", security(("bearer" = [])),
    responses((status = 200, body = Vec<CustomerRequestView>)))]
#[get("/customers/requests")]
pub async fn to_decide(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(state.read(ctx, credit::to_decide).await?))
}

/// Approve (the change is applied to the record at once) or refuse.
#[utoipa::path(tag = "customers", operation_id = "decideCustomerChange", security(("bearer" = [])), request_body = DecisionInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the request you decide")),
    responses((status = 200, body = CustomerRequestView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/requests/{id}/decision")]
pub async fn decide(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<DecisionInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let reason = b.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
    if !b.approve && reason.is_none() {
        return Err(ApiError::field("reason", FieldCode::Required, "say why the request is refused"));
    }
    let cmd = Decision { id: id.into_inner(), version: version.0, approve: b.approve, reason };
    let v = state.write(ctx, move |tx, ctx| credit::decide(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Put a customer on supply hold (暂停供货) when payment is overdue, or lift
/// it. The owner, assigned staff and the department's managers put it on hold
/// (the salesperson reports overdue payment at once); the department's sales
/// manager or the general manager lifts it.
#[utoipa::path(tag = "customers", operation_id = "setSupplyHold", security(("bearer" = [])), request_body = SupplyHoldInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you change")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/supply-hold")]
pub async fn supply_hold(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<SupplyHoldInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    ApiError::check(broken_rules(b.validate()))?;
    let cmd = SupplyHold { id: id.into_inner(), version: version.0, hold: b.hold, reason: b.reason.trim().to_owned() };
    let v: CustomerView = state.write(ctx, move |tx, ctx| credit::supply_hold(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.summary.version, &v))
}
