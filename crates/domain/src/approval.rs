//! Approval authority by amount (核决权限, domain.md §4.5): an editable policy.

use crate::money::Money;
use crate::role::Role;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tier {
    /// Inclusive upper bound of the settlement total; `None` = no bound.
    pub up_to: Option<Money>,
    pub approver: Role,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalPolicy {
    pub tiers: Vec<Tier>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Routing {
    /// 1-based tier number, as shown on the case.
    pub tier: u32,
    pub approver: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PolicyError {
    #[error("at least one tier is required")]
    Empty,
    #[error("tier bounds must rise strictly")]
    NotAscending,
    #[error("only the last tier may be unbounded, and it must be")]
    LastMustBeUnbounded,
    #[error("approver role `{0}` cannot approve complaints")]
    BadApprover(Role),
}

pub const APPROVER_ROLES: [Role; 5] = [Role::SalesSupervisor, Role::SalesManager, Role::MarketingManager, Role::DeputyGm, Role::Gm];

impl Default for ApprovalPolicy {
    fn default() -> Self {
        let m = |fen| Money::from_fen(fen).ok();
        ApprovalPolicy {
            tiers: vec![
                Tier { up_to: m(10_000_000), approver: Role::SalesManager },
                Tier { up_to: m(15_000_000), approver: Role::DeputyGm },
                Tier { up_to: None, approver: Role::Gm },
            ],
        }
    }
}

impl ApprovalPolicy {
    pub fn validate(&self) -> Result<(), PolicyError> {
        let last = self.tiers.len().checked_sub(1).ok_or(PolicyError::Empty)?;
        let mut prev: Option<Money> = None;
        for (i, t) in self.tiers.iter().enumerate() {
            if !APPROVER_ROLES.contains(&t.approver) {
                return Err(PolicyError::BadApprover(t.approver));
            }
            match (t.up_to, i == last) {
                (None, true) => {}
                (Some(b), false) => {
                    if prev.is_some_and(|p| b <= p) {
                        return Err(PolicyError::NotAscending);
                    }
                    prev = Some(b);
                }
                _ => return Err(PolicyError::LastMustBeUnbounded),
            }
        }
        Ok(())
    }

    /// The tier whose range holds `total`.
    pub fn route(&self, total: Money) -> Routing {
        for (i, t) in self.tiers.iter().enumerate() {
            if t.up_to.is_none_or(|b| total <= b) {
                return Routing { tier: i as u32 + 1, approver: t.approver };
            }
        }
        // A validated policy always ends unbounded; the top tier holds the rest.
        let n = self.tiers.len().max(1);
        Routing { tier: n as u32, approver: self.tiers.last().map_or(Role::Gm, |t| t.approver) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(s: &str) -> Routing {
        ApprovalPolicy::default().route(s.parse().unwrap())
    }

    #[test]
    fn default_tier_boundaries() {
        assert_eq!(route("0.01"), Routing { tier: 1, approver: Role::SalesManager });
        assert_eq!(route("100000.00"), Routing { tier: 1, approver: Role::SalesManager });
        assert_eq!(route("100000.01"), Routing { tier: 2, approver: Role::DeputyGm });
        assert_eq!(route("150000.00"), Routing { tier: 2, approver: Role::DeputyGm });
        assert_eq!(route("150000.01"), Routing { tier: 3, approver: Role::Gm });
        assert_eq!(route("99999999.99"), Routing { tier: 3, approver: Role::Gm });
    }

    #[test]
    fn validation() {
        assert!(ApprovalPolicy::default().validate().is_ok());
        assert_eq!(ApprovalPolicy { tiers: vec![] }.validate(), Err(PolicyError::Empty));
        let m = |s: &str| Some(s.parse::<Money>().unwrap());
        let bad_order = ApprovalPolicy {
            tiers: vec![
                Tier { up_to: m("200"), approver: Role::SalesManager },
                Tier { up_to: m("100"), approver: Role::DeputyGm },
                Tier { up_to: None, approver: Role::Gm },
            ],
        };
        assert_eq!(bad_order.validate(), Err(PolicyError::NotAscending));
        let bounded = ApprovalPolicy { tiers: vec![Tier { up_to: m("1"), approver: Role::Gm }] };
        assert_eq!(bounded.validate(), Err(PolicyError::LastMustBeUnbounded));
        let qa = ApprovalPolicy { tiers: vec![Tier { up_to: None, approver: Role::Qa }] };
        assert_eq!(qa.validate(), Err(PolicyError::BadApprover(Role::Qa)));
    }
}
