//! 档案借阅: reading another owner's customer needs a request approved by the
//! owning department's sales manager (a colleague) or the general manager
//! (another department, or a record above 秘密), valid for a limited time.

use crate::app::access::{self, AccessBox, AccessRequestPage, AccessRequestView, Ask, Decide, Named};
use crate::app::Ctx;
use crate::error::{not_blank, ApiError, ApiResult, FieldCode, Problem, Validated};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::{cursor, etag};
use crate::state::AppState;
use actix_web::{get, post, web, HttpResponse};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct AccessRequestInput {
    /// The customer, by id or by code (a salesperson often knows only the code).
    pub customer_id: Option<i64>,
    #[schema(example = "C-0001")]
    pub customer_code: Option<String>,
    #[schema(min_length = 1, max_length = 500, example = "客户来电询价，需查看历史报价与联系人")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "give a reason of at most 500 characters"),
        length(max = 500, code = "length", message = "give a reason of at most 500 characters")
    )]
    pub reason: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccessDecisionInput {
    pub approve: bool,
    /// Required when refusing.
    #[schema(max_length = 500)]
    pub reason: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AccessQuery {
    /// Default `mine`.
    #[param(inline)]
    pub r#box: Option<AccessBox>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

impl TryFrom<AccessRequestInput> for Ask {
    type Error = ApiError;
    fn try_from(b: AccessRequestInput) -> ApiResult<Ask> {
        let b = b.validated()?;
        let customer = match (b.customer_id, b.customer_code) {
            (Some(id), None) => Named::Id(id),
            (None, Some(code)) => Named::Code(code.trim().to_owned()),
            _ => return Err(ApiError::field("customer_id", FieldCode::OneOf, "give customer_id or customer_code")),
        };
        Ok(Ask { customer, reason: b.reason.trim().to_owned() })
    }
}

impl TryFrom<(i64, i64, AccessDecisionInput)> for Decide {
    type Error = ApiError;
    fn try_from((id, version, b): (i64, i64, AccessDecisionInput)) -> ApiResult<Decide> {
        let reason = b.reason.as_deref().map(str::trim).filter(|r| !r.is_empty()).map(str::to_owned);
        if !b.approve && reason.is_none() {
            return Err(ApiError::field("reason", FieldCode::Required, "say why the request is refused"));
        }
        if reason.as_ref().is_some_and(|r| r.chars().count() > 500) {
            return Err(ApiError::field("reason", FieldCode::Length, "at most 500 characters"));
        }
        Ok(Decide { id, version, approve: b.approve, reason })
    }
}

/// Ask to read another owner's customer.
#[utoipa::path(tag = "customers", operation_id = "requestCustomerAccess", security(("bearer" = [])), request_body = AccessRequestInput,
    responses((status = 201, body = AccessRequestView), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/access-requests")]
pub async fn create(state: web::Data<AppState>, ctx: Ctx, body: Json<AccessRequestInput>) -> ApiResult<HttpResponse> {
    let cmd = Ask::try_from(body.0)?;
    let v = state.write(ctx, move |tx, ctx| access::ask(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Created(), v.version, &v))
}

/// Requests the caller filed (`box=mine`) or decides (`box=to_decide`), newest first.
#[utoipa::path(tag = "customers", operation_id = "listCustomerAccessRequests", security(("bearer" = [])), params(AccessQuery),
    responses((status = 200, body = AccessRequestPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/access-requests")]
pub async fn list(state: web::Data<AppState>, ctx: Ctx, q: web::Query<AccessQuery>) -> ApiResult<HttpResponse> {
    let (which, limit) = (q.r#box.unwrap_or(AccessBox::Mine), cursor::limit(q.limit)?);
    let before: Option<i64> = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let page: AccessRequestPage = state.read(ctx, move |c, ctx| access::list(c, ctx, which, before, limit)).await?;
    Ok(HttpResponse::Ok().json(page))
}

/// Approve (for the policy's number of days, 7 by default) or refuse a request.
#[utoipa::path(tag = "customers", operation_id = "decideCustomerAccess", security(("bearer" = [])), request_body = AccessDecisionInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the request you decide")),
    responses((status = 200, body = AccessRequestView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/access-requests/{id}/decision")]
pub async fn decide(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<AccessDecisionInput>) -> ApiResult<HttpResponse> {
    let cmd = Decide::try_from((id.into_inner(), version.0, body.0))?;
    let v: AccessRequestView = state.write(ctx, move |tx, ctx| access::decide(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
