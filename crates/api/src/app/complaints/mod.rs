//! Complaints (客户抱怨): filing and editing the intake form, the workflow
//! actions, reads, lists and the task inbox.

mod act;
pub mod collection;
pub mod list;
pub mod notify;
pub mod sheets;
pub mod statistics;
pub mod tracking;
pub mod view;
pub mod weekly;

pub(crate) use act::draft_from;
pub use act::{act, Act, ActionResult};

use crate::app::{customers, Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use kehu_domain::deadline::Market;
use kehu_domain::intake::Intake;
use kehu_domain::permission;
use kehu_domain::workflow::EventAction;
use kehu_domain::{Action, Role, State};
use kehu_persistence::complaints::{self, ComplaintRow, IntakeRow, NewComplaint};
use kehu_persistence::events::{self, EventRow};
use kehu_persistence::{complaint_reads, DbConn};
use view::ComplaintView;

/// The intake form (客户抱怨处理表) as filed: a draft may leave fields empty.
pub struct IntakeCmd {
    pub customer_id: i64,
    /// Defaults to the customer's market.
    pub market: Option<Market>,
    pub intake: Intake,
}

/// A draft edit at the version the caller read.
pub struct EditDraft {
    pub id: i64,
    pub version: i64,
    pub form: IntakeCmd,
}

fn sales_role(ctx: &Ctx) -> Option<Role> {
    ctx.caller.roles.iter().copied().find(|r| r.is_sales())
}

fn history(tx: &mut Tx, ctx: &Ctx, row: &ComplaintRow, action: EventAction, from: Option<State>) -> ApiResult<()> {
    events::insert_event(
        tx,
        &EventRow {
            id: 0,
            complaint_id: row.id,
            seq: row.version,
            action,
            from_state: from,
            to_state: row.state,
            actor_id: Some(ctx.user()),
            actor_role: sales_role(ctx),
            at: ctx.now,
            body: "{}".into(),
            step_due_at: None,
        },
    )?;
    Ok(())
}

/// Files a complaint: a draft of the caller's department until `submit`.
pub fn file(tx: &mut Tx, ctx: &Ctx, cmd: IntakeCmd) -> ApiResult<ComplaintView> {
    if sales_role(ctx).is_none() {
        return Err(ApiError::Forbidden("complaints are filed by sales"));
    }
    let customer = customers::complaint_customer(tx, &ctx.caller, cmd.customer_id)?;
    let new = NewComplaint {
        org_id: ctx.org(),
        state: State::Draft,
        customer_id: customer.id,
        sales_department_id: ctx.caller.department_id,
        created_by: ctx.user(),
        market: cmd.market.unwrap_or(customer.market),
        step_entered_at: ctx.now,
        supersedes_id: None,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let row = complaints::insert(tx, &new, &IntakeRow::from(&cmd.intake))?;
    history(tx, ctx, &row, EventAction::Create, None)?;
    ctx.audit(tx, "complaint.create", "complaint", row.id, serde_json::json!({"customer_id": row.customer_id}))?;
    notify::outbox(tx, &row, kehu_domain::events::EventType::ComplaintCreated, ctx.now)?;
    ctx.created_at_location(tx, &format!("/api/v1/complaints/{}", row.id))?;
    view::build(tx, ctx, row)
}

/// Edits the intake form of a draft (sales of the case's department).
pub fn edit_draft(tx: &mut Tx, ctx: &Ctx, cmd: EditDraft) -> ApiResult<ComplaintView> {
    let (row, owner) = visible(tx, ctx, cmd.id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    if row.state != State::Draft {
        return Err(ApiError::state("only drafts can be edited"));
    }
    if permission::check(&ctx.actor(), Action::Submit, &view::facts(&row, Some(owner)), Default::default()).is_err() {
        return Err(ApiError::Forbidden("only sales of the case's department edit its draft"));
    }
    let customer = customers::complaint_customer(tx, &ctx.caller, cmd.form.customer_id)?;
    let market = cmd.form.market.unwrap_or(customer.market);
    let updated = complaints::update_intake(tx, row.id, cmd.version, &IntakeRow::from(&cmd.form.intake), customer.id, market, ctx.now)?
        .ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &updated, EventAction::Edit, Some(row.state))?;
    ctx.audit(tx, "complaint.edit", "complaint", row.id, serde_json::json!({"version": updated.version}))?;
    view::build(tx, ctx, updated)
}

/// A complaint the caller may see, with its customer's owner, or 404.
pub fn visible(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<(ComplaintRow, i64)> {
    let (row, owner) = complaint_reads::with_owner(conn, ctx.org(), id)?;
    if !permission::can_see(&ctx.actor(), &view::facts(&row, Some(owner))) {
        return Err(ApiError::NotFound);
    }
    Ok((row, owner))
}

/// One complaint with everything each department recorded and the caller's actions.
pub fn get(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<ComplaintView> {
    let d = complaint_reads::detail(conn, &ctx.names, ctx.org(), id)?;
    if !permission::can_see(&ctx.actor(), &view::facts(&d.row, Some(d.customer_owner_id))) {
        return Err(ApiError::NotFound);
    }
    Ok(view::view(ctx, d))
}
