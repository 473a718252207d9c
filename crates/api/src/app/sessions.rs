//! Sessions: login with limits on failures, refresh with rotation (a reused
//! token ends its family), logout, the caller. These manage their own
//! transactions: a refused login must still record the failure, and a
//! reused refresh token must still end its family.

use crate::app::people::{me_view, MeView};
use crate::app::Ctx;
use crate::auth::jwt::{Claims, Keys, ACCESS_TTL_SECS, AUDIENCE, ISSUER};
use crate::auth::{password, throttle};
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Duration, Utc};
use kehu_persistence::events::{self, Audit};
use kehu_persistence::{people, sessions, write_tx, DbConn};
use serde::Serialize;
use serde_json::json;
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

pub const REFRESH_TTL_DAYS: i64 = 14;
const FAILURE_WINDOW_MINUTES: i64 = 15;
const MAX_FAILURES_PER_ACCOUNT: i64 = 5;

#[derive(Serialize, ToSchema)]
pub struct TokenResponse {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    /// Opaque, single-use. Browsers get it only as the `kehu_refresh`
    /// HttpOnly cookie; it is here only when the client asked for it
    /// (`refresh_in_body` at login, or a refresh sent in the body).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refresh_token: Option<String>,
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
pub(crate) fn issue(conn: &mut DbConn, keys: &Keys, user: &people::User, family: &str) -> ApiResult<TokenResponse> {
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
    Ok(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECS,
        refresh_token: Some(refresh_token),
        user: me_view(user, &dept, people::org(conn, user.org_id)?.name, roles),
    })
}

#[derive(Clone)]
pub struct Login {
    pub username: String,
    pub password: String,
    /// The client's address, for the per-address slow-down and the audit.
    pub address: String,
    pub request_id: Option<String>,
}

/// Appends an authentication decision to the audit log (its own row even
/// when the request fails).
pub(crate) fn audit(conn: &mut DbConn, action: &str, user: Option<&people::User>, request_id: Option<&str>, details: serde_json::Value) -> ApiResult<()> {
    events::audit(
        conn,
        &Audit {
            org_id: user.map(|u| u.org_id),
            user_id: user.map(|u| u.id),
            action,
            entity: "user",
            entity_id: user.map(|u| u.id),
            request_id,
            details: details.to_string(),
            at: Utc::now().naive_utc(),
        },
    )?;
    Ok(())
}

/// Counts the attempt before the password is checked, so parallel attempts
/// cannot all slip under the account's limit: an account with too many
/// recent failures is refused (`RateLimited`) until the oldest leaves the
/// window. Answers whether the address is over its own limit, which only
/// slows its attempts down.
pub fn admit(conn: &mut DbConn, l: &Login, slowdown_after: u32) -> ApiResult<bool> {
    let now = Utc::now();
    let since = (now - Duration::minutes(FAILURE_WINDOW_MINUTES)).naive_utc();
    let r = sessions::reserve_login_attempt(conn, &l.username, &l.address, since, now.naive_utc(), MAX_FAILURES_PER_ACCOUNT)?;
    if !r.reserved {
        let user = people::user_by_username(conn, &l.username)?;
        audit(
            conn,
            "auth.login_refused",
            user.as_ref(),
            l.request_id.as_deref(),
            json!({"username": l.username, "address": l.address, "reason": "account_limit"}),
        )?;
        let frees = r.oldest.map_or(60, |o| (o + Duration::minutes(FAILURE_WINDOW_MINUTES) - now.naive_utc()).num_seconds().max(1));
        return Err(ApiError::RateLimited { retry_after_secs: frees as u64 });
    }
    Ok(r.address_failures >= i64::from(slowdown_after))
}

/// Checks the password of an admitted attempt: tokens, or the failure it
/// was already counted as.
pub fn check(conn: &mut DbConn, keys: &Keys, l: Login) -> ApiResult<TokenResponse> {
    let user = people::user_by_username(conn, &l.username)?;
    let (ok, reason) = match &user {
        Some(u) if !password::verify(&l.password, &u.password_hash) => (false, "wrong_password"),
        Some(u) if !u.active => (false, "deactivated"),
        Some(_) => (true, ""),
        None => {
            password::verify(&l.password, password::dummy_hash());
            (false, "unknown_user")
        }
    };
    let rid = l.request_id.as_deref();
    let user = match user {
        Some(u) if ok => u,
        other => {
            audit(conn, "auth.login_failed", other.as_ref(), rid, json!({"username": l.username, "address": l.address, "reason": reason}))?;
            return Err(ApiError::Unauthenticated("wrong username or password"));
        }
    };
    write_tx(conn, |conn| {
        sessions::clear_login_failures(conn, &l.username)?;
        audit(conn, "auth.login", Some(&user), rid, json!({"address": l.address}))?;
        issue(conn, keys, &user, &uuid::Uuid::new_v4().to_string())
    })
}

/// Log in: one attempt on the account at a time; admitted, slowed when its
/// address is, checked.
pub async fn log_in(state: &AppState, l: Login) -> ApiResult<TokenResponse> {
    let _account = state.login_gate.turn(&format!("user:{}", l.username), std::time::Duration::ZERO).await;
    let after = state.settings.login_slowdown_after;
    let slow = {
        let l = l.clone();
        state.db(move |c| admit(c, &l, after)).await?
    };
    let _address = if slow { Some(state.login_gate.turn(&format!("address:{}", l.address), throttle::PAUSE).await) } else { None };
    let keys = state.keys.clone();
    state.db(move |c| check(c, &keys, l)).await
}

/// Where a session request came from, for the audit.
pub struct Origin {
    pub address: String,
    pub request_id: Option<String>,
}

/// Exchange a refresh token for new tokens; the old one stops working, and
/// presenting a used one ends its whole family. Every outcome is audited.
pub fn refresh(conn: &mut DbConn, keys: &Keys, token: &str, from: &Origin) -> ApiResult<TokenResponse> {
    let rid = from.request_id.as_deref();
    // The outer error rolls back; the inner one is an answer whose side
    // effects (ending a stolen token's family, its audit row) must commit.
    write_tx(conn, |conn| -> ApiResult<ApiResult<TokenResponse>> {
        let now = Utc::now().naive_utc();
        let refused = |conn: &mut DbConn, user: Option<&people::User>, reason: &str| -> ApiResult<()> {
            audit(conn, "auth.refresh_refused", user, rid, json!({"address": from.address, "reason": reason}))
        };
        let Some(row) = sessions::refresh_by_hash(conn, &sha256_hex(token))? else {
            refused(conn, None, "unknown_token")?;
            return Ok(Err(ApiError::Unauthenticated("unknown refresh token")));
        };
        let user = people::user(conn, row.user_id)?;
        if row.revoked_at.is_some() {
            sessions::revoke_family(conn, &row.family, now)?;
            audit(conn, "auth.refresh_reused", Some(&user), rid, json!({"address": from.address, "family": row.family}))?;
            return Ok(Err(ApiError::Unauthenticated("refresh token already used; the session was ended")));
        }
        if row.expires_at < now || !sessions::revoke_if_live(conn, row.id, now)? {
            refused(conn, Some(&user), "expired")?;
            return Ok(Err(ApiError::Unauthenticated("refresh token expired")));
        }
        if !user.active {
            refused(conn, Some(&user), "deactivated")?;
            return Ok(Err(ApiError::Unauthenticated("account deactivated")));
        }
        audit(conn, "auth.refresh", Some(&user), rid, json!({"address": from.address}))?;
        Ok(Ok(issue(conn, keys, &user, &row.family)?))
    })?
}

/// End the session a refresh token belongs to (unknown tokens: nothing to do).
pub fn logout(conn: &mut DbConn, token: &str, from: &Origin) -> ApiResult<()> {
    if let Some(row) = sessions::refresh_by_hash(conn, &sha256_hex(token))? {
        write_tx(conn, |conn| {
            sessions::revoke_family(conn, &row.family, Utc::now().naive_utc())?;
            let user = people::user(conn, row.user_id)?;
            audit(conn, "auth.logout", Some(&user), from.request_id.as_deref(), json!({"address": from.address}))
        })?;
    }
    Ok(())
}

/// The caller: identity, department and roles.
pub fn me(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<MeView> {
    let user = people::user(conn, ctx.user())?;
    let dept = people::department(conn, user.org_id, user.department_id)?;
    let roles = people::roles_of(conn, user.id)?;
    let org = people::org(conn, user.org_id)?.name;
    Ok(me_view(&user, &dept, org, roles))
}
