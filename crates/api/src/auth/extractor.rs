//! `Caller`: the authenticated user of a request, from its bearer token.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::Payload;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::HttpMessage;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::{ready, Ready};
use kehu_domain::{Actor, Role};

#[derive(Clone, Debug)]
pub struct Caller {
    pub user_id: i64,
    pub org_id: i64,
    pub department_id: i64,
    pub roles: Vec<Role>,
    pub display_name: String,
}

/// How the caller proved who they are.
pub enum Credential {
    Jwt(Caller),
    ApiKey(String),
}

impl Caller {
    pub fn actor(&self) -> Actor {
        Actor { user_id: self.user_id, department_id: self.department_id, roles: self.roles.clone() }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.has(role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden("your role may not do this"))
        }
    }

    /// The role recorded in history: the first of the caller's roles that the
    /// step needed, else their first role.
    pub fn main_role(&self) -> Option<Role> {
        self.roles.first().copied()
    }
}

pub fn bearer(req: &HttpRequest) -> Option<&str> {
    req.headers().get(actix_web::http::header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ").map(str::trim)
}

/// Reads the credential; JWTs are verified here, API keys need the database.
pub fn credential(req: &HttpRequest) -> Result<Credential, ApiError> {
    let state = req.app_data::<web::Data<AppState>>().ok_or_else(|| ApiError::Internal("state missing".into()))?;
    let token = bearer(req).ok_or(ApiError::Unauthenticated("send `Authorization: Bearer <access token or API key>`"))?;
    if super::api_key::prefix_of(token).is_some() {
        return Ok(Credential::ApiKey(token.to_owned()));
    }
    let claims = state.keys.verify(token).ok_or(ApiError::Unauthenticated("the access token is invalid or expired"))?;
    let user_id = claims.sub.parse().map_err(|_| ApiError::Unauthenticated("the access token is invalid"))?;
    Ok(Credential::Jwt(Caller { user_id, org_id: claims.org, department_id: claims.dept, roles: claims.roles, display_name: claims.name }))
}

/// Resolves an API key to its service account, checking revocation and
/// scope, before any extractor reads the body (so that a key without the
/// scope is 403 whatever the body says). The caller lands in the request's
/// extensions for the `Caller` extractor.
pub async fn api_keys(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    // Only API keys need the database here; JWTs are verified once, by the extractor.
    let key = bearer(req.request()).filter(|t| super::api_key::prefix_of(t).is_some()).map(str::to_owned);
    if let Some(key) = key {
        let state = req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| ApiError::Internal("state missing".into()))?;
        let scope = super::api_key::needed_scope(req.method(), req.path());
        let address = crate::http::client::address(req.request());
        let request_id = req.extensions().get::<tracing_actix_web::RequestId>().map(|r| r.to_string());
        let caller = key_caller(state, key, scope, (address, request_id)).await?;
        req.extensions_mut().insert(caller);
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

async fn key_caller(state: web::Data<AppState>, key: String, scope: String, (address, request_id): (String, Option<String>)) -> Result<Caller, ApiError> {
    state
        .db(move |c| {
            let prefix = super::api_key::prefix_of(&key).unwrap_or_default();
            let row = kehu_persistence::api_keys::by_prefix(c, prefix)?.filter(|k| k.key_hash == super::api_key::hash(&key) && k.revoked_at.is_none());
            let Some(row) = row else {
                // Only the public prefix is kept, never the key.
                let details = serde_json::json!({"prefix": prefix, "address": address});
                crate::app::sessions::audit(c, "auth.api_key_refused", None, request_id.as_deref(), details)?;
                return Err(ApiError::Unauthenticated("unknown or revoked API key"));
            };
            if !row.scopes.split(',').any(|s| s == scope) {
                return Err(ApiError::Forbidden("the API key lacks the scope this request needs"));
            }
            let user = kehu_persistence::people::user(c, row.user_id)?;
            if !user.active {
                return Err(ApiError::Unauthenticated("the service account is deactivated"));
            }
            kehu_persistence::api_keys::touch(c, row.id, chrono::Utc::now().naive_utc())?;
            let roles = kehu_persistence::people::roles_of(c, user.id)?;
            Ok(Caller { user_id: user.id, org_id: user.org_id, department_id: user.department_id, roles, display_name: user.display_name })
        })
        .await
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let caller = match credential(req) {
            Ok(Credential::Jwt(c)) => Ok(c),
            Ok(Credential::ApiKey(_)) => req.extensions().get::<Caller>().cloned().ok_or(ApiError::Unauthenticated("unknown or revoked API key")),
            Err(e) => Err(e),
        };
        if let Ok(c) = &caller {
            note(req, c);
        }
        ready(caller)
    }
}

/// Who a request was made by, once its credential was read: for its log
/// line and for the audit of what it was refused.
#[derive(Clone, Copy, Debug)]
pub struct Signed {
    pub user_id: i64,
    pub org_id: i64,
}

fn note(req: &HttpRequest, c: &Caller) {
    if let Some(span) = req.extensions().get::<tracing_actix_web::RootSpan>() {
        span.record("user_id", c.user_id);
    }
    req.extensions_mut().insert(Signed { user_id: c.user_id, org_id: c.org_id });
}
