//! Shapes every resource's views share.

use kehu_domain::Money;
use serde::Serialize;
use utoipa::ToSchema;

/// Exact money: a decimal string with two fraction digits and its currency.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct MoneyView {
    #[schema(example = "120000.00", pattern = "^[0-9]+\\.[0-9]{2}$")]
    pub amount: String,
    #[schema(example = "CNY")]
    pub currency: String,
}

pub fn money(fen: i64) -> MoneyView {
    MoneyView {
        amount: Money::from_fen(fen).map(|m| m.to_string()).unwrap_or_else(|_| format!("{}.{:02}", fen / 100, (fen % 100).abs())),
        currency: "CNY".into(),
    }
}

/// A share in basis points as a percent with two decimals: 6667 is "66.67".
pub fn percent(bp: i64) -> String {
    format!("{}.{:02}", bp / 100, bp % 100)
}

/// Something named: a person, a department, a customer.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct Ref {
    pub id: i64,
    pub name: String,
}
