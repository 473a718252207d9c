//! What a reader sees of an application.

use super::handling_view::HandlingView;
use super::note_view::NoteView;
use super::{eligibility, judged, note, retail_facts};
use crate::app::views::{money, MoneyView, Ref};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, FieldError};
use chrono::NaiveDate;
use chrono::{DateTime, Utc};
use kehu_domain::returns::handling::HandlingState;
use kehu_domain::returns::inspection::{self, Condition, Inspection, Original};
use kehu_domain::returns::note::{self as note_rules, NoteState};
use kehu_domain::returns::retail::{RetailFacts, RuleSet};
use kehu_domain::returns::{application, ReturnAction, ReturnEvent, ReturnKind, ReturnLine, ReturnState};
use kehu_persistence::returns::{self as store, ReturnRow};
use kehu_persistence::{care, customers, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct ReturnLineView {
    pub product_number: String,
    pub description: Option<String>,
    pub quantity: i64,
    pub unit_price: MoneyView,
    pub amount: MoneyView,
}

/// The grounds claimed (A required, plus one of B/C/D), each with its basis.
#[derive(Serialize, ToSchema)]
pub struct EligibilityView {
    pub within_warranty: Option<String>,
    pub below_standard: Option<String>,
    pub cannot_pay: Option<String>,
    pub major_change: Option<String>,
    /// Complete enough to submit.
    pub eligible: bool,
    /// The rules the grounds break now, by field (for the consumer rule
    /// set: a missing invoice, an opened package, the period run out…).
    pub problems: Vec<FieldError>,
}

#[derive(Serialize, ToSchema)]
pub struct PartView {
    pub part: String,
    pub expected: i64,
    pub present: i64,
    /// expected − present.
    pub missing: i64,
}

/// 现场检验: what customer service found, signed by the customer.
#[derive(Serialize, ToSchema)]
pub struct InspectionView {
    pub function: Condition,
    pub function_note: Option<String>,
    pub appearance: Condition,
    pub appearance_note: Option<String>,
    pub parts: Vec<PartView>,
    pub signed_by: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub inspected_by: Option<Ref>,
    pub inspected_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct ReturnEventView {
    pub seq: i64,
    pub action: ReturnEvent,
    pub from_state: Option<ReturnState>,
    pub to_state: ReturnState,
    pub actor: Option<Ref>,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

/// 客户退换货申请单.
#[derive(Serialize, ToSchema)]
pub struct ReturnView {
    pub id: i64,
    #[schema(example = "TH2612-0001")]
    pub number: String,
    pub kind: ReturnKind,
    pub state: ReturnState,
    pub customer: Ref,
    pub complaint: Option<Ref>,
    /// The complaint line it came from (0-based).
    pub complaint_line: Option<i32>,
    pub order_number: Option<String>,
    pub sales_department: Ref,
    pub raised_by: Ref,
    pub reason: String,
    pub sample_unit: bool,
    pub lines: Vec<ReturnLineView>,
    pub total: MoneyView,
    pub eligibility: EligibilityView,
    /// Judged by the contract grounds (business) or the consumer rule set (retail).
    pub rule_set: RuleSet,
    /// The consumer's facts (consumer rule set).
    pub retail: Option<RetailFacts>,
    /// A consumer's approved return is refunded by this day.
    pub refund_due_on: Option<NaiveDate>,
    /// The supervisor's attempt to keep the sale.
    pub retention_note: Option<String>,
    pub step_entered_at: DateTime<Utc>,
    pub step_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub extended: bool,
    pub extension_reason: Option<String>,
    pub refusal_reason: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    /// What the caller may do now.
    pub available_actions: Vec<ReturnAction>,
    /// An on-site inspection is due (not for sample units).
    pub inspection_needed: bool,
    pub inspection: Option<InspectionView>,
    pub originals_collected: Vec<Original>,
    pub originals_missing: Vec<Original>,
    pub can_inspect: bool,
    pub can_collect_originals: bool,
    /// The finished-goods return note, once issued.
    pub note: Option<NoteView>,
    /// The caller (the applicant) may issue the return note now.
    pub can_issue_note: bool,
    /// The returned goods' internal handling, once the warehouse has them.
    pub handling: Option<HandlingView>,
    /// An approved exchange's new order.
    pub exchange_order: Option<OrderRef>,
    pub history: Vec<ReturnEventView>,
    pub version: i64,
}

/// A row of the returns list (产品退换货汇总表).
#[derive(Serialize, ToSchema)]
pub struct ReturnSummary {
    pub id: i64,
    pub number: String,
    pub kind: ReturnKind,
    pub state: ReturnState,
    pub customer: Ref,
    pub complaint: Option<Ref>,
    pub order_number: Option<String>,
    pub raised_by: Ref,
    pub reason: String,
    /// The items' products, comma-separated.
    pub products: String,
    pub quantity: i64,
    pub total: MoneyView,
    pub step_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    pub created_at: DateTime<Utc>,
    pub note_number: Option<String>,
    pub note_state: Option<NoteState>,
    /// Where the returned goods' handling stands.
    pub handling_state: Option<HandlingState>,
    /// `business` (the grounds A–D) or `retail` (the consumer's rule set).
    pub rule_set: RuleSet,
}

/// An order by its number.
#[derive(Serialize, ToSchema)]
pub struct OrderRef {
    pub id: i64,
    #[schema(example = "TH2612-0002-HH")]
    pub order_number: String,
}

fn exchange_order(conn: &mut DbConn, row: &ReturnRow) -> ApiResult<Option<OrderRef>> {
    let Some(id) = row.exchange_order_id else { return Ok(None) };
    Ok(care::order_by_id(conn, id)?.map(|o| OrderRef { id: o.id, order_number: o.order_number }))
}

pub fn lines(row: &ReturnRow) -> ApiResult<Vec<ReturnLine>> {
    serde_json::from_str(&row.lines_json).map_err(|e| ApiError::Internal(format!("return {} lines: {e}", row.id)))
}

fn overdue(row: &ReturnRow, ctx: &Ctx) -> bool {
    row.state.approver().is_some() && row.step_due_at.is_some_and(|d| d < ctx.now)
}

struct Names {
    people: HashMap<i64, String>,
    customers: HashMap<i64, String>,
    complaints: HashMap<i64, String>,
}

impl Names {
    fn of(conn: &mut DbConn, rows: &[ReturnRow], more_people: &[i64]) -> ApiResult<Names> {
        let mut uids: Vec<i64> = rows.iter().map(|r| r.raised_by).collect();
        uids.extend_from_slice(more_people);
        let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
        let kids: Vec<i64> = rows.iter().filter_map(|r| r.complaint_id).collect();
        Ok(Names {
            people: people::display_names(conn, &uids)?.into_iter().collect(),
            customers: customers::many(conn, &cids)?.into_iter().map(|c| (c.id, c.name)).collect(),
            complaints: store::complaint_numbers(conn, &kids)?.into_iter().collect(),
        })
    }

    fn person(&self, id: i64) -> Ref {
        Ref { id, name: self.people.get(&id).cloned().unwrap_or_default() }
    }

    fn customer(&self, id: i64) -> Ref {
        Ref { id, name: self.customers.get(&id).cloned().unwrap_or_default() }
    }

    fn complaint(&self, id: Option<i64>) -> Option<Ref> {
        id.map(|id| Ref { id, name: self.complaints.get(&id).cloned().unwrap_or_else(|| format!("#{id}")) })
    }
}

fn inspection_view(row: &ReturnRow, names: &Names) -> ApiResult<Option<InspectionView>> {
    let Some(json) = &row.inspection_json else { return Ok(None) };
    let i: Inspection = serde_json::from_str(json).map_err(|e| ApiError::Internal(format!("return {} inspection: {e}", row.id)))?;
    Ok(Some(InspectionView {
        parts: i
            .parts
            .into_iter()
            .map(|p| PartView { missing: (p.expected - p.present).max(0), part: p.part, expected: p.expected, present: p.present })
            .collect(),
        function: i.function,
        function_note: i.function_note,
        appearance: i.appearance,
        appearance_note: i.appearance_note,
        signed_by: i.signed_by,
        signed_on: i.signed_on,
        inspected_by: row.inspected_by.map(|u| names.person(u)),
        inspected_at: row.inspected_at.map(|t| t.and_utc()),
    }))
}

pub fn build(conn: &mut DbConn, ctx: &Ctx, row: ReturnRow) -> ApiResult<ReturnView> {
    let events = store::events(conn, row.id)?;
    let mut actors: Vec<i64> = events.iter().filter_map(|e| e.actor_id).collect();
    actors.extend([row.inspected_by, row.note_issued_by, row.received_by, row.proof_by, row.booked_by].into_iter().flatten());
    let names = Names::of(conn, std::slice::from_ref(&row), &actors)?;
    let items = lines(&row)?;
    let e = eligibility(&row);
    let f = judged(conn, ctx, &row)?;
    let department = people::department_names(conn, &[row.sales_department_id])?.pop().map(|d| d.1);
    Ok(ReturnView {
        id: row.id,
        number: row.number.clone(),
        kind: row.kind,
        state: row.state,
        customer: names.customer(row.customer_id),
        complaint: names.complaint(row.complaint_id),
        complaint_line: row.complaint_line,
        order_number: row.order_number.clone(),
        sales_department: Ref { id: row.sales_department_id, name: department.unwrap_or_default() },
        raised_by: names.person(row.raised_by),
        reason: row.reason.clone(),
        sample_unit: row.sample_unit,
        lines: items
            .iter()
            .map(|l| ReturnLineView {
                product_number: l.product_number.clone(),
                description: l.description.clone(),
                quantity: l.quantity,
                unit_price: money(l.unit_price.fen()),
                amount: money(l.unit_price.times(l.quantity).map(|m| m.fen()).unwrap_or_default()),
            })
            .collect(),
        total: money(row.total_fen),
        rule_set: row.rule_set,
        retail: retail_facts(&row)?,
        refund_due_on: row.refund_due_on,
        eligibility: EligibilityView {
            eligible: f.eligibility_issues.is_empty(),
            problems: f.eligibility_issues.iter().cloned().map(FieldError::from).collect(),
            within_warranty: e.within_warranty,
            below_standard: e.below_standard,
            cannot_pay: e.cannot_pay,
            major_change: e.major_change,
        },
        retention_note: row.retention_note.clone(),
        step_entered_at: row.step_entered_at.and_utc(),
        step_due_at: row.step_due_at.map(|t| t.and_utc()),
        overdue: overdue(&row, ctx),
        extended: row.extended,
        extension_reason: row.extension_reason.clone(),
        refusal_reason: row.refusal_reason.clone(),
        decided_at: row.decided_at.map(|t| t.and_utc()),
        created_at: row.created_at.and_utc(),
        available_actions: application::available(&ctx.actor(), &f),
        inspection_needed: inspection::inspection_needed(row.sample_unit),
        inspection: inspection_view(&row, &names)?,
        originals_collected: row.originals.0.clone(),
        originals_missing: inspection::originals_missing(&row.originals.0),
        can_inspect: inspection::may_inspect(&ctx.actor(), row.state, row.sample_unit, row.inspection_json.is_some()).is_ok(),
        can_collect_originals: inspection::may_collect(&ctx.actor(), row.state, row.raised_by).is_ok(),
        note: super::note_view::note_view(conn, ctx, &row, &items, &|u| names.person(u))?,
        handling: super::handling_view::handling_view(conn, ctx, &row)?,
        exchange_order: exchange_order(conn, &row)?,
        can_issue_note: note_rules::may_issue(&ctx.actor(), &note::facts(&row)).is_ok(),
        history: events
            .into_iter()
            .map(|e| ReturnEventView {
                seq: e.seq,
                action: e.action,
                from_state: e.from_state,
                to_state: e.to_state,
                actor: e.actor_id.map(|a| names.person(a)),
                at: e.at.and_utc(),
                note: e.note,
            })
            .collect(),
        version: row.version,
    })
}

pub fn summaries(conn: &mut DbConn, ctx: &Ctx, rows: Vec<ReturnRow>) -> ApiResult<Vec<ReturnSummary>> {
    let names = Names::of(conn, &rows, &[])?;
    rows.into_iter()
        .map(|row| {
            let items = lines(&row)?;
            let mut products: Vec<&str> = items.iter().map(|l| l.product_number.as_str()).collect();
            products.dedup();
            Ok(ReturnSummary {
                id: row.id,
                number: row.number.clone(),
                kind: row.kind,
                state: row.state,
                customer: names.customer(row.customer_id),
                complaint: names.complaint(row.complaint_id),
                order_number: row.order_number.clone(),
                raised_by: names.person(row.raised_by),
                reason: row.reason.clone(),
                products: products.join(", "),
                quantity: items.iter().map(|l| l.quantity).sum(),
                total: money(row.total_fen),
                step_due_at: row.step_due_at.map(|t| t.and_utc()),
                overdue: overdue(&row, ctx),
                created_at: row.created_at.and_utc(),
                note_number: row.note_number.clone(),
                note_state: row.note_state,
                handling_state: row.handling_state,
                rule_set: row.rule_set,
            })
        })
        .collect()
}
