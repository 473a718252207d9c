//! Teams (班组) and people's pay basis (基点数, 月绩效奖金), kept by HR.

use crate::app::customer_io::import::ImportResult;
use crate::app::pay::teams::{self, TeamView};
use crate::app::pay::{self, import, ListCmd, PayBasisPage, PayBasisView, SetCmd};
use crate::app::Ctx;
use crate::error::{not_blank, ApiResult, Problem, Validated};
use crate::http::body::{self, Json};
use crate::http::ctx::IfMatch;
use crate::http::cursor::PageQuery;
use crate::http::etag;
use crate::routes::customers::io::{ExportQuery, FileFormat, ImportQuery};
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, patch, post, put, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamQuery {
    pub department_id: Option<i64>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewTeamBody {
    pub department_id: i64,
    #[schema(min_length = 1, max_length = 100, example = "冲压一班")]
    #[validate(custom(function = "not_blank"), length(max = 100, code = "too_long"))]
    pub name: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamPatch {
    pub active: bool,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PayBasisQuery {
    pub department_id: Option<i64>,
    /// Part of a name or account.
    pub q: Option<String>,
    /// Only people HR has not set a basis for yet.
    pub missing: Option<bool>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PayBasisBody {
    /// An active team of the person's department, or null.
    pub team_id: Option<i64>,
    /// 基点数: above 0, at most 1000, two decimals.
    #[schema(example = "1.50", max_length = 10)]
    #[validate(length(max = 10, code = "too_long"))]
    pub base_points: String,
    /// 月绩效奖金, CNY.
    #[schema(example = "3000.00", max_length = 20)]
    #[validate(length(max = 20, code = "too_long"))]
    pub monthly_bonus: String,
}

/// The teams, by department and name (retired ones too, marked).
#[utoipa::path(tag = "people", operation_id = "listTeams", security(("bearer" = [])), params(TeamQuery), responses((status = 200, body = Vec<TeamView>)))]
#[get("/teams")]
pub async fn list_teams(state: web::Data<AppState>, ctx: Ctx, q: web::Query<TeamQuery>) -> ApiResult<HttpResponse> {
    let d = q.department_id;
    Ok(HttpResponse::Ok().json(state.read(ctx, move |c, ctx| teams::list(c, ctx, d)).await?))
}

/// Add a team under a department (HR, admin).
#[utoipa::path(tag = "people", operation_id = "createTeam", security(("bearer" = [])), request_body = NewTeamBody,
    responses((status = 201, body = TeamView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/teams")]
pub async fn create_team(state: web::Data<AppState>, ctx: Ctx, body: Json<NewTeamBody>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let t = state.write(ctx, move |tx, ctx| teams::create(tx, ctx, b.department_id, b.name)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), t.version, &t))
}

/// Retire a team or bring it back (HR, admin). A team is never renamed: closed cases keep its name.
#[utoipa::path(tag = "people", operation_id = "updateTeam", security(("bearer" = [])), request_body = TeamPatch, params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = TeamView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/teams/{id}")]
pub async fn update_team(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<TeamPatch>) -> ApiResult<HttpResponse> {
    let (id, active) = (id.into_inner(), body.0.active);
    let t = state.write(ctx, move |tx, ctx| teams::set_active(tx, ctx, id, version.0, active)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), t.version, &t))
}

/// People with their pay basis, by id: HR, finance, the coordinator and the
/// executives see everyone; a department head his department; anyone else
/// himself. Every read of someone else's is logged.
#[utoipa::path(tag = "people", operation_id = "listPayBasis", security(("bearer" = [])), params(PayBasisQuery, PageQuery),
    responses((status = 200, body = PayBasisPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/pay-basis")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<PayBasisQuery>, page: web::Query<PageQuery>) -> ApiResult<HttpResponse> {
    let (limit, after) = page.parts::<i64>()?;
    let q = q.into_inner();
    let cmd = ListCmd { department_id: q.department_id, q: q.q, missing: q.missing.unwrap_or(false), after: after.unwrap_or(0), limit };
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| pay::list(tx, ctx, cmd)).await?))
}

/// Set one person's pay basis (HR). `If-Match` is the version the list
/// showed, `"0"` when none was set.
#[utoipa::path(tag = "people", operation_id = "setPayBasis", security(("bearer" = [])), request_body = PayBasisBody, params(("user_id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = PayBasisView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/pay-basis/{user_id}")]
pub async fn set(state: web::Data<AppState>, ctx: Ctx, user_id: web::Path<i64>, version: IfMatch, body: Json<PayBasisBody>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let cmd = SetCmd { user_id: user_id.into_inner(), version: version.0, team_id: b.team_id, base_points: b.base_points, monthly_bonus: b.monthly_bonus };
    let v = state.write(ctx, move |tx, ctx| pay::set(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// The sheet (人员基点及绩效奖金表) of everyone the caller may read: 账号, 姓名,
/// 部门, 班组, 基点数, 月绩效奖金. A logged read.
#[utoipa::path(tag = "people", operation_id = "exportPayBasis", security(("bearer" = [])), params(ExportQuery),
    responses((status = 200, description = "The file", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>)))]
#[get("/pay-basis/export")]
pub async fn export(state: web::Data<AppState>, ctx: Ctx, fmt: web::Query<ExportQuery>) -> ApiResult<HttpResponse> {
    let rows = state.write(ctx, import::export).await?;
    let (bytes, mime, ext) = match fmt.format.unwrap_or(FileFormat::Xlsx) {
        FileFormat::Xlsx => {
            (crate::grid::out::xlsx(import::SHEET, &import::headers(), &rows)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
        }
        FileFormat::Csv => (crate::grid::out::csv(&import::headers(), &rows)?, "text/csv; charset=utf-8", "csv"),
    };
    let name = format!("attachment; filename=\"pay-basis.{ext}\"");
    Ok(HttpResponse::Ok().insert_header((header::CONTENT_TYPE, mime)).insert_header((header::CONTENT_DISPOSITION, name)).body(bytes))
}

/// Import the sheet (HR): each row sets the person named by 账号 — 班组 by
/// name (blank: none), 基点数, 月绩效奖金. If any row is wrong nothing is
/// imported and the 422 lists every error as `rows[N].field`. At most 5,000
/// rows; an .xlsx is read with bounded memory.
#[utoipa::path(tag = "people", operation_id = "importPayBasis", security(("bearer" = [])), params(ImportQuery),
    request_body(content((Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "text/csv")), description = "The file, as the request body"),
    responses((status = 200, body = ImportResult), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 413, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/pay-basis/import")]
pub async fn import_sheet(state: web::Data<AppState>, ctx: Ctx, q: web::Query<ImportQuery>, payload: web::Payload) -> ApiResult<HttpResponse> {
    let rows = body::parse_off_thread(body::file(payload).await?, import::parse).await?;
    let cmd = (rows, q.dry_run.unwrap_or(false));
    let result: ImportResult = state.write(ctx, move |tx, ctx| import::import(tx, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(result))
}
