//! The internal handling of returned goods (客户退换货处理单): QA, engineering,
//! the general manager, PMC, production and the warehouse in turn.

use crate::app::returns::handling::{self, HandlingAct};
use crate::app::returns::ReturnView;
use crate::app::Ctx;
use crate::error::{not_blank, ApiError, ApiResult, FieldCode, Problem, Validated};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{post, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::returns::handling::{Disposition, HandlingAction, Plan, QaFinding, Schedule};
use kehu_domain::Money;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// `inspect`: QA's finding and the label put on the goods.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct QaInput {
    #[schema(min_length = 1, max_length = 2000, example = "外观划伤 3 台，功能正常")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 2000, code = "too_long"))]
    pub finding: String,
    /// 标识 (待整改, 不合格, …).
    #[schema(min_length = 1, max_length = 100, example = "待整改")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 100, code = "too_long"))]
    pub label: String,
}

/// `plan`: engineering's analysis, what to do and its cost.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    #[schema(min_length = 1, max_length = 4000, example = "电源板焊点虚焊")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 4000, code = "too_long"))]
    pub analysis: String,
    pub disposition: Disposition,
    /// 整改方案; required for a rework.
    #[schema(max_length = 4000, example = "更换电源板并老化测试 4 小时")]
    #[validate(length(max = 4000, code = "too_long"))]
    pub plan: Option<String>,
    /// CNY.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "1200.00")]
    pub cost: String,
}

/// `schedule`: PMC's plan for the rework.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ScheduleInput {
    pub start_on: NaiveDate,
    pub finish_on: NaiveDate,
    #[schema(min_length = 1, max_length = 100, example = "装配二线")]
    #[validate(custom(function = "not_blank", code = "required"), length(max = 100, code = "too_long"))]
    pub production_unit: String,
    /// 发料单号.
    #[schema(max_length = 100, example = "FL2612-0031")]
    #[validate(length(max = 100, code = "too_long"))]
    pub material_issue: Option<String>,
}

/// A step of the handling, with the part that step records.
#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct HandlingActionBody {
    #[validate(nested)]
    pub qa: Option<QaInput>,
    #[validate(nested)]
    pub plan: Option<PlanInput>,
    #[validate(nested)]
    pub schedule: Option<ScheduleInput>,
    /// `complete_rework` (reworked) and `re_receive` (taken back or written
    /// off): one count per item, in the application's order.
    #[schema(max_items = 50, example = json!([498]))]
    #[validate(length(max = 50, code = "too_many"))]
    pub quantities: Option<Vec<i64>>,
    /// A remark; `reject_plan` requires it (why the plan goes back).
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "too_long"))]
    pub comment: Option<String>,
}

fn plan(p: PlanInput) -> ApiResult<Plan> {
    let cost: Money = p.cost.trim().parse().map_err(|_| ApiError::field("plan.cost", FieldCode::InvalidMoney, "an amount like 1200.00"))?;
    Ok(Plan { analysis: p.analysis.trim().into(), disposition: p.disposition, plan: trimmed(p.plan), cost })
}

/// Take a step of the returned goods' handling: `inspect` (QA, with `qa`),
/// `plan` (engineering, with `plan`), `approve_plan` / `reject_plan` (the
/// general manager; a rejection with `comment`), `schedule` (PMC, the
/// production manager, with `schedule`), `complete_rework` (production, with
/// `quantities`), `re_receive` (the warehouse, with `quantities`: a stock
/// ledger line per item).
#[utoipa::path(tag = "returns", operation_id = "takeReturnHandlingAction", security(("bearer" = [])), request_body = HandlingActionBody,
    params(("id" = i64, Path), ("action" = HandlingAction, Path), ("If-Match" = String, Header), ("Idempotency-Key" = Option<String>, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/returns/{id}/handling/actions/{action}")]
pub async fn act(
    state: web::Data<AppState>,
    ctx: Ctx,
    path: web::Path<(i64, String)>,
    version: IfMatch,
    body: Json<HandlingActionBody>,
) -> ApiResult<HttpResponse> {
    let (id, action) = path.into_inner();
    let action: HandlingAction = action.parse().map_err(|_| ApiError::NotFound)?;
    let b = body.0.validated()?;
    let plan = b.plan.map(plan).transpose()?;
    let qa = b.qa.map(|q| QaFinding { finding: q.finding.trim().into(), label: q.label.trim().into() });
    let schedule = b.schedule.map(|s| Schedule {
        start_on: s.start_on,
        finish_on: s.finish_on,
        production_unit: s.production_unit.trim().into(),
        material_issue: trimmed(s.material_issue),
    });
    let cmd = HandlingAct { id, version: version.0, action, qa, plan, schedule, quantities: b.quantities, comment: trimmed(b.comment) };
    let v = state.write(ctx, move |tx, ctx| handling::act(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
