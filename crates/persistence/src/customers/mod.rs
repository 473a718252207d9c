//! The customer archive: records, contacts, assigned staff, change history,
//! access requests and the log of reads by non-owners.

use crate::db::{DbConn, MultiBackend};
use crate::error::DbResult;
use crate::schema::{customer_access_requests, customer_staff, customers};

mod access;
mod contacts;
mod history;

pub use access::*;
use chrono::{NaiveDate, NaiveDateTime};
pub use contacts::*;
use diesel::prelude::*;
use diesel::sql_types::Bool;
pub use history::*;

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
    pub category: String,
    pub customer_class: Option<String>,
    pub credit_grade: Option<String>,
    pub credit_limit_fen: Option<i64>,
    pub payment_term_days: i64,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub company_nature: Option<String>,
    pub supervising_unit: Option<String>,
    pub legal_representative: Option<String>,
    pub tax_id: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub confidentiality: String,
    pub supply_hold: bool,
    pub name_key: String,
    pub tax_key: Option<String>,
    pub search_text: String,
    pub first_contact_on: Option<NaiveDate>,
    pub registration_due: Option<NaiveDate>,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub reviewed_by: Option<i64>,
    pub reviewed_at: Option<NaiveDateTime>,
    pub review_reason: Option<String>,
    pub archived_at: Option<NaiveDateTime>,
    pub protected_until: Option<NaiveDate>,
    pub last_deal_on: Option<NaiveDate>,
    pub supply_hold_reason: Option<String>,
}

/// The fields a person edits (the registration form), as stored.
#[derive(Insertable, AsChangeset, Clone, Debug, Default)]
#[diesel(table_name = customers, treat_none_as_null = true)]
pub struct CustomerForm {
    pub name: String,
    pub kind: String,
    pub market: String,
    pub address: Option<String>,
    pub category: String,
    pub customer_class: Option<String>,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub company_nature: Option<String>,
    pub supervising_unit: Option<String>,
    pub legal_representative: Option<String>,
    pub tax_id: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub confidentiality: String,
    pub first_contact_on: Option<NaiveDate>,
    pub name_key: String,
    pub tax_key: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = customers)]
pub struct NewCustomer {
    pub org_id: i64,
    pub code: String,
    pub owner_id: i64,
    pub department_id: i64,
    pub status: String,
    pub registration_due: Option<NaiveDate>,
    pub submitted_by: Option<i64>,
    pub submitted_at: Option<NaiveDateTime>,
    pub archived_at: Option<NaiveDateTime>,
    pub protected_until: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Fields the workflow sets (review, ownership, search text); `None` leaves a
/// field as it is.
#[derive(AsChangeset, Default)]
#[diesel(table_name = customers)]
pub struct CustomerChanges {
    pub owner_id: Option<i64>,
    pub department_id: Option<i64>,
    pub status: Option<String>,
    pub contact_name: Option<Option<String>>,
    pub contact_phone: Option<Option<String>>,
    pub search_text: Option<String>,
    pub submitted_by: Option<Option<i64>>,
    pub submitted_at: Option<Option<NaiveDateTime>>,
    pub reviewed_by: Option<Option<i64>>,
    pub reviewed_at: Option<Option<NaiveDateTime>>,
    pub review_reason: Option<Option<String>>,
    pub archived_at: Option<Option<NaiveDateTime>>,
    pub protected_until: Option<Option<NaiveDate>>,
}

impl Customer {
    /// The material fields as `(field, value)` for the change history.
    pub fn material(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            ("name", Some(self.name.clone())),
            ("kind", Some(self.kind.clone())),
            ("market", Some(self.market.clone())),
            ("address", self.address.clone()),
            ("category", Some(self.category.clone())),
            ("customer_class", self.customer_class.clone()),
            ("credit_grade", self.credit_grade.clone()),
            ("credit_limit_fen", self.credit_limit_fen.map(|v| v.to_string())),
            ("payment_term_days", Some(self.payment_term_days.to_string())),
            ("region", self.region.clone()),
            ("industry", self.industry.clone()),
            ("company_nature", self.company_nature.clone()),
            ("supervising_unit", self.supervising_unit.clone()),
            ("legal_representative", self.legal_representative.clone()),
            ("tax_id", self.tax_id.clone()),
            ("bank_name", self.bank_name.clone()),
            ("bank_account", self.bank_account.clone()),
            ("confidentiality", Some(self.confidentiality.clone())),
            ("supply_hold", Some(self.supply_hold.to_string())),
            ("first_contact_on", self.first_contact_on.map(|d| d.to_string())),
            ("owner_id", Some(self.owner_id.to_string())),
            ("department_id", Some(self.department_id.to_string())),
            ("status", Some(self.status.clone())),
            ("last_deal_on", self.last_deal_on.map(|d| d.to_string())),
        ]
    }

    /// What changed from `self` to `new`: `(field, old, new)`.
    pub fn diff(&self, new: &Customer) -> Vec<(&'static str, Option<String>, Option<String>)> {
        self.material().into_iter().zip(new.material()).filter(|((_, a), (_, b))| a != b).map(|((f, a), (_, b))| (f, a, b)).collect()
    }
}

/// The records a caller may list, as SQL: the same rules as
/// `kehu_domain::customer::read_basis`, in the shape of a filter.
#[derive(Clone, Debug, Default)]
pub struct ReadScope {
    pub user_id: i64,
    pub department_id: i64,
    /// Levels readable in every department (executives).
    pub all_levels: Vec<&'static str>,
    /// Levels readable in the caller's own department (its managers).
    pub department_levels: Vec<&'static str>,
    /// Levels readable through an approved access request.
    pub grant_levels: Vec<&'static str>,
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
        .filter(customer_access_requests::status.eq("approved"))
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
            p.or(customers::confidentiality.eq("secret").and(customers::status.eq("active")).and(customers::protected_until.assume_not_null().lt(s.today))),
        );
    }
    p
}

pub struct CustomerFilter<'a> {
    /// Already folded with `kehu_domain::customer::search_query`.
    pub q: Option<&'a str>,
    pub market: Option<&'a str>,
    pub owner_id: Option<i64>,
    pub status: Option<&'a str>,
    pub category: Option<&'a str>,
    pub customer_class: Option<&'a str>,
    pub credit_grade: Option<&'a str>,
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

pub fn insert(conn: &mut DbConn, c: &NewCustomer, form: &CustomerForm) -> DbResult<Customer> {
    Ok(diesel::insert_into(customers::table).values((c, form)).returning(customers::all_columns).get_result::<Customer>(conn)?)
}

pub fn get(conn: &mut DbConn, org_id: i64, id: i64) -> DbResult<Customer> {
    Ok(customers::table.filter(customers::org_id.eq(org_id)).find(id).select(Customer::as_select()).first(conn)?)
}

pub fn by_code(conn: &mut DbConn, org_id: i64, code: &str) -> DbResult<Option<Customer>> {
    Ok(customers::table.filter(customers::org_id.eq(org_id).and(customers::code.eq(code))).select(Customer::as_select()).first(conn).optional()?)
}

pub fn by_tax_key(conn: &mut DbConn, org_id: i64, tax_key: &str) -> DbResult<Option<Customer>> {
    Ok(customers::table
        .filter(customers::org_id.eq(org_id).and(customers::tax_key.eq(tax_key)).and(customers::status.ne("rejected")))
        .order(customers::id)
        .select(Customer::as_select())
        .first(conn)
        .optional()?)
}

pub fn many(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<Customer>> {
    Ok(customers::table.filter(customers::id.eq_any(ids)).select(Customer::as_select()).load(conn)?)
}

/// Other records, not rejected, with the same name key or tax key.
pub fn duplicates(conn: &mut DbConn, org_id: i64, name_key: &str, tax_key: Option<&str>, except: Option<i64>) -> DbResult<Vec<Customer>> {
    let mut q = customers::table.filter(customers::org_id.eq(org_id)).filter(customers::status.ne("rejected")).select(Customer::as_select()).into_boxed();
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
        q = q.filter(customers::status.eq(v.to_owned()));
    }
    if let Some(m) = f.market {
        q = q.filter(customers::market.eq(m.to_owned()));
    }
    if let Some(o) = f.owner_id {
        q = q.filter(customers::owner_id.eq(o));
    }
    if let Some(v) = f.category {
        q = q.filter(customers::category.eq(v.to_owned()));
    }
    if let Some(v) = f.customer_class {
        q = q.filter(customers::customer_class.eq(v.to_owned()));
    }
    if let Some(v) = f.credit_grade {
        q = q.filter(customers::credit_grade.eq(v.to_owned()));
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
        q = q.filter(customers::status.eq("active").and(customers::protected_until.lt(d)));
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

/// Saves the form fields if the version still matches.
pub fn update_form(conn: &mut DbConn, id: i64, version: i64, form: &CustomerForm, now: NaiveDateTime) -> DbResult<Option<Customer>> {
    let target = customers::table.filter(customers::id.eq(id).and(customers::version.eq(version)));
    Ok(diesel::update(target)
        .set((form, customers::version.eq(customers::version + 1), customers::updated_at.eq(now)))
        .returning(customers::all_columns)
        .get_result::<Customer>(conn)
        .optional()?)
}

/// Applies workflow changes if the version still matches (`None` = the
/// current version, for writes that hold the transaction's lock anyway).
pub fn update(conn: &mut DbConn, id: i64, version: Option<i64>, changes: &CustomerChanges, now: NaiveDateTime) -> DbResult<Option<Customer>> {
    let version = match version {
        Some(v) => v,
        None => customers::table.find(id).select(customers::version).first(conn)?,
    };
    let target = customers::table.filter(customers::id.eq(id).and(customers::version.eq(version)));
    Ok(diesel::update(target)
        .set((changes, customers::version.eq(customers::version + 1), customers::updated_at.eq(now)))
        .returning(customers::all_columns)
        .get_result::<Customer>(conn)
        .optional()?)
}

/// Derived fields: they follow other writes and make no version of their own.
pub fn set_derived(conn: &mut DbConn, id: i64, search_text: &str, contact_name: Option<&str>, contact_phone: Option<&str>) -> DbResult<()> {
    diesel::update(customers::table.find(id))
        .set((customers::search_text.eq(search_text), customers::contact_name.eq(contact_name), customers::contact_phone.eq(contact_phone)))
        .execute(conn)?;
    Ok(())
}

/// Credit fields change only through an approved request.
pub fn set_credit(conn: &mut DbConn, id: i64, grade: Option<String>, limit_fen: Option<i64>, term_days: i64, now: NaiveDateTime) -> DbResult<Option<Customer>> {
    Ok(diesel::update(customers::table.find(id))
        .set((
            customers::credit_grade.eq(grade),
            customers::credit_limit_fen.eq(limit_fen),
            customers::payment_term_days.eq(term_days),
            customers::version.eq(customers::version + 1),
            customers::updated_at.eq(now),
        ))
        .returning(customers::all_columns)
        .get_result(conn)
        .optional()?)
}

pub fn set_supply_hold(conn: &mut DbConn, id: i64, version: i64, hold: bool, reason: Option<&str>, now: NaiveDateTime) -> DbResult<Option<Customer>> {
    let target = customers::table.filter(customers::id.eq(id).and(customers::version.eq(version)));
    Ok(diesel::update(target)
        .set((
            customers::supply_hold.eq(hold),
            customers::supply_hold_reason.eq(reason),
            customers::version.eq(customers::version + 1),
            customers::updated_at.eq(now),
        ))
        .returning(customers::all_columns)
        .get_result(conn)
        .optional()?)
}

/// A deal: the last deal day and the protection period it restarts.
pub fn set_last_deal(conn: &mut DbConn, id: i64, on: NaiveDate, protected_until: NaiveDate) -> DbResult<()> {
    diesel::update(customers::table.find(id))
        .set((customers::last_deal_on.eq(on), customers::protected_until.eq(protected_until), customers::version.eq(customers::version + 1)))
        .execute(conn)?;
    Ok(())
}

pub fn set_protection(conn: &mut DbConn, id: i64, until: NaiveDate) -> DbResult<()> {
    diesel::update(customers::table.find(id)).set(customers::protected_until.eq(until)).execute(conn)?;
    Ok(())
}

/// Records whose derived keys were never filled (archived before the archive
/// workflow existed).
pub fn without_keys(conn: &mut DbConn, limit: i64) -> DbResult<Vec<Customer>> {
    Ok(customers::table.filter(customers::name_key.eq("")).select(Customer::as_select()).limit(limit).load(conn)?)
}

pub fn set_keys(conn: &mut DbConn, id: i64, name_key: &str, tax_key: Option<&str>, search_text: &str) -> DbResult<()> {
    diesel::update(customers::table.find(id))
        .set((customers::name_key.eq(name_key), customers::tax_key.eq(tax_key), customers::search_text.eq(search_text)))
        .execute(conn)?;
    Ok(())
}

pub fn count_owned(conn: &mut DbConn, owner_id: i64) -> DbResult<i64> {
    Ok(customers::table.filter(customers::owner_id.eq(owner_id)).filter(customers::status.ne("rejected")).count().get_result(conn)?)
}

pub fn owned_by(conn: &mut DbConn, owner_id: i64) -> DbResult<Vec<Customer>> {
    Ok(customers::table.filter(customers::owner_id.eq(owner_id)).order(customers::id).select(Customer::as_select()).load(conn)?)
}
