//! Who edits, reviews, claims and transfers a record, and the key-customer
//! staffing rule (domain.md §2 "Ownership").

use super::{Category, Confidentiality, CustomerStatus};
use crate::role::{Actor, Role};

/// What the ownership rules look at of a record.
#[derive(Clone, Debug)]
pub struct Holding {
    pub owner_id: i64,
    pub department_id: i64,
    pub status: CustomerStatus,
    pub confidentiality: Confidentiality,
    pub submitted_by: Option<i64>,
    /// Past its protection period with no deal.
    pub claimable: bool,
}

fn department_manager(actor: &Actor, h: &Holding) -> bool {
    actor.has(Role::SalesManager) && h.department_id == actor.department_id
}

/// Its owner or the owning department's sales manager, while it is not deregistered.
pub fn may_edit(actor: &Actor, h: &Holding) -> bool {
    h.status != CustomerStatus::Deregistered && (h.owner_id == actor.user_id || department_manager(actor, h))
}

/// The owning department's sales manager or the general manager reviews a
/// registration, never its submitter.
pub fn may_review(actor: &Actor, h: &Holding) -> bool {
    h.status == CustomerStatus::PendingReview && h.submitted_by != Some(actor.user_id) && (department_manager(actor, h) || actor.has(Role::Gm))
}

/// The owner resubmits a rejected registration.
pub fn may_resubmit(actor: &Actor, h: &Holding) -> bool {
    h.status == CustomerStatus::Rejected && may_edit(actor, h)
}

/// The department's sales manager or the GM gives a record to someone else.
pub fn may_transfer(actor: &Actor, h: &Holding) -> bool {
    h.status != CustomerStatus::Deregistered && (department_manager(actor, h) || actor.has(Role::Gm))
}

/// Another salesperson claims a lapsed 秘密 record.
pub fn may_claim(actor: &Actor, h: &Holding) -> bool {
    actor.any(Role::is_sales) && h.owner_id != actor.user_id && h.confidentiality == Confidentiality::Secret && h.claimable
}

/// A key customer (重点) needs `min_staff` people, its owner included.
pub fn staffed_enough(category: Category, staff_beside_owner: usize, min_staff: u32) -> bool {
    category != Category::Key || staff_beside_owner as u32 + 1 >= min_staff
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(status: CustomerStatus) -> Holding {
        Holding { owner_id: 1, department_id: 10, status, confidentiality: Confidentiality::Secret, submitted_by: Some(1), claimable: false }
    }

    fn actor(id: i64, dept: i64, roles: &[Role]) -> Actor {
        Actor { user_id: id, department_id: dept, roles: roles.to_vec() }
    }

    #[test]
    fn owner_and_manager_edit_until_deregistered() {
        assert!(may_edit(&actor(1, 10, &[Role::Sales]), &holding(CustomerStatus::Active)));
        assert!(may_edit(&actor(5, 10, &[Role::SalesManager]), &holding(CustomerStatus::Active)));
        assert!(!may_edit(&actor(5, 11, &[Role::SalesManager]), &holding(CustomerStatus::Active)));
        assert!(!may_edit(&actor(1, 10, &[Role::Sales]), &holding(CustomerStatus::Deregistered)));
        assert!(may_resubmit(&actor(1, 10, &[Role::Sales]), &holding(CustomerStatus::Rejected)));
    }

    #[test]
    fn reviewers_are_never_the_submitter() {
        let pending = holding(CustomerStatus::PendingReview);
        assert!(may_review(&actor(5, 10, &[Role::SalesManager]), &pending));
        assert!(may_review(&actor(9, 99, &[Role::Gm]), &pending));
        assert!(!may_review(&actor(1, 10, &[Role::SalesManager]), &pending));
        assert!(!may_review(&actor(5, 10, &[Role::SalesManager]), &holding(CustomerStatus::Active)));
    }

    #[test]
    fn claims_and_transfers() {
        let lapsed = Holding { claimable: true, ..holding(CustomerStatus::Active) };
        assert!(may_claim(&actor(2, 11, &[Role::Sales]), &lapsed));
        assert!(!may_claim(&actor(1, 10, &[Role::Sales]), &lapsed), "not one's own");
        assert!(!may_claim(&actor(2, 11, &[Role::Sales]), &Holding { confidentiality: Confidentiality::Confidential, ..lapsed.clone() }));
        assert!(may_transfer(&actor(9, 99, &[Role::Gm]), &lapsed));
        assert!(!may_transfer(&actor(2, 10, &[Role::Sales]), &lapsed));
    }

    #[test]
    fn key_customers_need_two_people() {
        assert!(staffed_enough(Category::General, 0, 2));
        assert!(!staffed_enough(Category::Key, 0, 2));
        assert!(staffed_enough(Category::Key, 1, 2));
    }
}
