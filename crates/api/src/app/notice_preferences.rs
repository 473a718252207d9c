//! Each person's notice preferences — the language of what is sent to them,
//! the kinds they also want by e-mail — and the log of what was sent.

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, Utc};
use kehu_domain::channel::{self, Language, NoticeChannel};
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::notice::NoticeKind;
use kehu_persistence::notice_channels as store;
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct NoticePreferencesView {
    pub language: Language,
    /// Kinds sent by e-mail as they happen (besides the bell).
    pub email_kinds: Vec<NoticeKind>,
    /// Where e-mail goes: the address on the caller's account.
    pub email_address: Option<String>,
    /// Whether this installation sends e-mail at all (a relay is configured).
    pub email_available: bool,
    /// 0 until first saved.
    pub version: i64,
}

fn view(conn: &mut DbConn, ctx: &Ctx, row: Option<store::PreferencesRow>, email_available: bool) -> ApiResult<NoticePreferencesView> {
    let user = people::user(conn, ctx.user())?;
    let (language, kinds, version) = match row {
        Some(r) => (r.language.parse().unwrap_or(Language::ZhCn), serde_json::from_str::<Vec<NoticeKind>>(&r.email_kinds).unwrap_or_default(), r.version),
        None => (Language::ZhCn, Vec::new(), 0),
    };
    Ok(NoticePreferencesView { language, email_kinds: kinds, email_address: user.email.filter(|e| !e.is_empty()), email_available, version })
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, email_available: bool) -> ApiResult<NoticePreferencesView> {
    let row = store::preferences(conn, ctx.user())?;
    view(conn, ctx, row, email_available)
}

pub struct SavePreferences {
    pub version: i64,
    pub language: Language,
    pub email_kinds: Vec<NoticeKind>,
}

/// Saves the caller's preferences at the version read.
pub fn save(tx: &mut Tx, ctx: &Ctx, cmd: SavePreferences, email_available: bool) -> ApiResult<NoticePreferencesView> {
    let kinds = channel::normalized(&cmd.email_kinds);
    let stored = serde_json::to_string(&kinds).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row = store::save_preferences(tx, ctx.user(), cmd.version, cmd.language.as_str(), &stored, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "notice_preferences.save", "user", ctx.user(), serde_json::json!({"language": cmd.language, "email_kinds": kinds}))?;
    view(tx, ctx, Some(row), email_available)
}

/// One e-mail (or other channel's message) of the caller's.
#[derive(Serialize, ToSchema)]
pub struct NoticeDeliveryView {
    pub id: i64,
    pub notification_id: i64,
    pub kind: NoticeKind,
    pub channel: NoticeChannel,
    pub address: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// The caller's latest 100 deliveries, newest first.
pub fn deliveries(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<NoticeDeliveryView>> {
    Ok(store::deliveries_of(conn, ctx.user(), 100)?
        .into_iter()
        .map(|d| NoticeDeliveryView {
            id: d.id,
            notification_id: d.notification_id,
            kind: d.kind,
            channel: d.channel.parse().unwrap_or(NoticeChannel::Email),
            address: d.address,
            status: d.status,
            attempts: d.attempts,
            last_error: d.last_error,
            sent_at: d.sent_at.map(|t| t.and_utc()),
            created_at: d.created_at.and_utc(),
        })
        .collect())
}
