//! The follow-up policy: escalation thresholds and the customer's clocks.

use crate::app::letters::policy::{self, ChasePolicyView};
use crate::app::Ctx;
use crate::error::{ApiResult, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use kehu_domain::chase::ChasePolicy;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChasePolicyBody {
    /// Hours past a deadline before the department's manager is told too (1–720).
    #[schema(minimum = 1, maximum = 720)]
    pub manager_after_hours: u32,
    /// Hours past a deadline before the general manager's office is told too; after the manager's (1–720).
    #[schema(minimum = 1, maximum = 720)]
    pub gm_office_after_hours: u32,
    /// Hours from registration within which sales first answers the customer (1–720).
    #[schema(minimum = 1, maximum = 720)]
    pub first_reply_hours: u32,
    /// Hours from the close within which sales confirms the outcome with the customer (1–720).
    #[schema(minimum = 1, maximum = 720)]
    pub close_confirmation_hours: u32,
}

/// The follow-up rules in force.
#[utoipa::path(tag = "policies", operation_id = "getFollowUpPolicy", security(("bearer" = [])), responses((status = 200, body = ChasePolicyView)))]
#[get("/policies/follow-up")]
pub async fn get_policy(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let view = state.read(ctx, policy::get).await?;
    Ok(etag::respond(&req, view.version, &view))
}

/// Replace the follow-up rules (admin).
#[utoipa::path(tag = "policies", operation_id = "putFollowUpPolicy", security(("bearer" = [])), request_body = ChasePolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = ChasePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/follow-up")]
pub async fn put_policy(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<ChasePolicyBody>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let p = ChasePolicy {
        manager_after_hours: b.manager_after_hours,
        gm_office_after_hours: b.gm_office_after_hours,
        first_reply_hours: b.first_reply_hours,
        close_confirmation_hours: b.close_confirmation_hours,
    };
    let view = state.write(ctx, move |tx, ctx| policy::put(tx, ctx, (version.0, p))).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), view.version, &view))
}
