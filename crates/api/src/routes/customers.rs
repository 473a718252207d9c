//! The customer archive: registration, the list, the record, edits.

use crate::app::complaint_view::Ref;
use crate::app::customers as archive;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldError, Problem};
use crate::error::{FieldCode, ProblemCode};
use crate::http::body::Json;
use crate::http::{cursor, etag, idempotency};
use crate::routes::audit;
pub use crate::routes::customer_types::*;
use crate::state::AppState;
use actix_web::{get, patch, post, web, HttpRequest, HttpResponse};
use chrono::{NaiveDate, Utc};
use kehu_domain::customer::{self as rules, Category, Confidentiality, CustomerClass, CustomerStatus, ReadBasis};
use kehu_domain::Role;
use kehu_persistence::customers::{self, Customer, CustomerFilter, CustomerForm, NewContact, NewCustomer};
use kehu_persistence::{people, settings, write_tx, DbConn};
use serde::Deserialize;
use std::collections::HashMap;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CustomerQuery {
    /// Part of the name, code, tax id, a contact's name or phone (width, case and spaces ignored).
    pub q: Option<String>,
    /// Default `active` (the customer list); `pending_review` is the review queue.
    #[param(value_type = Option<StatusCode>)]
    pub status: Option<CustomerStatus>,
    pub market: Option<MarketCode>,
    pub owner_id: Option<i64>,
    pub department_id: Option<i64>,
    #[param(value_type = Option<CategoryCode>)]
    pub category: Option<Category>,
    #[param(value_type = Option<ClassCode>)]
    pub customer_class: Option<CustomerClass>,
    #[param(value_type = Option<GradeCode>)]
    pub credit_grade: Option<rules::CreditGrade>,
    pub region: Option<String>,
    pub supply_hold: Option<bool>,
    /// Only customers past their protection period (the claim pool).
    pub claimable: Option<bool>,
    #[param(minimum = 1, maximum = 200)]
    pub limit: Option<i64>,
    pub cursor: Option<String>,
}

impl CustomerQuery {
    /// The list's filter; `text` is `q` folded for search.
    pub fn filter<'a>(&'a self, text: Option<&'a str>, today: NaiveDate) -> CustomerFilter<'a> {
        CustomerFilter {
            q: text,
            market: self.market.map(MarketCode::as_str),
            owner_id: self.owner_id,
            status: Some(self.status.unwrap_or(CustomerStatus::Active).as_str()),
            category: self.category.map(Category::as_str),
            customer_class: self.customer_class.map(CustomerClass::as_str),
            credit_grade: self.credit_grade.map(rules::CreditGrade::as_str),
            region: self.region.as_deref(),
            department_id: self.department_id,
            supply_hold: self.supply_hold,
            claimable_on: self.claimable.filter(|b| *b).map(|_| today),
        }
    }
}

pub fn summary(c: &Customer, owner_name: Option<String>, today: NaiveDate) -> CustomerSummary {
    CustomerSummary {
        id: c.id,
        code: c.code.clone(),
        name: c.name.clone(),
        kind: c.kind.clone(),
        market: c.market.clone(),
        status: c.status.clone(),
        category: c.category.clone(),
        customer_class: c.customer_class.clone(),
        credit_grade: c.credit_grade.clone(),
        region: c.region.clone(),
        confidentiality: c.confidentiality.clone(),
        supply_hold: c.supply_hold,
        owner_id: c.owner_id,
        owner_name,
        department_id: c.department_id,
        contact_name: c.contact_name.clone(),
        contact_phone: c.contact_phone.clone(),
        protected_until: c.protected_until,
        claimable: rules::is_claimable(archive::status(c), c.protected_until, today),
        submitted_at: c.submitted_at.map(|t| t.and_utc()),
        registration_due: c.registration_due,
        registration_late: match (c.registration_due, c.submitted_at) {
            (Some(due), Some(at)) => at.date() > due,
            _ => false,
        },
        version: c.version,
        updated_at: c.updated_at.and_utc(),
    }
}

/// Whether the caller edits the record: its owner or the owning
/// department's sales manager, while it is not deregistered.
pub fn may_edit(caller: &Caller, c: &Customer) -> bool {
    archive::status(c) != CustomerStatus::Deregistered
        && (c.owner_id == caller.user_id || (caller.has(Role::SalesManager) && c.department_id == caller.department_id))
}

/// Whether the caller reviews the registration: the owning department's
/// sales manager or the general manager, never its submitter.
pub fn may_review(caller: &Caller, c: &Customer) -> bool {
    archive::status(c) == CustomerStatus::PendingReview
        && c.submitted_by != Some(caller.user_id)
        && ((caller.has(Role::SalesManager) && c.department_id == caller.department_id) || caller.has(Role::Gm))
}

pub fn may_transfer(caller: &Caller, c: &Customer) -> bool {
    archive::status(c) != CustomerStatus::Deregistered && ((caller.has(Role::SalesManager) && c.department_id == caller.department_id) || caller.has(Role::Gm))
}

fn may_claim(caller: &Caller, c: &Customer, today: NaiveDate) -> bool {
    caller.roles.iter().any(|r| r.is_sales())
        && c.owner_id != caller.user_id
        && archive::level(c) == Confidentiality::Secret
        && rules::is_claimable(archive::status(c), c.protected_until, today)
}

pub fn build(conn: &mut DbConn, caller: &Caller, c: Customer, basis: ReadBasis) -> ApiResult<CustomerView> {
    let today = archive::today(conn, c.org_id)?;
    let contacts = customers::contacts(conn, c.id)?;
    let staff = customers::staff(conn, c.id)?;
    let show_duplicates = archive::status(&c) == CustomerStatus::PendingReview || archive::status(&c) == CustomerStatus::Rejected;
    let dups = if show_duplicates { customers::duplicates(conn, c.org_id, &c.name_key, c.tax_key.as_deref(), Some(c.id))? } else { Vec::new() };
    let mut ids: Vec<i64> = vec![c.owner_id];
    ids.extend(&staff);
    ids.extend(c.submitted_by);
    ids.extend(c.reviewed_by);
    ids.extend(dups.iter().map(|d| d.owner_id));
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let r = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let department_name = people::department_names(conn, &[c.department_id])?.pop().map(|(_, n)| n);
    let duplicates = dups.iter().map(|d| duplicate_view(d, &c.name_key, c.tax_key.as_deref(), r(d.owner_id))).collect();
    Ok(CustomerView {
        summary: summary(&c, names.get(&c.owner_id).cloned(), today),
        industry: c.industry.clone(),
        company_nature: c.company_nature.clone(),
        supervising_unit: c.supervising_unit.clone(),
        legal_representative: c.legal_representative.clone(),
        tax_id: c.tax_id.clone(),
        bank_name: c.bank_name.clone(),
        bank_account: c.bank_account.clone(),
        address: c.address.clone(),
        credit_limit: crate::http::money::show_opt(c.credit_limit_fen),
        payment_term_days: c.payment_term_days,
        supply_hold_reason: c.supply_hold_reason.clone(),
        first_contact_on: c.first_contact_on,
        submitted_by: c.submitted_by.map(r),
        reviewed_by: c.reviewed_by.map(r),
        reviewed_at: c.reviewed_at.map(|t| t.and_utc()),
        review_reason: c.review_reason.clone(),
        archived_at: c.archived_at.map(|t| t.and_utc()),
        last_deal_on: c.last_deal_on,
        department_name,
        contacts: contacts.into_iter().map(|k| ContactView { name: k.name, title: k.title, phone: k.phone, mobile: k.mobile, email: k.email }).collect(),
        staff: staff.iter().map(|id| r(*id)).collect(),
        duplicates,
        access: basis.as_str().to_owned(),
        can_edit: may_edit(caller, &c),
        can_review: may_review(caller, &c),
        can_claim: may_claim(caller, &c, today),
        can_transfer: may_transfer(caller, &c),
        can_resubmit: archive::status(&c) == CustomerStatus::Rejected && may_edit(caller, &c),
        created_at: c.created_at.and_utc(),
    })
}

pub fn duplicate_view(d: &Customer, name_key: &str, tax_key: Option<&str>, owner: Ref) -> DuplicateView {
    let mut matched = Vec::new();
    if d.name_key == name_key {
        matched.push("name".to_owned());
    }
    if tax_key.is_some() && d.tax_key.as_deref() == tax_key {
        matched.push("tax_id".to_owned());
    }
    DuplicateView {
        id: d.id,
        code: d.code.clone(),
        name: d.name.clone(),
        status: d.status.clone(),
        owner,
        matched,
        registered_at: d.submitted_at.map(|t| t.and_utc()),
    }
}

fn text(errors: &mut Vec<FieldError>, field: &str, v: Option<&str>, min: usize, max: usize) {
    if let Some(v) = v {
        let n = v.trim().chars().count();
        if n < min || n > max {
            errors.push(FieldError { field: field.into(), code: FieldCode::Length, message: format!("must be {min} to {max} characters") });
        }
    }
}

fn trimmed(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Checks the form and the contacts; fills the derived keys.
pub fn validate(form: &mut CustomerForm, contacts: &[ContactView], today: NaiveDate) -> ApiResult<()> {
    let mut e = Vec::new();
    text(&mut e, "name", Some(&form.name), 1, 200);
    for (field, v, max) in [
        ("region", &form.region, 50),
        ("industry", &form.industry, 100),
        ("company_nature", &form.company_nature, 100),
        ("supervising_unit", &form.supervising_unit, 100),
        ("legal_representative", &form.legal_representative, 100),
        ("bank_name", &form.bank_name, 100),
        ("bank_account", &form.bank_account, 50),
        ("address", &form.address, 300),
    ] {
        text(&mut e, field, v.as_deref(), 1, max);
    }
    if form.kind == "natural" {
        for (field, v) in [
            ("tax_id", &form.tax_id),
            ("bank_name", &form.bank_name),
            ("bank_account", &form.bank_account),
            ("legal_representative", &form.legal_representative),
        ] {
            if v.is_some() {
                e.push(FieldError { field: field.into(), code: FieldCode::LegalEntityOnly, message: "only legal entities have tax and bank data".into() });
            }
        }
    }
    form.tax_key = form.tax_id.as_deref().map(rules::tax_key);
    if let Some(k) = &form.tax_key {
        if k.len() != 18 {
            e.push(FieldError { field: "tax_id".into(), code: FieldCode::Format, message: "a unified social credit code has 18 letters and digits".into() });
        }
    }
    if form.first_contact_on.is_some_and(|d| d > today) {
        e.push(FieldError { field: "first_contact_on".into(), code: FieldCode::Future, message: "first contact cannot be in the future".into() });
    }
    if contacts.len() > 20 {
        e.push(FieldError { field: "contacts".into(), code: FieldCode::TooMany, message: "at most 20 contacts".into() });
    }
    for (i, k) in contacts.iter().enumerate() {
        text(&mut e, &format!("contacts[{i}].name"), Some(&k.name), 1, 100);
        text(&mut e, &format!("contacts[{i}].title"), k.title.as_deref(), 0, 100);
        text(&mut e, &format!("contacts[{i}].phone"), k.phone.as_deref(), 0, 50);
        text(&mut e, &format!("contacts[{i}].mobile"), k.mobile.as_deref(), 0, 50);
        text(&mut e, &format!("contacts[{i}].email"), k.email.as_deref(), 0, 200);
        if k.email.as_deref().is_some_and(|m| !m.trim().is_empty() && !m.contains('@')) {
            e.push(FieldError { field: format!("contacts[{i}].email"), code: FieldCode::Format, message: "not an email address".into() });
        }
    }
    if !e.is_empty() {
        return Err(ApiError::validation(e));
    }
    form.name = form.name.trim().to_owned();
    let key = rules::name_key(&form.name);
    form.name_key = if key.is_empty() { form.name.clone() } else { key };
    Ok(())
}

pub fn contact_rows(customer_id: i64, list: &[ContactView]) -> Vec<NewContact> {
    list.iter()
        .enumerate()
        .map(|(i, k)| NewContact {
            customer_id,
            position: i as i64,
            name: k.name.trim().to_owned(),
            title: trimmed(k.title.clone()),
            phone: trimmed(k.phone.clone()),
            mobile: trimmed(k.mobile.clone()),
            email: trimmed(k.email.clone()),
        })
        .collect()
}

/// Assigned staff must be active salespeople of the company, not the owner;
/// a key customer needs at least `key_customer_min_staff` people in all.
pub fn check_staff(conn: &mut DbConn, org_id: i64, owner_id: i64, category: &str, staff: &[i64], min_staff: u32) -> ApiResult<Vec<i64>> {
    let mut ids: Vec<i64> = staff.iter().copied().filter(|id| *id != owner_id).collect();
    ids.sort_unstable();
    ids.dedup();
    for (i, id) in ids.iter().enumerate() {
        let ok = people::user(conn, *id)
            .ok()
            .filter(|u| u.org_id == org_id && u.active)
            .is_some_and(|u| people::roles_of(conn, u.id).unwrap_or_default().iter().any(|r| r.parse::<Role>().is_ok_and(Role::is_sales)));
        if !ok {
            return Err(ApiError::field(&format!("staff_ids[{i}]"), FieldCode::NotFound, "no such active salesperson"));
        }
    }
    if category == Category::Key.as_str() && (ids.len() as u32 + 1) < min_staff {
        return Err(ApiError::field("staff_ids", FieldCode::KeyCustomerStaff, format!("a key customer needs at least {min_staff} staff including the owner")));
    }
    Ok(ids)
}

pub fn next_code(conn: &mut DbConn, org_id: i64) -> ApiResult<String> {
    loop {
        let n = settings::next_serial(conn, org_id, "customer")?;
        let code = format!("C-{n:05}");
        if customers::by_code(conn, org_id, &code)?.is_none() {
            return Ok(code);
        }
    }
}

fn owner_for(conn: &mut DbConn, caller: &Caller, owner_id: i64) -> ApiResult<people::User> {
    let owner = people::user(conn, owner_id).map_err(|_| ApiError::field("owner_id", FieldCode::NotFound, "no such user"))?;
    if owner.org_id != caller.org_id || !owner.active {
        return Err(ApiError::field("owner_id", FieldCode::NotFound, "no such active user"));
    }
    if owner_id != caller.user_id && !(caller.has(Role::SalesManager) && owner.department_id == caller.department_id) {
        return Err(ApiError::Forbidden("only a sales manager files a registration for someone in their department"));
    }
    Ok(owner)
}

/// File a customer registration form (客户信息登记表). It waits for the
/// department manager's review; duplicates by name or tax id are listed on
/// the record.
#[utoipa::path(tag = "customers", operation_id = "createCustomer", security(("bearer" = [])), request_body = NewCustomerRequest,
    params(("Idempotency-Key" = Option<String>, Header, description = "Makes a retry safe")),
    responses((status = 201, body = CustomerView),
        (status = 303, description = "An earlier request with this Idempotency-Key registered the customer but its answer was lost: it is at Location", headers(("Location" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json"), (status = 409, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[post("/customers")]
pub async fn create_customer(state: web::Data<AppState>, caller: Caller, req: HttpRequest, body: Json<NewCustomerRequest>) -> ApiResult<HttpResponse> {
    if !caller.roles.iter().any(|r| r.is_sales()) {
        return Err(ApiError::Forbidden("customers are registered by sales"));
    }
    let b = body.0;
    let mut form = CustomerForm {
        name: b.name,
        kind: b.kind.as_str().into(),
        market: b.market.as_str().into(),
        address: trimmed(b.address),
        category: b.category.unwrap_or(Category::General).as_str().into(),
        customer_class: b.customer_class.map(|c| c.as_str().into()),
        region: trimmed(b.region),
        industry: trimmed(b.industry),
        company_nature: trimmed(b.company_nature),
        supervising_unit: trimmed(b.supervising_unit),
        legal_representative: trimmed(b.legal_representative),
        tax_id: trimmed(b.tax_id),
        bank_name: trimmed(b.bank_name),
        bank_account: trimmed(b.bank_account),
        confidentiality: b.confidentiality.unwrap_or(Confidentiality::Secret).as_str().into(),
        first_contact_on: Some(b.first_contact_on),
        ..Default::default()
    };
    if let Some(code) = &b.code {
        let mut e = Vec::new();
        text(&mut e, "code", Some(code), 1, 32);
        if !e.is_empty() {
            return Err(ApiError::validation(e));
        }
    }
    let rid = audit::request_id(&req);
    let claim = idempotency::Claim::of(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let today = archive::today(c, caller.org_id)?;
                validate(&mut form, &b.contacts, today)?;
                let policy = archive::archive_policy(c, caller.org_id)?;
                let owner = owner_for(c, &caller, b.owner_id.unwrap_or(caller.user_id))?;
                let staff = check_staff(c, caller.org_id, owner.id, &form.category, &b.staff_ids, policy.key_customer_min_staff)?;
                let code = match b.code.as_deref().map(str::trim) {
                    Some(code) => {
                        if customers::by_code(c, caller.org_id, code)?.is_some() {
                            return Err(ApiError::conflict(ProblemCode::CodeTaken, "a customer with this code exists"));
                        }
                        code.to_owned()
                    }
                    None => next_code(c, caller.org_id)?,
                };
                let cal = crate::app::policy::calendar(c, caller.org_id)?;
                let due = cal.add_working_days_to(b.first_contact_on, policy.registration_working_days);
                let now = Utc::now().naive_utc();
                let cu = customers::insert(
                    c,
                    &NewCustomer {
                        org_id: caller.org_id,
                        code,
                        owner_id: owner.id,
                        department_id: owner.department_id,
                        status: CustomerStatus::PendingReview.as_str().into(),
                        registration_due: Some(due),
                        submitted_by: Some(caller.user_id),
                        submitted_at: Some(now),
                        archived_at: None,
                        protected_until: None,
                        created_at: now,
                        updated_at: now,
                    },
                    &form,
                )?;
                customers::replace_contacts(c, cu.id, &contact_rows(cu.id, &b.contacts))?;
                customers::set_staff(c, cu.id, &staff, caller.user_id, now)?;
                let cu = archive::refresh_derived(c, &cu)?;
                archive::record(c, cu.id, "status", None, Some(&cu.status), Some(caller.user_id), "registration", now)?;
                let reviewers = people::users_with_role(c, caller.org_id, Role::SalesManager.as_str(), Some(cu.department_id))?;
                let reviewers: Vec<i64> = reviewers.into_iter().filter(|u| *u != caller.user_id).collect();
                archive::notify(c, caller.org_id, &reviewers, "customer_review", &format!("客户建档待审核：{}", cu.name), &cu.code, now)?;
                audit::write(c, &caller, "customer.register", "customer", cu.id, &rid, serde_json::json!({"code": cu.code, "name": cu.name}))?;
                idempotency::mark_applied(c, &claim, &format!("/api/v1/customers/{}", cu.id))?;
                build(c, &caller, cu, ReadBasis::Owner)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Created(), ver, &v))
}

/// The customers the caller may read, by name. Defaults to archived
/// (`active`) customers: the customer list (客户一览表).
#[utoipa::path(tag = "customers", operation_id = "listCustomers", security(("bearer" = [])), params(CustomerQuery), responses((status = 200, body = CustomerPage), (status = 422, body = Problem, content_type = "application/problem+json")))]
#[get("/customers")]
pub async fn list_customers(state: web::Data<AppState>, caller: Caller, q: web::Query<CustomerQuery>) -> ApiResult<HttpResponse> {
    let q = q.into_inner();
    let limit = cursor::limit(q.limit)?;
    let after: Option<(String, i64)> = q.cursor.as_deref().map(cursor::decode).transpose()?;
    let page = state
        .db(move |c| {
            let today = archive::today(c, caller.org_id)?;
            let now = Utc::now().naive_utc();
            let scope = archive::read_scope(&caller, today, now);
            let text = q.q.as_deref().map(rules::search_query).filter(|s| !s.is_empty());
            let f = q.filter(text.as_deref(), today);
            let rows = customers::page(c, caller.org_id, Some(&scope), &f, after, limit + 1)?;
            let more = rows.len() as i64 > limit;
            let owners: Vec<i64> = rows.iter().map(|r| r.owner_id).collect();
            let names: HashMap<i64, String> = people::display_names(c, &owners)?.into_iter().collect();
            let items: Vec<CustomerSummary> = rows.iter().take(limit as usize).map(|r| summary(r, names.get(&r.owner_id).cloned(), today)).collect();
            let next_cursor = if more { items.last().map(|l| cursor::encode(&(l.name.clone(), l.id))) } else { None };
            Ok(CustomerPage { items, next_cursor })
        })
        .await?;
    Ok(HttpResponse::Ok().json(page))
}

/// One customer record. A read by anyone but its owner and assigned staff is
/// logged; without a basis to read it the record does not exist (404).
#[utoipa::path(tag = "customers", operation_id = "getCustomer", security(("bearer" = [])), params(("id" = i64, Path)), responses((status = 200, body = CustomerView), (status = 304, description = "Not modified"), (status = 404, body = Problem, content_type = "application/problem+json")))]
#[get("/customers/{id}")]
pub async fn get_customer(state: web::Data<AppState>, caller: Caller, req: HttpRequest, id: web::Path<i64>) -> ApiResult<HttpResponse> {
    let id = id.into_inner();
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let cu = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &cu, "record")?;
                build(c, &caller, cu, basis)
            })
        })
        .await?;
    Ok(etag::respond(&req, v.summary.version, &v))
}

/// Change a customer (its owner or the department's sales manager). Every
/// changed field is kept in the history. Needs `If-Match`.
#[utoipa::path(tag = "customers", operation_id = "updateCustomer", security(("bearer" = [])), request_body = CustomerPatch,
    params(("id" = i64, Path), ("If-Match" = String, Header, description = "ETag of the version you edit")),
    responses((status = 200, body = CustomerView), (status = 403, body = Problem, content_type = "application/problem+json"), (status = 404, body = Problem, content_type = "application/problem+json"), (status = 412, body = Problem, content_type = "application/problem+json"), (status = 422, body = Problem, content_type = "application/problem+json"), (status = 428, body = Problem, content_type = "application/problem+json")))]
#[patch("/customers/{id}")]
pub async fn update_customer(
    state: web::Data<AppState>,
    caller: Caller,
    req: HttpRequest,
    id: web::Path<i64>,
    body: Json<CustomerPatch>,
) -> ApiResult<HttpResponse> {
    let version = etag::if_match(&req)?;
    let b = body.0;
    let id = id.into_inner();
    let rid = audit::request_id(&req);
    let v = state
        .db(move |c| {
            write_tx(c, |c| {
                let old = customers::get(c, caller.org_id, id)?;
                let basis = archive::read(c, &caller, &old, "edit")?;
                if !may_edit(&caller, &old) {
                    return Err(ApiError::Forbidden("only the owner or the department's sales manager edits a customer, and not after deregistration"));
                }
                if old.version != version {
                    return Err(ApiError::PreconditionFailed);
                }
                let today = archive::today(c, caller.org_id)?;
                let pick = |new: Option<Option<String>>, cur: &Option<String>| match new {
                    Some(v) => trimmed(v),
                    None => cur.clone(),
                };
                let mut form = CustomerForm {
                    name: b.name.clone().unwrap_or(old.name.clone()),
                    kind: b.kind.map(|k| k.as_str().to_owned()).unwrap_or(old.kind.clone()),
                    market: b.market.map(|m| m.as_str().to_owned()).unwrap_or(old.market.clone()),
                    address: pick(b.address.clone(), &old.address),
                    category: b.category.map(|k| k.as_str().to_owned()).unwrap_or(old.category.clone()),
                    customer_class: match b.customer_class {
                        Some(v) => v.map(|k| k.as_str().to_owned()),
                        None => old.customer_class.clone(),
                    },
                    region: pick(b.region.clone(), &old.region),
                    industry: pick(b.industry.clone(), &old.industry),
                    company_nature: pick(b.company_nature.clone(), &old.company_nature),
                    supervising_unit: pick(b.supervising_unit.clone(), &old.supervising_unit),
                    legal_representative: pick(b.legal_representative.clone(), &old.legal_representative),
                    tax_id: pick(b.tax_id.clone(), &old.tax_id),
                    bank_name: pick(b.bank_name.clone(), &old.bank_name),
                    bank_account: pick(b.bank_account.clone(), &old.bank_account),
                    confidentiality: b.confidentiality.map(|k| k.as_str().to_owned()).unwrap_or(old.confidentiality.clone()),
                    first_contact_on: b.first_contact_on.or(old.first_contact_on),
                    ..Default::default()
                };
                let old_contacts: Vec<ContactView> = customers::contacts(c, id)?
                    .into_iter()
                    .map(|k| ContactView { name: k.name, title: k.title, phone: k.phone, mobile: k.mobile, email: k.email })
                    .collect();
                let contacts = b.contacts.clone().unwrap_or(old_contacts.clone());
                validate(&mut form, &contacts, today)?;
                let policy = archive::archive_policy(c, caller.org_id)?;
                let old_staff = customers::staff(c, id)?;
                let staff =
                    check_staff(c, caller.org_id, old.owner_id, &form.category, b.staff_ids.as_deref().unwrap_or(&old_staff), policy.key_customer_min_staff)?;
                let now = Utc::now().naive_utc();
                let updated = customers::update_form(c, id, version, &form, now)?.ok_or(ApiError::PreconditionFailed)?;
                archive::record_diff(c, &old, &updated, Some(caller.user_id), "edit", now)?;
                let new_contacts = contact_rows(id, &contacts);
                if new_contacts != contact_rows(id, &old_contacts) {
                    customers::replace_contacts(c, id, &new_contacts)?;
                    let show = |l: &[ContactView]| l.iter().map(contact_line).collect::<Vec<_>>().join("; ");
                    archive::record(c, id, "contacts", Some(&show(&old_contacts)), Some(&show(&contacts)), Some(caller.user_id), "edit", now)?;
                }
                if staff != old_staff {
                    customers::set_staff(c, id, &staff, caller.user_id, now)?;
                    let show = |l: &[i64]| l.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
                    archive::record(c, id, "staff", Some(&show(&old_staff)), Some(&show(&staff)), Some(caller.user_id), "edit", now)?;
                }
                let updated = archive::refresh_derived(c, &updated)?;
                audit::write(c, &caller, "customer.update", "customer", id, &rid, serde_json::json!({"version": updated.version}))?;
                build(c, &caller, updated, basis)
            })
        })
        .await?;
    let ver = v.summary.version;
    Ok(etag::with_etag(HttpResponse::Ok(), ver, &v))
}

fn contact_line(k: &ContactView) -> String {
    [Some(k.name.as_str()), k.title.as_deref(), k.phone.as_deref(), k.mobile.as_deref(), k.email.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ")
}
