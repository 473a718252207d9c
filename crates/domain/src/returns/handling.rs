//! The internal handling of returned goods (客户退换货处理单, domain.md §5):
//! once the warehouse has received them, QA inspects and labels them,
//! engineering analyses them and proposes a plan with its cost, the general
//! manager approves it, production planning (PMC) schedules the rework,
//! production reworks and the warehouse receives the goods back. A plan may
//! also put the goods back in stock as they are, or scrap them: then the
//! warehouse takes them straight after the approval.

use super::StepClock;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use crate::role::{Actor, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Where the handling of the returned goods stands. The names are public API.
    HandlingState {
        /// QA inspects the goods and labels them (品保检验标识).
        QaInspection = "qa_inspection",
        /// Engineering analyses them and proposes the plan and its cost.
        Analysis = "analysis",
        /// The general manager approves the plan.
        PlanApproval = "plan_approval",
        /// Production planning (PMC) schedules the rework.
        Scheduling = "scheduling",
        /// Production reworks the goods.
        Rework = "rework",
        /// The warehouse receives them back (or writes them off).
        ReReceipt = "re_receipt",
        Done = "done",
    }
}

coded_enum! {
    /// What can be done in the handling. The names are public API.
    HandlingAction {
        Inspect = "inspect",
        Plan = "plan",
        ApprovePlan = "approve_plan",
        /// Back to engineering, with a reason.
        RejectPlan = "reject_plan",
        Schedule = "schedule",
        CompleteRework = "complete_rework",
        ReReceive = "re_receive",
        /// Keep the step up to the longer limit, with a written reason.
        Extend = "extend",
    }
}

coded_enum! {
    /// What engineering proposes to do with the goods.
    Disposition {
        /// 整改: rework them, then back to stock.
        Rework = "rework",
        /// 原样入库: nothing to fix, back to stock as they are.
        Restock = "restock",
        /// 报废: written off.
        Scrap = "scrap",
    }
}

/// QA's finding and the label put on the goods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QaFinding {
    pub finding: String,
    /// 标识: the label on the goods (待整改, 不合格, …).
    pub label: String,
}

/// Engineering's analysis and plan (整改方案) with its cost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub analysis: String,
    pub disposition: Disposition,
    /// What to do; required for a rework.
    pub plan: Option<String>,
    pub cost: Money,
}

/// PMC's schedule (生产计划) and the material issue note (发料单).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub start_on: NaiveDate,
    pub finish_on: NaiveDate,
    /// The production unit (team or line) that reworks.
    pub production_unit: String,
    pub material_issue: Option<String>,
}

/// The whole record, kept on the application as each step adds its part.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handling {
    pub qa: Option<QaFinding>,
    pub plan: Option<Plan>,
    /// Why the general manager sent the last plan back.
    pub rejection: Option<String>,
    pub schedule: Option<Schedule>,
    /// Production's reworked quantity per item.
    pub reworked: Option<Vec<i64>>,
    /// The warehouse's quantity per item received back (or written off).
    pub re_received: Option<Vec<i64>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandlingRefusal {
    /// Not in a state where this applies (409).
    WrongState,
    /// Not this caller's to do (403).
    Forbidden,
}

impl HandlingState {
    /// Who takes this step.
    fn may(self, actor: &Actor) -> bool {
        match self {
            HandlingState::QaInspection => actor.has(Role::Qa) || actor.has(Role::QaManager),
            HandlingState::Analysis => actor.has(Role::Engineering),
            HandlingState::PlanApproval => actor.has(Role::Gm),
            // PMC (生管) sits with production management.
            HandlingState::Scheduling => actor.has(Role::ProductionManager),
            HandlingState::Rework => actor.has(Role::Production) || actor.has(Role::ProductionManager),
            HandlingState::ReReceipt => actor.has(Role::Warehouse),
            HandlingState::Done => false,
        }
    }

    /// The roles whose step it is (to tell them).
    pub fn roles(self) -> &'static [Role] {
        match self {
            HandlingState::QaInspection => &[Role::Qa, Role::QaManager],
            HandlingState::Analysis => &[Role::Engineering],
            HandlingState::PlanApproval => &[Role::Gm],
            HandlingState::Scheduling => &[Role::ProductionManager],
            HandlingState::Rework => &[Role::Production],
            HandlingState::ReReceipt => &[Role::Warehouse],
            HandlingState::Done => &[],
        }
    }
}

/// The handling steps `actor` takes (for the "to act" box).
pub fn steps(actor: &Actor) -> Vec<HandlingState> {
    HandlingState::ALL.iter().copied().filter(|s| s.may(actor)).collect()
}

/// The state `action` leaves, if `actor` may take it now; `disposition` is
/// the plan's (it decides where an approval leads).
pub fn decide(actor: &Actor, state: HandlingState, action: HandlingAction, disposition: Option<Disposition>) -> Result<HandlingState, HandlingRefusal> {
    use HandlingAction as A;
    use HandlingState as S;
    let (from, to) = match action {
        A::Inspect => (S::QaInspection, S::Analysis),
        A::Plan => (S::Analysis, S::PlanApproval),
        A::ApprovePlan => (S::PlanApproval, if disposition == Some(Disposition::Rework) { S::Scheduling } else { S::ReReceipt }),
        A::RejectPlan => (S::PlanApproval, S::Analysis),
        A::Schedule => (S::Scheduling, S::Rework),
        A::CompleteRework => (S::Rework, S::ReReceipt),
        A::ReReceive => (S::ReReceipt, S::Done),
        A::Extend if state != S::Done => (state, state),
        A::Extend => return Err(HandlingRefusal::WrongState),
    };
    if state != from {
        return Err(HandlingRefusal::WrongState);
    }
    if !state.may(actor) {
        return Err(HandlingRefusal::Forbidden);
    }
    Ok(to)
}

/// The actions `actor` may take now, `extend` only while the step's clock allows it.
pub fn available(actor: &Actor, state: HandlingState, disposition: Option<Disposition>, clock: StepClock) -> Vec<HandlingAction> {
    use HandlingAction as A;
    let actions = [A::Inspect, A::Plan, A::ApprovePlan, A::RejectPlan, A::Schedule, A::CompleteRework, A::ReReceive, A::Extend]
        .into_iter()
        .filter(|a| decide(actor, state, *a, disposition).is_ok())
        .collect();
    clock.offered(actions, A::Extend)
}

fn required(issues: &mut Vec<FieldIssue>, field: &str, value: &str) {
    if value.trim().is_empty() {
        issues.push(FieldIssue::new(field, Rule::Required, "required"));
    }
}

impl QaFinding {
    pub fn check(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        required(&mut issues, "finding", &self.finding);
        required(&mut issues, "label", &self.label);
        issues
    }
}

impl Plan {
    pub fn check(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        required(&mut issues, "analysis", &self.analysis);
        if self.disposition == Disposition::Rework {
            required(&mut issues, "plan", self.plan.as_deref().unwrap_or_default());
        }
        if self.cost.fen() < 0 {
            issues.push(FieldIssue::new("cost", Rule::OutOfRange, "not negative"));
        }
        issues
    }
}

impl Schedule {
    pub fn check(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        required(&mut issues, "production_unit", &self.production_unit);
        if self.finish_on < self.start_on {
            issues.push(FieldIssue::new("finish_on", Rule::OutOfRange, "on or after start_on"));
        }
        issues
    }
}

/// A count per item: one whole number for each, from 0 up to what is there
/// (`limits`, item by item).
pub fn check_counts(limits: &[i64], counts: &[i64]) -> Vec<FieldIssue> {
    if counts.len() != limits.len() {
        return vec![FieldIssue::new("quantities", Rule::Count, format!("one quantity for each of the {} items", limits.len()))];
    }
    counts
        .iter()
        .zip(limits)
        .enumerate()
        .filter(|(_, (q, max))| **q < 0 || *q > *max)
        .map(|(i, (_, max))| FieldIssue::new(format!("quantities[{i}]"), Rule::OutOfRange, format!("from 0 to {max}")))
        .collect()
}

/// What the warehouse can take back per item: what production reworked, or,
/// without a rework, what was received.
pub fn re_receivable(received: &[i64], h: &Handling) -> Vec<i64> {
    match (&h.plan, &h.reworked) {
        (Some(p), Some(r)) if p.disposition == Disposition::Rework => r.clone(),
        _ => received.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use HandlingAction as A;
    use HandlingState as S;

    fn actor(roles: &[Role]) -> Actor {
        Actor { user_id: 9, department_id: 1, roles: roles.to_vec() }
    }

    #[test]
    fn a_rework_passes_every_department_in_turn() {
        let steps = [
            (Role::Qa, S::QaInspection, A::Inspect, S::Analysis),
            (Role::Engineering, S::Analysis, A::Plan, S::PlanApproval),
            (Role::Gm, S::PlanApproval, A::ApprovePlan, S::Scheduling),
            (Role::ProductionManager, S::Scheduling, A::Schedule, S::Rework),
            (Role::Production, S::Rework, A::CompleteRework, S::ReReceipt),
            (Role::Warehouse, S::ReReceipt, A::ReReceive, S::Done),
        ];
        for (role, from, action, to) in steps {
            assert_eq!(decide(&actor(&[role]), from, action, Some(Disposition::Rework)), Ok(to), "{action:?}");
            assert_eq!(decide(&actor(&[Role::Sales]), from, action, Some(Disposition::Rework)), Err(HandlingRefusal::Forbidden));
        }
        assert_eq!(decide(&actor(&[Role::Qa]), S::Analysis, A::Inspect, None), Err(HandlingRefusal::WrongState));
        assert!(available(&actor(&[Role::Gm]), S::Done, None, StepClock { running: true, extended: false }).is_empty());
        assert_eq!(available(&actor(&[Role::Gm]), S::PlanApproval, Some(Disposition::Scrap), StepClock::default()), [A::ApprovePlan, A::RejectPlan]);
        let running = StepClock { running: true, extended: false };
        assert_eq!(available(&actor(&[Role::Gm]), S::PlanApproval, None, running), [A::ApprovePlan, A::RejectPlan, A::Extend]);
        assert!(available(&actor(&[Role::Warehouse]), S::PlanApproval, None, running).is_empty());
        assert_eq!(decide(&actor(&[Role::Qa]), S::QaInspection, A::Extend, None), Ok(S::QaInspection));
        assert_eq!(decide(&actor(&[Role::Qa]), S::Done, A::Extend, None), Err(HandlingRefusal::WrongState));
    }

    #[test]
    fn without_a_rework_the_approved_plan_goes_straight_to_the_warehouse() {
        let gm = actor(&[Role::Gm]);
        assert_eq!(decide(&gm, S::PlanApproval, A::ApprovePlan, Some(Disposition::Restock)), Ok(S::ReReceipt));
        assert_eq!(decide(&gm, S::PlanApproval, A::ApprovePlan, Some(Disposition::Scrap)), Ok(S::ReReceipt));
        assert_eq!(decide(&gm, S::PlanApproval, A::RejectPlan, Some(Disposition::Rework)), Ok(S::Analysis));
        // Only the general manager approves a plan; a deputy does not.
        assert_eq!(decide(&actor(&[Role::DeputyGm]), S::PlanApproval, A::ApprovePlan, None), Err(HandlingRefusal::Forbidden));
    }

    #[test]
    fn each_step_states_what_it_must() {
        let plan =
            |d, text: Option<&str>, cost: &str| Plan {
                analysis: "焊点虚焊".into(), disposition: d, plan: text.map(Into::into), cost: cost.parse().unwrap()
            };
        assert_eq!(plan(Disposition::Rework, None, "0").check()[0].field, "plan");
        assert!(plan(Disposition::Scrap, None, "0").check().is_empty());
        assert!(plan(Disposition::Rework, Some("补焊"), "1200.00").check().is_empty());
        let q = QaFinding { finding: " ".into(), label: "待整改".into() };
        assert_eq!(q.check()[0].field, "finding");
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let s = Schedule { start_on: d("2026-12-08"), finish_on: d("2026-12-07"), production_unit: "二线".into(), material_issue: None };
        assert_eq!(s.check()[0].field, "finish_on");
    }

    #[test]
    fn counts_are_per_item_whole_and_within_what_is_there() {
        assert!(check_counts(&[10, 5], &[10, 0]).is_empty());
        assert_eq!(check_counts(&[10, 5], &[10])[0].field, "quantities");
        let fields: Vec<String> = check_counts(&[10, 5], &[11, -1]).into_iter().map(|i| i.field).collect();
        assert_eq!(fields, ["quantities[0]", "quantities[1]"]);
    }

    #[test]
    fn the_warehouse_takes_back_what_production_reworked() {
        let mut h = Handling { reworked: Some(vec![8, 2]), ..Default::default() };
        h.plan = Some(Plan { analysis: "a".into(), disposition: Disposition::Rework, plan: Some("p".into()), cost: Money::from_fen(0).unwrap() });
        assert_eq!(re_receivable(&[10, 2], &h), [8, 2]);
        h.plan.as_mut().unwrap().disposition = Disposition::Restock;
        assert_eq!(re_receivable(&[10, 2], &h), [10, 2]);
    }
}
