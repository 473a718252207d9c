//! 满意度调查: six dimensions on a five-level scale, entered by staff or by
//! the customer through a link that needs no login; aggregated; a poor score
//! opens a follow-up for the responsible department.

use crate::app::surveys::{self, Answers, PublicSurveyView, Remarks, ScoresView, Subject, SurveyLinkView, SurveyView};
use crate::app::Ctx;
use crate::error::{broken_rules, ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::Json;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kehu_domain::survey::{Quarter, Scores};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SurveyInput {
    #[schema(max_length = 100, example = "BRK-2207 制动盘")]
    #[validate(length(max = 100, code = "length", message = "at most 100 characters"))]
    pub product: Option<String>,
    /// Defaults to the current quarter, e.g. `2026-Q4`.
    #[schema(pattern = "^[0-9]{4}-Q[1-4]$")]
    pub period: Option<String>,
    pub scores: ScoresView,
    #[serde(default)]
    #[validate(nested)]
    pub remarks: Remarks,
    /// Who answered at the customer.
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "at most 100 characters"))]
    pub respondent: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct SurveyLinkInput {
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "at most 100 characters"))]
    pub product: Option<String>,
    #[schema(pattern = "^[0-9]{4}-Q[1-4]$")]
    pub period: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PublicAnswerInput {
    pub scores: ScoresView,
    #[serde(default)]
    #[validate(nested)]
    pub remarks: Remarks,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "at most 100 characters"))]
    pub respondent: Option<String>,
}

fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

fn period(errors: &mut Vec<FieldError>, p: Option<String>) -> Option<Quarter> {
    match p.map(|p| p.parse::<Quarter>()) {
        Some(Ok(q)) => Some(q),
        Some(Err(_)) => {
            errors.push(FieldError::new("period", FieldCode::Format, "a quarter like 2026-Q4"));
            None
        }
        None => None,
    }
}

/// The answers, checked: rules of the body, then the scale.
fn answers(rules: Vec<FieldError>, scores: ScoresView, remarks: Remarks, respondent: Option<String>) -> ApiResult<Answers> {
    let scores = Scores::from(scores);
    let mut errors = rules;
    errors.extend(scores.check().into_iter().map(FieldError::from));
    ApiError::check(errors)?;
    Ok(Answers { scores, remarks, respondent: text(respondent) })
}

/// Enter a survey the customer answered on paper or by phone.
#[utoipa::path(tag = "surveys", operation_id = "enterSurvey", security(("bearer" = [])), request_body = SurveyInput, params(("id" = i64, Path)),
    responses((status = 201, body = SurveyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/surveys")]
pub async fn enter(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<SurveyInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let mut rules = broken_rules(b.validate());
    let subject = Subject { customer_id: id.into_inner(), product: text(b.product), period: period(&mut rules, b.period) };
    let cmd = (subject, answers(rules, b.scores, b.remarks, b.respondent)?);
    Ok(HttpResponse::Created().json(state.write(ctx, move |tx, ctx| surveys::enter(tx, ctx, cmd)).await?))
}

/// A link the customer answers through without logging in; valid for the
/// policy's days (30 by default), answered once.
#[utoipa::path(tag = "surveys", operation_id = "createSurveyLink", security(("bearer" = [])), request_body = SurveyLinkInput, params(("id" = i64, Path)),
    responses((status = 201, body = SurveyLinkView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/survey-links")]
pub async fn link(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<SurveyLinkInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let mut rules = broken_rules(b.validate());
    let subject = Subject { customer_id: id.into_inner(), product: text(b.product), period: period(&mut rules, b.period) };
    ApiError::check(rules)?;
    Ok(HttpResponse::Created().json(state.write(ctx, move |tx, ctx| surveys::link(tx, ctx, subject)).await?))
}

/// The survey behind a link (no login).
#[utoipa::path(tag = "surveys", operation_id = "publicSurvey", params(("token" = String, Path)),
    responses((status = 200, body = PublicSurveyView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/survey-responses/{token}")]
pub async fn public_get(state: web::Data<AppState>, token: web::Path<String>) -> ApiResult<HttpResponse> {
    let token = token.into_inner();
    Ok(HttpResponse::Ok().json(state.db(move |c| surveys::public_get(c, &token)).await?))
}

/// The customer's answers through the link: once, before it expires.
#[utoipa::path(tag = "surveys", operation_id = "answerSurvey", request_body = PublicAnswerInput, params(("token" = String, Path)),
    responses((status = 204, description = "Thank you"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/survey-responses/{token}")]
pub async fn public_answer(state: web::Data<AppState>, token: web::Path<String>, body: Json<PublicAnswerInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let given = answers(broken_rules(b.validate()), b.scores, b.remarks, b.respondent)?;
    let (token, now) = (token.into_inner(), chrono::Utc::now().naive_utc());
    state.write_public(move |tx| surveys::public_answer(tx, &token, given, now)).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A customer's surveys, newest first.
#[utoipa::path(tag = "surveys", operation_id = "customerSurveys", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<SurveyView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/surveys")]
pub async fn of_customer(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| surveys::of_customer(tx, ctx, id)).await?))
}
