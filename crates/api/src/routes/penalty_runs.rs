//! The monthly penalty run (客诉罚扣): start, read, confirm or dispute its
//! items, settle, defer, submit, approve, publish.

use crate::app::penalties::act::{self, ItemCmd, RunCmd};
use crate::app::penalties::{self, start, RunSummary, RunView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kehu_domain::penalty::flow::{ItemAction, RunAction};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct StartRunBody {
    /// The month whose closed cases it charges, `YYYY-MM`; a month that is over.
    #[schema(example = "2026-11", max_length = 7)]
    #[validate(length(max = 7, code = "too_long"))]
    pub month: String,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct RatioBody {
    pub item_id: i64,
    #[schema(minimum = 0, maximum = 100)]
    pub ratio_percent: i32,
}

#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct PenaltyActionBody {
    /// Why: required to dispute, settle, defer or send back (at most 4,000 characters).
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub comment: Option<String>,
    /// `settle` only: new ratios for every share of the case in this run, adding up to 100.
    #[serde(default)]
    #[schema(max_items = 50)]
    #[validate(length(max = 50, code = "too_many"))]
    pub ratios: Vec<RatioBody>,
}

/// The runs, newest month first (months and states; no personal data).
#[utoipa::path(tag = "penalties", operation_id = "listPenaltyRuns", security(("bearer" = [])), responses((status = 200, body = Vec<RunSummary>)))]
#[get("/penalty-runs")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(state.read(ctx, penalties::list).await?))
}

/// Start a month's run (the coordinator): one item per responsible party of
/// each case closed in the month with a loss, the shares deferred to it, and
/// a fine per case left open past its whole-case deadline. A month has one
/// run: starting it again is a 409 and changes nothing.
#[utoipa::path(tag = "penalties", operation_id = "startPenaltyRun", security(("bearer" = [])), request_body = StartRunBody,
    responses((status = 201, body = RunView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/penalty-runs")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<StartRunBody>) -> ApiResult<HttpResponse> {
    let month = body.0.validated()?.month;
    let v = state.write(ctx, move |tx, ctx| start::start(tx, ctx, month)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.run.version, &v))
}

/// A run as the caller may read it (personal data: a head sees his
/// department's items and people, anyone his own; HR, finance, the
/// coordinator and the executives all). Reads of others are logged.
#[utoipa::path(tag = "penalties", operation_id = "getPenaltyRun", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = RunView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/penalty-runs/{id}")]
pub async fn get_one(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.write(ctx, move |tx, ctx| penalties::view(tx, ctx, id)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.run.version, &v))
}

/// `submit` (the coordinator, once no item waits), `approve` or `send_back`
/// (the general manager; approving charges each person and writes the
/// month's ledger; months are approved in order), `publish` (HR).
/// `If-Match`: the run's version.
#[utoipa::path(tag = "penalties", operation_id = "actOnPenaltyRun", security(("bearer" = [])), request_body = PenaltyActionBody,
    params(("id" = i64, Path), ("action" = RunAction, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = RunView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/penalty-runs/{id}/actions/{action}")]
pub async fn act_on_run(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, RunAction)>,
    version: IfMatch,
    body: Json<PenaltyActionBody>,
) -> ApiResult<HttpResponse> {
    let (run_id, action) = path.into_inner();
    let b = body.0.validated()?;
    let cmd = RunCmd { run_id, version: version.0, action, comment: b.comment };
    let v = state.write(ctx, move |tx, ctx| act::run(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.run.version, &v))
}

/// `confirm` or `dispute` an item (the head of its department; the
/// coordinator confirms for a department without one), `settle` a dispute
/// (the coordinator, with new ratios for the case if they change) or
/// `defer` a share for the resale window (the coordinator). `If-Match`: the
/// item's version.
#[utoipa::path(tag = "penalties", operation_id = "actOnPenaltyItem", security(("bearer" = [])), request_body = PenaltyActionBody,
    params(("id" = i64, Path), ("item_id" = i64, Path), ("action" = ItemAction, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = RunView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/penalty-runs/{id}/items/{item_id}/actions/{action}")]
pub async fn act_on_item(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, i64, ItemAction)>,
    version: IfMatch,
    body: Json<PenaltyActionBody>,
) -> ApiResult<HttpResponse> {
    let (run_id, item_id, action) = path.into_inner();
    let b = body.0.validated()?;
    let ratios = b.ratios.iter().map(|r| (r.item_id, r.ratio_percent)).collect();
    let cmd = ItemCmd { run_id, item_id, version: version.0, action, comment: b.comment, ratios };
    let v = state.write(ctx, move |tx, ctx| act::item(tx, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(v))
}
