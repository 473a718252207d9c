//! Group robots (admin): which chat each posts to, in which format and
//! language, which notice kinds; and each robot's post log. The address and
//! the secret are the robot's credentials: neither is shown again.

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use kehu_domain::channel::{self, Language, RobotPlatform};
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::notice::NoticeKind;
use kehu_domain::Role;
use kehu_persistence::notice_robots::{self as store, RobotFields, RobotRow};
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct RobotView {
    pub id: i64,
    pub name: String,
    pub platform: RobotPlatform,
    /// The address's host and its last four characters (the token is not shown).
    #[schema(example = "oapi.dingtalk.com …9f3a")]
    pub url_hint: String,
    pub has_secret: bool,
    pub language: Language,
    pub kinds: Vec<NoticeKind>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

fn hint(url: &str) -> String {
    let host = reqwest::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_owned)).unwrap_or_default();
    let tail: String = url.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
    format!("{host} …{tail}")
}

fn view(r: RobotRow) -> RobotView {
    RobotView {
        id: r.id,
        name: r.name,
        platform: r.platform,
        url_hint: hint(&r.url),
        has_secret: r.secret.is_some(),
        language: r.language.parse().unwrap_or(Language::ZhCn),
        kinds: serde_json::from_str(&r.kinds).unwrap_or_default(),
        active: r.active,
        version: r.version,
        created_at: r.created_at.and_utc(),
    }
}

/// A robot's settings. On a change, an absent `url` or `secret` keeps the
/// one stored, and an empty `secret` removes it.
pub struct RobotInput {
    pub name: String,
    pub platform: RobotPlatform,
    pub url: Option<String>,
    pub secret: Option<String>,
    pub language: Language,
    pub kinds: Vec<NoticeKind>,
    pub active: bool,
}

async fn check_url(state: &AppState, url: Option<&str>) -> ApiResult<()> {
    let Some(url) = url else { return Ok(()) };
    if url.len() > 2000 {
        return Err(ApiError::field("url", FieldCode::TooLong, "at most 2000 characters"));
    }
    crate::net::check_target(url, &state.settings.webhook_networks).await.map_err(|e| ApiError::validation(vec![e]))
}

fn check_name(name: &str) -> ApiResult<String> {
    let name = name.trim();
    match name.chars().count() {
        0 => Err(ApiError::field("name", FieldCode::Required, "the robot's name, e.g. the group it posts to")),
        n if n > 100 => Err(ApiError::field("name", FieldCode::TooLong, "at most 100 characters")),
        _ => Ok(name.to_owned()),
    }
}

fn kinds_text(kinds: &[NoticeKind]) -> ApiResult<String> {
    serde_json::to_string(&channel::normalized(kinds)).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Add a robot (admin), once its address is one robots may reach.
pub async fn create(state: &AppState, ctx: Ctx, input: RobotInput) -> ApiResult<RobotView> {
    ctx.caller.require(Role::Admin)?;
    let url = input.url.clone().ok_or_else(|| ApiError::field("url", FieldCode::Required, "the robot's webhook address"))?;
    check_url(state, Some(&url)).await?;
    state
        .write(ctx, move |tx: &mut Tx, ctx: &Ctx| {
            ctx.caller.require(Role::Admin)?;
            let (name, kinds) = (check_name(&input.name)?, kinds_text(&input.kinds)?);
            let fields = RobotFields {
                name: &name,
                platform: input.platform,
                url: &url,
                secret: input.secret.as_deref().filter(|s| !s.is_empty()),
                language: input.language.as_str(),
                kinds: &kinds,
                active: input.active,
            };
            let r = store::insert(tx, ctx.org(), &fields, ctx.now)?;
            ctx.audit(tx, "robot.create", "robot", r.id, serde_json::json!({"name": r.name, "platform": r.platform, "kinds": kinds}))?;
            Ok(view(r))
        })
        .await
}

/// Change a robot (admin) at the version read.
pub async fn update(state: &AppState, ctx: Ctx, (id, version, input): (i64, i64, RobotInput)) -> ApiResult<RobotView> {
    ctx.caller.require(Role::Admin)?;
    check_url(state, input.url.as_deref()).await?;
    state
        .write(ctx, move |tx: &mut Tx, ctx: &Ctx| {
            ctx.caller.require(Role::Admin)?;
            let old = store::get(tx, ctx.org(), id)?.ok_or(ApiError::NotFound)?;
            let (name, kinds) = (check_name(&input.name)?, kinds_text(&input.kinds)?);
            let secret = match input.secret.as_deref() {
                None => old.secret.as_deref(),
                Some("") => None,
                Some(s) => Some(s),
            };
            let fields = RobotFields {
                name: &name,
                platform: input.platform,
                url: input.url.as_deref().unwrap_or(&old.url),
                secret,
                language: input.language.as_str(),
                kinds: &kinds,
                active: input.active,
            };
            let r = store::update(tx, id, version, &fields, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
            ctx.audit(tx, "robot.update", "robot", id, serde_json::json!({"name": r.name, "active": r.active, "kinds": kinds}))?;
            Ok(view(r))
        })
        .await
}

/// The company's robots (admin).
pub fn list(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<RobotView>> {
    ctx.caller.require(Role::Admin)?;
    Ok(store::list(conn, ctx.org())?.into_iter().map(view).collect())
}

#[derive(Serialize, ToSchema)]
pub struct RobotPostView {
    pub id: i64,
    pub kind: NoticeKind,
    pub complaint_id: Option<i64>,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A robot's latest 100 posts, newest first (admin).
pub fn posts(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<Vec<RobotPostView>> {
    ctx.caller.require(Role::Admin)?;
    store::get(conn, ctx.org(), id)?.ok_or(ApiError::NotFound)?;
    Ok(store::deliveries(conn, id, 100)?
        .into_iter()
        .map(|d| RobotPostView {
            id: d.id,
            kind: d.kind,
            complaint_id: d.complaint_id,
            status: d.status,
            attempts: d.attempts,
            last_status_code: d.last_status_code,
            last_error: d.last_error,
            sent_at: d.sent_at.map(|t| t.and_utc()),
            created_at: d.created_at.and_utc(),
        })
        .collect())
}
