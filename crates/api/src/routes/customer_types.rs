//! The customer archive's JSON shapes. Coded fields are typed as the domain
//! enums (serde checks the codes); the `*Code` enums only describe them in
//! the OpenAPI document.

use crate::app::complaint_view::Ref;
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::customer::{Category, Confidentiality, CustomerClass};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum CustomerKind {
    /// 法人客户
    Legal,
    /// 自然人客户
    Natural,
}

impl CustomerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CustomerKind::Legal => "legal",
            CustomerKind::Natural => "natural",
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum MarketCode {
    Domestic,
    Foreign,
}

impl MarketCode {
    pub fn as_str(self) -> &'static str {
        match self {
            MarketCode::Domestic => "domestic",
            MarketCode::Foreign => "foreign",
        }
    }
}

impl From<MarketCode> for kehu_domain::deadline::Market {
    fn from(m: MarketCode) -> Self {
        match m {
            MarketCode::Domestic => kehu_domain::deadline::Market::Domestic,
            MarketCode::Foreign => kehu_domain::deadline::Market::Foreign,
        }
    }
}

/// 客户类别: target 目标, general 一般, key 重点, potential 潜在.
#[derive(ToSchema)]
#[schema(as = CustomerCategory)]
#[allow(dead_code)]
pub enum CategoryCode {
    #[schema(rename = "target")]
    Target,
    #[schema(rename = "general")]
    General,
    #[schema(rename = "key")]
    Key,
    #[schema(rename = "potential")]
    Potential,
}

/// Class A/B/C.
#[derive(ToSchema)]
#[schema(as = CustomerClass)]
#[allow(dead_code)]
pub enum ClassCode {
    A,
    B,
    C,
}

/// 客户等级 (credit grade).
#[derive(ToSchema)]
#[schema(as = CreditGrade)]
#[allow(dead_code)]
pub enum GradeCode {
    #[schema(rename = "AAA")]
    Aaa,
    #[schema(rename = "AA")]
    Aa,
    A,
    B,
}

/// 密级: 秘密 secret, 机密 confidential, 绝密 top_secret.
#[derive(ToSchema)]
#[schema(as = Confidentiality)]
#[allow(dead_code)]
pub enum ConfidentialityCode {
    #[schema(rename = "secret")]
    Secret,
    #[schema(rename = "confidential")]
    Confidential,
    #[schema(rename = "top_secret")]
    TopSecret,
}

/// pending_review 待审核, rejected 已退回, active 已建档, deregistered 已注销.
#[derive(ToSchema)]
#[schema(as = CustomerStatus)]
#[allow(dead_code)]
pub enum StatusCode {
    #[schema(rename = "pending_review")]
    PendingReview,
    #[schema(rename = "rejected")]
    Rejected,
    #[schema(rename = "active")]
    Active,
    #[schema(rename = "deregistered")]
    Deregistered,
}

/// One contact person (联系人).
#[derive(Serialize, Deserialize, ToSchema, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ContactView {
    #[schema(min_length = 1, max_length = 100, example = "王经理")]
    pub name: String,
    #[schema(max_length = 100, example = "采购部经理")]
    pub title: Option<String>,
    #[schema(max_length = 50, example = "0512-6000 0000")]
    pub phone: Option<String>,
    #[schema(max_length = 50, example = "139 1234 5678")]
    pub mobile: Option<String>,
    #[schema(max_length = 200, example = "wang@example.com")]
    pub email: Option<String>,
}

/// A row of the customer list (客户一览表).
#[derive(Serialize, ToSchema)]
pub struct CustomerSummary {
    pub id: i64,
    #[schema(example = "C-00012")]
    pub code: String,
    #[schema(example = "苏州精密机械有限公司")]
    pub name: String,
    #[schema(value_type = CustomerKind)]
    pub kind: String,
    #[schema(value_type = MarketCode)]
    pub market: String,
    #[schema(value_type = StatusCode)]
    pub status: String,
    #[schema(value_type = CategoryCode)]
    pub category: String,
    #[schema(value_type = Option<ClassCode>)]
    pub customer_class: Option<String>,
    #[schema(value_type = Option<GradeCode>)]
    pub credit_grade: Option<String>,
    pub region: Option<String>,
    #[schema(value_type = ConfidentialityCode)]
    pub confidentiality: String,
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
    #[schema(value_type = StatusCode)]
    pub status: String,
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
    /// Records this one may duplicate (shown to the owner and reviewers while pending).
    pub duplicates: Vec<DuplicateView>,
    /// Why the caller may read the record: owner, staff, department_manager,
    /// archive, executive, grant, claim_pool, integration.
    pub access: String,
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

/// The registration form (客户信息登记表).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCustomerRequest {
    /// Given by the archive; generated (C-NNNNN) when absent.
    #[schema(min_length = 1, max_length = 32, example = "C-00012")]
    pub code: Option<String>,
    #[schema(min_length = 1, max_length = 200, example = "苏州精密机械有限公司")]
    pub name: String,
    pub kind: CustomerKind,
    pub market: MarketCode,
    #[schema(value_type = Option<CategoryCode>)]
    pub category: Option<Category>,
    #[schema(value_type = Option<ClassCode>)]
    pub customer_class: Option<CustomerClass>,
    #[schema(max_length = 50, example = "华东")]
    pub region: Option<String>,
    #[schema(max_length = 100)]
    pub industry: Option<String>,
    #[schema(max_length = 100)]
    pub company_nature: Option<String>,
    #[schema(max_length = 100)]
    pub supervising_unit: Option<String>,
    #[schema(max_length = 100)]
    pub legal_representative: Option<String>,
    /// 统一社会信用代码: 18 letters and digits (legal entities only).
    #[schema(example = "91320500MA1XXXXX0X")]
    pub tax_id: Option<String>,
    #[schema(max_length = 100)]
    pub bank_name: Option<String>,
    #[schema(max_length = 50)]
    pub bank_account: Option<String>,
    #[schema(max_length = 300)]
    pub address: Option<String>,
    #[schema(value_type = Option<ConfidentialityCode>)]
    pub confidentiality: Option<Confidentiality>,
    /// The day of first contact; the form is due 5 working days later.
    pub first_contact_on: NaiveDate,
    #[serde(default)]
    #[schema(max_items = 20)]
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
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct CustomerPatch {
    #[schema(min_length = 1, max_length = 200)]
    pub name: Option<String>,
    pub kind: Option<CustomerKind>,
    pub market: Option<MarketCode>,
    #[schema(value_type = Option<CategoryCode>)]
    pub category: Option<Category>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ClassCode>)]
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
    #[schema(value_type = Option<ConfidentialityCode>)]
    pub confidentiality: Option<Confidentiality>,
    pub first_contact_on: Option<NaiveDate>,
    /// Replaces the whole list.
    #[schema(max_items = 20)]
    pub contacts: Option<Vec<ContactView>>,
    /// Replaces the further assigned staff.
    #[schema(max_items = 10)]
    pub staff_ids: Option<Vec<i64>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use kehu_domain::customer::{CreditGrade, CustomerStatus};
    use utoipa::PartialSchema;

    fn codes(schema: utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>) -> Vec<String> {
        let v = serde_json::to_value(schema).unwrap();
        v["enum"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn documented_codes_are_the_domain_codes() {
        let domain = |all: Vec<&str>| all.into_iter().map(String::from).collect::<Vec<_>>();
        assert_eq!(codes(CategoryCode::schema()), domain(Category::ALL.iter().map(|c| c.as_str()).collect()));
        assert_eq!(codes(ClassCode::schema()), domain(CustomerClass::ALL.iter().map(|c| c.as_str()).collect()));
        assert_eq!(codes(GradeCode::schema()), domain(CreditGrade::ALL.iter().map(|c| c.as_str()).collect()));
        assert_eq!(codes(ConfidentialityCode::schema()), domain(Confidentiality::ALL.iter().map(|c| c.as_str()).collect()));
        assert_eq!(codes(StatusCode::schema()), domain(CustomerStatus::ALL.iter().map(|c| c.as_str()).collect()));
    }
}
