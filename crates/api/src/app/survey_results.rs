//! What the surveys add up to: averages per customer, product or period, and
//! the follow-ups a poor score opens for the responsible department.

use crate::app::customers as archive;
use crate::app::views::Ref;
use crate::app::visits::care_policy;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use chrono::{DateTime, NaiveDateTime, Utc};
use kehu_domain::care::Dimension;
use kehu_domain::notice::Notice;
use kehu_domain::survey::{self, DepartmentFacts, FollowupStatus, Quarter, Scores};
use kehu_domain::Role;
use kehu_persistence::care::{self as store, Followup, Survey, SurveyFilter};
use kehu_persistence::customers::{self, CustomerFilter};
use kehu_persistence::{people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct SurveyGroup {
    /// The customer's name, the product, or the period.
    pub key: String,
    pub surveys: usize,
    /// Average per dimension, 1..5, two decimals.
    pub quality: f64,
    pub delivery: f64,
    pub price: f64,
    pub service: f64,
    pub comparison: f64,
    pub other: f64,
    /// Surveys with at least one poor score.
    pub poor: usize,
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Customer,
    Product,
    Period,
}

#[derive(Serialize, ToSchema)]
pub struct FollowupView {
    pub id: i64,
    pub survey_id: i64,
    pub customer: Ref,
    pub dimension: Dimension,
    pub score: i64,
    pub department: Ref,
    pub status: FollowupStatus,
    pub resolution: Option<String>,
    pub closed_by: Option<Ref>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The caller may close it (someone of its department, or the GM).
    pub can_close: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

pub struct SummaryQuery {
    pub group_by: GroupBy,
    pub period: Option<Quarter>,
    pub product: Option<String>,
}

pub struct CloseFollowup {
    pub id: i64,
    pub version: i64,
    pub resolution: String,
}

/// Opens one follow-up per poor dimension, for the department of the kind
/// the policy names; notifies that department.
pub(crate) fn open_followups(tx: &mut Tx, s: &Survey, now: NaiveDateTime) -> ApiResult<usize> {
    let Some(scores) = s.scores() else { return Ok(0) };
    let policy = care_policy(tx, s.org_id)?;
    let departments: Vec<DepartmentFacts> =
        people::departments(tx, s.org_id)?.into_iter().map(|d| DepartmentFacts { id: d.id, kind: d.kind, active: d.active }).collect();
    let customer = customers::many(tx, &[s.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
    let mut n = 0;
    for (d, score) in scores.poor(&policy) {
        let Some(department_id) = survey::followup_department(&policy, d, &departments) else { continue };
        store::insert_followup(tx, s, d, score, department_id, now)?;
        let users = people::active_users_in_department(tx, department_id)?;
        archive::notify(tx, s.org_id, &users, &Notice::survey_followup(s.customer_id, &customer, d, score), now)?;
        n += 1;
    }
    Ok(n)
}

/// Averages per dimension over the customers the caller reads, by customer,
/// product or period.
pub fn summary(conn: &mut DbConn, ctx: &Ctx, q: SummaryQuery) -> ApiResult<Vec<SurveyGroup>> {
    let today = archive::today(conn, ctx.org())?;
    let scope = archive::read_scope(&ctx.caller, today, ctx.now);
    let list = customers::page(conn, ctx.org(), Some(&scope), &CustomerFilter { status: None, ..CustomerFilter::all() }, None, 100_000)?;
    let names: HashMap<i64, String> = list.iter().map(|c| (c.id, c.name.clone())).collect();
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    let f = SurveyFilter { customer_ids: Some(ids), period: q.period.map(|p| p.to_string()), product: q.product };
    let rows = store::submitted_surveys(conn, ctx.org(), &f)?;
    let policy = care_policy(conn, ctx.org())?;
    let mut groups: BTreeMap<String, Vec<Scores>> = BTreeMap::new();
    for s in rows {
        let key = match q.group_by {
            GroupBy::Customer => names.get(&s.customer_id).cloned().unwrap_or_default(),
            GroupBy::Product => s.product.clone().unwrap_or_default(),
            GroupBy::Period => s.period.clone(),
        };
        groups.entry(key).or_default().push(s.scores().unwrap_or(Scores([0; 6])));
    }
    Ok(groups
        .into_iter()
        .map(|(key, v)| {
            let s = survey::summarize(&v, &policy);
            let [quality, delivery, price, service, comparison, other] = s.averages;
            SurveyGroup { key, surveys: s.surveys, quality, delivery, price, service, comparison, other, poor: s.poor }
        })
        .collect())
}

fn followup_views(conn: &mut DbConn, ctx: &Ctx, rows: Vec<Followup>) -> ApiResult<Vec<FollowupView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    // The department that follows up may not read the customer: it sees its code.
    let shown = archive::shown(conn, &ctx.caller, &cids)?;
    let dids: Vec<i64> = rows.iter().map(|r| r.department_id).collect();
    let dn: HashMap<i64, String> = people::department_names(conn, &dids)?.into_iter().collect();
    let uids: Vec<i64> = rows.iter().filter_map(|r| r.closed_by).collect();
    let un: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let actor = ctx.actor();
    Ok(rows
        .into_iter()
        .map(|r| FollowupView {
            can_close: r.status == FollowupStatus::Open && survey::may_close_followup(&actor, r.department_id),
            id: r.id,
            survey_id: r.survey_id,
            customer: Ref { id: r.customer_id, name: shown.get(&r.customer_id).map(|c| c.label.clone()).unwrap_or_default() },
            dimension: r.dimension,
            score: r.score,
            department: Ref { id: r.department_id, name: dn.get(&r.department_id).cloned().unwrap_or_default() },
            status: r.status,
            resolution: r.resolution,
            closed_by: r.closed_by.map(|u| Ref { id: u, name: un.get(&u).cloned().unwrap_or_default() }),
            closed_at: r.closed_at.map(|t| t.and_utc()),
            version: r.version,
            created_at: r.created_at.and_utc(),
        })
        .collect())
}

/// Follow-ups for the caller's department (executives see all).
pub fn followups(conn: &mut DbConn, ctx: &Ctx, status: FollowupStatus) -> ApiResult<Vec<FollowupView>> {
    let all = ctx.actor().any(Role::is_executive);
    let rows = store::followups(conn, ctx.org(), (!all).then_some(ctx.caller.department_id), Some(status))?;
    followup_views(conn, ctx, rows)
}

/// Close a follow-up with what was done (someone of its department).
pub fn close(tx: &mut Tx, ctx: &Ctx, cmd: CloseFollowup) -> ApiResult<FollowupView> {
    let f = store::followup(tx, ctx.org(), cmd.id)?;
    if !survey::may_close_followup(&ctx.actor(), f.department_id) {
        return Err(ApiError::Forbidden("the responsible department closes its follow-up"));
    }
    if f.status != FollowupStatus::Open {
        return Err(ApiError::conflict(ProblemCode::AlreadyDone, "already closed"));
    }
    let done = store::close_followup(tx, cmd.id, cmd.version, &cmd.resolution, ctx.user(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    ctx.audit(tx, "survey.followup_close", "customer", f.customer_id, serde_json::json!({"followup": cmd.id}))?;
    followup_views(tx, ctx, vec![done])?.pop().ok_or(ApiError::NotFound)
}
