//! The caller's notice preferences and the log of what was sent to them.

use crate::app::notice_preferences::{self as prefs, NoticeDeliveryView, NoticeDigestView, NoticePreferencesView, SavePreferences};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use kehu_domain::channel::Language;
use kehu_domain::notice::NoticeKind;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NoticePreferencesBody {
    pub language: Language,
    /// Kinds also sent by e-mail as they happen; each at most once.
    #[schema(max_items = 100)]
    pub email_kinds: Vec<NoticeKind>,
    /// Kinds gathered into one e-mail a day instead (none of `email_kinds`).
    #[serde(default)]
    #[schema(max_items = 100)]
    pub digest_kinds: Vec<NoticeKind>,
    /// The hour of the organisation's day the digest is sent at (8 when left out).
    #[serde(default = "default_digest_hour")]
    #[schema(minimum = 0, maximum = 23, default = 8)]
    #[validate(range(max = 23, code = "out_of_range"))]
    pub digest_hour: u8,
}

fn default_digest_hour() -> u8 {
    8
}

#[derive(Serialize, ToSchema)]
pub struct NoticeDigestPage {
    pub items: Vec<NoticeDigestView>,
}

#[derive(Serialize, ToSchema)]
pub struct NoticeDeliveryPage {
    pub items: Vec<NoticeDeliveryView>,
}

/// My notice preferences: language, and the kinds also sent by e-mail.
#[utoipa::path(tag = "notifications", operation_id = "getMyNoticePreferences", security(("bearer" = [])),
    responses((status = 200, body = NoticePreferencesView, headers(("ETag" = String)))))]
#[get("/me/notice-preferences")]
pub async fn get_preferences(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let available = state.settings.smtp.is_some();
    let v = state.read(ctx, move |c, ctx| prefs::get(c, ctx, available)).await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Replace my notice preferences, at the version read (`"0"` before the first save).
#[utoipa::path(tag = "notifications", operation_id = "putMyNoticePreferences", security(("bearer" = [])), request_body = NoticePreferencesBody,
    params(("If-Match" = String, Header)),
    responses((status = 200, body = NoticePreferencesView, headers(("ETag" = String))), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/me/notice-preferences")]
pub async fn put_preferences(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<NoticePreferencesBody>) -> ApiResult<HttpResponse> {
    let available = state.settings.smtp.is_some();
    let b = body.0.validated()?;
    let cmd =
        SavePreferences { version: version.0, language: b.language, email_kinds: b.email_kinds, digest_kinds: b.digest_kinds, digest_hour: b.digest_hour };
    let v = state.write(ctx, move |tx, ctx| prefs::save(tx, ctx, cmd, available)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// What was sent to me beyond the bell, newest first (the latest 100).
#[utoipa::path(tag = "notifications", operation_id = "listMyNoticeDeliveries", security(("bearer" = [])), responses((status = 200, body = NoticeDeliveryPage)))]
#[get("/me/notice-deliveries")]
pub async fn deliveries(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let items = state.read(ctx, prefs::deliveries).await?;
    Ok(HttpResponse::Ok().json(NoticeDeliveryPage { items }))
}

/// My daily digests, newest first (the latest 30).
#[utoipa::path(tag = "notifications", operation_id = "listMyNoticeDigests", security(("bearer" = [])), responses((status = 200, body = NoticeDigestPage)))]
#[get("/me/notice-digests")]
pub async fn digests(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let items = state.read(ctx, prefs::digests).await?;
    Ok(HttpResponse::Ok().json(NoticeDigestPage { items }))
}
