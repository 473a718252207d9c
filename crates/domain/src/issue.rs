//! Broken field rules found by the domain, named by their JSON field.

use crate::coded_enum;

coded_enum! {
    /// A business rule a field breaks.
    Rule {
        Required = "required",
        ExceedsShipped = "exceeds_shipped",
        NoSample = "no_sample",
        RatiosNot100 = "ratios_not_100",
        NotResponsible = "not_responsible",
        OutOfRange = "out_of_range",
        InvalidLine = "invalid_line",
        Count = "count",
        TooLarge = "too_large",
        Future = "future",
        OverLimit = "over_limit",
        FirstVisitTwoSales = "first_visit_two_sales",
        LegalEntityOnly = "legal_entity_only",
        Format = "format",
        TooMany = "too_many",
        DeregisterOnly = "deregister_only",
        TooLong = "too_long",
        /// The consumer rule set does not offer this.
        NotOffered = "not_offered",
        InvoiceMismatch = "invoice_mismatch",
        /// An opened package, not defective.
        Opened = "opened",
        PeriodExpired = "period_expired",
        ShelfLifeExpired = "shelf_life_expired",
        Duplicate = "duplicate",
        /// A verification that did not pass (8D D6).
        NotVerified = "not_verified",
        /// Waits for an approval first (an 8D report before the close).
        NotApproved = "not_approved",
    }
}

/// One broken rule: where, which, and a message for developers (clients
/// translate the rule).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldIssue {
    pub field: String,
    pub rule: Rule,
    pub message: String,
}

impl FieldIssue {
    pub fn new(field: impl Into<String>, rule: Rule, message: impl Into<String>) -> FieldIssue {
        FieldIssue { field: field.into(), rule, message: message.into() }
    }
}
