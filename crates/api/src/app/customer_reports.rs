//! Orders (the purchase data), and the lists the departments keep: the
//! grade table, the region table, purchases by quarter, excellent and risky
//! customers. Every list covers the customers the caller may read.

use crate::app::customers as archive;
use crate::app::views::Ref;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, ProblemCode};
use crate::http::money;
use chrono::{Datelike, NaiveDate};
use kehu_domain::customer::{self as rules, ChangeSource, CreditGrade, CustomerClass, CustomerStatus, NewOrder, ReadBasis, ReadPurpose, StandingFacts};
use kehu_domain::deadline::Market;
use kehu_persistence::care::{self, Order, SurveyFilter};
use kehu_persistence::customers::{self, Customer, CustomerFilter};
use kehu_persistence::{complaints, DbConn};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct OrderView {
    pub id: i64,
    pub customer_id: i64,
    pub order_number: String,
    pub ordered_on: NaiveDate,
    pub amount: String,
    pub discount: String,
    pub cost: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct GradeRow {
    /// null for the customers not graded yet.
    pub credit_grade: Option<CreditGrade>,
    pub class_a: usize,
    pub class_b: usize,
    pub class_c: usize,
    pub unclassified: usize,
    pub total: usize,
}

#[derive(Serialize, ToSchema)]
pub struct RegionRow {
    pub region: String,
    pub domestic: usize,
    pub foreign: usize,
    pub total: usize,
}

#[derive(Serialize, ToSchema)]
pub struct PurchaseRow {
    pub customer: Ref,
    pub code: String,
    /// Amounts per quarter Q1..Q4, CNY.
    pub quarters: [String; 4],
    pub total: String,
    pub discount: String,
    /// (amount - discount - cost) / (amount - discount), where costs are known.
    pub gross_margin_percent: Option<f64>,
}

#[derive(Serialize, ToSchema)]
pub struct StandingRow {
    pub customer: Ref,
    pub code: String,
    pub owner_id: i64,
    /// Why the customer is on the list.
    pub reasons: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Standing {
    /// 优秀客户: class A or B, credit AAA or AA, no supply hold, no poor survey and no complaint this year.
    pub excellent: Vec<StandingRow>,
    /// 危险客户: supply hold, credit grade B, a poor survey, or three or more complaints this year.
    pub risky: Vec<StandingRow>,
}

#[derive(Serialize, ToSchema)]
pub struct OrdersImported {
    pub orders: usize,
}

/// Records an order and what it means for the archive: the last deal moves,
/// and with it the protection period.
pub fn record_order(tx: &mut Tx, ctx: &Ctx, cu: &Customer, o: &NewOrder) -> ApiResult<Order> {
    if care::order_by_number(tx, ctx.org(), &o.order_number)?.is_some() {
        return Err(ApiError::conflict(ProblemCode::OrderExists, format!("order {} is already recorded", o.order_number)));
    }
    let saved = care::insert_order(tx, ctx.org(), o, Some(ctx.user()), ctx.now)?;
    if cu.last_deal_on.is_none_or(|d| d < o.ordered_on) {
        let p = archive::archive_policy(tx, ctx.org())?;
        let archived = cu.archived_at.map_or(o.ordered_on, |a| a.date());
        customers::set_last_deal(tx, cu.id, o.ordered_on, p.protected_until(archived, Some(o.ordered_on)))?;
        let after = customers::get(tx, ctx.org(), cu.id)?;
        archive::record_diff(tx, cu, &after, Some(ctx.user()), ChangeSource::Order, ctx.now)?;
    }
    Ok(saved)
}

fn order_view(o: Order) -> OrderView {
    OrderView {
        id: o.id,
        customer_id: o.customer_id,
        order_number: o.order_number,
        ordered_on: o.ordered_on,
        amount: money::show(o.amount_fen),
        discount: money::show(o.discount_fen),
        cost: o.cost_fen.map(money::show),
    }
}

/// Enter an order for a customer (its people, its department's managers).
pub fn add_order(tx: &mut Tx, ctx: &Ctx, o: NewOrder) -> ApiResult<OrderView> {
    let cu = customers::get(tx, ctx.org(), o.customer_id)?;
    let basis = archive::read(tx, &ctx.caller, &cu, ReadPurpose::Order)?;
    if !matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager) {
        return Err(ApiError::Forbidden("the customer's people and their managers enter orders"));
    }
    if cu.status != CustomerStatus::Active {
        return Err(ApiError::conflict(ProblemCode::NotArchived, "orders are entered for archived customers"));
    }
    if o.ordered_on > archive::today(tx, ctx.org())? {
        return Err(ApiError::field("ordered_on", FieldCode::Future, "cannot be in the future"));
    }
    let saved = record_order(tx, ctx, &cu, &o)?;
    ctx.audit(tx, "customer.order", "customer", cu.id, serde_json::json!({"order": saved.order_number}))?;
    Ok(order_view(saved))
}

fn readable_active(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<Customer>> {
    let today = archive::today(conn, ctx.org())?;
    let scope = archive::read_scope(&ctx.caller, today, ctx.now);
    let f = CustomerFilter { status: Some(CustomerStatus::Active), ..CustomerFilter::all() };
    Ok(customers::page(conn, ctx.org(), Some(&scope), &f, None, 100_000)?)
}

/// 客户等级表: customers by credit grade and class.
pub fn grades(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<GradeRow>> {
    let mut by: BTreeMap<Option<CreditGrade>, GradeRow> = BTreeMap::new();
    for cu in readable_active(conn, ctx)? {
        let r = by.entry(cu.credit_grade).or_insert(GradeRow { credit_grade: cu.credit_grade, class_a: 0, class_b: 0, class_c: 0, unclassified: 0, total: 0 });
        match cu.customer_class {
            Some(CustomerClass::A) => r.class_a += 1,
            Some(CustomerClass::B) => r.class_b += 1,
            Some(CustomerClass::C) => r.class_c += 1,
            None => r.unclassified += 1,
        }
        r.total += 1;
    }
    // Graded first, best grade first; ungraded last.
    let mut out: Vec<GradeRow> = by.into_values().collect();
    out.sort_by_key(|r| r.credit_grade.map_or(CreditGrade::ALL.len(), |g| CreditGrade::ALL.iter().position(|x| *x == g).unwrap_or(0)));
    Ok(out)
}

/// 区域表: customers by region, domestic and foreign.
pub fn regions(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Vec<RegionRow>> {
    let mut by: BTreeMap<String, RegionRow> = BTreeMap::new();
    for cu in readable_active(conn, ctx)? {
        let k = cu.region.clone().unwrap_or_default();
        let r = by.entry(k.clone()).or_insert(RegionRow { region: k, domestic: 0, foreign: 0, total: 0 });
        match cu.market {
            Market::Foreign => r.foreign += 1,
            Market::Domestic => r.domestic += 1,
        }
        r.total += 1;
    }
    Ok(by.into_values().collect())
}

/// Sums of money that would not fit are refused, not wrapped.
fn add(a: i64, b: i64) -> ApiResult<i64> {
    a.checked_add(b).ok_or_else(too_large)
}

fn too_large() -> ApiError {
    ApiError::field("year", FieldCode::TooLarge, "the orders of this year add up to more than a report can show")
}

fn sum(amounts: impl Iterator<Item = i64>) -> ApiResult<i64> {
    amounts.into_iter().try_fold(0i64, add)
}

/// 采购量统计: orders per customer and quarter, ranked by total.
pub fn purchases(conn: &mut DbConn, ctx: &Ctx, year: Option<i32>) -> ApiResult<Vec<PurchaseRow>> {
    let year = year.unwrap_or(archive::today(conn, ctx.org())?.year());
    let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
        return Err(ApiError::field("year", FieldCode::OutOfRange, "a calendar year"));
    };
    let list = readable_active(conn, ctx)?;
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    let orders = care::orders_between(conn, ctx.org(), Some(&ids), from, to)?;
    let mut by_customer: std::collections::HashMap<i64, Vec<&Order>> = std::collections::HashMap::new();
    for o in &orders {
        by_customer.entry(o.customer_id).or_default().push(o);
    }
    let mut out = Vec::new();
    for cu in &list {
        let Some(mine) = by_customer.get(&cu.id) else { continue };
        let mut q = [0i64; 4];
        for o in mine {
            let quarter = &mut q[o.ordered_on.month0() as usize / 3];
            *quarter = add(*quarter, o.amount_fen)?;
        }
        let total = sum(q.iter().copied())?;
        let discount = sum(mine.iter().map(|o| o.discount_fen))?;
        let costed: Vec<&&Order> = mine.iter().filter(|o| o.cost_fen.is_some()).collect();
        let net = costed.iter().try_fold(0i64, |acc, o| add(acc, o.amount_fen.checked_sub(o.discount_fen).ok_or_else(too_large)?))?;
        let cost = sum(costed.iter().filter_map(|o| o.cost_fen))?;
        let margin = (net > 0).then(|| ((net as f64 - cost as f64) / net as f64 * 1000.0).round() / 10.0);
        let row = PurchaseRow {
            customer: Ref { id: cu.id, name: cu.name.clone() },
            code: cu.code.clone(),
            quarters: q.map(money::show),
            total: money::show(total),
            discount: money::show(discount),
            gross_margin_percent: margin,
        };
        out.push((total, row));
    }
    out.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    Ok(out.into_iter().map(|(_, r)| r).collect())
}

/// 优秀客户 and 危险客户, with the reasons.
pub fn standing(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<Standing> {
    let today = archive::today(conn, ctx.org())?;
    let list = readable_active(conn, ctx)?;
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    let year = format!("{}-", today.year());
    let surveys = care::submitted_surveys(conn, ctx.org(), &SurveyFilter { customer_ids: Some(ids.clone()), period: None, product: None })?;
    let policy = crate::app::visits::care_policy(conn, ctx.org())?;
    let mut poor: HashMap<i64, usize> = HashMap::new();
    for s in surveys.iter().filter(|s| s.period.starts_with(&year)) {
        if s.scores().is_some_and(|sc| !sc.poor(&policy).is_empty()) {
            *poor.entry(s.customer_id).or_default() += 1;
        }
    }
    let complaints = complaints::count_by_customer_since(conn, &ids, NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today))?;
    let mut st = Standing { excellent: Vec::new(), risky: Vec::new() };
    for cu in list {
        let facts = StandingFacts {
            class: cu.customer_class,
            grade: cu.credit_grade,
            supply_hold: cu.supply_hold,
            poor_surveys: poor.get(&cu.id).copied().unwrap_or(0),
            complaints: complaints.get(&cu.id).copied().unwrap_or(0),
        };
        let row =
            |reasons: Vec<String>| StandingRow { customer: Ref { id: cu.id, name: cu.name.clone() }, code: cu.code.clone(), owner_id: cu.owner_id, reasons };
        match rules::standing(&facts) {
            rules::Standing::Excellent(r) => st.excellent.push(row(r)),
            rules::Standing::Risky(r) => st.risky.push(row(r)),
            rules::Standing::Ordinary => {}
        }
    }
    Ok(st)
}
