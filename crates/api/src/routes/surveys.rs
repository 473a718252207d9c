//! 满意度调查: six dimensions on a five-level scale, entered by staff or by
//! the customer through a link that needs no login; aggregated; a poor score
//! opens a follow-up for the responsible department.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::http::body::Json;
use crate::http::etag;
use crate::routes::audit;
use crate::routes::visits::care_policy;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Duration, Utc};
use kehu_domain::care::{self, Dimension};
use kehu_domain::customer::{CustomerStatus, ReadBasis};
use kehu_domain::Role;
use kehu_persistence::care::{self as store, Followup, Survey, SurveyFilter};
use kehu_persistence::customers::{self, CustomerFilter};
use kehu_persistence::{people, write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use utoipa::{IntoParams, ToSchema};

/// Scores 1 (不满意) to 5 (很满意), one per dimension.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct Scores {
    /// 产品质量
    #[schema(minimum = 1, maximum = 5)]
    pub quality: i64,
    /// 交货期
    #[schema(minimum = 1, maximum = 5)]
    pub delivery: i64,
    /// 价格
    #[schema(minimum = 1, maximum = 5)]
    pub price: i64,
    /// 售后服务
    #[schema(minimum = 1, maximum = 5)]
    pub service: i64,
    /// 与其他供应商比较
    #[schema(minimum = 1, maximum = 5)]
    pub comparison: i64,
    /// 其他建议
    #[schema(minimum = 1, maximum = 5)]
    pub other: i64,
}

impl Scores {
    fn array(&self) -> [i64; 6] {
        [self.quality, self.delivery, self.price, self.service, self.comparison, self.other]
    }
}

/// Free-text remarks per dimension (keys as in `Scores`).
#[derive(Deserialize, Serialize, ToSchema, Clone, Default)]
#[serde(deny_unknown_fields)]
pub struct Remarks {
    pub quality: Option<String>,
    pub delivery: Option<String>,
    pub price: Option<String>,
    pub service: Option<String>,
    pub comparison: Option<String>,
    pub other: Option<String>,
}

impl Remarks {
    fn check(&self) -> ApiResult<()> {
        for (k, v) in [
            ("quality", &self.quality),
            ("delivery", &self.delivery),
            ("price", &self.price),
            ("service", &self.service),
            ("comparison", &self.comparison),
            ("other", &self.other),
        ] {
            if v.as_ref().is_some_and(|s| s.chars().count() > 1000) {
                return Err(ApiError::field(&format!("remarks.{k}"), "length", "at most 1000 characters"));
            }
        }
        Ok(())
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyInput {
    #[schema(max_length = 100, example = "BRK-2207 制动盘")]
    pub product: Option<String>,
    /// Defaults to the current quarter, e.g. `2026-Q4`.
    #[schema(pattern = "^[0-9]{4}-Q[1-4]$")]
    pub period: Option<String>,
    pub scores: Scores,
    #[serde(default)]
    pub remarks: Remarks,
    /// Who answered at the customer.
    #[schema(max_length = 100)]
    pub respondent: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SurveyLinkInput {
    #[schema(max_length = 100)]
    pub product: Option<String>,
    #[schema(pattern = "^[0-9]{4}-Q[1-4]$")]
    pub period: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SurveyLinkView {
    pub survey_id: i64,
    /// Shown once: the customer opens `/survey/{token}` in the SPA.
    pub token: String,
    pub path: String,
    pub expires_at: DateTime<Utc>,
}

/// What the customer sees before answering (no login).
#[derive(Serialize, ToSchema)]
pub struct PublicSurveyView {
    pub customer_name: String,
    pub product: Option<String>,
    pub period: String,
    pub submitted: bool,
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicAnswerInput {
    pub scores: Scores,
    #[serde(default)]
    pub remarks: Remarks,
    #[schema(max_length = 100)]
    pub respondent: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SurveyView {
    pub id: i64,
    pub customer: Ref,
    pub product: Option<String>,
    pub period: String,
    /// staff or link.
    pub channel: String,
    pub submitted_at: Option<DateTime<Utc>>,
    pub scores: Option<Scores>,
    pub remarks: Remarks,
    pub respondent: Option<String>,
    /// Follow-ups the poor scores opened.
    pub followups: usize,
}

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

fn period_or_now(conn: &mut DbConn, org_id: i64, p: Option<String>) -> ApiResult<String> {
    match p {
        Some(p) => {
            let ok = p.len() == 7 && p[..4].chars().all(|c| c.is_ascii_digit()) && matches!(&p[4..], "-Q1" | "-Q2" | "-Q3" | "-Q4");
            if ok {
                Ok(p)
            } else {
                Err(ApiError::field("period", "format", "a quarter like 2026-Q4"))
            }
        }
        None => Ok(care::quarter(archive::today(conn, org_id)?)),
    }
}

fn check_scores(s: &Scores) -> ApiResult<()> {
    let e: Vec<FieldError> = Dimension::ALL
        .iter()
        .zip(s.array())
        .filter(|(_, v)| !care::valid_score(*v))
        .map(|(d, _)| FieldError { field: format!("scores.{}", d.as_str()), code: "out_of_range".into(), message: "1 (不满意) to 5 (很满意)".into() })
        .collect();
    if e.is_empty() {
        Ok(())
    } else {
        Err(ApiError::validation(e))
    }
}

fn short(v: Option<String>, field: &str) -> ApiResult<Option<String>> {
    let v = v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if v.as_ref().is_some_and(|s| s.chars().count() > 100) {
        return Err(ApiError::field(field, "length", "at most 100 characters"));
    }
    Ok(v)
}

/// Opens one follow-up per poor dimension, for the department of the kind
/// the policy names; notifies that department.
fn open_followups(conn: &mut DbConn, s: &Survey) -> ApiResult<usize> {
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

fn view(conn: &mut DbConn, s: Survey) -> ApiResult<SurveyView> {
    let name = customers::many(conn, &[s.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
    let followups = store::followups_of_survey(conn, s.id)? as usize;
    let scores = match s.scores() {
        [Some(quality), Some(delivery), Some(price), Some(service), Some(comparison), Some(other)] => {
            Some(Scores { quality, delivery, price, service, comparison, other })
        }
        _ => None,
    };
    Ok(SurveyView {
        id: s.id,
        customer: Ref { id: s.customer_id, name },
        product: s.product.clone(),
        period: s.period.clone(),
        channel: s.channel.clone(),
        submitted_at: s.submitted_at.map(|t| t.and_utc()),
        scores,
        remarks: serde_json::from_str(&s.remarks).unwrap_or_default(),
        respondent: s.respondent.clone(),
        followups,
    })
}

fn surveys_customer(basis: ReadBasis) -> bool {
    matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager | ReadBasis::Executive | ReadBasis::Archive)
}

fn new_survey(org_id: i64, customer_id: i64, product: Option<String>, period: String, channel: &str, by: i64) -> Survey {
    Survey {
        id: 0,
        org_id,
        customer_id,
        product,
        period,
        channel: channel.into(),
        token_hash: None,
        token_expires_at: None,
        created_by: by,
        respondent: None,
        submitted_at: None,
        score_quality: None,
        score_delivery: None,
        score_price: None,
        score_service: None,
        score_comparison: None,
        score_other: None,
        remarks: "{}".into(),
        created_at: Utc::now().naive_utc(),
    }
}

/// Enter a survey the customer answered on paper or by phone.
#[utoipa::path(tag = "surveys", operation_id = "enterSurvey", security(("bearer" = [])), request_body = SurveyInput, params(("id" = i64, Path)),
    responses((status = 201, body = SurveyView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/surveys")]
pub async fn enter(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<SurveyInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    check_scores(&b.scores)?;
    b.remarks.check()?;
    let product = short(b.product, "product")?;
    let respondent = short(b.respondent, "respondent")?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "survey")?;
                if !surveys_customer(basis) {
                    return Err(ApiError::Forbidden("the customer's people, managers, executives and the marketing center enter surveys"));
                }
                let period = period_or_now(c, caller.org_id, b.period.clone())?;
                let draft = store::insert_survey(c, &new_survey(caller.org_id, id, product.clone(), period, "staff", caller.user_id))?;
                let remarks = serde_json::to_string(&b.remarks).map_err(|e| ApiError::Internal(e.to_string()))?;
                let s =
                    store::submit_survey(c, draft.id, b.scores.array(), &remarks, respondent.as_deref(), Utc::now().naive_utc())?.ok_or(ApiError::NotFound)?;
                let opened = open_followups(c, &s)?;
                audit::write(c, &caller, "survey.enter", "customer", id, &rid, serde_json::json!({"survey": s.id, "followups": opened}))?;
                view(c, s)
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

/// A link the customer answers through without logging in; valid for the
/// policy's days (30 by default), answered once.
#[utoipa::path(tag = "surveys", operation_id = "createSurveyLink", security(("bearer" = [])), request_body = SurveyLinkInput, params(("id" = i64, Path)),
    responses((status = 201, body = SurveyLinkView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers/{id}/survey-links")]
pub async fn link(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>, body: Json<SurveyLinkInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    let product = short(b.product, "product")?;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "survey")?;
                if !surveys_customer(basis) {
                    return Err(ApiError::Forbidden("the customer's people, managers, executives and the marketing center send surveys"));
                }
                if archive::status(&cu) != CustomerStatus::Active {
                    return Err(ApiError::conflict("not_archived", "surveys go to archived customers"));
                }
                let period = period_or_now(c, caller.org_id, b.period.clone())?;
                let policy = care_policy(c, caller.org_id)?;
                let token = new_token();
                let expires = Utc::now().naive_utc() + Duration::days(policy.survey_link_days);
                let mut s = new_survey(caller.org_id, id, product.clone(), period, "link", caller.user_id);
                s.token_hash = Some(crate::auth::api_key::hash(&token));
                s.token_expires_at = Some(expires);
                let s = store::insert_survey(c, &s)?;
                audit::write(c, &caller, "survey.link", "customer", id, &rid, serde_json::json!({"survey": s.id}))?;
                Ok(SurveyLinkView { survey_id: s.id, path: format!("/survey/{token}"), token, expires_at: expires.and_utc() })
            })
        })
        .await?;
    Ok(HttpResponse::Created().json(v))
}

fn new_token() -> String {
    use base64::Engine;
    let mut b = [0u8; 24];
    rand::Rng::fill(&mut rand::thread_rng(), &mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

fn by_token(conn: &mut DbConn, token: &str) -> ApiResult<Survey> {
    let s = store::survey_by_token(conn, &crate::auth::api_key::hash(token))?.ok_or(ApiError::NotFound)?;
    Ok(s)
}

/// The survey behind a link (no login).
#[utoipa::path(tag = "surveys", operation_id = "publicSurvey", params(("token" = String, Path)),
    responses((status = 200, body = PublicSurveyView), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/survey-responses/{token}")]
pub async fn public_get(state: web::Data<AppState>, token: web::Path<String>) -> ApiResult<HttpResponse> {
    let token = token.into_inner();
    let v = state
        .db(move |c| {
            let s = by_token(c, &token)?;
            let name = customers::many(c, &[s.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
            Ok(PublicSurveyView {
                customer_name: name,
                product: s.product,
                period: s.period,
                submitted: s.submitted_at.is_some(),
                expires_at: s.token_expires_at.map(|t| t.and_utc()),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(v))
}

/// The customer's answers through the link: once, before it expires.
#[utoipa::path(tag = "surveys", operation_id = "answerSurvey", request_body = PublicAnswerInput, params(("token" = String, Path)),
    responses((status = 204, description = "Thank you"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/survey-responses/{token}")]
pub async fn public_answer(state: web::Data<AppState>, token: web::Path<String>, body: Json<PublicAnswerInput>) -> ApiResult<HttpResponse> {
    let b = body.0;
    check_scores(&b.scores)?;
    b.remarks.check()?;
    let respondent = short(b.respondent, "respondent")?;
    let token = token.into_inner();
    state
        .db(move |c| {
            write_tx(c, |c| {
                let s = by_token(c, &token)?;
                let now = Utc::now().naive_utc();
                if s.submitted_at.is_some() {
                    return Err(ApiError::conflict("already_answered", "this survey was already answered; thank you"));
                }
                if s.token_expires_at.is_some_and(|e| e < now) {
                    return Err(ApiError::conflict("link_expired", "this survey link has expired"));
                }
                let remarks = serde_json::to_string(&b.remarks).map_err(|e| ApiError::Internal(e.to_string()))?;
                let done = store::submit_survey(c, s.id, b.scores.array(), &remarks, respondent.as_deref(), now)?
                    .ok_or_else(|| ApiError::conflict("already_answered", "this survey was already answered; thank you"))?;
                open_followups(c, &done)?;
                let owner = customers::many(c, &[s.customer_id])?.pop().map(|c| c.owner_id);
                archive::notify(c, s.org_id, &owner.into_iter().collect::<Vec<_>>(), "survey_answered", "客户已填写满意度调查", &s.period, now)?;
                Ok(())
            })
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A customer's surveys, newest first.
#[utoipa::path(tag = "surveys", operation_id = "customerSurveys", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = Vec<SurveyView>), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}/surveys")]
pub async fn of_customer(state: web::Data<AppState>, caller: Caller, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let found = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                archive::read(c, &caller, &cu, "surveys")?;
                let rows = store::surveys_of(c, id)?;
                rows.into_iter().map(|s| view(c, s)).collect::<ApiResult<Vec<_>>>()
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
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
        return Err(ApiError::field("resolution", "length", "1 to 2000 characters"));
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
                    return Err(ApiError::conflict("already_done", "already closed"));
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
