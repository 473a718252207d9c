//! Orders (the purchase data), and the lists the departments keep: the
//! grade table, the region table, purchases by quarter, excellent and risky
//! customers. Every list covers the customers the caller may read.

use crate::app::customer_io as io;
use crate::app::customer_reports::{self as reports, GradeRow, OrderView, OrdersImported, PurchaseRow, RegionRow, Standing};
use crate::app::Ctx;
use crate::error::{broken_rules, not_blank, ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::{self, Json};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::customer::NewOrder;
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct OrderInput {
    #[schema(min_length = 1, max_length = 50, example = "SO-2026-0815")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 50 characters"),
        length(max = 50, code = "length", message = "1 to 50 characters")
    )]
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// Default: this year.
    pub year: Option<i32>,
}

fn money(errors: &mut Vec<FieldError>, field: &str, v: Option<&str>) -> Option<Money> {
    match v.map(|s| s.trim().parse::<Money>()) {
        Some(Ok(m)) => Some(m),
        Some(Err(_)) => {
            errors.push(FieldError::new(field, FieldCode::Format, "an amount like 180000.00"));
            None
        }
        None => None,
    }
}

fn new_order(customer_id: i64, b: OrderInput) -> ApiResult<NewOrder> {
    {
        let mut e = broken_rules(b.validate());
        let amount = money(&mut e, "amount", Some(&b.amount));
        let discount = money(&mut e, "discount", b.discount.as_deref());
        let cost = money(&mut e, "cost", b.cost.as_deref());
        ApiError::check(e)?;
        let order_number = b.order_number.trim().to_owned();
        Ok(NewOrder {
            customer_id,
            order_number,
            ordered_on: b.ordered_on,
            amount: amount.unwrap_or(Money::ZERO),
            discount: discount.unwrap_or(Money::ZERO),
            cost,
        })
    }
}

/// Enter an order for a customer (its people, its department's managers).
#[utoipa::path(tag = "customers", operation_id = "addOrder", security(("bearer" = [])), request_body = OrderInput, params(("id" = i64, Path)),
    responses((status = 201, body = OrderView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/orders")]
pub async fn add_order(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, body: Json<OrderInput>) -> ApiResult<HttpResponse> {
    let order = new_order(id.into_inner(), body.0)?;
    Ok(HttpResponse::Created().json(state.write(ctx, move |tx, ctx| reports::add_order(tx, ctx, order)).await?))
}

/// Import orders (订单号, 客户编号, 下单日期, 金额, 折扣, 成本) from CSV or xlsx,
/// e.g. an ERP export: all rows or none.
#[utoipa::path(tag = "customers", operation_id = "importOrders", security(("bearer" = [])),
    request_body(content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv")), description = "The file, as the request body"),
    responses((status = 200, body = OrdersImported), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/orders/import")]
pub async fn import_orders(state: web::Data<AppState>, ctx: Ctx, payload: web::Payload) -> ApiResult<HttpResponse> {
    let grid = body::parse_off_thread(body::file(payload).await?, |b| crate::grid::parse_grid(b, io::import::MAX_ROWS)).await?;
    let done: OrdersImported = state.write(ctx, move |tx, ctx| io::orders::import_orders(tx, ctx, grid)).await?;
    Ok(HttpResponse::Ok().json(done))
}

/// 客户等级表: customers by credit grade and class.
#[utoipa::path(tag = "customers", operation_id = "gradeTable", security(("bearer" = [])), responses((status = 200, body = Vec<GradeRow>)))]
#[get("/customers/reports/grades")]
pub async fn grades(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let rows: Vec<GradeRow> = state.read(ctx, reports::grades).await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// 区域表: customers by region, domestic and foreign.
#[utoipa::path(tag = "customers", operation_id = "regionTable", security(("bearer" = [])), responses((status = 200, body = Vec<RegionRow>)))]
#[get("/customers/reports/regions")]
pub async fn regions(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let rows: Vec<RegionRow> = state.read(ctx, reports::regions).await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// 采购量统计: orders per customer and quarter, ranked by total.
#[utoipa::path(tag = "customers", operation_id = "purchasesByQuarter", security(("bearer" = [])), params(YearQuery), responses((status = 200, body = Vec<PurchaseRow>)))]
#[get("/customers/reports/purchases")]
pub async fn purchases(state: web::Data<AppState>, ctx: Ctx, q: web::Query<YearQuery>) -> ApiResult<HttpResponse> {
    let year = q.year;
    let rows: Vec<PurchaseRow> = state.read(ctx, move |c, ctx| reports::purchases(c, ctx, year)).await?;
    Ok(HttpResponse::Ok().json(rows))
}

/// 优秀客户 and 危险客户, with the reasons.
#[utoipa::path(tag = "customers", operation_id = "customerStanding", security(("bearer" = [])), responses((status = 200, body = Standing)))]
#[get("/customers/reports/standing")]
pub async fn standing(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    let out: Standing = state.read(ctx, reports::standing).await?;
    Ok(HttpResponse::Ok().json(out))
}
