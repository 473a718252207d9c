//! The caller's notifications, worded in the caller's language.

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use crate::http::cursor;
use chrono::{DateTime, Utc};
use kehu_domain::notice::NoticeKind;
use kehu_persistence::events::{self, NotificationRow};
use kehu_persistence::DbConn;
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct NotificationView {
    pub id: i64,
    pub kind: NoticeKind,
    pub complaint_id: Option<i64>,
    /// The values the text names, by name (e.g. `number`, `state`, `customer`,
    /// `customer_id`); the SPA words them from its catalogs (`notices.<kind>`).
    #[schema(example = json!({"number": "KS-2026-0001", "state": "qa_investigation"}))]
    pub params: BTreeMap<String, String>,
    /// The title in the request's language (`Accept-Language`), for clients
    /// without the catalogs.
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

pub struct PageQuery {
    pub unread: bool,
    /// Of these kinds only, unless empty.
    pub kinds: Vec<NoticeKind>,
    pub before: Option<i64>,
    pub limit: i64,
}

fn view(ctx: &Ctx, n: NotificationRow) -> ApiResult<NotificationView> {
    let params: BTreeMap<String, String> =
        serde_json::from_str(&n.params).map_err(|e| ApiError::Internal(format!("notification {} has bad params: {e}", n.id)))?;
    // Notices stored before they were data keep their stored words.
    let (title, body) = if params.is_empty() && !n.title.is_empty() { (n.title, n.body) } else { ctx.lang.notice(n.kind, &params) };
    Ok(NotificationView {
        id: n.id,
        kind: n.kind,
        complaint_id: n.complaint_id,
        params,
        title,
        body,
        created_at: n.created_at.and_utc(),
        read_at: n.read_at.map(|t| t.and_utc()),
    })
}

/// My notifications, newest first.
pub fn page(conn: &mut DbConn, ctx: &Ctx, q: PageQuery) -> ApiResult<NotificationPage> {
    let rows = events::notifications_page(conn, ctx.user(), q.unread, &q.kinds, q.before, q.limit + 1)?;
    let more = rows.len() as i64 > q.limit;
    let items = rows.into_iter().take(q.limit as usize).map(|n| view(ctx, n)).collect::<ApiResult<Vec<_>>>()?;
    let next_cursor = if more { items.last().map(|n| cursor::encode(&n.id)) } else { None };
    Ok(NotificationPage { items, next_cursor })
}

/// `kind`: comma-separated notice kinds.
pub fn parse_kinds(kind: Option<&str>) -> ApiResult<Vec<NoticeKind>> {
    let Some(kind) = kind.filter(|k| !k.trim().is_empty()) else {
        return Ok(Vec::new());
    };
    kind.split(',')
        .map(|k| k.trim().parse::<NoticeKind>().map_err(|_| ApiError::field("kind", FieldCode::UnknownValue, "notice kinds, comma-separated")))
        .collect()
}

pub fn unread_count(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<UnreadCount> {
    Ok(UnreadCount { count: events::unread_count(conn, ctx.user())? })
}

/// Marks one of my notifications read (`Some(id)`), or all of them.
pub fn mark_read(tx: &mut Tx, ctx: &Ctx, id: Option<i64>) -> ApiResult<()> {
    if let Some(id) = id {
        if !events::notification_exists(tx, ctx.user(), id)? {
            return Err(ApiError::NotFound);
        }
    }
    events::mark_read(tx, ctx.user(), id, ctx.now)?;
    Ok(())
}
