//! API keys of service accounts (admin): created once-visible, listed, revoked.

use crate::app::{Ctx, Tx};
use crate::auth::api_key;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use chrono::{DateTime, Utc};
use kehu_domain::Role;
use kehu_persistence::api_keys::{self, ApiKey, NewApiKey};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

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

pub struct NewKey {
    pub user_id: i64,
    pub name: String,
    pub scopes: Vec<String>,
}

fn service_account(conn: &mut DbConn, ctx: &Ctx, user_id: i64) -> ApiResult<()> {
    ctx.caller.require(Role::Admin)?;
    if people::user(conn, user_id)?.org_id != ctx.org() {
        return Err(ApiError::NotFound);
    }
    Ok(())
}

/// Issue a key for a service account (a user with the `integration` role).
pub fn create(tx: &mut Tx, ctx: &Ctx, k: NewKey) -> ApiResult<CreatedApiKey> {
    service_account(tx, ctx, k.user_id)?;
    let unknown: Vec<FieldError> = k
        .scopes
        .iter()
        .enumerate()
        .filter(|(_, s)| !api_key::valid_scope(s))
        .map(|(i, _)| {
            let expected = format!("expected <resource>:read|write with resource one of {}", api_key::RESOURCES.join(", "));
            FieldError::new(format!("scopes[{i}]"), FieldCode::UnknownValue, expected)
        })
        .collect();
    ApiError::check(unknown)?;
    if !people::roles_of(tx, k.user_id)?.contains(&Role::Integration) {
        return Err(ApiError::field("id", FieldCode::NotServiceAccount, "API keys belong to users with the integration role"));
    }
    let (prefix, key, hash) = api_key::generate();
    let mut scopes = k.scopes;
    scopes.sort();
    scopes.dedup();
    let new = NewApiKey {
        org_id: ctx.org(),
        user_id: k.user_id,
        name: k.name.trim(),
        prefix: &prefix,
        key_hash: &hash,
        scopes: &scopes.join(","),
        created_by: Some(ctx.user()),
        created_at: ctx.now,
    };
    let row = api_keys::insert(tx, &new)?;
    ctx.audit(tx, "api_key.create", "api_key", row.id, serde_json::json!({"user_id": k.user_id, "prefix": prefix, "scopes": scopes}))?;
    Ok(CreatedApiKey { info: view(row), key })
}

/// A service account's keys (never the secret).
pub fn list(conn: &mut DbConn, ctx: &Ctx, user_id: i64) -> ApiResult<Vec<ApiKeyView>> {
    service_account(conn, ctx, user_id)?;
    Ok(api_keys::of_user(conn, user_id)?.into_iter().map(view).collect())
}

/// Revoke a key at once.
pub fn revoke(tx: &mut Tx, ctx: &Ctx, id: i64) -> ApiResult<()> {
    ctx.caller.require(Role::Admin)?;
    api_keys::get(tx, ctx.org(), id)?;
    api_keys::revoke(tx, id, ctx.now)?;
    ctx.audit(tx, "api_key.revoke", "api_key", id, serde_json::json!({}))
}
