//! Login, refresh with rotation, logout, `/me` and the caller's password.

use crate::app::passwords::{self, PasswordChange};
use crate::app::people::MeView;
use crate::app::sessions::{self, Login, Origin, TokenResponse, REFRESH_TTL_DAYS};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::http::client;
use crate::state::AppState;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::{get, post, web, HttpMessage, HttpRequest, HttpResponse};
use serde::Deserialize;
use tracing_actix_web::RequestId;
use utoipa::ToSchema;
use validator::Validate;

pub const REFRESH_COOKIE: &str = "kehu_refresh";

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[schema(example = "sales", min_length = 1, max_length = 64)]
    pub username: String,
    #[schema(example = "kehu-demo-pass", min_length = 1, max_length = 256)]
    pub password: String,
    /// For clients that keep no cookies (mobile apps, integrations): also
    /// return the refresh token in the answer. Browsers leave it out and
    /// keep the HttpOnly cookie only.
    #[serde(default)]
    pub refresh_in_body: bool,
}

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    /// For clients without cookies (the answer then carries the next one);
    /// browsers send the HttpOnly cookie instead.
    pub refresh_token: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PasswordChangeRequest {
    #[schema(min_length = 1, max_length = 256)]
    #[validate(length(min = 1, max = 256, code = "length"))]
    pub current_password: String,
    /// At least 12 characters, not a common password, word, name or pattern.
    #[schema(min_length = 12, max_length = 256)]
    #[validate(length(min = 12, max = 256, code = "length"))]
    pub new_password: String,
}

/// Sets the refresh cookie; the token stays in the body only when asked for.
fn with_tokens(state: &AppState, mut t: TokenResponse, in_body: bool) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    if let Some(token) = &t.refresh_token {
        let cookie = Cookie::build(REFRESH_COOKIE, token.clone())
            .path("/api/v1/auth")
            .http_only(true)
            .secure(state.settings.cookie_secure)
            .same_site(SameSite::Strict)
            .max_age(CookieDuration::days(REFRESH_TTL_DAYS))
            .finish();
        res.cookie(cookie);
    }
    if !in_body {
        t.refresh_token = None;
    }
    res.insert_header(("Cache-Control", "no-store")).json(t)
}

fn request_id(req: &HttpRequest) -> Option<String> {
    req.extensions().get::<RequestId>().map(|r| r.to_string())
}

fn origin(req: &HttpRequest) -> Origin {
    Origin { address: client::address(req), request_id: request_id(req) }
}

/// Log in with username and password.
///
/// Five failures in 15 minutes lock the account (429 with `Retry-After`)
/// until the oldest leaves the window. An address with many failures is
/// slowed down (its attempts one at a time, a second apart), never refused.
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
    let in_body = body.0.refresh_in_body;
    let cmd = Login { username: body.0.username, password: body.0.password, address: client::address(&req), request_id: request_id(&req) };
    let tokens = sessions::log_in(&state, cmd).await?;
    Ok(with_tokens(&state, tokens, in_body))
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
    let sent = body.and_then(|b| b.0.refresh_token);
    let in_body = sent.is_some();
    let token = sent.or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned())).ok_or(ApiError::Unauthenticated("no refresh token"))?;
    let (keys, from) = (state.keys.clone(), origin(&req));
    let tokens = state.db(move |conn| sessions::refresh(conn, &keys, &token, &from)).await?;
    Ok(with_tokens(&state, tokens, in_body))
}

/// End the session of this refresh token (cookie or body).
#[utoipa::path(tag = "auth", operation_id = "logout", request_body(content = Option<RefreshRequest>, description = "Empty for browsers (cookie)"), responses((status = 204, description = "Logged out")))]
#[post("/auth/logout")]
pub async fn logout(state: web::Data<AppState>, req: HttpRequest, raw: web::Bytes) -> ApiResult<HttpResponse> {
    // No body (a browser, with its cookie) or a valid one: a wrong one is refused.
    let body: RefreshRequest = if raw.iter().all(u8::is_ascii_whitespace) { RefreshRequest::default() } else { crate::http::body::parse(&raw)? };
    if let Some(token) = body.refresh_token.or_else(|| req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned())) {
        let from = origin(&req);
        state.db(move |conn| sessions::logout(conn, &token, &from)).await?;
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

/// Change your own password (the current one first).
///
/// Wrong current passwords count against the account's login limit. Every
/// session of yours ends; the answer is a new one for this device (its
/// refresh token in the cookie, as at login).
#[utoipa::path(
    tag = "auth", operation_id = "changePassword", request_body = PasswordChangeRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "Changed; a new session", body = TokenResponse),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Wrong current password, or a new one too short or easy to guess", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong passwords", body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/password")]
pub async fn change_password(state: web::Data<AppState>, ctx: Ctx, body: Json<PasswordChangeRequest>) -> ApiResult<HttpResponse> {
    let b = crate::error::Validated::validated(body.0)?;
    let cmd = PasswordChange { current_password: b.current_password, new_password: b.new_password };
    let tokens = passwords::change(&state, ctx, cmd).await?;
    Ok(with_tokens(&state, tokens, false))
}
