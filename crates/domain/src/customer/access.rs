//! Who may read a customer record (domain.md §2 "Access to archives").

use super::{grant_valid, Confidentiality, CustomerStatus};
use crate::coded_enum;
use crate::role::{Actor, Role};

coded_enum! {
    /// Where a request that needs someone's approval stands (档案借阅,
    /// credit changes, deregistration).
    RequestStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
}

coded_enum! {
    /// Where an access request (档案借阅) stands for its requester: an
    /// approved one past its validity has expired.
    GrantStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
        Expired = "expired",
    }
}

impl GrantStatus {
    pub fn of(status: RequestStatus, valid_until: Option<chrono::NaiveDateTime>, now: chrono::NaiveDateTime) -> GrantStatus {
        match status {
            RequestStatus::Pending => GrantStatus::Pending,
            RequestStatus::Rejected => GrantStatus::Rejected,
            RequestStatus::Approved if grant_valid(valid_until, now) => GrantStatus::Approved,
            RequestStatus::Approved => GrantStatus::Expired,
        }
    }
}

/// The facts about a record that reading it depends on.
#[derive(Clone, Debug)]
pub struct RecordFacts {
    pub owner_id: i64,
    pub department_id: i64,
    pub staff: Vec<i64>,
    pub confidentiality: Confidentiality,
    pub status: CustomerStatus,
    /// Past its protection period with no deal: open to claims.
    pub claimable: bool,
}

coded_enum! {
    /// Why a caller may read a record; everything but `owner` and `staff` is
    /// a read by someone else and is logged.
    ReadBasis {
        Owner = "owner",
        Staff = "staff",
        /// The sales manager or supervisor of the owning department.
        DepartmentManager = "department_manager",
        /// The marketing center keeps the archive.
        Archive = "archive",
        Executive = "executive",
        /// An approved, unexpired access request (档案借阅).
        Grant = "grant",
        /// A lapsed customer any salesperson may claim.
        ClaimPool = "claim_pool",
        /// A service account (ERP, call center, BI).
        Integration = "integration",
    }
}

impl ReadBasis {
    pub fn is_logged(self) -> bool {
        !matches!(self, ReadBasis::Owner | ReadBasis::Staff)
    }
}

/// Who may read a customer record (domain.md §2 "Access to archives").
/// 秘密: owner, staff, the owning department's managers, the marketing
/// archive, executives, grant holders. 机密: owner, staff, the owning
/// department's manager, executives, grant holders. 绝密: owner, staff and
/// the general manager only.
pub fn read_basis(actor: &Actor, r: &RecordFacts, has_grant: bool) -> Option<ReadBasis> {
    use Confidentiality::*;
    if r.owner_id == actor.user_id {
        return Some(ReadBasis::Owner);
    }
    if r.staff.contains(&actor.user_id) {
        return Some(ReadBasis::Staff);
    }
    let level = r.confidentiality;
    if actor.has(Role::Gm) || (actor.has(Role::DeputyGm) && level != TopSecret) {
        return Some(ReadBasis::Executive);
    }
    if level == TopSecret {
        return None;
    }
    let own_department = actor.department_id == r.department_id;
    if own_department && (actor.has(Role::SalesManager) || (actor.has(Role::SalesSupervisor) && level == Secret)) {
        return Some(ReadBasis::DepartmentManager);
    }
    if has_grant {
        return Some(ReadBasis::Grant);
    }
    if level == Secret && (actor.has(Role::Marketing) || actor.has(Role::MarketingManager)) {
        return Some(ReadBasis::Archive);
    }
    if actor.has(Role::Integration) {
        return Some(ReadBasis::Integration);
    }
    if level == Secret && r.claimable && r.status == CustomerStatus::Active && actor.any(Role::is_sales) {
        return Some(ReadBasis::ClaimPool);
    }
    None
}

/// [`read_basis`] as a list filter: which levels a caller reads where.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListLevels {
    /// In every department.
    pub everywhere: Vec<Confidentiality>,
    /// In the caller's own department.
    pub department: Vec<Confidentiality>,
    /// Through an approved, unexpired access request.
    pub granted: Vec<Confidentiality>,
    /// Lapsed, active records (the claim pool).
    pub claim_pool: Vec<Confidentiality>,
}

pub fn list_levels(actor: &Actor) -> ListLevels {
    use Confidentiality::*;
    let mut l = ListLevels { granted: vec![Secret, Confidential], ..ListLevels::default() };
    if actor.has(Role::Gm) {
        l.everywhere = vec![Secret, Confidential, TopSecret];
    } else if actor.has(Role::DeputyGm) || actor.has(Role::Integration) {
        l.everywhere = vec![Secret, Confidential];
    } else if actor.has(Role::Marketing) || actor.has(Role::MarketingManager) {
        l.everywhere = vec![Secret];
    }
    if actor.has(Role::SalesManager) {
        l.department = vec![Secret, Confidential];
    } else if actor.has(Role::SalesSupervisor) {
        l.department = vec![Secret];
    }
    if actor.any(Role::is_sales) {
        l.claim_pool = vec![Secret];
    }
    l
}

impl ListLevels {
    /// The filter evaluated for one record, to check it against [`read_basis`].
    pub fn admits(&self, actor: &Actor, r: &RecordFacts, has_grant: bool) -> bool {
        let l = r.confidentiality;
        r.owner_id == actor.user_id
            || r.staff.contains(&actor.user_id)
            || self.everywhere.contains(&l)
            || (r.department_id == actor.department_id && self.department.contains(&l))
            || (has_grant && self.granted.contains(&l))
            || (r.claimable && r.status == CustomerStatus::Active && self.claim_pool.contains(&l))
    }
}

/// The role that approves an access request: the owning department's sales
/// manager for a colleague, the general manager across departments or for a
/// record above 秘密.
pub fn access_approver(requester_department: i64, r: &RecordFacts) -> Role {
    if requester_department == r.department_id && r.confidentiality == Confidentiality::Secret {
        Role::SalesManager
    } else {
        Role::Gm
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(user_id: i64, department_id: i64, roles: &[Role]) -> Actor {
        Actor { user_id, department_id, roles: roles.to_vec() }
    }

    fn record(level: Confidentiality) -> RecordFacts {
        RecordFacts { owner_id: 1, department_id: 10, staff: vec![2], confidentiality: level, status: CustomerStatus::Active, claimable: false }
    }

    #[test]
    fn owner_and_staff_read_everything_unlogged() {
        for level in Confidentiality::ALL {
            assert_eq!(read_basis(&actor(1, 99, &[Role::Sales]), &record(*level), false), Some(ReadBasis::Owner));
            assert_eq!(read_basis(&actor(2, 99, &[Role::Sales]), &record(*level), false), Some(ReadBasis::Staff));
        }
        assert!(!ReadBasis::Owner.is_logged() && !ReadBasis::Staff.is_logged() && ReadBasis::Grant.is_logged());
    }

    #[test]
    fn a_colleague_needs_a_grant() {
        let colleague = actor(3, 10, &[Role::Sales]);
        assert_eq!(read_basis(&colleague, &record(Confidentiality::Secret), false), None);
        assert_eq!(read_basis(&colleague, &record(Confidentiality::Secret), true), Some(ReadBasis::Grant));
        assert_eq!(read_basis(&colleague, &record(Confidentiality::TopSecret), true), None, "no grant opens 绝密");
    }

    #[test]
    fn managers_read_their_department_by_level() {
        let manager = actor(4, 10, &[Role::SalesManager]);
        let supervisor = actor(5, 10, &[Role::SalesSupervisor]);
        let other_manager = actor(6, 11, &[Role::SalesManager]);
        assert_eq!(read_basis(&manager, &record(Confidentiality::Confidential), false), Some(ReadBasis::DepartmentManager));
        assert_eq!(read_basis(&supervisor, &record(Confidentiality::Secret), false), Some(ReadBasis::DepartmentManager));
        assert_eq!(read_basis(&supervisor, &record(Confidentiality::Confidential), false), None);
        assert_eq!(read_basis(&other_manager, &record(Confidentiality::Secret), false), None);
        assert_eq!(read_basis(&manager, &record(Confidentiality::TopSecret), false), None);
    }

    #[test]
    fn executives_archive_and_others() {
        let gm = actor(7, 1, &[Role::Gm]);
        let deputy = actor(8, 1, &[Role::DeputyGm]);
        let marketing = actor(9, 2, &[Role::Marketing]);
        let qa = actor(10, 3, &[Role::Qa]);
        let admin = actor(11, 4, &[Role::Admin]);
        assert_eq!(read_basis(&gm, &record(Confidentiality::TopSecret), false), Some(ReadBasis::Executive));
        assert_eq!(read_basis(&deputy, &record(Confidentiality::TopSecret), false), None);
        assert_eq!(read_basis(&deputy, &record(Confidentiality::Confidential), false), Some(ReadBasis::Executive));
        assert_eq!(read_basis(&marketing, &record(Confidentiality::Secret), false), Some(ReadBasis::Archive));
        assert_eq!(read_basis(&marketing, &record(Confidentiality::Confidential), false), None);
        assert_eq!(read_basis(&qa, &record(Confidentiality::Secret), false), None);
        assert_eq!(read_basis(&admin, &record(Confidentiality::Secret), false), None);
    }

    #[test]
    fn lapsed_secret_customers_are_open_to_sales() {
        let mut r = record(Confidentiality::Secret);
        r.claimable = true;
        assert_eq!(read_basis(&actor(12, 11, &[Role::Sales]), &r, false), Some(ReadBasis::ClaimPool));
        assert_eq!(read_basis(&actor(13, 3, &[Role::Qa]), &r, false), None);
        r.confidentiality = Confidentiality::Confidential;
        assert_eq!(read_basis(&actor(12, 11, &[Role::Sales]), &r, false), None);
    }

    #[test]
    fn the_list_filter_admits_exactly_the_readable_records() {
        let roles: &[&[Role]] = &[
            &[Role::Sales],
            &[Role::SalesSupervisor],
            &[Role::SalesManager],
            &[Role::Marketing],
            &[Role::MarketingManager],
            &[Role::Qa],
            &[Role::Coordinator],
            &[Role::DeputyGm],
            &[Role::Gm],
            &[Role::Admin],
            &[Role::Integration],
            &[Role::Sales, Role::Marketing],
        ];
        for roles in roles {
            for (user, dept) in [(1, 10), (2, 10), (3, 10), (3, 11)] {
                let a = actor(user, dept, roles);
                for level in Confidentiality::ALL {
                    for claimable in [false, true] {
                        for status in CustomerStatus::ALL {
                            for grant in [false, true] {
                                let r = RecordFacts { claimable, status: *status, ..record(*level) };
                                assert_eq!(
                                    list_levels(&a).admits(&a, &r, grant),
                                    read_basis(&a, &r, grant).is_some(),
                                    "{roles:?} user {user} dept {dept} {level:?} claimable {claimable} {status:?} grant {grant}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn access_is_approved_by_department_manager_or_gm() {
        assert_eq!(access_approver(10, &record(Confidentiality::Secret)), Role::SalesManager);
        assert_eq!(access_approver(11, &record(Confidentiality::Secret)), Role::Gm);
        assert_eq!(access_approver(10, &record(Confidentiality::Confidential)), Role::Gm);
    }
}
