//! The monthly complaint statistics table (客户投诉案件统计表).

use crate::app::complaints::statistics::{self, MonthlyCmd, MonthlyStatistics};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

#[derive(Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct MonthlyQuery {
    /// `YYYY-MM` from 1970 on; last month (company time) when absent.
    #[param(pattern = "^(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])$", example = "2026-11")]
    pub month: Option<String>,
    /// Rows per breakdown; the rest are summed into `others`.
    #[param(minimum = 1, maximum = 200)]
    #[validate(range(min = 1, max = 200, message = "between 1 and 200"))]
    pub top: Option<usize>,
}

/// The monthly statistics table: a month's closed cases (company time) by
/// closure, kind, severity, cause, customer, product, resolution type and
/// responsible department. For the coordinator, the executives, QA's
/// manager, administrators and integration accounts; 403 for everyone else.
#[utoipa::path(tag = "complaints", operation_id = "getMonthlyStatistics", security(("bearer" = [])), params(MonthlyQuery),
    responses((status = 200, body = MonthlyStatistics), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/statistics/monthly")]
pub async fn monthly(state: web::Data<AppState>, ctx: Ctx, q: web::Query<MonthlyQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner().validated()?;
    let cmd = MonthlyCmd { month: q.month, top: q.top.unwrap_or(20) };
    let table: MonthlyStatistics = state.read(ctx, move |c, ctx| statistics::monthly(c, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(table))
}
