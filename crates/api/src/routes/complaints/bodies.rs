//! What each workflow action carries on the wire (workflow.md "body
//! carries"), with its field rules, and its conversion into the domain's
//! command.

use crate::error::{not_blank, ApiError, ApiResult, FieldCode, FieldError, Validated};
use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::case::{self, Command, ContainmentMeasure, IntakeField};
use kehu_domain::intake::{ComplaintKind, NonQualityCause, Severity};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::{Action, Money};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use utoipa::ToSchema;
use validator::Validate;

#[derive(Deserialize, ToSchema, Validate, Default)]
#[serde(deny_unknown_fields)]
pub struct NoteBody {
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub note: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    #[schema(min_length = 1, max_length = 4000, example = "缺少交运数量")]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub reason: String,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    pub severity: Severity,
    pub kind: ComplaintKind,
    /// Required when kind is `non_quality`.
    pub non_quality_cause: Option<NonQualityCause>,
    /// 重大投诉: alerts the sales manager, deputy GM and GM.
    #[serde(default)]
    pub is_major: bool,
    /// The customer asks for an 8D report: the case then needs one approved to close.
    #[serde(default)]
    pub eight_d_requested: bool,
    /// The earlier case this one repeats (see `GET /complaints/{id}/recurrence`):
    /// one the caller may read, of the same product, filed before it.
    pub repeat_of: Option<i64>,
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub note: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ReturnToSalesBody {
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub reason: String,
    /// Intake fields that are missing or wrong.
    #[serde(default)]
    pub missing_items: Vec<IntakeField>,
}

#[derive(Deserialize, ToSchema, Validate, Clone)]
#[serde(deny_unknown_fields)]
pub struct ResponsibleUnit {
    pub department_id: i64,
    /// Production team (班组) when known.
    #[schema(max_length = 100)]
    #[validate(length(max = 100, code = "too_long"))]
    pub team: Option<String>,
    /// A person, for sales and service faults.
    pub person_id: Option<i64>,
    #[schema(minimum = 1, maximum = 100)]
    pub ratio_percent: i32,
    /// The external company or material supplier behind this share (at most
    /// 100 characters): concluding the investigation raises a corrective-action
    /// request to it.
    #[schema(max_length = 100)]
    pub supplier: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ConcludeBody {
    pub defect_verified: bool,
    #[schema(min_length = 1, max_length = 4000, example = "冲压模具磨损导致毛刺")]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub cause: String,
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub findings: Option<String>,
    /// Responsible units; ratios sum to 100.
    #[schema(min_items = 1)]
    #[validate(nested)]
    pub responsible: Vec<ResponsibleUnit>,
    /// The unit that drafts countermeasures; defaults to the largest share.
    pub countermeasure_department_id: Option<i64>,
    #[serde(default)]
    pub engineering_needed: bool,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ContainmentBody {
    #[schema(min_items = 1, example = json!(["quarantine", "reinspection"]))]
    pub measures: Vec<ContainmentMeasure>,
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub description: String,
    pub taken_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct CountermeasureBody {
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub cause_analysis: String,
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub containment: String,
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub permanent_actions: String,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct OpinionBody {
    #[schema(min_length = 1, max_length = 4000)]
    #[validate(custom(function = "not_blank"), length(max = 4000, code = "too_long"))]
    pub opinion: String,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct RemarksBody {
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub remarks: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate, Clone)]
#[serde(deny_unknown_fields)]
pub struct LineRequest {
    pub kind: ResolutionKind,
    #[schema(minimum = 1)]
    pub quantity: Option<i64>,
    /// Actual unit price (return) or A-grade unit price (resend), CNY.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$")]
    pub unit_price: Option<String>,
    /// Compensation paid, discount granted, or rework cost, CNY.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$", example = "120000.00")]
    pub amount: Option<String>,
    /// Rework transport cost, CNY.
    #[schema(pattern = "^[0-9]+(\\.[0-9]{1,2})?$")]
    pub transport_cost: Option<String>,
    #[schema(max_length = 1000)]
    #[validate(length(max = 1000, code = "too_long"))]
    pub remarks: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ProposeBody {
    #[schema(min_items = 1, max_items = 50)]
    #[validate(nested)]
    pub lines: Vec<LineRequest>,
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub note: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct ApproveBody {
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub comment: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct OutcomeBody {
    pub accepted: bool,
    /// When the customer answered.
    pub answered_on: NaiveDate,
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub remarks: Option<String>,
}

#[derive(Deserialize, ToSchema, Validate)]
#[serde(deny_unknown_fields)]
pub struct InvalidNoticeBody {
    /// How the customer was told: letter, mail, visit, phone (in writing is the rule).
    #[schema(min_length = 1, max_length = 100, example = "letter")]
    #[validate(custom(function = "not_blank"), length(max = 100, code = "too_long"))]
    pub method: String,
    pub informed_on: NaiveDate,
    #[schema(max_length = 4000)]
    #[validate(length(max = 4000, code = "too_long"))]
    pub remarks: Option<String>,
}

/// The body of `POST /complaints/{id}/actions/{action}`; its shape depends
/// on the action, so the document lists the alternatives (`oneOf`).
pub struct ActionBody;

macro_rules! one_of_bodies {
    ($($body:ty),+ $(,)?) => {
        impl utoipa::PartialSchema for ActionBody {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                let mut one_of = utoipa::openapi::schema::OneOfBuilder::new();
                $(one_of = one_of.item(utoipa::openapi::Ref::from_schema_name(<$body as utoipa::ToSchema>::name()));)+
                one_of.into()
            }
        }

        impl utoipa::ToSchema for ActionBody {
            fn schemas(schemas: &mut Vec<(String, utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>)>) {
                $(
                    schemas.push((<$body as utoipa::ToSchema>::name().into(), <$body as utoipa::PartialSchema>::schema()));
                    <$body as utoipa::ToSchema>::schemas(schemas);
                )+
            }
        }
    };
}

one_of_bodies!(
    NoteBody,
    RegisterBody,
    ReturnToSalesBody,
    ConcludeBody,
    ReasonBody,
    ContainmentBody,
    CountermeasureBody,
    OpinionBody,
    RemarksBody,
    ProposeBody,
    ApproveBody,
    OutcomeBody,
    InvalidNoticeBody,
);

fn parsed<T: DeserializeOwned + Validate>(raw: &[u8]) -> ApiResult<T> {
    crate::http::body::parse::<T>(if raw.is_empty() { b"{}" } else { raw })?.validated()
}

fn money(errors: &mut Vec<FieldError>, field: String, v: &Option<String>) -> Option<Money> {
    match v.as_deref().map(str::parse::<Money>) {
        None => None,
        Some(Ok(m)) => Some(m),
        Some(Err(e)) => {
            errors.push(FieldError::new(field, FieldCode::InvalidMoney, e.to_string()));
            None
        }
    }
}

/// The action's body as the domain's command.
pub fn command(action: Action, raw: &[u8]) -> ApiResult<Command> {
    use case::*;
    Ok(match action {
        Action::Submit => Command::Submit(Note { note: parsed::<NoteBody>(raw)?.note }),
        Action::Register => {
            let b: RegisterBody = parsed(raw)?;
            Command::Register(Register {
                severity: b.severity,
                kind: b.kind,
                non_quality_cause: b.non_quality_cause,
                is_major: b.is_major,
                eight_d_requested: b.eight_d_requested,
                repeat_of: b.repeat_of,
                note: b.note,
            })
        }
        Action::ReturnToSales => {
            let b: ReturnToSalesBody = parsed(raw)?;
            Command::ReturnToSales(ReturnToSales { reason: b.reason, missing_items: b.missing_items })
        }
        Action::ConcludeInvestigation => {
            let b: ConcludeBody = parsed(raw)?;
            let responsible = b
                .responsible
                .into_iter()
                .map(|r| Share {
                    department_id: r.department_id,
                    team: r.team,
                    person_id: r.person_id,
                    ratio_percent: r.ratio_percent,
                    supplier: r.supplier.map(|s| s.trim().to_owned()),
                })
                .collect();
            Command::ConcludeInvestigation(Conclude {
                defect_verified: b.defect_verified,
                cause: b.cause,
                findings: b.findings,
                responsible,
                countermeasure_department_id: b.countermeasure_department_id,
                engineering_needed: b.engineering_needed,
            })
        }
        Action::DeclareInvalid => Command::DeclareInvalid(Reason { reason: parsed::<ReasonBody>(raw)?.reason }),
        Action::RecordContainment => {
            let b: ContainmentBody = parsed(raw)?;
            Command::RecordContainment(Containment { measures: b.measures, description: b.description, taken_at: b.taken_at })
        }
        Action::SubmitCountermeasure => {
            let b: CountermeasureBody = parsed(raw)?;
            Command::SubmitCountermeasure(Countermeasure {
                cause_analysis: b.cause_analysis,
                containment: b.containment,
                permanent_actions: b.permanent_actions,
            })
        }
        Action::SubmitEngineeringOpinion => Command::SubmitEngineeringOpinion(Opinion { opinion: parsed::<OpinionBody>(raw)?.opinion }),
        Action::ForwardToSales => Command::ForwardToSales(Remarks { remarks: parsed::<RemarksBody>(raw)?.remarks }),
        Action::ProposeResolution => Command::ProposeResolution(proposal(parsed(raw)?)?),
        Action::SubmitForApproval => Command::SubmitForApproval(Opinion { opinion: parsed::<OpinionBody>(raw)?.opinion }),
        Action::Approve => Command::Approve(Approve { comment: parsed::<ApproveBody>(raw)?.comment }),
        Action::Reject => Command::Reject(Reason { reason: parsed::<ReasonBody>(raw)?.reason }),
        Action::RecordOutcome => {
            let b: OutcomeBody = parsed(raw)?;
            Command::RecordOutcome(Outcome { accepted: b.accepted, answered_on: b.answered_on, remarks: b.remarks })
        }
        Action::ConfirmInvalidNotice => {
            let b: InvalidNoticeBody = parsed(raw)?;
            Command::ConfirmInvalidNotice(InvalidNotice { method: b.method, informed_on: b.informed_on, remarks: b.remarks })
        }
        Action::Countersign => Command::Countersign(Remarks { remarks: parsed::<RemarksBody>(raw)?.remarks }),
        Action::Close => Command::Close(Remarks { remarks: parsed::<RemarksBody>(raw)?.remarks }),
        Action::SendBack => Command::SendBack(Reason { reason: parsed::<ReasonBody>(raw)?.reason }),
        Action::Withdraw => Command::Withdraw(Reason { reason: parsed::<ReasonBody>(raw)?.reason }),
        Action::Remind => Command::Remind(Note { note: parsed::<NoteBody>(raw)?.note }),
    })
}

fn proposal(b: ProposeBody) -> ApiResult<case::Propose> {
    let mut errors = Vec::new();
    let lines = b
        .lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| case::ProposedLine {
            kind: l.kind,
            quantity: l.quantity,
            unit_price: money(&mut errors, format!("lines[{i}].unit_price"), &l.unit_price),
            amount: money(&mut errors, format!("lines[{i}].amount"), &l.amount),
            transport_cost: money(&mut errors, format!("lines[{i}].transport_cost"), &l.transport_cost),
            remarks: l.remarks,
        })
        .collect();
    ApiError::check(errors)?;
    Ok(case::Propose { lines, note: b.note })
}
