//! Login, refresh with rotation, logout and `/me`.

use crate::app::people::MeView;
use crate::app::sessions::{self, Login, TokenResponse, REFRESH_TTL_DAYS};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::state::AppState;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;
use utoipa::ToSchema;

pub const REFRESH_COOKIE: &str = "kehu_refresh";

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

/// The refresh token of the body (mobile) or of the cookie (browser).
fn refresh_token(req: &HttpRequest, body: Option<RefreshRequest>) -> Option<String> {
    body.and_then(|b| b.refresh_token).or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()))
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
    let address = req.peer_addr().map(|a| a.ip().to_string()).unwrap_or_else(|| "unknown".into());
    let cmd = Login { username: body.0.username, password: body.0.password, address };
    let keys = state.keys.clone();
    let tokens = state.db(move |conn| sessions::login(conn, &keys, cmd)).await?;
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
    let token = refresh_token(&req, body.map(|b| b.0)).ok_or(ApiError::Unauthenticated("no refresh token"))?;
    let keys = state.keys.clone();
    let tokens = state.db(move |conn| sessions::refresh(conn, &keys, &token)).await?;
    Ok(with_cookie(&state, tokens))
}

/// End the session of this refresh token (cookie or body).
#[utoipa::path(tag = "auth", operation_id = "logout", request_body(content = Option<RefreshRequest>, description = "Empty for browsers (cookie)"), responses((status = 204, description = "Logged out")))]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, req: HttpRequest, raw: web::Bytes) -> ApiResult<HttpResponse> {
    // No body (a browser, with its cookie) or a valid one: a wrong one is refused.
    let body: RefreshRequest = if raw.iter().all(u8::is_ascii_whitespace) { RefreshRequest::default() } else { crate::http::body::parse(&raw)? };
    if let Some(token) = refresh_token(&req, Some(body)) {
        state.db(move |conn| sessions::logout(conn, &token)).await?;
    }
    let mut gone = Cookie::build(REFRESH_COOKIE, "").path("/api/v1/auth").http_only(true).finish();
    gone.make_removal();
    Ok(HttpResponse::NoContent().cookie(gone).finish())
}

/// The caller: identity, department and roles.
#[utoipa::path(tag = "auth", operation_id = "getMe", security(("bearer" = [])), responses((status = 200, body = MeView), (status = 401, body = Problem, content_type = "application/problem+json")))]
#[get("/me")]
pub async fn me(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let view: MeView = state.read(ctx, sessions::me).await?;
    Ok(HttpResponse::Ok().json(view))
}
