//! Returns and exchanges (退换货): the application and its approval chain.

use crate::app::returns::{self, EditReturn, ReturnAct, ReturnApplication, ReturnBox, ReturnPage, ReturnQuery, ReturnView};
use crate::app::Ctx;
use crate::error::{broken_rules, not_blank, ApiError, ApiResult, FieldCode, FieldError, Problem, Validated};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, NaiveTime};
use kehu_domain::returns::eligibility::Eligibility;
use kehu_domain::returns::retail::{RetailFacts, RuleSet};
use kehu_domain::returns::{ReturnAction, ReturnKind, ReturnLine, ReturnState, MAX_LINES};
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// One item to come back.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnLineInput {
    #[schema(min_length = 1, max_length = 60, example = "PCB-4L-1020")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 60 characters"),
        length(max = 60, code = "length", message = "1 to 60 characters")
    )]
    pub product_number: String,
    #[schema(max_length = 200)]
    #[validate(length(max = 200, code = "too_long"))]
    pub description: Option<String>,
    /// A whole number of at least 1.
    #[schema(minimum = 1, example = 500)]
    pub quantity: i64,
    /// CNY per unit.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "12.50")]
    pub unit_price: String,
}

/// The grounds claimed, each with its basis: A (within warranty) is required,
/// plus at least one of B, C, D.
#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct EligibilityInput {
    /// A: within warranty — the basis (warranty card, delivery date…).
    #[schema(max_length = 500)]
    #[validate(length(max = 500, code = "too_long"))]
    pub within_warranty: Option<String>,
    /// B: quality below the contract's acceptance standard.
    #[schema(max_length = 500)]
    #[validate(length(max = 500, code = "too_long"))]
    pub below_standard: Option<String>,
    /// C: the customer cannot pay after repeated contact.
    #[schema(max_length = 500)]
    #[validate(length(max = 500, code = "too_long"))]
    pub cannot_pay: Option<String>,
    /// D: another major change at the customer.
    #[schema(max_length = 500)]
    #[validate(length(max = 500, code = "too_long"))]
    pub major_change: Option<String>,
}

/// The consumer's facts, for the consumer rule set.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RetailInput {
    pub purchased_on: NaiveDate,
    /// The invoice's number; none: no invoice (refused).
    #[schema(max_length = 60, example = "No. 04512231")]
    #[validate(length(max = 60, code = "too_long"))]
    pub invoice_number: Option<String>,
    /// The invoice names these goods, quantity and price.
    pub invoice_matches: bool,
    /// The package is unopened.
    pub unopened: bool,
    /// A quality defect.
    pub defective: bool,
    /// The shelf life's last day, for goods that have one.
    pub shelf_life_until: Option<NaiveDate>,
}

/// 客户退换货申请单: from an approved complaint's line (`complaint_id` and
/// `complaint_line`: the items, customer and order are the complaint's) or
/// on its own (`kind`, `customer_id`, `lines`).
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnInput {
    pub kind: Option<ReturnKind>,
    pub customer_id: Option<i64>,
    pub complaint_id: Option<i64>,
    /// The complaint's line, 0-based as the complaint lists them.
    #[schema(minimum = 0)]
    pub complaint_line: Option<i32>,
    #[schema(max_length = 60)]
    #[validate(length(max = 60, code = "too_long"))]
    pub order_number: Option<String>,
    /// 退换货原因.
    #[schema(min_length = 1, max_length = 2000, example = "客户来料检验不合格，要求整批退货")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "1 to 2000 characters"),
        length(max = 2000, code = "length", message = "1 to 2000 characters")
    )]
    pub reason: String,
    /// An exhibition or office sample unit (skips the on-site inspection).
    #[serde(default)]
    pub sample_unit: bool,
    #[serde(default)]
    #[schema(max_items = 50)]
    #[validate(nested)]
    pub lines: Vec<ReturnLineInput>,
    /// `business` (default): the contract grounds in `eligibility`;
    /// `retail`: the consumer rule set, judged on `retail`.
    pub rule_set: Option<RuleSet>,
    #[serde(default)]
    #[validate(nested)]
    pub eligibility: EligibilityInput,
    #[validate(nested)]
    pub retail: Option<RetailInput>,
}

impl TryFrom<ReturnInput> for ReturnApplication {
    type Error = ApiError;
    fn try_from(b: ReturnInput) -> ApiResult<ReturnApplication> {
        let mut errors = broken_rules(b.validate());
        if b.lines.len() > MAX_LINES {
            errors.push(FieldError::new("lines", FieldCode::TooMany, format!("at most {MAX_LINES} items")));
        }
        let from_line = match (b.complaint_id, b.complaint_line) {
            (Some(c), Some(l)) if l >= 0 => Some((c, l)),
            (Some(_), Some(_)) => {
                errors.push(FieldError::new("complaint_line", FieldCode::OutOfRange, "0 or more"));
                None
            }
            (Some(_), None) => {
                errors.push(FieldError::new("complaint_line", FieldCode::Required, "which line of the complaint"));
                None
            }
            (None, Some(_)) => {
                errors.push(FieldError::new("complaint_id", FieldCode::Required, "the complaint the line is on"));
                None
            }
            (None, None) => None,
        };
        let mut lines = Vec::new();
        for (i, l) in b.lines.into_iter().take(MAX_LINES).enumerate() {
            if l.quantity < 1 {
                errors.push(FieldError::new(format!("lines[{i}].quantity"), FieldCode::OutOfRange, "a whole number of at least 1"));
            }
            match l.unit_price.trim().parse::<Money>() {
                Ok(unit_price) => lines.push(ReturnLine {
                    product_number: l.product_number.trim().to_owned(),
                    description: trimmed(l.description),
                    quantity: l.quantity,
                    unit_price,
                }),
                Err(_) => errors.push(FieldError::new(format!("lines[{i}].unit_price"), FieldCode::InvalidMoney, "an amount like 12.50")),
            }
        }
        ApiError::check(errors)?;
        let e = b.eligibility;
        Ok(ReturnApplication {
            kind: b.kind,
            customer_id: b.customer_id,
            from_line,
            order_number: trimmed(b.order_number),
            reason: b.reason.trim().to_owned(),
            sample_unit: b.sample_unit,
            lines,
            rule_set: b.rule_set.unwrap_or(RuleSet::Business),
            retail: b.retail.map(|r| RetailFacts {
                purchased_on: r.purchased_on,
                invoice_number: trimmed(r.invoice_number),
                invoice_matches: r.invoice_matches,
                unopened: r.unopened,
                defective: r.defective,
                shelf_life_until: r.shelf_life_until,
            }),
            eligibility: Eligibility {
                within_warranty: trimmed(e.within_warranty),
                below_standard: trimmed(e.below_standard),
                cannot_pay: trimmed(e.cannot_pay),
                major_change: trimmed(e.major_change),
            },
        })
    }
}

/// What an action carries: a reason (`refuse`, `extend`: required) and, at
/// the supervisor's step, the attempt to keep the sale.
#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct ReturnActionBody {
    #[schema(max_length = 2000, example = "客户同意改为折让")]
    #[validate(length(max = 2000, code = "too_long"))]
    pub reason: Option<String>,
    #[schema(max_length = 2000, example = "已拜访客户，客户坚持退货")]
    #[validate(length(max = 2000, code = "too_long"))]
    pub retention_note: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReturnListQuery {
    #[param(inline)]
    pub r#box: Option<ReturnBox>,
    pub state: Option<ReturnState>,
    pub kind: Option<ReturnKind>,
    pub customer_id: Option<i64>,
    pub complaint_id: Option<i64>,
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

impl ReturnListQuery {
    fn into_query(self) -> ApiResult<ReturnQuery> {
        Ok(ReturnQuery {
            r#box: self.r#box.unwrap_or_default(),
            state: self.state,
            kind: self.kind,
            customer_id: self.customer_id,
            complaint_id: self.complaint_id,
            from: self.created_from.map(|d| d.and_time(NaiveTime::MIN)),
            until: self.created_to.and_then(|d| d.succ_opt()).map(|d| d.and_time(NaiveTime::MIN)),
            before: self.cursor.as_deref().map(cursor::decode).transpose()?,
            limit: cursor::limit(self.limit)?,
        })
    }
}

/// Raise a return or exchange application (a numbered draft until `submit`).
#[utoipa::path(tag = "returns", operation_id = "createReturn", security(("bearer" = [])), request_body = ReturnInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/returns")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<ReturnInput>) -> ApiResult<HttpResponse> {
    let a = ReturnApplication::try_from(body.0)?;
    let v = state.write(ctx, move |tx, ctx| returns::create(tx, ctx, a)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// The applications the caller may read (产品退换货汇总表), newest first, with the total.
#[utoipa::path(tag = "returns", operation_id = "listReturns", security(("bearer" = [])), params(ReturnListQuery),
    responses((status = 200, body = ReturnPage), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/returns")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ReturnListQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner().into_query()?;
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| returns::list(c, ctx, q)).await?))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReturnExportQuery {
    /// Default xlsx.
    #[param(inline)]
    pub format: Option<crate::routes::customers::io::FileFormat>,
}

/// The returns summary (产品退换货汇总表) as .xlsx or CSV: every application the
/// list finds for the same filters (at most 100,000 rows).
#[utoipa::path(tag = "returns", operation_id = "exportReturns", security(("bearer" = [])), params(ReturnExportQuery, ReturnListQuery),
    responses((status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/returns/export")]
pub async fn export(state: web::Data<AppState>, ctx: Ctx, fmt: web::Query<ReturnExportQuery>, q: web::Query<ReturnListQuery>) -> ApiResult<HttpResponse> {
    use crate::routes::customers::io::FileFormat;
    let format = fmt.format.unwrap_or(FileFormat::Xlsx);
    let q = q.into_inner().into_query()?;
    let rows = state.read(ctx, move |c, ctx| returns::export::rows(c, ctx, q)).await?;
    let headers = returns::export::HEADERS;
    let (bytes, mime, ext) = match format {
        FileFormat::Xlsx => {
            (crate::grid::out::xlsx("产品退换货汇总表", &headers, &rows)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
        }
        FileFormat::Csv => (crate::grid::out::csv(&headers, &rows)?, "text/csv; charset=utf-8", "csv"),
    };
    // 产品退换货汇总表, percent-encoded for the header.
    let name =
        format!("attachment; filename=\"returns.{ext}\"; filename*=UTF-8''%E4%BA%A7%E5%93%81%E9%80%80%E6%8D%A2%E8%B4%A7%E6%B1%87%E6%80%BB%E8%A1%A8.{ext}");
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CONTENT_TYPE, mime))
        .insert_header((actix_web::http::header::CONTENT_DISPOSITION, name))
        .body(bytes))
}

/// One application with its history and the caller's actions.
#[utoipa::path(tag = "returns", operation_id = "getReturn", security(("bearer" = [])), params(("id" = i64, Path), ("If-None-Match" = Option<String>, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/returns/{id}")]
pub async fn get_one(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| returns::get(c, ctx, id)).await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Edit a draft (the salesperson who raised it). Needs `If-Match`.
#[utoipa::path(tag = "returns", operation_id = "updateReturnDraft", security(("bearer" = [])), request_body = ReturnInput,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ReturnView), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/returns/{id}")]
pub async fn edit(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<ReturnInput>) -> ApiResult<HttpResponse> {
    let cmd = EditReturn { id: id.into_inner(), version: version.0, form: ReturnApplication::try_from(body.0)? };
    let v = state.write(ctx, move |tx, ctx| returns::edit(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Take an action of the approval chain: `submit`, `approve`, `refuse`
/// (reason), `extend` (reason: up to 3 working days, once), `withdraw`.
///
/// 404 when the caller may not read it, 409 when its state does not allow
/// the action, 403 when it is not the caller's step, 412 when it changed.
#[utoipa::path(tag = "returns", operation_id = "takeReturnAction", security(("bearer" = [])), request_body = ReturnActionBody,
    params(("id" = i64, Path), ("action" = ReturnAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/returns/{id}/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, String)>,
    version: IfMatch,
    body: Json<ReturnActionBody>,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: ReturnAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0.validated()?;
    let cmd = ReturnAct { id, version: version.0, action, reason: trimmed(b.reason), retention_note: trimmed(b.retention_note) };
    let v = state.write(ctx, move |tx, ctx| returns::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
