//! Allowance certificates (销货折让证明单).

use crate::app::allowances::{self, AllowanceAct, AllowanceBox, AllowancePage, AllowanceQuery, AllowanceView, RaiseAllowance};
use crate::app::Ctx;
use crate::error::{not_blank, ApiError, ApiResult, Problem, Validated};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::returns::allowance::{AllowanceAction, AllowanceInput, AllowanceState};
use kehu_domain::returns::note::ProofKind;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// A certificate for an approved complaint's discount or compensation line.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct AllowanceInputBody {
    pub complaint_id: i64,
    /// The line (0-based, as the complaint lists them).
    #[schema(minimum = 0)]
    pub complaint_line: i32,
    /// The original invoice's number (原发票号码).
    #[schema(max_length = 60, example = "No. 04512231")]
    #[validate(length(max = 60, code = "too_long"))]
    pub invoice_number: Option<String>,
    #[schema(min_length = 1, max_length = 2000, example = "依客户抱怨处理单核决折让")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 2000, code = "too_long"))]
    pub reason: String,
}

/// What an action brings: `refuse` a reason; `sign` the customer's signer,
/// the day and the proof (with its reference); `book` the voucher number.
#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct AllowanceActionBody {
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "too_long"))]
    pub reason: Option<String>,
    #[schema(max_length = 100, example = "王建国")]
    #[validate(length(max = 100, code = "too_long"))]
    pub signer: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub proof_kind: Option<ProofKind>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "too_long"))]
    pub proof_reference: Option<String>,
    #[schema(max_length = 60, example = "记-1206-015")]
    #[validate(length(max = 60, code = "too_long"))]
    pub voucher: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AllowanceListQuery {
    #[param(inline)]
    pub r#box: Option<AllowanceBox>,
    pub state: Option<AllowanceState>,
    pub complaint_id: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

/// Raise an allowance certificate (sales; the complaint's resolution approved; one live per line).
#[utoipa::path(tag = "returns", operation_id = "createAllowance", security(("bearer" = [])), request_body = AllowanceInputBody,
    params(("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = AllowanceView, headers(("ETag" = String), ("Location" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/allowances")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<AllowanceInputBody>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let cmd = RaiseAllowance {
        complaint_id: b.complaint_id,
        complaint_line: b.complaint_line,
        invoice_number: trimmed(b.invoice_number),
        reason: b.reason.trim().to_owned(),
    };
    let v = state.write(ctx, move |tx, ctx| allowances::raise(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// The certificates the caller may read, newest first; `box=to_act` those waiting for the caller.
#[utoipa::path(tag = "returns", operation_id = "listAllowances", security(("bearer" = [])), params(AllowanceListQuery),
    responses((status = 200, body = AllowancePage), (status = 400, body = Problem, content_type = "application/problem+json")))]
#[get("/allowances")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<AllowanceListQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let before = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let limit = cursor::limit(q.limit)?;
    let q = AllowanceQuery { r#box: q.r#box.unwrap_or_default(), state: q.state, complaint_id: q.complaint_id, before, limit };
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| allowances::list(c, ctx, q)).await?))
}

/// One certificate with its history and the caller's actions.
#[utoipa::path(tag = "returns", operation_id = "getAllowance", security(("bearer" = [])), params(("id" = i64, Path), ("If-None-Match" = Option<String>, Header)),
    responses((status = 200, body = AllowanceView, headers(("ETag" = String))), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/allowances/{id}")]
pub async fn get_one(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| allowances::get(c, ctx, id)).await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Take an action: `approve` / `refuse` (reason) by the sales manager, then
/// the general manager or a deputy; `withdraw` by the applicant while open;
/// `sign` (signer, signed_on, proof_kind, proof_reference) by the applicant
/// once approved; `book` (voucher) by accounting once signed.
#[utoipa::path(tag = "returns", operation_id = "takeAllowanceAction", security(("bearer" = [])), request_body = AllowanceActionBody,
    params(("id" = i64, Path), ("action" = AllowanceAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = AllowanceView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/allowances/{id}/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, String)>,
    version: IfMatch,
    body: Json<AllowanceActionBody>,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: AllowanceAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0.validated()?;
    let input =
        AllowanceInput { reason: trimmed(b.reason), signer: trimmed(b.signer), signed_on: b.signed_on, proof_kind: b.proof_kind, voucher: trimmed(b.voucher) };
    let cmd = AllowanceAct { id, version: version.0, action, input, proof_reference: trimmed(b.proof_reference) };
    let v = state.write(ctx, move |tx, ctx| allowances::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
