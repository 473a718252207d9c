//! Supplier corrective-action requests of a complaint: the case's requests,
//! the actions on one, and the box of requests by state and due date.

use crate::app::supplier_requests::{self, ActOnSupplierRequest, SupplierRequestView, SupplierRequestsView};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::supplier::{SupplierAnswer, SupplierInput, SupplierRequestAction, SupplierRequestState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct SupplierActionBody {
    /// `record_answer`: the cause the supplier found (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub root_cause: Option<String>,
    /// `record_answer`: the supplier's corrective actions (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub actions: Option<String>,
    /// `record_answer`: when the supplier answered (today when left out; not in the future).
    pub answered_on: Option<NaiveDate>,
    /// Required to `reject` (what the answer lacks) and to `cancel` (why); at most 4,000 characters.
    #[schema(max_length = 4000)]
    pub comment: Option<String>,
    /// `reject`: a new due date for the supplier's next answer (after today).
    pub due_on: Option<NaiveDate>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct SupplierListQuery {
    /// `requested` (waiting for the supplier) unless given.
    pub state: Option<SupplierRequestState>,
    /// Only those due by today.
    #[serde(default)]
    pub due: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SupplierRequestPage {
    pub items: Vec<SupplierRequestView>,
}

/// The case's supplier corrective-action requests, newest first.
#[utoipa::path(tag = "complaints", operation_id = "listCaseSupplierRequests", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = SupplierRequestsView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/supplier-requests")]
pub async fn of_case(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| supplier_requests::of_case(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(v))
}

/// `record_answer` (the coordinator or QA: the supplier's cause and actions),
/// `accept` or `reject` (QA or the QA manager; a rejection says why and may set
/// a new due date), `cancel` (the coordinator, saying why).
#[utoipa::path(tag = "complaints", operation_id = "actOnSupplierRequest", security(("bearer" = [])), request_body = SupplierActionBody,
    params(("id" = i64, Path), ("request_id" = i64, Path), ("action" = SupplierRequestAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = SupplierRequestView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/supplier-requests/{request_id}/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, i64, String)>,
    version: IfMatch,
    body: Json<SupplierActionBody>,
) -> ApiResult<HttpResponse> {
    let (complaint_id, request_id, action) = path.into_inner();
    let action: SupplierRequestAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0;
    let answer = (action == SupplierRequestAction::RecordAnswer && (b.root_cause.is_some() || b.actions.is_some())).then(|| SupplierAnswer {
        root_cause: b.root_cause.unwrap_or_default().trim().to_owned(),
        actions: b.actions.unwrap_or_default().trim().to_owned(),
        answered_on: b.answered_on,
    });
    let input = SupplierInput { answer, comment: trimmed(b.comment), due_on: b.due_on };
    let cmd = ActOnSupplierRequest { complaint_id, request_id, version: version.0, action, input };
    let v = state.write(ctx, move |tx, ctx| supplier_requests::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Requests in a state, of the cases the caller may read, by due date (at most 200).
#[utoipa::path(tag = "complaints", operation_id = "listSupplierRequests", security(("bearer" = [])), params(SupplierListQuery),
    responses((status = 200, body = SupplierRequestPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
#[get("/supplier-requests")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<SupplierListQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let s = q.state.unwrap_or(SupplierRequestState::Requested);
    let items = state.read(ctx, move |c, ctx| supplier_requests::list(c, ctx, s, q.due)).await?;
    Ok(HttpResponse::Ok().json(SupplierRequestPage { items }))
}
