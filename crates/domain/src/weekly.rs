//! The weekly complaint statistics (domain.md §4.10; seed 002 §7.7: every
//! Friday customer service sums up the complaints of the week before). A
//! week runs from Monday 00:00 to the next Monday on the company's clock; its
//! report is due on the Friday after it. The figures: cases registered (受理)
//! and closed in the week, the first-closure rate of those closed, the cases
//! past their whole-case deadline at the week's end, both by kind and by
//! severity, and the irrational complaints among those closed with their share.

use crate::improvement::IrrationalLevel;
use crate::intake::{ComplaintKind, Severity};
use crate::statistics::{code, share_bp, ClosedCase};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// The Monday that starts the week of `day`.
pub fn week_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The week a report compiled on `today` covers by default: the last one
/// that has ended (上周).
pub fn last_complete_week(today: NaiveDate) -> NaiveDate {
    week_of(today) - Duration::days(7)
}

/// The Friday a week's report is due: in the week after it.
pub fn due_on(week: NaiveDate) -> NaiveDate {
    week_of(week) + Duration::days(11)
}

/// The hour of the company's day from which a due report is prepared.
pub const PREPARED_FROM_HOUR: u32 = 8;

/// The week whose report is due at `local` (company time) — the last one
/// that has ended, from 08:00 on the Friday after it.
pub fn weekly_due(local: NaiveDateTime) -> Option<NaiveDate> {
    let week = last_complete_week(local.date());
    (local >= due_on(week).and_hms_opt(PREPARED_FROM_HOUR, 0, 0)?).then_some(week)
}

/// The month whose monthly report is due at `local`: the last one, from
/// 08:00 on the 10th (domain.md §4.10: by the 10th).
pub fn monthly_due(local: NaiveDateTime) -> Option<NaiveDate> {
    let first = local.date().with_day(1)?;
    (local >= first.with_day(10)?.and_hms_opt(PREPARED_FROM_HOUR, 0, 0)?).then(|| first.checked_sub_months(chrono::Months::new(1))).flatten()
}

/// A case registered in the week, as the breakdowns see it.
#[derive(Clone, Copy, Debug)]
pub struct NewCase {
    pub kind: Option<ComplaintKind>,
    pub severity: Option<Severity>,
}

/// One row of a breakdown: registered and closed in the week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub key: String,
    pub registered: u64,
    pub closed: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weekly {
    pub registered: u64,
    pub closed: u64,
    pub first_closures: u64,
    /// Open at the week's end and past the whole-case deadline.
    pub overdue: u64,
    pub irrational_first: u64,
    pub irrational_second: u64,
    pub by_kind: Vec<Row>,
    pub by_severity: Vec<Row>,
}

impl Weekly {
    /// 一次关闭率: first closures among the cases closed.
    pub fn first_closure_rate_bp(&self) -> Option<i64> {
        share_bp(self.first_closures, self.closed)
    }

    /// 非理性抱怨比例: irrational complaints (either level) among the cases closed.
    pub fn irrational_share_bp(&self) -> Option<i64> {
        share_bp(self.irrational_first + self.irrational_second, self.closed)
    }
}

fn rows(registered: &[NewCase], closed: &[ClosedCase], new_key: impl Fn(&NewCase) -> String, closed_key: impl Fn(&ClosedCase) -> String) -> Vec<Row> {
    let mut map: BTreeMap<String, Row> = BTreeMap::new();
    for c in registered {
        let key = new_key(c);
        map.entry(key.clone()).or_insert(Row { key, registered: 0, closed: 0 }).registered += 1;
    }
    for c in closed {
        let key = closed_key(c);
        map.entry(key.clone()).or_insert(Row { key, registered: 0, closed: 0 }).closed += 1;
    }
    let mut out: Vec<Row> = map.into_values().collect();
    // Most cases first, then by key: a stable order.
    out.sort_by(|a, b| (b.registered + b.closed).cmp(&(a.registered + a.closed)).then(a.key.cmp(&b.key)));
    out
}

pub fn weekly(registered: &[NewCase], closed: &[ClosedCase], overdue: u64) -> Weekly {
    let level = |l: IrrationalLevel| closed.iter().filter(|c| c.irrational == Some(l)).count() as u64;
    Weekly {
        registered: registered.len() as u64,
        closed: closed.len() as u64,
        first_closures: closed.iter().filter(|c| c.first_closure).count() as u64,
        overdue,
        irrational_first: level(IrrationalLevel::First),
        irrational_second: level(IrrationalLevel::Second),
        by_kind: rows(registered, closed, |c| code(c.kind), |c| code(c.kind)),
        by_severity: rows(registered, closed, |c| code(c.severity), |c| code(c.severity)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn closed(id: i64, kind: &str, first: bool, irrational: Option<IrrationalLevel>) -> ClosedCase {
        ClosedCase { id, kind: kind.parse().ok(), severity: Some(Severity::General), first_closure: first, irrational, ..Default::default() }
    }

    #[test]
    fn a_week_runs_monday_to_monday_and_is_reported_the_friday_after() {
        // 2026-12-07 is a Monday.
        assert_eq!(week_of(d(2026, 12, 7)), d(2026, 12, 7));
        assert_eq!(week_of(d(2026, 12, 13)), d(2026, 12, 7), "Sunday ends the week");
        assert_eq!(week_of(d(2026, 12, 14)), d(2026, 12, 14));
        assert_eq!(due_on(d(2026, 11, 30)), d(2026, 12, 11), "a Friday");
        assert_eq!(due_on(d(2026, 12, 3)), d(2026, 12, 11), "any day names its week");
        // On Friday the 11th the report is of the week of the 30th; so too on Sunday the 13th.
        assert_eq!(last_complete_week(d(2026, 12, 11)), d(2026, 11, 30));
        assert_eq!(last_complete_week(d(2026, 12, 13)), d(2026, 11, 30));
        assert_eq!(last_complete_week(d(2026, 12, 14)), d(2026, 12, 7));
        // Across a year's end.
        assert_eq!(week_of(d(2027, 1, 1)), d(2026, 12, 28));
        assert_eq!(due_on(d(2026, 12, 28)), d(2027, 1, 8));
    }

    #[test]
    fn the_figures_and_rates_of_a_week() {
        let new = [
            NewCase { kind: Some(ComplaintKind::Quality), severity: Some(Severity::Severe) },
            NewCase { kind: Some(ComplaintKind::Quality), severity: Some(Severity::General) },
            NewCase { kind: Some(ComplaintKind::NonQuality), severity: None },
        ];
        let done = [
            closed(1, "quality", true, None),
            closed(2, "quality", false, Some(IrrationalLevel::First)),
            closed(3, "non_quality", true, Some(IrrationalLevel::Second)),
        ];
        let w = weekly(&new, &done, 4);
        assert_eq!((w.registered, w.closed, w.first_closures, w.overdue), (3, 3, 2, 4));
        assert_eq!((w.irrational_first, w.irrational_second), (1, 1));
        assert_eq!(w.first_closure_rate_bp(), Some(6667));
        assert_eq!(w.irrational_share_bp(), Some(6667));
        assert_eq!(w.by_kind, [Row { key: "quality".into(), registered: 2, closed: 2 }, Row { key: "non_quality".into(), registered: 1, closed: 1 }]);
        assert_eq!(
            w.by_severity.iter().map(|r| (r.key.as_str(), r.registered, r.closed)).collect::<Vec<_>>(),
            [("general", 1, 3), ("(none)", 1, 0), ("severe", 1, 0)]
        );
        // The breakdowns add up to the totals.
        for rows in [&w.by_kind, &w.by_severity] {
            assert_eq!(rows.iter().map(|r| r.registered).sum::<u64>(), w.registered);
            assert_eq!(rows.iter().map(|r| r.closed).sum::<u64>(), w.closed);
        }
    }

    #[test]
    fn reports_fall_due_on_friday_and_the_tenth_at_eight() {
        let at = |y, m, day, h| d(y, m, day).and_hms_opt(h, 0, 0).unwrap();
        // Friday 2026-12-11: the week of 2026-11-30, from 08:00.
        assert_eq!(weekly_due(at(2026, 12, 11, 7)), None);
        assert_eq!(weekly_due(at(2026, 12, 11, 8)), Some(d(2026, 11, 30)));
        assert_eq!(weekly_due(at(2026, 12, 13, 2)), Some(d(2026, 11, 30)), "the weekend still owes it");
        assert_eq!(weekly_due(at(2026, 12, 14, 9)), None, "Monday to Thursday: the week just ended is not due yet");
        assert_eq!(weekly_due(at(2026, 12, 17, 23)), None);
        assert_eq!(monthly_due(at(2026, 12, 9, 23)), None);
        assert_eq!(monthly_due(at(2026, 12, 10, 7)), None);
        assert_eq!(monthly_due(at(2026, 12, 10, 8)), Some(d(2026, 11, 1)));
        assert_eq!(monthly_due(at(2026, 12, 31, 0)), Some(d(2026, 11, 1)));
        assert_eq!(monthly_due(at(2027, 1, 10, 8)), Some(d(2026, 12, 1)), "across a year's end");
    }

    #[test]
    fn an_empty_week_has_no_rates() {
        let w = weekly(&[], &[], 0);
        assert_eq!((w.first_closure_rate_bp(), w.irrational_share_bp()), (None, None));
        assert!(w.by_kind.is_empty());
        assert_eq!(share_bp(1, 3), Some(3333));
        assert_eq!(share_bp(2, 3), Some(6667));
    }
}
