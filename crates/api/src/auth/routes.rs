//! Login, refresh with rotation, logout and `/me`.

use super::jwt::{Claims, ACCESS_TTL_SECS, AUDIENCE, ISSUER};
use super::{password, Caller};
use crate::app::people::{me_view, MeView};
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::state::AppState;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Duration, Utc};
use kehu_persistence::{people, sessions, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

pub const REFRESH_COOKIE: &str = "kehu_refresh";
const REFRESH_TTL_DAYS: i64 = 14;
const FAILURE_WINDOW_MINUTES: i64 = 15;
const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
const MAX_FAILURES_PER_ADDRESS: i64 = 30;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(example = "sales", min_length = 1, max_length = 64)]
    pub username: String,
    #[schema(example = "kehu-demo-pass", min_length = 1, max_length = 256)]
    pub password: String,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// For mobile clients; browsers send the HttpOnly cookie instead.
    pub refresh_token: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Opaque, single-use; also set as the `kehu_refresh` HttpOnly cookie.
    pub refresh_token: String,
    pub user: MeView,
}

fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

fn new_refresh_token() -> String {
    let mut b = [0u8; 32];
    rand::Rng::fill(&mut rand::thread_rng(), &mut b);
    URL_SAFE_NO_PAD.encode(b)
}

fn client_address(req: &HttpRequest) -> String {
    req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_else(|| "unknown".into())
}

/// Issues an access token and a fresh refresh token in `family`.
fn issue(conn: &mut DbConn, state: &AppState, user: &people::User, family: &str) -> ApiResult<TokenResponse> {
    let now = Utc::now();
    let roles = people::roles_of(conn, user.id)?;
    let dept = people::department(conn, user.org_id, user.department_id)?;
    let claims = Claims {
        sub: user.id.to_string(),
        org: user.org_id,
        dept: user.department_id,
        roles: roles.clone(),
        name: user.display_name.clone(),
        iss: ISSUER.into(),
        aud: AUDIENCE.into(),
        iat: now.timestamp(),
        exp: now.timestamp() + ACCESS_TTL_SECS,
    };
    let access_token = state.keys.issue(&claims).map_err(|e| ApiError::Internal(e.to_string()))?;
    let refresh_token = new_refresh_token();
    sessions::insert_refresh(conn, user.id, &sha256_hex(&refresh_token), family, (now + Duration::days(REFRESH_TTL_DAYS)).naive_utc(), now.naive_utc())?;
    Ok(TokenResponse { access_token, token_type: "Bearer".into(), expires_in: ACCESS_TTL_SECS, refresh_token, user: me_view(user, &dept, roles) })
}

fn with_cookie(state: &AppState, t: TokenResponse) -> HttpResponse {
    let cookie = Cookie::build(REFRESH_COOKIE, t.refresh_token.clone())
        .path("/api/v1/auth")
        .http_only(true)
        .secure(state.settings.cookie_secure)
        .same_site(SameSite::Strict)
        .max_age(CookieDuration::days(REFRESH_TTL_DAYS))
        .finish();
    HttpResponse::Ok().cookie(cookie).insert_header(("Cache-Control", "no-store")).json(t)
}

/// Log in with username and password.
///
/// Rate limited per account and per address: after repeated failures the
/// answer is 429 with `Retry-After`.
#[utoipa::path(
    tag = "auth", operation_id = "login", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in", body = TokenResponse),
        (status = 401, description = "Wrong username or password", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing fields", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/login")]
pub async fn login(state: web::Data<AppState>, req: HttpRequest, body: Json<LoginRequest>) -> ApiResult<HttpResponse> {
    let LoginRequest { username, password: pw } = body.0;
    let address = client_address(&req);
    let st = state.get_ref().clone();
    let tokens = state
        .db(move |conn| {
            let now = Utc::now();
            let since = (now - Duration::minutes(FAILURE_WINDOW_MINUTES)).naive_utc();
            let (by_user, by_addr, oldest) = sessions::login_failures_since(conn, &username, &address, since)?;
            if by_user >= MAX_FAILURES_PER_ACCOUNT || by_addr >= MAX_FAILURES_PER_ADDRESS {
                let frees = oldest.map_or(60, |o| (o + Duration::minutes(FAILURE_WINDOW_MINUTES) - now.naive_utc()).num_seconds().max(1));
                return Err(ApiError::RateLimited { retry_after_secs: frees as u64 });
            }
            let user = people::user_by_username(conn, &username)?;
            let ok = match &user {
                Some(u) => password::verify(&pw, &u.password_hash) && u.active,
                None => {
                    password::verify(&pw, password::dummy_hash());
                    false
                }
            };
            let Some(user) = user.filter(|_| ok) else {
                sessions::record_login_failure(conn, &username, &address, now.naive_utc())?;
                return Err(ApiError::Unauthenticated("wrong username or password"));
            };
            write_tx(conn, |conn| {
                sessions::clear_login_failures(conn, &username)?;
                issue(conn, &st, &user, &uuid::Uuid::new_v4().to_string())
            })
        })
        .await?;
    Ok(with_cookie(&state, tokens))
}

/// Exchange a refresh token for new tokens (the old one stops working).
///
/// Presenting an already-used refresh token revokes its whole family: a
/// stolen token can be used once at most.
#[utoipa::path(
    tag = "auth", operation_id = "refresh", request_body(content = RefreshRequest, description = "Empty for browsers (cookie)"),
    responses(
        (status = 200, description = "New tokens", body = TokenResponse),
        (status = 401, description = "Session ended", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(state: web::Data<AppState>, req: HttpRequest, body: Option<Json<RefreshRequest>>) -> ApiResult<HttpResponse> {
    let token = body
        .and_then(|b| b.0.refresh_token)
        .or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()))
        .ok_or(ApiError::Unauthenticated("no refresh token"))?;
    let st = state.get_ref().clone();
    let tokens = state
        .db(move |conn| {
            // The outer error rolls back; the inner one is an answer whose
            // side effects (ending a stolen token's family) must commit.
            write_tx(conn, |conn| -> ApiResult<ApiResult<TokenResponse>> {
                let now = Utc::now().naive_utc();
                let row = sessions::refresh_by_hash(conn, &sha256_hex(&token))?.ok_or(ApiError::Unauthenticated("unknown refresh token"))?;
                if row.revoked_at.is_some() {
                    sessions::revoke_family(conn, &row.family, now)?;
                    return Ok(Err(ApiError::Unauthenticated("refresh token already used; the session was ended")));
                }
                if row.expires_at < now || !sessions::revoke_if_live(conn, row.id, now)? {
                    return Err(ApiError::Unauthenticated("refresh token expired"));
                }
                let user = people::user(conn, row.user_id)?;
                if !user.active {
                    return Err(ApiError::Unauthenticated("account deactivated"));
                }
                Ok(Ok(issue(conn, &st, &user, &row.family)?))
            })
        })
        .await??;
    Ok(with_cookie(&state, tokens))
}

/// End the session of this refresh token (cookie or body).
#[utoipa::path(tag = "auth", operation_id = "logout", request_body(content = Option<RefreshRequest>, description = "Empty for browsers (cookie)"), responses((status = 204, description = "Logged out")))]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, req: HttpRequest, raw: web::Bytes) -> ApiResult<HttpResponse> {
    // No body (a browser, with its cookie) or a valid one: a wrong one is refused.
    let body: RefreshRequest = if raw.iter().all(u8::is_ascii_whitespace) { RefreshRequest::default() } else { crate::http::body::parse(&raw)? };
    let token = body.refresh_token.or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()));
    if let Some(token) = token {
        state
            .db(move |conn| {
                if let Some(row) = sessions::refresh_by_hash(conn, &sha256_hex(&token))? {
                    sessions::revoke_family(conn, &row.family, Utc::now().naive_utc())?;
                }
                Ok(())
            })
            .await?;
    }
    let mut gone = Cookie::build(REFRESH_COOKIE, "").path("/api/v1/auth").http_only(true).finish();
    gone.make_removal();
    Ok(HttpResponse::NoContent().cookie(gone).finish())
}

/// The caller: identity, department and roles.
#[utoipa::path(tag = "auth", operation_id = "getMe", security(("bearer" = [])), responses((status = 200, body = MeView), (status = 401, body = Problem, content_type = "application/problem+json")))]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let view = state
        .db(move |conn| {
            let user = people::user(conn, caller.user_id)?;
            let dept = people::department(conn, user.org_id, user.department_id)?;
            let roles = people::roles_of(conn, user.id)?;
            Ok(me_view(&user, &dept, roles))
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
