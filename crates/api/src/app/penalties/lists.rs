//! What an approved run hands on: HR's publication list (人事公布单) of the
//! sanctions, and finance's deduction list (罚扣明细) of what each person's
//! bonus loses this month and carries on, with the departments' late fines.
//! Both are the run as the caller may read it, in the manual's columns.

use super::{view_all, ItemView, LedgerView, RunSummary};
use crate::app::Ctx;
use crate::error::{ApiError, ApiResult};
use kehu_domain::penalty::flow::{ItemKind, RunState};
use kehu_domain::penalty::run::ChargeKind;
use kehu_domain::penalty::SanctionKind;
use kehu_persistence::DbConn;
use serde::Serialize;
use utoipa::ToSchema;

/// One sanction on the publication list.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct PublicationRow {
    /// The person, team or department sanctioned.
    pub subject: String,
    pub department_name: String,
    pub complaint_number: Option<String>,
    /// `party` (the responsible unit or person) or `supervisor` (主管连带).
    #[schema(example = "party")]
    pub role: String,
    pub burden: String,
    pub sanction: SanctionKind,
    pub sanction_count: i32,
    /// What the sanction costs the person, when a person bears it.
    pub fine: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PublicationList {
    pub run: RunSummary,
    pub rows: Vec<PublicationRow>,
}

/// A department's fine for a case not closed in time.
#[derive(Serialize, ToSchema, Clone, Debug)]
pub struct DepartmentFine {
    pub department_name: String,
    pub complaint_number: Option<String>,
    pub amount: String,
}

#[derive(Serialize, ToSchema)]
pub struct DeductionList {
    pub run: RunSummary,
    pub people: Vec<LedgerView>,
    pub departments: Vec<DepartmentFine>,
    /// Σ deducted from bonuses this month.
    pub deducted_total: String,
    /// Σ carried on into the following months.
    pub carried_on_total: String,
    pub department_fines_total: String,
}

fn approved(run: &RunSummary) -> ApiResult<()> {
    if matches!(run.state, RunState::Approved | RunState::Published) {
        Ok(())
    } else {
        Err(ApiError::state("the general manager has not approved this run yet"))
    }
}

fn subject(i: &ItemView) -> String {
    i.person_name.clone().or_else(|| i.team_name.clone()).unwrap_or_else(|| i.department_name.clone())
}

pub fn publication(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<PublicationList> {
    let v = view_all(conn, ctx, id)?;
    approved(&v.run)?;
    let mut rows = Vec::new();
    for i in v.items.iter().filter(|i| i.kind == ItemKind::Share) {
        let (Some(sanction), Some(count)) = (i.sanction, i.sanction_count) else { continue };
        let fine = v.charges.iter().find(|c| c.item_id == i.id && c.kind == ChargeKind::Sanction).map(|c| c.amount.clone());
        rows.push(PublicationRow {
            subject: subject(i),
            department_name: i.department_name.clone(),
            complaint_number: i.complaint_number.clone(),
            role: "party".into(),
            burden: i.burden.clone(),
            sanction,
            sanction_count: count,
            fine,
        });
    }
    for c in v.charges.iter().filter(|c| c.kind == ChargeKind::Supervisor) {
        let (Some(sanction), Some(count)) = (c.sanction, c.sanction_count) else { continue };
        let burden = v.items.iter().find(|i| i.id == c.item_id).map(|i| i.burden.clone()).unwrap_or_default();
        rows.push(PublicationRow {
            subject: c.display_name.clone(),
            department_name: c.department_name.clone(),
            complaint_number: c.complaint_number.clone(),
            role: "supervisor".into(),
            burden,
            sanction,
            sanction_count: count,
            fine: Some(c.amount.clone()),
        });
    }
    Ok(PublicationList { run: v.run, rows })
}

fn total<'a>(amounts: impl Iterator<Item = &'a str>) -> String {
    let fen: i64 = amounts.filter_map(|a| a.parse::<kehu_domain::Money>().ok()).map(|m| m.fen()).sum();
    crate::http::money::show(fen)
}

pub fn deductions(conn: &mut DbConn, ctx: &Ctx, id: i64) -> ApiResult<DeductionList> {
    let v = view_all(conn, ctx, id)?;
    approved(&v.run)?;
    let departments: Vec<DepartmentFine> = v
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::LateFine)
        .map(|i| DepartmentFine { department_name: i.department_name.clone(), complaint_number: i.complaint_number.clone(), amount: i.burden.clone() })
        .collect();
    Ok(DeductionList {
        deducted_total: total(v.ledger.iter().map(|l| l.deducted.as_str())),
        carried_on_total: total(v.ledger.iter().map(|l| l.carried_on.as_str())),
        department_fines_total: total(departments.iter().map(|d| d.amount.as_str())),
        run: v.run,
        people: v.ledger,
        departments,
    })
}

fn sanction_label(kind: SanctionKind, count: i32) -> String {
    let name = match kind {
        SanctionKind::SelfCriticism => "悔过书",
        SanctionKind::Warning => "申诫",
        SanctionKind::MinorDemerit => "小过",
        SanctionKind::MajorDemerit => "大过",
    };
    if count > 1 {
        format!("{name} {count} 次")
    } else {
        name.to_owned()
    }
}

pub const PUBLICATION_HEADERS: [&str; 7] = ["受处分单位/人员", "部门", "投诉编号", "类别", "责任金额", "处分", "罚扣金额"];

pub fn publication_rows(p: &PublicationList) -> Vec<Vec<String>> {
    p.rows
        .iter()
        .map(|r| {
            vec![
                r.subject.clone(),
                r.department_name.clone(),
                r.complaint_number.clone().unwrap_or_default(),
                if r.role == "supervisor" { "主管连带".into() } else { "责任".into() },
                r.burden.clone(),
                sanction_label(r.sanction, r.sanction_count),
                r.fine.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

pub const PEOPLE_HEADERS: [&str; 7] = ["姓名", "部门", "月绩效奖金", "上月结转", "本月罚扣", "本月实扣", "结转下月"];
pub const DEPARTMENT_HEADERS: [&str; 3] = ["部门", "投诉编号", "罚款金额"];

pub fn people_rows(d: &DeductionList) -> Vec<Vec<String>> {
    d.people
        .iter()
        .map(|l| {
            vec![
                l.display_name.clone(),
                l.department_name.clone(),
                l.bonus.clone(),
                l.carried_in.clone(),
                l.charged.clone(),
                l.deducted.clone(),
                l.carried_on.clone(),
            ]
        })
        .collect()
}

pub fn department_rows(d: &DeductionList) -> Vec<Vec<String>> {
    d.departments.iter().map(|f| vec![f.department_name.clone(), f.complaint_number.clone().unwrap_or_default(), f.amount.clone()]).collect()
}
