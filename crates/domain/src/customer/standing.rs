//! The lists the departments keep about customers: orders as entered, and
//! who is excellent (优秀客户) or at risk (危险客户), with the reasons.

use super::{CreditGrade, CustomerClass};
use crate::money::Money;
use chrono::NaiveDate;

/// An order as entered or imported from the ERP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewOrder {
    pub customer_id: i64,
    pub order_number: String,
    pub ordered_on: NaiveDate,
    pub amount: Money,
    pub discount: Money,
    /// Cost of goods, for the gross margin.
    pub cost: Option<Money>,
}

/// What the standing of a customer looks at.
pub struct StandingFacts {
    pub class: Option<CustomerClass>,
    pub grade: Option<CreditGrade>,
    pub supply_hold: bool,
    /// Surveys this year with a poor score.
    pub poor_surveys: usize,
    /// Complaints filed this year.
    pub complaints: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Standing {
    /// 优秀客户: class A or B, credit AAA or AA, and nothing against it.
    Excellent(Vec<String>),
    /// 危险客户: supply hold, credit grade B, a poor survey, or three or more complaints this year.
    Risky(Vec<String>),
    Ordinary,
}

pub fn standing(f: &StandingFacts) -> Standing {
    let mut risk = Vec::new();
    if f.supply_hold {
        risk.push("supply_hold".to_owned());
    }
    if f.grade == Some(CreditGrade::B) {
        risk.push("credit_grade_b".to_owned());
    }
    if f.poor_surveys > 0 {
        risk.push("poor_survey".to_owned());
    }
    if f.complaints >= 3 {
        risk.push(format!("complaints_{}", f.complaints));
    }
    if !risk.is_empty() {
        return Standing::Risky(risk);
    }
    match (f.class, f.grade) {
        (Some(c @ (CustomerClass::A | CustomerClass::B)), Some(g @ (CreditGrade::Aaa | CreditGrade::Aa))) if f.complaints == 0 => {
            Standing::Excellent(vec![format!("class_{c}"), format!("credit_{g}")])
        }
        _ => Standing::Ordinary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> StandingFacts {
        StandingFacts { class: Some(CustomerClass::A), grade: Some(CreditGrade::Aaa), supply_hold: false, poor_surveys: 0, complaints: 0 }
    }

    #[test]
    fn excellent_risky_and_ordinary() {
        assert_eq!(standing(&facts()), Standing::Excellent(vec!["class_A".into(), "credit_AAA".into()]));
        assert_eq!(standing(&StandingFacts { complaints: 1, ..facts() }), Standing::Ordinary);
        assert_eq!(
            standing(&StandingFacts { supply_hold: true, complaints: 3, ..facts() }),
            Standing::Risky(vec!["supply_hold".into(), "complaints_3".into()])
        );
        assert_eq!(standing(&StandingFacts { grade: Some(CreditGrade::B), ..facts() }), Standing::Risky(vec!["credit_grade_b".into()]));
        assert_eq!(standing(&StandingFacts { class: Some(CustomerClass::C), ..facts() }), Standing::Ordinary);
    }
}
