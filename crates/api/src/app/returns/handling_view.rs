//! What a reader sees of the returned goods' handling (客户退换货处理单).

use super::{handling, note, view};
use crate::app::views::{money, MoneyView};
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::returns::handling::{self as rules, Disposition, HandlingAction, HandlingState};
use kehu_persistence::returns::ReturnRow;
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

/// One item through the handling.
#[derive(Serialize, ToSchema)]
pub struct HandlingLineView {
    pub product_number: String,
    pub description: Option<String>,
    /// What the warehouse received against the return note.
    pub received: i64,
    /// What production reworked.
    pub reworked: Option<i64>,
    /// What the warehouse took back (or wrote off).
    pub re_received: Option<i64>,
}

/// 客户退换货处理单: each department's part, as far as the goods have come.
#[derive(Serialize, ToSchema)]
pub struct HandlingView {
    pub state: HandlingState,
    pub lines: Vec<HandlingLineView>,
    /// 品保检验: what QA found, and the label put on the goods.
    pub qa_finding: Option<String>,
    pub qa_label: Option<String>,
    /// 技术分析 and 整改方案, with its cost.
    pub analysis: Option<String>,
    pub disposition: Option<Disposition>,
    pub plan: Option<String>,
    pub cost: Option<MoneyView>,
    /// Why the general manager sent the last plan back.
    pub rejection: Option<String>,
    /// PMC's schedule and material issue note (发料单).
    pub start_on: Option<NaiveDate>,
    pub finish_on: Option<NaiveDate>,
    pub production_unit: Option<String>,
    pub material_issue: Option<String>,
    /// The people who may take the current step (by role).
    pub waiting_for: Vec<kehu_domain::Role>,
    /// What the caller may do now.
    pub available_actions: Vec<HandlingAction>,
    /// The current step's deadline (the policy's working days in one
    /// department); none once done.
    pub step_due_at: Option<DateTime<Utc>>,
    pub overdue: bool,
    /// The current step was kept to the longer limit, with a reason (its history says why).
    pub step_extended: bool,
}

pub(super) fn handling_view(conn: &mut DbConn, ctx: &Ctx, row: &ReturnRow) -> ApiResult<Option<HandlingView>> {
    let Some(state) = row.handling_state else { return Ok(None) };
    let h = handling::record(row)?;
    let received = note::quantities(row, &row.received_json)?.unwrap_or_default();
    let at = |v: &Option<Vec<i64>>, i: usize| v.as_ref().and_then(|q| q.get(i).copied());
    let lines = view::lines(row)?
        .into_iter()
        .enumerate()
        .map(|(i, l)| HandlingLineView {
            product_number: l.product_number,
            description: l.description,
            received: received.get(i).copied().unwrap_or_default(),
            reworked: at(&h.reworked, i),
            re_received: at(&h.re_received, i),
        })
        .collect();
    let disposition = h.plan.as_ref().map(|p| p.disposition);
    let due = super::clock::due(conn, ctx, kehu_domain::returns::Document::ReturnHandling, row.id)?;
    Ok(Some(HandlingView {
        step_due_at: due.due_at,
        overdue: due.overdue,
        step_extended: due.clock.extended,
        state,
        lines,
        qa_finding: h.qa.as_ref().map(|q| q.finding.clone()),
        qa_label: h.qa.as_ref().map(|q| q.label.clone()),
        analysis: h.plan.as_ref().map(|p| p.analysis.clone()),
        disposition,
        plan: h.plan.as_ref().and_then(|p| p.plan.clone()),
        cost: h.plan.as_ref().map(|p| money(p.cost.fen())),
        rejection: h.rejection.clone(),
        start_on: h.schedule.as_ref().map(|s| s.start_on),
        finish_on: h.schedule.as_ref().map(|s| s.finish_on),
        production_unit: h.schedule.as_ref().map(|s| s.production_unit.clone()),
        material_issue: h.schedule.as_ref().and_then(|s| s.material_issue.clone()),
        waiting_for: state.roles().to_vec(),
        available_actions: rules::available(&ctx.actor(), state, disposition, due.clock),
    }))
}
