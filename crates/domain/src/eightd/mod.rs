//! The 8D report of a quality complaint (8D 问题处理报告, domain.md §4.9):
//! written section by section by the complaint's team, valid once the QA
//! manager approves it (seed 002 §5.5.4). The policy says when a complaint
//! needs one; such a complaint does not close before the approval.

mod report;
#[cfg(test)]
mod tests;

pub use report::*;

use crate::coded_enum;
use crate::intake::{ComplaintKind, Severity};
use crate::issue::{FieldIssue, Rule};
use crate::role::{Actor, Role};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

coded_enum! {
    /// Where a report stands. The names are public API.
    EightDState {
        /// Being written (also after the QA manager sent it back).
        Draft = "draft",
        /// With the QA manager.
        InReview = "in_review",
        /// Approved: the report is valid and no longer changes.
        Approved = "approved",
    }
}

coded_enum! {
    /// What can be done to a report. The names are public API.
    EightDAction {
        Submit = "submit",
        Approve = "approve",
        /// Back to the team with the QA manager's comments.
        SendBack = "send_back",
    }
}

coded_enum! {
    /// What the case's history records of its 8D report.
    EightDEvent {
        Open = "open_8d",
        Submit = "submit_8d",
        Approve = "approve_8d",
        SendBack = "send_back_8d",
    }
}

impl From<EightDAction> for EightDEvent {
    fn from(a: EightDAction) -> EightDEvent {
        match a {
            EightDAction::Submit => EightDEvent::Submit,
            EightDAction::Approve => EightDEvent::Approve,
            EightDAction::SendBack => EightDEvent::SendBack,
        }
    }
}

/// When a complaint needs an 8D report (an administrator may change it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct EightDPolicy {
    /// Severe quality complaints need one.
    pub severe_quality: bool,
    /// So does a complaint whose customer asks for one.
    pub customer_request: bool,
    /// How far back an earlier complaint of the same product counts as a
    /// recurrence, in days (seed 002 §4.2.1.4).
    pub recurrence_window_days: u32,
    /// How many days after the close QA checks that a case's corrective
    /// actions work (seed 002 §5.4); 0 checks none.
    pub effectiveness_check_days: u32,
    /// Days a supplier has to answer a corrective-action request.
    pub supplier_answer_days: u32,
}

impl Default for EightDPolicy {
    fn default() -> Self {
        EightDPolicy { severe_quality: true, customer_request: true, recurrence_window_days: 180, effectiveness_check_days: 30, supplier_answer_days: 7 }
    }
}

impl EightDPolicy {
    pub fn effectiveness(&self) -> crate::improvement::CheckPolicy {
        crate::improvement::CheckPolicy { after_days: self.effectiveness_check_days }
    }

    /// The oldest filing time that still counts as a recurrence of a case
    /// filed at `filed`.
    pub fn recurrence_since(&self, filed: DateTime<Utc>) -> DateTime<Utc> {
        filed - Duration::days(i64::from(self.recurrence_window_days))
    }

    /// Whether a case filed at `earlier` is one that a case filed at `filed`
    /// repeats: before it and within the window. An earlier complaint of the
    /// same customer and product is a repeat (相同产品或问题连续发生), which
    /// seed 002 §4.2.1 counts as severe, and so needing an 8D report.
    pub fn is_recurrence(&self, filed: DateTime<Utc>, earlier: DateTime<Utc>) -> bool {
        earlier < filed && earlier >= self.recurrence_since(filed)
    }
}

impl EightDPolicy {
    /// Whether a complaint so classified needs an approved report to close.
    pub fn required(&self, severity: Severity, kind: ComplaintKind, customer_requested: bool) -> bool {
        (self.severe_quality && severity == Severity::Severe && kind == ComplaintKind::Quality) || (self.customer_request && customer_requested)
    }
}

/// The report's name: `<complaint number>-<product number>` (seed 002 §5.5.3).
pub fn name(complaint_number: &str, product_number: Option<&str>) -> String {
    match product_number.map(str::trim).filter(|p| !p.is_empty()) {
        Some(p) => format!("{complaint_number}-{p}"),
        None => complaint_number.to_owned(),
    }
}

/// What the rules need to know about a report and its complaint.
#[derive(Clone, Debug)]
pub struct EightDFacts {
    pub state: EightDState,
    /// The team's members (D1).
    pub members: Vec<i64>,
    /// The complaint is still open.
    pub case_open: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EightDRefusal {
    /// Not in a state where this applies (409).
    WrongState,
    /// Not this caller's to do (403).
    Forbidden,
    /// The report or the input is incomplete (422).
    Invalid(Vec<FieldIssue>),
}

/// Quality and engineering write the report, with the team's own members.
fn writer(actor: &Actor, f: &EightDFacts) -> bool {
    actor.has(Role::Qa) || actor.has(Role::QaManager) || actor.has(Role::Engineering) || f.members.contains(&actor.user_id)
}

/// QA opens the report of a registered, open complaint (the QA manager
/// organises the team, seed 002 §5.2.2); the coordinator may too.
pub fn may_open(actor: &Actor, numbered: bool, case_open: bool) -> Result<(), EightDRefusal> {
    if !numbered || !case_open {
        return Err(EightDRefusal::WrongState);
    }
    if actor.has(Role::Qa) || actor.has(Role::QaManager) || actor.has(Role::Coordinator) {
        Ok(())
    } else {
        Err(EightDRefusal::Forbidden)
    }
}

/// A draft is changed by its writers while the complaint is open.
pub fn may_edit(actor: &Actor, f: &EightDFacts) -> Result<(), EightDRefusal> {
    if f.state != EightDState::Draft || !f.case_open {
        return Err(EightDRefusal::WrongState);
    }
    if writer(actor, f) {
        Ok(())
    } else {
        Err(EightDRefusal::Forbidden)
    }
}

/// The state `action` leaves. `report` is checked for `submit`; `comment`
/// is the QA manager's (required to send it back).
pub fn decide(actor: &Actor, f: &EightDFacts, action: EightDAction, report: &EightDReport, comment: Option<&str>) -> Result<EightDState, EightDRefusal> {
    match action {
        EightDAction::Submit => {
            may_edit(actor, f)?;
            let gaps: Vec<FieldIssue> = report.gaps().into_iter().flatten().collect();
            if gaps.is_empty() {
                Ok(EightDState::InReview)
            } else {
                Err(EightDRefusal::Invalid(gaps))
            }
        }
        EightDAction::Approve | EightDAction::SendBack => {
            if f.state != EightDState::InReview || !f.case_open {
                return Err(EightDRefusal::WrongState);
            }
            if !actor.has(Role::QaManager) {
                return Err(EightDRefusal::Forbidden);
            }
            if action == EightDAction::Approve {
                return Ok(EightDState::Approved);
            }
            match comment {
                Some(c) if !c.trim().is_empty() => Ok(EightDState::Draft),
                _ => Err(EightDRefusal::Invalid(vec![FieldIssue::new("comment", Rule::Required, "what the team must change")])),
            }
        }
    }
}

/// The actions `actor` may take now (submitting an incomplete report is
/// offered: the answer names what is missing).
pub fn available(actor: &Actor, f: &EightDFacts) -> Vec<EightDAction> {
    use EightDAction as A;
    [A::Submit, A::Approve, A::SendBack]
        .into_iter()
        .filter(|a| matches!(decide(actor, f, *a, &EightDReport::default(), Some("offered")), Ok(_) | Err(EightDRefusal::Invalid(_))))
        .collect()
}

/// The close guard: a complaint that needs a report closes only once it is approved.
pub fn close_allowed(required: bool, state: Option<EightDState>) -> Result<(), FieldIssue> {
    if required && state != Some(EightDState::Approved) {
        return Err(FieldIssue::new("eight_d", Rule::NotApproved, "the 8D report needs the QA manager's approval first"));
    }
    Ok(())
}
