//! 档案借阅: access requests to another owner's customer, and the log of
//! reads by anyone but its owner and staff.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::{customer_access_requests, customer_reads};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use kehu_domain::customer::{ReadBasis, ReadPurpose, RequestStatus};
use kehu_domain::Role;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_access_requests)]
pub struct AccessRequest {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub requester_id: i64,
    pub reason: String,
    pub approver_role: Role,
    pub approver_department_id: Option<i64>,
    pub status: RequestStatus,
    pub decided_by: Option<i64>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_reason: Option<String>,
    pub valid_until: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = customer_access_requests)]
pub struct NewAccessRequest<'a> {
    pub org_id: i64,
    pub customer_id: i64,
    pub requester_id: i64,
    pub reason: &'a str,
    pub approver_role: Role,
    pub approver_department_id: Option<i64>,
    pub status: RequestStatus,
    pub created_at: NaiveDateTime,
}

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_reads)]
pub struct Read {
    pub id: i64,
    pub customer_id: i64,
    pub user_id: i64,
    pub basis: ReadBasis,
    pub what: ReadPurpose,
    pub at: NaiveDateTime,
}

pub fn insert_access_request(conn: &mut DbConn, r: &NewAccessRequest) -> DbResult<AccessRequest> {
    Ok(diesel::insert_into(customer_access_requests::table).values(r).returning(customer_access_requests::all_columns).get_result::<AccessRequest>(conn)?)
}

pub fn access_request(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<AccessRequest> {
    Ok(customer_access_requests::table.filter(customer_access_requests::org_id.eq(org_id)).find(id).select(AccessRequest::as_select()).first(conn)?)
}

/// A decision on an access request: approved (valid until a time) or refused.
pub struct AccessDecision<'a> {
    pub approved: bool,
    pub by: i64,
    pub reason: Option<&'a str>,
    pub valid_until: Option<NaiveDateTime>,
    pub at: NaiveDateTime,
}

/// Records the decision, if the request is still pending at `version`.
pub fn decide_access(conn: &mut DbConn, id: i64, version: i64, d: &AccessDecision) -> DbResult<Option<AccessRequest>> {
    let status = if d.approved { RequestStatus::Approved } else { RequestStatus::Rejected };
    let target = customer_access_requests::table.filter(
        customer_access_requests::id.eq(id).and(customer_access_requests::version.eq(version)).and(customer_access_requests::status.eq(RequestStatus::Pending)),
    );
    Ok(diesel::update(target)
        .set((
            customer_access_requests::status.eq(status),
            customer_access_requests::decided_by.eq(d.by),
            customer_access_requests::decided_at.eq(d.at),
            customer_access_requests::decision_reason.eq(d.reason),
            customer_access_requests::valid_until.eq(d.valid_until),
            customer_access_requests::version.eq(customer_access_requests::version + 1),
        ))
        .returning(customer_access_requests::all_columns)
        .get_result::<AccessRequest>(conn)
        .optional()?)
}

pub struct AccessFilter {
    pub requester_id: Option<i64>,
    pub customer_id: Option<i64>,
    pub status: Option<RequestStatus>,
    /// Pending requests this approver decides: `(role, department)`.
    pub approver: Option<(Role, Option<i64>)>,
}

pub fn access_requests(conn: &mut DbConn, org_id: i64, f: &AccessFilter, before_id: Option<i64>, limit: i64) -> DbResult<Vec<AccessRequest>> {
    let mut q = customer_access_requests::table.filter(customer_access_requests::org_id.eq(org_id)).select(AccessRequest::as_select()).into_boxed();
    if let Some(r) = f.requester_id {
        q = q.filter(customer_access_requests::requester_id.eq(r));
    }
    if let Some(c) = f.customer_id {
        q = q.filter(customer_access_requests::customer_id.eq(c));
    }
    if let Some(s) = f.status {
        q = q.filter(customer_access_requests::status.eq(s));
    }
    if let Some((role, dept)) = &f.approver {
        q = q.filter(customer_access_requests::approver_role.eq(*role));
        if let Some(d) = dept {
            q = q.filter(customer_access_requests::approver_department_id.eq(*d));
        }
    }
    if let Some(b) = before_id {
        q = q.filter(customer_access_requests::id.lt(b));
    }
    Ok(q.order(customer_access_requests::id.desc()).limit(limit).load(conn)?)
}

/// Whether `user_id` holds a valid grant on the customer at `now`.
pub fn has_grant(conn: &mut DbConn, user_id: i64, customer_id: i64, now: NaiveDateTime) -> DbResult<bool> {
    let n: i64 = customer_access_requests::table
        .filter(customer_access_requests::requester_id.eq(user_id))
        .filter(customer_access_requests::customer_id.eq(customer_id))
        .filter(customer_access_requests::status.eq(RequestStatus::Approved))
        .filter(customer_access_requests::valid_until.gt(now))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Which of these customers `user_id` holds a valid grant on at `now`.
pub fn granted_among(conn: &mut DbConn, user_id: i64, customer_ids: &[i64], now: NaiveDateTime) -> DbResult<Vec<i64>> {
    crate::by_chunks(customer_ids, |ids| {
        Ok(customer_access_requests::table
            .filter(customer_access_requests::requester_id.eq(user_id))
            .filter(customer_access_requests::customer_id.eq_any(ids))
            .filter(customer_access_requests::status.eq(RequestStatus::Approved))
            .filter(customer_access_requests::valid_until.gt(now))
            .select(customer_access_requests::customer_id)
            .load(conn)?)
    })
}

pub fn log_read(conn: &mut DbConn, customer_id: i64, user_id: i64, basis: ReadBasis, what: ReadPurpose, at: NaiveDateTime) -> DbResult<()> {
    diesel::insert_into(customer_reads::table)
        .values((
            customer_reads::customer_id.eq(customer_id),
            customer_reads::user_id.eq(user_id),
            customer_reads::basis.eq(basis),
            customer_reads::what.eq(what),
            customer_reads::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn reads(conn: &mut DbConn, customer_id: i64, before_id: Option<i64>, limit: i64) -> DbResult<Vec<Read>> {
    let mut q = customer_reads::table.filter(customer_reads::customer_id.eq(customer_id)).select(Read::as_select()).into_boxed();
    if let Some(b) = before_id {
        q = q.filter(customer_reads::id.lt(b));
    }
    Ok(q.order(customer_reads::id.desc()).limit(limit).load(conn)?)
}
