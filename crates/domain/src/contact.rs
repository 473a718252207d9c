//! The customer told in time: sales answers the customer first within the
//! follow-up policy's hours of the registration (seed 003 §5.3.1, 24 小时之内
//! 作出答复) and promises a date for the full answer; after a resolved close,
//! sales confirms the close with the customer within its hours (seed 002
//! §7.4.1, 12 小时内回访客户进行关闭确认) and sends a satisfaction survey.

use crate::chase::ChasePolicy;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use crate::role::Actor;
use crate::Role;
use chrono::{Duration, NaiveDate, NaiveDateTime};

coded_enum! {
    /// Which contact. The names are public API.
    ContactKind {
        /// 首次回复: the first answer to the customer, with a promised date.
        FirstReply = "first_reply",
        /// 回访确认关闭: the customer confirms the outcome of a closed case.
        CloseConfirmation = "close_confirmation",
    }
}

coded_enum! {
    /// How the customer was reached.
    ContactMethod {
        Phone = "phone",
        Email = "email",
        Visit = "visit",
        /// WeChat, WeCom, DingTalk and other instant messages.
        Message = "message",
        Other = "other",
    }
}

coded_enum! {
    /// What a case's history records of its customer contacts. The names are public API.
    ContactEvent {
        RecordFirstReply = "record_first_reply",
        ConfirmClose = "confirm_close",
    }
}

coded_enum! {
    /// Where a contact stands.
    ContactStatus {
        /// Not made yet, before its deadline.
        Open = "open",
        /// Not made yet, past its deadline.
        Late = "late",
        /// Made in time.
        Done = "done",
        /// Made after its deadline.
        DoneLate = "done_late",
    }
}

impl ContactKind {
    /// How long after its clock starts the contact is due.
    pub fn allowed(self, p: &ChasePolicy) -> Duration {
        Duration::hours(i64::from(match self {
            ContactKind::FirstReply => p.first_reply_hours,
            ContactKind::CloseConfirmation => p.close_confirmation_hours,
        }))
    }

    pub fn event(self) -> ContactEvent {
        match self {
            ContactKind::FirstReply => ContactEvent::RecordFirstReply,
            ContactKind::CloseConfirmation => ContactEvent::ConfirmClose,
        }
    }
}

/// What sales records of a contact.
#[derive(Clone, Debug)]
pub struct Contact {
    pub contacted_at: NaiveDateTime,
    pub method: ContactMethod,
    pub summary: String,
    /// First reply: the date the full answer is promised for.
    pub promised_on: Option<NaiveDate>,
    /// Close confirmation: the customer confirmed the outcome.
    pub confirmed: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactRefusal {
    /// Already recorded (409).
    WrongState,
    /// Not this caller's to record (403).
    Forbidden,
    Invalid(Vec<FieldIssue>),
}

/// Longest summary, in characters.
pub const MAX_SUMMARY: usize = 2000;

/// How far ahead of the server's clock a contact time may be (a phone's clock).
const SKEW: Duration = Duration::minutes(5);

/// The case's salespeople (who filed it, who owns the customer), the sales
/// people of its department, and customer service speak to the customer.
pub fn may_record(actor: &Actor, owners: &[i64], sales_department_id: i64, recorded: bool) -> Result<(), ContactRefusal> {
    let sales = [Role::Sales, Role::SalesSupervisor, Role::SalesManager].iter().any(|r| actor.has(*r)) && actor.department_id == sales_department_id;
    if !(owners.contains(&actor.user_id) || sales || actor.has(Role::CustomerService)) {
        return Err(ContactRefusal::Forbidden);
    }
    if recorded {
        return Err(ContactRefusal::WrongState);
    }
    Ok(())
}

/// The record's fields for its kind: a summary, a time between `earliest`
/// (the case's creation, or its close) and now, a promised date on a first
/// reply not before the day of the contact (`contacted_on`, the factory's
/// calendar day), and the customer's word on a close confirmation.
pub fn check(kind: ContactKind, c: &Contact, contacted_on: NaiveDate, earliest: NaiveDateTime, now: NaiveDateTime) -> Result<(), ContactRefusal> {
    let mut issues = Vec::new();
    if c.summary.trim().is_empty() {
        issues.push(FieldIssue::new("summary", Rule::Required, "what the customer was told and said"));
    } else if c.summary.chars().count() > MAX_SUMMARY {
        issues.push(FieldIssue::new("summary", Rule::TooLong, format!("at most {MAX_SUMMARY} characters")));
    }
    if c.contacted_at > now + SKEW {
        issues.push(FieldIssue::new("contacted_at", Rule::Future, "a contact already made"));
    } else if c.contacted_at < earliest {
        issues.push(FieldIssue::new("contacted_at", Rule::OutOfRange, "not before the case's clock started"));
    }
    match kind {
        ContactKind::FirstReply => {
            match c.promised_on {
                None => issues.push(FieldIssue::new("promised_on", Rule::Required, "the date the full answer is promised for")),
                Some(d) if d < contacted_on => issues.push(FieldIssue::new("promised_on", Rule::OutOfRange, "not before the day of the reply")),
                Some(_) => {}
            }
            if c.confirmed.is_some() {
                issues.push(FieldIssue::new("confirmed", Rule::NotOffered, "only a close confirmation records the customer's confirmation"));
            }
        }
        ContactKind::CloseConfirmation => {
            if c.confirmed.is_none() {
                issues.push(FieldIssue::new("confirmed", Rule::Required, "whether the customer confirmed the outcome"));
            }
            if c.promised_on.is_some() {
                issues.push(FieldIssue::new("promised_on", Rule::NotOffered, "only a first reply promises a date"));
            }
        }
    }
    if issues.is_empty() {
        Ok(())
    } else {
        Err(ContactRefusal::Invalid(issues))
    }
}

/// Where a contact due at `due` stands at `now`.
pub fn status(due: NaiveDateTime, contacted_at: Option<NaiveDateTime>, now: NaiveDateTime) -> ContactStatus {
    match contacted_at {
        Some(at) if at > due => ContactStatus::DoneLate,
        Some(_) => ContactStatus::Done,
        None if now > due => ContactStatus::Late,
        None => ContactStatus::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, day).and_then(|d| d.and_hms_opt(hour, 0, 0)).unwrap_or_default()
    }

    fn actor(roles: &[Role], user_id: i64, department_id: i64) -> Actor {
        Actor { user_id, department_id, roles: roles.to_vec() }
    }

    fn reply(promised_on: Option<NaiveDate>, confirmed: Option<bool>) -> Contact {
        Contact { contacted_at: at(7, 10), method: ContactMethod::Phone, summary: "已电话告知, 三天内给出方案".into(), promised_on, confirmed }
    }

    fn fields(r: Result<(), ContactRefusal>) -> Vec<String> {
        match r {
            Err(ContactRefusal::Invalid(v)) => v.into_iter().map(|i| i.field).collect(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_clocks_come_from_the_policy() {
        let p = ChasePolicy::default();
        assert_eq!(ContactKind::FirstReply.allowed(&p), Duration::hours(24));
        assert_eq!(ContactKind::CloseConfirmation.allowed(&p), Duration::hours(12));
    }

    #[test]
    fn the_salesperson_their_department_and_customer_service_record_once() {
        assert_eq!(may_record(&actor(&[Role::Sales], 5, 2), &[5], 2, false), Ok(()));
        assert_eq!(may_record(&actor(&[Role::Sales], 4, 3), &[5, 4], 2, false), Ok(()));
        assert_eq!(may_record(&actor(&[Role::SalesSupervisor], 6, 2), &[5], 2, false), Ok(()));
        assert_eq!(may_record(&actor(&[Role::CustomerService], 7, 9), &[5], 2, false), Ok(()));
        assert_eq!(may_record(&actor(&[Role::Sales], 8, 3), &[5], 2, false), Err(ContactRefusal::Forbidden));
        assert_eq!(may_record(&actor(&[Role::Coordinator], 9, 2), &[5], 2, false), Err(ContactRefusal::Forbidden));
        assert_eq!(may_record(&actor(&[Role::Sales], 5, 2), &[5], 2, true), Err(ContactRefusal::WrongState));
    }

    #[test]
    fn a_first_reply_promises_a_date_not_before_the_reply() {
        let day = at(7, 10).date();
        assert_eq!(check(ContactKind::FirstReply, &reply(Some(day), None), day, at(6, 9), at(7, 11)), Ok(()));
        assert_eq!(fields(check(ContactKind::FirstReply, &reply(None, None), day, at(6, 9), at(7, 11))), ["promised_on"]);
        let before = day.pred_opt().unwrap_or_default();
        assert_eq!(fields(check(ContactKind::FirstReply, &reply(Some(before), Some(true)), day, at(6, 9), at(7, 11))), ["promised_on", "confirmed"]);
    }

    #[test]
    fn a_close_confirmation_records_the_customers_word() {
        let day = at(7, 10).date();
        assert_eq!(check(ContactKind::CloseConfirmation, &reply(None, Some(false)), day, at(7, 8), at(7, 11)), Ok(()));
        assert_eq!(fields(check(ContactKind::CloseConfirmation, &reply(Some(day), None), day, at(7, 8), at(7, 11))), ["confirmed", "promised_on"]);
    }

    #[test]
    fn the_time_lies_between_the_clock_and_now_and_the_summary_is_said() {
        let day = at(7, 10).date();
        let mut c = reply(Some(day), None);
        assert_eq!(fields(check(ContactKind::FirstReply, &c, day, at(7, 11), at(7, 12))), ["contacted_at"]);
        assert_eq!(fields(check(ContactKind::FirstReply, &c, day, at(6, 9), at(7, 9))), ["contacted_at"]);
        c.summary = " ".into();
        assert_eq!(fields(check(ContactKind::FirstReply, &c, day, at(6, 9), at(7, 11))), ["summary"]);
        c.summary = "长".repeat(MAX_SUMMARY + 1);
        assert_eq!(fields(check(ContactKind::FirstReply, &c, day, at(6, 9), at(7, 11))), ["summary"]);
    }

    #[test]
    fn status_by_deadline() {
        assert_eq!(status(at(7, 10), None, at(7, 9)), ContactStatus::Open);
        assert_eq!(status(at(7, 10), None, at(7, 11)), ContactStatus::Late);
        assert_eq!(status(at(7, 10), Some(at(7, 9)), at(8, 0)), ContactStatus::Done);
        assert_eq!(status(at(7, 10), Some(at(7, 12)), at(8, 0)), ContactStatus::DoneLate);
    }
}
