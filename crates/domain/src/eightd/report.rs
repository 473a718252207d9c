//! The sections D1–D8 of an 8D report (8D 问题处理报告, domain.md §4.9,
//! seed 002 §5.2–6.1), as structured data, and what makes each complete.

use crate::case::ContainmentMeasure;
use crate::coded_enum;
use crate::issue::{FieldIssue, Rule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

coded_enum! {
    /// A team member's part (问题处理小组, seed 002 §5.2.2).
    TeamRole {
        /// Organises the work and fills the report (负责人).
        Leader = "leader",
        /// The customer's sales representative (业务代表).
        SalesRep = "sales_rep",
        /// Quality engineer (品质技术人员).
        Quality = "quality",
        Engineering = "engineering",
        /// The people directly responsible (直接负责人).
        Responsible = "responsible",
        Member = "member",
    }
}

coded_enum! {
    /// How the root cause was found (seed 002 §5.3.1).
    CauseMethod {
        /// 不良样品检查分析
        SampleAnalysis = "sample_analysis",
        /// 生产记录追踪
        ProductionRecords = "production_records",
        /// 试验验证
        Testing = "testing",
        /// 5M1E 因果图分析
        Fishbone = "fishbone",
        /// 交换试验
        SwapTest = "swap_test",
        /// 头脑风暴法
        Brainstorm = "brainstorm",
    }
}

coded_enum! {
    /// Documents updated so that the fix lasts (seed 002 §6.1).
    PreventionDocument {
        Fmea = "fmea",
        ControlPlan = "control_plan",
        FlowChart = "flow_chart",
        WorkInstruction = "work_instruction",
        /// 检验指导书
        InspectionInstruction = "inspection_instruction",
    }
}

/// D1: one member of the team.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    pub user_id: i64,
    pub role: TeamRole,
}

/// D3: one containment measure and when it was done.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ContainmentStep {
    pub measure: ContainmentMeasure,
    pub description: String,
    pub done_on: Option<NaiveDate>,
}

/// D4: the root cause and how it was found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RootCause {
    pub methods: Vec<CauseMethod>,
    pub cause: String,
}

/// D5: one permanent corrective action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PermanentAction {
    pub action: String,
    pub owner_id: i64,
    pub due_on: NaiveDate,
    /// When it was completed.
    pub done_on: Option<NaiveDate>,
}

/// D6: one verification question answered, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerificationCheck {
    pub passed: bool,
    pub evidence: String,
}

/// D6: the actions work, cause no new problem, and prevent recurrence (seed 002 §5.4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Verification {
    pub works: Option<VerificationCheck>,
    pub no_new_problem: Option<VerificationCheck>,
    pub prevents_recurrence: Option<VerificationCheck>,
}

/// D7: what was updated so that it does not happen again.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Prevention {
    pub documents: Vec<PreventionDocument>,
    /// What changed, or why no document needed it.
    pub note: Option<String>,
}

/// D8: the closing summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Closing {
    pub summary: String,
    pub closed_on: NaiveDate,
}

/// The report's content; a draft may have any section unfinished.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EightDReport {
    pub team: Vec<TeamMember>,
    pub problem: String,
    pub containment: Vec<ContainmentStep>,
    pub root_cause: RootCause,
    pub actions: Vec<PermanentAction>,
    pub verification: Verification,
    pub prevention: Prevention,
    pub closure: Option<Closing>,
}

/// The sections' names, D1 to D8.
pub const SECTIONS: [&str; 8] = ["team", "problem", "containment", "root_cause", "actions", "verification", "prevention", "closure"];

/// At most this many entries in a list section.
pub const MAX_ENTRIES: usize = 50;

/// At most this many characters in one text.
pub const MAX_TEXT: usize = 8000;

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl EightDReport {
    /// Rules every saved draft keeps: list sizes, no member twice, no
    /// date before another it must follow, nothing done in the future.
    pub fn check_draft(&self, today: NaiveDate) -> Vec<FieldIssue> {
        let mut issues = Vec::new();
        for (field, n) in [("team", self.team.len()), ("containment", self.containment.len()), ("actions", self.actions.len())] {
            if n > MAX_ENTRIES {
                issues.push(FieldIssue::new(field, Rule::TooMany, format!("at most {MAX_ENTRIES}")));
            }
        }
        for (i, m) in self.team.iter().enumerate() {
            if self.team[..i].iter().any(|o| o.user_id == m.user_id) {
                issues.push(FieldIssue::new(format!("team[{i}].user_id"), Rule::Duplicate, "each member once"));
            }
        }
        for (i, s) in self.containment.iter().enumerate() {
            if s.done_on.is_some_and(|d| d > today) {
                issues.push(FieldIssue::new(format!("containment[{i}].done_on"), Rule::Future, "not in the future"));
            }
        }
        for (i, a) in self.actions.iter().enumerate() {
            if a.done_on.is_some_and(|d| d > today) {
                issues.push(FieldIssue::new(format!("actions[{i}].done_on"), Rule::Future, "not in the future"));
            }
        }
        if self.closure.as_ref().is_some_and(|c| c.closed_on > today) {
            issues.push(FieldIssue::new("closure.closed_on", Rule::Future, "not in the future"));
        }
        for (field, text) in self.texts() {
            if text.chars().count() > MAX_TEXT {
                issues.push(FieldIssue::new(field, Rule::TooLong, format!("at most {MAX_TEXT} characters")));
            }
        }
        issues
    }

    /// Every free text with its field, to bound their length.
    fn texts(&self) -> Vec<(String, &str)> {
        let mut t = vec![("problem".to_owned(), self.problem.as_str()), ("root_cause.cause".to_owned(), self.root_cause.cause.as_str())];
        t.extend(self.containment.iter().enumerate().map(|(i, s)| (format!("containment[{i}].description"), s.description.as_str())));
        t.extend(self.actions.iter().enumerate().map(|(i, a)| (format!("actions[{i}].action"), a.action.as_str())));
        let v = &self.verification;
        for (field, check) in [("works", &v.works), ("no_new_problem", &v.no_new_problem), ("prevents_recurrence", &v.prevents_recurrence)] {
            if let Some(c) = check {
                t.push((format!("verification.{field}.evidence"), c.evidence.as_str()));
            }
        }
        t.extend(self.prevention.note.as_deref().map(|n| ("prevention.note".to_owned(), n)));
        t.extend(self.closure.as_ref().map(|c| ("closure.summary".to_owned(), c.summary.as_str())));
        t
    }

    /// What each section still lacks to be complete (D1 first).
    pub fn gaps(&self) -> [Vec<FieldIssue>; 8] {
        let req = |field: String, msg: &str| FieldIssue::new(field, Rule::Required, msg);
        let mut team = Vec::new();
        // Seed 002 §5.2.2: at least the sales representative, a quality
        // engineer and someone from engineering or directly responsible.
        let has = |roles: &[TeamRole]| self.team.iter().any(|m| roles.contains(&m.role));
        if !has(&[TeamRole::SalesRep]) {
            team.push(req("team".into(), "the sales representative"));
        }
        if !has(&[TeamRole::Quality]) {
            team.push(req("team".into(), "a quality engineer"));
        }
        if !has(&[TeamRole::Engineering, TeamRole::Responsible]) {
            team.push(req("team".into(), "engineering or the people responsible"));
        }
        let problem = if blank(&self.problem) { vec![req("problem".into(), "describe the problem")] } else { Vec::new() };
        let mut containment = Vec::new();
        if self.containment.is_empty() {
            containment.push(req("containment".into(), "at least one containment measure"));
        }
        for (i, s) in self.containment.iter().enumerate() {
            if blank(&s.description) {
                containment.push(req(format!("containment[{i}].description"), "what was done"));
            }
            if s.done_on.is_none() {
                containment.push(req(format!("containment[{i}].done_on"), "when it was done"));
            }
        }
        let mut root_cause = Vec::new();
        if self.root_cause.methods.is_empty() {
            root_cause.push(req("root_cause.methods".into(), "how the cause was found"));
        }
        if blank(&self.root_cause.cause) {
            root_cause.push(req("root_cause.cause".into(), "the root cause"));
        }
        let mut actions = Vec::new();
        if self.actions.is_empty() {
            actions.push(req("actions".into(), "at least one permanent action"));
        }
        for (i, a) in self.actions.iter().enumerate() {
            if blank(&a.action) {
                actions.push(req(format!("actions[{i}].action"), "what is done"));
            }
            if a.done_on.is_none() {
                actions.push(req(format!("actions[{i}].done_on"), "completed before the report is submitted"));
            }
        }
        let mut verification = Vec::new();
        let v = &self.verification;
        for (field, check) in [("works", &v.works), ("no_new_problem", &v.no_new_problem), ("prevents_recurrence", &v.prevents_recurrence)] {
            match check {
                Some(c) if c.passed && !blank(&c.evidence) => {}
                Some(c) if !c.passed => verification.push(FieldIssue::new(format!("verification.{field}.passed"), Rule::NotVerified, "not verified yet")),
                _ => verification.push(req(format!("verification.{field}.evidence"), "the evidence")),
            }
        }
        let prevention = if self.prevention.documents.is_empty() && self.prevention.note.as_deref().is_none_or(blank) {
            vec![req("prevention".into(), "the documents updated, or why none needed it")]
        } else {
            Vec::new()
        };
        let closure = match &self.closure {
            Some(c) if !blank(&c.summary) => Vec::new(),
            _ => vec![req("closure.summary".into(), "the closing summary")],
        };
        [team, problem, containment, root_cause, actions, verification, prevention, closure]
    }

    /// Which sections are complete, D1 to D8.
    pub fn progress(&self) -> [bool; 8] {
        self.gaps().map(|g| g.is_empty())
    }
}
