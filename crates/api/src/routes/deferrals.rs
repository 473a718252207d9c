//! Deferred closure of a complaint (暂缓关闭): the request, the decision of
//! the coordinator's manager, and the box of requests waiting for one.

use crate::app::improvement::deferrals::{self, DecideDeferral, DeferralSummary, DeferralView, DeferralsView, RequestDeferral};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::improvement::{DeferralAction, DeferralRequest, DeferralState, IrrationalFollow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeferralBody {
    /// Why the case cannot, or need not, close in time (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub reason: String,
    /// How it is followed meanwhile.
    pub follow: IrrationalFollow,
    /// The date by which it closes instead: after today, within 365 days.
    pub until_on: NaiveDate,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct DeferralDecisionBody {
    /// Required to refuse (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub comment: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DeferralListQuery {
    /// `requested` (the decision box) unless given.
    pub state: Option<DeferralState>,
}

#[derive(Serialize, ToSchema)]
pub struct DeferralPage {
    pub items: Vec<DeferralSummary>,
}

/// The case's deferred-closure requests, newest first, and whether the caller may ask now.
#[utoipa::path(tag = "complaints", operation_id = "listCaseDeferrals", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = DeferralsView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/deferrals")]
pub async fn of_case(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| deferrals::of_case(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Ask to defer the closure (the people the case waits for, its responsible
/// unit, or the coordinator; a registered, open case; one request at a time).
#[utoipa::path(tag = "complaints", operation_id = "requestDeferral", security(("bearer" = [])), request_body = DeferralBody,
    params(("id" = i64, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = DeferralView, headers(("ETag" = String), ("Location" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/deferrals")]
pub async fn request(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<DeferralBody>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let request = DeferralRequest { reason: b.reason.trim().to_owned(), follow: b.follow, until: b.until_on };
    let cmd = RequestDeferral { complaint_id: id.into_inner(), request };
    let v = state.write(ctx, move |tx, ctx| deferrals::request(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// `approve` (the step's and the case's deadlines move to `until_on`; the
/// case becomes a second-level irrational complaint) or `refuse` (with
/// `comment`): the deputy general manager or the general manager.
#[utoipa::path(tag = "complaints", operation_id = "decideDeferral", security(("bearer" = [])), request_body = DeferralDecisionBody,
    params(("id" = i64, Path), ("deferral_id" = i64, Path), ("action" = DeferralAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = DeferralView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/deferrals/{deferral_id}/actions/{action}")]
pub async fn decide(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, i64, String)>,
    version: IfMatch,
    body: Json<DeferralDecisionBody>,
) -> ApiResult<HttpResponse> {
    let (complaint_id, deferral_id, action) = path.into_inner();
    let action: DeferralAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let comment = trimmed(body.0.comment);
    if comment.as_ref().is_some_and(|c| c.chars().count() > kehu_domain::improvement::MAX_TEXT) {
        return Err(ApiError::field("comment", crate::error::FieldCode::TooLong, "at most 4000 characters"));
    }
    let cmd = DecideDeferral { complaint_id, deferral_id, version: version.0, action, comment };
    let v = state.write(ctx, move |tx, ctx| deferrals::decide(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Deferral requests in a state, of the cases the caller may read, oldest first (at most 200).
#[utoipa::path(tag = "complaints", operation_id = "listDeferrals", security(("bearer" = [])), params(DeferralListQuery),
    responses((status = 200, body = DeferralPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
#[get("/deferrals")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<DeferralListQuery>) -> ApiResult<HttpResponse> {
    let s = q.into_inner().state.unwrap_or(DeferralState::Requested);
    let items = state.read(ctx, move |c, ctx| deferrals::list(c, ctx, s)).await?;
    Ok(HttpResponse::Ok().json(DeferralPage { items }))
}
