//! Notifications as data: a kind and its parameters, never a sentence. The
//! words live in the SPA's catalogs (`notices.<kind>.title` and `.body`),
//! so each reader sees them in their own language; the constructors below
//! fix which parameters each kind carries.

use crate::care::Dimension;
use crate::coded_enum;
use crate::customer::RequestKind;
use crate::State;
use std::collections::BTreeMap;

mod penalty;
mod report;
mod samples;

coded_enum! {
    /// What a notification tells its reader.
    NoticeKind {
        /// A case now waits for the reader.
        Task = "task",
        /// 催办单: a step is overdue or was urged.
        Reminder = "reminder",
        /// 重大投诉预警.
        MajorAlert = "major_alert",
        /// 洽办单: a step overran its deadline on a case closed late.
        LateInquiry = "late_inquiry",
        /// The late department answered a 洽办单.
        LateInquiryAnswered = "late_inquiry_answered",
        /// 催办单: the whole case is past its close deadline.
        CaseReminder = "case_reminder",
        /// 催办单: a severe case has no containment within its deadline.
        ContainmentReminder = "containment_reminder",
        /// A case closed: confirm the outcome with the customer within the policy's hours.
        CloseConfirmationDue = "close_confirmation_due",
        /// The first reply to the customer is past its deadline.
        FirstReplyLate = "first_reply_late",
        /// The close confirmation with the customer is past its deadline.
        CloseConfirmationLate = "close_confirmation_late",
        /// The customer did not confirm the outcome of a closed case.
        CloseNotConfirmed = "close_not_confirmed",
        CustomerReview = "customer_review",
        CustomerReviewed = "customer_reviewed",
        CustomerClaimed = "customer_claimed",
        CustomerTransferred = "customer_transferred",
        VisitReport = "visit_report",
        VisitReviewed = "visit_reviewed",
        CustomerHandover = "customer_handover",
        SurveyAnswered = "survey_answered",
        SurveyFollowup = "survey_followup",
        AccessRequest = "customer_access_request",
        AccessDecided = "customer_access_decided",
        ChangeRequest = "customer_request",
        ChangeRequestDecided = "customer_request_decided",
        SupplyHold = "customer_supply_hold",
        /// A return or exchange application waits for the reader.
        ReturnTask = "return_task",
        /// An application was approved or refused.
        ReturnDecided = "return_decided",
        /// 催办单 for an application's step.
        ReturnReminder = "return_reminder",
        /// A return note (成品退货单) waits for the reader's step.
        ReturnNoteTask = "return_note_task",
        /// An allowance certificate (销货折让证明单) waits for the reader's step.
        AllowanceTask = "allowance_task",
        /// The internal handling of returned goods (客户退换货处理单) waits for the reader's step.
        ReturnHandlingTask = "return_handling_task",
        /// 催办单 for a return note's step.
        ReturnNoteReminder = "return_note_reminder",
        /// 催办单 for a step of the goods' handling.
        ReturnHandlingReminder = "return_handling_reminder",
        /// 催办单 for an allowance certificate's step.
        AllowanceReminder = "allowance_reminder",
        /// A case's 8D report waits for the reader's (the QA manager's) approval.
        EightDReview = "eight_d_review",
        /// The QA manager approved the reader's 8D report or sent it back.
        EightDDecided = "eight_d_decided",
        /// A closed case's corrective actions are due to be checked.
        EffectivenessDue = "effectiveness_due",
        /// A check failed: a new case, linked to the old one, was drafted.
        EffectivenessFailed = "effectiveness_failed",
        /// A department asks the reader (the coordinator's manager) to defer a case's closure.
        DeferralRequest = "deferral_request",
        /// The reader's deferral request was approved or refused.
        DeferralDecided = "deferral_decided",
        /// A department head's petition (签呈) waits for the reader's (the GM's) decision.
        PetitionRaised = "petition_raised",
        /// The general manager decided a petition on a case the reader raised or coordinates.
        PetitionDecided = "petition_decided",
        /// A corrective-action request to a supplier waits to be sent and answered by its due date.
        SupplierRequest = "supplier_request",
        /// A supplier's answer waits for the reader's (QA's) review.
        SupplierAnswered = "supplier_answered",
        /// A month's reward-and-penalty run waits for the reader's department to confirm or dispute its items.
        PenaltyReview = "penalty_review",
        /// A department disputed an item of the month's run: the coordinator settles it.
        PenaltyDisputed = "penalty_disputed",
        /// A month's run waits for the general manager's approval.
        PenaltyApproval = "penalty_approval",
        /// The general manager sent the month's run back, with the reason.
        PenaltyReturned = "penalty_returned",
        /// The month's run is approved: HR publishes it.
        PenaltyApproved = "penalty_approved",
        /// The month's reward-and-penalty notice is published.
        PenaltyPublished = "penalty_published",
        /// A week's complaint statistics are ready (each Friday, for the week before).
        WeeklyReport = "weekly_report",
        /// A month's complaint statistics are ready (by the 10th, for the month before).
        MonthlyReport = "monthly_report",
    }
}

/// A notification to store: what it is about and the values its text names.
/// Parameters that hold codes (`state`, `dimension`, `request`, `outcome`,
/// `hold`, `review`, `return_state`, `note_state`, `allowance_state`) are worded by the catalogs too (`notices.codes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub complaint_id: Option<i64>,
    pub params: BTreeMap<&'static str, String>,
}

/// 批准 / 未批准, as a code the catalogs translate.
fn outcome(approved: bool) -> String {
    if approved { "approved" } else { "rejected" }.to_owned()
}

impl Notice {
    fn new(kind: NoticeKind, complaint_id: Option<i64>, params: &[(&'static str, String)]) -> Notice {
        Notice { kind, complaint_id, params: params.iter().cloned().collect() }
    }

    fn about_customer(kind: NoticeKind, customer_id: i64, customer: &str, more: &[(&'static str, String)]) -> Notice {
        let mut params = vec![("customer_id", customer_id.to_string()), ("customer", customer.to_owned())];
        params.extend_from_slice(more);
        Notice::new(kind, None, &params)
    }

    /// `number` is the case number, or `#id` for a draft.
    pub fn task(complaint_id: i64, number: &str, state: State) -> Notice {
        Notice::new(NoticeKind::Task, Some(complaint_id), &[("number", number.into()), ("state", state.as_str().into())])
    }

    /// `letter`: the 催办单's id and number.
    pub fn reminder(complaint_id: i64, number: &str, state: State, letter: (i64, &str)) -> Notice {
        let params = [("number", number.into()), ("state", state.as_str().into()), ("letter_id", letter.0.to_string()), ("letter", letter.1.into())];
        Notice::new(NoticeKind::Reminder, Some(complaint_id), &params)
    }

    pub fn major_alert(complaint_id: i64, number: &str, description: &str) -> Notice {
        Notice::new(NoticeKind::MajorAlert, Some(complaint_id), &[("number", number.into()), ("description", description.into())])
    }

    /// `letter`: the 洽办单's id and number.
    pub fn late_inquiry(complaint_id: i64, number: &str, late_step: State, letter: (i64, &str)) -> Notice {
        let params = [("number", number.into()), ("state", late_step.as_str().into()), ("letter_id", letter.0.to_string()), ("letter", letter.1.into())];
        Notice::new(NoticeKind::LateInquiry, Some(complaint_id), &params)
    }

    /// A worker's escalation of the deadline `clock` at `level` (1: the
    /// step's people; 2: their manager too; 3: the GM office too).
    pub fn chase(clock: crate::letter::LetterClock, complaint_id: i64, number: &str, state: State, letter: (i64, &str), level: i32) -> Notice {
        use crate::letter::LetterClock;
        let kind = match clock {
            LetterClock::Step => NoticeKind::Reminder,
            LetterClock::Case => NoticeKind::CaseReminder,
            LetterClock::Containment => NoticeKind::ContainmentReminder,
        };
        let params = [
            ("number", number.into()),
            ("state", state.as_str().into()),
            ("letter_id", letter.0.to_string()),
            ("letter", letter.1.into()),
            ("level", level.to_string()),
        ];
        Notice::new(kind, Some(complaint_id), &params)
    }

    /// The late department answered the 洽办单 `letter` with `answer`.
    pub fn late_inquiry_answered(complaint_id: i64, number: &str, late_step: State, letter: (i64, &str), answer: &str) -> Notice {
        let params = [
            ("number", number.into()),
            ("state", late_step.as_str().into()),
            ("letter_id", letter.0.to_string()),
            ("letter", letter.1.into()),
            ("answer", answer.into()),
        ];
        Notice::new(NoticeKind::LateInquiryAnswered, Some(complaint_id), &params)
    }

    /// A resolved case closed: sales confirms it with the customer within `hours`.
    pub fn close_confirmation_due(complaint_id: i64, number: &str, hours: u32) -> Notice {
        Notice::new(NoticeKind::CloseConfirmationDue, Some(complaint_id), &[("number", number.into()), ("hours", hours.to_string())])
    }

    /// A contact with the customer is past its deadline.
    pub fn contact_late(kind: crate::contact::ContactKind, complaint_id: i64, number: &str) -> Notice {
        let kind = match kind {
            crate::contact::ContactKind::FirstReply => NoticeKind::FirstReplyLate,
            crate::contact::ContactKind::CloseConfirmation => NoticeKind::CloseConfirmationLate,
        };
        Notice::new(kind, Some(complaint_id), &[("number", number.into())])
    }

    /// The customer did not confirm the outcome; `summary` is what they said.
    pub fn close_not_confirmed(complaint_id: i64, number: &str, summary: &str) -> Notice {
        Notice::new(NoticeKind::CloseNotConfirmed, Some(complaint_id), &[("number", number.into()), ("summary", summary.into())])
    }

    fn about_return(kind: NoticeKind, return_id: i64, number: &str, customer: &str, more: &[(&'static str, String)]) -> Notice {
        let mut params = vec![("return_id", return_id.to_string()), ("number", number.to_owned()), ("customer", customer.to_owned())];
        params.extend_from_slice(more);
        Notice::new(kind, None, &params)
    }

    /// An application reached the reader's step (`state`: `return_state` codes).
    pub fn return_task(return_id: i64, number: &str, customer: &str, state: crate::returns::ReturnState) -> Notice {
        Notice::about_return(NoticeKind::ReturnTask, return_id, number, customer, &[("return_state", state.as_str().into())])
    }

    pub fn return_decided(return_id: i64, number: &str, customer: &str, approved: bool, reason: Option<&str>) -> Notice {
        Notice::about_return(NoticeKind::ReturnDecided, return_id, number, customer, &[("outcome", outcome(approved)), ("reason", reason.unwrap_or("").into())])
    }

    pub fn return_reminder(return_id: i64, number: &str, customer: &str, state: crate::returns::ReturnState) -> Notice {
        Notice::about_return(NoticeKind::ReturnReminder, return_id, number, customer, &[("return_state", state.as_str().into())])
    }

    pub fn return_note_task(return_id: i64, number: &str, customer: &str, state: crate::returns::note::NoteState) -> Notice {
        Notice::about_return(NoticeKind::ReturnNoteTask, return_id, number, customer, &[("note_state", state.as_str().into())])
    }

    pub fn return_handling_task(return_id: i64, number: &str, customer: &str, state: crate::returns::handling::HandlingState) -> Notice {
        Notice::about_return(NoticeKind::ReturnHandlingTask, return_id, number, customer, &[("handling_state", state.as_str().into())])
    }

    pub fn return_note_reminder(return_id: i64, number: &str, customer: &str, state: crate::returns::note::NoteState) -> Notice {
        Notice::about_return(NoticeKind::ReturnNoteReminder, return_id, number, customer, &[("note_state", state.as_str().into())])
    }

    pub fn return_handling_reminder(return_id: i64, number: &str, customer: &str, state: crate::returns::handling::HandlingState) -> Notice {
        Notice::about_return(NoticeKind::ReturnHandlingReminder, return_id, number, customer, &[("handling_state", state.as_str().into())])
    }

    pub fn allowance_reminder(allowance_id: i64, number: &str, customer: &str, state: crate::returns::allowance::AllowanceState) -> Notice {
        let params = [
            ("allowance_id", allowance_id.to_string()),
            ("number", number.to_owned()),
            ("customer", customer.to_owned()),
            ("allowance_state", state.as_str().into()),
        ];
        Notice::new(NoticeKind::AllowanceReminder, None, &params)
    }

    /// `name`: the report's (`<complaint number>-<product number>`).
    pub fn eight_d_review(complaint_id: i64, number: &str, name: &str) -> Notice {
        Notice::new(NoticeKind::EightDReview, Some(complaint_id), &[("number", number.into()), ("name", name.into())])
    }

    pub fn eight_d_decided(complaint_id: i64, number: &str, name: &str, approved: bool, comment: Option<&str>) -> Notice {
        let params = [("number", number.into()), ("name", name.into()), ("outcome", outcome(approved)), ("reason", comment.unwrap_or("").into())];
        Notice::new(NoticeKind::EightDDecided, Some(complaint_id), &params)
    }

    /// `state`: an `allowance_state` code.
    pub fn effectiveness_due(complaint_id: i64, number: &str, due_on: chrono::NaiveDate) -> Notice {
        Notice::new(NoticeKind::EffectivenessDue, Some(complaint_id), &[("number", number.into()), ("due_on", due_on.to_string())])
    }

    /// About the failed case `complaint_id`; `follow_up_id` is the new draft.
    pub fn effectiveness_failed(complaint_id: i64, number: &str, follow_up_id: i64, evidence: &str) -> Notice {
        let params = [("number", number.into()), ("follow_up_id", follow_up_id.to_string()), ("evidence", evidence.into())];
        Notice::new(NoticeKind::EffectivenessFailed, Some(complaint_id), &params)
    }

    pub fn deferral_request(complaint_id: i64, number: &str, until: chrono::NaiveDate, reason: &str) -> Notice {
        Notice::new(NoticeKind::DeferralRequest, Some(complaint_id), &[("number", number.into()), ("until", until.to_string()), ("reason", reason.into())])
    }

    pub fn deferral_decided(complaint_id: i64, number: &str, approved: bool, until: chrono::NaiveDate, comment: Option<&str>) -> Notice {
        let params = [("number", number.into()), ("outcome", outcome(approved)), ("until", until.to_string()), ("comment", comment.unwrap_or("").into())];
        Notice::new(NoticeKind::DeferralDecided, Some(complaint_id), &params)
    }

    pub fn petition_raised(complaint_id: i64, number: &str, department: &str, subject: &str) -> Notice {
        Notice::new(
            NoticeKind::PetitionRaised,
            Some(complaint_id),
            &[("number", number.into()), ("department", department.into()), ("subject", subject.into())],
        )
    }

    /// `returned_to`: the step the case went back to (a state code), or empty.
    pub fn petition_decided(complaint_id: i64, number: &str, subject: &str, decision: &str, returned_to: Option<crate::State>) -> Notice {
        let params = [
            ("number", number.into()),
            ("subject", subject.into()),
            ("decision", decision.into()),
            ("returned_to", returned_to.map(|s| s.as_str().to_owned()).unwrap_or_default()),
        ];
        Notice::new(NoticeKind::PetitionDecided, Some(complaint_id), &params)
    }

    pub fn supplier_request(complaint_id: i64, number: &str, supplier: &str, due_on: chrono::NaiveDate) -> Notice {
        Notice::new(
            NoticeKind::SupplierRequest,
            Some(complaint_id),
            &[("number", number.into()), ("supplier", supplier.into()), ("due_on", due_on.to_string())],
        )
    }

    pub fn supplier_answered(complaint_id: i64, number: &str, supplier: &str) -> Notice {
        Notice::new(NoticeKind::SupplierAnswered, Some(complaint_id), &[("number", number.into()), ("supplier", supplier.into())])
    }

    pub fn allowance_task(allowance_id: i64, number: &str, customer: &str, state: crate::returns::allowance::AllowanceState) -> Notice {
        let params = [
            ("allowance_id", allowance_id.to_string()),
            ("number", number.to_owned()),
            ("customer", customer.to_owned()),
            ("allowance_state", state.as_str().into()),
        ];
        Notice::new(NoticeKind::AllowanceTask, None, &params)
    }

    /// A registration waits for the reader's review.
    pub fn customer_review(customer_id: i64, customer: &str, code: &str) -> Notice {
        Notice::about_customer(NoticeKind::CustomerReview, customer_id, customer, &[("code", code.into())])
    }

    pub fn customer_reviewed(customer_id: i64, customer: &str, archived: bool, reason: Option<&str>) -> Notice {
        let review = if archived { "archived" } else { "returned" };
        Notice::about_customer(NoticeKind::CustomerReviewed, customer_id, customer, &[("review", review.into()), ("reason", reason.unwrap_or("").into())])
    }

    /// `by` claimed the reader's customer from the pool.
    pub fn customer_claimed(customer_id: i64, customer: &str, by: &str) -> Notice {
        Notice::about_customer(NoticeKind::CustomerClaimed, customer_id, customer, &[("by", by.into())])
    }

    pub fn customer_transferred(customer_id: i64, customer: &str, reason: &str) -> Notice {
        Notice::about_customer(NoticeKind::CustomerTransferred, customer_id, customer, &[("reason", reason.into())])
    }

    pub fn visit_report(customer_id: i64, customer: &str, purpose: &str) -> Notice {
        Notice::about_customer(NoticeKind::VisitReport, customer_id, customer, &[("purpose", purpose.into())])
    }

    pub fn visit_reviewed(customer_id: i64, customer: &str, comment: &str) -> Notice {
        Notice::about_customer(NoticeKind::VisitReviewed, customer_id, customer, &[("comment", comment.into())])
    }

    /// `customers` of `from` are now the reader's.
    pub fn customer_handover(customers: usize, from: &str) -> Notice {
        Notice::new(NoticeKind::CustomerHandover, None, &[("count", customers.to_string()), ("from", from.into())])
    }

    pub fn survey_answered(customer_id: i64, customer: &str, period: &str) -> Notice {
        Notice::about_customer(NoticeKind::SurveyAnswered, customer_id, customer, &[("period", period.into())])
    }

    pub fn survey_followup(customer_id: i64, customer: &str, dimension: Dimension, score: i64) -> Notice {
        Notice::about_customer(NoticeKind::SurveyFollowup, customer_id, customer, &[("dimension", dimension.as_str().into()), ("score", score.to_string())])
    }

    pub fn access_request(customer_id: i64, customer: &str, reason: &str) -> Notice {
        Notice::about_customer(NoticeKind::AccessRequest, customer_id, customer, &[("reason", reason.into())])
    }

    pub fn access_decided(customer_id: i64, customer: &str, approved: bool, reason: Option<&str>) -> Notice {
        Notice::about_customer(NoticeKind::AccessDecided, customer_id, customer, &[("outcome", outcome(approved)), ("reason", reason.unwrap_or("").into())])
    }

    pub fn change_request(customer_id: i64, customer: &str, kind: RequestKind, reason: &str) -> Notice {
        Notice::about_customer(NoticeKind::ChangeRequest, customer_id, customer, &[("request", kind.as_str().into()), ("reason", reason.into())])
    }

    pub fn change_request_decided(customer_id: i64, customer: &str, kind: RequestKind, approved: bool, reason: Option<&str>) -> Notice {
        let params = [("request", kind.as_str().into()), ("outcome", outcome(approved)), ("reason", reason.unwrap_or("").into())];
        Notice::about_customer(NoticeKind::ChangeRequestDecided, customer_id, customer, &params)
    }

    pub fn supply_hold(customer_id: i64, customer: &str, hold: bool, reason: &str) -> Notice {
        let hold = if hold { "on" } else { "off" };
        Notice::about_customer(NoticeKind::SupplyHold, customer_id, customer, &[("hold", hold.into()), ("reason", reason.into())])
    }
}
