//! The finished-goods return note (成品退货单) of an approved application:
//! sales issues it, the supervisor or manager checks it, the warehouse signs
//! the actual quantities (a stock ledger line per item), accounting books it
//! or holds it for the approver of the application.

use super::{clock, customer_name, history, view, visible, ReturnView};
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult};
use chrono::NaiveDateTime;
use kehu_domain::events::{Aggregate, EventType};
use kehu_domain::notice::Notice;
use kehu_domain::returns::booking::Booking;
use kehu_domain::returns::handling::HandlingState;
use kehu_domain::returns::note::{self as rules, NoteAction, NoteFacts, NoteRefusal, NoteState, ProofKind, ReturnNote};
use kehu_domain::returns::{Document, ReturnEvent, ReturnPolicy};
use kehu_domain::Role;
use kehu_persistence::events::{self, OutboxEvent};
use kehu_persistence::returns::{self as store, ReturnChanges, ReturnRow};
use kehu_persistence::stock;
use kehu_persistence::{people, DbConn};

/// Issue the note, at the version the caller read.
pub struct IssueNote {
    pub id: i64,
    pub version: i64,
    pub note: ReturnNote,
}

/// A step on the note, at the version the caller read.
pub struct NoteAct {
    pub id: i64,
    pub version: i64,
    pub action: NoteAction,
    /// The warehouse's count per item (`receive`).
    pub quantities: Option<Vec<i64>>,
    /// Said with the step (a receipt's remark, the approver's reason).
    pub comment: Option<String>,
}

fn refused(r: NoteRefusal) -> ApiError {
    match r {
        NoteRefusal::WrongState => ApiError::state("the return note's state does not allow this"),
        NoteRefusal::Forbidden => ApiError::Forbidden("not this caller's step on the return note"),
        NoteRefusal::Invalid(issues) => ApiError::issues(issues),
    }
}

pub fn facts(row: &ReturnRow) -> NoteFacts {
    NoteFacts {
        state: row.state,
        note: row.note_state,
        raised_by: row.raised_by,
        sales_department_id: row.sales_department_id,
        approved_by: row.approved_by,
        sample_unit: row.sample_unit,
        inspected: row.inspection_json.is_some(),
        originals: row.originals.0.clone(),
        proven: row.proof_kind.is_some(),
    }
}

pub fn note(row: &ReturnRow) -> ApiResult<Option<ReturnNote>> {
    row.note_json.as_deref().map(serde_json::from_str).transpose().map_err(|e| ApiError::Internal(format!("return {} note: {e}", row.id)))
}

pub fn quantities(row: &ReturnRow, json: &Option<String>) -> ApiResult<Option<Vec<i64>>> {
    json.as_deref().map(serde_json::from_str).transpose().map_err(|e| ApiError::Internal(format!("return {} quantities: {e}", row.id)))
}

fn load(tx: &mut Tx, ctx: &Ctx, id: i64, version: i64) -> ApiResult<ReturnRow> {
    let row = visible(tx, ctx, id)?;
    if row.version != version {
        return Err(ApiError::PreconditionFailed);
    }
    Ok(row)
}

fn json<T: serde::Serialize>(v: &T) -> ApiResult<String> {
    serde_json::to_string(v).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Issues the return note, numbered per month (`CT2612-0001`).
pub fn issue(tx: &mut Tx, ctx: &Ctx, cmd: IssueNote) -> ApiResult<ReturnView> {
    let row = load(tx, ctx, cmd.id, cmd.version)?;
    rules::may_issue(&ctx.actor(), &facts(&row)).map_err(refused)?;
    let issues = cmd.note.check();
    if !issues.is_empty() {
        return Err(ApiError::issues(issues));
    }
    let number = super::monthly_number(tx, ctx, "CT")?;
    let ch = ReturnChanges {
        note_number: Some(Some(number)),
        note_state: Some(Some(NoteState::Issued)),
        note_json: Some(Some(json(&cmd.note)?)),
        note_issued_by: Some(Some(ctx.user())),
        note_issued_at: Some(Some(ctx.now)),
        ..Default::default()
    };
    let saved = save(tx, ctx, &row, &ch, ReturnEvent::IssueNote, None)?;
    view::build(tx, ctx, saved)
}

/// The proof of return, at the version the caller read.
pub struct Proof {
    pub id: i64,
    pub version: i64,
    pub kind: ProofKind,
    /// The invoice's or certificate's number.
    pub reference: Option<String>,
}

/// Records (or corrects, until booked) the proof of return sales obtained.
pub fn prove(tx: &mut Tx, ctx: &Ctx, cmd: Proof) -> ApiResult<ReturnView> {
    let row = load(tx, ctx, cmd.id, cmd.version)?;
    rules::may_prove(&ctx.actor(), &facts(&row)).map_err(refused)?;
    let ch = ReturnChanges {
        proof_kind: Some(Some(cmd.kind)),
        proof_reference: Some(cmd.reference.clone()),
        proof_by: Some(Some(ctx.user())),
        proof_at: Some(Some(ctx.now)),
        ..Default::default()
    };
    let note = Some(match &cmd.reference {
        Some(r) => format!("{} {r}", cmd.kind.as_str()),
        None => cmd.kind.as_str().to_owned(),
    });
    let saved = save(tx, ctx, &row, &ch, ReturnEvent::RecordProof, note)?;
    view::build(tx, ctx, saved)
}

/// Takes a step on the note: `verify`, `receive`, `book`, `accept_excess`,
/// `refuse_excess`, or keeps the step longer (`extend`).
pub fn act(tx: &mut Tx, ctx: &Ctx, cmd: NoteAct) -> ApiResult<ReturnView> {
    let row = load(tx, ctx, cmd.id, cmd.version)?;
    let mut to = rules::decide(&ctx.actor(), &facts(&row), cmd.action).map_err(refused)?;
    if cmd.action == NoteAction::Extend {
        return super::extend_step(tx, ctx, &row, Document::ReturnNote, ReturnEvent::ExtendNote, cmd.comment);
    }
    if cmd.quantities.is_some() && cmd.action != NoteAction::Receive {
        return Err(ApiError::field("quantities", crate::error::FieldCode::Invalid, "only the warehouse's receipt names quantities"));
    }
    let approved: Vec<i64> = view::lines(&row)?.iter().map(|l| l.quantity).collect();
    let mut ch = ReturnChanges::default();
    let mut received = None;
    match cmd.action {
        NoteAction::Verify | NoteAction::Extend => {}
        NoteAction::Receive => {
            let actual = cmd.quantities.clone().unwrap_or_default();
            let issues = rules::check_receipt(approved.len(), &actual);
            if !issues.is_empty() {
                return Err(ApiError::issues(issues));
            }
            let total = actual.iter().try_fold(0i64, |a, q| a.checked_add(*q));
            let total = total.ok_or_else(|| ApiError::field("quantities", crate::error::FieldCode::Invalid, "too large"))?;
            ch.received_json = Some(Some(json(&actual)?));
            ch.received_quantity = Some(Some(total));
            ch.received_by = Some(Some(ctx.user()));
            ch.received_at = Some(Some(ctx.now));
            // The goods are in: their internal handling starts with QA.
            ch.handling_state = Some(Some(HandlingState::QaInspection));
            ch.handling_json = Some(Some("{}".into()));
            received = Some(actual);
        }
        NoteAction::Book | NoteAction::AcceptExcess | NoteAction::RefuseExcess => {
            let actual = quantities(&row, &row.received_json)?.unwrap_or_default();
            let tolerance = note(&row)?.and_then(|n| n.tolerance_bp);
            let company = policy::current::<ReturnPolicy>(tx, ctx.org(), policy::RETURNS)?.0.company_tolerance_bp;
            let booked = match cmd.action {
                NoteAction::Book if rules::book(&approved, &actual, tolerance, company) == Booking::AwaitsDecision => {
                    to = NoteState::AwaitsDecision;
                    None
                }
                NoteAction::RefuseExcess => Some(rules::limited(&approved, &actual, tolerance, company)),
                _ => Some(actual),
            };
            if let Some(b) = booked {
                ch.booked_json = Some(Some(json(&b)?));
                ch.booked_by = Some(Some(ctx.user()));
                ch.booked_at = Some(Some(ctx.now));
            }
        }
    }
    ch.note_state = Some(Some(to));
    let saved = save(tx, ctx, &row, &ch, cmd.action.into(), cmd.comment.clone())?;
    if let Some(actual) = received {
        super::ledger(tx, ctx, &row, stock::RETURN_RECEIPT, actual)?;
        super::handling::notify(tx, &saved, HandlingState::QaInspection, ctx.now)?;
        clock::start(tx, ctx, Document::ReturnHandling, row.id, HandlingState::QaInspection.as_str())?;
    }
    view::build(tx, ctx, saved)
}

/// Writes a step with its history, clock, audit, notices and outbox event;
/// the caller builds the answer once everything the step writes is in.
fn save(tx: &mut Tx, ctx: &Ctx, row: &ReturnRow, ch: &ReturnChanges, event: ReturnEvent, comment: Option<String>) -> ApiResult<ReturnRow> {
    let saved = store::update(tx, row.id, row.version, ch, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    history(tx, ctx, &saved, event, Some(row.state), comment)?;
    // Each step, the proof of return too, restarts the note's clock.
    match saved.note_state {
        Some(NoteState::Booked) | None => clock::stop(tx, Document::ReturnNote, row.id)?,
        Some(s) => clock::start(tx, ctx, Document::ReturnNote, row.id, s.as_str())?,
    }
    ctx.audit(tx, &format!("return.{}", event.as_str()), "return", row.id, serde_json::json!({"note_from": row.note_state, "note_to": saved.note_state}))?;
    notify(tx, &saved, ctx.now)?;
    outbox(tx, &saved, row.note_state, ctx.now)?;
    Ok(saved)
}

/// Whose step the note now waits at.
pub(super) fn waiting_for(conn: &mut DbConn, row: &ReturnRow) -> ApiResult<Vec<i64>> {
    let mut users = match row.note_state {
        Some(NoteState::Issued) => {
            let mut u = people::users_with_role(conn, row.org_id, Role::SalesSupervisor, Some(row.sales_department_id))?;
            u.extend(people::users_with_role(conn, row.org_id, Role::SalesManager, Some(row.sales_department_id))?);
            u
        }
        Some(NoteState::ToReceive) => people::users_with_role(conn, row.org_id, Role::Warehouse, None)?,
        // Received: sales obtains the proof of return; then accounting books it.
        Some(NoteState::ToBook) if row.proof_kind.is_none() => return Ok(vec![row.raised_by]),
        Some(NoteState::ToBook) => people::users_with_role(conn, row.org_id, Role::Finance, None)?,
        Some(NoteState::AwaitsDecision) => row.approved_by.into_iter().collect(),
        // Booked: the applicant hears that it is done.
        Some(NoteState::Booked) => return Ok(vec![row.raised_by]),
        None => Vec::new(),
    };
    users.retain(|u| *u != row.raised_by);
    users.sort_unstable();
    users.dedup();
    Ok(users)
}

fn notify(conn: &mut DbConn, row: &ReturnRow, now: NaiveDateTime) -> ApiResult<()> {
    let Some(state) = row.note_state else { return Ok(()) };
    let users = waiting_for(conn, row)?;
    let customer = customer_name(conn, row)?;
    let number = row.note_number.clone().unwrap_or_default();
    Ok(events::notify(conn, row.org_id, &users, &Notice::return_note_task(row.id, &number, &customer, state), now)?)
}

fn outbox(conn: &mut DbConn, row: &ReturnRow, from: Option<NoteState>, now: NaiveDateTime) -> ApiResult<()> {
    let payload = serde_json::json!({
        "return_id": row.id, "number": row.number, "note_number": row.note_number, "from_state": from, "state": row.note_state,
        "customer_id": row.customer_id, "received": quantities(row, &row.received_json)?, "booked": quantities(row, &row.booked_json)?,
    });
    let e = OutboxEvent {
        org_id: row.org_id,
        event_type: EventType::ReturnNoteChanged,
        aggregate: Aggregate::Return,
        aggregate_id: row.id,
        payload: payload.to_string(),
        at: now,
    };
    Ok(events::enqueue(conn, &e)?)
}
