//! Visits and satisfaction (回访, 满意度调查, domain.md §3): the minimum visit
//! frequencies, the survey scale, quarters.

use crate::coded_enum;
use crate::customer::CustomerClass;
use crate::org::DepartmentKind;
use crate::role::Role;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// The six survey dimensions.
    Dimension {
        Quality = "quality",
        Delivery = "delivery",
        Price = "price",
        Service = "service",
        Comparison = "comparison",
        Other = "other",
    }
}

coded_enum! {
    /// How a visit is made.
    VisitMethod {
        Onsite = "onsite",
        Phone = "phone",
        Video = "video",
        Mail = "mail",
    }
}

coded_enum! {
    /// How a quarterly verification confirmed the data.
    ConfirmedVia {
        Mail = "mail",
        Fax = "fax",
        Phone = "phone",
        Visit = "visit",
    }
}

/// Company rules for visits and surveys (a policy row).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CarePolicy {
    /// Highest expense claim per visit, in fen.
    pub visit_expense_limit_fen: i64,
    /// A score at or below this (不太满意, 不满意) opens a follow-up.
    pub poor_score: i64,
    /// Days a customer's survey link stays open.
    pub survey_link_days: i64,
    /// The department kind that follows up each dimension.
    pub followup_department_kind: Vec<(Dimension, DepartmentKind)>,
}

impl Default for CarePolicy {
    fn default() -> Self {
        CarePolicy {
            visit_expense_limit_fen: 200_000,
            poor_score: 2,
            survey_link_days: 30,
            followup_department_kind: vec![
                (Dimension::Quality, DepartmentKind::Quality),
                (Dimension::Delivery, DepartmentKind::Production),
                (Dimension::Price, DepartmentKind::Sales),
                (Dimension::Service, DepartmentKind::CustomerService),
                (Dimension::Comparison, DepartmentKind::Marketing),
                (Dimension::Other, DepartmentKind::Marketing),
            ],
        }
    }
}

impl CarePolicy {
    pub fn department_kind(&self, d: Dimension) -> DepartmentKind {
        self.followup_department_kind.iter().find(|(x, _)| *x == d).map_or(DepartmentKind::Marketing, |(_, k)| *k)
    }
}

/// The scale: 5 很满意, 4 比较满意, 3 基本满意, 2 不太满意, 1 不满意.
pub fn valid_score(s: i64) -> bool {
    (1..=5).contains(&s)
}

/// A quarter as `2026-Q4`.
pub fn quarter(d: NaiveDate) -> String {
    format!("{}-Q{}", d.year(), d.month0() / 3 + 1)
}

/// The first and last day of the quarter `d` is in.
pub fn quarter_bounds(d: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first_month = d.month0() / 3 * 3 + 1;
    let start = NaiveDate::from_ymd_opt(d.year(), first_month, 1).unwrap_or(d);
    let next = if first_month == 10 { NaiveDate::from_ymd_opt(d.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(d.year(), first_month + 3, 1) };
    (start, next.and_then(|n| n.pred_opt()).unwrap_or(d))
}

/// Rank of a visitor, for the yearly minimums: a visit by someone senior to
/// the rank a class needs counts too.
fn rank(r: Role) -> u8 {
    match r {
        Role::Gm | Role::DeputyGm => 3,
        Role::MarketingManager | Role::SalesManager => 2,
        Role::SalesSupervisor => 1,
        _ => 0,
    }
}

/// What a class needs per year: visits by someone of at least this rank.
/// A: the general or deputy general manager once; B: the marketing center
/// head twice; C: a sales supervisor three times.
pub fn yearly_minimum(class: CustomerClass) -> (usize, u8) {
    match class {
        CustomerClass::A => (1, 3),
        CustomerClass::B => (2, 2),
        CustomerClass::C => (3, 1),
    }
}

/// One visit that took place: its day and the roles of everyone on it.
pub struct DoneVisit {
    pub on: NaiveDate,
    pub roles: Vec<Role>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Visits this quarter (at least one for every active customer).
    pub quarter_done: usize,
    /// Visits this year by the rank the class needs.
    pub year_done: usize,
    pub year_required: usize,
    pub behind_quarter: bool,
    pub behind_year: bool,
}

/// How a customer stands on `today`. The yearly minimum counts as behind only
/// once the visits left cannot fit in the quarters left (one per quarter):
/// so in the fourth quarter a C customer with one senior visit is behind.
pub fn coverage(class: Option<CustomerClass>, visits: &[DoneVisit], today: NaiveDate) -> Coverage {
    let (qs, qe) = quarter_bounds(today);
    let quarter_done = visits.iter().filter(|v| v.on >= qs && v.on <= qe).count();
    let (year_required, min_rank) = class.map_or((0, 0), yearly_minimum);
    let year_done = visits.iter().filter(|v| v.on.year() == today.year() && v.roles.iter().any(|r| rank(*r) >= min_rank && min_rank > 0)).count();
    let quarters_left = 4 - today.month0() / 3;
    let missing = year_required.saturating_sub(year_done);
    Coverage { quarter_done, year_done, year_required, behind_quarter: quarter_done == 0, behind_year: missing > quarters_left as usize }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarters() {
        assert_eq!(quarter(d(2026, 11, 23)), "2026-Q4");
        assert_eq!(quarter(d(2026, 1, 1)), "2026-Q1");
        assert_eq!(quarter_bounds(d(2026, 11, 23)), (d(2026, 10, 1), d(2026, 12, 31)));
        assert_eq!(quarter_bounds(d(2026, 5, 2)), (d(2026, 4, 1), d(2026, 6, 30)));
    }

    #[test]
    fn seniors_count_for_juniors_ranks() {
        let v = |m, roles: &[Role]| DoneVisit { on: d(2026, m, 10), roles: roles.to_vec() };
        let visits = [v(2, &[Role::Sales, Role::SalesSupervisor]), v(5, &[Role::Gm]), v(11, &[Role::Sales])];
        let today = d(2026, 11, 23);
        let c = coverage(Some(CustomerClass::C), &visits, today);
        assert_eq!((c.quarter_done, c.year_done, c.year_required), (1, 2, 3));
        assert!(!c.behind_quarter && !c.behind_year, "one missing visit fits in the quarter left");
        let a = coverage(Some(CustomerClass::A), &visits, today);
        assert_eq!(a.year_done, 1);
        let b = coverage(Some(CustomerClass::B), &visits[..1], today);
        assert_eq!(b.year_done, 0);
        assert!(b.behind_year, "two senior visits cannot fit in one quarter");
        let none = coverage(Some(CustomerClass::A), &[], d(2026, 2, 1));
        assert!(none.behind_quarter && !none.behind_year);
    }

    #[test]
    fn scale_and_policy() {
        assert!(valid_score(1) && valid_score(5) && !valid_score(0) && !valid_score(6));
        assert_eq!(CarePolicy::default().department_kind(Dimension::Quality), DepartmentKind::Quality);
    }
}
