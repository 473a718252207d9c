//! The monthly complaint statistics table (客户投诉案件统计表) and the
//! complaint amounts kept out of the collection-rate bonus.

use crate::app::complaints::collection::{self, CollectionExclusions, ExclusionsCmd};
use crate::app::complaints::sheets;
use crate::app::complaints::statistics::{self, MonthlyCmd, MonthlyStatistics};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::http::file;
use crate::routes::customers::io::FileFormat;
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use serde::Deserialize;
use utoipa::IntoParams;
use validator::Validate;

#[derive(Deserialize, IntoParams, Validate)]
#[into_params(parameter_in = Query)]
pub struct MonthlyQuery {
    /// `YYYY-MM` from 1970 on; the month under way (company time) when absent.
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

/// The same as a workbook, worded in the `Accept-Language`: the figures,
/// then a sheet per breakdown with its totals.
#[utoipa::path(tag = "complaints", operation_id = "exportMonthlyStatistics", security(("bearer" = [])), params(MonthlyQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/statistics/monthly/export")]
pub async fn export_monthly(state: web::Data<AppState>, ctx: Ctx, q: web::Query<MonthlyQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner().validated()?;
    let cmd = MonthlyCmd { month: q.month, top: q.top.unwrap_or(20) };
    let lang = ctx.lang;
    let table: MonthlyStatistics = state.read(ctx, move |c, ctx| statistics::monthly(c, ctx, cmd)).await?;
    let book = sheets::workbook(&sheets::monthly(&table, lang))?;
    let name = format!("{}-{}.xlsx", lang.text("reports.sheet").unwrap_or("monthly"), table.month);
    Ok(file::xlsx(book, &format!("monthly-statistics-{}.xlsx", table.month), &name))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExclusionsQuery {
    /// `YYYY-MM` from 1970 on; last month (company time) when absent.
    #[param(pattern = "^(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])$", example = "2026-11")]
    pub month: Option<String>,
    /// For the export: default xlsx (the sums and every case, one sheet
    /// each); csv has every case.
    #[param(inline)]
    pub format: Option<FileFormat>,
}

/// The complaint amounts kept out of sales' collection-rate bonus: every
/// complaint approved in the month with its settlement, by salesperson and
/// item (品号), with the sums. Accounting, executives and integration
/// accounts see every sales department, a sales manager his own; 403 for
/// everyone else.
#[utoipa::path(tag = "complaints", operation_id = "getCollectionExclusions", security(("bearer" = [])), params(ExclusionsQuery),
    responses((status = 200, body = CollectionExclusions), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/statistics/collection-exclusions")]
pub async fn exclusions(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ExclusionsQuery>) -> ApiResult<HttpResponse> {
    let cmd = ExclusionsCmd { month: q.into_inner().month };
    let x: CollectionExclusions = state.read(ctx, move |c, ctx| collection::exclusions(c, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(x))
}

/// The same as a spreadsheet (客诉金额明细，不计入回款率奖金).
#[utoipa::path(tag = "complaints", operation_id = "exportCollectionExclusions", security(("bearer" = [])), params(ExclusionsQuery),
    responses((status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/statistics/collection-exclusions/export")]
pub async fn export_exclusions(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ExclusionsQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let format = q.format.unwrap_or(FileFormat::Xlsx);
    let cmd = ExclusionsCmd { month: q.month };
    let x: CollectionExclusions = state.read(ctx, move |c, ctx| collection::exclusions(c, ctx, cmd)).await?;
    let [(sum_headers, sums), (line_headers, lines)] = collection::sheets(&x);
    let (bytes, mime, ext) = match format {
        FileFormat::Xlsx => {
            use crate::grid::out::{xlsx_book, Sheet};
            let book = xlsx_book(&[
                Sheet { name: "按业务员及品号汇总", headers: &sum_headers, rows: &sums, numbers: &[2, 3] },
                Sheet { name: "客诉金额明细", headers: &line_headers, rows: &lines, numbers: &[8] },
            ])?;
            (book, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
        }
        FileFormat::Csv => (crate::grid::out::csv(&line_headers, &lines)?, "text/csv; charset=utf-8", "csv"),
    };
    // 客诉金额明细, percent-encoded for the header.
    let name = format!(
        "attachment; filename=\"collection-exclusions-{}.{ext}\"; filename*=UTF-8''%E5%AE%A2%E8%AF%89%E9%87%91%E9%A2%9D%E6%98%8E%E7%BB%86-{}.{ext}",
        x.month, x.month
    );
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CONTENT_TYPE, mime))
        .insert_header((actix_web::http::header::CONTENT_DISPOSITION, name))
        .body(bytes))
}
