//! Exact money in integer fen (1/100 CNY). No floating point anywhere.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Largest accepted amount: 10^13 CNY keeps every product of a price and a
/// quantity we accept comfortably inside i64 fen.
const MAX_FEN: i64 = 1_000_000_000_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Money(i64);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("money must be a decimal string with at most two fraction digits, e.g. \"1234.50\"")]
    Format,
    #[error("money must not be negative")]
    Negative,
    #[error("amount is too large")]
    TooLarge,
}

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_fen(fen: i64) -> Result<Money, MoneyError> {
        if fen < 0 {
            Err(MoneyError::Negative)
        } else if fen > MAX_FEN {
            Err(MoneyError::TooLarge)
        } else {
            Ok(Money(fen))
        }
    }

    pub fn fen(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        Money::from_fen(self.0.checked_add(other.0).ok_or(MoneyError::TooLarge)?)
    }

    /// Price times a whole quantity.
    pub fn times(self, quantity: i64) -> Result<Money, MoneyError> {
        if quantity < 0 {
            return Err(MoneyError::Negative);
        }
        Money::from_fen(self.0.checked_mul(quantity).ok_or(MoneyError::TooLarge)?)
    }

    /// `percent`% of the amount, rounded half up to the fen.
    pub fn percent(self, percent: i64) -> Money {
        Money((self.0 * percent + 50) / 100)
    }

    pub fn sum<I: IntoIterator<Item = Money>>(items: I) -> Result<Money, MoneyError> {
        items.into_iter().try_fold(Money::ZERO, Money::checked_add)
    }
}

impl FromStr for Money {
    type Err = MoneyError;

    /// Accepts `123`, `123.4`, `123.45`; rejects signs, exponents, spaces,
    /// separators and more than two fraction digits.
    fn from_str(s: &str) -> Result<Money, MoneyError> {
        if let Some(rest) = s.strip_prefix('-') {
            return match rest.parse::<Money>() {
                Ok(_) => Err(MoneyError::Negative),
                Err(e) => Err(e),
            };
        }
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, ""),
        };
        let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
        if int.is_empty() || !digits(int) || !digits(frac) || frac.len() > 2 || (s.contains('.') && frac.is_empty()) {
            return Err(MoneyError::Format);
        }
        if int.len() > 14 {
            return Err(MoneyError::TooLarge);
        }
        let yuan: i64 = int.parse().map_err(|_| MoneyError::Format)?;
        let mut fen: i64 = if frac.is_empty() { 0 } else { frac.parse().map_err(|_| MoneyError::Format)? };
        if frac.len() == 1 {
            fen *= 10;
        }
        Money::from_fen(yuan.checked_mul(100).and_then(|y| y.checked_add(fen)).ok_or(MoneyError::TooLarge)?)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// Serde for `Option<Money>` as the API writes money: a decimal string
/// (`"120000.00"`), for records kept as JSON.
pub mod opt_as_text {
    use super::Money;

    pub fn serialize<S: serde::Serializer>(m: &Option<Money>, s: S) -> Result<S::Ok, S::Error> {
        match m {
            Some(m) => s.collect_str(m),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for (s, fen) in [("0", 0), ("1", 100), ("1.5", 150), ("100000.01", 10_000_001), ("0.07", 7)] {
            let m: Money = s.parse().unwrap();
            assert_eq!(m.fen(), fen, "{s}");
        }
        assert_eq!("100000.01".parse::<Money>().unwrap().to_string(), "100000.01");
        assert_eq!("7".parse::<Money>().unwrap().to_string(), "7.00");
    }

    #[test]
    fn rejects_float_like_and_negative() {
        for s in ["", ".5", "1.", "1.234", "1e5", "1,000", " 1", "+1", "0x10", "1.2.3", "NaN"] {
            assert_eq!(s.parse::<Money>(), Err(MoneyError::Format), "{s}");
        }
        assert_eq!("-1.00".parse::<Money>(), Err(MoneyError::Negative));
        assert_eq!("999999999999999999".parse::<Money>(), Err(MoneyError::TooLarge));
    }

    #[test]
    fn arithmetic_is_exact() {
        let p: Money = "0.10".parse().unwrap();
        assert_eq!(p.times(3).unwrap().to_string(), "0.30");
        assert_eq!("10.05".parse::<Money>().unwrap().percent(20).to_string(), "2.01");
        assert_eq!(Money::sum(["0.10", "0.20"].iter().map(|s| s.parse::<Money>().unwrap())).unwrap().to_string(), "0.30");
        assert!(Money::from_fen(i64::MAX).is_err());
    }
}
