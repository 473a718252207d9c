//! Following a case through (domain.md §4.4, seed 000 §十四, seed 002 §7,
//! seed 003 §5.3.1): how long past a deadline each escalation waits, and the
//! customer's clocks — the first reply and the close confirmation.

use crate::issue::{FieldIssue, Rule};
use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The numbers an administrator may change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChasePolicy {
    /// Hours past a deadline before the department's manager is told as
    /// well as the step's people (24).
    pub manager_after_hours: u32,
    /// Hours past a deadline before the general manager's office is told too (72).
    pub gm_office_after_hours: u32,
    /// Hours from registration within which sales first answers the
    /// customer (24: seed 003 §5.3.1, 24 小时之内作出答复).
    pub first_reply_hours: u32,
    /// Hours from the close within which sales confirms the outcome with the
    /// customer (12: seed 002 §7.4.1, 12 小时内回访客户进行关闭确认).
    pub close_confirmation_hours: u32,
}

impl Default for ChasePolicy {
    fn default() -> Self {
        ChasePolicy { manager_after_hours: 24, gm_office_after_hours: 72, first_reply_hours: 24, close_confirmation_hours: 12 }
    }
}

/// Who a letter reaches, cumulatively: the step's people, then also their
/// department's manager, then also the general manager's office.
pub const LEVELS: [i32; 3] = [1, 2, 3];

/// The longest wait the policy takes, in hours (30 days).
pub const MAX_HOURS: u32 = 720;

impl ChasePolicy {
    /// How long past the deadline `level` is reached.
    pub fn after(&self, level: i32) -> Duration {
        match level {
            ..=1 => Duration::zero(),
            2 => Duration::hours(i64::from(self.manager_after_hours)),
            _ => Duration::hours(i64::from(self.gm_office_after_hours)),
        }
    }

    /// The highest level reached at `now` by a deadline `due`, if any.
    pub fn level_at(&self, due: NaiveDateTime, now: NaiveDateTime) -> Option<i32> {
        LEVELS.iter().rev().copied().find(|l| due + self.after(*l) <= now)
    }

    /// The numbers in range and the escalations in order.
    pub fn check(&self) -> Result<(), Vec<FieldIssue>> {
        let mut issues = Vec::new();
        let hours = [
            ("manager_after_hours", self.manager_after_hours, 1),
            ("gm_office_after_hours", self.gm_office_after_hours, 1),
            ("first_reply_hours", self.first_reply_hours, 1),
            ("close_confirmation_hours", self.close_confirmation_hours, 1),
        ];
        for (field, value, min) in hours {
            if !(min..=MAX_HOURS).contains(&value) {
                issues.push(FieldIssue::new(field, Rule::OutOfRange, format!("{min} to {MAX_HOURS} hours")));
            }
        }
        if issues.is_empty() && self.gm_office_after_hours <= self.manager_after_hours {
            issues.push(FieldIssue::new("gm_office_after_hours", Rule::OutOfRange, "after the manager's escalation"));
        }
        if issues.is_empty() {
            Ok(())
        } else {
            Err(issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hours: i64) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap().and_hms_opt(8, 0, 0).unwrap() + Duration::hours(hours)
    }

    #[test]
    fn escalation_waits_for_each_threshold_past_the_deadline() {
        let p = ChasePolicy::default();
        let due = at(0);
        assert_eq!(p.level_at(due, at(-1)), None, "not yet due");
        assert_eq!(p.level_at(due, at(0)), Some(1), "due: the step's people");
        assert_eq!(p.level_at(due, at(23)), Some(1));
        assert_eq!(p.level_at(due, at(24)), Some(2), "a day late: the manager too");
        assert_eq!(p.level_at(due, at(71)), Some(2));
        assert_eq!(p.level_at(due, at(72)), Some(3), "three days late: the GM office too");
        assert_eq!(p.level_at(due, at(500)), Some(3));
    }

    #[test]
    fn the_policy_keeps_its_numbers_in_range_and_its_escalations_in_order() {
        assert!(ChasePolicy::default().check().is_ok());
        let backwards = ChasePolicy { manager_after_hours: 48, gm_office_after_hours: 48, ..ChasePolicy::default() };
        assert_eq!(backwards.check().unwrap_err()[0].field, "gm_office_after_hours");
        let zero = ChasePolicy { first_reply_hours: 0, ..ChasePolicy::default() };
        assert_eq!(zero.check().unwrap_err()[0].field, "first_reply_hours");
        let long = ChasePolicy { close_confirmation_hours: MAX_HOURS + 1, ..ChasePolicy::default() };
        assert_eq!(long.check().unwrap_err()[0].field, "close_confirmation_hours");
    }

    #[test]
    fn a_stored_policy_missing_newer_fields_reads_with_their_defaults() {
        let p: ChasePolicy = serde_json::from_str(r#"{"manager_after_hours": 12}"#).unwrap();
        assert_eq!(p, ChasePolicy { manager_after_hours: 12, ..ChasePolicy::default() });
    }
}
