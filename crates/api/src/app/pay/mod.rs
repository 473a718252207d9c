//! Teams (班组) and people's pay basis (基点数, 月绩效奖金), kept by HR; the
//! one reading rule for personal data, with every read of someone else's
//! logged.

pub mod demo;
pub mod import;
pub mod teams;

use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use crate::http::money::show_opt;
use chrono::{DateTime, Utc};
use kehu_domain::case::Share;
use kehu_domain::pay::{self as rules, PersonalScope};
use kehu_domain::Money;
use kehu_persistence::pay::{self, BasisFilter, BasisRow, SetBasis};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use utoipa::ToSchema;

/// A person with the pay basis HR keeps for him (`version` 0: none yet).
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct PayBasisView {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub department_id: i64,
    pub department_name: String,
    pub team_id: Option<i64>,
    pub team_name: Option<String>,
    /// 基点数, two decimals ("1.50").
    #[schema(example = "1.50")]
    pub base_points: Option<String>,
    /// 月绩效奖金.
    #[schema(example = "3000.00")]
    pub monthly_bonus: Option<String>,
    /// The version to send as `If-Match` when setting it; 0 when none is set.
    pub version: i64,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct PayBasisPage {
    pub items: Vec<PayBasisView>,
    pub next_cursor: Option<String>,
}

impl From<BasisRow> for PayBasisView {
    fn from(r: BasisRow) -> Self {
        PayBasisView {
            user_id: r.user_id,
            username: r.username,
            display_name: r.display_name,
            department_id: r.department_id,
            department_name: r.department_name,
            team_id: r.team_id,
            team_name: r.team_name,
            base_points: r.base_points.map(rules::show_points),
            monthly_bonus: show_opt(r.monthly_bonus_fen),
            version: r.version.unwrap_or(0),
            updated_at: r.updated_at.map(|t| t.and_utc()),
        }
    }
}

pub struct ListCmd {
    pub department_id: Option<i64>,
    pub q: Option<String>,
    pub missing: bool,
    pub after: i64,
    pub limit: i64,
}

/// The filter that keeps a caller to the people whose personal data he may read.
pub(crate) fn scoped<'a>(ctx: &Ctx, mut f: BasisFilter<'a>) -> BasisFilter<'a> {
    let actor = ctx.actor();
    match rules::personal_scope(&actor) {
        PersonalScope::Everyone => {}
        PersonalScope::Department(d) => {
            if f.department_id.is_some_and(|x| x != d) {
                f.user_id = Some(actor.user_id);
            }
            f.department_id = Some(d);
        }
        PersonalScope::Own => f.user_id = Some(actor.user_id),
    }
    f
}

/// Logs the read when it shows anyone but the caller.
pub(crate) fn log_read(conn: &mut DbConn, ctx: &Ctx, path: &str, subjects: impl IntoIterator<Item = i64>) -> ApiResult<()> {
    let actor = ctx.actor();
    let others: Vec<i64> = subjects.into_iter().filter(|s| rules::read_is_logged(&actor, *s)).collect();
    if !others.is_empty() {
        pay::log_read(conn, ctx.org(), ctx.user(), path, &others, ctx.now)?;
    }
    Ok(())
}

/// The people whose basis the caller may read, by id: everyone for HR and
/// finance, a head's department, else the caller alone.
pub fn list(tx: &mut Tx, ctx: &Ctx, cmd: ListCmd) -> ApiResult<PayBasisPage> {
    let f = scoped(ctx, BasisFilter { department_id: cmd.department_id, user_id: None, q: cmd.q.as_deref(), missing: cmd.missing });
    let rows = pay::bases(tx, ctx.org(), &f, cmd.after, cmd.limit + 1)?;
    let more = rows.len() as i64 > cmd.limit;
    let items: Vec<PayBasisView> = rows.into_iter().take(cmd.limit as usize).map(PayBasisView::from).collect();
    log_read(tx, ctx, "/pay-basis", items.iter().map(|i| i.user_id))?;
    let next_cursor = if more { items.last().map(|i| crate::http::cursor::encode(&i.user_id)) } else { None };
    Ok(PayBasisPage { items, next_cursor })
}

pub struct SetCmd {
    pub user_id: i64,
    pub version: i64,
    pub team_id: Option<i64>,
    pub base_points: String,
    pub monthly_bonus: String,
}

/// The basis checked: points and bonus parsed and in range, the team one of
/// the person's department that is still active. Errors name `prefix` fields.
pub(crate) fn checked(tx: &mut DbConn, org_id: i64, user: &people::User, cmd: &SetCmd, prefix: &str) -> ApiResult<(i64, Money, Option<i64>)> {
    let mut errors = Vec::new();
    let field = |f: &str| format!("{prefix}{f}");
    let points = rules::parse_points(&cmd.base_points).map_err(|m| errors.push(FieldError::new(field("base_points"), FieldCode::Format, m))).ok();
    let bonus = cmd
        .monthly_bonus
        .trim()
        .parse::<Money>()
        .map_err(|e| errors.push(FieldError::new(field("monthly_bonus"), FieldCode::InvalidMoney, e.to_string())))
        .ok();
    if let (Some(p), Some(b)) = (points, bonus) {
        if let Err(issues) = rules::check_basis(p, b) {
            errors.extend(issues.into_iter().map(|i| FieldError::new(field(&i.field), FieldCode::OutOfRange, i.message)));
        }
    }
    if let Some(t) = cmd.team_id {
        match pay::team(tx, org_id, t)? {
            Some(team) if team.active && team.department_id == user.department_id => {}
            _ => errors.push(FieldError::new(field("team"), FieldCode::NotFound, "no active team of that id in the person's department")),
        }
    }
    ApiError::check(errors)?;
    Ok((points.unwrap_or(0), bonus.unwrap_or(Money::ZERO), cmd.team_id))
}

/// HR sets one person's basis; `version` 0 when none is set yet.
pub fn set(tx: &mut Tx, ctx: &Ctx, cmd: SetCmd) -> ApiResult<PayBasisView> {
    if !rules::may_keep_pay_basis(&ctx.actor()) {
        return Err(ApiError::Forbidden("HR keeps the pay basis"));
    }
    let user = people::user(tx, cmd.user_id).ok().filter(|u| u.org_id == ctx.org() && u.active).ok_or(ApiError::NotFound)?;
    let (points, bonus, team_id) = checked(tx, ctx.org(), &user, &cmd, "")?;
    let s = SetBasis { org_id: ctx.org(), user_id: user.id, team_id, base_points: points, monthly_bonus_fen: bonus.fen(), by: ctx.user(), at: ctx.now };
    pay::set_basis(tx, cmd.version, &s)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "pay_basis.set", "user", user.id, serde_json::json!({"base_points": points, "monthly_bonus": bonus.to_string(), "team_id": team_id}))?;
    let f = BasisFilter { user_id: Some(user.id), ..BasisFilter::default() };
    let row = pay::bases(tx, ctx.org(), &f, 0, 1)?.into_iter().next().ok_or(ApiError::NotFound)?;
    Ok(row.into())
}

/// A conclusion's shares name units that exist: the department, an active
/// team of it, an active person of it.
pub fn check_shares(tx: &mut DbConn, org_id: i64, shares: &[Share]) -> ApiResult<()> {
    let mut errors = Vec::new();
    for (i, r) in shares.iter().enumerate() {
        if people::department(tx, org_id, r.department_id).is_err() {
            errors.push(FieldError::new(format!("responsible[{i}].department_id"), FieldCode::NotFound, "no such department"));
            continue;
        }
        if let Some(name) = r.team.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            if !pay::team_by_name(tx, r.department_id, name)?.is_some_and(|t| t.active) {
                errors.push(FieldError::new(format!("responsible[{i}].team"), FieldCode::NotFound, "no active team of that name in the department"));
            }
        }
        if let Some(p) = r.person_id {
            if !people::user(tx, p).is_ok_and(|u| u.org_id == org_id && u.active && u.department_id == r.department_id) {
                errors.push(FieldError::new(format!("responsible[{i}].person_id"), FieldCode::NotFound, "no active person of that id in the department"));
            }
        }
    }
    ApiError::check(errors)
}
