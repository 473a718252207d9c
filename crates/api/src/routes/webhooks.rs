//! Webhooks (admin): where the outbox's domain events are delivered, signed
//! with HMAC-SHA256, retried with backoff, each attempt kept in a log.

use crate::auth::Caller;
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::body::Json;
use crate::http::{cursor, etag};
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_domain::Role;
use kehu_persistence::webhooks::{self, Delivery, NewWebhook, Webhook};
use kehu_persistence::write_tx;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWebhookRequest {
    /// Where to POST the events: `http://` or `https://`.
    #[schema(min_length = 8, max_length = 2000, example = "https://erp.example.com/hooks/kehu")]
    pub url: String,
    /// Event types to send (`complaint.state_changed`, …), or `["*"]` for all (the default).
    #[schema(example = json!(["complaint.submitted", "complaint.state_changed"]))]
    pub event_types: Option<Vec<String>>,
    #[schema(max_length = 200)]
    pub description: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    /// Off: no new deliveries (pending ones still go out).
    pub active: bool,
}

#[derive(Serialize, ToSchema)]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
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
    pub event_type: String,
    /// `pending` (waiting for its next try), `delivered` or `failed` (given up).
    pub status: String,
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
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

fn delivery_view((d, event_type): (Delivery, String)) -> DeliveryView {
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

fn validate(b: &NewWebhookRequest) -> ApiResult<String> {
    let mut errors = Vec::new();
    let url_ok = (b.url.starts_with("http://") || b.url.starts_with("https://")) && b.url.len() <= 2000 && !b.url.chars().any(char::is_whitespace);
    if !url_ok {
        errors.push(FieldError { field: "url".into(), code: FieldCode::Invalid, message: "an http:// or https:// address".into() });
    }
    let types = b.event_types.clone().unwrap_or_else(|| vec!["*".into()]);
    let type_ok = |t: &String| t == "*" || (t.len() <= 100 && t.contains('.') && t.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'));
    if types.is_empty() || !types.iter().all(type_ok) {
        errors.push(FieldError { field: "event_types".into(), code: FieldCode::Invalid, message: "event types like complaint.state_changed, or *".into() });
    }
    if b.description.as_ref().is_some_and(|d| d.chars().count() > 200) {
        errors.push(FieldError { field: "description".into(), code: FieldCode::TooLong, message: "at most 200 characters".into() });
    }
    if errors.is_empty() {
        Ok(types.join(","))
    } else {
        Err(ApiError::validation(errors))
    }
}

/// Register a webhook (admin). The answer shows the signing secret once.
#[utoipa::path(tag = "webhooks", operation_id = "createWebhook", security(("bearer" = [])), request_body = NewWebhookRequest,
    responses((status = 201, body = CreatedWebhook), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/webhooks")]
pub async fn create(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<NewWebhookRequest>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let b = body.0;
    let types = validate(&b)?;
    let secret = crate::auth::api_key::generate().1;
    let rid = audit::request_id(&req);
    let created = state
        .db(move |c| {
            write_tx(c, |c| {
                let now = Utc::now().naive_utc();
                let w = webhooks::insert(
                    c,
                    &NewWebhook {
                        org_id: caller.org_id,
                        url: &b.url,
                        secret: &secret,
                        event_types: &types,
                        description: b.description.as_deref(),
                        created_by: Some(caller.user_id),
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                audit::write(c, &caller, "webhook.create", "webhook", w.id, &rid, serde_json::json!({"url": w.url, "event_types": w.event_types}))?;
                Ok(CreatedWebhook { secret: w.secret.clone(), info: view(w) })
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(created))
}

/// The company's webhooks (admin); secrets are never shown again.
#[utoipa::path(tag = "webhooks", operation_id = "listWebhooks", security(("bearer" = [])),
    responses((status = 200, body = Vec<WebhookView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/webhooks")]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let items = state.db(move |c| Ok(webhooks::list(c, caller.org_id)?.into_iter().map(view).collect::<Vec<_>>())).await?;
    Ok(HttpResponse::Ok().json(items))
}

/// Switch a webhook on or off (admin). Needs `If-Match`.
#[utoipa::path(tag = "webhooks", operation_id = "updateWebhook", security(("bearer" = [])), request_body = WebhookPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = WebhookView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/webhooks/{id}")]
pub async fn update(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<WebhookPatch>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let (id, active) = (id.into_inner(), body.0.active);
    let rid = audit::request_id(&req);
    let w = state
        .db(move |c| {
            write_tx(c, |c| {
                webhooks::get(c, caller.org_id, id)?;
                let w = webhooks::set_active(c, id, version, active, Utc::now().naive_utc())?.ok_or(ApiError::PreconditionFailed)?;
                audit::write(c, &caller, "webhook.update", "webhook", id, &rid, serde_json::json!({"active": active}))?;
                Ok(view(w))
            })
        })
        .await?;
    let v = w.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &w))
}

/// A webhook's delivery log, newest first (admin).
#[utoipa::path(tag = "webhooks", operation_id = "listWebhookDeliveries", security(("bearer" = [])), params(("id" = i64, Path), DeliveryQuery),
    responses((status = 200, body = DeliveryPage), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/webhooks/{id}/deliveries")]
pub async fn deliveries(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>, q: web::Query<DeliveryQuery>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let id = id.into_inner();
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let before: Option<i64> = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let page = state
        .db(move |c| {
            webhooks::get(c, caller.org_id, id)?;
            let rows = webhooks::deliveries(c, id, before, limit + 1)?;
            let more = rows.len() as i64 > limit;
            let items: Vec<DeliveryView> = rows.into_iter().take(limit as usize).map(delivery_view).collect();
            let next_cursor = if more { items.last().map(|d| cursor::encode(&d.id)) } else { None };
            Ok(DeliveryPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}
