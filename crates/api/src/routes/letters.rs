//! The letters that chase a case: reminders (催办单) and late-close
//! inquiries (洽办单), and the late department's answer.

use crate::app::letters::{self, AnswerLetter, LetterView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LetterAnswerBody {
    /// Why the step overran its deadline (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub answer: String,
}

#[derive(Serialize, ToSchema)]
pub struct LetterPage {
    pub items: Vec<LetterView>,
}

/// One reminder or inquiry, of a case the caller may read.
#[utoipa::path(tag = "complaints", operation_id = "getLetter", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = LetterView, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/letters/{id}")]
pub async fn get_one(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| letters::get(c, ctx, id)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// A case's reminders and inquiries, oldest first.
#[utoipa::path(tag = "complaints", operation_id = "listCaseLetters", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = LetterPage), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/letters")]
pub async fn of_case(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let items = state.read(ctx, move |c, ctx| letters::of_case(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(LetterPage { items }))
}

/// Answer a late-close inquiry (洽办单) with the reason: someone who held the
/// late step, or the head of the department it is addressed to; once. The
/// answer joins the case's history and the coordinators are told.
#[utoipa::path(tag = "complaints", operation_id = "answerLetter", security(("bearer" = [])), request_body = LetterAnswerBody,
    params(("id" = i64, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = LetterView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/letters/{id}/answer")]
pub async fn answer(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<LetterAnswerBody>) -> ApiResult<HttpResponse> {
    let cmd = AnswerLetter { id: id.into_inner(), version: version.0, answer: body.0.answer };
    let v = state.write(ctx, move |tx, ctx| letters::answer(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
