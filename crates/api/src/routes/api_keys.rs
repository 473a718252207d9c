//! API keys of service accounts (admin): created once-visible, listed, revoked.

use crate::app::api_keys::{self, ApiKeyView, CreatedApiKey, NewKey};
use crate::app::Ctx;
use crate::error::{not_blank, ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewApiKeyRequest {
    #[schema(min_length = 1, max_length = 100, example = "ERP nightly sync")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 100 characters"),
        length(max = 100, code = "length", message = "1 to 100 characters")
    )]
    pub name: String,
    /// `<resource>:read|write` for complaints, customers, departments, users, policies, calendar, me.
    #[schema(min_items = 1, example = json!(["complaints:read", "customers:read"]))]
    #[validate(length(min = 1, code = "required", message = "at least one scope"))]
    pub scopes: Vec<String>,
}

/// Issue an API key for a service account (a user with the `integration` role).
#[utoipa::path(tag = "people", operation_id = "createApiKey", security(("bearer" = [])), request_body = NewApiKeyRequest, params(("id" = i64, Path, description = "The service account")),
    responses((status = 201, body = CreatedApiKey), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/users/{id}/api-keys")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<NewApiKeyRequest>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let cmd = NewKey { user_id: id.into_inner(), name: b.name, scopes: b.scopes };
    let created: CreatedApiKey = state.write(ctx, move |tx, ctx| api_keys::create(tx, ctx, cmd)).await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(created))
}

/// A service account's API keys (never the secret).
#[utoipa::path(tag = "people", operation_id = "listApiKeys", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = Vec<ApiKeyView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/users/{id}/api-keys")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let keys: Vec<ApiKeyView> = state.read(ctx, move |c, ctx| api_keys::list(c, ctx, id)).await?;
    Ok(HttpResponse::Ok().json(keys))
}

/// Revoke an API key at once.
#[utoipa::path(tag = "people", operation_id = "revokeApiKey", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 204, description = "Revoked"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[post("/api-keys/{id}/revoke")]
pub async fn revoke(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state.write(ctx, move |tx, ctx| api_keys::revoke(tx, ctx, id)).await?;
    Ok(HttpResponse::NoContent().finish())
}
