//! Export the customer list to Excel or CSV; import customers from either,
//! all rows or none, with an error per bad row.

use crate::app::customer_io::import::ImportResult;
use crate::app::customer_io::{self as io};
use crate::app::customers::list::ListFilter;
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body;
use crate::http::cursor::PageQuery;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FileFormat {
    Xlsx,
    Csv,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Default xlsx.
    #[param(inline)]
    pub format: Option<FileFormat>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check every row and report, writing nothing.
    pub dry_run: Option<bool>,
}

/// The customer list as filtered (the list's query parameters), as a file.
/// Every exported record that is not the caller's is a logged read.
#[utoipa::path(tag = "customers", operation_id = "exportCustomers", security(("bearer" = [])), params(ExportQuery, ListFilter, PageQuery),
    responses((status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/export")]
pub async fn export(
    state: web::Data<AppState>,
    ctx: Ctx,
    fmt: web::Query<ExportQuery>,
    filter: web::Query<ListFilter>,
    page: web::Query<PageQuery>,
) -> ApiResult<HttpResponse> {
    let format = fmt.format.unwrap_or(FileFormat::Xlsx);
    // The export has every row; the list's paging parameters are still checked.
    page.parts::<(String, i64)>()?;
    let filter = filter.into_inner();
    let rows = state.write(ctx, move |tx, ctx| io::export::rows(tx, ctx, filter)).await?;
    let (bytes, mime, ext) = match format {
        FileFormat::Xlsx => (io::to_xlsx(&rows)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        FileFormat::Csv => (io::to_csv(&rows)?, "text/csv; charset=utf-8", "csv"),
    };
    let name = format!("attachment; filename=\"customers.{ext}\"; filename*=UTF-8''%E5%AE%A2%E6%88%B7%E4%B8%80%E8%A7%88%E8%A1%A8.{ext}");
    Ok(HttpResponse::Ok().insert_header((header::CONTENT_TYPE, mime)).insert_header((header::CONTENT_DISPOSITION, name)).body(bytes))
}

/// Import customers from an .xlsx or CSV file with the export's columns.
/// A row with a 客户编号 (code) updates that record, which must be one the
/// caller may read and change (any other code, existing or not, gets the
/// same error); a row without one is matched by 税号 (tax id), else it is a
/// new customer, archived at once with the archive's next code (the archive
/// clerk's import stands for the review). Credit columns are not imported:
/// credit changes go through approval. If any row is wrong, nothing is
/// imported and the 422 lists every error as `rows[N].field` (N = the
/// sheet's row number). At most 10,000 rows; an .xlsx is read with bounded
/// memory (413 when a part unpacks past 64 MB).
#[utoipa::path(tag = "customers", operation_id = "importCustomers", security(("bearer" = [])), params(ImportQuery),
    request_body(content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv")), description = "The file, as the request body"),
    responses((status = 200, body = ImportResult), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/import")]
pub async fn import(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ImportQuery>, payload: web::Payload) -> ApiResult<HttpResponse> {
    let table = body::parse_off_thread(body::file(payload).await?, io::parse).await?;
    let cmd = (table, q.dry_run.unwrap_or(false));
    let result: ImportResult = state.write(ctx, move |tx, ctx| io::import::import(tx, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(result))
}
