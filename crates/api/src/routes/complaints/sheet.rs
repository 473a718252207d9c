//! The complaint list as the tracking sheet (登记追踪表), an .xlsx file.

use super::query::ComplaintQuery;
use crate::app::complaints::tracking;
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::file;
use crate::state::AppState;
use actix_web::{get, web, HttpRequest, HttpResponse};

/// The tracking sheet (客户投诉案件追踪表) of the list with these filters: every
/// complaint the caller may see, in the order received, with a totals row,
/// worded in the `Accept-Language` (zh-CN by default). Sort and paging
/// parameters are ignored.
#[utoipa::path(tag = "complaints", operation_id = "exportComplaints", security(("bearer" = [])), params(ComplaintQuery),
    responses((status = 200, description = "The workbook", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/export")]
pub async fn export_complaints(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest, q: web::Query<ComplaintQuery>) -> ApiResult<HttpResponse> {
    let mut q = q.into_inner();
    q.cursor = None;
    let filter = q.into_list(ctx.now, ctx.user())?.filter;
    let lang = ctx.lang;
    let today = ctx.now.format("%Y%m%d").to_string();
    let (file, listed) = state.read(ctx, move |c, ctx| tracking::export(c, ctx, filter)).await?;
    tracing::info!(listed, "tracking sheet exported");
    let name = format!("{}-{today}.xlsx", lang.text("tracking.sheet").unwrap_or("tracking"));
    let file = actix_files::NamedFile::from_file(file, "tracking.xlsx")
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .use_etag(false)
        .use_last_modified(false)
        .prefer_utf8(true)
        .set_content_type(file::XLSX.parse().map_err(|_| ApiError::Internal("the spreadsheet type".into()))?)
        .set_content_disposition(file::attachment(&format!("tracking-sheet-{today}.xlsx"), &name));
    Ok(file.into_response(&req))
}
