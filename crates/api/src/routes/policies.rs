//! Company policies an administrator edits: approval tiers, deadlines, the
//! working-day calendar.

use crate::app::policy;
use crate::auth::Caller;
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, Problem};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{delete, get, put, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use kehu_domain::approval::{ApprovalPolicy, Tier};
use kehu_domain::deadline::DeadlinePolicy;
use kehu_domain::{Money, Role};
use kehu_persistence::{settings, write_tx};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TierView {
    /// Inclusive upper bound of the settlement total, CNY; null on the last tier.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "100000.00")]
    pub up_to: Option<String>,
    #[schema(example = "sales_manager")]
    pub approver_role: String,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalPolicyView {
    /// 0 = built-in default, never edited.
    pub version: i64,
    pub tiers: Vec<TierView>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalPolicyRequest {
    #[schema(min_items = 1)]
    pub tiers: Vec<TierView>,
}

#[derive(Serialize, ToSchema)]
pub struct DeadlinePolicyView {
    pub version: i64,
    /// Step durations: `{"hours": n}`, `{"days": n}` or `{"working_days": n}` per step.
    #[schema(value_type = Object)]
    pub policy: serde_json::Value,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct CalendarDayView {
    pub day: NaiveDate,
    /// true: a working day (e.g. a make-up Saturday); false: a day off (holiday).
    pub working: bool,
    #[schema(example = "国庆节")]
    pub name: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CalendarDayRequest {
    pub working: bool,
    #[schema(max_length = 100)]
    #[serde(default)]
    pub name: String,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn approval_view(p: &ApprovalPolicy, version: i64) -> ApprovalPolicyView {
    ApprovalPolicyView {
        version,
        tiers: p.tiers.iter().map(|t| TierView { up_to: t.up_to.map(|m| m.to_string()), approver_role: t.approver.as_str().into() }).collect(),
    }
}

/// The approval tiers in force (核决权限).
#[utoipa::path(tag = "policies", operation_id = "getApprovalPolicy", security(("bearer" = [])), responses((status = 200, body = ApprovalPolicyView)))]
#[get("/policies/approval-tiers")]
pub async fn get_approval(state: web::Data<AppState>, caller: Caller, req: HttpRequest) -> ApiResult<HttpResponse> {
    let (p, v) = state.db(move |c| policy::approval(c, caller.org_id)).await?;
    Ok(etag::respond(&req, v, &approval_view(&p, v)))
}

/// Replace the approval tiers (admin). Cases already routed keep their tier.
#[utoipa::path(tag = "policies", operation_id = "putApprovalPolicy", security(("bearer" = [])), request_body = ApprovalPolicyRequest,
    params(("If-Match" = String, Header)),
    responses((status = 200, body = ApprovalPolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/approval-tiers")]
pub async fn put_approval(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<ApprovalPolicyRequest>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let mut tiers = Vec::new();
    for (i, t) in body.0.tiers.iter().enumerate() {
        let up_to = t
            .up_to
            .as_deref()
            .map(|s| s.parse::<Money>())
            .transpose()
            .map_err(|e| ApiError::field(&format!("tiers[{i}].up_to"), FieldCode::InvalidMoney, e.to_string()))?;
        let approver: Role =
            t.approver_role.parse().map_err(|_| ApiError::field(&format!("tiers[{i}].approver_role"), FieldCode::UnknownValue, "unknown role"))?;
        tiers.push(Tier { up_to, approver });
    }
    let p = ApprovalPolicy { tiers };
    p.validate().map_err(|e| ApiError::field("tiers", FieldCode::InvalidPolicy, e.to_string()))?;
    let rid = audit::request_id(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let (_, current) = policy::approval(c, caller.org_id)?;
                if current != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let body = serde_json::to_string(&p).map_err(|e| ApiError::Internal(e.to_string()))?;
                let row = settings::insert_policy(c, caller.org_id, policy::APPROVAL, current + 1, &body, Some(caller.user_id), Utc::now().naive_utc())
                    .map_err(|e| match e {
                        kehu_persistence::DbError::Conflict(_) => ApiError::PreconditionFailed,
                        other => other.into(),
                    })?;
                audit::write(c, &caller, "policy.approval_tiers", "policy", row.id, &rid, serde_json::json!({"version": row.version, "policy": p}))?;
                Ok(approval_view(&p, row.version))
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &view))
}

/// The step and whole-case deadlines in force (处理期限).
#[utoipa::path(tag = "policies", operation_id = "getDeadlinePolicy", security(("bearer" = [])), responses((status = 200, body = DeadlinePolicyView)))]
#[get("/policies/deadlines")]
pub async fn get_deadlines(state: web::Data<AppState>, caller: Caller, req: HttpRequest) -> ApiResult<HttpResponse> {
    let (p, v): (DeadlinePolicy, i64) = state.db(move |c| policy::current(c, caller.org_id, policy::DEADLINES)).await?;
    let view = DeadlinePolicyView { version: v, policy: serde_json::to_value(p).unwrap_or_default() };
    Ok(etag::respond(&req, v, &view))
}

/// Replace the deadlines (admin); applies to steps entered afterwards.
#[utoipa::path(tag = "policies", operation_id = "putDeadlinePolicy", security(("bearer" = [])), request_body(content = Object, description = "Every step of GET /policies/deadlines"),
    params(("If-Match" = String, Header)),
    responses((status = 200, body = DeadlinePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/deadlines")]
pub async fn put_deadlines(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<DeadlinePolicy>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let p = body.0;
    let rid = audit::request_id(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let (_, current): (DeadlinePolicy, i64) = policy::current(c, caller.org_id, policy::DEADLINES)?;
                if current != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let body = serde_json::to_string(&p).map_err(|e| ApiError::Internal(e.to_string()))?;
                let row = settings::insert_policy(c, caller.org_id, policy::DEADLINES, current + 1, &body, Some(caller.user_id), Utc::now().naive_utc())?;
                audit::write(c, &caller, "policy.deadlines", "policy", row.id, &rid, serde_json::json!({"version": row.version}))?;
                Ok(DeadlinePolicyView { version: row.version, policy: serde_json::to_value(&p).unwrap_or_default() })
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &view))
}

/// Days that differ from Monday–Friday: holidays and make-up working days.
#[utoipa::path(tag = "policies", operation_id = "listCalendarDays", security(("bearer" = [])), params(CalendarQuery), responses((status = 200, body = Vec<CalendarDayView>)))]
#[get("/calendar/days")]
pub async fn list_days(state: web::Data<AppState>, caller: Caller, q: web::Query<CalendarQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let days = state.db(move |c| Ok(settings::calendar(c, caller.org_id, q.from, q.to)?)).await?;
    Ok(HttpResponse::Ok().json(days.into_iter().map(|d| CalendarDayView { day: d.day, working: d.working, name: d.name }).collect::<Vec<_>>()))
}

/// Set one day as a holiday or a working day (admin).
#[utoipa::path(tag = "policies", operation_id = "putCalendarDay", security(("bearer" = [])), request_body = CalendarDayRequest, params(("day" = String, Path, example = "2026-10-01")),
    responses((status = 200, body = CalendarDayView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[put("/calendar/days/{day}")]
pub async fn put_day(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    day: web::Path<String>,
    body: Json<CalendarDayRequest>,
) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let day: NaiveDate = day.parse().map_err(|_| ApiError::field("day", FieldCode::InvalidDate, "use YYYY-MM-DD"))?;
    let b = body.0;
    if b.name.chars().count() > 100 {
        return Err(ApiError::field("name", FieldCode::TooLong, "at most 100 characters"));
    }
    let rid = audit::request_id(&req);
    let name = b.name.clone();
    state
        .db(move |c| {
            write_tx(c, |c| {
                settings::set_calendar_day(c, caller.org_id, day, b.working, &b.name)?;
                audit::write(c, &caller, "calendar.set", "calendar", 0, &rid, serde_json::json!({"day": day, "working": b.working, "name": b.name}))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(CalendarDayView { day, working: b.working, name }))
}

/// Return a day to the Monday–Friday rule (admin).
#[utoipa::path(tag = "policies", operation_id = "deleteCalendarDay", security(("bearer" = [])), params(("day" = String, Path)),
    responses((status = 204, description = "Removed"), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[delete("/calendar/days/{day}")]
pub async fn delete_day(state: web::Data<AppState>, caller: Caller, req: HttpRequest, day: web::Path<String>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let day: NaiveDate = day.parse().map_err(|_| ApiError::field("day", FieldCode::InvalidDate, "use YYYY-MM-DD"))?;
    let rid = audit::request_id(&req);
    state
        .db(move |c| {
            write_tx(c, |c| {
                if settings::delete_calendar_day(c, caller.org_id, day)? == 0 {
                    return Err(ApiError::NotFound);
                }
                audit::write(c, &caller, "calendar.unset", "calendar", 0, &rid, serde_json::json!({"day": day}))
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
