//! The task inbox (待办) as criteria a database can filter on: the same rule
//! as `permission::owns_step`, stated as clauses so that the inbox is one
//! query instead of a scan filtered in memory.

use crate::permission::CaseFacts;
use crate::role::{Actor, Role};
use crate::workflow::State;

/// Which cases in a clause's states are the actor's step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepScope {
    /// Every case in those states.
    Any,
    /// Cases of the actor's sales department or of customers they own.
    CaseSales,
    /// Cases whose countermeasure unit is the actor's department.
    Unit,
    /// Cases of the actor's own sales department.
    SalesDepartment,
    /// Cases routed to `role` that the actor did not propose; with
    /// `own_department`, only cases of the actor's sales department.
    RoutedTo { role: Role, own_department: bool },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InboxClause {
    pub states: Vec<State>,
    pub scope: StepScope,
}

/// The clauses whose union is the actor's inbox (before visibility, which
/// the list scope applies).
pub fn clauses(actor: &Actor) -> Vec<InboxClause> {
    use State::*;
    let mut out = Vec::new();
    let mut add = |states: &[State], scope: StepScope| out.push(InboxClause { states: states.to_vec(), scope });
    if actor.any(Role::is_sales) {
        add(&[Draft, SalesProposal, CustomerNegotiation, InvalidNotice], StepScope::CaseSales);
    }
    if actor.has(Role::SalesSupervisor) || actor.has(Role::SalesManager) {
        add(&[AwaitingCountersign], StepScope::SalesDepartment);
    }
    if actor.has(Role::Coordinator) {
        add(&[AwaitingRegistration, CoordinatorReview, Consolidation, AwaitingClose], StepScope::Any);
    }
    if actor.any(Role::is_qa) {
        add(&[QaInvestigation], StepScope::Any);
    }
    add(&[ProductionCountermeasure], StepScope::Unit);
    if actor.has(Role::Engineering) {
        add(&[EngineeringReview], StepScope::Any);
    }
    for role in &actor.roles {
        // A department manager approves only for their own department.
        add(&[PendingApproval], StepScope::RoutedTo { role: *role, own_department: *role == Role::SalesManager });
    }
    out
}

impl InboxClause {
    /// Whether a case matches, as the database evaluates it.
    pub fn matches(&self, actor: &Actor, case: &CaseFacts) -> bool {
        self.states.contains(&case.state)
            && match &self.scope {
                StepScope::Any => true,
                StepScope::CaseSales => actor.department_id == case.sales_department_id || case.customer_owner_id == Some(actor.user_id),
                StepScope::SalesDepartment => actor.department_id == case.sales_department_id,
                StepScope::Unit => case.countermeasure_department_id == Some(actor.department_id),
                StepScope::RoutedTo { role, own_department } => {
                    case.approver_role == Some(*role)
                        && case.proposed_by != Some(actor.user_id)
                        && (!own_department || actor.department_id == case.sales_department_id)
                }
            }
    }
}

/// `owns_step`, through the clauses: used by the test below to keep the two equal.
pub fn in_inbox(actor: &Actor, case: &CaseFacts) -> bool {
    clauses(actor).iter().any(|c| c.matches(actor, case))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::permission::{can_see, owns_step};

    #[test]
    fn the_clauses_say_what_owns_step_says() {
        let roles: Vec<Vec<Role>> = Role::ALL
            .iter()
            .map(|r| vec![*r])
            .chain([vec![Role::Sales, Role::Qa], vec![Role::SalesManager, Role::DeputyGm], vec![Role::Coordinator, Role::Engineering]])
            .collect();
        let mut checked = 0;
        for &state in State::ALL {
            for roles in &roles {
                for (actor_dept, case_dept, unit) in [(10, 10, Some(10)), (10, 11, Some(10)), (10, 11, Some(12)), (10, 10, None)] {
                    for owner in [Some(1), Some(2), None] {
                        for proposer in [Some(1), Some(3), None] {
                            for approver in [Some(Role::SalesManager), Some(Role::DeputyGm), Some(Role::Gm), None] {
                                let actor = Actor { user_id: 1, department_id: actor_dept, roles: roles.clone() };
                                let case = CaseFacts {
                                    state,
                                    sales_department_id: case_dept,
                                    created_by: 5,
                                    customer_owner_id: owner,
                                    countermeasure_department_id: unit,
                                    engineering_requested: false,
                                    proposed_by: proposer,
                                    approver_role: approver,
                                    registered: state != State::Draft,
                                    outcome_by: None,
                                };
                                let seen = can_see(&actor, &case);
                                assert_eq!(
                                    seen && in_inbox(&actor, &case),
                                    seen && owns_step(&actor, &case),
                                    "{roles:?} on {state} dept {actor_dept}/{case_dept} unit {unit:?} owner {owner:?} proposer {proposer:?} approver {approver:?}"
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }
}
