//! Complaints: intake, reading, lists, history and the workflow actions.

mod bodies;
mod intake;
mod query;
mod sheet;
pub use sheet::export_complaints;

pub use bodies::ActionBody;
pub use intake::IntakeRequest;

use crate::app::complaints::list::{self, ComplaintCount, ComplaintPage, EventPage};
use crate::app::complaints::view::{ComplaintSummary, ComplaintView};
use crate::app::complaints::{self, Act, ActionResult, EditDraft, IntakeCmd};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::cursor::PageQuery;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use kehu_domain::Action;
use query::ComplaintQuery;

/// File a complaint (a draft until `submit`).
#[utoipa::path(tag = "complaints", operation_id = "createComplaint", security(("bearer" = [])), request_body = IntakeRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = ComplaintView, headers(("ETag" = String))),
        (status = 303, description = "An earlier request with this Idempotency-Key created the complaint but its answer was lost: it is at Location", headers(("Location" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 415, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints")]
pub async fn create_complaint(state: web::Data<AppState>, ctx: Ctx, body: Json<IntakeRequest>) -> ApiResult<HttpResponse> {
    let cmd = IntakeCmd::try_from(body.0)?;
    let view = state.write(ctx, move |tx, ctx| complaints::file(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), view.version, &view))
}

/// One complaint with everything each department recorded and the caller's actions.
#[utoipa::path(tag = "complaints", operation_id = "getComplaint", security(("bearer" = [])),
    params(("id" = i64, Path), ("If-None-Match" = Option<String>, Header)),
    responses((status = 200, body = ComplaintView, headers(("ETag" = String))), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}")]
pub async fn get_complaint(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let view = state.read(ctx, move |c, ctx| complaints::get(c, ctx, id)).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Edit the intake form of a draft (sales). Needs `If-Match`.
#[utoipa::path(tag = "complaints", operation_id = "updateComplaintDraft", security(("bearer" = [])), request_body = IntakeRequest,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ComplaintView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/complaints/{id}")]
pub async fn update_draft(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<IntakeRequest>) -> ApiResult<HttpResponse> {
    let cmd = EditDraft { id: id.into_inner(), version: version.0, form: IntakeCmd::try_from(body.0)? };
    let view = state.write(ctx, move |tx, ctx| complaints::edit_draft(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}

/// Complaints the caller may see, filtered, in keyset pages.
#[utoipa::path(tag = "complaints", operation_id = "listComplaints", security(("bearer" = [])), params(ComplaintQuery),
    responses((status = 200, body = ComplaintPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints")]
pub async fn list_complaints(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ComplaintQuery>) -> ApiResult<HttpResponse> {
    let query = q.into_inner().into_list(ctx.now, ctx.user())?;
    let page = state.read(ctx, move |c, ctx| list::list(c, ctx, query)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// How many complaints the list holds with these filters (what the caller may see).
#[utoipa::path(tag = "complaints", operation_id = "countComplaints", security(("bearer" = [])), params(ComplaintQuery),
    responses((status = 200, body = ComplaintCount), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/count")]
pub async fn count_complaints(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ComplaintQuery>) -> ApiResult<HttpResponse> {
    let query = q.into_inner().into_list(ctx.now, ctx.user())?;
    let count: ComplaintCount = state.read(ctx, move |c, ctx| list::count(c, ctx, &query.filter)).await?;
    Ok(HttpResponse::Ok().json(count))
}

/// The case history: who did what, in which role, when, from and to which state.
#[utoipa::path(tag = "complaints", operation_id = "listComplaintEvents", security(("bearer" = [])),
    params(("id" = i64, Path), PageQuery),
    responses((status = 200, body = EventPage), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/events")]
pub async fn list_events(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, q: web::Query<PageQuery>) -> ApiResult<HttpResponse> {
    let (id, limit) = (id.into_inner(), cursor::limit(q.limit)?);
    let after: i64 = q.cursor.as_deref().map(cursor::decode).transpose()?.unwrap_or(0);
    let page = state.read(ctx, move |c, ctx| list::history(c, ctx, id, after, limit)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Take a workflow action (workflow.md). Needs `If-Match`; the body depends on the action.
///
/// 404 when the caller may not see the case, 409 when its state does not
/// allow the action, 403 when the caller's role, department or ownership does
/// not, 412 when the case changed since it was read.
#[utoipa::path(tag = "complaints", operation_id = "takeComplaintAction", security(("bearer" = [])),
    request_body(content = ActionBody, description = "See workflow.md for each action's body; `{}` where it carries nothing"),
    params(("id" = i64, Path), ("action" = Action, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = ActionResult, headers(("ETag" = String))),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/actions/{action}")]
pub async fn take_action(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, path: web::Path<(i64, String)>, raw: web::Bytes) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: Action = action.parse().map_err(|_| ApiError::NotFound)?;
    crate::http::body::require_json_if_any(&req, &raw)?;
    let act = Act { id, version: etag::if_match(&req)?, action, command: bodies::command(action, &raw) };
    let result = state.write(ctx, move |tx, ctx| complaints::act(tx, ctx, act)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), result.complaint.version, &result))
}

/// My tasks (待办): cases waiting for me or my role, soonest deadline first.
#[utoipa::path(tag = "complaints", operation_id = "listMyTasks", security(("bearer" = [])),
    responses((status = 200, body = Vec<ComplaintSummary>)))]
#[get("/me/tasks")]
pub async fn my_tasks(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let items = state.read(ctx, list::tasks).await?;
    Ok(HttpResponse::Ok().json(items))
}
