//! Each person's notice preferences — the language of what is sent to them,
//! the kinds they also want by e-mail as they happen or gathered into a
//! daily digest — and the log of what was sent.

use crate::app::{Ctx, Tx};
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult};
use chrono::{DateTime, Utc};
use kehu_domain::channel::{self, Language, NoticeChannel};
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::notice::NoticeKind;
use kehu_persistence::notice_channels::{self as store, SavedPreferences};
use kehu_persistence::notice_digests;
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct NoticePreferencesView {
    pub language: Language,
    /// Kinds sent by e-mail as they happen (besides the bell).
    pub email_kinds: Vec<NoticeKind>,
    /// Kinds gathered into one e-mail a day (none of `email_kinds`).
    pub digest_kinds: Vec<NoticeKind>,
    /// The hour of the organisation's day the digest is sent at (0–23).
    pub digest_hour: u8,
    /// Where e-mail goes: the address on the caller's account.
    pub email_address: Option<String>,
    /// Whether this installation sends e-mail at all (a relay is configured).
    pub email_available: bool,
    /// 0 until first saved.
    pub version: i64,
}

fn view(conn: &mut DbConn, ctx: &Ctx, row: Option<store::PreferencesRow>, email_available: bool) -> ApiResult<NoticePreferencesView> {
    let user = people::user(conn, ctx.user())?;
    let kinds = store::stored_kinds;
    let (language, email_kinds, digest_kinds, digest_hour, version) = match row {
        Some(r) => {
            (r.language.parse().unwrap_or(Language::ZhCn), kinds(&r.email_kinds), kinds(&r.digest_kinds), u8::try_from(r.digest_hour).unwrap_or(8), r.version)
        }
        None => (Language::ZhCn, Vec::new(), Vec::new(), 8, 0),
    };
    Ok(NoticePreferencesView {
        language,
        email_kinds,
        digest_kinds,
        digest_hour,
        email_address: user.email.filter(|e| !e.is_empty()),
        email_available,
        version,
    })
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, email_available: bool) -> ApiResult<NoticePreferencesView> {
    let row = store::preferences(conn, ctx.user())?;
    view(conn, ctx, row, email_available)
}

pub struct SavePreferences {
    pub version: i64,
    pub language: Language,
    pub email_kinds: Vec<NoticeKind>,
    pub digest_kinds: Vec<NoticeKind>,
    pub digest_hour: u8,
}

/// Saves the caller's preferences at the version read; a kind goes either
/// as it happens or in the digest.
pub fn save(tx: &mut Tx, ctx: &Ctx, cmd: SavePreferences, email_available: bool) -> ApiResult<NoticePreferencesView> {
    if let Some(i) = channel::both_ways(&cmd.email_kinds, &cmd.digest_kinds) {
        return Err(ApiError::field(&format!("digest_kinds[{i}]"), FieldCode::Duplicate, "this kind is already sent by e-mail as it happens"));
    }
    let (email, digest) = (channel::normalized(&cmd.email_kinds), channel::normalized(&cmd.digest_kinds));
    let json = |kinds: &[NoticeKind]| serde_json::to_string(kinds).map_err(|e| ApiError::Internal(e.to_string()));
    let (email_json, digest_json) = (json(&email)?, json(&digest)?);
    let saved =
        SavedPreferences { language: cmd.language.as_str(), email_kinds: &email_json, digest_kinds: &digest_json, digest_hour: i32::from(cmd.digest_hour) };
    let row = store::save_preferences(tx, ctx.user(), cmd.version, &saved, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let detail = serde_json::json!({"language": cmd.language, "email_kinds": email, "digest_kinds": digest, "digest_hour": cmd.digest_hour});
    ctx.audit(tx, "notice_preferences.save", "user", ctx.user(), detail)?;
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

/// One daily digest sent (or being sent) to the caller.
#[derive(Serialize, ToSchema)]
pub struct NoticeDigestView {
    pub id: i64,
    /// The notices stored after this…
    pub covers_from: DateTime<Utc>,
    /// …up to this.
    pub covers_until: DateTime<Utc>,
    pub item_count: i32,
    pub address: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// The caller's latest 30 digests, newest first.
pub fn digests(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<NoticeDigestView>> {
    Ok(notice_digests::digests_of(conn, ctx.user(), 30)?
        .into_iter()
        .map(|d| NoticeDigestView {
            id: d.id,
            covers_from: d.covers_from.and_utc(),
            covers_until: d.covers_until.and_utc(),
            item_count: d.item_count,
            address: d.address,
            status: d.status,
            attempts: d.attempts,
            last_error: d.last_error,
            sent_at: d.sent_at.map(|t| t.and_utc()),
        })
        .collect())
}

/// Preferences for `seed-demo`: the salesperson e-mailed the customer
/// contacts that fall to him as they happen; the coordinator gathers the
/// reminders into a digest at 08:00 and takes major alerts at once. Their
/// demo addresses are in the reserved `.example` domain.
pub fn demo(c: &mut DbConn) -> ApiResult<()> {
    use kehu_persistence::people::UserChanges;
    let chosen = [
        ("sales", vec![NoticeKind::CloseConfirmationDue, NoticeKind::FirstReplyLate, NoticeKind::CloseConfirmationLate], vec![]),
        (
            "coordinator",
            vec![NoticeKind::MajorAlert, NoticeKind::CloseNotConfirmed],
            vec![NoticeKind::Reminder, NoticeKind::CaseReminder, NoticeKind::ContainmentReminder, NoticeKind::LateInquiry, NoticeKind::LateInquiryAnswered],
        ),
    ];
    for (username, email_kinds, digest_kinds) in chosen {
        let caller = crate::app::seed::caller_for(c, username)?;
        let user = people::user(c, caller.user_id)?;
        if user.email.as_deref().is_none_or(str::is_empty) {
            let changes = UserChanges { email: Some(Some(format!("{username}@factory.example"))), ..UserChanges::default() };
            people::update_user(c, user.id, user.version, &changes, chrono::Utc::now().naive_utc())?;
        }
        let ctx = Ctx::internal(caller);
        if store::preferences(c, ctx.user())?.is_none() {
            let cmd = SavePreferences { version: 0, language: Language::ZhCn, email_kinds, digest_kinds, digest_hour: 8 };
            save(&mut Tx::new(c), &ctx, cmd, false)?;
        }
    }
    Ok(())
}
