//! In-app notifications of the caller.

use crate::app::notifications::{self as notices, NotificationPage, PageQuery, UnreadCount};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::cursor;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    pub unread: Option<bool>,
    /// Of these kinds only: comma-separated notice kinds (`reminder,late_inquiry`).
    #[param(example = "reminder,late_inquiry")]
    pub kind: Option<String>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// My notifications, newest first, worded in the request's language.
#[utoipa::path(tag = "notifications", operation_id = "listMyNotifications", security(("bearer" = [])), params(NotificationQuery), responses((status = 200, body = NotificationPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/me/notifications")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<NotificationQuery>) -> ApiResult<HttpResponse> {
    let kinds = notices::parse_kinds(q.kind.as_deref())?;
    let q =
        PageQuery { unread: q.unread.unwrap_or(false), kinds, before: q.cursor.as_deref().map(cursor::decode).transpose()?, limit: cursor::limit(q.limit)? };
    let page: NotificationPage = state.read(ctx, move |c, ctx| notices::page(c, ctx, q)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// How many of my notifications are unread.
#[utoipa::path(tag = "notifications", operation_id = "countMyUnreadNotifications", security(("bearer" = [])), responses((status = 200, body = UnreadCount)))]
#[get("/me/notifications/unread-count")]
pub async fn unread_count(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let count: UnreadCount = state.read(ctx, notices::unread_count).await?;
    Ok(HttpResponse::Ok().json(count))
}

/// Mark one notification read.
#[utoipa::path(tag = "notifications", operation_id = "markNotificationRead", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 204, description = "Read"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[post("/me/notifications/{id}/read")]
pub async fn mark_read(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state.write(ctx, move |tx, ctx| notices::mark_read(tx, ctx, Some(id))).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all my notifications read.
#[utoipa::path(tag = "notifications", operation_id = "markAllNotificationsRead", security(("bearer" = [])), responses((status = 204, description = "Read")))]
#[post("/me/notifications/read-all")]
pub async fn mark_all_read(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    state.write(ctx, |tx, ctx| notices::mark_read(tx, ctx, None)).await?;
    Ok(HttpResponse::NoContent().finish())
}
