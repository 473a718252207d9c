//! Deadlines (处理期限, domain.md §4.4) in the company's time zone with a
//! working-day calendar.

use crate::workflow::State;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a step may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepDuration {
    Hours(u32),
    Days(u32),
    WorkingDays(u32),
}

/// The company's working days: Monday to Friday unless the calendar says
/// otherwise (public holidays off, make-up working weekends on).
#[derive(Clone, Debug)]
pub struct Calendar {
    pub tz: Tz,
    /// `true` = working day, `false` = day off.
    pub overrides: BTreeMap<NaiveDate, bool>,
}

impl Calendar {
    pub fn new(tz: Tz) -> Calendar {
        Calendar { tz, overrides: BTreeMap::new() }
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        self.overrides.get(&d).copied().unwrap_or(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
    }

    pub fn local_date(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// The instant the local day `d` begins.
    pub fn day_start(&self, d: NaiveDate) -> DateTime<Utc> {
        self.at_local(d, NaiveTime::MIN)
    }

    fn at_local(&self, d: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
        let local = d.and_time(time);
        match self.tz.from_local_datetime(&local).earliest() {
            Some(t) => t.with_timezone(&Utc),
            // A local time skipped by a clock change: take the hour after.
            None => self.at_local(d, time + Duration::hours(1)),
        }
    }

    /// The n-th working day after `day` (a registration due date).
    pub fn add_working_days_to(&self, day: NaiveDate, n: u32) -> NaiveDate {
        let mut d = day;
        let mut left = n;
        while left > 0 {
            match d.succ_opt() {
                Some(next) => d = next,
                None => return d,
            }
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// `n` working days after `start`: the same local time of day on the n-th
    /// working day after it. A start on a day off counts from the beginning
    /// of the next working day, so each counted day is a whole working day.
    pub fn add_working_days(&self, start: DateTime<Utc>, n: u32) -> DateTime<Utc> {
        let local = start.with_timezone(&self.tz);
        let mut day = local.date_naive();
        let mut time = local.time();
        if !self.is_working_day(day) {
            while !self.is_working_day(day) {
                day = day.succ_opt().unwrap_or(day);
            }
            time = NaiveTime::MIN;
        }
        let mut counted = 0;
        while counted < n {
            day = day.succ_opt().unwrap_or(day);
            if self.is_working_day(day) {
                counted += 1;
            }
        }
        self.at_local(day, time)
    }

    pub fn add(&self, start: DateTime<Utc>, d: StepDuration) -> DateTime<Utc> {
        match d {
            StepDuration::Hours(h) => start + Duration::hours(i64::from(h)),
            StepDuration::Days(n) => start + Duration::days(i64::from(n)),
            StepDuration::WorkingDays(n) => self.add_working_days(start, n),
        }
    }
}

crate::coded_enum! {
    /// 内销 / 外销: foreign cases get longer deadlines.
    #[schema_name = "MarketCode"]
    Market {
        Domestic = "domestic",
        Foreign = "foreign",
    }
}

/// Step and whole-case deadlines: company policy, editable.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeadlinePolicy {
    pub awaiting_registration: StepDuration,
    pub qa_investigation: StepDuration,
    pub production_countermeasure: StepDuration,
    pub engineering_review: StepDuration,
    pub coordinator_review: StepDuration,
    pub sales_proposal_domestic: StepDuration,
    pub sales_proposal_foreign: StepDuration,
    pub consolidation: StepDuration,
    pub pending_approval: StepDuration,
    pub customer_negotiation: StepDuration,
    /// The sales supervisor's countersign of the outcome; policies stored
    /// before the step existed get the default.
    #[serde(default = "one_day")]
    pub awaiting_countersign: StepDuration,
    pub invalid_notice: StepDuration,
    pub awaiting_close: StepDuration,
    pub case_domestic: StepDuration,
    pub case_foreign: StepDuration,
    pub case_severe: StepDuration,
    pub containment_severe: StepDuration,
}

fn one_day() -> StepDuration {
    StepDuration::Days(1)
}

impl Default for DeadlinePolicy {
    fn default() -> Self {
        use StepDuration::*;
        DeadlinePolicy {
            awaiting_registration: Hours(12),
            qa_investigation: WorkingDays(2),
            production_countermeasure: Days(3),
            engineering_review: Days(2),
            coordinator_review: Days(1),
            sales_proposal_domestic: Days(3),
            sales_proposal_foreign: Days(7),
            consolidation: Days(1),
            pending_approval: Days(1),
            customer_negotiation: Days(6),
            awaiting_countersign: Days(1),
            invalid_notice: Days(3),
            awaiting_close: Days(1),
            case_domestic: Days(13),
            case_foreign: Days(17),
            case_severe: Days(7),
            containment_severe: Hours(24),
        }
    }
}

impl DeadlinePolicy {
    /// The time a state's step may take, if it has a deadline.
    pub fn step(&self, state: State, market: Market) -> Option<StepDuration> {
        use State::*;
        Some(match state {
            Draft | Closed => return None,
            AwaitingRegistration => self.awaiting_registration,
            QaInvestigation => self.qa_investigation,
            ProductionCountermeasure => self.production_countermeasure,
            EngineeringReview => self.engineering_review,
            CoordinatorReview => self.coordinator_review,
            SalesProposal if market == Market::Foreign => self.sales_proposal_foreign,
            SalesProposal => self.sales_proposal_domestic,
            Consolidation => self.consolidation,
            PendingApproval => self.pending_approval,
            CustomerNegotiation => self.customer_negotiation,
            AwaitingCountersign => self.awaiting_countersign,
            InvalidNotice => self.invalid_notice,
            AwaitingClose => self.awaiting_close,
        })
    }

    pub fn step_due(&self, cal: &Calendar, state: State, market: Market, entered: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.step(state, market).map(|d| cal.add(entered, d))
    }

    /// Whole-case deadline from registration; severe quality cases are faster.
    pub fn case_due(&self, cal: &Calendar, market: Market, severe_quality: bool, registered: DateTime<Utc>) -> DateTime<Utc> {
        let d = if severe_quality {
            self.case_severe
        } else if market == Market::Foreign {
            self.case_foreign
        } else {
            self.case_domestic
        };
        cal.add(registered, d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shanghai() -> Calendar {
        Calendar::new(chrono_tz::Asia::Shanghai)
    }

    /// A local Shanghai time as UTC.
    fn sh(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        chrono_tz::Asia::Shanghai.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn working_days_skip_weekends() {
        let cal = shanghai();
        // Thursday 2026-11-19 10:00 + 2 working days = Monday 10:00.
        assert_eq!(cal.add_working_days(sh(2026, 11, 19, 10), 2), sh(2026, 11, 23, 10));
        // Friday + 1 = Monday.
        assert_eq!(cal.add_working_days(sh(2026, 11, 20, 9), 1), sh(2026, 11, 23, 9));
        // Saturday start counts from Monday 00:00: two whole days, due Wednesday 00:00.
        assert_eq!(cal.add_working_days(sh(2026, 11, 21, 15), 2), sh(2026, 11, 25, 0));
    }

    #[test]
    fn registration_due_counts_whole_working_days() {
        let mut cal = shanghai();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        // Thursday + 5 working days = next Thursday.
        assert_eq!(cal.add_working_days_to(d(11, 19), 5), d(11, 26));
        // A holiday on the Monday pushes it to Friday.
        cal.overrides.insert(d(11, 23), false);
        assert_eq!(cal.add_working_days_to(d(11, 19), 5), d(11, 27));
        assert_eq!(cal.add_working_days_to(d(11, 19), 0), d(11, 19));
    }

    #[test]
    fn local_day_not_utc_day() {
        let cal = shanghai();
        // 2026-11-20 Friday 23:30 in Shanghai is still Friday 15:30 UTC, while
        // Saturday 01:00 Shanghai is Friday 17:00 UTC: the local day decides.
        let sat_early = sh(2026, 11, 21, 1);
        assert_eq!(sat_early.weekday(), Weekday::Fri);
        assert_eq!(cal.add_working_days(sat_early, 1), sh(2026, 11, 24, 0));
    }

    #[test]
    fn holidays_and_make_up_days() {
        let mut cal = shanghai();
        // National Day week: 2026-10-01..07 off, Saturday 10-10 a make-up working day.
        for d in 1..=7 {
            cal.overrides.insert(NaiveDate::from_ymd_opt(2026, 10, d).unwrap(), false);
        }
        cal.overrides.insert(NaiveDate::from_ymd_opt(2026, 10, 10).unwrap(), true);
        // Wednesday 09-30 10:00 + 2 working days: 10-08 (Thu), 10-09 (Fri).
        assert_eq!(cal.add_working_days(sh(2026, 9, 30, 10), 2), sh(2026, 10, 9, 10));
        // Friday 10-09 + 1 working day lands on make-up Saturday 10-10.
        assert_eq!(cal.add_working_days(sh(2026, 10, 9, 10), 1), sh(2026, 10, 10, 10));
    }

    #[test]
    fn step_and_case_deadlines() {
        let cal = shanghai();
        let p = DeadlinePolicy::default();
        let t = sh(2026, 11, 23, 10);
        assert_eq!(p.step_due(&cal, State::AwaitingRegistration, Market::Domestic, t), Some(sh(2026, 11, 23, 22)));
        assert_eq!(p.step_due(&cal, State::SalesProposal, Market::Domestic, t), Some(sh(2026, 11, 26, 10)));
        assert_eq!(p.step_due(&cal, State::SalesProposal, Market::Foreign, t), Some(sh(2026, 11, 30, 10)));
        assert_eq!(p.step_due(&cal, State::Closed, Market::Domestic, t), None);
        assert_eq!(p.case_due(&cal, Market::Domestic, false, t), sh(2026, 12, 6, 10));
        assert_eq!(p.case_due(&cal, Market::Foreign, false, t), sh(2026, 12, 10, 10));
        assert_eq!(p.case_due(&cal, Market::Foreign, true, t), sh(2026, 11, 30, 10));
    }

    #[test]
    fn policy_serializes_readably() {
        let json = serde_json::to_string(&StepDuration::WorkingDays(2)).unwrap();
        assert_eq!(json, r#"{"working_days":2}"#);
    }
}
