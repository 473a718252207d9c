//! The returns list (产品退换货汇总表) and the caller's return tasks.

use super::view::{self, ReturnSummary};
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::NaiveDateTime;
use kehu_domain::returns::handling;
use kehu_domain::returns::note::NoteState;
use kehu_domain::returns::{application, ReturnKind, ReturnState};
use kehu_domain::Role;
use kehu_persistence::returns::{self as store, ReturnFilter, ToAct};
use kehu_persistence::DbConn;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "snake_case")]
pub enum ReturnBox {
    /// Every application the caller may read.
    #[default]
    All,
    /// Those the caller raised.
    Mine,
    /// Those waiting for the caller: an approval, customer service's
    /// part, the return note's next step, a step of the goods' handling.
    ToAct,
}

/// A page request of the returns list.
#[derive(Clone, Debug, Default)]
pub struct ReturnQuery {
    pub r#box: ReturnBox,
    pub state: Option<ReturnState>,
    pub kind: Option<ReturnKind>,
    pub customer_id: Option<i64>,
    pub complaint_id: Option<i64>,
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    /// The last id of the previous page.
    pub before: Option<i64>,
    pub limit: i64,
}

#[derive(Serialize, ToSchema)]
pub struct ReturnPage {
    pub items: Vec<ReturnSummary>,
    /// How many the filters find in all pages.
    pub total: i64,
    pub next_cursor: Option<String>,
}

/// The approval steps `ctx`'s caller takes: (state, sales department or any).
fn steps(ctx: &Ctx) -> Vec<(ReturnState, Option<i64>)> {
    let a = ctx.actor();
    let mut s = Vec::new();
    if a.has(Role::SalesSupervisor) || a.has(Role::SalesManager) {
        s.push((ReturnState::SupervisorReview, Some(a.department_id)));
    }
    if a.has(Role::MarketingManager) {
        s.push((ReturnState::MarketingReview, None));
    }
    if a.has(Role::Gm) {
        s.push((ReturnState::GmApproval, None));
    }
    s
}

/// The return-note steps `ctx`'s caller takes: (state, sales department or any).
fn note_steps(ctx: &Ctx) -> Vec<(NoteState, Option<i64>)> {
    let a = ctx.actor();
    let mut s = Vec::new();
    if a.has(Role::SalesSupervisor) || a.has(Role::SalesManager) {
        s.push((NoteState::Issued, Some(a.department_id)));
    }
    if a.has(Role::Warehouse) {
        s.push((NoteState::ToReceive, None));
    }
    if a.has(Role::Finance) {
        s.push((NoteState::ToBook, None));
    }
    s
}

/// The store's filter for the query's box and filters.
pub(super) fn filter(ctx: &Ctx, q: &ReturnQuery) -> ReturnFilter {
    let mut f = ReturnFilter {
        state: q.state,
        kind: q.kind,
        customer_id: q.customer_id,
        complaint_id: q.complaint_id,
        from: q.from,
        until: q.until,
        ..Default::default()
    };
    match q.r#box {
        ReturnBox::All => {}
        ReturnBox::Mine => f.raised_by = Some(ctx.user()),
        ReturnBox::ToAct => {
            let a = ctx.actor();
            f.to_act = Some(ToAct {
                user_id: ctx.user(),
                steps: steps(ctx),
                service: a.has(Role::CustomerService),
                notes: note_steps(ctx),
                any_excess: a.has(Role::Gm),
                handling: handling::steps(&a),
            })
        }
    }
    f
}

pub fn list(conn: &mut DbConn, ctx: &Ctx, q: ReturnQuery) -> ApiResult<ReturnPage> {
    let scope = application::read_scope(&ctx.actor());
    let f = filter(ctx, &q);
    let total = store::count(conn, ctx.org(), &scope, &f)?;
    let mut rows = store::page(conn, ctx.org(), &scope, &f, q.before, q.limit + 1)?;
    let more = rows.len() as i64 > q.limit;
    rows.truncate(q.limit as usize);
    let next_cursor = if more { rows.last().map(|r| crate::http::cursor::encode(&r.id)) } else { None };
    Ok(ReturnPage { items: view::summaries(conn, ctx, rows)?, total, next_cursor })
}
