//! 每季度核实: every quarter each active customer's data is confirmed by its
//! designated person; the overdue tasks are listed.

use crate::app::customers as archive;
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::care::ConfirmedVia;
use kehu_domain::customer::ReadPurpose;
use kehu_domain::customer::{ChangeField, ChangeSource};
use kehu_domain::verification::{self, Confirmation, Oversight, VerificationStatus};
use kehu_domain::Role;
use kehu_persistence::care::{self, Verification, VerificationFilter};
use kehu_persistence::{customers, people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct VerificationView {
    pub id: i64,
    pub customer: Ref,
    pub customer_code: String,
    #[schema(example = "2026-Q4")]
    pub period: String,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub assignee: Ref,
    pub status: VerificationStatus,
    pub confirmed_via: Option<ConfirmedVia>,
    pub changes: Option<String>,
    pub note: Option<String>,
    pub completed_by: Option<Ref>,
    pub completed_at: Option<DateTime<Utc>>,
    /// The caller may complete it (its assignee or the department's sales manager).
    pub can_complete: bool,
    pub version: i64,
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VerificationBox {
    /// Open tasks assigned to the caller.
    Mine,
    /// Overdue open tasks: the caller's department for managers, all for executives and the archive.
    Overdue,
}

#[derive(Serialize, ToSchema)]
pub struct RaisedView {
    pub raised: usize,
}

/// A task's completion at the version the caller read.
pub struct Complete {
    pub id: i64,
    pub version: i64,
    pub confirmation: Confirmation,
}

fn views(conn: &mut DbConn, ctx: &Ctx, rows: Vec<Verification>, today: NaiveDate) -> ApiResult<Vec<VerificationView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let found = customers::many(conn, &cids)?;
    let depts: HashMap<i64, i64> = found.iter().map(|c| (c.id, c.department_id)).collect();
    let custs: HashMap<i64, (String, String)> = found.into_iter().map(|c| (c.id, (c.name, c.code))).collect();
    let uids: Vec<i64> = rows.iter().flat_map(|r| [Some(r.assignee_id), r.completed_by]).flatten().collect();
    let names: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let u = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let actor = ctx.actor();
    Ok(rows
        .into_iter()
        .map(|r| {
            let (name, code) = custs.get(&r.customer_id).cloned().unwrap_or_default();
            let open = r.status == VerificationStatus::Open;
            VerificationView {
                can_complete: open && verification::may_complete(&actor, r.assignee_id, depts.get(&r.customer_id).copied().unwrap_or_default()),
                id: r.id,
                customer: Ref { id: r.customer_id, name },
                customer_code: code,
                overdue: open && r.due_on < today,
                period: r.period,
                due_on: r.due_on,
                assignee: u(r.assignee_id),
                status: r.status,
                confirmed_via: r.confirmed_via,
                changes: r.changes,
                note: r.note,
                completed_by: r.completed_by.map(u),
                completed_at: r.completed_at.map(|t| t.and_utc()),
                version: r.version,
            }
        })
        .collect())
}

/// Verification tasks: the caller's open ones, or the overdue ones they oversee.
pub fn list(conn: &mut DbConn, ctx: &Ctx, which: VerificationBox) -> ApiResult<Vec<VerificationView>> {
    let today = archive::today(conn, ctx.org())?;
    let overdue = VerificationFilter { assignee_id: None, department_id: None, status: None, overdue_on: Some(today) };
    let f = match (which, verification::oversight(&ctx.actor())) {
        (VerificationBox::Mine, _) => VerificationFilter { assignee_id: Some(ctx.user()), status: Some(VerificationStatus::Open), overdue_on: None, ..overdue },
        (VerificationBox::Overdue, Oversight::Everyone) => overdue,
        (VerificationBox::Overdue, Oversight::Department) => VerificationFilter { department_id: Some(ctx.caller.department_id), ..overdue },
        (VerificationBox::Overdue, Oversight::Own) => VerificationFilter { assignee_id: Some(ctx.user()), ..overdue },
    };
    let rows = care::verifications(conn, ctx.org(), &f, 500)?;
    views(conn, ctx, rows, today)
}

/// Complete a task: how the data was confirmed and what changed.
pub fn complete(tx: &mut Tx, ctx: &Ctx, cmd: Complete) -> ApiResult<VerificationView> {
    let t = care::verification(tx, ctx.org(), cmd.id)?;
    let cu = customers::get(tx, ctx.org(), t.customer_id)?;
    archive::read(tx, &ctx.caller, &cu, ReadPurpose::Verification)?;
    if !verification::may_complete(&ctx.actor(), t.assignee_id, cu.department_id) {
        return Err(ApiError::Forbidden("the assigned person or the department's sales manager confirms the data"));
    }
    if t.status != VerificationStatus::Open {
        return Err(ApiError::conflict(ProblemCode::AlreadyDone, "this task is already done"));
    }
    let via = cmd.confirmation.confirmed_via;
    let done = care::complete_verification(tx, cmd.id, cmd.version, &cmd.confirmation, ctx.user(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let done_via = format!("{} {via}", t.period);
    let change = archive::Change { field: ChangeField::Verified, old: None, new: Some(&done_via), source: ChangeSource::Verification };
    archive::record(tx, cu.id, change, Some(ctx.user()), ctx.now)?;
    ctx.audit(tx, "customer.verify", "customer", cu.id, serde_json::json!({"task": cmd.id, "via": via}))?;
    let today = archive::today(tx, ctx.org())?;
    views(tx, ctx, vec![done], today)?.pop().ok_or(ApiError::NotFound)
}

/// Raises this quarter's tasks now (the background worker does it too):
/// administrators and the marketing center.
pub fn raise(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<RaisedView> {
    if !(ctx.caller.has(Role::Admin) || ctx.caller.has(Role::Marketing) || ctx.caller.has(Role::MarketingManager)) {
        return Err(ApiError::Forbidden("administrators and the marketing center raise verification tasks"));
    }
    Ok(RaisedView { raised: crate::worker::raise_verifications(conn)? })
}
