//! The customer archive's request bodies and queries, their field rules,
//! and the commands they become.

use crate::app::customers::register::{Edit, Registration};
use crate::app::customers::view::ContactView;
use crate::error::{broken_rules, not_blank, ApiError, ApiResult, FieldCode, FieldError};
use crate::http::body::trimmed;
use chrono::NaiveDate;
use kehu_domain::customer::{Category, Confidentiality, Contact, CustomerClass, CustomerDetails, CustomerKind, DetailsPatch};
use kehu_domain::deadline::Market;
use serde::{Deserialize, Deserializer};
use utoipa::ToSchema;
use validator::Validate;

/// The registration form (客户信息登记表).
#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct NewCustomerRequest {
    /// Given by the archive; generated (C-NNNNN) when absent.
    #[schema(min_length = 1, max_length = 32, example = "C-00012")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "must be 1 to 32 characters"),
        length(max = 32, code = "length", message = "must be 1 to 32 characters")
    )]
    pub code: Option<String>,
    #[schema(min_length = 1, max_length = 200, example = "苏州精密机械有限公司")]
    #[validate(
        custom(function = "not_blank", code = "length", message = "must be 1 to 200 characters"),
        length(max = 200, code = "length", message = "must be 1 to 200 characters")
    )]
    pub name: String,
    pub kind: CustomerKind,
    pub market: Market,
    pub category: Option<Category>,
    pub customer_class: Option<CustomerClass>,
    #[schema(max_length = 50, example = "华东")]
    #[validate(length(max = 50, code = "length", message = "must be 1 to 50 characters"))]
    pub region: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "must be 1 to 100 characters"))]
    pub industry: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "must be 1 to 100 characters"))]
    pub company_nature: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "must be 1 to 100 characters"))]
    pub supervising_unit: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "must be 1 to 100 characters"))]
    pub legal_representative: Option<String>,
    /// 统一社会信用代码: 18 letters and digits (legal entities only).
    #[schema(example = "91320500MA1XXXXX0X")]
    pub tax_id: Option<String>,
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "length", message = "must be 1 to 100 characters"))]
    pub bank_name: Option<String>,
    #[schema(max_length = 50)]
    #[validate(length(max = 50, code = "length", message = "must be 1 to 50 characters"))]
    pub bank_account: Option<String>,
    #[schema(max_length = 300)]
    #[validate(length(max = 300, code = "length", message = "must be 1 to 300 characters"))]
    pub address: Option<String>,
    pub confidentiality: Option<Confidentiality>,
    /// The day of first contact; the form is due 5 working days later.
    pub first_contact_on: NaiveDate,
    #[serde(default)]
    #[schema(max_items = 20)]
    #[validate(nested)]
    pub contacts: Vec<ContactView>,
    /// Further staff assigned beside the owner.
    #[serde(default)]
    #[schema(max_items = 10)]
    pub staff_ids: Vec<i64>,
    /// Defaults to the caller; a sales manager may file for their staff.
    pub owner_id: Option<i64>,
}

/// Deserialises a present field (even `null`) as `Some`, so that a patch
/// tells "clear it" from "leave it".
fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// Fields to change; absent fields stay, `null` clears an optional field.
#[derive(Deserialize, ToSchema, Default, Validate)]
#[serde(deny_unknown_fields)]
pub struct CustomerPatch {
    #[schema(min_length = 1, max_length = 200)]
    #[validate(
        custom(function = "not_blank", code = "length", message = "must be 1 to 200 characters"),
        length(max = 200, code = "length", message = "must be 1 to 200 characters")
    )]
    pub name: Option<String>,
    pub kind: Option<CustomerKind>,
    pub market: Option<Market>,
    pub category: Option<Category>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<CustomerClass>)]
    pub customer_class: Option<Option<CustomerClass>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 50)]
    pub region: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub industry: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub company_nature: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub supervising_unit: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub legal_representative: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub tax_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 100)]
    pub bank_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 50)]
    pub bank_account: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 300)]
    pub address: Option<Option<String>>,
    pub confidentiality: Option<Confidentiality>,
    pub first_contact_on: Option<NaiveDate>,
    /// Replaces the whole list.
    #[schema(max_items = 20)]
    #[validate(nested)]
    pub contacts: Option<Vec<ContactView>>,
    /// Replaces the further assigned staff.
    #[schema(max_items = 10)]
    pub staff_ids: Option<Vec<i64>>,
}

/// The cleared-or-set text fields validator cannot reach through two Options.
fn too_long(errors: &mut Vec<FieldError>, field: &str, v: &Option<Option<String>>, max: usize) {
    if v.as_ref().and_then(|x| x.as_ref()).is_some_and(|s| s.trim().chars().count() > max) {
        errors.push(FieldError::new(field, FieldCode::Length, format!("must be 1 to {max} characters")));
    }
}

impl TryFrom<NewCustomerRequest> for Registration {
    type Error = ApiError;
    fn try_from(b: NewCustomerRequest) -> ApiResult<Registration> {
        ApiError::check(broken_rules(b.validate()))?;
        let details = CustomerDetails {
            name: b.name.trim().to_owned(),
            kind: b.kind,
            market: b.market,
            address: trimmed(b.address),
            category: b.category.unwrap_or(Category::General),
            customer_class: b.customer_class,
            region: trimmed(b.region),
            industry: trimmed(b.industry),
            company_nature: trimmed(b.company_nature),
            supervising_unit: trimmed(b.supervising_unit),
            legal_representative: trimmed(b.legal_representative),
            tax_id: trimmed(b.tax_id),
            bank_name: trimmed(b.bank_name),
            bank_account: trimmed(b.bank_account),
            confidentiality: b.confidentiality.unwrap_or(Confidentiality::Secret),
            first_contact_on: Some(b.first_contact_on),
        };
        Ok(Registration {
            code: b.code.map(|c| c.trim().to_owned()),
            details,
            contacts: b.contacts.iter().map(Contact::from).collect(),
            staff_ids: b.staff_ids,
            owner_id: b.owner_id,
        })
    }
}

impl TryFrom<(i64, i64, CustomerPatch)> for Edit {
    type Error = ApiError;
    fn try_from((id, version, b): (i64, i64, CustomerPatch)) -> ApiResult<Edit> {
        let mut errors = broken_rules(b.validate());
        for (field, v, max) in [
            ("region", &b.region, 50),
            ("industry", &b.industry, 100),
            ("company_nature", &b.company_nature, 100),
            ("supervising_unit", &b.supervising_unit, 100),
            ("legal_representative", &b.legal_representative, 100),
            ("bank_name", &b.bank_name, 100),
            ("bank_account", &b.bank_account, 50),
            ("address", &b.address, 300),
        ] {
            too_long(&mut errors, field, v, max);
        }
        ApiError::check(errors)?;
        let clear = |v: Option<Option<String>>| v.map(trimmed);
        let patch = DetailsPatch {
            name: b.name.map(|n| n.trim().to_owned()),
            kind: b.kind,
            market: b.market,
            category: b.category,
            customer_class: b.customer_class,
            region: clear(b.region),
            industry: clear(b.industry),
            company_nature: clear(b.company_nature),
            supervising_unit: clear(b.supervising_unit),
            legal_representative: clear(b.legal_representative),
            tax_id: clear(b.tax_id),
            bank_name: clear(b.bank_name),
            bank_account: clear(b.bank_account),
            address: clear(b.address),
            confidentiality: b.confidentiality,
            first_contact_on: b.first_contact_on,
        };
        Ok(Edit { id, version, patch, contacts: b.contacts.map(|l| l.iter().map(Contact::from).collect()), staff_ids: b.staff_ids })
    }
}
