//! Customers, as far as complaints need them (the full archive comes later).

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::customers;
use chrono::NaiveDateTime;
use diesel::prelude::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customers)]
pub struct Customer {
    pub id: i64,
    pub org_id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub market: String,
    pub owner_id: i64,
    pub department_id: i64,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = customers)]
pub struct NewCustomer {
    pub org_id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub market: String,
    pub owner_id: i64,
    pub department_id: i64,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(AsChangeset, Default)]
#[diesel(table_name = customers)]
pub struct CustomerChanges {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub market: Option<String>,
    pub owner_id: Option<i64>,
    pub department_id: Option<i64>,
    pub contact_name: Option<Option<String>>,
    pub contact_phone: Option<Option<String>>,
    pub address: Option<Option<String>>,
}

/// Which customers a caller may list.
pub enum CustomerScope {
    All,
    /// Own customers and those of the department.
    SalesDepartment {
        user_id: i64,
        department_id: i64,
    },
}

pub struct CustomerFilter<'a> {
    pub q: Option<&'a str>,
    pub market: Option<&'a str>,
    pub owner_id: Option<i64>,
}

pub fn insert(conn: &mut DbConn, c: &NewCustomer) -> DbResult<Customer> {
    Ok(diesel::insert_into(customers::table).values(c).returning(customers::all_columns).get_result::<Customer>(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Customer> {
    Ok(customers::table.filter(customers::org_id.eq(org_id)).find(id).select(Customer::as_select()).first(conn)?)
}

pub fn by_code(conn: &mut DbConn, org_id: i64, code: &str) -> DbResult<Option<Customer>> {
    Ok(customers::table.filter(customers::org_id.eq(org_id).and(customers::code.eq(code))).select(Customer::as_select()).first(conn).optional()?)
}

pub fn many(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<Customer>> {
    Ok(customers::table.filter(customers::id.eq_any(ids)).select(Customer::as_select()).load(conn)?)
}

/// A page ordered by name then id, after the `(name, id)` cursor.
pub fn page(conn: &mut DbConn, org_id: i64, scope: &CustomerScope, f: &CustomerFilter, after: Option<(String, i64)>, limit: i64) -> DbResult<Vec<Customer>> {
    let mut q = customers::table.filter(customers::org_id.eq(org_id)).select(Customer::as_select()).into_boxed();
    if let CustomerScope::SalesDepartment { user_id, department_id } = scope {
        q = q.filter(customers::owner_id.eq(*user_id).or(customers::department_id.eq(*department_id)));
    }
    if let Some(text) = f.q {
        let p = format!("%{}%", crate::like_escape(text));
        q = q.filter(crate::lower(customers::name).like(p.to_lowercase()).escape('\\').or(crate::lower(customers::code).like(p.to_lowercase()).escape('\\')));
    }
    if let Some(m) = f.market {
        q = q.filter(customers::market.eq(m.to_owned()));
    }
    if let Some(o) = f.owner_id {
        q = q.filter(customers::owner_id.eq(o));
    }
    if let Some((name, id)) = after {
        q = q.filter(customers::name.gt(name.clone()).or(customers::name.eq(name).and(customers::id.gt(id))));
    }
    Ok(q.order((customers::name, customers::id)).limit(limit).load(conn)?)
}

pub fn update(conn: &mut DbConn, id: i64, version: i64, changes: &CustomerChanges, now: NaiveDateTime) -> DbResult<Option<Customer>> {
    let target = customers::table.filter(customers::id.eq(id).and(customers::version.eq(version)));
    Ok(diesel::update(target)
        .set((changes, customers::version.eq(customers::version + 1), customers::updated_at.eq(now)))
        .returning(customers::all_columns)
        .get_result::<Customer>(conn)
        .optional()?)
}
