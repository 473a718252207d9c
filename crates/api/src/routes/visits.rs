//! 回访: plan -> record -> next-day report -> supervisor review, and who is
//! behind the minimum visit frequencies.

use crate::app::visits::{self, CoverageRow, VisitBox, VisitStepCmd, VisitView};
use crate::app::Ctx;
use crate::error::{broken_rules, not_blank, ApiError, ApiResult, FieldCode, FieldError, Problem, Validated};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::care::VisitMethod;
use kehu_domain::visit::{VisitPlan, VisitRecord};
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// 回访计划: customer, date, purpose, content, method.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct VisitPlanInput {
    pub planned_on: NaiveDate,
    #[schema(min_length = 1, max_length = 200, example = "季度回访，了解新项目需求")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 200 characters"),
        length(max = 200, code = "length", message = "1 to 200 characters")
    )]
    pub purpose: String,
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "length", message = "at most 2000 characters"))]
    pub content: Option<String>,
    pub method: VisitMethod,
}

/// 回访记录: what happened, who went, what it cost.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct VisitRecordInput {
    pub visited_on: NaiveDate,
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 4000 characters"),
        length(max = 4000, code = "length", message = "1 to 4000 characters")
    )]
    pub record: String,
    /// Everyone who went, the recorder included.
    #[schema(min_items = 1, max_items = 10)]
    pub participant_ids: Vec<i64>,
    /// Expense claimed, CNY, within the policy limit.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "350.00")]
    pub expense: Option<String>,
    #[schema(max_length = 500)]
    pub expense_note: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct VisitTextInput {
    /// The report (回访报告) or the supervisor's comments.
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 4000 characters"),
        length(max = 4000, code = "length", message = "1 to 4000 characters")
    )]
    pub text: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitQuery {
    #[param(inline)]
    pub r#box: Option<VisitBox>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoverageQuery {
    /// Only customers behind on the quarter or the year.
    pub behind: Option<bool>,
}

impl VisitPlanInput {
    fn into_plan(self, customer_id: i64) -> ApiResult<VisitPlan> {
        let b = self.validated()?;
        Ok(VisitPlan { customer_id, planned_on: b.planned_on, purpose: b.purpose.trim().to_owned(), content: trimmed(b.content), method: b.method })
    }
}

impl TryFrom<VisitRecordInput> for VisitRecord {
    type Error = ApiError;
    fn try_from(b: VisitRecordInput) -> ApiResult<VisitRecord> {
        let mut errors = broken_rules(b.validate());
        let expense = match b.expense.as_deref().map(|s| s.trim().parse::<Money>()) {
            Some(Ok(m)) => Some(m),
            Some(Err(_)) => {
                errors.push(FieldError::new("expense", FieldCode::Format, "an amount like 180000.00"));
                None
            }
            None => None,
        };
        ApiError::check(errors)?;
        Ok(VisitRecord {
            visited_on: b.visited_on,
            record: b.record.trim().to_owned(),
            participants: b.participant_ids,
            expense,
            expense_note: trimmed(b.expense_note),
        })
    }
}

fn text(body: VisitTextInput) -> ApiResult<String> {
    Ok(body.validated()?.text.trim().to_owned())
}

/// Plan a visit (回访计划).
#[utoipa::path(tag = "visits", operation_id = "planVisit", security(("bearer" = [])), request_body = VisitPlanInput, params(("id" = i64, Path)),
    responses((status = 201, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/visits")]
pub async fn plan(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<VisitPlanInput>) -> ApiResult<HttpResponse> {
    let plan = body.0.into_plan(id.into_inner())?;
    let v = state.write(ctx, move |tx, ctx| visits::plan(tx, ctx, plan)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// A customer's visits, newest first.
#[utoipa::path(tag = "visits", operation_id = "customerVisits", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<VisitView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/visits")]
pub async fn of_customer(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| visits::of_customer(tx, ctx, id)).await?))
}

/// The caller's visits (`box=mine`), or reports waiting for their review (`box=to_review`).
#[utoipa::path(tag = "visits", operation_id = "listVisits", security(("bearer" = [])), params(VisitQuery), responses((status = 200, body = Vec<VisitView>)))]
#[get("/customers/visits")]
pub async fn list_visits(state: web::Data<AppState>, ctx: Ctx, q: web::Query<VisitQuery>) -> ApiResult<HttpResponse> {
    let which = q.r#box.unwrap_or(VisitBox::Mine);
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| visits::list(c, ctx, which)).await?))
}

/// Record the visit (回访记录). A new customer's first visit needs two
/// salespeople; the expense stays within the policy limit.
#[utoipa::path(tag = "visits", operation_id = "recordVisit", security(("bearer" = [])), request_body = VisitRecordInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the visit")),
    responses((status = 200, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/visits/{id}/record")]
pub async fn record(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<VisitRecordInput>) -> ApiResult<HttpResponse> {
    let cmd = VisitStepCmd { id: id.into_inner(), version: version.0, body: VisitRecord::try_from(body.0)? };
    let v = state.write(ctx, move |tx, ctx| visits::record(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// File the visit report (回访报告), due the working day after the visit.
#[utoipa::path(tag = "visits", operation_id = "reportVisit", security(("bearer" = [])), request_body = VisitTextInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the visit")),
    responses((status = 200, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/visits/{id}/report")]
pub async fn report(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<VisitTextInput>) -> ApiResult<HttpResponse> {
    let cmd = VisitStepCmd { id: id.into_inner(), version: version.0, body: text(body.0)? };
    let v = state.write(ctx, move |tx, ctx| visits::report(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// The supervisor's review of a report, with comments.
#[utoipa::path(tag = "visits", operation_id = "reviewVisit", security(("bearer" = [])), request_body = VisitTextInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the visit")),
    responses((status = 200, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/visits/{id}/review")]
pub async fn review(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<VisitTextInput>) -> ApiResult<HttpResponse> {
    let cmd = VisitStepCmd { id: id.into_inner(), version: version.0, body: text(body.0)? };
    let v = state.write(ctx, move |tx, ctx| visits::review(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// The minimum visit frequencies (quarterly for every active customer; A/B/C
/// yearly by rank) for the customers the caller reads, with who is behind.
#[utoipa::path(tag = "visits", operation_id = "visitCoverage", security(("bearer" = [])), params(CoverageQuery), responses((status = 200, body = Vec<CoverageRow>)))]
#[get("/customers/visit-coverage")]
pub async fn coverage(state: web::Data<AppState>, ctx: Ctx, q: web::Query<CoverageQuery>) -> ApiResult<HttpResponse> {
    let only_behind = q.behind.unwrap_or(false);
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| visits::coverage(c, ctx, only_behind)).await?))
}
