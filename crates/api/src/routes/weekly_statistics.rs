//! The weekly complaint statistics (客户投诉周报), as figures and as a workbook.

use crate::app::complaints::sheets;
use crate::app::complaints::weekly::{self, WeeklyCmd, WeeklyStatistics};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::file;
use crate::state::AppState;
use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct WeeklyQuery {
    /// Any day of the week (Monday to Sunday, company time); the last week
    /// that has ended when absent.
    #[param(example = "2026-11-30")]
    pub week: Option<NaiveDate>,
}

/// A week's statistics: registered and closed cases, the first-closure
/// rate, the cases past their deadline at its end, by kind and severity, and
/// the irrational complaints with their share. For the readers of the
/// monthly table; 403 for everyone else.
#[utoipa::path(tag = "complaints", operation_id = "getWeeklyStatistics", security(("bearer" = [])), params(WeeklyQuery),
    responses((status = 200, body = WeeklyStatistics), (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/statistics/weekly")]
pub async fn get_weekly(state: web::Data<AppState>, ctx: Ctx, q: web::Query<WeeklyQuery>) -> ApiResult<HttpResponse> {
    let cmd = WeeklyCmd { week: q.into_inner().week };
    let w: WeeklyStatistics = state.read(ctx, move |c, ctx| weekly::weekly(c, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(w))
}

/// The same as a workbook, worded in the `Accept-Language`: the figures, by
/// kind and by severity (each with its totals), a sheet each.
#[utoipa::path(tag = "complaints", operation_id = "exportWeeklyStatistics", security(("bearer" = [])), params(WeeklyQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/statistics/weekly/export")]
pub async fn export_weekly(state: web::Data<AppState>, ctx: Ctx, q: web::Query<WeeklyQuery>) -> ApiResult<HttpResponse> {
    let cmd = WeeklyCmd { week: q.into_inner().week };
    let lang = ctx.lang;
    let w: WeeklyStatistics = state.read(ctx, move |c, ctx| weekly::weekly(c, ctx, cmd)).await?;
    let book = sheets::workbook(&weekly::sheets(&w, lang))?;
    let name = format!("{}-{}.xlsx", lang.text("weekly.sheet").unwrap_or("weekly"), w.week);
    Ok(file::xlsx(book, &format!("weekly-statistics-{}.xlsx", w.week), &name))
}
