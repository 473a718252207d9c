//! The record's life: review of the registration, resubmission, claiming a
//! lapsed customer, transfer, the change history, the read log, duplicates.

use crate::app::customers::flow::{self, ChangePage, DuplicateCheck, OnRecord, ReadView, Review, ReviewDecision, Transfer};
use crate::app::customers::view::{CustomerView, DuplicateView};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, FieldCode, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

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
    /// For a key customer that would be left with fewer people than the
    /// policy's minimum: who serves it with the new owner (default: the
    /// previous owner, while active).
    pub staff_user_id: Option<i64>,
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

/// A reason of at most 500 characters: required, or optional.
fn reason(reason: Option<String>, required: bool) -> ApiResult<Option<String>> {
    match reason.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) if r.chars().count() <= 500 => Ok(Some(r.to_owned())),
        Some(_) if required => Err(ApiError::field("reason", FieldCode::Length, "at most 500 characters")),
        Some(r) => Ok(Some(r.to_owned())),
        None if required => Err(ApiError::field("reason", FieldCode::Required, "give a reason")),
        None => Ok(None),
    }
}

fn respond(v: CustomerView) -> HttpResponse {
    etag::with_etag(HttpResponse::Ok(), v.summary.version, &v)
}

/// Approve or reject a registration. Approval archives the customer and
/// starts its protection period; it is refused while an archived customer
/// with the same name or tax id exists (the first registration wins).
#[utoipa::path(tag = "customers", operation_id = "reviewCustomer", security(("bearer" = [])), request_body = ReviewRequest,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you review")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/review")]
pub async fn review(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<ReviewRequest>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let body = Review { decision: b.decision, reason: reason(b.reason, b.decision == ReviewDecision::Reject)? };
    let cmd = OnRecord { id: id.into_inner(), version: version.0, body };
    Ok(respond(state.write(ctx, move |tx, ctx| flow::review(tx, ctx, cmd)).await?))
}

/// Resubmit a rejected registration after fixing it (its owner).
#[utoipa::path(tag = "customers", operation_id = "resubmitCustomer", security(("bearer" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you resubmit")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/resubmit")]
pub async fn resubmit(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch) -> ApiResult<HttpResponse> {
    let cmd = OnRecord { id: id.into_inner(), version: version.0, body: () };
    Ok(respond(state.write(ctx, move |tx, ctx| flow::resubmit(tx, ctx, cmd)).await?))
}

/// Claim a customer whose protection period lapsed without a deal: the
/// caller becomes its owner, its open complaints follow, its former owner is
/// told.
#[utoipa::path(tag = "customers", operation_id = "claimCustomer", security(("bearer" = [])),
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you claim")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/claim")]
pub async fn claim(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch) -> ApiResult<HttpResponse> {
    let cmd = OnRecord { id: id.into_inner(), version: version.0, body: () };
    Ok(respond(state.write(ctx, move |tx, ctx| flow::claim(tx, ctx, cmd)).await?))
}

/// Give one customer to another salesperson (the owning department's sales
/// manager or the general manager).
#[utoipa::path(tag = "customers", operation_id = "transferCustomer", security(("bearer" = [])), request_body = TransferRequest,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you transfer")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/transfer")]
pub async fn transfer(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<TransferRequest>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let body = Transfer { to_user_id: b.to_user_id, reason: reason(Some(b.reason), true)?.unwrap_or_default(), staff_user_id: b.staff_user_id };
    let cmd = OnRecord { id: id.into_inner(), version: version.0, body };
    Ok(respond(state.write(ctx, move |tx, ctx| flow::transfer(tx, ctx, cmd)).await?))
}

/// Every change of the record, oldest first: who, when, old and new.
#[utoipa::path(tag = "customers", operation_id = "customerHistory", security(("bearer" = [])), params(("id" = i64, Path), HistoryQuery),
    responses((status = 200, body = ChangePage), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/history")]
pub async fn history(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, q: web::Query<HistoryQuery>) -> ApiResult<HttpResponse> {
    let (id, limit) = (id.into_inner(), cursor::limit(q.limit)?);
    let after: i64 = q.cursor.as_deref().map(cursor::decode).transpose()?.unwrap_or(0);
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| flow::history(tx, ctx, id, after, limit)).await?))
}

/// Who read the record without owning it (its owner, the department's sales
/// manager and executives see this).
#[utoipa::path(tag = "customers", operation_id = "customerReads", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<ReadView>), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/reads")]
pub async fn reads(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| flow::reads(c, ctx, id)).await?))
}

/// Records with the same normalised name (full-width/half-width, spaces and
/// 有限公司 variants ignored) or tax id: checked while a registration is typed.
/// Shows code, name, status and owner only, so a salesperson knows whom to ask.
#[utoipa::path(tag = "customers", operation_id = "customerDuplicates", security(("bearer" = [])), params(DuplicateQuery),
    responses((status = 200, body = Vec<DuplicateView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/duplicates")]
pub async fn duplicates(state: web::Data<AppState>, ctx: Ctx, q: web::Query<DuplicateQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let check = DuplicateCheck { name: q.name, tax_id: q.tax_id, exclude_id: q.exclude_id };
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| flow::duplicates(c, ctx, check)).await?))
}
