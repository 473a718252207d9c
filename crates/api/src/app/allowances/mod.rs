//! Allowance certificates (销货折让证明单): raised by sales for an approved
//! complaint's discount or compensation line, countersigned, signed by the
//! customer with the proof, booked by accounting.

pub mod demo;
mod view;

pub use view::{AllowanceEventView, AllowanceSummary, AllowanceView};

use crate::app::customers as archive;
use crate::app::returns::approved;
use crate::app::{complaints, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, ProblemCode};
use kehu_domain::notice::Notice;
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::returns::allowance::{self as rules, AllowanceAction, AllowanceEvent, AllowanceFacts, AllowanceInput, AllowanceRefusal, AllowanceState};
use kehu_domain::returns::{application, ReadScope};
use kehu_domain::Role;
use kehu_persistence::allowances::{self as store, AllowanceChanges, AllowanceEventRow, AllowanceFilter, AllowanceRow, AllowanceToAct, NewAllowance};
use kehu_persistence::complaints as complaint_store;
use kehu_persistence::{events, people, DbConn};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Raise a certificate for a complaint line.
#[derive(Clone, Debug)]
pub struct RaiseAllowance {
    pub complaint_id: i64,
    /// 0-based, as the complaint lists its lines.
    pub complaint_line: i32,
    pub invoice_number: Option<String>,
    pub reason: String,
}

/// An action at the version the caller read.
pub struct AllowanceAct {
    pub id: i64,
    pub version: i64,
    pub action: AllowanceAction,
    pub input: AllowanceInput,
    pub proof_reference: Option<String>,
}

pub fn facts(row: &AllowanceRow) -> AllowanceFacts {
    AllowanceFacts { state: row.state, raised_by: row.raised_by, sales_department_id: row.sales_department_id }
}

fn scope(ctx: &Ctx) -> ReadScope {
    application::read_scope(&ctx.actor())
}

/// A certificate the caller may read, or 404 (the returns' read rule).
pub fn visible(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<AllowanceRow> {
    let row = store::get(conn, ctx.org(), id)?;
    if !rules::admits(&scope(ctx), &facts(&row)) {
        return Err(ApiError::NotFound);
    }
    Ok(row)
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<AllowanceView> {
    let row = visible(conn, ctx, id)?;
    view::build(conn, ctx, row)
}

fn history(tx: &mut DbConn, ctx: &Ctx, row: &AllowanceRow, action: AllowanceEvent, from: Option<AllowanceState>, note: Option<String>) -> ApiResult<()> {
    let e = AllowanceEventRow {
        id: 0,
        allowance_id: row.id,
        seq: row.version,
        action,
        from_state: from,
        to_state: row.state,
        actor_id: Some(ctx.user()),
        at: ctx.now,
        note,
    };
    Ok(store::insert_event(tx, &e)?)
}

/// Raises a certificate (`ZR2612-0001`), straight to the manager's countersignature.
pub fn raise(tx: &mut Tx, ctx: &Ctx, a: RaiseAllowance) -> ApiResult<AllowanceView> {
    if !ctx.caller.roles.iter().any(|r| r.is_sales()) {
        return Err(ApiError::Forbidden("allowance certificates are raised by sales"));
    }
    let not_found = || ApiError::field("complaint_id", FieldCode::NotFound, "no such complaint");
    let (c, _) = complaints::visible(tx, ctx, a.complaint_id).map_err(|e| if matches!(e, ApiError::NotFound) { not_found() } else { e })?;
    if !approved(&c) {
        return Err(ApiError::field("complaint_id", FieldCode::NotApproved, "the complaint's resolution is not approved"));
    }
    let line = complaint_store::lines(tx, c.id)?
        .into_iter()
        .nth(usize::try_from(a.complaint_line).unwrap_or(usize::MAX))
        .ok_or_else(|| ApiError::field("complaint_line", FieldCode::NotFound, "the complaint has no such line"))?;
    if !matches!(line.kind, ResolutionKind::Discount | ResolutionKind::Compensation) {
        return Err(ApiError::field("complaint_line", FieldCode::NotAllowance, "a discount or compensation line"));
    }
    if store::live_on_line(tx, c.id, a.complaint_line)? {
        return Err(ApiError::conflict(ProblemCode::AlreadyApplied, "a live certificate already covers this complaint line"));
    }
    let number = crate::app::returns::monthly_number(tx, ctx, "ZR")?;
    let new = NewAllowance {
        org_id: ctx.org(),
        number,
        state: AllowanceState::ManagerReview,
        kind: line.kind,
        complaint_id: c.id,
        complaint_line: a.complaint_line,
        customer_id: c.customer_id,
        sales_department_id: ctx.caller.department_id,
        raised_by: ctx.user(),
        amount_fen: line.settlement_fen,
        invoice_number: a.invoice_number,
        reason: a.reason,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let row = store::insert(tx, &new)?;
    history(tx, ctx, &row, AllowanceEvent::Create, None, None)?;
    notify(tx, &row)?;
    clock(tx, ctx, &row)?;
    ctx.audit(tx, "allowance.create", "allowance", row.id, serde_json::json!({"complaint_id": row.complaint_id, "line": row.complaint_line}))?;
    ctx.created_at_location(tx, &format!("/api/v1/allowances/{}", row.id))?;
    view::build(tx, ctx, row)
}

fn refused(r: AllowanceRefusal) -> ApiError {
    match r {
        AllowanceRefusal::WrongState => ApiError::state("the certificate's state does not allow this"),
        AllowanceRefusal::Forbidden => ApiError::Forbidden("not this caller's step"),
        AllowanceRefusal::Invalid(issues) => ApiError::issues(issues),
    }
}

/// Takes `approve`, `refuse`, `withdraw`, `sign` or `book`, or keeps the
/// step longer (`extend`).
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: AllowanceAct) -> ApiResult<AllowanceView> {
    let row = visible(tx, ctx, cmd.id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    let today = archive::today(tx, ctx.org())?;
    let to = rules::decide(&ctx.actor(), &facts(&row), cmd.action, &cmd.input, today).map_err(refused)?;
    if cmd.action == AllowanceAction::Extend {
        return extend(tx, ctx, &row, cmd.input.reason);
    }
    let i = cmd.input;
    let mut ch = AllowanceChanges { state: Some(to), ..Default::default() };
    match to {
        AllowanceState::Refused => {
            ch.refusal_reason = Some(i.reason.clone());
            ch.decided_at = Some(Some(ctx.now));
        }
        AllowanceState::Approved => ch.decided_at = Some(Some(ctx.now)),
        AllowanceState::Signed => {
            ch.signer = Some(i.signer.clone());
            ch.signed_on = Some(i.signed_on);
            ch.proof_kind = Some(i.proof_kind);
            ch.proof_reference = Some(cmd.proof_reference.clone());
        }
        AllowanceState::Booked => {
            ch.voucher = Some(i.voucher.clone());
            ch.booked_by = Some(Some(ctx.user()));
            ch.booked_at = Some(Some(ctx.now));
        }
        _ => {}
    }
    let saved = store::update(tx, row.id, row.version, &ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, cmd.action.into(), Some(row.state), i.reason.or(i.voucher))?;
    notify(tx, &saved)?;
    clock(tx, ctx, &saved)?;
    ctx.audit(tx, &format!("allowance.{}", cmd.action.as_str()), "allowance", row.id, serde_json::json!({"from": row.state, "to": saved.state}))?;
    view::build(tx, ctx, saved)
}

/// Keeps the current step up to the returns policy's longer limit, once,
/// with the written reason; nothing else on the certificate changes.
fn extend(tx: &mut Tx, ctx: &Ctx, row: &AllowanceRow, reason: Option<String>) -> ApiResult<AllowanceView> {
    use kehu_domain::returns::Document;
    crate::app::returns::clock::extend(tx, ctx, Document::Allowance, row.id, "reason", reason.as_deref())?;
    let saved = store::update(tx, row.id, row.version, &AllowanceChanges::default(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, AllowanceEvent::Extend, Some(row.state), reason)?;
    ctx.audit(tx, "allowance.extend", "allowance", row.id, serde_json::json!({"state": row.state}))?;
    view::build(tx, ctx, saved)
}

/// Tells whoever the certificate now waits for.
fn notify(conn: &mut DbConn, row: &AllowanceRow) -> ApiResult<()> {
    if matches!(row.state, AllowanceState::Booked | AllowanceState::Withdrawn) {
        return Ok(());
    }
    let users = waiting_for(conn, row)?;
    let customer = kehu_persistence::customers::many(conn, &[row.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
    let notice = Notice::allowance_task(row.id, &row.number, &customer, row.state);
    Ok(events::notify(conn, row.org_id, &users, &notice, row.updated_at)?)
}

/// The certificate's clock: each open step may stay the returns policy's
/// working days in one department.
fn clock(tx: &mut Tx, ctx: &Ctx, row: &AllowanceRow) -> ApiResult<()> {
    use crate::app::returns::clock;
    use kehu_domain::returns::Document;
    match row.state {
        AllowanceState::Booked | AllowanceState::Withdrawn | AllowanceState::Refused => clock::stop(tx, Document::Allowance, row.id),
        s => clock::start(tx, ctx, Document::Allowance, row.id, s.as_str()),
    }
}

/// Whose step the certificate waits at (the applicant hears of a decision).
pub(crate) fn waiting_for(conn: &mut DbConn, row: &AllowanceRow) -> ApiResult<Vec<i64>> {
    let dept = Some(row.sales_department_id);
    let mut users = match row.state {
        AllowanceState::ManagerReview => {
            let mut u = people::users_with_role(conn, row.org_id, Role::SalesManager, dept)?;
            u.extend(people::users_with_role(conn, row.org_id, Role::SalesSupervisor, dept)?);
            u
        }
        AllowanceState::GmReview => {
            let mut u = people::users_with_role(conn, row.org_id, Role::Gm, None)?;
            u.extend(people::users_with_role(conn, row.org_id, Role::DeputyGm, None)?);
            u
        }
        // Approved: the applicant takes it to the customer; refused: he hears why.
        AllowanceState::Approved | AllowanceState::Refused => vec![row.raised_by],
        // The copy for accounting (一份送会计作账).
        AllowanceState::Signed => people::users_with_role(conn, row.org_id, Role::Finance, None)?,
        AllowanceState::Booked | AllowanceState::Withdrawn => Vec::new(),
    };
    if !matches!(row.state, AllowanceState::Approved | AllowanceState::Refused) {
        users.retain(|u| *u != row.raised_by);
    }
    users.sort_unstable();
    users.dedup();
    Ok(users)
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(rename_all = "snake_case")]
pub enum AllowanceBox {
    #[default]
    All,
    Mine,
    /// Waiting for the caller: a countersignature, the customer's signature, booking.
    ToAct,
}

#[derive(Clone, Debug, Default)]
pub struct AllowanceQuery {
    pub r#box: AllowanceBox,
    pub state: Option<AllowanceState>,
    pub complaint_id: Option<i64>,
    pub before: Option<i64>,
    pub limit: i64,
}

#[derive(Serialize, ToSchema)]
pub struct AllowancePage {
    pub items: Vec<AllowanceSummary>,
    pub total: i64,
    pub next_cursor: Option<String>,
}

fn steps(ctx: &Ctx) -> Vec<(AllowanceState, Option<i64>)> {
    let a = ctx.actor();
    let mut s = Vec::new();
    if a.has(Role::SalesManager) || a.has(Role::SalesSupervisor) {
        s.push((AllowanceState::ManagerReview, Some(a.department_id)));
    }
    if a.has(Role::Gm) || a.has(Role::DeputyGm) {
        s.push((AllowanceState::GmReview, None));
    }
    if a.has(Role::Finance) {
        s.push((AllowanceState::Signed, None));
    }
    s
}

pub fn list(conn: &mut DbConn, ctx: &Ctx, q: AllowanceQuery) -> ApiResult<AllowancePage> {
    let mut f = AllowanceFilter { state: q.state, complaint_id: q.complaint_id, ..Default::default() };
    match q.r#box {
        AllowanceBox::All => {}
        AllowanceBox::Mine => f.raised_by = Some(ctx.user()),
        AllowanceBox::ToAct => f.to_act = Some(AllowanceToAct { user_id: ctx.user(), steps: steps(ctx) }),
    }
    let s = scope(ctx);
    let total = store::count(conn, ctx.org(), &s, &f)?;
    let mut rows = store::page(conn, ctx.org(), &s, &f, q.before, q.limit + 1)?;
    let more = rows.len() as i64 > q.limit;
    rows.truncate(q.limit as usize);
    let next_cursor = if more { rows.last().map(|r| crate::http::cursor::encode(&r.id)) } else { None };
    Ok(AllowancePage { items: view::summaries(conn, rows)?, total, next_cursor })
}
