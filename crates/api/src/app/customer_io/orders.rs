//! Orders from a file (e.g. an ERP export: 订单号, 客户编号, 下单日期, 金额,
//! 折扣, 成本): all rows or none, every error named by its sheet row.

use crate::app::customer_reports::{record_order, OrdersImported};
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use chrono::NaiveDate;
use kehu_domain::customer::NewOrder;
use kehu_domain::{Money, Role};
use kehu_persistence::{care, customers};
use std::collections::HashSet;

struct Columns {
    number: usize,
    code: usize,
    date: usize,
    amount: usize,
    discount: Option<usize>,
    cost: Option<usize>,
}

fn columns(header: &[String]) -> ApiResult<Columns> {
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim()));
    let (Some(number), Some(code), Some(date), Some(amount)) =
        (col(&["订单号", "order_number"]), col(&["客户编号", "customer_code"]), col(&["下单日期", "ordered_on"]), col(&["金额", "amount"]))
    else {
        return Err(ApiError::field("file", FieldCode::MissingColumn, "the header needs 订单号, 客户编号, 下单日期 and 金额"));
    };
    Ok(Columns { number, code, date, amount, discount: col(&["折扣", "discount"]), cost: col(&["成本", "cost"]) })
}

/// Import the grid's orders. Finance, the marketing center and integrations
/// import; each order moves its customer's last deal as an entered one does.
pub fn import_orders(tx: &mut Tx, ctx: &Ctx, grid: Vec<Vec<String>>) -> ApiResult<OrdersImported> {
    let c = &ctx.caller;
    if !(c.has(Role::Finance) || c.has(Role::Marketing) || c.has(Role::MarketingManager) || c.has(Role::Integration)) {
        return Err(ApiError::Forbidden("finance, the marketing center and integrations import orders"));
    }
    let mut it = grid.into_iter();
    let cols = columns(&it.next().unwrap_or_default())?;
    let mut errors = Vec::new();
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    for (i, cells) in it.enumerate() {
        let row = i + 2;
        let cell = |k: Option<usize>| k.and_then(|k| cells.get(k)).map(|s| s.trim()).filter(|s| !s.is_empty());
        let mut err = |f: &str, code: FieldCode, m: &str| errors.push(FieldError::new(format!("rows[{row}].{f}"), code, m));
        let customer = match cell(Some(cols.code)) {
            Some(code) => customers::by_code(tx, ctx.org(), code)?,
            None => None,
        };
        if customer.is_none() {
            err("customer_code", FieldCode::Invalid, "no such customer");
        }
        let on = cell(Some(cols.date)).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let amount = cell(Some(cols.amount)).and_then(|a| a.parse::<Money>().ok());
        let discount = cell(cols.discount).map(|a| a.parse::<Money>().ok());
        let cost = cell(cols.cost).map(|a| a.parse::<Money>().ok());
        if on.is_none() {
            err("ordered_on", FieldCode::Invalid, "a date like 2026-11-23");
        }
        if amount.is_none() {
            err("amount", FieldCode::Invalid, "an amount like 180000.00");
        }
        if matches!(discount, Some(None)) {
            err("discount", FieldCode::Invalid, "an amount");
        }
        if matches!(cost, Some(None)) {
            err("cost", FieldCode::Invalid, "an amount");
        }
        let number = match cell(Some(cols.number)) {
            None => {
                err("order_number", FieldCode::Invalid, "required");
                continue;
            }
            Some(n) if !seen.insert(n.to_owned()) || care::order_by_number(tx, ctx.org(), n)?.is_some() => {
                err("order_number", FieldCode::Duplicate, "already recorded");
                continue;
            }
            Some(n) => n.to_owned(),
        };
        if let (Some(cu), Some(ordered_on), Some(amount)) = (customer, on, amount) {
            let discount = discount.flatten().unwrap_or(Money::ZERO);
            found.push(NewOrder { customer_id: cu.id, order_number: number, ordered_on, amount, discount, cost: cost.flatten() });
        }
    }
    if !errors.is_empty() {
        let n = errors.len();
        return Err(ApiError::Validation(format!("{n} error(s); nothing was imported"), errors));
    }
    let n = found.len();
    for order in found {
        let fresh = customers::get(tx, ctx.org(), order.customer_id)?;
        record_order(tx, ctx, &fresh, &order)?;
    }
    ctx.audit(tx, "customer.orders_import", "customer", 0, serde_json::json!({"orders": n}))?;
    Ok(OrdersImported { orders: n })
}
