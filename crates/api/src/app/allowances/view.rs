//! What a reader sees of an allowance certificate.

use super::facts;
use crate::app::views::{money, MoneyView, Ref};
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::returns::allowance::{self as rules, AllowanceAction, AllowanceEvent, AllowanceState};
use kehu_domain::returns::note::ProofKind;
use kehu_persistence::allowances::{self as store, AllowanceRow};
use kehu_persistence::returns::complaint_numbers;
use kehu_persistence::{customers, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct AllowanceEventView {
    pub seq: i64,
    pub action: AllowanceEvent,
    pub from_state: Option<AllowanceState>,
    pub to_state: AllowanceState,
    pub actor: Option<Ref>,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

/// 销货折让证明单.
#[derive(Serialize, ToSchema)]
pub struct AllowanceView {
    pub id: i64,
    #[schema(example = "ZR2612-0001")]
    pub number: String,
    pub state: AllowanceState,
    /// `discount` (折让) or `compensation` (赔款).
    pub kind: ResolutionKind,
    pub complaint: Ref,
    /// The complaint line (0-based).
    pub complaint_line: i32,
    pub customer: Ref,
    pub sales_department: Ref,
    pub raised_by: Ref,
    /// The line's approved settlement amount.
    pub amount: MoneyView,
    /// The original invoice (原发票号码).
    pub invoice_number: Option<String>,
    pub reason: String,
    pub refusal_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    /// Who signed and stamped it for the customer, and when.
    pub signer: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub proof_kind: Option<ProofKind>,
    pub proof_reference: Option<String>,
    /// Accounting's voucher (传票) number.
    pub voucher: Option<String>,
    pub booked_by: Option<Ref>,
    pub booked_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub available_actions: Vec<AllowanceAction>,
    /// The current step's deadline (the returns policy's working days in
    /// one department); none once booked, refused or withdrawn.
    pub step_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    /// The current step was kept to the longer limit, with a reason (its history says why).
    pub step_extended: bool,
    pub history: Vec<AllowanceEventView>,
    pub version: i64,
}

/// A row of the certificates list.
#[derive(Serialize, ToSchema)]
pub struct AllowanceSummary {
    pub id: i64,
    pub number: String,
    pub state: AllowanceState,
    pub kind: ResolutionKind,
    pub complaint: Ref,
    /// The complaint line (0-based).
    pub complaint_line: i32,
    pub customer: Ref,
    pub raised_by: Ref,
    pub amount: MoneyView,
    pub created_at: DateTime<Utc>,
}

struct Names {
    people: HashMap<i64, String>,
    customers: HashMap<i64, String>,
    complaints: HashMap<i64, String>,
}

impl Names {
    fn of(conn: &mut DbConn, rows: &[AllowanceRow], more_people: &[i64]) -> ApiResult<Names> {
        let mut uids: Vec<i64> = rows.iter().map(|r| r.raised_by).collect();
        uids.extend_from_slice(more_people);
        let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
        let kids: Vec<i64> = rows.iter().map(|r| r.complaint_id).collect();
        Ok(Names {
            people: people::display_names(conn, &uids)?.into_iter().collect(),
            customers: customers::many(conn, &cids)?.into_iter().map(|c| (c.id, c.name)).collect(),
            complaints: complaint_numbers(conn, &kids)?.into_iter().collect(),
        })
    }

    fn get(map: &HashMap<i64, String>, id: i64) -> Ref {
        Ref { id, name: map.get(&id).cloned().unwrap_or_default() }
    }
}

pub fn build(conn: &mut DbConn, ctx: &Ctx, row: AllowanceRow) -> ApiResult<AllowanceView> {
    let events = store::events(conn, row.id)?;
    let mut actors: Vec<i64> = events.iter().filter_map(|e| e.actor_id).collect();
    actors.extend(row.booked_by);
    let n = Names::of(conn, std::slice::from_ref(&row), &actors)?;
    let department = people::department_names(conn, &[row.sales_department_id])?.pop().map(|d| d.1);
    let due = crate::app::returns::clock::due(conn, ctx, kehu_domain::returns::Document::Allowance, row.id)?;
    let today = crate::app::customers::today(conn, ctx.org())?;
    Ok(AllowanceView {
        id: row.id,
        number: row.number.clone(),
        state: row.state,
        kind: row.kind,
        complaint: Names::get(&n.complaints, row.complaint_id),
        complaint_line: row.complaint_line,
        customer: Names::get(&n.customers, row.customer_id),
        sales_department: Ref { id: row.sales_department_id, name: department.unwrap_or_default() },
        raised_by: Names::get(&n.people, row.raised_by),
        amount: money(row.amount_fen),
        invoice_number: row.invoice_number.clone(),
        reason: row.reason.clone(),
        refusal_reason: row.refusal_reason.clone(),
        decided_at: row.decided_at.map(|t| t.and_utc()),
        signer: row.signer.clone(),
        signed_on: row.signed_on,
        proof_kind: row.proof_kind,
        proof_reference: row.proof_reference.clone(),
        voucher: row.voucher.clone(),
        booked_by: row.booked_by.map(|u| Names::get(&n.people, u)),
        booked_at: row.booked_at.map(|t| t.and_utc()),
        created_at: row.created_at.and_utc(),
        available_actions: rules::available(&ctx.actor(), &facts(&row), today, due.clock),
        step_due_at: due.due_at,
        overdue: due.overdue,
        step_extended: due.clock.extended,
        history: events
            .into_iter()
            .map(|e| AllowanceEventView {
                seq: e.seq,
                action: e.action,
                from_state: e.from_state,
                to_state: e.to_state,
                actor: e.actor_id.map(|a| Names::get(&n.people, a)),
                at: e.at.and_utc(),
                note: e.note,
            })
            .collect(),
        version: row.version,
    })
}

pub fn summaries(conn: &mut DbConn, rows: Vec<AllowanceRow>) -> ApiResult<Vec<AllowanceSummary>> {
    let n = Names::of(conn, &rows, &[])?;
    Ok(rows
        .into_iter()
        .map(|r| AllowanceSummary {
            id: r.id,
            number: r.number,
            state: r.state,
            kind: r.kind,
            complaint: Names::get(&n.complaints, r.complaint_id),
            complaint_line: r.complaint_line,
            customer: Names::get(&n.customers, r.customer_id),
            raised_by: Names::get(&n.people, r.raised_by),
            amount: money(r.amount_fen),
            created_at: r.created_at.and_utc(),
        })
        .collect())
}
