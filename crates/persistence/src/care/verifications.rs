//! Quarterly verification of the archive's data (季度核对).

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::customer_verifications;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use kehu_domain::care::ConfirmedVia;
use kehu_domain::customer::CustomerStatus;
use kehu_domain::verification::{Confirmation, VerificationStatus};

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customer_verifications)]
pub struct Verification {
    pub id: i64,
    pub org_id: i64,
    pub customer_id: i64,
    pub period: String,
    pub due_on: NaiveDate,
    pub assignee_id: i64,
    pub status: VerificationStatus,
    pub confirmed_via: Option<ConfirmedVia>,
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
    let select = format!(
        "SELECT c.org_id, c.id, {{p}}, {{d}}, c.owner_id, '{open}', {{n}} FROM customers c WHERE c.status = '{active}' \
         AND NOT EXISTS (SELECT 1 FROM customer_verifications v WHERE v.customer_id = c.id AND v.period = {{p}})",
        open = VerificationStatus::Open.as_str(),
        active = CustomerStatus::Active.as_str()
    );
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
    pub status: Option<VerificationStatus>,
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
    if let Some(s) = f.status {
        q = q.filter(customer_verifications::status.eq(s));
    }
    if let Some(d) = f.overdue_on {
        q = q.filter(customer_verifications::status.eq(VerificationStatus::Open).and(customer_verifications::due_on.lt(d)));
    }
    Ok(q.order((customer_verifications::due_on, customer_verifications::id)).limit(limit).load(conn)?)
}

pub fn verification(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Verification> {
    Ok(customer_verifications::table.filter(customer_verifications::org_id.eq(org_id)).find(id).select(Verification::as_select()).first(conn)?)
}

/// Completes an open task at `version`; `None` when it is no longer so.
pub fn complete_verification(conn: &mut DbConn, id: i64, version: i64, c: &Confirmation, by: i64, now: NaiveDateTime) -> DbResult<Option<Verification>> {
    let target = customer_verifications::table.filter(
        customer_verifications::id.eq(id).and(customer_verifications::version.eq(version)).and(customer_verifications::status.eq(VerificationStatus::Open)),
    );
    Ok(diesel::update(target)
        .set((
            customer_verifications::status.eq(VerificationStatus::Done),
            customer_verifications::confirmed_via.eq(c.confirmed_via),
            customer_verifications::changes.eq(&c.changes),
            customer_verifications::note.eq(&c.note),
            customer_verifications::completed_by.eq(by),
            customer_verifications::completed_at.eq(now),
            customer_verifications::version.eq(customer_verifications::version + 1),
        ))
        .returning(customer_verifications::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn reassign_verifications(conn: &mut DbConn, customer_id: i64, to: i64) -> DbResult<usize> {
    Ok(diesel::update(
        customer_verifications::table
            .filter(customer_verifications::customer_id.eq(customer_id).and(customer_verifications::status.eq(VerificationStatus::Open))),
    )
    .set((customer_verifications::assignee_id.eq(to), customer_verifications::version.eq(customer_verifications::version + 1)))
    .execute(conn)?)
}
