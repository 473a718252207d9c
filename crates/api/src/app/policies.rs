//! Company policies an administrator edits, each a new version: approval
//! tiers, deadlines, the archive's and the visits' numbers, the calendar.

use crate::app::customers::ARCHIVE;
use crate::app::policy::{self, APPROVAL, CARE, DEADLINES};
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode};
use chrono::NaiveDate;
use kehu_domain::approval::ApprovalPolicy;
use kehu_domain::care::{CarePolicy, Dimension};
use kehu_domain::customer::ArchivePolicy;
use kehu_domain::deadline::DeadlinePolicy;
use kehu_domain::org::DepartmentKind;
use kehu_domain::{Money, Role};
use kehu_persistence::{settings, DbConn, DbError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, Deserialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct TierView {
    /// Inclusive upper bound of the settlement total, CNY; null on the last tier.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "100000.00")]
    pub up_to: Option<String>,
    pub approver_role: Role,
}

#[derive(Serialize, ToSchema)]
pub struct ApprovalPolicyView {
    /// 0 = built-in default, never edited.
    pub version: i64,
    pub tiers: Vec<TierView>,
}

#[derive(Serialize, ToSchema)]
pub struct DeadlinePolicyView {
    pub version: i64,
    /// Step durations: `{"hours": n}`, `{"days": n}` or `{"working_days": n}` per step.
    #[schema(value_type = Object)]
    pub policy: serde_json::Value,
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

impl FollowupKinds {
    pub fn of(p: &CarePolicy) -> FollowupKinds {
        let k = |d| p.department_kind(d);
        FollowupKinds {
            quality: k(Dimension::Quality),
            delivery: k(Dimension::Delivery),
            price: k(Dimension::Price),
            service: k(Dimension::Service),
            comparison: k(Dimension::Comparison),
            other: k(Dimension::Other),
        }
    }

    pub fn pairs(&self) -> Vec<(Dimension, DepartmentKind)> {
        use Dimension::*;
        vec![
            (Quality, self.quality),
            (Delivery, self.delivery),
            (Price, self.price),
            (Service, self.service),
            (Comparison, self.comparison),
            (Other, self.other),
        ]
    }
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

fn approval_view(p: &ApprovalPolicy, version: i64) -> ApprovalPolicyView {
    let tiers = p.tiers.iter().map(|t| TierView { up_to: t.up_to.map(|m| m.to_string()), approver_role: t.approver }).collect();
    ApprovalPolicyView { version, tiers }
}

fn deadlines_view(p: &DeadlinePolicy, version: i64) -> DeadlinePolicyView {
    DeadlinePolicyView { version, policy: serde_json::to_value(p).unwrap_or_default() }
}

fn care_view(p: &CarePolicy, version: i64) -> CarePolicyView {
    CarePolicyView {
        version,
        visit_expense_limit: Money::from_fen(p.visit_expense_limit_fen).map(|m| m.to_string()).unwrap_or_default(),
        poor_score: p.poor_score,
        survey_link_days: p.survey_link_days,
        followup_department_kinds: FollowupKinds::of(p),
    }
}

/// A new version of the policy `name` (admin), if `version` is in force.
pub(crate) fn replace<T: Serialize + DeserializeOwned + Default>(tx: &mut Tx, ctx: &Ctx, name: &str, version: i64, p: &T) -> ApiResult<i64> {
    ctx.caller.require(Role::Admin)?;
    let (_, current): (T, i64) = policy::current(tx, ctx.org(), name)?;
    if current != version {
        return Err(ApiError::PreconditionFailed);
    }
    let text = serde_json::to_string(p).map_err(|e| ApiError::Internal(e.to_string()))?;
    let row = settings::insert_policy(tx, ctx.org(), name, current + 1, &text, Some(ctx.user()), ctx.now).map_err(|e| match e {
        DbError::Conflict(_) => ApiError::PreconditionFailed,
        other => other.into(),
    })?;
    ctx.audit(tx, &format!("policy.{name}"), "policy", row.id, serde_json::json!({"version": row.version, "policy": p}))?;
    Ok(row.version)
}

/// The approval tiers in force (核决权限).
pub fn approval(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<ApprovalPolicyView> {
    let (p, v) = policy::approval(conn, ctx.org())?;
    Ok(approval_view(&p, v))
}

/// Replace the approval tiers. Cases already routed keep their tier.
pub fn put_approval(tx: &mut Tx, ctx: &Ctx, (version, p): (i64, ApprovalPolicy)) -> ApiResult<ApprovalPolicyView> {
    p.validate().map_err(|e| ApiError::field("tiers", FieldCode::InvalidPolicy, e.to_string()))?;
    let v = replace(tx, ctx, APPROVAL, version, &p)?;
    Ok(approval_view(&p, v))
}

/// The step and whole-case deadlines in force (处理期限).
pub fn deadlines(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<DeadlinePolicyView> {
    let (p, v): (DeadlinePolicy, i64) = policy::current(conn, ctx.org(), DEADLINES)?;
    Ok(deadlines_view(&p, v))
}

/// Replace the deadlines; they apply to steps entered afterwards.
pub fn put_deadlines(tx: &mut Tx, ctx: &Ctx, (version, p): (i64, DeadlinePolicy)) -> ApiResult<DeadlinePolicyView> {
    let v = replace(tx, ctx, DEADLINES, version, &p)?;
    Ok(deadlines_view(&p, v))
}

/// The customer archive's rules in force.
pub fn archive(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<ArchivePolicyView> {
    let (p, v) = policy::current(conn, ctx.org(), ARCHIVE)?;
    Ok(archive_view(&p, v))
}

pub fn put_archive(tx: &mut Tx, ctx: &Ctx, (version, p): (i64, ArchivePolicy)) -> ApiResult<ArchivePolicyView> {
    let v = replace(tx, ctx, ARCHIVE, version, &p)?;
    Ok(archive_view(&p, v))
}

/// The visits' and surveys' rules in force.
pub fn care(conn: &mut DbConn, ctx: &Ctx) -> ApiResult<CarePolicyView> {
    let (p, v): (CarePolicy, i64) = policy::current(conn, ctx.org(), CARE)?;
    Ok(care_view(&p, v))
}

pub fn put_care(tx: &mut Tx, ctx: &Ctx, (version, p): (i64, CarePolicy)) -> ApiResult<CarePolicyView> {
    let v = replace(tx, ctx, CARE, version, &p)?;
    Ok(care_view(&p, v))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct CalendarDayView {
    pub day: NaiveDate,
    /// true: a working day (e.g. a make-up Saturday); false: a day off (holiday).
    pub working: bool,
    #[schema(example = "国庆节")]
    pub name: String,
}

/// Days that differ from Monday–Friday: holidays and make-up working days.
pub fn days(conn: &mut DbConn, ctx: &Ctx, (from, to): (Option<NaiveDate>, Option<NaiveDate>)) -> ApiResult<Vec<CalendarDayView>> {
    let days = settings::calendar(conn, ctx.org(), from, to)?;
    Ok(days.into_iter().map(|d| CalendarDayView { day: d.day, working: d.working, name: d.name }).collect())
}

/// Set one day as a holiday or a working day (admin).
pub fn set_day(tx: &mut Tx, ctx: &Ctx, d: CalendarDayView) -> ApiResult<CalendarDayView> {
    ctx.caller.require(Role::Admin)?;
    settings::set_calendar_day(tx, ctx.org(), d.day, d.working, &d.name)?;
    ctx.audit(tx, "calendar.set", "calendar", 0, serde_json::json!({"day": d.day, "working": d.working, "name": d.name}))?;
    Ok(d)
}

/// Return a day to the Monday–Friday rule (admin).
pub fn unset_day(tx: &mut Tx, ctx: &Ctx, day: NaiveDate) -> ApiResult<()> {
    ctx.caller.require(Role::Admin)?;
    if settings::delete_calendar_day(tx, ctx.org(), day)? == 0 {
        return Err(ApiError::NotFound);
    }
    ctx.audit(tx, "calendar.unset", "calendar", 0, serde_json::json!({"day": day}))
}
