//! Improvement tracking after a decision (改善追踪): the marks that take a
//! case out of it or count it apart — pure human negligence (domain.md
//! §4.7), an irrational complaint (非理性抱怨, seed 002 §3.5, §7.2.2) — and
//! the effectiveness check of its corrective actions some days after the
//! close (措施的有效性验证, seed 002 §5.4, §6.3).

mod deferral;

pub use deferral::*;

use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use crate::workflow::Closure;
use chrono::{Days, NaiveDate};

coded_enum! {
    /// What the case's history records of its tracking. The names are public API.
    TrackingEvent {
        MarkNegligence = "mark_negligence",
        ClearNegligence = "clear_negligence",
        MarkIrrational = "mark_irrational",
        ClearIrrational = "clear_irrational",
        ScheduleCheck = "schedule_effectiveness_check",
        PassCheck = "pass_effectiveness_check",
        FailCheck = "fail_effectiveness_check",
        RequestDeferral = "request_deferral",
        ApproveDeferral = "approve_deferral",
        RefuseDeferral = "refuse_deferral",
    }
}

coded_enum! {
    /// How an irrational complaint is followed (seed 002 §7.2.2: 关注 or 监控).
    IrrationalFollow {
        /// 关注: kept an eye on.
        Watch = "watch",
        /// 监控: followed actively by the department's manager.
        Monitor = "monitor",
    }
}

coded_enum! {
    /// Which irrational count a complaint joins (seed 002 §7.7.1): marked
    /// so by the coordinator (一次), or by an approved deferred closure (二次).
    IrrationalLevel {
        First = "first",
        Second = "second",
    }
}

coded_enum! {
    /// Where an effectiveness check stands. The names are public API.
    CheckState {
        /// Waiting for QA, due on its date.
        Scheduled = "scheduled",
        /// The actions work, cause no new problem and prevent recurrence.
        Passed = "passed",
        /// They do not: a new linked case carries the problem on.
        Failed = "failed",
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrackingRefusal {
    /// Not in a state where this applies (409).
    WrongState,
    /// Not this caller's to do (403).
    Forbidden,
    /// The input is incomplete (422).
    Invalid(Vec<FieldIssue>),
}

/// Longest reason or evidence, in characters.
pub const MAX_TEXT: usize = 4000;

pub(crate) fn text(field: &str, value: &str, what: &str) -> Option<FieldIssue> {
    if value.trim().is_empty() {
        Some(FieldIssue::new(field, Rule::Required, what))
    } else if value.chars().count() > MAX_TEXT {
        Some(FieldIssue::new(field, Rule::TooLong, format!("at most {MAX_TEXT} characters")))
    } else {
        None
    }
}

/// QA, the QA manager or the coordinator say a registered, open case is one
/// of pure human negligence (or take it back).
pub fn may_mark_negligence(actor: &Actor, numbered: bool, case_open: bool) -> Result<(), TrackingRefusal> {
    if !(actor.has(Role::Qa) || actor.has(Role::QaManager) || actor.has(Role::Coordinator)) {
        return Err(TrackingRefusal::Forbidden);
    }
    if !numbered || !case_open {
        return Err(TrackingRefusal::WrongState);
    }
    Ok(())
}

/// The coordinator (the customer service centre of seed 002) confirms a
/// registered complaint irrational, or takes it back, while it is open.
pub fn may_mark_irrational(actor: &Actor, numbered: bool, case_open: bool) -> Result<(), TrackingRefusal> {
    if !actor.has(Role::Coordinator) {
        return Err(TrackingRefusal::Forbidden);
    }
    if !numbered || !case_open {
        return Err(TrackingRefusal::WrongState);
    }
    Ok(())
}

/// A mark needs its reason.
pub fn check_reason(reason: &str) -> Result<(), TrackingRefusal> {
    match text("reason", reason, "why the case is so marked") {
        Some(issue) => Err(TrackingRefusal::Invalid(vec![issue])),
        None => Ok(()),
    }
}

/// When the corrective actions are checked (the 8D policy's number of days).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckPolicy {
    pub after_days: u32,
}

impl CheckPolicy {
    /// A case closed resolved with corrective actions is checked, unless it
    /// was pure human negligence (not tracked for improvement, §4.7) or the
    /// policy checks nothing (0 days).
    pub fn needs_check(&self, closure: Option<Closure>, corrective_actions: bool, negligence: bool) -> bool {
        self.after_days > 0 && closure == Some(Closure::Resolved) && corrective_actions && !negligence
    }

    pub fn due_on(&self, closed_on: NaiveDate) -> NaiveDate {
        closed_on.checked_add_days(Days::new(u64::from(self.after_days))).unwrap_or(NaiveDate::MAX)
    }
}

/// What QA found, each of seed 002 §5.4's three questions with the evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    /// The existing problem is improved (5.4.1).
    pub works: bool,
    /// The actions cause no new problem (5.4.2).
    pub no_new_problem: bool,
    /// The error cannot happen again (5.4.3).
    pub prevents_recurrence: bool,
    pub evidence: String,
}

impl CheckResult {
    pub fn passed(&self) -> bool {
        self.works && self.no_new_problem && self.prevents_recurrence
    }
}

/// QA or the QA manager records the result of a scheduled check; the state
/// it leaves. Recording before the due date is allowed: QA may have the
/// evidence early.
pub fn record(actor: &Actor, state: CheckState, result: &CheckResult) -> Result<CheckState, TrackingRefusal> {
    if !may_check(actor) {
        return Err(TrackingRefusal::Forbidden);
    }
    if state != CheckState::Scheduled {
        return Err(TrackingRefusal::WrongState);
    }
    if let Some(issue) = text("evidence", &result.evidence, "what the check looked at and found") {
        return Err(TrackingRefusal::Invalid(vec![issue]));
    }
    Ok(if result.passed() { CheckState::Passed } else { CheckState::Failed })
}

/// Who checks: quality.
pub fn may_check(actor: &Actor) -> bool {
    actor.has(Role::Qa) || actor.has(Role::QaManager)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::role::Actor;

    fn actor(role: Role) -> Actor {
        Actor { user_id: 7, roles: vec![role], department_id: 1 }
    }

    fn result(works: bool, evidence: &str) -> CheckResult {
        CheckResult { works, no_new_problem: true, prevents_recurrence: true, evidence: evidence.into() }
    }

    #[test]
    fn a_resolved_case_with_actions_is_checked_unless_negligence() {
        let p = CheckPolicy { after_days: 30 };
        assert!(p.needs_check(Some(Closure::Resolved), true, false));
        assert!(!p.needs_check(Some(Closure::Resolved), true, true));
        assert!(!p.needs_check(Some(Closure::Resolved), false, false));
        assert!(!p.needs_check(Some(Closure::Invalid), true, false));
        assert!(!p.needs_check(Some(Closure::Withdrawn), true, false));
        assert!(!CheckPolicy { after_days: 0 }.needs_check(Some(Closure::Resolved), true, false));
    }

    #[test]
    fn due_the_policys_days_after_the_close() {
        let closed = NaiveDate::from_ymd_opt(2026, 12, 20).unwrap();
        assert_eq!(CheckPolicy { after_days: 30 }.due_on(closed), NaiveDate::from_ymd_opt(2027, 1, 19).unwrap());
    }

    #[test]
    fn passes_only_when_all_three_hold_and_needs_evidence() {
        let qa = actor(Role::Qa);
        assert_eq!(record(&qa, CheckState::Scheduled, &result(true, "lot 12 ok")), Ok(CheckState::Passed));
        assert_eq!(record(&qa, CheckState::Scheduled, &result(false, "same defect in lot 13")), Ok(CheckState::Failed));
        let mut r = result(true, "fine");
        r.prevents_recurrence = false;
        assert_eq!(record(&qa, CheckState::Scheduled, &r), Ok(CheckState::Failed));
        assert!(matches!(record(&qa, CheckState::Scheduled, &result(true, "  ")), Err(TrackingRefusal::Invalid(i)) if i[0].field == "evidence"));
        assert_eq!(record(&qa, CheckState::Passed, &result(true, "again")), Err(TrackingRefusal::WrongState));
        assert_eq!(record(&actor(Role::Coordinator), CheckState::Scheduled, &result(true, "x")), Err(TrackingRefusal::Forbidden));
        assert_eq!(record(&actor(Role::QaManager), CheckState::Scheduled, &result(true, "x")), Ok(CheckState::Passed));
    }

    #[test]
    fn who_marks_what() {
        for r in [Role::Qa, Role::QaManager, Role::Coordinator] {
            assert_eq!(may_mark_negligence(&actor(r), true, true), Ok(()));
        }
        assert_eq!(may_mark_negligence(&actor(Role::Sales), true, true), Err(TrackingRefusal::Forbidden));
        assert_eq!(may_mark_negligence(&actor(Role::Qa), false, true), Err(TrackingRefusal::WrongState));
        assert_eq!(may_mark_irrational(&actor(Role::Coordinator), true, true), Ok(()));
        assert_eq!(may_mark_irrational(&actor(Role::Qa), true, true), Err(TrackingRefusal::Forbidden));
        assert_eq!(may_mark_irrational(&actor(Role::Coordinator), true, false), Err(TrackingRefusal::WrongState));
        assert!(check_reason(" ").is_err());
        assert!(check_reason(&"x".repeat(MAX_TEXT + 1)).is_err());
        assert!(check_reason("operator skipped the torque check").is_ok());
    }
}
