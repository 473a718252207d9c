//! Sessions: login with limits on failures, refresh with rotation (a reused
//! token ends its family), logout, the caller. These manage their own
//! transactions: a refused login must still record the failure, and a
//! reused refresh token must still end its family.

use crate::app::people::{me_view, MeView};
use crate::app::Ctx;
use crate::auth::jwt::{Claims, Keys, ACCESS_TTL_SECS, AUDIENCE, ISSUER};
use crate::auth::password;
use crate::error::{ApiError, ApiResult};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Duration, Utc};
use kehu_persistence::{people, sessions, write_tx, DbConn};
use serde::Serialize;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

pub const REFRESH_TTL_DAYS: i64 = 14;
const FAILURE_WINDOW_MINUTES: i64 = 15;
const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
const MAX_FAILURES_PER_ADDRESS: i64 = 30;

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

/// Issues an access token and a fresh refresh token in `family`.
fn issue(conn: &mut DbConn, keys: &Keys, user: &people::User, family: &str) -> ApiResult<TokenResponse> {
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
    let access_token = keys.issue(&claims).map_err(|e| ApiError::Internal(e.to_string()))?;
    let refresh_token = new_refresh_token();
    sessions::insert_refresh(conn, user.id, &sha256_hex(&refresh_token), family, (now + Duration::days(REFRESH_TTL_DAYS)).naive_utc(), now.naive_utc())?;
    Ok(TokenResponse { access_token, token_type: "Bearer".into(), expires_in: ACCESS_TTL_SECS, refresh_token, user: me_view(user, &dept, roles) })
}

pub struct Login {
    pub username: String,
    pub password: String,
    /// The client's address, for the per-address limit.
    pub address: String,
}

/// Log in. After repeated failures per account or per address the answer is
/// `RateLimited` until the oldest failure leaves the window.
pub fn login(conn: &mut DbConn, keys: &Keys, l: Login) -> ApiResult<TokenResponse> {
    let now = Utc::now();
    let since = (now - Duration::minutes(FAILURE_WINDOW_MINUTES)).naive_utc();
    let (by_user, by_addr, oldest) = sessions::login_failures_since(conn, &l.username, &l.address, since)?;
    if by_user >= MAX_FAILURES_PER_ACCOUNT || by_addr >= MAX_FAILURES_PER_ADDRESS {
        let frees = oldest.map_or(60, |o| (o + Duration::minutes(FAILURE_WINDOW_MINUTES) - now.naive_utc()).num_seconds().max(1));
        return Err(ApiError::RateLimited { retry_after_secs: frees as u64 });
    }
    let user = people::user_by_username(conn, &l.username)?;
    let ok = match &user {
        Some(u) => password::verify(&l.password, &u.password_hash) && u.active,
        None => {
            password::verify(&l.password, password::dummy_hash());
            false
        }
    };
    let Some(user) = user.filter(|_| ok) else {
        sessions::record_login_failure(conn, &l.username, &l.address, now.naive_utc())?;
        return Err(ApiError::Unauthenticated("wrong username or password"));
    };
    write_tx(conn, |conn| {
        sessions::clear_login_failures(conn, &l.username)?;
        issue(conn, keys, &user, &uuid::Uuid::new_v4().to_string())
    })
}

/// Exchange a refresh token for new tokens; the old one stops working, and
/// presenting a used one ends its whole family.
pub fn refresh(conn: &mut DbConn, keys: &Keys, token: &str) -> ApiResult<TokenResponse> {
    // The outer error rolls back; the inner one is an answer whose side
    // effects (ending a stolen token's family) must commit.
    write_tx(conn, |conn| -> ApiResult<ApiResult<TokenResponse>> {
        let now = Utc::now().naive_utc();
        let row = sessions::refresh_by_hash(conn, &sha256_hex(token))?.ok_or(ApiError::Unauthenticated("unknown refresh token"))?;
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
        Ok(Ok(issue(conn, keys, &user, &row.family)?))
    })?
}

/// End the session a refresh token belongs to (unknown tokens: nothing to do).
pub fn logout(conn: &mut DbConn, token: &str) -> ApiResult<()> {
    if let Some(row) = sessions::refresh_by_hash(conn, &sha256_hex(token))? {
        sessions::revoke_family(conn, &row.family, Utc::now().naive_utc())?;
    }
    Ok(())
}

/// The caller: identity, department and roles.
pub fn me(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<MeView> {
    let user = people::user(conn, ctx.user())?;
    let dept = people::department(conn, user.org_id, user.department_id)?;
    let roles = people::roles_of(conn, user.id)?;
    Ok(me_view(&user, &dept, roles))
}
