//! Satisfaction surveys (满意度调查) and the follow-ups low scores open.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{survey_followups, surveys};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::care::Dimension;
use kehu_domain::survey::{FollowupStatus, Quarter, Scores, SurveyChannel};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = surveys)]
pub struct Survey {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub product: Option<String>,
    pub period: String,
    pub channel: SurveyChannel,
    pub token_hash: Option<String>,
    pub token_expires_at: Option<NaiveDateTime>,
    pub created_by: i64,
    pub respondent: Option<String>,
    pub submitted_at: Option<NaiveDateTime>,
    pub score_quality: Option<i64>,
    pub score_delivery: Option<i64>,
    pub score_price: Option<i64>,
    pub score_service: Option<i64>,
    pub score_comparison: Option<i64>,
    pub score_other: Option<i64>,
    pub remarks: String,
    pub created_at: NaiveDateTime,
    /// A close confirmation's survey: the case it asks about.
    pub complaint_id: Option<i64>,
}

impl Survey {
    /// The answers, once submitted.
    pub fn scores(&self) -> Option<Scores> {
        match [self.score_quality, self.score_delivery, self.score_price, self.score_service, self.score_comparison, self.score_other] {
            [Some(a), Some(b), Some(c), Some(d), Some(e), Some(f)] => Some(Scores([a, b, c, d, e, f])),
            _ => None,
        }
    }
}

/// A survey before its answers: for a customer, a product and a quarter,
/// entered by staff or sent as a link (its token's hash and expiry).
pub struct NewSurvey<'a> {
    pub org_id: i64,
    pub customer_id: i64,
    pub product: Option<&'a str>,
    pub period: Quarter,
    pub channel: SurveyChannel,
    pub token: Option<(&'a str, NaiveDateTime)>,
    pub created_by: i64,
    pub at: NaiveDateTime,
    pub complaint_id: Option<i64>,
}

pub fn insert_survey(conn: &mut DbConn, s: &NewSurvey) -> DbResult<Survey> {
    Ok(diesel::insert_into(surveys::table)
        .values((
            surveys::org_id.eq(s.org_id),
            surveys::customer_id.eq(s.customer_id),
            surveys::product.eq(s.product),
            surveys::period.eq(s.period.to_string()),
            surveys::channel.eq(s.channel),
            surveys::token_hash.eq(s.token.map(|t| t.0)),
            surveys::token_expires_at.eq(s.token.map(|t| t.1)),
            surveys::created_by.eq(s.created_by),
            surveys::remarks.eq("{}"),
            surveys::created_at.eq(s.at),
            surveys::complaint_id.eq(s.complaint_id),
        ))
        .returning(surveys::all_columns)
        .get_result(conn)?)
}

pub fn survey_by_token(conn: &mut DbConn, token_hash: &str) -> DbResult<Option<Survey>> {
    Ok(surveys::table.filter(surveys::token_hash.eq(token_hash)).select(Survey::as_select()).first(conn).optional()?)
}

/// Records the customer's answers once: `None` when already submitted.
pub fn submit_survey(conn: &mut DbConn, id: i64, scores: Scores, remarks: &str, respondent: Option<&str>, now: NaiveDateTime) -> DbResult<Option<Survey>> {
    let scores = scores.0;
    let target = surveys::table.filter(surveys::id.eq(id).and(surveys::submitted_at.is_null()));
    Ok(diesel::update(target)
        .set((
            surveys::score_quality.eq(scores[0]),
            surveys::score_delivery.eq(scores[1]),
            surveys::score_price.eq(scores[2]),
            surveys::score_service.eq(scores[3]),
            surveys::score_comparison.eq(scores[4]),
            surveys::score_other.eq(scores[5]),
            surveys::remarks.eq(remarks),
            surveys::respondent.eq(respondent),
            surveys::submitted_at.eq(now),
        ))
        .returning(surveys::all_columns)
        .get_result(conn)
        .optional()?)
}

pub struct SurveyFilter {
    pub customer_ids: Option<Vec<i64>>,
    pub period: Option<String>,
    pub product: Option<String>,
}

pub fn submitted_surveys(conn: &mut DbConn, org_id: i64, f: &SurveyFilter) -> DbResult<Vec<Survey>> {
    let query = |conn: &mut DbConn, ids: Option<&[i64]>| -> DbResult<Vec<Survey>> {
        let mut q = surveys::table.filter(surveys::org_id.eq(org_id).and(surveys::submitted_at.is_not_null())).select(Survey::as_select()).into_boxed();
        if let Some(ids) = ids {
            q = q.filter(surveys::customer_id.eq_any(ids.to_vec()));
        }
        if let Some(p) = &f.period {
            q = q.filter(surveys::period.eq(p.clone()));
        }
        if let Some(p) = &f.product {
            q = q.filter(surveys::product.eq(p.clone()));
        }
        Ok(q.order(surveys::id).load(conn)?)
    };
    let Some(ids) = &f.customer_ids else { return query(conn, None) };
    let mut all = crate::by_chunks(ids, |chunk| query(conn, Some(chunk)))?;
    all.sort_by_key(|s| s.id);
    Ok(all)
}

pub fn surveys_of(conn: &mut DbConn, customer_id: i64) -> DbResult<Vec<Survey>> {
    Ok(surveys::table.filter(surveys::customer_id.eq(customer_id)).order(surveys::id.desc()).select(Survey::as_select()).load(conn)?)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = survey_followups)]
pub struct Followup {
    pub id: i64,
    pub org_id: i64,
    pub survey_id: i64,
    pub customer_id: i64,
    pub dimension: Dimension,
    pub score: i64,
    pub department_id: i64,
    pub status: FollowupStatus,
    pub resolution: Option<String>,
    pub closed_by: Option<i64>,
    pub closed_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
}

/// Opens a follow-up of a survey's poor score for a department.
pub fn insert_followup(conn: &mut DbConn, s: &Survey, dimension: Dimension, score: i64, department_id: i64, now: NaiveDateTime) -> DbResult<Followup> {
    Ok(diesel::insert_into(survey_followups::table)
        .values((
            survey_followups::org_id.eq(s.org_id),
            survey_followups::survey_id.eq(s.id),
            survey_followups::customer_id.eq(s.customer_id),
            survey_followups::dimension.eq(dimension),
            survey_followups::score.eq(score),
            survey_followups::department_id.eq(department_id),
            survey_followups::status.eq(FollowupStatus::Open),
            survey_followups::created_at.eq(now),
        ))
        .returning(survey_followups::all_columns)
        .get_result(conn)?)
}

pub fn followups(conn: &mut DbConn, org_id: i64, department_id: Option<i64>, status: Option<FollowupStatus>) -> DbResult<Vec<Followup>> {
    let mut q = survey_followups::table.filter(survey_followups::org_id.eq(org_id)).select(Followup::as_select()).into_boxed();
    if let Some(d) = department_id {
        q = q.filter(survey_followups::department_id.eq(d));
    }
    if let Some(s) = status {
        q = q.filter(survey_followups::status.eq(s));
    }
    Ok(q.order(survey_followups::id.desc()).limit(500).load(conn)?)
}

/// How many follow-ups each of these surveys opened.
pub fn followup_counts(conn: &mut DbConn, survey_ids: &[i64]) -> DbResult<std::collections::HashMap<i64, usize>> {
    let ids: Vec<i64> = survey_followups::table.filter(survey_followups::survey_id.eq_any(survey_ids)).select(survey_followups::survey_id).load(conn)?;
    let mut out = std::collections::HashMap::new();
    for id in ids {
        *out.entry(id).or_insert(0) += 1;
    }
    Ok(out)
}

pub fn followup(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Followup> {
    Ok(survey_followups::table.filter(survey_followups::org_id.eq(org_id)).find(id).select(Followup::as_select()).first(conn)?)
}

pub fn close_followup(conn: &mut DbConn, id: i64, version: i64, resolution: &str, by: i64, now: NaiveDateTime) -> DbResult<Option<Followup>> {
    let target = survey_followups::table
        .filter(survey_followups::id.eq(id).and(survey_followups::version.eq(version)).and(survey_followups::status.eq(FollowupStatus::Open)));
    Ok(diesel::update(target)
        .set((
            survey_followups::status.eq(FollowupStatus::Closed),
            survey_followups::resolution.eq(resolution),
            survey_followups::closed_by.eq(by),
            survey_followups::closed_at.eq(now),
            survey_followups::version.eq(survey_followups::version + 1),
        ))
        .returning(survey_followups::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn survey(conn: &mut DbConn, id: i64) -> DbResult<Option<Survey>> {
    Ok(surveys::table.find(id).select(Survey::as_select()).first(conn).optional()?)
}

/// Ends an unanswered link now (a newer link replaces it).
pub fn expire_link(conn: &mut DbConn, id: i64, now: NaiveDateTime) -> DbResult<()> {
    diesel::update(surveys::table.filter(surveys::id.eq(id).and(surveys::submitted_at.is_null()).and(surveys::token_expires_at.gt(now))))
        .set(surveys::token_expires_at.eq(now))
        .execute(conn)?;
    Ok(())
}
