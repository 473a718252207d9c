//! A person changes their own password. The current one comes first and
//! counts against the account's login limit, so a stolen access token
//! cannot be used to guess it; the new one must be long and hard to guess.
//! Every session of the person ends, and the one asking gets new tokens.

use crate::app::sessions::{self, Login, TokenResponse};
use crate::app::Ctx;
use crate::auth::password;
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::state::AppState;
use kehu_persistence::people::{self, UserChanges};
use kehu_persistence::{sessions as stored, write_tx};
use serde_json::json;

pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Change the caller's password; the answer is a fresh session.
pub async fn change(state: &AppState, ctx: Ctx, cmd: PasswordChange) -> ApiResult<TokenResponse> {
    let uid = ctx.user();
    let user = state.db(move |c| Ok(people::user(c, uid)?)).await?;
    password::strength(&cmd.new_password, &[user.username.as_str(), user.display_name.as_str()])
        .map_err(|(code, why)| ApiError::field("new_password", code, why))?;
    if cmd.new_password == cmd.current_password {
        return Err(ApiError::field("new_password", FieldCode::Reused, "choose a password other than the current one"));
    }
    let _account = state.login_gate.turn(&format!("user:{}", user.username), std::time::Duration::ZERO).await;
    let attempt = Login {
        username: user.username.clone(),
        password: cmd.current_password,
        address: crate::http::client::shown(ctx.address),
        request_id: ctx.request_id.clone(),
    };
    {
        let attempt = attempt.clone();
        state.db(move |c| sessions::admit(c, &attempt, u32::MAX)).await?;
    }
    let new_hash = actix_web::web::block(move || password::hash(&cmd.new_password)).await.map_err(|e| ApiError::Internal(e.to_string()))?;
    let new_hash = new_hash.map_err(|e| ApiError::Internal(e.to_string()))?;
    let keys = state.keys.clone();
    state
        .db(move |c| {
            let rid = attempt.request_id.as_deref();
            let user = people::user(c, uid)?;
            if !password::verify(&attempt.password, &user.password_hash) {
                sessions::audit(c, "auth.password_change_failed", Some(&user), rid, json!({"address": attempt.address}))?;
                return Err(ApiError::field("current_password", FieldCode::WrongPassword, "the current password is not right"));
            }
            write_tx(c, |c| {
                let changes = UserChanges { password_hash: Some(new_hash), ..Default::default() };
                let user = people::update_user(c, uid, user.version, &changes, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
                stored::revoke_user(c, uid, ctx.now)?;
                stored::clear_login_failures(c, &user.username)?;
                sessions::audit(c, "auth.password_changed", Some(&user), rid, json!({"address": attempt.address}))?;
                sessions::issue(c, &keys, &user, &uuid::Uuid::new_v4().to_string())
            })
        })
        .await
}
