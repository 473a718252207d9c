//! The customer archive (客户档案, domain.md §2): the record's coded fields,
//! duplicate detection, the archive policy, and who may read a record.

use crate::coded_enum;
use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

mod access;
mod credit;
mod details;
mod history;
mod keys;
mod ownership;
mod standing;

pub use access::*;
pub use credit::*;
pub use details::*;
pub use history::*;
pub use keys::*;
pub use ownership::*;
pub use standing::*;

coded_enum! {
    /// 客户状态: a registration waits for the manager's review; only an
    /// archived (active) customer is in the customer list.
    CustomerStatus {
        PendingReview = "pending_review",
        Rejected = "rejected",
        Active = "active",
        Deregistered = "deregistered",
    }
}

coded_enum! {
    /// 法人客户 (legal) or 自然人客户 (natural person).
    CustomerKind {
        Legal = "legal",
        Natural = "natural",
    }
}

coded_enum! {
    /// 客户类别: target 目标, general 一般, key 重点, potential 潜在.
    #[schema_name = "CustomerCategory"]
    Category {
        Target = "target",
        General = "general",
        Key = "key",
        Potential = "potential",
    }
}

coded_enum! {
    /// Class by business volume (A = long-term partner, overseas or national
    /// key project; B = orders ≥ 10,000,000 CNY; C = below).
    CustomerClass {
        A = "A",
        B = "B",
        C = "C",
    }
}

coded_enum! {
    /// 客户等级 (credit grade)
    CreditGrade {
        Aaa = "AAA",
        Aa = "AA",
        A = "A",
        B = "B",
    }
}

coded_enum! {
    /// 密级, in rising order: 秘密 < 机密 < 绝密.
    Confidentiality {
        Secret = "secret",
        Confidential = "confidential",
        TopSecret = "top_secret",
    }
}

/// Archive rules a company may change (a policy table row, like the others).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArchivePolicy {
    /// Working days from first contact to the registration form.
    pub registration_working_days: u32,
    /// Months an archived customer stays with its owner without a deal.
    pub protection_months: u32,
    /// Days an approved access request stays valid.
    pub access_days: u32,
    /// Longest payment term that may be granted (monthly settlement).
    pub max_payment_term_days: u32,
    /// Staff a key customer needs at least.
    pub key_customer_min_staff: u32,
}

impl Default for ArchivePolicy {
    fn default() -> Self {
        ArchivePolicy { registration_working_days: 5, protection_months: 2, access_days: 7, max_payment_term_days: 31, key_customer_min_staff: 2 }
    }
}

impl ArchivePolicy {
    /// The day protection lapses: `protection_months` after the later of the
    /// archiving and the last deal.
    pub fn protected_until(&self, archived: NaiveDate, last_deal: Option<NaiveDate>) -> NaiveDate {
        let from = last_deal.map_or(archived, |d| d.max(archived));
        from.checked_add_months(Months::new(self.protection_months)).unwrap_or(from)
    }
}

/// Whether a protection period has lapsed on `today`.
pub fn is_claimable(status: CustomerStatus, protected_until: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == CustomerStatus::Active && protected_until.is_some_and(|d| d < today)
}

/// Whether a grant is valid at `now`.
pub fn grant_valid(valid_until: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
    valid_until.is_some_and(|u| now < u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protection_runs_from_the_later_of_archive_and_deal() {
        let p = ArchivePolicy::default();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(p.protected_until(d("2026-01-31"), None), d("2026-03-31"));
        assert_eq!(p.protected_until(d("2026-01-10"), Some(d("2026-02-01"))), d("2026-04-01"));
        assert_eq!(p.protected_until(d("2026-01-10"), Some(d("2025-12-01"))), d("2026-03-10"));
        assert!(is_claimable(CustomerStatus::Active, Some(d("2026-03-10")), d("2026-03-11")));
        assert!(!is_claimable(CustomerStatus::Active, Some(d("2026-03-10")), d("2026-03-10")));
        assert!(!is_claimable(CustomerStatus::Deregistered, Some(d("2026-03-10")), d("2027-01-01")));
    }
}
