//! The returns' policy: time in a department, the company's over-delivery
//! tolerance and the consumer rule set's periods.

use crate::app::returns::policy::{self, ReturnPolicyView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use kehu_domain::returns::retail::RetailRules;
use kehu_domain::returns::ReturnPolicy;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnPolicyBody {
    /// Working days a document may stay in one department (1).
    #[schema(minimum = 1, maximum = 10)]
    #[validate(range(min = 1, max = 10, code = "out_of_range"))]
    pub step_working_days: u32,
    /// At most, with a written reason (3); not below the step's.
    #[schema(minimum = 1, maximum = 30)]
    #[validate(range(min = 1, max = 30, code = "out_of_range"))]
    pub extended_working_days: u32,
    /// Over-delivery accepted when the customer has none, in basis points (0).
    #[schema(minimum = 0, maximum = 10000)]
    #[validate(range(max = 10000, code = "out_of_range"))]
    pub company_tolerance_bp: u32,
    /// The consumer rule set's periods; unchanged when absent.
    #[validate(nested)]
    pub retail: Option<RetailRulesInput>,
}

/// The consumer rule set's periods, in calendar days.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RetailRulesInput {
    /// An unopened return, from the purchase (30).
    #[schema(minimum = 1, maximum = 365)]
    #[validate(range(min = 1, max = 365, code = "out_of_range"))]
    pub return_days: u32,
    /// An unopened exchange, from the purchase (60).
    #[schema(minimum = 1, maximum = 365)]
    #[validate(range(min = 1, max = 365, code = "out_of_range"))]
    pub exchange_days: u32,
    /// A defective product, from the purchase (30).
    #[schema(minimum = 1, maximum = 365)]
    #[validate(range(min = 1, max = 365, code = "out_of_range"))]
    pub quality_days: u32,
    /// The refund, from the approval (3).
    #[schema(minimum = 0, maximum = 30)]
    #[validate(range(max = 30, code = "out_of_range"))]
    pub refund_days: u32,
}

/// The returns' rules in force.
#[utoipa::path(tag = "policies", operation_id = "getReturnPolicy", security(("bearer" = [])), responses((status = 200, body = ReturnPolicyView)))]
#[get("/policies/returns")]
pub async fn get_policy(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let view = state.read(ctx, policy::get).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Replace the returns' rules (admin).
#[utoipa::path(tag = "policies", operation_id = "putReturnPolicy", security(("bearer" = [])), request_body = ReturnPolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = ReturnPolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/returns")]
pub async fn put_policy(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<ReturnPolicyBody>) -> ApiResult<HttpResponse> {
    let b = body.0.validated()?;
    let retail =
        b.retail.map(|r| RetailRules { return_days: r.return_days, exchange_days: r.exchange_days, quality_days: r.quality_days, refund_days: r.refund_days });
    let p = ReturnPolicy {
        step_working_days: b.step_working_days,
        extended_working_days: b.extended_working_days,
        company_tolerance_bp: b.company_tolerance_bp,
        retail: retail.clone().unwrap_or_default(),
    };
    let view = state.write(ctx, move |tx, ctx| policy::put(tx, ctx, (version.0, p, retail.is_some()))).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}
