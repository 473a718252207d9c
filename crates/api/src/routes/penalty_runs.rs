//! The monthly penalty run (客诉罚扣): start, read, confirm or dispute its
//! items, settle, defer, submit, approve, publish.

use crate::app::penalties::act::{self, ItemCmd, RunCmd};
use crate::app::penalties::lists::{self, DeductionList, PublicationList};
use crate::app::penalties::{self, start, ItemPage, LedgerView, RunSummary, RunView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::http::header;
use actix_web::{get, post, web, HttpResponse};
use kehu_domain::penalty::flow::{ItemAction, ItemState, RunAction};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// Which of the run's items to show.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ItemQuery {
    /// One department's items.
    pub department_id: Option<i64>,
    /// Items in one state.
    pub item_state: Option<ItemState>,
    /// The `items_next` of the page before.
    pub after: Option<i64>,
    /// Items per page, 1 to 200 (200).
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct StartRunBody {
    /// The month whose closed cases it charges, `YYYY-MM`; a month that is over.
    #[schema(example = "2026-11", max_length = 7)]
    #[validate(length(max = 7, code = "too_long"))]
    pub month: String,
}

#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct RatioBody {
    pub item_id: i64,
    #[schema(minimum = 0, maximum = 100)]
    pub ratio_percent: i32,
}

#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct PenaltyActionBody {
    /// Why: required to dispute, settle, defer or send back (at most 4,000 characters).
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub comment: Option<String>,
    /// `settle` only: new ratios for every share of the case in this run, adding up to 100.
    #[serde(default)]
    #[schema(max_items = 50)]
    #[validate(length(max = 50, code = "too_many"))]
    pub ratios: Vec<RatioBody>,
}

/// The runs, newest month first (months and states; no personal data).
#[utoipa::path(tag = "penalties", operation_id = "listPenaltyRuns", security(("bearer" = [])), responses((status = 200, body = Vec<RunSummary>)))]
#[get("/penalty-runs")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(state.read(ctx, penalties::list).await?))
}

/// Start a month's run (the coordinator): one item per responsible party of
/// each case closed in the month with a loss, the shares deferred to it, and
/// a fine per case left open past its whole-case deadline. A month has one
/// run: starting it again is a 409 and changes nothing.
#[utoipa::path(tag = "penalties", operation_id = "startPenaltyRun", security(("bearer" = [])), request_body = StartRunBody,
    responses((status = 201, body = RunView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/penalty-runs")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<StartRunBody>) -> ApiResult<HttpResponse> {
    let month = body.0.validated()?.month;
    let v = state.write(ctx, move |tx, ctx| start::start(tx, ctx, month)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.run.version, &v))
}

/// A run as the caller may read it (personal data: a head sees his
/// department's items and people, anyone his own; HR, finance, the
/// coordinator and the executives all). Reads of others are logged.
#[utoipa::path(tag = "penalties", operation_id = "getPenaltyRun", security(("bearer" = [])), params(("id" = i64, Path), ItemQuery),
    responses((status = 200, body = RunView), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/penalty-runs/{id}")]
pub async fn get_one(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, q: web::Query<ItemQuery>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let q = q.into_inner();
    let page = ItemPage {
        department_id: q.department_id,
        state: q.item_state,
        after: q.after.unwrap_or(0),
        limit: q.limit.map_or(Ok(200), |l| crate::http::cursor::limit(Some(l)))?,
    };
    let v = state.write(ctx, move |tx, ctx| penalties::view_page(tx, ctx, id, page)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.run.version, &v))
}

/// `submit` (the coordinator, once no item waits), `approve` or `send_back`
/// (the general manager; approving charges each person and writes the
/// month's ledger; months are approved in order), `publish` (HR).
/// `If-Match`: the run's version.
#[utoipa::path(tag = "penalties", operation_id = "actOnPenaltyRun", security(("bearer" = [])), request_body = PenaltyActionBody,
    params(("id" = i64, Path), ("action" = RunAction, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = RunView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/penalty-runs/{id}/actions/{action}")]
pub async fn act_on_run(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, RunAction)>,
    version: IfMatch,
    body: Json<PenaltyActionBody>,
) -> ApiResult<HttpResponse> {
    let (run_id, action) = path.into_inner();
    let b = body.0.validated()?;
    let cmd = RunCmd { run_id, version: version.0, action, comment: b.comment };
    let v = state.write(ctx, move |tx, ctx| act::run(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.run.version, &v))
}

/// `confirm` or `dispute` an item (the head of its department; the
/// coordinator confirms for a department without one), `settle` a dispute
/// (the coordinator, with new ratios for the case if they change) or
/// `defer` a share for the resale window (the coordinator). `If-Match`: the
/// item's version.
#[utoipa::path(tag = "penalties", operation_id = "actOnPenaltyItem", security(("bearer" = [])), request_body = PenaltyActionBody,
    params(("id" = i64, Path), ("item_id" = i64, Path), ("action" = ItemAction, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = RunView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/penalty-runs/{id}/items/{item_id}/actions/{action}")]
pub async fn act_on_item(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, i64, ItemAction)>,
    version: IfMatch,
    body: Json<PenaltyActionBody>,
) -> ApiResult<HttpResponse> {
    let (run_id, item_id, action) = path.into_inner();
    let b = body.0.validated()?;
    let ratios = b.ratios.iter().map(|r| (r.item_id, r.ratio_percent)).collect();
    let cmd = ItemCmd { run_id, item_id, version: version.0, action, comment: b.comment, ratios };
    let v = state.write(ctx, move |tx, ctx| act::item(tx, ctx, cmd)).await?;
    Ok(HttpResponse::Ok().json(v))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListFormat {
    /// `xlsx` for the Excel file; JSON when left out.
    pub format: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LedgerQuery {
    /// Whose ledger; the caller's own when left out.
    pub user_id: Option<i64>,
}

fn xlsx(bytes: Vec<u8>, name: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}.xlsx\"")))
        .body(bytes)
}

fn wants_xlsx(q: &ListFormat) -> ApiResult<bool> {
    match q.format.as_deref() {
        None | Some("json") => Ok(false),
        Some("xlsx") => Ok(true),
        Some(_) => Err(crate::error::ApiError::field("format", crate::error::FieldCode::UnknownValue, "xlsx or json")),
    }
}

/// HR's publication list (人事公布单) of an approved run: every sanction, the
/// party's and the supervisors', as the caller may read them. `?format=xlsx`
/// for the Excel file.
#[utoipa::path(tag = "penalties", operation_id = "getPenaltyPublication", security(("bearer" = [])), params(("id" = i64, Path), ListFormat),
    responses((status = 200, body = PublicationList), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
#[get("/penalty-runs/{id}/publication")]
pub async fn publication(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, q: web::Query<ListFormat>) -> ApiResult<HttpResponse> {
    let (id, file) = (id.into_inner(), wants_xlsx(&q)?);
    let p = state.write(ctx, move |tx, ctx| lists::publication(tx, ctx, id)).await?;
    if !file {
        return Ok(HttpResponse::Ok().json(p));
    }
    let bytes = crate::grid::out::xlsx_book(&[crate::grid::out::Sheet {
        name: "人事公布单",
        headers: &lists::PUBLICATION_HEADERS,
        rows: &lists::publication_rows(&p),
        numbers: &[4, 6],
    }])?;
    Ok(xlsx(bytes, &format!("publication-{}", p.run.month)))
}

/// Finance's deduction list (罚扣明细) of an approved run: each person's
/// bonus, what was carried in, charged, deducted and carried on, and the
/// departments' late fines. `?format=xlsx` for the Excel file (two sheets).
#[utoipa::path(tag = "penalties", operation_id = "getPenaltyDeductions", security(("bearer" = [])), params(("id" = i64, Path), ListFormat),
    responses((status = 200, body = DeductionList), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json")))]
#[get("/penalty-runs/{id}/deductions")]
pub async fn deductions(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, q: web::Query<ListFormat>) -> ApiResult<HttpResponse> {
    let (id, file) = (id.into_inner(), wants_xlsx(&q)?);
    let d = state.write(ctx, move |tx, ctx| lists::deductions(tx, ctx, id)).await?;
    if !file {
        return Ok(HttpResponse::Ok().json(d));
    }
    use crate::grid::out::Sheet;
    let (people, departments) = (lists::people_rows(&d), lists::department_rows(&d));
    let bytes = crate::grid::out::xlsx_book(&[
        Sheet { name: "个人罚扣", headers: &lists::PEOPLE_HEADERS, rows: &people, numbers: &[2, 3, 4, 5, 6] },
        Sheet { name: "部门罚款", headers: &lists::DEPARTMENT_HEADERS, rows: &departments, numbers: &[2] },
    ])?;
    Ok(xlsx(bytes, &format!("deductions-{}", d.run.month)))
}

/// A person's bonus ledger month by month (罚扣台账): the caller's own, or
/// one the personal-data rule lets him read (logged); 404 otherwise.
#[utoipa::path(tag = "penalties", operation_id = "getBonusLedger", security(("bearer" = [])), params(LedgerQuery),
    responses((status = 200, body = Vec<LedgerView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/bonus-ledger")]
pub async fn ledger(state: web::Data<AppState>, ctx: Ctx, q: web::Query<LedgerQuery>) -> ApiResult<HttpResponse> {
    let user = q.user_id;
    Ok(HttpResponse::Ok().json(state.write(ctx, move |tx, ctx| penalties::ledger_of(tx, ctx, user)).await?))
}
