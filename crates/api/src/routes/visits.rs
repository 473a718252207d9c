//! 回访: plan -> record -> next-day report -> supervisor review, and who is
//! behind the minimum visit frequencies.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use kehu_domain::care::{self, CarePolicy, DoneVisit, VisitMethod};
use kehu_domain::customer::{CustomerClass, CustomerStatus, ReadBasis};
use kehu_domain::{Money, Role};
use kehu_persistence::care::{self as store, Visit, VisitFilter};
use kehu_persistence::customers::{self, CustomerFilter};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};

pub const CARE: &str = "customer_care";

pub fn care_policy(conn: &mut DbConn, org_id: i64) -> ApiResult<CarePolicy> {
    Ok(crate::app::policy::current(conn, org_id, CARE)?.0)
}

/// How a visit is made.
#[derive(ToSchema)]
#[schema(as = VisitMethod)]
#[allow(dead_code)]
pub enum MethodCode {
    #[schema(rename = "onsite")]
    Onsite,
    #[schema(rename = "phone")]
    Phone,
    #[schema(rename = "video")]
    Video,
    #[schema(rename = "mail")]
    Mail,
}

/// 回访计划: customer, date, purpose, content, method.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitPlanInput {
    pub planned_on: NaiveDate,
    #[schema(min_length = 1, max_length = 200, example = "季度回访，了解新项目需求")]
    pub purpose: String,
    #[schema(max_length = 2000)]
    pub content: Option<String>,
    #[schema(value_type = MethodCode)]
    pub method: VisitMethod,
}

/// 回访记录: what happened, who went, what it cost.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitRecordInput {
    pub visited_on: NaiveDate,
    #[schema(min_length = 1, max_length = 4000)]
    pub record: String,
    /// Everyone who went, the recorder included.
    #[schema(min_items = 1, max_items = 10)]
    pub participant_ids: Vec<i64>,
    /// Expense claimed, CNY, within the policy limit.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "350.00")]
    pub expense: Option<String>,
    #[schema(max_length = 500)]
    pub expense_note: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitTextInput {
    /// The report (回访报告) or the supervisor's comments.
    #[schema(min_length = 1, max_length = 4000)]
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct VisitView {
    pub id: i64,
    pub customer: Ref,
    pub planned_by: Ref,
    pub planned_on: NaiveDate,
    pub purpose: String,
    pub content: Option<String>,
    #[schema(value_type = MethodCode)]
    pub method: String,
    /// planned, recorded, reported, reviewed.
    pub status: String,
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct VisitQuery {
    #[param(inline)]
    pub r#box: Option<VisitBox>,
}

/// Where a customer stands against the minimum visit frequencies.
#[derive(Serialize, ToSchema)]
pub struct CoverageRow {
    pub customer: Ref,
    pub code: String,
    pub customer_class: Option<String>,
    pub owner: Ref,
    pub quarter_done: usize,
    pub year_done: usize,
    pub year_required: usize,
    pub behind_quarter: bool,
    pub behind_year: bool,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoverageQuery {
    /// Only customers behind on the quarter or the year.
    pub behind: Option<bool>,
}

fn views(conn: &mut DbConn, caller: &Caller, rows: Vec<Visit>) -> ApiResult<Vec<VisitView>> {
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
    Ok(rows
        .into_iter()
        .map(|v| {
            let went = v.planned_by == caller.user_id || parts.iter().any(|p| p.0 == v.id && p.1 == caller.user_id);
            let supervisor =
                (reviewer_departments(caller) && cdept.get(&v.customer_id) == Some(&caller.department_id)) || caller.roles.iter().any(|r| r.is_executive());
            VisitView {
                can_record: v.status == "planned" && went,
                can_report: v.status == "recorded" && went,
                can_review: v.status == "reported" && supervisor && !went,
                id: v.id,
                customer: Ref { id: v.customer_id, name: cnames.get(&v.customer_id).cloned().unwrap_or_default() },
                planned_by: r(v.planned_by),
                planned_on: v.planned_on,
                purpose: v.purpose.clone(),
                content: v.content.clone(),
                method: v.method.clone(),
                status: v.status.clone(),
                visited_on: v.visited_on,
                record: v.record.clone(),
                participants: parts.iter().filter(|p| p.0 == v.id).map(|p| r(p.1)).collect(),
                report: v.report.clone(),
                report_due_on: v.report_due_on,
                reported_at: v.reported_at.map(|t| t.and_utc()),
                report_late: matches!((v.reported_at, v.report_due_on), (Some(at), Some(due)) if at.date() > due),
                expense: crate::http::money::show_opt(v.expense_fen),
                expense_note: v.expense_note.clone(),
                reviewed_by: v.reviewed_by.map(r),
                reviewed_at: v.reviewed_at.map(|t| t.and_utc()),
                review_comment: v.review_comment.clone(),
                version: v.version,
            }
        })
        .collect())
}

fn one(conn: &mut DbConn, caller: &Caller, v: Visit) -> ApiResult<VisitView> {
    views(conn, caller, vec![v])?.pop().ok_or(ApiError::NotFound)
}

fn visits_customer(basis: ReadBasis) -> bool {
    matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager | ReadBasis::Executive | ReadBasis::Archive)
}

fn text(field: &str, v: &str, max: usize) -> ApiResult<String> {
    let t = v.trim();
    if t.is_empty() || t.chars().count() > max {
        return Err(ApiError::field(field, FieldCode::Length, format!("1 to {max} characters")));
    }
    Ok(t.to_owned())
}

/// Plan a visit (回访计划).
#[utoipa::path(tag = "visits", operation_id = "planVisit", security(("bearer" = [])), request_body = VisitPlanInput, params(("id" = i64, Path)),
    responses((status = 201, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/visits")]
pub async fn plan(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<VisitPlanInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let purpose = text("purpose", &b.purpose, 200)?;
    let content = b.content.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
    if content.as_ref().is_some_and(|c| c.chars().count() > 2000) {
        return Err(ApiError::field("content", FieldCode::Length, "at most 2000 characters"));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "visit")?;
                if !visits_customer(basis) {
                    return Err(ApiError::Forbidden("the customer's people, managers, executives and the marketing center visit"));
                }
                if archive::status(&cu) != CustomerStatus::Active {
                    return Err(ApiError::conflict(ProblemCode::NotArchived, "visits are planned for archived customers"));
                }
                let now = Utc::now().naive_utc();
                let v = store::insert_visit(
                    c,
                    &Visit {
                        id: 0,
                        org_id: caller.org_id,
                        customer_id: id,
                        planned_by: caller.user_id,
                        planned_on: b.planned_on,
                        purpose: purpose.clone(),
                        content: content.clone(),
                        method: b.method.as_str().into(),
                        status: "planned".into(),
                        visited_on: None,
                        record: None,
                        recorded_by: None,
                        recorded_at: None,
                        report: None,
                        reported_at: None,
                        report_due_on: None,
                        expense_fen: None,
                        expense_note: None,
                        reviewed_by: None,
                        reviewed_at: None,
                        review_comment: None,
                        version: 1,
                        created_at: now,
                    },
                )?;
                audit::write(c, &caller, "visit.plan", "visit", v.id, &rid, serde_json::json!({"customer": id}))?;
                one(c, &caller, v)
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Created(), ver, &v))
}

/// A customer's visits, newest first.
#[utoipa::path(tag = "visits", operation_id = "customerVisits", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<VisitView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/visits")]
pub async fn of_customer(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let found = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                archive::read(c, &caller, &cu, "visits")?;
                let rows =
                    store::visits_page(c, caller.org_id, &VisitFilter { customer_id: Some(id), customer_ids: None, status: None, participant: None }, 200)?;
                views(c, &caller, rows)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

fn reviewer_departments(caller: &Caller) -> bool {
    caller.has(Role::SalesSupervisor) || caller.has(Role::SalesManager) || caller.has(Role::MarketingManager)
}

/// The caller's visits (`box=mine`), or reports waiting for their review (`box=to_review`).
#[utoipa::path(tag = "visits", operation_id = "listVisits", security(("bearer" = [])), params(VisitQuery), responses((status = 200, body = Vec<VisitView>)))]
#[get("/customers/visits")]
pub async fn list_visits(state: web::Data<AppState>, caller: Caller, q: web::Query<VisitQuery>) -> ApiResult<HttpResponse> {
    let b = q.r#box.unwrap_or(VisitBox::Mine);
    let found = state
        .db(move |c| {
            let rows = match b {
                VisitBox::Mine => store::visits_page(
                    c,
                    caller.org_id,
                    &VisitFilter { customer_id: None, customer_ids: None, status: None, participant: Some(caller.user_id) },
                    200,
                )?,
                VisitBox::ToReview if reviewer_departments(&caller) || caller.roles.iter().any(|r| r.is_executive()) => {
                    let f = CustomerFilter {
                        department_id: (!caller.roles.iter().any(|r| r.is_executive())).then_some(caller.department_id),
                        ..CustomerFilter::all()
                    };
                    let ids: Vec<i64> = customers::page(c, caller.org_id, None, &f, None, 100_000)?.into_iter().map(|c| c.id).collect();
                    let rows = store::visits_page(
                        c,
                        caller.org_id,
                        &VisitFilter { customer_id: None, customer_ids: Some(ids), status: Some("reported".into()), participant: None },
                        200,
                    )?;
                    rows.into_iter().filter(|v| v.planned_by != caller.user_id).collect()
                }
                VisitBox::ToReview => Vec::new(),
            };
            views(c, &caller, rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// The visit, for someone who went on it or may read its customer.
fn load(conn: &mut DbConn, caller: &Caller, id: i64, version: i64) -> ApiResult<Visit> {
    let v = store::visit(conn, caller.org_id, id)?;
    if !is_on(conn, &v, caller.user_id)? {
        let cu = customers::get(conn, caller.org_id, v.customer_id)?;
        archive::read(conn, caller, &cu, "visit")?;
    }
    if v.version != version {
        return Err(ApiError::PreconditionFailed);
    }
    Ok(v)
}

fn is_on(conn: &mut DbConn, v: &Visit, user: i64) -> ApiResult<bool> {
    Ok(v.planned_by == user || store::participants(conn, &[v.id])?.iter().any(|p| p.1 == user))
}

/// Record the visit (回访记录). A new customer's first visit needs two
/// salespeople; the expense stays within the policy limit.
#[utoipa::path(tag = "visits", operation_id = "recordVisit", security(("bearer" = [])), request_body = VisitRecordInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the visit")),
    responses((status = 200, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/visits/{id}/record")]
pub async fn record(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<VisitRecordInput>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let record = text("record", &b.record, 4000)?;
    let expense = crate::http::money::parse("expense", b.expense.as_deref()).map_err(|e| ApiError::validation(vec![e]))?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let mut v = load(c, &caller, id, version)?;
                if v.status != "planned" {
                    return Err(ApiError::conflict(ProblemCode::WrongVisitStep, "this visit is already recorded"));
                }
                let mut who = b.participant_ids.clone();
                who.push(caller.user_id);
                who.sort_unstable();
                who.dedup();
                if v.planned_by != caller.user_id && !b.participant_ids.contains(&caller.user_id) {
                    return Err(ApiError::Forbidden("the planner or someone who went records the visit"));
                }
                let mut e = Vec::new();
                let mut sales = 0;
                for (i, u) in who.iter().enumerate() {
                    match people::user(c, *u).ok().filter(|x| x.org_id == caller.org_id) {
                        Some(_) => {
                            if people::roles_of(c, *u)?.iter().any(|r| r.parse::<Role>().is_ok_and(Role::is_sales)) {
                                sales += 1;
                            }
                        }
                        None => e.push(FieldError { field: format!("participant_ids[{i}]"), code: FieldCode::NotFound, message: "no such user".into() }),
                    }
                }
                let today = archive::today(c, caller.org_id)?;
                if b.visited_on > today {
                    e.push(FieldError { field: "visited_on".into(), code: FieldCode::Future, message: "a visit is recorded after it took place".into() });
                }
                let policy = care_policy(c, caller.org_id)?;
                if expense.is_some_and(|x| x > policy.visit_expense_limit_fen) {
                    let limit = Money::from_fen(policy.visit_expense_limit_fen).map(|m| m.to_string()).unwrap_or_default();
                    e.push(FieldError { field: "expense".into(), code: FieldCode::OverLimit, message: format!("at most {limit} per visit") });
                }
                if store::count_done_visits(c, v.customer_id)? == 0 && sales < 2 {
                    e.push(FieldError {
                        field: "participant_ids".into(),
                        code: FieldCode::FirstVisitTwoSales,
                        message: "a new customer's first visit is made by two salespeople".into(),
                    });
                }
                if !e.is_empty() {
                    return Err(ApiError::validation(e));
                }
                let cal = crate::app::policy::calendar(c, caller.org_id)?;
                let now = Utc::now().naive_utc();
                v.status = "recorded".into();
                v.visited_on = Some(b.visited_on);
                v.record = Some(record.clone());
                v.recorded_by = Some(caller.user_id);
                v.recorded_at = Some(now);
                v.report_due_on = Some(cal.add_working_days_to(b.visited_on, 1));
                v.expense_fen = expense;
                v.expense_note = b.expense_note.clone().map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
                let saved = store::save_visit(c, &v)?.ok_or(ApiError::PreconditionFailed)?;
                store::set_participants(c, id, &who)?;
                audit::write(c, &caller, "visit.record", "visit", id, &rid, serde_json::json!({"participants": who, "expense_fen": expense}))?;
                one(c, &caller, saved)
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// File the visit report (回访报告), due the working day after the visit.
#[utoipa::path(tag = "visits", operation_id = "reportVisit", security(("bearer" = [])), request_body = VisitTextInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the visit")),
    responses((status = 200, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/visits/{id}/report")]
pub async fn report(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<VisitTextInput>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let report = text("text", &body.0.text, 4000)?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let mut v = load(c, &caller, id, version)?;
                if v.status != "recorded" {
                    return Err(ApiError::conflict(ProblemCode::WrongVisitStep, "a report follows the visit record, once"));
                }
                if !is_on(c, &v, caller.user_id)? {
                    return Err(ApiError::Forbidden("someone who went reports the visit"));
                }
                let now = Utc::now().naive_utc();
                v.status = "reported".into();
                v.report = Some(report.clone());
                v.reported_at = Some(now);
                let saved = store::save_visit(c, &v)?.ok_or(ApiError::PreconditionFailed)?;
                let cu = customers::get(c, caller.org_id, v.customer_id)?;
                let mut to = people::users_with_role(c, caller.org_id, Role::SalesSupervisor.as_str(), Some(cu.department_id))?;
                to.extend(people::users_with_role(c, caller.org_id, Role::SalesManager.as_str(), Some(cu.department_id))?);
                to.retain(|u| *u != caller.user_id);
                archive::notify(c, caller.org_id, &to, "visit_report", &format!("回访报告待审阅：{}", cu.name), &v.purpose, now)?;
                audit::write(c, &caller, "visit.report", "visit", id, &rid, serde_json::json!({}))?;
                one(c, &caller, saved)
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// The supervisor's review of a report, with comments.
#[utoipa::path(tag = "visits", operation_id = "reviewVisit", security(("bearer" = [])), request_body = VisitTextInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the visit")),
    responses((status = 200, body = VisitView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/visits/{id}/review")]
pub async fn review(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<VisitTextInput>) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let comment = text("text", &body.0.text, 4000)?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let mut v = load(c, &caller, id, version)?;
                if v.status != "reported" {
                    return Err(ApiError::conflict(ProblemCode::WrongVisitStep, "a visit is reviewed once its report is in"));
                }
                let cu = customers::get(c, caller.org_id, v.customer_id)?;
                let supervisor = (reviewer_departments(&caller) && caller.department_id == cu.department_id) || caller.roles.iter().any(|r| r.is_executive());
                if !supervisor || is_on(c, &v, caller.user_id)? {
                    return Err(ApiError::Forbidden("a supervisor of the customer's department who did not go reviews the report"));
                }
                let now = Utc::now().naive_utc();
                v.status = "reviewed".into();
                v.reviewed_by = Some(caller.user_id);
                v.reviewed_at = Some(now);
                v.review_comment = Some(comment.clone());
                let saved = store::save_visit(c, &v)?.ok_or(ApiError::PreconditionFailed)?;
                archive::notify(c, caller.org_id, &[v.planned_by], "visit_reviewed", &format!("回访报告已审阅：{}", cu.name), &comment, now)?;
                audit::write(c, &caller, "visit.review", "visit", id, &rid, serde_json::json!({}))?;
                one(c, &caller, saved)
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

/// The minimum visit frequencies (quarterly for every active customer; A/B/C
/// yearly by rank) for the customers the caller reads, with who is behind.
#[utoipa::path(tag = "visits", operation_id = "visitCoverage", security(("bearer" = [])), params(CoverageQuery), responses((status = 200, body = Vec<CoverageRow>)))]
#[get("/customers/visit-coverage")]
pub async fn coverage(state: web::Data<AppState>, caller: Caller, q: web::Query<CoverageQuery>) -> ApiResult<HttpResponse> {
    let only_behind = q.behind.unwrap_or(false);
    let rows = state
        .db(move |c| {
            let today = archive::today(c, caller.org_id)?;
            let scope = archive::read_scope(&caller, today, Utc::now().naive_utc());
            let f = CustomerFilter { status: Some(CustomerStatus::Active.as_str()), ..CustomerFilter::all() };
            let list = customers::page(c, caller.org_id, Some(&scope), &f, None, 100_000)?;
            let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
            let from = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today);
            let done = store::done_visits(c, &ids, from)?;
            let vids: Vec<i64> = done.iter().map(|v| v.id).collect();
            let parts = store::participants(c, &vids)?;
            let uids: Vec<i64> = parts.iter().map(|p| p.1).collect();
            let roles: Vec<(i64, String)> = people::roles_of_many(c, &uids)?;
            let owners: Vec<i64> = list.iter().map(|c| c.owner_id).collect();
            let names: HashMap<i64, String> = people::display_names(c, &owners)?.into_iter().collect();
            let mut out = Vec::new();
            for cu in list {
                let visits: Vec<DoneVisit> = done
                    .iter()
                    .filter(|v| v.customer_id == cu.id)
                    .filter_map(|v| {
                        let who: Vec<i64> = parts.iter().filter(|p| p.0 == v.id).map(|p| p.1).collect();
                        let rs = roles.iter().filter(|(u, _)| who.contains(u)).filter_map(|(_, r)| r.parse::<Role>().ok()).collect();
                        v.visited_on.map(|on| DoneVisit { on, roles: rs })
                    })
                    .collect();
                let class = cu.customer_class.as_deref().and_then(|k| k.parse::<CustomerClass>().ok());
                let cov = care::coverage(class, &visits, today);
                if only_behind && !(cov.behind_quarter || cov.behind_year) {
                    continue;
                }
                out.push(CoverageRow {
                    customer: Ref { id: cu.id, name: cu.name.clone() },
                    code: cu.code.clone(),
                    customer_class: cu.customer_class.clone(),
                    owner: Ref { id: cu.owner_id, name: names.get(&cu.owner_id).cloned().unwrap_or_default() },
                    quarter_done: cov.quarter_done,
                    year_done: cov.year_done,
                    year_required: cov.year_required,
                    behind_quarter: cov.behind_quarter,
                    behind_year: cov.behind_year,
                });
            }
            Ok(out)
        })
        .await?;
    Ok(HttpResponse::Ok().json(rows))
}
