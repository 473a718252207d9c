//! Deciding one workflow action: given the case, the command and the
//! company's rules, what changes, where the case goes, what its history
//! records and who hears of it. Pure; the app loads the case, checks who may
//! act (`permission`), and stores the decision in one transaction.

mod command;
mod decide;
#[cfg(test)]
mod tests;

pub use command::*;
pub use decide::{decide, send_back_to};

use crate::approval::ApprovalPolicy;
use crate::deadline::{Calendar, DeadlinePolicy, Market};
use crate::eightd::{EightDPolicy, EightDState};
use crate::events::EventType;
use crate::intake::{ComplaintKind, Intake, NonQualityCause, Severity};
use crate::issue::FieldIssue;
use crate::money::Money;
use crate::number::Period;
use crate::resolution::{LossPolicy, Valued};
use crate::role::Role;
use crate::workflow::{Action, Closure, State};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What deciding needs to know about the case.
#[derive(Clone, Debug)]
pub struct Case {
    pub state: State,
    pub market: Market,
    /// Has a number (a case sent back to sales and submitted again keeps it).
    pub numbered: bool,
    pub registered_at: Option<DateTime<Utc>>,
    pub case_due_at: Option<DateTime<Utc>>,
    pub is_major: bool,
    pub engineering_requested: bool,
    pub containment_recorded: bool,
    pub settlement_total: Option<Money>,
    /// Needs an approved 8D report to close (see `eightd`), and its state.
    pub eight_d_required: bool,
    pub eight_d_state: Option<EightDState>,
    /// The earlier case this one repeats (set at registration, or by a failed effectiveness check).
    pub repeat_of: Option<i64>,
    pub intake: Intake,
}

/// The company's rules an action may need. `approval` is needed by
/// `submit_for_approval` and `loss` by `propose_resolution` (see
/// [`Command::needs_approval_policy`], [`Command::needs_loss_policy`]).
pub struct Rules<'a> {
    pub calendar: &'a Calendar,
    pub deadlines: &'a DeadlinePolicy,
    /// The policy and its version.
    pub approval: Option<(&'a ApprovalPolicy, i64)>,
    pub loss: Option<LossPolicy>,
    /// When a complaint needs an 8D report; needed by `register`.
    pub eight_d: Option<EightDPolicy>,
}

impl Command {
    pub fn needs_approval_policy(&self) -> bool {
        matches!(self, Command::SubmitForApproval(_))
    }

    pub fn needs_loss_policy(&self) -> bool {
        matches!(self, Command::ProposeResolution(_))
    }

    pub fn needs_eight_d_policy(&self) -> bool {
        matches!(self, Command::Register(_))
    }
}

/// Why an action cannot be decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// The case's state does not allow the action (409).
    WrongState,
    /// Broken field rules (422).
    Invalid(Vec<FieldIssue>),
    /// A rule the service itself broke (a policy the action needs was not given).
    Internal(&'static str),
}

/// Where the case goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    pub state: State,
    pub entered_at: DateTime<Utc>,
    pub step_due_at: Option<DateTime<Utc>>,
    pub closure: Option<Closure>,
    /// Closed within the whole-case deadline (一次关闭); set when closing.
    pub first_closure: Option<bool>,
}

/// Registration's classification and clocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    pub severity: Severity,
    pub kind: ComplaintKind,
    pub non_quality_cause: Option<NonQualityCause>,
    pub is_major: bool,
    /// Set on the first registration only.
    pub registered_at: Option<DateTime<Utc>>,
    pub case_due_at: DateTime<Utc>,
    pub containment_due_at: Option<DateTime<Utc>>,
    /// Needs an approved 8D report to close; once needed, always.
    pub eight_d_required: bool,
    /// The earlier case it repeats, as the coordinator linked it.
    pub repeat_of: Option<i64>,
}

/// QA's findings as the case stores them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Investigation {
    Verified { defect_verified: bool, cause: String, findings: Option<String> },
    Invalid { invalid: bool, reason: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conclusion {
    pub shares: Vec<Share>,
    pub countermeasure_department_id: Option<i64>,
    pub engineering_requested: bool,
    pub investigation: Investigation,
}

/// One containment record on the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ContainmentEntry {
    pub measures: Vec<ContainmentMeasure>,
    pub description: String,
    pub taken_at: DateTime<Utc>,
    pub by: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub lines: Vec<(ProposedLine, Valued)>,
    pub settlement_total: Money,
    pub loss_total: Money,
    pub proposed_by: i64,
    pub proposed_at: DateTime<Utc>,
}

/// The routing `submit_for_approval` gives the case, as its history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Routed {
    pub opinion: String,
    /// The settlement total the tier was found for, as a decimal string.
    pub settlement_total: String,
    pub tier: u32,
    pub approver_role: Role,
    pub policy_version: i64,
}

/// What an action writes on the case besides moving it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    None,
    Registered(Registration),
    Concluded(Conclusion),
    DeclaredInvalid(Investigation),
    ContainmentAdded {
        entry: ContainmentEntry,
        first: bool,
    },
    Countermeasure(Countermeasure),
    EngineeringOpinion(String),
    ForwardedToSales {
        remarks: Option<String>,
    },
    /// A new proposal also voids any earlier routing and approval.
    Proposed(Proposal),
    Routed(Routed),
    Approved {
        by: i64,
        at: DateTime<Utc>,
        comment: Option<String>,
    },
    Rejected {
        reason: String,
    },
    /// The customer's answer, and who recorded it (not the one to countersign it).
    OutcomeRecorded {
        outcome: Outcome,
        by: i64,
    },
    InvalidNoticeGiven(InvalidNotice),
    /// Back from customer negotiation: the approval no longer stands.
    ApprovalVoided,
}

/// Who hears of the action, besides the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The people the case now waits for, with the outbox event.
    Waiting(EventType),
    /// A reminder (催办单) to the people holding the step.
    Reminder,
    /// Only the outbox: the case changed where it stands.
    Updated,
    /// 重大投诉: the department's sales manager, the deputy GM and the GM.
    MajorAlert,
    /// 洽办单: closed after its whole-case deadline; the late steps are asked why.
    LateCloseInquiry,
}

/// What the history records of the action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Nothing {},
    Note(Note),
    Register(Register),
    ReturnToSales(ReturnToSales),
    Conclude(Conclude),
    Reason(Reason),
    Containment(Containment),
    Countermeasure(Countermeasure),
    Opinion(Opinion),
    Remarks(Remarks),
    Propose(Propose),
    Routed(Routed),
    Approve(Approve),
    Outcome(Outcome),
    InvalidNotice(InvalidNotice),
}

/// The decided action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub action: Action,
    pub from: State,
    /// `None`: the case stays where it is.
    pub movement: Option<Movement>,
    pub change: Change,
    /// Number the case in this month (its first registration).
    pub number_in: Option<Period>,
    pub record: Record,
    pub notices: Vec<Notice>,
    /// The customer did not accept: a new linked draft opens for sales.
    pub follow_up: bool,
}

impl Decision {
    /// The state the case is in after the action.
    pub fn to(&self) -> State {
        self.movement.as_ref().map_or(self.from, |m| m.state)
    }
}
