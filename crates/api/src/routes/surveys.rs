//! 满意度调查: six dimensions on a five-level scale, entered by staff or by
//! the customer through a link that needs no login; aggregated; a poor score
//! opens a follow-up for the responsible department.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::routes::audit;
use crate::routes::visits::care_policy;
use crate::state::AppState;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use chrono::{DateTime, Duration, Utc};
use kehu_domain::care::{self, Dimension};
use kehu_domain::customer::{CustomerStatus, ReadBasis};
use kehu_persistence::care::{self as store, Survey};
use kehu_persistence::customers;
use kehu_persistence::{write_tx, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

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
                return Err(ApiError::field(&format!("remarks.{k}"), FieldCode::Length, "at most 1000 characters"));
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

fn period_or_now(conn: &mut DbConn, org_id: i64, p: Option<String>) -> ApiResult<String> {
    match p {
        Some(p) => {
            let ok = p.len() == 7 && p[..4].chars().all(|c| c.is_ascii_digit()) && matches!(&p[4..], "-Q1" | "-Q2" | "-Q3" | "-Q4");
            if ok {
                Ok(p)
            } else {
                Err(ApiError::field("period", FieldCode::Format, "a quarter like 2026-Q4"))
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
        .map(|(d, _)| FieldError { field: format!("scores.{}", d.as_str()), code: FieldCode::OutOfRange, message: "1 (不满意) to 5 (很满意)".into() })
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
        return Err(ApiError::field(field, FieldCode::Length, "at most 100 characters"));
    }
    Ok(v)
}

/// Views of surveys, with their customers' names and follow-up counts in
/// two queries whatever the number of surveys.
fn views(conn: &mut DbConn, rows: Vec<Survey>) -> ApiResult<Vec<SurveyView>> {
    let cids: Vec<i64> = rows.iter().map(|s| s.customer_id).collect();
    let names: HashMap<i64, String> = customers::many(conn, &cids)?.into_iter().map(|c| (c.id, c.name)).collect();
    let sids: Vec<i64> = rows.iter().map(|s| s.id).collect();
    let followups = store::followup_counts(conn, &sids)?;
    Ok(rows
        .into_iter()
        .map(|s| {
            let scores = match s.scores() {
                [Some(quality), Some(delivery), Some(price), Some(service), Some(comparison), Some(other)] => {
                    Some(Scores { quality, delivery, price, service, comparison, other })
                }
                _ => None,
            };
            SurveyView {
                id: s.id,
                customer: Ref { id: s.customer_id, name: names.get(&s.customer_id).cloned().unwrap_or_default() },
                product: s.product.clone(),
                period: s.period.clone(),
                channel: s.channel.clone(),
                submitted_at: s.submitted_at.map(|t| t.and_utc()),
                scores,
                remarks: serde_json::from_str(&s.remarks).unwrap_or_default(),
                respondent: s.respondent.clone(),
                followups: followups.get(&s.id).copied().unwrap_or(0),
            }
        })
        .collect())
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
                let opened = crate::routes::survey_results::open_followups(c, &s)?;
                audit::write(c, &caller, "survey.enter", "customer", id, &rid, serde_json::json!({"survey": s.id, "followups": opened}))?;
                views(c, vec![s])?.pop().ok_or(ApiError::NotFound)
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
                    return Err(ApiError::conflict(ProblemCode::NotArchived, "surveys go to archived customers"));
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
                    return Err(ApiError::conflict(ProblemCode::AlreadyAnswered, "this survey was already answered; thank you"));
                }
                if s.token_expires_at.is_some_and(|e| e < now) {
                    return Err(ApiError::conflict(ProblemCode::LinkExpired, "this survey link has expired"));
                }
                let remarks = serde_json::to_string(&b.remarks).map_err(|e| ApiError::Internal(e.to_string()))?;
                let done = store::submit_survey(c, s.id, b.scores.array(), &remarks, respondent.as_deref(), now)?
                    .ok_or_else(|| ApiError::conflict(ProblemCode::AlreadyAnswered, "this survey was already answered; thank you"))?;
                crate::routes::survey_results::open_followups(c, &done)?;
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
                views(c, rows)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(found))
}
