//! Credit investigations and the approval requests that change credit or deregister a customer.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{customer_credit_checks, customer_requests};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::customer::{ChangeRequest, CreditGrade, RequestKind, RequestStatus};
use kehu_domain::{Money, Role};

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = customer_credit_checks)]
pub struct CreditCheck {
    #[diesel(skip_insertion)]
    pub id: i64,
    pub customer_id: i64,
    pub investigated_by: i64,
    pub investigated_on: NaiveDate,
    pub summary: String,
    pub recommended_grade: Option<CreditGrade>,
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

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_requests)]
pub struct CustomerRequest {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub kind: RequestKind,
    pub requested_by: i64,
    pub credit_grade: Option<CreditGrade>,
    pub credit_limit_fen: Option<i64>,
    pub payment_term_days: Option<i64>,
    pub credit_check_id: Option<i64>,
    pub reason: String,
    pub approver_role: Role,
    pub approver_department_id: Option<i64>,
    pub status: RequestStatus,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_reason: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
}

/// Files a change request of `customer` for `approver` to decide.
pub fn insert_request(
    conn: &mut DbConn,
    customer: (i64, i64),
    r: &ChangeRequest,
    by: i64,
    approver: (Role, Option<i64>),
    now: NaiveDateTime,
) -> DbResult<CustomerRequest> {
    let (org_id, customer_id) = customer;
    Ok(diesel::insert_into(customer_requests::table)
        .values((
            customer_requests::org_id.eq(org_id),
            customer_requests::customer_id.eq(customer_id),
            customer_requests::kind.eq(r.kind),
            customer_requests::requested_by.eq(by),
            customer_requests::credit_grade.eq(r.credit_grade),
            customer_requests::credit_limit_fen.eq(r.credit_limit.map(Money::fen)),
            customer_requests::payment_term_days.eq(r.payment_term_days),
            customer_requests::credit_check_id.eq(r.credit_check_id),
            customer_requests::reason.eq(&r.reason),
            customer_requests::approver_role.eq(approver.0),
            customer_requests::approver_department_id.eq(approver.1),
            customer_requests::status.eq(RequestStatus::Pending),
            customer_requests::created_at.eq(now),
        ))
        .returning(customer_requests::all_columns)
        .get_result(conn)?)
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

pub fn pending_requests(conn: &mut DbConn, customer_id: i64, kind: RequestKind) -> DbResult<i64> {
    Ok(customer_requests::table
        .filter(customer_requests::customer_id.eq(customer_id).and(customer_requests::kind.eq(kind)).and(customer_requests::status.eq(RequestStatus::Pending)))
        .count()
        .get_result(conn)?)
}

/// Pending requests an approver decides: `(role, department)` pairs.
pub fn requests_to_decide(conn: &mut DbConn, org_id: i64, approvers: &[(Role, Option<i64>)]) -> DbResult<Vec<CustomerRequest>> {
    let mut out = Vec::new();
    for (role, dept) in approvers {
        let mut q = customer_requests::table
            .filter(
                customer_requests::org_id.eq(org_id).and(customer_requests::status.eq(RequestStatus::Pending)).and(customer_requests::approver_role.eq(*role)),
            )
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

/// Approves or refuses a request still pending at `version`.
pub fn decide_request(
    conn: &mut DbConn,
    id: i64,
    version: i64,
    approved: bool,
    by: i64,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> DbResult<Option<CustomerRequest>> {
    let status = if approved { RequestStatus::Approved } else { RequestStatus::Rejected };
    let target = customer_requests::table
        .filter(customer_requests::id.eq(id).and(customer_requests::version.eq(version)).and(customer_requests::status.eq(RequestStatus::Pending)));
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
