//! The penalty rules (客诉罚则): tiers by burden, sanctions in money, the
//! deduction cap and carry-over, the resale window, the late-close fine.

use crate::app::{policies, policy, Ctx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError, Problem};
use crate::http::body::Json;
use crate::http::ctx::IfMatch;
use crate::http::etag;
use crate::state::AppState;
use actix_web::{get, put, web, HttpRequest, HttpResponse};
use kehu_domain::penalty::{PenaltyPolicy, Sanction, SanctionKind, Tier};
use kehu_domain::Money;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PenaltyTierView {
    /// Inclusive upper bound of a party's burden, CNY; null on the last tier.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "10000.00")]
    pub up_to: Option<String>,
    pub sanction: SanctionKind,
    /// How many times (申诫二次: 2), 1 to 9.
    #[schema(minimum = 1, maximum = 9)]
    pub count: u32,
}

/// The rules as the body of a PUT: every field.
#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct PenaltyPolicyBody {
    /// Ascending, the last one without a bound.
    #[schema(min_items = 1, max_items = 20)]
    pub tiers: Vec<PenaltyTierView>,
    /// From this burden up the supervisor is penalised too, one tier lower (100000.01).
    #[schema(example = "100000.01")]
    pub supervisor_from: String,
    /// 悔过书 (200.00).
    pub self_criticism_fine: String,
    /// Per warning (400.00).
    pub warning_fine: String,
    /// Per minor demerit and base point (800.00).
    pub minor_demerit_fine_per_point: String,
    /// The most deducted from a month's bonus, percent (50).
    #[schema(minimum = 1, maximum = 100)]
    pub deduction_cap_percent: u32,
    /// Months a loss waits while returned goods may be resold (1); 0 for none.
    #[schema(minimum = 0, maximum = 12)]
    pub resale_window_months: u32,
    /// Fine departments for complaints open past their whole-case deadline (true).
    pub late_fine_enabled: bool,
    /// Per case and month past the deadline (500.00).
    pub late_fine_per_case: String,
}

/// The rules in force; PUT the same fields without `version`.
#[derive(Serialize, ToSchema)]
pub struct PenaltyPolicyView {
    /// 0 = the built-in default.
    pub version: i64,
    pub tiers: Vec<PenaltyTierView>,
    pub supervisor_from: String,
    pub self_criticism_fine: String,
    pub warning_fine: String,
    pub minor_demerit_fine_per_point: String,
    pub deduction_cap_percent: u32,
    pub resale_window_months: u32,
    pub late_fine_enabled: bool,
    pub late_fine_per_case: String,
}

fn view(p: &PenaltyPolicy, version: i64) -> PenaltyPolicyView {
    let tiers = p.tiers.iter().map(|t| PenaltyTierView { up_to: t.up_to.map(|m| m.to_string()), sanction: t.sanction.kind, count: t.sanction.count }).collect();
    PenaltyPolicyView {
        version,
        tiers,
        supervisor_from: p.supervisor_from.to_string(),
        self_criticism_fine: p.self_criticism_fine.to_string(),
        warning_fine: p.warning_fine.to_string(),
        minor_demerit_fine_per_point: p.minor_demerit_fine_per_point.to_string(),
        deduction_cap_percent: p.deduction_cap_percent,
        resale_window_months: p.resale_window_months,
        late_fine_enabled: p.late_fine_enabled,
        late_fine_per_case: p.late_fine_per_case.to_string(),
    }
}

fn policy_of(b: PenaltyPolicyBody) -> ApiResult<PenaltyPolicy> {
    let mut errors = Vec::new();
    let mut money = |field: String, s: &str| -> Money {
        s.trim().parse::<Money>().unwrap_or_else(|e| {
            errors.push(FieldError::new(field, FieldCode::InvalidMoney, e.to_string()));
            Money::ZERO
        })
    };
    let mut tiers = Vec::new();
    for (i, t) in b.tiers.iter().enumerate() {
        let up_to = t.up_to.as_deref().map(|s| money(format!("tiers[{i}].up_to"), s));
        tiers.push(Tier { up_to, sanction: Sanction { kind: t.sanction, count: t.count } });
    }
    let p = PenaltyPolicy {
        tiers,
        supervisor_from: money("supervisor_from".into(), &b.supervisor_from),
        self_criticism_fine: money("self_criticism_fine".into(), &b.self_criticism_fine),
        warning_fine: money("warning_fine".into(), &b.warning_fine),
        minor_demerit_fine_per_point: money("minor_demerit_fine_per_point".into(), &b.minor_demerit_fine_per_point),
        deduction_cap_percent: b.deduction_cap_percent,
        resale_window_months: b.resale_window_months,
        late_fine_enabled: b.late_fine_enabled,
        late_fine_per_case: money("late_fine_per_case".into(), &b.late_fine_per_case),
    };
    ApiError::check(errors)?;
    p.check().map_err(ApiError::issues)?;
    Ok(p)
}

/// The penalty rules in force (客诉罚则).
#[utoipa::path(tag = "policies", operation_id = "getPenaltyPolicy", security(("bearer" = [])), responses((status = 200, body = PenaltyPolicyView)))]
#[get("/policies/penalty")]
pub async fn get_policy(state: web::Data<AppState>, ctx: Ctx, req: HttpRequest) -> ApiResult<HttpResponse> {
    let (p, version): (PenaltyPolicy, i64) = state.read(ctx, |c, ctx| policy::current(c, ctx.org(), policy::PENALTY)).await?;
    let v = view(&p, version);
    Ok(etag::respond(&req, v.version, &v))
}

/// Replace them (admin); a month already run keeps the rules it ran with.
#[utoipa::path(tag = "policies", operation_id = "putPenaltyPolicy", security(("bearer" = [])), request_body = PenaltyPolicyBody, params(("If-Match" = String, Header)),
    responses((status = 200, body = PenaltyPolicyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[put("/policies/penalty")]
pub async fn put_policy(state: web::Data<AppState>, ctx: Ctx, version: IfMatch, body: Json<PenaltyPolicyBody>) -> ApiResult<HttpResponse> {
    let p = policy_of(body.0)?;
    let v = state.write(ctx, move |tx, ctx| Ok(view(&p, policies::replace(tx, ctx, policy::PENALTY, version.0, &p)?))).await?;
    Ok(etag::with_etag(HttpResponse::Ok(), v.version, &v))
}
