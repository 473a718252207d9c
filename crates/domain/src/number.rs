//! Complaint numbers: two-digit year, two-digit month, serial within the month
//! (at least four digits), e.g. `2611-0007`. The serial restarts every month.

use chrono::{Datelike, NaiveDate};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComplaintNumber {
    pub period: Period,
    pub serial: u32,
}

/// A numbering month, written `YYMM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    pub month: u32,
}

impl Period {
    pub fn of(date: NaiveDate) -> Period {
        Period { year: date.year(), month: date.month() }
    }

    /// Key used to store the month's counter, e.g. `2611`.
    pub fn key(self) -> String {
        format!("{:02}{:02}", self.year.rem_euclid(100), self.month)
    }
}

impl ComplaintNumber {
    pub fn new(period: Period, serial: u32) -> ComplaintNumber {
        ComplaintNumber { period, serial }
    }

    pub fn parse(s: &str) -> Option<ComplaintNumber> {
        let (p, serial) = s.split_once('-')?;
        if p.len() != 4 || serial.len() < 4 || !p.bytes().chain(serial.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let yy: i32 = p[..2].parse().ok()?;
        let month: u32 = p[2..].parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        let serial: u32 = serial.parse().ok()?;
        if serial == 0 {
            return None;
        }
        Some(ComplaintNumber { period: Period { year: 2000 + yy, month }, serial })
    }
}

impl fmt::Display for ComplaintNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:04}", self.period.key(), self.serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_four_digit_serial_and_grows_past_it() {
        let p = Period::of(NaiveDate::from_ymd_opt(2026, 11, 3).unwrap());
        assert_eq!(ComplaintNumber::new(p, 7).to_string(), "2611-0007");
        assert_eq!(ComplaintNumber::new(p, 12345).to_string(), "2611-12345");
        let jan = Period::of(NaiveDate::from_ymd_opt(2030, 1, 31).unwrap());
        assert_eq!(ComplaintNumber::new(jan, 1).to_string(), "3001-0001");
    }

    #[test]
    fn parses_round_trip_and_rejects_garbage() {
        assert_eq!(ComplaintNumber::parse("2611-0007").unwrap().to_string(), "2611-0007");
        assert_eq!(ComplaintNumber::parse("2611-0007").unwrap().serial, 7);
        for bad in ["2613-0001", "261-0001", "2611-001", "2611-0000", "26110001", "ab11-0001"] {
            assert!(ComplaintNumber::parse(bad).is_none(), "{bad}");
        }
    }
}
