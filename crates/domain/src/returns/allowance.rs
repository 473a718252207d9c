//! The allowance certificate (销货折让证明单, domain.md §4.8): for an approved
//! complaint's discount or compensation line, sales raises it; the sales
//! department's manager (or supervisor) and then the general manager (or a
//! deputy) countersign; the customer signs and stamps it, with the proof of
//! the allowance; one copy goes to accounting, who books it with a voucher.

use super::application::ReadScope;
use super::note::ProofKind;
use super::StepClock;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use chrono::NaiveDate;

coded_enum! {
    /// Where a certificate stands. The names are public API.
    AllowanceState {
        /// With the sales department's manager (经(副)理核签).
        ManagerReview = "manager_review",
        /// With the general manager or a deputy (总(副)经理核签).
        GmReview = "gm_review",
        /// Approved: waiting for the customer's signature and stamp.
        Approved = "approved",
        /// Signed by the customer: a copy goes to accounting.
        Signed = "signed",
        /// Accounting booked it (作账).
        Booked = "booked",
        Refused = "refused",
        Withdrawn = "withdrawn",
    }
}

coded_enum! {
    /// What can be done to a certificate. The names are public API.
    AllowanceAction {
        Approve = "approve",
        Refuse = "refuse",
        Withdraw = "withdraw",
        /// The applicant records the customer's signature and the proof.
        Sign = "sign",
        /// Accounting books it with its voucher number.
        Book = "book",
        /// Keep the step up to the longer limit, with a written reason.
        Extend = "extend",
    }
}

coded_enum! {
    /// What happened to a certificate, as its history records it.
    AllowanceEvent {
        Create = "create",
        Approve = "approve",
        Refuse = "refuse",
        Withdraw = "withdraw",
        Sign = "sign",
        Book = "book",
        Extend = "extend",
    }
}

impl From<AllowanceAction> for AllowanceEvent {
    fn from(a: AllowanceAction) -> AllowanceEvent {
        match a {
            AllowanceAction::Approve => AllowanceEvent::Approve,
            AllowanceAction::Refuse => AllowanceEvent::Refuse,
            AllowanceAction::Withdraw => AllowanceEvent::Withdraw,
            AllowanceAction::Sign => AllowanceEvent::Sign,
            AllowanceAction::Book => AllowanceEvent::Book,
            AllowanceAction::Extend => AllowanceEvent::Extend,
        }
    }
}

/// What the rules need to know about a certificate.
#[derive(Clone, Debug)]
pub struct AllowanceFacts {
    pub state: AllowanceState,
    pub raised_by: i64,
    pub sales_department_id: i64,
}

/// What an action brings along.
#[derive(Clone, Debug, Default)]
pub struct AllowanceInput {
    pub reason: Option<String>,
    /// `sign`: who signed for the customer, when, and the proof.
    pub signer: Option<String>,
    pub signed_on: Option<NaiveDate>,
    pub proof_kind: Option<ProofKind>,
    /// `book`: accounting's voucher (传票) number.
    pub voucher: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AllowanceRefusal {
    /// Not in a state where this applies (409).
    WrongState,
    /// Not this caller's to do (403).
    Forbidden,
    /// Something the action needs is missing or wrong (422).
    Invalid(Vec<FieldIssue>),
}

impl AllowanceState {
    pub fn is_open(self) -> bool {
        matches!(self, AllowanceState::ManagerReview | AllowanceState::GmReview)
    }

    /// Approved by both signatories: the departments that act on it may read it.
    pub fn is_approved(self) -> bool {
        matches!(self, AllowanceState::Approved | AllowanceState::Signed | AllowanceState::Booked)
    }
}

/// The returns' read rule, applied to a certificate: the applicant, the
/// department's supervisor and manager, marketing manager and executives;
/// once approved, the departments that act after approval (finance among them).
pub fn admits(scope: &ReadScope, f: &AllowanceFacts) -> bool {
    scope.all || f.raised_by == scope.raised_by || scope.department_id == Some(f.sales_department_id) || (scope.approved && f.state.is_approved())
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|t| t.trim().is_empty())
}

fn required(field: &str, message: &str) -> AllowanceRefusal {
    AllowanceRefusal::Invalid(vec![FieldIssue::new(field, Rule::Required, message)])
}

fn signing_issues(input: &AllowanceInput, today: NaiveDate) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    if blank(&input.signer) {
        issues.push(FieldIssue::new("signer", Rule::Required, "who signed and stamped it for the customer"));
    }
    match input.signed_on {
        None => issues.push(FieldIssue::new("signed_on", Rule::Required, "the day the customer signed")),
        Some(d) if d > today => issues.push(FieldIssue::new("signed_on", Rule::Future, "not after today")),
        Some(_) => {}
    }
    if input.proof_kind.is_none() {
        issues.push(FieldIssue::new("proof_kind", Rule::Required, "the proof of the allowance"));
    }
    issues
}

/// Decides `action` for `actor`; the state it leaves.
pub fn decide(
    actor: &Actor,
    f: &AllowanceFacts,
    action: AllowanceAction,
    input: &AllowanceInput,
    today: NaiveDate,
) -> Result<AllowanceState, AllowanceRefusal> {
    use AllowanceState as S;
    let own = actor.user_id == f.raised_by;
    match action {
        AllowanceAction::Approve | AllowanceAction::Refuse => {
            let next = match f.state {
                S::ManagerReview => S::GmReview,
                S::GmReview => S::Approved,
                _ => return Err(AllowanceRefusal::WrongState),
            };
            let may = match f.state {
                S::ManagerReview => !own && actor.department_id == f.sales_department_id && (actor.has(Role::SalesManager) || actor.has(Role::SalesSupervisor)),
                _ => !own && (actor.has(Role::Gm) || actor.has(Role::DeputyGm)),
            };
            if !may {
                return Err(AllowanceRefusal::Forbidden);
            }
            if action == AllowanceAction::Approve {
                Ok(next)
            } else if blank(&input.reason) {
                Err(required("reason", "a reason is required"))
            } else {
                Ok(S::Refused)
            }
        }
        AllowanceAction::Withdraw => {
            if !f.state.is_open() {
                return Err(AllowanceRefusal::WrongState);
            }
            if !own {
                return Err(AllowanceRefusal::Forbidden);
            }
            Ok(S::Withdrawn)
        }
        AllowanceAction::Sign => {
            if f.state != S::Approved {
                return Err(AllowanceRefusal::WrongState);
            }
            if !own {
                return Err(AllowanceRefusal::Forbidden);
            }
            let issues = signing_issues(input, today);
            if issues.is_empty() {
                Ok(S::Signed)
            } else {
                Err(AllowanceRefusal::Invalid(issues))
            }
        }
        AllowanceAction::Book => {
            if f.state != S::Signed {
                return Err(AllowanceRefusal::WrongState);
            }
            if !actor.has(Role::Finance) {
                return Err(AllowanceRefusal::Forbidden);
            }
            if blank(&input.voucher) {
                return Err(required("voucher", "the voucher number it is booked under"));
            }
            Ok(S::Booked)
        }
        AllowanceAction::Extend => {
            // The step's own people: those who may take it forward.
            let forward = match f.state {
                S::ManagerReview | S::GmReview => AllowanceAction::Approve,
                S::Approved => AllowanceAction::Sign,
                S::Signed => AllowanceAction::Book,
                _ => return Err(AllowanceRefusal::WrongState),
            };
            match decide(actor, f, forward, &AllowanceInput::default(), today) {
                Ok(_) | Err(AllowanceRefusal::Invalid(_)) if blank(&input.reason) => Err(required("reason", "why the step needs longer")),
                Ok(_) | Err(AllowanceRefusal::Invalid(_)) => Ok(f.state),
                Err(e) => Err(e),
            }
        }
    }
}

/// The actions `actor` may take now (those needing input count as
/// offered), `extend` only while the step's clock allows it.
pub fn available(actor: &Actor, f: &AllowanceFacts, today: NaiveDate, clock: StepClock) -> Vec<AllowanceAction> {
    use AllowanceAction as A;
    let actions = [A::Approve, A::Refuse, A::Withdraw, A::Sign, A::Book, A::Extend]
        .into_iter()
        .filter(|a| matches!(decide(actor, f, *a, &AllowanceInput::default(), today), Ok(_) | Err(AllowanceRefusal::Invalid(_))))
        .collect();
    clock.offered(actions, A::Extend)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AllowanceAction as A;
    use AllowanceState as S;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn facts(state: S) -> AllowanceFacts {
        AllowanceFacts { state, raised_by: 1, sales_department_id: 10 }
    }

    fn actor(id: i64, dept: i64, roles: &[Role]) -> Actor {
        Actor { user_id: id, department_id: dept, roles: roles.to_vec() }
    }

    fn go(a: &Actor, state: S, action: A, input: &AllowanceInput) -> Result<S, AllowanceRefusal> {
        decide(a, &facts(state), action, input, day())
    }

    #[test]
    fn the_manager_then_the_general_manager_or_a_deputy_countersign() {
        let none = AllowanceInput::default();
        let manager = actor(2, 10, &[Role::SalesManager]);
        let deputy = actor(3, 30, &[Role::DeputyGm]);
        assert_eq!(go(&manager, S::ManagerReview, A::Approve, &none), Ok(S::GmReview));
        assert_eq!(go(&actor(4, 11, &[Role::SalesManager]), S::ManagerReview, A::Approve, &none), Err(AllowanceRefusal::Forbidden));
        assert_eq!(go(&deputy, S::ManagerReview, A::Approve, &none), Err(AllowanceRefusal::Forbidden));
        assert_eq!(go(&deputy, S::GmReview, A::Approve, &none), Ok(S::Approved));
        assert_eq!(go(&manager, S::GmReview, A::Approve, &none), Err(AllowanceRefusal::Forbidden));
        // Nobody countersigns his own certificate.
        assert_eq!(go(&actor(1, 10, &[Role::SalesManager]), S::ManagerReview, A::Approve, &none), Err(AllowanceRefusal::Forbidden));
        assert_eq!(go(&deputy, S::Approved, A::Approve, &none), Err(AllowanceRefusal::WrongState));
    }

    #[test]
    fn each_signatory_may_refuse_with_a_reason() {
        let manager = actor(2, 10, &[Role::SalesSupervisor]);
        let Err(AllowanceRefusal::Invalid(i)) = go(&manager, S::ManagerReview, A::Refuse, &AllowanceInput::default()) else { panic!() };
        assert_eq!(i[0].field, "reason");
        let why = AllowanceInput { reason: Some("金额与核决不符".into()), ..Default::default() };
        assert_eq!(go(&manager, S::ManagerReview, A::Refuse, &why), Ok(S::Refused));
        assert_eq!(go(&actor(5, 30, &[Role::Gm]), S::GmReview, A::Refuse, &why), Ok(S::Refused));
    }

    #[test]
    fn the_customer_signs_with_a_proof_then_accounting_books_it() {
        let sales = actor(1, 10, &[Role::Sales]);
        let Err(AllowanceRefusal::Invalid(i)) = go(&sales, S::Approved, A::Sign, &AllowanceInput::default()) else { panic!() };
        assert_eq!(i.iter().map(|x| x.field.as_str()).collect::<Vec<_>>(), ["signer", "signed_on", "proof_kind"]);
        let tomorrow = day().succ_opt();
        let late = AllowanceInput { signer: Some("王建国".into()), signed_on: tomorrow, proof_kind: Some(ProofKind::StampedCopy), ..Default::default() };
        let Err(AllowanceRefusal::Invalid(i)) = go(&sales, S::Approved, A::Sign, &late) else { panic!() };
        assert_eq!((i[0].field.as_str(), i[0].rule), ("signed_on", Rule::Future));
        let signed = AllowanceInput { signed_on: Some(day()), ..late };
        assert_eq!(go(&sales, S::Approved, A::Sign, &signed), Ok(S::Signed));
        assert_eq!(go(&actor(2, 10, &[Role::SalesManager]), S::Approved, A::Sign, &signed), Err(AllowanceRefusal::Forbidden));
        let finance = actor(7, 20, &[Role::Finance]);
        assert!(matches!(go(&finance, S::Signed, A::Book, &AllowanceInput::default()), Err(AllowanceRefusal::Invalid(_))));
        let voucher = AllowanceInput { voucher: Some("记-1206-015".into()), ..Default::default() };
        assert_eq!(go(&finance, S::Signed, A::Book, &voucher), Ok(S::Booked));
        assert_eq!(go(&finance, S::Approved, A::Book, &voucher), Err(AllowanceRefusal::WrongState));
        assert_eq!(go(&sales, S::Signed, A::Book, &voucher), Err(AllowanceRefusal::Forbidden));
    }

    #[test]
    fn the_applicant_withdraws_while_it_is_open() {
        let sales = actor(1, 10, &[Role::Sales]);
        let none = AllowanceInput::default();
        assert_eq!(go(&sales, S::GmReview, A::Withdraw, &none), Ok(S::Withdrawn));
        assert_eq!(go(&sales, S::Approved, A::Withdraw, &none), Err(AllowanceRefusal::WrongState));
        assert_eq!(go(&actor(2, 10, &[Role::SalesManager]), S::ManagerReview, A::Withdraw, &none), Err(AllowanceRefusal::Forbidden));
        assert_eq!(available(&sales, &facts(S::Approved), day(), StepClock::default()), [A::Sign]);
        let running = StepClock { running: true, extended: false };
        assert_eq!(available(&sales, &facts(S::Approved), day(), running), [A::Sign, A::Extend]);
        assert_eq!(available(&sales, &facts(S::Approved), day(), StepClock { extended: true, ..running }), [A::Sign]);
    }

    #[test]
    fn finance_reads_it_once_approved() {
        let scope = ReadScope { all: false, department_id: None, approved: true, raised_by: 99 };
        assert!(!admits(&scope, &facts(S::GmReview)));
        assert!(admits(&scope, &facts(S::Signed)));
        let manager = ReadScope { all: false, department_id: Some(10), approved: false, raised_by: 98 };
        assert!(admits(&manager, &facts(S::ManagerReview)));
    }

    #[test]
    fn a_step_is_extended_by_its_own_people_with_a_reason() {
        let reason = AllowanceInput { reason: Some("客户出差".into()), ..Default::default() };
        let manager = actor(2, 10, &[Role::SalesManager]);
        let finance = actor(3, 20, &[Role::Finance]);
        assert_eq!(decide(&manager, &facts(S::ManagerReview), A::Extend, &reason, day()), Ok(S::ManagerReview));
        assert_eq!(decide(&finance, &facts(S::ManagerReview), A::Extend, &reason, day()), Err(AllowanceRefusal::Forbidden));
        assert_eq!(decide(&finance, &facts(S::Signed), A::Extend, &reason, day()), Ok(S::Signed));
        assert!(matches!(decide(&manager, &facts(S::ManagerReview), A::Extend, &AllowanceInput::default(), day()), Err(AllowanceRefusal::Invalid(_))));
        assert_eq!(decide(&finance, &facts(S::Booked), A::Extend, &reason, day()), Err(AllowanceRefusal::WrongState));
    }
}
