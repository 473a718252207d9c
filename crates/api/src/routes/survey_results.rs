//! What the surveys add up to: averages per customer, product or period, and
//! the follow-ups a poor score opens for the responsible department.

use crate::app::survey_results::{self, CloseFollowup, FollowupView, GroupBy, SummaryQuery as Summary, SurveyGroup};
use crate::app::Ctx;
use crate::error::{not_blank, ApiError, ApiResult, FieldCode, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kehu_domain::survey::{FollowupStatus, Quarter};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    #[param(inline)]
    pub group_by: Option<GroupBy>,
    #[param(pattern = "^[0-9]{4}-Q[1-4]$")]
    pub period: Option<String>,
    pub product: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowupQuery {
    /// open (default) or closed.
    pub status: Option<FollowupStatus>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CloseFollowupInput {
    #[schema(min_length = 1, max_length = 2000)]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 2000 characters"),
        length(max = 2000, code = "length", message = "1 to 2000 characters")
    )]
    pub resolution: String,
}

/// Averages per dimension over the customers the caller reads, by customer,
/// product or period.
#[utoipa::path(tag = "surveys", operation_id = "surveySummary", security(("bearer" = [])), params(SummaryQuery), responses((status = 200, body = Vec<SurveyGroup>)))]
#[get("/customers/survey-summary")]
pub async fn summary(state: web::Data<AppState>, ctx: Ctx, q: web::Query<SummaryQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let period = q.period.map(|p| p.parse::<Quarter>().map_err(|e| ApiError::field("period", FieldCode::Format, e))).transpose()?;
    let query = Summary { group_by: q.group_by.unwrap_or(GroupBy::Customer), period, product: q.product };
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| survey_results::summary(c, ctx, query)).await?))
}

/// Follow-ups for the caller's department (executives see all).
#[utoipa::path(tag = "surveys", operation_id = "listSurveyFollowups", security(("bearer" = [])), params(FollowupQuery), responses((status = 200, body = Vec<FollowupView>)))]
#[get("/customers/survey-followups")]
pub async fn list_followups(state: web::Data<AppState>, ctx: Ctx, q: web::Query<FollowupQuery>) -> ApiResult<HttpResponse> {
    let status = q.status.unwrap_or(FollowupStatus::Open);
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| survey_results::followups(c, ctx, status)).await?))
}

/// Close a follow-up with what was done (someone of its department).
#[utoipa::path(tag = "surveys", operation_id = "closeSurveyFollowup", security(("bearer" = [])), request_body = CloseFollowupInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the follow-up")),
    responses((status = 200, body = FollowupView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/survey-followups/{id}/close")]
pub async fn close(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<CloseFollowupInput>) -> ApiResult<HttpResponse> {
    let cmd = CloseFollowup { id: id.into_inner(), version: version.0, resolution: body.0.validated()?.resolution.trim().to_owned() };
    let v = state.write(ctx, move |tx, ctx| survey_results::close(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
