//! Whether a return or exchange may be applied for (domain.md §5): A, within
//! the warranty, always; and at least one of B (quality below the contract's
//! acceptance standard), C (the customer cannot pay after repeated contact),
//! D (another major change at the customer). Each ground claimed names its
//! basis, so the approvers can check it.

use crate::issue::{FieldIssue, Rule};

/// The grounds claimed, each with its basis (`None`: not claimed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Eligibility {
    /// A: the goods are within their warranty.
    pub within_warranty: Option<String>,
    /// B: quality below the contract's acceptance standard.
    pub below_standard: Option<String>,
    /// C: the customer cannot pay after repeated contact.
    pub cannot_pay: Option<String>,
    /// D: wrong model chosen, partnership dissolved, changed business, poor operation.
    pub major_change: Option<String>,
}

fn claimed(basis: &Option<String>) -> bool {
    basis.as_deref().is_some_and(|b| !b.trim().is_empty())
}

impl Eligibility {
    /// The broken rules, by field (`eligibility.within_warranty`, …); none
    /// when the application may be submitted.
    pub fn check(&self) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        if !claimed(&self.within_warranty) {
            issues.push(FieldIssue::new("eligibility.within_warranty", Rule::Required, "A return needs the goods within their warranty (A), with its basis"));
        }
        for (field, basis) in [("below_standard", &self.below_standard), ("cannot_pay", &self.cannot_pay), ("major_change", &self.major_change)] {
            if basis.is_some() && !claimed(basis) {
                issues.push(FieldIssue::new(format!("eligibility.{field}"), Rule::Required, "a ground claimed needs its basis"));
            }
        }
        if ![&self.below_standard, &self.cannot_pay, &self.major_change].into_iter().any(claimed) {
            issues.push(FieldIssue::new("eligibility", Rule::Count, "besides A, at least one of B, C or D with its basis"));
        }
        issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basis(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    fn fields(e: &Eligibility) -> Vec<String> {
        e.check().into_iter().map(|i| i.field).collect()
    }

    #[test]
    fn a_and_one_of_b_c_d_each_with_its_basis() {
        let a = basis("保修卡 2026-03-01 起一年");
        for (b, c, d) in [(basis("来料检验不合格报告"), None, None), (None, basis("三次催款记录"), None), (None, None, basis("客户转产"))] {
            let e = Eligibility { within_warranty: a.clone(), below_standard: b, cannot_pay: c, major_change: d };
            assert!(e.check().is_empty(), "{e:?}");
        }
        let all = Eligibility { within_warranty: a.clone(), below_standard: basis("x"), cannot_pay: basis("y"), major_change: basis("z") };
        assert!(all.check().is_empty());
    }

    #[test]
    fn without_a_or_without_any_other_ground_it_cannot_be_submitted() {
        let no_a = Eligibility { below_standard: basis("来料检验不合格报告"), ..Default::default() };
        assert_eq!(fields(&no_a), ["eligibility.within_warranty"]);
        let only_a = Eligibility { within_warranty: basis("保修期内"), ..Default::default() };
        assert_eq!(fields(&only_a), ["eligibility"]);
        assert_eq!(fields(&Eligibility::default()), ["eligibility.within_warranty", "eligibility"]);
    }

    #[test]
    fn a_ground_without_its_basis_does_not_count() {
        let blank = Eligibility { within_warranty: basis("  "), below_standard: basis(""), ..Default::default() };
        assert_eq!(fields(&blank), ["eligibility.within_warranty", "eligibility.below_standard", "eligibility"]);
    }
}
