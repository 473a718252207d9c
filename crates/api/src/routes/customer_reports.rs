//! Orders (the purchase data), and the lists the departments keep: the
//! grade table, the region table, purchases by quarter, excellent and risky
//! customers. Every list covers the customers the caller may read.

use crate::app::complaint_view::Ref;
use crate::app::customer_io as io;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::money;
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{Datelike, NaiveDate, Utc};
use kehu_domain::customer::{CustomerStatus, ReadBasis};
use kehu_domain::{Money, Role};
use kehu_persistence::care::{self, Order, SurveyFilter};
use kehu_persistence::customers::{self, Customer, CustomerFilter};
use kehu_persistence::{complaints, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderInput {
    #[schema(min_length = 1, max_length = 50, example = "SO-2026-0815")]
    pub order_number: String,
    pub ordered_on: NaiveDate,
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "180000.00")]
    pub amount: String,
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$")]
    pub discount: Option<String>,
    /// Cost of goods, for the gross margin.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$")]
    pub cost: Option<String>,
}

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
    /// AAA, AA, A, B, or empty when not graded.
    pub credit_grade: String,
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Default: this year.
    pub year: Option<i32>,
}

/// Records an order and what it means for the archive: the last deal moves,
/// and with it the protection period.
fn record_order(c: &mut DbConn, caller: &Caller, cu: &Customer, o: &Order) -> ApiResult<Order> {
    if care::order_by_number(c, caller.org_id, &o.order_number)?.is_some() {
        return Err(ApiError::conflict(ProblemCode::OrderExists, format!("order {} is already recorded", o.order_number)));
    }
    let saved = care::insert_order(c, o)?;
    if cu.last_deal_on.is_none_or(|d| d < o.ordered_on) {
        let now = Utc::now().naive_utc();
        let p = archive::archive_policy(c, caller.org_id)?;
        let archived = cu.archived_at.map_or(o.ordered_on, |a| a.date());
        customers::set_last_deal(c, cu.id, o.ordered_on, p.protected_until(archived, Some(o.ordered_on)))?;
        let after = customers::get(c, caller.org_id, cu.id)?;
        archive::record_diff(c, cu, &after, Some(caller.user_id), "order", now)?;
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
#[utoipa::path(tag = "customers", operation_id = "addOrder", security(("bearer" = [])), request_body = OrderInput, params(("id" = i64, Path)),
    responses((status = 201, body = OrderView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/orders")]
pub async fn add_order(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<OrderInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let mut e = Vec::new();
    let number = b.order_number.trim().to_owned();
    if number.is_empty() || number.chars().count() > 50 {
        e.push(FieldError { field: "order_number".into(), code: FieldCode::Length, message: "1 to 50 characters".into() });
    }
    let amount = money::parse("amount", Some(&b.amount)).map_err(|x| e.push(x)).ok().flatten();
    let discount = money::parse("discount", b.discount.as_deref()).map_err(|x| e.push(x)).ok().flatten();
    let cost = money::parse("cost", b.cost.as_deref()).map_err(|x| e.push(x)).ok().flatten();
    if !e.is_empty() {
        return Err(ApiError::validation(e));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "order")?;
                if !matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager) {
                    return Err(ApiError::Forbidden("the customer's people and their managers enter orders"));
                }
                if archive::status(&cu) != CustomerStatus::Active {
                    return Err(ApiError::conflict(ProblemCode::NotArchived, "orders are entered for archived customers"));
                }
                if b.ordered_on > archive::today(c, caller.org_id)? {
                    return Err(ApiError::field("ordered_on", FieldCode::Future, "cannot be in the future"));
                }
                let o = Order {
                    id: 0,
                    org_id: caller.org_id,
                    customer_id: id,
                    order_number: number.clone(),
                    ordered_on: b.ordered_on,
                    amount_fen: amount.unwrap_or(0),
                    discount_fen: discount.unwrap_or(0),
                    cost_fen: cost,
                    entered_by: Some(caller.user_id),
                    created_at: Utc::now().naive_utc(),
                };
                let saved = record_order(c, &caller, &cu, &o)?;
                audit::write(c, &caller, "customer.order", "customer", id, &rid, serde_json::json!({"order": saved.order_number}))?;
                Ok(order_view(saved))
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// Import orders (订单号, 客户编号, 下单日期, 金额, 折扣, 成本) from CSV or xlsx,
/// e.g. an ERP export: all rows or none.
#[utoipa::path(tag = "customers", operation_id = "importOrders", security(("bearer" = [])),
    request_body(content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv")), description = "The file, as the request body"),
    responses((status = 200, body = OrdersImported), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/orders/import")]
pub async fn import_orders(state: web::Data<AppState>, caller: Caller, req: HttpRequest, payload: web::Payload) -> ApiResult<HttpResponse> {
    if !(caller.has(Role::Finance) || caller.has(Role::Marketing) || caller.has(Role::MarketingManager) || caller.has(Role::Integration)) {
        return Err(ApiError::Forbidden("finance, the marketing center and integrations import orders"));
    }
    let body = crate::routes::customer_io::read_body(payload).await?;
    let grid = io::parse_grid(&body)?;
    let rid = audit::request_id(&req);
    let n = state
        .db(move |c| {
            write_tx(c, |c| {
                let mut it = grid.into_iter();
                let header: Vec<String> = it.next().unwrap_or_default();
                let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim()));
                let (Some(num), Some(code), Some(date), Some(amount)) =
                    (col(&["订单号", "order_number"]), col(&["客户编号", "customer_code"]), col(&["下单日期", "ordered_on"]), col(&["金额", "amount"]))
                else {
                    return Err(ApiError::field("file", FieldCode::MissingColumn, "the header needs 订单号, 客户编号, 下单日期 and 金额"));
                };
                let (discount, cost) = (col(&["折扣", "discount"]), col(&["成本", "cost"]));
                let mut errors = Vec::new();
                let mut orders = Vec::new();
                for (i, cells) in it.enumerate() {
                    let row = i + 2;
                    let cell = |k: Option<usize>| k.and_then(|k| cells.get(k)).map(|s| s.trim()).filter(|s| !s.is_empty());
                    let mut err = |f: &str, m: &str| errors.push(FieldError { field: format!("rows[{row}].{f}"), code: FieldCode::Invalid, message: m.into() });
                    let cu = match cell(Some(code)) {
                        Some(k) => customers::by_code(c, caller.org_id, k)?,
                        None => None,
                    };
                    let Some(cu) = cu else {
                        err("customer_code", "no such customer");
                        continue;
                    };
                    let on = cell(Some(date)).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                    let amt = cell(Some(amount)).and_then(|a| a.parse::<Money>().ok());
                    let dis = cell(discount).map(|a| a.parse::<Money>().ok());
                    let cst = cell(cost).map(|a| a.parse::<Money>().ok());
                    if on.is_none() {
                        err("ordered_on", "a date like 2026-11-23");
                    }
                    if amt.is_none() {
                        err("amount", "an amount like 180000.00");
                    }
                    if matches!(dis, Some(None)) {
                        err("discount", "an amount");
                    }
                    if matches!(cst, Some(None)) {
                        err("cost", "an amount");
                    }
                    let Some(number) = cell(Some(num)) else {
                        err("order_number", "required");
                        continue;
                    };
                    if let (Some(on), Some(amt)) = (on, amt) {
                        orders.push((
                            cu,
                            Order {
                                id: 0,
                                org_id: caller.org_id,
                                customer_id: 0,
                                order_number: number.to_owned(),
                                ordered_on: on,
                                amount_fen: amt.fen(),
                                discount_fen: dis.flatten().map_or(0, Money::fen),
                                cost_fen: cst.flatten().map(Money::fen),
                                entered_by: Some(caller.user_id),
                                created_at: Utc::now().naive_utc(),
                            },
                            row,
                        ));
                    }
                }
                let mut seen = std::collections::HashSet::new();
                for (_, o, row) in &orders {
                    if !seen.insert(o.order_number.clone()) || care::order_by_number(c, caller.org_id, &o.order_number)?.is_some() {
                        errors.push(FieldError { field: format!("rows[{row}].order_number"), code: FieldCode::Duplicate, message: "already recorded".into() });
                    }
                }
                if !errors.is_empty() {
                    let n = errors.len();
                    return Err(ApiError::Validation(format!("{n} error(s); nothing was imported"), errors));
                }
                let n = orders.len();
                for (cu, mut o, _) in orders {
                    o.customer_id = cu.id;
                    let fresh = customers::get(c, caller.org_id, cu.id)?;
                    record_order(c, &caller, &fresh, &o)?;
                }
                audit::write(c, &caller, "customer.orders_import", "customer", 0, &rid, serde_json::json!({"orders": n}))?;
                Ok(n)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(OrdersImported { orders: n }))
}

#[derive(Serialize, ToSchema)]
pub struct OrdersImported {
    pub orders: usize,
}

fn readable_active(c: &mut DbConn, caller: &Caller) -> ApiResult<Vec<Customer>> {
    let today = archive::today(c, caller.org_id)?;
    let scope = archive::read_scope(caller, today, Utc::now().naive_utc());
    let f = CustomerFilter { status: Some(CustomerStatus::Active.as_str()), ..CustomerFilter::all() };
    Ok(customers::page(c, caller.org_id, Some(&scope), &f, None, 100_000)?)
}

/// 客户等级表: customers by credit grade and class.
#[utoipa::path(tag = "customers", operation_id = "gradeTable", security(("bearer" = [])), responses((status = 200, body = Vec<GradeRow>)))]
#[get("/customers/reports/grades")]
pub async fn grades(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let rows = state
        .db(move |c| {
            let list = readable_active(c, &caller)?;
            let mut by: BTreeMap<String, GradeRow> = BTreeMap::new();
            for cu in list {
                let g = cu.credit_grade.clone().unwrap_or_default();
                let r = by.entry(g.clone()).or_insert(GradeRow { credit_grade: g, class_a: 0, class_b: 0, class_c: 0, unclassified: 0, total: 0 });
                match cu.customer_class.as_deref() {
                    Some("A") => r.class_a += 1,
                    Some("B") => r.class_b += 1,
                    Some("C") => r.class_c += 1,
                    _ => r.unclassified += 1,
                }
                r.total += 1;
            }
            let order = ["AAA", "AA", "A", "B", ""];
            let mut out: Vec<GradeRow> = by.into_values().collect();
            out.sort_by_key(|r| order.iter().position(|o| *o == r.credit_grade).unwrap_or(9));
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// 区域表: customers by region, domestic and foreign.
#[utoipa::path(tag = "customers", operation_id = "regionTable", security(("bearer" = [])), responses((status = 200, body = Vec<RegionRow>)))]
#[get("/customers/reports/regions")]
pub async fn regions(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let rows = state
        .db(move |c| {
            let mut by: BTreeMap<String, RegionRow> = BTreeMap::new();
            for cu in readable_active(c, &caller)? {
                let k = cu.region.clone().unwrap_or_default();
                let r = by.entry(k.clone()).or_insert(RegionRow { region: k, domestic: 0, foreign: 0, total: 0 });
                if cu.market == "foreign" {
                    r.foreign += 1;
                } else {
                    r.domestic += 1;
                }
                r.total += 1;
            }
            Ok(by.into_values().collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// 采购量统计: orders per customer and quarter, ranked by total.
#[utoipa::path(tag = "customers", operation_id = "purchasesByQuarter", security(("bearer" = [])), params(YearQuery), responses((status = 200, body = Vec<PurchaseRow>)))]
#[get("/customers/reports/purchases")]
pub async fn purchases(state: web::Data<AppState>, caller: Caller, q: web::Query<YearQuery>) -> ApiResult<HttpResponse> {
    let year = q.year;
    let rows = state
        .db(move |c| {
            let year = year.unwrap_or(archive::today(c, caller.org_id)?.year());
            let (Some(from), Some(to)) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31)) else {
                return Err(ApiError::field("year", FieldCode::OutOfRange, "a calendar year"));
            };
            let list = readable_active(c, &caller)?;
            let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
            let orders = care::orders_between(c, caller.org_id, Some(&ids), from, to)?;
            let mut out = Vec::new();
            for cu in &list {
                let mine: Vec<&Order> = orders.iter().filter(|o| o.customer_id == cu.id).collect();
                if mine.is_empty() {
                    continue;
                }
                let mut q = [0i64; 4];
                for o in &mine {
                    q[o.ordered_on.month0() as usize / 3] += o.amount_fen;
                }
                let total: i64 = q.iter().sum();
                let discount: i64 = mine.iter().map(|o| o.discount_fen).sum();
                let costed: Vec<&&Order> = mine.iter().filter(|o| o.cost_fen.is_some()).collect();
                let net: i64 = costed.iter().map(|o| o.amount_fen - o.discount_fen).sum();
                let cost: i64 = costed.iter().filter_map(|o| o.cost_fen).sum();
                let margin = (net > 0).then(|| ((net - cost) as f64 / net as f64 * 1000.0).round() / 10.0);
                out.push((
                    total,
                    PurchaseRow {
                        customer: Ref { id: cu.id, name: cu.name.clone() },
                        code: cu.code.clone(),
                        quarters: q.map(money::show),
                        total: money::show(total),
                        discount: money::show(discount),
                        gross_margin_percent: margin,
                    },
                ));
            }
            out.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
            Ok(out.into_iter().map(|(_, r)| r).collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// 优秀客户 and 危险客户, with the reasons.
#[utoipa::path(tag = "customers", operation_id = "customerStanding", security(("bearer" = [])), responses((status = 200, body = Standing)))]
#[get("/customers/reports/standing")]
pub async fn standing(state: web::Data<AppState>, caller: Caller) -> ApiResult<HttpResponse> {
    let out = state
        .db(move |c| {
            let today = archive::today(c, caller.org_id)?;
            let list = readable_active(c, &caller)?;
            let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
            let year = format!("{}-", today.year());
            let surveys = care::submitted_surveys(c, caller.org_id, &SurveyFilter { customer_ids: Some(ids.clone()), period: None, product: None })?;
            let poor_score = crate::routes::visits::care_policy(c, caller.org_id)?.poor_score;
            let mut poor: HashMap<i64, usize> = HashMap::new();
            for s in surveys.iter().filter(|s| s.period.starts_with(&year)) {
                if s.scores().iter().flatten().any(|x| *x <= poor_score) {
                    *poor.entry(s.customer_id).or_default() += 1;
                }
            }
            let complaints = complaints::count_by_customer_since(c, &ids, NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today))?;
            let mut st = Standing { excellent: Vec::new(), risky: Vec::new() };
            for cu in list {
                let n = complaints.get(&cu.id).copied().unwrap_or(0);
                let row = |reasons: Vec<String>| StandingRow {
                    customer: Ref { id: cu.id, name: cu.name.clone() },
                    code: cu.code.clone(),
                    owner_id: cu.owner_id,
                    reasons,
                };
                let mut risk = Vec::new();
                if cu.supply_hold {
                    risk.push("supply_hold".to_owned());
                }
                if cu.credit_grade.as_deref() == Some("B") {
                    risk.push("credit_grade_b".to_owned());
                }
                if poor.contains_key(&cu.id) {
                    risk.push("poor_survey".to_owned());
                }
                if n >= 3 {
                    risk.push(format!("complaints_{n}"));
                }
                if !risk.is_empty() {
                    st.risky.push(row(risk));
                    continue;
                }
                let class_ok = matches!(cu.customer_class.as_deref(), Some("A") | Some("B"));
                let credit_ok = matches!(cu.credit_grade.as_deref(), Some("AAA") | Some("AA"));
                if class_ok && credit_ok && n == 0 {
                    st.excellent.push(row(vec![
                        format!("class_{}", cu.customer_class.clone().unwrap_or_default()),
                        format!("credit_{}", cu.credit_grade.clone().unwrap_or_default()),
                    ]));
                }
            }
            Ok(st)
        })
        .await?;
    Ok(HttpResponse::Ok().json(out))
}
