//! 8D reports for `seed-demo`: a severe quality complaint whose report
//! waits for the QA manager, and one whose report he approved.

use super::{act, open, save, EightDAct, OpenEightD, SaveEightD};
use crate::app::complaints::{self, Act, IntakeCmd};
use crate::app::seed::{caller_for, demo_step};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use chrono::{Duration, NaiveDate};
use kehu_domain::case::{Command, Containment, ContainmentMeasure, Register};
use kehu_domain::eightd::*;
use kehu_domain::intake::{Channel, ComplaintKind, CustomerRequest, Intake, Severity};
use kehu_domain::{Action, Money};
use kehu_persistence::DbConn;

/// A severe quality complaint with its containment, at sales' proposal.
fn severe_case(c: &mut DbConn, customer_id: i64, product: &str, description: &str) -> ApiResult<i64> {
    let sales = caller_for(c, "sales")?;
    let intake = Intake {
        order_number: Some(format!("SO-{product}")),
        product_number: Some(product.into()),
        product_spec: Some("标准".into()),
        ship_date: Some(chrono::Utc::now().date_naive() - Duration::days(12)),
        quantity_shipped: Some(2000),
        defective_quantity: Some(64),
        found_at: Some("客户装配线".into()),
        description: Some(description.into()),
        requests: vec![CustomerRequest::Rework],
        claim_amount: Money::from_fen(3_500_000).ok(),
        channel: Some(Channel::Visit),
        has_sample: true,
        ..Intake::default()
    };
    let filed = complaints::file(&mut Tx::new(c), &Ctx::internal(sales), IntakeCmd { customer_id, market: None, intake })?;
    let register = Register {
        severity: Severity::Severe,
        kind: ComplaintKind::Quality,
        non_quality_cause: None,
        is_major: false,
        eight_d_requested: true,
        repeat_of: None,
        note: None,
    };
    let containment = Containment {
        measures: vec![ContainmentMeasure::Quarantine, ContainmentMeasure::Reinspection],
        description: "在库 1,200 件封存并全检".into(),
        taken_at: None,
    };
    let mut steps = vec![
        demo_step(c, Action::Submit)?,
        (caller_for(c, "coordinator")?, Command::Register(register)),
        (caller_for(c, "qa")?, Command::RecordContainment(containment)),
    ];
    for a in [Action::ConcludeInvestigation, Action::SubmitCountermeasure, Action::ForwardToSales] {
        steps.push(demo_step(c, a)?);
    }
    let mut version = filed.version;
    for (who, command) in steps {
        let step = Act { id: filed.id, version, action: command.action(), command: Ok(command) };
        version = complaints::act(&mut Tx::new(c), &Ctx::internal(who), step)?.complaint.version;
    }
    Ok(filed.id)
}

/// The report QA writes with engineering, complete, as of `today`.
fn written(mut r: EightDReport, engineering: i64, today: NaiveDate) -> EightDReport {
    r.team.push(TeamMember { user_id: engineering, role: TeamRole::Engineering });
    r.root_cause =
        RootCause { methods: vec![CauseMethod::SampleAnalysis, CauseMethod::Fishbone], cause: "电镀槽液温度失控, 镀层附着力不足".into() };
    r.actions = vec![PermanentAction {
        action: "槽液温度加装自动报警并每班点检".into(),
        owner_id: engineering,
        due_on: today,
        done_on: Some(today - Duration::days(1)),
    }];
    let check = |e: &str| Some(VerificationCheck { passed: true, evidence: e.into() });
    r.verification =
        Verification {
            works: check("后续 5 批盐雾试验合格"), no_new_problem: check("外观、尺寸全检无异常"), prevents_recurrence: check("温度纳入控制计划")
        };
    r.prevention = Prevention { documents: vec![PreventionDocument::Fmea, PreventionDocument::ControlPlan, PreventionDocument::WorkInstruction], note: None };
    r.closure = Some(Closing { summary: "措施验证有效, 小组解散".into(), closed_on: today });
    r
}

/// Opens, writes and submits a report; `approve` lets the QA manager approve it.
fn report(c: &mut DbConn, complaint_id: i64, approve: bool) -> ApiResult<()> {
    let qa = Ctx::internal(caller_for(c, "qa")?);
    let opened = open(&mut Tx::new(c), &qa, OpenEightD { complaint_id, customer_requested: false })?;
    let engineering = caller_for(c, "engineering")?.user_id;
    let today = crate::app::customers::today(c, qa.org())?;
    let body = SaveEightD { complaint_id, version: opened.version, report: written(opened.report, engineering, today) };
    let saved = save(&mut Tx::new(c), &qa, body)?;
    let submitted = act(&mut Tx::new(c), &qa, EightDAct { complaint_id, version: saved.version, action: EightDAction::Submit, comment: None })?;
    if approve {
        let manager = Ctx::internal(caller_for(c, "qa_manager")?);
        act(&mut Tx::new(c), &manager, EightDAct { complaint_id, version: submitted.version, action: EightDAction::Approve, comment: None })?;
    }
    Ok(())
}

/// Returns the case whose report was approved.
pub fn seed(c: &mut DbConn, customer_id: i64) -> ApiResult<i64> {
    let waiting = severe_case(c, customer_id, "BRK-2230", "镀层附着力不足, 客户装配时脱落, 停线 4 小时")?;
    report(c, waiting, false)?;
    let approved = severe_case(c, customer_id, "BRK-2231", "盐雾试验 48 小时出现红锈")?;
    report(c, approved, true)?;
    Ok(approved)
}
