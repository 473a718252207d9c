//! The notices that a period's statistics are ready: they name the period.

use super::{Notice, NoticeKind};
use chrono::NaiveDate;

impl Notice {
    /// `week`: its Monday.
    pub fn weekly_report(week: NaiveDate) -> Notice {
        Notice::new(NoticeKind::WeeklyReport, None, &[("week", week.format("%Y-%m-%d").to_string())])
    }

    /// `month`: its first day.
    pub fn monthly_report(month: NaiveDate) -> Notice {
        Notice::new(NoticeKind::MonthlyReport, None, &[("month", month.format("%Y-%m").to_string())])
    }
}
