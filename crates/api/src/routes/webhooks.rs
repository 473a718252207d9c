//! Webhooks (admin): where the outbox's domain events are delivered, signed
//! with HMAC-SHA256, retried with backoff, each attempt kept in a log.

use crate::app::webhooks::{self as hooks, CreatedWebhook, DeliveryPage, NewHook, WebhookView};
use crate::app::Ctx;
use crate::error::{broken_rules, ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpResponse};
use kehu_domain::delivery::valid_subscription;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewWebhookRequest {
    /// Where to POST the events: `http://` or `https://`.
    #[schema(min_length = 8, max_length = 2000, example = "https://erp.example.com/hooks/kehu")]
    #[validate(length(max = 2000, code = "invalid", message = "an http:// or https:// address"))]
    pub url: String,
    /// Event types to send (`complaint.state_changed`, …), or `["*"]` for all (the default).
    #[schema(example = json!(["complaint.submitted", "complaint.state_changed"]))]
    pub event_types: Option<Vec<String>>,
    #[schema(max_length = 200)]
    #[validate(length(max = 200, code = "too_long", message = "at most 200 characters"))]
    pub description: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookPatch {
    /// Off: nothing more is sent; its pending deliveries wait until it is on again.
    pub active: bool,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DeliveryQuery {
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

fn new_hook(b: NewWebhookRequest) -> ApiResult<NewHook> {
    let mut errors = broken_rules(b.validate());
    let address = (b.url.starts_with("http://") || b.url.starts_with("https://")) && !b.url.chars().any(char::is_whitespace);
    if !address && !errors.iter().any(|e| e.field == "url") {
        errors.push(FieldError::new("url", FieldCode::Invalid, "an http:// or https:// address"));
    }
    let event_types = b.event_types.unwrap_or_else(|| vec!["*".into()]);
    if !valid_subscription(&event_types) {
        errors.push(FieldError::new("event_types", FieldCode::Invalid, "event types like complaint.state_changed, or *"));
    }
    ApiError::check(errors)?;
    Ok(NewHook { url: b.url, event_types, description: b.description })
}

/// Register a webhook (admin). The answer shows the signing secret once.
///
/// The address must resolve, from the server, only to addresses webhooks
/// may reach: never loopback, link-local, metadata or unspecified ones,
/// private ranges only when the configuration allows them.
#[utoipa::path(tag = "webhooks", operation_id = "createWebhook", security(("bearer" = [])), request_body = NewWebhookRequest,
    responses((status = 201, body = CreatedWebhook), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/webhooks")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<NewWebhookRequest>) -> ApiResult<HttpResponse> {
    let hook = new_hook(body.0)?;
    let created: CreatedWebhook = hooks::register(&state, ctx, hook).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The company's webhooks (admin); secrets are never shown again.
#[utoipa::path(tag = "webhooks", operation_id = "listWebhooks", security(("bearer" = [])),
    responses((status = 200, body = Vec<WebhookView>), (status = 403, body = Problem, content_type = "application/problem+json")))]
#[get("/webhooks")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let items: Vec<WebhookView> = state.read(ctx, hooks::list).await?;
    Ok(HttpResponse::Ok().json(items))
}

/// Switch a webhook on or off (admin). Needs `If-Match`.
#[utoipa::path(tag = "webhooks", operation_id = "updateWebhook", security(("bearer" = [])), request_body = WebhookPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = WebhookView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/webhooks/{id}")]
pub async fn update(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<WebhookPatch>) -> ApiResult<HttpResponse> {
    let cmd = (id.into_inner(), version.0, body.0.active);
    let w: WebhookView = state.write(ctx, move |tx, ctx| hooks::set_active(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), w.version, &w))
}

/// A webhook's delivery log, newest first (admin).
#[utoipa::path(tag = "webhooks", operation_id = "listWebhookDeliveries", security(("bearer" = [])), params(("id" = i64, Path), DeliveryQuery),
    responses((status = 200, body = DeliveryPage), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/webhooks/{id}/deliveries")]
pub async fn deliveries(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, q: web::Query<DeliveryQuery>) -> ApiResult<HttpResponse> {
    let cmd = (id.into_inner(), q.cursor.as_deref().map(cursor::decode).transpose()?, cursor::limit(q.limit)?);
    let page: DeliveryPage = state.read(ctx, move |c, ctx| hooks::deliveries(c, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(page))
}
