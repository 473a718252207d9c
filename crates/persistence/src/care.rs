//! Around the archive: credit checks and approval requests, quarterly
//! verification, visits, surveys and their follow-ups, orders.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{
    customer_credit_checks, customer_orders, customer_requests, customer_verifications, survey_followups, surveys, visit_participants, visits,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = customer_credit_checks)]
pub struct CreditCheck {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub customer_id: i64,
    pub investigated_by: i64,
    pub investigated_on: NaiveDate,
    pub summary: String,
    pub recommended_grade: Option<String>,
    pub recommended_limit_fen: Option<i64>,
    pub created_at: NaiveDateTime,
}

pub fn insert_credit_check(conn: &mut DbConn, c: &CreditCheck) -> DbResult<CreditCheck> {
    Ok(diesel::insert_into(customer_credit_checks::table).values(c).returning(customer_credit_checks::all_columns).get_result(conn)?)
}

pub fn credit_checks(conn: &mut DbConn, customer_id: i64) -> DbResult<Vec<CreditCheck>> {
    Ok(customer_credit_checks::table
        .filter(customer_credit_checks::customer_id.eq(customer_id))
        .order(customer_credit_checks::id.desc())
        .select(CreditCheck::as_select())
        .load(conn)?)
}

pub fn credit_check(conn: &mut DbConn, id: i64) -> DbResult<Option<CreditCheck>> {
    Ok(customer_credit_checks::table.find(id).select(CreditCheck::as_select()).first(conn).optional()?)
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = customer_requests)]
pub struct CustomerRequest {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub kind: String,
    pub requested_by: i64,
    pub credit_grade: Option<String>,
    pub credit_limit_fen: Option<i64>,
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    pub reason: String,
    pub approver_role: String,
    pub approver_department_id: Option<i64>,
    pub status: String,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_reason: Option<String>,
    #[diesel(skip_insertion)]
    pub version: i64,
    pub created_at: NaiveDateTime,
}

pub fn insert_request(conn: &mut DbConn, r: &CustomerRequest) -> DbResult<CustomerRequest> {
    Ok(diesel::insert_into(customer_requests::table).values(r).returning(customer_requests::all_columns).get_result(conn)?)
}

pub fn request(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<CustomerRequest> {
    Ok(customer_requests::table.filter(customer_requests::org_id.eq(org_id)).find(id).select(CustomerRequest::as_select()).first(conn)?)
}

pub fn requests_of(conn: &mut DbConn, customer_id: i64) -> DbResult<Vec<CustomerRequest>> {
    Ok(customer_requests::table
        .filter(customer_requests::customer_id.eq(customer_id))
        .order(customer_requests::id.desc())
        .select(CustomerRequest::as_select())
        .load(conn)?)
}

pub fn pending_requests(conn: &mut DbConn, customer_id: i64, kind: &str) -> DbResult<i64> {
    Ok(customer_requests::table
        .filter(customer_requests::customer_id.eq(customer_id).and(customer_requests::kind.eq(kind)).and(customer_requests::status.eq("pending")))
        .count()
        .get_result(conn)?)
}

/// Pending requests an approver decides: `(role, department)` pairs.
pub fn requests_to_decide(conn: &mut DbConn, org_id: i64, approvers: &[(String, Option<i64>)]) -> DbResult<Vec<CustomerRequest>> {
    let mut out = Vec::new();
    for (role, dept) in approvers {
        let mut q = customer_requests::table
            .filter(customer_requests::org_id.eq(org_id).and(customer_requests::status.eq("pending")).and(customer_requests::approver_role.eq(role.clone())))
            .select(CustomerRequest::as_select())
            .into_boxed();
        if let Some(d) = dept {
            q = q.filter(customer_requests::approver_department_id.eq(*d));
        }
        out.extend(q.order(customer_requests::id).limit(200).load(conn)?);
    }
    out.sort_by_key(|r| r.id);
    Ok(out)
}

pub fn decide_request(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    status: &str,
    by: i64,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<Option<CustomerRequest>> {
    let target =
        customer_requests::table.filter(customer_requests::id.eq(id).and(customer_requests::version.eq(version)).and(customer_requests::status.eq("pending")));
    Ok(diesel::update(target)
        .set((
            customer_requests::status.eq(status),
            customer_requests::decided_by.eq(by),
            customer_requests::decided_at.eq(now),
            customer_requests::decision_reason.eq(reason),
            customer_requests::version.eq(customer_requests::version + 1),
        ))
        .returning(customer_requests::all_columns)
        .get_result(conn)
        .optional()?)
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_verifications)]
pub struct Verification {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub period: String,
    pub due_on: NaiveDate,
    pub assignee_id: i64,
    pub status: String,
    pub confirmed_via: Option<String>,
    pub changes: Option<String>,
    pub note: Option<String>,
    pub completed_by: Option<i64>,
    pub completed_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
}

/// Creates the quarter's task for each active customer that has none;
/// returns how many were created. Safe to run from several instances: the
/// (customer, period) key makes a second insert a no-op.
pub fn raise_verifications(conn: &mut DbConn, period: &str, due_on: NaiveDate, now: NaiveDateTime) -> DbResult<usize> {
    use diesel::sql_types::{Date, Text, Timestamp};
    let select = "SELECT c.org_id, c.id, {p}, {d}, c.owner_id, 'open', {n} FROM customers c WHERE c.status = 'active' \
                  AND NOT EXISTS (SELECT 1 FROM customer_verifications v WHERE v.customer_id = c.id AND v.period = {p})";
    let cols = "customer_verifications (org_id, customer_id, period, due_on, assignee_id, status, created_at)";
    let sql = match conn.backend() {
        crate::Backend::Postgres => {
            format!("INSERT INTO {cols} {} ON CONFLICT DO NOTHING", select.replace("{p}", "$1").replace("{d}", "$2").replace("{n}", "$3"))
        }
        crate::Backend::Sqlite => format!("INSERT OR IGNORE INTO {cols} {}", select.replace("{p}", "?1").replace("{d}", "?2").replace("{n}", "?3")),
    };
    Ok(diesel::sql_query(sql).bind::<Text, _>(period).bind::<Date, _>(due_on).bind::<Timestamp, _>(now).execute(conn)?)
}

pub struct VerificationFilter {
    pub assignee_id: Option<i64>,
    pub department_id: Option<i64>,
    pub status: Option<String>,
    pub overdue_on: Option<NaiveDate>,
}

pub fn verifications(conn: &mut DbConn, org_id: i64, f: &VerificationFilter, limit: i64) -> DbResult<Vec<Verification>> {
    use crate::schema::customers;
    let mut q = customer_verifications::table.filter(customer_verifications::org_id.eq(org_id)).select(Verification::as_select()).into_boxed();
    if let Some(a) = f.assignee_id {
        q = q.filter(customer_verifications::assignee_id.eq(a));
    }
    if let Some(d) = f.department_id {
        q = q.filter(customer_verifications::customer_id.eq_any(customers::table.filter(customers::department_id.eq(d)).select(customers::id)));
    }
    if let Some(s) = &f.status {
        q = q.filter(customer_verifications::status.eq(s.clone()));
    }
    if let Some(d) = f.overdue_on {
        q = q.filter(customer_verifications::status.eq("open").and(customer_verifications::due_on.lt(d)));
    }
    Ok(q.order((customer_verifications::due_on, customer_verifications::id)).limit(limit).load(conn)?)
}

pub fn verification(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Verification> {
    Ok(customer_verifications::table.filter(customer_verifications::org_id.eq(org_id)).find(id).select(Verification::as_select()).first(conn)?)
}

#[allow(clippy::too_many_arguments)]
pub fn complete_verification(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    via: &str,
    changes: Option<&str>,
    note: Option<&str>,
    by: i64,
    now: NaiveDateTime,
) -> DbResult<Option<Verification>> {
    let target = customer_verifications::table
        .filter(customer_verifications::id.eq(id).and(customer_verifications::version.eq(version)).and(customer_verifications::status.eq("open")));
    Ok(diesel::update(target)
        .set((
            customer_verifications::status.eq("done"),
            customer_verifications::confirmed_via.eq(via),
            customer_verifications::changes.eq(changes),
            customer_verifications::note.eq(note),
            customer_verifications::completed_by.eq(by),
            customer_verifications::completed_at.eq(now),
            customer_verifications::version.eq(customer_verifications::version + 1),
        ))
        .returning(customer_verifications::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn reassign_verifications(conn: &mut DbConn, customer_id: i64, to: i64) -> DbResult<usize> {
    Ok(diesel::update(customer_verifications::table.filter(customer_verifications::customer_id.eq(customer_id).and(customer_verifications::status.eq("open"))))
        .set((customer_verifications::assignee_id.eq(to), customer_verifications::version.eq(customer_verifications::version + 1)))
        .execute(conn)?)
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, Clone, Debug)]
#[diesel(table_name = visits, treat_none_as_null = true)]
pub struct Visit {
    #[diesel(skip_insertion, skip_update)]
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub planned_by: i64,
    pub planned_on: NaiveDate,
    pub purpose: String,
    pub content: Option<String>,
    pub method: String,
    pub status: String,
    pub visited_on: Option<NaiveDate>,
    pub record: Option<String>,
    pub recorded_by: Option<i64>,
    pub recorded_at: Option<NaiveDateTime>,
    pub report: Option<String>,
    pub reported_at: Option<NaiveDateTime>,
    pub report_due_on: Option<NaiveDate>,
    pub expense_fen: Option<i64>,
    pub expense_note: Option<String>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub review_comment: Option<String>,
    #[diesel(skip_insertion, skip_update)]
    pub version: i64,
    #[diesel(skip_update)]
    pub created_at: NaiveDateTime,
}

pub fn insert_visit(conn: &mut DbConn, v: &Visit) -> DbResult<Visit> {
    Ok(diesel::insert_into(visits::table).values(v).returning(visits::all_columns).get_result(conn)?)
}

pub fn visit(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Visit> {
    Ok(visits::table.filter(visits::org_id.eq(org_id)).find(id).select(Visit::as_select()).first(conn)?)
}

/// Saves `v` if the stored version is still `v.version`; bumps it.
pub fn save_visit(conn: &mut DbConn, v: &Visit) -> DbResult<Option<Visit>> {
    let target = visits::table.filter(visits::id.eq(v.id).and(visits::version.eq(v.version)));
    Ok(diesel::update(target).set((v, visits::version.eq(visits::version + 1))).returning(visits::all_columns).get_result(conn).optional()?)
}

pub struct VisitFilter {
    pub customer_id: Option<i64>,
    pub customer_ids: Option<Vec<i64>>,
    pub status: Option<String>,
    pub participant: Option<i64>,
}

pub fn visits_page(conn: &mut DbConn, org_id: i64, f: &VisitFilter, limit: i64) -> DbResult<Vec<Visit>> {
    let mut q = visits::table.filter(visits::org_id.eq(org_id)).select(Visit::as_select()).into_boxed();
    if let Some(c) = f.customer_id {
        q = q.filter(visits::customer_id.eq(c));
    }
    if let Some(ids) = &f.customer_ids {
        q = q.filter(visits::customer_id.eq_any(ids.clone()));
    }
    if let Some(s) = &f.status {
        q = q.filter(visits::status.eq(s.clone()));
    }
    if let Some(u) = f.participant {
        q = q.filter(
            visits::planned_by
                .eq(u)
                .or(visits::id.eq_any(visit_participants::table.filter(visit_participants::user_id.eq(u)).select(visit_participants::visit_id))),
        );
    }
    Ok(q.order((visits::planned_on.desc(), visits::id.desc())).limit(limit).load(conn)?)
}

/// Visits that took place (recorded or later) of these customers since `from`.
pub fn done_visits(conn: &mut DbConn, customer_ids: &[i64], from: NaiveDate) -> DbResult<Vec<Visit>> {
    Ok(visits::table
        .filter(visits::customer_id.eq_any(customer_ids))
        .filter(visits::status.ne("planned").and(visits::status.ne("cancelled")))
        .filter(visits::visited_on.ge(from))
        .select(Visit::as_select())
        .load(conn)?)
}

pub fn count_done_visits(conn: &mut DbConn, customer_id: i64) -> DbResult<i64> {
    Ok(visits::table
        .filter(visits::customer_id.eq(customer_id))
        .filter(visits::status.ne("planned").and(visits::status.ne("cancelled")))
        .count()
        .get_result(conn)?)
}

pub fn participants(conn: &mut DbConn, visit_ids: &[i64]) -> DbResult<Vec<(i64, i64)>> {
    Ok(visit_participants::table
        .filter(visit_participants::visit_id.eq_any(visit_ids))
        .order((visit_participants::visit_id, visit_participants::user_id))
        .select((visit_participants::visit_id, visit_participants::user_id))
        .load(conn)?)
}

pub fn set_participants(conn: &mut DbConn, visit_id: i64, users: &[i64]) -> DbResult<()> {
    diesel::delete(visit_participants::table.filter(visit_participants::visit_id.eq(visit_id))).execute(conn)?;
    for u in users {
        diesel::insert_into(visit_participants::table).values((visit_participants::visit_id.eq(visit_id), visit_participants::user_id.eq(*u))).execute(conn)?;
    }
    Ok(())
}

/// Open plans of a leaver move to the receiver.
pub fn move_visit_plans(conn: &mut DbConn, from: i64, to: i64) -> DbResult<usize> {
    Ok(diesel::update(visits::table.filter(visits::planned_by.eq(from).and(visits::status.eq("planned"))))
        .set((visits::planned_by.eq(to), visits::version.eq(visits::version + 1)))
        .execute(conn)?)
}

pub fn open_visit_plans_of(conn: &mut DbConn, user_id: i64) -> DbResult<Vec<Visit>> {
    Ok(visits::table.filter(visits::planned_by.eq(user_id).and(visits::status.eq("planned"))).select(Visit::as_select()).load(conn)?)
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = surveys)]
pub struct Survey {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub product: Option<String>,
    pub period: String,
    pub channel: String,
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
}

impl Survey {
    pub fn scores(&self) -> [Option<i64>; 6] {
        [self.score_quality, self.score_delivery, self.score_price, self.score_service, self.score_comparison, self.score_other]
    }
}

pub fn insert_survey(conn: &mut DbConn, s: &Survey) -> DbResult<Survey> {
    Ok(diesel::insert_into(surveys::table).values(s).returning(surveys::all_columns).get_result(conn)?)
}

pub fn survey_by_token(conn: &mut DbConn, token_hash: &str) -> DbResult<Option<Survey>> {
    Ok(surveys::table.filter(surveys::token_hash.eq(token_hash)).select(Survey::as_select()).first(conn).optional()?)
}

/// Records the customer's answers once: `None` when already submitted.
#[allow(clippy::too_many_arguments)]
pub fn submit_survey(conn: &mut DbConn, id: i64, scores: [i64; 6], remarks: &str, respondent: Option<&str>, now: NaiveDateTime) -> DbResult<Option<Survey>> {
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
    let mut q = surveys::table.filter(surveys::org_id.eq(org_id).and(surveys::submitted_at.is_not_null())).select(Survey::as_select()).into_boxed();
    if let Some(ids) = &f.customer_ids {
        q = q.filter(surveys::customer_id.eq_any(ids.clone()));
    }
    if let Some(p) = &f.period {
        q = q.filter(surveys::period.eq(p.clone()));
    }
    if let Some(p) = &f.product {
        q = q.filter(surveys::product.eq(p.clone()));
    }
    Ok(q.order(surveys::id).load(conn)?)
}

pub fn surveys_of(conn: &mut DbConn, customer_id: i64) -> DbResult<Vec<Survey>> {
    Ok(surveys::table.filter(surveys::customer_id.eq(customer_id)).order(surveys::id.desc()).select(Survey::as_select()).load(conn)?)
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = survey_followups)]
pub struct Followup {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub org_id: i64,
    pub survey_id: i64,
    pub customer_id: i64,
    pub dimension: String,
    pub score: i64,
    pub department_id: i64,
    pub status: String,
    pub resolution: Option<String>,
    pub closed_by: Option<i64>,
    pub closed_at: Option<NaiveDateTime>,
    #[diesel(skip_insertion)]
    pub version: i64,
    pub created_at: NaiveDateTime,
}

pub fn insert_followup(conn: &mut DbConn, f: &Followup) -> DbResult<Followup> {
    Ok(diesel::insert_into(survey_followups::table).values(f).returning(survey_followups::all_columns).get_result(conn)?)
}

pub fn followups(conn: &mut DbConn, org_id: i64, department_id: Option<i64>, status: Option<&str>) -> DbResult<Vec<Followup>> {
    let mut q = survey_followups::table.filter(survey_followups::org_id.eq(org_id)).select(Followup::as_select()).into_boxed();
    if let Some(d) = department_id {
        q = q.filter(survey_followups::department_id.eq(d));
    }
    if let Some(s) = status {
        q = q.filter(survey_followups::status.eq(s.to_owned()));
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
    let target =
        survey_followups::table.filter(survey_followups::id.eq(id).and(survey_followups::version.eq(version)).and(survey_followups::status.eq("open")));
    Ok(diesel::update(target)
        .set((
            survey_followups::status.eq("closed"),
            survey_followups::resolution.eq(resolution),
            survey_followups::closed_by.eq(by),
            survey_followups::closed_at.eq(now),
            survey_followups::version.eq(survey_followups::version + 1),
        ))
        .returning(survey_followups::all_columns)
        .get_result(conn)
        .optional()?)
}

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = customer_orders)]
pub struct Order {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub order_number: String,
    pub ordered_on: NaiveDate,
    pub amount_fen: i64,
    pub discount_fen: i64,
    pub cost_fen: Option<i64>,
    pub entered_by: Option<i64>,
    pub created_at: NaiveDateTime,
}

pub fn insert_order(conn: &mut DbConn, o: &Order) -> DbResult<Order> {
    Ok(diesel::insert_into(customer_orders::table).values(o).returning(customer_orders::all_columns).get_result(conn)?)
}

pub fn order_by_number(conn: &mut DbConn, org_id: i64, number: &str) -> DbResult<Option<Order>> {
    Ok(customer_orders::table
        .filter(customer_orders::org_id.eq(org_id).and(customer_orders::order_number.eq(number)))
        .select(Order::as_select())
        .first(conn)
        .optional()?)
}

pub fn orders_between(conn: &mut DbConn, org_id: i64, customer_ids: Option<&[i64]>, from: NaiveDate, to: NaiveDate) -> DbResult<Vec<Order>> {
    let mut q = customer_orders::table
        .filter(customer_orders::org_id.eq(org_id).and(customer_orders::ordered_on.ge(from)).and(customer_orders::ordered_on.le(to)))
        .select(Order::as_select())
        .into_boxed();
    if let Some(ids) = customer_ids {
        q = q.filter(customer_orders::customer_id.eq_any(ids.to_vec()));
    }
    Ok(q.order(customer_orders::ordered_on).load(conn)?)
}
