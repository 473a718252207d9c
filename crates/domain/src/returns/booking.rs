//! Accounting's check of a return note (domain.md §4.8): the warehouse signs
//! the quantity it actually received; it is booked at that quantity when it
//! is at most the approved one, or above it by no more than the customer's
//! over-delivery tolerance (超量允收比率; the company's when the customer has
//! none). Anything more waits for the approver of the application to decide.

/// A share in basis points (1 % = 100).
pub type BasisPoints = u32;

/// The company's over-delivery tolerance when a customer has none: none at
/// all, so that any excess is decided by a person until an administrator
/// sets the company's rule.
pub const COMPANY_TOLERANCE_BP: BasisPoints = 0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Booking {
    /// Booked at the quantity received.
    AtActual,
    /// More came back than approved and tolerated: the approver decides.
    AwaitsDecision,
}

/// The most that may come back above `approved` (whole units, rounded down).
pub fn tolerated_excess(approved: i64, tolerance_bp: BasisPoints) -> i64 {
    (i128::from(approved.max(0)) * i128::from(tolerance_bp) / 10_000) as i64
}

/// How a receipt of `actual` against `approved` is booked, with the
/// customer's tolerance if it has one, else the company's.
pub fn booking(approved: i64, actual: i64, customer_bp: Option<BasisPoints>, company_bp: BasisPoints) -> Booking {
    let tolerance = customer_bp.unwrap_or(company_bp);
    if i128::from(actual) <= i128::from(approved) + i128::from(tolerated_excess(approved, tolerance)) {
        Booking::AtActual
    } else {
        Booking::AwaitsDecision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_and_below_the_approved_quantity_it_is_booked() {
        assert_eq!(booking(1000, 1000, None, 0), Booking::AtActual);
        assert_eq!(booking(1000, 600, None, 0), Booking::AtActual);
        assert_eq!(booking(1000, 0, Some(500), 0), Booking::AtActual);
    }

    #[test]
    fn above_it_up_to_the_customers_tolerance_and_not_one_unit_more() {
        // 5 % of 1,000: 50 units.
        assert_eq!(booking(1000, 1050, Some(500), 0), Booking::AtActual);
        assert_eq!(booking(1000, 1051, Some(500), 0), Booking::AwaitsDecision);
        // Fractions of a unit are not tolerated: 3 % of 990 is 29.7, so 29.
        assert_eq!(booking(990, 1019, Some(300), 0), Booking::AtActual);
        assert_eq!(booking(990, 1020, Some(300), 0), Booking::AwaitsDecision);
    }

    #[test]
    fn the_company_rule_applies_only_when_the_customer_has_none() {
        assert_eq!(booking(1000, 1020, None, 200), Booking::AtActual);
        assert_eq!(booking(1000, 1021, None, 200), Booking::AwaitsDecision);
        // A customer's own 0 % is stricter than the company's 2 %.
        assert_eq!(booking(1000, 1001, Some(0), 200), Booking::AwaitsDecision);
        assert_eq!(booking(1000, 1001, None, COMPANY_TOLERANCE_BP), Booking::AwaitsDecision);
    }

    #[test]
    fn huge_quantities_do_not_overflow() {
        assert_eq!(booking(i64::MAX, i64::MAX, Some(10_000), 0), Booking::AtActual);
        assert_eq!(tolerated_excess(i64::MAX, 10_000), i64::MAX);
    }
}
