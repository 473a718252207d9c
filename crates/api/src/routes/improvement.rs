//! Improvement tracking of a complaint: its marks (human negligence,
//! irrational) and the effectiveness check of its corrective actions after
//! the close, with QA's list of checks.

use crate::app::improvement::checks::{self, RecordCheck};
use crate::app::improvement::{self, CheckSummary, CheckView, MarksView, SaveMarks};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, post, put, web, HttpRequest, HttpResponse};
use kehu_domain::improvement::{CheckResult, CheckState, IrrationalFollow};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NegligenceBody {
    /// Why the case is pure human negligence (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub reason: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IrrationalBody {
    pub follow: IrrationalFollow,
    /// Why the complaint is irrational (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub reason: String,
}

/// The case's marks as they should be: a part left out or null is not marked.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarksBody {
    #[serde(default)]
    pub human_negligence: Option<NegligenceBody>,
    #[serde(default)]
    pub irrational: Option<IrrationalBody>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckResultBody {
    /// The existing problem is improved.
    pub works: bool,
    /// The actions cause no new problem.
    pub no_new_problem: bool,
    /// The error cannot happen again.
    pub prevents_recurrence: bool,
    /// What the check looked at and found (at most 4,000 characters).
    #[schema(max_length = 4000)]
    pub evidence: String,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CheckListQuery {
    /// `scheduled` unless given.
    pub state: Option<CheckState>,
    /// Only those due by today (QA's box).
    #[serde(default)]
    pub due: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CheckPage {
    pub items: Vec<CheckSummary>,
}

/// The case's marks: pure human negligence (not tracked for improvement) and irrational (counted apart).
#[utoipa::path(tag = "complaints", operation_id = "getCaseMarks", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = MarksView, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/marks")]
pub async fn get_marks(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| improvement::marks(c, ctx, id)).await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Set or clear the marks (`If-Match: "0"` before the first). Human
/// negligence: QA, the QA manager or the coordinator; irrational: the
/// coordinator; on a registered, open case, each with its reason.
#[utoipa::path(tag = "complaints", operation_id = "putCaseMarks", security(("bearer" = [])), request_body = MarksBody,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = MarksView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/complaints/{id}/marks")]
pub async fn put_marks(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<MarksBody>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let cmd = SaveMarks {
        complaint_id: id.into_inner(),
        version: version.0,
        human_negligence: b.human_negligence.map(|n| n.reason.trim().to_owned()),
        irrational: b.irrational.map(|i| (i.follow, i.reason.trim().to_owned())),
    };
    let v = state.write(ctx, move |tx, ctx| improvement::save_marks(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// The effectiveness check of the closed case's corrective actions (措施有效性验证), if the close scheduled one.
#[utoipa::path(tag = "complaints", operation_id = "getEffectivenessCheck", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = CheckView, headers(("ETag" = String))), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/complaints/{id}/effectiveness-check")]
pub async fn get_check(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, req: HttpRequest) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state.read(ctx, move |c, ctx| checks::get(c, ctx, id)).await?;
    Ok(etag::respond(&req, v.version, &v))
}

/// Record the check's result (QA or the QA manager; once). It passes when
/// all three hold; a failed check drafts a new case of the same customer
/// and product for the salesperson, linked to this one (`follow_up`).
#[utoipa::path(tag = "complaints", operation_id = "recordEffectivenessCheck", security(("bearer" = [])), request_body = CheckResultBody,
    params(("id" = i64, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = CheckView, headers(("ETag" = String))), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/complaints/{id}/effectiveness-check/result")]
pub async fn record_check(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<CheckResultBody>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let result =
        CheckResult { works: b.works, no_new_problem: b.no_new_problem, prevents_recurrence: b.prevents_recurrence, evidence: b.evidence.trim().to_owned() };
    let cmd = RecordCheck { complaint_id: id.into_inner(), version: version.0, result };
    let v = state.write(ctx, move |tx, ctx| checks::record(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Effectiveness checks in a state, of the cases the caller may read, the earliest due first (at most 200).
#[utoipa::path(tag = "complaints", operation_id = "listEffectivenessChecks", security(("bearer" = [])), params(CheckListQuery),
    responses((status = 200, body = CheckPage), (status = 400, body = Problem, content_type = "application/problem+json")))]
#[get("/effectiveness-checks")]
pub async fn list_checks(state: web::Data<AppState>, ctx: Ctx, q: web::Query<CheckListQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let s = q.state.unwrap_or(CheckState::Scheduled);
    let items = state.read(ctx, move |c, ctx| checks::list(c, ctx, s, q.due)).await?;
    Ok(HttpResponse::Ok().json(CheckPage { items }))
}
