//! API keys of service accounts (admin): created once-visible, listed, revoked.

use crate::auth::{api_key, Caller};
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::body::Json;
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_domain::Role;
use kehu_persistence::api_keys::{self, ApiKey, NewApiKey};
use kehu_persistence::{people, write_tx};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewApiKeyRequest {
    #[schema(min_length = 1, max_length = 100, example = "ERP nightly sync")]
    pub name: String,
    /// `<resource>:read|write` for complaints, customers, departments, users, policies, calendar, me.
    #[schema(min_items = 1, example = json!(["complaints:read", "customers:read"]))]
    pub scopes: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ApiKeyView {
    pub id: i64,
    pub name: String,
    /// The visible part of the key, to tell keys apart.
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub info: ApiKeyView,
    /// The key itself, shown this once: send it as `Authorization: Bearer <key>`.
    pub key: String,
}

fn view(k: ApiKey) -> ApiKeyView {
    ApiKeyView {
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scopes: k.scopes.split(',').map(str::to_owned).collect(),
        created_at: k.created_at.and_utc(),
        last_used_at: k.last_used_at.map(|t| t.and_utc()),
        revoked_at: k.revoked_at.map(|t| t.and_utc()),
    }
}

/// Issue an API key for a service account (a user with the `integration` role).
#[utoipa::path(tag = "people", operation_id = "createApiKey", security(("bearer" = [])), request_body = NewApiKeyRequest, params(("id" = i64, Path, description = "The service account")),
    responses((status = 201, body = CreatedApiKey), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/users/{id}/api-keys")]
pub async fn create(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<NewApiKeyRequest>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let b = body.0;
    let mut errors = Vec::new();
    if b.name.trim().is_empty() || b.name.chars().count() > 100 {
        errors.push(FieldError { field: "name".into(), code: FieldCode::Length, message: "1 to 100 characters".into() });
    }
    if b.scopes.is_empty() {
        errors.push(FieldError { field: "scopes".into(), code: FieldCode::Required, message: "at least one scope".into() });
    }
    for (i, s) in b.scopes.iter().enumerate() {
        if !api_key::valid_scope(s) {
            errors.push(FieldError {
                field: format!("scopes[{i}]"),
                code: FieldCode::UnknownValue,
                message: format!("expected <resource>:read|write with resource one of {}", api_key::RESOURCES.join(", ")),
            });
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let user_id = id.into_inner();
    let rid = audit::request_id(&req);
    let created = state
        .db(move |c| {
            write_tx(c, |c| {
                let user = people::user(c, user_id)?;
                if user.org_id != caller.org_id {
                    return Err(ApiError::NotFound);
                }
                if !people::roles_of(c, user_id)?.iter().any(|r| *r == Role::Integration) {
                    return Err(ApiError::field("id", FieldCode::NotServiceAccount, "API keys belong to users with the integration role"));
                }
                let (prefix, key, hash) = api_key::generate();
                let mut scopes = b.scopes.clone();
                scopes.sort();
                scopes.dedup();
                let row = api_keys::insert(
                    c,
                    &NewApiKey {
                        org_id: caller.org_id,
                        user_id,
                        name: b.name.trim(),
                        prefix: &prefix,
                        key_hash: &hash,
                        scopes: &scopes.join(","),
                        created_by: Some(caller.user_id),
                        created_at: Utc::now().naive_utc(),
                    },
                )?;
                audit::write(
                    c,
                    &caller,
                    "api_key.create",
                    "api_key",
                    row.id,
                    &rid,
                    serde_json::json!({"user_id": user_id, "prefix": prefix, "scopes": scopes}),
                )?;
                Ok(CreatedApiKey { info: view(row), key })
            })
        })
        .await?;
    Ok(HttpResponse::Created().insert_header(("Cache-Control", "no-store")).json(created))
}

/// A service account's API keys (never the secret).
#[utoipa::path(tag = "people", operation_id = "listApiKeys", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = Vec<ApiKeyView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/users/{id}/api-keys")]
pub async fn list(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let user_id = id.into_inner();
    let keys = state
        .db(move |c| {
            if people::user(c, user_id)?.org_id != caller.org_id {
                return Err(ApiError::NotFound);
            }
            Ok(api_keys::of_user(c, user_id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(keys.into_iter().map(view).collect::<Vec<_>>()))
}

/// Revoke an API key at once.
#[utoipa::path(tag = "people", operation_id = "revokeApiKey", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 204, description = "Revoked"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[post("/api-keys/{id}/revoke")]
pub async fn revoke(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    state
        .db(move |c| {
            write_tx(c, |c| {
                api_keys::get(c, caller.org_id, id)?;
                api_keys::revoke(c, id, Utc::now().naive_utc())?;
                audit::write(c, &caller, "api_key.revoke", "api_key", id, &rid, serde_json::json!({}))
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
