//! Who may see a complaint and who may take which action (workflow.md "who").

use crate::role::{Actor, Role};
use crate::workflow::{target, Action, Route, State};

/// The facts about a case that the permission rules look at.
#[derive(Clone, Debug)]
pub struct CaseFacts {
    pub state: State,
    pub sales_department_id: i64,
    pub created_by: i64,
    pub customer_owner_id: Option<i64>,
    /// The unit QA named to draft countermeasures.
    pub countermeasure_department_id: Option<i64>,
    pub engineering_requested: bool,
    /// Who proposed the resolution now on the case.
    pub proposed_by: Option<i64>,
    /// The approver role the case was routed to.
    pub approver_role: Option<Role>,
    /// Whether the case was ever registered (drafts returned to sales were).
    pub registered: bool,
    /// Who recorded the customer's outcome now waiting for the countersign.
    pub outcome_by: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// The caller may not see the case at all (404).
    Hidden,
    /// The state does not allow the action (409).
    WrongState,
    /// The caller's role, department or ownership does not allow it (403).
    Forbidden,
}

fn is_case_sales(actor: &Actor, case: &CaseFacts) -> bool {
    actor.any(Role::is_sales) && (actor.department_id == case.sales_department_id || case.customer_owner_id == Some(actor.user_id))
}

fn in_unit(actor: &Actor, case: &CaseFacts) -> bool {
    case.countermeasure_department_id == Some(actor.department_id)
}

/// A salesperson sees their department's complaints and their own customers';
/// the rest of the factory sees a case once it is registered; drafts that never
/// reached the coordinator stay with sales.
pub fn can_see(actor: &Actor, case: &CaseFacts) -> bool {
    if is_case_sales(actor, case) || case.created_by == actor.user_id {
        return true;
    }
    if case.state == State::Draft && !case.registered {
        return false;
    }
    if case.state == State::AwaitingRegistration {
        return actor.has(Role::Coordinator) || actor.any(Role::is_executive) || actor.has(Role::Admin);
    }
    actor.roles.iter().any(|r| !r.is_sales())
}

/// `can_see` as three switches a list query can filter on: a caller sees
/// what they filed, plus, with `sales`, their department's and own customers'
/// cases; with `awaiting_registration`, cases waiting for the coordinator;
/// with `registered`, everything else except drafts never registered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListVisibility {
    pub sales: bool,
    pub awaiting_registration: bool,
    pub registered: bool,
}

pub fn list_visibility(actor: &Actor) -> ListVisibility {
    ListVisibility {
        sales: actor.any(Role::is_sales),
        awaiting_registration: actor.has(Role::Coordinator) || actor.any(Role::is_executive) || actor.has(Role::Admin),
        registered: actor.roles.iter().any(|r| !r.is_sales()),
    }
}

impl ListVisibility {
    /// The filter as the database evaluates it.
    pub fn matches(&self, actor: &Actor, case: &CaseFacts) -> bool {
        case.created_by == actor.user_id
            || (self.sales && (actor.department_id == case.sales_department_id || case.customer_owner_id == Some(actor.user_id)))
            || (self.awaiting_registration && case.state == State::AwaitingRegistration)
            || (self.registered && case.state != State::AwaitingRegistration && (case.state != State::Draft || case.registered))
    }
}

/// The person or people whose step it is, for `send_back` and the inbox.
pub fn owns_step(actor: &Actor, case: &CaseFacts) -> bool {
    use State::*;
    match case.state {
        Draft | SalesProposal | CustomerNegotiation | InvalidNotice => is_case_sales(actor, case),
        AwaitingRegistration | CoordinatorReview | Consolidation | AwaitingClose => actor.has(Role::Coordinator),
        QaInvestigation => actor.any(Role::is_qa),
        ProductionCountermeasure => in_unit(actor, case),
        EngineeringReview => actor.has(Role::Engineering),
        PendingApproval => is_approver(actor, case),
        AwaitingCountersign => is_case_supervisor(actor, case),
        Closed => false,
    }
}

/// The sales supervisor or manager of the case's sales department (业务主管).
fn is_case_supervisor(actor: &Actor, case: &CaseFacts) -> bool {
    (actor.has(Role::SalesSupervisor) || actor.has(Role::SalesManager)) && actor.department_id == case.sales_department_id
}

fn is_approver(actor: &Actor, case: &CaseFacts) -> bool {
    let Some(role) = case.approver_role else {
        return false;
    };
    if !actor.has(role) || case.proposed_by == Some(actor.user_id) {
        return false;
    }
    // A department manager approves only for their own department.
    role != Role::SalesManager || actor.department_id == case.sales_department_id
}

fn actor_may(actor: &Actor, action: Action, case: &CaseFacts) -> bool {
    use Action::*;
    let coordinator = actor.has(Role::Coordinator);
    match action {
        Submit | ProposeResolution | RecordOutcome | ConfirmInvalidNotice => is_case_sales(actor, case),
        Register | ForwardToSales | SubmitForApproval | Close | Remind => coordinator,
        ReturnToSales => coordinator || (case.state == State::QaInvestigation && actor.any(Role::is_qa)),
        ConcludeInvestigation | DeclareInvalid => actor.any(Role::is_qa),
        RecordContainment => actor.any(Role::is_qa) || (case.state == State::ProductionCountermeasure && in_unit(actor, case)),
        SubmitCountermeasure => in_unit(actor, case),
        SubmitEngineeringOpinion => actor.has(Role::Engineering),
        Approve | Reject => is_approver(actor, case),
        // The countersign is a second person's: never the one who recorded the outcome.
        Countersign => is_case_supervisor(actor, case) && case.outcome_by != Some(actor.user_id),
        SendBack => coordinator || owns_step(actor, case),
        // Sales withdraws on its own only before the coordinator registered
        // the case; afterwards the coordinator withdraws it (with sales' consent).
        Withdraw => coordinator || (matches!(case.state, State::Draft | State::AwaitingRegistration) && is_case_sales(actor, case)),
    }
}

/// Checks one action: visibility (404), then state (409), then the actor (403).
pub fn check(actor: &Actor, action: Action, case: &CaseFacts, route: Route) -> Result<(), Denied> {
    if !can_see(actor, case) {
        return Err(Denied::Hidden);
    }
    if target(case.state, action, route).is_none() {
        return Err(Denied::WrongState);
    }
    if !actor_may(actor, action, case) {
        return Err(Denied::Forbidden);
    }
    Ok(())
}

/// The actions this caller may take now: the buttons a client draws.
pub fn available_actions(actor: &Actor, case: &CaseFacts) -> Vec<Action> {
    let route = Route { engineering_requested: case.engineering_requested, customer_accepted: true };
    Action::ALL.iter().copied().filter(|a| check(actor, *a, case, route).is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: i64, dept: i64, roles: &[Role]) -> Actor {
        Actor { user_id: id, department_id: dept, roles: roles.to_vec() }
    }

    fn case(state: State) -> CaseFacts {
        CaseFacts {
            state,
            sales_department_id: 10,
            created_by: 1,
            customer_owner_id: Some(1),
            countermeasure_department_id: Some(30),
            engineering_requested: false,
            proposed_by: Some(1),
            approver_role: Some(Role::SalesManager),
            registered: state != State::Draft,
            outcome_by: None,
        }
    }

    #[test]
    fn the_list_filter_says_what_can_see_says() {
        let role_sets: Vec<Vec<Role>> = Role::ALL.iter().map(|r| vec![*r]).chain([vec![Role::Sales, Role::Coordinator], vec![]]).collect();
        for state in State::ALL {
            for roles in &role_sets {
                for (dept, owner, creator, registered) in [(10, Some(1), 1, true), (11, Some(2), 3, false), (11, Some(1), 3, true), (10, None, 3, false)] {
                    let a = actor(1, 10, roles);
                    let c = CaseFacts { sales_department_id: dept, customer_owner_id: owner, created_by: creator, registered, ..case(*state) };
                    assert_eq!(list_visibility(&a).matches(&a, &c), can_see(&a, &c), "{roles:?} {state} {dept} {owner:?} {creator} {registered}");
                }
            }
        }
    }

    #[test]
    fn drafts_stay_with_sales() {
        let c = case(State::Draft);
        assert!(can_see(&actor(2, 10, &[Role::Sales]), &c));
        assert!(!can_see(&actor(3, 11, &[Role::Sales]), &c));
        assert!(!can_see(&actor(4, 20, &[Role::Coordinator]), &c));
        assert!(!can_see(&actor(5, 30, &[Role::Qa]), &c));
    }

    #[test]
    fn approver_must_match_tier_department_and_not_be_proposer() {
        let c = case(State::PendingApproval);
        assert!(check(&actor(7, 10, &[Role::SalesManager]), Action::Approve, &c, Route::default()).is_ok());
        assert_eq!(check(&actor(8, 11, &[Role::SalesManager]), Action::Approve, &c, Route::default()), Err(Denied::Hidden));
        assert_eq!(check(&actor(9, 40, &[Role::DeputyGm]), Action::Approve, &c, Route::default()), Err(Denied::Forbidden));
        let own = CaseFacts { proposed_by: Some(7), ..c };
        assert_eq!(check(&actor(7, 10, &[Role::SalesManager]), Action::Approve, &own, Route::default()), Err(Denied::Forbidden));
    }

    #[test]
    fn the_departments_supervisor_countersigns_what_someone_else_recorded() {
        let c = CaseFacts { outcome_by: Some(2), ..case(State::AwaitingCountersign) };
        let r = Route::default();
        assert!(check(&actor(7, 10, &[Role::SalesSupervisor]), Action::Countersign, &c, r).is_ok());
        assert!(check(&actor(8, 10, &[Role::SalesManager]), Action::Countersign, &c, r).is_ok());
        assert_eq!(check(&actor(2, 10, &[Role::SalesSupervisor]), Action::Countersign, &c, r), Err(Denied::Forbidden), "who recorded it");
        assert_eq!(check(&actor(1, 10, &[Role::Sales]), Action::Countersign, &c, r), Err(Denied::Forbidden));
        assert_eq!(check(&actor(9, 11, &[Role::SalesSupervisor, Role::Qa]), Action::Countersign, &c, r), Err(Denied::Forbidden));
        assert_eq!(check(&actor(4, 20, &[Role::Coordinator]), Action::Close, &c, r), Err(Denied::WrongState));
        assert!(owns_step(&actor(7, 10, &[Role::SalesSupervisor]), &c));
    }

    #[test]
    fn countermeasure_belongs_to_the_named_unit() {
        let c = case(State::ProductionCountermeasure);
        assert!(check(&actor(5, 30, &[Role::Production]), Action::SubmitCountermeasure, &c, Route::default()).is_ok());
        assert_eq!(check(&actor(6, 31, &[Role::Production]), Action::SubmitCountermeasure, &c, Route::default()), Err(Denied::Forbidden));
    }

    #[test]
    fn state_is_checked_before_role() {
        let c = case(State::QaInvestigation);
        assert_eq!(check(&actor(4, 20, &[Role::Coordinator]), Action::Close, &c, Route::default()), Err(Denied::WrongState));
    }

    #[test]
    fn buttons_follow_the_step() {
        let c = case(State::QaInvestigation);
        let qa = available_actions(&actor(5, 30, &[Role::Qa]), &c);
        assert!(qa.contains(&Action::ConcludeInvestigation) && qa.contains(&Action::SendBack));
        assert!(!qa.contains(&Action::Withdraw));
        let sales = available_actions(&actor(1, 10, &[Role::Sales]), &c);
        assert!(sales.is_empty(), "{sales:?}");
    }
}
