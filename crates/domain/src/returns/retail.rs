//! The consumer rule set (domain.md §5), for business lines that sell to
//! consumers instead of the contract grounds A–D: a return within 30 days,
//! unopened, with its invoice; an exchange within 60 days, unopened; a
//! quality return within 30 days (opened or not), refunded within 3 days of
//! the confirmation. Refused without the invoice, opened (unless
//! defective), with a mismatched invoice, past the period or past the shelf
//! life. Every number is the policy's, editable.

use super::ReturnKind;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Which rules an application is judged by.
    RuleSet {
        /// The manual's contract grounds: A and one of B/C/D.
        Business = "business",
        /// The consumer rule set.
        Retail = "retail",
    }
}

/// The consumer rule set's numbers (calendar days).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetailRules {
    /// An unopened return, from the purchase.
    pub return_days: u32,
    /// An unopened exchange, from the purchase.
    pub exchange_days: u32,
    /// A defective product's return or exchange, from the purchase.
    pub quality_days: u32,
    /// The refund of a confirmed return, from the approval.
    pub refund_days: u32,
}

impl Default for RetailRules {
    fn default() -> Self {
        RetailRules { return_days: 30, exchange_days: 60, quality_days: 30, refund_days: 3 }
    }
}

/// What the consumer's case rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RetailFacts {
    pub purchased_on: NaiveDate,
    /// The invoice's number; none: no invoice.
    pub invoice_number: Option<String>,
    /// The invoice names this product, quantity and price.
    pub invoice_matches: bool,
    /// The package is unopened.
    pub unopened: bool,
    /// A quality defect (性能故障) is confirmed or claimed.
    pub defective: bool,
    /// The shelf life's last day, for goods that have one.
    pub shelf_life_until: Option<NaiveDate>,
}

fn issue(field: &str, rule: Rule, message: &str) -> FieldIssue {
    FieldIssue::new(format!("retail.{field}"), rule, message)
}

/// The refusals the rule set gives, by field; none when it may be submitted
/// on `today` (company time).
pub fn check(kind: ReturnKind, f: &RetailFacts, rules: &RetailRules, today: NaiveDate) -> Vec<FieldIssue> {
    let mut issues = Vec::new();
    if kind == ReturnKind::Rework {
        issues.push(FieldIssue::new("kind", Rule::NotOffered, "the consumer rule set offers a return or an exchange"));
    }
    if f.invoice_number.as_deref().is_none_or(|n| n.trim().is_empty()) {
        issues.push(issue("invoice_number", Rule::Required, "no return or exchange without the invoice"));
    } else if !f.invoice_matches {
        issues.push(issue("invoice_matches", Rule::InvoiceMismatch, "the invoice does not match the goods"));
    }
    if !f.unopened && !f.defective {
        issues.push(issue("unopened", Rule::Opened, "an opened package comes back only when defective"));
    }
    if f.purchased_on > today {
        issues.push(issue("purchased_on", Rule::Future, "not after today"));
    } else {
        let days = if f.defective {
            rules.quality_days
        } else if kind == ReturnKind::Exchange {
            rules.exchange_days
        } else {
            rules.return_days
        };
        if (today - f.purchased_on).num_days() > i64::from(days) {
            issues.push(issue("purchased_on", Rule::PeriodExpired, &format!("more than {days} days since the purchase")));
        }
    }
    if f.shelf_life_until.is_some_and(|d| d < today) {
        issues.push(issue("shelf_life_until", Rule::ShelfLifeExpired, "past its shelf life"));
    }
    issues
}

/// When a consumer's approved return must be refunded.
pub fn refund_due(kind: ReturnKind, rules: &RetailRules, approved_on: NaiveDate) -> Option<NaiveDate> {
    (kind == ReturnKind::Return).then(|| approved_on + chrono::Days::new(u64::from(rules.refund_days)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn facts() -> RetailFacts {
        RetailFacts {
            purchased_on: d("2026-11-06"),
            invoice_number: Some("No. 0451".into()),
            invoice_matches: true,
            unopened: true,
            defective: false,
            shelf_life_until: None,
        }
    }

    fn fields(kind: ReturnKind, f: &RetailFacts, today: &str) -> Vec<String> {
        check(kind, f, &RetailRules::default(), d(today)).into_iter().map(|i| i.field).collect()
    }

    #[test]
    fn an_unopened_return_with_its_invoice_comes_back_within_30_days() {
        // Bought 2026-11-06: day 30 is 2026-12-06.
        assert!(fields(ReturnKind::Return, &facts(), "2026-12-06").is_empty());
        assert_eq!(fields(ReturnKind::Return, &facts(), "2026-12-07"), ["retail.purchased_on"]);
        // An exchange has 60 days.
        assert!(fields(ReturnKind::Exchange, &facts(), "2027-01-05").is_empty());
        assert_eq!(fields(ReturnKind::Exchange, &facts(), "2027-01-06"), ["retail.purchased_on"]);
    }

    #[test]
    fn a_defective_product_comes_back_opened_within_30_days_even_as_an_exchange() {
        let f = RetailFacts { unopened: false, defective: true, ..facts() };
        assert!(fields(ReturnKind::Return, &f, "2026-12-06").is_empty());
        assert_eq!(fields(ReturnKind::Exchange, &f, "2026-12-07"), ["retail.purchased_on"]);
        let opened = RetailFacts { unopened: false, ..facts() };
        assert_eq!(fields(ReturnKind::Return, &opened, "2026-11-10"), ["retail.unopened"]);
    }

    #[test]
    fn the_listed_refusals() {
        let none = RetailFacts { invoice_number: None, ..facts() };
        assert_eq!(fields(ReturnKind::Return, &none, "2026-11-10"), ["retail.invoice_number"]);
        let mismatch = RetailFacts { invoice_matches: false, ..facts() };
        assert_eq!(fields(ReturnKind::Return, &mismatch, "2026-11-10"), ["retail.invoice_matches"]);
        let stale = RetailFacts { shelf_life_until: Some(d("2026-11-09")), ..facts() };
        assert_eq!(fields(ReturnKind::Return, &stale, "2026-11-10"), ["retail.shelf_life_until"]);
        assert_eq!(fields(ReturnKind::Return, &facts(), "2026-11-05"), ["retail.purchased_on"]);
        assert_eq!(fields(ReturnKind::Rework, &facts(), "2026-11-10"), ["kind"]);
    }

    #[test]
    fn a_return_is_refunded_within_3_days_of_the_approval() {
        let r = RetailRules::default();
        assert_eq!(refund_due(ReturnKind::Return, &r, d("2026-12-30")), Some(d("2027-01-02")));
        assert_eq!(refund_due(ReturnKind::Exchange, &r, d("2026-12-30")), None);
    }
}
