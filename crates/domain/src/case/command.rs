//! What each workflow action carries (workflow.md "body carries"), parsed:
//! codes are enums, money is exact. Each is also what the case's history
//! records of the action.

use crate::coded_enum;
use crate::intake::{ComplaintKind, NonQualityCause, Severity};
use crate::money::Money;
use crate::resolution::ResolutionKind;
use crate::workflow::Action;
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

coded_enum! {
    /// The intake form's fields, as the coordinator names what is missing.
    IntakeField {
        CustomerId = "customer_id",
        OrderNumber = "order_number",
        ProductNumber = "product_number",
        ProductSpec = "product_spec",
        ShipDate = "ship_date",
        QuantityShipped = "quantity_shipped",
        DefectiveQuantity = "defective_quantity",
        FoundAt = "found_at",
        Description = "description",
        Requests = "requests",
        ClaimAmount = "claim_amount",
        Channel = "channel",
        HasSample = "has_sample",
        Attachments = "attachments",
    }
}

coded_enum! {
    /// Containment measures (围堵措施).
    ContainmentMeasure {
        Recall = "recall",
        Reinspection = "reinspection",
        StopProduction = "stop_production",
        Quarantine = "quarantine",
        ProcessChange = "process_change",
        SendEngineer = "send_engineer",
        Other = "other",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Note {
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Register {
    pub severity: Severity,
    pub kind: ComplaintKind,
    pub non_quality_cause: Option<NonQualityCause>,
    pub is_major: bool,
    /// The customer asks for an 8D report.
    pub eight_d_requested: bool,
    /// The earlier case this one repeats (the service checks it is one the
    /// coordinator may read, of the same product, filed before).
    pub repeat_of: Option<i64>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReturnToSales {
    pub reason: String,
    pub missing_items: Vec<IntakeField>,
}

/// One responsible unit and its share (责任比率).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Share {
    pub department_id: i64,
    pub team: Option<String>,
    pub person_id: Option<i64>,
    pub ratio_percent: i32,
    /// The external company or material supplier behind this share: a
    /// corrective-action request goes to it.
    pub supplier: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Conclude {
    pub defect_verified: bool,
    pub cause: String,
    pub findings: Option<String>,
    pub responsible: Vec<Share>,
    /// The unit that drafts countermeasures; defaults to the largest share.
    pub countermeasure_department_id: Option<i64>,
    pub engineering_needed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Containment {
    pub measures: Vec<ContainmentMeasure>,
    pub description: String,
    pub taken_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Countermeasure {
    pub cause_analysis: String,
    pub containment: String,
    pub permanent_actions: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Opinion {
    pub opinion: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Remarks {
    pub remarks: Option<String>,
}

/// A resolution line as proposed; amounts in CNY.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProposedLine {
    pub kind: ResolutionKind,
    pub quantity: Option<i64>,
    #[serde(serialize_with = "crate::money::opt_as_text::serialize")]
    pub unit_price: Option<Money>,
    #[serde(serialize_with = "crate::money::opt_as_text::serialize")]
    pub amount: Option<Money>,
    #[serde(serialize_with = "crate::money::opt_as_text::serialize")]
    pub transport_cost: Option<Money>,
    pub remarks: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Propose {
    pub lines: Vec<ProposedLine>,
    pub note: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Approve {
    pub comment: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub accepted: bool,
    pub answered_on: NaiveDate,
    pub remarks: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InvalidNotice {
    /// How the customer was told: letter, mail, visit, phone.
    pub method: String,
    pub informed_on: NaiveDate,
    pub remarks: Option<String>,
}

/// One workflow action with what it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Submit(Note),
    Register(Register),
    ReturnToSales(ReturnToSales),
    ConcludeInvestigation(Conclude),
    DeclareInvalid(Reason),
    RecordContainment(Containment),
    SubmitCountermeasure(Countermeasure),
    SubmitEngineeringOpinion(Opinion),
    ForwardToSales(Remarks),
    ProposeResolution(Propose),
    SubmitForApproval(Opinion),
    Approve(Approve),
    Reject(Reason),
    RecordOutcome(Outcome),
    Countersign(Remarks),
    ConfirmInvalidNotice(InvalidNotice),
    Close(Remarks),
    SendBack(Reason),
    Withdraw(Reason),
    Remind(Note),
}

impl Command {
    pub fn action(&self) -> Action {
        match self {
            Command::Submit(_) => Action::Submit,
            Command::Register(_) => Action::Register,
            Command::ReturnToSales(_) => Action::ReturnToSales,
            Command::ConcludeInvestigation(_) => Action::ConcludeInvestigation,
            Command::DeclareInvalid(_) => Action::DeclareInvalid,
            Command::RecordContainment(_) => Action::RecordContainment,
            Command::SubmitCountermeasure(_) => Action::SubmitCountermeasure,
            Command::SubmitEngineeringOpinion(_) => Action::SubmitEngineeringOpinion,
            Command::ForwardToSales(_) => Action::ForwardToSales,
            Command::ProposeResolution(_) => Action::ProposeResolution,
            Command::SubmitForApproval(_) => Action::SubmitForApproval,
            Command::Approve(_) => Action::Approve,
            Command::Reject(_) => Action::Reject,
            Command::RecordOutcome(_) => Action::RecordOutcome,
            Command::Countersign(_) => Action::Countersign,
            Command::ConfirmInvalidNotice(_) => Action::ConfirmInvalidNotice,
            Command::Close(_) => Action::Close,
            Command::SendBack(_) => Action::SendBack,
            Command::Withdraw(_) => Action::Withdraw,
            Command::Remind(_) => Action::Remind,
        }
    }

    /// Did the customer accept (for `record_outcome`)?
    pub fn customer_accepted(&self) -> bool {
        matches!(self, Command::RecordOutcome(o) if o.accepted)
    }
}
