//! The finished-goods return note (成品退货单): issued by sales, checked,
//! received by the warehouse, booked by accounting.

use crate::app::returns::note::{self, IssueNote, NoteAct, Proof};
use crate::app::returns::ReturnView;
use crate::app::Ctx;
use crate::error::{broken_rules, not_blank, ApiError, ApiResult, Problem, Validated};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{post, put, web, HttpResponse};
use kehu_domain::returns::note::{NoteAction, ProofKind, ReturnNote};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// What sales writes on the return note.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NoteInput {
    /// 退货原因
    #[schema(min_length = 1, max_length = 500, example = "整批尺寸超差")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 500, code = "too_long"))]
    pub reason: String,
    /// 处理方式
    #[schema(min_length = 1, max_length = 500, example = "退回成品仓，待品保判定后重修")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 500, code = "too_long"))]
    pub handling: String,
    /// 退回依据
    #[schema(min_length = 1, max_length = 500, example = "客户退换货申请单 TH2612-0001")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 500, code = "too_long"))]
    pub basis: String,
    /// The over-delivery tolerance (超量允收比率) on the customer's order, in
    /// basis points (500 = 5 %); without it the company's applies.
    #[schema(minimum = 0, maximum = 10000, example = 200)]
    #[validate(range(max = 10_000, code = "out_of_range"))]
    pub tolerance_bp: Option<u32>,
}

/// A step on the return note.
#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct NoteActionBody {
    /// `receive`: the quantity actually received of each item, in the note's order.
    #[schema(max_items = 50, example = json!([498]))]
    #[validate(length(max = 50, code = "too_many"))]
    pub quantities: Option<Vec<i64>>,
    /// A remark with the step (the approver's reason for a decision on the excess).
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "too_long"))]
    pub comment: Option<String>,
}

/// The proof of return (退货证明) sales obtained from the buyer.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ProofInput {
    /// (a) invoice_stamped, (b) stamped_copy, (c) return_certificate.
    pub kind: ProofKind,
    /// The invoice's or certificate's number.
    #[schema(max_length = 100, example = "No. 04512231")]
    #[validate(length(max = 100, code = "too_long"))]
    pub reference: Option<String>,
}

impl TryFrom<NoteInput> for ReturnNote {
    type Error = ApiError;
    fn try_from(b: NoteInput) -> ApiResult<ReturnNote> {
        ApiError::check(broken_rules(b.validate()))?;
        Ok(ReturnNote { reason: b.reason.trim().into(), handling: b.handling.trim().into(), basis: b.basis.trim().into(), tolerance_bp: b.tolerance_bp })
    }
}

/// Issue the finished-goods return note of an approved application (its
/// applicant; once the goods were inspected, unless a sample unit, and every
/// original is in). Numbered `CT<YYMM>-<serial>`.
#[utoipa::path(tag = "returns", operation_id = "issueReturnNote", security(("bearer" = [])), request_body = NoteInput,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/returns/{id}/note")]
pub async fn issue(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<NoteInput>) -> ApiResult<HttpResponse> {
    let cmd = IssueNote { id: id.into_inner(), version: version.0, note: ReturnNote::try_from(body.0)? };
    let v = state.write(ctx, move |tx, ctx| note::issue(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Record the proof of return (the applicant, once the goods are received and
/// until accounting books the note; a second call corrects it).
#[utoipa::path(tag = "returns", operation_id = "setReturnProof", security(("bearer" = [])), request_body = ProofInput,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/returns/{id}/note/proof")]
pub async fn proof(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<ProofInput>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let cmd = Proof { id: id.into_inner(), version: version.0, kind: b.kind, reference: trimmed(b.reference) };
    let v = state.write(ctx, move |tx, ctx| note::prove(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Take a step on the return note: `verify` (the sales supervisor or
/// manager), `receive` (the warehouse, with `quantities`), `book`
/// (accounting, once sales recorded the proof of return: booked at the actual quantities, or held for the approver
/// when one exceeds the approved quantity and its tolerance),
/// `accept_excess` / `refuse_excess` (the approver of the application).
#[utoipa::path(tag = "returns", operation_id = "takeReturnNoteAction", security(("bearer" = [])), request_body = NoteActionBody,
    params(("id" = i64, Path), ("action" = NoteAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/returns/{id}/note/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, String)>,
    version: IfMatch,
    body: Json<NoteActionBody>,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: NoteAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0.validated()?;
    let cmd = NoteAct { id, version: version.0, action, quantities: b.quantities, comment: trimmed(b.comment) };
    let v = state.write(ctx, move |tx, ctx| note::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
