//! Petitions (签呈) on a complaint: raised by a department head, decided by
//! the general manager (possibly sending the case back to a named step),
//! and the box of petitions waiting for a decision.

use crate::app::petitions::{self, ActOnPetition, PetitionSummary, PetitionView, PetitionsView, RaisePetition};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kehu_domain::petition::{Petition, PetitionAction, PetitionState, Ruling};
use kehu_domain::State;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PetitionBody {
    /// What the petition is about (at most 200 characters).
    #[schema(max_length = 200)]
    pub subject: String,
    /// What is disputed, why, and what is asked (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub content: String,
    /// The earlier step the head asks the case to go back to (one of the case's `return_targets`).
    pub return_to: Option<State>,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct PetitionActionBody {
    /// `decide`: the general manager's decision (required, at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub decision: Option<String>,
    /// `decide`: send the case back to this earlier step (one of the case's `return_targets`).
    pub return_to: Option<State>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct PetitionListQuery {
    /// `pending` (the general manager's box) unless given.
    pub state: Option<PetitionState>,
}

#[derive(Serialize, ToSchema)]
pub struct PetitionPage {
    pub items: Vec<PetitionSummary>,
}

/// The case's petitions, newest first; whether the caller may raise one now and the steps the case may go back to.
#[utoipa::path(tag = "complaints", operation_id = "listCasePetitions", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = PetitionsView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/petitions")]
pub async fn of_case(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| petitions::of_case(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(v))
}

/// Raise a petition (a department head — the sales, QA, production or
/// marketing manager — on a registered, open case; one of a department at a
/// time). The general manager is told; the case does not close meanwhile.
#[utoipa::path(tag = "complaints", operation_id = "raisePetition", security(("bearer" = [])), request_body = PetitionBody,
    params(("id" = i64, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = PetitionView, headers(("ETag" = String), ("Location" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/petitions")]
pub async fn raise(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<PetitionBody>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let petition = Petition { subject: b.subject.trim().to_owned(), content: b.content.trim().to_owned(), return_to: b.return_to };
    let cmd = RaisePetition { complaint_id: id.into_inner(), petition };
    let v = state.write(ctx, move |tx, ctx| petitions::raise(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// `decide` (the general manager, with `decision`; `return_to` sends the case
/// back to that step, restarting its deadline) or `withdraw` (the author).
#[utoipa::path(tag = "complaints", operation_id = "actOnPetition", security(("bearer" = [])), request_body = PetitionActionBody,
    params(("id" = i64, Path), ("petition_id" = i64, Path), ("action" = PetitionAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = PetitionView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/petitions/{petition_id}/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, i64, String)>,
    version: IfMatch,
    body: Json<PetitionActionBody>,
) -> ApiResult<HttpResponse> {
    let (complaint_id, petition_id, action) = path.into_inner();
    let action: PetitionAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0;
    let ruling = b.decision.map(|d| Ruling { decision: d.trim().to_owned(), return_to: b.return_to });
    let cmd = ActOnPetition { complaint_id, petition_id, version: version.0, action, ruling };
    let v = state.write(ctx, move |tx, ctx| petitions::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Petitions in a state, of the cases the caller may read, oldest first (at most 200).
#[utoipa::path(tag = "complaints", operation_id = "listPetitions", security(("bearer" = [])), params(PetitionListQuery),
    responses((status = 200, body = PetitionPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
#[get("/petitions")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<PetitionListQuery>) -> ApiResult<HttpResponse> {
    let s = q.into_inner().state.unwrap_or(PetitionState::Pending);
    let items = state.read(ctx, move |c, ctx| petitions::list(c, ctx, s)).await?;
    Ok(HttpResponse::Ok().json(PetitionPage { items }))
}
