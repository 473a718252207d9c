//! Resolution lines: settlement value (§4.5, routes approval) and loss (§4.6,
//! feeds responsibility and penalties), both exact.

use crate::coded_enum;
use crate::money::{Money, MoneyError};
use serde::{Deserialize, Serialize};

coded_enum! {
    ResolutionKind {
        Compensation = "compensation",
        Discount = "discount",
        Return = "return",
        Resend = "resend",
        Rework = "rework",
    }
}

/// Loss rules that are company policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LossPolicy {
    /// Share of a returned line's value counted as loss (default 20%).
    pub return_loss_percent: i64,
}

impl Default for LossPolicy {
    fn default() -> Self {
        LossPolicy { return_loss_percent: 20 }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineInput {
    pub kind: ResolutionKind,
    pub quantity: Option<i64>,
    /// Actual unit price (return) or A-grade unit price (resend).
    pub unit_price: Option<Money>,
    /// Compensation paid, discount granted, or rework processing cost.
    pub amount: Option<Money>,
    /// Rework transport cost.
    pub transport_cost: Option<Money>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Valued {
    pub settlement: Money,
    pub loss: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LineError {
    #[error("`{0}` is required for this kind of line")]
    Missing(&'static str),
    #[error("`quantity` must be at least 1")]
    Quantity,
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl LineInput {
    pub fn value(&self, policy: LossPolicy) -> Result<Valued, LineError> {
        use ResolutionKind::*;
        let need_amount = || self.amount.ok_or(LineError::Missing("amount"));
        let goods = || -> Result<Money, LineError> {
            let q = self.quantity.ok_or(LineError::Missing("quantity"))?;
            if q < 1 {
                return Err(LineError::Quantity);
            }
            Ok(self.unit_price.ok_or(LineError::Missing("unit_price"))?.times(q)?)
        };
        Ok(match self.kind {
            Compensation | Discount => {
                let a = need_amount()?;
                Valued { settlement: a, loss: a }
            }
            Return => {
                let v = goods()?;
                Valued { settlement: v, loss: v.percent(policy.return_loss_percent) }
            }
            Resend => {
                let v = goods()?;
                Valued { settlement: v, loss: v }
            }
            Rework => {
                let v = need_amount()?.checked_add(self.transport_cost.unwrap_or(Money::ZERO))?;
                Valued { settlement: v, loss: v }
            }
        })
    }
}

/// Totals over all lines.
pub fn totals(values: &[Valued]) -> Result<Valued, MoneyError> {
    Ok(Valued { settlement: Money::sum(values.iter().map(|v| v.settlement))?, loss: Money::sum(values.iter().map(|v| v.loss))? })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<Money> {
        Some(s.parse().unwrap())
    }

    fn line(kind: ResolutionKind) -> LineInput {
        LineInput { kind, quantity: None, unit_price: None, amount: None, transport_cost: None }
    }

    fn value(l: LineInput) -> (String, String) {
        let v = l.value(LossPolicy::default()).unwrap();
        (v.settlement.to_string(), v.loss.to_string())
    }

    #[test]
    fn compensation_and_discount_count_what_was_paid() {
        let c = LineInput { amount: m("5000.50"), ..line(ResolutionKind::Compensation) };
        assert_eq!(value(c), ("5000.50".into(), "5000.50".into()));
        let d = LineInput { amount: m("120.00"), ..line(ResolutionKind::Discount) };
        assert_eq!(value(d), ("120.00".into(), "120.00".into()));
    }

    #[test]
    fn return_loss_is_twenty_percent_of_value() {
        let r = LineInput { quantity: Some(300), unit_price: m("12.35"), ..line(ResolutionKind::Return) };
        assert_eq!(value(r), ("3705.00".into(), "741.00".into()));
        let odd = LineInput { quantity: Some(1), unit_price: m("0.03"), ..line(ResolutionKind::Return) };
        assert_eq!(value(odd), ("0.03".into(), "0.01".into()));
    }

    #[test]
    fn resend_counts_a_grade_value() {
        let r = LineInput { quantity: Some(40), unit_price: m("25.00"), ..line(ResolutionKind::Resend) };
        assert_eq!(value(r), ("1000.00".into(), "1000.00".into()));
    }

    #[test]
    fn rework_counts_cost_plus_transport() {
        let r = LineInput { amount: m("800.00"), transport_cost: m("150.25"), ..line(ResolutionKind::Rework) };
        assert_eq!(value(r), ("950.25".into(), "950.25".into()));
    }

    #[test]
    fn missing_inputs_are_named() {
        assert_eq!(line(ResolutionKind::Compensation).value(LossPolicy::default()), Err(LineError::Missing("amount")));
        assert_eq!(line(ResolutionKind::Return).value(LossPolicy::default()), Err(LineError::Missing("quantity")));
        let zero = LineInput { quantity: Some(0), unit_price: m("1"), ..line(ResolutionKind::Resend) };
        assert_eq!(zero.value(LossPolicy::default()), Err(LineError::Quantity));
    }

    #[test]
    fn totals_add_up() {
        let lines = [
            LineInput { amount: m("100000.00"), ..line(ResolutionKind::Compensation) },
            LineInput { quantity: Some(1), unit_price: m("0.01"), ..line(ResolutionKind::Return) },
        ];
        let vals: Vec<Valued> = lines.iter().map(|l| l.value(LossPolicy::default()).unwrap()).collect();
        let t = totals(&vals).unwrap();
        assert_eq!(t.settlement.to_string(), "100000.01");
        assert_eq!(t.loss.to_string(), "100000.00");
    }
}
