//! 离职交接: before a salesperson leaves, everything they own moves to a
//! colleague in one step, and their customers are listed to be notified.

use crate::app::handover::{self, HandoverPreview, HandoverRequest, HandoverResult};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body::Json;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};

/// What handing this person over would move.
#[utoipa::path(tag = "people", operation_id = "previewHandover", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = HandoverPreview), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/users/{id}/handover")]
pub async fn preview(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| handover::preview(c, ctx, id)).await?))
}

/// Hand everything over in one transaction: owned customers (with their open
/// complaints and verification tasks), staff assignments, open visit plans;
/// optionally deactivate the leaver. All or nothing.
#[utoipa::path(tag = "people", operation_id = "handOver", security(("bearer" = [])), request_body = HandoverRequest, params(("id" = i64, Path)),
    responses((status = 200, body = HandoverResult), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/users/{id}/handover")]
pub async fn hand_over(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<HandoverRequest>) -> ApiResult<HttpResponse> {
    let cmd = (id.into_inner(), body.0);
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| handover::hand_over(tx, ctx, cmd)).await?))
}
