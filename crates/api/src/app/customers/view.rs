//! The customer record as clients see it.

use super::{holding, today};
use crate::app::views::Ref;
use crate::app::Ctx;
use crate::error::ApiResult;
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::customer::{self as rules, Category, Confidentiality, Contact, CreditGrade, CustomerClass, CustomerKind, CustomerStatus, ReadBasis};
use kehu_domain::deadline::Market;
use kehu_persistence::customers::{self, Customer};
use kehu_persistence::{people, DbConn};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::ToSchema;

/// One contact person (联系人).
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq, validator::Validate)]
#[serde(deny_unknown_fields)]
pub struct ContactView {
    #[schema(min_length = 1, max_length = 100, example = "王经理")]
    #[validate(
        custom(function = "crate::error::not_blank", code = "length", message = "must be 1 to 100 characters"),
        length(max = 100, code = "length", message = "must be 1 to 100 characters")
    )]
    pub name: String,
    #[schema(max_length = 100, example = "采购部经理")]
    #[validate(length(max = 100, code = "length", message = "must be 0 to 100 characters"))]
    pub title: Option<String>,
    #[schema(max_length = 50, example = "0512-6000 0000")]
    #[validate(length(max = 50, code = "length", message = "must be 0 to 50 characters"))]
    pub phone: Option<String>,
    #[schema(max_length = 50, example = "139 1234 5678")]
    #[validate(length(max = 50, code = "length", message = "must be 0 to 50 characters"))]
    pub mobile: Option<String>,
    #[schema(max_length = 200, example = "wang@example.com")]
    #[validate(length(max = 200, code = "length", message = "must be 0 to 200 characters"))]
    pub email: Option<String>,
}

fn trimmed(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

impl From<&ContactView> for Contact {
    fn from(k: &ContactView) -> Contact {
        Contact { name: k.name.trim().to_owned(), title: trimmed(&k.title), phone: trimmed(&k.phone), mobile: trimmed(&k.mobile), email: trimmed(&k.email) }
    }
}

impl From<Contact> for ContactView {
    fn from(k: Contact) -> ContactView {
        ContactView { name: k.name, title: k.title, phone: k.phone, mobile: k.mobile, email: k.email }
    }
}

/// A row of the customer list (客户一览表).
#[derive(Serialize, ToSchema)]
pub struct CustomerSummary {
    pub id: i64,
    #[schema(example = "C-00012")]
    pub code: String,
    #[schema(example = "苏州精密机械有限公司")]
    pub name: String,
    pub kind: CustomerKind,
    pub market: Market,
    pub status: CustomerStatus,
    pub category: Category,
    pub customer_class: Option<CustomerClass>,
    pub credit_grade: Option<CreditGrade>,
    pub region: Option<String>,
    pub confidentiality: Confidentiality,
    /// 暂停供货
    pub supply_hold: bool,
    pub owner_id: i64,
    pub owner_name: Option<String>,
    pub department_id: i64,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub protected_until: Option<NaiveDate>,
    /// Past its protection period: another salesperson may claim it.
    pub claimable: bool,
    pub submitted_at: Option<DateTime<Utc>>,
    /// The registration form was due this day (5 working days after first contact).
    pub registration_due: Option<NaiveDate>,
    /// Filed after `registration_due`.
    pub registration_late: bool,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// Another record with the same normalised name or tax id.
#[derive(Serialize, ToSchema)]
pub struct DuplicateView {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub status: CustomerStatus,
    pub owner: Ref,
    /// Which key matched: `name` or `tax_id`.
    pub matched: Vec<String>,
    pub registered_at: Option<DateTime<Utc>>,
}

/// The whole record (客户档案), with what the caller may do with it.
#[derive(Serialize, ToSchema)]
pub struct CustomerView {
    #[serde(flatten)]
    pub summary: CustomerSummary,
    pub industry: Option<String>,
    pub company_nature: Option<String>,
    pub supervising_unit: Option<String>,
    pub legal_representative: Option<String>,
    pub tax_id: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub address: Option<String>,
    /// 信用额度, CNY.
    #[schema(pattern = "^[0-9]+\\.[0-9]{2}$", example = "500000.00")]
    pub credit_limit: Option<String>,
    /// 账期 in days; 0 = payment before delivery.
    pub payment_term_days: i64,
    /// Why supply is on hold (暂停供货).
    pub supply_hold_reason: Option<String>,
    pub first_contact_on: Option<NaiveDate>,
    pub submitted_by: Option<Ref>,
    pub reviewed_by: Option<Ref>,
    pub reviewed_at: Option<DateTime<Utc>>,
    /// The reviewer's reason (required when rejecting).
    pub review_reason: Option<String>,
    pub archived_at: Option<DateTime<Utc>>,
    pub last_deal_on: Option<NaiveDate>,
    pub department_name: Option<String>,
    pub contacts: Vec<ContactView>,
    /// Further assigned staff (重点客户 need at least two people in all).
    pub staff: Vec<Ref>,
    /// Other records with the same name or tax id (not for a deregistered
    /// record); one the caller may not read shows its code only.
    pub duplicates: Vec<DuplicateView>,
    /// Why the caller may read the record.
    pub access: ReadBasis,
    pub can_edit: bool,
    pub can_review: bool,
    pub can_claim: bool,
    /// The department's sales manager or the GM may give it to someone else.
    pub can_transfer: bool,
    /// The owner may resubmit a rejected registration.
    pub can_resubmit: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CustomerPage {
    pub items: Vec<CustomerSummary>,
    pub next_cursor: Option<String>,
}

pub fn summary(c: &Customer, owner_name: Option<String>, today: NaiveDate) -> CustomerSummary {
    CustomerSummary {
        id: c.id,
        code: c.code.clone(),
        name: c.name.clone(),
        kind: c.kind,
        market: c.market,
        status: c.status,
        category: c.category,
        customer_class: c.customer_class,
        credit_grade: c.credit_grade,
        region: c.region.clone(),
        confidentiality: c.confidentiality,
        supply_hold: c.supply_hold,
        owner_id: c.owner_id,
        owner_name,
        department_id: c.department_id,
        contact_name: c.contact_name.clone(),
        contact_phone: c.contact_phone.clone(),
        protected_until: c.protected_until,
        claimable: rules::is_claimable(c.status, c.protected_until, today),
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

/// The whole record for the caller, who reads it on `basis`.
pub fn build(conn: &mut DbConn, ctx: &Ctx, c: Customer, basis: ReadBasis) -> ApiResult<CustomerView> {
    let today = today(conn, c.org_id)?;
    let contacts = customers::contacts(conn, c.id)?;
    let staff = customers::staff(conn, c.id)?;
    // Pending, rejected and archived records alike: an edit that gives an
    // archived record another one's name or tax id is flagged as a
    // registration is. Records the caller may not read show by code only.
    let dups = if c.status == CustomerStatus::Deregistered {
        Vec::new()
    } else {
        customers::duplicates(conn, c.org_id, &c.name_key, c.tax_key.as_deref(), Some(c.id))?
    };
    let shown = if dups.is_empty() { Default::default() } else { super::shown(conn, &ctx.caller, &dups.iter().map(|d| d.id).collect::<Vec<_>>())? };
    let mut ids: Vec<i64> = vec![c.owner_id];
    ids.extend(&staff);
    ids.extend(c.submitted_by);
    ids.extend(c.reviewed_by);
    ids.extend(dups.iter().map(|d| d.owner_id));
    let names: HashMap<i64, String> = people::display_names(conn, &ids)?.into_iter().collect();
    let r = |id: i64| Ref { id, name: names.get(&id).cloned().unwrap_or_default() };
    let department_name = people::department_names(conn, &[c.department_id])?.pop().map(|(_, n)| n);
    let duplicates = dups
        .iter()
        .map(|d| {
            let mut v = duplicate_view(d, &c.name_key, c.tax_key.as_deref(), r(d.owner_id));
            if !shown.get(&d.id).is_some_and(|s| s.readable) {
                v.name = d.code.clone();
                v.owner = Ref { id: 0, name: String::new() };
            }
            v
        })
        .collect();
    let (actor, h) = (ctx.actor(), holding(&c, today));
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
        access: basis,
        can_edit: rules::may_edit(&actor, &h),
        can_review: rules::may_review(&actor, &h),
        can_claim: rules::may_claim(&actor, &h),
        can_transfer: rules::may_transfer(&actor, &h),
        can_resubmit: rules::may_resubmit(&actor, &h),
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
    DuplicateView { id: d.id, code: d.code.clone(), name: d.name.clone(), status: d.status, owner, matched, registered_at: d.submitted_at.map(|t| t.and_utc()) }
}
