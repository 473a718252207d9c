//! Which records a caller may list, filters, pages and duplicates.

use super::Customer;
use crate::db::{DbConn, MultiBackend};
use crate::error::DbResult;
use crate::schema::{customer_access_requests, customer_staff, customers};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::Bool;
use kehu_domain::customer::{Category, Confidentiality, CreditGrade, CustomerClass, CustomerStatus, RequestStatus};
use kehu_domain::deadline::Market;

/// The records a caller may list, as SQL: the same rules as
/// `kehu_domain::customer::read_basis`, in the shape of a filter.
#[derive(Clone, Debug, Default)]
pub struct ReadScope {
    pub user_id: i64,
    pub department_id: i64,
    /// Levels readable in every department (executives).
    pub all_levels: Vec<Confidentiality>,
    /// Levels readable in the caller's own department (its managers).
    pub department_levels: Vec<Confidentiality>,
    /// Levels readable through an approved access request.
    pub grant_levels: Vec<Confidentiality>,
    /// Sales see lapsed 秘密 customers, to claim them.
    pub claim_pool: bool,
    pub today: NaiveDate,
    pub now: NaiveDateTime,
}

type Predicate = Box<dyn BoxableExpression<customers::table, MultiBackend, SqlType = Bool>>;

fn readable(s: &ReadScope) -> Predicate {
    let staff = customer_staff::table.filter(customer_staff::user_id.eq(s.user_id)).select(customer_staff::customer_id);
    let granted = customer_access_requests::table
        .filter(customer_access_requests::requester_id.eq(s.user_id))
        .filter(customer_access_requests::status.eq(RequestStatus::Approved))
        .filter(customer_access_requests::valid_until.gt(s.now))
        .select(customer_access_requests::customer_id);
    let mut p: Predicate = Box::new(customers::owner_id.eq(s.user_id).or(customers::id.eq_any(staff)));
    if !s.all_levels.is_empty() {
        p = Box::new(p.or(customers::confidentiality.eq_any(s.all_levels.clone())));
    }
    if !s.department_levels.is_empty() {
        p = Box::new(p.or(customers::department_id.eq(s.department_id).and(customers::confidentiality.eq_any(s.department_levels.clone()))));
    }
    if !s.grant_levels.is_empty() {
        p = Box::new(p.or(customers::id.eq_any(granted).and(customers::confidentiality.eq_any(s.grant_levels.clone()))));
    }
    if s.claim_pool {
        p = Box::new(
            p.or(customers::confidentiality
                .eq(Confidentiality::Secret)
                .and(customers::status.eq(CustomerStatus::Active))
                .and(customers::protected_until.assume_not_null().lt(s.today))),
        );
    }
    p
}

pub struct CustomerFilter<'a> {
    /// Already folded with `kehu_domain::customer::search_query`.
    pub q: Option<&'a str>,
    pub market: Option<Market>,
    pub owner_id: Option<i64>,
    pub status: Option<CustomerStatus>,
    pub category: Option<Category>,
    pub customer_class: Option<CustomerClass>,
    pub credit_grade: Option<CreditGrade>,
    pub region: Option<&'a str>,
    pub department_id: Option<i64>,
    pub supply_hold: Option<bool>,
    /// Lapsed on this day.
    pub claimable_on: Option<NaiveDate>,
}

impl CustomerFilter<'_> {
    pub fn by_owner(owner_id: i64) -> CustomerFilter<'static> {
        CustomerFilter { owner_id: Some(owner_id), ..CustomerFilter::all() }
    }

    pub fn all() -> CustomerFilter<'static> {
        CustomerFilter {
            q: None,
            market: None,
            owner_id: None,
            status: None,
            category: None,
            customer_class: None,
            credit_grade: None,
            region: None,
            department_id: None,
            supply_hold: None,
            claimable_on: None,
        }
    }
}

/// Other records, not rejected, with the same name key or tax key.
pub fn duplicates(conn: &mut DbConn, org_id: i64, name_key: &str, tax_key: Option<&str>, except: Option<i64>) -> DbResult<Vec<Customer>> {
    let mut q =
        customers::table.filter(customers::org_id.eq(org_id)).filter(customers::status.ne(CustomerStatus::Rejected)).select(Customer::as_select()).into_boxed();
    q = match tax_key.filter(|t| !t.is_empty()) {
        Some(t) => q.filter(customers::name_key.eq(name_key.to_owned()).or(customers::tax_key.eq(t.to_owned()))),
        None => q.filter(customers::name_key.eq(name_key.to_owned())),
    };
    if let Some(id) = except {
        q = q.filter(customers::id.ne(id));
    }
    Ok(q.order(customers::id).limit(20).load(conn)?)
}

/// A page ordered by name then id, after the `(name, id)` cursor.
pub fn page(
    conn: &mut DbConn,
    org_id: i64,
    scope: Option<&ReadScope>,
    f: &CustomerFilter,
    after: Option<(String, i64)>,
    limit: i64,
) -> DbResult<Vec<Customer>> {
    let mut q = customers::table.filter(customers::org_id.eq(org_id)).select(Customer::as_select()).into_boxed();
    if let Some(s) = scope {
        q = q.filter(readable(s));
    }
    if let Some(text) = f.q {
        q = q.filter(customers::search_text.like(format!("%{}%", crate::like_escape(text))).escape('\\'));
    }
    if let Some(v) = f.status {
        q = q.filter(customers::status.eq(v));
    }
    if let Some(m) = f.market {
        q = q.filter(customers::market.eq(m));
    }
    if let Some(o) = f.owner_id {
        q = q.filter(customers::owner_id.eq(o));
    }
    if let Some(v) = f.category {
        q = q.filter(customers::category.eq(v));
    }
    if let Some(v) = f.customer_class {
        q = q.filter(customers::customer_class.eq(v));
    }
    if let Some(v) = f.credit_grade {
        q = q.filter(customers::credit_grade.eq(v));
    }
    if let Some(v) = f.region {
        q = q.filter(customers::region.eq(v.to_owned()));
    }
    if let Some(v) = f.department_id {
        q = q.filter(customers::department_id.eq(v));
    }
    if let Some(v) = f.supply_hold {
        q = q.filter(customers::supply_hold.eq(v));
    }
    if let Some(d) = f.claimable_on {
        q = q.filter(customers::status.eq(CustomerStatus::Active).and(customers::protected_until.lt(d)));
    }
    if let Some((name, id)) = after {
        q = q.filter(customers::name.gt(name.clone()).or(customers::name.eq(name).and(customers::id.gt(id))));
    }
    // A search of three characters or more is selective and the trigram index
    // finds it: ordering by an expression keeps PostgreSQL from walking the
    // name index instead (it cannot estimate `LIKE '%…%'` and guesses many
    // hits). Shorter text matches many rows, where the name order is quickest.
    if f.q.is_some_and(|t| t.chars().count() >= 3) {
        q = q.order((customers::name.concat(""), customers::id));
    } else {
        q = q.order((customers::name, customers::id));
    }
    Ok(q.limit(limit).load(conn)?)
}
