//! Satisfaction surveys (满意度调查, domain.md §3): six dimensions on the
//! five-level scale; a poor score opens a follow-up for the department the
//! policy names.

use crate::care::{valid_score, CarePolicy, Dimension};
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::org::DepartmentKind;
use crate::role::{Actor, Role};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// How a survey reached the customer.
    SurveyChannel {
        /// Entered by staff from paper or a call.
        Staff = "staff",
        /// Answered by the customer through a link.
        Link = "link",
    }
}

coded_enum! {
    /// Where a low score's follow-up stands.
    FollowupStatus {
        Open = "open",
        Closed = "closed",
    }
}

/// Scores 1 (不满意) to 5 (很满意), one per dimension, in `Dimension::ALL` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scores(pub [i64; 6]);

impl Scores {
    /// Every score on the scale, or the issues naming those off it.
    pub fn check(&self) -> Vec<FieldIssue> {
        Dimension::ALL
            .iter()
            .zip(self.0)
            .filter(|(_, v)| !valid_score(*v))
            .map(|(d, _)| FieldIssue::new(format!("scores.{d}"), Rule::OutOfRange, "1 (不满意) to 5 (很满意)"))
            .collect()
    }

    /// The dimensions scored at or below the policy's poor score.
    pub fn poor(&self, policy: &CarePolicy) -> Vec<(Dimension, i64)> {
        Dimension::ALL.iter().copied().zip(self.0).filter(|(_, v)| *v <= policy.poor_score).collect()
    }
}

/// A survey's quarter, `2026-Q4`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Quarter {
    pub year: i32,
    pub q: u32,
}

impl Quarter {
    pub fn of(d: NaiveDate) -> Quarter {
        Quarter { year: d.year(), q: d.month0() / 3 + 1 }
    }
}

impl std::fmt::Display for Quarter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-Q{}", self.year, self.q)
    }
}

impl std::str::FromStr for Quarter {
    type Err = String;
    fn from_str(s: &str) -> Result<Quarter, String> {
        let bad = || format!("`{s}` is not a quarter like 2026-Q4");
        let (y, q) = s.split_once("-Q").ok_or_else(bad)?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q)).ok_or_else(bad)?;
        Ok(Quarter { year: y.parse().map_err(|_| bad())?, q })
    }
}

impl TryFrom<String> for Quarter {
    type Error = String;
    fn try_from(s: String) -> Result<Quarter, String> {
        s.parse()
    }
}

impl From<Quarter> for String {
    fn from(q: Quarter) -> String {
        q.to_string()
    }
}

/// A department as the follow-up rule sees it.
pub struct DepartmentFacts {
    pub id: i64,
    pub kind: DepartmentKind,
    pub active: bool,
}

/// The department that follows up a poor score in `d`: an active one of the
/// kind the policy names, else the marketing center, else the first.
pub fn followup_department(policy: &CarePolicy, d: Dimension, departments: &[DepartmentFacts]) -> Option<i64> {
    let kind = policy.department_kind(d);
    departments
        .iter()
        .find(|x| x.kind == kind && x.active)
        .or_else(|| departments.iter().find(|x| x.kind == DepartmentKind::Marketing))
        .or(departments.first())
        .map(|x| x.id)
}

/// Someone of the responsible department closes a follow-up, or the GM.
pub fn may_close_followup(actor: &Actor, department_id: i64) -> bool {
    department_id == actor.department_id || actor.has(Role::Gm)
}

/// One group of submitted surveys and its averages.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub surveys: usize,
    /// Average per dimension, 1..5, rounded to two decimals.
    pub averages: [f64; 6],
    /// Surveys with at least one poor score.
    pub poor: usize,
}

pub fn summarize(scores: &[Scores], policy: &CarePolicy) -> Summary {
    let n = scores.len().max(1) as f64;
    let averages = std::array::from_fn(|i| (scores.iter().map(|s| s.0[i] as f64).sum::<f64>() / n * 100.0).round() / 100.0);
    Summary { surveys: scores.len(), averages, poor: scores.iter().filter(|s| !s.poor(policy).is_empty()).count() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_stay_on_the_scale_and_poor_ones_are_found() {
        let s = Scores([5, 2, 3, 0, 4, 6]);
        let fields: Vec<String> = s.check().into_iter().map(|i| i.field).collect();
        assert_eq!(fields, ["scores.service", "scores.other"]);
        let p = CarePolicy::default();
        assert_eq!(Scores([5, 2, 1, 3, 4, 5]).poor(&p), [(Dimension::Delivery, 2), (Dimension::Price, 1)]);
    }

    #[test]
    fn quarters_parse_and_print() {
        assert_eq!("2026-Q4".parse::<Quarter>(), Ok(Quarter { year: 2026, q: 4 }));
        assert!("2026-Q5".parse::<Quarter>().is_err() && "26-Q1".parse::<Quarter>().is_err() && "2026Q1".parse::<Quarter>().is_err());
        assert_eq!(Quarter::of(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).to_string(), "2026-Q4");
    }

    #[test]
    fn follow_ups_go_to_the_named_kind_else_marketing() {
        let p = CarePolicy::default();
        let d = |id, kind, active| DepartmentFacts { id, kind, active };
        let deps = [d(1, DepartmentKind::Sales, true), d(2, DepartmentKind::Quality, false), d(3, DepartmentKind::Marketing, true)];
        assert_eq!(followup_department(&p, Dimension::Price, &deps), Some(1));
        assert_eq!(followup_department(&p, Dimension::Quality, &deps), Some(3), "the quality department is inactive");
        assert_eq!(followup_department(&p, Dimension::Quality, &[]), None);
    }

    #[test]
    fn averages_round_to_two_decimals() {
        let s = summarize(&[Scores([5, 4, 3, 2, 1, 5]), Scores([4, 4, 4, 4, 4, 4])], &CarePolicy::default());
        assert_eq!((s.surveys, s.poor), (2, 1));
        assert_eq!(s.averages, [4.5, 4.0, 3.5, 3.0, 2.5, 4.5]);
    }
}
