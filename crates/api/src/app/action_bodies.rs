//! What each workflow action carries (workflow.md "body carries").

use chrono::{DateTime, NaiveDate, Utc};
use kehu_domain::intake::{ComplaintKind, NonQualityCause, Severity};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, Serialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct NoteBody {
    #[schema(max_length = 4000)]
    pub note: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonBody {
    #[schema(min_length = 1, max_length = 4000, example = "缺少交运数量")]
    pub reason: String,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegisterBody {
    #[schema(value_type = String, example = "general")]
    pub severity: Severity,
    #[schema(value_type = String, example = "quality")]
    pub kind: ComplaintKind,
    /// Required when kind is `non_quality`.
    #[schema(value_type = Option<String>, example = "late_delivery")]
    pub non_quality_cause: Option<NonQualityCause>,
    /// 重大投诉: alerts the sales manager, deputy GM and GM.
    #[serde(default)]
    pub is_major: bool,
    #[schema(max_length = 4000)]
    pub note: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnToSalesBody {
    #[schema(min_length = 1, max_length = 4000)]
    pub reason: String,
    /// Intake fields that are missing or wrong, e.g. `ship_date`.
    #[serde(default)]
    pub missing_items: Vec<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct ResponsibleUnit {
    pub department_id: i64,
    /// Production team (班组) when known.
    #[schema(max_length = 100)]
    pub team: Option<String>,
    /// A person, for sales and service faults.
    pub person_id: Option<i64>,
    #[schema(minimum = 1, maximum = 100)]
    pub ratio_percent: i32,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConcludeBody {
    pub defect_verified: bool,
    #[schema(min_length = 1, max_length = 4000, example = "冲压模具磨损导致毛刺")]
    pub cause: String,
    #[schema(max_length = 4000)]
    pub findings: Option<String>,
    /// Responsible units; ratios sum to 100.
    #[schema(min_items = 1)]
    pub responsible: Vec<ResponsibleUnit>,
    /// The unit that drafts countermeasures; defaults to the largest share.
    pub countermeasure_department_id: Option<i64>,
    #[serde(default)]
    pub engineering_needed: bool,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContainmentBody {
    /// recall, reinspection, stop_production, quarantine, process_change, send_engineer, other
    #[schema(min_items = 1, example = json!(["quarantine", "reinspection"]))]
    pub measures: Vec<String>,
    #[schema(min_length = 1, max_length = 4000)]
    pub description: String,
    pub taken_at: Option<DateTime<Utc>>,
}

pub const CONTAINMENT_MEASURES: [&str; 7] = ["recall", "reinspection", "stop_production", "quarantine", "process_change", "send_engineer", "other"];

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CountermeasureBody {
    #[schema(min_length = 1, max_length = 4000)]
    pub cause_analysis: String,
    #[schema(min_length = 1, max_length = 4000)]
    pub containment: String,
    #[schema(min_length = 1, max_length = 4000)]
    pub permanent_actions: String,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpinionBody {
    #[schema(min_length = 1, max_length = 4000)]
    pub opinion: String,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemarksBody {
    #[schema(max_length = 4000)]
    pub remarks: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema, Clone)]
#[serde(deny_unknown_fields)]
pub struct LineRequest {
    #[schema(value_type = String, example = "compensation")]
    pub kind: kehu_domain::resolution::ResolutionKind,
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
    pub remarks: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeBody {
    #[schema(min_items = 1, max_items = 50)]
    pub lines: Vec<LineRequest>,
    #[schema(max_length = 4000)]
    pub note: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveBody {
    #[schema(max_length = 4000)]
    pub comment: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeBody {
    pub accepted: bool,
    /// When the customer answered.
    pub answered_on: NaiveDate,
    #[schema(max_length = 4000)]
    pub remarks: Option<String>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvalidNoticeBody {
    /// How the customer was told: letter, mail, visit, phone (in writing is the rule).
    #[schema(min_length = 1, max_length = 100, example = "letter")]
    pub method: String,
    pub informed_on: NaiveDate,
    #[schema(max_length = 4000)]
    pub remarks: Option<String>,
}

/// The body of `POST /complaints/{id}/actions/{action}`; its shape depends on the action.
#[derive(ToSchema, Serialize)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum ActionBody {
    Note(NoteBody),
    Register(RegisterBody),
    ReturnToSales(ReturnToSalesBody),
    Conclude(ConcludeBody),
    Reason(ReasonBody),
    Containment(ContainmentBody),
    Countermeasure(CountermeasureBody),
    Opinion(OpinionBody),
    Remarks(RemarksBody),
    Propose(ProposeBody),
    Approve(ApproveBody),
    Outcome(OutcomeBody),
    InvalidNotice(InvalidNoticeBody),
}
