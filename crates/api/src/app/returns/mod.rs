//! Returns and exchanges (退换货): the application (客户退换货申请单) raised
//! by sales from an approved complaint's line or on its own, its approval
//! chain, reads and lists.

mod act;
pub mod clock;
pub mod demo;
pub mod export;
pub mod handling;
mod handling_view;
mod list;
pub mod note;
mod note_view;
pub mod policy;
pub mod service;
mod view;

pub use act::{act, remind_overdue, ReturnAct};
pub use handling_view::HandlingView;
pub use list::{list, ReturnBox, ReturnPage, ReturnQuery};
pub use note_view::{NoteLineView, NoteView};
pub use view::{OrderRef, ReturnEventView, ReturnLineView, ReturnSummary, ReturnView};

use crate::app::customers as archive;
use crate::app::{complaints, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, ProblemCode};
use kehu_domain::issue::{FieldIssue, Rule};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::returns::eligibility::Eligibility;
use kehu_domain::returns::retail::{self, RetailFacts, RuleSet};
use kehu_domain::returns::{application, Document, ReturnEvent, ReturnFacts, ReturnKind, ReturnLine, ReturnPolicy, ReturnState};
use kehu_domain::{Money, State};
use kehu_persistence::complaints::{self as complaint_store, ComplaintRow};
use kehu_persistence::returns::{self as store, NewReturn, ReturnChanges, ReturnEventRow, ReturnForm, ReturnRow};
use kehu_persistence::stock::{self, LedgerLine};
use kehu_persistence::{settings, DbConn};

/// The application as sales fills it in.
#[derive(Clone, Debug)]
pub struct ReturnApplication {
    /// Required on its own; taken from the complaint line otherwise.
    pub kind: Option<ReturnKind>,
    /// Required on its own; the complaint's customer otherwise.
    pub customer_id: Option<i64>,
    /// The approved complaint and its line (0-based, as the complaint lists them).
    pub from_line: Option<(i64, i32)>,
    pub order_number: Option<String>,
    pub reason: String,
    /// An exhibition or office sample unit: no on-site inspection.
    pub sample_unit: bool,
    /// On its own only: from a complaint line the items are the line's.
    pub lines: Vec<ReturnLine>,
    /// The contract grounds A–D (business) or the consumer's facts (retail).
    pub rule_set: RuleSet,
    pub eligibility: Eligibility,
    pub retail: Option<RetailFacts>,
}

/// A draft edit at the version the caller read.
pub struct EditReturn {
    pub id: i64,
    pub version: i64,
    pub form: ReturnApplication,
}

pub fn facts(row: &ReturnRow) -> ReturnFacts {
    ReturnFacts {
        state: row.state,
        raised_by: row.raised_by,
        sales_department_id: row.sales_department_id,
        extended: row.extended,
        eligibility_issues: eligibility(row).check(),
    }
}

/// The facts with the grounds judged by the application's rule set: the
/// consumer rule set's periods run to today (company time).
pub(crate) fn judged(conn: &mut DbConn, ctx: &Ctx, row: &ReturnRow) -> ApiResult<ReturnFacts> {
    let mut f = facts(row);
    if row.rule_set == RuleSet::Retail {
        f.eligibility_issues = match retail_facts(row)? {
            None => vec![FieldIssue::new("retail", Rule::Required, "the consumer's facts")],
            Some(r) => {
                let rules = crate::app::policy::current::<ReturnPolicy>(conn, ctx.org(), crate::app::policy::RETURNS)?.0.retail;
                let today = crate::app::policy::calendar(conn, ctx.org())?.local_date(ctx.now.and_utc());
                retail::check(row.kind, &r, &rules, today)
            }
        };
    }
    Ok(f)
}

pub(crate) fn retail_facts(row: &ReturnRow) -> ApiResult<Option<RetailFacts>> {
    row.retail_json.as_deref().map(serde_json::from_str).transpose().map_err(|e| ApiError::Internal(format!("return {} retail: {e}", row.id)))
}

pub fn eligibility(row: &ReturnRow) -> Eligibility {
    Eligibility {
        within_warranty: row.within_warranty.clone(),
        below_standard: row.below_standard.clone(),
        cannot_pay: row.cannot_pay.clone(),
        major_change: row.major_change.clone(),
    }
}

/// The next number of a returns document (`TH2612-0001`): `prefix`, the month
/// on the company's calendar as complaint numbers take it, a gapless serial.
pub(crate) fn monthly_number(tx: &mut Tx, ctx: &Ctx, prefix: &str) -> ApiResult<String> {
    number_at(tx, ctx.org(), ctx.now, prefix)
}

/// The next number of `prefix` in the company's month of `now` (`TH2612-0001`).
pub(crate) fn number_at(conn: &mut DbConn, org_id: i64, now: chrono::NaiveDateTime, prefix: &str) -> ApiResult<String> {
    let local = crate::app::policy::calendar(conn, org_id)?.local_date(now.and_utc());
    let period = kehu_domain::number::Period::of(local).key();
    let serial = settings::next_serial(conn, org_id, &format!("{prefix}{period}"))?;
    Ok(format!("{prefix}{period}-{serial:04}"))
}

pub(super) fn customer_name(conn: &mut DbConn, row: &ReturnRow) -> ApiResult<String> {
    Ok(kehu_persistence::customers::many(conn, &[row.customer_id])?.pop().map(|c| c.name).unwrap_or_default())
}

/// An application the caller may read, or 404 (the read rule is
/// `returns::application::read_scope`, the same one the lists filter by).
pub fn visible(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<ReturnRow> {
    let row = store::get(conn, ctx.org(), id)?;
    if !application::read_scope(&ctx.actor()).admits(&facts(&row)) {
        return Err(ApiError::NotFound);
    }
    Ok(row)
}

pub fn get(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<ReturnView> {
    let row = visible(conn, ctx, id)?;
    view::build(conn, ctx, row)
}

fn goods_kind(kind: ResolutionKind) -> Option<ReturnKind> {
    match kind {
        ResolutionKind::Return => Some(ReturnKind::Return),
        ResolutionKind::Resend => Some(ReturnKind::Exchange),
        ResolutionKind::Rework => Some(ReturnKind::Rework),
        ResolutionKind::Compensation | ResolutionKind::Discount => None,
    }
}

/// An approved resolution: approved and not sent back for a new proposal.
pub(crate) fn approved(row: &ComplaintRow) -> bool {
    row.approved_at.is_some() && matches!(row.state, State::CustomerNegotiation | State::AwaitingClose | State::Closed)
}

/// The stored form: from the complaint's line (its customer, order, goods
/// and kind) or as filled in; checked.
fn form(conn: &mut DbConn, ctx: &Ctx, a: ReturnApplication) -> ApiResult<ReturnForm> {
    let (kind, customer_id, order_number, lines) = match a.from_line {
        Some((complaint_id, position)) => {
            let not_found = || ApiError::field("complaint_id", FieldCode::NotFound, "no such complaint");
            let (c, _) = complaints::visible(conn, ctx, complaint_id).map_err(|e| if matches!(e, ApiError::NotFound) { not_found() } else { e })?;
            if !approved(&c) {
                return Err(ApiError::field("complaint_id", FieldCode::NotApproved, "the complaint's resolution is not approved"));
            }
            let line = complaint_store::lines(conn, c.id)?
                .into_iter()
                .nth(usize::try_from(position).unwrap_or(usize::MAX))
                .ok_or_else(|| ApiError::field("complaint_line", FieldCode::NotFound, "the complaint has no such line"))?;
            let kind = goods_kind(line.kind).ok_or_else(|| ApiError::field("complaint_line", FieldCode::NotReturnable, "a return, resend or rework line"))?;
            if !a.lines.is_empty() {
                return Err(ApiError::field("lines", FieldCode::Invalid, "the items come from the complaint line"));
            }
            let goods = ReturnLine {
                product_number: c.product_number.clone().unwrap_or_else(|| "-".into()),
                description: line.remarks.clone().or_else(|| c.product_spec.clone()),
                quantity: line.quantity.or(c.defective_quantity).unwrap_or(1),
                unit_price: line.unit_price_fen.map(Money::from_fen).transpose().map_err(|e| ApiError::Internal(e.to_string()))?.unwrap_or_default(),
            };
            (kind, c.customer_id, a.order_number.or(c.order_number.clone()), vec![goods])
        }
        None => {
            let kind = a.kind.ok_or_else(|| ApiError::field("kind", FieldCode::Required, "return, exchange or rework"))?;
            let customer_id = a.customer_id.ok_or_else(|| ApiError::field("customer_id", FieldCode::Required, "the customer"))?;
            let customer = archive::complaint_customer(conn, &ctx.caller, customer_id)?;
            (kind, customer.id, a.order_number, a.lines)
        }
    };
    let total = application::total(&lines).map_err(ApiError::issues)?;
    let (e, retail_json) = match (a.rule_set, a.retail) {
        (RuleSet::Business, None) => (a.eligibility, None),
        (RuleSet::Business, Some(_)) => return Err(ApiError::field("retail", FieldCode::Invalid, "only with the consumer rule set")),
        (RuleSet::Retail, None) => return Err(ApiError::field("retail", FieldCode::Required, "the consumer's facts")),
        (RuleSet::Retail, Some(r)) => (Eligibility::default(), Some(serde_json::to_string(&r).map_err(|e| ApiError::Internal(e.to_string()))?)),
    };
    Ok(ReturnForm {
        kind,
        customer_id,
        complaint_id: a.from_line.map(|l| l.0),
        complaint_line: a.from_line.map(|l| l.1),
        order_number,
        reason: a.reason,
        sample_unit: a.sample_unit,
        lines_json: serde_json::to_string(&lines).map_err(|e| ApiError::Internal(e.to_string()))?,
        total_fen: total.fen(),
        within_warranty: e.within_warranty,
        below_standard: e.below_standard,
        cannot_pay: e.cannot_pay,
        major_change: e.major_change,
        rule_set: a.rule_set,
        retail_json,
    })
}

/// A live application for the same complaint line answers 409 before the
/// unique index would.
fn not_applied_yet(conn: &mut DbConn, f: &ReturnForm, except: Option<i64>) -> ApiResult<()> {
    let (Some(complaint_id), Some(line)) = (f.complaint_id, f.complaint_line) else { return Ok(()) };
    if store::live_on_line(conn, complaint_id, line, except)? {
        return Err(ApiError::conflict(ProblemCode::AlreadyApplied, "a live application already covers this complaint line"));
    }
    Ok(())
}

/// One stock ledger line per item of the application for `movement`, under
/// its return note's number.
pub(crate) fn ledger(tx: &mut Tx, ctx: &Ctx, row: &ReturnRow, movement: &str, quantities: Vec<i64>) -> ApiResult<()> {
    let items = view::lines(row)?;
    let document = row.note_number.clone().unwrap_or_else(|| row.number.clone());
    let lines: Vec<LedgerLine> = items
        .iter()
        .zip(quantities)
        .enumerate()
        .map(|(i, (item, quantity))| LedgerLine {
            id: 0,
            org_id: row.org_id,
            return_id: row.id,
            line_no: i as i32,
            movement: movement.into(),
            document: document.clone(),
            product_number: item.product_number.clone(),
            quantity,
            actor_id: ctx.user(),
            at: ctx.now,
        })
        .collect();
    Ok(stock::insert(tx, &lines)?)
}

pub(crate) fn history(tx: &mut DbConn, ctx: &Ctx, row: &ReturnRow, action: ReturnEvent, from: Option<ReturnState>, note: Option<String>) -> ApiResult<()> {
    let e = ReturnEventRow {
        id: 0,
        application_id: row.id,
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

/// Keeps the current step of the return's note or handling up to the
/// policy's longer limit (`extend`), once, with the written reason; the
/// caller decided that the step is the actor's.
pub(crate) fn extend_step(tx: &mut Tx, ctx: &Ctx, row: &ReturnRow, document: Document, event: ReturnEvent, reason: Option<String>) -> ApiResult<ReturnView> {
    clock::extend(tx, ctx, document, row.id, "comment", reason.as_deref())?;
    let saved = store::update(tx, row.id, row.version, &ReturnChanges::default(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, event, Some(row.state), reason)?;
    ctx.audit(tx, &format!("return.{}", event.as_str()), "return", row.id, serde_json::json!({"document": document}))?;
    view::build(tx, ctx, saved)
}

/// Raises an application: a draft, numbered (`TH2612-0001`), until submitted.
pub fn create(tx: &mut Tx, ctx: &Ctx, a: ReturnApplication) -> ApiResult<ReturnView> {
    if !ctx.caller.roles.iter().any(|r| r.is_sales()) {
        return Err(ApiError::Forbidden("return applications are raised by sales"));
    }
    let f = form(tx, ctx, a)?;
    not_applied_yet(tx, &f, None)?;
    let number = monthly_number(tx, ctx, "TH")?;
    let new = NewReturn {
        org_id: ctx.org(),
        number,
        state: ReturnState::Draft,
        sales_department_id: ctx.caller.department_id,
        raised_by: ctx.user(),
        step_entered_at: ctx.now,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let row = store::insert(tx, &new, &f)?;
    history(tx, ctx, &row, ReturnEvent::Create, None, None)?;
    ctx.audit(tx, "return.create", "return", row.id, serde_json::json!({"customer_id": row.customer_id, "complaint_id": row.complaint_id}))?;
    ctx.created_at_location(tx, &format!("/api/v1/returns/{}", row.id))?;
    view::build(tx, ctx, row)
}

/// Edits a draft (its raiser).
pub fn edit(tx: &mut Tx, ctx: &Ctx, cmd: EditReturn) -> ApiResult<ReturnView> {
    let row = visible(tx, ctx, cmd.id)?;
    if row.version != cmd.version {
        return Err(ApiError::PreconditionFailed);
    }
    if row.state != ReturnState::Draft {
        return Err(ApiError::state("only drafts can be edited"));
    }
    if row.raised_by != ctx.user() {
        return Err(ApiError::Forbidden("the salesperson who raised it edits a draft"));
    }
    let f = form(tx, ctx, cmd.form)?;
    not_applied_yet(tx, &f, Some(row.id))?;
    let saved = store::update_form(tx, row.id, row.version, &f, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, ReturnEvent::Edit, Some(row.state), None)?;
    ctx.audit(tx, "return.edit", "return", row.id, serde_json::json!({"version": saved.version}))?;
    view::build(tx, ctx, saved)
}
