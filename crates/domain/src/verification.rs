//! Quarterly verification (每季度核实, domain.md §3): each active customer's
//! data is confirmed every quarter by its owner.

use crate::care::ConfirmedVia;
use crate::coded_enum;
use crate::role::{Actor, Role};

coded_enum! {
    /// Where a verification task stands.
    VerificationStatus {
        Open = "open",
        Done = "done",
    }
}

/// How the data was confirmed, and what changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub confirmed_via: ConfirmedVia,
    pub changes: Option<String>,
    pub note: Option<String>,
}

/// The assigned person or the department's sales manager confirms the data.
pub fn may_complete(actor: &Actor, assignee_id: i64, customer_department_id: i64) -> bool {
    assignee_id == actor.user_id || (actor.has(Role::SalesManager) && actor.department_id == customer_department_id)
}

/// Whose overdue tasks a caller oversees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Oversight {
    /// Everyone's: executives and the archive (marketing).
    Everyone,
    /// The caller's department: its sales manager and supervisors.
    Department,
    /// Only the caller's own.
    Own,
}

pub fn oversight(actor: &Actor) -> Oversight {
    if actor.any(Role::is_executive) || actor.has(Role::Marketing) || actor.has(Role::MarketingManager) {
        Oversight::Everyone
    } else if actor.has(Role::SalesManager) || actor.has(Role::SalesSupervisor) {
        Oversight::Department
    } else {
        Oversight::Own
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn who_completes_and_who_oversees() {
        let a = |roles: &[Role]| Actor { user_id: 1, department_id: 10, roles: roles.to_vec() };
        assert!(may_complete(&a(&[Role::Sales]), 1, 99));
        assert!(!may_complete(&a(&[Role::Sales]), 2, 10));
        assert!(may_complete(&a(&[Role::SalesManager]), 2, 10));
        assert!(!may_complete(&a(&[Role::SalesManager]), 2, 11));
        assert_eq!(oversight(&a(&[Role::Gm])), Oversight::Everyone);
        assert_eq!(oversight(&a(&[Role::Marketing])), Oversight::Everyone);
        assert_eq!(oversight(&a(&[Role::SalesSupervisor])), Oversight::Department);
        assert_eq!(oversight(&a(&[Role::Sales])), Oversight::Own);
    }
}
