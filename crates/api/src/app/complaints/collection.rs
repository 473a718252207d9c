//! Complaint amounts kept out of sales' collection-rate bonus (客诉金额不计入
//! 回款率奖金, domain.md §4.8): each complaint approved in a month with what it
//! gave the customer, and the sums per salesperson and item, for finance.

use super::statistics::parse_month;
use crate::app::views::{money, MoneyView, Ref};
use crate::app::{policy, Ctx};
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::{DateTime, Months, NaiveDate, Utc};
use kehu_domain::collection::{self, Amount, ExclusionScope};
use kehu_persistence::complaint_amounts::{self as store, AmountRow};
use kehu_persistence::{customers, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// Cases in one answer or file; more asks for a narrower month or department.
pub const MAX_ROWS: i64 = 100_000;

/// One approved complaint and what it gave the customer.
#[derive(Serialize, ToSchema)]
pub struct ExclusionLine {
    pub complaint: Ref,
    pub approved_on: NaiveDate,
    pub salesperson: Ref,
    pub sales_department: Ref,
    pub customer: Ref,
    pub order_number: Option<String>,
    /// The item (品号).
    pub product_number: Option<String>,
    pub product_spec: Option<String>,
    /// The settlement approved for the customer.
    pub amount: MoneyView,
}

/// The sum per salesperson and item.
#[derive(Serialize, ToSchema)]
pub struct ExclusionTotal {
    pub salesperson: Ref,
    pub product_number: Option<String>,
    pub cases: u64,
    pub amount: MoneyView,
}

/// 客诉金额明细 (不计入回款率奖金).
#[derive(Serialize, ToSchema)]
pub struct CollectionExclusions {
    #[schema(example = "2026-11")]
    pub month: String,
    /// The month in company time, as UTC instants: `[from, to)`.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub cases: u64,
    pub total: MoneyView,
    pub by_salesperson_item: Vec<ExclusionTotal>,
    pub lines: Vec<ExclusionLine>,
}

/// The month asked for (`YYYY-MM`; last month when absent).
pub struct ExclusionsCmd {
    pub month: Option<String>,
}

/// A month's approved complaint amounts, as far as the caller may read them:
/// accounting, executives and integration accounts all departments, a sales
/// manager his own; the complaint list's read rule applies to every row.
pub fn exclusions(c: &mut DbConn, ctx: &Ctx, q: ExclusionsCmd) -> ApiResult<CollectionExclusions> {
    let Some(reach) = collection::scope(&ctx.actor()) else {
        return Err(ApiError::Forbidden("the collection-rate exclusions are for accounting, executives and sales managers"));
    };
    let department = match reach {
        ExclusionScope::All => None,
        ExclusionScope::Department(d) => Some(d),
    };
    let cal = policy::calendar(c, ctx.org())?;
    let first = parse_month(q.month.as_deref(), cal.local_date(ctx.now.and_utc()))?;
    let next = first.checked_add_months(Months::new(1)).ok_or_else(|| ApiError::field("month", FieldCode::Invalid, "a month as YYYY-MM"))?;
    let (from, to) = (cal.day_start(first), cal.day_start(next));
    let scope = super::list::scope(ctx);
    if store::count_approved(c, ctx.org(), &scope, department, from.naive_utc(), to.naive_utc())? > MAX_ROWS {
        return Err(ApiError::field("month", FieldCode::TooManyRows, format!("more than {MAX_ROWS} cases: ask per department")));
    }
    let rows = store::approved_between(c, ctx.org(), &scope, department, from.naive_utc(), to.naive_utc())?;
    let amounts: Vec<Amount> =
        rows.iter().map(|r| Amount { salesperson: r.created_by, product: r.product_number.clone(), fen: r.settlement_total_fen.unwrap_or_default() }).collect();
    let too_large = || ApiError::field("month", FieldCode::TooLarge, "the amounts of this month add up to more than the table can show");
    let totals = collection::totals(&amounts).ok_or_else(too_large)?;
    let total = amounts.iter().try_fold(0i64, |s, a| s.checked_add(a.fen)).ok_or_else(too_large)?;
    let names = Names::of(c, &rows)?;
    Ok(CollectionExclusions {
        month: first.format("%Y-%m").to_string(),
        from,
        to,
        cases: rows.len() as u64,
        total: money(total),
        by_salesperson_item: totals
            .into_iter()
            .map(|t| ExclusionTotal { salesperson: names.person(t.salesperson), product_number: t.product, cases: t.cases, amount: money(t.fen) })
            .collect(),
        lines: rows
            .into_iter()
            .map(|r| ExclusionLine {
                complaint: Ref { id: r.id, name: r.number.clone().unwrap_or_default() },
                approved_on: r.approved_at.map(|t| cal.local_date(t.and_utc())).unwrap_or(first),
                salesperson: names.person(r.created_by),
                sales_department: Ref { id: r.sales_department_id, name: names.departments.get(&r.sales_department_id).cloned().unwrap_or_default() },
                customer: Ref { id: r.customer_id, name: names.customers.get(&r.customer_id).cloned().unwrap_or_default() },
                order_number: r.order_number,
                product_number: r.product_number,
                product_spec: r.product_spec,
                amount: money(r.settlement_total_fen.unwrap_or_default()),
            })
            .collect(),
    })
}

struct Names {
    people: HashMap<i64, String>,
    customers: HashMap<i64, String>,
    departments: HashMap<i64, String>,
}

impl Names {
    fn of(c: &mut DbConn, rows: &[AmountRow]) -> ApiResult<Names> {
        let ids = |f: fn(&AmountRow) -> i64| {
            let mut v: Vec<i64> = rows.iter().map(f).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        Ok(Names {
            people: people::display_names(c, &ids(|r| r.created_by))?.into_iter().collect(),
            customers: customers::many(c, &ids(|r| r.customer_id))?.into_iter().map(|cu| (cu.id, cu.name)).collect(),
            departments: people::department_names(c, &ids(|r| r.sales_department_id))?.into_iter().collect(),
        })
    }

    fn person(&self, id: i64) -> Ref {
        Ref { id, name: self.people.get(&id).cloned().unwrap_or_default() }
    }
}

/// The sheets of the spreadsheet: the sums, then every case.
pub fn sheets(x: &CollectionExclusions) -> [(Vec<&'static str>, Vec<Vec<String>>); 2] {
    let sums = x
        .by_salesperson_item
        .iter()
        .map(|t| vec![t.salesperson.name.clone(), t.product_number.clone().unwrap_or_default(), t.cases.to_string(), t.amount.amount.clone()])
        .collect();
    let lines = x
        .lines
        .iter()
        .map(|l| {
            vec![
                l.salesperson.name.clone(),
                l.sales_department.name.clone(),
                l.product_number.clone().unwrap_or_default(),
                l.product_spec.clone().unwrap_or_default(),
                l.complaint.name.clone(),
                l.approved_on.to_string(),
                l.customer.name.clone(),
                l.order_number.clone().unwrap_or_default(),
                l.amount.amount.clone(),
            ]
        })
        .collect();
    [
        (vec!["业务员", "品号", "件数", "客诉金额"], sums),
        (vec!["业务员", "业务部门", "品号", "规格", "客诉编号", "核准日期", "客户名称", "订单号", "客诉金额"], lines),
    ]
}
