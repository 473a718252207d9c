//! The on-site inspection by customer service (现场检验) and the originals
//! collected with the goods (domain.md §5): function, appearance and the
//! parts list, signed by the customer; skipped for exhibition and office
//! sample units.

use super::ReturnState;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// A document the customer hands back with the goods (原件).
    Original {
        /// 合同
        Contract = "contract",
        /// 收据
        Receipt = "receipt",
        /// 送货单
        DeliveryNote = "delivery_note",
        /// 保修卡
        WarrantyCard = "warranty_card",
        /// 装箱单
        PackingList = "packing_list",
    }
}

coded_enum! {
    /// How a checked aspect was found.
    Condition {
        Good = "good",
        Defective = "defective",
    }
}

/// One row of the parts list (部件清单表): how many should be there, how many are.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartCheck {
    pub part: String,
    pub expected: i64,
    pub present: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inspection {
    pub function: Condition,
    pub function_note: Option<String>,
    pub appearance: Condition,
    pub appearance_note: Option<String>,
    pub parts: Vec<PartCheck>,
    /// Who signed the parts list for the customer, and when.
    pub signed_by: Option<String>,
    pub signed_on: Option<NaiveDate>,
}

/// Exhibition and office sample units come back without an on-site inspection.
pub fn inspection_needed(sample_unit: bool) -> bool {
    !sample_unit
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|t| t.trim().is_empty())
}

impl Inspection {
    /// Parts short of the list, with how many are missing.
    pub fn missing(&self) -> Vec<(&str, i64)> {
        self.parts.iter().filter(|p| p.present < p.expected).map(|p| (p.part.as_str(), p.expected - p.present)).collect()
    }

    /// The broken rules: a defect is described, the parts list is sound, the
    /// customer signed it on a day not after `today`.
    pub fn check(&self, today: NaiveDate) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        if self.function == Condition::Defective && blank(&self.function_note) {
            issues.push(FieldIssue::new("function_note", Rule::Required, "describe the defect found"));
        }
        if self.appearance == Condition::Defective && blank(&self.appearance_note) {
            issues.push(FieldIssue::new("appearance_note", Rule::Required, "describe the damage found"));
        }
        for (i, p) in self.parts.iter().enumerate() {
            if p.part.trim().is_empty() {
                issues.push(FieldIssue::new(format!("parts[{i}].part"), Rule::Required, "the part's name"));
            }
            if p.expected < 1 {
                issues.push(FieldIssue::new(format!("parts[{i}].expected"), Rule::OutOfRange, "at least 1"));
            }
            if p.present < 0 || p.present > p.expected {
                issues.push(FieldIssue::new(format!("parts[{i}].present"), Rule::OutOfRange, "from 0 to the expected count"));
            }
        }
        if blank(&self.signed_by) {
            issues.push(FieldIssue::new("signed_by", Rule::Required, "the customer signs the parts list"));
        }
        match self.signed_on {
            None => issues.push(FieldIssue::new("signed_on", Rule::Required, "the day the customer signed")),
            Some(d) if d > today => issues.push(FieldIssue::new("signed_on", Rule::Future, "not after today")),
            Some(_) => {}
        }
        issues
    }
}

/// Why customer service's step is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServiceRefusal {
    /// Only an approved application is inspected and its originals collected (409).
    NotApproved,
    /// A sample unit comes back without an inspection (409).
    NotNeeded,
    /// Inspected already (409).
    AlreadyDone,
    /// Not this caller's step (403).
    Forbidden,
}

/// Customer service inspects an approved application's goods once.
pub fn may_inspect(actor: &Actor, state: ReturnState, sample_unit: bool, inspected: bool) -> Result<(), ServiceRefusal> {
    if !actor.has(Role::CustomerService) {
        return Err(ServiceRefusal::Forbidden);
    }
    if state != ReturnState::Approved {
        return Err(ServiceRefusal::NotApproved);
    }
    if !inspection_needed(sample_unit) {
        return Err(ServiceRefusal::NotNeeded);
    }
    if inspected {
        return Err(ServiceRefusal::AlreadyDone);
    }
    Ok(())
}

/// Customer service, or the salesperson who handles the return at the
/// customer's, records the originals collected.
pub fn may_collect(actor: &Actor, state: ReturnState, raised_by: i64) -> Result<(), ServiceRefusal> {
    if !(actor.has(Role::CustomerService) || actor.user_id == raised_by) {
        return Err(ServiceRefusal::Forbidden);
    }
    if state != ReturnState::Approved {
        return Err(ServiceRefusal::NotApproved);
    }
    Ok(())
}

/// The originals still to be collected.
pub fn originals_missing(collected: &[Original]) -> Vec<Original> {
    Original::ALL.iter().copied().filter(|o| !collected.contains(o)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn sound() -> Inspection {
        Inspection {
            function: Condition::Good,
            function_note: None,
            appearance: Condition::Good,
            appearance_note: None,
            parts: vec![PartCheck { part: "遥控器".into(), expected: 2, present: 1 }, PartCheck { part: "电源线".into(), expected: 1, present: 1 }],
            signed_by: Some("王建国".into()),
            signed_on: Some(day(5)),
        }
    }

    fn fields(i: &Inspection) -> Vec<String> {
        i.check(day(6)).into_iter().map(|x| x.field).collect()
    }

    #[test]
    fn a_signed_inspection_passes_and_names_what_is_missing() {
        assert!(fields(&sound()).is_empty());
        assert_eq!(sound().missing(), [("遥控器", 1)]);
    }

    #[test]
    fn a_defect_needs_its_description_and_the_list_its_signature() {
        let mut i = sound();
        i.function = Condition::Defective;
        i.appearance = Condition::Defective;
        i.appearance_note = Some(" ".into());
        i.signed_by = None;
        i.signed_on = Some(day(7));
        assert_eq!(fields(&i), ["function_note", "appearance_note", "signed_by", "signed_on"]);
    }

    #[test]
    fn a_part_cannot_be_more_present_than_expected_or_less_than_none() {
        let mut i = sound();
        i.parts = vec![PartCheck { part: "".into(), expected: 0, present: -1 }, PartCheck { part: "x".into(), expected: 1, present: 2 }];
        assert_eq!(fields(&i), ["parts[0].part", "parts[0].expected", "parts[0].present", "parts[1].present"]);
    }

    #[test]
    fn customer_service_inspects_an_approved_application_once() {
        let service = Actor { user_id: 3, department_id: 9, roles: vec![Role::CustomerService] };
        let sales = Actor { user_id: 7, department_id: 2, roles: vec![Role::Sales] };
        assert_eq!(may_inspect(&service, ReturnState::Approved, false, false), Ok(()));
        assert_eq!(may_inspect(&sales, ReturnState::Approved, false, false), Err(ServiceRefusal::Forbidden));
        assert_eq!(may_inspect(&service, ReturnState::GmApproval, false, false), Err(ServiceRefusal::NotApproved));
        assert_eq!(may_inspect(&service, ReturnState::Approved, true, false), Err(ServiceRefusal::NotNeeded));
        assert_eq!(may_inspect(&service, ReturnState::Approved, false, true), Err(ServiceRefusal::AlreadyDone));
        assert_eq!(may_collect(&sales, ReturnState::Approved, 7), Ok(()));
        assert_eq!(may_collect(&sales, ReturnState::Approved, 8), Err(ServiceRefusal::Forbidden));
        assert_eq!(may_collect(&service, ReturnState::Refused, 7), Err(ServiceRefusal::NotApproved));
    }

    #[test]
    fn sample_units_skip_the_inspection_and_every_original_is_collected() {
        assert!(!inspection_needed(true) && inspection_needed(false));
        assert_eq!(originals_missing(&[Original::Contract, Original::Receipt, Original::PackingList]), [Original::DeliveryNote, Original::WarrantyCard]);
        assert!(originals_missing(Original::ALL).is_empty());
    }
}
