//! The 8D report of a complaint (8D 问题处理报告), the QA manager's box of
//! reports to approve, and the policy of when a complaint needs one.

use crate::app::eight_d::recurrence::RecurrenceView;
use crate::app::eight_d::{self, EightDAct, EightDSummary, EightDView, OpenEightD, SaveEightD};
use crate::app::{policies, policy, Ctx};
use crate::error::{ApiError, ApiResult, Problem, Validated};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use kehu_domain::eightd::{EightDAction, EightDPolicy, EightDReport, EightDState};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct OpenEightDBody {
    /// The customer asks for one: the case then needs it approved to close.
    #[serde(default)]
    pub customer_requested: bool,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct EightDActionBody {
    /// The QA manager's comments; required to send it back.
    #[schema(max_length = 4000)]
    pub comment: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct EightDListQuery {
    /// `in_review` (the QA manager's box) unless given.
    pub state: Option<EightDState>,
}

#[derive(Serialize, ToSchema)]
pub struct EightDPage {
    pub items: Vec<EightDSummary>,
}

/// The complaint's 8D report: its sections D1–D8, how far each is, and what the caller may do.
#[utoipa::path(tag = "complaints", operation_id = "getEightD", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = EightDView, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/8d")]
pub async fn get_one(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| eight_d::get(c, ctx, id)).await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Open the complaint's 8D report (QA, the QA manager or the coordinator; a
/// registered, open case; once), prefilled from the case: the problem (D2),
/// the containment recorded (D3), the sales representative and the opener (D1).
#[utoipa::path(tag = "complaints", operation_id = "openEightD", security(("bearer" = [])), request_body = OpenEightDBody,
    params(("id" = i64, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = EightDView, headers(("ETag" = String), ("Location" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/8d")]
pub async fn open(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<OpenEightDBody>) -> ApiResult<HttpResponse> {
    let cmd = OpenEightD { complaint_id: id.into_inner(), customer_requested: body.0.customer_requested };
    let v = state.write(ctx, move |tx, ctx| eight_d::open(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// Save the draft's sections (the whole report; the team, quality and engineering).
#[utoipa::path(tag = "complaints", operation_id = "saveEightD", security(("bearer" = [])), request_body = EightDReport,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = EightDView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/complaints/{id}/8d")]
pub async fn save(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<EightDReport>) -> ApiResult<HttpResponse> {
    let cmd = SaveEightD { complaint_id: id.into_inner(), version: version.0, report: body.0 };
    let v = state.write(ctx, move |tx, ctx| eight_d::save(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// A step on the report: `submit` (the team; every section complete, else a
/// 422 listing what is missing), `approve` or `send_back` (the QA manager;
/// sending back needs `comment`).
#[utoipa::path(tag = "complaints", operation_id = "takeEightDAction", security(("bearer" = [])), request_body = EightDActionBody,
    params(("id" = i64, Path), ("action" = EightDAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = EightDView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/8d/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, String)>,
    version: IfMatch,
    body: Json<EightDActionBody>,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: EightDAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let comment = trimmed(body.0.comment);
    if comment.as_ref().is_some_and(|c| c.chars().count() > 4000) {
        return Err(ApiError::field("comment", crate::error::FieldCode::TooLong, "at most 4000 characters"));
    }
    let cmd = EightDAct { complaint_id: id, version: version.0, action, comment };
    let v = state.write(ctx, move |tx, ctx| eight_d::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// 8D reports in a state (the QA manager's box: `in_review`), of the cases the caller may read, newest case first (at most 200).
#[utoipa::path(tag = "complaints", operation_id = "listEightD", security(("bearer" = [])), params(EightDListQuery),
    responses((status = 200, body = EightDPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
#[get("/8d-reports")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<EightDListQuery>) -> ApiResult<HttpResponse> {
    let s = q.into_inner().state.unwrap_or(EightDState::InReview);
    let items = state.read(ctx, move |c, ctx| eight_d::list(c, ctx, s)).await?;
    Ok(HttpResponse::Ok().json(EightDPage { items }))
}

/// When a complaint needs an 8D report, with the policy's version.
#[derive(Serialize, ToSchema)]
pub struct EightDPolicyView {
    pub version: i64,
    /// Severe quality complaints need one (true).
    pub severe_quality: bool,
    /// So does a complaint whose customer asks for one (true).
    pub customer_request: bool,
    /// How far back an earlier complaint of the same product counts as a recurrence, in days (180).
    pub recurrence_window_days: u32,
    /// Days after the close when QA checks that the corrective actions work (30); 0 checks none.
    pub effectiveness_check_days: u32,
    /// Days a supplier has to answer a corrective-action request (7).
    pub supplier_answer_days: u32,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct EightDPolicyBody {
    pub severe_quality: bool,
    pub customer_request: bool,
    /// 1 to 3,650 days.
    #[schema(minimum = 1, maximum = 3650)]
    #[validate(range(min = 1, max = 3650, code = "out_of_range"))]
    pub recurrence_window_days: u32,
    /// 0 to 365 days (30 when left out); 0 schedules no effectiveness checks.
    #[serde(default = "default_check_days")]
    #[schema(minimum = 0, maximum = 365, default = 30)]
    #[validate(range(max = 365, code = "out_of_range"))]
    pub effectiveness_check_days: u32,
    /// 1 to 365 days (7 when left out).
    #[serde(default = "default_supplier_days")]
    #[schema(minimum = 1, maximum = 365, default = 7)]
    #[validate(range(min = 1, max = 365, code = "out_of_range"))]
    pub supplier_answer_days: u32,
}

fn default_supplier_days() -> u32 {
    EightDPolicy::default().supplier_answer_days
}

fn default_check_days() -> u32 {
    EightDPolicy::default().effectiveness_check_days
}

fn view(p: &EightDPolicy, version: i64) -> EightDPolicyView {
    EightDPolicyView {
        version,
        severe_quality: p.severe_quality,
        customer_request: p.customer_request,
        recurrence_window_days: p.recurrence_window_days,
        effectiveness_check_days: p.effectiveness_check_days,
        supplier_answer_days: p.supplier_answer_days,
    }
}

/// The earlier complaints of the case's product within the policy's window —
/// the same customer's (a repeat: seed 002 counts it severe, needing an 8D
/// report) and other customers' — as the caller may read them, newest first
/// (at most 50), and the case it was linked to at registration.
#[utoipa::path(tag = "complaints", operation_id = "getRecurrence", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = RecurrenceView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/recurrence")]
pub async fn recurrence(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| eight_d::recurrence::of(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(v))
}

/// When a complaint needs an 8D report.
#[utoipa::path(tag = "policies", operation_id = "getEightDPolicy", security(("bearer" = [])), responses((status = 200, body = EightDPolicyView)))]
#[get("/policies/8d")]
pub async fn get_policy(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let (p, version): (EightDPolicy, i64) = state.read(ctx, |c, ctx| policy::current(c, ctx.org(), policy::EIGHT_D)).await?;
    let v = view(&p, version);
    Ok(etag::respond(&req, v.version, &v))
}

/// Replace it (admin); it applies to complaints registered afterwards.
#[utoipa::path(tag = "policies", operation_id = "putEightDPolicy", security(("bearer" = [])), request_body = EightDPolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = EightDPolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/8d")]
pub async fn put_policy(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<EightDPolicyBody>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let p = EightDPolicy {
        severe_quality: b.severe_quality,
        customer_request: b.customer_request,
        recurrence_window_days: b.recurrence_window_days,
        effectiveness_check_days: b.effectiveness_check_days,
        supplier_answer_days: b.supplier_answer_days,
    };
    let v = state.write(ctx, move |tx, ctx| Ok(view(&p, policies::replace(tx, ctx, policy::EIGHT_D, version.0, &p)?))).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
