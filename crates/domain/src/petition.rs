//! Petitions (签呈, domain.md §4.3): a department head who disputes a
//! decision on a case puts it in writing to the general manager. The
//! general manager decides; the decision is recorded on the case and may
//! send the case back to a named earlier step of its route. While a
//! petition waits, the case does not close.

use crate::coded_enum;
use crate::improvement::{TrackingRefusal as Refusal, MAX_TEXT};
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use crate::State;

coded_enum! {
    /// Where a petition stands. The names are public API.
    PetitionState {
        Pending = "pending",
        Decided = "decided",
        Withdrawn = "withdrawn",
    }
}

coded_enum! {
    /// What may be done with a pending petition. The names are public API.
    PetitionAction {
        Decide = "decide",
        Withdraw = "withdraw",
    }
}

coded_enum! {
    /// A petition's entries in the case's history. The names are public API.
    PetitionEvent {
        RaisePetition = "raise_petition",
        DecidePetition = "decide_petition",
        WithdrawPetition = "withdraw_petition",
    }
}

/// Longest subject, in characters.
pub const MAX_SUBJECT: usize = 200;

/// The heads of departments (部门主管): the managers of sales, QA,
/// production and marketing.
pub fn is_department_head(actor: &Actor) -> bool {
    actor.any(|r| matches!(r, Role::SalesManager | Role::QaManager | Role::ProductionManager | Role::MarketingManager))
}

/// What the rules need to know about the case.
#[derive(Clone, Copy, Debug)]
pub struct PetitionFacts {
    pub state: State,
    pub numbered: bool,
    pub engineering_requested: bool,
    /// A petition of the caller's department waits already.
    pub pending_from_department: bool,
}

/// What a head writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Petition {
    pub subject: String,
    pub content: String,
    /// The step the head asks the case to go back to, if any.
    pub return_to: Option<State>,
}

/// The steps a case may be sent back to from `state`: every earlier step of
/// its route after registration, nearest first.
pub fn return_targets(state: State, engineering_requested: bool) -> Vec<State> {
    let mut out = Vec::new();
    let mut s = state;
    while let Some(prev) = s.previous(engineering_requested) {
        if prev == State::AwaitingRegistration {
            break;
        }
        out.push(prev);
        s = prev;
    }
    out
}

/// A department head, on a registered, open case, one petition of a
/// department at a time.
pub fn may_raise(actor: &Actor, f: PetitionFacts) -> Result<(), Refusal> {
    if !is_department_head(actor) {
        return Err(Refusal::Forbidden);
    }
    if !f.numbered || f.state == State::Closed || f.pending_from_department {
        return Err(Refusal::WrongState);
    }
    Ok(())
}

fn text(issues: &mut Vec<FieldIssue>, field: &str, value: &str, max: usize, what: &str) {
    if value.trim().is_empty() {
        issues.push(FieldIssue::new(field, Rule::Required, what));
    } else if value.chars().count() > max {
        issues.push(FieldIssue::new(field, Rule::TooLong, format!("at most {max} characters")));
    }
}

fn target_issue(issues: &mut Vec<FieldIssue>, return_to: Option<State>, f: &PetitionFacts) {
    if let Some(to) = return_to {
        if !return_targets(f.state, f.engineering_requested).contains(&to) {
            issues.push(FieldIssue::new("return_to", Rule::OutOfRange, format!("`{to}` is not an earlier step of this case's route")));
        }
    }
}

/// A subject, the petition's text, and a step to return to that lies
/// behind the case.
pub fn check_petition(p: &Petition, f: &PetitionFacts) -> Result<(), Refusal> {
    let mut issues = Vec::new();
    text(&mut issues, "subject", &p.subject, MAX_SUBJECT, "what the petition is about");
    text(&mut issues, "content", &p.content, MAX_TEXT, "what is disputed and what is asked");
    target_issue(&mut issues, p.return_to, f);
    if issues.is_empty() {
        Ok(())
    } else {
        Err(Refusal::Invalid(issues))
    }
}

/// The general manager's ruling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ruling {
    pub decision: String,
    /// Send the case back to this step.
    pub return_to: Option<State>,
}

/// Who may do what with a pending petition: the general manager decides
/// (with a written decision, and a step to return to that lies behind the
/// case now); the head who raised it withdraws it. The state it leaves.
pub fn act(
    actor: &Actor,
    state: PetitionState,
    raised_by: i64,
    f: &PetitionFacts,
    action: PetitionAction,
    ruling: Option<&Ruling>,
) -> Result<PetitionState, Refusal> {
    let allowed = match action {
        PetitionAction::Decide => actor.has(Role::Gm),
        PetitionAction::Withdraw => actor.user_id == raised_by,
    };
    if !allowed {
        return Err(Refusal::Forbidden);
    }
    if state != PetitionState::Pending || f.state == State::Closed {
        return Err(Refusal::WrongState);
    }
    match action {
        PetitionAction::Withdraw => Ok(PetitionState::Withdrawn),
        PetitionAction::Decide => {
            let mut issues = Vec::new();
            match ruling {
                Some(r) => {
                    text(&mut issues, "decision", &r.decision, MAX_TEXT, "the general manager's decision");
                    target_issue(&mut issues, r.return_to, f);
                }
                None => issues.push(FieldIssue::new("decision", Rule::Required, "the general manager's decision")),
            }
            if issues.is_empty() {
                Ok(PetitionState::Decided)
            } else {
                Err(Refusal::Invalid(issues))
            }
        }
    }
}

/// The actions `actor` may take on a petition now.
pub fn available(actor: &Actor, state: PetitionState, raised_by: i64, f: &PetitionFacts) -> Vec<PetitionAction> {
    let offered = Ruling { decision: "offered".into(), return_to: None };
    PetitionAction::ALL.iter().copied().filter(|a| act(actor, state, raised_by, f, *a, Some(&offered)).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i64, role: Role) -> Actor {
        Actor { user_id: id, roles: vec![role], department_id: 2 }
    }

    fn facts(state: State) -> PetitionFacts {
        PetitionFacts { state, numbered: true, engineering_requested: false, pending_from_department: false }
    }

    #[test]
    fn the_route_behind_a_case_is_where_it_may_go_back_to() {
        use State::*;
        assert_eq!(
            return_targets(AwaitingClose, false),
            [AwaitingCountersign, CustomerNegotiation, SalesProposal, CoordinatorReview, ProductionCountermeasure, QaInvestigation]
        );
        assert_eq!(return_targets(CoordinatorReview, true), [EngineeringReview, ProductionCountermeasure, QaInvestigation]);
        assert_eq!(return_targets(PendingApproval, false), [Consolidation, SalesProposal, CoordinatorReview, ProductionCountermeasure, QaInvestigation]);
        assert_eq!(return_targets(InvalidNotice, false), [QaInvestigation]);
        assert!(return_targets(QaInvestigation, false).is_empty());
        assert!(return_targets(Draft, false).is_empty());
    }

    #[test]
    fn a_department_head_raises_one_petition_at_a_time_on_an_open_case() {
        let f = facts(State::SalesProposal);
        for role in [Role::SalesManager, Role::QaManager, Role::ProductionManager, Role::MarketingManager] {
            assert_eq!(may_raise(&actor(1, role), f), Ok(()), "{role}");
        }
        for role in [Role::Sales, Role::Qa, Role::Production, Role::Coordinator, Role::Gm] {
            assert_eq!(may_raise(&actor(1, role), f), Err(Refusal::Forbidden), "{role}");
        }
        let head = actor(1, Role::QaManager);
        assert_eq!(may_raise(&head, PetitionFacts { pending_from_department: true, ..f }), Err(Refusal::WrongState));
        assert_eq!(may_raise(&head, facts(State::Closed)), Err(Refusal::WrongState));
        assert_eq!(may_raise(&head, PetitionFacts { numbered: false, ..f }), Err(Refusal::WrongState));
    }

    #[test]
    fn a_petition_names_its_subject_and_only_a_step_behind_the_case() {
        let f = facts(State::SalesProposal);
        let p = |subject: &str, to| Petition { subject: subject.into(), content: "责任比例不合理".into(), return_to: to };
        assert_eq!(check_petition(&p("责任判定异议", Some(State::QaInvestigation)), &f), Ok(()));
        assert_eq!(check_petition(&p("责任判定异议", None), &f), Ok(()));
        let Err(Refusal::Invalid(i)) = check_petition(&p(" ", Some(State::Consolidation)), &f) else { panic!() };
        assert_eq!(i.iter().map(|x| x.field.as_str()).collect::<Vec<_>>(), ["subject", "return_to"]);
        let Err(Refusal::Invalid(i)) = check_petition(&p(&"长".repeat(MAX_SUBJECT + 1), None), &f) else { panic!() };
        assert_eq!(i[0].rule, Rule::TooLong);
    }

    #[test]
    fn the_general_manager_decides_in_writing_and_the_raiser_withdraws() {
        let f = facts(State::CustomerNegotiation);
        let s = PetitionState::Pending;
        let gm = actor(9, Role::Gm);
        let ruling = |to| Ruling { decision: "重新判定责任".into(), return_to: to };
        assert_eq!(act(&gm, s, 1, &f, PetitionAction::Decide, Some(&ruling(Some(State::QaInvestigation)))), Ok(PetitionState::Decided));
        assert!(matches!(act(&gm, s, 1, &f, PetitionAction::Decide, Some(&ruling(Some(State::AwaitingClose)))), Err(Refusal::Invalid(_))));
        assert!(matches!(act(&gm, s, 1, &f, PetitionAction::Decide, None), Err(Refusal::Invalid(_))));
        assert_eq!(act(&actor(9, Role::DeputyGm), s, 1, &f, PetitionAction::Decide, Some(&ruling(None))), Err(Refusal::Forbidden));
        assert_eq!(act(&gm, s, 1, &f, PetitionAction::Withdraw, None), Err(Refusal::Forbidden));
        assert_eq!(act(&actor(1, Role::QaManager), s, 1, &f, PetitionAction::Withdraw, None), Ok(PetitionState::Withdrawn));
        assert_eq!(act(&gm, PetitionState::Decided, 1, &f, PetitionAction::Decide, Some(&ruling(None))), Err(Refusal::WrongState));
        assert_eq!(act(&gm, s, 1, &facts(State::Closed), PetitionAction::Decide, Some(&ruling(None))), Err(Refusal::WrongState));
        assert_eq!(available(&gm, s, 1, &f), [PetitionAction::Decide]);
        assert_eq!(available(&actor(1, Role::QaManager), s, 1, &f), [PetitionAction::Withdraw]);
        assert!(available(&actor(3, Role::Qa), s, 1, &f).is_empty());
    }
}
