//! Webhooks (admin): where the outbox's domain events are delivered, signed
//! with HMAC-SHA256, retried with backoff, each attempt kept in a log.

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use crate::http::cursor;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use kehu_domain::delivery::DeliveryStatus;
use kehu_domain::events::EventType;
use kehu_domain::Role;
use kehu_persistence::webhooks::{self, Delivery, NewWebhook, Webhook};
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
    /// Event types the hook takes, or `["*"]` for all.
    pub event_types: Vec<String>,
    pub description: Option<String>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub info: WebhookView,
    /// The signing secret, shown this once. Each delivery carries
    /// `Kehu-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
    pub secret: String,
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryView {
    pub id: i64,
    /// The outbox event: also the `Kehu-Event-Id` header, for receivers to drop repeats.
    pub event_id: i64,
    pub event_type: EventType,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_status_code: Option<i32>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct DeliveryPage {
    pub items: Vec<DeliveryView>,
    pub next_cursor: Option<String>,
}

fn view(w: Webhook) -> WebhookView {
    WebhookView {
        id: w.id,
        url: w.url,
        event_types: w.event_types.split(',').map(str::to_owned).collect(),
        description: w.description,
        active: w.active,
        version: w.version,
        created_at: w.created_at.and_utc(),
    }
}

fn delivery_view((d, event_type): (Delivery, EventType)) -> DeliveryView {
    DeliveryView {
        id: d.id,
        event_id: d.outbox_id,
        event_type,
        status: d.status,
        attempts: d.attempts,
        next_attempt_at: d.next_attempt_at.and_utc(),
        last_status_code: d.last_status_code,
        last_error: d.last_error,
        created_at: d.created_at.and_utc(),
        delivered_at: d.delivered_at.map(|t| t.and_utc()),
    }
}

/// A hook to register: its address, the event types it takes (checked),
/// a note.
pub struct NewHook {
    pub url: String,
    pub event_types: Vec<String>,
    pub description: Option<String>,
}

/// Register a webhook (admin), once its address is one webhooks may reach.
pub async fn register(state: &AppState, ctx: Ctx, h: NewHook) -> ApiResult<CreatedWebhook> {
    ctx.caller.require(Role::Admin)?;
    crate::net::check_target(&h.url, &state.settings.webhook_networks).await.map_err(|e| ApiError::validation(vec![e]))?;
    state.write(ctx, move |tx, ctx| create(tx, ctx, h)).await
}

/// Register a webhook (admin). The answer shows the signing secret once.
pub fn create(tx: &mut Tx, ctx: &Ctx, h: NewHook) -> ApiResult<CreatedWebhook> {
    ctx.caller.require(Role::Admin)?;
    let secret = crate::auth::api_key::generate().1;
    let new = NewWebhook {
        org_id: ctx.org(),
        url: &h.url,
        secret: &secret,
        event_types: &h.event_types.join(","),
        description: h.description.as_deref(),
        created_by: Some(ctx.user()),
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let w = webhooks::insert(tx, &new)?;
    ctx.audit(tx, "webhook.create", "webhook", w.id, serde_json::json!({"url": w.url, "event_types": w.event_types}))?;
    Ok(CreatedWebhook { secret: w.secret.clone(), info: view(w) })
}

/// The company's webhooks (admin); secrets are never shown again.
pub fn list(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<WebhookView>> {
    ctx.caller.require(Role::Admin)?;
    Ok(webhooks::list(conn, ctx.org())?.into_iter().map(view).collect())
}

/// Switch a webhook on or off (admin), if it is still at `version`.
pub fn set_active(tx: &mut Tx, ctx: &Ctx, (id, version, active): (i64, i64, bool)) -> ApiResult<WebhookView> {
    ctx.caller.require(Role::Admin)?;
    webhooks::get(tx, ctx.org(), id)?;
    let w = webhooks::set_active(tx, id, version, active, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "webhook.update", "webhook", id, serde_json::json!({"active": active}))?;
    Ok(view(w))
}

/// A webhook's delivery log, newest first (admin).
pub fn deliveries(conn: &mut DbConn, ctx: &Ctx, (id, before, limit): (i64, Option<i64>, i64)) -> ApiResult<DeliveryPage> {
    ctx.caller.require(Role::Admin)?;
    webhooks::get(conn, ctx.org(), id)?;
    let rows = webhooks::deliveries(conn, id, before, limit + 1)?;
    let more = rows.len() as i64 > limit;
    let items: Vec<DeliveryView> = rows.into_iter().take(limit as usize).map(delivery_view).collect();
    let next_cursor = if more { items.last().map(|d| cursor::encode(&d.id)) } else { None };
    Ok(DeliveryPage { items, next_cursor })
}
