//! 满意度调查: six dimensions on a five-level scale, entered by staff or by
//! the customer through a link that needs no login; a poor score opens a
//! follow-up for the responsible department.

use crate::app::customers as archive;
use crate::app::survey_results::open_followups;
use crate::app::views::Ref;
use crate::app::visits::care_policy;
use crate::app::{Ctx, Tx};
use crate::error::{ApiError, ApiResult, ProblemCode};
use chrono::{DateTime, Duration, Utc};
use kehu_domain::customer::{CustomerStatus, ReadBasis, ReadPurpose};
use kehu_domain::notice::Notice;
use kehu_domain::survey::{Quarter, Scores, SurveyChannel};
use kehu_persistence::care::{self as store, NewSurvey, Survey};
use kehu_persistence::{customers, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// Scores 1 (不满意) to 5 (很满意), one per dimension.
#[derive(Deserialize, Serialize, ToSchema, Clone, Copy)]
#[serde(deny_unknown_fields)]
#[schema(as = Scores)]
pub struct ScoresView {
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

impl From<ScoresView> for Scores {
    fn from(s: ScoresView) -> Scores {
        Scores([s.quality, s.delivery, s.price, s.service, s.comparison, s.other])
    }
}

impl From<Scores> for ScoresView {
    fn from(Scores([quality, delivery, price, service, comparison, other]): Scores) -> ScoresView {
        ScoresView { quality, delivery, price, service, comparison, other }
    }
}

/// Free-text remarks per dimension (keys as in the scores).
#[derive(Deserialize, Serialize, ToSchema, Clone, Default, validator::Validate)]
#[serde(deny_unknown_fields)]
pub struct Remarks {
    #[validate(length(max = 1000, code = "length", message = "at most 1000 characters"))]
    pub quality: Option<String>,
    #[validate(length(max = 1000, code = "length", message = "at most 1000 characters"))]
    pub delivery: Option<String>,
    #[validate(length(max = 1000, code = "length", message = "at most 1000 characters"))]
    pub price: Option<String>,
    #[validate(length(max = 1000, code = "length", message = "at most 1000 characters"))]
    pub service: Option<String>,
    #[validate(length(max = 1000, code = "length", message = "at most 1000 characters"))]
    pub comparison: Option<String>,
    #[validate(length(max = 1000, code = "length", message = "at most 1000 characters"))]
    pub other: Option<String>,
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
    /// The complaint whose handling the survey asks about (a close confirmation's).
    pub complaint_number: Option<String>,
    pub submitted: bool,
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct SurveyView {
    pub id: i64,
    pub customer: Ref,
    pub product: Option<String>,
    pub period: String,
    pub channel: SurveyChannel,
    pub submitted_at: Option<DateTime<Utc>>,
    pub scores: Option<ScoresView>,
    pub remarks: Remarks,
    pub respondent: Option<String>,
    /// Follow-ups the poor scores opened.
    pub followups: usize,
}

/// Answers: scores on the scale, remarks, who answered.
pub struct Answers {
    pub scores: Scores,
    pub remarks: Remarks,
    pub respondent: Option<String>,
}

/// What a survey is about: a product (optional) and a quarter (this one by default).
pub struct Subject {
    pub customer_id: i64,
    pub product: Option<String>,
    pub period: Option<Quarter>,
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
        .map(|s| SurveyView {
            id: s.id,
            customer: Ref { id: s.customer_id, name: names.get(&s.customer_id).cloned().unwrap_or_default() },
            scores: s.scores().map(ScoresView::from),
            product: s.product,
            period: s.period,
            channel: s.channel,
            submitted_at: s.submitted_at.map(|t| t.and_utc()),
            remarks: serde_json::from_str(&s.remarks).unwrap_or_default(),
            respondent: s.respondent,
            followups: followups.get(&s.id).copied().unwrap_or(0),
        })
        .collect())
}

/// The customer's people, managers, executives and the marketing center survey.
fn surveys_customer(tx: &mut Tx, ctx: &Ctx, customer_id: i64, what: &'static str) -> ApiResult<kehu_persistence::customers::Customer> {
    let cu = customers::get(tx, ctx.org(), customer_id)?;
    let basis = archive::read(tx, &ctx.caller, &cu, ReadPurpose::Survey)?;
    if !matches!(basis, ReadBasis::Owner | ReadBasis::Staff | ReadBasis::DepartmentManager | ReadBasis::Executive | ReadBasis::Archive) {
        return Err(ApiError::Forbidden(what));
    }
    Ok(cu)
}

fn quarter(tx: &mut Tx, ctx: &Ctx, period: Option<Quarter>) -> ApiResult<Quarter> {
    Ok(match period {
        Some(q) => q,
        None => Quarter::of(archive::today(tx, ctx.org())?),
    })
}

fn remarks_text(r: &Remarks) -> ApiResult<String> {
    serde_json::to_string(r).map_err(|e| ApiError::Internal(e.to_string()))
}

/// Enter a survey the customer answered on paper or by phone.
pub fn enter(tx: &mut Tx, ctx: &Ctx, (subject, answers): (Subject, Answers)) -> ApiResult<SurveyView> {
    surveys_customer(tx, ctx, subject.customer_id, "the customer's people, managers, executives and the marketing center enter surveys")?;
    let period = quarter(tx, ctx, subject.period)?;
    let new = NewSurvey {
        org_id: ctx.org(),
        customer_id: subject.customer_id,
        product: subject.product.as_deref(),
        period,
        channel: SurveyChannel::Staff,
        token: None,
        created_by: ctx.user(),
        at: ctx.now,
        complaint_id: None,
    };
    let draft = store::insert_survey(tx, &new)?;
    let s = store::submit_survey(tx, draft.id, answers.scores, &remarks_text(&answers.remarks)?, answers.respondent.as_deref(), ctx.now)?
        .ok_or(ApiError::NotFound)?;
    let opened = open_followups(tx, &s, ctx.now)?;
    ctx.audit(tx, "survey.enter", "customer", subject.customer_id, serde_json::json!({"survey": s.id, "followups": opened}))?;
    views(tx, vec![s])?.pop().ok_or(ApiError::NotFound)
}

/// A link the customer answers through without logging in; valid for the
/// policy's days (30 by default), answered once.
pub fn link(tx: &mut Tx, ctx: &Ctx, subject: Subject) -> ApiResult<SurveyLinkView> {
    surveys_customer(tx, ctx, subject.customer_id, "the customer's people, managers, executives and the marketing center send surveys")?;
    issue_link(tx, ctx, subject, None)
}

/// A link about the customer's products, or about how one case of theirs
/// was handled (`complaint_id`); the caller decided who may send it.
pub(crate) fn issue_link(tx: &mut Tx, ctx: &Ctx, subject: Subject, complaint_id: Option<i64>) -> ApiResult<SurveyLinkView> {
    let cu = customers::get(tx, ctx.org(), subject.customer_id)?;
    if cu.status != CustomerStatus::Active {
        return Err(ApiError::conflict(ProblemCode::NotArchived, "surveys go to archived customers"));
    }
    let period = quarter(tx, ctx, subject.period)?;
    let expires = ctx.now + Duration::days(care_policy(tx, ctx.org())?.survey_link_days);
    let token = new_token();
    let hash = crate::auth::api_key::hash(&token);
    let new = NewSurvey {
        org_id: ctx.org(),
        customer_id: subject.customer_id,
        product: subject.product.as_deref(),
        period,
        channel: SurveyChannel::Link,
        token: Some((&hash, expires)),
        created_by: ctx.user(),
        at: ctx.now,
        complaint_id,
    };
    let s = store::insert_survey(tx, &new)?;
    ctx.audit(tx, "survey.link", "customer", subject.customer_id, serde_json::json!({"survey": s.id}))?;
    Ok(SurveyLinkView { survey_id: s.id, path: format!("/survey/{token}"), token, expires_at: expires.and_utc() })
}

fn new_token() -> String {
    use base64::Engine;
    let mut b = [0u8; 24];
    rand::Rng::fill(&mut rand::thread_rng(), &mut b);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b)
}

fn by_token(conn: &mut DbConn, token: &str) -> ApiResult<Survey> {
    store::survey_by_token(conn, &crate::auth::api_key::hash(token))?.ok_or(ApiError::NotFound)
}

/// The survey behind a link (no login).
pub fn public_get(conn: &mut DbConn, token: &str) -> ApiResult<PublicSurveyView> {
    let s = by_token(conn, token)?;
    let name = customers::many(conn, &[s.customer_id])?.pop().map(|c| c.name).unwrap_or_default();
    let complaint_number = match s.complaint_id {
        Some(id) => kehu_persistence::complaints::get(conn, s.org_id, id)?.number,
        None => None,
    };
    Ok(PublicSurveyView {
        customer_name: name,
        complaint_number,
        product: s.product,
        period: s.period,
        submitted: s.submitted_at.is_some(),
        expires_at: s.token_expires_at.map(|t| t.and_utc()),
    })
}

/// The customer's answers through the link: once, before it expires.
pub fn public_answer(tx: &mut Tx, token: &str, answers: Answers, now: chrono::NaiveDateTime) -> ApiResult<()> {
    let s = by_token(tx, token)?;
    let answered = || ApiError::conflict(ProblemCode::AlreadyAnswered, "this survey was already answered; thank you");
    if s.submitted_at.is_some() {
        return Err(answered());
    }
    if s.token_expires_at.is_some_and(|e| e < now) {
        return Err(ApiError::conflict(ProblemCode::LinkExpired, "this survey link has expired"));
    }
    let done = store::submit_survey(tx, s.id, answers.scores, &remarks_text(&answers.remarks)?, answers.respondent.as_deref(), now)?.ok_or_else(answered)?;
    open_followups(tx, &done, now)?;
    if let Some(cu) = customers::many(tx, &[s.customer_id])?.pop() {
        archive::notify(tx, s.org_id, &[cu.owner_id], &Notice::survey_answered(cu.id, &cu.name, &s.period), now)?;
    }
    Ok(())
}

/// A customer's surveys, newest first.
pub fn of_customer(tx: &mut Tx, ctx: &Ctx, customer_id: i64) -> ApiResult<Vec<SurveyView>> {
    let cu = customers::get(tx, ctx.org(), customer_id)?;
    archive::read(tx, &ctx.caller, &cu, ReadPurpose::Surveys)?;
    let rows = store::surveys_of(tx, customer_id)?;
    views(tx, rows)
}
