//! A customer visit's life (回访, domain.md §3): planned → recorded (what
//! happened, who went, what it cost) → reported (the next working day) →
//! reviewed by a supervisor of the customer's department who did not go.

use crate::care::VisitMethod;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use crate::role::{Actor, Role};
use chrono::NaiveDate;

coded_enum! {
    /// Where a visit stands.
    VisitStatus {
        Planned = "planned",
        Recorded = "recorded",
        Reported = "reported",
        Reviewed = "reviewed",
    }
}

/// A step of the visit's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VisitStep {
    Record,
    Report,
    Review,
}

impl VisitStatus {
    /// Where `step` leads from here; `None` when this is not its turn.
    pub fn after(self, step: VisitStep) -> Option<VisitStatus> {
        match (self, step) {
            (VisitStatus::Planned, VisitStep::Record) => Some(VisitStatus::Recorded),
            (VisitStatus::Recorded, VisitStep::Report) => Some(VisitStatus::Reported),
            (VisitStatus::Reported, VisitStep::Review) => Some(VisitStatus::Reviewed),
            _ => None,
        }
    }

    /// The visit took place.
    pub fn done(self) -> bool {
        self != VisitStatus::Planned
    }
}

/// A visit plan (回访计划).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitPlan {
    pub customer_id: i64,
    pub planned_on: NaiveDate,
    pub purpose: String,
    pub content: Option<String>,
    pub method: VisitMethod,
}

/// What the rules look at of a visit.
#[derive(Clone, Debug)]
pub struct VisitFacts {
    pub status: VisitStatus,
    pub planned_by: i64,
    pub participants: Vec<i64>,
    /// The department of the visited customer.
    pub customer_department_id: i64,
}

impl VisitFacts {
    /// The planner or someone who went.
    pub fn went(&self, user_id: i64) -> bool {
        self.planned_by == user_id || self.participants.contains(&user_id)
    }
}

/// Who reviews reports: a sales supervisor, the sales manager or the
/// marketing head of the customer's department, or an executive.
pub fn supervises(actor: &Actor, customer_department_id: i64) -> bool {
    let supervisor = [Role::SalesSupervisor, Role::SalesManager, Role::MarketingManager].iter().any(|r| actor.has(*r));
    (supervisor && actor.department_id == customer_department_id) || actor.any(Role::is_executive)
}

/// The reviewers' departments see the reports waiting for them.
pub fn reviews_reports(actor: &Actor) -> bool {
    [Role::SalesSupervisor, Role::SalesManager, Role::MarketingManager].iter().any(|r| actor.has(*r)) || actor.any(Role::is_executive)
}

pub fn may_record(actor: &Actor, v: &VisitFacts) -> bool {
    v.status == VisitStatus::Planned && v.went(actor.user_id)
}

pub fn may_report(actor: &Actor, v: &VisitFacts) -> bool {
    v.status == VisitStatus::Recorded && v.went(actor.user_id)
}

/// A supervisor reviews a colleague's visit, never their own.
pub fn may_review(actor: &Actor, v: &VisitFacts) -> bool {
    v.status == VisitStatus::Reported && supervises(actor, v.customer_department_id) && !v.went(actor.user_id)
}

/// The record of a visit that took place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitRecord {
    pub visited_on: NaiveDate,
    pub record: String,
    /// Everyone who went, the recorder included, without repeats.
    pub participants: Vec<i64>,
    pub expense: Option<Money>,
    pub expense_note: Option<String>,
}

/// What recording a visit must respect.
pub struct RecordRules {
    pub today: NaiveDate,
    pub expense_limit: Money,
    /// The customer has no visit on record yet.
    pub first_visit: bool,
    /// How many of the participants are salespeople.
    pub sales_participants: usize,
}

/// The field rules of a visit record.
pub fn check_record(r: &VisitRecord, rules: &RecordRules) -> Vec<FieldIssue> {
    let mut out = Vec::new();
    if r.visited_on > rules.today {
        out.push(FieldIssue::new("visited_on", Rule::Future, "a visit is recorded after it took place"));
    }
    if r.expense.is_some_and(|e| e > rules.expense_limit) {
        out.push(FieldIssue::new("expense", Rule::OverLimit, format!("at most {} per visit", rules.expense_limit)));
    }
    if rules.first_visit && rules.sales_participants < 2 {
        out.push(FieldIssue::new("participant_ids", Rule::FirstVisitTwoSales, "a new customer's first visit is made by two salespeople"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i64, dept: i64, roles: &[Role]) -> Actor {
        Actor { user_id: id, department_id: dept, roles: roles.to_vec() }
    }

    fn visit(status: VisitStatus) -> VisitFacts {
        VisitFacts { status, planned_by: 1, participants: vec![1, 2], customer_department_id: 10 }
    }

    #[test]
    fn the_life_runs_one_way() {
        use VisitStatus::*;
        assert_eq!(Planned.after(VisitStep::Record), Some(Recorded));
        assert_eq!(Recorded.after(VisitStep::Report), Some(Reported));
        assert_eq!(Reported.after(VisitStep::Review), Some(Reviewed));
        assert_eq!(Planned.after(VisitStep::Report), None);
        assert_eq!(Reviewed.after(VisitStep::Review), None);
        assert!(!Planned.done() && Recorded.done());
    }

    #[test]
    fn those_who_went_record_and_report_and_a_supervisor_who_did_not_reviews() {
        let sales = actor(2, 10, &[Role::Sales]);
        assert!(may_record(&sales, &visit(VisitStatus::Planned)));
        assert!(may_report(&sales, &visit(VisitStatus::Recorded)));
        assert!(!may_review(&sales, &visit(VisitStatus::Reported)));
        let supervisor = actor(5, 10, &[Role::SalesSupervisor]);
        assert!(!may_record(&supervisor, &visit(VisitStatus::Planned)));
        assert!(may_review(&supervisor, &visit(VisitStatus::Reported)));
        let elsewhere = actor(6, 11, &[Role::SalesManager]);
        assert!(!may_review(&elsewhere, &visit(VisitStatus::Reported)));
        let gm_who_went = actor(2, 99, &[Role::Gm]);
        assert!(!may_review(&gm_who_went, &visit(VisitStatus::Reported)), "nobody reviews their own visit");
        assert!(may_review(&actor(7, 99, &[Role::DeputyGm]), &visit(VisitStatus::Reported)));
    }

    #[test]
    fn a_record_keeps_to_the_day_the_limit_and_the_first_visit_rule() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let r =
            VisitRecord { visited_on: d(24), record: "x".into(), participants: vec![1], expense: Some(Money::from_fen(20_001).unwrap()), expense_note: None };
        let rules = RecordRules { today: d(23), expense_limit: Money::from_fen(20_000).unwrap(), first_visit: true, sales_participants: 1 };
        let rules_broken: Vec<Rule> = check_record(&r, &rules).into_iter().map(|i| i.rule).collect();
        assert_eq!(rules_broken, [Rule::Future, Rule::OverLimit, Rule::FirstVisitTwoSales]);
        let ok = RecordRules { today: d(24), first_visit: false, expense_limit: Money::from_fen(30_000).unwrap(), ..rules };
        assert!(check_record(&r, &ok).is_empty());
    }
}
