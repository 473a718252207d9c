//! The archive's and the visits' policy numbers, which an administrator edits.

use crate::app::policies::{self, ArchivePolicyView, CarePolicyView, FollowupKinds};
use crate::app::Ctx;
use crate::error::{broken_rules, ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use kehu_domain::care::CarePolicy;
use kehu_domain::customer::ArchivePolicy;
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// The customer archive's rules (defaults from the manuals).
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ArchivePolicyBody {
    /// Working days from first contact to the registration form (5).
    #[schema(minimum = 1, maximum = 30)]
    #[validate(range(min = 1, max = 30, message = "1 to 30"))]
    pub registration_working_days: u32,
    /// Months a customer stays protected without a deal (2).
    #[schema(minimum = 1, maximum = 24)]
    #[validate(range(min = 1, max = 24, message = "1 to 24"))]
    pub protection_months: u32,
    /// Days an approved access request is valid (7).
    #[schema(minimum = 1, maximum = 90)]
    #[validate(range(min = 1, max = 90, message = "1 to 90"))]
    pub access_days: u32,
    /// Longest payment term (31: monthly settlement).
    #[schema(minimum = 0, maximum = 31)]
    #[validate(range(max = 31, message = "0 to 31"))]
    pub max_payment_term_days: u32,
    /// People on a key customer, the owner included (2).
    #[schema(minimum = 1, maximum = 5)]
    #[validate(range(min = 1, max = 5, message = "1 to 5"))]
    pub key_customer_min_staff: u32,
}

/// Visits and surveys.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CarePolicyBody {
    /// Highest expense claim per visit, CNY (2000.00).
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "2000.00")]
    pub visit_expense_limit: String,
    /// A score at or below this opens a follow-up (2 = 不太满意).
    #[schema(minimum = 1, maximum = 4)]
    #[validate(range(min = 1, max = 4, message = "1 to 4"))]
    pub poor_score: i64,
    /// Days a survey link stays open (30).
    #[schema(minimum = 1, maximum = 365)]
    #[validate(range(min = 1, max = 365, message = "1 to 365"))]
    pub survey_link_days: i64,
    pub followup_department_kinds: FollowupKinds,
}

fn archive_policy(b: ArchivePolicyBody) -> ApiResult<ArchivePolicy> {
    ApiError::check(broken_rules(b.validate()))?;
    Ok(ArchivePolicy {
        registration_working_days: b.registration_working_days,
        protection_months: b.protection_months,
        access_days: b.access_days,
        max_payment_term_days: b.max_payment_term_days,
        key_customer_min_staff: b.key_customer_min_staff,
    })
}

fn care_policy(b: CarePolicyBody) -> ApiResult<CarePolicy> {
    let mut e = broken_rules(b.validate());
    let limit = b.visit_expense_limit.parse::<Money>().map(Money::fen);
    if limit.is_err() {
        e.push(FieldError::new("visit_expense_limit", FieldCode::InvalidMoney, "an amount like 2000.00"));
    }
    ApiError::check(e)?;
    Ok(CarePolicy {
        visit_expense_limit_fen: limit.unwrap_or_default(),
        poor_score: b.poor_score,
        survey_link_days: b.survey_link_days,
        followup_department_kind: b.followup_department_kinds.pairs(),
    })
}

/// The customer archive's rules in force.
#[utoipa::path(tag = "policies", operation_id = "getArchivePolicy", security(("bearer" = [])), responses((status = 200, body = ArchivePolicyView)))]
#[get("/policies/customer-archive")]
pub async fn get_archive(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let view: ArchivePolicyView = state.read(ctx, policies::archive).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Replace the archive's rules (admin).
#[utoipa::path(tag = "policies", operation_id = "putArchivePolicy", security(("bearer" = [])), request_body = ArchivePolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = ArchivePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/customer-archive")]
pub async fn put_archive(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<ArchivePolicyBody>) -> ApiResult<HttpResponse> {
    let cmd = (version.0, archive_policy(body.0)?);
    let view: ArchivePolicyView = state.write(ctx, move |tx, ctx| policies::put_archive(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}

/// The visits' and surveys' rules in force.
#[utoipa::path(tag = "policies", operation_id = "getCarePolicy", security(("bearer" = [])), responses((status = 200, body = CarePolicyView)))]
#[get("/policies/customer-care")]
pub async fn get_care(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let view: CarePolicyView = state.read(ctx, policies::care).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Replace the visits' and surveys' rules (admin).
#[utoipa::path(tag = "policies", operation_id = "putCarePolicy", security(("bearer" = [])), request_body = CarePolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = CarePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/customer-care")]
pub async fn put_care(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<CarePolicyBody>) -> ApiResult<HttpResponse> {
    let cmd = (version.0, care_policy(body.0)?);
    let view: CarePolicyView = state.write(ctx, move |tx, ctx| policies::put_care(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}
