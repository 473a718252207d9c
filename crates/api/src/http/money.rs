//! Money in JSON: amounts as decimal strings ("180000.00"), stored as fen.

use crate::error::FieldCode;
use crate::error::FieldError;
use kehu_domain::Money;

/// An optional amount field; a malformed one is a field error.
pub fn parse(field: &str, v: Option<&str>) -> Result<Option<i64>, FieldError> {
    v.map(|s| {
        s.trim().parse::<Money>().map(Money::fen).map_err(|_| FieldError {
            field: field.into(),
            code: FieldCode::Format,
            message: "an amount like 180000.00".into(),
        })
    })
    .transpose()
}

/// An amount in fen as shown ("180000.00").
pub fn show(fen: i64) -> String {
    Money::from_fen(fen).map(|m| m.to_string()).unwrap_or_default()
}

pub fn show_opt(fen: Option<i64>) -> Option<String> {
    fen.map(show)
}
