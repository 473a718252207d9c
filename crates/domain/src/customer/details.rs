//! The registration form (客户信息登记表): what a person fills in about a
//! customer, the rules it keeps, and the keys it is compared by.

use super::{name_key, tax_key, Category, Confidentiality, CustomerClass, CustomerKind};
use crate::deadline::Market;
use crate::issue::{FieldIssue, Rule};
use chrono::NaiveDate;

/// The record's fields a person edits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerDetails {
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
    /// 统一社会信用代码 (legal entities only).
    pub tax_id: Option<String>,
    pub bank_name: Option<String>,
    pub bank_account: Option<String>,
    pub confidentiality: Confidentiality,
    pub first_contact_on: Option<NaiveDate>,
}

impl CustomerDetails {
    /// A new record's form with the defaults: a general, 秘密 customer.
    pub fn new(name: impl Into<String>, kind: CustomerKind, market: Market) -> CustomerDetails {
        CustomerDetails {
            name: name.into(),
            kind,
            market,
            address: None,
            category: Category::General,
            customer_class: None,
            region: None,
            industry: None,
            company_nature: None,
            supervising_unit: None,
            legal_representative: None,
            tax_id: None,
            bank_name: None,
            bank_account: None,
            confidentiality: Confidentiality::Secret,
            first_contact_on: None,
        }
    }
}

/// One contact person (联系人).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub email: Option<String>,
}

impl Contact {
    /// One line, as the history shows a contact.
    pub fn line(&self) -> String {
        [Some(self.name.as_str()), self.title.as_deref(), self.phone.as_deref(), self.mobile.as_deref(), self.email.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A record has at most this many contacts.
pub const MAX_CONTACTS: usize = 20;

impl CustomerDetails {
    /// The form's rules: tax and bank data for legal entities only, a tax id
    /// of 18 letters and digits, first contact not in the future, a bounded
    /// list of contacts with well-formed e-mail addresses.
    pub fn check(&self, contacts: &[Contact], today: NaiveDate) -> Vec<FieldIssue> {
        let mut out = Vec::new();
        if self.kind == CustomerKind::Natural {
            for (field, v) in [
                ("tax_id", &self.tax_id),
                ("bank_name", &self.bank_name),
                ("bank_account", &self.bank_account),
                ("legal_representative", &self.legal_representative),
            ] {
                if v.is_some() {
                    out.push(FieldIssue::new(field, Rule::LegalEntityOnly, "only legal entities have tax and bank data"));
                }
            }
        }
        if self.tax_key().is_some_and(|k| k.len() != 18) {
            out.push(FieldIssue::new("tax_id", Rule::Format, "a unified social credit code has 18 letters and digits"));
        }
        if self.first_contact_on.is_some_and(|d| d > today) {
            out.push(FieldIssue::new("first_contact_on", Rule::Future, "first contact cannot be in the future"));
        }
        if contacts.len() > MAX_CONTACTS {
            out.push(FieldIssue::new("contacts", Rule::TooMany, format!("at most {MAX_CONTACTS} contacts")));
        }
        for (i, k) in contacts.iter().enumerate() {
            if k.email.as_deref().is_some_and(|m| !m.trim().is_empty() && !m.contains('@')) {
                out.push(FieldIssue::new(format!("contacts[{i}].email"), Rule::Format, "not an email address"));
            }
        }
        out
    }

    /// The name as duplicates are found by; a name of punctuation only keeps itself.
    pub fn name_key(&self) -> String {
        let key = name_key(&self.name);
        if key.is_empty() {
            self.name.clone()
        } else {
            key
        }
    }

    pub fn tax_key(&self) -> Option<String> {
        self.tax_id.as_deref().map(tax_key)
    }
}

/// Fields to change; `None` leaves a field, `Some(None)` clears an optional one.
#[derive(Clone, Debug, Default)]
pub struct DetailsPatch {
    pub name: Option<String>,
    pub kind: Option<CustomerKind>,
    pub market: Option<Market>,
    pub category: Option<Category>,
    pub customer_class: Option<Option<CustomerClass>>,
    pub region: Option<Option<String>>,
    pub industry: Option<Option<String>>,
    pub company_nature: Option<Option<String>>,
    pub supervising_unit: Option<Option<String>>,
    pub legal_representative: Option<Option<String>>,
    pub tax_id: Option<Option<String>>,
    pub bank_name: Option<Option<String>>,
    pub bank_account: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub confidentiality: Option<Confidentiality>,
    pub first_contact_on: Option<NaiveDate>,
}

impl CustomerDetails {
    /// The form with `p` applied.
    pub fn patched(self, p: DetailsPatch) -> CustomerDetails {
        fn pick<T>(new: Option<T>, old: T) -> T {
            new.unwrap_or(old)
        }
        CustomerDetails {
            name: pick(p.name, self.name),
            kind: pick(p.kind, self.kind),
            market: pick(p.market, self.market),
            address: pick(p.address, self.address),
            category: pick(p.category, self.category),
            customer_class: pick(p.customer_class, self.customer_class),
            region: pick(p.region, self.region),
            industry: pick(p.industry, self.industry),
            company_nature: pick(p.company_nature, self.company_nature),
            supervising_unit: pick(p.supervising_unit, self.supervising_unit),
            legal_representative: pick(p.legal_representative, self.legal_representative),
            tax_id: pick(p.tax_id, self.tax_id),
            bank_name: pick(p.bank_name, self.bank_name),
            bank_account: pick(p.bank_account, self.bank_account),
            confidentiality: pick(p.confidentiality, self.confidentiality),
            first_contact_on: p.first_contact_on.or(self.first_contact_on),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn natural_persons_have_no_tax_or_bank_data() {
        let d = CustomerDetails {
            tax_id: Some("9132 0500 MA1X XXXX 0X".into()),
            bank_name: Some("工行".into()),
            ..CustomerDetails::new("张三", CustomerKind::Natural, Market::Domestic)
        };
        let rules: Vec<(String, Rule)> = d.check(&[], today()).into_iter().map(|i| (i.field, i.rule)).collect();
        assert_eq!(rules, [("tax_id".to_owned(), Rule::LegalEntityOnly), ("bank_name".to_owned(), Rule::LegalEntityOnly)]);
    }

    #[test]
    fn tax_ids_contacts_and_dates() {
        let mut d = CustomerDetails::new("苏州精密机械有限公司", CustomerKind::Legal, Market::Domestic);
        d.tax_id = Some("91320500MA1XXXXX0X".into());
        assert!(d.check(&[], today()).is_empty());
        d.tax_id = Some("1234".into());
        d.first_contact_on = today().succ_opt();
        let bad_mail = Contact { name: "王".into(), email: Some("wang.example.com".into()), ..Contact::default() };
        let rules: Vec<Rule> = d.check(&[bad_mail], today()).into_iter().map(|i| i.rule).collect();
        assert_eq!(rules, [Rule::Format, Rule::Future, Rule::Format]);
        assert_eq!(d.check(&vec![Contact::default(); 21], today()).iter().filter(|i| i.rule == Rule::TooMany).count(), 1);
    }

    #[test]
    fn a_patch_changes_only_what_it_names() {
        let d = CustomerDetails { region: Some("华东".into()), ..CustomerDetails::new("A", CustomerKind::Legal, Market::Domestic) };
        let p = DetailsPatch { name: Some("B".into()), region: Some(None), ..DetailsPatch::default() };
        let out = d.clone().patched(p);
        assert_eq!((out.name.as_str(), out.region, out.kind), ("B", None, d.kind));
        assert_eq!(CustomerDetails::new("。", CustomerKind::Legal, Market::Domestic).name_key(), "。");
    }
}
