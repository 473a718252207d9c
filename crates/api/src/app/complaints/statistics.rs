//! The monthly complaint statistics table (客户投诉案件统计表): a month's
//! closed cases by closure, kind, severity, cause, customer, product,
//! resolution type and responsible department.

use crate::app::views::{money, percent, MoneyView};
use crate::app::{policy, Ctx};
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use kehu_domain::statistics::{self, Group};
use kehu_persistence::{customers, people, DbConn};
use serde::Serialize;
use std::collections::HashMap;
use utoipa::ToSchema;

/// Which month, and how many rows per breakdown.
pub struct MonthlyCmd {
    /// `YYYY-MM`; last month (company time) when absent.
    pub month: Option<String>,
    pub top: usize,
}

#[derive(Serialize, ToSchema)]
pub struct GroupView {
    /// The code, product number or cause; the id for customers and departments.
    pub key: String,
    /// The customer's or department's name.
    pub name: Option<String>,
    pub cases: u64,
    pub defective_quantity: i64,
    pub settlement: MoneyView,
    pub loss: MoneyView,
}

#[derive(Serialize, ToSchema)]
pub struct Breakdown {
    pub items: Vec<GroupView>,
    /// Everything past `top`, summed.
    pub others: Option<GroupView>,
}

#[derive(Serialize, ToSchema)]
pub struct DepartmentShareView {
    pub department_id: i64,
    pub name: Option<String>,
    pub cases: u64,
    /// Σ responsibility ratio over its cases, in percent of one case.
    pub ratio_percent_sum: i64,
    /// Σ loss × ratio.
    pub loss_share: MoneyView,
}

#[derive(Serialize, ToSchema)]
pub struct MonthlyStatistics {
    #[schema(example = "2026-11")]
    pub month: String,
    /// The month in company time, as UTC instants: `[from, to)`.
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub closed: u64,
    /// Cases registered in the month that are still open, apart from the
    /// closed ones the table counts.
    pub open: u64,
    /// Of those, the ones past their whole-case deadline now.
    pub open_overdue: u64,
    pub first_closures: u64,
    /// Closed cases that repeat an earlier one (重复投诉, linked at registration).
    pub repeats: u64,
    /// Closed cases the coordinator confirmed irrational (一次非理性抱怨), counted apart.
    pub irrational_first: u64,
    /// Closed cases made irrational by a deferred closure (二次非理性抱怨).
    pub irrational_second: u64,
    /// 一次关闭率, percent with two decimals.
    #[schema(example = "86.21")]
    pub first_closure_rate_percent: Option<String>,
    pub settlement_total: MoneyView,
    pub loss_total: MoneyView,
    pub by_closure: Breakdown,
    pub by_kind: Breakdown,
    pub by_severity: Breakdown,
    pub by_cause: Breakdown,
    pub by_customer: Breakdown,
    pub by_product: Breakdown,
    /// Resolution lines by type; `cases` counts the cases with such a line.
    pub by_resolution: Breakdown,
    pub by_department: Vec<DepartmentShareView>,
}

pub(crate) fn parse_month(raw: Option<&str>, today: NaiveDate) -> ApiResult<NaiveDate> {
    let Some(raw) = raw else {
        let this = today.with_day(1).unwrap_or(today);
        return Ok(this.checked_sub_months(Months::new(1)).unwrap_or(this));
    };
    NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d")
        .ok()
        .filter(|d| raw.len() == 7 && d.year() >= 1970)
        .ok_or_else(|| ApiError::field("month", FieldCode::Invalid, "a month as YYYY-MM, from 1970 on"))
}

fn view<K: ToString>(g: &Group<K>, name: Option<String>) -> GroupView {
    GroupView {
        key: g.key.to_string(),
        name,
        cases: g.cases,
        defective_quantity: g.defective_quantity,
        settlement: money(g.settlement_fen),
        loss: money(g.loss_fen),
    }
}

fn breakdown<K: ToString>(groups: &[Group<K>], top: usize, name: impl Fn(&K) -> Option<String>) -> Breakdown {
    let rest = groups.get(top..).unwrap_or_default();
    let others = (!rest.is_empty()).then(|| {
        // A part of totals that were added up checked: it cannot overflow.
        let sum = |f: fn(&Group<K>) -> i64| rest.iter().map(f).sum::<i64>();
        GroupView {
            key: "others".into(),
            name: None,
            cases: rest.iter().map(|g| g.cases).sum(),
            defective_quantity: sum(|g| g.defective_quantity),
            settlement: money(sum(|g| g.settlement_fen)),
            loss: money(sum(|g| g.loss_fen)),
        }
    });
    Breakdown { items: groups.iter().take(top).map(|g| view(g, name(&g.key))).collect(), others }
}

/// The monthly statistics table: the cases closed in a month (company time;
/// the month under way by default), and apart from them the month's cases
/// still open.
/// For the coordinator, the executives, QA's manager, administrators and
/// integration accounts.
pub fn monthly(c: &mut DbConn, ctx: &Ctx, q: MonthlyCmd) -> ApiResult<MonthlyStatistics> {
    if !statistics::may_read(&ctx.actor()) {
        return Err(ApiError::Forbidden("the statistics are for the coordinator, executives and QA's manager"));
    }
    let top = q.top;
    let cal = policy::calendar(c, ctx.org())?;
    let today = cal.local_date(ctx.now.and_utc());
    // The month under way unless another is asked for.
    let first = match q.month.as_deref() {
        None => today.with_day(1).unwrap_or(today),
        asked => parse_month(asked, today)?,
    };
    let next = first.checked_add_months(Months::new(1)).ok_or_else(|| ApiError::field("month", FieldCode::Invalid, "a month as YYYY-MM"))?;
    let (from, to) = (cal.day_start(first), cal.day_start(next));
    let (cases, lines, shares) = kehu_persistence::statistics::closed_between(c, ctx.org(), from.naive_utc(), to.naive_utc())?;
    let (open, open_overdue) = kehu_persistence::statistics::still_open(c, ctx.org(), from.naive_utc(), to.naive_utc(), ctx.now)?;
    let m = statistics::monthly(&cases, &lines, &shares)
        .map_err(|_| ApiError::field("month", FieldCode::TooLarge, "the amounts of this month add up to more than the table can show"))?;
    // Names only for the rows shown.
    let customer_ids: Vec<i64> = m.by_customer.iter().take(top).map(|g| g.key).collect();
    let customer_names: HashMap<i64, String> = customers::many(c, &customer_ids)?.into_iter().map(|cu| (cu.id, cu.name)).collect();
    let department_ids: Vec<i64> = m.by_department.iter().map(|d| d.department_id).collect();
    let department_names: HashMap<i64, String> = people::department_names(c, &department_ids)?.into_iter().collect();
    let none = |_: &String| None;
    Ok(MonthlyStatistics {
        month: first.format("%Y-%m").to_string(),
        from,
        to,
        closed: m.closed,
        open: u64::try_from(open).unwrap_or(0),
        open_overdue: u64::try_from(open_overdue).unwrap_or(0),
        first_closures: m.first_closures,
        repeats: m.repeats,
        irrational_first: m.irrational_first,
        irrational_second: m.irrational_second,
        first_closure_rate_percent: m.first_closure_rate_bp().map(percent),
        settlement_total: money(m.settlement_fen),
        loss_total: money(m.loss_fen),
        by_closure: breakdown(&m.by_closure, top, none),
        by_kind: breakdown(&m.by_kind, top, none),
        by_severity: breakdown(&m.by_severity, top, none),
        by_cause: breakdown(&m.by_cause, top, none),
        by_customer: breakdown(&m.by_customer, top, |id| customer_names.get(id).cloned()),
        by_product: breakdown(&m.by_product, top, none),
        by_resolution: breakdown(&m.by_resolution, top, none),
        by_department: m
            .by_department
            .iter()
            .map(|d| DepartmentShareView {
                department_id: d.department_id,
                name: department_names.get(&d.department_id).cloned(),
                cases: d.cases,
                ratio_percent_sum: d.ratio_percent_sum,
                loss_share: money(d.loss_share_fen),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_and_default_to_the_last_one() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(parse_month(None, d(2026, 1, 15)).ok(), Some(d(2025, 12, 1)));
        assert_eq!(parse_month(Some("2026-11"), d(2026, 1, 15)).ok(), Some(d(2026, 11, 1)));
        for bad in ["2026-13", "2026-1", "26-11", "2026-11-01", "x", "0000-01", "1969-12"] {
            assert!(parse_month(Some(bad), d(2026, 1, 15)).is_err(), "{bad}");
        }
    }
}
