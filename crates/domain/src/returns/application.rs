//! What an application carries (its items) and who may read it.

use super::{ReturnFacts, ReturnState};
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use crate::role::{Actor, Role};
use serde::{Deserialize, Serialize};

/// At most this many items on one application (the paper form has ten rows;
/// a large order is split by product, rarely by more).
pub const MAX_LINES: usize = 50;

coded_enum! {
    /// What happened to an application, as its history records it.
    ReturnEvent {
        Create = "create",
        Edit = "edit",
        Submit = "submit",
        Approve = "approve",
        Refuse = "refuse",
        Withdraw = "withdraw",
        Extend = "extend",
        /// Customer service's on-site inspection.
        Inspect = "inspect",
        /// The originals collected changed.
        CollectOriginals = "collect_originals",
        /// Sales issued the return note (成品退货单).
        IssueNote = "issue_note",
        VerifyNote = "verify_note",
        /// The warehouse signed the actual quantities.
        Receive = "receive",
        /// Sales recorded the proof of return.
        RecordProof = "record_proof",
        /// Accounting booked it, or held it for the approver.
        Book = "book",
        AcceptExcess = "accept_excess",
        RefuseExcess = "refuse_excess",
        /// QA inspected and labelled the returned goods.
        QaInspect = "qa_inspect",
        /// Engineering proposed the plan and its cost.
        Plan = "plan",
        ApprovePlan = "approve_plan",
        RejectPlan = "reject_plan",
        /// PMC scheduled the rework.
        Schedule = "schedule",
        CompleteRework = "complete_rework",
        /// The warehouse received the goods back (or wrote them off).
        ReReceive = "re_receive",
        /// A step of the return note kept to the longer limit, with a reason.
        ExtendNote = "extend_note",
        /// A step of the handling kept to the longer limit, with a reason.
        ExtendHandling = "extend_handling",
    }
}

impl From<super::handling::HandlingAction> for ReturnEvent {
    fn from(a: super::handling::HandlingAction) -> ReturnEvent {
        use super::handling::HandlingAction as A;
        match a {
            A::Inspect => ReturnEvent::QaInspect,
            A::Plan => ReturnEvent::Plan,
            A::ApprovePlan => ReturnEvent::ApprovePlan,
            A::RejectPlan => ReturnEvent::RejectPlan,
            A::Schedule => ReturnEvent::Schedule,
            A::CompleteRework => ReturnEvent::CompleteRework,
            A::ReReceive => ReturnEvent::ReReceive,
            A::Extend => ReturnEvent::ExtendHandling,
        }
    }
}

impl From<super::note::NoteAction> for ReturnEvent {
    fn from(a: super::note::NoteAction) -> ReturnEvent {
        use super::note::NoteAction as A;
        match a {
            A::Verify => ReturnEvent::VerifyNote,
            A::Receive => ReturnEvent::Receive,
            A::Book => ReturnEvent::Book,
            A::AcceptExcess => ReturnEvent::AcceptExcess,
            A::RefuseExcess => ReturnEvent::RefuseExcess,
            A::Extend => ReturnEvent::ExtendNote,
        }
    }
}

impl From<super::ReturnAction> for ReturnEvent {
    fn from(a: super::ReturnAction) -> ReturnEvent {
        use super::ReturnAction as A;
        match a {
            A::Submit => ReturnEvent::Submit,
            A::Approve => ReturnEvent::Approve,
            A::Refuse => ReturnEvent::Refuse,
            A::Withdraw => ReturnEvent::Withdraw,
            A::Extend => ReturnEvent::Extend,
        }
    }
}

/// One item to come back: the product, how many, at what unit price.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLine {
    pub product_number: String,
    pub description: Option<String>,
    pub quantity: i64,
    pub unit_price: Money,
}

/// The items' value (quantity × unit price, summed), checked; the issues
/// name the item (`lines[2].quantity`) when one is wrong.
pub fn total(lines: &[ReturnLine]) -> Result<Money, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    if lines.is_empty() {
        issues.push(FieldIssue::new("lines", Rule::Count, "at least one item"));
    }
    if lines.len() > MAX_LINES {
        issues.push(FieldIssue::new("lines", Rule::TooMany, format!("at most {MAX_LINES} items")));
    }
    let mut sum = Money::default();
    for (i, l) in lines.iter().enumerate() {
        if l.product_number.trim().is_empty() {
            issues.push(FieldIssue::new(format!("lines[{i}].product_number"), Rule::Required, "the product number"));
        }
        if l.quantity < 1 {
            issues.push(FieldIssue::new(format!("lines[{i}].quantity"), Rule::OutOfRange, "a whole number of at least 1"));
            continue;
        }
        match l.unit_price.times(l.quantity).and_then(|v| sum.checked_add(v)) {
            Ok(s) => sum = s,
            Err(_) => issues.push(FieldIssue::new(format!("lines[{i}]"), Rule::TooLarge, "the amount is too large")),
        }
    }
    if issues.is_empty() {
        Ok(sum)
    } else {
        Err(issues)
    }
}

/// Who reads applications, as a filter a list can run: everything
/// (marketing manager, executives), a sales department's (its supervisor
/// and manager), the approved ones (the departments that act on them:
/// PMC, production, finance, warehouse, customer service, QA, engineering),
/// and always the caller's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadScope {
    pub all: bool,
    pub department_id: Option<i64>,
    pub approved: bool,
    pub raised_by: i64,
}

/// The roles that act once an application is approved.
pub const AFTER_APPROVAL: [Role; 8] =
    [Role::Production, Role::ProductionManager, Role::Finance, Role::Warehouse, Role::CustomerService, Role::Qa, Role::QaManager, Role::Engineering];

pub fn read_scope(actor: &Actor) -> ReadScope {
    ReadScope {
        all: actor.any(|r| r.is_executive() || r == Role::MarketingManager),
        department_id: (actor.has(Role::SalesSupervisor) || actor.has(Role::SalesManager)).then_some(actor.department_id),
        approved: AFTER_APPROVAL.iter().any(|r| actor.has(*r)),
        raised_by: actor.user_id,
    }
}

impl ReadScope {
    pub fn admits(&self, f: &ReturnFacts) -> bool {
        self.all || f.raised_by == self.raised_by || self.department_id == Some(f.sales_department_id) || (self.approved && f.state == ReturnState::Approved)
    }
}

/// The actions `actor` may take now (for the SPA's buttons).
pub fn available(actor: &Actor, f: &ReturnFacts) -> Vec<super::ReturnAction> {
    use super::ReturnAction as A;
    [A::Submit, A::Approve, A::Refuse, A::Extend, A::Withdraw]
        .into_iter()
        .filter(|a| match super::decide(actor, f, *a, Some("-")) {
            Ok(_) => true,
            // A draft with incomplete grounds still offers submit: the answer says what is missing.
            Err(super::Refusal::Invalid(_)) => true,
            Err(_) => false,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(q: i64, price: &str) -> ReturnLine {
        ReturnLine { product_number: "P-100".into(), description: None, quantity: q, unit_price: price.parse().unwrap() }
    }

    #[test]
    fn the_total_is_quantity_times_price_summed() {
        assert_eq!(total(&[line(3, "10.50"), line(2, "1.25")]).unwrap().fen(), 3400);
    }

    #[test]
    fn no_item_a_zero_or_negative_quantity_or_no_product_is_refused_by_item() {
        let fields = |ls: &[ReturnLine]| total(ls).unwrap_err().into_iter().map(|i| i.field).collect::<Vec<_>>();
        assert_eq!(fields(&[]), ["lines"]);
        assert_eq!(fields(&[line(1, "1"), line(0, "1"), line(-2, "1")]), ["lines[1].quantity", "lines[2].quantity"]);
        let mut blank = line(1, "1");
        blank.product_number = " ".into();
        assert_eq!(fields(&[blank]), ["lines[0].product_number"]);
        assert_eq!(fields(&vec![line(1, "1"); MAX_LINES + 1]), ["lines"]);
    }

    #[test]
    fn an_amount_past_the_money_range_is_refused_not_wrapped() {
        assert!(total(&[line(i64::MAX, "2")]).is_err());
    }
}
