//! What the surveys add up to: averages per customer, product or period, and
//! the follow-ups a poor score opens for the responsible department.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::routes::visits::care_policy;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use kehu_domain::care::Dimension;
use kehu_domain::Role;
use kehu_persistence::care::{self as store, Followup, Survey, SurveyFilter};
use kehu_persistence::customers::{self, CustomerFilter};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::{IntoParams, ToSchema};

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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SummaryQuery {
    #[param(inline)]
    pub group_by: Option<GroupBy>,
    pub period: Option<String>,
    pub product: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct FollowupView {
    pub id: i64,
    pub survey_id: i64,
    pub customer: Ref,
    pub dimension: String,
    pub score: i64,
    pub department: Ref,
    /// open or closed.
    pub status: String,
    pub resolution: Option<String>,
    pub closed_by: Option<Ref>,
    pub closed_at: Option<DateTime<Utc>>,
    /// The caller may close it (someone of its department, or the GM).
    pub can_close: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseFollowupInput {
    #[schema(min_length = 1, max_length = 2000)]
    pub resolution: String,
}

/// Opens one follow-up per poor dimension, for the department of the kind
/// the policy names; notifies that department.
pub(crate) fn open_followups(conn: &mut DbConn, s: &Survey) -> ApiResult<usize> {
    let policy = care_policy(conn, s.org_id)?;
    let now = Utc::now().naive_utc();
    let departments = people::departments(conn, s.org_id)?;
    let mut n = 0;
    for (d, score) in Dimension::ALL.iter().zip(s.scores()) {
        let Some(score) = score.filter(|v| *v <= policy.poor_score) else { continue };
        let kind = policy.department_kind(*d);
        let dept =
            departments.iter().find(|x| x.kind == kind && x.active).or_else(|| departments.iter().find(|x| x.kind == "marketing")).or(departments.first());
        let Some(dept) = dept else { continue };
        store::insert_followup(
            conn,
            &Followup {
                id: 0,
                org_id: s.org_id,
                survey_id: s.id,
                customer_id: s.customer_id,
                dimension: d.as_str().into(),
                score,
                department_id: dept.id,
                status: "open".into(),
                resolution: None,
                closed_by: None,
                closed_at: None,
                version: 1,
                created_at: now,
            },
        )?;
        let users = people::active_users_in_department(conn, dept.id)?;
        archive::notify(conn, s.org_id, &users, "survey_followup", "满意度调查：低分待跟进", d.as_str(), now)?;
        n += 1;
    }
    Ok(n)
}

/// Averages per dimension over the customers the caller reads, by customer,
/// product or period.
#[utoipa::path(tag = "surveys", operation_id = "surveySummary", security(("bearer" = [])), params(SummaryQuery), responses((status = 200, body = Vec<SurveyGroup>)))]
#[get("/customers/survey-summary")]
pub async fn summary(state: web::Data<AppState>, caller: Caller, q: web::Query<SummaryQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let found = state
        .db(move |c| {
            let today = archive::today(c, caller.org_id)?;
            let scope = archive::read_scope(&caller, today, Utc::now().naive_utc());
            let list = customers::page(c, caller.org_id, Some(&scope), &CustomerFilter { status: None, ..CustomerFilter::all() }, None, 100_000)?;
            let names: HashMap<i64, String> = list.iter().map(|c| (c.id, c.name.clone())).collect();
            let ids: Vec<i64> = list.iter().map(|c| c.id).collect();
            let rows =
                store::submitted_surveys(c, caller.org_id, &SurveyFilter { customer_ids: Some(ids), period: q.period.clone(), product: q.product.clone() })?;
            let policy = care_policy(c, caller.org_id)?;
            let mut groups: BTreeMap<String, Vec<[i64; 6]>> = BTreeMap::new();
            for s in rows {
                let key = match q.group_by.unwrap_or(GroupBy::Customer) {
                    GroupBy::Customer => names.get(&s.customer_id).cloned().unwrap_or_default(),
                    GroupBy::Product => s.product.clone().unwrap_or_default(),
                    GroupBy::Period => s.period.clone(),
                };
                let v = s.scores().map(|x| x.unwrap_or(0));
                groups.entry(key).or_default().push(v);
            }
            Ok(groups
                .into_iter()
                .map(|(key, v)| {
                    let avg = |i: usize| (v.iter().map(|s| s[i] as f64).sum::<f64>() / v.len() as f64 * 100.0).round() / 100.0;
                    SurveyGroup {
                        key,
                        surveys: v.len(),
                        quality: avg(0),
                        delivery: avg(1),
                        price: avg(2),
                        service: avg(3),
                        comparison: avg(4),
                        other: avg(5),
                        poor: v.iter().filter(|s| s.iter().any(|x| *x <= policy.poor_score)).count(),
                    }
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

fn followup_views(conn: &mut DbConn, caller: &Caller, rows: Vec<Followup>) -> ApiResult<Vec<FollowupView>> {
    let cids: Vec<i64> = rows.iter().map(|r| r.customer_id).collect();
    let cn: HashMap<i64, String> = customers::many(conn, &cids)?.into_iter().map(|c| (c.id, c.name)).collect();
    let dids: Vec<i64> = rows.iter().map(|r| r.department_id).collect();
    let dn: HashMap<i64, String> = people::department_names(conn, &dids)?.into_iter().collect();
    let uids: Vec<i64> = rows.iter().filter_map(|r| r.closed_by).collect();
    let un: HashMap<i64, String> = people::display_names(conn, &uids)?.into_iter().collect();
    Ok(rows
        .into_iter()
        .map(|r| FollowupView {
            can_close: r.status == "open" && (r.department_id == caller.department_id || caller.has(Role::Gm)),
            id: r.id,
            survey_id: r.survey_id,
            customer: Ref { id: r.customer_id, name: cn.get(&r.customer_id).cloned().unwrap_or_default() },
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

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FollowupQuery {
    /// open (default) or closed.
    pub status: Option<String>,
}

/// Follow-ups for the caller's department (executives see all).
#[utoipa::path(tag = "surveys", operation_id = "listSurveyFollowups", security(("bearer" = [])), params(FollowupQuery), responses((status = 200, body = Vec<FollowupView>)))]
#[get("/customers/survey-followups")]
pub async fn list_followups(state: web::Data<AppState>, caller: Caller, q: web::Query<FollowupQuery>) -> ApiResult<HttpResponse> {
    let status = q.status.clone().unwrap_or_else(|| "open".into());
    let found = state
        .db(move |c| {
            let all = caller.roles.iter().any(|r| r.is_executive());
            let rows = store::followups(c, caller.org_id, (!all).then_some(caller.department_id), Some(&status))?;
            followup_views(c, &caller, rows)
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}

/// Close a follow-up with what was done (someone of its department).
#[utoipa::path(tag = "surveys", operation_id = "closeSurveyFollowup", security(("bearer" = [])), request_body = CloseFollowupInput,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the follow-up")),
    responses((status = 200, body = FollowupView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/survey-followups/{id}/close")]
pub async fn close(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<CloseFollowupInput>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let resolution = body.0.resolution.trim().to_owned();
    if resolution.is_empty() || resolution.chars().count() > 2000 {
        return Err(ApiError::field("resolution", FieldCode::Length, "1 to 2000 characters"));
    }
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let f = store::followup(c, caller.org_id, id)?;
                if f.department_id != caller.department_id && !caller.has(Role::Gm) {
                    return Err(ApiError::Forbidden("the responsible department closes its follow-up"));
                }
                if f.status != "open" {
                    return Err(ApiError::conflict(ProblemCode::AlreadyDone, "already closed"));
                }
                let now = Utc::now().naive_utc();
                let done = store::close_followup(c, id, version, &resolution, caller.user_id, now)?.ok_or(ApiError::PreconditionFailed)?;
                audit::write(c, &caller, "survey.followup_close", "customer", f.customer_id, &rid, serde_json::json!({"followup": id}))?;
                followup_views(c, &caller, vec![done])?.pop().ok_or(ApiError::NotFound)
            })
        })
        .await?;
    let ver = v.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}
