//! What a reader sees of a return note (成品退货单).

use super::note;
use crate::app::views::Ref;
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::{DateTime, Utc};
use kehu_domain::returns::note::{self as note_rules, NoteAction, NoteState, ProofKind};
use kehu_domain::returns::{ReturnLine, ReturnPolicy};
use kehu_persistence::returns::ReturnRow;
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

/// One item of the return note: approved, received, booked.
#[derive(Serialize, ToSchema)]
pub struct NoteLineView {
    pub product_number: String,
    pub description: Option<String>,
    /// 核定量: the application's quantity.
    pub approved: i64,
    /// 实退量: what the warehouse signed for.
    pub received: Option<i64>,
    /// What accounting booked.
    pub booked: Option<i64>,
}

/// 成品退货单.
#[derive(Serialize, ToSchema)]
pub struct NoteView {
    #[schema(example = "CT2612-0001")]
    pub number: String,
    pub state: NoteState,
    pub reason: String,
    pub handling: String,
    pub basis: String,
    /// The over-delivery tolerance on the customer's order, in basis points.
    pub tolerance_bp: Option<u32>,
    /// The tolerance that applies: the order's, else the company's.
    pub applied_tolerance_bp: u32,
    pub lines: Vec<NoteLineView>,
    pub issued_by: Ref,
    pub issued_at: DateTime<Utc>,
    pub received_by: Option<Ref>,
    pub received_at: Option<DateTime<Utc>>,
    pub booked_by: Option<Ref>,
    pub booked_at: Option<DateTime<Utc>>,
    /// The proof of return sales obtained, before accounting books it.
    pub proof_kind: Option<ProofKind>,
    /// The invoice's or certificate's number.
    pub proof_reference: Option<String>,
    pub proof_by: Option<Ref>,
    pub proof_at: Option<DateTime<Utc>>,
    /// The caller (the applicant) may record the proof now.
    pub can_record_proof: bool,
    /// What the caller may do to the note now.
    pub available_actions: Vec<NoteAction>,
    /// The current step's deadline (the policy's working days in one
    /// department); none once booked.
    pub step_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    /// The current step was kept to the longer limit, with a reason (its history says why).
    pub step_extended: bool,
}

pub(super) fn note_view(conn: &mut DbConn, ctx: &Ctx, row: &ReturnRow, items: &[ReturnLine], person: &dyn Fn(i64) -> Ref) -> ApiResult<Option<NoteView>> {
    let (Some(n), Some(state), Some(number)) = (note::note(row)?, row.note_state, row.note_number.clone()) else { return Ok(None) };
    let received = note::quantities(row, &row.received_json)?;
    let booked = note::quantities(row, &row.booked_json)?;
    let at = |v: &Option<Vec<i64>>, i: usize| v.as_ref().and_then(|q| q.get(i).copied());
    // The company's rule is read only when the order states none.
    let applied_tolerance_bp = match n.tolerance_bp {
        Some(bp) => bp,
        None => crate::app::policy::current::<ReturnPolicy>(conn, ctx.org(), crate::app::policy::RETURNS)?.0.company_tolerance_bp,
    };
    let due = super::clock::due(conn, ctx, kehu_domain::returns::Document::ReturnNote, row.id)?;
    Ok(Some(NoteView {
        step_due_at: due.due_at,
        overdue: due.overdue,
        step_extended: due.clock.extended,
        number,
        state,
        applied_tolerance_bp,
        tolerance_bp: n.tolerance_bp,
        reason: n.reason,
        handling: n.handling,
        basis: n.basis,
        lines: items
            .iter()
            .enumerate()
            .map(|(i, l)| NoteLineView {
                product_number: l.product_number.clone(),
                description: l.description.clone(),
                approved: l.quantity,
                received: at(&received, i),
                booked: at(&booked, i),
            })
            .collect(),
        issued_by: person(row.note_issued_by.unwrap_or_default()),
        issued_at: row.note_issued_at.unwrap_or(row.updated_at).and_utc(),
        received_by: row.received_by.map(person),
        received_at: row.received_at.map(|t| t.and_utc()),
        booked_by: row.booked_by.map(person),
        booked_at: row.booked_at.map(|t| t.and_utc()),
        proof_kind: row.proof_kind,
        proof_reference: row.proof_reference.clone(),
        proof_by: row.proof_by.map(person),
        proof_at: row.proof_at.map(|t| t.and_utc()),
        can_record_proof: note_rules::may_prove(&ctx.actor(), &note::facts(row)).is_ok(),
        available_actions: note_rules::available(&ctx.actor(), &note::facts(row), due.clock),
    }))
}
