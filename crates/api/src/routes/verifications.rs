//! 每季度核实: every quarter each active customer's data is confirmed by its
//! designated person; the overdue tasks are listed.

use crate::app::verifications::{self, Complete, RaisedView, VerificationBox, VerificationView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use kehu_domain::care::ConfirmedVia;
use kehu_domain::verification::Confirmation;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct VerificationInput {
    pub confirmed_via: ConfirmedVia,
    /// What changed (edit the record itself for the new values); empty when nothing did.
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "length", message = "at most 2000 characters"))]
    pub changes: Option<String>,
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "length", message = "at most 2000 characters"))]
    pub note: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VerificationQuery {
    #[param(inline)]
    pub r#box: Option<VerificationBox>,
}

fn text(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Verification tasks: the caller's open ones, or the overdue ones they oversee.
#[utoipa::path(tag = "customers", operation_id = "listVerifications", security(("bearer" = [])), params(VerificationQuery), responses((status = 200, body = Vec<VerificationView>)))]
#[get("/customers/verifications")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<VerificationQuery>) -> ApiResult<HttpResponse> {
    let which = q.r#box.unwrap_or(VerificationBox::Mine);
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| verifications::list(c, ctx, which)).await?))
}

/// Complete a task: how the data was confirmed and what changed.
#[utoipa::path(tag = "customers", operation_id = "completeVerification", security(("bearer" = [])), request_body = VerificationInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the task")),
    responses((status = 200, body = VerificationView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/verifications/{id}/complete")]
pub async fn complete(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<VerificationInput>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let confirmation = Confirmation { confirmed_via: b.confirmed_via, changes: text(b.changes), note: text(b.note) };
    let cmd = Complete { id: id.into_inner(), version: version.0, confirmation };
    let v = state.write(ctx, move |tx, ctx| verifications::complete(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Raise this quarter's tasks now (the background worker does it too).
#[utoipa::path(tag = "customers", operation_id = "raiseVerifications", security(("bearer" = [])),
    responses((status = 200, body = RaisedView), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/verifications/raise")]
pub async fn raise(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(state.read(ctx, verifications::raise).await?))
}
