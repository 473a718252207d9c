//! Customer service's part of a return: the on-site inspection and the originals.

use crate::app::returns::service::{self, ServiceCmd};
use crate::app::returns::ReturnView;
use crate::app::Ctx;
use crate::error::{broken_rules, ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::{trimmed, Json};
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{post, put, web, HttpResponse};
use chrono::NaiveDate;
use kehu_domain::returns::inspection::{Condition, Inspection, Original, PartCheck};
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

/// At most this many rows on a parts list.
const MAX_PARTS: usize = 100;

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct PartInput {
    #[schema(min_length = 1, max_length = 100, example = "遥控器")]
    #[validate(length(max = 100, code = "too_long"))]
    pub part: String,
    #[schema(minimum = 1)]
    pub expected: i64,
    #[schema(minimum = 0)]
    pub present: i64,
}

/// 现场检验: function, appearance, the parts list (部件清单表) and the customer's signature.
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct InspectionInput {
    pub function: Condition,
    /// Required when the function is defective.
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "too_long"))]
    pub function_note: Option<String>,
    pub appearance: Condition,
    /// Required when the appearance is defective.
    #[schema(max_length = 2000)]
    #[validate(length(max = 2000, code = "too_long"))]
    pub appearance_note: Option<String>,
    #[serde(default)]
    #[schema(max_items = 100)]
    #[validate(nested)]
    pub parts: Vec<PartInput>,
    /// Who signed the parts list for the customer.
    #[schema(min_length = 1, max_length = 100, example = "王建国")]
    #[validate(length(max = 100, code = "too_long"))]
    pub signed_by: Option<String>,
    pub signed_on: Option<NaiveDate>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OriginalsInput {
    /// Every original collected so far (合同, 收据, 送货单, 保修卡, 装箱单).
    pub collected: Vec<Original>,
}

impl TryFrom<InspectionInput> for Inspection {
    type Error = ApiError;
    fn try_from(b: InspectionInput) -> ApiResult<Inspection> {
        let mut errors = broken_rules(b.validate());
        if b.parts.len() > MAX_PARTS {
            errors.push(FieldError::new("parts", FieldCode::TooMany, format!("at most {MAX_PARTS} rows")));
        }
        ApiError::check(errors)?;
        Ok(Inspection {
            function: b.function,
            function_note: trimmed(b.function_note),
            appearance: b.appearance,
            appearance_note: trimmed(b.appearance_note),
            parts: b.parts.into_iter().map(|p| PartCheck { part: p.part.trim().to_owned(), expected: p.expected, present: p.present }).collect(),
            signed_by: trimmed(b.signed_by),
            signed_on: b.signed_on,
        })
    }
}

/// Record the on-site inspection of an approved application (customer service; once; not for sample units).
#[utoipa::path(tag = "returns", operation_id = "inspectReturn", security(("bearer" = [])), request_body = InspectionInput,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/returns/{id}/inspection")]
pub async fn inspect(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<InspectionInput>) -> ApiResult<HttpResponse> {
    let cmd = ServiceCmd { id: id.into_inner(), version: version.0, body: Inspection::try_from(body.0)? };
    let v = state.write(ctx, move |tx, ctx| service::inspect(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}

/// Set the originals collected with the goods (customer service or the applicant).
#[utoipa::path(tag = "returns", operation_id = "setReturnOriginals", security(("bearer" = [])), request_body = OriginalsInput,
    params(("id" = i64, Path), ("If-Match" = String, Header)),
    responses((status = 200, body = ReturnView, headers(("ETag" = String))), (status = 400, body = Problem, content_type = "application/problem+json"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/returns/{id}/originals")]
pub async fn originals(state: web::Data<AppState>, ctx: Ctx, id: web::Path<i64>, version: IfMatch, body: Json<OriginalsInput>) -> ApiResult<HttpResponse> {
    let cmd = ServiceCmd { id: id.into_inner(), version: version.0, body: body.0.collected };
    let v = state.write(ctx, move |tx, ctx| service::collect_originals(tx, ctx, cmd)).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
