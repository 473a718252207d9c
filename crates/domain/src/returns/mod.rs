//! Returns and exchanges (退换货, domain.md §5 and §4.8). This part holds the
//! application (客户退换货申请单) — its grounds, its approval chain (sales
//! supervisor → marketing manager → general manager) with refusal at each
//! step, the time a document may stay in one department — and accounting's
//! check of the quantity received against the approved one. The steps after
//! approval (inspection, return note, receipt and booking) build on it.

pub mod allowance;
pub mod application;
pub mod booking;
pub mod eligibility;
pub mod handling;
pub mod inspection;
pub mod note;
pub mod retail;

pub use application::{ReadScope, ReturnEvent, ReturnLine, MAX_LINES};

use crate::coded_enum;
use crate::deadline::Calendar;
use crate::issue::FieldIssue;
use crate::role::{Actor, Role};
use chrono::{DateTime, Utc};

coded_enum! {
    /// What the customer gets back for the goods.
    ReturnKind {
        /// 退货: the goods come back and are credited.
        Return = "return",
        /// 换货: the goods come back and new ones go out (a linked new order).
        Exchange = "exchange",
        /// 重修: the goods come back, are reworked and go out again.
        Rework = "rework",
    }
}

coded_enum! {
    /// Where an application stands. The names are public API.
    ReturnState {
        Draft = "draft",
        /// With the sales supervisor, who may first try to keep the sale.
        SupervisorReview = "supervisor_review",
        MarketingReview = "marketing_review",
        GmApproval = "gm_approval",
        Approved = "approved",
        Refused = "refused",
        Withdrawn = "withdrawn",
    }
}

coded_enum! {
    /// What can be done to an application. The names are public API.
    ReturnAction {
        Submit = "submit",
        Approve = "approve",
        Refuse = "refuse",
        Withdraw = "withdraw",
        /// Keep it in this step up to the longer limit, with a written reason.
        Extend = "extend",
    }
}

coded_enum! {
    /// A document after a return's approval with its own step clock: it
    /// stays at most the policy's working days in one department.
    Document {
        ReturnNote = "return_note",
        ReturnHandling = "return_handling",
        Allowance = "allowance",
    }
}

/// The numbers an administrator may change (domain.md §5 defaults).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ReturnPolicy {
    /// Working days a document may stay in one department…
    pub step_working_days: u32,
    /// …and at most, with a written reason.
    pub extended_working_days: u32,
    /// Over-delivery tolerance when the customer has none (see `booking`).
    pub company_tolerance_bp: booking::BasisPoints,
    /// The consumer rule set's periods.
    pub retail: retail::RetailRules,
}

impl Default for ReturnPolicy {
    fn default() -> Self {
        ReturnPolicy {
            step_working_days: 1,
            extended_working_days: 3,
            company_tolerance_bp: booking::COMPANY_TOLERANCE_BP,
            retail: retail::RetailRules::default(),
        }
    }
}

impl ReturnPolicy {
    /// When a step entered at `entered` is due, on the company calendar.
    pub fn step_due(&self, cal: &Calendar, entered: DateTime<Utc>, extended: bool) -> DateTime<Utc> {
        cal.add_working_days(entered, if extended { self.extended_working_days } else { self.step_working_days })
    }
}

/// The running clock of a document's step (see `Document`): a step may be
/// extended once, to the longer limit, with a written reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepClock {
    pub running: bool,
    pub extended: bool,
}

impl StepClock {
    /// Whether the step may still be extended; `reason` is the written one,
    /// given in the document's `field`.
    pub fn extend(self, field: &str, reason: Option<&str>) -> Result<(), Refusal> {
        if !self.running || self.extended {
            return Err(Refusal::WrongState);
        }
        match reason {
            Some(r) if !r.trim().is_empty() => Ok(()),
            _ => Err(Refusal::Invalid(vec![FieldIssue::new(field, crate::issue::Rule::Required, "why the step needs longer")])),
        }
    }

    /// `actions` as offered: `extend` only while the step may be extended.
    pub fn offered<A: PartialEq>(self, actions: Vec<A>, extend: A) -> Vec<A> {
        let can = self.running && !self.extended;
        actions.into_iter().filter(|a| can || *a != extend).collect()
    }
}

impl ReturnState {
    /// Whose step it is (who approves or refuses it).
    pub fn approver(self) -> Option<Role> {
        match self {
            ReturnState::SupervisorReview => Some(Role::SalesSupervisor),
            ReturnState::MarketingReview => Some(Role::MarketingManager),
            ReturnState::GmApproval => Some(Role::Gm),
            _ => None,
        }
    }

    fn next(self) -> Option<ReturnState> {
        match self {
            ReturnState::SupervisorReview => Some(ReturnState::MarketingReview),
            ReturnState::MarketingReview => Some(ReturnState::GmApproval),
            ReturnState::GmApproval => Some(ReturnState::Approved),
            _ => None,
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, ReturnState::Approved | ReturnState::Refused | ReturnState::Withdrawn)
    }
}

/// What the rules need to know about an application.
#[derive(Clone, Debug)]
pub struct ReturnFacts {
    pub state: ReturnState,
    pub raised_by: i64,
    /// The sales department it belongs to: its supervisor (or, without one,
    /// its manager) takes the first step.
    pub sales_department_id: i64,
    pub extended: bool,
    /// What is wrong with its grounds (`eligibility::Eligibility::check`).
    pub eligibility_issues: Vec<FieldIssue>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Not in a state where this action applies (409).
    WrongState,
    /// Not this caller's to do (403).
    Forbidden,
    /// The input or the application is incomplete (422).
    Invalid(Vec<FieldIssue>),
}

/// What an allowed action does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub to: ReturnState,
    /// The step's clock starts again (a new department has it).
    pub restarts_clock: bool,
    pub extends: bool,
    /// Who hears of it besides the next step's people: on approval, production
    /// planning and finance, who act on it.
    pub notify: Vec<Role>,
}

fn may_approve(actor: &Actor, f: &ReturnFacts) -> bool {
    match f.state {
        // The department's supervisor; its manager stands in for him, and
        // for a supervisor's own application.
        ReturnState::SupervisorReview => {
            actor.department_id == f.sales_department_id && actor.user_id != f.raised_by && (actor.has(Role::SalesSupervisor) || actor.has(Role::SalesManager))
        }
        s => s.approver().is_some_and(|r| actor.has(r)),
    }
}

fn reason_given(reason: Option<&str>) -> Result<(), Refusal> {
    match reason {
        Some(r) if !r.trim().is_empty() => Ok(()),
        _ => Err(Refusal::Invalid(vec![FieldIssue::new("reason", crate::issue::Rule::Required, "a reason is required")])),
    }
}

/// Decides `action` on an application for `actor`; `reason` where the
/// action needs one (refuse, extend).
pub fn decide(actor: &Actor, f: &ReturnFacts, action: ReturnAction, reason: Option<&str>) -> Result<Decision, Refusal> {
    let step = |to: ReturnState| Decision { to, restarts_clock: true, extends: false, notify: Vec::new() };
    match action {
        ReturnAction::Submit => {
            if f.state != ReturnState::Draft {
                return Err(Refusal::WrongState);
            }
            if actor.user_id != f.raised_by {
                return Err(Refusal::Forbidden);
            }
            if !f.eligibility_issues.is_empty() {
                return Err(Refusal::Invalid(f.eligibility_issues.clone()));
            }
            Ok(step(ReturnState::SupervisorReview))
        }
        ReturnAction::Approve | ReturnAction::Refuse | ReturnAction::Extend => {
            let Some(next) = f.state.next() else { return Err(Refusal::WrongState) };
            if !may_approve(actor, f) {
                return Err(Refusal::Forbidden);
            }
            match action {
                ReturnAction::Approve if next == ReturnState::Approved => Ok(Decision { notify: vec![Role::Production, Role::Finance], ..step(next) }),
                ReturnAction::Approve => Ok(step(next)),
                ReturnAction::Refuse => reason_given(reason).map(|()| step(ReturnState::Refused)),
                _ if f.extended => Err(Refusal::WrongState),
                _ => reason_given(reason).map(|()| Decision { to: f.state, restarts_clock: false, extends: true, notify: Vec::new() }),
            }
        }
        ReturnAction::Withdraw => {
            if !f.state.is_open() {
                return Err(Refusal::WrongState);
            }
            if actor.user_id != f.raised_by {
                return Err(Refusal::Forbidden);
            }
            Ok(step(ReturnState::Withdrawn))
        }
    }
}

#[cfg(test)]
mod tests;
