//! Complaint lists: the filtered list in keyset pages, the task inbox and a
//! case's history — each only what the caller may see.

use super::view::{self, ComplaintSummary};
use crate::app::Ctx;
use crate::error::ApiResult;
use crate::http::cursor;
use chrono::{DateTime, Utc};
use kehu_domain::permission;
use kehu_domain::workflow::EventAction;
use kehu_domain::{Role, State};
use kehu_persistence::complaint_lists::{self, ComplaintFilter, ComplaintScope, CursorValue, Sort, SortKey};
use kehu_persistence::{events, people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ComplaintPage {
    pub items: Vec<ComplaintSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct EventView {
    pub seq: i64,
    pub action: EventAction,
    pub from_state: Option<State>,
    pub to_state: State,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub actor_role: Option<Role>,
    pub at: DateTime<Utc>,
    /// What the actor wrote (the action's body).
    #[schema(value_type = Object)]
    pub body: serde_json::Value,
    /// Deadline of the step the case entered.
    pub step_due_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct EventPage {
    pub items: Vec<EventView>,
    pub next_cursor: Option<String>,
}

/// How many complaints a filtered list holds.
#[derive(Serialize, ToSchema)]
pub struct ComplaintCount {
    pub total: i64,
}

/// A page of the list: filter, order, where the last page ended, how many.
pub struct ListQuery {
    pub filter: ComplaintFilter,
    pub sort: Sort,
    pub after: Option<ListCursor>,
    pub limit: i64,
}

/// Where a page ended, as the opaque cursor carries it.
#[derive(Serialize, Deserialize)]
pub struct ListCursor {
    pub t: Option<DateTime<Utc>>,
    pub id: i64,
}

/// The complaint list's read rule for the caller, as a query filters on it.
pub(crate) fn scope(ctx: &Ctx) -> ComplaintScope {
    ComplaintScope { user_id: ctx.user(), department_id: ctx.caller.department_id, visibility: permission::list_visibility(&ctx.actor()) }
}

pub fn list(conn: &mut DbConn, ctx: &Ctx, q: ListQuery) -> ApiResult<ComplaintPage> {
    let after = q.after.map(|c| (c.t.map_or(CursorValue::Null, |t| CursorValue::Time(t.naive_utc())), c.id));
    let rows = complaint_lists::page(conn, ctx.org(), &scope(ctx), &q.filter, &q.sort, after, q.limit + 1)?;
    let more = rows.len() as i64 > q.limit;
    let rows: Vec<_> = rows.into_iter().take(q.limit as usize).collect();
    let next_cursor = if more {
        rows.last().map(|(r, _)| {
            let t = match q.sort.key {
                SortKey::CreatedAt => Some(r.created_at),
                SortKey::UpdatedAt => Some(r.updated_at),
                SortKey::StepDueAt => r.step_due_at,
            };
            cursor::encode(&ListCursor { t: t.map(|t| t.and_utc()), id: r.id })
        })
    } else {
        None
    };
    Ok(ComplaintPage { items: view::summaries(rows, ctx.now), next_cursor })
}

pub fn count(conn: &mut DbConn, ctx: &Ctx, filter: &ComplaintFilter) -> ApiResult<ComplaintCount> {
    Ok(ComplaintCount { total: complaint_lists::count(conn, ctx.org(), &scope(ctx), filter)? })
}

/// My tasks (待办): cases waiting for me or my role, soonest deadline first.
pub fn tasks(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<ComplaintSummary>> {
    let clauses = kehu_domain::inbox::clauses(&ctx.actor());
    Ok(view::summaries(complaint_lists::inbox(conn, ctx.org(), &scope(ctx), &clauses, 200)?, ctx.now))
}

/// The case history after `after_seq`: who did what, in which role, when.
pub fn history(conn: &mut DbConn, ctx: &Ctx, id: i64, after_seq: i64, limit: i64) -> ApiResult<EventPage> {
    super::visible(conn, ctx, id)?;
    let rows = events::events_of(conn, id, after_seq, limit + 1)?;
    let more = rows.len() as i64 > limit;
    let ids: Vec<i64> = rows.iter().filter_map(|e| e.actor_id).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let items: Vec<EventView> = rows
        .into_iter()
        .take(limit as usize)
        .map(|e| EventView {
            seq: e.seq,
            action: e.action,
            from_state: e.from_state,
            to_state: e.to_state,
            actor_name: e.actor_id.and_then(|a| names.get(&a).cloned()),
            actor_id: e.actor_id,
            actor_role: e.actor_role,
            at: e.at.and_utc(),
            body: serde_json::from_str(&e.body).unwrap_or_default(),
            step_due_at: e.step_due_at.map(|t| t.and_utc()),
        })
        .collect();
    let next_cursor = if more { items.last().map(|e| cursor::encode(&e.seq)) } else { None };
    Ok(EventPage { items, next_cursor })
}
