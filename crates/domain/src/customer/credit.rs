//! Credit (信用等级, 信用额度, 账期), supply hold (暂停供货) and deregistration
//! (客户注销): changes that need a credit investigation and the department
//! manager's approval.

use super::{ArchivePolicy, CreditGrade, ReadBasis, RequestStatus};
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::money::Money;
use crate::role::{Actor, Role};

coded_enum! {
    /// What a change request asks for.
    RequestKind {
        /// Credit grade, credit limit and/or payment terms.
        Credit = "credit",
        /// 客户注销: the record is kept, read-only.
        Deregister = "deregister",
    }
}

/// A change request as filed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeRequest {
    pub kind: RequestKind,
    pub credit_grade: Option<CreditGrade>,
    pub credit_limit: Option<Money>,
    /// Days; at most the policy's month.
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    pub reason: String,
}

impl ChangeRequest {
    fn changes_credit(&self) -> bool {
        self.credit_grade.is_some() || self.credit_limit.is_some() || self.payment_term_days.is_some()
    }

    /// The request's own rules: a credit request changes something, a
    /// deregistration nothing else.
    pub fn check(&self) -> Vec<FieldIssue> {
        match self.kind {
            RequestKind::Credit if !self.changes_credit() => {
                vec![FieldIssue::new("credit_grade", Rule::Required, "change the grade, the limit or the payment terms")]
            }
            RequestKind::Deregister if self.changes_credit() => {
                vec![FieldIssue::new("kind", Rule::DeregisterOnly, "a deregistration carries no credit changes")]
            }
            _ => Vec::new(),
        }
    }

    /// The policy's rules: payment terms within the month, and any term above
    /// 0 backed by a credit investigation of this customer.
    pub fn check_terms(&self, policy: &ArchivePolicy, has_check: bool) -> Option<FieldIssue> {
        let days = self.payment_term_days?;
        if !(0..=i64::from(policy.max_payment_term_days)).contains(&days) {
            return Some(FieldIssue::new("payment_term_days", Rule::TooLong, format!("payment terms are at most {} days", policy.max_payment_term_days)));
        }
        (days > 0 && !has_check)
            .then(|| FieldIssue::new("credit_check_id", Rule::Required, "granting payment terms needs a credit investigation of this customer"))
    }
}

/// Owner, assigned staff or the department's managers work on a record's credit.
pub fn works_on_credit(basis: ReadBasis) -> bool {
    matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager)
}

/// What a decision looks at of a request.
pub struct PendingRequest {
    pub status: RequestStatus,
    pub requested_by: i64,
    pub approver_role: Role,
    pub approver_department_id: Option<i64>,
}

/// The approver decides a pending request, never its requester.
pub fn may_decide(actor: &Actor, r: &PendingRequest) -> bool {
    r.status == RequestStatus::Pending
        && r.requested_by != actor.user_id
        && match r.approver_role {
            Role::Gm => actor.has(Role::Gm),
            role => actor.has(role) && r.approver_department_id == Some(actor.department_id),
        }
}

/// The customer's people put it on hold; its department's sales manager or
/// the general manager lifts the hold.
pub fn may_set_supply_hold(actor: &Actor, basis: ReadBasis, customer_department_id: i64, hold: bool) -> bool {
    let manager = actor.has(Role::SalesManager) && actor.department_id == customer_department_id;
    if hold {
        works_on_credit(basis) || actor.has(Role::Gm)
    } else {
        manager || actor.has(Role::Gm)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(kind: RequestKind) -> ChangeRequest {
        ChangeRequest { kind, credit_grade: None, credit_limit: None, payment_term_days: None, credit_check_id: None, reason: "x".into() }
    }

    #[test]
    fn requests_change_what_their_kind_says() {
        assert_eq!(request(RequestKind::Credit).check()[0].rule, Rule::Required);
        assert!(request(RequestKind::Deregister).check().is_empty());
        let both = ChangeRequest { payment_term_days: Some(0), ..request(RequestKind::Deregister) };
        assert_eq!(both.check()[0].rule, Rule::DeregisterOnly);
    }

    #[test]
    fn payment_terms_need_an_investigation_and_stay_within_the_month() {
        let p = ArchivePolicy::default();
        let terms = |d| ChangeRequest { payment_term_days: Some(d), ..request(RequestKind::Credit) };
        assert_eq!(terms(45).check_terms(&p, true).map(|i| i.rule), Some(Rule::TooLong));
        assert_eq!(terms(30).check_terms(&p, false).map(|i| i.field), Some("credit_check_id".to_owned()));
        assert_eq!(terms(30).check_terms(&p, true), None);
        assert_eq!(terms(0).check_terms(&p, false), None);
    }

    #[test]
    fn the_department_manager_decides_and_lifts_holds() {
        let a = |id, dept, roles: &[Role]| Actor { user_id: id, department_id: dept, roles: roles.to_vec() };
        let r = PendingRequest { status: RequestStatus::Pending, requested_by: 1, approver_role: Role::SalesManager, approver_department_id: Some(10) };
        assert!(may_decide(&a(5, 10, &[Role::SalesManager]), &r));
        assert!(!may_decide(&a(5, 11, &[Role::SalesManager]), &r));
        assert!(!may_decide(&a(1, 10, &[Role::SalesManager]), &r), "never the requester");
        assert!(may_set_supply_hold(&a(1, 10, &[Role::Sales]), ReadBasis::Owner, 10, true));
        assert!(!may_set_supply_hold(&a(1, 10, &[Role::Sales]), ReadBasis::Owner, 10, false));
        assert!(may_set_supply_hold(&a(5, 10, &[Role::SalesManager]), ReadBasis::DepartmentManager, 10, false));
    }
}
