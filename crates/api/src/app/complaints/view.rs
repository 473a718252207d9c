//! The complaint resource as clients see it, assembled without a query per row.

pub use crate::app::views::{money, MoneyView, Ref};
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use kehu_domain::deadline::Market;
use kehu_domain::intake::{Channel, ComplaintKind, CustomerRequest, NonQualityCause, Severity};
use kehu_domain::permission::{self, CaseFacts};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::{Action, Closure, Role, State};
use kehu_persistence::complaint_lists::SummaryRow;
use kehu_persistence::complaint_reads::{self, ComplaintDetail};
use kehu_persistence::complaints::ComplaintRow;
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Intake {
    pub order_number: Option<String>,
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    pub ship_date: Option<NaiveDate>,
    pub quantity_shipped: Option<i64>,
    pub defective_quantity: Option<i64>,
    /// Defective ÷ shipped, percent with two decimals.
    #[schema(example = "2.50")]
    pub defect_rate_percent: Option<String>,
    pub found_at: Option<String>,
    pub description: Option<String>,
    pub requests: Vec<CustomerRequest>,
    pub request_quantity_undetermined: bool,
    pub claim_amount: Option<MoneyView>,
    pub channel: Option<Channel>,
    pub has_sample: bool,
    pub sample_return_required: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Responsibility {
    pub department_id: i64,
    pub department_name: Option<String>,
    pub team: Option<String>,
    pub person_id: Option<i64>,
    pub ratio_percent: i32,
    /// The external supplier behind this share, if any.
    pub supplier: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ResolutionLineView {
    pub kind: ResolutionKind,
    pub quantity: Option<i64>,
    pub unit_price: Option<MoneyView>,
    pub amount: Option<MoneyView>,
    pub transport_cost: Option<MoneyView>,
    /// Settlement value: what the customer receives (routes approval).
    pub settlement: MoneyView,
    /// Loss counted for responsibility and penalties.
    pub loss: MoneyView,
    pub remarks: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Resolution {
    pub lines: Vec<ResolutionLineView>,
    pub settlement_total: Option<MoneyView>,
    pub loss_total: Option<MoneyView>,
    pub proposed_by: Option<Ref>,
    pub proposed_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct Approval {
    /// 1-based tier of the approval policy.
    pub tier: Option<i32>,
    pub approver_role: Option<Role>,
    pub policy_version: Option<i64>,
    pub approved_by: Option<Ref>,
    pub approved_at: Option<DateTime<Utc>>,
    pub comment: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ComplaintView {
    pub id: i64,
    /// `YYMM-NNNN`, given at registration.
    #[schema(example = "2611-0007")]
    pub number: Option<String>,
    pub state: State,
    /// How a closed case closed.
    pub closure: Option<Closure>,
    pub version: i64,
    pub customer: Ref,
    /// The customer is on supply hold (暂停供货): payment overdue.
    pub customer_supply_hold: bool,
    pub sales_department: Ref,
    pub created_by: Ref,
    pub market: Market,
    pub intake: Intake,
    pub severity: Option<Severity>,
    pub kind: Option<ComplaintKind>,
    pub non_quality_cause: Option<NonQualityCause>,
    pub is_major: bool,
    pub registered_at: Option<DateTime<Utc>>,
    pub step_entered_at: DateTime<Utc>,
    pub step_due_at: Option<DateTime<Utc>>,
    pub step_overdue: bool,
    pub case_due_at: Option<DateTime<Utc>>,
    pub containment_due_at: Option<DateTime<Utc>>,
    pub containment_recorded_at: Option<DateTime<Utc>>,
    pub engineering_requested: bool,
    pub countermeasure_department: Option<Ref>,
    /// QA findings as recorded by `conclude_investigation` or `declare_invalid`.
    #[schema(value_type = Option<Object>)]
    pub investigation: Option<serde_json::Value>,
    pub responsibilities: Vec<Responsibility>,
    /// Containment actions recorded so far.
    #[schema(value_type = Vec<Object>)]
    pub containment: Vec<serde_json::Value>,
    #[schema(value_type = Option<Object>)]
    pub countermeasure: Option<serde_json::Value>,
    pub engineering_opinion: Option<String>,
    pub coordinator_remarks: Option<String>,
    pub resolution: Resolution,
    pub consolidated_opinion: Option<String>,
    pub approval: Approval,
    #[schema(value_type = Option<Object>)]
    pub outcome: Option<serde_json::Value>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Closed within the whole-case deadline (一次关闭).
    pub first_closure: Option<bool>,
    pub supersedes_id: Option<i64>,
    /// The earlier case this one repeats (重复投诉), linked at registration.
    pub repeat_of_id: Option<i64>,
    /// What the caller may do now; draw buttons from this.
    pub available_actions: Vec<Action>,
    /// The case's 8D report in brief (`GET /complaints/{id}/8d` for all of it).
    pub eight_d: crate::app::eight_d::EightDBrief,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Compact form for lists and the task inbox.
#[derive(Serialize, ToSchema)]
pub struct ComplaintSummary {
    pub id: i64,
    pub number: Option<String>,
    pub state: State,
    pub closure: Option<Closure>,
    pub version: i64,
    pub customer: Ref,
    pub sales_department_id: i64,
    pub product_number: Option<String>,
    pub description: Option<String>,
    pub market: Market,
    pub severity: Option<Severity>,
    pub kind: Option<ComplaintKind>,
    pub is_major: bool,
    pub settlement_total: Option<MoneyView>,
    /// What the customer claims (索赔金额), as filed.
    pub claim_amount: Option<MoneyView>,
    pub step_entered_at: DateTime<Utc>,
    pub step_due_at: Option<DateTime<Utc>>,
    pub step_overdue: bool,
    pub case_due_at: Option<DateTime<Utc>>,
    pub registered_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

fn json_field(s: &Option<String>) -> Option<serde_json::Value> {
    s.as_deref().and_then(|v| serde_json::from_str(v).ok())
}

pub fn facts(row: &ComplaintRow, customer_owner_id: Option<i64>) -> CaseFacts {
    CaseFacts {
        state: row.state,
        sales_department_id: row.sales_department_id,
        created_by: row.created_by,
        customer_owner_id,
        countermeasure_department_id: row.countermeasure_department_id,
        engineering_requested: row.engineering_requested,
        proposed_by: row.proposed_by,
        approver_role: row.approver_role,
        registered: row.registered_at.is_some(),
        outcome_by: outcome_by(row),
    }
}

/// Who recorded the outcome waiting for the countersign (stored in the outcome document).
fn outcome_by(row: &ComplaintRow) -> Option<i64> {
    if row.state != State::AwaitingCountersign {
        return None;
    }
    let doc: serde_json::Value = serde_json::from_str(row.outcome.as_deref()?).ok()?;
    doc["recorded_by"].as_i64()
}

pub fn overdue(row: &ComplaintRow, now: NaiveDateTime) -> bool {
    row.state != State::Closed && row.step_due_at.is_some_and(|d| d < now)
}

/// The view of a complaint row, read again with its names, lines and
/// responsibilities (after a write, so the answer shows what was stored).
pub fn build(conn: &mut DbConn, ctx: &Ctx, row: ComplaintRow) -> ApiResult<ComplaintView> {
    Ok(view(ctx, complaint_reads::detail(conn, &ctx.names, row.org_id, row.id)?))
}

pub fn view(ctx: &Ctx, d: ComplaintDetail) -> ComplaintView {
    let ComplaintDetail { row, customer_name, customer_owner_id, customer_supply_hold, names, lines, responsibilities: resp } = d;
    let named = |id: i64, name: &Option<String>| Ref { id, name: name.clone().unwrap_or_default() };
    let case = facts(&row, Some(customer_owner_id));
    let available = permission::available_actions(&ctx.actor(), &case);
    let now = ctx.now;
    let domain_intake = row.intake();
    ComplaintView {
        id: row.id,
        number: row.number.clone(),
        state: row.state,
        closure: row.closure,
        version: row.version,
        customer: Ref { id: row.customer_id, name: customer_name },
        customer_supply_hold,
        sales_department: named(row.sales_department_id, &names.sales_department),
        created_by: named(row.created_by, &names.created_by),
        market: row.market,
        intake: Intake {
            order_number: row.order_number.clone(),
            product_number: row.product_number.clone(),
            product_spec: row.product_spec.clone(),
            ship_date: row.ship_date,
            quantity_shipped: row.quantity_shipped,
            defective_quantity: row.defective_quantity,
            defect_rate_percent: domain_intake.defect_rate_bp().map(crate::app::views::percent),
            found_at: row.found_at.clone(),
            description: row.description.clone(),
            requests: row.requests.0.clone(),
            request_quantity_undetermined: row.request_quantity_undetermined,
            claim_amount: row.claim_amount_fen.map(money),
            channel: row.channel,
            has_sample: row.has_sample,
            sample_return_required: row.sample_return_required,
        },
        severity: row.severity,
        kind: row.kind,
        non_quality_cause: row.non_quality_cause,
        is_major: row.is_major,
        registered_at: row.registered_at.map(utc),
        step_entered_at: utc(row.step_entered_at),
        step_due_at: row.step_due_at.map(utc),
        step_overdue: overdue(&row, now),
        case_due_at: row.case_due_at.map(utc),
        containment_due_at: row.containment_due_at.map(utc),
        containment_recorded_at: row.containment_recorded_at.map(utc),
        engineering_requested: row.engineering_requested,
        countermeasure_department: row.countermeasure_department_id.map(|id| named(id, &names.countermeasure_department)),
        investigation: json_field(&row.investigation),
        responsibilities: resp
            .into_iter()
            .map(|(r, department_name)| Responsibility {
                department_id: r.department_id,
                department_name,
                team: r.team,
                person_id: r.person_id,
                ratio_percent: r.ratio_percent,
                supplier: r.supplier,
            })
            .collect(),
        containment: json_field(&row.containment).and_then(|v| v.as_array().cloned()).unwrap_or_default(),
        countermeasure: json_field(&row.countermeasure),
        engineering_opinion: row.engineering_opinion.clone(),
        coordinator_remarks: row.coordinator_remarks.clone(),
        resolution: Resolution {
            lines: lines
                .into_iter()
                .map(|l| ResolutionLineView {
                    kind: l.kind,
                    quantity: l.quantity,
                    unit_price: l.unit_price_fen.map(money),
                    amount: l.amount_fen.map(money),
                    transport_cost: l.transport_cost_fen.map(money),
                    settlement: money(l.settlement_fen),
                    loss: money(l.loss_fen),
                    remarks: l.remarks,
                })
                .collect(),
            settlement_total: row.settlement_total_fen.map(money),
            loss_total: row.loss_total_fen.map(money),
            proposed_by: row.proposed_by.map(|id| named(id, &names.proposed_by)),
            proposed_at: row.proposed_at.map(utc),
        },
        consolidated_opinion: row.consolidated_opinion.clone(),
        approval: Approval {
            tier: row.approval_tier,
            approver_role: row.approver_role,
            policy_version: row.approval_policy_version,
            approved_by: row.approved_by.map(|id| named(id, &names.approved_by)),
            approved_at: row.approved_at.map(utc),
            comment: row.approval_comment.clone(),
        },
        outcome: json_field(&row.outcome),
        closed_at: row.closed_at.map(utc),
        first_closure: row.first_closure,
        supersedes_id: row.supersedes_id,
        repeat_of_id: row.repeat_of_id,
        available_actions: available,
        eight_d: crate::app::eight_d::brief(ctx, &row),
        created_at: utc(row.created_at),
        updated_at: utc(row.updated_at),
    }
}

/// Summaries for a page of rows read with their customers' names.
pub fn summaries(rows: Vec<(SummaryRow, Option<String>)>, now: NaiveDateTime) -> Vec<ComplaintSummary> {
    rows.into_iter()
        .map(|(r, customer_name)| ComplaintSummary {
            id: r.id,
            step_overdue: r.state != State::Closed && r.step_due_at.is_some_and(|d| d < now),
            number: r.number,
            state: r.state,
            closure: r.closure,
            version: r.version,
            customer: Ref { id: r.customer_id, name: customer_name.unwrap_or_default() },
            sales_department_id: r.sales_department_id,
            product_number: r.product_number,
            description: r.description,
            market: r.market,
            severity: r.severity,
            kind: r.kind,
            is_major: r.is_major,
            settlement_total: r.settlement_total_fen.map(money),
            claim_amount: r.claim_amount_fen.map(money),
            step_entered_at: utc(r.step_entered_at),
            step_due_at: r.step_due_at.map(utc),
            case_due_at: r.case_due_at.map(utc),
            registered_at: r.registered_at.map(utc),
            created_at: utc(r.created_at),
            updated_at: utc(r.updated_at),
        })
        .collect()
}
