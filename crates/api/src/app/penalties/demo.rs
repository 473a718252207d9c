//! The penalty run for `seed-demo`: a case closed two months ago whose run
//! is approved and published (the lists and the ledger to look at), and a
//! case closed last month whose run the coordinator has yet to start.

use super::act::{self, ItemCmd, RunCmd};
use super::start;
use crate::app::complaints::{self, IntakeCmd};
use crate::app::improvement::demo::run as walk;
use crate::app::seed::{caller_for, demo_step};
use crate::app::{Ctx, Tx};
use crate::error::ApiResult;
use chrono::{Datelike, Months, NaiveDate};
use kehu_domain::case::{Approve, Command, Conclude, Opinion, Outcome, Propose, ProposedLine, Remarks, Share};
use kehu_domain::intake::{Channel, CustomerRequest, Intake};
use kehu_domain::penalty::flow::{ItemAction, RunAction};
use kehu_domain::resolution::ResolutionKind;
use kehu_domain::{Action, Money};
use kehu_persistence::{penalties, DbConn};

/// A complaint filed, investigated with `shares`, compensated with `yuan`,
/// approved by `approver`, closed, and dated as closed on `closed_on`.
fn closed_case(c: &mut DbConn, customer_id: i64, product: &str, shares: Vec<Share>, yuan: i64, approver: &str, closed_on: NaiveDate) -> ApiResult<i64> {
    let intake = Intake {
        order_number: Some(format!("SO-{product}")),
        product_number: Some(product.into()),
        product_spec: Some("标准".into()),
        ship_date: Some(closed_on - chrono::Duration::days(40)),
        quantity_shipped: Some(2_000),
        defective_quantity: Some(180),
        found_at: Some("装配线".into()),
        description: Some("冲压件尺寸超差, 客户装配线停线".into()),
        requests: vec![CustomerRequest::Compensation],
        claim_amount: Money::from_fen(yuan * 100).ok(),
        channel: Some(Channel::Phone),
        has_sample: true,
        ..Intake::default()
    };
    let sales = caller_for(c, "sales")?;
    let id = complaints::file(&mut Tx::new(c), &Ctx::internal(sales), IntakeCmd { customer_id, market: None, intake })?.id;
    let conclude = Conclude {
        defect_verified: true,
        cause: "冲压模具定位销磨损".into(),
        findings: None,
        responsible: shares,
        countermeasure_department_id: None,
        engineering_needed: false,
    };
    let line = ProposedLine {
        kind: ResolutionKind::Compensation,
        quantity: None,
        unit_price: None,
        amount: Money::from_fen(yuan * 100).ok(),
        transport_cost: None,
        remarks: Some("停线损失赔偿".into()),
    };
    let steps = vec![
        ("sales", demo_step(c, Action::Submit)?.1),
        ("coordinator", demo_step(c, Action::Register)?.1),
        ("qa", Command::ConcludeInvestigation(conclude)),
        ("production", demo_step(c, Action::SubmitCountermeasure)?.1),
        ("coordinator", demo_step(c, Action::ForwardToSales)?.1),
        ("sales", Command::ProposeResolution(Propose { lines: vec![line], note: None })),
        ("coordinator", Command::SubmitForApproval(Opinion { opinion: "同意赔偿".into() })),
        (approver, Command::Approve(Approve::default())),
        ("sales", Command::RecordOutcome(Outcome { accepted: true, answered_on: closed_on, remarks: Some("客户接受赔偿".into()) })),
        ("supervisor", Command::Countersign(Remarks { remarks: None })),
        ("coordinator", Command::Close(Remarks { remarks: None })),
    ];
    walk(c, id, steps)?;
    penalties::set_closed_at(c, id, closed_on.and_hms_opt(9, 0, 0).unwrap_or_default())?;
    Ok(id)
}

pub fn seed(c: &mut DbConn, customer_id: i64) -> ApiResult<()> {
    let coordinator = caller_for(c, "coordinator")?;
    let today = crate::app::customers::today(c, coordinator.org_id)?;
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap_or(today);
    let (two_ago, last) = (this_month - Months::new(2), this_month - Months::new(1));
    let production = caller_for(c, "production")?.department_id;
    let sales3 = caller_for(c, "sales3")?;
    let team = |ratio| Share { department_id: production, team: Some("冲压一班".into()), person_id: None, ratio_percent: ratio, supplier: None };
    closed_case(c, customer_id, "STP-4410", vec![team(100)], 120_000, "deputy_gm", two_ago + chrono::Days::new(14))?;
    let person = Share { department_id: sales3.department_id, team: None, person_id: Some(sales3.user_id), ratio_percent: 40, supplier: None };
    closed_case(c, customer_id, "STP-4452", vec![team(60), person], 30_000, "sales_manager", last + chrono::Days::new(9))?;

    let by = |who: &str, c: &mut DbConn| caller_for(c, who).map(Ctx::internal);
    let ctx = by("coordinator", c)?;
    let run = start::start(&mut Tx::new(c), &ctx, two_ago.format("%Y-%m").to_string())?;
    let pmc = by("pmc", c)?;
    for item in &run.items {
        let cmd = ItemCmd { run_id: run.run.id, item_id: item.id, version: item.version, action: ItemAction::Confirm, comment: None, ratios: Vec::new() };
        act::item(&mut Tx::new(c), &pmc, cmd)?;
    }
    let mut version = run.run.version;
    for (who, action) in [("coordinator", RunAction::Submit), ("gm", RunAction::Approve), ("hr", RunAction::Publish)] {
        let cmd = RunCmd { run_id: run.run.id, version, action, comment: None };
        let ctx = by(who, c)?;
        version = act::run(&mut Tx::new(c), &ctx, cmd)?.run.version;
    }
    Ok(())
}
