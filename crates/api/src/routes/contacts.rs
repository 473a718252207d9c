//! The customer told in time: the first reply and the close confirmation of
//! a case, and the satisfaction survey sent with the confirmation.

use crate::app::contacts::{self, CaseContactView, RecordContact};
use crate::app::surveys::SurveyLinkView;
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::contact::{Contact, ContactKind, ContactMethod};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseContactBody {
    /// When the customer was reached (not in the future, not before the clock started).
    pub contacted_at: DateTime<Utc>,
    pub method: ContactMethod,
    /// What the customer was told and said (at most 2,000 characters).
    #[schema(min_length = 1, max_length = 2000)]
    pub summary: String,
    /// First reply: the date the full answer is promised for (required there, refused on a close confirmation).
    pub promised_on: Option<NaiveDate>,
    /// Close confirmation: whether the customer confirmed the outcome (required there, refused on a first reply).
    pub confirmed: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct CaseContactPage {
    pub items: Vec<CaseContactView>,
}

/// A case's contacts with the customer whose clocks started: the first reply
/// (from the registration) and the close confirmation (from a resolved close).
#[utoipa::path(tag = "complaints", operation_id = "listCaseContacts", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = CaseContactPage), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/customer-contacts")]
pub async fn of_case(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let items = state.read(ctx, move |c, ctx| contacts::of_case(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(CaseContactPage { items }))
}

/// Record a contact with the customer, once: the case's salespeople, its
/// sales department or customer service. It joins the case's history; a
/// customer who did not confirm the outcome is told to the coordinators and
/// the sales managers.
#[utoipa::path(tag = "complaints", operation_id = "recordCaseContact", security(("bearer" = [])), request_body = CaseContactBody,
    params(("id" = i64, Path), ("kind" = ContactKind, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CaseContactView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/customer-contacts/{kind}")]
pub async fn record(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, String)>,
    version: IfMatch,
    body: Json<CaseContactBody>,
) -> ApiResult<HttpResponse> {
    let (complaint_id, kind) = path.into_inner();
    let kind: ContactKind = kind.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0;
    let contact =
        Contact { contacted_at: b.contacted_at.naive_utc(), method: b.method, summary: b.summary, promised_on: b.promised_on, confirmed: b.confirmed };
    let cmd = RecordContact { complaint_id, kind, version: version.0, contact };
    let v = state.write(ctx, move |tx, ctx| contacts::record(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// A satisfaction survey link about the handling of a case closed resolved,
/// sent with the close confirmation (the token is shown once; a new link
/// ends the unanswered one before it).
#[utoipa::path(tag = "complaints", operation_id = "sendCaseSurvey", security(("bearer" = [])),
    params(("id" = i64, Path), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 201, body = SurveyLinkView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/customer-contacts/close_confirmation/survey-link")]
pub async fn survey_link(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.write(ctx, move |tx, ctx| contacts::survey_link(tx, ctx, id)).await?;
    Ok(HttpResponse::Created().json(v))
}
