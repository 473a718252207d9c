//! Importing customers from a file with the export's columns: all rows or
//! none, with an error per bad row.

use super::{check_codes, code_of, Table};
use crate::app::customers::register::next_code;
use crate::app::customers::{self as archive, holding, Change};
use crate::app::{Ctx, Tx};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError};
use kehu_domain::customer::{
    self as rules, Category, ChangeField, ChangeSource, Confidentiality, Contact, CustomerDetails, CustomerKind, CustomerStatus, ReadPurpose,
};
use kehu_domain::deadline::Market;
use kehu_domain::Role;
use kehu_persistence::customers::{self, Customer, CustomerForm, NewContact, NewCustomer};
use kehu_persistence::{people, DbConn};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use utoipa::ToSchema;

/// At most this many rows per file.
pub const MAX_ROWS: usize = 10_000;

#[derive(Serialize, ToSchema)]
pub struct ImportResult {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub dry_run: bool,
}

/// What importing one row will do.
enum Plan {
    Create { details: CustomerDetails, contact: Option<Contact>, code: Option<String>, owner: people::User },
    Update { old: Box<Customer>, details: CustomerDetails, contact: Option<Contact> },
    Unchanged,
}

fn coded<T: std::str::FromStr>(m: &HashMap<&'static str, String>, field: &str) -> Option<T> {
    m.get(field).and_then(|v| code_of(v).parse().ok())
}

/// The row's form: its cells over the existing record's values.
fn details_of(old: Option<&Customer>, m: &HashMap<&'static str, String>) -> CustomerDetails {
    let base = match old {
        Some(o) => o.details(),
        None => CustomerDetails::new("", CustomerKind::Legal, Market::Domestic),
    };
    let text = |k: &str, cur: Option<String>| m.get(k).cloned().or(cur);
    CustomerDetails {
        name: m.get("name").cloned().unwrap_or(base.name),
        kind: coded(m, "kind").unwrap_or(base.kind),
        market: coded(m, "market").unwrap_or(base.market),
        address: text("address", base.address),
        category: coded(m, "category").unwrap_or(base.category),
        customer_class: coded(m, "customer_class").or(base.customer_class),
        region: text("region", base.region),
        industry: text("industry", base.industry),
        company_nature: text("company_nature", base.company_nature),
        supervising_unit: text("supervising_unit", base.supervising_unit),
        legal_representative: text("legal_representative", base.legal_representative),
        tax_id: text("tax_id", base.tax_id),
        bank_name: text("bank_name", base.bank_name),
        bank_account: text("bank_account", base.bank_account),
        confidentiality: coded(m, "confidentiality").unwrap_or(base.confidentiality),
        first_contact_on: base.first_contact_on,
    }
}

/// The lengths the registration form allows, as `(field, message)`.
fn lengths(d: &CustomerDetails, contact: Option<&Contact>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut check = |field: &str, v: Option<&str>, min: usize, max: usize| {
        if let Some(v) = v {
            let n = v.trim().chars().count();
            if n < min || n > max {
                out.push((field.to_owned(), format!("must be {min} to {max} characters")));
            }
        }
    };
    check("name", Some(&d.name), 1, 200);
    for (field, v, max) in [
        ("region", &d.region, 50),
        ("industry", &d.industry, 100),
        ("company_nature", &d.company_nature, 100),
        ("supervising_unit", &d.supervising_unit, 100),
        ("legal_representative", &d.legal_representative, 100),
        ("bank_name", &d.bank_name, 100),
        ("bank_account", &d.bank_account, 50),
        ("address", &d.address, 300),
    ] {
        check(field, v.as_deref(), 1, max);
    }
    if let Some(k) = contact {
        check("contacts[0].name", Some(&k.name), 1, 100);
        check("contacts[0].phone", k.phone.as_deref(), 0, 50);
    }
    out
}

struct Planner<'a> {
    caller: &'a Caller,
    today: chrono::NaiveDate,
    errors: Vec<FieldError>,
    codes: HashSet<String>,
    taxes: HashSet<String>,
    names: HashSet<String>,
}

impl Planner<'_> {
    /// The record if the caller may read it; the read is logged as any other.
    fn readable(&self, c: &mut DbConn, found: Option<Customer>) -> ApiResult<Option<Customer>> {
        let Some(cu) = found else { return Ok(None) };
        match archive::read(c, self.caller, &cu, ReadPurpose::Import) {
            Ok(_) => Ok(Some(cu)),
            Err(ApiError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn err(&mut self, row: usize, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError::new(format!("rows[{row}].{field}"), FieldCode::Invalid, message));
    }

    fn plan(&mut self, c: &mut DbConn, row: usize, m: &HashMap<&'static str, String>) -> ApiResult<Plan> {
        let caller = self.caller;
        for (field, msg) in check_codes(m) {
            self.err(row, field, msg);
        }
        let code = m.get("code").cloned();
        if let Some(code) = &code {
            if !self.codes.insert(code.clone()) {
                self.err(row, "code", "the same code appears twice in the file");
            }
        }
        let tax = m.get("tax_id").map(|t| rules::tax_key(t));
        if let Some(t) = &tax {
            if !self.taxes.insert(t.clone()) {
                self.err(row, "tax_id", "the same tax id appears twice in the file");
            }
        }
        // A record the caller may not read is, to this import, no record:
        // the same answer as an unknown code, and nothing of it changes.
        let existing = match (&code, &tax) {
            (Some(code), _) => match customers::by_code(c, caller.org_id, code)?.map(|cu| self.readable(c, Some(cu))).transpose()?.flatten() {
                Some(old) => Some(old),
                None => {
                    self.err(row, "code", "no customer you may change has this code; leave 客户编号 empty for a new customer");
                    return Ok(Plan::Unchanged);
                }
            },
            (None, Some(t)) => match customers::by_tax_key(c, caller.org_id, t)? {
                Some(found) => match self.readable(c, Some(found))? {
                    Some(old) => Some(old),
                    None => {
                        self.err(row, "tax_id", "a customer with this tax id is already in the archive");
                        return Ok(Plan::Unchanged);
                    }
                },
                None => None,
            },
            _ => None,
        };
        let contact = m.get("contact_name").map(|n| Contact { name: n.clone(), phone: m.get("contact_phone").cloned(), ..Contact::default() });
        let details = details_of(existing.as_ref(), m);
        for (field, message) in lengths(&details, contact.as_ref()) {
            self.err(row, &field, message);
        }
        for issue in details.check(contact.as_slice(), self.today) {
            self.err(row, &issue.field, issue.message);
        }
        if !self.names.insert(details.name_key()) {
            self.err(row, "name", "the same customer appears twice in the file");
        }
        match existing {
            Some(old) => self.update(c, row, m, old, details, contact),
            None => self.create(c, row, m, details, contact, code),
        }
    }

    fn update(
        &mut self,
        c: &mut DbConn,
        row: usize,
        m: &HashMap<&'static str, String>,
        old: Customer,
        details: CustomerDetails,
        contact: Option<Contact>,
    ) -> ApiResult<Plan> {
        let caller = self.caller;
        let archive_clerk = (caller.has(Role::Marketing) || caller.has(Role::MarketingManager)) && old.confidentiality == Confidentiality::Secret;
        let allowed = archive_clerk || (caller.has(Role::SalesManager) && rules::may_edit(&caller.actor(), &holding(&old, self.today)));
        if !allowed || old.status == CustomerStatus::Deregistered {
            self.err(row, "code", format!("you may not change {}", old.code));
            return Ok(Plan::Unchanged);
        }
        if let Some(owner) = m.get("owner") {
            if people::user(c, old.owner_id).map(|u| u.username).ok().as_deref() != Some(owner.as_str()) {
                self.err(row, "owner", "ownership changes through a transfer, not an import");
            }
        }
        let contact_changed = contact.as_ref().is_some_and(|k| Some(&k.name) != old.contact_name.as_ref() || k.phone != old.contact_phone);
        let same = CustomerDetails { first_contact_on: old.first_contact_on, ..details.clone() } == old.details();
        if same && !contact_changed {
            return Ok(Plan::Unchanged);
        }
        Ok(Plan::Update { old: Box::new(old), details, contact })
    }

    fn create(
        &mut self,
        c: &mut DbConn,
        row: usize,
        m: &HashMap<&'static str, String>,
        details: CustomerDetails,
        contact: Option<Contact>,
        code: Option<String>,
    ) -> ApiResult<Plan> {
        let caller = self.caller;
        if let Some(d) = customers::duplicates(c, caller.org_id, &details.name_key(), None, None)?.into_iter().next() {
            match self.readable(c, Some(d))? {
                Some(cu) => self.err(row, "name", format!("{} ({}) exists; give its code to update it", cu.name, cu.code)),
                None => self.err(row, "name", "a customer of this name is already in the archive"),
            }
        }
        let owner = match m.get("owner") {
            None => {
                self.err(row, "owner", "a new customer needs its salesperson's username");
                return Ok(Plan::Unchanged);
            }
            Some(u) => people::user_by_username(c, u)?.filter(|u| u.org_id == caller.org_id && u.active),
        };
        let Some(owner) = owner else {
            self.err(row, "owner", "no such active user");
            return Ok(Plan::Unchanged);
        };
        if !people::roles_of(c, owner.id)?.iter().any(|r| r.is_sales()) {
            self.err(row, "owner", "customers belong to a salesperson");
        }
        let manager_only = !(caller.has(Role::Marketing) || caller.has(Role::MarketingManager));
        if manager_only && owner.department_id != caller.department_id {
            self.err(row, "owner", "a sales manager imports for their own department");
        }
        if details.category == Category::Key {
            self.err(row, "category", "a key customer needs a second person: register it in the form");
        }
        Ok(Plan::Create { details, contact, code, owner })
    }
}

/// Checks every row, then (unless a dry run) applies them all: rows matched
/// by 客户编号, else 税号, are updated; the others are new and archived at
/// once (the archive clerk's import stands for the review).
pub fn import(tx: &mut Tx, ctx: &Ctx, (table, dry_run): (Table, bool)) -> ApiResult<ImportResult> {
    let caller = &ctx.caller;
    if !(caller.has(Role::Marketing) || caller.has(Role::MarketingManager) || caller.has(Role::SalesManager)) {
        return Err(ApiError::Forbidden("the marketing center's archive and sales managers import customers"));
    }
    let today = archive::today(tx, ctx.org())?;
    let mut planner = Planner { caller, today, errors: Vec::new(), codes: HashSet::new(), taxes: HashSet::new(), names: HashSet::new() };
    let mut plans = Vec::new();
    for (row, m) in &table.rows {
        plans.push(planner.plan(tx, *row, m)?);
    }
    if !planner.errors.is_empty() {
        let n = planner.errors.len();
        return Err(ApiError::Validation(format!("{n} error(s); nothing was imported"), planner.errors));
    }
    let mut r = ImportResult { rows: plans.len(), created: 0, updated: 0, unchanged: 0, dry_run };
    for p in &plans {
        match p {
            Plan::Create { .. } => r.created += 1,
            Plan::Update { .. } => r.updated += 1,
            Plan::Unchanged => r.unchanged += 1,
        }
    }
    if dry_run {
        return Ok(r);
    }
    apply(tx, ctx, plans, today)?;
    ctx.audit(tx, "customer.import", "customer", 0, serde_json::json!({"created": r.created, "updated": r.updated, "unchanged": r.unchanged}))?;
    Ok(r)
}

fn contact_row(customer_id: i64, position: i64, k: &Contact) -> NewContact {
    NewContact { customer_id, position, name: k.name.clone(), title: k.title.clone(), phone: k.phone.clone(), mobile: k.mobile.clone(), email: k.email.clone() }
}

fn apply(tx: &mut Tx, ctx: &Ctx, plans: Vec<Plan>, today: chrono::NaiveDate) -> ApiResult<()> {
    let policy = archive::archive_policy(tx, ctx.org())?;
    let source = ChangeSource::Import;
    for p in plans {
        match p {
            Plan::Unchanged => {}
            Plan::Create { details, contact, code, owner } => {
                let code = match code {
                    Some(code) => code,
                    None => next_code(tx, ctx.org())?,
                };
                let new = NewCustomer {
                    org_id: ctx.org(),
                    code,
                    owner_id: owner.id,
                    department_id: owner.department_id,
                    status: CustomerStatus::Active,
                    registration_due: None,
                    submitted_by: Some(ctx.user()),
                    submitted_at: Some(ctx.now),
                    archived_at: Some(ctx.now),
                    protected_until: Some(policy.protected_until(today, None)),
                    created_at: ctx.now,
                    updated_at: ctx.now,
                };
                let cu = customers::insert(tx, &new, &CustomerForm::from(&details))?;
                let rows: Vec<NewContact> = contact.iter().map(|k| contact_row(cu.id, 0, k)).collect();
                customers::replace_contacts(tx, cu.id, &rows)?;
                archive::refresh_derived(tx, &cu)?;
                archive::record(tx, cu.id, Change { field: ChangeField::Status, old: None, new: Some("active"), source }, Some(ctx.user()), ctx.now)?;
            }
            Plan::Update { old, details, contact } => {
                let updated = customers::update_form(tx, old.id, old.version, &CustomerForm::from(&details), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
                archive::record_diff(tx, &old, &updated, Some(ctx.user()), source, ctx.now)?;
                if let Some(k) = contact {
                    let mut list: Vec<Contact> = customers::contacts(tx, old.id)?
                        .into_iter()
                        .map(|x| Contact { name: x.name, title: x.title, phone: x.phone, mobile: x.mobile, email: x.email })
                        .collect();
                    let before = list.first().map(|x| format!("{} {}", x.name, x.phone.clone().unwrap_or_default()));
                    let after = format!("{} {}", k.name, k.phone.clone().unwrap_or_default());
                    // The same first contact as the file's: nothing changed, nothing to record.
                    if before.as_deref() == Some(after.as_str()) {
                        archive::refresh_derived(tx, &updated)?;
                        continue;
                    }
                    if list.is_empty() {
                        list.push(k.clone());
                    } else {
                        list[0] = Contact { title: list[0].title.clone(), mobile: list[0].mobile.clone(), email: list[0].email.clone(), ..k.clone() };
                    }
                    let rows: Vec<NewContact> = list.iter().enumerate().map(|(i, x)| contact_row(old.id, i as i64, x)).collect();
                    customers::replace_contacts(tx, old.id, &rows)?;
                    archive::record(
                        tx,
                        old.id,
                        Change { field: ChangeField::Contacts, old: before.as_deref(), new: Some(&after), source },
                        Some(ctx.user()),
                        ctx.now,
                    )?;
                }
                archive::refresh_derived(tx, &updated)?;
            }
        }
    }
    Ok(())
}
