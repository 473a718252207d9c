//! Company policies an administrator edits: approval tiers, deadlines, the
//! working-day calendar.

use crate::app::policies::{self, ApprovalPolicyView, CalendarDayView, DeadlinePolicyView};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{delete, get, put, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::approval::{ApprovalPolicy, Tier};
use kehu_domain::deadline::DeadlinePolicy;
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalPolicyRequest {
    #[schema(min_items = 1)]
    pub tiers: Vec<policies::TierView>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CalendarDayRequest {
    pub working: bool,
    #[schema(max_length = 100)]
    #[serde(default)]
    #[validate(length(max = 100, code = "too_long", message = "at most 100 characters"))]
    pub name: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn tiers(b: ApprovalPolicyRequest) -> ApiResult<ApprovalPolicy> {
    let mut errors = Vec::new();
    let mut tiers = Vec::new();
    for (i, t) in b.tiers.into_iter().enumerate() {
        match t.up_to.as_deref().map(str::parse::<Money>).transpose() {
            Ok(up_to) => tiers.push(Tier { up_to, approver: t.approver_role }),
            Err(e) => errors.push(FieldError::new(format!("tiers[{i}].up_to"), FieldCode::InvalidMoney, e.to_string())),
        }
    }
    ApiError::check(errors)?;
    Ok(ApprovalPolicy { tiers })
}

fn day(path: &str) -> ApiResult<NaiveDate> {
    path.parse().map_err(|_| ApiError::field("day", FieldCode::InvalidDate, "use YYYY-MM-DD"))
}

/// The approval tiers in force (核决权限).
#[utoipa::path(tag = "policies", operation_id = "getApprovalPolicy", security(("bearer" = [])), responses((status = 200, body = ApprovalPolicyView)))]
#[get("/policies/approval-tiers")]
pub async fn get_approval(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let view: ApprovalPolicyView = state.read(ctx, policies::approval).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Replace the approval tiers (admin). Cases already routed keep their tier.
#[utoipa::path(tag = "policies", operation_id = "putApprovalPolicy", security(("bearer" = [])), request_body = ApprovalPolicyRequest,
    params(("If-Match" = String, Header)),
    responses((status = 200, body = ApprovalPolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/approval-tiers")]
pub async fn put_approval(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<ApprovalPolicyRequest>) -> ApiResult<HttpResponse> {
    let cmd = (version.0, tiers(body.0)?);
    let view: ApprovalPolicyView = state.write(ctx, move |tx, ctx| policies::put_approval(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}

/// The step and whole-case deadlines in force (处理期限).
#[utoipa::path(tag = "policies", operation_id = "getDeadlinePolicy", security(("bearer" = [])), responses((status = 200, body = DeadlinePolicyView)))]
#[get("/policies/deadlines")]
pub async fn get_deadlines(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let view: DeadlinePolicyView = state.read(ctx, policies::deadlines).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Replace the deadlines (admin); applies to steps entered afterwards.
#[utoipa::path(tag = "policies", operation_id = "putDeadlinePolicy", security(("bearer" = [])), request_body(content = Object, description = "Every step of GET /policies/deadlines"),
    params(("If-Match" = String, Header)),
    responses((status = 200, body = DeadlinePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/deadlines")]
pub async fn put_deadlines(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<DeadlinePolicy>) -> ApiResult<HttpResponse> {
    let cmd = (version.0, body.0);
    let view: DeadlinePolicyView = state.write(ctx, move |tx, ctx| policies::put_deadlines(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}

/// Days that differ from Monday–Friday: holidays and make-up working days.
#[utoipa::path(tag = "policies", operation_id = "listCalendarDays", security(("bearer" = [])), params(CalendarQuery), responses((status = 200, body = Vec<CalendarDayView>)))]
#[get("/calendar/days")]
pub async fn list_days(state: web::Data<AppState>, ctx: Ctx, q: web::Query<CalendarQuery>) -> ApiResult<HttpResponse> {
    let range = (q.from, q.to);
    let days: Vec<CalendarDayView> = state.read(ctx, move |c, ctx| policies::days(c, ctx, range)).await?;
    Ok(HttpResponse::Ok().json(days))
}

/// Set one day as a holiday or a working day (admin).
#[utoipa::path(tag = "policies", operation_id = "putCalendarDay", security(("bearer" = [])), request_body = CalendarDayRequest, params(("day" = String, Path, example = "2026-10-01")),
    responses((status = 200, body = CalendarDayView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[put("/calendar/days/{day}")]
pub async fn put_day(state: web::Data<AppState>, ctx: Ctx, path: web::Path<String>, body: Json<CalendarDayRequest>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let d = CalendarDayView { day: day(&path)?, working: b.working, name: b.name };
    let view: CalendarDayView = state.write(ctx, move |tx, ctx| policies::set_day(tx, ctx, d)).await?;
    Ok(HttpResponse::Ok().json(view))
}

/// Return a day to the Monday–Friday rule (admin).
#[utoipa::path(tag = "policies", operation_id = "deleteCalendarDay", security(("bearer" = [])), params(("day" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[delete("/calendar/days/{day}")]
pub async fn delete_day(state: web::Data<AppState>, ctx: Ctx, path: web::Path<String>) -> ApiResult<HttpResponse> {
    let d = day(&path)?;
    state.write(ctx, move |tx, ctx| policies::unset_day(tx, ctx, d)).await?;
    Ok(HttpResponse::NoContent().finish())
}
