//! 回访: plan → record → next-day report → supervisor review, and who is
//! behind the minimum visit frequencies.

use crate::app::customers as archive;
use crate::app::views::Ref;
use crate::app::{policy, Ctx, Tx};
use crate::error::{ApiError, ApiResult, FieldCode, FieldError, ProblemCode};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use kehu_domain::care::{self, CarePolicy, DoneVisit, VisitMethod};
use kehu_domain::customer::{CustomerClass, CustomerStatus, ReadBasis, ReadPurpose};
use kehu_domain::notice::Notice;
use kehu_domain::visit::{self, RecordRules, VisitFacts, VisitPlan, VisitRecord, VisitStatus, VisitStep};
use kehu_domain::{Money, Role};
use kehu_persistence::care::{self as store, Visit, VisitFilter};
use kehu_persistence::customers::{self, CustomerFilter};
use kehu_persistence::{people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct VisitView {
    pub id: i64,
    pub customer: Ref,
    pub planned_by: Ref,
    pub planned_on: NaiveDate,
    pub purpose: String,
    pub content: Option<String>,
    pub method: VisitMethod,
    pub status: VisitStatus,
    pub visited_on: Option<NaiveDate>,
    pub record: Option<String>,
    pub participants: Vec<Ref>,
    pub report: Option<String>,
    pub report_due_on: Option<NaiveDate>,
    pub reported_at: Option<DateTime<Utc>>,
    /// The report came after the day after the visit.
    pub report_late: bool,
    pub expense: Option<String>,
    pub expense_note: Option<String>,
    pub reviewed_by: Option<Ref>,
    pub reviewed_at: Option<DateTime<Utc>>,
    pub review_comment: Option<String>,
    /// What the caller may do next with this visit.
    pub can_record: bool,
    pub can_report: bool,
    pub can_review: bool,
    pub version: i64,
}

#[derive(Deserialize, ToSchema, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VisitBox {
    /// Visits the caller planned or went on.
    Mine,
    /// Reports waiting for the caller's review.
    ToReview,
}

/// Where a customer stands against the minimum visit frequencies.
#[derive(Serialize, ToSchema)]
pub struct CoverageRow {
    pub customer: Ref,
    pub code: String,
    pub customer_class: Option<CustomerClass>,
    pub owner: Ref,
    pub quarter_done: usize,
    pub year_done: usize,
    pub year_required: usize,
    pub behind_quarter: bool,
    pub behind_year: bool,
}

/// A step on a visit at the version the caller read.
pub struct VisitStepCmd<T> {
    pub id: i64,
    pub version: i64,
    pub body: T,
}

pub fn care_policy(conn: &mut DbConn, org_id: i64) -> ApiResult<CarePolicy> {
    Ok(policy::current(conn, org_id, policy::CARE)?.0)
}

fn views(conn: &mut DbConn, ctx: &Ctx, rows: Vec<Visit>) -> ApiResult<Vec<VisitView>> {
    let ids: Vec<i64> = rows.iter().map(|v| v.id).collect();
    let parts = store::participants(conn, &ids)?;
    let cids: Vec<i64> = rows.iter().map(|v| v.customer_id).collect();
    let custs = customers::many(conn, &cids)?;
    let cnames: HashMap<i64, String> = custs.iter().map(|c| (c.id, c.name.clone())).collect();
    let cdept: HashMap<i64, i64> = custs.iter().map(|c| (c.id, c.department_id)).collect();
    let mut uids: Vec<i64> = parts.iter().map(|p| p.1).collect();
    uids.extend(rows.iter().flat_map(|v| [Some(v.planned_by), v.reviewed_by]).flatten());
    let names: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    let r = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let actor = ctx.actor();
    Ok(rows
        .into_iter()
        .map(|v| {
            let facts = VisitFacts {
                status: v.status,
                planned_by: v.planned_by,
                participants: parts.iter().filter(|p| p.0 == v.id).map(|p| p.1).collect(),
                customer_department_id: cdept.get(&v.customer_id).copied().unwrap_or_default(),
            };
            VisitView {
                can_record: visit::may_record(&actor, &facts),
                can_report: visit::may_report(&actor, &facts),
                can_review: visit::may_review(&actor, &facts),
                id: v.id,
                customer: Ref { id: v.customer_id, name: cnames.get(&v.customer_id).cloned().unwrap_or_default() },
                planned_by: r(v.planned_by),
                planned_on: v.planned_on,
                purpose: v.purpose,
                content: v.content,
                method: v.method,
                status: v.status,
                visited_on: v.visited_on,
                record: v.record,
                participants: facts.participants.iter().map(|u| r(*u)).collect(),
                report: v.report,
                report_due_on: v.report_due_on,
                reported_at: v.reported_at.map(|t| t.and_utc()),
                report_late: matches!((v.reported_at, v.report_due_on), (Some(at), Some(due)) if at.date() > due),
                expense: crate::http::money::show_opt(v.expense_fen),
                expense_note: v.expense_note,
                reviewed_by: v.reviewed_by.map(r),
                reviewed_at: v.reviewed_at.map(|t| t.and_utc()),
                review_comment: v.review_comment,
                version: v.version,
            }
        })
        .collect())
}

fn one(conn: &mut DbConn, ctx: &Ctx, v: Visit) -> ApiResult<VisitView> {
    views(conn, ctx, vec![v])?.pop().ok_or(ApiError::NotFound)
}

/// The customer's people, managers, executives and the marketing center visit.
fn visits_customer(basis: ReadBasis) -> bool {
    matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager | ReadBasis::Executive | ReadBasis::Archive)
}

/// Plan a visit (回访计划) of an archived customer.
pub fn plan(tx: &mut Tx, ctx: &Ctx, plan: VisitPlan) -> ApiResult<VisitView> {
    let cu = customers::get(tx, ctx.org(), plan.customer_id)?;
    let basis = archive::read(tx, &ctx.caller, &cu, ReadPurpose::Visit)?;
    if !visits_customer(basis) {
        return Err(ApiError::Forbidden("the customer's people, managers, executives and the marketing center visit"));
    }
    if cu.status != CustomerStatus::Active {
        return Err(ApiError::conflict(ProblemCode::NotArchived, "visits are planned for archived customers"));
    }
    let v = store::insert_visit(tx, ctx.org(), &plan, ctx.user(), ctx.now)?;
    ctx.audit(tx, "visit.plan", "visit", v.id, serde_json::json!({"customer": plan.customer_id}))?;
    one(tx, ctx, v)
}

/// A customer's visits, newest first.
pub fn of_customer(tx: &mut Tx, ctx: &Ctx, customer_id: i64) -> ApiResult<Vec<VisitView>> {
    let cu = customers::get(tx, ctx.org(), customer_id)?;
    archive::read(tx, &ctx.caller, &cu, ReadPurpose::Visits)?;
    let rows = store::visits_page(tx, ctx.org(), &VisitFilter { customer_id: Some(customer_id), ..Default::default() }, 200)?;
    views(tx, ctx, rows)
}

/// The caller's visits, or the reports waiting for their review.
pub fn list(conn: &mut DbConn, ctx: &Ctx, which: VisitBox) -> ApiResult<Vec<VisitView>> {
    let actor = ctx.actor();
    let rows = match which {
        VisitBox::Mine => store::visits_page(conn, ctx.org(), &VisitFilter { participant: Some(ctx.user()), ..Default::default() }, 200)?,
        VisitBox::ToReview if visit::reviews_reports(&actor) => {
            // Reviewing a report means reading its customer: only those the reviewer may read.
            let f = CustomerFilter { department_id: (!actor.any(Role::is_executive)).then_some(ctx.caller.department_id), ..CustomerFilter::all() };
            let scope = archive::read_scope(&ctx.caller, archive::today(conn, ctx.org())?, ctx.now);
            let ids: Vec<i64> = customers::page(conn, ctx.org(), Some(&scope), &f, None, 100_000)?.into_iter().map(|c| c.id).collect();
            let f = VisitFilter { customer_ids: Some(ids), status: Some(VisitStatus::Reported), ..Default::default() };
            store::visits_page(conn, ctx.org(), &f, 200)?.into_iter().filter(|v| v.planned_by != ctx.user()).collect()
        }
        VisitBox::ToReview => Vec::new(),
    };
    views(conn, ctx, rows)
}

/// The visit for someone who went on it or may read its customer, at the
/// version the caller read, in the status `step` starts from.
fn load(tx: &mut Tx, ctx: &Ctx, id: i64, version: i64, step: VisitStep) -> ApiResult<(Visit, VisitFacts)> {
    let v = store::visit(tx, ctx.org(), id)?;
    let cu = customers::get(tx, ctx.org(), v.customer_id)?;
    let facts = VisitFacts {
        status: v.status,
        planned_by: v.planned_by,
        participants: store::participants(tx, &[v.id])?.into_iter().map(|p| p.1).collect(),
        customer_department_id: cu.department_id,
    };
    if !facts.went(ctx.user()) {
        archive::read(tx, &ctx.caller, &cu, ReadPurpose::Visit)?;
    }
    if v.version != version {
        return Err(ApiError::PreconditionFailed);
    }
    if v.status.after(step).is_none() {
        let why = match step {
            VisitStep::Record => "this visit is already recorded",
            VisitStep::Report => "a report follows the visit record, once",
            VisitStep::Review => "a visit is reviewed once its report is in",
        };
        return Err(ApiError::conflict(ProblemCode::WrongVisitStep, why));
    }
    Ok((v, facts))
}

/// Record the visit (回访记录). A new customer's first visit needs two
/// salespeople; the expense stays within the policy limit.
pub fn record(tx: &mut Tx, ctx: &Ctx, cmd: VisitStepCmd<VisitRecord>) -> ApiResult<VisitView> {
    let (v, _) = load(tx, ctx, cmd.id, cmd.version, VisitStep::Record)?;
    let mut r = cmd.body;
    if v.planned_by != ctx.user() && !r.participants.contains(&ctx.user()) {
        return Err(ApiError::Forbidden("the planner or someone who went records the visit"));
    }
    r.participants.push(ctx.user());
    r.participants.sort_unstable();
    r.participants.dedup();
    let mut errors = Vec::new();
    let mut sales = 0;
    for (i, u) in r.participants.iter().enumerate() {
        match people::user(tx, *u).ok().filter(|x| x.org_id == ctx.org()) {
            Some(_) if people::roles_of(tx, *u)?.iter().any(|r| r.is_sales()) => sales += 1,
            Some(_) => {}
            None => errors.push(FieldError::new(format!("participant_ids[{i}]"), FieldCode::NotFound, "no such user")),
        }
    }
    let limit = Money::from_fen(care_policy(tx, ctx.org())?.visit_expense_limit_fen).map_err(|e| ApiError::Internal(e.to_string()))?;
    let rules = RecordRules {
        today: archive::today(tx, ctx.org())?,
        expense_limit: limit,
        first_visit: store::count_done_visits(tx, v.customer_id)? == 0,
        sales_participants: sales,
    };
    errors.extend(visit::check_record(&r, &rules).into_iter().map(FieldError::from));
    ApiError::check(errors)?;
    let due = policy::calendar(tx, ctx.org())?.add_working_days_to(r.visited_on, 1);
    let saved = store::record_visit(tx, v.id, v.version, &r, due, ctx.user(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    store::set_participants(tx, v.id, &r.participants)?;
    ctx.audit(tx, "visit.record", "visit", v.id, serde_json::json!({"participants": r.participants, "expense_fen": r.expense.map(Money::fen)}))?;
    one(tx, ctx, saved)
}

/// File the visit report (回访报告), due the working day after the visit.
pub fn report(tx: &mut Tx, ctx: &Ctx, cmd: VisitStepCmd<String>) -> ApiResult<VisitView> {
    let (v, facts) = load(tx, ctx, cmd.id, cmd.version, VisitStep::Report)?;
    if !facts.went(ctx.user()) {
        return Err(ApiError::Forbidden("someone who went reports the visit"));
    }
    let saved = store::report_visit(tx, v.id, v.version, &cmd.body, ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let cu = customers::get(tx, ctx.org(), v.customer_id)?;
    let mut to = people::users_with_role(tx, ctx.org(), Role::SalesSupervisor, Some(cu.department_id))?;
    to.extend(people::users_with_role(tx, ctx.org(), Role::SalesManager, Some(cu.department_id))?);
    to.retain(|u| *u != ctx.user());
    archive::notify(tx, ctx.org(), &to, &Notice::visit_report(cu.id, &cu.name, &v.purpose), ctx.now)?;
    ctx.audit(tx, "visit.report", "visit", v.id, serde_json::json!({}))?;
    one(tx, ctx, saved)
}

/// The supervisor's review of a report, with comments.
pub fn review(tx: &mut Tx, ctx: &Ctx, cmd: VisitStepCmd<String>) -> ApiResult<VisitView> {
    let (v, facts) = load(tx, ctx, cmd.id, cmd.version, VisitStep::Review)?;
    if !visit::may_review(&ctx.actor(), &facts) {
        return Err(ApiError::Forbidden("a supervisor of the customer's department who did not go reviews the report"));
    }
    let saved = store::review_visit(tx, v.id, v.version, &cmd.body, ctx.user(), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    let cu = customers::get(tx, ctx.org(), v.customer_id)?;
    archive::notify(tx, ctx.org(), &[v.planned_by], &Notice::visit_reviewed(cu.id, &cu.name, &cmd.body), ctx.now)?;
    ctx.audit(tx, "visit.review", "visit", v.id, serde_json::json!({}))?;
    one(tx, ctx, saved)
}

/// The minimum visit frequencies (quarterly for every active customer; A/B/C
/// yearly by rank) for the customers the caller reads, with who is behind.
pub fn coverage(conn: &mut DbConn, ctx: &Ctx, only_behind: bool) -> ApiResult<Vec<CoverageRow>> {
    let today = archive::today(conn, ctx.org())?;
    let scope = archive::read_scope(&ctx.caller, today, ctx.now);
    let f = CustomerFilter { status: Some(CustomerStatus::Active), ..CustomerFilter::all() };
    let list = customers::page(conn, ctx.org(), Some(&scope), &f, None, 100_000)?;
    let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
    let from = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
    let done = store::done_visits(conn, &ids, from)?;
    let vids: Vec<i64> = done.iter().map(|v| v.id).collect();
    let parts = store::participants(conn, &vids)?;
    let uids: Vec<i64> = parts.iter().map(|p| p.1).collect();
    let roles = people::roles_of_many(conn, &uids)?;
    let owners: Vec<i64> = list.iter().map(|c| c.owner_id).collect();
    let names: HashMap<i64, String> = people::display_names(conn, &owners)?.into_iter().collect();
    let mut out = Vec::new();
    for cu in list {
        let visits: Vec<DoneVisit> = done
            .iter()
            .filter(|v| v.customer_id == cu.id)
            .filter_map(|v| {
                let who: Vec<i64> = parts.iter().filter(|p| p.0 == v.id).map(|p| p.1).collect();
                let rs = roles.iter().filter(|(u, _)| who.contains(u)).map(|(_, r)| *r).collect();
                v.visited_on.map(|on| DoneVisit { on, roles: rs })
            })
            .collect();
        let class = cu.customer_class;
        let cov = care::coverage(class, &visits, today);
        if only_behind && !(cov.behind_quarter || cov.behind_year) {
            continue;
        }
        out.push(CoverageRow {
            customer: Ref { id: cu.id, name: cu.name.clone() },
            code: cu.code.clone(),
            customer_class: class,
            owner: Ref { id: cu.owner_id, name: names.get(&cu.owner_id).cloned().unwrap_or_default() },
            quarter_done: cov.quarter_done,
            year_done: cov.year_done,
            year_required: cov.year_required,
            behind_quarter: cov.behind_quarter,
            behind_year: cov.behind_year,
        });
    }
    Ok(out)
}
