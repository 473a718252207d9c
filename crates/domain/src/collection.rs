//! Complaint amounts kept out of sales' collection-rate bonus (domain.md
//! §4.8: 客诉金额不计入业务回款率奖金): finance reads, per salesperson and item,
//! what each approved complaint gave the customer.

use crate::role::{Actor, Role};

/// Whose cases a reader of the exclusions sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExclusionScope {
    /// Accounting, the executives and integration accounts (the payroll or
    /// ERP system): every sales department.
    All,
    /// A sales department's manager: his own department's salespeople.
    Department(i64),
}

/// Who may read the exclusions, and how far; `None` for everyone else.
pub fn scope(actor: &Actor) -> Option<ExclusionScope> {
    if actor.any(|r| matches!(r, Role::Finance | Role::Integration) || r.is_executive()) {
        Some(ExclusionScope::All)
    } else if actor.has(Role::SalesManager) {
        Some(ExclusionScope::Department(actor.department_id))
    } else {
        None
    }
}

/// What one approved complaint gave its customer, by whom it was sold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amount {
    pub salesperson: i64,
    pub product: Option<String>,
    pub fen: i64,
}

/// The sum per salesperson and item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Total {
    pub salesperson: i64,
    pub product: Option<String>,
    pub cases: u64,
    pub fen: i64,
}

/// Sums the amounts per salesperson and item (in that order); `None` when a
/// sum leaves the money range.
pub fn totals(amounts: &[Amount]) -> Option<Vec<Total>> {
    let mut by: std::collections::BTreeMap<(i64, Option<&str>), (u64, i64)> = std::collections::BTreeMap::new();
    for a in amounts {
        let e = by.entry((a.salesperson, a.product.as_deref())).or_default();
        e.0 += 1;
        e.1 = e.1.checked_add(a.fen)?;
    }
    Some(by.into_iter().map(|((salesperson, product), (cases, fen))| Total { salesperson, product: product.map(str::to_owned), cases, fen }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_add_up_per_salesperson_and_item() {
        let a = |s: i64, p: Option<&str>, fen: i64| Amount { salesperson: s, product: p.map(str::to_owned), fen };
        let t = totals(&[a(2, Some("P-1"), 100), a(1, Some("P-2"), 50), a(2, Some("P-1"), 25), a(2, None, 7)]).unwrap();
        let got: Vec<(i64, Option<&str>, u64, i64)> = t.iter().map(|t| (t.salesperson, t.product.as_deref(), t.cases, t.fen)).collect();
        assert_eq!(got, [(1, Some("P-2"), 1, 50), (2, None, 1, 7), (2, Some("P-1"), 2, 125)]);
        assert!(totals(&[a(1, None, i64::MAX), a(1, None, 1)]).is_none());
    }

    fn actor(roles: &[Role]) -> Actor {
        Actor { user_id: 1, department_id: 7, roles: roles.to_vec() }
    }

    #[test]
    fn accounting_and_executives_read_all_a_sales_manager_his_department_no_one_else() {
        assert_eq!(scope(&actor(&[Role::Finance])), Some(ExclusionScope::All));
        assert_eq!(scope(&actor(&[Role::Gm])), Some(ExclusionScope::All));
        assert_eq!(scope(&actor(&[Role::Integration])), Some(ExclusionScope::All));
        assert_eq!(scope(&actor(&[Role::SalesManager])), Some(ExclusionScope::Department(7)));
        for r in [Role::Sales, Role::SalesSupervisor, Role::Qa, Role::Coordinator, Role::Warehouse, Role::Admin, Role::Hr] {
            assert_eq!(scope(&actor(&[r])), None, "{r:?}");
        }
    }
}
