//! Registering a customer (客户信息登记表) and editing its record.

use super::view::{build, CustomerView};
use super::{archive_policy, notify, read, record, record_diff, refresh_derived, today, Change};
use crate::app::{policy, Ctx, Tx};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult, FieldCode, FieldError, ProblemCode};
use kehu_domain::customer::{
    self as rules, Category, ChangeField, ChangeSource, Contact, CustomerDetails, CustomerStatus, DetailsPatch, ReadBasis, ReadPurpose,
};
use kehu_domain::notice::Notice;
use kehu_domain::Role;
use kehu_persistence::customers::{self, CustomerForm, NewContact, NewCustomer};
use kehu_persistence::{people, settings, DbConn};

/// A registration as filed: the form, its contacts, further staff, and the
/// owner (the caller unless a sales manager files for their staff).
pub struct Registration {
    pub code: Option<String>,
    pub details: CustomerDetails,
    pub contacts: Vec<Contact>,
    pub staff_ids: Vec<i64>,
    pub owner_id: Option<i64>,
}

/// An edit at the version the caller read; lists replace the whole list.
pub struct Edit {
    pub id: i64,
    pub version: i64,
    pub patch: DetailsPatch,
    pub contacts: Option<Vec<Contact>>,
    pub staff_ids: Option<Vec<i64>>,
}

fn contact_rows(customer_id: i64, list: &[Contact]) -> Vec<NewContact> {
    list.iter()
        .enumerate()
        .map(|(i, k)| NewContact {
            customer_id,
            position: i as i64,
            name: k.name.clone(),
            title: k.title.clone(),
            phone: k.phone.clone(),
            mobile: k.mobile.clone(),
            email: k.email.clone(),
        })
        .collect()
}

/// Assigned staff must be active salespeople of the company, not the owner;
/// a key customer needs at least the policy's number of people in all.
pub fn check_staff(conn: &mut DbConn, org_id: i64, owner_id: i64, category: Category, staff: &[i64], min_staff: u32) -> ApiResult<Vec<i64>> {
    let mut ids: Vec<i64> = staff.iter().copied().filter(|id| *id != owner_id).collect();
    ids.sort_unstable();
    ids.dedup();
    for (i, id) in ids.iter().enumerate() {
        let ok = people::user(conn, *id)
            .ok()
            .filter(|u| u.org_id == org_id && u.active)
            .is_some_and(|u| people::roles_of(conn, u.id).unwrap_or_default().iter().any(|r| r.is_sales()));
        if !ok {
            return Err(ApiError::field(&format!("staff_ids[{i}]"), FieldCode::NotFound, "no such active salesperson"));
        }
    }
    if !rules::staffed_enough(category, ids.len(), min_staff) {
        return Err(ApiError::field("staff_ids", FieldCode::KeyCustomerStaff, format!("a key customer needs at least {min_staff} staff including the owner")));
    }
    Ok(ids)
}

/// The next free archive code, `C-NNNNN`.
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

fn check_form(conn: &mut DbConn, ctx: &Ctx, details: &CustomerDetails, contacts: &[Contact]) -> ApiResult<()> {
    let issues = details.check(contacts, today(conn, ctx.org())?);
    ApiError::check(issues.into_iter().map(FieldError::from).collect())
}

fn reviewers(tx: &mut Tx, ctx: &Ctx, department_id: i64) -> ApiResult<Vec<i64>> {
    Ok(people::users_with_role(tx, ctx.org(), Role::SalesManager, Some(department_id))?.into_iter().filter(|u| *u != ctx.user()).collect())
}

/// Files a registration: it waits for the department manager's review;
/// duplicates by name or tax id are listed on the record.
pub fn register(tx: &mut Tx, ctx: &Ctx, r: Registration) -> ApiResult<CustomerView> {
    if !ctx.actor().any(Role::is_sales) {
        return Err(ApiError::Forbidden("customers are registered by sales"));
    }
    check_form(tx, ctx, &r.details, &r.contacts)?;
    let policy = archive_policy(tx, ctx.org())?;
    let owner = owner_for(tx, &ctx.caller, r.owner_id.unwrap_or(ctx.user()))?;
    let staff = check_staff(tx, ctx.org(), owner.id, r.details.category, &r.staff_ids, policy.key_customer_min_staff)?;
    let code = match r.code {
        Some(code) if customers::by_code(tx, ctx.org(), &code)?.is_some() => {
            return Err(ApiError::conflict(ProblemCode::CodeTaken, "a customer with this code exists"))
        }
        Some(code) => code,
        None => next_code(tx, ctx.org())?,
    };
    let first_contact = r.details.first_contact_on.unwrap_or(ctx.now.date());
    let due = policy::calendar(tx, ctx.org())?.add_working_days_to(first_contact, policy.registration_working_days);
    let new = NewCustomer {
        org_id: ctx.org(),
        code,
        owner_id: owner.id,
        department_id: owner.department_id,
        status: CustomerStatus::PendingReview,
        registration_due: Some(due),
        submitted_by: Some(ctx.user()),
        submitted_at: Some(ctx.now),
        archived_at: None,
        protected_until: None,
        created_at: ctx.now,
        updated_at: ctx.now,
    };
    let cu = customers::insert(tx, &new, &CustomerForm::from(&r.details))?;
    customers::replace_contacts(tx, cu.id, &contact_rows(cu.id, &r.contacts))?;
    customers::set_staff(tx, cu.id, &staff, ctx.user(), ctx.now)?;
    let cu = refresh_derived(tx, &cu)?;
    let change = Change { field: ChangeField::Status, old: None, new: Some(cu.status.as_str()), source: ChangeSource::Registration };
    record(tx, cu.id, change, Some(ctx.user()), ctx.now)?;
    let to = reviewers(tx, ctx, cu.department_id)?;
    notify(tx, ctx.org(), &to, &Notice::customer_review(cu.id, &cu.name, &cu.code), ctx.now)?;
    ctx.audit(tx, "customer.register", "customer", cu.id, serde_json::json!({"code": cu.code, "name": cu.name}))?;
    ctx.created_at_location(tx, &format!("/api/v1/customers/{}", cu.id))?;
    build(tx, ctx, cu, ReadBasis::Owner)
}

/// Changes a record (its owner or the department's sales manager); every
/// changed field is kept in the history.
pub fn edit(tx: &mut Tx, ctx: &Ctx, e: Edit) -> ApiResult<CustomerView> {
    let old = customers::get(tx, ctx.org(), e.id)?;
    let basis = read(tx, &ctx.caller, &old, ReadPurpose::Edit)?;
    if !rules::may_edit(&ctx.actor(), &super::holding(&old, today(tx, ctx.org())?)) {
        return Err(ApiError::Forbidden("only the owner or the department's sales manager edits a customer, and not after deregistration"));
    }
    if old.version != e.version {
        return Err(ApiError::PreconditionFailed);
    }
    let details = old.details().patched(e.patch);
    let old_contacts: Vec<Contact> = customers::contacts(tx, e.id)?
        .into_iter()
        .map(|k| Contact { name: k.name, title: k.title, phone: k.phone, mobile: k.mobile, email: k.email })
        .collect();
    let contacts = e.contacts.unwrap_or_else(|| old_contacts.clone());
    check_form(tx, ctx, &details, &contacts)?;
    let policy = archive_policy(tx, ctx.org())?;
    let old_staff = customers::staff(tx, e.id)?;
    let staff = check_staff(tx, ctx.org(), old.owner_id, details.category, e.staff_ids.as_deref().unwrap_or(&old_staff), policy.key_customer_min_staff)?;
    let updated = customers::update_form(tx, e.id, e.version, &CustomerForm::from(&details), ctx.now)?.ok_or(ApiError::PreconditionFailed)?;
    record_diff(tx, &old, &updated, Some(ctx.user()), ChangeSource::Edit, ctx.now)?;
    if contacts != old_contacts {
        customers::replace_contacts(tx, e.id, &contact_rows(e.id, &contacts))?;
        let show = |l: &[Contact]| l.iter().map(Contact::line).collect::<Vec<_>>().join("; ");
        let change = Change { field: ChangeField::Contacts, old: Some(&show(&old_contacts)), new: Some(&show(&contacts)), source: ChangeSource::Edit };
        record(tx, e.id, change, Some(ctx.user()), ctx.now)?;
    }
    if staff != old_staff {
        customers::set_staff(tx, e.id, &staff, ctx.user(), ctx.now)?;
        let show = |l: &[i64]| l.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        let change = Change { field: ChangeField::Staff, old: Some(&show(&old_staff)), new: Some(&show(&staff)), source: ChangeSource::Edit };
        record(tx, e.id, change, Some(ctx.user()), ctx.now)?;
    }
    let updated = refresh_derived(tx, &updated)?;
    ctx.audit(tx, "customer.update", "customer", e.id, serde_json::json!({"version": updated.version}))?;
    build(tx, ctx, updated, basis)
}
