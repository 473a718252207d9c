//! The customer archive: records, contacts, assigned staff, change history,
//! access requests and the log of reads by non-owners.

use crate::db::DbConn;
use crate::error::DbResult;
use crate::schema::customers;

mod access;
mod contacts;
mod history;
mod lists;

pub use access::*;
use chrono::{NaiveDate, NaiveDateTime};
pub use contacts::*;
use diesel::prelude::*;
pub use history::*;
use kehu_domain::customer::{Category, ChangeField, Confidentiality, CreditGrade, CustomerClass, CustomerDetails, CustomerKind, CustomerStatus};
use kehu_domain::deadline::Market;
pub use lists::*;

#[derive(Queryable, Selectable, Clone, Debug)]
#[diesel(table_name = customers)]
pub struct Customer {
    pub id: i64,
    pub org_id: i64,
    pub code: String,
    pub name: String,
    pub kind: CustomerKind,
    pub market: Market,
    pub owner_id: i64,
    pub department_id: i64,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub address: Option<String>,
    pub status: CustomerStatus,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub category: Category,
    pub customer_class: Option<CustomerClass>,
    pub credit_grade: Option<CreditGrade>,
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
    pub confidentiality: Confidentiality,
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

/// The fields a person edits (the registration form), as stored, with the
/// keys duplicates are found by.
#[derive(Insertable, AsChangeset, Clone, Debug)]
#[diesel(table_name = customers, treat_none_as_null = true)]
pub struct CustomerForm {
    pub name: String,
    pub kind: CustomerKind,
    pub market: Market,
    pub address: Option<String>,
    pub category: Category,
    pub customer_class: Option<CustomerClass>,
    pub region: Option<String>,
    pub industry: Option<String>,
    pub company_nature: Option<String>,
    pub supervising_unit: Option<String>,
    pub legal_representative: Option<String>,
    pub tax_id: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub confidentiality: Confidentiality,
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
    pub status: CustomerStatus,
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
    pub status: Option<CustomerStatus>,
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

impl From<&CustomerDetails> for CustomerForm {
    fn from(d: &CustomerDetails) -> CustomerForm {
        CustomerForm {
            name: d.name.trim().to_owned(),
            kind: d.kind,
            market: d.market,
            address: d.address.clone(),
            category: d.category,
            customer_class: d.customer_class,
            region: d.region.clone(),
            industry: d.industry.clone(),
            company_nature: d.company_nature.clone(),
            supervising_unit: d.supervising_unit.clone(),
            legal_representative: d.legal_representative.clone(),
            tax_id: d.tax_id.clone(),
            bank_name: d.bank_name.clone(),
            bank_account: d.bank_account.clone(),
            confidentiality: d.confidentiality,
            first_contact_on: d.first_contact_on,
            name_key: d.name_key(),
            tax_key: d.tax_key(),
        }
    }
}

impl Customer {
    /// The form as it stands.
    pub fn details(&self) -> CustomerDetails {
        CustomerDetails {
            name: self.name.clone(),
            kind: self.kind,
            market: self.market,
            address: self.address.clone(),
            category: self.category,
            customer_class: self.customer_class,
            region: self.region.clone(),
            industry: self.industry.clone(),
            company_nature: self.company_nature.clone(),
            supervising_unit: self.supervising_unit.clone(),
            legal_representative: self.legal_representative.clone(),
            tax_id: self.tax_id.clone(),
            bank_name: self.bank_name.clone(),
            bank_account: self.bank_account.clone(),
            confidentiality: self.confidentiality,
            first_contact_on: self.first_contact_on,
        }
    }

    /// The material fields as `(field, value)` for the change history.
    pub fn material(&self) -> Vec<(ChangeField, Option<String>)> {
        vec![
            (ChangeField::Name, Some(self.name.clone())),
            (ChangeField::Kind, Some(self.kind.to_string())),
            (ChangeField::Market, Some(self.market.to_string())),
            (ChangeField::Address, self.address.clone()),
            (ChangeField::Category, Some(self.category.to_string())),
            (ChangeField::CustomerClass, self.customer_class.map(|v| v.to_string())),
            (ChangeField::CreditGrade, self.credit_grade.map(|v| v.to_string())),
            (ChangeField::CreditLimitFen, self.credit_limit_fen.map(|v| v.to_string())),
            (ChangeField::PaymentTermDays, Some(self.payment_term_days.to_string())),
            (ChangeField::Region, self.region.clone()),
            (ChangeField::Industry, self.industry.clone()),
            (ChangeField::CompanyNature, self.company_nature.clone()),
            (ChangeField::SupervisingUnit, self.supervising_unit.clone()),
            (ChangeField::LegalRepresentative, self.legal_representative.clone()),
            (ChangeField::TaxId, self.tax_id.clone()),
            (ChangeField::BankName, self.bank_name.clone()),
            (ChangeField::BankAccount, self.bank_account.clone()),
            (ChangeField::Confidentiality, Some(self.confidentiality.to_string())),
            (ChangeField::SupplyHold, Some(self.supply_hold.to_string())),
            (ChangeField::FirstContactOn, self.first_contact_on.map(|d| d.to_string())),
            (ChangeField::OwnerId, Some(self.owner_id.to_string())),
            (ChangeField::DepartmentId, Some(self.department_id.to_string())),
            (ChangeField::Status, Some(self.status.to_string())),
            (ChangeField::LastDealOn, self.last_deal_on.map(|d| d.to_string())),
        ]
    }

    /// What changed from `self` to `new`: `(field, old, new)`.
    pub fn diff(&self, new: &Customer) -> Vec<(ChangeField, Option<String>, Option<String>)> {
        self.material().into_iter().zip(new.material()).filter(|((_, a), (_, b))| a != b).map(|((f, a), (_, b))| (f, a, b)).collect()
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
        .filter(customers::org_id.eq(org_id).and(customers::tax_key.eq(tax_key)).and(customers::status.ne(CustomerStatus::Rejected)))
        .order(customers::id)
        .select(Customer::as_select())
        .first(conn)
        .optional()?)
}

pub fn many(conn: &mut DbConn, ids: &[i64]) -> DbResult<Vec<Customer>> {
    crate::by_chunks(ids, |ids| Ok(customers::table.filter(customers::id.eq_any(ids)).select(Customer::as_select()).load(conn)?))
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
pub fn set_credit(
    conn: &mut DbConn,
    id: i64,
    grade: Option<CreditGrade>,
    limit_fen: Option<i64>,
    term_days: i64,
    now: NaiveDateTime,
) -> DbResult<Option<Customer>> {
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
    Ok(customers::table.filter(customers::owner_id.eq(owner_id)).filter(customers::status.ne(CustomerStatus::Rejected)).count().get_result(conn)?)
}

pub fn owned_by(conn: &mut DbConn, owner_id: i64) -> DbResult<Vec<Customer>> {
    Ok(customers::table.filter(customers::owner_id.eq(owner_id)).order(customers::id).select(Customer::as_select()).load(conn)?)
}
