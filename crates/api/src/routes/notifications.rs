//! In-app notifications of the caller.

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::cursor;
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_persistence::events;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    pub id: i64,
    /// `task` (a case waits for you), `reminder` (催办单), `major_alert` (重大投诉).
    #[schema(example = "task")]
    pub kind: String,
    pub complaint_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationPage {
    pub items: Vec<NotificationView>,
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UnreadCount {
    pub count: i64,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationQuery {
    pub unread: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

/// My notifications, newest first.
#[utoipa::path(tag = "notifications", operation_id = "listMyNotifications", security(("bearer" = [])), params(NotificationQuery), responses((status = 200, body = NotificationPage)))]
#[get("/me/notifications")]
pub async fn list(state: web::Data<AppState>, caller: Caller, q: web::Query<NotificationQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let before: Option<i64> = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let page = state
        .db(move |c| {
            let rows = events::notifications_page(c, caller.user_id, q.unread.unwrap_or(false), before, limit + 1)?;
            let more = rows.len() as i64 > limit;
            let items: Vec<NotificationView> = rows
                .into_iter()
                .take(limit as usize)
                .map(|n| NotificationView {
                    id: n.id,
                    kind: n.kind,
                    complaint_id: n.complaint_id,
                    title: n.title,
                    body: n.body,
                    created_at: n.created_at.and_utc(),
                    read_at: n.read_at.map(|t| t.and_utc()),
                })
                .collect();
            let next_cursor = if more { items.last().map(|n| cursor::encode(&n.id)) } else { None };
            Ok(NotificationPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// How many of my notifications are unread.
#[utoipa::path(tag = "notifications", operation_id = "countMyUnreadNotifications", security(("bearer" = [])), responses((status = 200, body = UnreadCount)))]
#[get("/me/notifications/unread-count")]
pub async fn unread_count(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let count = state.db(move |c| Ok(events::unread_count(c, caller.user_id)?)).await?;
    Ok(HttpResponse::Ok().json(UnreadCount { count }))
}

/// Mark one notification read.
#[utoipa::path(tag = "notifications", operation_id = "markNotificationRead", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 204, description = "Read"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[post("/me/notifications/{id}/read")]
pub async fn mark_read(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    state
        .db(move |c| {
            if !events::notification_exists(c, caller.user_id, id)? {
                return Err(ApiError::NotFound);
            }
            events::mark_read(c, caller.user_id, Some(id), Utc::now().naive_utc())?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all my notifications read.
#[utoipa::path(tag = "notifications", operation_id = "markAllNotificationsRead", security(("bearer" = [])), responses((status = 204, description = "Read")))]
#[post("/me/notifications/read-all")]
pub async fn mark_all_read(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    state.db(move |c| Ok(events::mark_read(c, caller.user_id, None, Utc::now().naive_utc())?)).await?;
    Ok(HttpResponse::NoContent().finish())
}
