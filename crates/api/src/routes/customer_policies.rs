//! The archive's and the visits' policy numbers, which an administrator edits.

use crate::app::customers::ARCHIVE;
use crate::app::policy;
use crate::app::policy::CARE;
use crate::auth::Caller;
use crate::error::FieldCode;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use chrono::Utc;
use kehu_domain::care::{CarePolicy, Dimension};
use kehu_domain::customer::ArchivePolicy;
use kehu_domain::org::DepartmentKind;
use kehu_domain::{Money, Role};
use kehu_persistence::{settings, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The customer archive's rules (defaults from the manuals).
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ArchivePolicyBody {
    /// Working days from first contact to the registration form (5).
    #[schema(minimum = 1, maximum = 30)]
    pub registration_working_days: u32,
    /// Months a customer stays protected without a deal (2).
    #[schema(minimum = 1, maximum = 24)]
    pub protection_months: u32,
    /// Days an approved access request is valid (7).
    #[schema(minimum = 1, maximum = 90)]
    pub access_days: u32,
    /// Longest payment term (31: monthly settlement).
    #[schema(minimum = 0, maximum = 31)]
    pub max_payment_term_days: u32,
    /// People on a key customer, the owner included (2).
    #[schema(minimum = 1, maximum = 5)]
    pub key_customer_min_staff: u32,
}

/// The rules in force; PUT the same fields without `version`.
#[derive(Serialize, ToSchema)]
pub struct ArchivePolicyView {
    /// 0 = built-in default.
    pub version: i64,
    pub registration_working_days: u32,
    pub protection_months: u32,
    pub access_days: u32,
    pub max_payment_term_days: u32,
    pub key_customer_min_staff: u32,
}

/// Which department kind follows up a poor score, per dimension.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowupKinds {
    pub quality: DepartmentKind,
    pub delivery: DepartmentKind,
    pub price: DepartmentKind,
    pub service: DepartmentKind,
    pub comparison: DepartmentKind,
    pub other: DepartmentKind,
}

/// Visits and surveys.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CarePolicyBody {
    /// Highest expense claim per visit, CNY (2000.00).
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "2000.00")]
    pub visit_expense_limit: String,
    /// A score at or below this opens a follow-up (2 = 不太满意).
    #[schema(minimum = 1, maximum = 4)]
    pub poor_score: i64,
    /// Days a survey link stays open (30).
    #[schema(minimum = 1, maximum = 365)]
    pub survey_link_days: i64,
    pub followup_department_kinds: FollowupKinds,
}

/// The rules in force; PUT the same fields without `version`.
#[derive(Serialize, ToSchema)]
pub struct CarePolicyView {
    pub version: i64,
    pub visit_expense_limit: String,
    pub poor_score: i64,
    pub survey_link_days: i64,
    pub followup_department_kinds: FollowupKinds,
}

fn archive_view(p: &ArchivePolicy, version: i64) -> ArchivePolicyView {
    ArchivePolicyView {
        version,
        registration_working_days: p.registration_working_days,
        protection_months: p.protection_months,
        access_days: p.access_days,
        max_payment_term_days: p.max_payment_term_days,
        key_customer_min_staff: p.key_customer_min_staff,
    }
}

fn care_view(p: &CarePolicy, version: i64) -> CarePolicyView {
    let k = |d| p.department_kind(d);
    CarePolicyView {
        version,
        visit_expense_limit: Money::from_fen(p.visit_expense_limit_fen).map(|m| m.to_string()).unwrap_or_default(),
        poor_score: p.poor_score,
        survey_link_days: p.survey_link_days,
        followup_department_kinds: FollowupKinds {
            quality: k(Dimension::Quality),
            delivery: k(Dimension::Delivery),
            price: k(Dimension::Price),
            service: k(Dimension::Service),
            comparison: k(Dimension::Comparison),
            other: k(Dimension::Other),
        },
    }
}

fn range(e: &mut Vec<FieldError>, field: &str, v: i64, min: i64, max: i64) {
    if v < min || v > max {
        e.push(FieldError { field: field.into(), code: FieldCode::OutOfRange, message: format!("{min} to {max}") });
    }
}

/// Stores a new version of a policy if `version` is the current one.
fn store<T: Serialize>(c: &mut DbConn, caller: &Caller, name: &str, version: i64, current: i64, body: &T, rid: &Option<String>) -> ApiResult<i64> {
    if current != version {
        return Err(ApiError::PreconditionFailed);
    }
    let text = serde_json::to_string(body).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row = settings::insert_policy(c, caller.org_id, name, current + 1, &text, Some(caller.user_id), Utc::now().naive_utc()).map_err(|e| match e {
        kehu_persistence::DbError::Conflict(_) => ApiError::PreconditionFailed,
        other => other.into(),
    })?;
    audit::write(c, caller, &format!("policy.{name}"), "policy", row.id, rid, serde_json::json!({"version": row.version, "policy": text}))?;
    Ok(row.version)
}

/// The customer archive's rules in force.
#[utoipa::path(tag = "policies", operation_id = "getArchivePolicy", security(("bearer" = [])), responses((status = 200, body = ArchivePolicyView)))]
#[get("/policies/customer-archive")]
pub async fn get_archive(state: web::Data<AppState>, caller: Caller, req: HttpRequest) -> ApiResult<HttpResponse> {
    let (p, v): (ArchivePolicy, i64) = state.db(move |c| policy::current(c, caller.org_id, ARCHIVE)).await?;
    Ok(etag::respond(&req, v, &archive_view(&p, v)))
}

/// Replace the archive's rules (admin).
#[utoipa::path(tag = "policies", operation_id = "putArchivePolicy", security(("bearer" = [])), request_body = ArchivePolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = ArchivePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/customer-archive")]
pub async fn put_archive(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<ArchivePolicyBody>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let b = body.0;
    let mut e = Vec::new();
    range(&mut e, "registration_working_days", b.registration_working_days.into(), 1, 30);
    range(&mut e, "protection_months", b.protection_months.into(), 1, 24);
    range(&mut e, "access_days", b.access_days.into(), 1, 90);
    range(&mut e, "max_payment_term_days", b.max_payment_term_days.into(), 0, 31);
    range(&mut e, "key_customer_min_staff", b.key_customer_min_staff.into(), 1, 5);
    if !e.is_empty() {
        return Err(ApiError::validation(e));
    }
    let p = ArchivePolicy {
        registration_working_days: b.registration_working_days,
        protection_months: b.protection_months,
        access_days: b.access_days,
        max_payment_term_days: b.max_payment_term_days,
        key_customer_min_staff: b.key_customer_min_staff,
    };
    let rid = audit::request_id(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let (_, current): (ArchivePolicy, i64) = policy::current(c, caller.org_id, ARCHIVE)?;
                let v = store(c, &caller, ARCHIVE, version, current, &p, &rid)?;
                Ok(archive_view(&p, v))
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &view))
}

/// The visits' and surveys' rules in force.
#[utoipa::path(tag = "policies", operation_id = "getCarePolicy", security(("bearer" = [])), responses((status = 200, body = CarePolicyView)))]
#[get("/policies/customer-care")]
pub async fn get_care(state: web::Data<AppState>, caller: Caller, req: HttpRequest) -> ApiResult<HttpResponse> {
    let (p, v): (CarePolicy, i64) = state.db(move |c| policy::current(c, caller.org_id, CARE)).await?;
    Ok(etag::respond(&req, v, &care_view(&p, v)))
}

/// Replace the visits' and surveys' rules (admin).
#[utoipa::path(tag = "policies", operation_id = "putCarePolicy", security(("bearer" = [])), request_body = CarePolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = CarePolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/customer-care")]
pub async fn put_care(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<CarePolicyBody>) -> ApiResult<HttpResponse> {
    caller.require(Role::Admin)?;
    let version = etag::if_match(&req)?;
    let b = body.0;
    let mut e = Vec::new();
    let limit = b.visit_expense_limit.parse::<Money>().map(Money::fen);
    if limit.is_err() {
        e.push(FieldError { field: "visit_expense_limit".into(), code: FieldCode::InvalidMoney, message: "an amount like 2000.00".into() });
    }
    range(&mut e, "poor_score", b.poor_score, 1, 4);
    range(&mut e, "survey_link_days", b.survey_link_days, 1, 365);
    let k = &b.followup_department_kinds;
    let kinds = [
        (Dimension::Quality, &k.quality),
        (Dimension::Delivery, &k.delivery),
        (Dimension::Price, &k.price),
        (Dimension::Service, &k.service),
        (Dimension::Comparison, &k.comparison),
        (Dimension::Other, &k.other),
    ];
    if !e.is_empty() {
        return Err(ApiError::validation(e));
    }
    let p = CarePolicy {
        visit_expense_limit_fen: limit.unwrap_or_default(),
        poor_score: b.poor_score,
        survey_link_days: b.survey_link_days,
        followup_department_kind: kinds.iter().map(|(d, k)| (*d, **k)).collect(),
    };
    let rid = audit::request_id(&req);
    let view = state
        .db(move |c| {
            write_tx(c, |c| {
                let (_, current): (CarePolicy, i64) = policy::current(c, caller.org_id, CARE)?;
                let v = store(c, &caller, CARE, version, current, &p, &rid)?;
                Ok(care_view(&p, v))
            })
        })
        .await?;
    let v = view.version;
    Ok(etag::with_etag(HttpResponse::Ok(), v, &view))
}
